//! `#/escalation`: every flow, a search across all of them, and the keyword
//! scanner for a customer's message.

use super::{flow_href, step_href};
use crate::components::form::{Binding, TextArea, TextField};
use crate::components::reference::FactText;
use crate::components::source::Sources;
use crate::components::title::set_page_title;
use crate::domain::content;
use crate::domain::flow::{search, Flow, StepRef};
use crate::domain::scanner::{KeywordGroup, KeywordHit};
use crate::domain::text::plural;
use crate::nav::Route;
use crate::nav::{replace_hash, CurrentLocation};
use crate::store::AppState;
use crate::store::{TabMemory, TabSlot};
use leptos::prelude::*;

/// The list page: flows, search and scanner.
#[component]
pub fn FlowListPage() -> impl IntoView {
    set_page_title("Escalation flowchart");
    view! {
        <h1>"Escalation flowchart"</h1>
        <p>
            "Step-by-step procedures for escalations, from the team's SOPs. "
            "Open a flow and answer one question at a time; your answers, ticks and notes are kept in this browser and become case notes."
        </p>
        <FlowCards/>
        <SearchPanel/>
        <ScannerPanel/>
    }
}

/// Every flow with its summary, audience and source, and the walk in progress.
#[component]
fn FlowCards() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section aria-labelledby="esc-flows-heading">
            <h2 id="esc-flows-heading">"Flows"</h2>
            <ul class="esc-flow-list">
                {content::flow_list()
                    .iter()
                    .map(|flow| view! { <FlowCard flow=flow state=state/> })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// One flow of the list.
#[component]
fn FlowCard(
    /// The flow shown.
    flow: &'static Flow,
    /// Where saved walks live.
    state: AppState,
) -> impl IntoView {
    let start = StepRef {
        flow: flow.id.clone(),
        step: flow.start.clone(),
    };
    let start_href = step_href(&flow.id, &start);
    let progress = Memo::new(move |_| {
        state.walks().with(|w| {
            let walk = w.by_flow.get(&flow.id)?;
            if !walk.in_progress(content::flows()) {
                return None;
            }
            let here = walk.current()?;
            let title = content::flows()
                .step(&here.flow, &here.step)
                .map(|s| s.title.clone())?;
            Some((
                walk.visits().len(),
                title,
                step_href(&flow.id, &here.step_ref()),
                walk.outcome(content::flows()).is_some(),
            ))
        })
    });
    let sources: Vec<_> = std::iter::once(flow.source.clone())
        .chain(flow.more_sources.iter().cloned())
        .collect();
    view! {
        <li class="esc-flow-card" data-flow=flow.id.clone()>
            <h3><a href=flow_href(&flow.id)>{flow.title.clone()}</a></h3>
            <p>{flow.summary.clone()}</p>
            <p class="esc-audience">"For: " {flow.audience.clone()}</p>
            <Sources sources=sources/>
            {move || match progress.get() {
                // A finished walk belongs to the last call: the next call
                // starts afresh instead of continuing it by mistake.
                Some((count, title, href, true)) => {
                    let flow_id = flow.id.clone();
                    let start_href = start_href.clone();
                    let start_new = move |_| {
                        state.walks().update(|w| {
                            w.by_flow.remove(&flow_id);
                        });
                        crate::nav::navigate(&start_href);
                    };
                    view! {
                        <p class="esc-in-progress">
                            <strong>"Last walk finished"</strong>
                            {format!(" (step {count}: {title}). ")}
                            <a href=href>"See its case notes"</a>
                            " "
                            <button type="button" class="secondary" on:click=start_new>
                                "Start a new walk"
                            </button>
                        </p>
                    }
                    .into_any()
                }
                Some((count, title, href, false)) => view! {
                    <p class="esc-in-progress">
                        <strong>"Walk in progress"</strong>
                        {format!(" (step {count}: {title}). ")}
                        <a href=href>"Resume"</a>
                        " · "
                        <a href=start_href.clone()>"Start over"</a>
                    </p>
                }
                .into_any(),
                None => view! {
                    <p><a href=start_href.clone()>"Start this flow"</a></p>
                }
                .into_any(),
            }}
        </li>
    }
}

/// Search across the text of every flow, live as the agent types; the query
/// is mirrored in the URL (`?q=`) so a search can be shared.
#[component]
fn SearchPanel() -> impl IntoView {
    let location = expect_context::<CurrentLocation>().0;
    let query = RwSignal::new(
        location
            .with_untracked(|l| l.param("q").map(str::to_string))
            .unwrap_or_default(),
    );
    let hits = Memo::new(move |_| query.with(|q| search(content::flows(), q)));
    let facts = Memo::new(move |_| query.with(|q| content::reference().search(q)));
    // Each edit goes into the URL as well, replacing the entry.
    let typed = move |text: String| {
        let route = Route::Escalation {
            flow: None,
            step: None,
        };
        let href = if text.trim().is_empty() {
            route.href()
        } else {
            route.href_with(&[("q", text.clone())])
        };
        replace_hash(&href);
        query.set(text);
    };
    let summary = move || {
        let typed = query.with(|q| !q.trim().is_empty());
        match (hits.with(Vec::len), facts.with(Vec::len)) {
            _ if !typed => String::new(),
            (0, 0) => "No steps match your search, nor anything in the quick reference. Try fewer or different words.".to_string(),
            (steps, 0) => format!("{} {}.", plural(steps as u64, "step"), verb(steps)),
            (steps, facts) => format!(
                "{} and {} {}.",
                plural(steps as u64, "step"),
                plural(facts as u64, "reference fact"),
                verb(facts)
            ),
        }
    };
    view! {
        <section aria-labelledby="esc-search-heading">
            <h2 id="esc-search-heading">"Find a step"</h2>
            <TextField id="esc-search" kind="search" label="Search all flows" value=Binding::new(move || query.get(), typed)
                hint="Searches the flows' steps and the quick reference (credit limits, statuses, metrics). Every word must appear, e.g. \"case voided\", \"tier 2\" or \"credit limit\"."/>
            <p role="status" class="esc-result-count">{summary}</p>
            <ol class="esc-search-results">
                {move || {
                    hits.get()
                        .into_iter()
                        .filter_map(|hit| {
                            let flows = content::flows();
                            let flow = flows.flow(&hit.flow)?;
                            let step = flow.step(&hit.step)?;
                            let href = step_href(
                                &hit.flow,
                                &StepRef { flow: hit.flow.clone(), step: hit.step.clone() },
                            );
                            Some(view! {
                                <li>
                                    <a href=href>{step.title.clone()}</a>
                                    <span class="esc-hit-flow">{format!(" in {}", flow.title)}</span>
                                    <p class="esc-snippet">{hit.snippet.clone()}</p>
                                </li>
                            })
                        })
                        .collect_view()
                }}
            </ol>
            <Show when=move || facts.with(|f| !f.is_empty())>
                <h3 id="esc-reference-heading">"In the quick reference"</h3>
                <ul class="esc-reference-results">
                    {move || {
                        facts
                            .get()
                            .into_iter()
                            .map(|hit| view! {
                                <li>
                                    <strong>{format!("{}: ", hit.topic.heading)}</strong>
                                    <FactText fact=hit.fact/>
                                </li>
                            })
                            .collect_view()
                    }}
                </ul>
                <p>"The whole quick reference is on the " <a href="#/">"home page"</a> " and in " <a href="#/queue">"My queue"</a> "."</p>
            </Show>
        </section>
    }
}

/// "matches" for one, "match" for more.
fn verb(count: usize) -> &'static str {
    if count == 1 {
        "matches"
    } else {
        "match"
    }
}

/// The customer's message in the scanner, kept in the tab's memory so it
/// survives a visit to a flow and back.
struct ScannerMessage;

impl TabSlot for ScannerMessage {
    type Value = String;
}

/// The keyword scanner: flags qualifiers and gender-sensitivity keywords in a
/// pasted message, explains each, and links to the step to use.
#[component]
fn ScannerPanel() -> impl IntoView {
    let message = expect_context::<TabMemory>().slot::<ScannerMessage>();
    let hits = Memo::new(move |_| message.with(|m| content::scanner().scan(m)));
    let summary = move || {
        let typed = message.with(|m| !m.trim().is_empty());
        hits.with(|hits| match hits.len() {
            _ if !typed => String::new(),
            0 => "Nothing to flag: no qualifier or gender-sensitivity keyword found.".to_string(),
            n => format!(
                "{n} to flag: {}.",
                hits.iter()
                    .map(|h| h.keyword.label.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        })
    };
    view! {
        <section aria-labelledby="esc-scanner-heading">
            <h2 id="esc-scanner-heading">"Check a customer's message"</h2>
            <TextArea id="esc-scanner-input" label="Paste the customer's message" rows=5 value=message
                hint="Flags the qualifiers for additional review and the gender-sensitivity keywords. The text stays in this tab while it is open and is never saved."/>
            <div class="esc-scan-results" data-testid="scan-results">
                <p role="status" class="esc-result-count">{summary}</p>
                <ul class="esc-hit-list">
                    {move || hits.get().into_iter().map(|hit| view! { <ScanHit hit=hit/> }).collect_view()}
                </ul>
            </div>
        </section>
    }
}

/// One flagged keyword: what it is, why it matters, where it was found, the
/// source, and the step to open.
#[component]
fn ScanHit(
    /// The keyword and where it occurs in the message.
    hit: KeywordHit,
) -> impl IntoView {
    let keyword = hit.keyword;
    let group = match keyword.group {
        KeywordGroup::Qualifier => "Qualifier for additional review",
        KeywordGroup::GenderSensitivity => "Gender-sensitivity keyword",
    };
    let mut found: Vec<String> = Vec::new();
    for m in &hit.matches {
        let quoted = format!("\u{201c}{}\u{201d}", m.text);
        if !found.contains(&quoted) {
            found.push(quoted);
        }
    }
    let sources: Vec<_> = std::iter::once(keyword.source.clone())
        .chain(keyword.more_sources.iter().cloned())
        .collect();
    let flows = content::flows();
    let target = StepRef {
        flow: keyword.flow.clone(),
        step: keyword.step.clone(),
    };
    let link_text = match (
        flows.flow(&target.flow),
        flows.step(&target.flow, &target.step),
    ) {
        (Some(flow), Some(step)) => {
            format!("Open \u{201c}{}\u{201d} in {}", step.title, flow.title)
        }
        _ => format!("Open {target}"),
    };
    view! {
        <li class="esc-hit" data-keyword=keyword.id.clone()>
            <h3>{keyword.label.clone()}</h3>
            <p class="esc-hit-group">{group}</p>
            <p>{keyword.explanation.clone()}</p>
            <p>"Found in the message: " <strong>{found.join(", ")}</strong></p>
            <Sources sources=sources/>
            <p><a href=step_href(&target.flow, &target)>{link_text}</a></p>
        </li>
    }
}
