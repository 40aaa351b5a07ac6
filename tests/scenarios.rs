//! Runs every scenario in `tests/scenarios/*.toml` against the real rules (see
//! `zanger::rules::scenario` for the format), and checks that every outcome of every topic
//! is shown by at least one scenario. All failures are reported at once.

use std::collections::BTreeSet;

mod common;

use zanger::rules::{self, scenario};

#[test]
fn every_scenario_holds_and_every_outcome_is_covered() {
    let files = common::real_rules();
    let checked = rules::check(&files).unwrap_or_else(|report| panic!("the rules do not compile:\n{report}"));
    let catalog = &checked.catalog;

    let paths = common::toml_files_in("tests/scenarios");

    let mut failures = Vec::new();
    let mut covered = BTreeSet::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy();
        let shown = format!("tests/scenarios/{name}");
        let text = std::fs::read_to_string(path).expect("read a scenario");
        match scenario::parse(&shown, &text) {
            Err(d) => failures.push(d.render(&text)),
            Ok(s) => {
                covered.insert((s.topic.clone(), s.expect.outcome.clone()));
                if let Err(e) = scenario::run(catalog, &s) {
                    failures.push(format!("{shown}:\n  {}\n", e.replace('\n', "\n  ")));
                }
            }
        }
    }

    let uncovered: Vec<String> = catalog
        .topics
        .iter()
        .flat_map(|t| t.outcomes.iter().map(move |o| (t.id.clone(), o.id.clone())))
        .filter(|key| !covered.contains(key))
        .map(|(t, o)| format!("{t}: {o}"))
        .collect();
    if !uncovered.is_empty() {
        failures
            .push(format!("outcomes no scenario shows (add one to tests/scenarios/):\n  {}\n", uncovered.join("\n  ")));
    }
    if !failures.is_empty() {
        panic!("{} problem(s) in {} scenario files:\n\n{}", failures.len(), paths.len(), failures.join("\n"));
    }
    println!("{} scenarios passed", paths.len());
}

/// The runner itself: a stale or wrong scenario fails, and says what differed.
#[test]
fn a_wrong_scenario_says_what_differed() {
    let files = common::real_rules();
    let checked = rules::check(&files).unwrap_or_else(|report| panic!("the rules do not compile:\n{report}"));
    let run = |text: &str| {
        let s = scenario::parse("x.toml", text).unwrap_or_else(|d| panic!("{}", d.render(text)));
        scenario::run(&checked.catalog, &s).unwrap_err()
    };

    let wrong = r#"# wrong on purpose
topic = "assembly"
today = 2025-03-14
[answers]
form = "picket"
citizen = "yes"
event-date = 2025-03-27
organiser = "me"
age = 30
barrier = "none"
place = "transport"
start = "10:00"
[expect]
outcome = "can-picket"
dates = { notice-deadline = 2025-03-18 }
cites = ["law-333-vi 10(1)", "law-333-vi 99"]
calendar_warning = true
"#;
    let e = run(wrong);
    for part in [
        "answers for questions the path never asks (remove them): start",
        "outcome: expected `can-picket`, got `forbidden-place`",
        "date `notice-deadline`: expected 2025-03-18 (Tue), but the outcome shows no such date",
        "citations `law-333-vi 10(1)`, `law-333-vi 99` are not among the outcome's: `law-333-vi 9(5)`",
        "calendar warning: expected shown, got not shown",
    ] {
        assert!(e.contains(part), "missing {part:?} in:\n{e}");
    }

    let dates = wrong.replace("place = \"transport\"", "place = \"public\"\nsame-spot = \"no\"\nend = \"11:00\"");
    let e = run(&dates);
    assert!(e.contains("date `notice-deadline`: expected 2025-03-18 (Tue), got 2025-03-17 (Mon)"), "{e}");
    assert!(
        e.contains("date `answer-by`: the outcome shows 2025-03-20 (Thu), which the scenario does not expect"),
        "{e}"
    );

    let e = run(&wrong.replace("age = 30\n", ""));
    assert_eq!(e, "the path asks `age`, but the scenario gives no answer for it");
    let e = run(&wrong.replace("age = 30", "age = 300"));
    assert_eq!(e, "the answer for `age` is not a valid answer to that question");
    let e = run(&wrong.replace("topic = \"assembly\"", "topic = \"assemblies\""));
    assert!(e.starts_with("unknown topic `assemblies`; the topics are: assembly"), "{e}");
    let e = run(&wrong.replace("age = 30", "agee = 30"));
    assert!(e.starts_with("answers for questions that topic `assembly` does not have: agee;"), "{e}");
}

#[test]
fn a_malformed_scenario_is_a_diagnostic() {
    let err = |text: &str| {
        let d = scenario::parse("x.toml", text).unwrap_err();
        d.render(text)
    };
    let base = "# header\ntopic = \"picket\"\ntoday = 2025-03-14\n[answers]\ncitizen = \"yes\"\n[expect]\noutcome = \"minor\"\n";
    let e = err(&base.replace("citizen = \"yes\"", "citizen = true"));
    assert!(e.contains("write a yes/no answer as \"yes\" or \"no\"") && e.contains("x.toml:5:11"), "{e}");
    let e = err(&base.replace("outcome", "outcom"));
    assert!(e.contains("unknown field `outcom`"), "{e}");
    let e = err(&base.replace("2025-03-14", "\"2025-3-14\""));
    assert!(e.contains("`today` must be a date like 2025-03-14"), "{e}");
    let e = err(&format!("{base}cites = [\"law-333-vi art. 5\"]\n"));
    assert!(e.contains("a citation is a source id and an article"), "{e}");
    let e = err(&base.replace("# header\n", ""));
    assert!(e.contains("starts with a comment line"), "{e}");
}
