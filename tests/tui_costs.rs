//! Compare's provider list sorted by course cost: the value it is sorted by never squeezes the
//! names out, in the narrow list beside the matrix or the full-width one.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use tui_support::Session;

/// Sorted by course cost (s cycles score, name, % known, course cost), the list focused.
fn by_cost(width: u16, height: u16) -> Session {
    let mut s = Session::new(width, height);
    s.keys("3sss");
    s.press(KeyCode::Tab);
    s
}

#[test]
fn the_narrow_list_keeps_twelve_columns_of_every_name() {
    let s = by_cost(120, 40);
    let screen = s.screen();
    let list: Vec<&str> = screen.lines().skip(2).take(6).collect();
    for provider in s.app.shown_providers() {
        let start: String = provider.name.chars().take(12).collect();
        assert!(
            list.iter().any(|row| row.contains(&start)),
            "{start:?} not in the list:\n{screen}"
        );
    }
    // Where there is room beside the name, the cost is there in short, with its currency.
    assert!(screen.contains("Moonwater Integ… unknown"), "{screen}");
    assert!(screen.contains(" $3k│"), "{screen}");
}

#[test]
fn the_list_sorted_by_cost_at_the_small_sizes() {
    for (width, height) in [(80, 24), (60, 16)] {
        let s = by_cost(width, height);
        insta::assert_snapshot!(format!("compare_by_cost_list_{width}x{height}"), s.screen());
    }
}
