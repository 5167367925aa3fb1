//! `#/queue`: the agent's own cases, most urgent first, with live countdowns,
//! contact attempts, the end-of-shift check and CSV / iCalendar export.

mod add;
mod fields;
mod row;

use crate::components::clock::use_now;
use crate::components::download::save_file;
use crate::components::focus::focus_after_render;
use crate::components::form::{Binding, FilterSelect};
use crate::components::notice::Notices;
use crate::components::reference::ReferencePanel;
use crate::components::sla::archive::CaseArchive;
use crate::components::sla::{rules_in_force, RulesInForce, SlaSubNav, SourceNote};
use crate::components::title::set_page_title;
use crate::domain::sla::{
    build_queue, end_of_shift_check, queue_csv, queue_ics, queue_summary, Case, CaseStatus,
    CaseType, QueueFilter, ROWS_AT_A_TIME,
};
use crate::nav::{CurrentLocation, Route, ARCHIVE_SECTION};
use crate::store::AppState;
use add::AddCaseForm;
use chrono::Utc;
use leptos::prelude::*;
use row::CaseRow;

/// A case just removed, kept so the removal can be undone.
#[derive(Debug, Clone, PartialEq)]
struct Removed {
    /// Where it was in the stored list.
    index: usize,
    /// The case as it was.
    case: Case,
}

/// The case queue.
#[component]
pub fn QueuePage() -> impl IntoView {
    set_page_title("My queue");
    let state = expect_context::<AppState>();
    let rules = rules_in_force(state);
    let now = use_now();
    let removed = RwSignal::new(None::<Removed>);
    // Arriving from Settings' "Free up space": focus lands on the archive.
    let location = expect_context::<CurrentLocation>().0;
    Effect::new(move |_| {
        if location.with(|l| l.asks_for_section(&Route::Queue, ARCHIVE_SECTION)) {
            focus_after_render("queue-archive-heading");
        }
    });
    view! {
        <h1>"My queue"</h1>
        <SlaSubNav current=Route::Queue/>
        <p class="lede">"Your cases and their next deadlines, most urgent first."</p>
        <p class="privacy">"Case numbers, names and notes stay in this browser; nothing is sent anywhere."</p>
        {move || rules.with(|r| r.problem.clone()).map(|p| view! { <p class="inline-error">{p}</p> })}
        <ShiftCheck rules=rules/>
        <CaseList rules=rules now=now removed=removed/>
        <AddCaseForm rules=rules/>
        <section aria-labelledby="queue-archive-heading">
            <h2 id="queue-archive-heading" tabindex="-1">"Archive resolved cases"</h2>
            <p>"Cases resolved a while ago can leave the queue: they go to a file first, so nothing is lost and the queue keeps its room."</p>
            <CaseArchive id="queue-archive"/>
        </section>
        <ReferencePanel/>
    }
}

/// The end-of-shift check: open cases not yet in Pending on.
#[component]
fn ShiftCheck(
    /// The rules in force.
    rules: Memo<RulesInForce>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let check = Memo::new(move |_| {
        rules.with(|r| {
            state.queue().with(|q| {
                let check = end_of_shift_check(&q.cases, &r.engine);
                let numbers: Vec<String> = check
                    .not_pending
                    .iter()
                    .map(|c| format!("{} ({}): {}", c.number, c.customer, c.status.label()))
                    .collect();
                (numbers, check.explanation, check.reading, check.source)
            })
        })
    });
    view! {
        <section aria-labelledby="sla-shift-heading">
            <h2 id="sla-shift-heading">"End-of-shift check"</h2>
            {move || {
                let (numbers, explanation, reading, source) = check.get();
                if numbers.is_empty() {
                    view! {
                        <div class="sla-ok" data-testid="end-of-shift-ok">
                            <p>{explanation}</p>
                            <p data-testid="end-of-shift-reading">{reading}</p>
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <div class="sla-warning" data-testid="end-of-shift-warning">
                            <p>
                                <strong>"Warning: "</strong>
                                {explanation}
                            </p>
                            <ul>{numbers.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                            <p>
                                "Rule: \u{201c}Make sure all cases are in pending on by the end of your shift (leave none in assigned status).\u{201d}"
                            </p>
                            <p data-testid="end-of-shift-reading">{reading}</p>
                            <SourceNote source=source/>
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// Filters, the list of cases, undo and export.
#[component]
fn CaseList(
    /// The rules in force.
    rules: Memo<RulesInForce>,
    /// The ticking current time.
    now: RwSignal<chrono::DateTime<Utc>>,
    /// The last removed case, for undo.
    removed: RwSignal<Option<Removed>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let filter = RwSignal::new(QueueFilter::default());
    let order = Memo::new(move |_| {
        let filter = filter.get();
        let now = now.get();
        rules.with(|r| {
            state.queue().with(|q| {
                build_queue(&q.cases, &r.engine, &filter, now)
                    .iter()
                    .map(|row| row.case.number.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = Memo::new(move |_| state.queue().with(|q| q.cases.len()));
    // Only the most urgent rows are drawn, more on request; another filter
    // starts again from the top.
    let limit = RwSignal::new(ROWS_AT_A_TIME);
    Effect::new(move |_| {
        filter.track();
        limit.set(ROWS_AT_A_TIME);
    });
    let drawn = Memo::new(move |_| {
        order.with(|numbers| {
            numbers
                .iter()
                .take(limit.get())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let summary = move || queue_summary(order.with(Vec::len), total.get(), drawn.with(Vec::len));
    let not_drawn = move || order.with(Vec::len).saturating_sub(drawn.with(Vec::len));
    let undo_ref = NodeRef::<leptos::html::Button>::new();
    let on_removed = Callback::new(move |gone: Removed| {
        removed.set(Some(gone));
        request_animation_frame(move || {
            if let Some(button) = undo_ref.get_untracked() {
                let _ = button.focus();
            }
        });
    });
    let undo = move |_| {
        if let Some(gone) = removed.get_untracked() {
            state.queue().update(|q| {
                let index = gone.index.min(q.cases.len());
                q.cases.insert(index, gone.case);
            });
            removed.set(None);
        }
    };
    let export = move |ics: bool| {
        let now = Utc::now();
        let engine = rules.with_untracked(|r| r.engine.clone());
        let zone = engine.calendar().zone();
        let text = state.queue().with_untracked(|q| {
            let rows = build_queue(&q.cases, &engine, &QueueFilter::default(), now);
            if ics {
                queue_ics(&rows, &engine, now)
            } else {
                queue_csv(&rows, now)
            }
        });
        let (extension, mime) = if ics {
            ("ics", "text/calendar")
        } else {
            ("csv", "text/csv")
        };
        let name = format!(
            "deskaid-queue-{}.{extension}",
            now.with_timezone(&zone).format("%Y-%m-%d")
        );
        save_file(notices, &name, mime, &text);
    };
    view! {
        <section aria-labelledby="sla-cases-heading">
            <h2 id="sla-cases-heading">"Cases"</h2>
            <div class="sla-filters">
                <FilterSelect<CaseType>
                    id="sla-filter-type"
                    label="Show type"
                    all="All types"
                    value=Binding::lens(filter, |f| f.case_type, |f, t| f.case_type = t)
                />
                <FilterSelect<CaseStatus>
                    id="sla-filter-status"
                    label="Show status"
                    all="All statuses"
                    value=Binding::lens(filter, |f| f.status, |f, s| f.status = s)
                />
            </div>
            <p role="status" class="sla-count" data-testid="queue-count">{summary}</p>
            <div class="sla-undo" role="status">
                {move || {
                    removed
                        .get()
                        .map(|gone| {
                            view! {
                                <p>
                                    {format!("Removed case {}. ", gone.case.number)}
                                    <button type="button" class="secondary" node_ref=undo_ref on:click=undo>
                                        "Undo"
                                    </button>
                                </p>
                            }
                        })
                }}
            </div>
            <ol class="sla-cases" data-testid="queue-list">
                <For each=move || drawn.get() key=|number| number.clone() let:number>
                    <CaseRow number=number rules=rules now=now on_removed=on_removed/>
                </For>
            </ol>
            <Show when=move || not_drawn() != 0>
                <div class="button-row">
                    <button type="button" class="secondary" on:click=move |_| limit.update(|l| *l += ROWS_AT_A_TIME)>
                        {move || format!("Show {} more ({} not listed)", not_drawn().min(ROWS_AT_A_TIME), not_drawn())}
                    </button>
                </div>
            </Show>
            <h3>"Export"</h3>
            <p class="hint">
                "A spreadsheet of every case (CSV), or the open deadlines as calendar events with a reminder 30 minutes before (.ics)."
            </p>
            <div class="button-row">
                <button type="button" class="secondary" on:click=move |_| export(false) disabled=move || total.get() == 0>
                    "Export CSV"
                </button>
                <button type="button" class="secondary" on:click=move |_| export(true) disabled=move || total.get() == 0>
                    "Export calendar (.ics)"
                </button>
            </div>
        </section>
    }
}
