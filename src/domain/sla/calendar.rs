//! A team's business calendar in one IANA time zone, and the time arithmetic
//! the SLA rules need: the next opening, "N business days later" and "N open
//! hours later". Business hours are wall-clock times turned into instants day
//! by day, so every result stays correct across daylight-saving changes.
//! Also parses the zone names and local date-times people type in.

use super::holidays::us_federal_holiday_on;
use super::SlaError;
use crate::domain::zone::Zone;
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Timelike, Weekday,
};
use std::collections::BTreeSet;
use std::fmt;

/// Opening and closing wall-clock time of one weekday (opening before closing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenHours {
    /// Local time the team starts work.
    pub open: NaiveTime,
    /// Local time the team stops work; "close of business".
    pub close: NaiveTime,
}

/// Which days and hours a team works, in which zone, and which dates are
/// holidays; every business-time rule is computed against one of these.
#[derive(Debug, Clone, PartialEq)]
pub struct BusinessCalendar {
    zone: Zone,
    /// Hours per weekday, Monday first; `None` means closed all day.
    week: [Option<OpenHours>; 7],
    holidays: BTreeSet<NaiveDate>,
    us_federal: bool,
}

/// A point inside business hours together with the day it belongs to, so the
/// arithmetic never has to look the day's hours up again.
#[derive(Debug, Clone, Copy)]
pub(super) struct BusinessMoment {
    /// The instant business time starts counting.
    pub(super) at: DateTime<Zone>,
    date: NaiveDate,
    hours: OpenHours,
}

/// Why a week of business hours cannot make a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// A weekday whose opening time is not before its closing time.
    OpeningNotBeforeClosing {
        /// The weekday.
        day: Weekday,
        /// Its opening time.
        open: NaiveTime,
        /// Its closing time.
        close: NaiveTime,
    },
    /// No weekday has business hours.
    NoOpenDay,
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OpeningNotBeforeClosing { day, open, close } => write!(
                f,
                "{}: opening {} is not before closing {}",
                weekday_name(*day),
                open.format("%H:%M"),
                close.format("%H:%M")
            ),
            Self::NoOpenDay => f.write_str("at least one weekday needs business hours"),
        }
    }
}

impl std::error::Error for CalendarError {}

impl OpenHours {
    /// Checks that the team opens before it closes on `day`.
    pub fn check(self, day: Weekday) -> Result<Self, CalendarError> {
        if self.open < self.close {
            Ok(self)
        } else {
            Err(CalendarError::OpeningNotBeforeClosing {
                day,
                open: self.open,
                close: self.close,
            })
        }
    }
}

impl BusinessCalendar {
    /// Builds a calendar; refuses weeks with no open day or a day whose
    /// opening is not before its closing.
    pub fn new(zone: Zone, week: [Option<OpenHours>; 7]) -> Result<Self, CalendarError> {
        for (day, hours) in WEEK.into_iter().zip(week) {
            if let Some(hours) = hours {
                hours.check(day)?;
            }
        }
        if week.iter().all(Option::is_none) {
            return Err(CalendarError::NoOpenDay);
        }
        Ok(Self {
            zone,
            week,
            holidays: BTreeSet::new(),
            us_federal: false,
        })
    }

    /// Adds closed dates (a set: adding a date twice changes nothing).
    pub fn add_holidays(&mut self, dates: impl IntoIterator<Item = NaiveDate>) {
        self.holidays.extend(dates);
    }

    /// Switches the US federal holiday preset on or off for every year.
    pub fn observe_us_federal_holidays(&mut self, observe: bool) {
        self.us_federal = observe;
    }

    /// The zone business hours are kept in.
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// The hours of a weekday, `None` if the team never works that weekday.
    pub fn weekday_hours(&self, weekday: Weekday) -> Option<OpenHours> {
        self.week[weekday.num_days_from_monday() as usize]
    }

    /// Why `date` is a holiday ("Independence Day, observed" or "holiday"), if it is one.
    pub fn holiday_name(&self, date: NaiveDate) -> Option<String> {
        let federal = self
            .us_federal
            .then(|| us_federal_holiday_on(date))
            .flatten();
        match federal {
            Some(holiday) => Some(holiday.label()),
            None => self.holidays.contains(&date).then(|| "holiday".to_string()),
        }
    }

    /// The holidays from `from` to `until`, both included, that fall on a
    /// weekday the team works, with their names: the closed days an
    /// explanation names, since weekly closed days go without saying.
    pub(super) fn holidays_between(
        &self,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Vec<(NaiveDate, String)> {
        from.iter_days()
            .take_while(|date| *date <= until)
            .filter(|date| self.weekday_hours(date.weekday()).is_some())
            .filter_map(|date| Some((date, self.holiday_name(date)?)))
            .collect()
    }

    /// The hours worked on `date`, `None` on closed weekdays and holidays.
    pub fn hours_on(&self, date: NaiveDate) -> Option<OpenHours> {
        let hours = self.weekday_hours(date.weekday())?;
        let federal = self.us_federal && us_federal_holiday_on(date).is_some();
        (!federal && !self.holidays.contains(&date)).then_some(hours)
    }

    /// Whether the team works on `date`.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        self.hours_on(date).is_some()
    }

    /// Whether `instant` lies inside business hours, opening and closing time
    /// included (a deadline at close of business is inside).
    pub fn is_open_at<Z: TimeZone>(&self, instant: &DateTime<Z>) -> bool {
        if check_supported(instant).is_err() {
            return false;
        }
        let local = instant.with_timezone(&self.zone);
        let date = local.date_naive();
        self.hours_on(date).is_some_and(|hours| {
            self.at(date, hours.open) <= local && local <= self.at(date, hours.close)
        })
    }

    /// The instant of a wall-clock time on `date` in this calendar's zone
    /// (callers keep `date` inside [`SUPPORTED_YEARS`]).
    pub(crate) fn at(&self, date: NaiveDate, time: NaiveTime) -> DateTime<Zone> {
        resolve_local(self.zone, date.and_time(time))
    }

    /// Close of business on `date`, `None` if the team does not work that day.
    pub fn close_of_business(&self, date: NaiveDate) -> Option<DateTime<Zone>> {
        if !SUPPORTED_YEARS.contains(&date.year()) {
            return None;
        }
        self.hours_on(date).map(|hours| self.at(date, hours.close))
    }

    /// The first business day strictly after `date`, with its hours.
    pub fn next_business_day(&self, date: NaiveDate) -> Result<(NaiveDate, OpenHours), SlaError> {
        let mut day = date;
        // Ends: every week has an open weekday and the holiday set is finite.
        loop {
            day = day
                .succ_opt()
                .filter(|day| SUPPORTED_YEARS.contains(&day.year()))
                .ok_or(SlaError::OutOfRange)?;
            if let Some(hours) = self.hours_on(day) {
                return Ok((day, hours));
            }
        }
    }

    /// The last business day on or before `date`, with its hours.
    pub fn business_day_on_or_before(
        &self,
        date: NaiveDate,
    ) -> Result<(NaiveDate, OpenHours), SlaError> {
        let mut day = date;
        loop {
            if !SUPPORTED_YEARS.contains(&day.year()) {
                return Err(SlaError::OutOfRange);
            }
            if let Some(hours) = self.hours_on(day) {
                return Ok((day, hours));
            }
            day = day.pred_opt().ok_or(SlaError::OutOfRange)?;
        }
    }

    /// The same time of day `days` business days after `start` (see
    /// [`Self::start_moment`]). A time outside the target day's hours,
    /// possible when weekdays have different hours, is moved to that day's
    /// opening or closing. Taking the start rather than an instant lets the
    /// engine explain where counting started without computing it twice.
    pub(super) fn business_days_after(
        &self,
        start: BusinessMoment,
        days: u32,
    ) -> Result<DateTime<Zone>, SlaError> {
        if days == 0 {
            return Ok(start.at);
        }
        let (mut date, mut hours) = (start.date, start.hours);
        for _ in 0..days {
            (date, hours) = self.next_business_day(date)?;
        }
        let time = start.at.time().clamp(hours.open, hours.close);
        Ok(self.at(date, time))
    }

    /// The instant after `open_time` of business hours have elapsed since
    /// `start` (see [`Self::start_moment`]). Ends at close of business rather
    /// than the next opening when the time runs out exactly at closing.
    pub(super) fn open_time_after(
        &self,
        start: BusinessMoment,
        open_time: Duration,
    ) -> Result<DateTime<Zone>, SlaError> {
        let mut moment = start;
        let mut left = open_time;
        loop {
            let close = self.at(moment.date, moment.hours.close);
            let available = close.signed_duration_since(moment.at).max(Duration::zero());
            if left <= available {
                return moment
                    .at
                    .checked_add_signed(left)
                    .ok_or(SlaError::OutOfRange);
            }
            left -= available;
            let (date, hours) = self.next_business_day(moment.date)?;
            moment = BusinessMoment {
                at: self.at(date, hours.open),
                date,
                hours,
            };
        }
    }

    /// Where business time starts counting for something received at
    /// `instant`: the instant itself inside business hours, otherwise the
    /// next opening; with the day it falls on.
    pub(super) fn start_moment<Z: TimeZone>(
        &self,
        instant: &DateTime<Z>,
    ) -> Result<BusinessMoment, SlaError> {
        check_supported(instant)?;
        let local = instant.with_timezone(&self.zone);
        let date = local.date_naive();
        if let Some(hours) = self.hours_on(date) {
            if local <= self.at(date, hours.close) {
                let open = self.at(date, hours.open);
                let at = if local < open { open } else { local };
                return Ok(BusinessMoment { at, date, hours });
            }
        }
        let (date, hours) = self.next_business_day(date)?;
        Ok(BusinessMoment {
            at: self.at(date, hours.open),
            date,
            hours,
        })
    }
}

/// A local date-time the user typed, turned into an instant, with a note
/// when the wall-clock time was ambiguous.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedLocal {
    /// The instant meant (the earlier one when the time happened twice).
    pub instant: DateTime<Zone>,
    /// Says which of two instants was chosen, for a clock-change night.
    pub note: Option<String>,
}

/// Reads an IANA zone name such as "America/New_York", in any
/// capitalisation ("america/new_york" is the same zone).
pub fn parse_zone(name: &str) -> Result<Zone, SlaError> {
    let name = name.trim();
    Zone::all()
        .find(|zone| zone.name().eq_ignore_ascii_case(name))
        .ok_or_else(|| SlaError::UnknownZone(name.to_string()))
}

/// Whether a zone belongs in the list people pick from: UTC and the
/// Area/Location zones. Legacy names such as EST or MST and the fixed
/// offsets under Etc/ ignore daylight saving time, so picking one by its
/// familiar abbreviation gives times an hour off in summer.
pub fn is_suggested_zone(zone: Zone) -> bool {
    let name = zone.name();
    name == "UTC" || (name.contains('/') && !name.starts_with("Etc/"))
}

/// The zone from the list that people usually mean by a legacy zone name or
/// a time-zone abbreviation ("EST" is America/New_York), in any
/// capitalisation.
pub fn area_zone_for(name: &str) -> Option<&'static str> {
    const MEANT: [(&[&str], &str); 11] = [
        (&["Etc/UTC", "Etc/UCT", "Etc/Zulu", "UCT", "Zulu"], "UTC"),
        (
            &["EST", "EDT", "ET", "EST5EDT", "US/Eastern"],
            "America/New_York",
        ),
        (
            &["CST", "CDT", "CT", "CST6CDT", "US/Central"],
            "America/Chicago",
        ),
        (
            &["MST", "MDT", "MT", "MST7MDT", "US/Mountain"],
            "America/Denver",
        ),
        (
            &["PST", "PDT", "PT", "PST8PDT", "US/Pacific"],
            "America/Los_Angeles",
        ),
        (&["AKST", "AKDT", "US/Alaska"], "America/Anchorage"),
        (&["HST", "US/Hawaii"], "Pacific/Honolulu"),
        (&["GMT", "BST", "GB"], "Europe/London"),
        (&["CET", "CEST", "MET"], "Europe/Paris"),
        (&["EET", "EEST"], "Europe/Athens"),
        (&["WET", "WEST"], "Europe/Lisbon"),
    ];
    let name = name.trim();
    MEANT
        .iter()
        .find(|(names, _)| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .map(|(_, zone)| *zone)
}

/// A warning for a zone that works but is probably not what was meant: a
/// legacy name without the daylight-saving rules of the place it names.
pub fn legacy_zone_warning(zone: Zone) -> Option<String> {
    if is_suggested_zone(zone) {
        return None;
    }
    let instead = area_zone_for(zone.name())
        .map(|area| format!("use {area} instead"))
        .unwrap_or_else(|| {
            "use the Area/City zone of the place, such as America/New_York".to_string()
        });
    Some(format!(
        "{} is a legacy zone that may ignore daylight saving time, so its times can be an hour off the local clock: {instead}.",
        zone.name()
    ))
}

/// Reads a local date-time "YYYY-MM-DDTHH:MM" (seconds and a space instead
/// of "T" are accepted too) in `zone`. A time skipped by a clock change is an
/// error naming the gap; a time that happens twice means the earlier instant,
/// with a note saying so.
pub fn parse_local_datetime(text: &str, zone: Zone) -> Result<ParsedLocal, SlaError> {
    const FORMATS: [&str; 4] = [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ];
    let trimmed = text.trim();
    let local = FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(trimmed, format).ok())
        .ok_or_else(|| SlaError::MalformedDateTime(trimmed.to_string()))?;
    // chrono reads ":60" as a leap second, which is no time a person means.
    if local.nanosecond() >= 1_000_000_000 {
        return Err(SlaError::MalformedDateTime(trimmed.to_string()));
    }
    if !SUPPORTED_YEARS.contains(&local.year()) {
        return Err(SlaError::OutOfRange);
    }
    match zone.from_local_datetime(&local) {
        LocalResult::Single(instant) => Ok(ParsedLocal {
            instant,
            note: None,
        }),
        LocalResult::Ambiguous(earlier, later) => Ok(ParsedLocal {
            instant: earlier,
            note: Some(format!(
                "{} happens twice in {} because the clocks go back; using the first occurrence, {} (UTC{}), not {} (UTC{}).",
                local.format("%Y-%m-%d %H:%M"),
                zone.name(),
                earlier.format("%H:%M %Z"),
                earlier.format("%:z"),
                later.format("%H:%M %Z"),
                later.format("%:z"),
            )),
        }),
        LocalResult::None => Err(gap_error(zone, local)),
    }
}

/// Years the time arithmetic accepts: far enough inside chrono's limits that
/// zone offsets and ten years of days can never overflow.
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 1000..=9000;

/// Refuses instants outside [`SUPPORTED_YEARS`] before any local-time
/// conversion, which would panic near chrono's limits.
pub(crate) fn check_supported<Z: TimeZone>(instant: &DateTime<Z>) -> Result<(), SlaError> {
    if SUPPORTED_YEARS.contains(&instant.naive_utc().year()) {
        Ok(())
    } else {
        Err(SlaError::OutOfRange)
    }
}

/// Longest stretch of skipped wall-clock time searched for (a whole day was
/// skipped once, in Pacific/Apia in 2011).
const MAX_GAP_MINUTES: u32 = 48 * 60;

/// Turns a wall-clock time into an instant for business arithmetic: the
/// earlier instant when it happens twice, the first valid minute after a
/// clock-change gap when it is skipped.
pub(crate) fn resolve_local(zone: Zone, local: NaiveDateTime) -> DateTime<Zone> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant,
        LocalResult::Ambiguous(earlier, _) => earlier,
        LocalResult::None => nearest_valid(zone, local, Duration::minutes(1))
            // No zone skips two days; reading the time as UTC keeps this total.
            .unwrap_or_else(|| zone.from_utc_datetime(&local)),
    }
}

/// The first valid wall-clock time from `local` stepping by `step`.
fn nearest_valid(zone: Zone, local: NaiveDateTime, step: Duration) -> Option<DateTime<Zone>> {
    let mut probe = local;
    for _ in 0..MAX_GAP_MINUTES {
        probe = probe.checked_add_signed(step)?;
        if let Some(instant) = zone.from_local_datetime(&probe).earliest() {
            return Some(instant);
        }
    }
    None
}

/// Describes the clock-change gap `local` falls into.
fn gap_error(zone: Zone, local: NaiveDateTime) -> SlaError {
    let before = nearest_valid(zone, local, Duration::minutes(-1));
    let after = nearest_valid(zone, local, Duration::minutes(1));
    let gap = match (before, after) {
        (Some(before), Some(after)) => format!(
            "the clocks jump from {} {} to {} {}",
            (before.naive_local() + Duration::minutes(1)).format("%H:%M"),
            before.format("%Z"),
            after.format("%H:%M"),
            after.format("%Z"),
        ),
        _ => "the clocks skip that time".to_string(),
    };
    SlaError::NonexistentLocalTime {
        input: local.format("%Y-%m-%d %H:%M").to_string(),
        zone: zone.name().to_string(),
        gap,
    }
}

/// The weekdays in the order of the week array, Monday first.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// The full English weekday name used in messages.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, engine_in, show, NY};
    use super::*;
    use chrono::Utc;

    #[test]
    fn zones_are_read_in_any_capitalisation() {
        assert_eq!(
            parse_zone("america/new_york"),
            Ok(Zone::named("America/New_York").unwrap())
        );
        assert_eq!(
            parse_zone(" EUROPE/london ").map(|z| z.name()),
            Ok("Europe/London")
        );
        assert_eq!(parse_zone("utc"), Ok(Zone::UTC));
        assert!(parse_zone("america/newyork").is_err());
    }

    #[test]
    fn only_utc_and_area_location_zones_are_suggested() {
        assert!(is_suggested_zone(Zone::UTC));
        assert!(is_suggested_zone(Zone::named("America/New_York").unwrap()));
        assert!(!is_suggested_zone(Zone::named("Etc/UTC").unwrap()));
        for zone in Zone::all() {
            let name = zone.name();
            if !name.contains('/') && name != "UTC" {
                assert!(!is_suggested_zone(zone), "{name}");
                assert!(legacy_zone_warning(zone).is_some(), "{name}");
            }
        }
    }

    #[test]
    fn legacy_names_and_abbreviations_point_to_the_zone_meant() {
        assert_eq!(area_zone_for("EST"), Some("America/New_York"));
        assert_eq!(area_zone_for(" est "), Some("America/New_York"));
        assert_eq!(area_zone_for("PST8PDT"), Some("America/Los_Angeles"));
        assert_eq!(area_zone_for("HST"), Some("Pacific/Honolulu"));
        assert_eq!(area_zone_for("America/Chicago"), None);
        assert_eq!(
            legacy_zone_warning(Zone::named("Etc/UTC").unwrap()).as_deref(),
            Some("Etc/UTC is a legacy zone that may ignore daylight saving time, so its times can be an hour off the local clock: use UTC instead.")
        );
        assert_eq!(
            parse_zone("est").ok().and_then(legacy_zone_warning).as_deref(),
            Some("EST is a legacy zone that may ignore daylight saving time, so its times can be an hour off the local clock: use America/New_York instead.")
        );
        assert_eq!(
            legacy_zone_warning(Zone::named("America/New_York").unwrap()),
            None
        );
        assert_eq!(legacy_zone_warning(Zone::UTC), None);
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn business_hours_include_opening_and_closing() {
        let engine = engine_in("America/New_York");
        let calendar = engine.calendar();
        let open = |local| calendar.is_open_at(&at("America/New_York", local));
        assert!(open("2026-03-10T09:00"));
        assert!(open("2026-03-10T17:00"));
        assert!(!open("2026-03-10T08:59"));
        assert!(!open("2026-03-10T17:01"));
        assert!(!open("2026-03-14T12:00"), "Saturday");
        assert!(!open("2026-11-26T12:00"), "Thanksgiving");
    }

    #[test]
    fn names_weekend_holidays_and_steps_over_them() {
        let engine = engine_in("America/New_York");
        let calendar = engine.calendar();
        assert_eq!(
            calendar.holiday_name(date(2027, 12, 31)).as_deref(),
            Some("New Year's Day, observed")
        );
        assert_eq!(
            calendar.next_business_day(date(2027, 12, 30)).unwrap().0,
            date(2028, 1, 3)
        );
        assert_eq!(
            calendar
                .business_day_on_or_before(date(2026, 7, 5))
                .unwrap()
                .0,
            date(2026, 7, 2)
        );
        assert_eq!(calendar.close_of_business(date(2026, 7, 3)), None);
        assert_eq!(
            calendar
                .close_of_business(date(2026, 7, 2))
                .map(|t| show(&t)),
            Some("2026-07-02 17:00 EDT".to_string())
        );
    }

    #[test]
    fn adding_holidays_twice_is_the_same_as_once() {
        let engine = engine_in("Europe/London");
        let mut once = engine.calendar().clone();
        once.add_holidays([date(2026, 12, 28)]);
        let mut twice = once.clone();
        twice.add_holidays([date(2026, 12, 28)]);
        assert_eq!(once, twice);
        assert!(!once.is_business_day(date(2026, 12, 28)));
    }

    #[test]
    fn wall_clock_times_in_a_gap_move_to_its_end_and_repeated_ones_take_the_first() {
        let ny = Zone::named("America/New_York").unwrap();
        let in_gap = date(2026, 3, 8).and_hms_opt(2, 30, 0).unwrap();
        assert_eq!(show(&resolve_local(ny, in_gap)), "2026-03-08 03:00 EDT");
        let repeated = date(2026, 11, 1).and_hms_opt(1, 30, 0).unwrap();
        assert_eq!(show(&resolve_local(ny, repeated)), "2026-11-01 01:30 EDT");
        // Samoa skipped 30 December 2011 entirely.
        let apia = Zone::named("Pacific/Apia").unwrap();
        let skipped = date(2011, 12, 30).and_hms_opt(9, 0, 0).unwrap();
        assert_eq!(
            resolve_local(apia, skipped).naive_local(),
            date(2011, 12, 31).and_hms_opt(0, 0, 0).unwrap()
        );
    }

    #[test]
    fn refuses_weeks_with_no_open_day_or_backwards_hours() {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let five = NaiveTime::from_hms_opt(17, 0, 0).unwrap();
        let utc = Zone::UTC;
        assert_eq!(
            BusinessCalendar::new(utc, [None; 7]).map_err(|e| e.to_string()),
            Err("at least one weekday needs business hours".to_string())
        );
        let backwards = Some(OpenHours {
            open: five,
            close: nine,
        });
        let mut week = [None; 7];
        week[2] = backwards;
        assert_eq!(
            BusinessCalendar::new(utc, week).map_err(|e| e.to_string()),
            Err("Wednesday: opening 17:00 is not before closing 09:00".to_string())
        );
    }

    #[test]
    fn stops_at_the_end_of_representable_time_instead_of_panicking() {
        let engine = engine_in("Asia/Kolkata");
        let last = NaiveDate::MAX;
        assert_eq!(
            engine.calendar().next_business_day(last),
            Err(SlaError::OutOfRange)
        );
    }

    #[test]
    fn parses_local_times_and_names_clock_change_gaps() {
        let ny = parse_zone(NY).unwrap();
        let london = parse_zone(" Europe/London ").unwrap();
        let gap = parse_local_datetime("2026-03-08T02:30", ny).unwrap_err();
        assert_eq!(
            gap.to_string(),
            "2026-03-08 02:30 does not exist in America/New_York: the clocks jump from 02:00 EST to 03:00 EDT that night, so enter a time outside that gap"
        );
        let gap = parse_local_datetime("2026-03-29T01:30", london).unwrap_err();
        assert!(gap.to_string().contains("from 01:00 GMT to 02:00 BST"));

        let twice = parse_local_datetime("2026-11-01T01:30", ny).unwrap();
        assert_eq!(
            twice.instant.with_timezone(&Utc).to_rfc3339(),
            "2026-11-01T05:30:00+00:00"
        );
        assert_eq!(
            twice.note.as_deref(),
            Some("2026-11-01 01:30 happens twice in America/New_York because the clocks go back; using the first occurrence, 01:30 EDT (UTC-04:00), not 01:30 EST (UTC-05:00).")
        );
        let twice = parse_local_datetime("2026-10-25T01:30", london).unwrap();
        assert_eq!(
            twice.instant.with_timezone(&Utc).to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );

        let plain = parse_local_datetime("2026-03-10T09:15", ny).unwrap();
        assert_eq!(plain.note, None);
        assert_eq!(plain.instant.to_rfc3339(), "2026-03-10T09:15:00-04:00");
        assert_eq!(
            parse_local_datetime("2026-03-10 09:15:30", ny)
                .unwrap()
                .instant
                .to_rfc3339(),
            "2026-03-10T09:15:30-04:00"
        );
    }

    #[test]
    fn rejects_malformed_inputs_and_unknown_zones_with_clear_messages() {
        let ny = parse_zone(NY).unwrap();
        for bad in [
            "",
            "garbage",
            "2026-03-10",
            "10:00",
            "2026-13-01T10:00",
            "2026-03-10T25:00",
            "2026-02-30T10:00",
            "2026-03-10T09:00:60",
        ] {
            assert_eq!(
                parse_local_datetime(bad, ny),
                Err(SlaError::MalformedDateTime(bad.to_string())),
                "{bad}"
            );
        }
        assert_eq!(
            SlaError::MalformedDateTime("2026-3".to_string()).to_string(),
            "\"2026-3\" is not a date and time in the form YYYY-MM-DDTHH:MM (for example 2026-03-09T14:30)"
        );
        let unknown = parse_zone("America/NewYork").unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "\"America/NewYork\" is not among the time zones Deskaid knows (IANA names such as America/New_York or Europe/London)"
        );
        assert!(parse_zone("").is_err());
    }
}
