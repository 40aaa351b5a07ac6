//! Warming up. The first time a screen of a new kind appears, the browser pays for it:
//! it compiles the wasm functions that run for the first time, and it builds its native
//! date and time controls (measured: up to 47 ms for the first date field, 2–4 ms after).
//! After the first screen is up, while the page is idle, this walks every topic once with
//! plausible answers and lays each screen out in a hidden, inert container that is removed
//! at once, so the user's first answers meet compiled code and ready controls.
//! It shows nothing, announces nothing and keeps nothing.

use zanger::catalog::Kind;
use zanger::expr::Value;
use zanger::session::{Screen, Session};
use zanger::{Catalog, Lang, NaiveDate};

use web_sys::ShadowRoot;

use crate::render::{self, QuestionView};

/// Lays out every screen of every topic in a hidden container in `root`, then removes it.
pub fn warm_up(root: &ShadowRoot, catalog: &Catalog, today: NaiveDate) {
    let Ok(Some(frame)) = root.query_selector(".zw") else { return };
    let Some(document) = root.owner_document() else { return };
    let Ok(hidden) = document.create_element("div") else { return };
    let _ = hidden.set_attribute("class", "zw-warm");
    let _ = hidden.set_attribute("aria-hidden", "true");
    let _ = hidden.set_attribute("inert", "");
    let _ = frame.append_child(&hidden);
    for html in screens(catalog, today) {
        hidden.set_inner_html(&html);
        // Reading the layout makes the browser build the controls now.
        std::hint::black_box(hidden.get_bounding_client_rect());
    }
    hidden.remove();
}

/// The markup of every screen met on one plausible walk through each topic.
fn screens(catalog: &Catalog, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    for topic in &catalog.topics {
        let mut session = Session::new(catalog, topic, today);
        // Each question is answered at most once per walk; the bound keeps a topic
        // whose sample answers loop (they cannot, paths only grow) from spinning.
        for _ in 0..=topic.questions.len() {
            match session.screen() {
                Ok(Screen::Question { question, position, total_max, answer }) => {
                    let view = QuestionView {
                        question,
                        position,
                        total: total_max,
                        value: answer.map(|_| String::new()),
                        can_go_back: true,
                        has_answers: true,
                    };
                    out.push(render::question_html(catalog, Lang::Ru, &view));
                    if !samples(&question.kind, today).into_iter().any(|v| session.answer(v).is_ok()) {
                        break;
                    }
                }
                Ok(Screen::Outcome(outcome)) => {
                    for lang in Lang::ALL {
                        out.push(render::result(catalog, lang, &outcome.report(lang), &|_| None));
                    }
                    break;
                }
                Err(_) => break,
            }
        }
    }
    out
}

/// Plausible answers to try in turn: the first that the question accepts is used.
fn samples(kind: &Kind, today: NaiveDate) -> Vec<Value> {
    match kind {
        Kind::YesNo => vec![Value::Bool(true)],
        Kind::Choice(_) => vec![Value::Choice(0), Value::Choice(1)],
        Kind::Date => vec![Value::Date(today + chrono_days(30))],
        Kind::Time => vec![Value::Time(10 * 60), Value::Time(11 * 60), Value::Time(12 * 60)],
        Kind::Number { min, max } => vec![Value::Number(30.clamp(*min, *max))],
    }
}

fn chrono_days(n: i64) -> zanger::chrono::Duration {
    zanger::chrono::Duration::days(n)
}
