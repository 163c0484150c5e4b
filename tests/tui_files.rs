//! Sessions against the user's files as they really are: unreadable drafts, broken config and
//! profiles, one-run priority overrides, restarts. What the user typed is never lost and what
//! could not be read is said on screen, not on a stderr the alternate screen hides.

mod tui_support;

use std::fs;
use std::path::Path;

use kapguide::core::provider::Provider;
use kapguide::tui::Theme;
use kapguide::tui::keymap::Mode;
use ratatui::crossterm::event::KeyCode;
use tui_support::{Session, context_with};

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A draft written before the checklist lost a question: it no longer reads back.
const STALE_DRAFT: &str = "name = \"Blue Door Clinic\"\nkind = \"kap-practice\"\n\n[answers]\nprep_sessions = \"yes\"\nremoved_question = { answer = \"yes\", note = \"IMPORTANT: call back Tuesday\" }\n";

#[test]
fn an_unreadable_draft_is_reported_and_moved_aside_never_overwritten() {
    let home = tempfile::tempdir().unwrap();
    let draft = home.path().join("data/drafts/blue-door-clinic.toml");
    write(&draft, STALE_DRAFT);
    let mut s = Session::open(home.path(), 120, 40, Theme::colour(false), false);
    assert_eq!(s.app.mode(), Mode::Problems, "shown at start");
    assert!(
        s.status()
            .contains("1 draft could not be read (kept as is)"),
        "{}",
        s.status()
    );
    let screen = s.screen();
    assert!(screen.contains("blue-door-clinic.toml:6:1"), "{screen}");
    assert!(screen.contains("removed_question"), "{screen}");
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Toc);

    // Walking the same provider again writes a new draft; the old file goes to .bak first.
    s.add_provider("Blue Door Clinic");
    s.keys("y");
    let backup = home.path().join("data/drafts/blue-door-clinic.toml.bak");
    assert_eq!(fs::read_to_string(&backup).unwrap(), STALE_DRAFT);
    let text = fs::read_to_string(&draft).unwrap();
    let checklist = &s.app.library().checklist;
    let (new, problems) = Provider::parse(&draft, &text, checklist);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(new.unwrap().answered_count(), 1);
}

#[test]
fn broken_profiles_and_config_are_reported_at_start() {
    let home = tempfile::tempdir().unwrap();
    write(
        &home.path().join("providers/broken.toml"),
        "name = \"Broken\"\nkind = \"spa\"\n",
    );
    write(
        &home.path().join("config/config.toml"),
        "[priorities]\ntherapy = 9\n",
    );
    let context = context_with(home.path(), &[]);
    let mut s = Session::open_with(home.path(), (100, 30), Theme::colour(false), false, context);
    assert_eq!(s.app.mode(), Mode::Problems);
    let status = s.status();
    assert!(
        status.contains("1 file skipped because of errors — run `kapguide validate`"),
        "{status}"
    );
    assert!(status.contains("config file has problems"), "{status}");
    let screen = s.screen();
    assert!(screen.contains("broken.toml:2:8"), "{screen}");
    assert!(screen.contains("config.toml:2:11"), "{screen}");
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Toc);
}

#[test]
fn a_clean_start_shows_no_problems() {
    let s = Session::new(80, 24);
    assert_eq!(s.app.mode(), Mode::Toc);
    assert_eq!(s.status(), "");
}

#[test]
fn a_priority_override_for_one_run_is_not_saved() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/config.toml");
    write(&config, "[priorities]\ntherapy = 1\nmedical = 2\n");
    let context = context_with(home.path(), &["therapy=0"]);
    let mut s = Session::open_with(home.path(), (120, 40), Theme::colour(false), false, context);
    assert_eq!(
        s.app.priorities().get("therapy"),
        0,
        "the override is in force"
    );

    // Medical (the second category) up to 3; therapy is not touched.
    s.keys("3pjl");
    s.press(KeyCode::Esc);
    assert!(s.status().starts_with("Priorities saved"), "{}", s.status());
    let saved = fs::read_to_string(&config).unwrap();
    assert!(saved.contains("medical = 3"), "{saved}");
    assert!(
        saved.contains("therapy = 1"),
        "the file's value, not the override: {saved}"
    );
    assert_eq!(
        s.app.priorities().get("therapy"),
        0,
        "still in force this run"
    );

    // Changing the overridden category itself does save it.
    s.keys("pl");
    s.press(KeyCode::Esc);
    let saved = fs::read_to_string(&config).unwrap();
    assert!(
        saved.contains("therapy = 1") && saved.contains("medical = 3"),
        "{saved}"
    );
    s.keys("pll");
    s.press(KeyCode::Esc);
    let saved = fs::read_to_string(&config).unwrap();
    assert!(saved.contains("therapy = 3"), "{saved}");

    // Opening and closing the box without a change writes nothing.
    fs::write(&config, "[priorities]\ntherapy = 2\n# hand-written\n").unwrap();
    let context = context_with(home.path(), &["therapy=0"]);
    let mut again =
        Session::open_with(home.path(), (120, 40), Theme::colour(false), false, context);
    again.keys("3pjlh");
    again.press(KeyCode::Esc);
    assert!(
        fs::read_to_string(&config)
            .unwrap()
            .contains("# hand-written")
    );
}

#[test]
fn draft_progress_counts_answers_not_listed_questions_after_a_restart() {
    let mut s = Session::new(120, 40);
    s.add_provider("Blue Door Clinic");
    s.answer("yyu");
    s.ctrl('c');
    let mut again = Session::open(&s.home, 120, 40, Theme::colour(false), false);
    again.keys("2");
    let screen = again.screen();
    assert!(screen.contains("Blue Door Clinic (2/23)"), "{screen}");
    again.adopt(s);
}

#[test]
fn ctrl_c_while_typing_a_note_keeps_the_note() {
    let mut s = Session::new(120, 40);
    s.add_provider("Blue Door Clinic");
    s.keys("e");
    s.keys("asked about prep, call back");
    s.ctrl('c');
    assert!(s.app.should_quit());
    let first = s.app.library().checklist.questions[0].id.clone();
    let path = s.data().join("drafts/blue-door-clinic.toml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(&format!(
            "{first} = {{ answer = \"unknown\", note = \"asked about prep, call back\""
        )),
        "{text}"
    );

    // After a restart the note is there; Ctrl-C in its field with nothing changed writes nothing.
    let mut again = Session::open(&s.home, 120, 40, Theme::colour(false), false);
    again.keys("2j");
    again.press(KeyCode::Enter);
    again.keys("e");
    assert!(again.screen().contains("asked about prep, call back"));
    again.ctrl('c');
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    again.adopt(s);
}
