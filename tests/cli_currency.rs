//! Course costs in two currencies are never compared or added as plain numbers: the fixture
//! providers price in USD (Dollar Clinic, 2,700), CAD (Loonie Practice, 3,150), and one states
//! no cost at all (Quiet Place).

mod cli_support;

use cli_support::on_fixtures;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = on_fixtures("tests/fixtures/providers/currencies", args);
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn a_bare_maximum_over_two_currencies_is_refused_with_how_to_write_it() {
    for command in ["providers", "compare"] {
        let (code, stdout, stderr) = run(&[command, "--max-course-cost", "3000"]);
        assert_eq!((code, stdout.as_str()), (2, ""), "{command}");
        assert_eq!(
            stderr,
            "kapguide: --max-course-cost `3000`: the providers price courses in CAD and USD, so a bare amount could mean any of them; add the currency, as in 3000CAD or 3000USD\n"
        );
    }
}

#[test]
fn a_maximum_with_a_currency_compares_only_that_currency_and_says_who_else_is_left_out() {
    let (code, stdout, _) = run(&["providers", "--max-course-cost", "3200usd"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("dollar-clinic"), "{stdout}");
    // 3,150 CAD is below 3,200, but it is not 3,150 dollars.
    assert!(!stdout.contains("Loonie Practice"), "{stdout}");
    assert!(
        stdout.contains("Filtered: max course cost 3200 USD."),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Left out because the profile does not say: 1 (quiet-place) by --max-course-cost."
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("Left out because they price in another currency (never compared with 3200 USD): 1 (loonie-practice)."),
        "{stdout}"
    );
    let (_, stdout, _) = run(&["providers", "--max-course-cost", "CAD 3,200"]);
    assert!(
        stdout.contains("loonie-practice") && !stdout.contains("Dollar Clinic"),
        "{stdout}"
    );
    // A named provider in another currency is left out with the reason.
    let (code, _, stderr) = run(&[
        "compare",
        "dollar-clinic",
        "loonie-practice",
        "--max-course-cost",
        "5000USD",
    ]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("kapguide: left out loonie-practice: --max-course-cost 5000 USD: prices in another currency\n"),
        "{stderr}"
    );
}

#[test]
fn one_currency_among_the_providers_settles_a_bare_maximum() {
    let (code, stdout, _) = run(&[
        "compare",
        "dollar-clinic",
        "quiet-place",
        "--max-course-cost",
        "3000",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Filtered: max course cost 3000 USD."),
        "{stdout}"
    );
}

#[test]
fn compare_and_explain_show_each_amount_in_its_own_currency_and_never_a_sum() {
    let (_, stdout, _) = run(&["compare", "dollar-clinic", "loonie-practice"]);
    let row = stdout
        .lines()
        .find(|l| l.starts_with("Course cost"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        row.contains("USD 2,700") && row.contains("CAD 3,150"),
        "{row}"
    );
    assert!(
        !stdout.contains("5,850") && !stdout.contains("5850"),
        "no sum: {stdout}"
    );
    let (_, stdout, _) = run(&["explain", "loonie-practice"]);
    assert!(stdout.contains("Course cost: CAD 3,150 for"), "{stdout}");
    assert!(
        stdout.contains("  6 × dosing session: 400 CAD each\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  2 × preparation session: 150 CAD each\n"),
        "{stdout}"
    );
}
