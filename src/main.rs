//! `zanger`: the command line over the same engine the widget runs.
//!
//!   zanger check [--rules DIR]
//!   zanger run TOPIC [--today YYYY-MM-DD] [--lang kk|ru|en] [--json] [--rules DIR] ID=ANSWER...
//!   zanger paths TOPIC [--today YYYY-MM-DD] [--rules DIR]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use zanger::catalog::{Catalog, Kind};
use zanger::format;
use zanger::outcome::DocPiece;
use zanger::rules::{self, paths};
use zanger::session::{ReplayError, Screen, Session};
use zanger::{day, Lang};

const USAGE: &str = "usage:
  zanger check [--rules DIR]
      check every rules file and every path of every topic
  zanger run TOPIC [--today YYYY-MM-DD] [--lang kk|ru|en] [--json] [--rules DIR] ID=ANSWER...
      answer a topic's questions and print the outcome (answers: yes/no, an option id,
      YYYY-MM-DD, HH:MM or a whole number); --today defaults to the topic's as_of date
  zanger paths TOPIC [--today YYYY-MM-DD] [--rules DIR]
      list every path through a topic: the answers and the outcome they lead to";

struct Args {
    command: String,
    topic: Option<String>,
    today: Option<chrono::NaiveDate>,
    lang: Lang,
    json: bool,
    rules: PathBuf,
    answers: Vec<(String, String)>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or("no command given")?;
    let mut args = Args {
        command,
        topic: None,
        today: None,
        lang: Lang::En,
        json: false,
        rules: PathBuf::from("rules"),
        answers: Vec::new(),
    };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--today" => {
                let v = value("--today")?;
                args.today = Some(day::parse_date(&v).ok_or(format!("--today: `{v}` is not a date like 2026-03-21"))?);
            }
            "--lang" => {
                let v = value("--lang")?;
                args.lang = Lang::parse(&v).ok_or(format!("--lang: `{v}` is not kk, ru or en"))?;
            }
            "--rules" => args.rules = PathBuf::from(value("--rules")?),
            "--json" => args.json = true,
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with("--") => return Err(format!("unknown option {a}")),
            a => match a.split_once('=') {
                Some((id, answer)) => args.answers.push((id.to_string(), answer.to_string())),
                None if args.topic.is_none() => args.topic = Some(a.to_string()),
                None => return Err(format!("`{a}`: answers are written ID=ANSWER")),
            },
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let files = match rules::read_dir(&args.rules) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: cannot read the rules in {}: {e}", args.rules.display());
            return ExitCode::from(2);
        }
    };
    let checked = match rules::check(&files) {
        Ok(c) => c,
        Err(report) => {
            eprint!("{report}");
            return ExitCode::FAILURE;
        }
    };
    let result = match args.command.as_str() {
        "check" => {
            let elapsed = started.elapsed();
            for (topic, n) in &checked.paths {
                println!("{topic}: {n} paths, each ends in exactly one outcome");
            }
            println!("checked {} files in {:.1} ms", files.len(), elapsed.as_secs_f64() * 1000.0);
            Ok(())
        }
        "run" => run(&checked.catalog, &args),
        "paths" => list_paths(&checked.catalog, &args),
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn topic<'c>(catalog: &'c Catalog, args: &Args) -> Result<&'c zanger::catalog::Topic, String> {
    let id = args.topic.as_deref().ok_or("which topic? give its id")?;
    catalog.topic(id).ok_or_else(|| {
        let ids: Vec<&str> = catalog.topics.iter().map(|t| t.id.as_str()).collect();
        format!("no topic `{id}`; the topics are: {}", ids.join(", "))
    })
}

fn run(catalog: &Catalog, args: &Args) -> Result<(), String> {
    let topic = topic(catalog, args)?;
    let today = args.today.unwrap_or(topic.as_of);
    let mut session = Session::new(catalog, topic, today);
    let answers = args.answers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    match session.replay(answers) {
        Ok(()) => {}
        Err(ReplayError::Unanswered(id)) => {
            let q = &topic.questions[topic.question_index(&id).unwrap_or(0)];
            let mut msg = format!("the next question is `{id}`: {}", q.text.get(args.lang));
            if let Kind::Choice(options) = &q.kind {
                let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                msg.push_str(&format!("\n  answer with {id}=ONE-OF: {}", ids.join(", ")));
            }
            return Err(msg);
        }
        Err(e) => return Err(e.to_string()),
    }
    let Ok(Screen::Outcome(outcome)) = session.screen() else {
        return Err("the session did not reach an outcome".into());
    };
    let report = outcome.report(args.lang);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
        return Ok(());
    }
    println!("{} — {}\n{}\n", report.verdict_label, report.title, report.summary);
    if let Some(u) = &report.unverified {
        println!("[{}] {u}\n", catalog.ui.unverified.get(args.lang));
    }
    for (n, step) in report.steps.iter().enumerate() {
        println!("{}. {}", n + 1, step.text);
        if let (Some(d), Some(from_today)) = (&step.date_text, &step.from_today) {
            println!("   {d} ({from_today})");
        }
        if let Some(r) = &step.rule {
            println!("   {r}");
        }
        if let Some(u) = &step.unverified {
            println!("   [{}] {u}", catalog.ui.unverified.get(args.lang));
        }
        if !step.cites.is_empty() {
            println!("   {}", step.cites.join("; "));
        }
    }
    if !report.risks.is_empty() {
        println!("\n{}:", catalog.ui.risks.get(args.lang));
        for risk in &report.risks {
            println!("- {}", risk.text);
            if let Some(fine) = &risk.fine {
                println!("  {fine}");
            }
            if let Some(u) = &risk.unverified {
                println!("  [{}] {u}", catalog.ui.unverified.get(args.lang));
            }
            println!("  {}", risk.cites.join("; "));
        }
        if let Some(basis) = &report.mrp_basis {
            println!("  {basis}");
        }
    }
    for doc in &report.documents {
        println!("\n{}: {}\n", catalog.ui.documents.get(args.lang), doc.title);
        let version = doc.versions.iter().find(|v| v.lang == args.lang.code()).unwrap_or(&doc.versions[0]);
        let mut text = String::new();
        for piece in &version.pieces {
            match piece {
                DocPiece::Text(t) => text.push_str(t),
                DocPiece::Field(i) => text.push_str(&format!("________ ({})", doc.fields[*i].label)),
                DocPiece::Blank => text.push_str("________"),
            }
        }
        println!("{text}");
        if let Some(note) = &version.note {
            println!("\n{note}");
        }
    }
    for w in &report.warnings {
        println!("\n! {w}");
    }
    println!("\n{}:", catalog.ui.your_answers.get(args.lang));
    for a in &report.answers {
        println!("  {} — {}", a.question, a.answer);
    }
    println!("\n{}:", catalog.ui.sources.get(args.lang));
    for s in &report.sources {
        let url = s.url.as_deref().map(|u| format!(" <{u}>")).unwrap_or_default();
        println!("  {}{url}", s.title);
        if !s.articles.is_empty() {
            println!("    {}", s.articles.join("; "));
        }
    }
    println!("\n{}\n{}", report.law_as_of, report.today);
    Ok(())
}

fn list_paths(catalog: &Catalog, args: &Args) -> Result<(), String> {
    let topic = topic(catalog, args)?;
    let today = args.today.unwrap_or(topic.as_of);
    let walked = paths::walk(catalog, topic, today);
    println!("# {} — {} paths, today = {}", topic.id, walked.paths.len(), day::date_string(today));
    for path in &walked.paths {
        let answers: Vec<String> = path
            .answers
            .iter()
            .map(|&(i, v)| format!("{}={}", topic.questions[i].id, format::answer_input(&topic.questions[i], v)))
            .collect();
        println!("{} -> {}", answers.join(" "), topic.outcomes[path.outcome].id);
    }
    Ok(())
}
