//! Guards and named values: the small expression language of the rules, after compilation.
//!
//! Source form (see `rules/README.md`): `citizen and age >= 18`, `place in [square, street]`,
//! `today <= working-days(event-date, -5)`, `minutes(start, end) > 120`. The compiler resolves
//! names to indices and checks types, so evaluation here cannot meet an unknown name; it can
//! only meet an answer that does not exist yet, which it reports instead of guessing.

use std::cell::Cell;

use chrono::{Datelike, Duration, NaiveDate};

use crate::calendar::Calendar;
use crate::catalog::Let;
use crate::wire_enum;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    Bool(bool),
    Number(i64),
    Date(NaiveDate),
    /// Minutes after midnight.
    Time(u16),
    /// Index of the chosen option of a single-choice question.
    Choice(u16),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Eq => ord == Equal,
            CmpOp::Ne => ord != Equal,
            CmpOp::Lt => ord == Less,
            CmpOp::Le => ord != Greater,
            CmpOp::Gt => ord == Greater,
            CmpOp::Ge => ord != Less,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    /// `working-days(date, n)`: the n-th working day after (n > 0) or before (n < 0) the date.
    WorkingDays,
    /// `days(date, n)`: n calendar days after (or before) the date.
    Days,
    /// `minutes(from, to)`: minutes from one time of day to another.
    Minutes,
    /// `in-year(date, day)`: the month and day of `day` in the year of `date` (29 February
    /// becomes 28 February in a common year): a yearly deadline such as 31 March.
    InYear,
    /// `years(date, n)`: the same day n years later (or earlier); 29 February becomes 28 February.
    Years,
    /// `months(date, n)`: the same day n months later (or earlier), or the month's last day if it
    /// has no such day (31 January + 1 month = 28 or 29 February): how a period in months ends.
    Months,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Lit(Value),
    Today,
    /// The answer to the question with this index in its topic.
    Answer(u16),
    /// The named expression (`[let]`) with this index in its topic.
    Let(u16),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// The choice answer is one of these options.
    In(Box<Expr>, Vec<u16>),
    Call(Func, Vec<Expr>),
}

wire_enum!(Value { 0 Bool(b), 1 Number(n), 2 Date(d), 3 Time(t), 4 Choice(c) });
wire_enum!(CmpOp { 0 Eq, 1 Ne, 2 Lt, 3 Le, 4 Gt, 5 Ge });
wire_enum!(Func { 0 WorkingDays, 1 Days, 2 Minutes, 3 InYear, 4 Years, 5 Months });
wire_enum!(Expr {
    0 Lit(v), 1 Today, 2 Answer(q), 3 Let(i), 4 Not(e), 5 And(a, b), 6 Or(a, b),
    7 Cmp(op, a, b), 8 In(e, options), 9 Call(f, args),
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvalError {
    /// The expression read the answer to this question, which was not given on this path.
    Missing(u16),
    /// A date computation left chrono's range.
    OutOfRange,
    /// Operand types did not fit; the checker rules this out for compiled catalogs.
    Type,
}

/// Everything an expression may read. `calendar_unverified` is set when a working-day
/// count crossed a year the calendar was not verified for.
pub struct Env<'a> {
    pub answers: &'a [Option<Value>],
    pub lets: &'a [Let],
    pub today: NaiveDate,
    pub calendar: &'a Calendar,
    pub calendar_unverified: Cell<bool>,
}

impl<'a> Env<'a> {
    pub fn new(answers: &'a [Option<Value>], lets: &'a [Let], today: NaiveDate, calendar: &'a Calendar) -> Self {
        Env { answers, lets, today, calendar, calendar_unverified: Cell::new(false) }
    }

    pub fn eval(&self, expr: &Expr) -> Result<Value, EvalError> {
        Ok(match expr {
            Expr::Lit(v) => *v,
            Expr::Today => Value::Date(self.today),
            Expr::Answer(q) => self.answers.get(*q as usize).copied().flatten().ok_or(EvalError::Missing(*q))?,
            Expr::Let(i) => self.eval(&self.lets.get(*i as usize).ok_or(EvalError::Type)?.expr)?,
            Expr::Not(e) => Value::Bool(!self.truth(e)?),
            Expr::And(a, b) => Value::Bool(self.truth(a)? && self.truth(b)?),
            Expr::Or(a, b) => Value::Bool(self.truth(a)? || self.truth(b)?),
            Expr::Cmp(op, a, b) => {
                let (a, b) = (self.eval(a)?, self.eval(b)?);
                if std::mem::discriminant(&a) != std::mem::discriminant(&b) {
                    return Err(EvalError::Type);
                }
                Value::Bool(op.holds(a.cmp(&b)))
            }
            Expr::In(e, options) => match self.eval(e)? {
                Value::Choice(c) => Value::Bool(options.contains(&c)),
                _ => return Err(EvalError::Type),
            },
            Expr::Call(f, args) => self.call(*f, args)?,
        })
    }

    pub fn truth(&self, expr: &Expr) -> Result<bool, EvalError> {
        match self.eval(expr)? {
            Value::Bool(b) => Ok(b),
            _ => Err(EvalError::Type),
        }
    }

    fn call(&self, f: Func, args: &[Expr]) -> Result<Value, EvalError> {
        let arg = |i: usize| self.eval(args.get(i).ok_or(EvalError::Type)?);
        match (f, arg(0)?, arg(1)?) {
            (Func::WorkingDays, Value::Date(d), Value::Number(n)) => {
                let n = i32::try_from(n).map_err(|_| EvalError::OutOfRange)?;
                let counted = self.calendar.add_working_days(d, n).ok_or(EvalError::OutOfRange)?;
                if !counted.verified {
                    self.calendar_unverified.set(true);
                }
                Ok(Value::Date(counted.date))
            }
            (Func::Days, Value::Date(d), Value::Number(n)) => {
                d.checked_add_signed(Duration::days(n)).map(Value::Date).ok_or(EvalError::OutOfRange)
            }
            (Func::Minutes, Value::Time(from), Value::Time(to)) => Ok(Value::Number(i64::from(to) - i64::from(from))),
            (Func::InYear, Value::Date(d), Value::Date(day)) => in_year(day, d.year()),
            (Func::Months, Value::Date(d), Value::Number(n)) => {
                let months = u32::try_from(n.unsigned_abs()).map_err(|_| EvalError::OutOfRange)?;
                let shifted = match n >= 0 {
                    true => d.checked_add_months(chrono::Months::new(months)),
                    false => d.checked_sub_months(chrono::Months::new(months)),
                };
                shifted.map(Value::Date).ok_or(EvalError::OutOfRange)
            }
            (Func::Years, Value::Date(d), Value::Number(n)) => {
                let year = i32::try_from(n).ok().and_then(|n| d.year().checked_add(n)).ok_or(EvalError::OutOfRange)?;
                in_year(d, year)
            }
            _ => Err(EvalError::Type),
        }
    }
}

/// `day`'s month and day in `year`; 29 February falls back to 28 February in a common year.
fn in_year(day: NaiveDate, year: i32) -> Result<Value, EvalError> {
    day.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, day.month(), day.day() - 1))
        .map(Value::Date)
        .ok_or(EvalError::OutOfRange)
}

impl Expr {
    /// Calls `visit` on this expression and every sub-expression, without entering `[let]`s.
    pub fn walk(&self, visit: &mut impl FnMut(&Expr)) {
        visit(self);
        match self {
            Expr::Not(e) | Expr::In(e, _) => e.walk(visit),
            Expr::And(a, b) | Expr::Or(a, b) | Expr::Cmp(_, a, b) => {
                a.walk(visit);
                b.walk(visit);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.walk(visit)),
            Expr::Lit(_) | Expr::Today | Expr::Answer(_) | Expr::Let(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(answers: &'a [Option<Value>], cal: &'a Calendar) -> Env<'a> {
        Env::new(answers, &[], NaiveDate::from_ymd_opt(2025, 6, 2).unwrap(), cal)
    }

    #[test]
    fn short_circuit_does_not_read_missing_answers() {
        let cal = Calendar::default();
        let answers = [Some(Value::Bool(false)), None];
        let e = env(&answers, &cal);
        let guard = Expr::And(Box::new(Expr::Answer(0)), Box::new(Expr::Answer(1)));
        assert_eq!(e.truth(&guard), Ok(false));
        let guard = Expr::Or(Box::new(Expr::Answer(0)), Box::new(Expr::Answer(1)));
        assert_eq!(e.truth(&guard), Err(EvalError::Missing(1)));
    }

    #[test]
    fn minutes_and_comparisons() {
        let cal = Calendar::default();
        let answers = [Some(Value::Time(9 * 60)), Some(Value::Time(11 * 60 + 1))];
        let e = env(&answers, &cal);
        let long = Expr::Cmp(
            CmpOp::Gt,
            Box::new(Expr::Call(Func::Minutes, vec![Expr::Answer(0), Expr::Answer(1)])),
            Box::new(Expr::Lit(Value::Number(120))),
        );
        assert_eq!(e.truth(&long), Ok(true));
        let mismatched = Expr::Cmp(CmpOp::Eq, Box::new(Expr::Answer(0)), Box::new(Expr::Lit(Value::Number(1))));
        assert_eq!(e.truth(&mismatched), Err(EvalError::Type));
    }

    #[test]
    fn yearly_dates_fall_back_from_29_february() {
        let cal = Calendar::default();
        let e = env(&[], &cal);
        let date = |y, m, d| Expr::Lit(Value::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap()));
        let call = |f, a, b| e.eval(&Expr::Call(f, vec![a, b]));
        let day = |y, m, d| Ok(Value::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap()));
        assert_eq!(call(Func::InYear, Expr::Today, date(2000, 3, 31)), day(2025, 3, 31));
        assert_eq!(call(Func::InYear, date(2025, 1, 1), date(2024, 2, 29)), day(2025, 2, 28));
        assert_eq!(call(Func::Years, date(2024, 2, 29), Expr::Lit(Value::Number(1))), day(2025, 2, 28));
        assert_eq!(call(Func::Years, date(2026, 3, 31), Expr::Lit(Value::Number(-1))), day(2025, 3, 31));
        assert_eq!(call(Func::Months, date(2025, 11, 30), Expr::Lit(Value::Number(3))), day(2026, 2, 28));
        assert_eq!(call(Func::Months, date(2024, 1, 31), Expr::Lit(Value::Number(1))), day(2024, 2, 29));
        assert_eq!(call(Func::Months, date(2025, 5, 15), Expr::Lit(Value::Number(-3))), day(2025, 2, 15));
    }
}
