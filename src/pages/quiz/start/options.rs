//! The options of the next quiz: mode, topics and numbers, checked as they
//! are typed, with Start and the trainer link.

use super::spec::{build_spec, OptionProblems};
use super::trainer::TrainerLink;
use super::words::{local_now, topic_counts};
use super::Quiz;
use crate::domain::quiz::{Mode, DEFAULT_PASS_PERCENT, DEFAULT_SPACED_COUNT};
use crate::domain::text::{plural, sentence};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The mode, topics and numbers of the next quiz, the trainer link, and Start.
#[component]
pub(super) fn QuizOptions(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let mode = RwSignal::new(Mode::Practice);
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
    let problem = move |pick: fn(&OptionProblems) -> Option<String>| {
        Signal::derive(move || spec.with(|s| s.as_ref().err().and_then(|p| pick(p))))
    };
    let other = problem(|p| p.other.clone());
    let start = move |_| {
        start_error.set(None);
        match spec.get_untracked() {
            Ok(spec) => {
                if let Err(e) = quiz.start(spec) {
                    start_error.set(Some(sentence(&e.to_string())));
                }
            }
            Err(_) => start_error.set(Some("Correct the options marked above first.".into())),
        }
    };

    view! {
        <section class="quiz-panel" aria-labelledby="quiz-options-heading">
            <h2 id="quiz-options-heading">"Start a quiz"</h2>
            <ModeChoice quiz=quiz mode=mode start_error=start_error/>
            <TopicChoice quiz=quiz excluded=excluded error=problem(|p| p.topics.clone())/>
            <div class="quiz-numbers">
                <NumberField id="quiz-count" label="Number of questions" hint="Empty: all the questions of the chosen topics." value=count error=problem(|p| p.count.clone())/>
                <NumberField id="quiz-seed" label="Seed (optional)" hint="The same seed gives the same questions in the same order." value=seed error=problem(|p| p.seed.clone())/>
                <Show when=move || mode.get() == Mode::Exam>
                    <NumberField id="quiz-pass" label="Pass mark (%)" hint="Default 80." value=pass error=problem(|p| p.pass.clone())/>
                    <NumberField id="quiz-time" label="Time limit (minutes, optional)" hint="Empty: no time limit." value=time error=problem(|p| p.time.clone())/>
                </Show>
            </div>
            <p class="field-error" role="alert">{move || other.get()}</p>
            <div class="button-row">
                <button type="button" on:click=start>"Start the quiz"</button>
            </div>
            <Show when=move || start_error.get().is_some()>
                <p class="inline-error" role="alert" data-testid="quiz-start-error">{move || start_error.get()}</p>
            </Show>
            <TrainerLink quiz=quiz spec=spec seed=seed/>
        </section>
    }
}

/// The four modes as radio buttons, each with what it does, and a note on
/// what the review modes would ask now.
#[component]
fn ModeChoice(
    /// The page context.
    quiz: Quiz,
    /// The mode chosen.
    mode: RwSignal<Mode>,
    /// Cleared when the mode changes: a failed start was about another mode.
    start_error: RwSignal<Option<String>>,
) -> impl IntoView {
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
    let modes = [
        (Mode::Practice, "Practice", "See right away whether each answer is right, and why."),
        (Mode::Exam, "Exam", "A fixed number of questions, an optional time limit and a pass mark; the score comes at the end."),
        (Mode::ReviewMissed, "Review missed", "Only the questions you last answered wrong or partly right."),
        (Mode::SpacedReview, "Spaced review", "The questions due for review first, then ones you have not seen."),
    ];
    view! {
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
                    Mode::ReviewMissed if missed == 0 => {
                        "Nothing to review: no question was answered wrong last time.".to_string()
                    }
                    Mode::ReviewMissed => format!("{} to review.", plural(missed as u64, "missed question")),
                    Mode::SpacedReview => format!(
                        "{} due for review now, {} not seen yet; an empty count asks {}.",
                        plural(due as u64, "question"),
                        unseen,
                        DEFAULT_SPACED_COUNT
                    ),
                    _ => String::new(),
                }
            }}
        </p>
    }
}

/// The bank's topics as tick boxes with their question counts, and Select
/// all or none.
#[component]
fn TopicChoice(
    /// The page context.
    quiz: Quiz,
    /// The topics left out (empty: every topic, including ones added later).
    excluded: RwSignal<BTreeSet<String>>,
    /// Why the choice cannot be used, if it cannot.
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
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
                        topic_counts(bank)
                            .into_iter()
                            .map(|(topic, title, n)| {
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
            <p class="field-error" id="quiz-topics-error">{move || error.get()}</p>
        </fieldset>
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
