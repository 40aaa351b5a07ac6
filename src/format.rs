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

/// "Law No. 333-VI, Art. 9(5)(2)" in the chosen language.
pub fn cite(catalog: &Catalog, lang: Lang, cite: &Cite) -> String {
    let source = catalog.sources.get(cite.source as usize).map_or("", |s| s.short.get(lang));
    format!("{source}, {}", article(catalog, lang, cite))
}

/// "Art. 9(5)(2)": the place in the source, without the source's name.
pub fn article(catalog: &Catalog, lang: Lang, cite: &Cite) -> String {
    let ui = &catalog.ui;
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
