//! The path checker: walks every path through a topic with the real engine and proves
//! that each ends in exactly one outcome, that every question and outcome is reached, and
//! that no guard reads an answer that does not exist on the path.
//!
//! Yes/no and choice questions branch on every answer. Dates, times and numbers branch on
//! representative values: the domain is scanned and, for every comparison that reads the
//! question (directly or through a `[let]`), each value where some comparison changes its
//! truth is kept together with its neighbour. Dates are scanned three years either side of
//! the reference "today" (the topic's `as_of`), plus every date literal ±1 day.
//!
//! An outcome that only "today" decides (a yearly deadline: before or after 31 March) may not
//! be reached with "today" at `as_of`. Then the walk is repeated with "today" at each date the
//! rules name, in its own year and moved into the reference year, and the day after, until
//! every question and outcome is reached; each walk must still end every path in one outcome.

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

use chrono::{Datelike, Duration, NaiveDate};

use crate::catalog::{Catalog, Kind, Topic, TopicMap};
use crate::expr::{Env, EvalError, Expr, Value};
use crate::format;
use crate::session::{AnswerError, EngineError, Screen, Session};

use super::diag::Diagnostic;

/// Where a topic's parts are written, for pointing at them.
#[derive(Clone, Debug, Default)]
pub struct TopicSpans {
    pub file: String,
    pub id: Range<usize>,
    pub question_ids: Vec<Range<usize>>,
    pub question_when: Vec<Option<Range<usize>>>,
    pub outcome_ids: Vec<Range<usize>>,
    pub outcome_when: Vec<Range<usize>>,
}

/// One complete path: the answers in order and the outcome it ends in.
#[derive(Clone, Debug)]
pub struct Path {
    pub answers: Vec<(usize, Value)>,
    pub outcome: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    /// The guard of this question (`Some`) or outcome (`None`, by id) read a missing answer.
    Missing {
        rule: String,
        question: usize,
    },
    NoOutcome,
    SeveralOutcomes(Vec<String>),
    TooManyPaths,
}

pub struct Walked {
    pub paths: Vec<Path>,
    /// Each distinct problem with the first answers that showed it.
    pub problems: Vec<(Problem, Vec<(usize, Value)>)>,
    pub questions_reached: BTreeSet<usize>,
}

const MAX_PATHS: usize = 200_000;
const DATE_WINDOW_DAYS: i64 = 3 * 366;

/// Every path through `topic`, with "today" at `today`.
pub fn walk(catalog: &Catalog, topic: &Topic, today: NaiveDate) -> Walked {
    let atoms = Atoms::new(topic);
    let mut w = Walker {
        catalog,
        topic,
        atoms,
        today,
        out: Walked { paths: Vec::new(), problems: Vec::new(), questions_reached: BTreeSet::new() },
        seen: HashSet::new(),
    };
    w.visit(Session::new(catalog, topic, today));
    w.out
}

/// Walks every path (again with other "todays" if some outcome is not reached, see the module
/// comment) and turns what it finds into diagnostics.
pub fn check_topic(catalog: &Catalog, topic: &Topic, spans: &TopicSpans) -> Report {
    let mut walked = walk(catalog, topic, topic.as_of);
    let mut reached: BTreeSet<usize> = walked.paths.iter().map(|p| p.outcome).collect();
    let all_reached = |w: &Walked, r: &BTreeSet<usize>| {
        r.len() == topic.outcomes.len() && w.questions_reached.len() == topic.questions.len()
    };
    for today in other_todays(topic) {
        if !walked.problems.is_empty() || all_reached(&walked, &reached) {
            break;
        }
        let again = walk(catalog, topic, today);
        reached.extend(again.paths.iter().map(|p| p.outcome));
        walked.paths.extend(again.paths);
        walked.questions_reached.extend(again.questions_reached);
        walked.problems.extend(again.problems);
    }
    let mut diagnostics = Vec::new();
    let file = spans.file.as_str();
    let answers_text = |answers: &[(usize, Value)]| {
        if answers.is_empty() {
            return "before any answer".to_string();
        }
        let parts: Vec<String> = answers
            .iter()
            .map(|&(i, v)| format!("{} = {}", topic.questions[i].id, format::answer_input(&topic.questions[i], v)))
            .collect();
        format!("with {}", parts.join(", "))
    };
    let outcome_index = |id: &str| topic.outcomes.iter().position(|o| o.id == id);
    for (problem, answers) in &walked.problems {
        let with = answers_text(answers);
        let (span, message) = match problem {
            Problem::Missing { rule, question } => {
                let q = &topic.questions[*question].id;
                let span = match (topic.question_index(rule), outcome_index(rule)) {
                    (Some(i), _) => spans.question_when[i].clone().unwrap_or(spans.question_ids[i].clone()),
                    (None, Some(o)) => spans.outcome_when[o].clone(),
                    _ => spans.id.clone(),
                };
                (span, format!("this reads the answer to `{q}`, which is not given on the path {with}"))
            }
            Problem::NoOutcome => (spans.id.clone(), format!("no outcome matches the path {with}")),
            Problem::SeveralOutcomes(ids) => {
                let span = outcome_index(&ids[1]).map_or(spans.id.clone(), |o| spans.outcome_when[o].clone());
                let names: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
                let all = if names.len() == 2 { "both" } else { "all" };
                (span, format!("outcomes {} {all} match the path {with}; exactly one must", names.join(" and ")))
            }
            Problem::TooManyPaths => (
                spans.id.clone(),
                format!("this topic has more than {MAX_PATHS} paths; split it or narrow its questions"),
            ),
        };
        diagnostics.push(Diagnostic::new(file, span, message));
    }
    if walked.problems.is_empty() {
        for (i, q) in topic.questions.iter().enumerate() {
            if !walked.questions_reached.contains(&i) {
                let message = format!("no combination of answers reaches the question `{}`", q.id);
                diagnostics.push(Diagnostic::new(file, spans.question_ids[i].clone(), message));
            }
        }
        for (i, o) in topic.outcomes.iter().enumerate() {
            if !reached.contains(&i) {
                let message = format!("no combination of answers reaches the outcome `{}`", o.id);
                diagnostics.push(Diagnostic::new(file, spans.outcome_ids[i].clone(), message));
            }
        }
    }
    Report { paths: walked.paths, diagnostics }
}

/// The trainers' map of a topic, from its walked paths (see [`TopicMap`]).
pub fn map(topic: &Topic, paths: &[Path]) -> TopicMap {
    let questions = topic.questions.len();
    let mut edges = BTreeSet::new();
    let mut routes: Vec<Option<Vec<(u16, Value)>>> = vec![None; questions];
    for path in paths {
        let nodes = path.answers.iter().map(|&(q, _)| q).chain([questions + path.outcome]);
        let mut from = None;
        for (step, to) in nodes.enumerate() {
            if let Some(from) = from {
                edges.insert((from as u16, to as u16));
            }
            from = Some(to);
            if to < questions && routes[to].as_ref().map_or(true, |r| r.len() > step) {
                routes[to] = Some(path.answers[..step].iter().map(|&(q, v)| (q as u16, v)).collect());
            }
        }
    }
    TopicMap { edges: edges.into_iter().collect(), routes }
}

/// The "todays" to walk again with: each date literal of the topic, in its own year and in
/// the reference year, and the day after each.
fn other_todays(topic: &Topic) -> Vec<NaiveDate> {
    let mut literals = BTreeSet::new();
    let mut collect = |e: &Expr| {
        e.walk(&mut |n| {
            if let Expr::Lit(Value::Date(d)) = n {
                literals.insert(*d);
            }
        })
    };
    topic.lets.iter().for_each(|l| collect(&l.expr));
    topic.questions.iter().filter_map(|q| q.when.as_ref()).for_each(&mut collect);
    topic.outcomes.iter().for_each(|o| collect(&o.when));
    let year = topic.as_of.year();
    let mut days = BTreeSet::new();
    for d in literals {
        for day in [Some(d), d.with_year(year)].into_iter().flatten() {
            days.extend([day, day + Duration::days(1)]);
        }
    }
    days.remove(&topic.as_of);
    days.into_iter().collect()
}

pub struct Report {
    pub paths: Vec<Path>,
    pub diagnostics: Vec<Diagnostic>,
}

struct Walker<'c> {
    catalog: &'c Catalog,
    topic: &'c Topic,
    atoms: Atoms,
    today: NaiveDate,
    out: Walked,
    seen: HashSet<Problem>,
}

impl<'c> Walker<'c> {
    fn problem(&mut self, problem: Problem, session: &Session) {
        if self.seen.insert(problem.clone()) {
            let answers = session.live_answers().unwrap_or_default();
            self.out.problems.push((problem, answers));
        }
    }

    fn visit(&mut self, session: Session<'c>) {
        if self.out.paths.len() >= MAX_PATHS {
            return self.problem(Problem::TooManyPaths, &session);
        }
        match session.screen() {
            Ok(Screen::Outcome(outcome)) => {
                let index = self.topic.outcomes.iter().position(|o| o.id == outcome.rule.id).unwrap_or(0);
                let answers = session.live_answers().unwrap_or_default();
                self.out.paths.push(Path { answers, outcome: index });
            }
            Ok(Screen::Question { question, .. }) => {
                let index = self.topic.question_index(&question.id).unwrap_or(0);
                self.out.questions_reached.insert(index);
                for value in self.candidates(&session, index) {
                    let mut next = session.clone();
                    match next.answer(value) {
                        Ok(()) => self.visit(next),
                        // A refused answer is not a path: the user is told what to fix.
                        Err(AnswerError::Check(_) | AnswerError::Malformed) => {}
                    }
                }
            }
            Err(EngineError::Eval { rule, error: EvalError::Missing(q) }) => {
                self.problem(Problem::Missing { rule, question: q as usize }, &session)
            }
            Err(EngineError::Eval { rule, .. }) => {
                // Type errors and date overflow: report as reading a missing value of the rule itself.
                self.problem(Problem::Missing { rule, question: 0 }, &session)
            }
            Err(EngineError::Outcomes { matched, .. }) if matched.is_empty() => {
                self.problem(Problem::NoOutcome, &session)
            }
            Err(EngineError::Outcomes { matched, .. }) => self.problem(Problem::SeveralOutcomes(matched), &session),
        }
    }

    /// The answers to try for question `index` after the answers given so far.
    fn candidates(&self, session: &Session, index: usize) -> Vec<Value> {
        let q = &self.topic.questions[index];
        let domain: Vec<Value> = match &q.kind {
            Kind::YesNo => return vec![Value::Bool(true), Value::Bool(false)],
            Kind::Choice(options) => return (0..options.len() as u16).map(Value::Choice).collect(),
            Kind::Time => (0..24 * 60).map(Value::Time).collect(),
            Kind::Number { min, max } if max - min <= 20_000 => (*min..=*max).map(Value::Number).collect(),
            Kind::Number { min, max } => vec![Value::Number(*min), Value::Number(*max)],
            Kind::Date => {
                let start = self.today - Duration::days(DATE_WINDOW_DAYS);
                (0..=2 * DATE_WINDOW_DAYS).map(|i| Value::Date(start + Duration::days(i))).collect()
            }
        };
        let mut live = vec![None; self.topic.questions.len()];
        for (i, v) in session.live_answers().unwrap_or_default() {
            live[i] = Some(v);
        }
        let atoms = self.atoms.reading(index);
        let mut keep: BTreeSet<Value> = BTreeSet::new();
        let mut previous: Option<(Value, Vec<Option<bool>>)> = None;
        for &value in &domain {
            live[index] = Some(value);
            let env = Env::new(&live, &self.topic.lets, self.today, &self.catalog.calendar);
            let signature: Vec<Option<bool>> = atoms.iter().map(|a| env.truth(a).ok()).collect();
            match &previous {
                Some((prev, sig)) if *sig != signature => {
                    keep.insert(*prev);
                    keep.insert(value);
                }
                None => {
                    keep.insert(value);
                }
                _ => {}
            }
            previous = Some((value, signature));
        }
        if let Some((last, _)) = previous {
            keep.insert(last);
        }
        // Literals the scan may not cover (dates far away, numbers in a huge range), and their neighbours.
        for lit in self.atoms.literals_near(index) {
            keep.extend(neighbours(lit).into_iter().filter(|v| fits_kind(&q.kind, *v)));
        }
        keep.into_iter().collect()
    }
}

fn neighbours(v: Value) -> Vec<Value> {
    match v {
        Value::Date(d) => {
            [-1, 0, 1].iter().filter_map(|&n| d.checked_add_signed(Duration::days(n))).map(Value::Date).collect()
        }
        Value::Number(n) => vec![Value::Number(n - 1), Value::Number(n), Value::Number(n + 1)],
        Value::Time(t) => [t.saturating_sub(1), t, (t + 1).min(24 * 60 - 1)].into_iter().map(Value::Time).collect(),
        other => vec![other],
    }
}

fn fits_kind(kind: &Kind, v: Value) -> bool {
    match (kind, v) {
        (Kind::Date, Value::Date(_)) | (Kind::Time, Value::Time(_)) => true,
        (Kind::Number { min, max }, Value::Number(n)) => (*min..=*max).contains(&n),
        _ => false,
    }
}

/// The comparisons of a topic, and which questions each one reads.
struct Atoms {
    atoms: Vec<(Expr, BTreeSet<usize>)>,
}

impl Atoms {
    fn new(topic: &Topic) -> Atoms {
        let let_reads: Vec<BTreeSet<usize>> =
            (0..topic.lets.len()).map(|i| reads_of(topic, &Expr::Let(i as u16), 0)).collect();
        let mut exprs: Vec<&Expr> = Vec::new();
        exprs.extend(topic.questions.iter().filter_map(|q| q.when.as_ref()));
        exprs.extend(topic.questions.iter().filter_map(|q| q.check.as_ref().map(|c| &c.expr)));
        exprs.extend(topic.lets.iter().map(|l| &l.expr));
        exprs.extend(topic.risks.iter().filter_map(|k| k.when.as_ref()));
        for o in &topic.outcomes {
            exprs.push(&o.when);
            exprs.extend(o.steps.iter().filter_map(|s| s.when.as_ref()));
        }
        let mut atoms: Vec<(Expr, BTreeSet<usize>)> = Vec::new();
        for e in exprs {
            e.walk(&mut |node| {
                if matches!(node, Expr::Cmp(..) | Expr::In(..)) && !atoms.iter().any(|(a, _)| a == node) {
                    let mut reads = BTreeSet::new();
                    node.walk(&mut |n| match n {
                        Expr::Answer(q) => {
                            reads.insert(*q as usize);
                        }
                        Expr::Let(l) => reads.extend(let_reads[*l as usize].iter().copied()),
                        _ => {}
                    });
                    atoms.push((node.clone(), reads));
                }
            });
        }
        Atoms { atoms }
    }

    fn reading(&self, question: usize) -> Vec<&Expr> {
        self.atoms.iter().filter(|(_, r)| r.contains(&question)).map(|(a, _)| a).collect()
    }

    fn literals_near(&self, question: usize) -> Vec<Value> {
        let mut out = Vec::new();
        for atom in self.reading(question) {
            atom.walk(&mut |n| {
                if let Expr::Lit(v @ (Value::Date(_) | Value::Number(_) | Value::Time(_))) = n {
                    out.push(*v);
                }
            });
        }
        out
    }
}

fn reads_of(topic: &Topic, expr: &Expr, depth: usize) -> BTreeSet<usize> {
    let mut reads = BTreeSet::new();
    if depth > topic.lets.len() {
        return reads; // a cycle; the resolver reports it
    }
    expr.walk(&mut |n| match n {
        Expr::Answer(q) => {
            reads.insert(*q as usize);
        }
        Expr::Let(l) => reads.extend(reads_of(topic, &topic.lets[*l as usize].expr, depth + 1)),
        _ => {}
    });
    reads
}
