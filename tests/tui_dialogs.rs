//! Dialogs and forms of the Checklist, driven as a user would: which provider a typed name
//! opens, what a replace prompt says, discarding drafts, resuming, and the new-provider form.
//! Snapshots of the dialogs at 80×24 and at the 60×16 minimum.

mod tui_support;

use std::fs;
use std::path::Path;

use kapguide::core::id::QuestionId;
use kapguide::core::provider::{AnswerValue, Provider};
use kapguide::tui::Theme;
use ratatui::crossterm::event::KeyCode;
use tui_support::Session;

const SIZES: [(u16, u16); 2] = [(80, 24), (60, 16)];

/// The screen, with the temporary home directory written as [HOME].
fn screen(s: &Session) -> String {
    s.screen().replace(&s.home.display().to_string(), "[HOME]")
}

fn read(path: &Path, s: &Session) -> Provider {
    let text = fs::read_to_string(path).unwrap();
    let (provider, problems) = Provider::parse(path, &text, &s.app.library().checklist);
    assert!(problems.is_empty(), "{problems:?}");
    provider.unwrap()
}

fn first_question(s: &Session) -> QuestionId {
    s.app.library().checklist.questions[0].id.clone()
}

/// Walks a new provider, answers the first question with `answer`, and saves the profile.
fn save_new(s: &mut Session, name: &str, answer: &str) {
    s.add_provider(name);
    s.answer(answer);
    s.keys("G");
    s.press(KeyCode::Enter);
    assert!(s.status().starts_with("Saved "), "{}", s.status());
}

mod names {
    use super::*;

    /// Issue 13, defect 1: names whose ids would be the same are two providers, each with a
    /// file of its own; neither opens the other's answers.
    #[test]
    fn names_that_share_an_id_are_two_providers_with_two_files() {
        let mut s = Session::new(120, 40);
        let pairs = [
            ("Mind & Body KAP (Portland)", "Mind Body KAP — Portland"),
            (
                &*format!(
                    "{} North",
                    "Ketamine Assisted Psychotherapy Centre of the Pacific Coast"
                ),
                &*format!(
                    "{} South",
                    "Ketamine Assisted Psychotherapy Centre of the Pacific Coast"
                ),
            ),
        ];
        for (first, second) in pairs {
            save_new(&mut s, first, "y");
            s.name_provider(second);
            assert!(
                !s.status().contains("already has a profile"),
                "{second} opened {first}: {}",
                s.status()
            );
            s.press(KeyCode::Enter);
            assert!(s.screen().contains(second), "{}", s.screen());
            s.keys("G");
            s.press(KeyCode::Enter);
            assert!(s.status().starts_with("Saved "), "{}", s.status());
        }
        let dir = s.data().join("providers");
        let mut names: Vec<(String, AnswerValue)> = fs::read_dir(&dir)
            .unwrap()
            .map(|entry| {
                let p = read(&entry.unwrap().path(), &s);
                let answer = p.answer(&first_question(&s));
                (p.name, answer)
            })
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(names.len(), 4, "{names:?}");
        for (first, second) in pairs {
            assert!(
                names.contains(&(first.to_string(), AnswerValue::Yes)),
                "{names:?}"
            );
            assert!(
                names.contains(&(second.to_string(), AnswerValue::Unknown)),
                "{names:?}"
            );
        }
        assert!(dir.join("mind-body-kap-portland-2.toml").is_file());
    }

    /// The very same name walks the saved profile again; saving asks before replacing it, and
    /// the prompt names the profile on disk and the answers that would change.
    #[test]
    fn the_replace_prompt_names_both_providers_and_what_would_change() {
        let mut s = Session::new(120, 40);
        save_new(&mut s, "Blue Door Clinic", "y");
        s.name_provider("Blue Door Clinic");
        assert!(
            s.status().contains("already has a profile"),
            "{}",
            s.status()
        );
        s.keys("n");
        s.keys("G");
        s.press(KeyCode::Enter);
        let shown = s.screen();
        let question = &s.app.library().checklist.questions[0].question;
        let start: String = question.chars().take(20).collect();
        assert!(shown.contains("Replace the saved profile?"), "{shown}");
        assert!(shown.contains("holds the profile of"), "{shown}");
        assert!(shown.contains("your answers for"), "{shown}");
        assert!(
            shown.contains(&start) && shown.contains("yes → no"),
            "{shown}"
        );
        // n keeps the file as it was.
        s.keys("n");
        let path = s.data().join("providers/blue-door-clinic.toml");
        assert_eq!(
            read(&path, &s).answer(&first_question(&s)),
            AnswerValue::Yes
        );
        // Saving again and y replaces it.
        s.press(KeyCode::Enter);
        s.keys("y");
        assert!(s.status().starts_with("Saved "), "{}", s.status());
        assert_eq!(read(&path, &s).answer(&first_question(&s)), AnswerValue::No);
    }

    /// A file kapguide could not load is never replaced unasked, and the prompt says whose
    /// answers would take its place.
    #[test]
    fn a_file_kapguide_could_not_load_is_named_in_the_replace_prompt() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("data/providers/green-room.toml");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "name = \"Green Room (broken by hand)\"\nkind = [\n").unwrap();
        let mut s = Session::open(home.path(), 120, 40, Theme::colour(false), false);
        s.press(KeyCode::Esc);
        s.add_provider("Green Room");
        s.keys("G");
        s.press(KeyCode::Enter);
        let shown = s.screen();
        assert!(shown.contains("kapguide did not load"), "{shown}");
        assert!(shown.contains("“Green Room”"), "{shown}");
        s.press(KeyCode::Esc);
        assert!(
            fs::read_to_string(&path)
                .unwrap()
                .contains("broken by hand")
        );
    }

    #[test]
    fn replace_prompt_snapshots() {
        for (width, height) in SIZES {
            let mut s = Session::new(width, height);
            save_new(&mut s, "Blue Door Clinic", "y");
            s.name_provider("Blue Door Clinic");
            s.keys("n");
            s.keys("G");
            s.press(KeyCode::Enter);
            insta::assert_snapshot!(format!("replace_prompt_{width}x{height}"), screen(&s));
        }
    }
}

mod discard {
    use super::*;

    /// Issue 13, defect 5: a draft can be discarded from the picker, after a yes.
    #[test]
    fn a_draft_is_discarded_from_the_picker_only_after_yes() {
        let mut s = Session::new(120, 40);
        s.add_provider("Blue Door Clinic");
        s.answer("y");
        s.press(KeyCode::Esc);
        let draft = s.data().join("drafts/blue-door-clinic.toml");
        assert!(draft.is_file());
        // The cursor is on the draft after leaving the walk.
        s.keys("d");
        let shown = s.screen();
        assert!(shown.contains("Discard this draft?"), "{shown}");
        assert!(shown.contains("“Blue Door Clinic” (1 of"), "{shown}");
        s.keys("n");
        assert!(draft.is_file(), "n keeps it");
        s.keys("d");
        s.press(KeyCode::Esc);
        assert!(draft.is_file(), "Esc keeps it");
        s.keys("d");
        s.keys("y");
        assert!(!draft.exists());
        assert!(
            s.status()
                .contains("Discarded the draft of Blue Door Clinic")
        );
        assert!(!s.screen().contains("draft Blue Door"), "{}", s.screen());
        // A provider row has nothing to discard.
        s.keys("d");
        assert!(s.status().contains("Only a draft"), "{}", s.status());
    }

    /// Another kapguide's newer draft is its work: discarding keeps it and says so, and the
    /// picker keeps listing it.
    #[test]
    fn a_draft_changed_by_another_program_is_not_discarded() {
        let mut s = Session::new(120, 40);
        s.add_provider("Blue Door Clinic");
        s.answer("y");
        s.press(KeyCode::Esc);
        let draft = s.data().join("drafts/blue-door-clinic.toml");
        let edited = fs::read_to_string(&draft).unwrap() + "\n# edited elsewhere\n";
        fs::write(&draft, &edited).unwrap();
        s.keys("dy");
        assert!(s.status().contains("still there"), "{}", s.status());
        assert_eq!(fs::read_to_string(&draft).unwrap(), edited);
        assert!(s.screen().contains("Blue Door Clinic"), "{}", s.screen());
    }

    #[test]
    fn discard_prompt_snapshots() {
        for (width, height) in SIZES {
            let mut s = Session::new(width, height);
            s.add_provider("Blue Door Clinic");
            s.answer("yy");
            s.press(KeyCode::Esc);
            s.keys("d");
            insta::assert_snapshot!(format!("discard_prompt_{width}x{height}"), screen(&s));
        }
    }
}

mod resume {
    use super::*;

    /// Issue 13, defect 3: leaving a walk and picking it again returns to the question the
    /// user was at, not to the first unknown one.
    #[test]
    fn a_draft_reopens_at_the_question_last_visited() {
        let mut s = Session::new(120, 40);
        s.add_provider("Blue Door Clinic");
        // Question 2 is skipped: the first unknown answer is 2, the walk is at 4.
        s.answer("y");
        s.press(KeyCode::Right);
        s.answer("y");
        s.keys("h");
        assert!(s.screen().contains(&s.progress(3)), "{}", s.screen());
        s.press(KeyCode::Esc);
        s.press(KeyCode::Enter);
        assert!(s.status().contains("Resumed"), "{}", s.status());
        assert!(s.screen().contains(&s.progress(3)), "{}", s.screen());
    }

    /// After a restart the start-up hint's `2` opens the draft (the cursor is not left on
    /// "+ New provider"), after its last answer.
    #[test]
    fn the_start_hint_s_2_opens_the_draft() {
        let mut s = Session::new(120, 40);
        s.add_provider("Blue Door Clinic");
        s.answer("y");
        s.press(KeyCode::Right);
        s.answer("y");
        s.ctrl('c');
        let mut again = Session::open(&s.home, 120, 40, Theme::colour(false), false);
        assert!(
            again.status().contains("Press 2 to resume it"),
            "{}",
            again.status()
        );
        again.keys("2");
        assert!(again.status().contains("Resumed"), "{}", again.status());
        assert!(
            again.screen().contains(&again.progress(4)),
            "{}",
            again.screen()
        );
        again.adopt(s);
    }

    /// With two drafts, `2` shows the picker with the cursor on the first draft.
    #[test]
    fn with_two_drafts_2_puts_the_cursor_on_the_first() {
        let mut s = Session::new(120, 40);
        for name in ["Blue Door Clinic", "Green Room"] {
            s.add_provider(name);
            s.answer("y");
            s.press(KeyCode::Esc);
        }
        s.ctrl('c');
        let mut again = Session::open(&s.home, 120, 40, Theme::colour(false), false);
        assert!(
            again.status().contains("Press 2 to pick one"),
            "{}",
            again.status()
        );
        again.keys("2");
        again.press(KeyCode::Enter);
        assert!(again.status().contains("Resumed"), "{}", again.status());
        again.adopt(s);
    }

    /// Any other key first: the hint is gone, and `2` is the plain view switch.
    #[test]
    fn the_hint_lasts_one_key() {
        let mut s = Session::new(120, 40);
        s.add_provider("Blue Door Clinic");
        s.answer("y");
        s.ctrl('c');
        let mut again = Session::open(&s.home, 120, 40, Theme::colour(false), false);
        again.keys("j2");
        assert!(!again.status().contains("Resumed"), "{}", again.status());
        assert!(
            again.screen().contains("+ New provider"),
            "{}",
            again.screen()
        );
        again.adopt(s);
    }
}

mod form {
    use super::*;
    use kapguide::tui::app::Mode;

    /// Issue 13, defect 4: in the new provider's form letters are text on every row: none moves,
    /// switches views or jumps to a search match; Tab, Shift-Tab and the arrows move.
    #[test]
    fn letters_always_type_and_tab_and_arrows_move() {
        let mut s = Session::new(120, 40);
        s.name_provider("Lakeside Clinic");
        assert_eq!(s.app.mode(), Mode::Form);
        // On the kind row (a choice), letters and digits do nothing but say how to choose.
        s.keys("jklnq1/?");
        assert_eq!(s.app.mode(), Mode::Form);
        assert!(s.status().contains("Choose with"), "{}", s.status());
        assert!(s.screen().contains("◂ kap-practice ▸"), "{}", s.screen());
        // Tab twice, to the city: every letter is text there.
        s.press(KeyCode::Tab);
        s.press(KeyCode::Tab);
        s.keys("jknq Lake");
        assert!(s.screen().contains("jknq Lake"), "{}", s.screen());
        // Shift-Tab and Up go back, Down and Tab forward.
        s.press(KeyCode::BackTab);
        s.press(KeyCode::Up);
        s.press(KeyCode::Right);
        assert!(s.screen().contains("◂ ketamine-clinic ▸"), "{}", s.screen());
        s.press(KeyCode::Down);
        s.press(KeyCode::Down);
        s.keys("!");
        assert!(s.screen().contains("jknq Lake!"), "{}", s.screen());
        // F2 still opens the crisis lines while typing.
        s.press(KeyCode::F(2));
        assert_eq!(s.app.mode(), Mode::Crisis);
    }

    /// Esc on a form with nothing filled in leaves at once; with something filled in it asks,
    /// and "no" goes back to the form with everything kept.
    #[test]
    fn esc_asks_before_dropping_a_filled_form() {
        let mut s = Session::new(120, 40);
        s.name_provider("Nobody");
        s.press(KeyCode::Esc);
        assert_eq!(s.app.mode(), Mode::Picker);
        assert!(
            s.status().contains("Nobody was not added"),
            "{}",
            s.status()
        );

        s.name_provider("Lakeside Clinic");
        s.press(KeyCode::Tab);
        s.press(KeyCode::Tab);
        s.keys("Whitehorse");
        s.press(KeyCode::Esc);
        assert_eq!(s.app.mode(), Mode::Choice);
        assert!(
            s.screen().contains("Drop this new provider?"),
            "{}",
            s.screen()
        );
        s.keys("n");
        assert_eq!(s.app.mode(), Mode::Form);
        assert!(s.screen().contains("Whitehorse"), "{}", s.screen());
        s.press(KeyCode::Esc);
        s.keys("y");
        assert_eq!(s.app.mode(), Mode::Picker);
        assert!(s.status().contains("Lakeside Clinic was not added"));
        assert!(!s.data().join("drafts").exists());
    }

    /// Enter on an empty name keeps the dialog open with the hint; the name typed next is used.
    #[test]
    fn an_empty_name_keeps_the_dialog_open_with_the_hint() {
        let mut s = Session::new(120, 40);
        s.keys("2a");
        s.keys("   ");
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Text);
        assert!(
            s.status().contains("Type the new provider's name"),
            "{}",
            s.status()
        );
        s.keys("Lakeside Clinic");
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Form);
        assert!(
            s.screen().contains("New provider: Lakeside Clinic"),
            "{}",
            s.screen()
        );
    }

    /// A relative "save elsewhere" path keeps its dialog open too, with the hint.
    #[test]
    fn a_relative_path_keeps_the_save_dialog_open() {
        let mut s = Session::new(120, 40);
        s.add_provider("Relative Path Clinic");
        s.answer("y");
        s.keys("e");
        s.keys("copy.toml");
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Text);
        assert!(s.status().contains("Type a full path"), "{}", s.status());
        // Nothing was written, not even relative to where the tests run.
        assert!(!s.data().join("copy.toml").exists());
        assert!(!Path::new("copy.toml").exists());
        s.ctrl('a');
        let target = s.home.join("elsewhere/");
        s.keys(&target.display().to_string());
        s.press(KeyCode::Enter);
        assert!(s.status().contains("Saved a copy"), "{}", s.status());
        assert!(s.home.join("elsewhere/copy.toml").is_file());
    }

    /// Issue 13: "intranasal" and "esketamine" side by side puzzle a lay reader, so the route
    /// under the cursor is said in plain words below the fields, with its sources.
    #[test]
    fn the_route_under_the_cursor_is_explained_with_its_sources() {
        let mut s = Session::new(80, 24);
        s.name_provider("Lakeside Clinic");
        assert!(!s.screen().contains("(sources:"), "only on the routes row");
        s.press(KeyCode::Tab);
        let screen = s.screen();
        assert!(screen.contains("iv: a slow drip into a vein"), "{screen}");
        assert!(screen.contains("(sources:"), "{screen}");
        assert!(screen.contains("anand-2023"), "{screen}");
        // Right to intranasal, then esketamine: the two nasal sprays told apart.
        for _ in 0..4 {
            s.press(KeyCode::Right);
        }
        let screen = s.screen();
        assert!(
            screen.contains("intranasal: a ketamine nasal spray"),
            "{screen}"
        );
        assert!(screen.contains("(compounded)"), "{screen}");
        s.press(KeyCode::Right);
        let screen = s.screen();
        assert!(screen.contains("esketamine: Spravato"), "{screen}");
        assert!(screen.contains("spravato-rems"), "{screen}");
        s.press(KeyCode::Tab);
        assert!(!s.screen().contains("(sources:"), "{}", s.screen());
    }

    #[test]
    fn route_explained_snapshots() {
        for (width, height) in SIZES {
            let mut s = Session::new(width, height);
            s.name_provider("Lakeside Clinic");
            s.press(KeyCode::Tab);
            for _ in 0..5 {
                s.press(KeyCode::Right);
            }
            insta::assert_snapshot!(format!("route_explained_{width}x{height}"), screen(&s));
        }
    }

    #[test]
    fn form_snapshots() {
        for (width, height) in SIZES {
            let mut s = Session::new(width, height);
            s.name_provider("Lakeside Clinic");
            s.press(KeyCode::Tab);
            s.press(KeyCode::Right);
            s.keys(" ");
            s.press(KeyCode::Tab);
            s.keys("Whitehorse");
            insta::assert_snapshot!(format!("form_{width}x{height}"), screen(&s));
            s.press(KeyCode::Esc);
            insta::assert_snapshot!(format!("form_drop_{width}x{height}"), screen(&s));
        }
    }
}
