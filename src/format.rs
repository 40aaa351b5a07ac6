//! Turning engine values into words: dates in the user's language, citations, answers.

use chrono::{Datelike, NaiveDate};

use crate::catalog::{Catalog, Cite, Kind, Question};
use crate::day;
use crate::expr::Value;
use crate::text::Lang;

/// "22 November 2026".
pub fn date(catalog: &Catalog, lang: Lang, date: NaiveDate) -> String {
    let month = catalog.ui.months.get(date.month0() as usize).map_or("", |t| t.get(lang));
    let (day, year) = (date.day().to_string(), date.year().to_string());
    catalog.ui.date_format.fill(lang, &[("day", &day), ("month", month), ("year", &year)])
}

/// "Mon, 17 March 2025": for deadlines, where the day of the week matters.
pub fn date_with_weekday(catalog: &Catalog, lang: Lang, d: NaiveDate) -> String {
    let weekday = catalog.ui.weekdays.get(d.weekday().num_days_from_monday() as usize).map_or("", |t| t.get(lang));
    catalog.ui.date_with_weekday.fill(lang, &[("date", &date(catalog, lang, d)), ("weekday", weekday)])
}

/// "in 12 days", "today", "3 days ago": how far a date is from today, in the chosen language.
pub fn from_today(catalog: &Catalog, lang: Lang, today: NaiveDate, d: NaiveDate) -> String {
    let n = (d - today).num_days();
    let (template, n) = match n {
        0 => return catalog.ui.is_today.get(lang).to_string(),
        1.. => (&catalog.ui.days_until, n),
        _ => (&catalog.ui.days_ago, -n),
    };
    plural(template.get(lang), lang, n).replace("{n}", &n.to_string())
}

/// The form of `forms` ("one|few|many" in Russian, "one|other" in English, a single form in
/// Kazakh, which does not inflect after numbers) that goes with `n`.
pub fn plural(forms: &str, lang: Lang, n: i64) -> &str {
    let (last_two, last) = (n % 100, n % 10);
    let index = match lang {
        Lang::Ru if last == 1 && last_two != 11 => 0,
        Lang::Ru if (2..=4).contains(&last) && !(12..=14).contains(&last_two) => 1,
        Lang::Ru => 2,
        Lang::En if n == 1 => 0,
        Lang::En => 1,
        Lang::Kk => 0,
    };
    let forms: Vec<&str> = forms.split('|').collect();
    forms.get(index).or(forms.last()).copied().unwrap_or("")
}

/// "Law No. 333-VI, Art. 9(5)(2)" in the chosen language.
pub fn cite(catalog: &Catalog, lang: Lang, cite: &Cite) -> String {
    let source = catalog.sources.get(cite.source as usize).map_or("", |s| s.short.get(lang));
    match article(catalog, lang, cite) {
        a if a.is_empty() => source.to_string(),
        a => format!("{source}, {a}"),
    }
}

/// "Art. 9(5)(2)": the place in the source, without the source's name.
pub fn article(catalog: &Catalog, lang: Lang, cite: &Cite) -> String {
    let ui = &catalog.ui;
    if cite.article.is_empty() {
        return String::new(); // a secondary source cited as a whole
    }
    let mut out = ui.cite_article.fill(lang, &[("n", &cite.article)]);
    let in_parts = catalog.sources.get(cite.source as usize).is_some_and(|s| s.parts);
    let first = if in_parts { &ui.cite_part } else { &ui.cite_paragraph };
    for (part, format) in cite.parts.iter().zip([first, &ui.cite_subparagraph]) {
        if !part.is_empty() {
            out.push_str(&format.fill(lang, &[("n", part)]));
        }
    }
    out
}

/// The answer as the user would read it back.
pub fn answer(catalog: &Catalog, lang: Lang, question: &Question, value: Value) -> String {
    match (value, &question.kind) {
        (Value::Bool(b), _) => (if b { &catalog.ui.yes } else { &catalog.ui.no }).get(lang).to_string(),
        (Value::Choice(c), Kind::Choice(options)) => {
            options.get(c as usize).map_or(String::new(), |o| o.label.get(lang).to_string())
        }
        (Value::Date(d), _) => date_with_weekday(catalog, lang, d),
        (Value::Time(t), _) => day::time_string(t),
        // Ages stay as typed; sums of money read better grouped ("1 500 000").
        (Value::Number(n), _) if n >= 10_000 => number(lang, n.unsigned_abs()),
        (Value::Number(n), _) => n.to_string(),
        (Value::Choice(c), _) => c.to_string(),
    }
}

/// A value without its question: times as HH:MM, numbers, dates as YYYY-MM-DD.
pub fn answer_input_value(value: Value) -> String {
    match value {
        Value::Bool(b) => (if b { "yes" } else { "no" }).to_string(),
        Value::Date(d) => day::date_string(d),
        Value::Time(t) => day::time_string(t),
        Value::Number(n) => n.to_string(),
        Value::Choice(c) => c.to_string(),
    }
}

/// The answer in the form the widget's inputs, the CLI and scenario files use.
pub fn answer_input(question: &Question, value: Value) -> String {
    match (value, &question.kind) {
        (Value::Choice(c), Kind::Choice(options)) => options.get(c as usize).map_or(String::new(), |o| o.id.clone()),
        _ => answer_input_value(value),
    }
}

/// A whole number with the language's digit grouping: "129 750" (kk, ru), "129,750" (en).
pub fn number(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let separator = if lang == Lang::En { ',' } else { '\u{a0}' };
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        let ru = "{n} день|{n} дня|{n} дней";
        let pick = |n| plural(ru, Lang::Ru, n);
        assert_eq!(
            [pick(1), pick(2), pick(5), pick(11), pick(12), pick(21), pick(22), pick(111)],
            ["{n} день", "{n} дня", "{n} дней", "{n} дней", "{n} дней", "{n} день", "{n} дня", "{n} дней"]
        );
        assert_eq!(plural("{n} day|{n} days", Lang::En, 1), "{n} day");
        assert_eq!(plural("{n} day|{n} days", Lang::En, 0), "{n} days");
        assert_eq!(plural("{n} күн", Lang::Kk, 5), "{n} күн");
    }
}
