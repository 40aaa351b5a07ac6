//! An outcome as the engine resolves it, and its language-resolved report: the one
//! thing the widget's result page, the CLI and the JSON output are made from.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::catalog::{Catalog, Cite, DocumentRule, OutcomeRule, Piece, RiskRule, SourceKind, StepRule, Topic};
use crate::day;
use crate::expr::{Env, Expr, Value};
use crate::format;
use crate::session::EngineError;
use crate::text::Lang;

#[derive(Debug)]
pub struct Outcome<'c> {
    pub catalog: &'c Catalog,
    pub topic: &'c Topic,
    pub rule: &'c OutcomeRule,
    pub steps: Vec<Step<'c>>,
    pub risks: Vec<&'c RiskRule>,
    pub documents: Vec<&'c DocumentRule>,
    /// For the documents: the answers on the path and the [let]s they use, by index (`None`: not known).
    answers: Vec<Option<Value>>,
    let_values: Vec<Option<Value>>,
    /// The day whose MRP converts fines to tenge: the topic's law date if answered, else today.
    pub fine_date: NaiveDate,
    /// The answers on the path, in order, by question index.
    pub trace: Vec<(usize, Value)>,
    pub today: NaiveDate,
    /// A working-day count crossed a year the calendar was not verified for.
    pub calendar_unverified: bool,
}

#[derive(Debug)]
pub struct Step<'c> {
    pub rule: &'c StepRule,
    pub date: Option<NaiveDate>,
}

fn eval_err(rule: &str) -> impl Fn(crate::expr::EvalError) -> EngineError + '_ {
    move |error| EngineError::Eval { rule: rule.to_string(), error }
}

impl<'c> Outcome<'c> {
    /// Finds the one outcome whose guard holds and computes its steps' dates.
    pub(crate) fn resolve(
        catalog: &'c Catalog,
        topic: &'c Topic,
        live: &[Option<Value>],
        today: NaiveDate,
    ) -> Result<Outcome<'c>, EngineError> {
        let env = Env::new(live, &topic.lets, today, &catalog.calendar);
        let mut matched = Vec::new();
        for rule in &topic.outcomes {
            if env.truth(&rule.when).map_err(eval_err(&rule.id))? {
                matched.push(rule);
            }
        }
        let [rule] = matched[..] else {
            return Err(EngineError::Outcomes {
                topic: topic.id.clone(),
                matched: matched.iter().map(|r| r.id.clone()).collect(),
            });
        };
        let mut steps = Vec::new();
        for step in &rule.steps {
            if let Some(guard) = &step.when {
                if !env.truth(guard).map_err(eval_err(&rule.id))? {
                    continue;
                }
            }
            let date = match step.date {
                Some(i) => match env.eval(&Expr::Let(i)).map_err(eval_err(&rule.id))? {
                    Value::Date(d) => Some(d),
                    _ => None,
                },
                None => None,
            };
            steps.push(Step { rule: step, date });
        }
        let mut risks = Vec::new();
        for risk in rule.risks.iter().filter_map(|&i| topic.risks.get(i as usize)) {
            if risk.when.as_ref().map_or(Ok(true), |g| env.truth(g)).map_err(eval_err(&rule.id))? {
                risks.push(risk);
            }
        }
        let documents: Vec<&DocumentRule> =
            rule.documents.iter().filter_map(|&i| topic.documents.get(i as usize)).collect();
        let mut let_values = vec![None; topic.lets.len()];
        for piece in documents.iter().flat_map(|d| d.body.iter().flatten()) {
            if let Piece::Let(i) | Piece::If(i) = piece {
                let_values[*i as usize] = env.eval(&Expr::Let(*i)).ok();
            }
        }
        let fine_date = match topic.law_date.and_then(|q| live.get(q as usize).copied().flatten()) {
            Some(Value::Date(d)) => d,
            _ => today,
        };
        let trace = live.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
        Ok(Outcome {
            catalog,
            topic,
            rule,
            steps,
            risks,
            documents,
            answers: live.to_vec(),
            let_values,
            fine_date,
            trace,
            today,
            calendar_unverified: env.calendar_unverified.get(),
        })
    }

    /// Each shown risk's fine in tenge (`None` without a fine, or without a known MRP).
    pub fn fines_tenge(&self) -> Vec<Option<u64>> {
        let mrp = self.catalog.mrp_on(self.fine_date);
        self.risks.iter().map(|r| Some(u64::from(r.fine_mrp?) * u64::from(mrp?.tenge))).collect()
    }

    /// The dates this outcome shows, by the id of the `[let]` that computed them.
    pub fn dates(&self) -> Vec<(&'c str, NaiveDate)> {
        self.steps.iter().filter_map(|s| Some((self.topic.lets[s.rule.date? as usize].id.as_str(), s.date?))).collect()
    }

    /// Every citation of the outcome, its steps and its risks, outcome first, without repeats.
    pub fn cites(&self) -> Vec<&'c Cite> {
        let mut all: Vec<&Cite> = Vec::new();
        let steps = self.steps.iter().flat_map(|s| s.rule.cites.iter());
        let risks = self.risks.iter().flat_map(|r| r.cites.iter());
        for cite in self.rule.cites.iter().chain(steps).chain(risks) {
            if !all.contains(&cite) {
                all.push(cite);
            }
        }
        all
    }

    pub fn report(&self, lang: Lang) -> Report {
        let c = self.catalog;
        let ui = &c.ui;
        let date = |d: NaiveDate| format::date(c, lang, d);
        let mut warnings = Vec::new();
        if self.calendar_unverified {
            let (from, to) = (c.calendar.verified_from.to_string(), c.calendar.verified_to.to_string());
            warnings.push(ui.calendar_unverified.fill(lang, &[("from", &from), ("to", &to)]));
        }
        let mrp = c.mrp_on(self.fine_date);
        let fine_date = date(self.fine_date);
        let risks: Vec<ReportRisk> = self
            .risks
            .iter()
            .zip(self.fines_tenge())
            .map(|(r, tenge)| ReportRisk {
                text: r.text.get(lang).to_string(),
                fine_mrp: r.fine_mrp,
                fine_tenge: tenge,
                fine: r.fine_mrp.map(|m| {
                    let mrp = m.to_string();
                    match tenge {
                        Some(t) => ui.fine.fill(lang, &[("mrp", &mrp), ("tenge", &format::number(lang, t))]),
                        None => ui.mrp_unknown.fill(lang, &[("mrp", &mrp), ("date", &fine_date)]),
                    }
                }),
                cites: r.cites.iter().map(|ct| format::cite(c, lang, ct)).collect(),
                unverified: r.unverified.as_ref().map(|t| t.get(lang).to_string()),
            })
            .collect();
        let mrp_basis = mrp.filter(|_| risks.iter().any(|r| r.fine_tenge.is_some())).map(|m| {
            let source = &c.sources[m.source as usize];
            let basis = ui.mrp_basis.fill(
                lang,
                &[
                    ("date", &fine_date),
                    ("tenge", &format::number(lang, u64::from(m.tenge))),
                    ("source", source.short.get(lang)),
                ],
            );
            match source.kind {
                SourceKind::Secondary => format!("{basis}. {}.", ui.unverified.get(lang)),
                SourceKind::Law => format!("{basis}."),
            }
        });
        Report {
            topic: self.topic.id.clone(),
            outcome: self.rule.id.clone(),
            verdict: self.rule.verdict.id(),
            verdict_label: match self.rule.verdict {
                crate::catalog::Verdict::Yes => &ui.verdict_yes,
                crate::catalog::Verdict::No => &ui.verdict_no,
                crate::catalog::Verdict::Conditional => &ui.verdict_conditional,
            }
            .get(lang)
            .to_string(),
            title: self.rule.title.get(lang).to_string(),
            summary: self.rule.summary.get(lang).to_string(),
            unverified: self.rule.unverified.as_ref().map(|t| t.get(lang).to_string()),
            steps: self
                .steps
                .iter()
                .map(|s| ReportStep {
                    text: s.rule.text.get(lang).to_string(),
                    date_id: s.rule.date.map(|i| self.topic.lets[i as usize].id.clone()),
                    date: s.date.map(day::date_string),
                    date_text: s.date.map(|d| format::date_with_weekday(c, lang, d)),
                    from_today: s.date.map(|d| format::from_today(c, lang, self.today, d)),
                    rule: s.rule.rule.as_ref().map(|t| t.get(lang).to_string()),
                    cites: s.rule.cites.iter().map(|ct| format::cite(c, lang, ct)).collect(),
                    unverified: s.rule.unverified.as_ref().map(|t| t.get(lang).to_string()),
                })
                .collect(),
            risks,
            mrp_basis,
            documents: self.documents.iter().map(|d| self.document(d, lang)).collect(),
            answers: self
                .trace
                .iter()
                .map(|&(i, v)| {
                    let q = &self.topic.questions[i];
                    ReportAnswer { question: q.text.get(lang).to_string(), answer: format::answer(c, lang, q, v) }
                })
                .collect(),
            sources: self.sources(lang),
            law_as_of: ui.law_as_of.fill(lang, &[("date", &date(self.topic.as_of))]),
            today: ui.today_is.fill(lang, &[("date", &date(self.today))]),
            warnings,
        }
    }

    /// A document in every language (the user may file it in Kazakh or Russian whatever
    /// language they read in), with its blanks labelled in the reading language.
    fn document(&self, d: &DocumentRule, lang: Lang) -> ReportDocument {
        let (answers, lets) = (&self.answers, &self.let_values);
        let versions = Lang::ALL
            .iter()
            .zip(&d.body)
            .map(|(&doc_lang, pieces)| DocumentVersion {
                lang: doc_lang.code(),
                title: d.title.get(doc_lang).to_string(),
                note: d.note.as_ref().filter(|_| doc_lang == Lang::En).map(|n| n.get(lang).to_string()),
                pieces: kept_lines(pieces, lets)
                    .map(|p| {
                        let value = |v: Option<Value>, q: Option<usize>| match v {
                            Some(Value::Date(date)) => DocPiece::Text(format::date(self.catalog, doc_lang, date)),
                            Some(v) => match q {
                                Some(q) => {
                                    DocPiece::Text(format::answer(self.catalog, doc_lang, &self.topic.questions[q], v))
                                }
                                None => DocPiece::Text(format::answer_input_value(v)),
                            },
                            None => DocPiece::Blank,
                        };
                        match &*p {
                            Piece::Text(t) => DocPiece::Text(t.clone()),
                            Piece::Answer(q) => value(answers.get(*q as usize).copied().flatten(), Some(*q as usize)),
                            Piece::Let(i) => value(lets.get(*i as usize).copied().flatten(), None),
                            Piece::Field(f) => DocPiece::Field(*f as usize),
                            Piece::If(_) => DocPiece::Text(String::new()), // dropped by kept_lines
                        }
                    })
                    .collect(),
            })
            .collect();
        ReportDocument {
            id: d.id.clone(),
            title: d.title.get(lang).to_string(),
            fields: d
                .fields
                .iter()
                .map(|f| ReportField { id: f.id.clone(), label: f.label.get(lang).to_string() })
                .collect(),
            versions,
        }
    }

    /// The cited sources, each once, with the articles cited from it.
    fn sources(&self, lang: Lang) -> Vec<ReportSource> {
        let mut out: Vec<(u16, ReportSource)> = Vec::new();
        for cite in self.cites() {
            // A source cited as a whole lists no article.
            let article = Some(format::article(self.catalog, lang, cite)).filter(|a| !a.is_empty());
            match out.iter_mut().find(|(s, _)| *s == cite.source) {
                Some((_, entry)) => entry.articles.extend(article),
                None => {
                    let source = &self.catalog.sources[cite.source as usize];
                    out.push((
                        cite.source,
                        ReportSource {
                            title: source.title.get(lang).to_string(),
                            url: source.url.clone(),
                            secondary: source.kind == SourceKind::Secondary,
                            articles: article.into_iter().collect(),
                        },
                    ))
                }
            }
        }
        out.into_iter().map(|(_, s)| s).collect()
    }
}

/// An outcome in one language, ready to show or print.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "compiler", derive(serde::Serialize))]
pub struct Report {
    pub topic: String,
    pub outcome: String,
    pub verdict: &'static str,
    pub verdict_label: String,
    pub title: String,
    pub summary: String,
    pub unverified: Option<String>,
    pub steps: Vec<ReportStep>,
    pub risks: Vec<ReportRisk>,
    /// Which MRP the fines were converted with, and from which source.
    pub mrp_basis: Option<String>,
    pub documents: Vec<ReportDocument>,
    pub answers: Vec<ReportAnswer>,
    pub sources: Vec<ReportSource>,
    pub law_as_of: String,
    pub today: String,
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "compiler", derive(serde::Serialize))]
pub struct ReportStep {
    pub text: String,
    pub date_id: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub date_text: Option<String>,
    /// How far the date is from today: "in 12 days", "today", "3 days ago".
    pub from_today: Option<String>,
    /// How the date is counted, in plain words.
    pub rule: Option<String>,
    pub cites: Vec<String>,
    pub unverified: Option<String>,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "compiler", derive(serde::Serialize))]
pub struct ReportRisk {
    pub text: String,
    pub fine_mrp: Option<u32>,
    pub fine_tenge: Option<u64>,
    /// "30 MRP = 129,750 tenge".
    pub fine: Option<String>,
    pub cites: Vec<String>,
    pub unverified: Option<String>,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "compiler", derive(serde::Serialize))]
pub struct ReportDocument {
    pub id: String,
    /// In the reading language.
    pub title: String,
    /// The blanks, labelled in the reading language.
    pub fields: Vec<ReportField>,
    /// The document in kk, ru and en.
    pub versions: Vec<DocumentVersion>,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "compiler", derive(serde::Serialize))]
pub struct ReportField {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "compiler", derive(serde::Serialize))]
pub struct DocumentVersion {
    pub lang: &'static str,
    pub title: String,
    /// For the English version: a translation for reading, not for filing.
    pub note: Option<String>,
    pub pieces: Vec<DocPiece>,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "compiler", derive(serde::Serialize))]
pub enum DocPiece {
    Text(String),
    /// The user's blank with this index in `fields`.
    Field(usize),
    /// An answer this path did not ask: left blank, to fill in by hand.
    Blank,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "compiler", derive(serde::Serialize))]
pub struct ReportAnswer {
    pub question: String,
    pub answer: String,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "compiler", derive(serde::Serialize))]
pub struct ReportSource {
    pub title: String,
    pub url: Option<String>,
    /// Not a law's text: facts resting on it are not verified.
    pub secondary: bool,
    pub articles: Vec<String>,
}

/// The pieces of a document body without the lines whose `{?condition}` does not hold (an
/// unknown condition counts as false): the condition drops everything up to its line's end.
fn kept_lines<'p>(pieces: &'p [Piece], lets: &'p [Option<Value>]) -> impl Iterator<Item = Cow<'p, Piece>> {
    let mut dropping = false;
    pieces.iter().filter_map(move |piece| {
        if let Piece::If(i) = piece {
            dropping = lets.get(*i as usize).copied().flatten() != Some(Value::Bool(true));
            return None;
        }
        if !dropping {
            return Some(Cow::Borrowed(piece));
        }
        match piece {
            Piece::Text(t) => t.find('\n').map(|n| {
                dropping = false;
                Cow::Owned(Piece::Text(t[n + 1..].to_string()))
            }),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_false_condition_drops_the_rest_of_its_line_only() {
        let text = |s: &str| Piece::Text(s.to_string());
        // {?0}A [blank]\n{?1}B\nC — condition 0 false, condition 1 true.
        let pieces = [Piece::If(0), text("A "), Piece::Field(0), text(".\n"), Piece::If(1), text("B\nC")];
        let lets = [Some(Value::Bool(false)), Some(Value::Bool(true))];
        let kept: Vec<Piece> = kept_lines(&pieces, &lets).map(Cow::into_owned).collect();
        assert_eq!(kept, [text(""), text("B\nC")]);
        // An unknown condition (say, a missing answer) counts as false.
        let kept: Vec<Piece> = kept_lines(&pieces, &[None, None]).map(Cow::into_owned).collect();
        assert_eq!(kept, [text(""), text("C")]);
    }
}
