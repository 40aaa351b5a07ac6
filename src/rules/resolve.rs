//! Name resolution and type checking: untyped expression trees become engine `Expr`s.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::catalog::Kind;
use crate::expr::{CmpOp, Expr, Func, Value};

use super::expr_syntax::{Ast, Node};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Bool,
    Number,
    Date,
    Time,
    /// An option of the choice question with this index.
    Choice(usize),
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::Bool => "a yes/no value",
            Ty::Number => "a number",
            Ty::Date => "a date",
            Ty::Time => "a time of day",
            Ty::Choice(_) => "a choice",
        }
    }

    pub fn of_kind(kind: &Kind, index: usize) -> Ty {
        match kind {
            Kind::YesNo => Ty::Bool,
            Kind::Choice(_) => Ty::Choice(index),
            Kind::Date => Ty::Date,
            Kind::Time => Ty::Time,
            Kind::Number { .. } => Ty::Number,
        }
    }
}

/// A resolved expression: its engine form, its type, and every question it reads
/// (through `[let]`s too), for the "asked before it is read" check.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub expr: Expr,
    pub ty: Ty,
    pub reads: BTreeSet<usize>,
}

pub struct QuestionInfo<'a> {
    pub id: &'a str,
    pub kind: &'a Kind,
}

pub struct LetInfo {
    pub id: String,
    pub node: Node,
    /// File offset of the expression text.
    pub base: usize,
}

#[derive(Clone)]
enum LetState {
    Todo,
    InProgress,
    Done(Ty, BTreeSet<usize>),
    Failed,
}

pub struct ResolveError {
    pub span: Range<usize>,
    pub message: String,
}

pub struct Resolver<'a> {
    pub questions: Vec<QuestionInfo<'a>>,
    pub lets: Vec<LetInfo>,
    state: Vec<LetState>,
    /// Compiled `[let]` bodies, filled as they are resolved.
    pub let_exprs: Vec<Option<Expr>>,
    pub errors: Vec<ResolveError>,
    /// The `[let]`s being resolved, outermost first, to name a cycle.
    stack: Vec<usize>,
}

impl<'a> Resolver<'a> {
    pub fn new(questions: Vec<QuestionInfo<'a>>, lets: Vec<LetInfo>) -> Self {
        let n = lets.len();
        Resolver {
            questions,
            lets,
            state: vec![LetState::Todo; n],
            let_exprs: vec![None; n],
            errors: Vec::new(),
            stack: Vec::new(),
        }
    }

    /// Resolves every `[let]`, so that unused ones are checked too.
    pub fn resolve_lets(&mut self) {
        for i in 0..self.lets.len() {
            self.resolve_let(i, None);
        }
    }

    /// The type of a resolved `[let]`, if it resolved.
    pub fn let_type(&self, i: usize) -> Option<Ty> {
        match &self.state[i] {
            LetState::Done(ty, _) => Some(*ty),
            _ => None,
        }
    }

    fn resolve_let(&mut self, i: usize, used_at: Option<Range<usize>>) -> Option<(Ty, BTreeSet<usize>)> {
        match self.state[i].clone() {
            LetState::Done(ty, reads) => Some((ty, reads)),
            LetState::Failed => None,
            LetState::InProgress => {
                let from = self.stack.iter().position(|&j| j == i).unwrap_or(0);
                let cycle: Vec<&str> =
                    self.stack[from..].iter().chain([&i]).map(|&j| self.lets[j].id.as_str()).collect();
                self.errors.push(ResolveError {
                    span: used_at.unwrap_or(self.lets[i].base..self.lets[i].base),
                    message: format!("`{}` is defined in terms of itself: {}", self.lets[i].id, cycle.join(" → ")),
                });
                None
            }
            LetState::Todo => {
                self.state[i] = LetState::InProgress;
                let node = self.lets[i].node.clone();
                let base = self.lets[i].base;
                self.stack.push(i);
                let resolved = self.resolve(&node, base);
                self.stack.pop();
                match resolved {
                    Some(r) => {
                        self.let_exprs[i] = Some(r.expr);
                        self.state[i] = LetState::Done(r.ty, r.reads.clone());
                        Some((r.ty, r.reads))
                    }
                    None => {
                        self.state[i] = LetState::Failed;
                        None
                    }
                }
            }
        }
    }

    fn error(&mut self, span: Range<usize>, message: String) -> Option<Resolved> {
        self.errors.push(ResolveError { span, message });
        None
    }

    /// Resolves an expression that must be of type `want`.
    pub fn resolve_as(&mut self, node: &Node, base: usize, want: Ty, what: &str) -> Option<Resolved> {
        let r = self.resolve(node, base)?;
        if r.ty != want {
            let span = base + node.span.start..base + node.span.end;
            return self.error(span, format!("{what} must be {}, but this is {}", want.name(), r.ty.name()));
        }
        Some(r)
    }

    pub fn resolve(&mut self, node: &Node, base: usize) -> Option<Resolved> {
        let span = base + node.span.start..base + node.span.end;
        let leaf = |expr, ty| Some(Resolved { expr, ty, reads: BTreeSet::new() });
        match &node.ast {
            Ast::Number(n) => leaf(Expr::Lit(Value::Number(*n)), Ty::Number),
            Ast::Date(d) => leaf(Expr::Lit(Value::Date(*d)), Ty::Date),
            Ast::Time(t) => leaf(Expr::Lit(Value::Time(*t)), Ty::Time),
            Ast::Bool(b) => leaf(Expr::Lit(Value::Bool(*b)), Ty::Bool),
            Ast::Today => leaf(Expr::Today, Ty::Date),
            Ast::Name(name) => self.name(name, span),
            Ast::Not(inner) => {
                let r = self.resolve_as(inner, base, Ty::Bool, "the operand of `not`")?;
                Some(Resolved { expr: Expr::Not(Box::new(r.expr)), ..r })
            }
            Ast::And(a, b) | Ast::Or(a, b) => {
                let word = if matches!(node.ast, Ast::And(..)) { "and" } else { "or" };
                let what = format!("each side of `{word}`");
                let (a, b) = (self.resolve_as(a, base, Ty::Bool, &what), self.resolve_as(b, base, Ty::Bool, &what));
                let (a, b) = (a?, b?);
                let reads = a.reads.union(&b.reads).copied().collect();
                let (x, y) = (Box::new(a.expr), Box::new(b.expr));
                let expr = if word == "and" { Expr::And(x, y) } else { Expr::Or(x, y) };
                Some(Resolved { expr, ty: Ty::Bool, reads })
            }
            Ast::Cmp(op, a, b) => self.compare(*op, a, b, base, span),
            Ast::In(a, options) => {
                let left = self.resolve(a, base)?;
                let Ty::Choice(q) = left.ty else {
                    return self.error(
                        span,
                        format!("`in` needs a choice question on its left, but this is {}", left.ty.name()),
                    );
                };
                let mut indices = Vec::new();
                for (name, s) in options {
                    indices.push(self.option(q, name, base + s.start..base + s.end)?);
                }
                Some(Resolved { expr: Expr::In(Box::new(left.expr), indices), ty: Ty::Bool, reads: left.reads })
            }
            Ast::Call(name, args) => self.call(name, args, base, span),
        }
    }

    fn name(&mut self, name: &str, span: Range<usize>) -> Option<Resolved> {
        if let Some(i) = self.questions.iter().position(|q| q.id == name) {
            let ty = Ty::of_kind(self.questions[i].kind, i);
            return Some(Resolved { expr: Expr::Answer(i as u16), ty, reads: BTreeSet::from([i]) });
        }
        if let Some(i) = self.lets.iter().position(|l| l.id == name) {
            let (ty, reads) = self.resolve_let(i, Some(span))?;
            return Some(Resolved { expr: Expr::Let(i as u16), ty, reads });
        }
        self.error(span, format!("unknown name `{name}`: no question or [let] of this topic has this id"))
    }

    fn option(&mut self, question: usize, name: &str, span: Range<usize>) -> Option<u16> {
        let Kind::Choice(options) = self.questions[question].kind else { return None };
        match options.iter().position(|o| o.id == name) {
            Some(k) => Some(k as u16),
            None => {
                let known: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                let q = self.questions[question].id;
                self.error(span, format!("`{name}` is not an option of `{q}`; its options are: {}", known.join(", ")));
                None
            }
        }
    }

    fn compare(&mut self, op: CmpOp, a: &Node, b: &Node, base: usize, span: Range<usize>) -> Option<Resolved> {
        let left = self.resolve(a, base)?;
        let right = match (&b.ast, left.ty) {
            // `place == square`: a bare name on the right of a choice is one of its options,
            // unless it names a question or a [let].
            (Ast::Name(n), Ty::Choice(q))
                if !self.questions.iter().any(|x| x.id == *n) && !self.lets.iter().any(|l| l.id == *n) =>
            {
                let k = self.option(q, n, base + b.span.start..base + b.span.end)?;
                Resolved { expr: Expr::Lit(Value::Choice(k)), ty: left.ty, reads: BTreeSet::new() }
            }
            _ => self.resolve(b, base)?,
        };
        if left.ty != right.ty {
            return self.error(span, format!("cannot compare {} with {}", left.ty.name(), right.ty.name()));
        }
        if matches!(left.ty, Ty::Bool | Ty::Choice(_)) && !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return self.error(span, format!("{} can only be compared with `==` or `!=`", left.ty.name()));
        }
        let reads = left.reads.union(&right.reads).copied().collect();
        Some(Resolved { expr: Expr::Cmp(op, Box::new(left.expr), Box::new(right.expr)), ty: Ty::Bool, reads })
    }

    fn call(&mut self, name: &str, args: &[Node], base: usize, span: Range<usize>) -> Option<Resolved> {
        let (func, params, ty) = match name {
            "working-days" => (Func::WorkingDays, [Ty::Date, Ty::Number], Ty::Date),
            "days" => (Func::Days, [Ty::Date, Ty::Number], Ty::Date),
            "minutes" => (Func::Minutes, [Ty::Time, Ty::Time], Ty::Number),
            "in-year" => (Func::InYear, [Ty::Date, Ty::Date], Ty::Date),
            "years" => (Func::Years, [Ty::Date, Ty::Number], Ty::Date),
            "months" => (Func::Months, [Ty::Date, Ty::Number], Ty::Date),
            _ => {
                return self.error(
                    span,
                    format!("unknown function `{name}`; the functions are working-days(date, n), days(date, n), minutes(from, to), in-year(date, day), years(date, n), months(date, n)"),
                )
            }
        };
        if args.len() != params.len() {
            return self.error(span, format!("`{name}` takes {} arguments, not {}", params.len(), args.len()));
        }
        let mut exprs = Vec::new();
        let mut reads = BTreeSet::new();
        for (i, (arg, want)) in args.iter().zip(params).enumerate() {
            let r = self.resolve_as(arg, base, want, &format!("argument {} of `{name}`", i + 1))?;
            reads.extend(r.reads);
            exprs.push(r.expr);
        }
        Some(Resolved { expr: Expr::Call(func, exprs), ty, reads })
    }
}
