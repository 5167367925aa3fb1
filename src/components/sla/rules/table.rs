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
    /// Whose zone business hours are kept in.
    HoursOf(Lens<crate::domain::sla::HoursOf>),
}

/// One setting of the editor: its label (also naming it in the list of
/// problems), how it is edited, and its shipped default in words with its
/// source, `{}` standing for the default value.
pub(super) struct Setting(&'static str, Edit, &'static str);

impl Setting {
    /// The setting's field, bound to the draft.
    pub(super) fn view(&self, draft: Draft, defaults: &SlaSettings) -> AnyView {
        let Setting(label, ref edit, words) = *self;
        let id = format!("sla-rule-{}", next_uid());
        let default = match *edit {
            Edit::Number((read, _)) => read(defaults).to_string(),
            Edit::Time((read, _)) => read(defaults),
            _ => String::new(),
        };
        let hint = words.replacen("{}", &default, 1);
        match *edit {
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
            Edit::HoursOf((read, write)) => {
                view! { <SelectField id=id label=label value=draft.lens(read, write) hint=hint/> }.into_any()
            }
        }
    }
}

/// Whether the team closes on US federal holidays, shown with the zone and
/// the other closed dates.
pub(super) const FEDERAL_HOLIDAYS: Setting = Setting(
    "Closed on US federal holidays every year (observed dates)",
    Edit::Check(lens!(calendar.us_federal_holidays)),
    "Default: yes, an app default (no document names a holiday calendar). A Saturday holiday is observed on the Friday before, a Sunday holiday on the Monday after.",
);

/// Whose zone the business hours are kept in when the calculator is given
/// a receipt in another zone, shown after the team's zone.
pub(super) const HOURS_OF: Setting = Setting(
    "For a customer in another zone, business hours are kept in",
    Edit::HoursOf(lens!(calendar.hours_of)),
    "Default: the team's zone, an app default (no document says whose hours apply; customers are primarily in the \u{201c}Northeast & West Divisions\u{201d}, doc 001, lines 63-64). Used by the calculator; the queue counts in the team's zone.",
);

/// A fieldset of settings: its legend and its settings, in order.
pub(super) struct Section(pub &'static str, pub &'static [Setting]);

/// The settings after the calendar and business hours.
#[rustfmt::skip]
pub(super) const SECTIONS: &[Section] = &[
    Section("General cases", &[
        Setting("Cut-off for same-day contact", Edit::Time(lens!(general.cutoff)),
            "Default: {} (received by 3pm: contact the same day; after: by 12 noon the next business day, doc 001, lines 9-11)."),
        Setting("Next-day contact due at", Edit::Time(lens!(general.next_day_due)), "Default: {}."),
        Setting("General resolution business days", Edit::Number(lens!(general.resolution_business_days)),
            "Default: {} (\u{201c}General - 4 days\u{201d}, read as business days, doc 001, line 16)."),
    ]),
    Section("Executive cases", &[
        Setting("Executive initial-contact hours", Edit::Number(lens!(executive.initial_contact_hours)),
            "Default: {} (\u{201c}within 2 hours of the email/ticket\u{201d}, doc 001, lines 26-27)."),
        Setting("Those hours are", Edit::Hours(lens!(executive.initial_contact_counting)), "Default: clock hours."),
        Setting("Executive resolution business days", Edit::Number(lens!(executive.resolution_business_days)),
            "Default: {} (\u{201c}Executives - 3 days\u{201d}, doc 001, line 17)."),
    ]),
    Section("Regulatory cases", &[
        Setting("Regulatory initial-contact hours", Edit::Number(lens!(regulatory.initial_contact_hours)),
            "Default: {} clock hours from ticket creation (doc 001, lines 38-39)."),
        Setting("The agency's days are counted as", Edit::Days(lens!(regulatory.agency_days_counting)),
            "Default: calendar days (the resolution \u{201c}depends on the agency\u{201d}, doc 001, line 18)."),
    ]),
    Section("Follow-up promises", &[
        Setting("Update promised within (business days)", Edit::Number(lens!(follow_up.update_within_business_days)),
            "Default: {} (\u{201c}an update within 1 day\u{201d}, doc 002, line 26)."),
        Setting("Case owner call-back, earliest (business hours)", Edit::Number(lens!(follow_up.owner_earliest_hours)),
            "Default: {} (\u{201c}within the next 24-48 Business Hours\u{201d}, doc 004, line 17)."),
        Setting("Case owner call-back, latest (business hours)", Edit::Number(lens!(follow_up.owner_latest_hours)),
            "Default: {}."),
        Setting("\u{201c}Business hours\u{201d} in that promise means", Edit::FollowUp(lens!(follow_up.owner_counting)),
            "Default: 24 hours per business day."),
    ]),
    Section("Contact attempts and queue", &[
        Setting("Attempts needed, each on a different business day", Edit::Number(lens!(attempts.required_business_days)),
            "Default: {} (\u{201c}3 consecutive attempts on different days\u{201d}, doc 001, line 69)."),
        Setting("Both email and phone must be tried", Edit::Check(lens!(attempts.require_all_channels)),
            "Default: yes (\u{201c}using all resources available (email, phone)\u{201d}, doc 001, line 69)."),
        Setting("Due soon within (minutes)", Edit::Number(lens!(queue.due_soon_minutes)),
            "Default: {} minutes, an app default (not from the documents); the queue marks a deadline this close as due soon."),
    ]),
];
