//! The one-line input box, and the window of a text field that keeps its cursor in view.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

use super::popup;
use crate::core::width::{display_width, grapheme_width};
use crate::tui::app::{App, Input, TextField};
use crate::tui::geometry;

pub fn render(app: &App, frame: &mut Frame, area: Rect, input: &Input) {
    let theme = &app.theme;
    let outer = geometry::popup(area, 70, 5);
    let inner = popup(frame, outer, input.label(), theme);
    let width = usize::from(inner.width).saturating_sub(1);
    let (shown, cursor) = field_window(&input.field, width, theme.ascii);
    let lines = vec![
        Line::from(shown),
        Line::from(""),
        Line::styled("Enter confirms · Esc cancels · F2 crisis lines", theme.dim),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position(Position::new(inner.x + cursor, inner.y));
}

/// A character of a one-line field as shown: a note read from a file may hold line breaks and
/// tabs, which the terminal would drop, so they get a visible mark of one column.
fn shown_char(c: char, ascii: bool) -> char {
    match (c, ascii) {
        ('\n', false) => '↵',
        ('\n', true) => '|',
        ('\t', _) => ' ',
        (c, _) => c,
    }
}

/// The part of `field` that fits in `width` columns, scrolled so the cursor stays in view, and
/// the cursor's column in it.
pub fn field_window(field: &TextField, width: usize, ascii: bool) -> (String, u16) {
    let shown = |text: &str| -> String { text.chars().map(|c| shown_char(c, ascii)).collect() };
    let before = display_width(&shown(field.before_cursor()));
    let skip_cols = before.saturating_sub(width);
    let mut skipped = 0;
    let text: String = shown(&field.text)
        .graphemes(true)
        .skip_while(|g| {
            let w = grapheme_width(g);
            let skip = skipped + w <= skip_cols;
            if skip {
                skipped += w;
            }
            skip
        })
        .collect();
    (text, (before - skipped).min(width) as u16)
}
