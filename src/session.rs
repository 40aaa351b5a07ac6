//! The engine: a session walks one topic with the user's answers and a given "today".
//!
//! The path is derived, never stored: walking the questions in order, a question is on
//! the path when its guard holds over the answers given to the questions before it on
//! the path. Answers to questions that fall off the path are kept (so Back and a changed
//! mind never lose anything) but are not read until their question is on the path again.

use chrono::NaiveDate;

use crate::catalog::{Catalog, Kind, Question, Topic};
use crate::day;
use crate::expr::{Env, EvalError, Value};
use crate::outcome::Outcome;
use crate::text::Text;

#[derive(Clone, Debug)]
pub struct Session<'c> {
    catalog: &'c Catalog,
    topic: &'c Topic,
    today: NaiveDate,
    /// Every answer ever given, by question index.
    answers: Vec<Option<Value>>,
    /// Which screen of the path is shown: `path.len()` means the outcome.
    cursor: usize,
}

/// What the user sees next.
#[derive(Debug)]
pub enum Screen<'c> {
    Question {
        question: &'c Question,
        /// 1-based position on the path.
        position: usize,
        /// The most questions this path can still have, counting this one and those before it.
        total_max: usize,
        /// The answer given earlier, if the user came back to this question.
        answer: Option<Value>,
    },
    Outcome(Outcome<'c>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EngineError {
    /// A guard read an answer that does not exist on this path; the checker rules this out.
    Eval { rule: String, error: EvalError },
    /// No outcome's guard held, or more than one did; the checker rules this out too.
    Outcomes { topic: String, matched: Vec<String> },
}

/// Why an answer was not accepted, to show next to the question.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerError<'c> {
    /// The input does not parse as this kind of answer, or is out of range.
    Malformed,
    /// The question's own check failed; show this message.
    Check(&'c Text),
}

struct Walk {
    path: Vec<usize>,
    live: Vec<Option<Value>>,
    complete: bool,
}

impl<'c> Session<'c> {
    pub fn new(catalog: &'c Catalog, topic: &'c Topic, today: NaiveDate) -> Self {
        Session { catalog, topic, today, answers: vec![None; topic.questions.len()], cursor: 0 }
    }

    pub fn topic(&self) -> &'c Topic {
        self.topic
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    fn env<'a>(&'a self, live: &'a [Option<Value>]) -> Env<'a> {
        Env::new(live, &self.topic.lets, self.today, &self.catalog.calendar)
    }

    fn walk(&self) -> Result<Walk, EngineError> {
        let mut live = vec![None; self.answers.len()];
        let mut path = Vec::new();
        for (i, q) in self.topic.questions.iter().enumerate() {
            let asked = match &q.when {
                None => true,
                Some(guard) => {
                    self.env(&live).truth(guard).map_err(|error| EngineError::Eval { rule: q.id.clone(), error })?
                }
            };
            if asked {
                path.push(i);
                match self.answers[i] {
                    Some(v) => live[i] = Some(v),
                    None => return Ok(Walk { path, live, complete: false }),
                }
            }
        }
        Ok(Walk { path, live, complete: true })
    }

    /// Which position on the path is on screen, or `None` when the outcome is.
    fn shown(&self, walk: &Walk) -> Option<usize> {
        if self.cursor >= walk.path.len() && walk.complete {
            None
        } else {
            Some(self.cursor.min(walk.path.len() - 1))
        }
    }

    pub fn screen(&self) -> Result<Screen<'c>, EngineError> {
        let walk = self.walk()?;
        let Some(position) = self.shown(&walk) else {
            return Outcome::resolve(self.catalog, self.topic, &walk.live, self.today).map(Screen::Outcome);
        };
        let index = walk.path[position];
        let last = *walk.path.last().unwrap_or(&index);
        // Later questions that might still be asked: guard true, or not decidable yet.
        let env = self.env(&walk.live);
        let maybe_later = self.topic.questions[last + 1..]
            .iter()
            .filter(|q| q.when.as_ref().map_or(true, |g| env.truth(g).unwrap_or(true)))
            .count();
        Ok(Screen::Question {
            question: &self.topic.questions[index],
            position: position + 1,
            total_max: walk.path.len() + if walk.complete { 0 } else { maybe_later },
            answer: self.answers[index],
        })
    }

    /// The answers on the current path, in order: the "why" of an outcome.
    pub fn live_answers(&self) -> Result<Vec<(usize, Value)>, EngineError> {
        let walk = self.walk()?;
        Ok(walk.path.iter().filter_map(|&i| walk.live[i].map(|v| (i, v))).collect())
    }

    /// Every answer given so far, on the path or not (for keeping a language switch lossless).
    pub fn all_answers(&self) -> &[Option<Value>] {
        &self.answers
    }

    /// Parses the user's input for the question on screen and answers it.
    pub fn answer_input(&mut self, input: &str) -> Result<(), AnswerError<'c>> {
        let question = self.current_question().ok_or(AnswerError::Malformed)?;
        let value = parse_answer(question, input).ok_or(AnswerError::Malformed)?;
        self.answer(value)
    }

    /// Answers the question on screen and moves to the next screen.
    pub fn answer(&mut self, value: Value) -> Result<(), AnswerError<'c>> {
        let walk = self.walk().map_err(|_| AnswerError::Malformed)?;
        let position = self.shown(&walk).ok_or(AnswerError::Malformed)?;
        let index = walk.path[position];
        let question = &self.topic.questions[index];
        if !fits(question, value) {
            return Err(AnswerError::Malformed);
        }
        if let Some(check) = &question.check {
            let mut live = walk.live.clone();
            live[index] = Some(value);
            if !self.env(&live).truth(&check.expr).unwrap_or(false) {
                return Err(AnswerError::Check(&check.message));
            }
        }
        self.answers[index] = Some(value);
        self.cursor = position + 1;
        Ok(())
    }

    fn current_question(&self) -> Option<&'c Question> {
        match self.screen().ok()? {
            Screen::Question { question, .. } => Some(question),
            Screen::Outcome(_) => None,
        }
    }

    /// Goes back one screen; every answer is kept.
    pub fn back(&mut self) {
        if let Ok(walk) = self.walk() {
            self.cursor = self.cursor.min(walk.path.len());
        }
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn can_go_back(&self) -> bool {
        self.cursor > 0
    }

    /// The same answers under another "today" (a trainer's date control): the path and the
    /// outcome follow the new date; the screen stays where it was, or the last one still there.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = today;
        if let Ok(walk) = self.walk() {
            self.cursor = self.cursor.min(walk.path.len());
        }
    }

    /// The questions on the path so far (by index, the one awaiting an answer last) and the
    /// question on screen (`None`: the outcome). What a trainer's map highlights.
    pub fn path(&self) -> Result<(Vec<usize>, Option<usize>), EngineError> {
        let walk = self.walk()?;
        let shown = self.shown(&walk).map(|p| walk.path[p]);
        Ok((walk.path, shown))
    }

    /// Shows a question (a trainer's jump). If it is not on the path, `route` (answers that
    /// lead there, from the topic's map) is given first, other answers kept. Returns whether
    /// the question is now on screen; if not (another "today" decides), the furthest screen is.
    pub fn go_to(&mut self, question: usize, route: &[(u16, Value)]) -> bool {
        let position = |s: &Self| s.walk().ok().and_then(|w| w.path.iter().position(|&q| q == question));
        if position(self).is_none() {
            for &(q, v) in route {
                if let Some(answer) = self.answers.get_mut(q as usize) {
                    *answer = Some(v);
                }
            }
        }
        let found = position(self);
        self.cursor = found.unwrap_or(usize::MAX);
        found.is_some()
    }

    /// This session with one answer changed, showing the furthest screen it reaches (the
    /// outcome, or the first question that is now unanswered): a trainer's "what if".
    pub fn with_answer(&self, question: usize, value: Value) -> Result<Session<'c>, AnswerError<'c>> {
        let q = self.topic.questions.get(question).ok_or(AnswerError::Malformed)?;
        if !fits(q, value) {
            return Err(AnswerError::Malformed);
        }
        let mut other = self.clone();
        other.answers[question] = Some(value);
        other.cursor = usize::MAX;
        if let Some(check) = &q.check {
            let walk = other.walk().map_err(|_| AnswerError::Malformed)?;
            if !other.env(&walk.live).truth(&check.expr).unwrap_or(false) {
                return Err(AnswerError::Check(&check.message));
            }
        }
        Ok(other)
    }

    /// Forgets every answer and returns to the first question.
    pub fn restart(&mut self) {
        self.answers.iter_mut().for_each(|a| *a = None);
        self.cursor = 0;
    }

    /// Replays answers given as `question id → input` (scenario files, the CLI), in path order.
    pub fn replay<'a>(
        &mut self,
        answers: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
    ) -> Result<(), ReplayError> {
        loop {
            let question = match self.screen() {
                Ok(Screen::Question { question, .. }) => question,
                Ok(Screen::Outcome(_)) => return Ok(()),
                Err(e) => return Err(ReplayError::Engine(e)),
            };
            let Some((_, input)) = answers.clone().into_iter().find(|(id, _)| *id == question.id) else {
                return Err(ReplayError::Unanswered(question.id.clone()));
            };
            match self.answer_input(input) {
                Ok(()) => {}
                Err(AnswerError::Malformed) => return Err(ReplayError::Rejected(question.id.clone(), None)),
                Err(AnswerError::Check(message)) => {
                    return Err(ReplayError::Rejected(question.id.clone(), Some(message.en.clone())))
                }
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplayError {
    Engine(EngineError),
    /// The path reached this question and no answer was given for it.
    Unanswered(String),
    /// The answer for this question was refused (and the check's message, if any).
    Rejected(String, Option<String>),
}

impl std::fmt::Display for ReplayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReplayError::Engine(e) => write!(f, "engine error: {e:?}"),
            ReplayError::Unanswered(q) => write!(f, "the path asks `{q}` but no answer was given for it"),
            ReplayError::Rejected(q, None) => write!(f, "the answer for `{q}` is not a valid answer to that question"),
            ReplayError::Rejected(q, Some(m)) => write!(f, "the answer for `{q}` was refused: {m}"),
        }
    }
}

/// Parses the text form of an answer: `yes`/`no`, an option id, `YYYY-MM-DD`, `HH:MM`, an integer.
pub fn parse_answer(question: &Question, input: &str) -> Option<Value> {
    let input = input.trim();
    let value = match &question.kind {
        Kind::YesNo => match input {
            "yes" => Value::Bool(true),
            "no" => Value::Bool(false),
            _ => return None,
        },
        Kind::Choice(options) => Value::Choice(options.iter().position(|o| o.id == input)? as u16),
        Kind::Date => Value::Date(day::parse_date(input)?),
        Kind::Time => Value::Time(day::parse_time(input)?),
        Kind::Number { .. } => Value::Number(input.parse().ok()?),
    };
    fits(question, value).then_some(value)
}

/// Whether a value is of the question's kind and within its range.
fn fits(question: &Question, value: Value) -> bool {
    match (&question.kind, value) {
        (Kind::YesNo, Value::Bool(_)) | (Kind::Date, Value::Date(_)) | (Kind::Time, Value::Time(_)) => true,
        (Kind::Choice(options), Value::Choice(c)) => (c as usize) < options.len(),
        (Kind::Number { min, max }, Value::Number(n)) => (*min..=*max).contains(&n),
        _ => false,
    }
}
