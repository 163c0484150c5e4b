//! Bundled-data start-up budget: every CLI command on the bundled guides and providers ≤ 10 ms
//! as a whole process (spawn, load, work, output, exit), timed here from spawn to exit of the
//! release binary with its output thrown away. Run: `cargo bench --bench startup`.
//! The home directory is an empty temporary one, so no user data or config is read.

use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};

/// Each command with the arguments a person would type; `search` twice, because a mistyped
/// word also builds the vocabulary it is corrected against.
const COMMANDS: &[&[&str]] = &[
    &["guides"],
    &["guide", "what-is-kap"],
    &["checklist"],
    &["providers"],
    &["compare", "--all"],
    &["compare", "--all", "--format", "json"],
    &["explain", PROVIDER],
    &["questions", PROVIDER],
    &["packet", PROVIDER],
    &["options"],
    &["values"],
    &["search", "integration"],
    &["search", "obsrvation"],
    &["validate"],
    &["schema"],
    &["new-provider", "new-practice"],
    &["completions", "bash"],
    &["man"],
];

const PROVIDER: &str = "heron-and-teacup-integrative-therapy";

fn startup(c: &mut Criterion) {
    let home = tempfile::tempdir().expect("temporary home");
    let mut group = c.benchmark_group("bundled data, whole process");
    for args in COMMANDS {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kapguide"));
        command
            .args(*args)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        group.bench_function(args.join(" "), |b| {
            b.iter(|| {
                let status = command.status().expect("kapguide runs");
                assert!(status.success(), "{args:?}: {status}");
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(60);
    targets = startup
}
criterion_main!(benches);
