//! The crisis lines come from one file, `guides/crisis.toml`. Every surface that shows a crisis
//! number (the crisis guide, the `!` overlay, the too-small screen, `--help`, the README) must
//! state only numbers and places that file has, and the short surfaces every essential line.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use kapguide::core::crisis::CrisisLines;

fn crisis() -> CrisisLines {
    let text = std::fs::read_to_string("guides/crisis.toml").expect("guides/crisis.toml");
    let (crisis, problems) = CrisisLines::parse(Path::new("guides/crisis.toml"), &text);
    assert!(problems.is_empty(), "{problems:#?}");
    crisis.expect("the crisis lines load")
}

/// Place names a surface might use; every one a surface states must be a place in the file.
const PLACES: [&str; 19] = [
    "United States",
    "USA",
    "US",
    "Canada",
    "United Kingdom",
    "Great Britain",
    "Britain",
    "UK",
    "Republic of Ireland",
    "Northern Ireland",
    "Ireland",
    "England",
    "Scotland",
    "Wales",
    "European Union",
    "Europe",
    "EU",
    "Australia",
    "New Zealand",
];

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Runs of digit groups ("116 123", "1-800-662-4357") with three digits or more: what a phone
/// number looks like. Web addresses, dates, citation markers, sizes and scroll positions are
/// removed first.
fn phone_numbers(text: &str) -> BTreeSet<String> {
    let mut cleaned = text.to_string();
    for noise in [
        r"https?://\S+",        // web addresses
        r"\d{4}-\d{2}-\d{2}",   // dates
        r"\[\d+\]",             // citation markers
        r"\d+×\d+",             // screen sizes
        r"line \d+–\d+ of \d+", // scroll positions
        r"\b(19|20)\d{2}\b",    // years
    ] {
        cleaned = regex::Regex::new(noise)
            .unwrap()
            .replace_all(&cleaned, " ")
            .into_owned();
    }
    regex::Regex::new(r"\d+(?:[ -]\d+)*")
        .unwrap()
        .find_iter(&cleaned)
        .map(|m| digits(m.as_str()))
        .filter(|d| d.len() >= 3)
        .collect()
}

/// Place names left once the file's own places are taken out.
fn unknown_places(text: &str, crisis: &CrisisLines) -> Vec<String> {
    let mut rest = text.to_string();
    let mut known = crisis.countries();
    known.sort_by_key(|c| std::cmp::Reverse(c.len()));
    for place in known {
        rest = rest.replace(place, " ");
    }
    PLACES
        .iter()
        .filter(|place| {
            regex::Regex::new(&format!(r"\b{place}\b"))
                .unwrap()
                .is_match(&rest)
        })
        .map(|p| p.to_string())
        .collect()
}

/// Fails if `surface` states a number or place the file lacks, or names Samaritans without the
/// places it serves. Places are checked on text that is not wrapped (a place name wrapped over
/// two lines of a screen cannot be matched whole); wrapped screens get the number checks.
fn check_surface(name: &str, surface: &str, crisis: &CrisisLines) {
    check_numbers(name, surface, crisis);
    let places = unknown_places(surface, crisis);
    assert!(
        places.is_empty(),
        "{name} names places not in guides/crisis.toml: {places:?}\n{surface}"
    );
}

fn check_numbers(name: &str, surface: &str, crisis: &CrisisLines) {
    let known: BTreeSet<String> = crisis.numbers().iter().map(|n| digits(n)).collect();
    let stray: Vec<String> = phone_numbers(surface)
        .into_iter()
        .filter(|n| !known.contains(n))
        .collect();
    assert!(
        stray.is_empty(),
        "{name} states numbers not in guides/crisis.toml: {stray:?}\n{surface}"
    );
    for alias in ["UK & Ireland", "UK/Ireland", "(UK)"] {
        let flat = surface.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!flat.contains(alias), "{name} says {alias}\n{surface}");
    }
    if surface.contains("Samaritans") {
        assert!(
            surface.contains("UK & Republic of Ireland"),
            "{name}: Samaritans serves the UK & Republic of Ireland\n{surface}"
        );
    }
}

/// Fails unless `surface` gives every essential number (with `emergency`, the emergency
/// numbers too).
fn check_essentials(name: &str, surface: &str, crisis: &CrisisLines, emergency: bool) {
    let shown = phone_numbers(surface);
    for line in crisis
        .lines
        .iter()
        .filter(|l| l.essential && (emergency || !l.emergency))
    {
        assert!(
            shown.contains(&digits(&line.number)),
            "{name} lacks {} ({})\n{surface}",
            line.number,
            line.country
        );
    }
}

fn snapshot(name: &str) -> String {
    std::fs::read_to_string(format!("tests/snapshots/tui_snapshots__{name}.snap"))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn kapguide(args: &[&str]) -> String {
    let home = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("kapguide")
        .unwrap()
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("KAPGUIDE_TODAY", "2026-11-28")
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_surface_states_only_the_files_numbers_and_places() {
    let crisis = crisis();
    for name in ["overlay_crisis_120x40", "overlay_crisis_80x24"] {
        let text = snapshot(name);
        check_numbers(name, &text, &crisis);
        check_essentials(name, &text, &crisis, true);
    }
    for name in ["too_small_120x15", "too_small_59x40", "too_small_30x6"] {
        check_numbers(name, &snapshot(name), &crisis);
    }
    // The small surfaces say each place exactly as the file does.
    let items = [
        crisis.talk_items(),
        crisis.emergency_items(),
        crisis.short_items(),
    ]
    .concat();
    check_surface(
        "the overlay's and too-small screen's items",
        &items.join("\n"),
        &crisis,
    );
    check_essentials(
        "too_small_120x15",
        &snapshot("too_small_120x15"),
        &crisis,
        false,
    );
    let help = kapguide(&["--help"]);
    check_surface("--help", &help, &crisis);
    check_essentials("--help", &help, &crisis, true);
    let guide = kapguide(&["guide", "crisis-and-support", "--width", "1000"]);
    check_numbers("the crisis guide", &guide, &crisis);
    // Source titles name organisations ("Samaritans Ireland"), not where a line works.
    let (text, _sources) = guide.split_once("\nSources\n").expect("a source list");
    check_surface("the crisis guide's text", text, &crisis);
    for number in crisis.numbers() {
        assert!(guide.contains(number), "the crisis guide lacks {number}");
    }
    let readme = std::fs::read_to_string("README.md").unwrap();
    // The opening paragraph and the crisis section (after "The two commands").
    let sections: Vec<&str> = readme.split("\n## ").collect();
    let crisis_section = sections
        .iter()
        .find(|s| s.starts_with("Crisis lines"))
        .expect("a Crisis lines section");
    let intro = format!("{}\n## {crisis_section}", sections[0]);
    check_surface("the README's opening and crisis section", &intro, &crisis);
}

/// The README cannot read the file, so it carries a copy: exactly the file's list.
#[test]
fn the_readme_crisis_block_is_the_files_list() {
    let crisis = crisis();
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("<!-- crisis-lines").expect("start marker");
    let start = start + readme[start..].find("-->\n").unwrap() + 4;
    let end = readme.find("<!-- /crisis-lines -->").expect("end marker");
    let expected = format!("{}\n\n{}", crisis.help_sentence(), crisis.markdown(false));
    assert_eq!(
        &readme[start..end],
        expected,
        "paste this between the crisis-lines markers in README.md"
    );
}

#[test]
fn the_scanner_catches_a_stray_number_or_place() {
    let crisis = crisis();
    for bad in [
        "Samaritans 116 123 (UK & Ireland)",
        "Lifeline 13 11 15 (Australia)",
        "call 0800 111 (New Zealand)",
    ] {
        let caught = std::panic::catch_unwind(|| check_surface("test", bad, &crisis));
        assert!(caught.is_err(), "{bad}");
    }
    check_surface(
        "test",
        "Samaritans 116 123 (UK & Republic of Ireland), reviewed 2026-11-28 [12]",
        &crisis,
    );
}
