//! `#/results`: the trainer's class results. Codes, files and result links
//! from trainees are imported (`import`), scored again against the bank in
//! use and listed (`table`), and summed up as what the class misses
//! (`misses`), with CSV exports and a print view.

mod import;
mod misses;
mod table;

use crate::components::confirm::ConfirmedAction;
use crate::components::notice::{NoticeKind, Notices};
use crate::components::print_button::PrintButton;
use crate::components::title::set_page_title;
use crate::domain::quiz::results::{
    BankIdentity, ClassResults, ClassRow, QuizOfClass, SHIPPED_PACK,
};
use crate::domain::quiz::Bank;
use crate::nav::Route;
use crate::store::AppState;
use leptos::prelude::*;
use std::sync::Arc;

/// The bank results are scored against, with its identity.
#[derive(Debug, PartialEq)]
struct BankInUse {
    bank: Bank,
    identity: BankIdentity,
}

/// What the page shares with its parts.
#[derive(Clone, Copy)]
struct Class {
    /// The app state; the results live in `state.results()`.
    state: AppState,
    /// The bank in use on the Quiz page.
    bank: Memo<Arc<BankInUse>>,
    /// App-wide notices.
    notices: Notices,
    /// The quiz the table and the misses show; empty for every quiz.
    quiz_filter: RwSignal<String>,
}

impl Class {
    /// The quizzes of the imported results, in the order first imported.
    fn quizzes(&self) -> Vec<QuizOfClass> {
        self.state.results().with(ClassResults::quizzes)
    }

    /// The rows of the quiz chosen (every row when none is), in import order.
    fn rows(&self) -> Vec<ClassRow> {
        let filter = self.quiz_filter.get();
        let quizzes = self.quizzes();
        // A filter whose results were all deleted shows everything again.
        let quiz = quizzes
            .iter()
            .any(|q| q.id == filter)
            .then_some(filter.as_str());
        self.bank.with(|in_use| {
            self.state
                .results()
                .with(|class| class.rows(&in_use.bank, &in_use.identity, quiz))
        })
    }
}

/// The trainer's page for a class: import results, see the table and what
/// the class misses, export and print.
#[component]
pub fn ResultsPage() -> impl IntoView {
    set_page_title("Class results");
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    // The bank has its own key: read again only when it changes, not when
    // the quiz data does (every answer a learner gives in another tab).
    let bank = Memo::new(move |_| {
        let (bank, identity) = state.quiz_bank().with(|b| b.bank_in_use());
        Arc::new(BankInUse { bank, identity })
    });
    let class = Class {
        state,
        bank,
        notices,
        quiz_filter: RwSignal::new(String::new()),
    };
    let report = import::Report::new();
    let rows = Memo::new(move |_| class.rows());
    let any_results = Memo::new(move |_| state.results().with(|c| !c.results.is_empty()));
    let shipped = Memo::new(move |_| bank.with(|b| b.identity.pack == SHIPPED_PACK));
    let clear = move |()| {
        state.results().update(|c| c.results.clear());
        notices.push(NoticeKind::Success, "Every class result was deleted.");
    };

    view! {
        <div class="results-page">
            <h1>"Class results"</h1>
            <p class="hint results-intro">
                "Trainees send you their exam result as a link, a code or a file (under \u{201c}Send your result\u{201d} once an exam ends). Everything stays in this browser: nothing is uploaded. Each result is scored again here against "
                {move || if shipped.get() { "the question bank shipped with Deskaid" } else { "your custom question bank (the one in use on the Quiz page)" }}
                "; the score a code claims is only checked, never shown."
            </p>
            <p class="results-back"><a href=Route::Quiz.href()>"Back to the quiz"</a></p>
            <import::PendingLinks class=class report=report/>
            <import::ImportResults class=class report=report/>
            <Show
                when=move || any_results.get()
                fallback=|| view! { <p data-testid="results-empty">"No results yet: paste codes or choose result files above."</p> }
            >
                <table::ClassTable class=class rows=rows/>
                <misses::ClassMissesView class=class rows=rows/>
                <section class="results-actions" aria-labelledby="results-actions-heading">
                    <h2 id="results-actions-heading">"Print or start over"</h2>
                    <PrintButton label="Print class results"/>
                    <ConfirmedAction
                        label="Delete all class results…"
                        question="Delete every result imported in this browser? The trainees' codes and files still hold them, so they can be imported again."
                        confirm_label="Yes, delete all results"
                        question_id="results-clear-question"
                        on_confirm=Callback::new(clear)
                    />
                </section>
            </Show>
        </div>
    }
}
