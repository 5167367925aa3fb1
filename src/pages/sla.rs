//! `#/sla`: the SLA calculator.

use crate::components::title::set_page_title;
use leptos::prelude::*;

/// Initial-contact and resolution deadlines for a case.
#[component]
pub fn SlaPage() -> impl IntoView {
    set_page_title("SLA calculator");
    view! {
        <h1>"SLA calculator"</h1>
        <p>"When the first contact and the resolution are due for a case."</p>
    }
}
