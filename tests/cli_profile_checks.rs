//! `validate` on profile values that parse as TOML but cannot be right: a currency that is not
//! a three-letter code (or is in small letters), a fee given both ways, a board address that is
//! not a web address, a licence check dated in the future. One fixture each.

mod cli_support;

const CHECKS: &str = "tests/fixtures/providers/checks";

/// `validate` on one fixture: its exit code and what it printed.
fn validate(file: &str) -> (Option<i32>, String) {
    let home = tempfile::tempdir().expect("temp dir");
    let out = cli_support::kapguide_std(home.path())
        .args(["--no-bundled", "validate"])
        .arg(format!("{CHECKS}/{file}"))
        .output()
        .expect("kapguide runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8 output"),
    )
}

fn assert_reports(file: &str, code: i32, expected: &str) {
    let (status, stdout) = validate(file);
    assert_eq!(status, Some(code), "{file}:\n{stdout}");
    assert_eq!(stdout, format!("{CHECKS}/{file}{expected}"), "{file}");
}

#[test]
fn a_currency_that_is_not_a_three_letter_code_is_an_error_with_how_to_write_it() {
    assert_reports(
        "junk-currency.toml",
        1,
        ":5:12: error: `currency` = \"€€€\" is not a currency code\n  hint: write the currency as its three-letter code, such as USD, CAD, GBP or EUR\n",
    );
}

#[test]
fn a_currency_in_small_letters_is_read_in_capitals_with_a_warning() {
    assert_reports(
        "small-currency.toml",
        0,
        ":5:12: warning: `currency` = \"usd\" is read as USD\n  hint: write it in capitals: currency = \"USD\"\n",
    );
}

#[test]
fn a_fee_with_both_value_and_a_range_says_not_both() {
    assert_reports(
        "fee-both-ways.toml",
        1,
        ":6:18: error: `dosing_session` has `value` and `min`/`max`: give `value` or `min`/`max`, not both\n  hint: write dosing_session = { value = 450 } for one fee, or dosing_session = { min = 400, max = 600 } for a range\n",
    );
}

#[test]
fn a_board_address_that_is_not_a_web_address_is_an_error() {
    assert_reports(
        "script-board.toml",
        1,
        ":7:13: error: `board_url` = \"javascript:alert(1)\" is not a web address\n  hint: write the licensing board's lookup page, starting with https:// (or http://)\n",
    );
}

#[test]
fn a_licence_check_dated_in_the_future_is_warned_about_where_it_is() {
    assert_reports(
        "future-check.toml",
        0,
        ":11:25: warning: the licence check of Bo is dated 2030-01-01, in the future\n  hint: write the day the licence was looked up\n",
    );
}
