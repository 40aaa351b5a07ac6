//! Trainer mode's "what if", under a result: each answer on the path with, for every other
//! answer it could have had, the result and dates that one change gives (the engine replays
//! the session with that answer: `Session::with_answer`). A typed answer (a date, a time, a
//! number) is tried in a field. Pressing an alternative switches the session to it.

use std::fmt::Write;

use zanger::catalog::{Kind, Verdict};
use zanger::expr::Value;
use zanger::outcome::Outcome;
use zanger::session::{parse_answer, AnswerError, Screen, Session};
use zanger::{format, Catalog, Lang};

use crate::map::clip;
use crate::render::esc;

/// `tried`: a typed answer the trainer is trying, as (question index, input).
pub fn section(
    catalog: &Catalog,
    lang: Lang,
    session: &Session,
    before: &Outcome,
    tried: Option<(usize, &str)>,
) -> String {
    let ui = &catalog.ui;
    let topic = session.topic();
    let mut h = format!(
        r#"<section class="zw-whatif" aria-labelledby="zw-whatif-h"><h4 id="zw-whatif-h" tabindex="-1">{}</h4><p class="zw-help">{}</p><ul>"#,
        esc(ui.what_if.get(lang)),
        esc(ui.what_if_help.get(lang)),
    );
    for &(q, value) in &before.trace {
        let question = &topic.questions[q];
        let _ = write!(
            h,
            r#"<li data-q="{q}"><p><strong>{}</strong> — {}</p><ul>"#,
            esc(question.text.get(lang)),
            esc(&format::answer(catalog, lang, question, value))
        );
        let alternatives: Vec<Value> = match &question.kind {
            Kind::YesNo => vec![Value::Bool(value != Value::Bool(true))],
            Kind::Choice(options) => (0..options.len() as u16).map(Value::Choice).filter(|&v| v != value).collect(),
            Kind::Date | Kind::Time | Kind::Number { .. } => {
                let ty = match question.kind {
                    Kind::Date => "date",
                    Kind::Time => "time",
                    _ => "number",
                };
                let typed = tried.filter(|(t, _)| *t == q).map(|(_, input)| input);
                let shown = typed.map_or_else(|| format::answer_input(question, value), str::to_string);
                let _ = write!(
                    h,
                    r#"<li class="zw-try"><input type="{ty}" value="{}" aria-label="{}"><button type="button" data-action="what-if-try" data-q="{q}">{}</button></li>"#,
                    esc(&shown),
                    esc(question.text.get(lang)),
                    esc(ui.what_if_try.get(lang)),
                );
                typed.and_then(|input| parse_answer(question, input)).into_iter().filter(|&v| v != value).collect()
            }
        };
        for alt in alternatives {
            let _ = write!(
                h,
                r#"<li><button type="button" data-action="what-if" data-q="{q}" data-v="{}">{}</button> {}</li>"#,
                esc(&format::answer_input(question, alt)),
                esc(&clip(&format::answer(catalog, lang, question, alt), 60)),
                change(catalog, lang, session, before, q, alt),
            );
        }
        h.push_str("</ul></li>");
    }
    h.push_str("</ul></section>");
    h
}

/// What changes with one answer changed: the result if it differs, each date that differs,
/// or the question that would come next; already escaped.
fn change(catalog: &Catalog, lang: Lang, session: &Session, before: &Outcome, q: usize, value: Value) -> String {
    let ui = &catalog.ui;
    let other = match session.with_answer(q, value) {
        Ok(other) => other,
        Err(AnswerError::Check(message)) => {
            return format!(r#"<span class="zw-wi-no">{}</span>"#, esc(message.get(lang)))
        }
        Err(AnswerError::Malformed) => return String::new(),
    };
    let after = match other.screen() {
        Ok(Screen::Outcome(after)) => after,
        Ok(Screen::Question { question, .. }) => {
            return esc(&ui.what_if_asks.fill(lang, &[("question", &clip(question.text.get(lang), 80))]))
        }
        Err(_) => return esc(ui.error.get(lang)),
    };
    let mut parts = Vec::new();
    if after.rule.id != before.rule.id {
        let (class, label) = match after.rule.verdict {
            Verdict::Yes => ("yes", &ui.verdict_yes),
            Verdict::No => ("no", &ui.verdict_no),
            Verdict::Conditional => ("conditional", &ui.verdict_conditional),
        };
        parts.push(format!(
            r#"<strong class="zw-wi-{class}">{}: {}</strong>"#,
            esc(label.get(lang)),
            esc(after.rule.title.get(lang))
        ));
    }
    let date_of = |o: &Outcome, step: &zanger::catalog::StepRule| {
        o.steps.iter().find(|s| std::ptr::eq(s.rule, step)).and_then(|s| s.date)
    };
    for step in after.steps.iter().filter(|s| s.date.is_some()) {
        let old = date_of(before, step.rule);
        let new = step.date;
        if old != new {
            let date = |d: Option<zanger::NaiveDate>| d.map(|d| format::date(catalog, lang, d)).unwrap_or_default();
            let arrow = if old.is_some() { format!("{} → ", date(old)) } else { String::new() };
            parts.push(format!("{}: {arrow}{}", esc(&clip(step.rule.text.get(lang), 48)), esc(&date(new))));
        }
    }
    if parts.is_empty() {
        return format!(r#"<span class="zw-wi-same">{}</span>"#, esc(ui.what_if_same.get(lang)));
    }
    parts.join("; ")
}
