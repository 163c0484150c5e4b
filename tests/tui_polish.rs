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
        s.answer("yp");
        s.keys("neSaid so on the phone");
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

mod links_between_guides {
    use super::*;
    use kapguide::tui::geometry;
    use kapguide::tui::keymap::Mode;

    /// The reader's pane title (the guide's title) and its first line of text.
    fn reader(s: &Session) -> (String, String) {
        let area = s.terminal.backend().buffer().area;
        let text = geometry::reader_text(geometry::screen(area).body);
        let screen = s.screen();
        let row = |y: u16| -> String {
            let line = screen.lines().nth(usize::from(y)).unwrap_or("");
            line.chars()
                .skip(usize::from(text.x))
                .take(usize::from(text.width))
                .collect::<String>()
                .trim()
                .to_string()
        };
        (row(text.y - 1), row(text.y))
    }

    #[test]
    fn a_link_shows_its_title_tab_selects_enter_follows_and_backspace_returns() {
        let mut s = Session::new(120, 40);
        s.keys("/conduct that crosses a line");
        s.press(KeyCode::Enter);
        assert_eq!(s.app.mode(), Mode::Reader);
        let screen = s.screen();
        assert!(
            screen.contains("(see guide: Consent, boundaries and your rights in"),
            "{screen}"
        );
        assert!(
            !screen.contains("see guide: consent-and-rights"),
            "{screen}"
        );
        let (title, before) = reader(&s);
        assert!(title.contains("Checking a clinician"), "{title}");

        s.press(KeyCode::Tab);
        s.press(KeyCode::Enter);
        let (title, top) = reader(&s);
        assert!(title.contains("Consent, boundaries"), "{title}");
        assert!(top.starts_with("Consent, boundaries"), "{top}");
        assert!(
            s.status().contains("Backspace or Esc goes back"),
            "{}",
            s.status()
        );

        s.press(KeyCode::Backspace);
        assert_eq!(reader(&s), (reader(&s).0, before.clone()));
        assert!(reader(&s).0.contains("Checking a clinician"));
        // Esc goes back the same way, then to the contents.
        s.press(KeyCode::Enter);
        assert!(reader(&s).0.contains("Consent, boundaries"));
        s.press(KeyCode::Esc);
        assert_eq!(reader(&s).1, before);
        assert_eq!(s.app.mode(), Mode::Reader);
        s.press(KeyCode::Esc);
        assert_eq!(s.app.mode(), Mode::Toc);
    }
}

mod mouse {
    use super::*;
    use kapguide::tui::action::View;
    use kapguide::tui::keymap::Mode;

    #[test]
    fn the_crisis_and_help_labels_and_footer_hints_are_clickable() {
        let mut s = Session::new(120, 40);
        s.click_text("! crisis lines");
        assert_eq!(s.app.mode(), Mode::Crisis);
        s.press(KeyCode::Esc);
        s.click_text("? help");
        assert_eq!(s.app.mode(), Mode::Help);
        s.press(KeyCode::Esc);
        // A footer hint does what its key does.
        let footer = s.terminal.backend().buffer().area.height - 1;
        let (x, _) = s.find("/ search").expect("the footer offers search");
        s.click(x, footer);
        assert_eq!(s.app.mode(), Mode::Search);
    }

    #[test]
    fn contents_entries_list_rows_and_compare_cells_select_then_open() {
        let mut s = Session::new(120, 40);
        let guides = &s.app.library().guides;
        let title = guides[1].title.chars().take(20).collect::<String>();
        // The contents' row, not the reader's title above it.
        s.click_text(&format!("│  {title}"));
        assert_eq!(s.app.mode(), Mode::Toc);
        assert!(s.find(&format!("│▸ {title}")).is_some(), "selected");
        s.click_text(&format!("│▸ {title}"));
        assert_eq!(s.app.mode(), Mode::Reader, "a second click opens");

        s.keys("2");
        let name: String = s.app.library().providers[1].name.chars().take(15).collect();
        s.click_text(&name);
        assert_eq!(s.app.mode(), Mode::Picker);
        s.click_text(&name);
        assert_eq!(s.app.mode(), Mode::Walk, "a second click walks through it");
        assert!(s.screen().contains(&format!("Walk-through: {name}")));
        s.press(KeyCode::Esc);

        s.keys("3");
        let cell = s.app.compare_column();
        assert_eq!(cell, (0, 0));
        // The second column's name selects it; a click on a cell selects its question.
        let second = s.app.shown_providers()[1]
            .name
            .chars()
            .take(8)
            .collect::<String>();
        s.click_text(&second);
        assert_eq!(s.app.compare_column().0, 1);
        let q = &s.app.library().checklist.questions[4].question;
        let (_, y) = s.find(&q.chars().take(20).collect::<String>()).unwrap();
        let (x, _) = s.find(&second).unwrap();
        s.click(x + 1, y);
        assert_eq!(s.app.mode(), Mode::Matrix);
        s.click(x + 1, y);
        assert_eq!(s.app.mode(), Mode::Cell, "a second click opens the answer");
        s.press(KeyCode::Esc);

        // The provider list: a click selects, a second one shows or hides.
        let shown = s.shown_ids().len();
        let listed = s.app.shown_providers()[0].name.clone();
        let (_, y) = s
            .find(&format!(
                "[x] {}",
                listed.chars().take(10).collect::<String>()
            ))
            .unwrap();
        s.click(5, y);
        assert_eq!(s.app.mode(), Mode::ProviderList);
        s.click(5, y);
        assert_eq!(s.shown_ids().len(), shown - 1);
    }

    #[test]
    fn a_link_and_a_dialog_button_can_be_clicked() {
        let mut s = Session::new(120, 40);
        s.keys("/conduct that crosses a line");
        s.press(KeyCode::Enter);
        s.click_text("see guide: Consent");
        assert!(
            s.screen()
                .contains("Consent, boundaries and your rights in KAP")
        );
        assert!(s.status().contains("goes back"), "{}", s.status());
        // A dialog's keys are buttons: Esc's "cancel" in the export dialog closes it.
        s.keys("3e");
        assert_eq!(s.app.mode(), Mode::Export);
        let (x, y) = s
            .find("Esc cancel")
            .expect("the export dialog lists its keys");
        s.click(x + 1, y);
        assert_eq!(s.app.mode(), Mode::Matrix);
        // Under a dialog the view cannot be clicked: a tab does nothing.
        s.keys("e");
        s.click_text("[1] Guides");
        assert_eq!(s.app.view(), View::Compare);
    }
}
