//! Compiling `rules/calendar.toml`: holiday rules and transfers → the days that are off.
//!
//! Rules applied (Law "On holidays" No. 267-II Art. 5; Labour Code Art. 84(5), 85(3)):
//! state and national holidays are days off, and one that falls on a Saturday or Sunday
//! moves the day off to the next working day; religious days off (Orthodox Christmas,
//! Kurban Ait) do not move; the government's yearly transfers swap a working day for a
//! day off.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::calendar::Calendar;
use crate::day;

use super::compile::FileCx;
use super::syntax::CalendarFile;

#[derive(Clone, Copy, PartialEq)]
enum HolidayKind {
    /// Moves to the next working day when it falls on a day off.
    Moving,
    /// Stays where it is.
    Fixed,
}

pub(super) fn compile(cx: &mut FileCx, sources: &HashMap<String, u16>) -> Option<Calendar> {
    let file: CalendarFile = cx.parse()?;
    let [verified_from, verified_to] = *file.verified_years.get_ref();
    let [first, last] = *file.computed_years.get_ref();
    if !(first <= verified_from && verified_from <= verified_to && verified_to <= last) {
        cx.err(
            file.verified_years.span(),
            "`verified_years` must lie within `computed_years`, from the earlier year to the later",
        );
        return None;
    }

    // Every holiday date by year, with whether it moves off a weekend.
    let mut holidays: Vec<(NaiveDate, HolidayKind)> = Vec::new();
    for h in &file.holidays {
        cx.kebab(&h.id);
        cx.text(&h.name);
        cx.source_ref(&h.source, sources);
        let kind = match h.kind.get_ref().as_str() {
            "state" | "national" => HolidayKind::Moving,
            "religious" => HolidayKind::Fixed,
            _ => {
                cx.err(h.kind.span(), "a holiday's kind is `state`, `national` or `religious`");
                continue;
            }
        };
        let from = h.from_year.as_ref().map_or(first, |y| *y.get_ref());
        let to = h.to_year.as_ref().map_or(last, |y| *y.get_ref());
        for d in &h.days {
            let Some((m, dd)) =
                d.get_ref().split_once('-').and_then(|(m, dd)| Some((m.parse().ok()?, dd.parse().ok()?)))
            else {
                cx.err(d.span(), "a fixed holiday day is written MM-DD, like \"03-21\"");
                continue;
            };
            for year in from.max(first)..=to.min(last) {
                match NaiveDate::from_ymd_opt(year, m, dd) {
                    Some(date) => holidays.push((date, kind)),
                    None => cx.err(d.span(), "this is not a day of the year"),
                }
            }
        }
        for d in &h.dates {
            if let Some(date) = cx.date(d) {
                holidays.push((date, kind));
            }
        }
    }
    holidays.sort_by_key(|(d, _)| *d);

    let mut off: BTreeSet<NaiveDate> = holidays.iter().map(|(d, _)| *d).collect();
    let weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
    for (date, kind) in &holidays {
        if *kind == HolidayKind::Moving && weekend(*date) {
            let mut next = *date + Duration::days(1);
            while weekend(next) || off.contains(&next) {
                next += Duration::days(1);
            }
            off.insert(next);
        }
    }

    let mut working_weekend_days = Vec::new();
    for t in &file.transfers {
        cx.source_ref(&t.source, sources);
        let (Some(day_off), Some(work_day)) = (cx.date(&t.day_off), cx.date(&t.work_day)) else { continue };
        if weekend(day_off) || off.contains(&day_off) {
            cx.err(t.day_off.span(), "a transfer's `day_off` must be a working weekday");
        }
        if weekend(work_day) {
            working_weekend_days.push(day::to_number(work_day));
        } else if !off.remove(&work_day) {
            cx.err(
                t.work_day.span(),
                "a transfer's `work_day` must be a day off: a Saturday, a Sunday or a moved holiday",
            );
        }
        off.insert(day_off);
    }
    working_weekend_days.sort_unstable();

    Some(Calendar {
        days_off: off.into_iter().filter(|d| !weekend(*d)).map(day::to_number).collect(),
        working_weekend_days,
        verified_from,
        verified_to,
    })
}
