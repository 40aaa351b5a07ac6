//! The rules compiler and checker (native only): `rules/*.toml` → a checked [`Catalog`].
//!
//! Everything here is pure over file contents; [`read_dir`] is the one function that
//! touches the file system, for the build script, the CLI and the tests.

mod calendar;
mod compile;
pub mod diag;
pub mod expr_syntax;
pub mod paths;
mod resolve;
pub mod scenario;
mod syntax;

use std::path::Path;

pub use compile::compile;
pub use diag::Diagnostic;

use crate::catalog::Catalog;

/// One rules file: its path as shown in diagnostics, and its text.
#[derive(Clone, Debug)]
pub struct RulesFile {
    pub path: String,
    pub text: String,
}

/// What compiling and checking produced: the catalog, or every problem found.
pub struct Checked {
    pub catalog: Catalog,
    /// Per topic id: how many distinct paths the checker walked.
    pub paths: Vec<(String, usize)>,
}

/// Compiles and checks, then renders any diagnostics against their files.
pub fn check(files: &[RulesFile]) -> Result<Checked, String> {
    compile(files).map_err(|diags| render_all(files, &diags))
}

pub fn render_all(files: &[RulesFile], diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        match files.iter().find(|f| f.path == d.file) {
            Some(f) => out.push_str(&d.render(&f.text)),
            // A file that is not there (a missing shared file): no line to show.
            None => out.push_str(&format!("error: {}\n --> {}\n", d.message, d.file)),
        }
        out.push('\n');
    }
    out.push_str(&format!("{} error{} in the rules\n", diags.len(), if diags.len() == 1 { "" } else { "s" }));
    out
}

/// Reads every `*.toml` under `dir` (the shared files and `topics/`), sorted by path.
/// Paths are shown relative to `display_root`'s parent, e.g. `rules/topics/picket.toml`.
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<RulesFile>> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();
    let base = dir.parent().unwrap_or(dir);
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p)?;
            let shown = p.strip_prefix(base).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            Ok(RulesFile { path: shown, text })
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}
