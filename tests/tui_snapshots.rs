//! Every view and overlay, drawn at 120×40 and 80×24 from the bundled content, plus the
//! too-small screen and one style-level snapshot under the monochrome (`NO_COLOR`) theme.
//! Review changes with `cargo insta review`.

mod tui_support;

use kapguide::tui::Theme;
use ratatui::crossterm::event::KeyCode;
use tui_support::Session;

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// Gets a session into a state.
type Setup = fn(&mut Session);

fn walk_new(s: &mut Session) {
    s.add_provider("Test Clinic");
}

const STATES: &[(&str, Setup)] = &[
    ("guides_contents", |_| {}),
    ("guides_reader", |s| {
        s.keys("jjjl");
        s.keys("jjjjj");
    }),
    ("checklist_providers", |s| s.keys("2jj")),
    ("checklist_questions", |s| {
        s.keys("2");
        s.press(KeyCode::Tab);
        s.keys("jjjj");
    }),
    ("checklist_walk", |s| {
        walk_new(s);
        // Answering stays on the question; → and Enter move on.
        s.keys("y");
        s.press(KeyCode::Right);
        s.keys("p");
        s.press(KeyCode::Enter);
        s.keys("n");
        s.keys("a");
        s.keys("Said so on the phone");
        s.press(KeyCode::Enter);
    }),
    ("checklist_finish", |s| {
        walk_new(s);
        for answer in ["y", "y", "n"] {
            s.keys(answer);
            s.press(KeyCode::Right);
        }
        s.keys("G");
    }),
    ("checklist_prepare", |s| s.keys("2jjjjb")),
    ("checklist_details", |s| {
        s.name_provider("Test Clinic");
        s.press(KeyCode::Tab);
        s.press(KeyCode::Right);
        s.keys(" ");
        s.press(KeyCode::Tab);
        s.keys("Portland");
    }),
    ("compare_matrix", |s| s.keys("3jjl")),
    ("compare_providers", |s| {
        s.keys("3");
        s.press(KeyCode::Tab);
        s.keys("j ");
    }),
    // Sorted by course cost (s cycles score, name, % known, course cost): each row shows the
    // cost it is sorted by, and a list as wide as the screen adds the score bar.
    ("compare_by_cost", |s| {
        s.keys("3sss");
        s.press(KeyCode::Tab);
    }),
    // The filter panel: region typed ("us"), telehealth stepped to a value.
    ("overlay_filters", |s| {
        s.keys("3fus");
        s.press(KeyCode::Down);
        s.press(KeyCode::Down);
        s.press(KeyCode::Down);
        s.press(KeyCode::Right);
        s.press(KeyCode::Right);
    }),
    ("overlay_course", |s| s.keys("3mjl")),
    ("overlay_search", |s| s.keys("/prep")),
    ("overlay_help", |s| s.keys("3?")),
    ("overlay_crisis", |s| s.keys("2!")),
    ("overlay_name", |s| s.keys("2aBlue Door")),
    ("overlay_replace", |s| {
        walk_new(s);
        s.keys("G");
        s.press(KeyCode::Enter);
        walk_new(s);
        s.keys("G");
        s.press(KeyCode::Enter);
    }),
    ("overlay_copy", |s| {
        s.keys("2j");
        s.press(KeyCode::Enter);
        s.keys("G");
        s.press(KeyCode::Enter);
    }),
    ("overlay_answer", |s| {
        s.keys("3");
        s.press(KeyCode::Enter);
    }),
    // A credentials question opens each clinician's licence check with its board lookup.
    ("overlay_licences", |s| {
        s.keys("3");
        let ids = s.app.library().checklist.question_ids();
        let row = ids
            .iter()
            .position(|id| *id == "clinician_credentials")
            .unwrap();
        s.keys(&"j".repeat(row));
        s.press(KeyCode::Enter);
    }),
    ("overlay_priorities", |s| s.keys("3ijl")),
    ("overlay_export", |s| s.keys("3e")),
    ("options_grid", |s| s.keys("4jjl")),
    ("overlay_values", |s| s.keys("4v32j1")),
    ("options_with_values", |s| {
        s.keys("4v33jj2");
        s.press(KeyCode::Esc);
    }),
    ("overlay_readiness", |s| s.keys("4rynjjn")),
    ("overlay_option_cell", |s| {
        s.keys("4jjjl");
        s.press(KeyCode::Enter);
    }),
];

/// The screen, with the temporary home directory written as [HOME].
fn screen(s: &Session) -> String {
    s.screen().replace(&s.home.display().to_string(), "[HOME]")
}

#[test]
fn every_view_and_overlay_at_two_sizes() {
    for (width, height) in SIZES {
        for (name, setup) in STATES {
            let mut s = Session::new(width, height);
            setup(&mut s);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&s));
        }
    }
}

/// The options grid at the smallest size: columns scroll sideways with a marker, and a cell's
/// full text opens on Enter.
#[test]
fn options_at_the_minimum_size() {
    let mut s = Session::new(60, 16);
    s.keys("4");
    insta::assert_snapshot!("options_grid_60x16", screen(&s));
    s.keys("llljjj");
    insta::assert_snapshot!("options_grid_scrolled_60x16", screen(&s));
    s.press(KeyCode::Enter);
    insta::assert_snapshot!("overlay_option_cell_60x16", screen(&s));
    s.press(KeyCode::Esc);
    s.keys("vjjjjjj3");
    insta::assert_snapshot!("overlay_values_60x16", screen(&s));
    s.press(KeyCode::Esc);
    s.keys("ryn");
    insta::assert_snapshot!("overlay_readiness_60x16", screen(&s));
}

#[test]
fn first_run_notice() {
    for (width, height) in SIZES {
        let s = Session::with(width, height, Theme::colour(false), true);
        insta::assert_snapshot!(format!("overlay_notice_{width}x{height}"), screen(&s));
    }
}

#[test]
fn too_small() {
    for (width, height) in [(59, 40), (120, 15), (30, 6)] {
        let s = Session::new(width, height);
        insta::assert_snapshot!(format!("too_small_{width}x{height}"), screen(&s));
    }
}

#[test]
fn ascii_symbols() {
    let mut s = Session::with(80, 24, Theme::colour(true), false);
    s.keys("3");
    let screen = screen(&s);
    let other: Vec<char> = screen.chars().filter(|c| !c.is_ascii()).collect();
    assert!(other.is_empty(), "{other:?} under --ascii:\n{screen}");
    insta::assert_snapshot!("compare_matrix_ascii_80x24", screen);
}

/// `--ascii` everywhere: no symbol, border, dash, arrow or ellipsis outside ASCII in any view or
/// overlay (letters of the text itself, such as the Å of Åsberg, are kept).
#[test]
fn ascii_everywhere() {
    let states = STATES.iter().copied().chain([
        ("walk_with_a_note", walk_new as Setup),
        ("too_small", |s: &mut Session| s.resize(59, 20)),
        ("crisis_small", |s: &mut Session| {
            s.resize(60, 16);
            s.keys("!");
        }),
    ]);
    for (name, setup) in states {
        let mut s = Session::with(80, 24, Theme::colour(true), false);
        setup(&mut s);
        let screen = screen(&s);
        let other: Vec<char> = screen
            .chars()
            .filter(|c| !c.is_ascii() && !c.is_alphabetic())
            .collect();
        assert!(other.is_empty(), "{name}: {other:?}\n{screen}");
    }
}

/// Styles too: under `NO_COLOR` no cell has a colour, and selection and emphasis still show
/// through modifiers (REVERSED, BOLD, UNDERLINED).
#[test]
fn no_color_keeps_modifiers() {
    let mut s = Session::with(80, 24, Theme::mono(false), false);
    s.keys("3");
    let buffer = s.terminal.backend().buffer();
    let colours = buffer
        .content
        .iter()
        .filter(|c| c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset)
        .count();
    assert_eq!(colours, 0);
    insta::assert_snapshot!(
        "compare_matrix_no_color_styles_80x24",
        format!("{buffer:?}")
    );
}
