//! Trainer mode, for workshops: a toolbar (preset cases, the date to count from, a jump to
//! any question, the map, reset), large type, the topic's map under the screen (`map`),
//! "what if" under a result (`what_if`) and keyboard shortcuts.
//!
//! Built only with the `trainer` feature: into the workshop widget (`www/dist/trainer/`) and
//! the offline file, not into the widget NGO sites embed, which stays within its size budget.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, KeyboardEvent};
use zanger::session::{parse_answer, Screen, Session};
use zanger::{format, Catalog, Lang, NaiveDate};

use crate::map::{self, clip};
use crate::render::esc;
use crate::widget::{focus, Widget};
use crate::{document, what_if};

pub struct Trainer {
    on: bool,
    /// Today in Kazakhstan, as the page opened: what reset returns the date control to.
    real_today: NaiveDate,
    /// The preset case last loaded, by index in the catalog.
    preset: Option<usize>,
    /// The map is shown under the screen (toggled with M).
    map_open: bool,
    /// A typed answer being tried in "what if": question index and input.
    tried: Option<(usize, String)>,
}

impl Trainer {
    pub fn new(today: NaiveDate) -> Self {
        Trainer { on: false, real_today: today, preset: None, map_open: true, tried: None }
    }
}

impl Widget {
    /// Turns trainer mode on or off; the answers stay.
    pub fn set_trainer(&mut self, on: bool) {
        if on != self.trainer.on {
            self.trainer.on = on;
            self.render_shell();
            self.render(false);
        }
    }

    /// The toolbar and large type, when trainer mode is on (`render_shell` calls it).
    pub(crate) fn render_trainer_bar(&self) {
        if let (true, Some(session), Some(tools), Some(zw)) =
            (self.trainer.on, &self.session, self.find(".zw-tools"), self.find(".zw"))
        {
            tools.set_inner_html(&bar(self.catalog, self.lang, session, &self.trainer));
            zw.set_class_name("zw zw-large");
        }
    }

    /// "What if" under a result and the map under every screen (`render` calls it).
    pub(crate) fn render_trainer_extra(&self) {
        let (Some(session), Some(slot)) = (&self.session, self.find(".zw-extra")) else { return };
        let mut extra = String::new();
        if self.trainer.on {
            // The outcome shown, if any: "what if" starts from it and the map marks it.
            let mut shown = None;
            if let Ok(Screen::Outcome(outcome)) = session.screen() {
                let tried = self.trainer.tried.as_ref().map(|(q, input)| (*q, input.as_str()));
                extra = what_if::section(self.catalog, self.lang, session, &outcome, tried);
                shown = session.topic().outcomes.iter().position(|r| std::ptr::eq(r, outcome.rule));
            }
            if self.trainer.map_open {
                extra.push_str(&map_section(self.catalog, self.lang, session, shown));
            }
        }
        slot.set_inner_html(&extra);
    }

    pub(crate) fn trainer_action(&mut self, action: &str, target: &Element) {
        let q = target.get_attribute("data-q").and_then(|q| q.parse::<usize>().ok());
        match action {
            // Between demonstrations: no answers, no case, today again.
            "reset" => {
                if let Some(s) = &mut self.session {
                    s.restart();
                    s.set_today(self.trainer.real_today);
                }
                self.trainer.preset = None;
                self.trainer.tried = None;
                self.blanks.clear();
                self.doc_langs.clear();
                self.render_shell();
                self.render(true);
            }
            "jump" => self.jump(q),
            "map" => {
                self.trainer.map_open = !self.trainer.map_open;
                self.render_shell();
                self.render(false);
                if let Some(el) = self.find("[data-action=map]") {
                    focus(&el);
                }
            }
            "map-print" => {
                if let Some(page) = self.map_page() {
                    if let Err(e) = document::print(&self.root, &page) {
                        web_sys::console::error_1(&e);
                    }
                }
            }
            "what-if" => {
                let (Some(session), Some(q)) = (&self.session, q) else { return };
                let question = session.topic().questions.get(q);
                let value = question.zip(target.get_attribute("data-v")).and_then(|(qn, v)| parse_answer(qn, &v));
                if let Some(Ok(other)) = value.map(|v| session.with_answer(q, v)) {
                    self.session = Some(other);
                    self.trainer.tried = None;
                    self.render(true);
                }
            }
            "what-if-try" => {
                let input = target.previous_element_sibling().and_then(|i| i.dyn_into::<HtmlInputElement>().ok());
                if let (Some(q), Some(input)) = (q, input) {
                    self.trainer.tried = Some((q, input.value()));
                    self.render(false);
                    if let Some(el) = self.find(&format!("[data-action=what-if-try][data-q=\"{q}\"]")) {
                        focus(&el);
                    }
                }
            }
            _ => {}
        }
    }

    pub(crate) fn trainer_change(&mut self, change: &str, value: &str) {
        match change {
            "preset" => self.load_preset(value.parse().ok()),
            "jump" => self.jump(value.parse().ok()),
            "today" => {
                // An empty or partial date leaves the count where it was.
                if let (Some(day), Some(s)) = (zanger::day::parse_date(value), &mut self.session) {
                    s.set_today(day);
                    self.trainer.tried = None;
                    self.render(false);
                }
            }
            _ => {}
        }
    }

    /// Loads a trainer's preset case: its answers, counted from its day.
    fn load_preset(&mut self, index: Option<usize>) {
        let (Some(session), Some(preset)) = (&mut self.session, index.and_then(|i| self.catalog.presets.get(i))) else {
            return;
        };
        if preset.topic != session.topic().id {
            return;
        }
        *session = Session::new(self.catalog, session.topic(), preset.today);
        // A preset is checked against the rules when they are built, so it replays cleanly.
        let _ = session.replay(preset.answers.iter().map(|(q, a)| (q.as_str(), a.as_str())));
        self.trainer.preset = index;
        self.trainer.tried = None;
        self.blanks.clear();
        self.render_shell();
        self.render(true);
    }

    /// Shows a question chosen on the map or in the jump list, through its route if it is
    /// not on the path.
    fn jump(&mut self, question: Option<usize>) {
        let Some(session) = &mut self.session else { return };
        let topic = session.topic();
        let Some(q) = question.filter(|&q| q < topic.questions.len()) else { return };
        session.go_to(q, topic.map.routes[q].as_deref().unwrap_or_default());
        self.trainer.tried = None;
        self.render_shell();
        self.render(true);
    }

    /// The map alone as a page for A4: the topic, the dates it is counted for, the map.
    fn map_page(&self) -> Option<String> {
        let session = self.session.as_ref()?;
        let (c, lang) = (self.catalog, self.lang);
        let svg = self.find(".zw-mapbox svg")?.outer_html();
        let topic = session.topic();
        let dates = format!(
            "{} · {}",
            c.ui.law_as_of.fill(lang, &[("date", &format::date(c, lang, topic.as_of))]),
            c.ui.today_is.fill(lang, &[("date", &format::date(c, lang, session.today()))])
        );
        Some(format!(
            "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><title>{title}</title><style>\
             @page {{ size: A4; margin: 12mm; }} body {{ font: 11pt system-ui, sans-serif; margin: 0; }} \
             h1 {{ font-size: 14pt; margin: 0 0 2mm; }} p {{ margin: 0 0 4mm; }} \
             svg {{ display: block; width: 100%; height: auto; max-height: 245mm; }}</style></head>\
             <body><h1>{title} — {map}</h1><p>{dates}</p>{svg}</body></html>",
            code = lang.code(),
            title = esc(topic.title.get(lang)),
            map = esc(c.ui.trainer_map.get(lang)),
            dates = esc(&dates),
        ))
    }

    pub(crate) fn listen_keys(&self) {
        let id = self.id;
        self.on(
            "keydown",
            Box::new(move |e: Event| {
                let (Some(key), Some(target)) =
                    (e.dyn_ref::<KeyboardEvent>(), e.target().and_then(|t| t.dyn_into::<Element>().ok()))
                else {
                    return;
                };
                if crate::with_widget(id, |w| w.shortcut(key, &target)).unwrap_or(false) {
                    e.prevent_default();
                }
            }),
        );
    }

    /// The keyboard shortcuts listed under the toolbar. Keys are read by their place
    /// (`code`), so they work with a Kazakh or Russian layout too; typing in a field or a
    /// list is never taken over, nor is Enter on a button.
    fn shortcut(&mut self, e: &KeyboardEvent, target: &Element) -> bool {
        let typing = match target.dyn_ref::<HtmlInputElement>() {
            Some(input) => input.type_() != "radio",
            None => matches!(target.tag_name().as_str(), "SELECT" | "TEXTAREA"),
        };
        if !self.trainer.on || typing || e.ctrl_key() || e.alt_key() || e.meta_key() {
            return false;
        }
        let code = e.code();
        match code.as_str() {
            "Enter" if target.tag_name() == "BUTTON" => return false,
            "Enter" => self.submit(),
            "Backspace" => self.action("back", target),
            "KeyM" => self.action("map", target),
            "KeyR" => self.action("reset", target),
            "KeyW" => match self.find("#zw-whatif-h") {
                Some(h) => focus(&h),
                None => return false,
            },
            _ => {
                let Some(n) = code.strip_prefix("Digit").and_then(|d| d.parse::<u32>().ok()).filter(|n| *n > 0) else {
                    return false;
                };
                let Ok(radios) = self.root.query_selector_all("input[name=a][type=radio]") else { return false };
                let Some(radio) = radios.item(n - 1).and_then(|r| r.dyn_into::<HtmlInputElement>().ok()) else {
                    return false;
                };
                radio.set_checked(true);
                let _ = radio.focus();
            }
        }
        true
    }
}

/// The toolbar: the topic's preset cases, the date to count from, a jump to any question,
/// the map switch and reset; the keyboard shortcuts under it.
fn bar(catalog: &Catalog, lang: Lang, session: &Session, t: &Trainer) -> String {
    let ui = &catalog.ui;
    let topic = session.topic();
    let mut options = format!(r#"<option value="">{}</option>"#, esc(ui.trainer_choose.get(lang)));
    for (i, p) in catalog.presets.iter().enumerate().filter(|(_, p)| p.topic == topic.id) {
        let selected = if t.preset == Some(i) { " selected" } else { "" };
        options.push_str(&format!(r#"<option value="{i}"{selected}>{}</option>"#, esc(p.title.get(lang))));
    }
    let mut questions = String::from(r#"<option value="">—</option>"#);
    for (i, q) in topic.questions.iter().enumerate() {
        questions.push_str(&format!(r#"<option value="{i}">{}. {}</option>"#, i + 1, esc(&clip(q.text.get(lang), 70))));
    }
    format!(
        r#"<div class="zw-trainer" role="group" aria-label="{tools}"><label><span>{preset}</span><select data-change="preset">{options}</select></label><label><span>{today_label}</span><input type="date" data-change="today" value="{iso}" required></label><label><span>{jump}</span><select data-change="jump">{questions}</select></label><button type="button" data-action="map" aria-pressed="{map_open}">{map}</button><button type="button" data-action="reset">{reset}</button><p class="zw-keys">{keys}</p></div>"#,
        tools = esc(ui.trainer_tools.get(lang)),
        preset = esc(ui.trainer_preset.get(lang)),
        today_label = esc(ui.trainer_today.get(lang)),
        iso = zanger::day::date_string(session.today()),
        jump = esc(ui.trainer_jump.get(lang)),
        map_open = t.map_open,
        map = esc(ui.trainer_map.get(lang)),
        reset = esc(ui.trainer_reset.get(lang)),
        keys = esc(ui.trainer_keys.get(lang)),
    )
}

/// The topic's map with where the session is (`outcome`: the index of the outcome shown), and Print.
fn map_section(catalog: &Catalog, lang: Lang, session: &Session, outcome: Option<usize>) -> String {
    let Ok((path, shown)) = session.path() else { return String::new() };
    let at = map::Position { path: &path, answers: session.all_answers(), shown, outcome };
    format!(
        r#"<section class="zw-mapbox" aria-labelledby="zw-map-h"><h4 id="zw-map-h" tabindex="-1">{}</h4><p class="zw-help">{}</p><div class="zw-mapscroll">{}</div><div class="zw-nav"><button type="button" data-action="map-print">{}</button></div></section>"#,
        esc(catalog.ui.trainer_map.get(lang)),
        esc(catalog.ui.trainer_map_help.get(lang)),
        map::svg(catalog, lang, session.topic(), &at),
        esc(catalog.ui.trainer_print_map.get(lang)),
    )
}
