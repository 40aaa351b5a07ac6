//! Scenario files: one walk through a topic with its answers, a "today", and what the
//! outcome must be. They are data-driven tests (`tests/scenarios/*.toml`), and their
//! `title`s name the presets trainers pick from.
//!
//! A scenario file is TOML, one scenario per file, and starts with a comment line that
//! says what it shows:
//!
//! ```toml
//! # A deadline counted back across Nauryz 2025.
//! title = { kk = "…", ru = "…", en = "…" }  # optional: the name of a trainers' preset
//! topic = "assembly"
//! today = 2025-03-14                        # "today" in Kazakhstan
//!
//! [answers]                                 # question id = answer
//! form = "picket"                           # options by id
//! citizen = "yes"                           # yes/no as "yes" or "no"
//! age = 30                                  # numbers as integers
//! barrier = "none"
//! place = "public"
//! event-date = 2025-03-27                   # dates as TOML dates or "YYYY-MM-DD"
//! start = "10:00"                           # times as "HH:MM"
//! end = "11:00"
//!
//! [expect]
//! outcome = "can-picket"                    # required: the outcome's id
//! # Optional: every date the outcome shows, by the id of the [let] that computed it
//! # (`Outcome::dates`); if given, the outcome must show exactly these.
//! dates = { notice-deadline = 2025-03-17, answer-by = 2025-03-20 }
//! # Optional: each must be among the outcome's citations (`Outcome::cites`), written as in
//! # the rules files: "source-id article(paragraph)(subparagraph)".
//! cites = ["law-333-vi 10(1)"]
//! # Optional: whether the "calendar not verified for this year" warning is shown.
//! calendar_warning = false
//! # Optional: the fines shown, in tenge, one per risk with a fine, in order
//! # (MRP × the MRP in force on the topic's law date, or on today).
//! fines = [196600, 275240]
//! ```
//!
//! [`run`] replays the answers in path order and fails, saying what differed, when the
//! outcome is not the expected one, when an expectation does not hold, when the path asks a
//! question the scenario does not answer, or when an answer is never used because the path
//! does not ask its question (a stale scenario is a bug, not a harmless extra).

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use toml::Spanned as S;

use crate::catalog::{Catalog, Cite};
use crate::day;
use crate::session::{ReplayError, Screen, Session};
use crate::text::{Lang, Text};

use super::compile::{parse_cite, CITE_FORMAT};
use super::diag::Diagnostic;

/// One parsed scenario file.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The path it was read from, for messages.
    pub path: String,
    /// The header comment: what this scenario shows.
    pub description: String,
    /// The name of a trainers' preset, in the three languages.
    pub title: Option<Text>,
    pub topic: String,
    pub today: NaiveDate,
    /// In file order.
    pub answers: Vec<Answer>,
    pub expect: Expect,
}

/// An answer in its text form, as the CLI and [`Session::replay`] take it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub question: String,
    pub input: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expect {
    pub outcome: String,
    /// `[let]` id → date; `None` when the scenario does not check dates.
    pub dates: Option<BTreeMap<String, NaiveDate>>,
    pub cites: Vec<CiteRef>,
    pub calendar_warning: Option<bool>,
    /// The fines shown, in tenge, in order; `None` when the scenario does not check fines.
    pub fines: Option<Vec<u64>>,
}

/// A citation as written: source id, article, parts (paragraph, subparagraph).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CiteRef {
    pub source: String,
    pub article: String,
    pub parts: Vec<String>,
}

impl CiteRef {
    fn of(catalog: &Catalog, cite: &Cite) -> CiteRef {
        let source = catalog.sources.get(cite.source as usize).map_or("?", |s| s.id.as_str());
        CiteRef { source: source.to_string(), article: cite.article.clone(), parts: cite.parts.clone() }
    }
}

impl std::fmt::Display for CiteRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.source, self.article)?;
        self.parts.iter().try_for_each(|p| write!(f, "({p})"))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSyntax {
    title: Option<S<Text>>,
    topic: String,
    today: S<toml::Value>,
    #[serde(default)]
    answers: BTreeMap<S<String>, S<toml::Value>>,
    expect: ExpectSyntax,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectSyntax {
    outcome: String,
    dates: Option<BTreeMap<S<String>, S<toml::Value>>>,
    #[serde(default)]
    cites: Vec<S<String>>,
    calendar_warning: Option<bool>,
    fines: Option<Vec<u64>>,
}

/// Parses a scenario file; `path` is only used in the diagnostic.
pub fn parse(path: &str, text: &str) -> Result<Scenario, Diagnostic> {
    let err = |span: Range<usize>, message: String| Diagnostic::new(path, span, message);
    let description = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix('#'))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .ok_or_else(|| err(0..0, "a scenario file starts with a comment line that says what it shows".into()))?;
    let file: FileSyntax = toml::from_str(text).map_err(|e| {
        let message = e.message().trim_end_matches('\n').replace('\n', "; ");
        err(e.span().unwrap_or(0..0), format!("this does not fit the scenario format: {message}"))
    })?;
    if let Some(title) = &file.title {
        for lang in Lang::ALL {
            if title.get_ref().get(lang).trim().is_empty() {
                return Err(err(title.span(), format!("the `{}` text of the title is empty", lang.code())));
            }
        }
    }
    let today = date_value(&file.today).map_err(|m| err(file.today.span(), format!("`today` {m}")))?;
    let mut answers: Vec<(usize, Answer)> = Vec::new();
    for (id, value) in &file.answers {
        let input = answer_text(value.get_ref()).map_err(|m| err(value.span(), m))?;
        answers.push((value.span().start, Answer { question: id.get_ref().clone(), input }));
    }
    answers.sort_by_key(|(at, _)| *at);
    let dates = match &file.expect.dates {
        None => None,
        Some(map) => {
            let mut dates = BTreeMap::new();
            for (id, value) in map {
                let date = date_value(value).map_err(|m| err(value.span(), format!("`{}` {m}", id.get_ref())))?;
                dates.insert(id.get_ref().clone(), date);
            }
            Some(dates)
        }
    };
    let mut cites = Vec::new();
    for c in &file.expect.cites {
        let (source, article, parts) = parse_cite(c.get_ref()).ok_or_else(|| err(c.span(), CITE_FORMAT.to_string()))?;
        cites.push(CiteRef { source: source.to_string(), article, parts });
    }
    Ok(Scenario {
        path: path.to_string(),
        description,
        title: file.title.map(S::into_inner),
        topic: file.topic,
        today,
        answers: answers.into_iter().map(|(_, a)| a).collect(),
        expect: Expect {
            outcome: file.expect.outcome,
            dates,
            cites,
            calendar_warning: file.expect.calendar_warning,
            fines: file.expect.fines,
        },
    })
}

/// A date written as a TOML date or as `"YYYY-MM-DD"`; the error completes "`today` …".
fn date_value(v: &S<toml::Value>) -> Result<NaiveDate, String> {
    let bad = || "must be a date like 2025-03-14".to_string();
    match v.get_ref() {
        toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()).ok_or_else(bad)
            }
            _ => Err(bad()),
        },
        toml::Value::String(s) => day::parse_date(s).filter(|d| day::date_string(*d) == s.trim()).ok_or_else(bad),
        _ => Err(bad()),
    }
}

/// The text form of an answer: what [`crate::session::parse_answer`] reads.
fn answer_text(v: &toml::Value) -> Result<String, String> {
    match v {
        toml::Value::String(s) => Ok(s.clone()),
        toml::Value::Integer(n) => Ok(n.to_string()),
        toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => Ok(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
            (None, Some(t), None) if t.second.unwrap_or(0) == 0 && t.nanosecond.unwrap_or(0) == 0 => {
                Ok(format!("{:02}:{:02}", t.hour, t.minute))
            }
            _ => Err("an answer is a date like 2025-03-27 or a time like \"10:00\", without seconds or a zone".into()),
        },
        toml::Value::Boolean(b) => {
            let word = if *b { "yes" } else { "no" };
            Err(format!("write a yes/no answer as \"yes\" or \"no\" (here: \"{word}\")"))
        }
        _ => Err("an answer is \"yes\"/\"no\", an option id, a date, a time \"HH:MM\" or a whole number".into()),
    }
}

fn date_text(d: NaiveDate) -> String {
    format!("{} ({})", day::date_string(d), d.weekday())
}

/// Replays the scenario and checks every expectation; the error says what differed.
pub fn run(catalog: &Catalog, s: &Scenario) -> Result<(), String> {
    let Some(topic) = catalog.topic(&s.topic) else {
        let ids: Vec<&str> = catalog.topics.iter().map(|t| t.id.as_str()).collect();
        return Err(format!("unknown topic `{}`; the topics are: {}", s.topic, ids.join(", ")));
    };
    let unknown: Vec<&str> =
        s.answers.iter().map(|a| a.question.as_str()).filter(|q| topic.question_index(q).is_none()).collect();
    if !unknown.is_empty() {
        let ids: Vec<&str> = topic.questions.iter().map(|q| q.id.as_str()).collect();
        return Err(format!(
            "answers for questions that topic `{}` does not have: {}; its questions are: {}",
            topic.id,
            unknown.join(", "),
            ids.join(", ")
        ));
    }
    let mut session = Session::new(catalog, topic, s.today);
    let answers = s.answers.iter().map(|a| (a.question.as_str(), a.input.as_str()));
    session.replay(answers).map_err(|e| match e {
        ReplayError::Unanswered(q) => format!("the path asks `{q}`, but the scenario gives no answer for it"),
        other => other.to_string(),
    })?;
    let outcome = match session.screen() {
        Ok(Screen::Outcome(o)) => o,
        Ok(Screen::Question { question, .. }) => {
            return Err(format!("no outcome: the path stops at `{}`", question.id))
        }
        Err(e) => return Err(format!("engine error: {e:?}")),
    };

    let mut problems = Vec::new();
    let asked: Vec<usize> =
        session.live_answers().map_err(|e| format!("engine error: {e:?}"))?.iter().map(|(i, _)| *i).collect();
    let unused: Vec<&str> = s
        .answers
        .iter()
        .filter(|a| topic.question_index(&a.question).is_some_and(|i| !asked.contains(&i)))
        .map(|a| a.question.as_str())
        .collect();
    if !unused.is_empty() {
        problems.push(format!("answers for questions the path never asks (remove them): {}", unused.join(", ")));
    }
    if outcome.rule.id != s.expect.outcome {
        problems.push(format!("outcome: expected `{}`, got `{}`", s.expect.outcome, outcome.rule.id));
    }
    if let Some(expected) = &s.expect.dates {
        let got: BTreeMap<&str, NaiveDate> = outcome.dates().into_iter().collect();
        for (id, want) in expected {
            match got.get(id.as_str()) {
                Some(d) if d == want => {}
                Some(d) => problems.push(format!("date `{id}`: expected {}, got {}", date_text(*want), date_text(*d))),
                None => problems
                    .push(format!("date `{id}`: expected {}, but the outcome shows no such date", date_text(*want))),
            }
        }
        for (id, d) in &got {
            if !expected.contains_key(*id) {
                problems.push(format!(
                    "date `{id}`: the outcome shows {}, which the scenario does not expect",
                    date_text(*d)
                ));
            }
        }
    }
    let cites: Vec<CiteRef> = outcome.cites().into_iter().map(|c| CiteRef::of(catalog, c)).collect();
    let missing: Vec<String> = s.expect.cites.iter().filter(|c| !cites.contains(c)).map(|c| format!("`{c}`")).collect();
    if !missing.is_empty() {
        let all: Vec<String> = cites.iter().map(|c| format!("`{c}`")).collect();
        problems.push(format!("citations {} are not among the outcome's: {}", missing.join(", "), all.join(", ")));
    }
    if let Some(want) = s.expect.calendar_warning {
        if want != outcome.calendar_unverified {
            let says = |b: bool| if b { "shown" } else { "not shown" };
            problems.push(format!(
                "calendar warning: expected {}, got {}",
                says(want),
                says(outcome.calendar_unverified)
            ));
        }
    }
    if let Some(want) = &s.expect.fines {
        let got: Vec<u64> = outcome.fines_tenge().into_iter().flatten().collect();
        if *want != got {
            problems.push(format!("fines in tenge: expected {want:?}, got {got:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}
