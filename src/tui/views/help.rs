//! The help overlay, generated from the keymap (the same table that drives the footer).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::app::App;
use super::super::geometry;
use super::super::keymap;
use super::{fit, popup, scrolled};

/// Every line of the help text; the keys of the place help was opened from come first.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = vec![
        Line::styled(
            "Educational, not medical advice. ! shows crisis lines.",
            theme.dim,
        ),
        Line::from(""),
    ];
    for (title, rows) in keymap::help_sections(app.view_mode(), theme.ascii) {
        if rows.is_empty() {
            continue;
        }
        lines.push(Line::styled(title, theme.heading));
        for (keys, desc) in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", fit(&keys, 22)), theme.key),
                Span::raw(desc),
            ]));
        }
        lines.push(Line::from(""));
    }
    lines
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let outer = geometry::big_popup(area);
    let inner = popup(
        frame,
        outer,
        "Help: keys (j/k scroll, Esc closes)",
        &app.theme,
    );
    scrolled(frame, inner, lines(app), scroll);
}
