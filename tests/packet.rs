//! The consultation packet: self-contained HTML that escapes every piece of file text, and (with
//! Chromium and poppler-utils installed, as `.ci/run` arranges) a real browser renders it to a PDF
//! that holds the questions, the flags and the crisis lines on a reasonable number of pages.

use std::process::Command;

use assert_cmd::Command as Cli;

const FIXTURES: [&str; 5] = [
    "--guides",
    "tests/fixtures/guides",
    "--no-bundled",
    "--providers",
    "tests/fixtures/providers/packet",
];

fn packet(args: &[&str], id: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let out = Cli::cargo_bin("kapguide")
        .unwrap()
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("KAPGUIDE_TODAY", "2026-11-25")
        .args(args)
        .args(["packet", id])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Elements HTML never closes.
const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];

/// A small well-formedness check of what kapguide writes: every tag closes in order, attribute
/// quotes balance, and no character that starts markup is left bare inside text.
fn check_balanced(html: &str) -> Result<(), String> {
    let body = html.strip_prefix("<!DOCTYPE html>\n").ok_or("no doctype")?;
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').ok_or("a tag never ends")? + start;
        let tag = &rest[start + 1..end];
        if tag.matches('"').count() % 2 != 0 {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            return Err(format!(
                "bare '<' before {:?}",
                &rest[start..end.min(start + 20)]
            ));
        }
        if let Some(closing) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or(format!("</{closing}> closes nothing"))?;
            if open != name {
                return Err(format!("<{open}> closed by </{name}>"));
            }
        } else if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
        // The style sheet is CSS, not markup.
        rest = if &rest[start + 1..end] == "style" {
            let close = rest.find("</style>").ok_or("style never ends")?;
            &rest[close..]
        } else {
            &rest[end + 1..]
        };
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("never closed: {stack:?}"))
    }
}

#[test]
fn the_html_parses_and_fetches_nothing() {
    let html = packet(&FIXTURES, "html-in-text");
    check_balanced(&html).unwrap();
    // Nothing that loads or runs: no such element, no such attribute, no fetch from the CSS.
    let lower = html.to_lowercase();
    for tag in lower.split('<').skip(1).filter_map(|t| t.split('>').next()) {
        for banned in ["script", "link", "img", "iframe", "object", "embed", "base"] {
            assert!(!tag.starts_with(banned), "<{tag}> in the packet");
        }
        for banned in ["src=", "href=", "on"] {
            assert!(
                !tag.split_whitespace()
                    .skip(1)
                    .any(|a| a.starts_with(banned)),
                "<{tag}> loads or runs something"
            );
        }
    }
    let style = &lower[lower.find("<style>").unwrap()..lower.find("</style>").unwrap()];
    assert!(!style.contains("url(") && !style.contains("@import"));
    // The hostile text is there, as text.
    for shown in [
        "Tag &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; Clinic",
        "&lt;style&gt;body{display:none}&lt;/style&gt; extra fee",
        "&lt;a href=&quot;https://evil.example&quot;&gt;price list&lt;/a&gt;",
        "call with &quot;reception&quot; &amp; &lt;b&gt;front desk&lt;/b&gt;",
    ] {
        assert!(html.contains(shown), "{shown} missing");
    }
    assert!(html.contains("Educational, not medical advice"));
}

#[test]
fn the_markdown_packet_has_every_part() {
    let home = tempfile::tempdir().unwrap();
    let out = Cli::cargo_bin("kapguide")
        .unwrap()
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .args(FIXTURES)
        .args(["packet", "html-in-text", "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    for part in [
        "# Consultation packet",
        "## Options side by side",
        "## What matters to you",
        "## Am I ready to decide?",
        "## Crisis and support lines",
        "Samaritans 116 123",
        "Educational, not medical advice",
    ] {
        assert!(md.contains(part), "{part} missing");
    }
    assert!(
        !md.contains("<script>"),
        "file text is escaped in Markdown too"
    );
}

fn installed(program: &str, version_flag: &str) -> bool {
    Command::new(program)
        .arg(version_flag)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Chromium prints the packet to PDF; pdftotext reads it back.
#[test]
fn a_real_browser_prints_questions_flags_and_crisis_lines() {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| installed(b, "--version"));
    let (Some(browser), true) = (browser, installed("pdftotext", "-v")) else {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        assert!(
            !ci,
            "CI needs chromium and poppler-utils (.ci/run installs them)"
        );
        eprintln!("skipped: chromium or pdftotext is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html_path = dir.path().join("packet.html");
    // The bundled options and checklist, and the fixture provider with hostile text and a flag.
    let html = packet(
        &["--providers", "tests/fixtures/providers/packet"],
        "html-in-text",
    );
    std::fs::write(&html_path, &html).unwrap();
    let pdf = dir.path().join("packet.pdf");
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ])
        .arg(format!("file://{}", html_path.display()))
        .env("HOME", dir.path())
        .output()
        .expect("the browser runs");
    assert!(
        pdf.exists(),
        "no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    for expected in [
        "Questions still open",
        "Will I have preparation sessions",
        "Safety flag: answered \"no\" to a critical safety question",
        "Samaritans 116 123",
        "call or text 988",
        "Lifeline 13 11 14",
        "Educational, not medical advice",
        "Tag </title><script>alert(1)",
    ] {
        assert!(
            text.contains(expected),
            "{expected} not in the PDF:\n{text}"
        );
    }
    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    assert!((2..=14).contains(&pages), "{pages} pages");
}
