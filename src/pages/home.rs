//! `#/`: what each tool is for, in a sentence each, with links.

use crate::components::reference::ReferencePanel;
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
            <Tool href="#/escalation" name="Escalation flowchart" purpose="Walks you through an escalation step by step: who to transfer to, how long to wait, and what to write in the case."/>
            <Tool href="#/sla" name="SLA calculator" purpose="Tells you when the first contact and the resolution are due for a case you just received, on your team's business calendar."/>
            <Tool href="#/queue" name="My queue" purpose="Keeps your own cases with their next deadlines, most urgent first, and checks them at the end of your shift."/>
            <Tool href="#/quiz" name="Training quiz" purpose="Practises the same procedures and schedules what to review next; your progress stays in this browser."/>
            <Tool href="#/results" name="Class results" purpose="For trainers: gathers the result codes and links your trainees send, re-scores them and shows which questions the class missed."/>
            <Tool href="#/settings" name="Settings and your data" purpose="Change the theme and the SLA rules, export, import or reset everything Deskaid has stored, and free up space when storage is full."/>
        </ul>
        <ReferencePanel/>
        <p class="privacy">
            "Privacy: nothing you type here (case numbers, customer names, notes) leaves this browser. "
            "Deskaid has no server; it stores your data in this browser's local storage only."
        </p>
    }
}

/// One tool of the list: its name as a link, and what it is for.
#[component]
fn Tool(
    /// The tool's address.
    href: &'static str,
    /// The tool's name.
    name: &'static str,
    /// What the tool does for an agent, in a sentence.
    purpose: &'static str,
) -> impl IntoView {
    view! {
        <li>
            <h2><a href=href>{name}</a></h2>
            <p>{purpose}</p>
        </li>
    }
}
