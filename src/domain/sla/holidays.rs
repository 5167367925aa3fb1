//! The US federal holiday preset (5 U.S.C. 6103): the current list of eleven
//! holidays applied to any year, with the weekend rule for observed dates
//! (a Saturday holiday is observed on the Friday before, a Sunday holiday on
//! the Monday after).

use chrono::{Datelike, Days, NaiveDate, Weekday};

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
    FEDERAL_HOLIDAYS
        .iter()
        .filter_map(|&(name, rule)| {
            let date = rule.date_in(year)?;
            Some(Holiday {
                name,
                date,
                observed: observed_date(date)?,
            })
        })
        .collect()
}

/// The federal holiday observed on `date`, if any (including New Year's Day
/// of the next year observed on 31 December).
pub fn us_federal_holiday_on(date: NaiveDate) -> Option<Holiday> {
    // The calendar asks about every day it steps over, so each rule is
    // checked against the date's parts instead of working out the year's
    // list. Observed dates never fall on a weekend.
    let day = DayParts::of(date);
    if matches!(day.weekday, Weekday::Sat | Weekday::Sun) {
        return None;
    }
    // A Friday also stands in for the Saturday after it, a Monday for the
    // Sunday before it.
    let weekend_neighbour = match day.weekday {
        Weekday::Fri => date.succ_opt(),
        Weekday::Mon => date.pred_opt(),
        _ => None,
    }
    .map(DayParts::of);
    FEDERAL_HOLIDAYS.iter().find_map(|&(name, rule)| {
        let legal = rule.legal_date_observed_on(day, weekend_neighbour)?;
        Some(Holiday {
            name,
            date: legal,
            observed: date,
        })
    })
}

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy)]
enum HolidayRule {
    /// The same (month, day) every year.
    Fixed(u32, u32),
    /// The nth weekday of a month: (month, weekday, n), n = 1 for the first.
    NthWeekday(u32, Weekday, u8),
    /// The last weekday of a month: (month, weekday).
    LastWeekday(u32, Weekday),
}

/// The eleven holidays in date order: the one definition both the yearly
/// list and the day-by-day check are derived from.
const FEDERAL_HOLIDAYS: [(&str, HolidayRule); 11] = {
    use HolidayRule::{Fixed, LastWeekday, NthWeekday};
    use Weekday::{Mon, Thu};
    [
        ("New Year's Day", Fixed(1, 1)),
        ("Martin Luther King Jr. Day", NthWeekday(1, Mon, 3)),
        ("Presidents Day", NthWeekday(2, Mon, 3)),
        ("Memorial Day", LastWeekday(5, Mon)),
        ("Juneteenth", Fixed(6, 19)),
        ("Independence Day", Fixed(7, 4)),
        ("Labor Day", NthWeekday(9, Mon, 1)),
        ("Columbus Day", NthWeekday(10, Mon, 2)),
        ("Veterans Day", Fixed(11, 11)),
        ("Thanksgiving Day", NthWeekday(11, Thu, 4)),
        ("Christmas Day", Fixed(12, 25)),
    ]
};

impl HolidayRule {
    /// The holiday's date in `year`, `None` outside chrono's range.
    fn date_in(self, year: i32) -> Option<NaiveDate> {
        let nth = |month, weekday, n| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n);
        match self {
            Self::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
            Self::NthWeekday(month, weekday, n) => nth(month, weekday, n),
            Self::LastWeekday(month, weekday) => {
                nth(month, weekday, 5).or_else(|| nth(month, weekday, 4))
            }
        }
    }

    /// The date of this holiday if it is observed on `day`, a weekday;
    /// `weekend_neighbour` is the weekend day a Friday or Monday stands in for.
    fn legal_date_observed_on(
        self,
        day: DayParts,
        weekend_neighbour: Option<DayParts>,
    ) -> Option<NaiveDate> {
        match self {
            Self::Fixed(month, day_of_month) => {
                let falls_on = |parts: &DayParts| (parts.month, parts.day) == (month, day_of_month);
                if falls_on(&day) {
                    Some(day.date)
                } else {
                    weekend_neighbour.filter(falls_on).map(|parts| parts.date)
                }
            }
            // Both weekday kinds never fall on a weekend: observed on the day.
            Self::NthWeekday(month, weekday, n) => {
                let nth = (day.day - 1) / 7 + 1;
                ((day.month, day.weekday, nth) == (month, weekday, u32::from(n)))
                    .then_some(day.date)
            }
            Self::LastWeekday(month, weekday) => {
                let in_last_week = || {
                    let week_later = day.date.checked_add_days(Days::new(7));
                    week_later.map(|later| later.month()) != Some(month)
                };
                ((day.month, day.weekday) == (month, weekday) && in_last_week()).then_some(day.date)
            }
        }
    }
}

/// A date with its month, day and weekday worked out once, since every
/// holiday rule compares them.
#[derive(Debug, Clone, Copy)]
struct DayParts {
    date: NaiveDate,
    month: u32,
    day: u32,
    weekday: Weekday,
}

impl DayParts {
    fn of(date: NaiveDate) -> Self {
        Self {
            date,
            month: date.month(),
            day: date.day(),
            weekday: date.weekday(),
        }
    }
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

    /// A year's list as "MM-DD" per holiday, with ">MM-DD" after it when the
    /// holiday is observed on another day, so a year's answer fits a line.
    /// A date outside `year` is written with its year, so it cannot pass
    /// for one inside.
    fn observed(year: i32) -> String {
        let day = |date: NaiveDate| {
            let format = if date.year() == year {
                "%m-%d"
            } else {
                "%Y-%m-%d"
            };
            date.format(format).to_string()
        };
        let days: Vec<String> = us_federal_holidays(year)
            .into_iter()
            .map(|h| {
                if h.observed == h.date {
                    day(h.date)
                } else {
                    format!("{}>{}", day(h.date), day(h.observed))
                }
            })
            .collect();
        days.join(" ")
    }

    #[test]
    fn lists_2026_with_july_4_observed_on_friday_july_3() {
        assert_eq!(
            observed(2026),
            "01-01 01-19 02-16 05-25 06-19 07-04>07-03 09-07 10-12 11-11 11-26 12-25"
        );
    }

    #[test]
    fn lists_2027_with_weekend_holidays_moved_to_friday_or_monday() {
        assert_eq!(
            observed(2027),
            "01-01 01-18 02-15 05-31 06-19>06-18 07-04>07-05 09-06 10-11 11-11 11-25 12-25>12-24"
        );
    }

    #[test]
    fn finds_new_years_day_2028_observed_on_friday_31_december_2027() {
        let holiday = us_federal_holiday_on(d(2027, 12, 31)).unwrap();
        assert_eq!(holiday.date, d(2028, 1, 1));
        assert_eq!(holiday.label(), "New Year's Day, observed");
        assert_eq!(us_federal_holiday_on(d(2028, 1, 1)), None);
    }

    /// Checks the day-by-day answer against the yearly lists for every day of
    /// `years`, including next year's New Year's Day observed on 31 December.
    fn assert_day_check_matches_lists(years: std::ops::RangeInclusive<i32>) {
        for year in years {
            let listed: Vec<Holiday> = [year - 1, year, year + 1]
                .into_iter()
                .flat_map(us_federal_holidays)
                .collect();
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            for date in first.iter_days().take_while(|date| date.year() == year) {
                let expected = listed.iter().find(|h| h.observed == date).copied();
                assert_eq!(us_federal_holiday_on(date), expected, "{date}");
            }
        }
    }

    #[test]
    fn day_by_day_check_agrees_with_the_yearly_lists() {
        // Weekdays repeat every 400 years, so one cycle covers every case.
        assert_day_check_matches_lists(2000..=2399);
        assert_day_check_matches_lists(999..=1001);
        assert_day_check_matches_lists(8999..=9001);
    }

    #[test]
    fn day_by_day_check_agrees_at_the_ends_of_representable_time() {
        assert_day_check_matches_lists(NaiveDate::MIN.year()..=NaiveDate::MIN.year() + 1);
        assert_day_check_matches_lists(NaiveDate::MAX.year() - 1..=NaiveDate::MAX.year());
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
