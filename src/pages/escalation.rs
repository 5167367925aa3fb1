//! `#/escalation`: the escalation flowcharts.

use crate::components::title::set_page_title;
use leptos::prelude::*;

/// The list of flows and the step walker.
#[component]
pub fn EscalationPage() -> impl IntoView {
    set_page_title("Escalation flowchart");
    view! {
        <h1>"Escalation flowchart"</h1>
        <p>"Step-by-step procedures for escalations, from the team's SOPs."</p>
    }
}
