//! Round-two polish of the TUI: the walk-through at the smallest size, text editing by
//! grapheme clusters, links between guides, the mouse, footer hints and Compare's explanations.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use tui_support::Session;

mod walk_at_small_sizes {
    use super::*;

    /// A walk at question 3 with an answer, a note and a source.
    fn walked(width: u16, height: u16) -> Session {
        let mut s = Session::new(width, height);
        s.add_provider("Test Clinic");
        s.keys("y");
        s.press(KeyCode::Right);
        s.keys("p");
        s.press(KeyCode::Enter);
        s.keys("n");
        s.keys("e");
        s.keys("Said so on the phone");
        s.press(KeyCode::Enter);
        s.keys("s");
        s.keys("Intake call");
        s.press(KeyCode::Enter);
        s
    }

    #[test]
    fn question_answer_note_and_source_stay_in_view_and_why_scrolls() {
        for (width, height) in [(60, 16), (80, 24)] {
            let s = walked(width, height);
            let screen = s.screen();
            let q = &s.app.library().checklist.questions[2];
            let start: String = q.question.chars().take(20).collect();
            for shown in [
                start.as_str(),
                "Answer: ✗ no",
                "Said so on the phone",
                "Intake call",
            ] {
                assert!(
                    screen.contains(shown),
                    "{width}x{height}: {shown:?}\n{screen}"
                );
            }
            insta::assert_snapshot!(format!("walk_pinned_{width}x{height}"), screen);
        }
        // At the minimum the reason does not fit: j scrolls it, the marker says so, and the
        // answer stays put.
        let mut s = walked(60, 16);
        assert!(s.screen().contains("more: j"), "{}", s.screen());
        let before = s.screen();
        s.keys("j");
        let after = s.screen();
        assert_ne!(before, after, "j scrolls why it matters");
        assert!(after.contains("Answer: ✗ no"), "{after}");
        assert!(
            after.contains("back up: k") || after.contains("k ·"),
            "{after}"
        );
        s.keys("kkkk");
        assert_eq!(
            s.screen(),
            before,
            "k scrolls back to the top and no further"
        );
        // Another question starts at the top of its reason.
        s.keys("jjj");
        s.press(KeyCode::Right);
        assert!(s.screen().contains("more: j") || !s.screen().contains("back up"));
        assert_eq!(s.app.mode(), kapguide::tui::keymap::Mode::Walk);
    }
}
