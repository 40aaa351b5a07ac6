//! Kazakhstan's working-day calendar, as compiled from `rules/calendar.toml`.
//!
//! The compiler applies the holiday rules (a state or national holiday on a day off moves
//! the day off to the next working day; Orthodox Christmas and Kurban Ait do not move;
//! the government's yearly transfers) and stores the result as two plain lists, so this
//! module only has to answer "is this a working day?" and count.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::day;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calendar {
    /// Monday–Friday dates that are not working days (holidays, moved days off, transfers), as day numbers, sorted.
    pub days_off: Vec<i32>,
    /// Saturday/Sunday dates that the government made working days, as day numbers, sorted.
    pub working_weekend_days: Vec<i32>,
    /// The years whose holidays and transfers were checked against their sources.
    pub verified_from: i32,
    pub verified_to: i32,
}

/// A date reached by counting working days, and whether every day counted lies in a
/// year the calendar was verified for. If not, the count may be off and the user is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    pub date: NaiveDate,
    pub verified: bool,
}

impl Calendar {
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let n = day::to_number(date);
        match date.weekday() {
            Weekday::Sat | Weekday::Sun => self.working_weekend_days.binary_search(&n).is_ok(),
            _ => self.days_off.binary_search(&n).is_err(),
        }
    }

    pub fn is_verified_year(&self, year: i32) -> bool {
        (self.verified_from..=self.verified_to).contains(&year)
    }

    /// The `n`-th working day after `from` (`n > 0`) or before it (`n < 0`); `from` itself
    /// is never counted. `n == 0` returns `from`. `None` only at the ends of the date range.
    pub fn add_working_days(&self, from: NaiveDate, n: i32) -> Option<Counted> {
        let step = if n < 0 { Duration::days(-1) } else { Duration::days(1) };
        let mut date = from;
        let mut left = n.unsigned_abs();
        let mut verified = self.is_verified_year(from.year());
        while left > 0 {
            date = date.checked_add_signed(step)?;
            verified &= self.is_verified_year(date.year());
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        Some(Counted { date, verified })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn calendar() -> Calendar {
        Calendar {
            // Wednesday 2025-01-01 and Thursday 2025-01-02 off; Friday 2025-01-03 transferred off.
            days_off: vec![d(2025, 1, 1), d(2025, 1, 2), d(2025, 1, 3)].into_iter().map(day::to_number).collect(),
            // Sunday 2025-01-05 made a working day.
            working_weekend_days: vec![day::to_number(d(2025, 1, 5))],
            verified_from: 2020,
            verified_to: 2025,
        }
    }

    #[test]
    fn counts_skip_days_off_and_use_working_weekends() {
        let cal = calendar();
        assert!(!cal.is_working_day(d(2025, 1, 3)));
        assert!(cal.is_working_day(d(2025, 1, 5)));
        assert!(!cal.is_working_day(d(2025, 1, 4)));
        // From Tuesday 31 Dec 2024: the 1st working day after is Sunday 5 Jan, the 2nd Monday 6 Jan.
        assert_eq!(cal.add_working_days(d(2024, 12, 31), 1).unwrap().date, d(2025, 1, 5));
        assert_eq!(cal.add_working_days(d(2024, 12, 31), 2).unwrap().date, d(2025, 1, 6));
        // Back from Monday 6 Jan: 1 → Sunday 5 Jan, 2 → Tuesday 31 Dec.
        assert_eq!(cal.add_working_days(d(2025, 1, 6), -1).unwrap().date, d(2025, 1, 5));
        assert_eq!(cal.add_working_days(d(2025, 1, 6), -2).unwrap().date, d(2024, 12, 31));
        assert_eq!(cal.add_working_days(d(2025, 1, 6), 0).unwrap().date, d(2025, 1, 6));
    }

    #[test]
    fn counting_into_an_unverified_year_is_flagged() {
        let cal = calendar();
        assert!(cal.add_working_days(d(2025, 12, 30), -3).unwrap().verified);
        assert!(!cal.add_working_days(d(2025, 12, 30), 3).unwrap().verified);
    }
}

crate::wire_struct! { Calendar { days_off, working_weekend_days, verified_from, verified_to } }
