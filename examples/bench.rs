//! Prints native figures: the time to check every path of every topic, and the engine's
//! time per step (one answer plus computing the next screen) on the picket flow.
//!
//!   cargo run --release --example bench

use std::path::Path;
use std::time::{Duration, Instant};

use zanger::rules;
use zanger::session::{Screen, Session};
use zanger::NaiveDate;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let files = rules::read_dir(&dir).expect("read rules");

    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            rules::check(&files).expect("rules check");
            t.elapsed()
        })
        .collect();
    let checked = rules::check(&files).expect("rules check");
    let paths: usize = checked.paths.iter().map(|(_, n)| n).sum();
    println!(
        "checker: {} topics, {paths} paths, median {:.1} ms (budget 1000 ms)",
        checked.paths.len(),
        ms(median(runs))
    );

    let catalog = checked.catalog;
    let topic = catalog.topic("assembly").expect("assembly topic");
    let today = NaiveDate::from_ymd_opt(2025, 3, 14).unwrap();
    let answers = [
        ("form", "picket"),
        ("citizen", "yes"),
        ("age", "30"),
        ("barrier", "none"),
        ("place", "public"),
        ("same-spot", "no"),
        ("event-date", "2025-03-27"),
        ("start", "10:00"),
        ("end", "11:00"),
    ];
    let rounds = 20_000;
    let t = Instant::now();
    let mut steps = 0u64;
    for _ in 0..rounds {
        let mut session = Session::new(&catalog, topic, today);
        for (_, input) in answers {
            session.answer_input(input).expect("valid answer");
            steps += 1;
            match session.screen().expect("screen") {
                Screen::Question { .. } => {}
                Screen::Outcome(outcome) => {
                    std::hint::black_box(outcome.report(zanger::Lang::Ru));
                }
            }
        }
    }
    let per_step = t.elapsed() / steps as u32;
    println!(
        "engine: {:.2} µs per step (answer + next screen; the last step builds the full report) (budget 20 µs)",
        per_step.as_secs_f64() * 1e6
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
