//! Compiles and checks `rules/` natively at build time and embeds the result in the wasm.
//! A broken rules file fails this build with `file:line:col` diagnostics, so it can never
//! reach a browser, and the browser never parses TOML.

use std::path::Path;

fn main() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    println!("cargo:rerun-if-changed={}", rules.display());
    let files = zanger::rules::read_dir(&rules).unwrap_or_else(|e| panic!("cannot read {}: {e}", rules.display()));
    for f in &files {
        println!("cargo:rerun-if-changed={}", rules.join("..").join(&f.path).display());
    }
    let mut checked = match zanger::rules::check(&files) {
        Ok(c) => c,
        Err(report) => {
            eprintln!("{report}");
            std::process::exit(1);
        }
    };
    // The site build has no trainer mode: its visitors do not download the trainer's data,
    // nor the topics kept out of it (`site_build = false` in their rules file).
    if std::env::var_os("CARGO_FEATURE_TRAINER").is_none() {
        checked.catalog.presets.clear();
        checked.catalog.topics.retain(|t| t.site_build);
        checked.catalog.topics.iter_mut().for_each(|t| t.map = Default::default());
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalog.bin");
    std::fs::write(&out, checked.catalog.to_bytes()).expect("write catalog.bin");
}
