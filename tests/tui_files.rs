//! Sessions against the user's files as they really are: unreadable drafts, broken config and
//! profiles, one-run priority overrides, restarts. What the user typed is never lost and what
//! could not be read is said on screen, not on a stderr the alternate screen hides.

mod tui_support;

use std::fs;
use std::path::Path;

use kapguide::core::draft::SavedDraft;
use kapguide::core::provider::Provider;
use kapguide::core::scoring::Priority;
use kapguide::tui::Theme;
use kapguide::tui::app::Mode;
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
    let (new, problems) = SavedDraft::parse(&draft, &text, checklist);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(new.unwrap().provider.answered_count(), 1);
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

/// The course shape box (c in Compare): the course-cost row follows as sessions change, and the
/// shape is saved in the config's `[course]` when the box closes.
mod course_shape {
    use super::*;

    fn course_cost_row(s: &Session) -> String {
        let screen = s.screen();
        screen
            .lines()
            .find(|l| l.contains("Course cost  "))
            .unwrap_or_else(|| panic!("{screen}"))
            .to_string()
    }

    #[test]
    fn the_course_cost_row_follows_and_the_shape_is_saved() {
        let home = tempfile::tempdir().unwrap();
        let mut s = Session::open(home.path(), 120, 40, Theme::colour(false), false);
        s.keys("3");
        let before = course_cost_row(&s);
        s.keys("m");
        assert_eq!(s.app.mode(), Mode::Course);
        // Dosing sessions: 6 → 4.
        s.keys("hh");
        let after = course_cost_row(&s);
        assert_ne!(before, after, "the row follows the shape");
        assert!(
            s.screen().contains("dosing sessions         4"),
            "{}",
            s.screen()
        );
        s.press(KeyCode::Esc);
        assert!(s.status().starts_with("Settings saved"), "{}", s.status());
        let saved = fs::read_to_string(home.path().join("config/config.toml")).unwrap();
        assert!(saved.contains("[course]\ndosing = 4\n"), "{saved}");
        let again = Session::open(home.path(), 120, 40, Theme::colour(false), false);
        let mut again = again;
        again.keys("3");
        assert_eq!(course_cost_row(&again), after);
    }
}

/// "Am I ready to decide?" answers are saved in the config when the box closes and shown again
/// in the next session.
mod readiness {
    use super::*;

    #[test]
    fn answers_are_saved_and_shown_again_on_reopen() {
        let home = tempfile::tempdir().unwrap();
        let mut s = Session::open(home.path(), 120, 40, Theme::colour(false), false);
        s.keys("3ryn");
        s.press(KeyCode::Esc);
        assert!(s.status().starts_with("Settings saved"), "{}", s.status());
        let saved = fs::read_to_string(home.path().join("config/config.toml")).unwrap();
        assert!(
            saved.contains("[readiness]\nsure = true\ninformed = false\n"),
            "{saved}"
        );
        // Closing without a change writes nothing new.
        s.keys("r");
        s.press(KeyCode::Esc);
        assert_eq!(s.status(), "");

        let mut again = Session::open(home.path(), 120, 40, Theme::colour(false), false);
        again.keys("3r");
        let screen = again.screen();
        assert!(
            screen.contains("What may help: Read the options side by side"),
            "{screen}"
        );
    }
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
        Priority::NotImportant,
        "the override is in force"
    );

    // Medical (the second category) up to 3; therapy is not touched.
    s.keys("3ijl");
    s.press(KeyCode::Esc);
    assert!(s.status().starts_with("Settings saved"), "{}", s.status());
    let saved = fs::read_to_string(&config).unwrap();
    assert!(saved.contains("medical = 3"), "{saved}");
    assert!(
        saved.contains("therapy = 1"),
        "the file's value, not the override: {saved}"
    );
    assert_eq!(
        s.app.priorities().get("therapy"),
        Priority::NotImportant,
        "still in force this run"
    );

    // Changing the overridden category itself does save it.
    s.keys("il");
    s.press(KeyCode::Esc);
    let saved = fs::read_to_string(&config).unwrap();
    assert!(
        saved.contains("therapy = 1") && saved.contains("medical = 3"),
        "{saved}"
    );
    s.keys("ill");
    s.press(KeyCode::Esc);
    let saved = fs::read_to_string(&config).unwrap();
    assert!(saved.contains("therapy = 3"), "{saved}");

    // Opening and closing the box without a change writes nothing.
    fs::write(&config, "[priorities]\ntherapy = 2\n# hand-written\n").unwrap();
    let context = context_with(home.path(), &["therapy=0"]);
    let mut again =
        Session::open_with(home.path(), (120, 40), Theme::colour(false), false, context);
    again.keys("3ijlh");
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
    // A key first, so 2 shows the picker instead of resuming the draft.
    again.keys("j2");
    let screen = again.screen();
    let progress = again.progress(2);
    assert!(
        screen.contains(&format!("Blue Door Clinic ({progress})")),
        "{screen}"
    );
    again.adopt(s);
}

#[test]
fn ctrl_c_while_typing_a_note_keeps_the_note() {
    let mut s = Session::new(120, 40);
    s.add_provider("Blue Door Clinic");
    s.keys("a");
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
    again.keys("2");
    again.keys("a");
    assert!(again.screen().contains("asked about prep, call back"));
    again.ctrl('c');
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    again.adopt(s);
}

/// Finding 1 of issue 9: with drafts that cannot be written, nothing claims they are kept.
#[test]
fn a_draft_that_cannot_be_saved_is_only_in_memory_and_quitting_asks_first() {
    let home = tempfile::tempdir().unwrap();
    // A file where the drafts directory should be: every draft save fails, as on a full or
    // read-only disk (and as root, who ignores permissions).
    write(&home.path().join("data/drafts"), "not a directory\n");
    let mut s = Session::open(home.path(), 120, 40, Theme::colour(false), false);
    s.add_provider("Blue Door Clinic");
    s.keys("y");
    assert!(
        s.status().contains("not saved — only in memory"),
        "{}",
        s.status()
    );
    s.keys("G");
    s.press(KeyCode::Esc);
    let status = s.status();
    assert!(!status.contains("kept as a draft"), "{status}");
    assert!(status.contains("not saved — only in memory"), "{status}");
    assert!(s.screen().contains("not saved"), "the picker says so");

    // q asks first, and offers to save elsewhere.
    s.keys("q");
    assert!(!s.app.should_quit());
    assert!(s.screen().contains("only in memory"), "{}", s.screen());
    s.keys("e");
    let elsewhere = home.path().join("elsewhere/blue-door.toml");
    s.keys(&elsewhere.display().to_string());
    s.press(KeyCode::Enter);
    assert!(s.status().contains("Saved a copy"), "{}", s.status());
    let text = fs::read_to_string(&elsewhere).unwrap();
    let (saved, problems) = Provider::parse(&elsewhere, &text, &s.app.library().checklist);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(saved.unwrap().answered_count(), 1);
    // Now nothing is only in memory: q quits.
    s.keys("q");
    assert!(s.app.should_quit());
}

/// Finding 2 of issue 9: two kapguides walking the same provider never destroy each other's
/// answers; the second writer is told and chooses.
#[test]
fn a_second_instance_never_overwrites_the_first_ones_draft() {
    let mut a = Session::new(120, 40);
    let mut b = Session::open(&a.home, 120, 40, Theme::colour(false), false);
    a.add_provider("Blue Door Clinic");
    a.keys("y");
    let draft = a.data().join("drafts/blue-door-clinic.toml");
    let first = fs::read_to_string(&draft).unwrap();

    // B started before A's draft existed; it names the same provider and answers.
    b.add_provider("Blue Door Clinic");
    b.keys("n");
    assert_eq!(
        fs::read_to_string(&draft).unwrap(),
        first,
        "A's draft is intact"
    );
    let screen = b.screen();
    assert!(screen.contains("The draft changed on disk"), "{screen}");
    // B keeps its answers as a copy.
    b.keys("c");
    let copy = b.data().join("drafts/blue-door-clinic-2.toml");
    assert!(fs::read_to_string(&copy).unwrap().contains("\"no\""));
    assert_eq!(fs::read_to_string(&draft).unwrap(), first);

    // A carries on and finishes: its own draft is saved, then removed; B's copy stays.
    a.keys("lp");
    a.keys("G");
    a.press(KeyCode::Enter);
    assert!(
        a.status().starts_with("Saved Blue Door Clinic"),
        "{}",
        a.status()
    );
    assert!(!draft.exists());
    assert!(copy.exists());

    // A draft B resumed and changed is not deleted by A's finish.
    let mut c = Session::open(&a.home, 120, 40, Theme::colour(false), false);
    c.keys("2");
    c.press(KeyCode::Down);
    c.press(KeyCode::Enter);
    c.keys("y");
    let mut d = Session::open(&a.home, 120, 40, Theme::colour(false), false);
    c.keys("n");
    d.keys("2");
    d.press(KeyCode::Down);
    d.press(KeyCode::Enter);
    d.keys("u");
    assert!(
        d.screen().contains("changed by another program"),
        "{}",
        d.screen()
    );
    // D reloads C's version: its view now shows C's answers, and nothing is overwritten.
    d.keys("r");
    let saved = fs::read_to_string(&copy).unwrap();
    d.press(KeyCode::Esc);
    assert_eq!(fs::read_to_string(&copy).unwrap(), saved);
    d.adopt(a);
    drop((b, c));
}

/// Finding 4 of issue 9: a `--providers` copy hides the profile the walk-through saved; the TUI
/// says so (load warnings included) and offers to open the saved one.
#[test]
fn a_saved_profile_hidden_by_a_providers_copy_is_said_and_can_be_opened() {
    let home = tempfile::tempdir().unwrap();
    let saved = home.path().join("data/providers/blue-door.toml");
    write(
        &saved,
        "name = \"Blue Door Clinic\"\nkind = \"kap-practice\"\n[answers]\nprep_sessions = \"yes\"\n",
    );
    write(
        &home.path().join("providers/blue-door.toml"),
        "name = \"Blue Door Clinic\"\nkind = \"kap-practice\"\n",
    );
    let mut context = context_with(home.path(), &[]);
    context.options.bundled_providers = false;
    context.library = kapguide::io::loader::load(&context.options);
    let mut s = Session::open_with(home.path(), (120, 40), Theme::colour(false), false, context);
    assert_eq!(
        s.app.mode(),
        Mode::Problems,
        "the warning is shown in the app"
    );
    assert!(s.screen().contains("also defined in"), "{}", s.screen());
    s.press(KeyCode::Esc);

    s.keys("2");
    assert!(
        s.screen().contains("your saved copy is hidden"),
        "{}",
        s.screen()
    );
    s.press(KeyCode::Down);
    s.press(KeyCode::Enter);
    let screen = s.screen();
    assert!(screen.contains("blue-door.toml"), "{screen}");
    s.keys("s");
    assert_eq!(s.app.mode(), Mode::Walk);
    assert!(s.status().contains("your saved profile"), "{}", s.status());
    // The saved profile's answer is the one shown: finishing and saving keeps it.
    s.keys("G");
    s.press(KeyCode::Enter);
    s.keys("y");
    let text = fs::read_to_string(&saved).unwrap();
    assert!(text.contains("prep_sessions = \"yes\""), "{text}");
}

/// Finding 2 for saved profiles: the second kapguide to save over a profile is told, and a
/// reload shows the first one's answers instead of replacing them.
#[test]
fn a_profile_saved_by_another_instance_is_not_overwritten() {
    let home = tempfile::tempdir().unwrap();
    let saved = home.path().join("data/providers/blue-door.toml");
    write(
        &saved,
        "name = \"Blue Door Clinic\"\nkind = \"kap-practice\"\n",
    );
    let open = || {
        let mut context = context_with(home.path(), &[]);
        context.options.bundled_providers = false;
        context.library = kapguide::io::loader::load(&context.options);
        Session::open_with(home.path(), (120, 40), Theme::colour(false), false, context)
    };
    let (mut a, mut b) = (open(), open());
    for (s, answer) in [(&mut a, "y"), (&mut b, "n")] {
        s.keys("2");
        s.press(KeyCode::Down);
        s.press(KeyCode::Enter);
        s.keys(answer);
        s.keys("G");
        s.press(KeyCode::Enter);
        if answer == "y" {
            // A is asked the usual question (the file it read is there: replace it?).
            s.keys("y");
            let text = fs::read_to_string(&saved).unwrap();
            assert!(text.contains("\"yes\""), "A's save: {text}");
        }
    }
    let text = fs::read_to_string(&saved).unwrap();
    // B is told the file changed since it read it, and offered the choices.
    assert_eq!(b.app.mode(), Mode::Choice);
    assert!(
        b.screen().contains("The profile changed on disk"),
        "{}",
        b.screen()
    );
    b.keys("r");
    assert!(
        b.status().starts_with("Reloaded Blue Door Clinic"),
        "{}",
        b.status()
    );
    assert_eq!(fs::read_to_string(&saved).unwrap(), text);
}
