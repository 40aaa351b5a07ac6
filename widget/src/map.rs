//! Trainer mode's map of a topic: every question (left column, in the topic's order) and
//! every outcome (right column), with an arrow wherever one can follow another on some path
//! (`Topic::map`, from the path checker). The current path, its answers and the screen shown
//! are highlighted; a question is clicked to jump to it. The SVG carries its own styles so
//! the same markup prints alone on A4.

use std::fmt::Write;

use zanger::catalog::{Topic, Verdict};
use zanger::expr::Value;
use zanger::{format, Catalog, Lang};

use crate::render::esc;

const COLUMN: i32 = 300;
const LEFT: i32 = 100; // room for the arcs that skip questions
const GAP: i32 = 110;
const OUTCOMES: i32 = LEFT + COLUMN + GAP;
const ROW: i32 = 66;
const BOX: i32 = 54;
/// Characters per line in a question's box and an outcome's (narrower: its verdict stripe),
/// at the map's 13px type.
const LINE: usize = 38;
const OUTCOME_LINE: usize = 35;

/// Where the user is, for highlighting.
pub struct Position<'a> {
    /// Questions on the path, in order (the one awaiting an answer last).
    pub path: &'a [usize],
    /// Every answer given, by question index.
    pub answers: &'a [Option<Value>],
    /// The question on screen, or `None` when `outcome` is shown.
    pub shown: Option<usize>,
    pub outcome: Option<usize>,
}

pub fn svg(catalog: &Catalog, lang: Lang, topic: &Topic, at: &Position) -> String {
    let nq = topic.questions.len();
    let rows = nq.max(topic.outcomes.len()) as i32;
    let legend_y = rows * ROW + 20;
    let (width, height) = (OUTCOMES + COLUMN + 10, legend_y + 20);
    let top = |row: usize| 5 + row as i32 * ROW;
    // The path as nodes: its questions, then the outcome when one is shown.
    let mut nodes: Vec<usize> = at.path.to_vec();
    nodes.extend(at.outcome.map(|o| nq + o));
    let on_path = |from: usize, to: usize| nodes.windows(2).any(|w| w == [from, to]);
    let mut h = format!(
        r#"<svg class="zw-map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{label}"><style>{STYLE}</style><defs>{arrow}{arrow_on}</defs>"#,
        label = esc(catalog.ui.trainer_map.get(lang)),
        arrow = marker("zw-a", "#9a9a9a"),
        arrow_on = marker("zw-a-on", "#0b5cad"),
    );
    // Edges under the boxes, the path's last so that they are drawn on top.
    let edges = topic.map.edges.iter().map(|&(f, t)| (f as usize, t as usize));
    let (on, off): (Vec<_>, Vec<_>) = edges.partition(|&(f, t)| on_path(f, t));
    for (from, to) in off.into_iter().chain(on) {
        let on = on_path(from, to);
        let (y1, mid) = (top(from), BOX / 2);
        let d = if to >= nq {
            let (x1, x2, y2) = (LEFT + COLUMN, OUTCOMES, top(to - nq) + mid);
            format!("M{x1},{} C{},{} {},{y2} {x2},{y2}", y1 + mid, x1 + GAP / 2, y1 + mid, x2 - GAP / 2)
        } else if to == from + 1 {
            let x = LEFT + COLUMN / 2;
            format!("M{x},{} V{}", y1 + BOX, top(to))
        } else {
            let (y2, bend) = (top(to) + mid, LEFT - 10 - (14 * (to - from) as i32).min(LEFT - 20));
            format!("M{LEFT},{} C{bend},{} {bend},{y2} {LEFT},{y2}", y1 + mid, y1 + mid)
        };
        let (class, arrow) = if on { (r#" class="zw-on""#, "zw-a-on") } else { ("", "zw-a") };
        let _ = write!(h, r#"<path d="{d}"{class} marker-end="url(#{arrow})"/>"#);
    }
    for (i, q) in topic.questions.iter().enumerate() {
        let mut class = String::from("zw-node");
        let answer = at.path.contains(&i).then(|| at.answers.get(i).copied().flatten()).flatten();
        if at.path.contains(&i) {
            class.push_str(" zw-on");
        }
        if at.shown == Some(i) {
            class.push_str(" zw-here");
        }
        let text = q.text.get(lang);
        let _ = write!(
            h,
            r#"<g class="{class}" data-action="jump" data-q="{i}"><title>{}</title><rect x="{LEFT}" y="{y}" width="{COLUMN}" height="{BOX}" rx="6"/>{}"#,
            esc(text),
            lines(LEFT + 10, top(i) + 18, &wrap(&format!("{}. {text}", i + 1), LINE)),
            y = top(i),
        );
        if let Some(v) = answer {
            let answer = format::answer(catalog, lang, q, v);
            let _ = write!(
                h,
                r#"<text class="zw-ans" x="{}" y="{}">→ {}</text>"#,
                LEFT + 10,
                top(i) + 49,
                esc(&clip(&answer, LINE - 7))
            );
        }
        h.push_str("</g>");
    }
    for (o, rule) in topic.outcomes.iter().enumerate() {
        let verdict = match rule.verdict {
            Verdict::Yes => ("yes", &catalog.ui.verdict_yes),
            Verdict::No => ("no", &catalog.ui.verdict_no),
            Verdict::Conditional => ("conditional", &catalog.ui.verdict_conditional),
        };
        let here = if at.outcome == Some(o) { " zw-on zw-here" } else { "" };
        let title = rule.title.get(lang);
        let _ = write!(
            h,
            r#"<g class="zw-node zw-{v}{here}"><title>{label}: {}</title><rect x="{OUTCOMES}" y="{y}" width="{COLUMN}" height="{BOX}" rx="6"/><rect class="zw-verdict" x="{OUTCOMES}" y="{y}" width="8" height="{BOX}" rx="3"/>{}</g>"#,
            esc(title),
            lines(OUTCOMES + 16, top(o) + 22, &wrap(title, OUTCOME_LINE)),
            v = verdict.0,
            label = esc(verdict.1.get(lang)),
            y = top(o),
        );
    }
    // What the outcomes' colours mean, for a printed map too.
    let mut x = LEFT;
    for (v, label) in [
        ("yes", &catalog.ui.verdict_yes),
        ("conditional", &catalog.ui.verdict_conditional),
        ("no", &catalog.ui.verdict_no),
    ] {
        let label = label.get(lang);
        let _ = write!(
            h,
            r#"<g class="zw-{v}"><rect class="zw-verdict" x="{x}" y="{}" width="12" height="12"/><text x="{}" y="{legend_y}">{}</text></g>"#,
            legend_y - 10,
            x + 18,
            esc(label)
        );
        x += 32 + 7 * label.chars().count() as i32;
    }
    h.push_str("</svg>");
    h
}

const STYLE: &str = "svg.zw-map{max-width:100%;height:auto}\
.zw-map text{font:13px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#1b1b1b}\
.zw-map rect{fill:#fff;stroke:#9a9a9a}\
.zw-map .zw-on rect{fill:#e7effa;stroke:#0b5cad;stroke-width:2}\
.zw-map .zw-here rect{stroke-width:5}\
.zw-map path{fill:none;stroke:#bdbdbd;stroke-width:1.5}\
.zw-map path.zw-on{stroke:#0b5cad;stroke-width:4}\
.zw-map .zw-ans{font-weight:700;fill:#0b5cad}\
.zw-map [data-action]{cursor:pointer}\
.zw-map [data-action]:hover rect{stroke:#0b5cad}\
.zw-map .zw-yes .zw-verdict{fill:#1a7f37;stroke:none}\
.zw-map .zw-no .zw-verdict{fill:#b42318;stroke:none}\
.zw-map .zw-conditional .zw-verdict{fill:#b54708;stroke:none}";

fn marker(id: &str, color: &str) -> String {
    format!(
        r#"<marker id="{id}" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L8,4L0,8z" fill="{color}" stroke="none"/></marker>"#
    )
}

/// Lines of text, one `tspan` each, starting at (x, y).
fn lines(x: i32, y: i32, lines: &[String]) -> String {
    let mut h = format!(r#"<text x="{x}" y="{y}">"#);
    for (n, line) in lines.iter().enumerate() {
        let dy = if n == 0 { 0 } else { 16 };
        let _ = write!(h, r#"<tspan x="{x}" dy="{dy}">{}</tspan>"#, esc(line));
    }
    h.push_str("</text>");
    h
}

/// Splits text into at most two lines of about `width` characters, the second cut with "…".
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("never empty");
        if line.is_empty() || line.chars().count() + 1 + word.chars().count() <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        } else if lines.len() == 2 {
            let last = lines.last_mut().expect("never empty");
            *last = clip(&format!("{last} {word}"), width - 1);
            return lines;
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

/// At most `n` characters, ending in "…" when cut.
pub fn clip(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(n.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
