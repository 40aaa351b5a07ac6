//! The diagnostics corpus: every `tests/diagnostics/*.toml` is a topic file (its `id` is
//! its file stem) compiled together with the real shared rules files, as if it were
//! `rules/topics/<stem>.toml`. The errors it must produce are written inline, on the line
//! right after the offending line, as a comment whose carets sit under the offending columns,
//! followed by a part of the message:
//!
//! ```toml
//! when = "citizen and nope"
//! #                   ^^^^ unknown name `nope`
//! ```
//!
//! Several caret lines in a row all point into the last line above them that is not one.
//! The diagnostics must be exactly the expected ones: same line, same start column (1-based,
//! in characters), as many carets as the span has characters when it is on one line, and a
//! message that contains the text. A file without expectations must compile cleanly.

use std::path::Path;

mod common;

use zanger::rules::{self, diag, Diagnostic, RulesFile};

#[derive(Debug)]
struct Expected {
    line: usize,
    col: usize,
    carets: usize,
    message: String,
}

fn expectations(text: &str) -> Vec<Expected> {
    let mut out = Vec::new();
    let mut target = 0;
    for (i, line) in text.lines().enumerate() {
        let rest = line.trim_start().strip_prefix('#').map(str::trim_start);
        match rest {
            Some(r) if r.starts_with('^') => {
                let col = line.chars().position(|c| c == '^').unwrap() + 1;
                let carets = r.chars().take_while(|&c| c == '^').count();
                let message = r[carets..].trim().to_string();
                assert!(target > 0, "line {}: a caret line needs a line above it", i + 1);
                out.push(Expected { line: target, col, carets, message });
            }
            _ => target = i + 1,
        }
    }
    out
}

/// Whether a diagnostic is the expected one.
fn matches(d: &Diagnostic, text: &str, e: &Expected) -> bool {
    let (line, col) = d.line_col(text);
    let start = d.span.start.min(text.len());
    let end = d.span.end.clamp(start, text.len());
    let spanned = &text[start..end];
    let carets_ok = spanned.contains('\n') || spanned.chars().count().max(1) == e.carets;
    line == e.line && col == e.col && carets_ok && d.message.contains(&e.message)
}

fn check_file(shared: &[RulesFile], path: &Path) -> Result<usize, String> {
    let stem = path.file_stem().unwrap().to_string_lossy();
    let text = std::fs::read_to_string(path).expect("read a corpus file");
    let shown = format!("rules/topics/{stem}.toml");
    let mut files = shared.to_vec();
    files.push(RulesFile { path: shown.clone(), text: text.clone() });
    let diags = match rules::compile(&files) {
        Ok(_) => Vec::new(),
        Err(diags) => diags,
    };
    let mut expected = expectations(&text);
    let count = expected.len();
    let mut unexpected = Vec::new();
    for d in diags {
        let found = (d.file == shown).then(|| expected.iter().position(|e| matches(&d, &text, e))).flatten();
        match found {
            Some(i) => {
                expected.remove(i);
            }
            None => unexpected.push(d),
        }
    }
    if unexpected.is_empty() && expected.is_empty() {
        return Ok(count);
    }
    let mut report = format!("{}:\n", path.display());
    for d in &unexpected {
        let source = files.iter().find(|f| f.path == d.file).map_or("", |f| f.text.as_str());
        let (line, col) = diag::line_col(source, d.span.start);
        report.push_str(&format!("  unexpected diagnostic at {line}:{col}:\n"));
        for l in d.render(source).lines() {
            report.push_str(&format!("    {l}\n"));
        }
    }
    for e in &expected {
        report.push_str(&format!(
            "  expected but not reported: {}:{} ({} caret{}) {:?}\n",
            e.line,
            e.col,
            e.carets,
            if e.carets == 1 { "" } else { "s" },
            e.message
        ));
    }
    Err(report)
}

#[test]
fn diagnostics_corpus() {
    let shared = common::shared_rules();
    let paths = common::toml_files_in("tests/diagnostics");

    let mut failures = Vec::new();
    let (mut clean, mut expectations) = (0, 0);
    for path in &paths {
        match check_file(&shared, path) {
            Ok(0) => clean += 1,
            Ok(n) => expectations += n,
            Err(report) => failures.push(report),
        }
    }
    assert!(clean > 0, "the corpus needs at least one valid file, as a control");
    if !failures.is_empty() {
        panic!(
            "{} of {} corpus files do not give the expected diagnostics:\n\n{}",
            failures.len(),
            paths.len(),
            failures.join("\n")
        );
    }
    println!("{} corpus files: {expectations} expected diagnostics, {clean} clean", paths.len());
}

#[test]
fn expectations_are_read_from_caret_comments() {
    let text = "a = 1\nwhen = \"citizen and nope\"\n#                   ^^^^ unknown name `nope`\n#       ^ second\n# a plain comment\n";
    let e = expectations(text);
    assert_eq!(e.len(), 2);
    assert_eq!((e[0].line, e[0].col, e[0].carets, e[0].message.as_str()), (2, 21, 4, "unknown name `nope`"));
    assert_eq!((e[1].line, e[1].col, e[1].carets, e[1].message.as_str()), (2, 9, 1, "second"));
}
