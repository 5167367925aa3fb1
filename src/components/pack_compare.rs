//! What changed between two packs, as a comparison words it
//! (`domain::pack::ChangeReport`): one line of counts, then each kind of
//! content with its items and their changed words, removed words struck
//! through and added ones underlined (and named for screen readers).

use crate::domain::pack::compare::{ChangeReport, LineChange, ReportEntry, Segment};
use leptos::prelude::*;

/// The report; its sections are `h4`, for a view whose own heading is an
/// `h3`.
#[component]
pub fn ChangeReportView(report: ChangeReport) -> impl IntoView {
    let unchanged = report.sections.is_empty();
    view! {
        <div class="change-report">
            <p class="change-headline">{report.headline}</p>
            {unchanged.then(|| view! { <p>"The two packs teach the same content."</p> })}
            {report
                .sections
                .into_iter()
                .map(|section| view! {
                    <section class="change-section">
                        <h4>{section.title}</h4>
                        {section.entries.into_iter().map(|entry| view! { <Entry entry=entry/> }).collect_view()}
                    </section>
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn Entry(entry: ReportEntry) -> impl IntoView {
    view! {
        <h5>{entry.heading}</h5>
        <ul>
            {entry
                .lines
                .into_iter()
                .map(|line| {
                    let change = match line.change {
                        LineChange::Plain(text) => text.into_any(),
                        LineChange::Words(segments) => segments
                            .into_iter()
                            .map(|segment| match segment {
                                Segment::Same(text) => view! { <span>{text}" "</span> }.into_any(),
                                Segment::Removed(text) => view! {
                                    <del><span class="visually-hidden">"removed: "</span>{text}</del>" "
                                }
                                .into_any(),
                                Segment::Added(text) => view! {
                                    <ins><span class="visually-hidden">"added: "</span>{text}</ins>" "
                                }
                                .into_any(),
                            })
                            .collect_view()
                            .into_any(),
                    };
                    view! { <li><span class="change-label">{line.label}": "</span>{change}</li> }
                })
                .collect_view()}
        </ul>
    }
}
