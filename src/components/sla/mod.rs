//! Widgets shared by the SLA calculator, the queue and the settings page:
//! the sub-navigation, deadline times, source notes, the rules in force, the
//! zone and agency fields, the rules editor, and the archive of resolved
//! cases.

pub mod agency;
pub mod archive;
pub mod rules;
pub mod zone;

use crate::components::source::describe_source;
use crate::domain::content;
use crate::domain::sla::{Deadline, SlaEngine};
use crate::domain::source::SourceRef;
use crate::domain::zone::Zone;
use crate::nav::Route;
use crate::store::{AppState, SlaRules};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// "Calculator | My queue", marking the page on screen.
#[component]
pub fn SlaSubNav(
    /// The route of the page showing the navigation.
    current: Route,
) -> impl IntoView {
    let entry = move |route: Route, label: &'static str| {
        let here = (current == route).then_some("page");
        view! {
            <li>
                <a href=route.href() aria-current=here>{label}</a>
            </li>
        }
    };
    view! {
        <nav class="sla-subnav" aria-label="SLA tools">
            <ul>{entry(Route::Sla, "Calculator")} {entry(Route::Queue, "My queue")}</ul>
        </nav>
    }
}

/// The validated rules the pages compute with, and why the saved rules were
/// set aside if they could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct RulesInForce {
    /// The engine built from the saved rules, or from the shipped defaults.
    pub engine: SlaEngine,
    /// Set when the saved rules are invalid and the defaults apply instead.
    pub problem: Option<String>,
}

/// The saved SLA rules as an engine, falling back to the shipped defaults
/// (with a message) when the saved ones are invalid, e.g. after an import.
pub fn rules_in_force(state: AppState) -> Memo<RulesInForce> {
    Memo::new(move |_| {
        let settings = state.sla_rules().with(SlaRules::in_force);
        match SlaEngine::new(&settings) {
            Ok(engine) => RulesInForce {
                engine,
                problem: None,
            },
            Err(error) => RulesInForce {
                engine: SlaEngine::new(content::sla_defaults())
                    .expect("the shipped SLA defaults are validated by the content tests"),
                problem: Some(format!(
                    "Your saved SLA rules cannot be used ({error}), so the shipped defaults apply until you fix them under \u{201c}Rules and business calendar\u{201d} on the calculator page."
                )),
            },
        }
    })
}

/// An instant for people: "Mon 9 Mar 2026, 12:00 EDT" (the form the domain's
/// deadlines use).
pub fn human(instant: &DateTime<Zone>) -> String {
    instant.format("%a %-d %b %Y, %H:%M %Z").to_string()
}

/// An instant for `<time datetime>`: RFC 3339 with its offset.
fn machine(instant: &DateTime<Zone>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// A deadline as `<time>` with its time remaining, which ticks with `now`.
#[component]
pub fn DueTime(
    /// The deadline to show.
    deadline: Deadline,
    /// The current time, for the countdown.
    #[prop(into)]
    now: Signal<DateTime<Utc>>,
    /// `data-testid` of the `<time>` element, if tests need it.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let rfc = deadline.rfc3339();
    let text = deadline.human();
    let remaining = move || deadline.time_remaining(now.get());
    view! {
        <time datetime=rfc data-testid=testid>{text}</time>
        " "
        <span class="sla-remaining">"(" {remaining} ")"</span>
    }
}

/// An instant as `<time>` with no countdown.
#[component]
pub fn InstantTime(
    /// The instant to show.
    instant: DateTime<Zone>,
) -> impl IntoView {
    view! { <time datetime=machine(&instant)>{human(&instant)}</time> }
}

/// "Source: doc 001, lines 9-11 (Training Q&A for case handlers)".
#[component]
pub fn SourceNote(
    /// The document lines to name.
    source: SourceRef,
) -> impl IntoView {
    view! { <p class="source-ref">"Source: " {describe_source(&source)}</p> }
}
