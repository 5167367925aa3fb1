//! Reading the calculator's form (as typed or as given in a shared link) and
//! asking the domain for the deadlines, with one message per bad field.

use crate::domain::sla::input::{
    read_agency, read_holidays, read_local_datetime, read_zone, ASK_RECEIVED,
};
use crate::domain::sla::{
    us_federal_holidays, AgencyTerm, CalendarSettings, CaseType, DayHours, Deadline, Due,
    FollowUpWindow, HoursOf, HumanTime, SlaEngine, SlaError, SlaSettings,
};
use crate::domain::text::sentence;
use crate::domain::zone::Zone;
use crate::nav::Route;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::BTreeSet;

/// The calculator's inputs as typed; nothing is lost when one is wrong.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct CalcInput {
    /// Case type key: "general", "executive" or "regulatory".
    pub case_type: String,
    /// Receipt "YYYY-MM-DDTHH:MM" in `zone`.
    pub received: String,
    /// IANA zone name.
    pub zone: String,
    /// `Some` when this calculation uses its own holidays instead of the
    /// saved ones: dates "YYYY-MM-DD" separated by commas or spaces.
    pub holidays: Option<String>,
    /// The agency's number of days (regulatory).
    pub agency_days: String,
    /// The agency's due date "YYYY-MM-DD" (regulatory).
    pub agency_date: String,
}

impl CalcInput {
    /// The shareable hash for these inputs, following the URL contract
    /// `#/sla?type=..&received=..&tz=..[&holidays=..][&agency_days=..][&agency_date=..]`.
    pub fn href(&self) -> String {
        let mut query = vec![
            ("type", self.case_type.clone()),
            ("received", self.received.clone()),
            ("tz", self.zone.clone()),
        ];
        if let Some(holidays) = &self.holidays {
            query.push(("holidays", holidays.clone()));
        }
        if CaseType::from_query(&self.case_type) == Some(CaseType::Regulatory) {
            if !self.agency_days.trim().is_empty() {
                query.push(("agency_days", self.agency_days.clone()));
            }
            if !self.agency_date.trim().is_empty() {
                query.push(("agency_date", self.agency_date.clone()));
            }
        }
        Route::Sla.href_with(&query)
    }
}

/// One message per field that could not be used.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct FieldErrors {
    /// The case type is not one of the three.
    pub case_type: Option<String>,
    /// The receipt time is malformed, skipped by the clocks or out of range.
    pub received: Option<String>,
    /// The zone is not one Deskaid knows.
    pub zone: Option<String>,
    /// A holiday of this calculation is not a date.
    pub holidays: Option<String>,
    /// The agency's days are not a number or out of range.
    pub agency_days: Option<String>,
    /// The agency's date is not a date, or both days and date were given.
    pub agency_date: Option<String>,
    /// The saved rules themselves are invalid for this calculation.
    pub rules: Option<String>,
}

impl FieldErrors {
    /// How many fields have a problem.
    pub fn count(&self) -> usize {
        [
            &self.case_type,
            &self.received,
            &self.zone,
            &self.holidays,
            &self.agency_days,
            &self.agency_date,
            &self.rules,
        ]
        .iter()
        .filter(|e| e.is_some())
        .count()
    }
}

/// The deadlines of one calculation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Calculation {
    /// When the case was received.
    pub received: DateTime<Utc>,
    /// Set when the receipt time happened twice (clocks went back).
    pub note: Option<String>,
    /// The initial-contact deadline.
    pub initial: Deadline,
    /// The resolution deadline, or why it has no date.
    pub resolution: Due,
}

/// Everything the calculator shows for one set of inputs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    /// What is wrong with the inputs, field by field.
    pub errors: FieldErrors,
    /// The engine with this calculation's zone and holidays, when they are valid.
    pub engine: Option<SlaEngine>,
    /// The deadlines, when every input is valid.
    pub calc: Option<Calculation>,
}

/// What "Received" means for a case type: Regulatory deadlines count from
/// the ticket's creation (doc 001, lines 38-39), the others from receipt.
pub(crate) fn received_hint(case_type: Option<CaseType>) -> &'static str {
    match case_type {
        Some(CaseType::Regulatory) => {
            "When the ticket was created: Regulatory deadlines count from then (doc 001, lines 38-39)."
        }
        Some(CaseType::General | CaseType::Executive) | None => {
            "When the case was received, in the time zone below."
        }
    }
}

/// Computes the deadlines for `input` with the `saved` rules, the input's
/// zone and, if given, its own holidays.
pub(crate) fn compute(saved: &SlaSettings, input: &CalcInput) -> Outcome {
    let mut errors = FieldErrors::default();
    let case_type = CaseType::from_query(&input.case_type);
    if case_type.is_none() {
        errors.case_type = Some(format!(
            "\u{201c}{}\u{201d} is not a case type; choose General, Executive or Regulatory.",
            input.case_type
        ));
    }
    let zone = read_zone(&input.zone)
        .map_err(|e| errors.zone = Some(e.to_string()))
        .ok();
    let holidays = match &input.holidays {
        None => None,
        Some(text) => read_holidays(text)
            .map_err(|e| errors.holidays = Some(e.to_string()))
            .ok(),
    };
    let is_regulatory = case_type == Some(CaseType::Regulatory);
    let agency = read_agency(&input.agency_days, &input.agency_date);
    if is_regulatory {
        errors.agency_days = agency.days_error.map(|e| e.to_string());
        errors.agency_date = agency.date_error.map(|e| e.to_string());
    }

    let mut settings = zone.map_or_else(|| saved.clone(), |zone| saved.for_customer_in(zone));
    if let Some(dates) = &holidays {
        settings.calendar.us_federal_holidays = false;
        settings.calendar.extra_holidays = dates
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect();
    }
    let engine = match (zone, input.holidays.is_none() || holidays.is_some()) {
        (Some(_), true) => match SlaEngine::new(&settings) {
            Ok(engine) => Some(engine),
            Err(e) => {
                errors.rules = Some(format!(
                    "The saved rules cannot be used for this calculation: {e}. Fix them under \u{201c}Rules and business calendar\u{201d} below."
                ));
                None
            }
        },
        _ => None,
    };
    let parsed = zone.and_then(|zone| {
        read_local_datetime(&input.received, zone, ASK_RECEIVED)
            .map_err(|e| errors.received = Some(e.to_string()))
            .ok()
    });

    let calc = match (&engine, case_type, parsed) {
        (Some(engine), Some(case_type), Some(parsed)) if errors.count() == 0 => {
            let received = parsed.instant.with_timezone(&Utc);
            let agency = if is_regulatory {
                agency.term
            } else {
                AgencyTerm::Unset
            };
            match (
                engine.initial_contact(case_type, received),
                engine.resolution(case_type, received, agency),
            ) {
                (Ok(initial), Ok(resolution)) => Some(Calculation {
                    received,
                    note: parsed.note,
                    initial,
                    resolution,
                }),
                (_, Err(error @ SlaError::AgencyDays(_))) => {
                    errors.agency_days = Some(sentence(&error.to_string()));
                    None
                }
                (Err(error), _) | (_, Err(error)) => {
                    errors.received = Some(sentence(&error.to_string()));
                    None
                }
            }
        }
        _ => None,
    };
    Outcome {
        errors,
        engine,
        calc,
    }
}

/// Whether two sets of rules close on the same dates.
fn same_closed_dates(a: &SlaSettings, b: &SlaSettings) -> bool {
    a.calendar.us_federal_holidays == b.calendar.us_federal_holidays
        && a.calendar.extra_holidays == b.calendar.extra_holidays
}

/// The closed dates of `settings` from `from` to `until`, both included.
fn closed_dates_between(settings: &SlaSettings, from: NaiveDate, until: NaiveDate) -> Vec<String> {
    let mut dates: BTreeSet<NaiveDate> = settings
        .calendar
        .extra_holidays
        .iter()
        .filter_map(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .collect();
    if settings.calendar.us_federal_holidays {
        // New Year's Day on a Saturday closes the last day of the year before.
        for year in from.year()..=until.year().saturating_add(1) {
            dates.extend(us_federal_holidays(year).into_iter().map(|h| h.observed));
        }
    }
    dates
        .into_iter()
        .filter(|date| (from..=until).contains(date))
        .map(|date| date.format("%Y-%m-%d").to_string())
        .collect()
}

/// The link that shares a calculation. A link without `holidays=` uses the
/// recipient's saved holidays, so when the sender's saved closed dates differ
/// from the shipped ones the link carries those from receipt to the last
/// deadline, and the recipient gets the same deadlines.
pub(crate) fn share_href(
    input: &CalcInput,
    outcome: &Outcome,
    saved: &SlaSettings,
    shipped: &SlaSettings,
) -> String {
    let (Some(engine), Some(calc)) = (&outcome.engine, &outcome.calc) else {
        return input.href();
    };
    if input.holidays.is_some() || same_closed_dates(saved, shipped) {
        return input.href();
    }
    let zone = engine.calendar().zone();
    let last = calc
        .resolution
        .deadline()
        .map_or(calc.initial.due, |resolution| {
            resolution.due.max(calc.initial.due)
        });
    let dates = closed_dates_between(
        saved,
        calc.received.with_timezone(&zone).date_naive(),
        last.date_naive(),
    );
    CalcInput {
        holidays: Some(dates.join(",")),
        ..input.clone()
    }
    .href()
}

/// The parts of `saved` that change the calculator's results, differ from
/// `shipped`, and cannot travel in a link (zone and closed dates can).
fn own_rules(saved: &SlaSettings, shipped: &SlaSettings) -> Vec<&'static str> {
    [
        (
            saved.calendar.hours == shipped.calendar.hours,
            "business hours",
        ),
        (
            saved.calendar.hours_of == shipped.calendar.hours_of,
            "whose zone business hours are kept in",
        ),
        (saved.general == shipped.general, "General case rules"),
        (saved.executive == shipped.executive, "Executive case rules"),
        (
            saved.regulatory == shipped.regulatory,
            "Regulatory case rules",
        ),
        (saved.follow_up == shipped.follow_up, "follow-up windows"),
    ]
    .into_iter()
    .filter_map(|(same, part)| (!same).then_some(part))
    .collect()
}

/// What the sender should know about a shared link: which of their own
/// rules it carries and which it cannot.
pub(crate) fn share_note(
    input: &CalcInput,
    saved: &SlaSettings,
    shipped: &SlaSettings,
) -> Option<String> {
    let mut sentences = Vec::new();
    if input.holidays.is_none() && !same_closed_dates(saved, shipped) {
        sentences.push(
            "The link includes your closed dates from receipt to the last deadline.".to_string(),
        );
    }
    let own = own_rules(saved, shipped);
    if !own.is_empty() {
        sentences.push(format!(
            "Your own rules ({}) are not in the link: the person who opens it uses theirs.",
            own.join(", ")
        ));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// The opening hours in words: "Mon\u{2013}Fri 09:00\u{2013}17:00" when
/// consecutive days share hours, else day by day.
fn hours_words(hours: &[DayHours]) -> String {
    let (Some(first), Some(last)) = (hours.first(), hours.last()) else {
        return "on no day".to_string();
    };
    let same_hours = hours
        .iter()
        .all(|h| h.open == first.open && h.close == first.close);
    let consecutive = hours
        .windows(2)
        .all(|pair| pair[0].day.succ() == pair[1].day);
    if same_hours && consecutive && hours.len() > 1 {
        format!(
            "{}\u{2013}{} {}\u{2013}{}",
            first.day, last.day, first.open, first.close
        )
    } else {
        hours
            .iter()
            .map(|h| format!("{} {}\u{2013}{}", h.day, h.open, h.close))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The saved closed days in words, e.g. "US federal holidays (observed
/// dates), plus 2 more dates".
pub(crate) fn saved_holidays_phrase(calendar: &CalendarSettings) -> String {
    let federal = if calendar.us_federal_holidays {
        "US federal holidays (observed dates)"
    } else {
        "no US federal holidays"
    };
    match calendar.extra_holidays.len() {
        0 => federal.to_string(),
        n => format!(
            "{federal}, plus {n} more date{}",
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// Which calendar and rules a calculation used, so whoever opens a shared
/// link sees that the result follows their own rules.
pub(crate) fn calendar_used(
    engine: &SlaEngine,
    input: &CalcInput,
    shipped: &SlaSettings,
) -> String {
    let settings = engine.settings();
    let calendar = &settings.calendar;
    let closed = match &input.holidays {
        Some(_) if calendar.extra_holidays.is_empty() => {
            "no holidays (this calculation's own dates)".to_string()
        }
        Some(_) => format!(
            "this calculation's own dates ({})",
            calendar.extra_holidays.join(", ")
        ),
        None => format!("your saved holidays: {}", saved_holidays_phrase(calendar)),
    };
    let rules = if own_rules(settings, shipped).is_empty() {
        "the rules Deskaid ships with"
    } else {
        "your own rules, changed from the ones Deskaid ships with"
    };
    format!(
        "Calendar used: open {} in {}; closed on {closed}. Deadlines follow {rules}.",
        hours_words(&calendar.hours),
        engine.calendar().zone().name(),
    )
}

/// Whose business hours a calculation used, in words: the team's zone, or
/// the customer's when the rules say so; `None` until the zone is known.
pub(crate) fn hours_of_words(saved: &SlaSettings, input: &CalcInput) -> Option<String> {
    let customer = read_zone(&input.zone).ok()?;
    let team = &saved.calendar.time_zone;
    Some(match saved.calendar.hours_of {
        HoursOf::Team if customer.name() == team => {
            format!("Business hours of: the team ({team}).")
        }
        HoursOf::Team => format!(
            "Business hours of: the team ({team}), not the customer's zone ({}), in which the receipt was typed. The rules can keep business hours in the customer's zone instead.",
            customer.name()
        ),
        HoursOf::Customer => format!(
            "Business hours of: the customer's zone ({}), as the rules say; the team's zone is {team}.",
            customer.name()
        ),
    })
}

/// A deadline as the customer's clock shows it, when business hours were
/// kept in another zone than the one the receipt was typed in.
pub(crate) fn in_customer_zone(input: &CalcInput, due: &DateTime<Zone>) -> Option<String> {
    let customer = read_zone(&input.zone).ok()?;
    (customer != due.timezone()).then(|| {
        format!(
            "That is {} in {}.",
            HumanTime(&due.with_timezone(&customer)),
            customer.name()
        )
    })
}

/// The two follow-up windows for a promise made at `promised`.
pub(crate) fn follow_ups(
    engine: &SlaEngine,
    promised: DateTime<Utc>,
) -> Result<(FollowUpWindow, FollowUpWindow), SlaError> {
    Ok((
        engine.update_promise(promised)?,
        engine.owner_follow_up(promised)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::sla_defaults;

    fn input(case_type: &str, received: &str, holidays: Option<&str>) -> CalcInput {
        CalcInput {
            case_type: case_type.into(),
            received: received.into(),
            zone: "America/New_York".into(),
            holidays: holidays.map(str::to_string),
            ..CalcInput::default()
        }
    }

    /// An expected initial-contact and resolution due, as [`dues`] gives them.
    fn pair(initial: &str, resolution: &str) -> (String, String) {
        (initial.to_string(), resolution.to_string())
    }

    fn dues(input: &CalcInput) -> (String, String) {
        dues_with(sla_defaults(), input)
    }

    fn dues_with(settings: &SlaSettings, input: &CalcInput) -> (String, String) {
        let outcome = compute(settings, input);
        let calc = outcome
            .calc
            .unwrap_or_else(|| panic!("{:?}", outcome.errors));
        let resolution = calc
            .resolution
            .deadline()
            .map(Deadline::rfc3339)
            .unwrap_or_else(|| calc.resolution.explanation().to_string());
        (calc.initial.rfc3339(), resolution)
    }

    #[test]
    fn the_url_contract_examples_give_the_expected_instants() {
        assert_eq!(
            dues(&input("general", "2026-03-06T15:01", Some(""))),
            pair("2026-03-09T12:00:00-04:00", "2026-03-12T15:01:00-04:00")
        );
        assert_eq!(
            dues(&input("general", "2026-03-06T15:01", Some("2026-03-09"))),
            pair("2026-03-10T12:00:00-04:00", "2026-03-13T15:01:00-04:00")
        );
        assert_eq!(
            dues(&input("executive", "2026-03-13T16:30", None)),
            pair("2026-03-13T18:30:00-04:00", "2026-03-18T16:30:00-04:00")
        );
        let mut regulatory = input("regulatory", "2026-03-02T10:00", None);
        regulatory.agency_days = "30".into();
        assert_eq!(
            dues(&regulatory),
            pair("2026-03-03T10:00:00-05:00", "2026-04-01T10:00:00-04:00")
        );
        regulatory.agency_days.clear();
        assert!(dues(&regulatory).1.contains("the agency sets"));
        // Saved holidays (US federal) apply without an override: MLK Day.
        assert_eq!(
            dues(&input("general", "2026-01-16T16:00", None)).0,
            "2026-01-20T12:00:00-05:00"
        );
        assert_eq!(
            dues(&input("general", "2026-01-16T16:00", Some(""))).0,
            "2026-01-19T12:00:00-05:00"
        );
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let mut bad = input("general", "2026-02-30T10:00", Some("2026-13-01, x"));
        bad.zone = "America/NewYork".into();
        let errors = compute(sla_defaults(), &bad).errors;
        assert!(errors
            .zone
            .unwrap()
            .contains("not among the time zones Deskaid knows"));
        assert!(errors
            .holidays
            .unwrap()
            .starts_with("\u{201c}2026-13-01\u{201d}, \u{201c}x\u{201d} are not a date"));
        assert_eq!(errors.received, None, "no zone to read the time in");

        let errors = compute(sla_defaults(), &input("general", "2026-02-30T10:00", None)).errors;
        assert!(errors.received.unwrap().contains("is not a date and time"));
        let errors = compute(sla_defaults(), &input("general", "", None)).errors;
        assert_eq!(
            errors.received.as_deref(),
            Some("Enter the date and time the case was received.")
        );
        let errors = compute(sla_defaults(), &input("general", "2026-03-08T02:30", None)).errors;
        assert!(errors.received.unwrap().contains("does not exist"));
        let errors = compute(sla_defaults(), &input("urgent", "2026-03-08T10:30", None)).errors;
        assert!(errors.case_type.is_some());

        let mut agency = input("regulatory", "2026-03-02T10:00", None);
        agency.agency_days = "0".into();
        let errors = compute(sla_defaults(), &agency).errors;
        assert!(errors.agency_days.unwrap().contains("between 1 and 3650"));
        agency.agency_days = "ten".into();
        agency.agency_date = "2026-04-01".into();
        let errors = compute(sla_defaults(), &agency).errors;
        assert!(errors.agency_days.unwrap().contains("not a whole number"));
        assert!(errors.agency_date.unwrap().contains("not both"));
        // Agency fields are ignored for other case types.
        agency.case_type = "general".into();
        assert_eq!(compute(sla_defaults(), &agency).errors.count(), 0);
    }

    #[test]
    fn ambiguous_times_are_noted() {
        let outcome = compute(sla_defaults(), &input("general", "2026-11-01T01:30", None));
        assert!(outcome
            .calc
            .unwrap()
            .note
            .unwrap()
            .contains("happens twice"));
    }

    #[test]
    fn a_shared_link_carries_the_senders_closed_dates() {
        let shipped = sla_defaults();
        let mut saved = shipped.clone();
        saved.calendar.extra_holidays = vec!["2026-03-09".into(), "2026-12-24".into()];
        let sent = input("general", "2026-03-06T15:01", None);
        let outcome = compute(&saved, &sent);
        let sender_sees = dues_with(&saved, &sent);
        assert_eq!(sender_sees.0, "2026-03-10T12:00:00-04:00");
        let href = share_href(&sent, &outcome, &saved, shipped);
        assert_eq!(
            href,
            "#/sla?type=general&received=2026-03-06T15%3A01&tz=America%2FNew_York&holidays=2026-03-09"
        );
        // Whoever opens it with the shipped rules gets the sender's deadlines.
        let opened = input("general", "2026-03-06T15:01", Some("2026-03-09"));
        assert_eq!(dues_with(shipped, &opened), sender_sees);

        // US federal holidays between receipt and the last deadline travel too.
        let mlk = input("general", "2026-01-16T16:00", None);
        let href = share_href(&mlk, &compute(&saved, &mlk), &saved, shipped);
        let opened = input("general", "2026-01-16T16:00", Some("2026-01-19"));
        assert!(href.ends_with("&holidays=2026-01-19"), "{href}");
        assert_eq!(dues_with(shipped, &opened), dues_with(&saved, &mlk));

        // The shipped closed dates, or the calculation's own, need nothing added.
        assert_eq!(
            share_href(&sent, &compute(shipped, &sent), shipped, shipped),
            sent.href()
        );
        let own = input("general", "2026-03-06T15:01", Some(""));
        assert_eq!(
            share_href(&own, &compute(&saved, &own), &saved, shipped),
            own.href()
        );
    }

    #[test]
    fn the_sender_is_told_which_rules_the_link_cannot_carry() {
        let shipped = sla_defaults();
        let sent = input("general", "2026-03-06T15:01", None);
        assert_eq!(share_note(&sent, shipped, shipped), None);
        let mut saved = shipped.clone();
        saved.calendar.extra_holidays = vec!["2026-03-09".into()];
        assert_eq!(
            share_note(&sent, &saved, shipped).as_deref(),
            Some("The link includes your closed dates from receipt to the last deadline.")
        );
        saved.general.cutoff = "14:00".into();
        saved.calendar.hours.pop();
        assert_eq!(
            share_note(&sent, &saved, shipped).as_deref(),
            Some("The link includes your closed dates from receipt to the last deadline. Your own rules (business hours, General case rules) are not in the link: the person who opens it uses theirs.")
        );
    }

    #[test]
    fn the_result_names_the_calendar_it_used() {
        let shipped = sla_defaults();
        let saved_holidays = input("general", "2026-03-06T15:01", None);
        let engine = compute(shipped, &saved_holidays).engine.unwrap();
        assert_eq!(
            calendar_used(&engine, &saved_holidays, shipped),
            "Calendar used: open Mon\u{2013}Fri 09:00\u{2013}17:00 in America/New_York; closed on your saved holidays: US federal holidays (observed dates). Deadlines follow the rules Deskaid ships with."
        );
        let linked = input("general", "2026-03-06T15:01", Some("2026-03-09"));
        let mut saved = shipped.clone();
        saved.general.cutoff = "14:00".into();
        saved.calendar.hours.remove(2);
        let engine = compute(&saved, &linked).engine.unwrap();
        assert_eq!(
            calendar_used(&engine, &linked, shipped),
            "Calendar used: open Mon 09:00\u{2013}17:00, Tue 09:00\u{2013}17:00, Thu 09:00\u{2013}17:00, Fri 09:00\u{2013}17:00 in America/New_York; closed on this calculation's own dates (2026-03-09). Deadlines follow your own rules, changed from the ones Deskaid ships with."
        );
    }

    #[test]
    fn a_los_angeles_case_is_served_in_the_hours_the_rules_name() {
        let shipped = sla_defaults();
        let mut la = input("general", "2026-03-10T13:00", None);
        la.zone = "America/Los_Angeles".into();
        // The team's hours (default): 13:00 PDT is 16:00 EDT, after the cut-off.
        assert_eq!(
            dues(&la),
            pair("2026-03-11T12:00:00-04:00", "2026-03-16T16:00:00-04:00")
        );
        assert_eq!(
            hours_of_words(shipped, &la).unwrap(),
            "Business hours of: the team (America/New_York), not the customer's zone (America/Los_Angeles), in which the receipt was typed. The rules can keep business hours in the customer's zone instead."
        );
        let calc = compute(shipped, &la).calc.unwrap();
        assert_eq!(
            in_customer_zone(&la, &calc.initial.due).unwrap(),
            "That is Wed 11 Mar 2026, 09:00 PDT in America/Los_Angeles."
        );
        // The customer's hours: the same day by 17:00 Los Angeles time.
        let mut customer = shipped.clone();
        customer.calendar.hours_of = HoursOf::Customer;
        assert_eq!(
            dues_with(&customer, &la),
            pair("2026-03-10T17:00:00-07:00", "2026-03-16T13:00:00-07:00")
        );
        assert_eq!(
            hours_of_words(&customer, &la).unwrap(),
            "Business hours of: the customer's zone (America/Los_Angeles), as the rules say; the team's zone is America/New_York."
        );
        let calc = compute(&customer, &la).calc.unwrap();
        assert_eq!(in_customer_zone(&la, &calc.initial.due), None);
        assert_eq!(
            share_note(&la, &customer, shipped).unwrap(),
            "Your own rules (whose zone business hours are kept in) are not in the link: the person who opens it uses theirs."
        );
        // A New York case reads the same under both.
        let ny = input("general", "2026-03-10T13:00", None);
        assert_eq!(dues(&ny), dues_with(&customer, &ny));
        assert_eq!(
            hours_of_words(shipped, &ny).unwrap(),
            "Business hours of: the team (America/New_York)."
        );
        assert_eq!(hours_of_words(shipped, &CalcInput::default()), None);
    }

    #[test]
    fn the_received_hint_fits_the_case_type() {
        assert!(received_hint(Some(CaseType::Regulatory)).contains("ticket was created"));
        for other in [Some(CaseType::General), Some(CaseType::Executive), None] {
            assert_eq!(
                received_hint(other),
                "When the case was received, in the time zone below."
            );
        }
    }

    #[test]
    fn hrefs_follow_the_url_contract() {
        let mut calc = input("regulatory", "2026-03-02T10:00", Some(""));
        calc.agency_days = "30".into();
        assert_eq!(
            calc.href(),
            "#/sla?type=regulatory&received=2026-03-02T10%3A00&tz=America%2FNew_York&holidays=&agency_days=30"
        );
        calc.case_type = "general".into();
        calc.holidays = None;
        assert_eq!(
            calc.href(),
            "#/sla?type=general&received=2026-03-02T10%3A00&tz=America%2FNew_York"
        );
    }
}
