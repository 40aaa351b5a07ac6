//! Arbitrary input never panics: random expressions, randomly damaged rules files (every
//! diagnostic must render), and random sequences of session calls with arbitrary answers.
//! A small deterministic generator stands in for a fuzzer (cargo-fuzz needs a nightly
//! toolchain this project does not have); the seeds are fixed, so a failure reproduces.

mod common;

use zanger::rules::{self, expr_syntax, RulesFile};
use zanger::session::{Screen, Session};
use zanger::NaiveDate;

/// xorshift64*: tiny, deterministic, good enough to shake inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "citizen",
    "age",
    "and",
    "or",
    "not",
    "in",
    "[",
    "]",
    "(",
    ")",
    ",",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "=",
    "18",
    "-5",
    "2020-06-05",
    "2020-13-45",
    "09:00",
    "25:99",
    "today",
    "yes",
    "no",
    "working-days(",
    "minutes(",
    "days(",
    "place",
    "public",
    "event-date",
    " ",
    "-",
    "é",
    "ә",
    "\"",
    "\\",
    "{",
    "}",
    "0",
    "99999999999999999999",
];

#[test]
fn random_expressions_parse_or_fail_cleanly() {
    let mut rng = Rng(0x5eed_1234);
    for _ in 0..20_000 {
        let n = rng.below(12);
        let text: String =
            (0..n).map(|_| *rng.pick(PIECES)).collect::<Vec<_>>().join(if rng.below(2) == 0 { " " } else { "" });
        if let Err(e) = expr_syntax::parse(&text) {
            assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "bad span {:?} for {text:?}", e.span);
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "{text:?}");
        }
    }
}

fn damage(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        if chars.is_empty() {
            break;
        }
        let at = rng.below(chars.len());
        match rng.below(4) {
            0 => {
                chars.remove(at);
            }
            1 => {
                for c in rng.pick(PIECES).chars().rev() {
                    chars.insert(at, c);
                }
            }
            2 => {
                let end = (at + rng.below(40)).min(chars.len());
                chars.drain(at..end);
            }
            _ => chars[at] = *rng.pick(&['"', '=', '[', ']', '\n', 'x', '1', 'ә', '#', '{', '}']),
        }
    }
    chars.into_iter().collect()
}

#[test]
fn damaged_rules_files_give_diagnostics_that_render() {
    let real = common::real_rules();
    let mut rng = Rng(0xdead_beef);
    let mut rejected = 0;
    for round in 0..150 {
        let mut files: Vec<RulesFile> = real.clone();
        let victim = rng.below(files.len());
        files[victim].text = damage(&mut rng, &files[victim].text);
        match rules::compile(&files) {
            Ok(_) => {}
            Err(diags) => {
                rejected += 1;
                assert!(!diags.is_empty(), "round {round}: an error without diagnostics");
                // Rendering reprints the offending line: it must not panic on any span.
                let report = rules::render_all(&files, &diags);
                assert!(report.contains("error"), "round {round}");
            }
        }
    }
    assert!(rejected > 50, "the damage should break most files ({rejected} of 150 rejected)");
}

#[test]
fn random_session_calls_never_panic() {
    let checked = rules::check(&common::real_rules()).expect("the real rules check");
    let inputs: [&str; 24] = [
        "yes",
        "no",
        "",
        "0",
        "17",
        "18",
        "121",
        "-1",
        "none",
        "public",
        "graves",
        "specialized",
        "2025-03-27",
        "2019-12-31",
        "2030-02-29",
        "08:59",
        "09:00",
        "20:01",
        "23:59",
        "24:00",
        "x",
        "ә",
        "10:00",
        "11:00",
    ];
    let mut rng = Rng(0x00dd_ba11);
    for topic in &checked.catalog.topics {
        for _ in 0..300 {
            let today =
                NaiveDate::from_ymd_opt(2019 + rng.below(9) as i32, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
                    .unwrap();
            let mut s = Session::new(&checked.catalog, topic, today);
            for _ in 0..40 {
                match rng.below(12) {
                    0 => s.back(),
                    1 if rng.below(5) == 0 => s.restart(),
                    // A trainer's jump (with the route the map gives, or none) and "what if".
                    2 => {
                        let q = rng.below(topic.questions.len() + 1);
                        let route = topic.map.routes.get(q).cloned().flatten().unwrap_or_default();
                        let _ = s.go_to(q, if rng.below(2) == 0 { &route } else { &[] });
                    }
                    3 => {
                        let q = rng.below(topic.questions.len() + 1);
                        let input = *rng.pick(&inputs[..]);
                        let value =
                            topic.questions.get(q).and_then(|question| zanger::session::parse_answer(question, input));
                        if let Some(Ok(other)) = value.map(|v| s.with_answer(q, v)) {
                            s = other;
                        }
                    }
                    _ => {
                        let input = *rng.pick(&inputs[..]);
                        let _ = s.answer_input(input);
                    }
                }
                match s.screen() {
                    Ok(Screen::Outcome(o)) => {
                        for lang in zanger::Lang::ALL {
                            let _ = o.report(lang);
                        }
                    }
                    Ok(Screen::Question { position, total_max, .. }) => assert!(position <= total_max),
                    Err(e) => panic!("the checked rules gave an engine error: {e:?}"),
                }
            }
        }
    }
}
