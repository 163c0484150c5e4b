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

mod one_selected_provider {
    use super::*;

    fn ids(s: &Session) -> Vec<String> {
        s.shown_ids()
    }

    /// Issue 13 (user test): moving in the provider list moves the matrix's column too, so the
    /// packet is the highlighted provider's, not the one the matrix was left on.
    #[test]
    fn the_list_moves_the_column_and_the_packet_follows() {
        let mut s = Session::new(120, 40);
        s.keys("3");
        let third = ids(&s)[2].clone();
        s.press(KeyCode::Tab);
        s.keys("jj");
        s.press(KeyCode::Tab);
        assert_eq!(s.app.compare_column().0, 2);
        s.keys("ep");
        let status = s.status();
        assert!(status.contains(&format!("packet-{third}-")), "{status}");
    }

    /// Moving in the matrix moves the list's row: Space there acts on the same provider.
    #[test]
    fn the_matrix_moves_the_list_row() {
        let mut s = Session::new(120, 40);
        s.keys("3");
        let second = s.app.shown_providers()[1].name.clone();
        s.press(KeyCode::Right);
        s.press(KeyCode::Tab);
        s.keys(" ");
        assert_eq!(
            s.status(),
            format!("Hid {second}; Tab to the provider list and press Space to show it again")
        );
    }

    /// Sorting keeps the same provider selected, wherever it moves to.
    #[test]
    fn sorting_keeps_the_selected_provider() {
        let mut s = Session::new(120, 40);
        s.keys("3");
        s.press(KeyCode::Right);
        s.press(KeyCode::Right);
        let chosen = ids(&s)[2].clone();
        for _ in 0..4 {
            s.keys("s");
            let (col, _) = s.app.compare_column();
            assert_eq!(ids(&s)[col], chosen, "{}", s.status());
        }
    }
}

mod mouse_wheel {
    use super::*;
    use kapguide::tui::app::Mode;
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};

    /// `notches` turns of the wheel (down, or up when negative) at column `x`, row `y`, as
    /// with `--mouse`.
    fn wheel(s: &mut Session, (x, y): (u16, u16), notches: i32) {
        let kind = if notches > 0 {
            MouseEventKind::ScrollDown
        } else {
            MouseEventKind::ScrollUp
        };
        let events = (0..notches.abs()).map(|_| {
            Event::Mouse(MouseEvent {
                kind,
                column: x,
                row: y,
                modifiers: KeyModifiers::NONE,
            })
        });
        kapguide::tui::run_loop(&mut s.terminal, &mut s.app, &mut s.files, events, true).unwrap();
    }

    /// A point a few rows under the pane whose title starts with `title`.
    fn inside(s: &Session, title: &str) -> (u16, u16) {
        let (x, y) = s
            .find(title)
            .unwrap_or_else(|| panic!("{title:?} not on screen:\n{}", s.screen()));
        (x + 4, y + 8)
    }

    /// Issue 13 (user test): the wheel over Compare's grid moves through its questions, even
    /// while the provider list had the focus.
    #[test]
    fn the_wheel_over_the_grid_moves_through_its_questions() {
        let mut s = Session::new(120, 40);
        s.keys("3");
        s.press(KeyCode::Tab);
        assert_eq!(s.app.mode(), Mode::ProviderList);
        let grid = inside(&s, "Compare ·");
        wheel(&mut s, grid, 4);
        wheel(&mut s, grid, -1);
        assert_eq!(s.app.mode(), Mode::Matrix);
        s.press(KeyCode::Enter);
        let question = &s.app.library().checklist.questions[3].question;
        let start: String = question.chars().take(30).collect();
        assert!(s.screen().contains(&start), "{start}: {}", s.screen());
    }

    /// The wheel over the provider list moves its row, and the grid's column with it.
    #[test]
    fn the_wheel_over_the_provider_list_moves_the_selected_provider() {
        let mut s = Session::new(120, 40);
        s.keys("3");
        let list = inside(&s, "Providers:");
        wheel(&mut s, list, 2);
        assert_eq!(s.app.mode(), Mode::ProviderList);
        assert_eq!(s.app.compare_column().0, 2);
    }

    /// In the Checklist the wheel moves the picker or the questions, whichever it is over.
    #[test]
    fn the_wheel_moves_the_checklist_picker_and_questions() {
        let mut s = Session::new(120, 40);
        s.keys("2");
        s.press(KeyCode::Tab);
        assert_eq!(s.app.mode(), Mode::Questions);
        let picker = inside(&s, "Walk through a provider");
        wheel(&mut s, picker, 2);
        assert_eq!(s.app.mode(), Mode::Picker);
        // Row 2 is a provider (row 0 would ask for a new one's name).
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Walk, "{}", s.screen());
        s.press(KeyCode::Esc);
        let (x, _) = s.find("The checklist").expect("the questions pane");
        wheel(&mut s, (x + 4, picker.1), 1);
        assert_eq!(s.app.mode(), Mode::Questions);
    }
}

mod one_field_editor {
    use super::*;

    /// Ctrl-W and Ctrl-U edit the search box as they do every text field.
    #[test]
    fn ctrl_w_and_ctrl_u_edit_the_search_box() {
        let mut s = Session::new(120, 40);
        s.keys("/zzq observation");
        assert!(s.screen().contains("zzq observation"), "{}", s.screen());
        s.ctrl('w');
        let screen = s.screen();
        assert!(
            screen.contains("zzq") && !screen.contains("zzq observation"),
            "{screen}"
        );
        s.ctrl('u');
        assert!(!s.screen().contains("zzq"), "{}", s.screen());
        assert_eq!(s.app.mode(), kapguide::tui::app::Mode::Search);
    }

    /// The filter panel's type-to-narrow text takes them too: deleting what was typed brings
    /// every provider back.
    #[test]
    fn ctrl_w_and_ctrl_u_edit_the_filter_panel_s_text() {
        let mut s = Session::new(120, 40);
        s.keys("3");
        let all = s.app.shown_providers().len();
        s.keys("f");
        for _ in 0..3 {
            s.press(KeyCode::Down);
        }
        for delete in ['w', 'u'] {
            s.keys("full");
            assert!(s.app.shown_providers().len() < all, "{}", s.status());
            s.ctrl(delete);
            assert_eq!(s.app.shown_providers().len(), all, "Ctrl-{delete}");
        }
    }
}

mod long_status {
    use super::*;

    /// Issue 13 (user test): a message longer than the screen is wide wraps onto the rows above
    /// the status line, so all of it can be read; at 60×16 too.
    #[test]
    fn a_long_message_wraps_and_is_read_whole_at_60x16() {
        let mut s = Session::new(60, 16);
        s.keys("3 ");
        let status = s.status();
        assert!(status.len() > 60, "{status}");
        let screen = s.screen();
        let bottom: Vec<&str> = screen.lines().rev().skip(1).take(3).collect();
        let shown: Vec<&str> = bottom
            .iter()
            .rev()
            .flat_map(|l| l.split_whitespace())
            .collect();
        let words: Vec<&str> = status.split_whitespace().collect();
        assert!(
            shown.ends_with(&words),
            "{words:?} not all shown:\n{screen}"
        );
        insta::assert_snapshot!("status_wrapped_60x16", screen);
        // The next key clears it, and the view is whole again.
        s.press(KeyCode::Left);
        assert!(
            !s.screen().contains(words[words.len() - 1]),
            "{}",
            s.screen()
        );
    }
}
