//! The options of the next quiz: mode, topics and numbers, checked as they
//! are typed, with Start and the trainer link.

use super::spec::OptionProblems;
use super::trainer::TrainerLink;
use super::words::{local_now, topic_counts};
use super::Quiz;
use crate::components::form::{Binding, Checkbox, FieldError, RadioGroup, TextField};
use crate::domain::quiz::{QuizMode, QuizSpec, DEFAULT_SPACED_COUNT};
use crate::domain::text::{plural, sentence};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The mode, topics and numbers of the next quiz, the trainer link, and Start.
#[component]
pub(super) fn QuizOptions(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let setup = quiz.setup;
    let running = quiz.read_session(|s, _| {
        (!s.is_finished()).then(|| QuizSpec {
            seed: Some(s.seed()),
            ..s.spec().clone()
        })
    });
    if let Some(running) = running {
        quiz.bank.with_untracked(|bank| setup.show(&running, bank));
    }
    let start_error = RwSignal::new(None::<String>);

    let spec = Memo::new(move |_| quiz.bank.with(|bank| setup.spec(bank)));
    let problem = move |pick: fn(&OptionProblems) -> Option<String>| {
        Signal::derive(move || spec.with(|s| s.as_ref().err().and_then(|p| pick(p))))
    };
    let other = problem(|p| p.other.clone());
    // Said as the count is chosen, not only when Start is pressed.
    let shortfall = move || {
        spec.with(|s| {
            let shortfall = s.as_ref().ok()?.shortfall?;
            Some(format!(
                "{} The trainer link asks for {} too.",
                sentence(&shortfall.to_string()),
                shortfall.available
            ))
        })
    };
    let start = move |_| {
        start_error.set(None);
        match spec.get_untracked() {
            Ok(fitted) => {
                if let Err(e) = quiz.start(fitted.spec) {
                    start_error.set(Some(sentence(&e.to_string())));
                }
            }
            Err(_) => start_error.set(Some("Correct the options marked above first.".into())),
        }
    };
    let (count, seed, pass, time) = (setup.count, setup.seed, setup.pass, setup.time);

    view! {
        <section class="quiz-panel" aria-labelledby="quiz-options-heading">
            <h2 id="quiz-options-heading">"Start a quiz"</h2>
            <ModeChoice quiz=quiz mode=setup.mode start_error=start_error/>
            <TopicChoice quiz=quiz excluded=setup.excluded error=problem(|p| p.topics.clone())/>
            <div class="quiz-numbers">
                <TextField id="quiz-count" label="Number of questions" hint="Empty: all the questions of the chosen topics." inputmode="numeric" value=count error=problem(|p| p.count.clone())/>
                <TextField id="quiz-seed" label="Seed (optional)" hint="The same seed gives the same questions in the same order." inputmode="numeric" value=seed error=problem(|p| p.seed.clone())/>
                <Show when=move || setup.mode.get() == QuizMode::Exam>
                    <TextField id="quiz-pass" label="Pass mark (%)" hint="Default 80." inputmode="numeric" value=pass error=problem(|p| p.pass.clone())/>
                    <TextField id="quiz-time" label="Time limit (minutes, optional)" hint="Empty: no time limit." inputmode="numeric" value=time error=problem(|p| p.time.clone())/>
                </Show>
            </div>
            <p class="quiz-shortfall" aria-live="polite" data-testid="quiz-shortfall">{shortfall}</p>
            <p class="field-error" role="alert">{move || other.get()}</p>
            <div class="button-row">
                <button type="button" on:click=start>"Start the quiz"</button>
            </div>
            <Show when=move || start_error.get().is_some()>
                <p class="inline-error" role="alert" data-testid="quiz-start-error">{move || start_error.get()}</p>
            </Show>
            <TrainerLink quiz=quiz spec=spec/>
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
    mode: RwSignal<QuizMode>,
    /// Cleared when the mode changes: a failed start was about another mode.
    start_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let counts = Memo::new(move |_| {
        let now = local_now();
        quiz.bank.with(|bank| {
            quiz.state.quiz().with(|q| {
                (
                    q.progress.missed_ids(bank).len(),
                    q.progress.due_ids(bank, now).len(),
                    q.progress.unseen_ids(bank).len(),
                )
            })
        })
    });
    let choose = Binding::new(
        move || mode.get(),
        move |chosen| {
            mode.set(chosen);
            start_error.set(None);
        },
    );
    view! {
        <RadioGroup name="quiz-mode" legend="Mode" value=choose/>
        <p class="quiz-mode-note" aria-live="polite">
            {move || {
                let (missed, due, unseen) = counts.get();
                match mode.get() {
                    QuizMode::ReviewMissed if missed == 0 => {
                        "Nothing to review: no question was answered wrong last time.".to_string()
                    }
                    QuizMode::ReviewMissed => format!("{} to review.", plural(missed as u64, "missed question")),
                    QuizMode::SpacedReview => format!(
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
                                let ticked = Binding::new(
                                    move || !excluded.with(|e| e.contains(&topic)),
                                    move |on| {
                                        excluded.update(|e| {
                                            if on {
                                                e.remove(&for_toggle);
                                            } else {
                                                e.insert(for_toggle.clone());
                                            }
                                        })
                                    },
                                );
                                view! {
                                    <li>
                                        <Checkbox id=id label=format!("{title} ({n})") value=ticked inline=true/>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
            <FieldError id="quiz-topics-error" message=error/>
        </fieldset>
    }
}
