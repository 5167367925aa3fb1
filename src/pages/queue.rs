//! `#/queue`: the agent's own cases and their next deadlines.

use crate::components::title::set_page_title;
use leptos::prelude::*;

/// The case queue.
#[component]
pub fn QueuePage() -> impl IntoView {
    set_page_title("My queue");
    view! {
        <h1>"My queue"</h1>
        <p>"Your cases and their next deadlines."</p>
    }
}
