//! The command line, run as a user would: fixtures under tests/fixtures, one per failure mode,
//! asserting the exit status and the exact location and hint a user sees.

mod cli_support;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use cli_support::kapguide_std;
use predicates::prelude::*;

const FIXTURE_GUIDES: &str = "tests/fixtures/guides";
const INVALID: &str = "tests/fixtures/providers/invalid";
/// The fixture checklist and the valid fixture profiles only.
const FIXTURES: [&str; 5] = [
    "--guides",
    FIXTURE_GUIDES,
    "--no-bundled",
    "--providers",
    "tests/fixtures/providers/valid",
];

/// The binary with a private, empty home, a pinned date and no colour.
fn kapguide(home: &Path) -> Command {
    Command::from_std(kapguide_std(home))
}

/// A new directory `name` under `home` holding copies of `files` (source, name inside).
fn dir_with_copies(home: &Path, name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = home.join(name);
    fs::create_dir(&dir).unwrap();
    for (source, target) in files {
        fs::copy(source, dir.join(target)).unwrap();
    }
    dir
}

/// Runs a command that must succeed; returns its standard output.
fn run_ok(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).expect("utf-8 output")
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// `validate` one invalid fixture against the fixture checklist; returns stdout.
fn validate_fixture(name: &str) -> String {
    let home = home();
    let output = kapguide(home.path())
        .args(["--guides", FIXTURE_GUIDES, "validate"])
        .arg(Path::new(INVALID).join(name))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 file(s) checked"))
        .get_output()
        .stdout
        .clone();
    String::from_utf8(output).expect("utf-8 output")
}

#[test]
fn each_failure_mode_names_file_line_column_and_a_hint() {
    let cases = [
        (
            "syntax.toml",
            "syntax.toml:1:15: error: invalid TOML: invalid basic string, expected `\"`\n  hint: check quotes, brackets and `key = value` syntax on this line\n",
        ),
        (
            "wrong-type.toml",
            "wrong-type.toml:3:10: error: `sample` should be true or false, found a string\n  hint: write it like: sample = true\n",
        ),
        (
            "unknown-key.toml",
            "unknown-key.toml:3:1: error: unknown key `summry`\n  hint: did you mean `summary`?\n",
        ),
        (
            "unknown-question.toml",
            "unknown-question.toml:5:1: error: `prep_sesions` is not a checklist question id\n  hint: did you mean `prep_sessions`?\n",
        ),
        (
            "bad-answer.toml",
            "bad-answer.toml:5:17: error: `yse` is not a valid answer\n  hint: did you mean `yes`?\n",
        ),
        (
            "missing-name.toml",
            "missing-name.toml:1:1: error: missing required key `name`\n  hint: add a line: name = \"Example Integrative Therapy\"\n",
        ),
        (
            "bad-kind.toml",
            "bad-kind.toml:2:8: error: `kap-practise` is not a valid kind\n  hint: did you mean `kap-practice`?\n",
        ),
        (
            "bad-date.toml",
            "bad-date.toml:6:17: error: invalid TOML: invalid date, expected day between 01 and 28\n  hint: write dates as YYYY-MM-DD, and check that the day exists\n",
        ),
        (
            "bad-route.toml",
            "bad-route.toml:3:17: error: `nasal` is not a valid route\n  hint: did you mean `intranasal`?\n",
        ),
        (
            "not-utf8.toml",
            "not-utf8.toml:1:12: error: the file is not valid UTF-8 text\n  hint: save it as UTF-8 in your editor\n",
        ),
        (
            "empty.toml",
            "empty.toml: error: the file is empty\n  hint: delete it, or fill it in (kapguide new-provider ID prints a template)\n",
        ),
        (
            "Bad Name.toml",
            "Bad Name.toml:1:1: error: `Bad Name` cannot be a provider id: the id is the file name\n  hint: rename the file to `bad-name.toml` (lowercase letters, digits, `-` and `_`)\n",
        ),
        (
            "bad-answer-table.toml",
            "bad-answer-table.toml:5:35: error: unknown key `nte` in an answer table\n  hint: did you mean `note`?\ntests/fixtures/providers/invalid/bad-answer-table.toml:6:21: error: the answer to `vitals_monitoring` should be a word or a table\n  hint: write vitals_monitoring = \"yes\" (yes, partial, no, unknown, na) or vitals_monitoring = { answer = \"yes\", note = \"…\" }\n",
        ),
        (
            "bad-clinician.toml",
            "bad-clinician.toml:6:8: error: `prescribr` is not a valid role\n  hint: did you mean `prescriber`?\ntests/fixtures/providers/invalid/bad-clinician.toml:7:1: error: unknown key `licence_numbr` in [[clinicians]]\n  hint: did you mean `licence_number`?\ntests/fixtures/providers/invalid/bad-clinician.toml:8:46: error: `activ` is not a valid result\n  hint: did you mean `active`?\n",
        ),
        (
            "bad-costs.toml",
            "bad-costs.toml:6:18: error: `dosing_session` in [costs] should be a whole number, found a string\n  hint: write it like: dosing_session = 0\ntests/fixtures/providers/invalid/bad-costs.toml:7:23: error: `preparation_session` has `min` above `max`\n  hint: swap them: min is the lower fee\ntests/fixtures/providers/invalid/bad-costs.toml:8:13: error: `superbil` is not a valid insurance\n  hint: did you mean `superbill`?\ntests/fixtures/providers/invalid/bad-costs.toml:9:1: error: unknown key `refund` in [costs]\n  hint: did you mean `refund_policy`?\n",
        ),
        (
            "fee-without-currency.toml",
            "fee-without-currency.toml:4:1: error: missing required key `currency` in [costs]\n  hint: add a line: currency = \"USD\"\n",
        ),
        (
            "undated-check.toml",
            "undated-check.toml:7:16: error: missing required key `date` in a verification table\n  hint: add a line: date = 2026-10-14\n",
        ),
    ];
    for (file, expected) in cases {
        let stdout = validate_fixture(file);
        assert_eq!(stdout, format!("{INVALID}/{expected}"), "fixture {file}");
    }
}

#[test]
fn one_bad_file_never_hides_the_good_ones() {
    let home = home();
    kapguide(home.path())
        .args([
            "--guides",
            FIXTURE_GUIDES,
            "--no-bundled",
            "--providers",
            "tests/fixtures/providers/valid",
            "--providers",
            INVALID,
            "providers",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("thorough").and(predicate::str::contains("red-flags")))
        .stderr(
            predicate::str::contains("17 file(s) skipped")
                .and(predicate::str::contains(
                    "run `kapguide --guides tests/fixtures/guides --providers tests/fixtures/providers/valid --providers tests/fixtures/providers/invalid --no-bundled validate` to see them",
                )),
        );
}

/// A command reads only what it shows: a broken guide is counted by `guides` and `search`,
/// not by `providers` (which never parses a guide, so it starts at once).
#[test]
fn each_command_counts_the_problems_of_the_files_it_reads() {
    let home = home();
    let guides = dir_with_copies(
        home.path(),
        "guides",
        &[("tests/fixtures/guides/basics.md", "basics.md")],
    );
    fs::write(guides.join("broken.md"), "no front matter\n").unwrap();
    let stderr_of = |args: &[&str]| {
        let output = kapguide(home.path())
            .arg("--guides")
            .arg(&guides)
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        String::from_utf8(output.stderr).unwrap()
    };
    for args in [&["guides"][..], &["search", "basics"]] {
        let stderr = stderr_of(args);
        assert!(
            stderr.contains("1 file(s) skipped, 1 error(s)"),
            "{args:?}: {stderr}"
        );
    }
    for args in [&["providers"][..], &["checklist"], &["options"]] {
        let stderr = stderr_of(args);
        assert!(!stderr.contains("skipped"), "{args:?}: {stderr}");
    }
}

#[test]
fn an_oversized_file_is_refused_by_size() {
    let home = home();
    let big = home.path().join("big.toml");
    fs::write(
        &big,
        format!(
            "name = \"{}\"\nkind = \"kap-practice\"\n",
            "x".repeat(1_100_000)
        ),
    )
    .unwrap();
    kapguide(home.path())
        .args(["validate"])
        .arg(&big)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "big.toml: error: the file is 1075 KiB; the limit is 1024 KiB",
        ));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_and_a_file_given_as_directory_are_explained() {
    let home = home();
    let dir = home.path().join("loop");
    fs::create_dir(&dir).unwrap();
    std::os::unix::fs::symlink(dir.join("a.toml"), dir.join("a.toml")).unwrap();
    kapguide(home.path())
        .args(["--no-bundled", "--providers"])
        .arg(&dir)
        .args(["--providers", "Cargo.toml", "validate"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("a.toml: error: the file is a symbolic link loop\n  hint: point the link at a real file or remove it"))
        .stdout(predicate::str::contains("Cargo.toml: error: the directory is a file, not a directory\n  hint: give a directory that holds .toml profiles"));
}

#[test]
fn the_same_id_in_two_directories_says_which_wins() {
    let home = home();
    let other = dir_with_copies(
        home.path(),
        "other",
        &[(
            "tests/fixtures/providers/valid/thorough.toml",
            "thorough.toml",
        )],
    );
    kapguide(home.path())
        .args(["--guides", FIXTURE_GUIDES, "--no-bundled", "--providers", "tests/fixtures/providers/valid", "--providers"])
        .arg(&other)
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains("thorough.toml: warning: provider id `thorough` is also defined in tests/fixtures/providers/valid/thorough.toml; this file wins"));
}

#[test]
fn bundled_content_validates_cleanly() {
    let home = home();
    kapguide(home.path())
        .arg("validate")
        .assert()
        .success()
        .stdout("");
    kapguide(home.path())
        .args(["validate", "providers", "guides"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn guides_list_and_print_wrapped_with_sources() {
    let home = home();
    kapguide(home.path())
        .args(["--guides", FIXTURE_GUIDES, "guides"])
        .assert()
        .success()
        .stdout("basics  Basics\nother   Other\n");
    let text = run_ok(kapguide(home.path()).args([
        "--guides",
        FIXTURE_GUIDES,
        "guide",
        "basics",
        "--width",
        "40",
    ]));
    assert!(
        text.lines()
            .all(|l| kapguide::core::width::display_width(l) <= 40 || l.starts_with("https://")),
        "only a URL too long to fit may pass the width: {text}"
    );
    assert!(text.starts_with("Basics\n======\n"), "{text}");
    assert!(text.contains("First section\n-------------"), "{text}");
    assert!(text.contains("<https://example.org/page>"), "{text}");
    // A link to another guide names it by its title, not its id.
    assert!(text.contains("(see guide: Other)"), "{text}");
    assert!(
        text.contains("[2] Example source\n    https://example.org/source\n"),
        "{text}"
    );
    assert!(
        text.contains("\nhttps://example.org/a/rather/long/path/to/a/second/source/page\n"),
        "a URL wider than the page stays whole on its own line: {text}"
    );
    assert!(text.contains("Reviewed 2026-11-25."), "{text}");
}

#[test]
fn unknown_ids_are_usage_errors_with_close_matches() {
    let home = home();
    kapguide(home.path())
        .args(["--guides", FIXTURE_GUIDES, "--no-bundled", "guide", "basic"])
        .assert()
        .code(2)
        .stderr("kapguide: no guide with id `basic`; did you mean `basics`?\n  (`kapguide guides` lists them)\n");
    kapguide(home.path())
        .args(["new-provider", "Not Valid"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("like `not-valid`"));
    kapguide(home.path()).args(["guide"]).assert().code(2);
}

#[test]
fn checklist_is_grouped_with_why_it_matters() {
    let home = home();
    let text = run_ok(kapguide(home.path()).args(["--guides", FIXTURE_GUIDES, "checklist"]));
    let therapy = text.find("Therapy at the centre\n=====").unwrap();
    let medical = text.find("Medical oversight\n=====").unwrap();
    let prep = text.find("- Will I have preparation sessions").unwrap();
    assert!(therapy < prep && prep < medical, "{text}");
    assert!(text.contains(
        "  [prep_sessions] (weight 3)\n  Why it matters: Preparation sets goals and expectations."
    ));
    assert!(text.contains(
        "  [vitals_monitoring] (weight 3; critical for safety: a \"no\" is a safety flag)\n"
    ));
    assert!(text.contains("only for: esketamine"));
}

#[test]
fn providers_filter_by_region_and_mark_samples() {
    let home = home();
    let args = [
        "--guides",
        FIXTURE_GUIDES,
        "--no-bundled",
        "--providers",
        "tests/fixtures/providers/valid",
        "providers",
        "--region",
        "or",
    ];
    let text = run_ok(kapguide(home.path()).args(args));
    assert!(
        text.contains("thorough  Thorough Sample Practice [SAMPLE]  Springfield, OR, US"),
        "{text}"
    );
    assert!(!text.contains("red-flags"), "{text}");
    kapguide(home.path())
        .args(FIXTURES)
        .args(["providers", "--region", "nowhere"])
        .assert()
        .success()
        .stdout("")
        .stderr("kapguide: no providers match: of 4 providers, --region nowhere leaves 0 (1 removed does not say)\n");
}

/// `--route --kind --telehealth --insurance --language --max-course-cost` beside `--region`,
/// on `providers` and `compare`, on the fixture profiles: thorough (Oregon, IM and sublingual,
/// partial telehealth, English and Spanish, superbills, USD 2,700+), red-flags (Arizona
/// infusions, self-pay, USD 3,000), esketamine (Nova Scotia), unknown-everything.
mod filters {
    use super::*;

    fn output(args: &[&str]) -> (String, String) {
        let home = home();
        let out = kapguide(home.path())
            .args(FIXTURES)
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8 output");
        (text(out.stdout), text(out.stderr))
    }

    #[test]
    fn providers_with_combined_filters() {
        let (stdout, stderr) = output(&[
            "providers",
            "--region",
            "US",
            "--route",
            "sublingual",
            "--telehealth",
            "partial",
            "--language",
            "SPANISH",
            "--insurance",
            "superbill",
            "--kind",
            "kap-practice",
        ]);
        assert_eq!(stderr, "");
        insta::assert_snapshot!(stdout);
    }

    #[test]
    fn max_course_cost_uses_the_low_end_and_marks_an_open_high_end() {
        let (stdout, _) = output(&["providers", "--max-course-cost", "3,000"]);
        insta::assert_snapshot!(stdout);
        let (stdout, _) = output(&["providers", "--max-course-cost", "2999"]);
        assert!(
            stdout.contains("thorough") && !stdout.contains("red-flags"),
            "{stdout}"
        );
    }

    #[test]
    fn compare_filters_every_provider_when_no_id_is_given() {
        let (stdout, stderr) = output(&["compare", "--max-course-cost", "3000", "--format", "csv"]);
        insta::assert_snapshot!(stdout);
        assert_eq!(
            stderr,
            "kapguide: Filtered: max course cost 3000 USD. A profile that does not say is left out.\n\
             kapguide: Left out because the profile does not say: 2 (esketamine, unknown-everything) by --max-course-cost.\n\
             kapguide: may exceed --max-course-cost 3000 USD (the low end of the course cost is within 3000 USD; the high end is above it, or open because a fee is unknown): Thorough Sample Practice [SAMPLE]\n"
        );
    }

    #[test]
    fn compare_filters_the_named_providers() {
        let (stdout, stderr) = output(&[
            "compare",
            "thorough",
            "esketamine",
            "red-flags",
            "--route",
            "esketamine",
            "--format",
            "json",
        ]);
        let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
        let ids: Vec<&str> = value["providers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["esketamine"]);
        // Named providers the filter removes are named, with the reason, on stderr.
        assert!(
            stderr.contains(
                "kapguide: left out thorough: --route esketamine: does not offer\n\
                 kapguide: left out red-flags: --route esketamine: does not offer\n\
                 kapguide: Filtered: route esketamine."
            ),
            "{stderr}"
        );
        let (stdout, stderr) =
            output(&["compare", "thorough", "esketamine", "--route", "esketamine"]);
        assert!(
            stdout.ends_with(
                "\nFiltered: route esketamine. A profile that does not say is left out.\n"
            ),
            "{stdout}"
        );
        assert!(
            stderr.contains("left out thorough: --route esketamine: does not offer"),
            "{stderr}"
        );
    }

    #[test]
    fn a_kept_list_names_the_profiles_that_do_not_say() {
        let (stdout, _) = output(&["providers", "--region", "us", "--language", "english"]);
        assert!(
            stdout.contains(
                "Left out because the profile does not say: 1 (unknown-everything) by --region; \
                 1 (red-flags) by --language.\n"
            ),
            "{stdout}"
        );
    }

    #[test]
    fn json_and_csv_stay_documents_when_nothing_is_left() {
        let why = "kapguide: no providers match: of 4 providers, --kind telehealth leaves 0\n";
        let nothing_as = |format| {
            output(&[
                "compare",
                "--all",
                "--kind",
                "telehealth",
                "--format",
                format,
            ])
        };
        let (stdout, stderr) = nothing_as("json");
        let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
        assert_eq!(value["providers"], serde_json::json!([]));
        assert!(value["questions"].is_array());
        assert!(stderr.ends_with(why), "{stderr}");
        let (stdout, stderr) = nothing_as("csv");
        assert!(
            stdout.starts_with("category,question_id,question,weight,critical\n"),
            "{stdout}"
        );
        assert!(stderr.ends_with(why), "{stderr}");
    }

    #[test]
    fn an_empty_result_names_the_filter_that_removed_everything() {
        let cases: [(&[&str], &str); 3] = [
            (
                &["providers", "--region", "us", "--telehealth", "full"],
                "of 4 providers, --region us leaves 2 (1 removed does not say); --telehealth full leaves 0 (1 removed does not say)",
            ),
            (
                &["compare", "--all", "--kind", "telehealth"],
                "of 4 providers, --kind telehealth leaves 0",
            ),
            (
                &["compare", "thorough", "--language", "french"],
                "of 1 provider, --language french leaves 0",
            ),
        ];
        for (args, why) in cases {
            let (stdout, stderr) = output(args);
            assert_eq!(stdout, "", "{args:?}");
            assert!(
                stderr.ends_with(&format!("kapguide: no providers match: {why}\n")),
                "{args:?}: {stderr}"
            );
        }
        // A provider named on the command line is named when the filter removes it.
        let (_, stderr) = output(&["compare", "thorough", "--language", "french"]);
        assert!(
            stderr.starts_with("kapguide: left out thorough: --language french: does not offer\n"),
            "{stderr}"
        );
    }

    #[test]
    fn a_bad_filter_value_is_a_usage_error_with_the_closest_word() {
        let home = home();
        kapguide(home.path())
            .args(FIXTURES)
            .args(["providers", "--telehealth", "ful"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("a similar value exists: 'full'"));
        kapguide(home.path())
            .args(FIXTURES)
            .args(["compare", "--all", "--insurance", "unknown"])
            .assert()
            .code(2);
        kapguide(home.path())
            .args(FIXTURES)
            .args(["providers", "--max-course-cost", "cheap"])
            .assert()
            .code(2)
            .stderr(
                "kapguide: --max-course-cost `cheap`: give a whole amount, like 3000 or 3,000, with its currency if the providers price in several (3000USD)\n",
            );
        let usage = |args: &[&str], message: &str| {
            kapguide(home.path())
                .args(FIXTURES)
                .args(args)
                .assert()
                .code(2)
                .stderr(format!("kapguide: {message}\n"));
        };
        usage(
            &["providers", "--max-course-cost", "-5"],
            "--max-course-cost `-5`: give a whole amount, like 3000 or 3,000, with its currency if the providers price in several (3000USD)",
        );
        usage(
            &["providers", "--max-course-cost", "3,0,0,0"],
            "--max-course-cost `3,0,0,0`: give a whole amount, like 3000 or 3,000, with its currency if the providers price in several (3000USD)",
        );
        usage(
            &["providers", "--language", ""],
            "--language: give a value, or leave the option out",
        );
        usage(
            &["compare", "--all", "--region", " "],
            "--region: give a value, or leave the option out",
        );
    }

    #[test]
    fn filter_words_ignore_case_and_sit_under_their_own_heading() {
        let (upper, _) = output(&[
            "providers",
            "--route",
            "SUBLINGUAL",
            "--telehealth",
            "PARTIAL",
        ]);
        let (lower, _) = output(&[
            "providers",
            "--route",
            "sublingual",
            "--telehealth",
            "partial",
        ]);
        assert_eq!(upper, lower);
        assert!(
            upper.contains("Filtered: route sublingual, telehealth partial."),
            "{upper}"
        );
        let (help, _) = output(&["compare", "--help"]);
        let filters = help
            .split("\nFilters:\n")
            .nth(1)
            .expect("a Filters heading");
        assert!(filters.contains("--max-course-cost"), "{help}");
        assert!(help.contains("a profile that does not say"), "{help}");
    }
}

#[test]
fn new_provider_template_passes_validate_as_printed() {
    let home = home();
    let text = run_ok(kapguide(home.path()).args(["new-provider", "blue-door"]));
    let dir = home.path().join("mine");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("blue-door.toml"), &text).unwrap();
    kapguide(home.path())
        .arg("validate")
        .arg(dir.join("blue-door.toml"))
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(
                r"blue-door.toml:\d+:\d+: warning: the name or source reference is still the template's placeholder\n  hint: replace it with the provider's name and where the facts come from \(until then `validate --strict` fails, so an unfilled template is never taken for a profile\)\n$",
            )
            .unwrap(),
        );
    // Every bundled question is present, as unknown.
    let bundled = kapguide(home.path())
        .arg("checklist")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ids = String::from_utf8(bundled).unwrap();
    for id in ids
        .lines()
        .filter_map(|l| l.trim().strip_prefix('['))
        .map(|l| l.split(']').next().unwrap())
    {
        assert!(
            text.contains(&format!("\n{id} = \"unknown\"\n")),
            "{id} missing from the template"
        );
    }
}

/// Issue 13's user-test leftovers on the command line: the template under `--strict`, and
/// `packet --out` onto a file that exists.
mod cli_leftovers {
    use super::*;
    use kapguide::core::template::TEMPLATE_PLACEHOLDERS;

    /// The template's one warning is the intended one: `--strict` fails on it alone, and the
    /// template with its name and source reference filled in passes `--strict`.
    #[test]
    fn the_template_fails_strict_only_until_its_placeholders_are_filled_in() {
        let home = home();
        let text = run_ok(kapguide(home.path()).args(["new-provider", "blue-door"]));
        assert!(text.contains("--strict fails"), "the template says so");
        let dir = home.path().join("mine");
        fs::create_dir(&dir).unwrap();
        let path = dir.join("blue-door.toml");
        fs::write(&path, &text).unwrap();
        let output = kapguide(home.path())
            .args(["validate", "--strict"])
            .arg(&path)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let stdout = String::from_utf8(output).unwrap();
        let warnings: Vec<&str> = stdout.lines().filter(|l| !l.starts_with("  ")).collect();
        assert_eq!(warnings.len(), 1, "{stdout}");
        assert!(
            warnings[0].contains("still the template's placeholder"),
            "{stdout}"
        );
        let filled = text
            .replace(TEMPLATE_PLACEHOLDERS[0], "Blue Door Clinic")
            .replace(TEMPLATE_PLACEHOLDERS[1], "Phone call with the intake nurse");
        fs::write(&path, filled).unwrap();
        kapguide(home.path())
            .args(["validate", "--strict"])
            .arg(&path)
            .assert()
            .success()
            .stdout("");
    }

    /// A file that exists is a usage error (exit 2, not 1: nothing kapguide read is wrong),
    /// left as it was, with the way to replace it; `--force` replaces it.
    #[test]
    fn packet_out_onto_an_existing_file_is_a_usage_error_and_force_replaces_it() {
        let home = home();
        let out = home.path().join("packet.html");
        fs::write(&out, "mine").unwrap();
        let id = "moonwater-integrative-therapy";
        kapguide(home.path())
            .args(["packet", id, "--out"])
            .arg(&out)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(
                "already exists; pass --force to replace it, or choose another --out",
            ));
        assert_eq!(fs::read_to_string(&out).unwrap(), "mine");
        kapguide(home.path())
            .args(["packet", id, "--force", "--out"])
            .arg(&out)
            .assert()
            .success()
            .stderr(predicate::str::contains("wrote"));
        assert!(
            fs::read_to_string(&out)
                .unwrap()
                .starts_with("<!DOCTYPE html>")
        );
        // --force alone has nothing to replace.
        kapguide(home.path())
            .args(["packet", id, "--force"])
            .assert()
            .code(2);
    }
}

/// A profile with ESC, CSI, OSC, BEL, C1 and bidi controls in every text field prints none of
/// them, in any command.
#[test]
fn hostile_text_never_reaches_the_terminal() {
    let home = home();
    let guides = dir_with_copies(
        home.path(),
        "guides",
        &[("tests/fixtures/guides/checklist.toml", "checklist.toml")],
    );
    fs::write(
        guides.join("evil.md"),
        "+++\nid = \"evil\"\ntitle = \"Evil \\u001b[31m title\"\norder = 1\nsummary = \"s\\u0007\"\nkeywords = []\nreviewed = 2026-11-25\nsources = [{ title = \"t\\u001b]0;x\\u0007\", url = \"https://example.org/\\u001b[0m\" }]\n+++\n## Sec\u{1b}[2J tion\n\nBody \u{1b}]8;;https://evil\u{7} text \u{9b}31m and [link](https://e.example/\u{1b}[1m).\n",
    )
    .unwrap();
    let base = [
        "--no-bundled",
        "--providers",
        "tests/fixtures/providers/hostile",
    ];
    let commands: Vec<Vec<&str>> = vec![
        vec!["providers"],
        vec!["compare", "hostile"],
        vec!["compare", "hostile", "--format", "markdown"],
        vec!["compare", "hostile", "--format", "json"],
        vec!["compare", "hostile", "--format", "csv"],
        vec!["explain", "hostile"],
        vec!["questions", "hostile"],
        vec!["questions", "hostile", "--format", "text"],
        vec!["search", "evil"],
        vec!["guides"],
        vec!["guide", "evil"],
        vec!["validate"],
    ];
    for command in commands {
        let output = kapguide(home.path())
            .args(["--guides"])
            .arg(&guides)
            .args(base)
            .args(&command)
            .output()
            .unwrap();
        let all = [output.stdout.as_slice(), output.stderr.as_slice()].concat();
        let text = String::from_utf8(all).unwrap();
        assert!(!text.is_empty(), "{command:?} printed nothing");
        let bad: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
            .collect();
        assert!(
            bad.is_empty(),
            "{command:?} printed control characters {bad:?}:\n{text}"
        );
        assert!(
            !text.contains('\u{202e}'),
            "{command:?} printed a bidi override"
        );
    }
}

#[test]
fn bad_priority_values_are_usage_errors() {
    let home = home();
    let cases = [
        (
            "medcal=3",
            "`medcal` is not a category; did you mean `medical`?",
        ),
        (
            "medical=5",
            "priority `5` for medical should be 0, 1, 2 or 3",
        ),
        ("medical", "should look like CATEGORY=N"),
    ];
    for (arg, message) in cases {
        kapguide(home.path())
            .args(["--priority", arg, "providers"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn a_broken_config_falls_back_to_defaults_with_a_message() {
    let home = home();
    let config = home.path().join("config/kapguide/config.toml");
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    fs::write(&config, "[priorities]\ntherapy = \"lots\"\n").unwrap();
    kapguide(home.path())
        .args(["providers"])
        .assert()
        .success()
        .stderr(predicate::str::contains("config.toml:2:11: warning: `therapy` in [priorities] should be a whole number, found a string"));
    assert_eq!(
        fs::read_to_string(&config).unwrap(),
        "[priorities]\ntherapy = \"lots\"\n",
        "never overwritten"
    );
}

#[test]
fn compare_explain_and_questions_reject_unknown_ids_with_suggestions() {
    let home = home();
    let base = FIXTURES;
    for command in [
        vec!["compare", "thorough", "red-flag"],
        vec!["explain", "red-flag"],
        vec!["questions", "red-flag"],
    ] {
        kapguide(home.path())
            .args(base)
            .args(&command)
            .assert()
            .code(2)
            .stdout("")
            .stderr("kapguide: no provider with id `red-flag`; did you mean `red-flags`?\n  (`kapguide providers` lists them)\n");
    }
    kapguide(home.path())
        .args(base)
        .arg("compare")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--all"));
}

#[test]
fn search_finds_sections_questions_and_providers() {
    let home = home();
    let base = FIXTURES;
    let text = run_ok(
        kapguide(home.path())
            .args(base)
            .args(["search", "blood", "pressure"]),
    );
    assert!(
        text.contains("question  Will my blood pressure be checked"),
        "{text}"
    );
    assert!(text.contains("section   Other › Only section"), "{text}");
    assert!(text.contains("kapguide guide other  (section 1)"), "{text}");
    let out = kapguide(home.path())
        .args(base)
        .args(["search", "sprngfld"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("provider  Thorough Sample Practice [SAMPLE]"),
        "places are searched"
    );
    kapguide(home.path())
        .args(base)
        .args(["search", "zzqqxx"])
        .assert()
        .code(0)
        .stderr("kapguide: nothing matches `zzqqxx`\n");
}

#[test]
fn the_comparison_table_fits_any_width_by_abbreviating_or_grouping() {
    let home = home();
    for width in ["40", "60", "80", "100", "160"] {
        let text = run_ok(kapguide(home.path()).args(["compare", "--all", "--width", width]));
        let limit: usize = width.parse().unwrap();
        let widest = text
            .lines()
            .map(kapguide::core::width::display_width)
            .max()
            .unwrap();
        assert!(
            widest <= limit,
            "width {width}: a line is {widest} wide\n{text}"
        );
        for provider in [
            "heron-and-teacup-integrative-therapy",
            "moonwater-integrative-therapy",
            "marmot-and-maple-kap-studio",
        ] {
            assert!(text.contains(provider), "width {width} lost {provider}");
        }
    }
}

#[test]
fn a_broken_checklist_falls_back_to_the_bundled_one() {
    let home = home();
    let guides = dir_with_copies(
        home.path(),
        "guides",
        &[("tests/fixtures/guides/basics.md", "basics.md")],
    );
    fs::write(guides.join("checklist.toml"), "[[question]]\nid = 3\n").unwrap();
    let out = kapguide(home.path())
        .arg("--guides")
        .arg(&guides)
        .arg("validate")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("checklist.toml:2:6: error: `id` in [[question]] should be a string"),
        "{text}"
    );
    assert!(text.contains("checklist.toml: warning: this checklist could not be read; the bundled checklist is used instead"), "{text}");
    assert!(
        !text.contains("is not a checklist question id"),
        "bundled profiles still match real questions:\n{text}"
    );
    kapguide(home.path())
        .arg("--guides")
        .arg(&guides)
        .arg("providers")
        .assert()
        .success()
        .stdout(predicate::str::contains("moonwater-integrative-therapy"));
}

/// Question and category ids are written as TOML keys in every profile and config, so an id
/// that is not a bare key is refused where it is read, never written to files that cannot be
/// read back.
mod checklist_ids {
    use super::*;

    #[test]
    fn an_id_that_is_not_a_toml_bare_key_is_a_load_error_with_its_position() {
        let home = home();
        let out = kapguide(home.path())
            .args(["--guides", "tests/fixtures/guides-bad-ids", "validate"])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        for expected in [
            "checklist.toml:4:6: error: `care plan` cannot be a category id\n  hint: use only letters, digits, `_` and `-` (it is written as a TOML key), e.g. `care_plan`\n",
            "checklist.toml:12:6: error: `prep sessions` cannot be a question id\n  hint: use only letters, digits, `_` and `-` (it is written as a TOML key), e.g. `prep_sessions`\n",
            "checklist.toml:19:6: error: `a.b` cannot be a question id\n  hint: use only letters, digits, `_` and `-` (it is written as a TOML key), e.g. `a_b`\n",
            "checklist.toml: warning: this checklist could not be read; the bundled checklist is used instead",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
        }
    }

    #[test]
    fn a_template_made_with_a_refused_checklist_reads_back() {
        let home = home();
        let guides = ["--guides", "tests/fixtures/guides-bad-ids"];
        let template = run_ok(
            kapguide(home.path())
                .args(guides)
                .args(["new-provider", "fresh"]),
        );
        assert!(!template.contains("prep sessions"), "{template}");
        let dir = home.path().join("mine");
        fs::create_dir(&dir).unwrap();
        fs::write(dir.join("fresh.toml"), template).unwrap();
        kapguide(home.path())
            .args(guides)
            .arg("validate")
            .arg(&dir)
            .assert()
            .stdout(
                predicate::str::contains("fresh.toml").and(predicate::str::contains("error").not()),
            )
            .stderr(predicate::str::contains("0 error(s)"));
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_instead_of_hanging() {
    let home = home();
    let dir = home.path().join("pipes");
    fs::create_dir(&dir).unwrap();
    let fifo = dir.join("x.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success());
    if !matches!(made, Ok(true)) {
        eprintln!("mkfifo is not available; skipping");
        return;
    }
    kapguide(home.path())
        .args(["--no-bundled", "validate"])
        .arg(&dir)
        .timeout(std::time::Duration::from_secs(10))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "x.toml: error: this is not a regular file (a pipe, socket or device)",
        ));
}

#[test]
fn ascii_output_is_ascii() {
    let home = home();
    let base = [
        "--ascii",
        "--no-bundled",
        "--guides",
        FIXTURE_GUIDES,
        "--providers",
        "tests/fixtures/providers/valid",
    ];
    for command in [
        vec!["compare", "--all"],
        vec!["explain", "red-flags"],
        vec!["questions", "red-flags", "--format", "text"],
        vec!["providers"],
    ] {
        let text = run_ok(kapguide(home.path()).args(base).args(&command));
        let odd: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
        assert!(odd.is_empty(), "{command:?} printed {odd:?}\n{text}");
    }
}

#[test]
fn likely_mistakes_are_warned_about() {
    let home = home();
    let dir = home.path().join("p");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("future.toml"), "name = \"Future\"\nkind = \"kap-practice\"\n[source]\nkind = \"document\"\nlast_verified = 2030-01-01\n").unwrap();
    kapguide(home.path())
        .args(["--no-bundled", "validate"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "future.toml:5:17: warning: last_verified 2030-01-01 is in the future",
        ));
    kapguide(home.path())
        .args(["new-provider", "moonwater-integrative-therapy"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "is already the id of Moonwater Integrative Therapy",
        ));
    let out = kapguide(home.path())
        .args([
            "--no-bundled",
            "--guides",
            FIXTURE_GUIDES,
            "--providers",
            "tests/fixtures/providers/valid",
            "compare",
            "thorough",
            "thorough",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let header = String::from_utf8(out)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert_eq!(
        header.matches("thorough_note").count(),
        1,
        "a provider named twice shows once: {header}"
    );
}

#[test]
fn validate_speaks_json_and_github_annotations_for_a_repository_ci() {
    let home = home();
    let json = kapguide(home.path())
        .args(["--guides", FIXTURE_GUIDES, "validate", "--format", "json"])
        .arg(Path::new(INVALID).join("unknown-key.toml"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let problems: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    let first = &problems[0];
    assert!(
        first["path"]
            .as_str()
            .unwrap()
            .ends_with("unknown-key.toml")
    );
    assert!(first["line"].as_u64().unwrap() > 0 && first["column"].as_u64().unwrap() > 0);
    assert_eq!(first["severity"], "error");
    assert!(
        first["message"].as_str().unwrap().contains("unknown"),
        "{first}"
    );

    let github = kapguide(home.path())
        .args(["--guides", FIXTURE_GUIDES, "validate", "--format", "github"])
        .arg(Path::new(INVALID).join("unknown-key.toml"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let github = String::from_utf8(github).unwrap();
    assert!(github.lines().count() >= 1, "{github}");
    for line in github.lines() {
        assert!(
            line.starts_with("::error file=") && line.contains(",line=") && line.contains("::"),
            "{line}"
        );
    }
}

#[test]
fn validate_strict_fails_on_warnings_alone() {
    let home = home();
    let dir = home.path().join("p");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("future.toml"), "name = \"Future\"\nkind = \"kap-practice\"\n[source]\nkind = \"document\"\nlast_verified = 2030-01-01\n").unwrap();
    kapguide(home.path())
        .args(["--no-bundled", "validate"])
        .arg(&dir)
        .assert()
        .success();
    kapguide(home.path())
        .args(["--no-bundled", "validate", "--strict"])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("warnings count as failures"));
}

#[test]
fn completions_and_man_page_come_from_the_clap_definitions() {
    let home = home();
    for shell in ["bash", "zsh", "fish"] {
        let script = run_ok(kapguide(home.path()).args(["completions", shell]));
        for command in ["validate", "compare", "new-provider"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let man = run_ok(kapguide(home.path()).arg("man"));
    assert!(
        man.starts_with(".ie") || man.contains(".TH kapguide"),
        "{man}"
    );
    assert!(man.contains("validate"));
}

#[test]
fn the_options_grid_is_validated_with_positions_and_hints() {
    let home = home();
    let unknown = kapguide(home.path())
        .args(["validate", "tests/fixtures/options/unknown-source"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 file(s) would be skipped"))
        .get_output()
        .stdout
        .clone();
    let unknown = String::from_utf8(unknown).unwrap();
    assert!(
        unknown.starts_with("tests/fixtures/options/unknown-source/options.toml:24:55: error: unknown source id `src-tow`\n  hint: did you mean `src-two`?\n"),
        "{unknown}"
    );
    let empty = kapguide(home.path())
        .args(["validate", "tests/fixtures/options/empty-cell/options.toml"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(empty).unwrap(),
        "tests/fixtures/options/empty-cell/options.toml:32:18: error: this cell's text is empty\n  hint: every option gets an answer in every row; say plainly what is not known\n"
    );
    // A broken grid in --guides falls back to the bundled one, and says so.
    let stdout = run_ok(
        kapguide(home.path())
            .args(["--guides", "tests/fixtures/options/empty-cell", "options"])
            .args(["--width", "120"]),
    );
    assert!(stdout.contains("Esketamine"), "{stdout}");
}

#[test]
fn options_fit_the_width_and_cite_every_cell() {
    let home = home();
    for width in ["60", "120"] {
        let stdout = run_ok(kapguide(home.path()).args(["options", "--width", width]));
        let width: usize = width.parse().unwrap();
        for line in stdout
            .lines()
            .filter(|l| !l.trim_start().starts_with("<http"))
        {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
        for heading in [
            "KAP",
            "Infusion only",
            "Esketamine",
            "At home",
            "Not now / other",
        ] {
            assert!(stdout.contains(heading), "{width}: {heading}");
        }
        assert!(stdout.contains("Sources\n[1] "));
    }
    let json = run_ok(kapguide(home.path()).args(["options", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = value["rows"].as_array().unwrap();
    assert!(rows.len() >= 10);
    for row in rows {
        for cell in row["cells"].as_array().unwrap() {
            assert!(!cell["sources"].as_array().unwrap().is_empty(), "{cell}");
        }
    }
}

#[cfg(unix)]
#[test]
fn an_output_write_error_is_reported_and_exits_1() {
    use assert_cmd::assert::OutputAssertExt;
    let home = home();
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    kapguide_std(home.path())
        .args(FIXTURES)
        .arg("checklist")
        .stdout(full)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "kapguide: cannot write the output",
        ));
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_quiet() {
    use std::process::Stdio;
    let home = home();
    // Much more than a pipe holds, so the writes must meet the closed end.
    let mut child = kapguide_std(home.path())
        .args(["compare", "--all", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn values_answers_are_saved_and_set_priorities() {
    let home = home();
    let stdout = run_ok(kapguide(home.path()).args([
        "values",
        "--set",
        "watched=3",
        "--set",
        "checked-first=0",
    ]));
    assert!(
        stdout.contains("watched: 3 (very much) → sets Medical oversight"),
        "{stdout}"
    );
    let config = fs::read_to_string(home.path().join("config/kapguide/config.toml")).unwrap();
    assert!(
        config.contains("medical = 3") && config.contains("screening = 0"),
        "{config}"
    );
    assert!(
        config.contains("[values]\nchecked-first = 0\nwatched = 3\n"),
        "{config}"
    );
    // A priority edited by hand afterwards stays; printing does not change it.
    let edited = config.replace("medical = 3", "medical = 1");
    fs::write(home.path().join("config/kapguide/config.toml"), edited).unwrap();
    let stdout = run_ok(kapguide(home.path()).arg("values"));
    let medical = stdout
        .lines()
        .find(|l| l.starts_with("Medical oversight"))
        .unwrap();
    assert!(
        medical.contains("3 essential") && medical.ends_with("1 somewhat important"),
        "{medical}"
    );
    kapguide(home.path())
        .args(["values", "--set", "watchd=2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `watched`?"));
    kapguide(home.path())
        .args(["values", "--set", "watched=5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("should be 0, 1, 2, 3 or skip"));
}

#[test]
fn without_a_terminal_the_app_refuses_before_writing_any_escape_code() {
    let home = home();
    let output = kapguide(home.path()).assert().code(2).get_output().clone();
    assert!(output.stdout.is_empty(), "{:?}", output.stdout);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(stderr.contains("kapguide guides"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

/// `compare --all` writes its document as it goes: at hundreds of providers the JSON must
/// still be one valid document with every provider and answer, the CSV one column triple per
/// provider on every row, and the result the same on one thread as on several.
#[test]
fn compare_all_streams_whole_documents_for_many_providers() {
    const COUNT: usize = 300;
    let home = home();
    let dir = home.path().join("many");
    fs::create_dir_all(&dir).unwrap();
    let profile = fs::read_to_string("tests/fixtures/providers/valid/thorough.toml").unwrap();
    for n in 0..COUNT {
        fs::write(dir.join(format!("p{n:03}.toml")), &profile).unwrap();
    }
    let run = |format: &str, threads: &str| {
        let output = kapguide(home.path())
            .env("KAPGUIDE_THREADS", threads)
            .args(["--guides", FIXTURE_GUIDES, "--no-bundled", "--providers"])
            .arg(&dir)
            .args(["compare", "--all", "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let json = run("json", "1");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("one valid JSON document");
    assert_eq!(doc["providers"].as_array().unwrap().len(), COUNT);
    for question in doc["questions"].as_array().unwrap() {
        assert_eq!(question["answers"].as_object().unwrap().len(), COUNT);
    }
    assert_eq!(run("json", "4"), json);
    let csv = run("csv", "3");
    let header = csv.lines().next().unwrap();
    assert_eq!(header.split(',').count(), 5 + 3 * COUNT);
    assert!(csv.lines().last().unwrap().starts_with("_summary,notice,"));
}

#[test]
fn an_empty_search_is_a_usage_error_and_a_long_one_is_echoed_short() {
    let home = home();
    kapguide(home.path())
        .args(["search", "  "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("search needs words"));
    let long = "q".repeat(5_000);
    let output = kapguide(home.path())
        .args(["search", &long])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("nothing matches") && stderr.len() < 200,
        "{stderr}"
    );
}
