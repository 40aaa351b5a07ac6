//! The engine on small inline topics, through one `check` helper: a topic's questions and
//! outcomes, a today, answers in order → the outcome id (or the error) and the dates shown.

mod common;

use zanger::rules::{self, RulesFile};
use zanger::session::{AnswerError, EngineError, Screen, Session};
use zanger::{day, Catalog};

/// Compiles `body` as the topic `t` beside the real shared rules files.
fn catalog(body: &str) -> Catalog {
    let mut files = common::shared_rules();
    let text = format!(
        "id = \"t\"\nas_of = 2025-06-02\ntitle = {{ kk = \"т\", ru = \"т\", en = \"t\" }}\nsummary = {{ kk = \"т\", ru = \"т\", en = \"t\" }}\n{body}"
    );
    files.push(RulesFile { path: "rules/topics/t.toml".into(), text });
    match rules::check(&files) {
        Ok(c) => c.catalog,
        Err(report) => panic!("test topic does not check:\n{report}"),
    }
}

fn outcome(id: &str, when: &str) -> String {
    format!(
        "[[outcome]]\nid = \"{id}\"\nverdict = \"yes\"\nwhen = \"{when}\"\ntitle = {{ kk = \"т\", ru = \"т\", en = \"t\" }}\nsummary = {{ kk = \"т\", ru = \"т\", en = \"t\" }}\ncite = [\"law-333-vi 10(1)\"]\n"
    )
}

fn question(id: &str, kind: &str, extra: &str) -> String {
    format!("[[question]]\nid = \"{id}\"\ntype = \"{kind}\"\ntext = {{ kk = \"{id}\", ru = \"{id}\", en = \"{id}\" }}\n{extra}\n")
}

/// Answers in order on `today` and returns the outcome id.
fn check(catalog: &Catalog, today: &str, answers: &[&str]) -> String {
    let mut s = Session::new(catalog, &catalog.topics[0], day::parse_date(today).unwrap());
    for a in answers {
        s.answer_input(a).unwrap_or_else(|e| panic!("answer {a} refused: {e:?}"));
    }
    match s.screen() {
        Ok(Screen::Outcome(o)) => o.rule.id.clone(),
        Ok(Screen::Question { question, .. }) => format!("question {}", question.id),
        Err(e) => format!("error {e:?}"),
    }
}

#[test]
fn the_law_of_the_event_date_applies() {
    let body = format!(
        "law_date = \"event-date\"\n{}{}{}",
        question("event-date", "date", ""),
        outcome("old-law", "yes").replace("when = \"yes\"", "when = \"yes\"\nvalid_to = 2020-06-04"),
        outcome("new-law", "yes").replace("when = \"yes\"", "when = \"yes\"\nvalid_from = 2020-06-05"),
    );
    let c = catalog(&body);
    assert_eq!(check(&c, "2025-06-02", &["2020-06-04"]), "old-law");
    assert_eq!(check(&c, "2025-06-02", &["2020-06-05"]), "new-law");
    assert_eq!(check(&c, "2025-06-02", &["1999-01-01"]), "old-law");
}

#[test]
fn working_day_deadlines_and_the_calendar_warning() {
    let body = format!(
        "[let]\ndeadline = \"working-days(event-date, -5)\"\n{}{}",
        question("event-date", "date", ""),
        outcome("ok", "today <= deadline")
            + "[[outcome.step]]\ntext = { kk = \"к\", ru = \"д\", en = \"d\" }\ndate = \"deadline\"\n"
            + &outcome("late", "today > deadline"),
    );
    let c = catalog(&body);
    let topic = &c.topics[0];
    let mut s = Session::new(&c, topic, day::parse_date("2025-03-14").unwrap());
    s.answer_input("2025-03-27").unwrap();
    let Ok(Screen::Outcome(o)) = s.screen() else { panic!("expected an outcome") };
    assert_eq!(o.dates(), vec![("deadline", day::parse_date("2025-03-17").unwrap())]);
    assert!(!o.calendar_unverified);
    let mut s = Session::new(&c, topic, day::parse_date("2026-03-02").unwrap());
    s.answer_input("2026-03-27").unwrap();
    let Ok(Screen::Outcome(o)) = s.screen() else { panic!("expected an outcome") };
    assert!(o.calendar_unverified, "2026 is outside the verified years");
    assert_eq!(check(&c, "2025-03-18", &["2025-03-27"]), "late");
}

#[test]
fn back_keeps_answers_and_answers_off_the_path_are_not_read() {
    let body = format!(
        "{}{}{}{}{}",
        question("citizen", "yes-no", ""),
        question("age", "number", "min = 0\nmax = 120\nwhen = \"citizen\""),
        outcome("adult", "citizen and age >= 18"),
        outcome("minor", "citizen and age < 18"),
        outcome("foreigner", "not citizen"),
    );
    let c = catalog(&body);
    let mut s = Session::new(&c, &c.topics[0], day::parse_date("2025-06-02").unwrap());
    s.answer_input("yes").unwrap();
    s.answer_input("30").unwrap();
    s.back();
    s.back();
    // Back to the first question, with its answer kept.
    let Ok(Screen::Question { question, answer, position, .. }) = s.screen() else { panic!() };
    assert_eq!((question.id.as_str(), answer, position), ("citizen", Some(zanger::expr::Value::Bool(true)), 1));
    // A changed mind: the age answer falls off the path, and no guard reads it.
    s.answer_input("no").unwrap();
    let Ok(Screen::Outcome(o)) = s.screen() else { panic!() };
    assert_eq!(o.rule.id, "foreigner");
    assert_eq!(o.trace.len(), 1, "only the answers on the path are the why");
    // …and it comes back when the question is on the path again.
    s.back();
    s.answer_input("yes").unwrap();
    let Ok(Screen::Question { answer, total_max, .. }) = s.screen() else { panic!() };
    assert_eq!((answer, total_max), (Some(zanger::expr::Value::Number(30)), 2));
    s.restart();
    assert!(s.all_answers().iter().all(Option::is_none));
}

#[test]
fn answers_are_checked_before_they_are_taken() {
    let body = format!(
        "{}{}{}",
        question("start", "time", ""),
        question(
            "end",
            "time",
            "check = \"end > start\"\ncheck_message = { kk = \"кейін\", ru = \"позже\", en = \"later\" }"
        ),
        outcome("done", "minutes(start, end) > 0"),
    );
    let c = catalog(&body);
    let mut s = Session::new(&c, &c.topics[0], day::parse_date("2025-06-02").unwrap());
    assert_eq!(s.answer_input("25:00"), Err(AnswerError::Malformed));
    s.answer_input("10:00").unwrap();
    assert!(matches!(s.answer_input("09:00"), Err(AnswerError::Check(t)) if t.en == "later"));
    assert_eq!(s.answer_input("abc"), Err(AnswerError::Malformed));
    s.answer_input("11:00").unwrap();
    assert!(matches!(s.screen(), Ok(Screen::Outcome(_))));
}

#[test]
fn a_broken_catalog_is_an_error_not_a_panic() {
    // A catalog the checker would refuse, built by hand: no outcome matches.
    let body =
        format!("{}{}{}", question("citizen", "yes-no", ""), outcome("yes", "citizen"), outcome("no", "not citizen"));
    let mut c = catalog(&body);
    c.topics[0].outcomes.pop();
    assert_eq!(
        check(&c, "2025-06-02", &["no"]),
        format!("error {:?}", EngineError::Outcomes { topic: "t".into(), matched: vec![] })
    );
}
