//! The trainer link: the options on screen as a link that opens this very
//! quiz (same questions, same order) for whoever receives it.

use super::spec::OptionProblems;
use super::words::describe_spec;
use super::Quiz;
use crate::components::copy_button::CopyButton;
use crate::domain::quiz::{spec_to_pairs, FittedSpec};
use crate::nav::{app_url, Route};
use leptos::prelude::*;

/// The link to the quiz the options describe, what it sets up, and Copy.
#[component]
pub(super) fn TrainerLink(
    /// The page context.
    quiz: Quiz,
    /// The options as the quiz Start runs, or what is wrong with them.
    spec: Memo<Result<FittedSpec, Box<OptionProblems>>>,
) -> impl IntoView {
    let setup = quiz.setup;
    let linked_spec = Memo::new(move |_| spec.with(|s| s.as_ref().ok().map(|f| f.spec.clone())));
    let link = Memo::new(move |_| {
        linked_spec.with(|s| {
            s.as_ref().map(|spec| {
                let pairs = spec_to_pairs(spec);
                let pairs: Vec<(&str, String)> =
                    pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                app_url(&Route::Quiz.href_with(&pairs))
            })
        })
    });
    view! {
        <div class="quiz-trainer-link">
            <h3>"Trainer link"</h3>
            <p class="hint">"A link to exactly this quiz: whoever opens it sees these settings, gets the same questions in the same order, and starts when ready."</p>
            {move || match link.get() {
                Some(url) => view! {
                    <p class="quiz-link-text"><code data-testid="quiz-trainer-link">{url}</code></p>
                    <p class="quiz-spec-summary">{move || linked_spec.with(|s| s.as_ref().map(|s| quiz.bank.with(|b| describe_spec(s, b))))}</p>
                    <Show when=move || setup.seed.with(|s| s.trim().is_empty())>
                        <p class="hint" data-testid="quiz-link-seed">
                            {format!("No seed was typed, so Start, like this link, uses seed {}. Type your own seed above to change it.", setup.auto_seed)}
                        </p>
                    </Show>
                }
                .into_any(),
                None => view! { <p class="hint">"Correct the options above to get a link."</p> }.into_any(),
            }}
            <CopyButton text=Signal::derive(move || link.get().unwrap_or_default()) label="Copy link"/>
            <p>
                "After an exam each trainee can send you their result; gather them on the "
                <a href=Route::Results.href()>"Class results"</a>
                " page to see the class table and what the class misses."
            </p>
        </div>
    }
}
