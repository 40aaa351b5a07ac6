//! Markup for each screen, built as strings from the engine's output and set with
//! `innerHTML` inside the shadow root. Every piece of text goes through [`esc`].

use std::fmt::Write;

use web_sys::ShadowRoot;
use zanger::catalog::{Kind, Question};
use zanger::outcome::{DocPiece, Report, ReportDocument};
use zanger::session::{Screen, Session};
use zanger::{Catalog, Lang};

/// Language names are written in their own language, whatever the interface language.
const LANGUAGES: [(Lang, &str); 3] = [(Lang::Kk, "Қазақша"), (Lang::Ru, "Русский"), (Lang::En, "English")];

pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The frame that stays while screens change: title, language switch, live region, body.
/// It goes into the `.zw-root` that `element.js` puts in the shadow root after the styles.
pub fn shell(catalog: &Catalog, lang: Lang, title: &str, body: &str) -> String {
    let ui = &catalog.ui;
    let mut options = String::new();
    for (l, name) in LANGUAGES {
        let selected = if l == lang { " selected" } else { "" };
        let _ = write!(options, r#"<option value="{}" lang="{}"{selected}>{name}</option>"#, l.code(), l.code());
    }
    format!(
        r#"<div class="zw" lang="{code}"><div class="zw-bar"><h2 class="zw-title">{title}</h2><label class="zw-lang"><span>{language}</span><select data-change="lang">{options}</select></label><button type="button" class="zw-exit" data-action="exit">{exit}</button></div><div class="zw-tools"></div><div class="zw-live" role="status" aria-live="polite"></div><div class="zw-body">{body}</div><div class="zw-extra"></div></div>"#,
        code = lang.code(),
        title = esc(title),
        language = esc(ui.language.get(lang)),
        exit = esc(ui.quick_exit.get(lang)),
    )
}

/// The first screen of a topic (frame and first question) as the widget will render it,
/// made at build time so the page can show the question before the wasm has loaded.
pub fn first_screen(catalog: &Catalog, topic_id: &str, lang: Lang) -> Option<String> {
    let topic = catalog.topic(topic_id)?;
    let session = Session::new(catalog, topic, topic.as_of);
    let Ok(Screen::Question { question, position, total_max, .. }) = session.screen() else { return None };
    let view =
        QuestionView { question, position, total: total_max, value: None, can_go_back: false, has_answers: false };
    Some(shell(catalog, lang, topic.title.get(lang), &question_html(catalog, lang, &view)))
}

pub struct QuestionView<'a> {
    pub question: &'a Question,
    pub position: usize,
    pub total: usize,
    /// The earlier answer in input form, to pre-fill.
    pub value: Option<String>,
    pub can_go_back: bool,
    /// Some answer exists, so Start over has something to forget.
    pub has_answers: bool,
}

pub fn question_html(catalog: &Catalog, lang: Lang, v: &QuestionView) -> String {
    let ui = &catalog.ui;
    let q = v.question;
    let progress = ui.progress.fill(lang, &[("n", &v.position.to_string()), ("total", &v.total.to_string())]);
    let percent = v.position * 100 / v.total.max(1);
    let mut h = format!(
        r#"<form class="zw-q" data-question="{id}" novalidate><div class="zw-progress"><span>{progress}</span><span class="zw-track" aria-hidden="true"><span style="width:{percent}%"></span></span></div><fieldset{described}><legend tabindex="-1">{text}</legend>"#,
        id = esc(&q.id),
        progress = esc(&progress),
        text = esc(q.text.get(lang)),
        described = if q.help.is_some() { r#" aria-describedby="zw-help""# } else { "" },
    );
    if let Some(help) = &q.help {
        let _ = write!(h, r#"<p class="zw-help" id="zw-help">{}</p>"#, esc(help.get(lang)));
    }
    let value = v.value.as_deref().unwrap_or("");
    let radio = |h: &mut String, id: &str, label: &str| {
        let checked = if id == value { " checked" } else { "" };
        let _ = write!(
            h,
            r#"<label class="zw-opt"><input type="radio" name="a" value="{}"{checked}><span>{}</span></label>"#,
            esc(id),
            esc(label)
        );
    };
    match &q.kind {
        Kind::YesNo => {
            radio(&mut h, "yes", ui.yes.get(lang));
            radio(&mut h, "no", ui.no.get(lang));
        }
        Kind::Choice(options) => {
            for o in options {
                radio(&mut h, &o.id, o.label.get(lang));
            }
        }
        Kind::Date | Kind::Time | Kind::Number { .. } => {
            let (ty, extra) = match &q.kind {
                Kind::Date => ("date", String::new()),
                Kind::Time => ("time", String::new()),
                Kind::Number { min, max } => {
                    ("number", format!(r#" min="{min}" max="{max}" step="1" inputmode="numeric""#))
                }
                _ => unreachable!("only date, time and number reach this arm"),
            };
            let _ = write!(
                h,
                r#"<input class="zw-input" type="{ty}" name="a" value="{}" aria-label="{}" aria-describedby="zw-error"{extra}>"#,
                esc(value),
                esc(q.text.get(lang))
            );
        }
    }
    let _ = write!(
        h,
        r#"</fieldset><p class="zw-error" id="zw-error" role="alert" hidden></p><div class="zw-nav">{back}<button type="submit" class="zw-primary">{next}</button>{restart}</div></form>"#,
        back = nav_button("back", ui.back.get(lang), v.can_go_back),
        next = esc(ui.next.get(lang)),
        restart = nav_button("restart", ui.start_over.get(lang), v.has_answers),
    );
    h
}

fn nav_button(action: &str, label: &str, shown: bool) -> String {
    if shown {
        format!(r#"<button type="button" data-action="{action}">{}</button>"#, esc(label))
    } else {
        String::new()
    }
}

/// `doc_lang` gives, for a document id, the language version to show (else the reading language).
pub fn result(catalog: &Catalog, lang: Lang, r: &Report, doc_lang: &dyn Fn(&str) -> Option<Lang>) -> String {
    let ui = &catalog.ui;
    let unverified_label = esc(ui.unverified.get(lang));
    let unverified = |note: &Option<String>| {
        note.as_ref().map_or(String::new(), |n| {
            format!(r#"<p class="zw-unverified"><strong>{unverified_label}:</strong> {}</p>"#, esc(n))
        })
    };
    let mut h = format!(
        r#"<section class="zw-result zw-{verdict}" data-outcome="{outcome}"><p class="zw-verdict">{label}</p><h3 tabindex="-1">{title}</h3><p class="zw-summary">{summary}</p>{note}"#,
        verdict = r.verdict,
        outcome = esc(&r.outcome),
        label = esc(&r.verdict_label),
        title = esc(&r.title),
        summary = esc(&r.summary),
        note = unverified(&r.unverified),
    );
    for w in &r.warnings {
        let _ = write!(h, r#"<p class="zw-warning" role="note">{}</p>"#, esc(w));
    }
    if !r.steps.is_empty() {
        let _ = write!(h, r#"<h4>{}</h4><ol class="zw-steps">"#, esc(ui.steps.get(lang)));
        for s in &r.steps {
            let _ = write!(h, "<li><p>{}</p>", esc(&s.text));
            if let (Some(text), Some(iso)) = (&s.date_text, &s.date) {
                let id = s.date_id.as_deref().unwrap_or("");
                let _ = write!(
                    h,
                    r#"<p class="zw-date"><time datetime="{iso}" data-date="{}">{}</time> <span class="zw-from-today">({})</span></p>"#,
                    esc(id),
                    esc(text),
                    esc(s.from_today.as_deref().unwrap_or_default())
                );
            }
            if let Some(rule) = &s.rule {
                let _ = write!(h, r#"<p class="zw-rule">{}</p>"#, esc(rule));
            }
            h.push_str(&unverified(&s.unverified));
            if !s.cites.is_empty() {
                let _ = write!(h, r#"<p class="zw-cite">{}</p>"#, esc(&s.cites.join("; ")));
            }
            h.push_str("</li>");
        }
        h.push_str("</ol>");
    }
    if !r.risks.is_empty() {
        let _ = write!(h, r#"<h4>{}</h4><ul class="zw-risks">"#, esc(ui.risks.get(lang)));
        for k in &r.risks {
            let _ = write!(h, "<li><p>{}</p>", esc(&k.text));
            if let Some(fine) = &k.fine {
                let tenge = k.fine_tenge.map_or(String::new(), |t| t.to_string());
                let _ = write!(h, r#"<p class="zw-fine" data-tenge="{tenge}">{}</p>"#, esc(fine));
            }
            h.push_str(&unverified(&k.unverified));
            let _ = write!(h, r#"<p class="zw-cite">{}</p></li>"#, esc(&k.cites.join("; ")));
        }
        h.push_str("</ul>");
        if let Some(basis) = &r.mrp_basis {
            let _ = write!(h, r#"<p class="zw-rule zw-mrp">{}</p>"#, esc(basis));
        }
    }
    for d in &r.documents {
        h.push_str(&document(catalog, lang, d, doc_lang(&d.id).unwrap_or(lang)));
    }
    let _ = write!(h, r#"<h4>{}</h4><dl class="zw-answers">"#, esc(ui.why.get(lang)));
    for a in &r.answers {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", esc(&a.question), esc(&a.answer));
    }
    let _ = write!(h, r#"</dl><h4>{}</h4><ul class="zw-sources">"#, esc(ui.sources.get(lang)));
    for s in &r.sources {
        let mark =
            if s.secondary { format!(r#" <span class="zw-badge">{unverified_label}</span>"#) } else { String::new() };
        let title = match &s.url {
            Some(url) => {
                format!(r#"<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>"#, esc(url), esc(&s.title))
            }
            None => esc(&s.title),
        };
        let articles = match s.articles.is_empty() {
            true => String::new(),
            false => format!(r#"<br><span class="zw-cite">{}</span>"#, esc(&s.articles.join("; "))),
        };
        let _ = write!(h, "<li>{title}{mark}{articles}</li>");
    }
    let _ = write!(
        h,
        r#"</ul><p class="zw-asof">{asof}</p><p class="zw-today">{today}</p><div class="zw-nav"><button type="button" data-action="back">{back}</button><button type="button" data-action="print" class="zw-primary">{print}</button><button type="button" data-action="restart">{restart}</button></div></section>"#,
        asof = esc(&r.law_as_of),
        today = esc(&r.today),
        back = esc(ui.back.get(lang)),
        print = esc(ui.print.get(lang)),
        restart = esc(ui.start_over.get(lang)),
    );
    h
}

/// A document to file: the chosen language version with tabs for the others, its blanks as
/// inputs that stay on the page, and Print / Save as a file.
fn document(catalog: &Catalog, lang: Lang, d: &ReportDocument, shown: Lang) -> String {
    let ui = &catalog.ui;
    let shown = shown.code();
    let mut h = format!(
        r#"<section class="zw-doc" data-document="{id}"><h4>{heading}: {title}</h4><p class="zw-help">{privacy}</p><div class="zw-doc-langs">"#,
        id = esc(&d.id),
        heading = esc(ui.documents.get(lang)),
        title = esc(&d.title),
        privacy = esc(ui.document_privacy.get(lang)),
    );
    for (l, name) in LANGUAGES {
        let pressed = if l.code() == shown { "true" } else { "false" };
        let _ = write!(
            h,
            r#"<button type="button" data-action="doc-lang" data-lang="{code}" lang="{code}" aria-pressed="{pressed}">{name}</button>"#,
            code = l.code()
        );
    }
    h.push_str("</div>");
    for v in d.versions.iter().filter(|v| v.lang == shown) {
        let _ = write!(
            h,
            r#"<div class="zw-doc-version" data-lang="{code}" lang="{code}"><div class="zw-paper">"#,
            code = v.lang
        );
        for piece in &v.pieces {
            match piece {
                DocPiece::Text(t) => h.push_str(&esc(t)),
                DocPiece::Field(i) => {
                    let field = &d.fields[*i];
                    let _ = write!(
                        h,
                        r#"<input class="zw-field" data-field="{id}" aria-label="{label}" placeholder="{label}" autocomplete="off">"#,
                        id = esc(&field.id),
                        label = esc(&field.label)
                    );
                }
                DocPiece::Blank => h.push_str("__________"),
            }
        }
        h.push_str("</div>");
        if let Some(note) = &v.note {
            let _ = write!(h, r#"<p class="zw-rule">{}</p>"#, esc(note));
        }
        h.push_str("</div>");
    }
    let _ = write!(
        h,
        r#"<div class="zw-nav"><button type="button" data-action="doc-print">{}</button><button type="button" data-action="doc-download">{}</button></div></section>"#,
        esc(ui.print_document.get(lang)),
        esc(ui.download_document.get(lang))
    );
    h
}

/// A message in place of the screen, with Back and Start over so nothing is lost.
pub fn message(catalog: &Catalog, lang: Lang, text: &str, with_nav: bool) -> String {
    let ui = &catalog.ui;
    let nav = if with_nav {
        format!(
            r#"<div class="zw-nav"><button type="button" data-action="back">{}</button><button type="button" data-action="restart">{}</button></div>"#,
            esc(ui.back.get(lang)),
            esc(ui.start_over.get(lang))
        )
    } else {
        String::new()
    };
    format!(r#"<div class="zw-message" role="alert"><p>{}</p>{nav}</div>"#, esc(text))
}

/// After a panic the wasm instance cannot go on: say so in the user's language.
pub fn crashed(root: &ShadowRoot, catalog: &Catalog, lang: Lang) {
    if let Ok(Some(body)) = root.query_selector(".zw-body") {
        body.set_inner_html(&message(catalog, lang, catalog.ui.crashed.get(lang), false));
    }
}
