//! `#/quiz`: the training quiz.

use crate::components::title::set_page_title;
use leptos::prelude::*;

/// Practice, exams and spaced review.
#[component]
pub fn QuizPage() -> impl IntoView {
    set_page_title("Training quiz");
    view! {
        <h1>"Training quiz"</h1>
        <p>"Questions on the same procedures the job aid walks you through."</p>
    }
}
