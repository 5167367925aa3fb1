//! `#/settings`: theme, the SLA rules and business calendar, the user's
//! data (export, import, reset, the space used and copies set aside), and
//! the ways to free space when storage is full.

mod data;
mod space;

use crate::components::form::{Binding, RadioGroup};
use crate::components::sla::rules::SlaRulesEditor;
use crate::components::title::set_page_title;
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
        <SlaRulesEditor/>
        <DataManagement state=state/>
        <FreeUpSpace state=state/>
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
