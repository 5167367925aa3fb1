//! The question bank in use: what it holds, export to a file, sharing by
//! link, importing a trainer's bank, and going back to the shipped one.

use super::Quiz;
use crate::components::copy_button::CopyButton;
use crate::components::download::save_file;
use crate::components::form::FileField;
use crate::components::notice::NoticeKind;
use crate::domain::quiz::{encode_bank_fragment, Bank, ShareError, FRAGMENT_LIMIT};
use crate::domain::text::{capitalise, plural};
use crate::nav::{app_url, Route};
use leptos::prelude::*;

/// The bank in use; import, export and sharing of custom banks.
#[component]
pub(super) fn BankPanel(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let import_problems = RwSignal::new(None::<(String, Vec<String>)>);
    let share = RwSignal::new(None::<Result<String, ShareError>>);
    let described = move || {
        quiz.bank.with(|bank| {
            let what = if quiz.custom.get() {
                "A custom question bank"
            } else {
                "The question bank shipped with Deskaid"
            };
            format!(
                "{what}: {} in {}.",
                plural(bank.questions().len() as u64, "question"),
                plural(bank.topics().len() as u64, "topic")
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
    let import = Callback::new(move |(name, text): (String, Option<String>)| {
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
                        plural(count as u64, "question")
                    ),
                );
            }
            Err(e) => import_problems.set(Some((name, e.problems))),
        }
    });
    let make_link = move |_| {
        let result = quiz.bank.with_untracked(|bank| encode_bank_fragment(bank));
        share.set(Some(result));
    };
    let share_url = move || {
        share.with(|s| match s {
            Some(Ok(fragment)) => app_url(&Route::Quiz.href_with(&[("bank", fragment.clone())])),
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
                Err(e) => view! { <p class="inline-error" role="alert">{share_problem(&e)}</p> }.into_any(),
            })}
            <FileField id="quiz-bank-file" label="Import a question bank (JSON)" accept="application/json,.json" on_read=import
                hint="The file is checked completely first; if anything is wrong, the bank in use is kept. Using a new bank ends a quiz in progress; your progress is kept."/>
            {move || import_problems.get().map(|(name, problems)| view! {
                <div class="inline-error" role="alert" data-testid="quiz-bank-error">
                    <p>{format!("{name} cannot be used as a question bank; the bank in use was kept. Problems found:")}</p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            })}
        </section>
    }
}

/// Why the bank cannot be shared by link, as a sentence with what to do.
fn share_problem(error: &ShareError) -> String {
    match error {
        ShareError::TooLarge { chars } => format!(
            "This bank is too large to share in a link: it needs {chars} characters and links are limited to {FRAGMENT_LIMIT}. Export it as a file and share the file instead."
        ),
        other => capitalise(&other.to_string()),
    }
}
