//! The walk-through's forms for what a profile carries beside its answers: clinicians with a
//! licence check (`c`) and costs (`$`), recorded with keys through the real app, saved through
//! the profile writer, and read back.

mod tui_support;

use kapguide::core::clinician::{Clinician, Role, Verdict, Verification};
use kapguide::core::costs::{Costs, Fee, Insurance, Item};
use kapguide::core::date::Date;
use ratatui::crossterm::event::KeyCode;
use tui_support::{Session, TODAY};

const URL: &str = "https://example.org/licence-lookup/search?profession=counselor&number=C-12345";

fn tab(s: &mut Session, times: usize) {
    for _ in 0..times {
        s.press(KeyCode::Tab);
    }
}

/// At the finish page of a new provider: records a therapist with an active licence check.
fn record_clinician(s: &mut Session) {
    s.keys("ca");
    s.keys("Dr Ada Example");
    tab(s, 1);
    s.press(KeyCode::Right); // prescriber -> therapist
    tab(s, 1);
    s.keys("LPC");
    tab(s, 1);
    s.keys("C-12345");
    tab(s, 1);
    s.keys("OR");
    tab(s, 1);
    s.keys(URL);
    tab(s, 1);
    s.press(KeyCode::Right); // unchecked -> active
    tab(s, 2);
    s.keys("Board site, no discipline listed");
    s.press(KeyCode::Enter);
}

/// From the walk: records a dosing fee range with a note and source, and the insurance.
fn record_costs(s: &mut Session) {
    s.keys("mj");
    s.press(KeyCode::Enter);
    s.keys("400-600");
    tab(s, 1);
    s.keys("usd");
    tab(s, 1);
    s.keys("sliding scale");
    tab(s, 1);
    s.keys("phone call");
    s.press(KeyCode::Enter);
    s.keys("jjjj");
    s.press(KeyCode::Enter);
    s.press(KeyCode::Right); // unknown -> accepts
    s.press(KeyCode::Enter);
    s.press(KeyCode::Esc);
}

fn expected_clinician() -> Clinician {
    Clinician {
        name: "Dr Ada Example".into(),
        role: Role::Therapist,
        licence_type: Some("LPC".into()),
        licence_number: Some("C-12345".into()),
        licensed_in: Some("OR".into()),
        board_url: Some(URL.into()),
        verification: Some(Verification {
            date: Date::parse(TODAY),
            result: Verdict::Active,
            note: Some("Board site, no discipline listed".into()),
        }),
    }
}

fn expected_costs() -> Costs {
    Costs {
        currency: Some("USD".into()),
        dosing_session: Some(Item {
            value: Fee {
                low: 400,
                high: 600,
            },
            note: Some("sliding scale".into()),
            source: Some("phone call".into()),
        }),
        insurance: Some(Item::bare(Insurance::Accepts)),
        ..Costs::default()
    }
}

#[test]
fn clinicians_and_costs_recorded_by_keys_save_load_back_and_validate_strictly() {
    let mut s = Session::new(100, 30);
    s.add_provider("Forms Clinic");
    s.keys("G");
    record_clinician(&mut s);
    assert!(
        s.status().starts_with("Recorded Dr Ada Example"),
        "{}",
        s.status()
    );
    assert!(
        s.screen().contains(URL),
        "the board URL whole:\n{}",
        s.screen()
    );
    s.press(KeyCode::Esc);
    record_costs(&mut s);
    s.press(KeyCode::Enter);
    assert!(
        s.status().starts_with("Saved Forms Clinic"),
        "{}",
        s.status()
    );
    let path = s.data().join("providers/forms-clinic.toml");
    assert!(path.is_file(), "{}", s.status());

    let home = s.home.clone();
    let mut again = Session::open(&home, 100, 30, kapguide::tui::Theme::colour(false), false);
    again.adopt(s);
    let saved = again
        .app
        .library()
        .provider("forms-clinic")
        .expect("the saved profile loads");
    assert_eq!(saved.clinicians, vec![expected_clinician()]);
    assert_eq!(saved.costs, expected_costs());

    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kapguide"))
        .args(["validate", "--strict"])
        .arg(&path)
        .env("KAPGUIDE_TODAY", TODAY)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The clinicians list with one recorded, its form, the costs list and a fee's form, at the
/// three sizes.
#[test]
fn forms_at_three_sizes() {
    for (width, height) in [(60, 16), (80, 24), (120, 40)] {
        let mut s = Session::new(width, height);
        s.add_provider("Forms Clinic");
        s.keys("G");
        record_clinician(&mut s);
        let size = format!("{width}x{height}");
        insta::assert_snapshot!(format!("clinicians_{size}"), s.screen());
        s.keys("v");
        insta::assert_snapshot!(format!("clinician_check_{size}"), s.screen());
        s.press(KeyCode::Esc);
        s.press(KeyCode::Esc);
        record_costs(&mut s);
        s.keys("mj");
        insta::assert_snapshot!(format!("costs_{size}"), s.screen());
        s.press(KeyCode::Enter);
        insta::assert_snapshot!(format!("cost_fee_{size}"), s.screen());
        s.press(KeyCode::Esc);
        s.press(KeyCode::Esc);
        insta::assert_snapshot!(format!("finish_with_records_{size}"), s.screen());
    }
}

/// The walk's draft as saved on disk.
fn drafted(s: &Session) -> kapguide::core::provider::Provider {
    let checklist = &s.app.library().checklist;
    let (drafts, problems) = kapguide::io::store::load_drafts(&s.data().join("drafts"), checklist);
    assert!(problems.is_empty(), "{problems:?}");
    drafts
        .into_iter()
        .map(|d| d.provider)
        .find(|d| d.id == "forms-clinic")
        .expect("a saved draft")
}

#[test]
fn the_keys_work_from_a_question_too_and_every_change_is_saved_as_a_draft() {
    let mut s = Session::new(80, 24);
    s.add_provider("Forms Clinic");
    s.keys("c");
    assert!(s.screen().contains("+ Add a clinician"), "{}", s.screen());
    s.keys("a");
    s.keys("Sam Monitor");
    s.press(KeyCode::Enter);
    assert_eq!(drafted(&s).clinicians.len(), 1, "saved as a draft at once");
    s.press(KeyCode::Esc);
    assert!(s.screen().contains(&s.progress(1)), "back on the question");
    // Ctrl-C in a filled form keeps what it says.
    s.keys("m");
    s.press(KeyCode::Enter);
    s.keys("cad");
    s.ctrl('c');
    assert!(s.app.should_quit());
    assert_eq!(drafted(&s).costs.currency.as_deref(), Some("CAD"));
}

#[test]
fn a_bad_date_or_a_missing_name_keeps_the_form_open_and_esc_asks_before_dropping() {
    let mut s = Session::new(80, 24);
    s.add_provider("Forms Clinic");
    s.keys("ca");
    s.press(KeyCode::Enter);
    assert!(
        s.status().contains("Type the clinician's name"),
        "{}",
        s.status()
    );
    s.keys("Dr Ada Example");
    tab(&mut s, 6);
    s.press(KeyCode::Right); // unchecked -> active
    tab(&mut s, 1);
    s.ctrl('u');
    s.keys("last week");
    s.press(KeyCode::Enter);
    assert!(s.status().contains("is not a date"), "{}", s.status());
    assert!(
        s.screen().contains("Checked on"),
        "still open:\n{}",
        s.screen()
    );
    s.press(KeyCode::Esc);
    assert!(s.screen().contains("Drop your changes?"), "{}", s.screen());
    s.keys("n");
    s.press(KeyCode::Esc);
    s.keys("y");
    assert!(s.screen().contains("+ Add a clinician"), "{}", s.screen());
    assert!(
        !s.data().join("drafts/forms-clinic.toml").exists(),
        "nothing recorded, so no draft"
    );
}

/// Opens the cost at `row` of the costs list, goes to its currency field (`tabs` away) and
/// types `currency` over what it shows, then saves.
fn retype_currency(s: &mut Session, row: usize, tabs: usize, fee: &str, currency: &str) {
    s.keys("m");
    s.keys(&"j".repeat(row));
    s.press(KeyCode::Enter);
    s.keys(fee);
    tab(s, tabs);
    s.ctrl('u');
    s.keys(currency);
    s.press(KeyCode::Enter);
}

#[test]
fn a_currency_that_would_relabel_the_recorded_fees_is_refused_with_both_named() {
    let mut s = Session::new(100, 30);
    s.add_provider("Forms Clinic");
    record_costs(&mut s);
    let refused = |s: &Session| {
        let status = s.status();
        assert!(
            status.contains("USD") && status.contains("EUR"),
            "names both currencies: {status}"
        );
        assert!(
            s.screen().contains("Currency"),
            "still open:\n{}",
            s.screen()
        );
        assert_eq!(drafted(s).costs, expected_costs(), "nothing relabelled");
    };
    // The currency on its own…
    retype_currency(&mut s, 0, 0, "", "eur");
    refused(&s);
    s.press(KeyCode::Esc);
    s.keys("y");
    s.press(KeyCode::Esc);
    // …or with a second fee.
    retype_currency(&mut s, 2, 1, "200", "eur");
    refused(&s);
    s.press(KeyCode::Esc);
    s.keys("y");
    s.press(KeyCode::Esc);
    // The only fee recorded may change its own currency.
    retype_currency(&mut s, 1, 1, "", "eur");
    let costs = drafted(&s).costs;
    assert_eq!(costs.currency.as_deref(), Some("EUR"), "{}", s.status());
    assert_eq!(costs.dosing_session, expected_costs().dosing_session);
}

#[test]
fn the_replace_prompt_lists_the_clinicians_and_costs_that_would_change() {
    let mut s = Session::new(120, 40);
    s.add_provider("Forms Clinic");
    s.answer("y");
    s.keys("G");
    s.press(KeyCode::Enter);
    assert!(s.status().starts_with("Saved "), "{}", s.status());
    s.name_provider("Forms Clinic");
    record_costs(&mut s);
    s.keys("G");
    record_clinician(&mut s);
    s.press(KeyCode::Esc);
    s.press(KeyCode::Enter);
    let shown = s.screen();
    assert!(shown.contains("Replace the saved profile?"), "{shown}");
    assert!(!shown.contains("Nothing would change"), "{shown}");
    assert!(shown.contains("clinician added: Dr Ada Example"), "{shown}");
    assert!(shown.contains("dosing session: not stated"), "{shown}");
    assert!(shown.contains("insurance: not stated → accepts"), "{shown}");
}

#[test]
fn removing_a_clinician_or_clearing_a_cost_asks_first() {
    let mut s = Session::new(80, 24);
    s.add_provider("Forms Clinic");
    s.keys("G");
    record_clinician(&mut s);
    s.keys("d");
    assert!(
        s.screen().contains("Remove this clinician?"),
        "{}",
        s.screen()
    );
    s.keys("n");
    assert_eq!(drafted(&s).clinicians.len(), 1);
    s.keys("dy");
    assert_eq!(drafted(&s).clinicians, Vec::new());
    s.press(KeyCode::Esc);
    record_costs(&mut s);
    // The currency cannot go while a fee needs it; the fee can, then the currency.
    s.keys("md");
    assert!(
        s.status().contains("clear the fees first"),
        "{}",
        s.status()
    );
    s.keys("jdy");
    s.keys("kdy");
    assert_eq!(
        drafted(&s).costs,
        Costs {
            insurance: Some(Item::bare(Insurance::Accepts)),
            ..Costs::default()
        }
    );
}
