//! The compiled catalog: what the rules compiler produces from `rules/` and the widget
//! embeds. Names are resolved to indices and every text has its three languages.

use crate::calendar::Calendar;
use crate::expr::{Expr, Value};
use crate::text::Text;
use crate::wire::{Damaged, Reader, Wire, Writer};
use crate::{wire_enum, wire_struct};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub topics: Vec<Topic>,
    pub sources: Vec<Source>,
    pub calendar: Calendar,
    /// The monthly calculation index (MRP, in tenge), each value from its first day, sorted.
    pub mrp: Vec<Mrp>,
    /// The last day the MRP table covers; no MRP is known after it.
    pub mrp_known_until: NaiveDate,
    pub ui: Ui,
    /// Trainers' preset scenarios (`rules/presets/`), each checked against its expected outcome.
    pub presets: Vec<Preset>,
}

/// A ready-made set of answers a trainer loads to show a case.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    pub topic: String,
    pub title: Text,
    pub today: NaiveDate,
    /// Question id → answer as typed (`yes`, an option id, `2025-03-27`, `10:00`, `30`).
    pub answers: Vec<(String, String)>,
}

impl Catalog {
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The compact binary form embedded in the widget (see `wire`).
    pub fn to_bytes(&self) -> Vec<u8> {
        crate::wire::encode(self)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Catalog, crate::wire::Damaged> {
        crate::wire::decode(bytes)
    }

    /// The MRP in force on a date (values are sorted by their first day).
    pub fn mrp_on(&self, date: NaiveDate) -> Option<&Mrp> {
        if date > self.mrp_known_until {
            return None;
        }
        self.mrp.iter().rev().find(|m| m.from <= date)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mrp {
    pub from: NaiveDate,
    pub tenge: u32,
    /// Where the figure comes from, shown next to any amount computed from it.
    pub source: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A law's text, which the rules were checked against.
    Law,
    /// A secondary source (news, government explainer, research note); facts from it are unverified.
    Secondary,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    /// Codes divide articles into parts (части), laws into paragraphs (пункты).
    pub parts: bool,
    /// Short name used in citations: "Law No. 333-VI".
    pub short: Text,
    pub title: Text,
    pub url: Option<String>,
}

/// A pointer into a source: article, then paragraph and subparagraph if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cite {
    pub source: u16,
    pub article: String,
    pub parts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// The date this topic's content was last checked against its sources.
    pub as_of: NaiveDate,
    pub questions: Vec<Question>,
    pub lets: Vec<Let>,
    pub outcomes: Vec<OutcomeRule>,
    /// Offences and their sanctions, shown by the outcomes that name them.
    pub risks: Vec<RiskRule>,
    /// Documents to file, pre-filled from the answers, offered by the outcomes that name them.
    pub documents: Vec<DocumentRule>,
    /// The date question that picks the law in force and the MRP for fines (else today).
    pub law_date: Option<u16>,
    /// Whether the widget NGO sites embed carries this topic (`site_build = false`: only the
    /// workshop build, the offline file and the CLI do, e.g. while it does not fit the budget).
    pub site_build: bool,
    /// The topic as a graph, for trainers' map (filled in by the path checker).
    pub map: TopicMap,
}

/// Which question can follow which, and which outcome can end a path after which question:
/// the union of every path the checker walked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TopicMap {
    /// `(from, to)`: node `n` is question `n` when `n` < the number of questions, else
    /// outcome `n - questions`. Sorted, without repeats.
    pub edges: Vec<(u16, u16)>,
    /// For each question, the answers of a shortest walked path that reaches it (question
    /// index and value, in path order); `None` for a question only another "today" reaches.
    pub routes: Vec<Option<Vec<(u16, Value)>>>,
}

impl Topic {
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}

/// A named expression from a topic's `[let]` table: a condition, a date, a number.
#[derive(Clone, Debug, PartialEq)]
pub struct Let {
    pub id: String,
    pub expr: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub text: Text,
    pub help: Option<Text>,
    /// Asked only when this holds (validity dates are folded in by the compiler).
    pub when: Option<Expr>,
    /// An answer is accepted only when this holds; otherwise `message` is shown.
    pub check: Option<Check>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub expr: Expr,
    pub message: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    YesNo,
    Choice(Vec<Choice>),
    Date,
    Time,
    Number { min: i64, max: i64 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Yes,
    No,
    /// Allowed, but only if conditions are met (a deadline, a procedure).
    Conditional,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::No => "no",
            Verdict::Conditional => "conditional",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeRule {
    pub id: String,
    pub verdict: Verdict,
    pub when: Expr,
    pub title: Text,
    pub summary: Text,
    pub steps: Vec<StepRule>,
    /// What the user risks: indices of the topic's risks.
    pub risks: Vec<u16>,
    /// Documents offered: indices of the topic's documents.
    pub documents: Vec<u16>,
    pub cites: Vec<Cite>,
    pub unverified: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RiskRule {
    pub id: String,
    /// Shown only when this holds too (on top of the outcome naming it).
    pub when: Option<Expr>,
    /// The offence and its sanctions in words (warning, fine, arrest…).
    pub text: Text,
    /// The fine in MRP, shown with its amount in tenge on the topic's law date.
    pub fine_mrp: Option<u32>,
    pub cites: Vec<Cite>,
    pub unverified: Option<Text>,
}

/// A document template: its text in each language, with the answers, dates and blanks
/// it is made of. Blanks are filled in by the user on the page and never stored.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRule {
    pub id: String,
    pub title: Text,
    /// The text in kk, ru, en order, as pieces.
    pub body: [Vec<Piece>; 3],
    pub fields: Vec<Field>,
    /// Shown with the English version: it is a translation for reading, not for filing.
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    /// `{question-id}`: the answer, in words.
    Answer(u16),
    /// `{let-id}`: a computed value (a date, in words).
    Let(u16),
    /// `[field-id]`: a blank for the user.
    Field(u16),
    /// `{?let-id}`: the rest of the line is kept only when this condition [let] holds.
    If(u16),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepRule {
    pub when: Option<Expr>,
    pub text: Text,
    /// A date-valued `[let]` to compute and show with this step.
    pub date: Option<u16>,
    /// How the date is counted, in plain words.
    pub rule: Option<Text>,
    pub cites: Vec<Cite>,
    pub unverified: Option<Text>,
}

macro_rules! ui_strings {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Interface strings, from `rules/ui.toml`. A missing key or language fails the build.
        #[derive(Clone, Debug, Default, PartialEq)]
        #[cfg_attr(feature = "compiler", derive(serde::Deserialize), serde(deny_unknown_fields))]
        pub struct Ui {
            $($(#[$doc])* pub $name: Text,)*
            /// Month names as used in a date ("14 December"), January first.
            pub months: Vec<Text>,
            /// Weekday names, Monday first.
            pub weekdays: Vec<Text>,
        }

        impl $crate::wire::Wire for Ui {
            fn put(&self, w: &mut $crate::wire::Writer) {
                vec![$(self.$name.clone(),)*].put(w);
                self.months.put(w);
                self.weekdays.put(w);
            }
            fn get(r: &mut $crate::wire::Reader) -> Result<Self, $crate::wire::Damaged> {
                // Read as one list, checked, then taken apart without a way out per field:
                // a fraction of the code a read (and its error path) per field takes.
                let texts = Vec::<Text>::get(r)?;
                if texts.len() != [$(stringify!($name),)*].len() {
                    return Err(Damaged);
                }
                let (months, weekdays) = (Wire::get(r)?, Wire::get(r)?);
                let mut texts = texts.into_iter();
                Ok(Ui { $($name: next_text(&mut texts),)* months, weekdays })
            }
        }

        impl Ui {
            /// Every single string with its key, for the checker.
            pub fn strings(&self) -> Vec<(&'static str, &Text)> {
                vec![$((stringify!($name), &self.$name),)*]
            }
        }
    };
}

#[inline(never)]
fn next_text(texts: &mut std::vec::IntoIter<Text>) -> Text {
    texts.next().unwrap_or_default()
}

ui_strings! {
    /// `{day}`, `{month}`, `{year}`.
    date_format,
    /// `{date}`, `{weekday}`.
    date_with_weekday,
    /// Citation parts: `{n}` is the article, paragraph or subparagraph number.
    cite_article,
    cite_paragraph,
    /// Used instead of `cite_paragraph` for sources divided into parts (codes).
    cite_part,
    cite_subparagraph,
    next,
    back,
    start_over,
    yes,
    no,
    language,
    /// The button that clears everything and leaves the page at once (element.js handles it).
    quick_exit,
    /// `{n}`, `{total}`.
    progress,
    answer_required,
    invalid_date,
    invalid_time,
    /// `{min}`, `{max}`.
    invalid_number,
    result,
    verdict_yes,
    verdict_no,
    verdict_conditional,
    steps,
    why,
    your_answers,
    sources,
    /// `{date}`.
    law_as_of,
    /// `{date}`.
    today_is,
    unverified,
    risks,
    documents,
    /// A note that a document's fields stay on this page only.
    document_privacy,
    print_document,
    download_document,
    /// `{mrp}`, `{tenge}`.
    fine,
    /// `{date}`, `{tenge}`, `{source}`: the MRP a fine was converted with.
    mrp_basis,
    /// `{date}`.
    mrp_unknown,
    /// `{from}`, `{to}`.
    calendar_unverified,
    /// Trainer mode: the toolbar's name, its preset list, its date control, its reset.
    trainer_tools,
    trainer_preset,
    trainer_choose,
    trainer_today,
    trainer_reset,
    /// The map of a topic (`widget/src/map.rs`): its name and legend, printing it, the jump list.
    trainer_map,
    trainer_map_help,
    trainer_print_map,
    trainer_jump,
    /// The keyboard shortcuts, as a line under the trainer's toolbar.
    trainer_keys,
    /// "What if": its heading and help, no change, a further question (`{question}`), trying a typed answer.
    what_if,
    what_if_help,
    what_if_same,
    what_if_asks,
    what_if_try,
    /// `{n}` days from today to a date; plural forms split by `|` (see `format::plural`).
    days_until,
    /// `{n}` days from a date to today; plural forms as in `days_until`.
    days_ago,
    is_today,
    print,
    /// `{topic}`.
    unknown_topic,
    error,
    crashed,
}

wire_struct! {
    Catalog { topics, sources, calendar, mrp, mrp_known_until, ui, presets }
    Preset { topic, title, today, answers }
    Mrp { from, tenge, source }
    Source { id, kind, parts, short, title, url }
    Cite { source, article, parts }
    Topic { id, title, summary, as_of, questions, lets, outcomes, risks, documents, law_date, site_build, map }
    TopicMap { edges, routes }
    Let { id, expr }
    Question { id, kind, text, help, when, check }
    Check { expr, message }
    Choice { id, label }
    OutcomeRule { id, verdict, when, title, summary, steps, risks, documents, cites, unverified }
    RiskRule { id, when, text, fine_mrp, cites, unverified }
    Field { id, label }
    StepRule { when, text, date, rule, cites, unverified }
}
wire_enum!(SourceKind { 0 Law, 1 Secondary });
wire_enum!(Verdict { 0 Yes, 1 No, 2 Conditional });

// A document's wording is stored with the other texts of its language (see `wire`).
impl Wire for DocumentRule {
    fn put(&self, w: &mut Writer) {
        self.id.put(w);
        self.title.put(w);
        for (lang, pieces) in self.body.iter().enumerate() {
            w.uint(pieces.len() as u64);
            for piece in pieces {
                let (variant, i) = match piece {
                    Piece::Text(s) => {
                        w.uint(0);
                        w.lang_str(lang, s);
                        continue;
                    }
                    Piece::Answer(i) => (1, i),
                    Piece::Let(i) => (2, i),
                    Piece::Field(i) => (3, i),
                    Piece::If(i) => (4, i),
                };
                w.uint(variant);
                i.put(w);
            }
        }
        self.fields.put(w);
        self.note.put(w);
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        let (id, title): (String, Text) = (Wire::get(r)?, Wire::get(r)?);
        let mut body: [Vec<Piece>; 3] = Default::default();
        for (lang, pieces) in body.iter_mut().enumerate() {
            for _ in 0..r.uint()? {
                pieces.push(match r.uint()? {
                    0 => Piece::Text(r.lang_str(lang)?),
                    1 => Piece::Answer(u16::get(r)?),
                    2 => Piece::Let(u16::get(r)?),
                    3 => Piece::Field(u16::get(r)?),
                    4 => Piece::If(u16::get(r)?),
                    _ => return Err(Damaged),
                });
            }
        }
        Ok(DocumentRule { id, title, body, fields: Wire::get(r)?, note: Wire::get(r)? })
    }
}

impl Wire for Kind {
    fn put(&self, w: &mut Writer) {
        match self {
            Kind::YesNo => w.uint(0),
            Kind::Choice(options) => {
                w.uint(1);
                options.put(w);
            }
            Kind::Date => w.uint(2),
            Kind::Time => w.uint(3),
            Kind::Number { min, max } => {
                w.uint(4);
                min.put(w);
                max.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Result<Self, Damaged> {
        Ok(match r.uint()? {
            0 => Kind::YesNo,
            1 => Kind::Choice(Wire::get(r)?),
            2 => Kind::Date,
            3 => Kind::Time,
            4 => Kind::Number { min: i64::get(r)?, max: i64::get(r)? },
            _ => return Err(Damaged),
        })
    }
}
