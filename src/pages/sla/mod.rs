//! `#/sla`: the SLA calculator. The inputs live in the URL (see
//! [`calc::CalcInput::href`]) so a calculation can be shared, results update
//! as the agent types, and the rules and business calendar can be edited
//! below the results ([`SlaRulesEditor`]).

mod calc;
mod divisions;

use crate::components::clock::use_now;
use crate::components::copy_button::CopyButton;
use crate::components::form::{Binding, Checkbox, FieldError, FormOption, SelectField, TextField};
use crate::components::sla::agency::AgencyFields;
use crate::components::sla::rules::SlaRulesEditor;
use crate::components::sla::zone::ZoneField;
use crate::components::sla::{rules_in_force, DueTime, InstantTime, SlaSubNav, SourceNote};
use crate::components::title::set_page_title;
use crate::domain::sla::input::{local_input, read_local_datetime, read_zone, ASK_RECEIVED};
use crate::domain::sla::{is_in_the_future, CaseType, Due, FollowUpWindow};
use crate::domain::text::sentence;
use crate::domain::zone::Zone;
use crate::nav::{replace_hash, CurrentLocation};
use crate::nav::{HashLocation, Route};
use crate::store::{AppState, TabMemory, TabSlot};
use calc::{
    calendar_used, compute, follow_ups, hours_of_words, in_customer_zone, received_hint,
    saved_holidays_phrase, share_href, share_note, CalcInput,
};
use chrono::Utc;
use leptos::prelude::*;

/// Initial-contact and resolution deadlines for a case, the follow-up
/// promise windows, and the rules behind them.
#[component]
pub fn SlaPage() -> impl IntoView {
    set_page_title("SLA calculator");
    view! {
        <h1>"SLA calculator"</h1>
        <SlaSubNav current=Route::Sla/>
        <p class="lede">
            "When the first contact and the resolution are due for a case, by the team's rules and business calendar."
        </p>
        <Calculator/>
        <SlaRulesEditor/>
    }
}

/// The form's signals, one per input, so nothing typed is ever replaced.
#[derive(Clone, Copy)]
struct Inputs {
    case_type: RwSignal<String>,
    received: RwSignal<String>,
    zone: RwSignal<String>,
    own_holidays: RwSignal<bool>,
    holidays: RwSignal<String>,
    agency_days: RwSignal<String>,
    agency_date: RwSignal<String>,
}

impl Inputs {
    /// The inputs as one value, untracked: for a view the result rebuilds.
    fn read_untracked(&self) -> CalcInput {
        untrack(|| self.read())
    }

    /// The inputs as one value, tracked.
    fn read(&self) -> CalcInput {
        CalcInput {
            case_type: self.case_type.get(),
            received: self.received.get(),
            zone: self.zone.get(),
            holidays: self.own_holidays.get().then(|| self.holidays.get()),
            agency_days: self.agency_days.get(),
            agency_date: self.agency_date.get(),
        }
    }

    /// Fills the form from a link; what the link leaves out gets defaults
    /// (the calendar's zone, now, the saved holidays).
    fn fill(&self, location: &HashLocation, default_zone: &str) -> Option<String> {
        let param = |key| location.param(key).map(str::to_string);
        let zone = param("tz").unwrap_or_else(|| default_zone.to_string());
        // A known zone in any capitalisation shows under its own name.
        let zone = read_zone(&zone).map_or(zone, |z| z.name().to_string());
        let received = param("received").unwrap_or_else(|| {
            let zone = read_zone(&zone)
                .or_else(|_| read_zone(default_zone))
                .unwrap_or(Zone::UTC);
            local_input(Utc::now(), zone)
        });
        let (case_type, problem) = match param("type") {
            None => ("general".to_string(), None),
            Some(key) => match CaseType::from_query(&key) {
                Some(t) => (t.key().to_string(), None),
                None => (
                    "general".to_string(),
                    Some(format!(
                        "The link asked for case type \u{201c}{key}\u{201d}, which does not exist, so General is shown."
                    )),
                ),
            },
        };
        self.case_type.set(case_type);
        self.received.set(received);
        self.zone.set(zone);
        self.own_holidays.set(location.param("holidays").is_some());
        self.holidays.set(param("holidays").unwrap_or_default());
        self.agency_days
            .set(param("agency_days").unwrap_or_default());
        self.agency_date
            .set(param("agency_date").unwrap_or_default());
        problem
    }
}

/// The hash of the calculator's last inputs, kept for the life of the tab
/// so a visit to another page does not reset what was typed.
struct LastCalculation;

impl TabSlot for LastCalculation {
    type Value = Option<String>;
}

/// The calculator form and its results.
#[component]
fn Calculator() -> impl IntoView {
    let state = expect_context::<AppState>();
    let location = expect_context::<CurrentLocation>().0;
    let rules = rules_in_force(state);
    let saved = Memo::new(move |_| rules.with(|r| r.engine.settings().clone()));
    let now = use_now();
    let inputs = Inputs {
        case_type: RwSignal::new(String::new()),
        received: RwSignal::new(String::new()),
        zone: RwSignal::new(String::new()),
        own_holidays: RwSignal::new(false),
        holidays: RwSignal::new(String::new()),
        agency_days: RwSignal::new(String::new()),
        agency_date: RwSignal::new(String::new()),
    };
    let default_zone = move || saved.with_untracked(|s| s.calendar.time_zone.clone());
    let last_calculation = expect_context::<TabMemory>().slot::<LastCalculation>();
    // A plain `#/sla` (the menu, Back from another page) shows the tab's last
    // calculation again rather than a new one received now; a link with
    // inputs always wins.
    let opened = location.with_untracked(|here| match last_calculation.get_untracked() {
        Some(href) if here.query.is_empty() => {
            replace_hash(&href);
            HashLocation::parse(&href)
        }
        _ => here.clone(),
    });
    let link_problem = RwSignal::new(inputs.fill(&opened, &default_zone()));
    // A link followed while the calculator is open fills the form again.
    Effect::new(move |previous: Option<()>| {
        let here = location.get();
        if previous.is_some() && here.route == Route::Sla {
            link_problem.set(inputs.fill(&here, &default_zone()));
        }
    });
    // Mirror every edit in the URL, without adding history or re-rendering.
    Effect::new(move |previous: Option<()>| {
        let href = inputs.read().href();
        if previous.is_some() {
            replace_hash(&href);
        }
        last_calculation.set(Some(href));
    });

    let outcome = Memo::new(move |_| saved.with(|s| compute(s, &inputs.read())));
    let errors = Memo::new(move |_| outcome.with(|o| o.errors.clone()));
    let case_type = Binding::new(
        move || CaseType::from_query(&inputs.case_type.get()).unwrap_or(CaseType::General),
        move |t: CaseType| {
            link_problem.set(None);
            inputs.case_type.set(t.key().to_string());
        },
    );
    let is_regulatory = move || case_type.get() == CaseType::Regulatory;
    let shipped = crate::domain::content::sla_defaults();
    let share_text = Signal::derive(move || {
        let href = outcome.with(|o| saved.with(|s| share_href(&inputs.read(), o, s, shipped)));
        let page = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let base = page.split('#').next().unwrap_or_default().to_string();
        format!("{base}{href}")
    });
    let announcement = Memo::new(move |_| {
        outcome.with(|o| match &o.calc {
            Some(calc) => {
                let resolution = match &calc.resolution {
                    Due::At(deadline) => format!("resolution due {}", deadline.human()),
                    Due::Undated { .. } => "resolution date set by the agency".to_string(),
                };
                format!(
                    "Initial contact due {}; {resolution}.",
                    calc.initial.human()
                )
            }
            None => match o.errors.count() {
                1 => "One field needs attention; the deadlines are shown once it is fixed."
                    .to_string(),
                n => format!(
                    "{n} fields need attention; the deadlines are shown once they are fixed."
                ),
            },
        })
    });

    // A future receipt is allowed (planning ahead) but is usually a typo.
    let received_in_future = move || {
        outcome.with(|o| {
            o.calc
                .as_ref()
                .is_some_and(|c| is_in_the_future(c.received, now.get()))
        })
    };

    let error_text = move |pick: fn(&calc::FieldErrors) -> &Option<String>| {
        Signal::derive(move || errors.with(|e| pick(e).clone()))
    };

    view! {
        <section aria-labelledby="sla-case-heading" class="sla-form">
            <h2 id="sla-case-heading">"The case"</h2>
            <Show when=move || link_problem.get().is_some()>
                <p class="inline-error">{move || link_problem.get()}</p>
            </Show>
            <div class="sla-grid">
                <SelectField
                    id="sla-type"
                    label="Case type"
                    value=case_type
                    hint="Executive and Regulatory cases are high priority (doc 001, lines 21-25)."
                />
                <TextField
                    id="sla-received"
                    label="Received (local date and time)"
                    kind="datetime-local"
                    value=inputs.received
                    error=error_text(|e| &e.received)
                    hint_id="sla-received-hint"
                >
                    <div class="hint" id="sla-received-hint">
                        <p>{move || received_hint(Some(case_type.get()))}</p>
                        {move || {
                            outcome
                                .with(|o| o.calc.as_ref().and_then(|c| c.note.clone()))
                                .map(|note| view! { <p>{note}</p> })
                        }}
                        <p aria-live="polite" data-testid="received-warning">
                            {move || {
                                received_in_future()
                                    .then(|| {
                                        view! {
                                            <span class="sla-warning">
                                                "This is in the future: check the date."
                                            </span>
                                        }
                                    })
                            }}
                        </p>
                    </div>
                </TextField>
                <ZoneField
                    id="sla-zone"
                    label="Time zone"
                    value=inputs.zone
                    hint="An IANA zone name such as America/Chicago (the list shows every zone Deskaid includes). The receipt time is read in this zone; business hours are the team's unless the rules keep them in the customer's zone."
                    warning_testid="zone-warning"
                />
                <divisions::DivisionZones zone=inputs.zone/>
            </div>
            <fieldset class="sla-holidays">
                <legend>"Holidays for this calculation"</legend>
                <Checkbox
                    id="sla-own-holidays"
                    label="Use only the dates below instead of the saved holidays"
                    value=inputs.own_holidays
                    inline=true
                />
                <Show
                    when=move || inputs.own_holidays.get()
                    fallback=move || {
                        view! { <p class="hint">{move || saved_holidays_words(&saved.get())}</p> }
                    }
                >
                    <TextField
                        id="sla-holidays"
                        label="Closed dates (YYYY-MM-DD, separated by commas)"
                        value=inputs.holidays
                        error=error_text(|e| &e.holidays)
                        hint="Leave empty for no holidays at all. US federal holidays are not added to these dates."
                    />
                </Show>
            </fieldset>
            <Show when=is_regulatory>
                <AgencyFields
                    prefix="sla"
                    legend="What the agency set (Regulatory)"
                    hint="The resolution deadline depends on the agency (doc 001, line 18): enter its number of days or its due date."
                    days=inputs.agency_days
                    date=inputs.agency_date
                    days_error=error_text(|e| &e.agency_days)
                    date_error=error_text(|e| &e.agency_date)
                />
            </Show>
            <FieldError id="sla-rules-error" message=error_text(|e| &e.rules)/>
            <div class="button-row">
                <CopyButton text=share_text label="Share this calculation"/>
            </div>
            {move || {
                saved
                    .with(|s| share_note(&inputs.read(), s, shipped))
                    .map(|note| view! { <p class="hint" data-testid="share-note">{note}</p> })
            }}
        </section>
        <section aria-labelledby="sla-results-heading" class="sla-results">
            <h2 id="sla-results-heading">"Deadlines"</h2>
            <p class="offscreen" role="status" aria-live="polite">{move || announcement.get()}</p>
            {move || {
                outcome
                    .with(|o| o.calc.clone())
                    .map(|calc| {
                        view! {
                            <ul class="sla-result-list">
                                <li class="sla-result">
                                    <h3>"Initial contact"</h3>
                                    <p class="sla-due">
                                        <DueTime deadline=calc.initial.clone() now=now testid="initial-contact-due"/>
                                    </p>
                                    <CustomerClock text=in_customer_zone(&inputs.read_untracked(), &calc.initial.due)/>
                                    <p>{calc.initial.explanation.clone()}</p>
                                    <SourceNote source=calc.initial.source.clone()/>
                                </li>
                                <li class="sla-result">
                                    <h3>"Resolution"</h3>
                                    {match calc.resolution.clone() {
                                        Due::At(deadline) => {
                                            view! {
                                                <p class="sla-due">
                                                    <DueTime deadline=deadline.clone() now=now testid="resolution-due"/>
                                                </p>
                                                <CustomerClock text=in_customer_zone(&inputs.read_untracked(), &deadline.due)/>
                                                <p>{deadline.explanation.clone()}</p>
                                                <SourceNote source=deadline.source/>
                                            }
                                                .into_any()
                                        }
                                        Due::Undated { explanation, source, .. } => {
                                            view! {
                                                <p class="sla-due" data-testid="resolution-due">
                                                    "No date yet: set by the agency."
                                                </p>
                                                <p>{explanation}</p>
                                                <SourceNote source=source/>
                                            }
                                                .into_any()
                                        }
                                    }}
                                </li>
                            </ul>
                            <p class="hint" data-testid="hours-of">
                                {move || saved.with(|s| hours_of_words(s, &inputs.read()))}
                            </p>
                            <p class="hint" data-testid="calendar-used">
                                {move || {
                                    outcome
                                        .with(|o| {
                                            o.engine
                                                .as_ref()
                                                .map(|engine| calendar_used(engine, &inputs.read(), shipped))
                                        })
                                }}
                            </p>
                        }
                            .into_any()
                    })
                    .unwrap_or_else(|| {
                        view! {
                            <p class="sla-waiting" data-testid="sla-no-result">
                                "Fix the fields marked above to see the deadlines; nothing you typed was changed."
                            </p>
                        }
                            .into_any()
                    })
            }}
        </section>
        <FollowUps outcome_engine=Signal::derive(move || outcome.with(|o| o.engine.clone())) now=now/>
    }
}

/// A deadline on the customer's clock, when it differs from the team's.
#[component]
fn CustomerClock(
    /// "That is ... in <zone>.", or nothing when the zones agree.
    text: Option<String>,
) -> impl IntoView {
    text.map(|text| view! { <p class="hint" data-testid="customer-clock">{text}</p> })
}

/// The saved holidays in words, for when the calculation uses them.
fn saved_holidays_words(settings: &crate::domain::sla::SlaSettings) -> String {
    let calendar = &settings.calendar;
    let dates = if calendar.extra_holidays.is_empty() {
        String::new()
    } else {
        format!(" ({})", calendar.extra_holidays.join(", "))
    };
    format!(
        "Using the saved holidays: {}{dates}.",
        saved_holidays_phrase(calendar)
    )
}

/// The follow-up promise windows of docs 002 and 004 for a promise made now
/// or at a time the agent enters.
#[component]
fn FollowUps(
    /// The engine of the current calculation (its zone and holidays).
    #[prop(into)]
    outcome_engine: Signal<Option<crate::domain::sla::SlaEngine>>,
    /// The current time, for a promise made now.
    now: RwSignal<chrono::DateTime<Utc>>,
) -> impl IntoView {
    let promised = RwSignal::new(String::new());
    let windows = Memo::new(move |_| {
        let engine = outcome_engine.get()?;
        let zone = engine.calendar().zone();
        let text = promised.get();
        let at = if text.trim().is_empty() {
            Ok(now.get())
        } else {
            read_local_datetime(&text, zone, ASK_RECEIVED)
                .map(|p| p.instant.with_timezone(&Utc))
                .map_err(|e| e.to_string())
        };
        Some(at.and_then(|at| follow_ups(&engine, at).map_err(|e| sentence(&e.to_string()))))
    });
    let error = Signal::derive(move || windows.with(|w| w.clone().and_then(|r| r.err())));
    view! {
        <section aria-labelledby="sla-followup-heading" class="sla-followups">
            <h2 id="sla-followup-heading">"Follow-up promises"</h2>
            <TextField
                id="sla-promised"
                label="Promise made at (leave empty for now)"
                kind="datetime-local"
                value=promised
                error=error
                hint="In the time zone of the calculation above."
            />
            {move || match windows.get() {
                Some(Ok((update, owner))) => {
                    view! {
                        <ul class="sla-result-list">
                            <Window
                                title="Update promised \u{201c}within 1 day\u{201d}"
                                window=update
                                testid="update-window"
                            />
                            <Window
                                title="Case owner calls back \u{201c}within 24-48 business hours\u{201d}"
                                window=owner
                                testid="owner-window"
                            />
                        </ul>
                    }
                        .into_any()
                }
                _ => view! { <p class="sla-waiting">"The windows are shown once the time zone and holidays above are valid."</p> }.into_any(),
            }}
        </section>
    }
}

/// One follow-up window: earliest and latest, and how the promise was read.
#[component]
fn Window(
    /// What was promised.
    title: &'static str,
    /// The window computed by the domain.
    window: FollowUpWindow,
    /// `data-testid` of the item.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <li class="sla-result" data-testid=testid>
            <h3>{title}</h3>
            <p class="sla-due">
                "Earliest: " <InstantTime instant=window.earliest/> <br/> "Latest: "
                <InstantTime instant=window.latest/>
            </p>
            <p>{window.explanation}</p>
            <SourceNote source=window.source/>
        </li>
    }
}
