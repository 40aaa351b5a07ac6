//! One mounted wizard: its session, its language, and what each event does.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, ShadowRoot};
use zanger::catalog::Kind;
use zanger::session::{AnswerError, Screen, Session};
use zanger::NaiveDate;
use zanger::{format, Catalog, Lang};

use crate::document;
use crate::render::{self, QuestionView};

pub struct Widget {
    pub(crate) id: usize,
    pub(crate) catalog: &'static Catalog,
    pub(crate) root: ShadowRoot,
    pub(crate) lang: Lang,
    /// `None` when the page asked for a topic that does not exist.
    pub(crate) session: Option<Session<'static>>,
    topic_id: String,
    /// What the user typed in documents' blanks, by blank id: kept in memory like the
    /// answers (so Back and a language switch lose nothing), never stored, gone on Start over.
    pub(crate) blanks: std::collections::BTreeMap<String, String>,
    /// Which language version of each document is shown, by document id.
    pub(crate) doc_langs: std::collections::BTreeMap<String, Lang>,
    /// Trainer mode's state (only in the workshop build: see `trainer`).
    #[cfg(feature = "trainer")]
    pub(crate) trainer: crate::trainer::Trainer,
}

impl Widget {
    pub fn new(
        id: usize,
        catalog: &'static Catalog,
        root: ShadowRoot,
        topic: &str,
        lang: Lang,
        today: NaiveDate,
    ) -> Self {
        let session = catalog.topic(topic).map(|t| Session::new(catalog, t, today));
        Widget {
            id,
            catalog,
            root,
            lang,
            session,
            topic_id: topic.to_string(),
            blanks: Default::default(),
            doc_langs: Default::default(),
            #[cfg(feature = "trainer")]
            trainer: crate::trainer::Trainer::new(today),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// First render and event wiring. The page may already show the build-time first
    /// screen; whatever the user chose or typed there is kept, and so is the focus. Otherwise
    /// focus stays where it is: the page, not the widget, owns it until the user acts.
    pub fn start(&mut self) {
        let draft = self.draft();
        let focused = self.root.active_element().and_then(|el| el.get_attribute("type").or(Some(el.tag_name())));
        self.render_shell();
        self.listen();
        self.render(false);
        if let Some(value) = draft {
            self.restore_draft(&value);
        }
        if let Some(kind) = focused {
            let selector = match kind.as_str() {
                "radio" => "input[name=a]:checked, input[name=a]",
                "SELECT" => "select",
                "submit" => "button[type=submit]",
                _ => "input[name=a]",
            };
            if let Some(el) = self.find(selector) {
                focus(&el);
            }
        }
    }

    pub fn set_lang(&mut self, lang: Lang) {
        if lang == self.lang {
            return;
        }
        let draft = self.draft();
        self.lang = lang;
        self.render_shell();
        self.render(false);
        if let Some(value) = draft {
            self.restore_draft(&value);
        }
        if let Some(select) = self.find("select[data-change=lang]") {
            focus(&select);
        }
    }

    pub(crate) fn render_shell(&self) {
        let title = match &self.session {
            Some(s) => s.topic().title.get(self.lang).to_string(),
            None => String::new(),
        };
        if let Some(frame) = self.find(".zw-root") {
            frame.set_inner_html(&render::shell(self.catalog, self.lang, &title, ""));
        }
        #[cfg(feature = "trainer")]
        self.render_trainer_bar();
    }

    pub(crate) fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    fn set_body(&self, html: &str) {
        if let Some(body) = self.find(".zw-body") {
            body.set_inner_html(html);
        }
    }

    fn announce(&self, text: &str) {
        if let Some(live) = self.find(".zw-live") {
            live.set_text_content(Some(text));
        }
    }

    /// Renders the current screen; with `move_focus`, focus goes to its heading so that
    /// keyboard and screen-reader users land on the new question or the result.
    pub(crate) fn render(&mut self, move_focus: bool) {
        let (c, lang) = (self.catalog, self.lang);
        let Some(session) = &self.session else {
            let text = c.ui.unknown_topic.fill(lang, &[("topic", &self.topic_id)]);
            return self.set_body(&render::message(c, lang, &text, false));
        };
        let (html, announcement, focus_selector) = match session.screen() {
            Ok(Screen::Question { question, position, total_max, answer }) => {
                let view = QuestionView {
                    question,
                    position,
                    total: total_max,
                    value: answer.map(|v| format::answer_input(question, v)),
                    can_go_back: session.can_go_back(),
                    has_answers: session.all_answers().iter().any(Option::is_some),
                };
                let progress =
                    c.ui.progress.fill(lang, &[("n", &position.to_string()), ("total", &total_max.to_string())]);
                (render::question_html(c, lang, &view), progress, "legend")
            }
            Ok(Screen::Outcome(outcome)) => {
                let report = outcome.report(lang);
                let announcement = format!("{}: {}", c.ui.result.get(lang), report.title);
                let doc_lang = |id: &str| self.doc_langs.get(id).copied();
                (render::result(c, lang, &report, &doc_lang), announcement, ".zw-result h3")
            }
            Err(_) => {
                (render::message(c, lang, c.ui.error.get(lang), true), c.ui.error.get(lang).to_string(), ".zw-message")
            }
        };
        self.set_body(&html);
        #[cfg(feature = "trainer")]
        self.render_trainer_extra();
        for (field, value) in &self.blanks {
            document::fill(&self.root, field, value);
        }
        if move_focus {
            self.announce(&announcement);
            if let Some(el) = self.find(focus_selector) {
                focus(&el);
            }
        }
    }

    /// The value currently entered on a question screen, submitted or not.
    fn draft(&self) -> Option<String> {
        let input = self.find("input[name=a]:checked").or_else(|| self.find("input[name=a]:not([type=radio])"))?;
        let value = input.dyn_into::<HtmlInputElement>().ok()?.value();
        (!value.is_empty()).then_some(value)
    }

    fn restore_draft(&self, value: &str) {
        let Ok(list) = self.root.query_selector_all("input[name=a]") else { return };
        for i in 0..list.length() {
            let Some(input) = list.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
            if input.type_() == "radio" {
                input.set_checked(input.value() == value);
            } else {
                input.set_value(value);
            }
        }
    }

    fn show_error(&self, text: &str) {
        if let Some(p) = self.find(".zw-error") {
            p.set_text_content(Some(text));
            let _ = p.remove_attribute("hidden");
        }
        if let Some(input) = self.find("input[name=a]") {
            let _ = input.set_attribute("aria-invalid", "true");
            focus(&input);
        }
    }

    pub(crate) fn submit(&mut self) {
        let (c, lang) = (self.catalog, self.lang);
        let Some(session) = &mut self.session else { return };
        let Ok(Screen::Question { question, .. }) = session.screen() else { return };
        let message = |kind: &Kind| match kind {
            Kind::YesNo | Kind::Choice(_) => c.ui.answer_required.get(lang).to_string(),
            Kind::Date => c.ui.invalid_date.get(lang).to_string(),
            Kind::Time => c.ui.invalid_time.get(lang).to_string(),
            Kind::Number { min, max } => {
                c.ui.invalid_number.fill(lang, &[("min", &min.to_string()), ("max", &max.to_string())])
            }
        };
        let input = self.draft().unwrap_or_default();
        let Some(session) = &mut self.session else { return };
        match session.answer_input(&input) {
            Ok(()) => self.render(true),
            Err(AnswerError::Malformed) => self.show_error(&message(&question.kind)),
            Err(AnswerError::Check(text)) => self.show_error(text.get(lang)),
        }
    }

    pub(crate) fn action(&mut self, action: &str, target: &Element) {
        match action {
            "back" => {
                if let Some(s) = &mut self.session {
                    s.back();
                }
                self.render(true);
            }
            "restart" => {
                if let Some(s) = &mut self.session {
                    s.restart();
                }
                self.blanks.clear();
                self.doc_langs.clear();
                self.render(true);
            }
            "print" => {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
            "doc-lang" => {
                let doc = target.closest(".zw-doc").ok().flatten().and_then(|d| d.get_attribute("data-document"));
                let lang = target.get_attribute("data-lang").and_then(|l| Lang::parse(&l));
                if let (Some(doc), Some(lang)) = (doc, lang) {
                    self.doc_langs.insert(doc.clone(), lang);
                    self.render(false);
                    let tab = format!("[data-document=\"{doc}\"] [data-action=doc-lang][data-lang={}]", lang.code());
                    if let Some(el) = self.find(&tab) {
                        focus(&el);
                    }
                }
            }
            "doc-print" | "doc-download" => {
                let Some((name, html)) =
                    target.closest(".zw-doc").ok().flatten().and_then(|d| document::standalone(&d))
                else {
                    return;
                };
                let done = if action == "doc-print" {
                    document::print(&self.root, &html)
                } else {
                    document::download(&self.root, &name, &html)
                };
                if let Err(e) = done {
                    web_sys::console::error_1(&e);
                }
            }
            #[cfg(feature = "trainer")]
            _ => self.trainer_action(action, target),
            #[cfg(not(feature = "trainer"))]
            _ => {}
        }
    }

    pub(crate) fn on(&self, event: &str, handler: Box<dyn FnMut(Event)>) {
        let closure = Closure::wrap(handler);
        let _ = self.root.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        // The widget lives as long as the page; so do its listeners.
        closure.forget();
    }

    /// One listener per event type on the shadow root; elements say what they do with
    /// `data-action` (clicks) and `data-change` (changes).
    fn listen(&self) {
        let id = self.id;
        #[cfg(feature = "trainer")]
        self.listen_keys();
        self.on(
            "submit",
            Box::new(move |e: Event| {
                e.prevent_default();
                crate::with_widget(id, |w| w.submit());
            }),
        );
        self.on(
            "click",
            Box::new(move |e: Event| {
                let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
                let Some(el) = target.closest("[data-action]").ok().flatten() else { return };
                let Some(action) = el.get_attribute("data-action") else { return };
                crate::with_widget(id, |w| w.action(&action, &el));
            }),
        );
        self.on(
            "input",
            Box::new(move |e: Event| {
                let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
                if let Some(field) = input.get_attribute("data-field") {
                    crate::with_widget(id, |w| {
                        document::fill(&w.root, &field, &input.value());
                        w.blanks.insert(field, input.value());
                    });
                }
            }),
        );
        self.on(
            "change",
            Box::new(move |e: Event| {
                let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
                let value = match (target.dyn_ref::<HtmlSelectElement>(), target.dyn_ref::<HtmlInputElement>()) {
                    (Some(select), _) => select.value(),
                    (_, Some(input)) => input.value(),
                    _ => return,
                };
                let change = target.get_attribute("data-change").unwrap_or_default();
                crate::with_widget(id, |w| match change.as_str() {
                    "lang" => w.set_lang(crate::lang_of(&value)),
                    #[cfg(feature = "trainer")]
                    other => w.trainer_change(other, &value),
                    #[cfg(not(feature = "trainer"))]
                    _ => {}
                });
            }),
        );
    }
}

pub(crate) fn focus(el: &Element) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
}
