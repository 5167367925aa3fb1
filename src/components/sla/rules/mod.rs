//! The rules and business calendar editor: every SLA setting with its
//! shipped default in words, validated by [`SlaEngine::new`] as the agent
//! types. Invalid drafts stay in the form and are never saved. Shown on the
//! calculator page, where Settings links (`RULES_SECTION`): editing them
//! beside the calculator shows what they do, and Settings opens without
//! the rules' code and the content pack their defaults come from.

mod calendar;
mod hours;
mod table;

use crate::components::focus::focus_after_render;
use crate::components::form::Binding;
use crate::components::notice::{NoticeKind, Notices};
use crate::components::part::load_part;
use crate::domain::content;
use crate::domain::sla::{SlaEngine, SlaSettings};
use crate::nav::{CurrentLocation, Route, RULES_SECTION};
use crate::store::{AppState, SlaRules, TabMemory, TabSlot};
use calendar::CalendarFields;
use hours::HoursFields;
use leptos::prelude::*;
use std::collections::BTreeSet;
use table::{Section, SECTIONS};

/// The words under a number field whose text is not a number.
const NOT_A_NUMBER: &str = "Enter a whole number, for example 4.";

/// What the draft holds besides the settings: fields whose text is not a
/// number yet, and a counter that makes number fields re-read the draft.
#[derive(Clone, Copy)]
pub struct Draft {
    settings: RwSignal<SlaSettings>,
    unreadable: RwSignal<BTreeSet<&'static str>>,
    epoch: RwSignal<u32>,
}

impl Draft {
    /// A draft of `settings`, every field readable.
    pub fn new(settings: SlaSettings) -> Self {
        Draft {
            settings: RwSignal::new(settings),
            unreadable: RwSignal::new(BTreeSet::new()),
            epoch: RwSignal::new(0),
        }
    }

    /// The settings as the fields have them, tracked.
    pub fn settings(self) -> SlaSettings {
        self.settings.get()
    }

    /// Shows `settings` in the fields (an undo, a change from elsewhere),
    /// unless they already hold them.
    pub fn show(self, settings: SlaSettings) {
        if self.settings.with_untracked(|now| *now != settings) {
            self.settings.set(settings);
            self.epoch.update(|n| *n += 1);
        }
    }

    /// The names of the number fields whose text is not a number, tracked.
    pub fn unreadable_fields(self) -> Vec<&'static str> {
        self.unreadable.with(|u| u.iter().copied().collect())
    }

    /// A field's binding to one setting of the draft.
    fn lens<T: Clone + Send + Sync + 'static>(
        self,
        read: fn(&SlaSettings) -> T,
        write: fn(&mut SlaSettings, T),
    ) -> Binding<T> {
        Binding::lens(self.settings, read, write)
    }

    /// A number setting's binding, shown again after a restore or a change
    /// from elsewhere even when the number stayed the same (the field may
    /// hold text that was not a number).
    fn number(
        self,
        read: fn(&SlaSettings) -> u32,
        write: fn(&mut SlaSettings, u32),
    ) -> Binding<u32> {
        Binding::new(
            move || {
                self.epoch.track();
                self.settings.with(read)
            },
            move |value| self.settings.update(|s| write(s, value)),
        )
    }

    /// The error line of the number field `name`.
    fn number_error(self, name: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.unreadable
                .with(|u| u.contains(name))
                .then(|| NOT_A_NUMBER.to_string())
        })
    }

    /// Notes whether the number field `name` holds text that is not a number.
    fn note_unreadable(self, name: &'static str) -> Callback<bool> {
        Callback::new(move |unreadable| {
            self.unreadable.update(|u| {
                if unreadable {
                    u.insert(name);
                } else {
                    u.remove(name);
                }
            })
        })
    }
}

/// SLA rule edits not saved yet (`None` when there are none), kept in the
/// tab's memory so they survive a look at another page.
struct UnsavedRules;

impl TabSlot for UnsavedRules {
    type Value = Option<SlaSettings>;
}

/// Every field of the rules and the business calendar, bound to `draft`,
/// each naming its value in `defaults`: the editor below, and the author
/// page's editor of a pack's SLA defaults.
#[component]
pub fn SlaRulesFields(draft: Draft, defaults: &'static SlaSettings) -> impl IntoView {
    view! {
        <CalendarFields draft=draft/>
        <HoursFields draft=draft/>
        {SECTIONS
            .iter()
            .map(|Section(legend, settings)| {
                view! {
                    <fieldset>
                        <legend>{*legend}</legend>
                        {settings.iter().map(|setting| setting.view(draft, defaults)).collect_view()}
                    </fieldset>
                }
            })
            .collect_view()}
    }
}

/// The heading a link to the rules moves focus to.
const HEADING_ID: &str = "sla-rules-heading";

/// Edits the SLA rules and business calendar, saves them (`SlaRules`) only
/// when valid, and restores the shipped defaults; on the calculator page.
/// The heading shows at once; the form is drawn when its part has loaded,
/// so a shared calculation shows its deadlines without waiting for it.
#[component]
pub fn SlaRulesEditor() -> impl IntoView {
    let location = expect_context::<CurrentLocation>().0;
    // Arriving from Settings' link: focus lands here, below the calculator.
    Effect::new(move |_| {
        if location.with(|l| l.asks_for_section(&Route::Sla, RULES_SECTION)) {
            focus_after_render(HEADING_ID);
        }
    });
    let form = load_part(rules_form());
    view! {
        <section aria-labelledby=HEADING_ID class="sla-rules">
            <h2 id=HEADING_ID tabindex="-1">"Rules and business calendar"</h2>
            <p data-testid="sla-rules-intro">
                "The SLA calculator and your queue compute every deadline with these rules. Each field names the default Deskaid ships with, taken from the support documents."
            </p>
            {move || match form.get() {
                Some(draw) => draw(),
                None => view! { <p class="page-loading">"Loading the rules…"</p> }.into_any(),
            }}
        </section>
    }
}

/// The rules form's wasm part (`split` feature): the fields of every rule,
/// their checks and saving, which the calculator's answer does not need.
/// The author page's editor of a pack's defaults draws the same fields.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn rules_form() -> fn() -> AnyView {
    let draw: fn() -> AnyView = || view! { <RulesForm/> }.into_any();
    draw
}

/// The editor's form: the fields, the problems that keep it from being
/// saved, and Save and Restore.
#[component]
fn RulesForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let unsaved = expect_context::<TabMemory>().slot::<UnsavedRules>();
    let draft = Draft::new(
        unsaved
            .get_untracked()
            .unwrap_or_else(|| state.sla_rules().with_untracked(SlaRules::in_force)),
    );
    let defaults = content::sla_defaults();
    // Another tab or an import changed the saved rules: follow them unless
    // the agent is in the middle of an edit.
    Effect::new(move |previous: Option<SlaSettings>| {
        let saved = state.sla_rules().with(SlaRules::in_force);
        if let Some(previous) = previous {
            if previous != saved && draft.settings.with_untracked(|d| *d == previous) {
                draft.settings.set(saved.clone());
                draft.epoch.update(|n| *n += 1);
            }
        }
        saved
    });
    // Edits not saved yet outlive this page for the rest of the tab's life,
    // so a look at another page does not lose them.
    Effect::new(move |_| {
        let edited = draft.settings.get();
        let changed = state.sla_rules().with(|s| edited != s.in_force());
        unsaved.set(changed.then_some(edited));
    });
    let problems = Memo::new(move |_| {
        let mut problems: Vec<String> = draft
            .unreadable
            .get()
            .iter()
            .map(|field| format!("{field}: enter a whole number"))
            .collect();
        if let Err(error) = draft.settings.with(SlaEngine::new) {
            problems.extend(error.problems);
        }
        problems
    });
    let saved_state = move || {
        let own = state.sla_rules().with(|s| s.own.is_some());
        let changed = draft
            .settings
            .with(|d| state.sla_rules().with(|s| *d != s.in_force()));
        match (own, changed) {
            (_, true) => "You have unsaved changes.",
            (true, false) => "Your own rules are saved and in use.",
            (false, false) => "The shipped defaults are in use.",
        }
    };
    let status = RwSignal::new(String::new());
    let save = move |_| {
        let count = problems.with_untracked(Vec::len);
        if count > 0 {
            status.set(format!(
                "Not saved: fix the {} listed above first. Your changes are still in the form.",
                if count == 1 {
                    "problem".to_string()
                } else {
                    format!("{count} problems")
                }
            ));
            return;
        }
        let settings = draft.settings.get_untracked();
        state.sla_rules().update(|s| s.own = Some(settings));
        status.set("Saved. The calculator and your queue now use these rules.".to_string());
        notices.push(NoticeKind::Success, "Your SLA rules were saved.");
    };
    let restore = move |_| {
        state.sla_rules().update(|s| s.own = None);
        draft.settings.set(defaults.clone());
        draft.unreadable.set(BTreeSet::new());
        draft.epoch.update(|n| *n += 1);
        status.set("Restored the shipped defaults.".to_string());
    };

    view! {
            <p class="sla-rules-state" data-testid="sla-rules-state">{saved_state}</p>
            <SlaRulesFields draft=draft defaults=defaults/>
            <div id="sla-rules-problems" class="sla-problems" data-testid="sla-rules-problems">
                {move || {
                    let list = problems.get();
                    (!list.is_empty())
                        .then(|| {
                            view! {
                                <p class="inline-error">
                                    {if list.len() == 1 {
                                        "These rules cannot be saved yet:".to_string()
                                    } else {
                                        format!("These rules cannot be saved yet ({} problems):", list.len())
                                    }}
                                </p>
                                <ul class="sla-problem-list">
                                    {list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                                </ul>
                            }
                        })
                }}
            </div>
            <div class="button-row">
                <button type="button" on:click=save aria-describedby="sla-rules-problems">
                    "Save rules"
                </button>
                <button type="button" class="secondary" on:click=restore>
                    "Restore shipped defaults"
                </button>
            </div>
            <p role="status" aria-live="polite" class="sla-status">{move || status.get()}</p>
    }
}
