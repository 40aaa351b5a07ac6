//! The `<zanger-wizard>` widget: the engine's screens rendered into a Shadow DOM.
//!
//! `www/zanger.js` defines the custom element, attaches an open shadow root and calls
//! [`mount`]. From then on this crate renders every screen and handles every event; it
//! only reports the user's answers to the engine and renders what the engine returns.
//! Nothing is stored and nothing is sent anywhere.

mod document;
#[cfg(feature = "trainer")]
mod map;
mod render;
#[cfg(feature = "trainer")]
mod trainer;
mod warm;
#[cfg(feature = "trainer")]
mod what_if;
mod widget;

use std::cell::RefCell;
use std::sync::OnceLock;

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;
use zanger::{Catalog, Lang};

use crate::widget::Widget;

static CATALOG_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));
static CATALOG: OnceLock<Catalog> = OnceLock::new();

thread_local! {
    /// Every mounted widget, by the id `mount` returned.
    static WIDGETS: RefCell<Vec<Widget>> = const { RefCell::new(Vec::new()) };
    /// The roots and languages again, outside the `RefCell` above, so the panic hook can
    /// reach them even while a widget is borrowed.
    static ROOTS: RefCell<Vec<(ShadowRoot, Lang)>> = const { RefCell::new(Vec::new()) };
}

fn catalog() -> &'static Catalog {
    // The bytes were produced by the same code at build time; failing here is a build bug.
    CATALOG.get_or_init(|| Catalog::from_bytes(CATALOG_BYTES).expect("embedded catalog decodes"))
}

/// The language to use for a `lang` attribute: kk, ru or en; Russian otherwise.
fn lang_of(code: &str) -> Lang {
    Lang::parse(code).unwrap_or(Lang::Ru)
}

/// Renders a wizard for `topic` into `root` and returns its id.
#[wasm_bindgen]
pub fn mount(root: ShadowRoot, topic: &str, lang: &str) -> usize {
    install_panic_hook();
    let lang = lang_of(lang);
    let today = zanger::day::kazakhstan_today(js_sys::Date::now());
    let id = WIDGETS.with(|w| w.borrow().len());
    ROOTS.with(|r| r.borrow_mut().push((root.clone(), lang)));
    let widget = Widget::new(id, catalog(), root, topic, lang, today);
    WIDGETS.with(|w| w.borrow_mut().push(widget));
    with_widget(id, |w| w.start());
    id
}

/// Lays out every screen once, hidden, so the user's first answers are fast (see `warm`).
/// The page calls it once, when idle, after the first screen is shown.
#[wasm_bindgen]
pub fn warm_up(id: usize) {
    let root = ROOTS.with(|r| r.borrow().get(id).map(|(root, _)| root.clone()));
    if let Some(root) = root {
        warm::warm_up(&root, catalog(), zanger::day::kazakhstan_today(js_sys::Date::now()));
    }
}

/// The ids of every topic, for the build-time first screens.
#[wasm_bindgen]
pub fn topic_ids() -> Vec<String> {
    catalog().topics.iter().map(|t| t.id.clone()).collect()
}

/// The first screen of a topic in a language, for `scripts/bundle.mjs` to put in zanger.js.
#[wasm_bindgen]
pub fn first_screen(topic: &str, lang: &str) -> Option<String> {
    render::first_screen(catalog(), topic, lang_of(lang))
}

/// Trainer mode on or off (the element's `trainer` attribute; workshop build only).
#[cfg(feature = "trainer")]
#[wasm_bindgen]
pub fn set_trainer(id: usize, on: bool) {
    with_widget(id, |w| w.set_trainer(on));
}

/// Switches a mounted wizard's language, keeping every answer.
#[wasm_bindgen]
pub fn set_lang(id: usize, lang: &str) {
    with_widget(id, |w| w.set_lang(lang_of(lang)));
}

pub(crate) fn with_widget<R>(id: usize, f: impl FnOnce(&mut Widget) -> R) -> Option<R> {
    WIDGETS.with(|w| {
        let mut widgets = w.borrow_mut();
        let widget = widgets.get_mut(id)?;
        let out = f(widget);
        let lang = widget.lang();
        ROOTS.with(|r| {
            if let Some(entry) = r.borrow_mut().get_mut(id) {
                entry.1 = lang;
            }
        });
        Some(out)
    })
}

/// A panic must never leave a blank box: replace every widget's content with a message.
fn install_panic_hook() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
            ROOTS.with(|r| {
                if let Ok(roots) = r.try_borrow() {
                    for (root, lang) in roots.iter() {
                        render::crashed(root, catalog(), *lang);
                    }
                }
            });
        }));
    });
}
