//! From rules files to a checked catalog: parse, resolve names, check types and
//! languages, then hand every topic to the path checker.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use toml::value::Datetime;

use crate::catalog::{
    Catalog, Check, Choice, Cite, DocumentRule, Field, Kind, Let, Mrp, OutcomeRule, Piece, Question, RiskRule, Source,
    SourceKind, StepRule, Topic, Ui, Verdict,
};
use crate::expr::{CmpOp, Expr, Value};
use crate::text::{Lang, Text};

use super::diag::Diagnostic;
use super::expr_syntax;
use super::paths::{self, TopicSpans};
use super::resolve::{LetInfo, QuestionInfo, Resolved, Resolver, Ty};
use super::syntax::{self, S};
use super::{Checked, RulesFile};

/// Compiles every rules file and checks every path of every topic.
pub fn compile(files: &[RulesFile]) -> Result<Checked, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let dir = rules_dir(files);
    let shared = |name: &str| files.iter().find(|f| f.path.rsplit('/').next() == Some(name) && !is_topic(f));
    let mut required = |name: &str| {
        let found = shared(name);
        if found.is_none() {
            let message = format!("the rules need a shared file `{name}` beside the `topics/` folder");
            diags.push(Diagnostic::new(&format!("{dir}{name}"), 0..0, message));
        }
        found
    };
    let (sources_file, calendar_file, parameters_file, ui_file) =
        (required("sources.toml"), required("calendar.toml"), required("parameters.toml"), required("ui.toml"));
    let (Some(sources_file), Some(calendar_file), Some(parameters_file), Some(ui_file)) =
        (sources_file, calendar_file, parameters_file, ui_file)
    else {
        return Err(diags);
    };

    let mut cx = Cx { diags, laws: Default::default() };
    let sources = cx.sources(sources_file);
    cx.laws = sources.iter().enumerate().filter(|(_, s)| s.kind == SourceKind::Law).map(|(i, _)| i as u16).collect();
    let source_ids: HashMap<String, u16> = sources.iter().enumerate().map(|(i, s)| (s.id.clone(), i as u16)).collect();
    let calendar = super::calendar::compile(&mut cx.in_file(calendar_file), &source_ids);
    let mrp = cx.parameters(parameters_file, &source_ids);
    let ui = cx.ui(ui_file);
    let mut topics = Vec::new();
    let mut spans = Vec::new();
    for file in files.iter().filter(|f| is_topic(f)) {
        if let Some((topic, topic_spans)) = cx.in_file(file).topic(&source_ids) {
            if topics.iter().any(|t: &Topic| t.id == topic.id) {
                cx.diags.push(Diagnostic::new(&file.path, topic_spans.id.clone(), "another topic already has this id"));
            }
            topics.push(topic);
            spans.push(topic_spans);
        }
    }
    let (Some(calendar), Some(ui), Some((mrp, mrp_known_until))) = (calendar, ui, mrp) else { return Err(cx.diags) };
    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    let mut catalog = Catalog { topics, sources, calendar, mrp, mrp_known_until, ui, presets: Vec::new() };
    let mut path_counts = Vec::new();
    let mut maps = Vec::new();
    for (topic, topic_spans) in catalog.topics.iter().zip(&spans) {
        let report = paths::check_topic(&catalog, topic, topic_spans);
        cx.diags.extend(report.diagnostics);
        path_counts.push((topic.id.clone(), report.paths.len()));
        maps.push(paths::map(topic, &report.paths));
    }
    for (topic, map) in catalog.topics.iter_mut().zip(maps) {
        topic.map = map;
    }
    if cx.diags.is_empty() {
        catalog.presets = presets(&catalog, files, &mut cx.diags);
    }
    if cx.diags.is_empty() {
        Ok(Checked { catalog, paths: path_counts })
    } else {
        Err(cx.diags)
    }
}

fn is_topic(file: &RulesFile) -> bool {
    file.path.contains("topics/")
}

/// The trainers' presets: scenario files under `presets/`, each with a title, each run against
/// the compiled rules so that a preset never shows a trainer something the rules do not say.
fn presets(catalog: &Catalog, files: &[RulesFile], diags: &mut Vec<Diagnostic>) -> Vec<crate::catalog::Preset> {
    let mut out = Vec::new();
    for file in files.iter().filter(|f| f.path.contains("presets/")) {
        let s = match super::scenario::parse(&file.path, &file.text) {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let Some(title) = s.title.clone() else {
            diags.push(Diagnostic::new(
                &file.path,
                0..0,
                "a preset needs a `title` in kk, ru and en: the trainer picks it by name",
            ));
            continue;
        };
        if let Err(problems) = super::scenario::run(catalog, &s) {
            diags.push(Diagnostic::new(&file.path, 0..0, format!("this preset does not hold: {problems}")));
            continue;
        }
        let answers = s.answers.iter().map(|a| (a.question.clone(), a.input.clone())).collect();
        out.push(crate::catalog::Preset { topic: s.topic, title, today: s.today, answers });
    }
    out
}

/// The folder the rules files are in, as their paths show it (`rules/`), to name a missing file.
fn rules_dir(files: &[RulesFile]) -> &str {
    let Some(path) = files.first().map(|f| f.path.as_str()) else { return "" };
    match path.find("topics/") {
        Some(i) => &path[..i],
        None => path.rfind('/').map_or("", |i| &path[..=i]),
    }
}

struct Cx {
    diags: Vec<Diagnostic>,
    /// The sources that are laws' texts (cited by article), by index.
    laws: std::collections::HashSet<u16>,
}

impl Cx {
    fn in_file<'a>(&'a mut self, file: &'a RulesFile) -> FileCx<'a> {
        FileCx { file, diags: &mut self.diags, laws: &self.laws }
    }

    fn sources(&mut self, file: &RulesFile) -> Vec<Source> {
        let mut cx = self.in_file(file);
        let Some(parsed) = cx.parse::<syntax::SourcesFile>() else { return Vec::new() };
        let mut out: Vec<Source> = Vec::new();
        for s in parsed.sources {
            cx.kebab(&s.id);
            if out.iter().any(|o| o.id == *s.id.get_ref()) {
                cx.err(s.id.span(), "another source already has this id");
            }
            let kind = match s.kind.get_ref().as_str() {
                "law" => SourceKind::Law,
                "secondary" => SourceKind::Secondary,
                _ => {
                    cx.err(s.kind.span(), "a source's kind is `law` (a law's text) or `secondary` (anything else)");
                    SourceKind::Secondary
                }
            };
            if let Some(url) = s.url.as_ref().filter(|u| !u.get_ref().starts_with("https://")) {
                cx.err(url.span(), "a source's url must start with https://");
            }
            let parts = match s.divided_into.as_ref().map(|d| d.get_ref().as_str()) {
                None | Some("paragraphs") => false,
                Some("parts") => true,
                Some(_) => {
                    let span = s.divided_into.as_ref().map_or(0..0, |d| d.span());
                    cx.err(span, "`divided_into` is `paragraphs` (laws, the default) or `parts` (codes)");
                    false
                }
            };
            out.push(Source {
                id: s.id.into_inner(),
                kind,
                parts,
                short: cx.text(&s.short),
                title: cx.text(&s.title),
                url: s.url.map(|u| u.into_inner()),
            });
        }
        out
    }

    fn parameters(&mut self, file: &RulesFile, sources: &HashMap<String, u16>) -> Option<(Vec<Mrp>, NaiveDate)> {
        let mut cx = self.in_file(file);
        let parsed = cx.parse::<syntax::ParametersFile>()?;
        let known_until = cx.date(&parsed.mrp_known_until)?;
        let mut out: Vec<Mrp> = Vec::new();
        for m in parsed.mrp {
            let Some(from) = cx.date(&m.from) else { continue };
            if out.last().is_some_and(|prev| prev.from >= from) {
                cx.err(
                    m.from.span(),
                    "MRP values must be listed in date order, each from a later day than the one before",
                );
            }
            let source = cx.source_ref(&m.source, sources).unwrap_or(0);
            out.push(Mrp { from, tenge: m.tenge.into_inner(), source });
        }
        if out.last().is_some_and(|last| last.from > known_until) {
            cx.err(parsed.mrp_known_until.span(), "`mrp_known_until` is before the last MRP value's first day");
        }
        Some((out, known_until))
    }

    fn ui(&mut self, file: &RulesFile) -> Option<Ui> {
        let mut cx = self.in_file(file);
        let ui = cx.parse::<Ui>()?;
        for (key, text) in ui.strings() {
            for lang in Lang::ALL {
                if text.get(lang).trim().is_empty() {
                    let span = cx.key_span(key);
                    cx.err(span, format!("the {} text of `{key}` is empty", lang_name(lang)));
                }
            }
        }
        if ui.months.len() != 12 {
            let span = cx.key_span("months");
            cx.err(span, "`months` must list the 12 months, January first");
        }
        if ui.weekdays.len() != 7 {
            let span = cx.key_span("weekdays");
            cx.err(span, "`weekdays` must list the 7 days of the week, Monday first");
        }
        Some(ui)
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Kazakh (kk)",
        Lang::Ru => "Russian (ru)",
        Lang::En => "English (en)",
    }
}

pub(super) struct FileCx<'a> {
    pub file: &'a RulesFile,
    pub diags: &'a mut Vec<Diagnostic>,
    laws: &'a std::collections::HashSet<u16>,
}

impl FileCx<'_> {
    pub fn err(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(&self.file.path, span, message));
    }

    pub fn parse<T: DeserializeOwned>(&mut self) -> Option<T> {
        match toml::from_str(&self.file.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let message = e.message().trim_end_matches('\n').replace('\n', "; ");
                self.err(span, format!("this does not fit the rules format: {message}"));
                None
            }
        }
    }

    /// Where `key = ` is written, for errors about values we parsed without spans.
    fn key_span(&self, key: &str) -> Range<usize> {
        let text = &self.file.text;
        let mut from = 0;
        while let Some(i) = text[from..].find(key) {
            let at = from + i;
            let line_start = at == 0 || text.as_bytes()[at - 1] == b'\n';
            if line_start && text[at + key.len()..].trim_start().starts_with('=') {
                return at..at + key.len();
            }
            from = at + key.len();
        }
        0..0
    }

    pub fn text(&mut self, t: &S<Text>) -> Text {
        for lang in Lang::ALL {
            if t.get_ref().get(lang).trim().is_empty() {
                self.err(t.span(), format!("the {} text is empty; every string needs kk, ru and en", lang_name(lang)));
            }
        }
        t.get_ref().clone()
    }

    pub fn kebab(&mut self, id: &S<String>) {
        let s = id.get_ref();
        let ok = s
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
            && s.starts_with(|c: char| c.is_ascii_lowercase());
        if !ok {
            self.err(id.span(), format!("`{s}` is not a valid id: ids are lowercase kebab-case, like `event-date`"));
        }
    }

    pub fn date(&mut self, d: &S<Datetime>) -> Option<NaiveDate> {
        let v = d.get_ref();
        let date = match (v.date, v.time, v.offset) {
            (Some(date), None, None) => NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into()),
            _ => None,
        };
        if date.is_none() {
            self.err(d.span(), "expected a date without a time, like 2026-03-21");
        }
        date
    }

    pub fn source_ref(&mut self, id: &S<String>, sources: &HashMap<String, u16>) -> Option<u16> {
        let found = sources.get(id.get_ref()).copied();
        if found.is_none() {
            self.err(id.span(), format!("unknown source `{}`: add it to rules/sources.toml", id.get_ref()));
        }
        found
    }

    /// `law-333-vi 9(5)(2)`: a source id, an article, then paragraph and subparagraph;
    /// `law-333-vi 1()(10)` for a subparagraph of an article without paragraphs.
    fn cite(&mut self, s: &S<String>, sources: &HashMap<String, u16>) -> Option<Cite> {
        let Some((source, article, parts)) = parse_cite(s.get_ref()) else {
            self.err(s.span(), CITE_FORMAT);
            return None;
        };
        let Some(&index) = sources.get(source) else {
            self.err(s.span(), format!("this citation names a source `{source}` that is not in rules/sources.toml"));
            return None;
        };
        if article.is_empty() && self.laws.contains(&index) {
            self.err(s.span(), format!("`{source}` is a law's text we checked, so its citation names the article; only a secondary source may be cited alone"));
            return None;
        }
        Some(Cite { source: index, article, parts })
    }

    fn cites(&mut self, list: &[S<String>], sources: &HashMap<String, u16>) -> Vec<Cite> {
        list.iter().filter_map(|c| self.cite(c, sources)).collect()
    }

    /// File offset where the text of a string value starts (after its opening quotes).
    fn string_base(&self, s: &S<String>) -> usize {
        let span = s.span();
        let raw = &self.file.text[span.start..span.end.min(self.file.text.len())];
        let quotes = if raw.starts_with("\"\"\"") || raw.starts_with("'''") { 3 } else { 1 };
        let newline = raw[quotes.min(raw.len())..].starts_with('\n') as usize;
        span.start + quotes + newline
    }

    /// Where the text of a string value is, without its quotes: where an expression is.
    fn string_inner(&self, s: &S<String>) -> Range<usize> {
        let span = s.span();
        let raw = &self.file.text[span.start..span.end.min(self.file.text.len())];
        let quotes = if raw.starts_with("\"\"\"") || raw.starts_with("'''") { 3 } else { 1 };
        let base = self.string_base(s);
        base..span.end.saturating_sub(quotes).max(base)
    }

    fn expr_node(&mut self, s: &S<String>) -> Option<(expr_syntax::Node, usize)> {
        let base = self.string_base(s);
        match expr_syntax::parse(s.get_ref()) {
            Ok(node) => Some((node, base)),
            Err(e) => {
                self.err(base + e.span.start..base + e.span.end.max(e.span.start), e.message);
                None
            }
        }
    }

    fn topic(&mut self, sources: &HashMap<String, u16>) -> Option<(Topic, TopicSpans)> {
        let t = self.parse::<syntax::TopicFile>()?;
        self.kebab(&t.id);
        let stem = self.file.path.rsplit('/').next().unwrap_or("").trim_end_matches(".toml");
        if t.id.get_ref() != stem {
            let message = format!("the topic id must match its file name: `{stem}`");
            self.err(t.id.span(), message);
        }
        let as_of = self.date(&t.as_of);

        // Questions: ids and kinds first, so guards can refer to any of them.
        let mut kinds = Vec::new();
        for q in &t.questions {
            self.kebab(&q.id);
            kinds.push(self.kind(q));
        }
        let mut names: HashMap<&str, Range<usize>> = HashMap::new();
        let lets_syntax: Vec<_> = t.lets.iter().collect();
        for id in t.questions.iter().map(|q| &q.id).chain(lets_syntax.iter().map(|(k, _)| *k)) {
            if matches!(id.get_ref().as_str(), "yes" | "no" | "today" | "and" | "or" | "not" | "in") {
                self.err(
                    id.span(),
                    format!("`{}` is a word of the expression language and cannot be an id", id.get_ref()),
                );
            }
            if names.insert(id.get_ref(), id.span()).is_some() {
                self.err(id.span(), "another question or [let] of this topic already has this id");
            }
        }
        let mut lets = Vec::new();
        for (id, body) in &lets_syntax {
            self.kebab(id);
            if let Some((node, base)) = self.expr_node(body) {
                lets.push(LetInfo { id: id.get_ref().clone(), node, base });
            }
        }
        let kinds: Vec<Kind> = kinds.into_iter().map(|k| k.unwrap_or(Kind::YesNo)).collect();
        let infos = t.questions.iter().zip(&kinds).map(|(q, k)| QuestionInfo { id: q.id.get_ref(), kind: k }).collect();
        let mut r = Resolver::new(infos, lets);
        r.resolve_lets();

        let law_date = t.law_date.as_ref().and_then(|ld| {
            let found =
                t.questions.iter().zip(&kinds).position(|(q, k)| q.id.get_ref() == ld.get_ref() && *k == Kind::Date);
            if found.is_none() {
                self.err(ld.span(), "`law_date` must be the id of a date question of this topic");
            }
            found
        });

        let mut questions = Vec::new();
        let mut spans = TopicSpans { id: t.id.span(), ..TopicSpans::default() };
        for (i, (q, kind)) in t.questions.iter().zip(&kinds).enumerate() {
            let guard =
                self.guard(&mut r, q.when.as_ref(), "a question's `when`", |reads| reads.iter().all(|&j| j < i), &q.id);
            let validity = self.validity(law_date, q.valid_from.as_ref(), q.valid_to.as_ref(), Some(i));
            let check = match (&q.check, &q.check_message) {
                (Some(c), Some(m)) => self
                    .guard(&mut r, Some(c), "a question's `check`", |reads| reads.iter().all(|&j| j <= i), &q.id)
                    .map(|expr| Check { expr, message: self.text(m) }),
                (Some(c), None) => {
                    self.err(c.span(), "a `check` needs a `check_message` that tells the user what to fix");
                    None
                }
                (None, Some(m)) => {
                    self.err(m.span(), "a `check_message` without a `check` is never shown");
                    None
                }
                (None, None) => None,
            };
            spans.question_ids.push(q.id.span());
            spans.question_when.push(q.when.as_ref().map(|w| self.string_inner(w)));
            questions.push(Question {
                id: q.id.get_ref().clone(),
                kind: kind.clone(),
                text: self.text(&q.text),
                help: q.help.as_ref().map(|h| self.text(h)),
                when: conjoin(guard, validity),
                check,
            });
        }

        let mut risks: Vec<RiskRule> = Vec::new();
        for k in &t.risks {
            self.kebab(&k.id);
            if risks.iter().any(|x| x.id == *k.id.get_ref()) {
                self.err(k.id.span(), "another risk of this topic already has this id");
            }
            let when = k.when.as_ref().and_then(|w| self.guard(&mut r, Some(w), "a risk's `when`", |_| true, &k.id));
            if k.cite.is_empty() {
                self.err(k.id.span(), "a risk must cite the article that sets its sanction (`cite = [...]`)");
            }
            if let Some(fine) = k.fine_mrp.as_ref().filter(|f| *f.get_ref() == 0) {
                self.err(fine.span(), "a fine of 0 MRP is no fine; leave `fine_mrp` out");
            }
            risks.push(RiskRule {
                id: k.id.get_ref().clone(),
                when,
                text: self.text(&k.text),
                fine_mrp: k.fine_mrp.as_ref().map(|f| *f.get_ref()),
                cites: self.cites(&k.cite, sources),
                unverified: k.unverified.as_ref().map(|x| self.text(x)),
            });
        }

        let mut documents: Vec<DocumentRule> = Vec::new();
        for d in &t.documents {
            self.kebab(&d.id);
            if documents.iter().any(|x| x.id == *d.id.get_ref()) {
                self.err(d.id.span(), "another document of this topic already has this id");
            }
            let doc = self.document(d, &t.questions, &r);
            documents.push(doc);
        }

        let mut outcomes: Vec<OutcomeRule> = Vec::new();
        for o in &t.outcomes {
            self.kebab(&o.id);
            if outcomes.iter().any(|x| x.id == *o.id.get_ref()) {
                self.err(o.id.span(), "another outcome of this topic already has this id");
            }
            let verdict = match o.verdict.get_ref().as_str() {
                "yes" => Verdict::Yes,
                "no" => Verdict::No,
                "conditional" => Verdict::Conditional,
                _ => {
                    self.err(o.verdict.span(), "a verdict is `yes`, `no` or `conditional`");
                    Verdict::No
                }
            };
            let guard = self.guard(&mut r, Some(&o.when), "an outcome's `when`", |_| true, &o.id);
            let validity = self.validity(law_date, o.valid_from.as_ref(), o.valid_to.as_ref(), None);
            let mut steps = Vec::new();
            for s in &o.steps {
                let when =
                    s.when.as_ref().and_then(|w| self.guard(&mut r, Some(w), "a step's `when`", |_| true, &o.id));
                let date = s.date.as_ref().and_then(|d| {
                    let found = r.lets.iter().position(|l| l.id == *d.get_ref());
                    let is_date = found.is_some_and(|i| r.let_type(i) == Some(Ty::Date));
                    if !is_date {
                        self.err(d.span(), "a step's `date` must name a [let] of this topic that is a date");
                    }
                    found.filter(|_| is_date).map(|i| i as u16)
                });
                steps.push(StepRule {
                    when,
                    text: self.text(&s.text),
                    date,
                    rule: s.rule.as_ref().map(|x| self.text(x)),
                    cites: self.cites(&s.cite, sources),
                    unverified: s.unverified.as_ref().map(|x| self.text(x)),
                });
            }
            let documents = self.refs(&o.documents, t.documents.iter().map(|d| d.id.get_ref()), "[[document]]");
            let risks = self.refs(&o.risks, t.risks.iter().map(|k| k.id.get_ref()), "[[risk]]");
            let cites = self.cites(&o.cite, sources);
            if cites.is_empty() && steps.iter().all(|s| s.cites.is_empty()) && o.cite.is_empty() {
                self.err(o.id.span(), "every outcome must cite at least one article of a source (`cite = [...]`)");
            }
            spans.outcome_ids.push(o.id.span());
            spans.outcome_when.push(self.string_inner(&o.when));
            outcomes.push(OutcomeRule {
                id: o.id.get_ref().clone(),
                verdict,
                when: conjoin(guard, validity).unwrap_or(Expr::Lit(Value::Bool(false))),
                title: self.text(&o.title),
                summary: self.text(&o.summary),
                steps,
                risks,
                documents,
                cites,
                unverified: o.unverified.as_ref().map(|x| self.text(x)),
            });
        }
        if outcomes.is_empty() {
            self.err(t.id.span(), "a topic needs at least one [[outcome]]");
        }

        for e in std::mem::take(&mut r.errors) {
            self.err(e.span, e.message);
        }
        let lets = r
            .lets
            .iter()
            .zip(&r.let_exprs)
            .map(|(info, expr)| Let {
                id: info.id.clone(),
                expr: expr.clone().unwrap_or(Expr::Lit(Value::Bool(false))),
            })
            .collect();
        let topic = Topic {
            id: t.id.get_ref().clone(),
            title: self.text(&t.title),
            summary: self.text(&t.summary),
            as_of: as_of?,
            questions,
            lets,
            outcomes,
            risks,
            documents,
            law_date: law_date.map(|i| i as u16),
            site_build: t.site_build.unwrap_or(true),
            map: Default::default(),
        };
        spans.file = self.file.path.clone();
        Some((topic, spans))
    }

    /// Resolves an outcome's list of ids (`risks = [...]`, `documents = [...]`) to indices.
    fn refs<'i>(&mut self, ids: &[S<String>], known: impl Iterator<Item = &'i String> + Clone, what: &str) -> Vec<u16> {
        ids.iter()
            .filter_map(|id| {
                let found = known.clone().position(|k| k == id.get_ref());
                if found.is_none() {
                    self.err(id.span(), format!("no {what} of this topic has the id `{}`", id.get_ref()));
                }
                found.map(|i| i as u16)
            })
            .collect()
    }

    /// A document template: `{id}` names an answer or a [let], `[id]` one of its blanks, and
    /// `{?id}` a condition [let] that keeps the rest of its line only when it holds.
    /// Every language must use the same blanks, so no translation drops one.
    fn document(
        &mut self,
        d: &syntax::DocumentSyntax,
        questions: &[syntax::QuestionSyntax],
        r: &Resolver,
    ) -> DocumentRule {
        let lets = &r.lets;
        let mut fields: Vec<Field> = Vec::new();
        for f in &d.fields {
            self.kebab(&f.id);
            if fields.iter().any(|x| x.id == *f.id.get_ref()) {
                self.err(f.id.span(), "another blank of this document already has this id");
            }
            fields.push(Field { id: f.id.get_ref().clone(), label: self.text(&f.label) });
        }
        let text = self.text(&d.body);
        let mut used: Vec<std::collections::BTreeSet<u16>> = Vec::new();
        let body = Lang::ALL.map(|lang| {
            let mut pieces = Vec::new();
            let mut fields_used = std::collections::BTreeSet::new();
            let mut rest = text.get(lang);
            while let Some(open) = rest.find(['{', '[']) {
                let close = if rest.as_bytes()[open] == b'{' { '}' } else { ']' };
                let Some(len) = rest[open..].find(close) else {
                    self.err(
                        d.body.span(),
                        format!("the {} text opens `{}` without closing it", lang_name(lang), &rest[open..open + 1]),
                    );
                    break;
                };
                if open > 0 {
                    pieces.push(Piece::Text(rest[..open].to_string()));
                }
                let name = &rest[open + 1..open + len];
                let condition = name.strip_prefix('?').filter(|_| close == '}');
                let piece = if let Some(cond) = condition {
                    let found = lets.iter().position(|l| l.id == cond);
                    if found.is_some_and(|i| r.let_type(i) != Some(Ty::Bool)) {
                        self.err(
                            d.body.span(),
                            format!("`{{?{cond}}}` must name a [let] that is a condition (true or false)"),
                        );
                    }
                    found.map(|i| Piece::If(i as u16))
                } else if close == '}' {
                    questions
                        .iter()
                        .position(|q| q.id.get_ref() == name)
                        .map(|i| Piece::Answer(i as u16))
                        .or_else(|| lets.iter().position(|l| l.id == name).map(|i| Piece::Let(i as u16)))
                } else {
                    fields.iter().position(|f| f.id == name).map(|i| {
                        fields_used.insert(i as u16);
                        Piece::Field(i as u16)
                    })
                };
                match piece {
                    Some(p) => pieces.push(p),
                    None => {
                        let what = if close == '}' {
                            "no question or [let] has the id"
                        } else {
                            "no [[document.field]] has the id"
                        };
                        self.err(d.body.span(), format!("in the {} text, {what} `{name}`", lang_name(lang)));
                    }
                }
                rest = &rest[open + len + 1..];
            }
            if !rest.is_empty() {
                pieces.push(Piece::Text(rest.to_string()));
            }
            used.push(fields_used);
            pieces
        });
        for (lang, set) in Lang::ALL.iter().zip(&used) {
            for (i, f) in fields.iter().enumerate() {
                if !set.contains(&(i as u16)) {
                    self.err(
                        d.body.span(),
                        format!("the {} text does not use the blank `[{}]`", lang_name(*lang), f.id),
                    );
                }
            }
        }
        DocumentRule {
            id: d.id.get_ref().clone(),
            title: self.text(&d.title),
            body,
            fields,
            note: d.note.as_ref().map(|n| self.text(n)),
        }
    }

    fn kind(&mut self, q: &syntax::QuestionSyntax) -> Option<Kind> {
        let kind = q.kind.get_ref().as_str();
        if kind != "choice" {
            if let Some(o) = q.options.first() {
                self.err(o.id.span(), "only a `choice` question has options");
            }
        }
        if kind != "number" {
            if let Some(m) = q.min.as_ref().or(q.max.as_ref()) {
                self.err(m.span(), "only a `number` question has `min` and `max`");
            }
        }
        Some(match kind {
            "yes-no" => Kind::YesNo,
            "date" => Kind::Date,
            "time" => Kind::Time,
            "number" => {
                let (Some(min), Some(max)) = (&q.min, &q.max) else {
                    self.err(
                        q.kind.span(),
                        "a `number` question needs `min` and `max`, so that every answer can be checked",
                    );
                    // Still a number, so that guards comparing it with numbers are not misreported;
                    // the error above stops the build before the range is ever used.
                    return Some(Kind::Number { min: 0, max: 0 });
                };
                if min.get_ref() > max.get_ref() {
                    self.err(max.span(), "`max` is smaller than `min`");
                }
                Kind::Number { min: *min.get_ref(), max: *max.get_ref() }
            }
            "choice" => {
                if q.options.len() < 2 {
                    self.err(q.kind.span(), "a `choice` question needs at least two [[question.option]]s");
                }
                let mut options: Vec<Choice> = Vec::new();
                for o in &q.options {
                    self.kebab(&o.id);
                    if matches!(o.id.get_ref().as_str(), "yes" | "no") {
                        self.err(o.id.span(), "use a `yes-no` question instead of options named yes and no");
                    }
                    if options.iter().any(|x| x.id == *o.id.get_ref()) {
                        self.err(o.id.span(), "another option of this question already has this id");
                    }
                    options.push(Choice { id: o.id.get_ref().clone(), label: self.text(&o.label) });
                }
                Kind::Choice(options)
            }
            other => {
                let message =
                    format!("unknown question type `{other}`; the types are yes-no, choice, date, time, number");
                self.err(q.kind.span(), message);
                return None;
            }
        })
    }

    /// Parses and resolves a boolean guard, and checks which questions it may read.
    fn guard(
        &mut self,
        r: &mut Resolver,
        s: Option<&S<String>>,
        what: &str,
        reads_ok: impl Fn(&std::collections::BTreeSet<usize>) -> bool,
        owner: &S<String>,
    ) -> Option<Expr> {
        let s = s?;
        let (node, base) = self.expr_node(s)?;
        let Resolved { expr, reads, .. } = r.resolve_as(&node, base, Ty::Bool, what)?;
        if !reads_ok(&reads) {
            // Name only the questions that are read too early, not every question it reads.
            let late: Vec<&str> = reads
                .iter()
                .filter(|&&j| !reads_ok(&std::collections::BTreeSet::from([j])))
                .map(|&j| r.questions[j].id)
                .collect();
            self.err(
                base + node.span.start..base + node.span.end,
                format!(
                    "{what} of `{}` reads an answer that is not given yet when it is evaluated (it reads {}); \
                     a question may only depend on the questions before it",
                    owner.get_ref(),
                    late.join(", ")
                ),
            );
        }
        Some(expr)
    }

    /// `valid_from` / `valid_to` as a guard on the topic's law date (both days included).
    fn validity(
        &mut self,
        law_date: Option<usize>,
        from: Option<&S<Datetime>>,
        to: Option<&S<Datetime>>,
        question: Option<usize>,
    ) -> Option<Expr> {
        let mut parts = Vec::new();
        for (bound, op) in [(from, CmpOp::Ge), (to, CmpOp::Le)] {
            let Some(bound) = bound else { continue };
            let Some(date) = self.date(bound) else { continue };
            let Some(ld) = law_date else {
                self.err(bound.span(), "`valid_from`/`valid_to` need the topic's `law_date`: the date question that picks the law in force");
                continue;
            };
            if question.is_some_and(|q| ld >= q) {
                self.err(
                    bound.span(),
                    "this question comes before the `law_date` question, so the law in force is not known yet",
                );
                continue;
            }
            parts.push(Expr::Cmp(op, Box::new(Expr::Answer(ld as u16)), Box::new(Expr::Lit(Value::Date(date)))));
        }
        parts.into_iter().reduce(|a, b| Expr::And(Box::new(a), Box::new(b)))
    }
}

/// What a citation looks like, for diagnostics.
pub(crate) const CITE_FORMAT: &str = "a citation is a source id and an article, like \"law-333-vi 9(5)(2)\" or \"law-333-vi 1()(10)\" (or a secondary source's id alone, when the article is not known)";

/// Splits `law-333-vi 9(5)(2)` into the source id, the article and its parts (paragraph,
/// subparagraph); `None` if it is not written that way. Rules files and scenarios share it.
pub(crate) fn parse_cite(text: &str) -> Option<(&str, String, Vec<String>)> {
    let text = text.trim();
    // A source alone: its article is not known (allowed for secondary sources only).
    if !text.is_empty() && !text.contains([' ', '(']) {
        return Some((text, String::new(), Vec::new()));
    }
    let (source, rest) = text.split_once(' ')?;
    let (article, parts) = rest.split_once('(').map_or((rest, ""), |(a, p)| (a, p));
    let parts: Vec<String> =
        if parts.is_empty() { Vec::new() } else { parts.strip_suffix(')')?.split(")(").map(str::to_string).collect() };
    // Only the paragraph may be empty, for articles whose items are subparagraphs: `1()(10)`.
    if parts.last().is_some_and(|l| l.is_empty()) || parts.len() > 2 {
        return None;
    }
    let article = article.trim();
    let ok = !article.is_empty() && article.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    ok.then(|| (source, article.to_string(), parts))
}

fn conjoin(a: Option<Expr>, b: Option<Expr>) -> Option<Expr> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Expr::And(Box::new(b), Box::new(a))),
        (a, b) => a.or(b),
    }
}
