//! Hostile input on the command line: escape sequences, C1 controls and invisible characters in
//! arguments, directory and file names and file contents must never reach the terminal as
//! themselves, and no diagnostic write may crash the program.

mod cli_support;

use std::fs;
use std::path::PathBuf;

use cli_support::kapguide_std;

/// An OSC 52 clipboard write, a colour change, BEL, a C1 CSI, a bidi override, zero-width and
/// line-separator characters.
const HOSTILE: &str =
    "x\u{1b}]52;c;aGk=\u{7}\u{1b}[31m\u{9b}2J\u{202e}\u{200b}\u{200d}\u{2028}\u{2029}\u{feff}y";

/// What a terminal would act on or hide: ESC, BEL, C1 controls (UTF-8 `C2 80`–`C2 9F`) and the
/// invisible characters of `HOSTILE`.
fn unsafe_bytes(output: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(output);
    let bad = text.chars().find(|&c| {
        c == '\u{1b}'
            || c == '\u{7}'
            || ('\u{80}'..='\u{9f}').contains(&c)
            || "\u{202e}\u{200b}\u{200d}\u{2028}\u{2029}\u{feff}".contains(c)
    })?;
    Some(format!("U+{:04X} in {text:?}", bad as u32))
}

/// A home holding a directory with a hostile name, with a hostile provider profile (valid, so
/// its text is printed), a broken one and one whose file name is hostile.
fn hostile_home() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(format!("providers-{HOSTILE}"));
    fs::create_dir(&dir).unwrap();
    let profile = fs::read_to_string("tests/fixtures/providers/valid/thorough.toml")
        .unwrap()
        .replace("Thorough Sample Practice", HOSTILE)
        .replace("Springfield", HOSTILE)
        .replace("+1 555 0100", HOSTILE)
        .replace(
            "https://example.org/thorough",
            &format!("https://{HOSTILE}"),
        )
        .replace("two included", HOSTILE);
    fs::write(dir.join("evil.toml"), profile).unwrap();
    fs::write(
        dir.join("broken.toml"),
        format!("name = \"{HOSTILE}\nkind = 3\n"),
    )
    .unwrap();
    fs::write(dir.join(format!("{HOSTILE}.toml")), "name = \"n\"\n").unwrap();
    (home, dir)
}

#[test]
fn no_command_lets_escapes_or_invisible_characters_through() {
    let (home, dir) = hostile_home();
    let dir_arg = dir.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["guides"],
        vec!["guide", HOSTILE],
        vec!["guide", "what-is-kap", "--width", HOSTILE],
        vec!["checklist"],
        vec!["providers"],
        vec!["providers", "--region", HOSTILE],
        vec!["compare", "evil", HOSTILE],
        vec!["compare", "--all", "--format", "table"],
        vec!["compare", "--all", "--format", "markdown"],
        vec!["compare", "--all", "--format", "json"],
        vec!["compare", "--all", "--format", "csv"],
        vec!["compare", "--all", "--format", HOSTILE],
        vec!["explain", "evil"],
        vec!["explain", HOSTILE],
        vec!["questions", "evil"],
        vec!["questions", "evil", "--format", "text"],
        vec!["questions", HOSTILE],
        vec!["search", HOSTILE],
        vec!["search", "integration"],
        vec!["validate", dir_arg],
        vec!["validate", HOSTILE],
        vec!["new-provider", HOSTILE],
        vec!["new-provider", "evil"],
        vec![HOSTILE],
        vec!["--priority", HOSTILE, "guides"],
        vec!["--priority", "medical=\u{1b}[2J", "guides"],
    ];
    for args in &commands {
        for globals in [
            vec!["--providers", dir_arg],
            vec!["--guides", HOSTILE, "--providers", HOSTILE],
        ] {
            let output = kapguide_std(home.path())
                .args(&globals)
                .args(args)
                .output()
                .unwrap();
            for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
                if let Some(found) = unsafe_bytes(bytes) {
                    panic!("{globals:?} {args:?}: {stream} has {found}");
                }
            }
            assert_ne!(
                output.status.code(),
                Some(101),
                "{globals:?} {args:?} panicked"
            );
        }
    }
}

#[test]
fn a_missing_directory_is_a_usage_error_naming_it() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("no-such-dir");
    for option in ["--providers", "--guides"] {
        let output = kapguide_std(home.path())
            .arg(option)
            .arg(&missing)
            .arg("providers")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{option}: {stderr}");
        assert!(
            stderr.contains(&format!("{option} {}", missing.display()))
                && stderr.contains("does not exist"),
            "{stderr}"
        );
    }
}

#[test]
fn a_full_stderr_never_crashes() {
    let home = tempfile::tempdir().unwrap();
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    // Skipped files print a summary on stderr before the command's own output.
    let output = kapguide_std(home.path())
        .args([
            "--providers",
            "tests/fixtures/providers/invalid",
            "providers",
        ])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(!output.stdout.is_empty());
    // A usage error and clap's own message.
    for args in [&["explain", "no-such-id"][..], &["--no-such-flag"]] {
        let output = kapguide_std(home.path())
            .args(args)
            .stderr(full())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn the_markdown_question_sheet_escapes_file_text() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("providers");
    fs::create_dir(&dir).unwrap();
    let profile = fs::read_to_string("tests/fixtures/providers/valid/thorough.toml")
        .unwrap()
        .replace(
            "Thorough Sample Practice",
            "<script>alert(1)</script> [x](javascript:alert(1))",
        )
        .replace("Springfield", "\\n# Injected heading")
        .replace("+1 555 0100", "**bold** | cell")
        .replace("https://example.org/thorough", "javascript:alert(1)");
    fs::write(dir.join("evil.toml"), profile).unwrap();
    let output = kapguide_std(home.path())
        .args(["--no-bundled", "--providers"])
        .arg(&dir)
        .args(["questions", "evil"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let sheet = String::from_utf8(output.stdout).unwrap();
    for raw in ["<script>", "[x](", "**bold**", "\n# Injected"] {
        assert!(!sheet.contains(raw), "{raw:?} unescaped in:\n{sheet}");
    }
    assert!(sheet.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:alert(1))"));
    assert!(sheet.contains("\\*\\*bold\\*\\* \\| cell"), "{sheet}");
}

#[test]
fn one_byte_over_the_size_limit_says_so() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("providers");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("big.toml"), "#".repeat(1024 * 1024 + 1)).unwrap();
    let output = kapguide_std(home.path())
        .arg("validate")
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("big.toml: error: the file is 1025 KiB; the limit is 1024 KiB"),
        "{stdout}"
    );
}

#[test]
fn an_empty_id_gets_no_odd_suggestion() {
    let home = tempfile::tempdir().unwrap();
    for command in ["guide", "explain", "questions"] {
        let output = kapguide_std(home.path())
            .args([command, ""])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            stderr.contains("id is empty") && !stderr.contains("did you mean"),
            "{command}: {stderr}"
        );
    }
}
