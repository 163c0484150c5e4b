//! `--sort` on `providers` and `compare`: the orders Compare's `s` cycles through in the app
//! (score, name, known, course-cost), by the same code.

mod cli_support;

use cli_support::on_fixtures;
use serde_json::Value;

const VALID: &str = "tests/fixtures/providers/valid";
const CURRENCIES: &str = "tests/fixtures/providers/currencies";

/// The providers `compare --all --format json` lists, in order.
fn compared(fixture: &str, sort: &[&str]) -> Vec<Value> {
    let out = on_fixtures(
        fixture,
        &[&["compare", "--all", "--format", "json"], sort].concat(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["providers"].as_array().unwrap().clone()
}

/// The ids in the first column of `providers`, in order.
fn listed(fixture: &str, sort: &[&str]) -> Vec<String> {
    let out = on_fixtures(fixture, &[&["providers"], sort].concat());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}

fn ids(providers: &[Value]) -> Vec<String> {
    providers
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn score_is_the_default_ranking_and_both_commands_agree() {
    let ranked = ids(&compared(VALID, &[]));
    assert_eq!(ids(&compared(VALID, &["--sort", "score"])), ranked);
    assert_eq!(listed(VALID, &[]), ranked);
    // The provider with safety flags comes after every provider without.
    assert_eq!(
        ranked.last().map(String::as_str),
        Some("red-flags"),
        "{ranked:?}"
    );
    for sort in ["name", "known", "course-cost"] {
        assert_eq!(
            listed(VALID, &["--sort", sort]),
            ids(&compared(VALID, &["--sort", sort])),
            "{sort}"
        );
    }
}

#[test]
fn name_and_known_sort_as_they_say() {
    let by_name = compared(VALID, &["--sort", "name"]);
    let names: Vec<String> = by_name
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_ne!(
        ids(&by_name),
        ids(&compared(VALID, &[])),
        "a different order"
    );
    for word in ["known", "coverage"] {
        let coverage: Vec<f64> = compared(VALID, &["--sort", word])
            .iter()
            .map(|p| p["score"]["coverage"].as_f64().unwrap())
            .collect();
        assert!(
            coverage.windows(2).all(|w| w[0] >= w[1]),
            "{word}: {coverage:?}"
        );
    }
}

#[test]
fn course_cost_groups_currencies_cheapest_first_and_unknown_last() {
    // CAD 3,150 is not cheaper or dearer than USD 2,700: the currencies stay apart.
    let want = ["loonie-practice", "dollar-clinic", "quiet-place"];
    assert_eq!(listed(CURRENCIES, &["--sort", "course-cost"]), want);
    assert_eq!(ids(&compared(CURRENCIES, &["--sort", "course-cost"])), want);
    let costs: Vec<Option<u64>> = compared(VALID, &["--sort", "course-cost"])
        .iter()
        .map(|p| {
            p["course_cost"]["low"]
                .as_u64()
                .filter(|_| p["course_cost"]["text"] != "unknown")
        })
        .collect();
    let known: Vec<u64> = costs.iter().map_while(|c| *c).collect();
    assert!(known.windows(2).all(|w| w[0] <= w[1]), "{costs:?}");
    assert!(
        costs[known.len()..].iter().all(Option::is_none),
        "{costs:?}"
    );
}

#[test]
fn a_bad_sort_word_lists_the_good_ones_and_help_explains_them() {
    let out = on_fixtures(VALID, &["providers", "--sort", "price"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("[possible values: score, name, known, course-cost]"),
        "{stderr}"
    );
    for command in ["providers", "compare"] {
        let out = on_fixtures(VALID, &[command, "--help"]);
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("--sort <ORDER>"), "{help}");
        assert!(help.contains("grouped by currency"), "{help}");
    }
}
