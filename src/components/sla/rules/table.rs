//! The settings the editor shows one field each, in order: how each is
//! edited and its shipped default in words, with the lines it comes from.
//! A table, so adding a setting is one entry rather than another copy of a
//! field's markup.

use super::Draft;
use crate::components::form::{next_uid, Checkbox, NumberField, SelectField, TextField};
use crate::domain::sla::SlaSettings;
use leptos::prelude::*;

/// How to read one setting from the settings and write it back.
type Lens<T> = (fn(&SlaSettings) -> T, fn(&mut SlaSettings, T));

/// Both halves of a [`Lens`] to the field at `path` in the settings.
macro_rules! lens {
    ($($field:ident).+) => {
        (
            |s: &SlaSettings| s.$($field).+.clone(),
            |s: &mut SlaSettings, value| s.$($field).+ = value,
        )
    };
}

/// How a setting is edited.
pub(super) enum Edit {
    /// A whole number of at least 1.
    Number(Lens<u32>),
    /// A time of day "HH:MM".
    Time(Lens<String>),
    /// Yes or no.
    Check(Lens<bool>),
    /// How initial-contact hours count.
    Hours(Lens<crate::domain::sla::HourCounting>),
    /// How the agency's days count.
    Days(Lens<crate::domain::sla::DayCounting>),
    /// How "business hours" in the follow-up promise are read.
    FollowUp(Lens<crate::domain::sla::FollowUpCounting>),
}

/// One setting of the editor.
pub(super) struct Setting {
    /// The field's label, also naming it in the list of problems.
    label: &'static str,
    /// How it is edited.
    edit: Edit,
    /// The shipped default in words, with its source, from the defaults.
    default: fn(&SlaSettings) -> String,
}

impl Setting {
    /// The setting's field, bound to the draft.
    pub(super) fn view(&self, draft: Draft, defaults: &SlaSettings) -> AnyView {
        let id = format!("sla-rule-{}", next_uid());
        let label = self.label;
        let hint = (self.default)(defaults);
        match self.edit {
            Edit::Number((read, write)) => view! {
                <NumberField
                    id=id
                    label=label
                    value=draft.number(read, write)
                    hint=hint
                    error=draft.number_error(label)
                    on_unreadable=draft.note_unreadable(label)
                />
            }
            .into_any(),
            Edit::Time((read, write)) => view! {
                <TextField id=id label=label kind="time" class="narrow" value=draft.lens(read, write) hint=hint/>
            }
            .into_any(),
            Edit::Check((read, write)) => {
                view! { <Checkbox id=id label=label value=draft.lens(read, write) hint=hint/> }.into_any()
            }
            Edit::Hours((read, write)) => {
                view! { <SelectField id=id label=label value=draft.lens(read, write) hint=hint/> }.into_any()
            }
            Edit::Days((read, write)) => {
                view! { <SelectField id=id label=label value=draft.lens(read, write) hint=hint/> }.into_any()
            }
            Edit::FollowUp((read, write)) => {
                view! { <SelectField id=id label=label value=draft.lens(read, write) hint=hint/> }.into_any()
            }
        }
    }
}

/// Whether the team closes on US federal holidays, shown with the zone and
/// the other closed dates.
pub(super) const FEDERAL_HOLIDAYS: Setting = Setting {
    label: "Closed on US federal holidays every year (observed dates)",
    edit: Edit::Check(lens!(calendar.us_federal_holidays)),
    default: |_| {
        "Default: yes. A Saturday holiday is observed on the Friday before, a Sunday holiday on the Monday after.".to_string()
    },
};

/// A fieldset of settings.
pub(super) struct Section {
    /// The fieldset's legend.
    pub legend: &'static str,
    /// Its settings, in order.
    pub settings: &'static [Setting],
}

/// The settings after the calendar and business hours.
pub(super) const SECTIONS: &[Section] = &[
    Section {
        legend: "General cases",
        settings: &[
            Setting {
                label: "Cut-off for same-day contact",
                edit: Edit::Time(lens!(general.cutoff)),
                default: |d| {
                    format!(
                    "Default: {} (received by 3pm: contact the same day; after: by 12 noon the next business day, doc 001, lines 9-11).",
                    d.general.cutoff,
                )
                },
            },
            Setting {
                label: "Next-day contact due at",
                edit: Edit::Time(lens!(general.next_day_due)),
                default: |d| format!("Default: {}.", d.general.next_day_due),
            },
            Setting {
                label: "General resolution business days",
                edit: Edit::Number(lens!(general.resolution_business_days)),
                default: |d| {
                    format!(
                    "Default: {} (\u{201c}General - 4 days\u{201d}, read as business days, doc 001, line 16).",
                    d.general.resolution_business_days,
                )
                },
            },
        ],
    },
    Section {
        legend: "Executive cases",
        settings: &[
            Setting {
                label: "Executive initial-contact hours",
                edit: Edit::Number(lens!(executive.initial_contact_hours)),
                default: |d| {
                    format!(
                    "Default: {} (\u{201c}within 2 hours of the email/ticket\u{201d}, doc 001, lines 26-27).",
                    d.executive.initial_contact_hours,
                )
                },
            },
            Setting {
                label: "Those hours are",
                edit: Edit::Hours(lens!(executive.initial_contact_counting)),
                default: |_| "Default: clock hours.".to_string(),
            },
            Setting {
                label: "Executive resolution business days",
                edit: Edit::Number(lens!(executive.resolution_business_days)),
                default: |d| {
                    format!(
                        "Default: {} (\u{201c}Executives - 3 days\u{201d}, doc 001, line 17).",
                        d.executive.resolution_business_days,
                    )
                },
            },
        ],
    },
    Section {
        legend: "Regulatory cases",
        settings: &[
            Setting {
                label: "Regulatory initial-contact hours",
                edit: Edit::Number(lens!(regulatory.initial_contact_hours)),
                default: |d| {
                    format!(
                        "Default: {} clock hours from ticket creation (doc 001, lines 38-39).",
                        d.regulatory.initial_contact_hours,
                    )
                },
            },
            Setting {
                label: "The agency's days are counted as",
                edit: Edit::Days(lens!(regulatory.agency_days_counting)),
                default: |_| {
                    "Default: calendar days (the resolution \u{201c}depends on the agency\u{201d}, doc 001, line 18).".to_string()
                },
            },
        ],
    },
    Section {
        legend: "Follow-up promises",
        settings: &[
            Setting {
                label: "Update promised within (business days)",
                edit: Edit::Number(lens!(follow_up.update_within_business_days)),
                default: |d| {
                    format!(
                        "Default: {} (\u{201c}an update within 1 day\u{201d}, doc 002, line 26).",
                        d.follow_up.update_within_business_days,
                    )
                },
            },
            Setting {
                label: "Case owner call-back, earliest (business hours)",
                edit: Edit::Number(lens!(follow_up.owner_earliest_hours)),
                default: |d| {
                    format!(
                    "Default: {} (\u{201c}within the next 24-48 Business Hours\u{201d}, doc 004, line 17).",
                    d.follow_up.owner_earliest_hours,
                )
                },
            },
            Setting {
                label: "Case owner call-back, latest (business hours)",
                edit: Edit::Number(lens!(follow_up.owner_latest_hours)),
                default: |d| format!("Default: {}.", d.follow_up.owner_latest_hours),
            },
            Setting {
                label: "\u{201c}Business hours\u{201d} in that promise means",
                edit: Edit::FollowUp(lens!(follow_up.owner_counting)),
                default: |_| "Default: 24 hours per business day.".to_string(),
            },
        ],
    },
    Section {
        legend: "Contact attempts and queue",
        settings: &[
            Setting {
                label: "Attempts needed, each on a different business day",
                edit: Edit::Number(lens!(attempts.required_business_days)),
                default: |d| {
                    format!(
                    "Default: {} (\u{201c}3 consecutive attempts on different days\u{201d}, doc 001, line 69).",
                    d.attempts.required_business_days,
                )
                },
            },
            Setting {
                label: "Both email and phone must be tried",
                edit: Edit::Check(lens!(attempts.require_all_channels)),
                default: |_| {
                    "Default: yes (\u{201c}using all resources available (email, phone)\u{201d}, doc 001, line 69).".to_string()
                },
            },
            Setting {
                label: "Due soon within (minutes)",
                edit: Edit::Number(lens!(queue.due_soon_minutes)),
                default: |d| {
                    format!(
                        "Default: {} minutes; the queue marks a deadline this close as due soon.",
                        d.queue.due_soon_minutes,
                    )
                },
            },
        ],
    },
];
