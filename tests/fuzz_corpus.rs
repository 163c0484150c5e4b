//! The kept fuzz corpus (`fuzz/seeds/TARGET/`: inputs the fuzzers found interesting, minimized,
//! plus every input that once crashed) run through the very functions the cargo-fuzz targets
//! call, so `cargo test` keeps them passing without nightly or libFuzzer.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

#[path = "../fuzz/src/lib.rs"]
mod entry;

#[test]
fn every_kept_fuzz_input_passes_its_target() {
    let mut failures = Vec::new();
    for (name, target) in entry::TARGETS {
        let dir = Path::new("fuzz/seeds").join(name);
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no kept inputs for {name}");
        for file in files {
            let input = fs::read(&file).unwrap();
            if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
                failures.push(file.display().to_string());
            }
        }
    }
    assert!(failures.is_empty(), "inputs that fail: {failures:#?}");
}
