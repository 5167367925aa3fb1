//! `#/settings`: theme, a link to the SLA rules and business calendar
//! (edited beside the calculator), the user's data (export, import, reset,
//! the space used and copies set aside), and the ways to free space when
//! storage is full.

mod data;
mod space;

use crate::components::form::{Binding, RadioGroup};
use crate::components::title::set_page_title;
use crate::nav::{Route, RULES_SECTION};
use crate::store::{AppState, Theme};
use data::DataManagement;
use leptos::prelude::*;
use space::FreeUpSpace;

/// Preferences and data management.
#[component]
pub fn SettingsPage() -> impl IntoView {
    set_page_title("Settings");
    let state = expect_context::<AppState>();
    view! {
        <h1>"Settings"</h1>
        <ThemeChoice state=state/>
        <SlaRulesLink/>
        <DataManagement state=state/>
        <FreeUpSpace state=state/>
    }
}

/// Where the SLA rules are edited: beside the calculator, which shows what
/// they do to a deadline.
#[component]
fn SlaRulesLink() -> impl IntoView {
    view! {
        <section aria-labelledby="sla-rules-link-heading">
            <h2 id="sla-rules-link-heading">"Rules and business calendar"</h2>
            <p data-testid="sla-rules-intro">
                "The SLA calculator and your queue compute every deadline with these rules. They are edited below the calculator, where each field names the default Deskaid ships with and the results show what a change does."
            </p>
            <p>
                <a href=Route::Sla.section_href(RULES_SECTION)>"Edit the rules and business calendar"</a>
            </p>
        </section>
    }
}

/// Light, dark, or follow the system.
#[component]
fn ThemeChoice(
    /// The app state holding the setting.
    state: AppState,
) -> impl IntoView {
    view! {
        <section aria-labelledby="theme-heading">
            <h2 id="theme-heading">"Theme"</h2>
            <RadioGroup
                name="theme"
                legend="Colour scheme"
                value=Binding::new(
                    move || state.settings.with(|s| s.theme),
                    move |theme: Theme| state.settings.update(|s| s.theme = theme),
                )
            />
        </section>
    }
}
