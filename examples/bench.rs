//! Prints native figures: the time to check every path of every topic, and the engine's
//! time per step (one answer plus computing the next screen) on the picket flow of a scenario
//! file, answered by question id as the engine asks.
//!
//!   cargo run --release --example bench

use std::path::Path;
use std::time::{Duration, Instant};

use zanger::rules::{self, scenario};
use zanger::session::{Screen, Session};

/// The flow timed: a picket that can go ahead, with its notice.
const FLOW: &str = "tests/scenarios/nauryz-2025-deadline.toml";

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
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FLOW);
    let text = std::fs::read_to_string(&path).expect("read the scenario");
    let flow = scenario::parse(FLOW, &text).unwrap_or_else(|d| panic!("{}", d.render(&text)));
    let topic = catalog.topic(&flow.topic).expect("the scenario's topic");
    let answer_to = |id: &str| flow.answers.iter().find(|a| a.question == id).map(|a| a.input.as_str());
    let rounds = 20_000;
    let t = Instant::now();
    let mut steps = 0u64;
    for _ in 0..rounds {
        let mut session = Session::new(&catalog, topic, flow.today);
        while let Screen::Question { question, .. } = session.screen().expect("screen") {
            let input = answer_to(&question.id).unwrap_or_else(|| panic!("{FLOW} has no answer to {}", question.id));
            session.answer_input(input).expect("valid answer");
            steps += 1;
            if let Screen::Outcome(outcome) = session.screen().expect("screen") {
                std::hint::black_box(outcome.report(zanger::Lang::Ru));
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
