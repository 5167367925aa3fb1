//! Bringing results in: pasted codes, chosen or dropped files, and result
//! links, each opened link confirmed before its result is added. Every code
//! gets its own line in the report, so one bad code never stops the rest.

use super::Class;
use crate::components::focus::focus_after_render;
use crate::components::form::{FileField, TextArea};
use crate::components::quiz_words::{format_percent, format_when, local_now};
use crate::domain::quiz::results::{
    decode_result, find_result_codes, quiz_label, rescore, Added, ResultCodeError, SentResult,
};
use crate::domain::text::{plural, sentence};
use crate::nav::{replace_hash, CurrentLocation, Route};
use leptos::prelude::*;

/// Id of the heading of the link confirmation, focused when a link opens.
const PENDING_HEADING: &str = "results-pending-heading";

/// One line of the import report.
#[derive(Debug, Clone, PartialEq)]
struct ReportLine {
    /// Whether a result was added.
    added: bool,
    /// What happened, as a sentence.
    text: String,
}

/// The report of the latest import, shared by the pasted codes, the files
/// and the links.
#[derive(Clone, Copy)]
pub(super) struct Report(RwSignal<Vec<ReportLine>>);

impl Report {
    /// An empty report.
    pub(super) fn new() -> Self {
        Report(RwSignal::new(Vec::new()))
    }
}

/// Adds `result` to the class and says what happened.
fn add_result(class: Class, result: SentResult) -> ReportLine {
    let name = result.name.clone();
    let scored = class
        .bank
        .with_untracked(|in_use| rescore(&result, &in_use.bank, &in_use.identity));
    let mut added = Added::New;
    class
        .state
        .results()
        .update(|c| added = c.add(result, local_now()));
    match added {
        Added::New => {
            let warnings = scored.warnings();
            let mut text = format!("Added {name}'s result: {}.", format_percent(scored.percent));
            if !warnings.is_empty() {
                let words: Vec<String> = warnings.iter().map(ToString::to_string).collect();
                text.push_str(&format!(" Check it: {}.", words.join("; ")));
            }
            ReportLine { added: true, text }
        }
        Added::AlreadyImported { name: known } => ReportLine {
            added: false,
            text: format!(
                "{name}'s result is already in the table (as {known}), so it counts once."
            ),
        },
    }
}

/// Imports every code in `text`, which came from `source` ("the pasted
/// text", "file ann.txt"), one report line per code.
fn import_text(class: Class, source: &str, text: &str) -> Vec<ReportLine> {
    let codes = find_result_codes(text);
    if codes.is_empty() {
        return vec![ReportLine {
            added: false,
            text: sentence(&format!("{source} {}", ResultCodeError::NotACode)),
        }];
    }
    let several = codes.len() > 1;
    codes
        .into_iter()
        .enumerate()
        .map(|(i, code)| match decode_result(&code) {
            Ok(result) => add_result(class, result),
            Err(error) => {
                let subject = if several {
                    format!("code {} of {source}", i + 1)
                } else {
                    format!("the code in {source}")
                };
                ReportLine {
                    added: false,
                    text: sentence(&format!("{subject} {error}")),
                }
            }
        })
        .collect()
}

/// Pasting codes and choosing files, with the report of what came in.
#[component]
pub(super) fn ImportResults(
    /// The page context.
    class: Class,
    /// Where every import says what happened.
    report: Report,
) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    // The codes and their button are one form: the button submits it.
    let import_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        report.0.set(import_text(class, "the pasted text", &text));
        if report
            .0
            .with_untracked(|lines| lines.iter().any(|l| l.added))
        {
            pasted.set(String::new());
        }
    };
    let read_file = Callback::new(move |(name, text): (String, Option<String>)| {
        let source = format!("file {name}");
        let lines = match text {
            Some(text) => import_text(class, &source, &text),
            None => vec![ReportLine {
                added: false,
                text: sentence(&format!("{source} could not be read as text")),
            }],
        };
        report.0.update(|all| all.extend(lines));
    });
    // A new choice of files starts a new report; each file then adds its lines.
    let start_files = move |_| report.0.set(Vec::new());
    view! {
        <section class="results-import" aria-labelledby="results-import-heading">
            <h2 id="results-import-heading">"Import results"</h2>
            <form on:submit=import_pasted>
                <TextArea
                    id="results-paste"
                    label="Result codes"
                    hint="Paste one or many codes (each starts with DESKAID-RESULT-), or whole messages or result links that hold them."
                    rows=4
                    value=pasted
                />
                <div class="button-row">
                    <button type="submit">"Import codes"</button>
                </div>
            </form>
            <div on:change=start_files>
                <FileField
                    id="results-files"
                    label="Result files"
                    accept=".txt,text/plain"
                    hint="Choose several files at once, or drop them here."
                    multiple=true
                    on_read=read_file
                />
            </div>
            <ul class="results-report" data-testid="results-report" aria-live="polite">
                {move || {
                    report
                        .0
                        .get()
                        .into_iter()
                        .map(|line| {
                            let class = if line.added { "results-report-added" } else { "results-report-problem" };
                            view! { <li class=class>{line.text}</li> }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

/// Results from opened links, each waiting for the trainer to add it or not.
#[component]
pub(super) fn PendingLinks(
    /// The page context.
    class: Class,
    /// Where a link's import says what happened.
    report: Report,
) -> impl IntoView {
    let location = expect_context::<CurrentLocation>().0;
    let pending = RwSignal::new(Vec::<SentResult>::new());
    Effect::new(move |_| {
        let loc = location.get();
        if loc.route != Route::Results {
            return;
        }
        let Some(code) = loc.param("r").map(str::to_string) else {
            return;
        };
        // The code leaves the address bar at once, so a reload or a shared
        // screen does not offer it again.
        replace_hash(&Route::Results.href());
        match decode_result(&code) {
            Ok(result) => {
                pending.update(|p| p.push(result));
                focus_after_render(PENDING_HEADING);
            }
            Err(error) => report.0.set(vec![ReportLine {
                added: false,
                text: sentence(&format!("the result link {error}")),
            }]),
        }
    });
    let decide = move |add: bool| {
        let Some(result) = pending.with_untracked(|p| p.first().cloned()) else {
            return;
        };
        pending.update(|p| {
            p.remove(0);
        });
        let line = if add {
            add_result(class, result)
        } else {
            ReportLine {
                added: false,
                text: format!("{}'s result was not added.", result.name),
            }
        };
        report.0.set(vec![line]);
        if pending.with_untracked(|p| !p.is_empty()) {
            focus_after_render(PENDING_HEADING);
        }
    };
    view! {
        {move || {
            pending.with(|p| p.first().cloned()).map(|result| {
                let waiting = pending.with(Vec::len);
                view! {
                    <section class="results-pending" aria-labelledby=PENDING_HEADING data-testid="results-pending">
                        <h2 id=PENDING_HEADING tabindex="-1">{format!("Add {}'s result?", result.name)}</h2>
                        <p>{format!(
                            "A result link was opened: {}'s exam ({}), finished {}. Add it to the class results in this browser?",
                            result.name,
                            quiz_label(&result),
                            format_when(&result.finished_at)
                        )}</p>
                        {(waiting > 1).then(|| view! {
                            <p class="hint">{format!("{} waiting after this one.", plural(waiting as u64 - 1, "more link"))}</p>
                        })}
                        <div class="button-row">
                            <button type="button" on:click=move |_| decide(true)>"Add result"</button>
                            <button type="button" class="secondary" on:click=move |_| decide(false)>"Don't add"</button>
                        </div>
                    </section>
                }
            })
        }}
    }
}
