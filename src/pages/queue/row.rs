//! One case in the queue: its next deadline with a live countdown and an
//! urgency in colour and words, editing, contact attempts and removal.

use super::fields::{CaseNotes, HighPriorityField, StatusField};
use super::Removed;
use crate::components::form::{next_uid, FieldError, SelectField, TextField};
use crate::components::sla::{human, DueTime, RulesInForce, SourceNote};
use crate::domain::sla::input::{local_input, read_local_datetime, ASK_ATTEMPT};
use crate::domain::sla::{CaseStatus, Channel, ContactAttempt, Due, Urgency};
use crate::store::AppState;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// The CSS class of an urgency.
fn urgency_class(urgency: Option<Urgency>) -> &'static str {
    match urgency {
        Some(Urgency::Overdue) => "sla-case sla-overdue",
        Some(Urgency::DueSoon) => "sla-case sla-due-soon",
        Some(Urgency::OnTrack) => "sla-case sla-on-track",
        None => "sla-case sla-no-date",
    }
}

/// One case of the queue, found by its number.
#[component]
pub(super) fn CaseRow(
    /// The case number (unique in the queue).
    number: String,
    /// The rules in force.
    rules: Memo<RulesInForce>,
    /// The ticking current time.
    now: RwSignal<DateTime<Utc>>,
    /// Called with the case after it was removed, for undo.
    on_removed: Callback<Removed>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let uid = next_uid();
    let key = number.clone();
    let case = Memo::new(move |_| {
        state
            .queue()
            .with(|q| q.cases.iter().find(|c| c.number == key).cloned())
    });
    let next = Memo::new(move |_| {
        rules.with(|r| case.with(|c| c.as_ref().map(|c| c.next_due(&r.engine))))
    });
    let urgency = move || {
        next.with(|n| match n {
            Some(Ok(Due::At(deadline))) => {
                Some(rules.with(|r| r.engine.urgency(deadline, now.get())))
            }
            _ => None,
        })
    };
    let title_id = format!("sla-case-{uid}-title");
    let labelled_by = title_id.clone();
    let field = move |f: fn(&crate::domain::sla::Case) -> String| {
        move || case.with(|c| c.as_ref().map(f).unwrap_or_default())
    };
    let remove_number = number.clone();
    let remove = move |_| {
        let mut gone = None;
        state.queue().update(|q| {
            if let Some(index) = q.cases.iter().position(|c| c.number == remove_number) {
                gone = Some(Removed {
                    index,
                    case: q.cases.remove(index),
                });
            }
        });
        if let Some(gone) = gone {
            on_removed.run(gone);
        }
    };

    view! {
        <li class=move || urgency_class(urgency()) data-testid="queue-case" data-case=number.clone()>
            <article aria-labelledby=labelled_by>
                <div class="sla-case-head">
                    <h3 id=title_id>{format!("Case {number}")} " \u{2014} " {field(|c| c.customer.clone())}</h3>
                    <Show when=move || case.with(|c| c.as_ref().is_some_and(|c| c.high_priority))>
                        <span class="sla-badge sla-high-priority" data-testid="high-priority">"High priority"</span>
                    </Show>
                    <span class="sla-badge" data-testid="urgency">
                        {move || urgency().map(|u| u.label()).unwrap_or("No date")}
                    </span>
                </div>
                <p class="sla-case-meta">
                    {field(|c| c.case_type.label().to_string())} " \u{b7} Status: "
                    <span data-testid="case-status">{field(|c| c.status.label().to_string())}</span>
                    " \u{b7} Received "
                    {move || {
                        case.with(|c| {
                            c.as_ref().map(|c| match c.received_local() {
                                Ok(local) => human(&local),
                                Err(e) => e.to_string(),
                            })
                        })
                    }}
                </p>
                {move || {
                    next.get()
                        .map(|next| match next {
                            Ok(Due::At(deadline)) => {
                                let label = format!("{} due: ", deadline.kind.label());
                                view! {
                                    <p class="sla-due">
                                        {label}
                                        <DueTime deadline=deadline.clone() now=now testid="case-due"/>
                                    </p>
                                    <p class="hint">{deadline.explanation.clone()}</p>
                                    <SourceNote source=deadline.source/>
                                }
                                    .into_any()
                            }
                            Ok(Due::Undated { explanation, source, .. }) => {
                                view! {
                                    <p class="sla-due">"No date to track."</p>
                                    <p class="hint">{explanation}</p>
                                    <SourceNote source=source/>
                                }
                                    .into_any()
                            }
                            Err(error) => {
                                view! { <p class="inline-error">{format!("This case's deadline cannot be computed: {error}.")}</p> }
                                    .into_any()
                            }
                        })
                }}
                <p class="sla-next-action">
                    "Next action: "
                    {move || {
                        case.with(|c| match c.as_ref().map(|c| c.next_action.as_str()) {
                            Some("") | None => "none recorded".to_string(),
                            Some(text) => text.to_string(),
                        })
                    }}
                </p>
                <EditCase case=case uid=uid/>
                <Attempts case=case rules=rules uid=uid/>
                <div class="button-row">
                    <button type="button" class="danger" on:click=remove aria-label=format!("Remove case {number}")>
                        "Remove"
                    </button>
                </div>
            </article>
        </li>
    }
}

/// Changes a case's status, next action and notes.
#[component]
fn EditCase(
    /// The case being shown.
    case: Memo<Option<crate::domain::sla::Case>>,
    /// The row's id suffix.
    uid: u32,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = move || case.get_untracked();
    let status = RwSignal::new(current().map(|c| c.status).unwrap_or(CaseStatus::Assigned));
    let next_action = RwSignal::new(current().map(|c| c.next_action).unwrap_or_default());
    let notes = RwSignal::new(current().map(|c| c.notes).unwrap_or_default());
    let high_priority = RwSignal::new(current().is_some_and(|c| c.high_priority));
    let message = RwSignal::new(String::new());
    // Saved values changed (this form, another tab, an import): show them.
    let saved = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref().map(|c| {
                (
                    c.status,
                    c.next_action.clone(),
                    c.notes.clone(),
                    c.high_priority,
                )
            })
        })
    });
    Effect::new(move |previous: Option<()>| {
        let values = saved.get();
        if let (Some(_), Some((s, n, t, h))) = (previous, values) {
            status.set(s);
            high_priority.set(h);
            next_action.set(n);
            notes.set(t);
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(number) = current().map(|c| c.number) else {
            return;
        };
        state.queue().update(|q| {
            if let Some(c) = q.cases.iter_mut().find(|c| c.number == number) {
                c.set_status(status.get_untracked(), Utc::now());
                c.next_action = next_action.get_untracked().trim().to_string();
                c.notes = notes.get_untracked().trim().to_string();
                c.high_priority = high_priority.get_untracked();
            }
        });
        message.set(format!("Saved case {number}."));
    };
    let id = |part: &str| format!("sla-case-{uid}-{part}");
    view! {
        <details class="sla-case-details">
            <summary>"Edit status, next action and notes, or the priority"</summary>
            <form on:submit=save>
                <StatusField id=id("status") label="Status" value=status testid="edit-status"/>
                <HighPriorityField id=id("high-priority") value=high_priority/>
                <CaseNotes prefix=format!("sla-case-{uid}") next_action=next_action notes=notes/>
                <div class="button-row">
                    <button type="submit">"Save changes"</button>
                </div>
                <p role="status" class="sla-status">{move || message.get()}</p>
            </form>
        </details>
    }
}

/// The initial-contact attempts of a case and the rule they must meet.
#[component]
fn Attempts(
    /// The case being shown.
    case: Memo<Option<crate::domain::sla::Case>>,
    /// The rules in force.
    rules: Memo<RulesInForce>,
    /// The row's id suffix.
    uid: u32,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let zone = Memo::new(move |_| rules.with(|r| r.engine.calendar().zone()));
    let channel = RwSignal::new(Channel::Email);
    let at = RwSignal::new(local_input(Utc::now(), zone.get_untracked()));
    let error = RwSignal::new(None::<String>);
    let report = Memo::new(move |_| {
        rules.with(|r| case.with(|c| c.as_ref().map(|c| c.attempts_report(&r.engine))))
    });
    let count = move || case.with(|c| c.as_ref().map_or(0, |c| c.attempts.len()));
    let number = move || case.with_untracked(|c| c.as_ref().map(|c| c.number.clone()));
    let log = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = at.get_untracked();
        let instant = match read_local_datetime(&text, zone.get_untracked(), ASK_ATTEMPT) {
            Ok(parsed) => parsed.instant.with_timezone(&Utc),
            Err(e) => {
                error.set(Some(e.to_string()));
                return;
            }
        };
        let checked = case.with_untracked(|c| {
            c.as_ref()
                .map(|c| c.check_attempt(instant, Utc::now(), zone.get_untracked()))
        });
        if let Some(Err(refused)) = checked {
            error.set(Some(refused.to_string()));
            return;
        }
        error.set(None);
        let Some(number) = number() else { return };
        state.queue().update(|q| {
            if let Some(c) = q.cases.iter_mut().find(|c| c.number == number) {
                c.attempts.push(ContactAttempt {
                    channel: channel.get_untracked(),
                    at: instant,
                });
                c.attempts.sort_by_key(|a| a.at);
            }
        });
        at.set(local_input(Utc::now(), zone.get_untracked()));
    };
    let remove = move |index: usize| {
        let Some(number) = number() else { return };
        state.queue().update(|q| {
            if let Some(c) = q.cases.iter_mut().find(|c| c.number == number) {
                if index < c.attempts.len() {
                    c.attempts.remove(index);
                }
            }
        });
    };
    let id = |part: &str| format!("sla-case-{uid}-{part}");
    view! {
        <details class="sla-case-details">
            <summary>{move || format!("Contact attempts ({})", count())}</summary>
            {move || {
                let attempts = case.with(|c| c.as_ref().map(|c| c.attempts.clone()).unwrap_or_default());
                let zone = zone.get();
                if attempts.is_empty() {
                    view! { <p class="hint">"No attempt logged yet."</p> }.into_any()
                } else {
                    view! {
                        <ol class="sla-attempts" data-testid="attempt-list">
                            {attempts
                                .into_iter()
                                .enumerate()
                                .map(|(i, a)| {
                                    let when = a.at.with_timezone(&zone);
                                    let text = format!("{}, {}", a.channel.label(), human(&when));
                                    let label = format!("Remove the {text} attempt");
                                    view! {
                                        <li>
                                            <span>{text}</span>
                                            <button type="button" class="secondary" aria-label=label on:click=move |_| remove(i)>
                                                "Remove"
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
            {move || {
                report
                    .get()
                    .map(|r| {
                        let class = if r.met { "sla-rule-met" } else { "sla-rule-unmet" };
                        view! {
                            <p class=class data-testid="attempts-report">{r.explanation}</p>
                            <SourceNote source=r.source/>
                        }
                    })
            }}
            <p class="hint" id=id("at-hint")>
                {move || format!("Log each attempt with when it was made, in {}, the business calendar's zone.", zone.get().name())}
            </p>
            <form class="inline-form" on:submit=log>
                <SelectField id=id("channel") label="Channel" value=channel/>
                <TextField
                    id=id("at")
                    label="When"
                    kind="datetime-local"
                    value=at
                    error=error
                    error_outside=true
                    hint_id=id("at-hint")
                />
                <button type="submit">"Log attempt"</button>
            </form>
            <FieldError id=id("at-error") message=error/>
        </details>
    }
}
