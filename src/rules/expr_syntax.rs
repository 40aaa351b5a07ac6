//! Parsing guard expressions (`when`, `check`, `[let]`) into an untyped tree with spans.
//! Names are resolved and types checked later, in `resolve`.
//!
//! ```text
//! expr  := and ("or" and)*
//! and   := unary ("and" unary)*
//! unary := "not" unary | cmp
//! cmp   := atom (("==" | "!=" | "<" | "<=" | ">" | ">=") atom | "in" "[" name ("," name)* "]")?
//! atom  := name | name "(" expr ("," expr)* ")" | number | YYYY-MM-DD | HH:MM
//!        | "yes" | "no" | "today" | "(" expr ")"
//! name  := [a-z][a-z0-9-]*          (ids are kebab-case, so `-` belongs to the name)
//! ```

use std::ops::Range;

use chrono::NaiveDate;

use crate::day;
use crate::expr::CmpOp;

#[derive(Clone, Debug, PartialEq)]
pub enum Ast {
    Name(String),
    Number(i64),
    Date(NaiveDate),
    Time(u16),
    Bool(bool),
    Today,
    Not(Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Cmp(CmpOp, Box<Node>, Box<Node>),
    In(Box<Node>, Vec<(String, Range<usize>)>),
    Call(String, Vec<Node>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub ast: Ast,
    /// Byte range within the expression text.
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub span: Range<usize>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Name(String),
    Number(i64),
    Date(NaiveDate),
    Time(u16),
    Op(CmpOp),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
}

fn lex(src: &str) -> Result<Vec<(Tok, Range<usize>)>, SyntaxError> {
    let bytes = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let err = |end: usize, message: &str| SyntaxError { span: start..end, message: message.to_string() };
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' | b')' | b'[' | b']' | b',' => {
                i += 1;
                toks.push((
                    match c {
                        b'(' => Tok::LParen,
                        b')' => Tok::RParen,
                        b'[' => Tok::LBracket,
                        b']' => Tok::RBracket,
                        _ => Tok::Comma,
                    },
                    start..i,
                ));
            }
            b'=' | b'!' | b'<' | b'>' => {
                let two = bytes.get(i + 1) == Some(&b'=');
                let op = match (c, two) {
                    (b'=', true) => CmpOp::Eq,
                    (b'!', true) => CmpOp::Ne,
                    (b'<', false) => CmpOp::Lt,
                    (b'<', true) => CmpOp::Le,
                    (b'>', false) => CmpOp::Gt,
                    (b'>', true) => CmpOp::Ge,
                    _ => return Err(err(i + 1, "expected `==` or `!=`; a single `=` or `!` is not an operator here")),
                };
                i += if two { 2 } else { 1 };
                toks.push((Tok::Op(op), start..i));
            }
            b'a'..=b'z' => {
                while i < bytes.len() && matches!(bytes[i], b'a'..=b'z' | b'0'..=b'9' | b'-') {
                    i += 1;
                }
                if bytes[i - 1] == b'-' {
                    return Err(err(i, "a name cannot end with `-`"));
                }
                toks.push((Tok::Name(src[start..i].to_string()), start..i));
            }
            b'-' | b'0'..=b'9' => {
                i += 1;
                while i < bytes.len() && matches!(bytes[i], b'0'..=b'9' | b'-' | b':') {
                    i += 1;
                }
                let text = &src[start..i];
                let tok = if text.contains(':') {
                    Tok::Time(
                        day::parse_time(text)
                            .ok_or_else(|| err(i, "not a time of day; write it as HH:MM, e.g. 09:00"))?,
                    )
                } else if text.len() == 10 && text.as_bytes()[4] == b'-' {
                    Tok::Date(day::parse_date(text).ok_or_else(|| err(i, "not a valid date; write it as YYYY-MM-DD"))?)
                } else {
                    Tok::Number(text.parse().map_err(|_| err(i, "not a whole number"))?)
                };
                toks.push((tok, start..i));
            }
            _ => {
                let end = start + src[start..].chars().next().map_or(1, char::len_utf8);
                return Err(err(end, &format!("unexpected character `{}`", &src[start..end])));
            }
        }
    }
    Ok(toks)
}

struct Parser {
    toks: Vec<(Tok, Range<usize>)>,
    pos: usize,
    len: usize,
}

pub fn parse(src: &str) -> Result<Node, SyntaxError> {
    let mut p = Parser { toks: lex(src)?, pos: 0, len: src.len() };
    if p.toks.is_empty() {
        return Err(SyntaxError { span: 0..src.len(), message: "the expression is empty".into() });
    }
    let node = p.or()?;
    match p.toks.get(p.pos) {
        None => Ok(node),
        Some((_, span)) => Err(SyntaxError {
            span: span.clone(),
            message: "unexpected text after the end of the expression; join conditions with `and` or `or`".into(),
        }),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn span_here(&self) -> Range<usize> {
        self.toks.get(self.pos).map_or(self.len..self.len, |(_, s)| s.clone())
    }

    fn keyword(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Tok::Name(n)) if n == word)
    }

    fn expect(&mut self, tok: Tok, what: &str) -> Result<Range<usize>, SyntaxError> {
        if self.peek() == Some(&tok) {
            self.pos += 1;
            Ok(self.toks[self.pos - 1].1.clone())
        } else {
            Err(SyntaxError { span: self.span_here(), message: format!("expected {what}") })
        }
    }

    fn or(&mut self) -> Result<Node, SyntaxError> {
        let mut left = self.and()?;
        while self.keyword("or") {
            self.pos += 1;
            let right = self.and()?;
            let span = left.span.start..right.span.end;
            left = Node { ast: Ast::Or(Box::new(left), Box::new(right)), span };
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Node, SyntaxError> {
        let mut left = self.unary()?;
        while self.keyword("and") {
            self.pos += 1;
            let right = self.unary()?;
            let span = left.span.start..right.span.end;
            left = Node { ast: Ast::And(Box::new(left), Box::new(right)), span };
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Node, SyntaxError> {
        if self.keyword("not") {
            let start = self.span_here().start;
            self.pos += 1;
            let inner = self.unary()?;
            let span = start..inner.span.end;
            return Ok(Node { ast: Ast::Not(Box::new(inner)), span });
        }
        self.cmp()
    }

    fn cmp(&mut self) -> Result<Node, SyntaxError> {
        let left = self.atom()?;
        if let Some(Tok::Op(op)) = self.peek().cloned() {
            self.pos += 1;
            let right = self.atom()?;
            let span = left.span.start..right.span.end;
            return Ok(Node { ast: Ast::Cmp(op, Box::new(left), Box::new(right)), span });
        }
        if self.keyword("in") {
            self.pos += 1;
            self.expect(Tok::LBracket, "`[` and a list of option ids after `in`")?;
            let mut names = Vec::new();
            loop {
                match self.toks.get(self.pos).cloned() {
                    Some((Tok::Name(n), s)) => {
                        self.pos += 1;
                        names.push((n, s));
                    }
                    _ => return Err(SyntaxError { span: self.span_here(), message: "expected an option id".into() }),
                }
                if self.peek() == Some(&Tok::Comma) {
                    self.pos += 1;
                    continue;
                }
                let end = self.expect(Tok::RBracket, "`,` or `]` in the list of options")?;
                let span = left.span.start..end.end;
                return Ok(Node { ast: Ast::In(Box::new(left), names), span });
            }
        }
        Ok(left)
    }

    fn atom(&mut self) -> Result<Node, SyntaxError> {
        let Some((tok, span)) = self.toks.get(self.pos).cloned() else {
            return Err(SyntaxError { span: self.len..self.len, message: "the expression ends too early".into() });
        };
        self.pos += 1;
        let ast = match tok {
            Tok::Number(n) => Ast::Number(n),
            Tok::Date(d) => Ast::Date(d),
            Tok::Time(t) => Ast::Time(t),
            Tok::LParen => {
                let inner = self.or()?;
                let end = self.expect(Tok::RParen, "`)`")?;
                return Ok(Node { ast: inner.ast, span: span.start..end.end });
            }
            Tok::Name(n) if n == "yes" || n == "no" => Ast::Bool(n == "yes"),
            Tok::Name(n) if n == "today" => Ast::Today,
            Tok::Name(n) if matches!(n.as_str(), "and" | "or" | "not" | "in") => {
                return Err(SyntaxError { span, message: format!("expected a value, found the keyword `{n}`") })
            }
            Tok::Name(n) => {
                if self.peek() == Some(&Tok::LParen) {
                    self.pos += 1;
                    let mut args = vec![self.or()?];
                    while self.peek() == Some(&Tok::Comma) {
                        self.pos += 1;
                        args.push(self.or()?);
                    }
                    let end = self.expect(Tok::RParen, "`,` or `)` after the function's arguments")?;
                    return Ok(Node { ast: Ast::Call(n, args), span: span.start..end.end });
                }
                Ast::Name(n)
            }
            _ => {
                return Err(SyntaxError {
                    span,
                    message: "expected a value: a name, a number, a date or a time".into(),
                })
            }
        };
        Ok(Node { ast, span })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_precedence_and_kebab_names() {
        let n = parse("not citizen or event-date < 2020-06-05 and start >= 09:00").unwrap();
        let Ast::Or(left, right) = n.ast else { panic!("expected or") };
        assert!(matches!(left.ast, Ast::Not(_)));
        assert!(matches!(right.ast, Ast::And(_, _)));
        let n = parse("working-days(event-date, -5)").unwrap();
        assert!(matches!(n.ast, Ast::Call(ref f, ref a) if f == "working-days" && a.len() == 2));
        let n = parse("place in [square, street]").unwrap();
        assert!(matches!(n.ast, Ast::In(_, ref v) if v.len() == 2));
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = parse("citizen = yes").unwrap_err();
        assert_eq!(e.span, 8..9);
        let e = parse("citizen and").unwrap_err();
        assert_eq!(e.message, "the expression ends too early");
        let e = parse("start < 25:00").unwrap_err();
        assert_eq!(e.span, 8..13);
    }
}
