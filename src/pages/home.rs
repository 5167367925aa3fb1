//! `#/`: what each tool is for, in a sentence each, with links.

use crate::components::title::set_page_title;
use leptos::prelude::*;

/// The landing page.
#[component]
pub fn HomePage() -> impl IntoView {
    set_page_title("Home");
    view! {
        <h1>"Deskaid"</h1>
        <p class="lede">"A job aid for customer-support teams: open it during a call or chat, or use it to train."</p>
        <ul class="tool-list">
            <li>
                <h2><a href="#/escalation">"Escalation flowchart"</a></h2>
                <p>"Walks you through an escalation step by step: who to transfer to, how long to wait, and what to write in the case."</p>
            </li>
            <li>
                <h2><a href="#/sla">"SLA calculator"</a></h2>
                <p>"Tells you when the first contact and the resolution are due for a case you just received, on your team's business calendar."</p>
            </li>
            <li>
                <h2><a href="#/quiz">"Training quiz"</a></h2>
                <p>"Practises the same procedures and schedules what to review next; your progress stays in this browser."</p>
            </li>
            <li>
                <h2><a href="#/settings">"Settings and your data"</a></h2>
                <p>"Change the theme, and export, import or reset everything Deskaid has stored."</p>
            </li>
        </ul>
        <p class="privacy">
            "Privacy: nothing you type here (case numbers, customer names, notes) leaves this browser. "
            "Deskaid has no server; it stores your data in this browser's local storage only."
        </p>
    }
}
