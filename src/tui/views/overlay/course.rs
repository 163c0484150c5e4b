//! The course shape box of Compare.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::popup;
use crate::core::costs::{SessionKind, course_cost};
use crate::core::export::display_name;
use crate::tui::app::{App, Mode};
use crate::tui::geometry;
use crate::tui::views::with_keys;

/// The course shape: sessions of each kind, and what the selected provider's course would
/// cost (the matrix foot's course-cost row follows too).
pub fn render(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let theme = &app.theme;
    let course = &app.config.course;
    let mut lines: Vec<Line> = SessionKind::ALL
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            let text = format!(
                "{:<22} {:>2}",
                format!("{} sessions", kind.label()),
                course.count(*kind)
            );
            let marker = if i == selected { "▸ " } else { "  " };
            let style = if i == selected {
                theme.selected
            } else {
                theme.text
            };
            Line::styled(format!("{marker}{text}"), style)
        })
        .collect();
    lines.push(Line::from(""));
    if let Some(index) = app.compare.selected() {
        let provider = &app.lib.providers[index];
        let cost = course_cost(&provider.costs, course);
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", display_name(provider)), theme.dim),
            Span::raw(cost.detail()),
        ]));
    }
    lines.push(Line::styled(
        "Boosters are priced as dosing sessions.",
        theme.dim,
    ));
    // Near the top, so the matrix foot's course-cost row stays in sight below it.
    let height = lines.len() as u16 + 5;
    let mut outer = geometry::popup(area, 64, height);
    outer.y = area.y + 2.min(area.height.saturating_sub(outer.height));
    let inner = popup(
        frame,
        outer,
        "Course shape: sessions the cost estimate prices",
        theme,
    );
    with_keys(app, frame, inner, lines, Mode::Course);
}
