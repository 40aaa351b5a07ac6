//! Dates and times of day as the engine stores them.
//!
//! Dates are kept as chrono's `NaiveDate` (Kazakhstan has one zone, UTC+5, since
//! 1 March 2024, and legal dates are local dates); in the compiled catalog they travel
//! as day numbers so the browser decodes them without parsing text.

use chrono::{Datelike, NaiveDate};

/// Days since 1 January of year 1 (chrono's "CE" numbering).
pub fn to_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

pub fn from_number(n: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(n)
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.trim().splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses `HH:MM` (24-hour clock) into minutes after midnight.
pub fn parse_time(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

pub fn time_string(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

pub fn date_string(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// "Today" in Kazakhstan (UTC+5, no daylight saving) for a moment given as milliseconds
/// since the Unix epoch. The widget passes the browser's clock; the engine never reads one.
pub fn kazakhstan_today(unix_millis: f64) -> NaiveDate {
    const KZ_OFFSET_MS: f64 = 5.0 * 3600.0 * 1000.0;
    let days = ((unix_millis + KZ_OFFSET_MS) / 86_400_000.0).floor() as i32;
    // 719_163 = days from 0001-01-01 (CE day 1) to 1970-01-01, plus one.
    NaiveDate::from_num_days_from_ce_opt(days + 719_163).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_computed_in_utc_plus_5() {
        // 2026-03-01T19:30:00Z is already 2 March in Almaty (00:30 local).
        let ms = 1_772_393_400_000.0;
        assert_eq!(kazakhstan_today(ms), NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        // 18:59 UTC is still the same local day (23:59).
        assert_eq!(kazakhstan_today(ms - 31.0 * 60_000.0), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    }

    #[test]
    fn times_parse_strictly() {
        assert_eq!(parse_time("09:00"), Some(540));
        assert_eq!(parse_time("9:05"), Some(545));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("10:5"), None);
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(time_string(1199), "19:59");
    }
}
