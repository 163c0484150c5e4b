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
        s.keys("naSaid so on the phone");
        s.press(KeyCode::Enter);
        s.keys("w");
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
        assert_eq!(s.app.mode(), kapguide::tui::app::Mode::Walk);
    }
}

mod links_between_guides {
    use super::*;
    use kapguide::tui::app::Mode;
    use kapguide::tui::geometry;

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
    use kapguide::tui::app::Mode;

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

mod smaller {
    use super::*;
    use kapguide::core::layout::layout_guide;
    use kapguide::core::width::display_width;
    use kapguide::tui::text::{OverlayLine, option_cell};

    #[test]
    fn the_picker_lists_providers_by_the_name_shown() {
        let mut s = Session::new(120, 40);
        s.keys("2");
        let mut names: Vec<String> = s
            .app
            .library()
            .providers
            .iter()
            .map(|p| p.name.chars().take(12).collect())
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        let rows: Vec<u16> = names
            .iter()
            .map(|n| s.find(&format!("  {n}")).expect("listed").1)
            .collect();
        assert!(
            rows.windows(2).all(|w| w[0] < w[1]),
            "{names:?} at {rows:?}"
        );
    }

    #[test]
    fn a_guide_source_s_address_is_never_split() {
        let session = Session::new(60, 16);
        for guide in &session.app.library().guides {
            for width in [36, 58] {
                let layout = layout_guide(guide, width);
                for source in &guide.sources {
                    assert!(
                        layout.lines.iter().any(|l| l.text().trim() == source.url),
                        "{} at {width}: {}",
                        guide.id,
                        source.url
                    );
                }
            }
        }
    }

    #[test]
    fn an_option_cell_shows_each_address_in_full() {
        let session = Session::new(60, 16);
        let grid = &session.app.library().options;
        let width = 40;
        for row in 0..grid.rows.len() {
            for col in 0..grid.choices.len() {
                let text = option_cell(grid, row, col, width);
                let dim: String = text
                    .lines
                    .iter()
                    .map(|l| match l {
                        OverlayLine::Dim(t) => t.trim().to_string(),
                        _ => "\n".to_string(),
                    })
                    .collect();
                for source in grid.cell_sources(&grid.rows[row].cells[col]) {
                    assert!(dim.contains(&source.url), "{}", source.url);
                }
                for line in &text.lines {
                    if let OverlayLine::Dim(t) = line {
                        assert!(display_width(t) <= width, "{t}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_consultation_date_is_set_once_and_dates_the_answers() {
        let mut s = Session::new(80, 24);
        s.add_provider("Dated Clinic");
        assert!(
            s.screen().contains("consultation 2026-11-28 (t)"),
            "{}",
            s.screen()
        );
        s.keys("t");
        s.ctrl('u');
        s.keys("2026-13-01");
        s.press(KeyCode::Enter);
        assert!(s.status().contains("not a date"), "{}", s.status());
        s.ctrl('u');
        s.keys("2026-11-20");
        s.press(KeyCode::Enter);
        s.answer("y");
        s.keys("n");
        let screen = s.screen();
        assert!(screen.contains("dated 2026-11-20"), "{screen}");
        assert!(screen.contains("consultation 2026-11-20 (t)"), "{screen}");
        s.press(KeyCode::Left);
        assert!(
            s.screen().contains("dated 2026-11-20"),
            "the first answer too"
        );
    }
}

mod reviewer_leftovers {
    use super::*;

    #[test]
    fn finish_screen_flags_hang_under_their_first_word() {
        let mut s = Session::new(60, 16);
        s.add_provider("Flagged Clinic");
        let critical = s
            .app
            .library()
            .checklist
            .questions
            .iter()
            .position(|q| q.critical)
            .expect("a critical question");
        s.answer(&"u".repeat(critical));
        s.keys("nG");
        let screen = s.screen();
        let lines: Vec<&str> = screen.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("│  ⚑ "))
            .unwrap_or_else(|| panic!("a safety flag:\n{screen}"));
        assert!(
            lines[at + 1].starts_with("│    ") && !lines[at + 1].starts_with("│     "),
            "the flag's second line hangs under its text:\n{screen}"
        );
    }

    #[test]
    fn help_and_crisis_titles_are_whole_at_60_columns() {
        let mut s = Session::new(60, 16);
        s.keys("!");
        let screen = s.screen();
        assert!(screen.contains(" Crisis and support lines ─"), "{screen}");
        s.press(KeyCode::Esc);
        s.keys("?");
        let screen = s.screen();
        assert!(
            screen.contains(" Help: keys (j/k scroll, Esc closes) ─"),
            "{screen}"
        );
        // Wide enough, the key hints stay in the title.
        let mut wide = Session::new(120, 40);
        wide.keys("!");
        assert!(
            wide.screen()
                .contains("(Esc closes, Enter opens the guide)")
        );
    }
}

mod compare_explained {
    use super::*;

    #[test]
    fn the_legend_has_its_own_line_and_the_selected_name_shows_in_full() {
        let mut s = Session::new(80, 24);
        s.keys("3");
        let screen = s.screen();
        let legend = screen
            .lines()
            .find(|l| l.contains("Score: low end counts unknowns as no, high end as yes"))
            .unwrap_or_else(|| panic!("no legend:\n{screen}"));
        assert!(!legend.contains("SAMPLE"), "{legend}");
        // A long name is cut in its column but whole at the bottom of the matrix.
        let shown = s.app.shown_providers();
        let long = shown
            .iter()
            .position(|p| p.name.chars().count() > 14)
            .unwrap();
        let name = shown[long].name.clone();
        s.keys(&"l".repeat(long));
        assert!(s.screen().contains(&name), "{name}:\n{}", s.screen());
    }

    #[test]
    fn a_cell_without_a_source_shows_the_profile_s_and_a_left_out_route_says_so() {
        let mut s = Session::new(120, 40);
        s.keys("3");
        let checklist = &s.app.library().checklist;
        let provider = s.app.shown_providers()[0].clone();
        let row = checklist
            .questions
            .iter()
            .position(|q| {
                provider
                    .answers
                    .get(&q.id)
                    .is_some_and(|a| a.source.is_none())
            })
            .expect("an answer with no source of its own");
        assert!(provider.source.is_some());
        s.keys(&"j".repeat(row));
        s.press(KeyCode::Enter);
        assert!(
            s.screen().contains("the profile's source"),
            "{}",
            s.screen()
        );
        s.press(KeyCode::Esc);

        // A route-specific question for a provider without the route.
        let checklist = &s.app.library().checklist;
        let (q, question) = checklist
            .questions
            .iter()
            .enumerate()
            .find(|(_, q)| !q.applies_to.is_empty())
            .expect("a route-specific question");
        let shown = s.app.shown_providers();
        let col = shown
            .iter()
            .position(|p| !p.routes.iter().any(|r| question.applies_to.contains(r)))
            .expect("a provider without that route");
        s.keys("g");
        s.keys(&"j".repeat(q));
        s.keys("0");
        s.keys(&"l".repeat(col));
        assert!(s.screen().contains("n/a — not o"), "{}", s.screen());
        s.press(KeyCode::Enter);
        assert!(
            s.screen().contains("Answer: n/a — not offered here"),
            "{}",
            s.screen()
        );
    }
}
