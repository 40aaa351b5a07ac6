//! The rules files as written: serde shapes of the TOML, with spans kept for diagnostics.
//! `rules/README.md` documents every field; `deny_unknown_fields` turns a typo into an error.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

use crate::text::Text;

pub type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicFile {
    pub id: S<String>,
    pub as_of: S<Datetime>,
    pub title: S<Text>,
    pub summary: S<Text>,
    /// The date question that picks the law in force, for `valid_from` / `valid_to`.
    pub law_date: Option<S<String>>,
    /// `false` keeps the topic out of the widget NGO sites embed (see `Topic::site_build`).
    pub site_build: Option<bool>,
    #[serde(rename = "let", default)]
    pub lets: BTreeMap<S<String>, S<String>>,
    #[serde(rename = "question", default)]
    pub questions: Vec<QuestionSyntax>,
    #[serde(rename = "outcome", default)]
    pub outcomes: Vec<OutcomeSyntax>,
    #[serde(rename = "risk", default)]
    pub risks: Vec<RiskSyntax>,
    #[serde(rename = "document", default)]
    pub documents: Vec<DocumentSyntax>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSyntax {
    pub id: S<String>,
    pub title: S<Text>,
    /// `{id}` is an answer or a [let]; `[id]` is a blank from `field`.
    pub body: S<Text>,
    pub note: Option<S<Text>>,
    #[serde(rename = "field", default)]
    pub fields: Vec<FieldSyntax>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSyntax {
    pub id: S<String>,
    pub label: S<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSyntax {
    pub id: S<String>,
    #[serde(rename = "type")]
    pub kind: S<String>,
    pub text: S<Text>,
    pub help: Option<S<Text>>,
    pub when: Option<S<String>>,
    pub valid_from: Option<S<Datetime>>,
    pub valid_to: Option<S<Datetime>>,
    pub check: Option<S<String>>,
    pub check_message: Option<S<Text>>,
    pub min: Option<S<i64>>,
    pub max: Option<S<i64>>,
    #[serde(rename = "option", default)]
    pub options: Vec<OptionSyntax>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSyntax {
    pub id: S<String>,
    pub label: S<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeSyntax {
    pub id: S<String>,
    pub verdict: S<String>,
    pub when: S<String>,
    pub valid_from: Option<S<Datetime>>,
    pub valid_to: Option<S<Datetime>>,
    pub title: S<Text>,
    pub summary: S<Text>,
    #[serde(default)]
    pub cite: Vec<S<String>>,
    pub unverified: Option<S<Text>>,
    #[serde(rename = "step", default)]
    pub steps: Vec<StepSyntax>,
    /// Ids of the topic's [[risk]]s that this outcome shows.
    #[serde(default)]
    pub risks: Vec<S<String>>,
    /// Ids of the topic's [[document]]s that this outcome offers.
    #[serde(default)]
    pub documents: Vec<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskSyntax {
    pub id: S<String>,
    pub text: S<Text>,
    pub when: Option<S<String>>,
    pub fine_mrp: Option<S<u32>>,
    #[serde(default)]
    pub cite: Vec<S<String>>,
    pub unverified: Option<S<Text>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSyntax {
    pub text: S<Text>,
    pub when: Option<S<String>>,
    pub date: Option<S<String>>,
    pub rule: Option<S<Text>>,
    #[serde(default)]
    pub cite: Vec<S<String>>,
    pub unverified: Option<S<Text>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(rename = "source")]
    pub sources: Vec<SourceSyntax>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSyntax {
    pub id: S<String>,
    /// `law` or `secondary`.
    pub kind: S<String>,
    /// `parts` for codes, whose articles have parts (части); laws have paragraphs (the default).
    pub divided_into: Option<S<String>>,
    pub short: S<Text>,
    pub title: S<Text>,
    /// Where to read it; none for a text known only through another source.
    pub url: Option<S<String>>,
    /// Where the text we checked against lives, for reviewers; not shown to users.
    #[allow(dead_code)] // for reviewers of the rules; not compiled into the catalog
    pub checked_against: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParametersFile {
    /// The last day the MRP table covers (the budget laws set one value a year).
    pub mrp_known_until: S<Datetime>,
    pub mrp: Vec<MrpSyntax>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MrpSyntax {
    /// The first day this value is in force.
    pub from: S<Datetime>,
    pub tenge: S<u32>,
    pub source: S<String>,
    #[allow(dead_code)] // for reviewers of the rules; not compiled into the catalog
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    /// Years whose holidays and transfers were checked: `[from, to]`.
    pub verified_years: S<[i32; 2]>,
    /// Years to compute from the rules (a superset); counts outside `verified_years` carry a warning.
    pub computed_years: S<[i32; 2]>,
    #[serde(rename = "holiday")]
    pub holidays: Vec<HolidaySyntax>,
    #[serde(rename = "transfer", default)]
    pub transfers: Vec<TransferSyntax>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidaySyntax {
    pub id: S<String>,
    pub name: S<Text>,
    /// `state`, `national` (a day off moves when it falls on a weekend) or `religious` (it does not).
    pub kind: S<String>,
    /// Fixed days of the year, `MM-DD`.
    #[serde(default)]
    pub days: Vec<S<String>>,
    /// Dates of a holiday that moves every year (Kurban Ait).
    #[serde(default)]
    pub dates: Vec<S<Datetime>>,
    pub from_year: Option<S<i32>>,
    pub to_year: Option<S<i32>>,
    pub source: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferSyntax {
    /// The working day that becomes a day off.
    pub day_off: S<Datetime>,
    /// The day off (a Saturday, a Sunday or a moved holiday) that becomes a working day instead.
    pub work_day: S<Datetime>,
    #[allow(dead_code)] // for reviewers of the rules; not compiled into the catalog
    pub decree: String,
    pub source: S<String>,
}
