//! The US federal holiday preset (5 U.S.C. 6103): the current list of eleven
//! holidays applied to any year, with the weekend rule for observed dates
//! (a Saturday holiday is observed on the Friday before, a Sunday holiday on
//! the Monday after).

use chrono::{Datelike, NaiveDate, Weekday};

/// One US federal holiday: its legal date and the business day it is
/// observed on, so the calendar can close on the observed date and the UI can
/// name the holiday in explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    /// The holiday's name, e.g. "Independence Day".
    pub name: &'static str,
    /// The date the holiday falls on.
    pub date: NaiveDate,
    /// The date offices close for it (differs from `date` on weekends).
    pub observed: NaiveDate,
}

impl Holiday {
    /// The name as shown in explanations, marking dates moved off a weekend.
    pub fn label(&self) -> String {
        if self.observed == self.date {
            self.name.to_string()
        } else {
            format!("{}, observed", self.name)
        }
    }
}

/// The eleven US federal holidays of `year`, in date order. Empty for years
/// outside the range chrono can represent. New Year's Day of the next year
/// may be observed on 31 December of this year; it belongs to the next
/// year's list, and [`us_federal_holiday_on`] finds it.
pub fn us_federal_holidays(year: i32) -> Vec<Holiday> {
    holidays_of(year).into_iter().flatten().collect()
}

/// The federal holiday observed on `date`, if any (looks at the next year
/// too, for New Year's Day observed on 31 December).
pub fn us_federal_holiday_on(date: NaiveDate) -> Option<Holiday> {
    // The calendar asks about every day it steps over: answer most days
    // without working out the year. Observed dates never fall on a weekend,
    // and no federal holiday falls in March, April or August.
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) || matches!(date.month(), 3 | 4 | 8) {
        return None;
    }
    let on_date = |year| {
        holidays_of(year)
            .into_iter()
            .flatten()
            .find(|holiday| holiday.observed == date)
    };
    // Only 31 December can be next year's New Year's Day, observed.
    on_date(date.year()).or_else(|| {
        (date.month() == 12 && date.day() == 31)
            .then(|| on_date(date.year() + 1))
            .flatten()
    })
}

/// The holidays of `year` without allocating, since the calendar asks for
/// them on every day it steps over.
fn holidays_of(year: i32) -> [Option<Holiday>; 11] {
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let nth = |month, weekday, n| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n);
    let last_monday_of_may = nth(5, Weekday::Mon, 5).or_else(|| nth(5, Weekday::Mon, 4));
    [
        ("New Year's Day", fixed(1, 1)),
        ("Martin Luther King Jr. Day", nth(1, Weekday::Mon, 3)),
        ("Presidents Day", nth(2, Weekday::Mon, 3)),
        ("Memorial Day", last_monday_of_may),
        ("Juneteenth", fixed(6, 19)),
        ("Independence Day", fixed(7, 4)),
        ("Labor Day", nth(9, Weekday::Mon, 1)),
        ("Columbus Day", nth(10, Weekday::Mon, 2)),
        ("Veterans Day", fixed(11, 11)),
        ("Thanksgiving Day", nth(11, Weekday::Thu, 4)),
        ("Christmas Day", fixed(12, 25)),
    ]
    .map(|(name, date)| {
        let date = date?;
        Some(Holiday {
            name,
            date,
            observed: observed_date(date)?,
        })
    })
}

/// Moves a weekend holiday to the nearest weekday (Saturday back to Friday,
/// Sunday on to Monday).
fn observed_date(date: NaiveDate) -> Option<NaiveDate> {
    match date.weekday() {
        Weekday::Sat => date.pred_opt(),
        Weekday::Sun => date.succ_opt(),
        _ => Some(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn observed(year: i32) -> Vec<(NaiveDate, NaiveDate)> {
        us_federal_holidays(year)
            .into_iter()
            .map(|h| (h.date, h.observed))
            .collect()
    }

    #[test]
    fn lists_2026_with_july_4_observed_on_friday_july_3() {
        assert_eq!(
            observed(2026),
            vec![
                (d(2026, 1, 1), d(2026, 1, 1)),
                (d(2026, 1, 19), d(2026, 1, 19)),
                (d(2026, 2, 16), d(2026, 2, 16)),
                (d(2026, 5, 25), d(2026, 5, 25)),
                (d(2026, 6, 19), d(2026, 6, 19)),
                (d(2026, 7, 4), d(2026, 7, 3)),
                (d(2026, 9, 7), d(2026, 9, 7)),
                (d(2026, 10, 12), d(2026, 10, 12)),
                (d(2026, 11, 11), d(2026, 11, 11)),
                (d(2026, 11, 26), d(2026, 11, 26)),
                (d(2026, 12, 25), d(2026, 12, 25)),
            ]
        );
    }

    #[test]
    fn lists_2027_with_weekend_holidays_moved_to_friday_or_monday() {
        assert_eq!(
            observed(2027),
            vec![
                (d(2027, 1, 1), d(2027, 1, 1)),
                (d(2027, 1, 18), d(2027, 1, 18)),
                (d(2027, 2, 15), d(2027, 2, 15)),
                (d(2027, 5, 31), d(2027, 5, 31)),
                (d(2027, 6, 19), d(2027, 6, 18)),
                (d(2027, 7, 4), d(2027, 7, 5)),
                (d(2027, 9, 6), d(2027, 9, 6)),
                (d(2027, 10, 11), d(2027, 10, 11)),
                (d(2027, 11, 11), d(2027, 11, 11)),
                (d(2027, 11, 25), d(2027, 11, 25)),
                (d(2027, 12, 25), d(2027, 12, 24)),
            ]
        );
    }

    #[test]
    fn finds_new_years_day_2028_observed_on_friday_31_december_2027() {
        let holiday = us_federal_holiday_on(d(2027, 12, 31)).unwrap();
        assert_eq!(holiday.date, d(2028, 1, 1));
        assert_eq!(holiday.label(), "New Year's Day, observed");
        assert_eq!(us_federal_holiday_on(d(2028, 1, 1)), None);
    }

    #[test]
    fn names_holidays_and_ignores_ordinary_days() {
        assert_eq!(
            us_federal_holiday_on(d(2026, 7, 3)).unwrap().label(),
            "Independence Day, observed"
        );
        assert_eq!(
            us_federal_holiday_on(d(2026, 1, 19)).unwrap().label(),
            "Martin Luther King Jr. Day"
        );
        assert_eq!(us_federal_holiday_on(d(2026, 7, 4)), None);
        assert_eq!(us_federal_holiday_on(d(2026, 3, 10)), None);
    }
}
