//! The keyboard shortcuts of a question: Enter for the main button, and the
//! number keys for the choices, unless the learner is typing.

use super::card::Card;
use crate::domain::quiz::{QuestionKind, QuizChoice};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Listens for the shortcuts while the question is on screen.
pub(super) fn listen_for_shortcuts(card: Card, choices: StoredValue<Vec<QuizChoice>>) {
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() || event.default_prevented() {
            return;
        }
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
        let input_type = target
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.type_());
        let on_choice = matches!(input_type.as_deref(), Some("radio" | "checkbox"));
        let typing =
            matches!(tag.as_str(), "TEXTAREA" | "SELECT") || (tag == "INPUT" && !on_choice);
        let key = event.key();
        if key == "Enter" {
            if matches!(
                tag.as_str(),
                "BUTTON" | "A" | "SUMMARY" | "TEXTAREA" | "SELECT"
            ) || input_type.as_deref() == Some("file")
            {
                return;
            }
            event.prevent_default();
            card.primary();
            return;
        }
        if typing || card.kind == QuestionKind::Ordering || card.kind == QuestionKind::FillIn {
            return;
        }
        let Some(number) = key.parse::<usize>().ok().filter(|n| (1..=9).contains(n)) else {
            return;
        };
        if card.score.get_untracked().is_some() && card.immediate {
            return;
        }
        if let Some(id) = choices.with_value(|c| c.get(number - 1).map(|c| c.id.clone())) {
            event.prevent_default();
            card.choose(id);
        }
    });
    on_cleanup(move || keys.remove());
}
