//! What the command-line tests share: the binary run as a user would, isolated from the real
//! home directory.
#![allow(dead_code)] // each test file uses a different part

use std::path::Path;

/// `kapguide`, as a plain process (for tests that choose where its output goes).
pub fn kapguide_std(home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kapguide"));
    cmd.env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("HOME", home)
        .env("KAPGUIDE_TODAY", "2026-11-28")
        .env("NO_COLOR", "1");
    cmd
}

/// `kapguide` on the fixture checklist and the fixture profiles in `providers` only, run in a
/// private, empty home.
pub fn on_fixtures(providers: &str, args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().expect("temp dir");
    kapguide_std(home.path())
        .args([
            "--guides",
            "tests/fixtures/guides",
            "--no-bundled",
            "--providers",
        ])
        .arg(providers)
        .args(args)
        .output()
        .expect("kapguide runs")
}
