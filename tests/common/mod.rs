//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test crate uses its own subset

use std::path::{Path, PathBuf};

use zanger::rules::{self, RulesFile};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file of the real `rules/`.
pub fn real_rules() -> Vec<RulesFile> {
    rules::read_dir(&root().join("rules")).expect("read rules/")
}

/// The real shared rules files (sources, calendar, parameters, ui), without any topic.
pub fn shared_rules() -> Vec<RulesFile> {
    real_rules().into_iter().filter(|f| !f.path.contains("topics/") && !f.path.contains("presets/")).collect()
}

/// The `*.toml` files of a folder under the repository root, sorted; fails on an empty folder.
pub fn toml_files_in(dir: &str) -> Vec<PathBuf> {
    let dir = root().join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("read a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no .toml files in {}", dir.display());
    paths
}
