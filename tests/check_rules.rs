//! The real rules compile and every path of every topic checks; a broken rules folder
//! is reported, not panicked on.

use zanger::rules::{self, RulesFile};

mod common;

use common::real_rules;

#[test]
fn the_real_rules_compile_and_check_cleanly() {
    let files = real_rules();
    let checked = rules::check(&files).unwrap_or_else(|report| panic!("the rules do not check:\n{report}"));
    assert!(!checked.catalog.topics.is_empty(), "no topics in rules/topics/");
    assert_eq!(checked.paths.len(), checked.catalog.topics.len());
    for (topic, n) in &checked.paths {
        println!("{topic}: {n} paths, each ends in exactly one outcome");
        assert!(*n > 0, "topic `{topic}` has no paths");
    }
    // The catalog survives the binary round trip the widget depends on.
    let bytes = checked.catalog.to_bytes();
    assert_eq!(zanger::Catalog::from_bytes(&bytes).expect("decode the catalog"), checked.catalog);
}

#[test]
fn a_rules_folder_without_ui_toml_is_a_clear_diagnostic() {
    let files: Vec<RulesFile> = real_rules().into_iter().filter(|f| !f.path.ends_with("/ui.toml")).collect();
    let diags = match rules::compile(&files) {
        Ok(_) => panic!("compiled without ui.toml"),
        Err(diags) => diags,
    };
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].file, "rules/ui.toml");
    assert_eq!(diags[0].message, "the rules need a shared file `ui.toml` beside the `topics/` folder");
    // The file does not exist, so there is no line to show: just the message and where it goes.
    let report = rules::render_all(&files, &diags);
    assert_eq!(
        report,
        "error: the rules need a shared file `ui.toml` beside the `topics/` folder\n --> rules/ui.toml\n\n1 error in the rules\n"
    );
}

#[test]
fn a_topic_file_alone_reports_every_missing_shared_file() {
    let files: Vec<RulesFile> = real_rules().into_iter().filter(|f| f.path.contains("topics/")).collect();
    let diags = rules::compile(&files).err().expect("compiled without the shared files");
    let named: Vec<&str> = diags.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(named, ["rules/sources.toml", "rules/calendar.toml", "rules/parameters.toml", "rules/ui.toml"]);
}

/// The complete example in rules/README.md compiles and passes the checker, so the
/// documentation cannot drift from the format.
#[test]
fn the_example_in_the_rules_readme_checks() {
    let readme = std::fs::read_to_string(common::root().join("rules/README.md")).unwrap();
    let section = readme.split("## A complete small example").nth(1).expect("the example section");
    let example = section.split("```toml\n").nth(1).and_then(|s| s.split("\n```").next()).expect("a toml block");
    let mut files = common::shared_rules();
    files.push(RulesFile { path: "rules/topics/example.toml".into(), text: example.to_string() });
    let checked = rules::check(&files).unwrap_or_else(|report| panic!("the README example does not check:\n{report}"));
    assert_eq!(checked.catalog.topics[0].outcomes.len(), 3);
}

/// Dated parameters: the MRP in force on a day, including 2020's change on 1 April.
#[test]
fn the_mrp_in_force_on_a_day() {
    let catalog = rules::check(&real_rules()).unwrap().catalog;
    let on = |d: &str| catalog.mrp_on(zanger::day::parse_date(d).unwrap()).map(|m| m.tenge);
    assert_eq!(on("2020-03-31"), Some(2651));
    assert_eq!(on("2020-04-01"), Some(2778));
    assert_eq!(on("2022-07-01"), Some(3063), "fines use 3,063 all through 2022");
    assert_eq!(on("2026-11-22"), Some(4325));
    assert_eq!(on("2018-12-31"), None, "no value before the first one is known");
    assert_eq!(on("2027-01-01"), None, "no value after the table's last known day");
}
