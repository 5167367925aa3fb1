//! "Send your result": a finished exam as a link, a code to paste and a
//! file, for the trainer's Class results page. Nothing leaves the browser
//! until the trainee sends one of them.

use super::Quiz;
use crate::components::copy_button::CopyButton;
use crate::components::download::save_file;
use crate::components::form::{Binding, TextField};
use crate::domain::quiz::results::{
    bank_identity, encode_result, SentResult, CUSTOM_PACK, SHIPPED_PACK,
};
use crate::nav::{app_url, Route};
use leptos::prelude::*;

/// The name the trainee shows the trainer, kept in the quiz data so the
/// next exam remembers it; it also goes on the printed summary.
pub(super) fn sender_name(quiz: Quiz) -> Binding<String> {
    let state = quiz.state;
    Binding::new(
        move || state.quiz().with(|q| q.sender_name.clone()),
        move |name| state.quiz().update(|q| q.sender_name = name),
    )
}

/// The result of the finished exam in three forms, once a name is typed.
#[component]
pub(super) fn SendResult(
    /// The page context.
    quiz: Quiz,
) -> impl IntoView {
    let name = sender_name(quiz);
    let identity = quiz.bank.with_untracked(|bank| {
        bank_identity(
            bank,
            if quiz.custom.get_untracked() {
                CUSTOM_PACK
            } else {
                SHIPPED_PACK
            },
        )
    });
    let code = Memo::new(move |_| {
        let name = name.get();
        if name.trim().is_empty() {
            return None;
        }
        quiz.read_session(|session, bank| {
            SentResult::from_session(session, bank, identity.clone(), &name)
        })
        .map(|result| encode_result(&result))
    });
    let link = Memo::new(move |_| {
        code.get()
            .map(|code| app_url(&Route::Results.href_with(&[("r", code)])))
    });
    let download = move |_| {
        let (Some(code), Some(link)) = (code.get_untracked(), link.get_untracked()) else {
            return;
        };
        let file_name = format!("deskaid-result-{}.txt", file_part(&name.get()));
        let text = format!(
            "Deskaid exam result of {}. Import this file on Deskaid's Class results page, or open the link.\n\n{code}\n\n{link}\n",
            name.get().trim()
        );
        save_file(quiz.notices, &file_name, "text/plain", &text);
    };
    view! {
        <section class="quiz-send" aria-labelledby="quiz-send-heading" data-testid="quiz-send">
            <h3 id="quiz-send-heading">"Send your result"</h3>
            <p class="hint">
                "Your trainer sees the name you type, your answers and when you started and finished, nothing else. Nothing is sent until you send the link, the code or the file yourself."
            </p>
            <TextField
                id="quiz-your-name"
                label="Your name, as your trainer will see it"
                hint="Kept in this browser for your next exam; also printed on the summary."
                autocomplete="name"
                value=name
            />
            {move || match (code.get(), link.get()) {
                (Some(code), Some(link)) => view! {
                    <h4>"Link"</h4>
                    <p class="quiz-link-text"><code data-testid="quiz-result-link">{link.clone()}</code></p>
                    <CopyButton text=Signal::derive(move || link.clone()) label="Copy result link"/>
                    <h4>"Code to paste into chat or e-mail"</h4>
                    <p class="quiz-link-text"><code data-testid="quiz-result-code">{code.clone()}</code></p>
                    <CopyButton text=Signal::derive(move || code.clone()) label="Copy result code"/>
                    <h4>"File"</h4>
                    <div class="button-row">
                        <button type="button" class="secondary" on:click=download>"Download result file"</button>
                    </div>
                }
                .into_any(),
                _ => view! { <p class="hint">"Type your name to get your result as a link, a code and a file."</p> }.into_any(),
            }}
        </section>
    }
}

/// `name` as part of a file name: letters and digits kept, runs of anything
/// else one hyphen.
fn file_part(name: &str) -> String {
    let mut part = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            part.extend(c.to_lowercase());
        } else if !part.ends_with('-') && !part.is_empty() {
            part.push('-');
        }
    }
    let part = part.trim_end_matches('-');
    if part.is_empty() {
        "trainee".to_string()
    } else {
        part.to_string()
    }
}
