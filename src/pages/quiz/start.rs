//! The start screen: the quiz options (with the trainer link), the learner's
//! progress, and the question bank in use.

use super::{
    capitalize, describe_spec, focus_question_heading, format_percent, format_when, local_now,
    plural, Quiz,
};
use crate::components::confirm::ConfirmedAction;
use crate::components::copy_button::CopyButton;
use crate::components::download::save_file;
use crate::components::file_input::read_chosen_file;
use crate::components::notice::NoticeKind;
use crate::domain::quiz::{
    encode_bank_fragment, link_spec, pick_link_seed, spec_to_pairs, Bank, QuizMode, QuizSpec,
    ShareError, Verdict, DEFAULT_PASS_PERCENT, DEFAULT_SPACED_COUNT, FRAGMENT_LIMIT,
};
use crate::nav::Route;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Everything shown before a quiz starts.
#[component]
pub(super) fn StartScreen(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    view! {
        <ResumeBanner quiz=quiz/>
        <QuizOptions quiz=quiz/>
        <ProgressSummary quiz=quiz/>
        <BankPanel quiz=quiz/>
    }
}

/// Offers to go back to a quiz in progress.
#[component]
fn ResumeBanner(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let running = Memo::new(move |_| {
        quiz.state.quiz.with(|q| {
            q.session.as_ref().filter(|s| !s.is_finished()).map(|s| {
                format!(
                    "{} — question {} of {}.",
                    mode_label(s.spec().mode),
                    s.current_index() + 1,
                    s.order().len()
                )
            })
        })
    });
    let resume = move |_| {
        quiz.show_start.set(false);
        focus_question_heading();
    };
    move || {
        running.get().map(|text| {
            view! {
                <div class="quiz-resume" role="region" aria-label="Quiz in progress">
                    <p>"You have a quiz in progress: " {text} " Starting a new quiz ends it."</p>
                    <button type="button" on:click=resume>"Resume the quiz"</button>
                </div>
            }
        })
    }
}

fn mode_label(mode: QuizMode) -> &'static str {
    super::mode_name(mode)
}

/// What the options form found wrong, per field.
#[derive(Debug, Clone, Default, PartialEq)]
struct Problems {
    topics: Option<String>,
    count: Option<String>,
    seed: Option<String>,
    pass: Option<String>,
    time: Option<String>,
    other: Option<String>,
}

/// The options as typed, turned into a spec or the problems found.
fn build_spec(
    bank: &Bank,
    mode: QuizMode,
    excluded: &BTreeSet<String>,
    count: &str,
    seed: &str,
    pass: &str,
    time: &str,
) -> Result<QuizSpec, Box<Problems>> {
    let mut problems = Problems::default();
    let chosen: Vec<String> = bank
        .topics()
        .iter()
        .filter(|t| !excluded.contains(&t.id))
        .map(|t| t.id.clone())
        .collect();
    if chosen.is_empty() {
        problems.topics = Some("Choose at least one topic.".into());
    }
    let count = match count.trim() {
        "" => None,
        text => match text.parse::<usize>() {
            Ok(0) => {
                problems.count = Some("The number of questions must be at least 1.".into());
                None
            }
            Ok(n) => Some(n),
            Err(_) => {
                problems.count =
                    Some("Type a whole number of questions, such as 10, or leave it empty.".into());
                None
            }
        },
    };
    let seed = match seed.trim() {
        "" => None,
        text => text.parse::<u64>().map(Some).unwrap_or_else(|_| {
            problems.seed = Some("The seed must be a whole number, such as 7, or empty.".into());
            None
        }),
    };
    let exam = mode == QuizMode::Exam;
    let pass_percent = if exam {
        match pass.trim().parse::<u8>() {
            Ok(p) if (1..=100).contains(&p) => p,
            _ => {
                problems.pass = Some("The pass mark must be a whole number from 1 to 100.".into());
                DEFAULT_PASS_PERCENT
            }
        }
    } else {
        DEFAULT_PASS_PERCENT
    };
    let time_limit_minutes = match time.trim() {
        _ if !exam => None,
        "" => None,
        text => match text.parse::<u32>() {
            Ok(m) => Some(m),
            Err(_) => {
                problems.time =
                    Some("The time limit must be a whole number of minutes, or empty.".into());
                None
            }
        },
    };
    let spec = QuizSpec {
        mode,
        topics: if excluded.is_empty() {
            Vec::new()
        } else {
            chosen
        },
        count,
        seed,
        pass_percent,
        time_limit_minutes,
    };
    if problems == Problems::default() {
        if let Err(e) = spec.validate(bank) {
            let text = capitalize(&e.to_string()) + ".";
            if spec.time_limit_minutes.is_some() && text.contains("time limit") {
                problems.time = Some(text);
            } else {
                problems.other = Some(text);
            }
        }
    }
    if problems == Problems::default() {
        Ok(spec)
    } else {
        Err(Box::new(problems))
    }
}

/// The mode, topics and numbers of the next quiz, the trainer link, and Start.
#[component]
fn QuizOptions(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let mode = RwSignal::new(QuizMode::Practice);
    let excluded = RwSignal::new(BTreeSet::<String>::new());
    let count = RwSignal::new("10".to_string());
    let seed = RwSignal::new(String::new());
    let pass = RwSignal::new(DEFAULT_PASS_PERCENT.to_string());
    let time = RwSignal::new(String::new());
    let start_error = RwSignal::new(None::<String>);

    let spec = Memo::new(move |_| {
        quiz.bank.with(|bank| {
            build_spec(
                bank,
                mode.get(),
                &excluded.get(),
                &count.get(),
                &seed.get(),
                &pass.get(),
                &time.get(),
            )
        })
    });
    let problem = move |pick: fn(&Problems) -> Option<String>| {
        move || spec.with(|s| s.as_ref().err().and_then(|p| pick(p)))
    };
    // Picked once per visit, so the link does not change while the trainer types.
    let link_seed = pick_link_seed(local_now().timestamp_millis().unsigned_abs());
    let linked_spec =
        Memo::new(move |_| spec.with(|s| s.as_ref().ok().map(|spec| link_spec(spec, link_seed))));
    let link = Memo::new(move |_| {
        linked_spec.with(|s| {
            s.as_ref().map(|spec| {
                let pairs = spec_to_pairs(spec);
                let pairs: Vec<(&str, String)> =
                    pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                let location = window().location();
                format!(
                    "{}{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default(),
                    Route::Quiz.href_with(&pairs)
                )
            })
        })
    });
    let counts = Memo::new(move |_| {
        let now = local_now();
        quiz.bank.with(|bank| {
            quiz.state.quiz.with(|q| {
                (
                    q.progress.missed_ids(bank).len(),
                    q.progress.due_ids(bank, now).len(),
                    q.progress.unseen_ids(bank).len(),
                )
            })
        })
    });

    let start = move |_| {
        start_error.set(None);
        match spec.get_untracked() {
            Ok(spec) => {
                if let Err(e) = quiz.start(spec) {
                    start_error.set(Some(capitalize(&e) + "."));
                }
            }
            Err(_) => start_error.set(Some("Correct the options marked above first.".into())),
        }
    };

    let modes = [
        (QuizMode::Practice, "Practice", "See right away whether each answer is right, and why."),
        (QuizMode::Exam, "Exam", "A fixed number of questions, an optional time limit and a pass mark; the score comes at the end."),
        (QuizMode::ReviewMissed, "Review missed", "Only the questions you last answered wrong or partly right."),
        (QuizMode::SpacedReview, "Spaced review", "The questions due for review first, then ones you have not seen."),
    ];

    view! {
        <section class="quiz-panel" aria-labelledby="quiz-options-heading">
            <h2 id="quiz-options-heading">"Start a quiz"</h2>
            <fieldset>
                <legend>"Mode"</legend>
                {modes
                    .into_iter()
                    .map(|(value, label, hint)| {
                        let id = format!("quiz-mode-{}", value.as_str());
                        let hint_id = format!("{id}-hint");
                        view! {
                            <div class="quiz-choice">
                                <input
                                    type="radio"
                                    name="quiz-mode"
                                    id=id.clone()
                                    aria-describedby=hint_id.clone()
                                    prop:checked=move || mode.get() == value
                                    on:change=move |_| {
                                        mode.set(value);
                                        start_error.set(None);
                                    }
                                />
                                <label for=id>{label}</label>
                                <p class="hint" id=hint_id>{hint}</p>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <p class="quiz-mode-note" aria-live="polite">
                {move || {
                    let (missed, due, unseen) = counts.get();
                    match mode.get() {
                        QuizMode::ReviewMissed if missed == 0 => {
                            "Nothing to review: no question was answered wrong last time.".to_string()
                        }
                        QuizMode::ReviewMissed => format!("{} to review.", plural(missed, "missed question")),
                        QuizMode::SpacedReview => format!(
                            "{} due for review now, {} not seen yet; an empty count asks {}.",
                            plural(due, "question"),
                            unseen,
                            DEFAULT_SPACED_COUNT
                        ),
                        _ => String::new(),
                    }
                }}
            </p>
            <fieldset aria-describedby="quiz-topics-error">
                <legend>"Topics"</legend>
                <div class="button-row">
                    <button type="button" class="secondary" on:click=move |_| excluded.set(BTreeSet::new())>
                        "Select all"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| {
                            excluded.set(quiz.bank.with_untracked(|b| b.topics().iter().map(|t| t.id.clone()).collect()))
                        }
                    >
                        "Select none"
                    </button>
                </div>
                <ul class="quiz-topics" data-testid="quiz-topics">
                    {move || {
                        quiz.bank.with(|bank| {
                            super::topic_counts(bank)
                                .into_iter()
                                .zip(bank.topics().iter().map(|t| t.id.clone()))
                                .map(|((title, n), topic)| {
                                    let id = format!("quiz-topic-{topic}");
                                    let for_toggle = topic.clone();
                                    view! {
                                        <li>
                                            <input
                                                type="checkbox"
                                                id=id.clone()
                                                prop:checked=move || !excluded.with(|e| e.contains(&topic))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    excluded.update(|e| {
                                                        if on {
                                                            e.remove(&for_toggle);
                                                        } else {
                                                            e.insert(for_toggle.clone());
                                                        }
                                                    });
                                                }
                                            />
                                            <label for=id>{format!("{title} ({n})")}</label>
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </ul>
                <p class="field-error" id="quiz-topics-error">{problem(|p| p.topics.clone())}</p>
            </fieldset>
            <div class="quiz-numbers">
                <NumberField id="quiz-count" label="Number of questions" hint="Empty: all the questions of the chosen topics." value=count error=Signal::derive(problem(|p| p.count.clone()))/>
                <NumberField id="quiz-seed" label="Seed (optional)" hint="The same seed gives the same questions in the same order." value=seed error=Signal::derive(problem(|p| p.seed.clone()))/>
                <Show when=move || mode.get() == QuizMode::Exam>
                    <NumberField id="quiz-pass" label="Pass mark (%)" hint="Default 80." value=pass error=Signal::derive(problem(|p| p.pass.clone()))/>
                    <NumberField id="quiz-time" label="Time limit (minutes, optional)" hint="Empty: no time limit." value=time error=Signal::derive(problem(|p| p.time.clone()))/>
                </Show>
            </div>
            <p class="field-error" role="alert">{problem(|p| p.other.clone())}</p>
            <div class="button-row">
                <button type="button" on:click=start>"Start the quiz"</button>
            </div>
            <Show when=move || start_error.get().is_some()>
                <p class="inline-error" role="alert" data-testid="quiz-start-error">{move || start_error.get()}</p>
            </Show>
            <div class="quiz-trainer-link">
                <h3>"Trainer link"</h3>
                <p class="hint">"A link to exactly this quiz: whoever opens it sees these settings, gets the same questions in the same order, and starts when ready."</p>
                {move || match link.get() {
                    Some(url) => view! {
                        <p class="quiz-link-text"><code data-testid="quiz-trainer-link">{url}</code></p>
                        <p class="quiz-spec-summary">{move || linked_spec.with(|s| s.as_ref().map(|s| quiz.bank.with(|b| describe_spec(s, b))))}</p>
                        <Show when=move || seed.with(|s| s.trim().is_empty())>
                            <p class="hint" data-testid="quiz-link-seed">
                                {format!("No seed was typed, so this link uses seed {link_seed}. Type your own seed above to change it.")}
                            </p>
                        </Show>
                    }
                    .into_any(),
                    None => view! { <p class="hint">"Correct the options above to get a link."</p> }.into_any(),
                }}
                <CopyButton text=Signal::derive(move || link.get().unwrap_or_default()) label="Copy link"/>
            </div>
        </section>
    }
}

/// A labelled text field for a number, with its hint and inline problem.
#[component]
fn NumberField(
    /// The input's id.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// A short explanation under the field.
    hint: &'static str,
    /// The text typed.
    value: RwSignal<String>,
    /// The problem with what was typed, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                aria-describedby=format!("{hint_id} {error_id}")
                aria-invalid=move || error.get().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <p class="hint" id=hint_id>{hint}</p>
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

/// Questions seen, streak, due reviews, exam history, the review schedule,
/// and resetting all of it.
#[component]
fn ProgressSummary(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let summary = Memo::new(move |_| {
        let now = local_now();
        quiz.bank.with(|bank| {
            quiz.state.quiz.with(|q| {
                let seen = bank
                    .questions()
                    .iter()
                    .filter(|question| q.progress.history(bank, &question.id).is_some())
                    .count();
                (
                    seen,
                    bank.questions().len(),
                    q.progress.streak(now),
                    q.progress.due_ids(bank, now).len(),
                )
            })
        })
    });
    let exams = Memo::new(move |_| quiz.state.quiz.with(|q| q.progress.exams.clone()));
    let schedule = Memo::new(move |_| {
        quiz.bank.with(|bank| {
            quiz.state.quiz.with(|q| {
                let mut rows: Vec<_> = bank
                    .questions()
                    .iter()
                    .filter_map(|question| {
                        let history = q.progress.history(bank, &question.id)?;
                        Some((
                            history.card.due,
                            question.prompt.clone(),
                            history.last_verdict,
                            history.attempts,
                        ))
                    })
                    .collect();
                rows.sort_by_key(|row| row.0);
                rows
            })
        })
    });
    let reset = move |()| {
        quiz.state.quiz.update(|q| {
            q.progress = Default::default();
            q.session = None;
        });
        quiz.notices
            .push(NoticeKind::Success, "Your quiz progress was reset.");
    };
    view! {
        <section class="quiz-panel" aria-labelledby="quiz-progress-heading">
            <h2 id="quiz-progress-heading">"Your progress"</h2>
            <dl class="quiz-stats" data-testid="quiz-stats">
                {move || {
                    let (seen, total, streak, due) = summary.get();
                    view! {
                        <div><dt>"Questions seen"</dt><dd>{format!("{seen} of {total}")}</dd></div>
                        <div><dt>"Streak"</dt><dd>{plural(streak as usize, "day")}</dd></div>
                        <div><dt>"Due for review"</dt><dd>{plural(due, "question")}</dd></div>
                        <div><dt>"Exams taken"</dt><dd>{exams.with(Vec::len)}</dd></div>
                    }
                }}
            </dl>
            <Show when=move || exams.with(|e| !e.is_empty())>
                <div class="quiz-table-wrap">
                    <table class="quiz-table" data-testid="quiz-exam-history">
                        <caption>"Exam history, latest first"</caption>
                        <thead>
                            <tr><th scope="col">"Date"</th><th scope="col">"Score"</th><th scope="col">"Pass mark"</th><th scope="col">"Result"</th><th scope="col">"Questions"</th></tr>
                        </thead>
                        <tbody>
                            {move || {
                                exams
                                    .get()
                                    .into_iter()
                                    .rev()
                                    .map(|exam| view! {
                                        <tr>
                                            <td>{format_when(&exam.finished_at)}</td>
                                            <td>{format_percent(exam.percent)}</td>
                                            <td>{format!("{}%", exam.pass_percent)}</td>
                                            <td>{if exam.passed { "Passed" } else { "Not passed" }}</td>
                                            <td>{exam.question_count}</td>
                                        </tr>
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=move || schedule.with(|s| !s.is_empty())>
                <details class="quiz-schedule">
                    <summary>{move || format!("Review schedule ({})", plural(schedule.with(Vec::len), "question"))}</summary>
                    <div class="quiz-table-wrap">
                        <table class="quiz-table">
                            <caption>"Questions you have answered, soonest review first"</caption>
                            <thead>
                                <tr><th scope="col">"Question"</th><th scope="col">"Last answer"</th><th scope="col">"Answered"</th><th scope="col">"Next review"</th></tr>
                            </thead>
                            <tbody>
                                {move || {
                                    schedule
                                        .get()
                                        .into_iter()
                                        .map(|(due, prompt, verdict, attempts)| view! {
                                            <tr>
                                                <td>{prompt}</td>
                                                <td>{verdict_word(verdict)}</td>
                                                <td>{plural(attempts as usize, "time")}</td>
                                                <td>{format_when(&due)}</td>
                                            </tr>
                                        })
                                        .collect_view()
                                }}
                            </tbody>
                        </table>
                    </div>
                </details>
            </Show>
            <ConfirmedAction
                label="Reset progress…"
                question="Forget every answer, your exam history, streak and review schedule, and end any quiz in progress? The question bank in use is kept. This cannot be undone."
                confirm_label="Yes, reset my progress"
                question_id="quiz-reset-question"
                on_confirm=reset
            />
        </section>
    }
}

/// A verdict in words.
pub(super) fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Correct => "Correct",
        Verdict::Partial => "Partly right",
        Verdict::Incorrect => "Incorrect",
    }
}

/// The bank in use; import, export and sharing of custom banks.
#[component]
fn BankPanel(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let import_problems = RwSignal::new(None::<(String, Vec<String>)>);
    let share = RwSignal::new(None::<Result<String, String>>);
    let described = move || {
        quiz.bank.with(|bank| {
            let what = if quiz.custom.get() {
                "A custom question bank"
            } else {
                "The question bank shipped with Deskaid"
            };
            format!(
                "{what}: {} in {}.",
                plural(bank.questions().len(), "question"),
                plural(bank.topics().len(), "topic")
            )
        })
    };
    let export = move |_| {
        let json = quiz.bank.with_untracked(|b| b.to_json());
        let pretty = serde_json::from_str::<serde_json::Value>(&json)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or(json);
        save_file(
            quiz.notices,
            "deskaid-question-bank.json",
            "application/json",
            &pretty,
        );
    };
    let import = move |event: leptos::ev::Event| {
        read_chosen_file(&event, move |name, text| {
            let Some(text) = text else {
                import_problems.set(Some((
                    name,
                    vec!["the file could not be read as text".into()],
                )));
                return;
            };
            match Bank::from_json(&text) {
                Ok(bank) => {
                    import_problems.set(None);
                    share.set(None);
                    let count = bank.questions().len();
                    quiz.use_bank(Some(bank.to_json()));
                    quiz.notices.push(
                        NoticeKind::Success,
                        format!(
                            "Imported {} from {name}; it is now in use.",
                            plural(count, "question")
                        ),
                    );
                }
                Err(e) => import_problems.set(Some((name, e.problems))),
            }
        });
    };
    let make_link = move |_| {
        let result = quiz.bank.with_untracked(|bank| encode_bank_fragment(bank));
        share.set(Some(match result {
            Ok(fragment) => Ok(fragment),
            Err(ShareError::TooLarge { chars }) => Err(format!(
                "This bank is too large to share in a link: it needs {chars} characters and links are limited to {FRAGMENT_LIMIT}. Export it as a file and share the file instead."
            )),
            Err(e) => Err(capitalize(&e.to_string())),
        }));
    };
    let share_url = move || {
        share.with(|s| match s {
            Some(Ok(fragment)) => {
                let location = window().location();
                format!(
                    "{}{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default(),
                    Route::Quiz.href_with(&[("bank", fragment.clone())])
                )
            }
            _ => String::new(),
        })
    };
    let shipped_again = move |_| {
        quiz.use_bank(None);
        share.set(None);
        quiz.notices.push(
            NoticeKind::Success,
            "The question bank shipped with Deskaid is in use again.",
        );
    };
    view! {
        <section class="quiz-panel" aria-labelledby="quiz-bank-heading">
            <h2 id="quiz-bank-heading">"Question bank"</h2>
            <p data-testid="quiz-bank-in-use">{described}</p>
            <div class="button-row">
                <button type="button" class="secondary" on:click=export>"Export this bank"</button>
                <button type="button" class="secondary" on:click=make_link>"Share this bank by link"</button>
                <Show when=move || quiz.custom.get()>
                    <button type="button" class="secondary" on:click=shipped_again>"Use the shipped bank again"</button>
                </Show>
            </div>
            {move || share.get().map(|result| match result {
                Ok(fragment) => view! {
                    <div class="quiz-share">
                        <label for="quiz-share-link">"Link to this bank"</label>
                        <input id="quiz-share-link" type="text" readonly prop:value=share_url data-testid="quiz-share-link"/>
                        <p class="hint">{format!("{} characters of the {FRAGMENT_LIMIT} a link may carry. Whoever opens it is asked before the bank is used.", fragment.len())}</p>
                        <CopyButton text=Signal::derive(share_url) label="Copy bank link"/>
                    </div>
                }
                .into_any(),
                Err(message) => view! { <p class="inline-error" role="alert">{message}</p> }.into_any(),
            })}
            <div class="field">
                <label for="quiz-bank-file">"Import a question bank (JSON)"</label>
                <input id="quiz-bank-file" type="file" accept="application/json,.json" aria-describedby="quiz-bank-file-hint" on:change=import/>
                <p class="hint" id="quiz-bank-file-hint">
                    "The file is checked completely first; if anything is wrong, the bank in use is kept. Using a new bank ends a quiz in progress; your progress is kept."
                </p>
            </div>
            {move || import_problems.get().map(|(name, problems)| view! {
                <div class="inline-error" role="alert" data-testid="quiz-bank-error">
                    <p>{format!("{name} cannot be used as a question bank; the bank in use was kept. Problems found:")}</p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            })}
        </section>
    }
}
