//! Issue 13's leftovers, driven through the real app: resuming a walk-through after a restart,
//! one selected provider in Compare, the mouse wheel, long status messages and the search
//! box's editing keys.

mod tui_support;

use std::fs;

use kapguide::tui::Theme;
use ratatui::crossterm::event::KeyCode;
use tui_support::Session;

/// Quits (dropping the app) and starts again on the same files, as after a restart.
fn restart(s: Session, width: u16, height: u16) -> Session {
    let mut again = Session::open(&s.home, width, height, Theme::colour(false), false);
    again.adopt(s);
    again
}

mod resume_across_restarts {
    use super::*;

    /// Walks a new provider to question 7 (answering only the first), then quits.
    fn walked_to_seven() -> Session {
        let mut s = Session::new(120, 40);
        s.add_provider("Blue Door Clinic");
        s.answer("y");
        for _ in 0..5 {
            s.press(KeyCode::Right);
        }
        assert!(s.screen().contains(&s.progress(7)), "{}", s.screen());
        s.ctrl('c');
        assert!(s.app.should_quit());
        s
    }

    /// Issue 13: the walk reopens at the question last visited, after quitting and starting
    /// again, not only within a run (the first unknown answer would be question 2).
    #[test]
    fn the_walk_resumes_at_the_last_question_visited_after_a_restart() {
        let mut again = restart(walked_to_seven(), 120, 40);
        again.keys("2");
        assert!(again.status().contains("Resumed"), "{}", again.status());
        assert!(
            again.screen().contains(&again.progress(7)),
            "{}",
            again.screen()
        );
    }

    /// Picking the draft in the list (not the start hint) goes to the same question, and moving
    /// back is remembered as well as moving on.
    #[test]
    fn moving_back_is_remembered_and_the_picker_resumes_there_too() {
        let mut again = restart(walked_to_seven(), 120, 40);
        again.keys("j");
        again.keys("2");
        again.press(KeyCode::Enter);
        assert!(again.screen().contains(&again.progress(7)));
        again.press(KeyCode::Left);
        again.press(KeyCode::Left);
        again.ctrl('c');
        let mut third = restart(again, 120, 40);
        third.keys("2");
        assert!(
            third.screen().contains(&third.progress(5)),
            "{}",
            third.screen()
        );
    }

    /// The position is in the draft's own file, beside its answers.
    #[test]
    fn the_position_is_kept_in_the_draft_file() {
        let s = walked_to_seven();
        let text = fs::read_to_string(s.data().join("drafts/blue-door-clinic.toml")).unwrap();
        let seventh = &s.app.library().checklist.questions[6].id;
        assert!(
            text.contains(&format!("[walk]\nat = \"{seventh}\"")),
            "{text}"
        );
    }

    /// A question the checklist no longer has (or a position that does not read) resumes at
    /// the first question without an answer: no panic, no lost answers.
    #[test]
    fn a_stale_position_resumes_at_the_first_unknown_answer() {
        let s = walked_to_seven();
        let path = s.data().join("drafts/blue-door-clinic.toml");
        let text = fs::read_to_string(&path).unwrap();
        let (kept, _) = text.split_once("[walk]").unwrap();
        for walk in [
            "[walk]\nat = \"a-question-since-removed\"\n",
            "[walk]\nat = 3\n",
        ] {
            fs::write(&path, format!("{kept}{walk}")).unwrap();
            let mut again = Session::open(&s.home, 120, 40, Theme::colour(false), false);
            again.keys("2");
            assert!(again.status().contains("Resumed"), "{}", again.status());
            assert!(
                again.screen().contains(&again.progress(2)),
                "{walk}: {}",
                again.screen()
            );
        }
    }

    /// Looking through a profile without answering makes no draft, so nothing is written.
    #[test]
    fn moving_through_a_profile_without_answering_writes_no_draft() {
        let mut s = Session::new(120, 40);
        s.keys("2");
        s.keys("jj");
        s.press(KeyCode::Enter);
        for _ in 0..3 {
            s.press(KeyCode::Right);
        }
        assert!(s.screen().contains(&s.progress(4)), "{}", s.screen());
        let drafts = s.data().join("drafts");
        let files = fs::read_dir(&drafts).map_or(0, |d| d.count());
        assert_eq!(files, 0, "no draft in {}", drafts.display());
    }

    /// Moving on writes only where the walk is: a draft another kapguide changed meanwhile is
    /// left as that one wrote it, without a question in the way (the next answer asks).
    #[test]
    fn moving_never_writes_over_a_draft_changed_elsewhere() {
        let s = walked_to_seven();
        let path = s.data().join("drafts/blue-door-clinic.toml");
        let mut a = Session::open(&s.home, 120, 40, Theme::colour(false), false);
        a.keys("2");
        let theirs = fs::read_to_string(&path).unwrap().replacen(
            "name = \"Blue Door Clinic\"",
            "name = \"Blue Door\"",
            1,
        );
        fs::write(&path, &theirs).unwrap();
        a.press(KeyCode::Right);
        assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
        assert_eq!(a.app.mode(), kapguide::tui::app::Mode::Walk);
        a.keys("y");
        assert!(
            a.screen().contains("The draft changed on disk"),
            "{}",
            a.screen()
        );
        a.adopt(s);
    }

    /// A profile saved from the walk has no `[walk]` table: it is a plain profile.
    #[test]
    fn the_saved_profile_carries_no_position() {
        let mut s = Session::new(120, 40);
        s.add_provider("Blue Door Clinic");
        s.answer("y");
        s.press(KeyCode::Right);
        s.press(KeyCode::End);
        s.press(KeyCode::Enter);
        assert!(s.status().contains("Saved"), "{}", s.status());
        let text = fs::read_to_string(s.data().join("providers/blue-door-clinic.toml")).unwrap();
        assert!(!text.contains("[walk]"), "{text}");
        assert!(!s.data().join("drafts/blue-door-clinic.toml").exists());
    }
}
