//! Every output format of the comparison, explanation and question sheet, on fixture providers
//! and the fixture checklist (so content edits to the bundled checklist don't move them).

use assert_cmd::Command;

fn run(args: &[&str]) -> String {
    let home = tempfile::tempdir().expect("temp dir");
    let output = Command::cargo_bin("kapguide")
        .expect("binary builds")
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("KAPGUIDE_TODAY", "2026-11-28")
        .args([
            "--guides",
            "tests/fixtures/guides",
            "--no-bundled",
            "--providers",
            "tests/fixtures/providers/valid",
        ])
        .args(args)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

const ALL: [&str; 4] = ["thorough", "unknown-everything", "red-flags", "esketamine"];

#[test]
fn compare_table() {
    insta::assert_snapshot!(run(&[&["compare", "--width", "100"], &ALL[..]].concat()));
}

#[test]
fn compare_table_ascii_narrow() {
    insta::assert_snapshot!(run(
        &[&["--ascii", "compare", "--width", "60"], &ALL[..]].concat()
    ));
}

#[test]
fn compare_markdown() {
    insta::assert_snapshot!(run(
        &[&["compare", "--format", "markdown"], &ALL[..]].concat()
    ));
}

#[test]
fn compare_json() {
    let text = run(&["compare", "--all", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["providers"].as_array().map(Vec::len), Some(4));
    insta::assert_snapshot!(text);
}

#[test]
fn compare_csv() {
    insta::assert_snapshot!(run(&[&["compare", "--format", "csv"], &ALL[..]].concat()));
}

#[test]
fn providers_ranked_with_scores() {
    insta::assert_snapshot!(run(&["providers"]));
}

#[test]
fn priorities_change_the_ranking() {
    let default = run(&["providers"]);
    let progress_first = run(&[
        "--priority",
        "therapy=0",
        "--priority",
        "medical=0",
        "--priority",
        "progress=3",
        "providers",
    ]);
    let first_id = |text: &str| {
        text.lines()
            .nth(1)
            .and_then(|l| l.split_whitespace().next())
            .map(str::to_string)
    };
    assert_eq!(first_id(&default).as_deref(), Some("thorough"));
    assert_eq!(
        first_id(&progress_first).as_deref(),
        Some("esketamine"),
        "{progress_first}"
    );
    insta::assert_snapshot!(progress_first);
}

#[test]
fn explain_breakdown() {
    insta::assert_snapshot!(run(&["explain", "thorough"]));
}

#[test]
fn question_sheet_markdown() {
    insta::assert_snapshot!(run(&["questions", "red-flags"]));
}

#[test]
fn question_sheet_text() {
    insta::assert_snapshot!(run(&[
        "questions",
        "unknown-everything",
        "--format",
        "text"
    ]));
}

#[test]
fn options_table_narrow() {
    insta::assert_snapshot!(run(&["options", "--width", "60"]));
}

#[test]
fn options_markdown() {
    insta::assert_snapshot!(run(&["options", "--format", "markdown"]));
}

/// Citations print as [n] in order of first use (a marker in code stays as written), and the
/// numbered sources follow with each URL whole on its own line.
#[test]
fn guide_with_citations() {
    insta::assert_snapshot!(run(&["guide", "basics", "--width", "50"]));
}

#[test]
fn values_with_some_answers() {
    insta::assert_snapshot!(run(&[
        "values",
        "--set",
        "therapist=3",
        "--set",
        "making-sense=2",
        "--set",
        "low-cost=0"
    ]));
}
