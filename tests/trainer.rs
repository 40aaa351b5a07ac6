//! What trainer mode asks of the engine: the topic map, jumping to any question, "what if".

use zanger::catalog::Kind;
use zanger::expr::Value;
use zanger::rules;
use zanger::{Catalog, Screen, Session};

mod common;

fn catalog() -> Catalog {
    rules::check(&common::real_rules()).unwrap_or_else(|r| panic!("the rules do not check:\n{r}")).catalog
}

#[test]
fn every_map_edge_goes_forward_and_every_node_is_on_the_map() {
    let c = catalog();
    for t in &c.topics {
        let (nq, no) = (t.questions.len(), t.outcomes.len());
        assert!(!t.map.edges.is_empty(), "{}: no edges", t.id);
        for &(from, to) in &t.map.edges {
            let (from, to) = (from as usize, to as usize);
            // Paths follow the topic's order, and an outcome ends a path.
            assert!(from < nq && from < to && to < nq + no, "{}: edge {from} → {to}", t.id);
        }
        for node in 1..nq + no {
            assert!(t.map.edges.iter().any(|&(_, to)| to as usize == node), "{}: nothing leads to node {node}", t.id);
        }
        assert_eq!(t.map.routes.len(), nq);
        assert_eq!(t.map.routes[0].as_deref(), Some(&[][..]), "{}: the first question needs no answers", t.id);
    }
}

#[test]
fn a_trainer_can_jump_to_every_question_from_a_fresh_start() {
    let c = catalog();
    for t in &c.topics {
        for (q, route) in t.map.routes.iter().enumerate() {
            let Some(route) = route else { continue };
            let mut s = Session::new(&c, t, t.as_of);
            assert!(s.go_to(q, route), "{}: cannot jump to `{}`", t.id, t.questions[q].id);
            match s.screen() {
                Ok(Screen::Question { question, .. }) => assert_eq!(question.id, t.questions[q].id),
                other => panic!("{}: jumped to `{}` but the screen is {other:?}", t.id, t.questions[q].id),
            }
        }
    }
}

#[test]
fn jumping_back_along_the_path_keeps_every_answer() {
    let c = catalog();
    let t = c.topic("assembly").expect("assembly topic");
    let mut s = Session::new(&c, t, t.as_of);
    s.replay([("form", "picket"), ("event-date", "2025-03-27")]).unwrap_err();
    let (path, shown) = s.path().unwrap();
    assert_eq!(path.len(), 3, "form, date, then the question awaiting an answer");
    assert_eq!(shown, Some(path[2]));
    assert!(s.go_to(path[0], &[]));
    let (again, shown) = s.path().unwrap();
    assert_eq!((again, shown), (path.clone(), Some(path[0])));
    assert!(s.all_answers()[path[1]].is_some());
}

#[test]
fn what_if_changes_one_answer_and_shows_how_far_it_reaches() {
    let c = catalog();
    let t = c.topic("information-request").expect("information-request topic");
    let mut s = Session::new(&c, t, t.as_of);
    let stage = t.question_index("stage").expect("a `stage` question");
    let Kind::Choice(options) = &t.questions[stage].kind else { panic!("`stage` is a choice") };
    // Walk any path to an outcome by taking each question's first answer that is accepted.
    let mut guard = 0;
    while let Ok(Screen::Question { question, .. }) = s.screen() {
        let value = match &question.kind {
            Kind::YesNo => Value::Bool(true),
            Kind::Choice(_) => Value::Choice(0),
            Kind::Date => Value::Date(t.as_of),
            Kind::Time => Value::Time(600),
            Kind::Number { min, .. } => Value::Number(*min),
        };
        s.answer(value).expect("an accepted answer");
        guard += 1;
        assert!(guard < 50);
    }
    let Ok(Screen::Outcome(before)) = s.screen() else { panic!("no outcome") };
    let before = before.rule.id.clone();
    let mut differs = false;
    for o in 1..options.len() {
        let other = s.with_answer(stage, Value::Choice(o as u16)).expect("a valid answer");
        assert_eq!(other.all_answers()[stage], Some(Value::Choice(o as u16)));
        match other.screen().unwrap() {
            Screen::Outcome(after) => differs |= after.rule.id != before,
            Screen::Question { .. } => differs = true,
        }
    }
    assert!(differs, "changing the stage of `{}` changes nothing", t.id);
    // The session itself is untouched.
    assert!(matches!(s.screen(), Ok(Screen::Outcome(o)) if o.rule.id == before));
    assert!(s.with_answer(stage, Value::Bool(true)).is_err(), "a yes/no value for a choice question is refused");
}
