//! Known answers for every deadline rule, written out by hand, and
//! properties that must hold for any receipt time.

use super::super::testing::{at, default_settings, engine_in, engine_with, show, NY};
use super::super::*;
use crate::domain::zone::Zone;
use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use proptest::prelude::*;

const LONDON: &str = "Europe/London";
const LA: &str = "America/Los_Angeles";
const KOLKATA: &str = "Asia/Kolkata";

/// Checks initial-contact due times of one case type; a row is
/// (zone, received local time, due as "YYYY-MM-DD HH:MM ZONE").
fn assert_initial_contacts(case_type: CaseType, table: &[(&str, &str, &str)]) {
    for &(zone, received, expected) in table {
        let engine = engine_in(zone);
        let due = engine
            .initial_contact(case_type, at(zone, received))
            .unwrap()
            .due;
        assert_eq!(show(&due), expected, "{zone} {received}");
    }
}

/// Checks resolution due times of one case type, as [`assert_initial_contacts`].
fn assert_resolutions(case_type: CaseType, table: &[(&str, &str, &str)]) {
    for &(zone, received, expected) in table {
        let engine = engine_in(zone);
        let due = engine
            .resolution(case_type, at(zone, received), AgencyTerm::Unset)
            .unwrap();
        assert_eq!(
            show(&due.deadline().unwrap().due),
            expected,
            "{zone} {received}"
        );
    }
}

#[test]
fn general_initial_contact_known_answers_in_new_york() {
    let table = [
        // Tuesday: noon, exactly 15:00, 15:01, before opening, after close.
        ("2026-03-10T12:00", "2026-03-10 17:00 EDT"),
        ("2026-03-10T15:00", "2026-03-10 17:00 EDT"),
        ("2026-03-10T15:01", "2026-03-11 12:00 EDT"),
        ("2026-03-10T07:30", "2026-03-10 17:00 EDT"),
        ("2026-03-10T18:30", "2026-03-11 12:00 EDT"),
        // Friday after 15:00 goes to Monday noon; Saturday to Monday close.
        ("2026-03-13T15:30", "2026-03-16 12:00 EDT"),
        ("2026-03-14T10:00", "2026-03-16 17:00 EDT"),
        // Holiday Monday (MLK Day) pushes to Tuesday.
        ("2026-01-16T16:00", "2026-01-20 12:00 EST"),
        ("2026-01-19T10:00", "2026-01-20 17:00 EST"),
        // July 4 2026 is a Saturday, observed Friday July 3.
        ("2026-07-02T15:30", "2026-07-06 12:00 EDT"),
        ("2026-12-31T15:30", "2027-01-04 12:00 EST"),
        // Across the DST weekends.
        ("2026-03-06T16:00", "2026-03-09 12:00 EDT"),
        ("2026-03-08T03:30", "2026-03-09 17:00 EDT"),
        ("2026-10-30T16:00", "2026-11-02 12:00 EST"),
        ("2026-11-01T01:30", "2026-11-02 17:00 EST"),
    ];
    let table = table.map(|(received, expected)| (NY, received, expected));
    assert_initial_contacts(CaseType::General, &table);
}

#[test]
fn general_initial_contact_in_london_and_kolkata() {
    assert_initial_contacts(
        CaseType::General,
        &[
            (LONDON, "2026-03-27T15:30", "2026-03-30 12:00 BST"),
            (LONDON, "2026-10-24T09:00", "2026-10-26 17:00 GMT"),
            (KOLKATA, "2026-03-10T15:01", "2026-03-11 12:00 IST"),
            (KOLKATA, "2026-03-10T14:59", "2026-03-10 17:00 IST"),
        ],
    );
}

#[test]
fn explains_the_general_rule_that_was_applied() {
    let engine = engine_in(NY);
    let explain = |local| {
        engine
            .initial_contact(CaseType::General, at(NY, local))
            .unwrap()
            .explanation
    };
    assert_eq!(
        explain("2026-03-10T15:00"),
        "Received Tue 10 Mar 2026, 15:00 EDT on a business day, at or before the 15:00 cut-off, so initial contact is due by close of business the same day."
    );
    assert_eq!(
        explain("2026-03-13T15:30"),
        "Received Fri 13 Mar 2026, 15:30 EDT after the 15:00 cut-off, so initial contact is due by 12:00 on the next business day."
    );
    assert_eq!(
        explain("2026-07-03T10:00"),
        "Received Fri 3 Jul 2026, 10:00 EDT on a non-business day (Independence Day, observed), so it counts as received at the next opening, Mon 6 Jul 2026, 09:00 EDT, and initial contact is due by close of business that day."
    );
}

#[test]
fn resolution_counts_business_days_at_the_same_time_of_day() {
    assert_resolutions(
        CaseType::General,
        &[
            (NY, "2026-03-10T10:00", "2026-03-16 10:00 EDT"),
            (NY, "2026-03-06T16:00", "2026-03-12 16:00 EDT"),
            (NY, "2026-03-06T18:00", "2026-03-13 09:00 EDT"),
            (NY, "2026-03-14T10:00", "2026-03-20 09:00 EDT"),
            (NY, "2026-07-01T11:00", "2026-07-08 11:00 EDT"),
            (NY, "2026-10-29T14:00", "2026-11-04 14:00 EST"),
            (LONDON, "2026-10-23T16:00", "2026-10-29 16:00 GMT"),
            (LONDON, "2026-03-27T10:00", "2026-04-02 10:00 BST"),
            (KOLKATA, "2026-03-13T10:00", "2026-03-19 10:00 IST"),
        ],
    );
    assert_resolutions(
        CaseType::Executive,
        &[
            (NY, "2026-11-25T13:00", "2026-12-01 13:00 EST"),
            (NY, "2026-03-10T17:00", "2026-03-13 17:00 EDT"),
        ],
    );
    let engine = engine_in(NY);
    let due = engine
        .resolution(
            CaseType::General,
            at(NY, "2026-03-06T18:00"),
            AgencyTerm::Unset,
        )
        .unwrap();
    assert_eq!(
        due.explanation(),
        "General case: resolution is due 4 business days after receipt at the same time of day, counted from the next opening, Mon 9 Mar 2026, 09:00 EDT, because it arrived outside business hours."
    );
}

#[test]
fn explains_every_rule_with_the_same_words_as_before_the_speed_up() {
    let engine = engine_in(NY);
    let business = engine_with(|s| {
        s.executive.initial_contact_counting = HourCounting::Business;
        s.regulatory.agency_days_counting = DayCounting::Business;
    });
    let initial = |engine: &SlaEngine, case_type, local| {
        engine
            .initial_contact(case_type, at(NY, local))
            .unwrap()
            .explanation
    };
    let resolution = |engine: &SlaEngine, case_type, local, term| {
        engine
            .resolution(case_type, at(NY, local), term)
            .unwrap()
            .explanation()
            .to_string()
    };
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        initial(&engine, CaseType::Regulatory, "2026-03-07T12:00"),
        "Regulatory ticket created Sat 7 Mar 2026, 12:00 EST: initial contact is due within 24 clock hours of creation, nights, weekends and holidays included."
    );
    assert_eq!(
        initial(&engine, CaseType::Executive, "2026-11-01T00:30"),
        "Executive case received Sun 1 Nov 2026, 00:30 EDT: initial contact is due within 2 clock hours of receipt, nights, weekends and holidays included."
    );
    assert_eq!(
        initial(&business, CaseType::Executive, "2026-03-10T16:00"),
        "Executive case received Tue 10 Mar 2026, 16:00 EDT: initial contact is due within 2 business hours of time inside business hours, counted from receipt."
    );
    assert_eq!(
        initial(&business, CaseType::Executive, "2026-03-07T23:30"),
        "Executive case received Sat 7 Mar 2026, 23:30 EST: initial contact is due within 2 business hours of time inside business hours, counted from the next opening, Mon 9 Mar 2026, 09:00 EDT, because it arrived outside business hours."
    );
    assert_eq!(
        resolution(&engine, CaseType::Executive, "2026-03-10T10:00", AgencyTerm::Unset),
        "Executive case: resolution is due 3 business days after receipt at the same time of day, counted from receipt."
    );
    assert_eq!(
        resolution(&engine, CaseType::Regulatory, "2026-03-02T10:00", AgencyTerm::Days(1)),
        "Regulatory case: the agency allows 1 day, counted as calendar days (weekends and holidays included), so resolution is due at the same time of day 1 day after receipt."
    );
    assert_eq!(
        resolution(&business, CaseType::Regulatory, "2026-03-02T10:00", AgencyTerm::Days(10)),
        "Regulatory case: the agency allows 10 days, counted as business days, so resolution is due at the same time of day 10 business days after receipt, counted from receipt."
    );
    assert_eq!(
        resolution(
            &engine,
            CaseType::Regulatory,
            "2026-03-02T10:00",
            AgencyTerm::Date(date(2026, 11, 26))
        ),
        "Regulatory case: the agency set Thu 26 Nov 2026, which is not a business day (Thanksgiving Day), so resolution is due by close of business on the business day before, Wed 25 Nov 2026."
    );
    assert_eq!(
        engine.update_promise(at(NY, "2026-03-13T14:00")).unwrap().explanation,
        "An update promised within 1 day is read as 1 business day, so the customer should hear back by Mon 16 Mar 2026, 14:00 EDT, the same time of day 1 business day later."
    );
    let dubai = engine_in("Asia/Dubai");
    let received = at("UTC", "2026-03-10T09:05");
    assert_eq!(
        dubai.initial_contact(CaseType::Regulatory, received).unwrap().explanation,
        "Regulatory ticket created Tue 10 Mar 2026, 13:05 +04: initial contact is due within 24 clock hours of creation, nights, weekends and holidays included."
    );
}

#[test]
fn executive_initial_contact_in_clock_hours_by_default() {
    assert_initial_contacts(
        CaseType::Executive,
        &[
            (NY, "2026-03-08T00:30", "2026-03-08 03:30 EDT"),
            (NY, "2026-11-01T00:30", "2026-11-01 01:30 EST"),
            (LONDON, "2026-03-29T00:30", "2026-03-29 03:30 BST"),
            (LA, "2026-03-08T00:30", "2026-03-08 03:30 PDT"),
            (NY, "2026-03-13T16:30", "2026-03-13 18:30 EDT"),
        ],
    );
}

#[test]
fn executive_initial_contact_in_business_hours_when_set() {
    let engine = engine_with(|s| s.executive.initial_contact_counting = HourCounting::Business);
    let table = [
        ("2026-03-10T16:00", "2026-03-11 10:00 EDT"),
        ("2026-03-10T15:00", "2026-03-10 17:00 EDT"),
        ("2026-03-13T20:00", "2026-03-16 11:00 EDT"),
        ("2026-03-07T23:30", "2026-03-09 11:00 EDT"),
    ];
    for (local, expected) in table {
        let deadline = engine.initial_contact(CaseType::Executive, at(NY, local));
        assert_eq!(show(&deadline.unwrap().due), expected, "{local}");
    }
}

#[test]
fn regulatory_initial_contact_is_24_clock_hours_across_dst() {
    assert_initial_contacts(
        CaseType::Regulatory,
        &[
            (NY, "2026-03-07T12:00", "2026-03-08 13:00 EDT"),
            (NY, "2026-10-31T12:00", "2026-11-01 11:00 EST"),
            (LONDON, "2026-10-24T12:00", "2026-10-25 11:00 GMT"),
            (LA, "2026-10-31T12:00", "2026-11-01 11:00 PST"),
        ],
    );
}

#[test]
fn regulatory_resolution_follows_the_agency() {
    let engine = engine_in(NY);
    let received = at(NY, "2026-03-02T10:00");
    let due = |term| engine.resolution(CaseType::Regulatory, received, term);
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();

    let unset = due(AgencyTerm::Unset).unwrap();
    assert!(unset.deadline().is_none());
    assert!(unset
        .explanation()
        .contains("the agency sets the resolution deadline"));

    let thirty = due(AgencyTerm::Days(30)).unwrap();
    assert_eq!(
        show(&thirty.deadline().unwrap().due),
        "2026-04-01 10:00 EDT"
    );
    assert!(thirty.explanation().contains("calendar days"));

    let by_date = due(AgencyTerm::Date(date(2026, 4, 15))).unwrap();
    assert_eq!(
        show(&by_date.deadline().unwrap().due),
        "2026-04-15 17:00 EDT"
    );

    // Saturday July 4: Friday July 3 is the observed holiday, so Thursday.
    let weekend = due(AgencyTerm::Date(date(2026, 7, 4))).unwrap();
    assert_eq!(
        show(&weekend.deadline().unwrap().due),
        "2026-07-02 17:00 EDT"
    );
    assert!(weekend
        .explanation()
        .contains("not a business day (Saturday)"));

    assert_eq!(due(AgencyTerm::Days(0)), Err(SlaError::AgencyDays(0)));
    assert_eq!(due(AgencyTerm::Days(3651)), Err(SlaError::AgencyDays(3651)));

    let business = engine_with(|s| s.regulatory.agency_days_counting = DayCounting::Business);
    let ten = business
        .resolution(CaseType::Regulatory, received, AgencyTerm::Days(10))
        .unwrap();
    assert_eq!(show(&ten.deadline().unwrap().due), "2026-03-16 10:00 EDT");
}

#[test]
fn instants_near_the_limits_of_time_are_errors_not_panics() {
    let engine = engine_in("Pacific/Kiritimati");
    for received in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC] {
        for case_type in CaseType::ALL {
            assert_eq!(
                engine.initial_contact(case_type, received),
                Err(SlaError::OutOfRange)
            );
            assert_eq!(
                engine.resolution(case_type, received, AgencyTerm::Days(10)),
                Err(SlaError::OutOfRange)
            );
        }
        assert_eq!(engine.update_promise(received), Err(SlaError::OutOfRange));
        assert_eq!(engine.owner_follow_up(received), Err(SlaError::OutOfRange));
        assert!(!engine.calendar().is_open_at(&received));
    }
    let far = engine.resolution(
        CaseType::Regulatory,
        at(NY, "2026-03-10T10:00"),
        AgencyTerm::Date(NaiveDate::MIN),
    );
    assert_eq!(far, Err(SlaError::OutOfRange));
    let zone = parse_zone(NY).unwrap();
    for text in [
        "9999-12-31T23:59",
        "0999-01-01T00:00",
        "+262142-12-31T23:59",
    ] {
        assert_eq!(parse_local_datetime(text, zone), Err(SlaError::OutOfRange));
    }
    assert_eq!(
        SlaError::OutOfRange.to_string(),
        "the date is outside the supported range (years 1000 to 9000)"
    );
}

#[test]
fn explanations_name_the_holidays_a_count_skipped() {
    let engine = engine_in(NY);
    let thanksgiving = " Closed day skipped: Thu 26 Nov 2026 (Thanksgiving Day).";
    let general = engine
        .resolution(
            CaseType::General,
            at(NY, "2026-11-23T10:00"),
            AgencyTerm::Unset,
        )
        .unwrap();
    let general = general.deadline().unwrap();
    assert_eq!(show(&general.due), "2026-11-30 10:00 EST");
    assert_eq!(
        general.explanation,
        format!("General case: resolution is due 4 business days after receipt at the same time of day, counted from receipt.{thanksgiving}")
    );
    let after_cutoff = engine
        .initial_contact(CaseType::General, at(NY, "2026-11-25T16:00"))
        .unwrap();
    assert_eq!(show(&after_cutoff.due), "2026-11-27 12:00 EST");
    assert_eq!(
        after_cutoff.explanation,
        format!("Received Wed 25 Nov 2026, 16:00 EST after the 15:00 cut-off, so initial contact is due by 12:00 on the next business day.{thanksgiving}")
    );
    // A receipt on the holiday names it once, as the reason, not again as skipped.
    let on_the_day = engine
        .initial_contact(CaseType::General, at(NY, "2026-11-26T10:00"))
        .unwrap();
    assert!(!on_the_day.explanation.contains("skipped"));
    // Weekends go without saying; an extra closed date is named as a holiday.
    let bridge = engine_with(|s| s.calendar.extra_holidays = vec!["2026-11-27".to_string()]);
    let executive = bridge
        .resolution(
            CaseType::Executive,
            at(NY, "2026-11-25T13:00"),
            AgencyTerm::Unset,
        )
        .unwrap();
    let executive = executive.deadline().unwrap();
    assert_eq!(show(&executive.due), "2026-12-02 13:00 EST");
    assert!(executive.explanation.ends_with(
        " Closed days skipped: Thu 26 Nov 2026 (Thanksgiving Day) and Fri 27 Nov 2026 (holiday)."
    ));
    let plain = engine
        .resolution(
            CaseType::General,
            at(NY, "2026-03-10T10:00"),
            AgencyTerm::Unset,
        )
        .unwrap();
    assert!(!plain.explanation().contains("skipped"), "a weekend only");
    let promise = engine.update_promise(at(NY, "2026-11-25T14:00")).unwrap();
    assert_eq!(show(&promise.latest), "2026-11-27 14:00 EST");
    assert!(promise.explanation.ends_with(thanksgiving));
}

#[test]
fn a_receipt_in_another_zone_gets_the_hours_the_rules_name() {
    let la = parse_zone("America/Los_Angeles").unwrap();
    let team = default_settings();
    let mut customer = default_settings();
    customer.calendar.hours_of = HoursOf::Customer;
    let due = |settings: &SlaSettings, local: &str| {
        let engine = SlaEngine::new(&settings.for_customer_in(la)).unwrap();
        let received = at("America/Los_Angeles", local);
        let initial = engine.initial_contact(CaseType::General, received).unwrap();
        let resolution = engine
            .resolution(CaseType::General, received, AgencyTerm::Unset)
            .unwrap();
        (
            show(&initial.due),
            show(&resolution.deadline().unwrap().due),
        )
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    // 13:00 in Los Angeles is 16:00 in New York, after the team's cut-off.
    assert_eq!(
        due(&team, "2026-03-10T13:00"),
        pair("2026-03-11 12:00 EDT", "2026-03-16 16:00 EDT")
    );
    assert_eq!(
        due(&customer, "2026-03-10T13:00"),
        pair("2026-03-10 17:00 PDT", "2026-03-16 13:00 PDT")
    );
    // 07:00 in Los Angeles is 10:00 in New York, inside the team's hours;
    // in the customer's own hours it is before opening.
    assert_eq!(
        due(&team, "2026-03-10T07:00"),
        pair("2026-03-10 17:00 EDT", "2026-03-16 10:00 EDT")
    );
    assert_eq!(
        due(&customer, "2026-03-10T07:00"),
        pair("2026-03-10 17:00 PDT", "2026-03-16 09:00 PDT")
    );
    // A team in New York, hours kept in the team's zone: nothing moves.
    assert_eq!(team.for_customer_in(la), team);
    assert_eq!(
        customer.for_customer_in(la).calendar.time_zone,
        "America/Los_Angeles"
    );
}

#[test]
fn extra_holidays_close_the_office() {
    let engine = engine_with(|s| s.calendar.extra_holidays = vec!["2026-03-11".to_string()]);
    let due = engine
        .initial_contact(CaseType::General, at(NY, "2026-03-10T15:30"))
        .unwrap();
    assert_eq!(show(&due.due), "2026-03-12 12:00 EDT");
    assert_eq!(
        engine
            .calendar()
            .holiday_name(NaiveDate::from_ymd_opt(2026, 3, 11).unwrap())
            .as_deref(),
        Some("holiday")
    );
}

/// Receipt instants over 2026-2027 at minute resolution.
fn receipt() -> impl Strategy<Value = DateTime<Utc>> {
    let start = at("UTC", "2026-01-01T00:00");
    (0i64..2 * 366 * 24 * 60).prop_map(move |minutes| start + Duration::minutes(minutes))
}

fn zone_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        NY,
        LONDON,
        KOLKATA,
        "Australia/Sydney",
        "America/Los_Angeles",
    ])
}

fn case_type() -> impl Strategy<Value = CaseType> {
    prop::sample::select(CaseType::ALL.to_vec())
}

/// Every dated result for a receipt, flagged true when it must fall
/// inside business hours.
fn all_dues(
    engine: &SlaEngine,
    case_type: CaseType,
    received: DateTime<Utc>,
) -> Vec<(DateTime<Zone>, bool)> {
    let mut dues = vec![(
        engine.initial_contact(case_type, received).unwrap().due,
        case_type == CaseType::General,
    )];
    if let Due::At(deadline) = engine
        .resolution(case_type, received, AgencyTerm::Unset)
        .unwrap()
    {
        dues.push((deadline.due, true));
    }
    let update = engine.update_promise(received).unwrap();
    let owner = engine.owner_follow_up(received).unwrap();
    dues.extend([
        (update.latest, true),
        (owner.earliest, true),
        (owner.latest, true),
    ]);
    dues
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn due_is_never_before_receipt_and_business_results_stay_in_hours(
        zone in zone_name(),
        case_type in case_type(),
        received in receipt(),
    ) {
        let engine = engine_in(zone);
        for (due, in_hours) in all_dues(&engine, case_type, received) {
            prop_assert!(due >= received, "{} before {}", due, received);
            if in_hours {
                prop_assert!(engine.calendar().is_open_at(&due), "{} outside hours", due);
            }
        }
        let business = engine_with(|s| {
            s.calendar.time_zone = zone.to_string();
            s.executive.initial_contact_counting = HourCounting::Business;
            s.follow_up.owner_counting = FollowUpCounting::OpenHours;
        });
        let executive = business.initial_contact(CaseType::Executive, received).unwrap().due;
        prop_assert!(executive >= received && business.calendar().is_open_at(&executive));
        let owner = business.owner_follow_up(received).unwrap();
        prop_assert!(business.calendar().is_open_at(&owner.earliest));
        prop_assert!(business.calendar().is_open_at(&owner.latest));
    }

    #[test]
    fn a_later_receipt_never_gets_an_earlier_deadline(
        zone in zone_name(),
        case_type in case_type(),
        first in receipt(),
        gap_minutes in 0i64..5 * 24 * 60,
    ) {
        let engine = engine_in(zone);
        let later = first + Duration::minutes(gap_minutes);
        let earlier_dues = all_dues(&engine, case_type, first);
        let later_dues = all_dues(&engine, case_type, later);
        for ((a, _), (b, _)) in earlier_dues.iter().zip(&later_dues) {
            prop_assert!(a <= b, "{} then {} gave {} then {}", first, later, a, b);
        }
    }

    #[test]
    fn adding_the_same_holidays_again_changes_nothing(
        case_type in case_type(),
        received in receipt(),
        offsets in prop::collection::vec(0u64..730, 0..20),
    ) {
        let base = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let dates: Vec<String> = offsets
            .iter()
            .map(|d| (base + Days::new(*d)).format("%Y-%m-%d").to_string())
            .collect();
        let once = engine_with(|s| s.calendar.extra_holidays = dates.clone());
        let twice = engine_with(|s| s.calendar.extra_holidays = [dates.clone(), dates.clone()].concat());
        prop_assert_eq!(once.calendar(), twice.calendar());
        prop_assert_eq!(all_dues(&once, case_type, received), all_dues(&twice, case_type, received));
    }
}
