//! The table against chrono-tz, the zone database the SLA known answers
//! were worked out with: at, before and after every change, wall-clock times
//! around every change (gaps and repeated hours), and a moment of every week
//! from 1970 to 2150.

use super::encode::{changes_of, zones_in_table_order, END};
use super::table::START;
use super::*;
use chrono::{DateTime, Duration, Offset};
use chrono_tz::{OffsetName, Tz};

fn both(name: &str) -> (Zone, Tz) {
    (Zone::named(name).unwrap(), name.parse().unwrap())
}

fn same_offset(ours: &ZoneOffset, theirs: &chrono_tz::TzOffset) -> bool {
    ours.fix() == theirs.fix() && ours.abbreviation() == theirs.abbreviation()
}

fn assert_same_at_utc(zone: Zone, tz: Tz, at: i64) {
    let instant = DateTime::from_timestamp(at, 0).unwrap().naive_utc();
    let ours = zone.offset_from_utc_datetime(&instant);
    let theirs = tz.offset_from_utc_datetime(&instant);
    assert!(
        same_offset(&ours, &theirs),
        "{zone} at {instant}: {ours} vs {theirs}"
    );
    assert_eq!(ours.to_string(), theirs.to_string(), "{zone} at {instant}");
}

fn assert_same_at_local(zone: Zone, tz: Tz, local: NaiveDateTime) {
    let agree = match (
        zone.offset_from_local_datetime(&local),
        tz.offset_from_local_datetime(&local),
    ) {
        (LocalResult::None, LocalResult::None) => true,
        (LocalResult::Single(ours), LocalResult::Single(theirs)) => same_offset(&ours, &theirs),
        (LocalResult::Ambiguous(a, b), LocalResult::Ambiguous(c, d)) => {
            same_offset(&a, &c) && same_offset(&b, &d)
        }
        _ => false,
    };
    assert!(agree, "{zone} at local {local}");
}

#[test]
fn the_table_holds_every_zone_of_the_build_utc_first() {
    let names: Vec<&str> = Zone::all().map(Zone::name).collect();
    let built: Vec<&str> = zones_in_table_order().iter().map(|tz| tz.name()).collect();
    assert_eq!(names, built);
    assert_eq!(Zone::UTC.name(), "UTC");
    assert_eq!(names.len(), chrono_tz::TZ_VARIANTS.len());
}

#[test]
fn every_change_and_the_wall_clock_around_it_agree_with_chrono_tz() {
    for tz in zones_in_table_order() {
        let zone = Zone::named(tz.name()).unwrap();
        for (at, _) in changes_of(tz) {
            for second in [at - 1, at, at + 1] {
                assert_same_at_utc(zone, tz, second);
            }
            let wall = DateTime::from_timestamp(at, 0).unwrap().naive_utc();
            let before = wall
                + Duration::seconds(i64::from(
                    tz.offset_from_utc_datetime(&(wall - Duration::seconds(1)))
                        .fix()
                        .local_minus_utc(),
                ));
            for minutes in (-150..=150).step_by(15) {
                assert_same_at_local(zone, tz, before + Duration::minutes(minutes));
            }
            assert_same_at_local(zone, tz, before - Duration::seconds(1));
        }
    }
}

#[test]
fn a_moment_of_every_week_from_1970_to_2150_agrees_with_chrono_tz() {
    let end_2150 = 5_680_281_600;
    for tz in zones_in_table_order() {
        let zone = Zone::named(tz.name()).unwrap();
        // Seven days and five hours apart, to cross every hour of the day.
        for at in (START..end_2150).step_by(7 * 86_400 + 5 * 3_600) {
            assert_same_at_utc(zone, tz, at);
        }
    }
    // After the table's end no zone changes any more, in chrono-tz either.
    assert!(END < end_2150);
}

#[test]
fn before_1970_a_zone_keeps_its_offset_of_1970() {
    let (zone, _) = both("America/New_York");
    let old = NaiveDate::from_ymd_opt(1900, 7, 1)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    assert_eq!(zone.offset_from_utc_datetime(&old).to_string(), "EST");
    assert_eq!(
        zone.from_utc_datetime(&old).format("%H:%M %Z").to_string(),
        "07:00 EST"
    );
}

#[test]
fn new_york_springs_forward_and_falls_back_as_chrono_tz_does() {
    let (zone, _) = both("America/New_York");
    let day = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
    let gap = day.and_hms_opt(2, 30, 0).unwrap();
    assert_eq!(zone.from_local_datetime(&gap), LocalResult::None);
    let fall = NaiveDate::from_ymd_opt(2026, 11, 1)
        .unwrap()
        .and_hms_opt(1, 30, 0)
        .unwrap();
    let LocalResult::Ambiguous(earlier, later) = zone.from_local_datetime(&fall) else {
        panic!("1:30 happens twice on 1 November 2026");
    };
    assert_eq!(
        earlier.format("%H:%M %Z %:z").to_string(),
        "01:30 EDT -04:00"
    );
    assert_eq!(later.format("%H:%M %Z %:z").to_string(), "01:30 EST -05:00");
}

#[test]
fn zones_without_an_abbreviation_write_their_offset() {
    let (zone, tz) = both("Asia/Kolkata");
    let instant = NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    assert_eq!(
        zone.from_utc_datetime(&instant).format("%Z").to_string(),
        tz.from_utc_datetime(&instant).format("%Z").to_string()
    );
}

#[test]
fn zones_are_stored_by_name() {
    let (zone, _) = both("Europe/London");
    assert_eq!(serde_json::to_string(&zone).unwrap(), "\"Europe/London\"");
    assert_eq!(
        serde_json::from_str::<Zone>("\"Europe/London\"").unwrap(),
        zone
    );
    assert!(serde_json::from_str::<Zone>("\"Mars/Olympus\"").is_err());
    assert_eq!("Europe/London".parse::<Zone>(), Ok(zone));
    assert_eq!(
        "europe/london".parse::<Zone>(),
        Err(UnknownZone("europe/london".to_string()))
    );
}
