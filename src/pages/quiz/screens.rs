//! The quiz's screens, a wasm part of their own (`split` feature): the
//! start screen, a question, the results, one question on its own link,
//! and reading a shared bank's link. A trainer's quiz link needs none of
//! them before Start shows, so it does not download them (nor the answer
//! scoring, FSRS scheduling and link packing they hold) first; the page
//! fetches them as soon as it is drawn.

use super::{question, results, start, Quiz};
use crate::domain::quiz::{decode_bank_fragment, Bank, ShareError};
use leptos::prelude::*;

/// What the part holds.
#[derive(Clone, Copy)]
#[repr(C)]
pub(super) struct Screens {
    pub(super) start: fn(Quiz) -> AnyView,
    pub(super) question: fn(Quiz) -> AnyView,
    pub(super) results: fn(Quiz) -> AnyView,
    /// One question of the bank, by id, on its own link.
    pub(super) linked_question: fn(Quiz, String) -> AnyView,
    /// The bank a shared bank link carries.
    pub(super) decode_bank: fn(&str) -> Result<Bank, ShareError>,
}

#[cfg_attr(feature = "split", leptos::lazy)]
pub(super) async fn quiz_screens() -> Screens {
    Screens {
        start: |quiz| view! { <start::StartScreen quiz=quiz/> }.into_any(),
        question: |quiz| view! { <question::QuestionView quiz=quiz/> }.into_any(),
        results: |quiz| view! { <results::ResultsView quiz=quiz/> }.into_any(),
        linked_question: |quiz, id| {
            view! { <question::LinkedQuestion quiz=quiz id=id/> }.into_any()
        },
        decode_bank: decode_bank_fragment,
    }
}
