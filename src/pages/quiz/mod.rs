//! `#/quiz`: the training quiz. One route, four views chosen by the stored
//! session: the start screen (no quiz, or the learner asked for it), a
//! question, and the results of a finished quiz; plus the panels a trainer's
//! link opens (`?mode=exam&...` starts a quiz, `?bank=...` offers a bank).

mod question;
mod results;
mod start;

use crate::components::clock::browser_offset;
use crate::components::notice::{NoticeKind, Notices};
use crate::components::title::set_page_title;
use crate::domain::content;
use crate::domain::quiz::{
    decode_bank_fragment, spec_from_pairs, AnswerGiven, Bank, LinkTarget, Progress, Question,
    QuestionKind, QuizMode, QuizSession, QuizSpec,
};
use crate::domain::sla::rule_case_type;
use crate::nav::Route;
use crate::nav::{replace_hash, CurrentLocation};
use crate::store::AppState;
use chrono::{DateTime, Duration, FixedOffset, Utc};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What the quiz page shares with its views.
#[derive(Clone, Copy)]
struct Quiz {
    /// The app state; the quiz lives in `state.quiz`.
    state: AppState,
    /// The bank in use: the custom one if stored and valid, else the shipped one.
    bank: Memo<Arc<Bank>>,
    /// Whether the bank in use is a custom one.
    custom: Memo<bool>,
    /// Shows the start screen even though a quiz is in progress.
    show_start: RwSignal<bool>,
    /// App-wide notices.
    notices: Notices,
}

impl Quiz {
    /// Starts a quiz from `spec` now, replacing any session; the error is the
    /// domain's lower-case clause, for the caller to place in a sentence.
    fn start(&self, spec: QuizSpec) -> Result<(), String> {
        let bank = self.bank.get_untracked();
        let now = local_now();
        let session = self
            .state
            .quiz
            .with_untracked(|q| QuizSession::start(&bank, &q.progress, spec, now))
            .map_err(|e| e.to_string())?;
        self.state.quiz.update(|q| q.session = Some(session));
        self.show_start.set(false);
        focus_question_heading();
        Ok(())
    }

    /// Changes the session and progress together (and saves them); `None`
    /// when there is no session.
    fn with_session<R>(
        &self,
        change: impl FnOnce(&mut QuizSession, &Bank, &mut Progress) -> R,
    ) -> Option<R> {
        let bank = self.bank.get_untracked();
        let mut outcome = None;
        self.state.quiz.update(|q| {
            if let Some(session) = q.session.as_mut() {
                outcome = Some(change(session, &bank, &mut q.progress));
            }
        });
        outcome
    }

    /// Replaces the bank in use (`None`: the shipped one) and ends any quiz,
    /// whose questions may not exist in the new bank.
    fn use_bank(&self, json: Option<String>) {
        self.state.quiz.update(|q| {
            q.custom_bank = json;
            q.session = None;
        });
        self.show_start.set(true);
    }
}

/// Which view the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Start,
    Question,
    Results,
}

/// The training quiz: practice, exams, review of missed questions and spaced review.
#[component]
pub fn QuizPage() -> impl IntoView {
    set_page_title("Training quiz");
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let location = expect_context::<CurrentLocation>().0;
    let custom_json = Memo::new(move |_| state.quiz.with(|q| q.custom_bank.clone()));
    let bank = Memo::new(move |_| {
        Arc::new(custom_json.with(|json| {
            json.as_deref()
                .and_then(|json| Bank::from_json(json).ok())
                .unwrap_or_else(|| content::bank().clone())
        }))
    });
    let custom = Memo::new(move |_| {
        custom_json.with(|json| json.as_deref().is_some_and(|j| Bank::from_json(j).is_ok()))
    });
    let quiz = Quiz {
        state,
        bank,
        custom,
        show_start: RwSignal::new(false),
        notices,
    };
    let link_error = RwSignal::new(None::<String>);
    let offered_bank = RwSignal::new(None::<Arc<Bank>>);
    let pending_spec = RwSignal::new(None::<QuizSpec>);

    Effect::new(move |_| {
        let loc = location.get();
        if loc.route != Route::Quiz || loc.query.is_empty() {
            return;
        }
        link_error.set(None);
        if let Some(fragment) = loc.param("bank") {
            replace_hash(&Route::Quiz.href());
            match decode_bank_fragment(fragment) {
                Ok(bank) => offered_bank.set(Some(Arc::new(bank))),
                Err(e) => link_error.set(Some(format!(
                    "This bank link cannot be used: {e}. Nothing was changed."
                ))),
            }
            return;
        }
        let is_spec = loc.query.iter().any(|(key, _)| {
            matches!(
                key.as_str(),
                "mode" | "topics" | "count" | "seed" | "pass" | "time"
            )
        });
        if !is_spec {
            replace_hash(&Route::Quiz.href());
            return;
        }
        let spec = spec_from_pairs(&loc.query)
            .map_err(|error| error.to_string())
            .and_then(|spec| {
                let bank = quiz.bank.get_untracked();
                spec.validate(&bank)
                    .map(|()| spec)
                    .map_err(|e| e.to_string())
            });
        let spec = match spec {
            Ok(spec) => spec,
            Err(e) => {
                replace_hash(&Route::Quiz.href());
                link_error.set(Some(format!("This quiz link cannot be used: {e}.")));
                quiz.show_start.set(true);
                return;
            }
        };
        let same_running = state.quiz.with_untracked(|q| {
            q.session
                .as_ref()
                .is_some_and(|s| !s.is_finished() && s.spec() == &spec)
        });
        if same_running {
            replace_hash(&Route::Quiz.href());
            quiz.show_start.set(false);
        } else {
            // The link stays in the address bar until the learner decides, so
            // it can still be bookmarked or forwarded; nothing starts (and no
            // exam clock runs) before Start is pressed.
            pending_spec.set(Some(spec));
        }
    });

    let view_kind = Memo::new(move |_| {
        let finished = state
            .quiz
            .with(|q| q.session.as_ref().map(QuizSession::is_finished));
        match (finished, quiz.show_start.get()) {
            (None, _) | (Some(_), true) => View::Start,
            (Some(false), false) => View::Question,
            (Some(true), false) => View::Results,
        }
    });

    view! {
        <div class="quiz-page">
            <h1>"Training quiz"</h1>
            <Show when=move || link_error.get().is_some()>
                <p class="inline-error" role="alert" data-testid="quiz-link-error">
                    {move || link_error.get()}
                </p>
            </Show>
            {move || {
                if let Some(offer) = offered_bank.get() {
                    view! { <BankOffer quiz=quiz offer=offer offered=offered_bank/> }.into_any()
                } else if let Some(spec) = pending_spec.get() {
                    view! { <LinkedQuiz quiz=quiz spec=spec pending=pending_spec error=link_error/> }
                        .into_any()
                } else {
                    match view_kind.get() {
                        View::Start => view! { <start::StartScreen quiz=quiz/> }.into_any(),
                        View::Question => view! { <question::QuestionView quiz=quiz/> }.into_any(),
                        View::Results => view! { <results::ResultsView quiz=quiz/> }.into_any(),
                    }
                }
            }}
        </div>
    }
}

/// A bank from a shared link: what it holds, and whether to use it.
#[component]
fn BankOffer(
    /// The page context.
    quiz: Quiz,
    /// The bank the link carries.
    offer: Arc<Bank>,
    /// Cleared when the learner decides.
    offered: RwSignal<Option<Arc<Bank>>>,
) -> impl IntoView {
    let topics = topic_counts(&offer);
    let count = offer.questions().len();
    let accept = {
        let offer = offer.clone();
        move |_| {
            quiz.use_bank(Some(offer.to_json()));
            offered.set(None);
            quiz.notices.push(
                NoticeKind::Success,
                format!("The shared question bank ({count} questions) is now in use."),
            );
        }
    };
    view! {
        <section class="quiz-panel" aria-labelledby="quiz-offer-heading">
            <h2 id="quiz-offer-heading">"A shared question bank"</h2>
            <p>{format!("This link carries a question bank with {} in {}:", plural(count, "question"), plural(topics.len(), "topic"))}</p>
            <ul data-testid="quiz-offer-topics">
                {topics
                    .into_iter()
                    .map(|(title, n)| view! { <li>{format!("{title} ({})", plural(n, "question"))}</li> })
                    .collect_view()}
            </ul>
            <p>"Using it replaces the bank in use here and ends a quiz in progress. Your progress is kept, and the shipped bank can be brought back at any time."</p>
            <div class="button-row">
                <button type="button" on:click=accept>"Use this bank"</button>
                <button type="button" class="secondary" on:click=move |_| offered.set(None)>
                    "Keep the current bank"
                </button>
            </div>
        </section>
    }
}

/// A trainer's link names a quiz: what it is, and Start (the exam clock starts
/// only then); when another quiz is in progress, replace it or resume it.
#[component]
fn LinkedQuiz(
    /// The page context.
    quiz: Quiz,
    /// The quiz the link asks for.
    spec: QuizSpec,
    /// Cleared when the learner decides.
    pending: RwSignal<Option<QuizSpec>>,
    /// Where a failure to start is shown.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let bank = quiz.bank.get_untracked();
    let wanted = describe_spec(&spec, &bank);
    let timed = spec.mode == QuizMode::Exam && spec.time_limit_minutes.is_some();
    let current = quiz.state.quiz.with_untracked(|q| {
        q.session.as_ref().filter(|s| !s.is_finished()).map(|s| {
            format!(
                "{}, question {} of {}",
                describe_spec(s.spec(), &bank),
                s.current_index() + 1,
                s.order().len()
            )
        })
    });
    let in_progress = current.is_some();
    let start = move |_| {
        pending.set(None);
        replace_hash(&Route::Quiz.href());
        if let Err(e) = quiz.start(spec.clone()) {
            error.set(Some(format!("This quiz link cannot start a quiz: {e}.")));
            quiz.show_start.set(true);
        }
    };
    let decline = move |_| {
        pending.set(None);
        replace_hash(&Route::Quiz.href());
        if in_progress {
            quiz.show_start.set(false);
            focus_question_heading();
        } else {
            quiz.show_start.set(true);
        }
    };
    view! {
        <section class="quiz-panel" aria-labelledby="quiz-link-heading" data-testid="quiz-linked">
            <h2 id="quiz-link-heading">"Start the quiz from this link?"</h2>
            <p>"The link sets up: " <strong data-testid="quiz-linked-spec">{wanted}</strong></p>
            {timed.then(|| view! { <p>"The clock starts when you press Start."</p> })}
            {current.map(|current| view! {
                <p>"You have a quiz in progress: " {current} ". Starting the new one ends it; its answers so far are not scored."</p>
            })}
            <div class="button-row">
                <button type="button" on:click=start>
                    {if in_progress { "Start the new quiz" } else { "Start the quiz" }}
                </button>
                <button type="button" class="secondary" on:click=decline>
                    {if in_progress { "Resume my quiz" } else { "Not now" }}
                </button>
            </div>
        </section>
    }
}

/// The learner's local time now, which the quiz domain expects.
fn local_now() -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&browser_offset())
}

/// A date and time for people: "5 Mar 2026, 14:05".
fn format_when<Tz: chrono::TimeZone>(when: &DateTime<Tz>) -> String {
    when.with_timezone(&browser_offset())
        .format("%-d %b %Y, %H:%M")
        .to_string()
}

/// A length of time for people: "3 min 07 s", "1 h 05 min".
fn format_duration(duration: Duration) -> String {
    let seconds = duration.num_seconds().max(0);
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h} h {m:02} min")
    } else {
        format!("{m} min {s:02} s")
    }
}

/// "1 question", "3 questions".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A score in percent, rounded for display: "83%", "66.7%".
fn format_percent(percent: f64) -> String {
    let rounded = (percent * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}%")
    } else {
        format!("{rounded:.1}%")
    }
}

/// Domain messages start in lower case; sentences on screen do not.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Each topic's title with its question count, in bank order.
fn topic_counts(bank: &Bank) -> Vec<(String, usize)> {
    bank.topics()
        .iter()
        .map(|t| {
            let n = bank.questions().iter().filter(|q| q.topic == t.id).count();
            (t.title.clone(), n)
        })
        .collect()
}

/// The name of a mode for people.
fn mode_name(mode: QuizMode) -> &'static str {
    match mode {
        QuizMode::Practice => "Practice",
        QuizMode::Exam => "Exam",
        QuizMode::ReviewMissed => "Review missed",
        QuizMode::SpacedReview => "Spaced review",
    }
}

/// One line describing a quiz: "Exam: 3 questions on Deadlines, time limit
/// 15 minutes, pass mark 80%, seed 7".
fn describe_spec(spec: &QuizSpec, bank: &Bank) -> String {
    let questions = match spec.count {
        Some(n) => plural(n, "question"),
        None if spec.mode == QuizMode::SpacedReview => "questions".to_string(),
        None => "all questions".to_string(),
    };
    let topics = if spec.topics.is_empty() {
        "all topics".to_string()
    } else {
        spec.topics
            .iter()
            .map(|id| bank.topic(id).map_or(id.as_str(), |t| t.title.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = vec![format!("{}: {questions} on {topics}", mode_name(spec.mode))];
    if spec.mode == QuizMode::Exam {
        match spec.time_limit_minutes {
            Some(minutes) => {
                parts.push(format!("time limit {}", plural(minutes as usize, "minute")))
            }
            None => parts.push("no time limit".to_string()),
        }
        parts.push(format!("pass mark {}%", spec.pass_percent));
    }
    if let Some(seed) = spec.seed {
        parts.push(format!("seed {seed}"));
    }
    parts.join(", ")
}

/// The text of a choice, or its id if the question no longer has it.
fn choice_text(question: &Question, id: &str) -> String {
    question
        .choice(id)
        .map_or_else(|| id.to_string(), |c| c.text.clone())
}

/// What the learner answered, in words.
fn answer_text(question: &Question, answer: &AnswerGiven) -> String {
    match answer {
        AnswerGiven::Choices(ids) => ids
            .iter()
            .map(|id| choice_text(question, id))
            .collect::<Vec<_>>()
            .join("; "),
        AnswerGiven::Text(text) => text.clone(),
        AnswerGiven::Order(ids) => numbered(question, ids),
    }
}

fn numbered(question: &Question, ids: &[String]) -> String {
    ids.iter()
        .enumerate()
        .map(|(i, id)| format!("{}. {}", i + 1, choice_text(question, id)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The right answer, in words.
fn right_answer_text(question: &Question) -> String {
    let choices = || {
        question
            .correct
            .iter()
            .map(|id| choice_text(question, id))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match question.kind {
        QuestionKind::Single | QuestionKind::Multiple => choices(),
        QuestionKind::PickAny => format!(
            "any {} of: {}",
            question.pick.unwrap_or(question.correct.len()),
            choices()
        ),
        QuestionKind::FillIn => match question.accepted.split_first() {
            Some((first, [])) => first.clone(),
            Some((first, rest)) => format!("{first} (also accepted: {})", rest.join("; ")),
            None => String::new(),
        },
        QuestionKind::Ordering => numbered(question, &question.correct),
    }
}

/// Where a question's link leads in the app, with the link text; `None` when
/// it has no link or the link points nowhere (custom banks).
fn question_link(question: &Question) -> Option<(String, &'static str)> {
    let target = LinkTarget::parse(question.link.as_deref()?).ok()?;
    if !content::link_exists(content::flows(), &target) {
        return None;
    }
    Some(match target {
        LinkTarget::FlowStep { flow, step } => (
            Route::Escalation {
                flow: Some(flow),
                step: Some(step),
            }
            .href(),
            "Open this step of the escalation flowchart",
        ),
        LinkTarget::SlaRule { rule } => match rule_case_type(&rule) {
            Some(case_type) => (
                Route::Sla.href_with(&[("type", case_type.query_value().to_string())]),
                "Open this rule in the SLA calculator",
            ),
            None => (Route::Sla.href(), "Open the SLA calculator"),
        },
    })
}

/// "doc 004, lines 43-47 (Title of the document)".
fn source_text(question: &Question) -> Option<String> {
    let source = question.source.as_ref()?;
    Some(match source.document() {
        Some(doc) => format!("{source} ({})", doc.title),
        None => source.to_string(),
    })
}

/// Moves focus to the question heading once the next question is drawn.
fn focus_question_heading() {
    request_animation_frame(|| {
        if let Some(heading) = document()
            .get_element_by_id("quiz-question-heading")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
}
