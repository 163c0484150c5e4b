//! The general choice dialog: its text, each option with its key, then Esc.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::popup;
use crate::tui::app::{App, Choice, Mode, Target};
use crate::tui::geometry;
use crate::tui::views::with_keys;

/// The general dialog: its text, then each option's key and what it does, then Esc.
pub fn render(app: &App, frame: &mut Frame, area: Rect, choice: &Choice) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(4).min(76);
    let text_width = usize::from(width.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    for paragraph in &choice.text {
        lines.extend(
            textwrap::wrap(paragraph, text_width)
                .into_iter()
                .map(|l| Line::from(l.into_owned())),
        );
    }
    lines.push(Line::from(""));
    for option in &choice.options {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", option.key), theme.key),
            Span::raw(theme.fit(&option.label, text_width.saturating_sub(2))),
        ]));
    }
    let height = lines.len() as u16 + 4;
    let inner = popup(
        frame,
        geometry::popup(area, width, height),
        &choice.title,
        theme,
    );
    // Each option's row is clickable, as its letter.
    let first_option = inner.y
        + choice
            .text
            .iter()
            .map(|p| textwrap::wrap(p, text_width).len() as u16)
            .sum::<u16>()
        + 1;
    for (i, option) in choice.options.iter().enumerate() {
        let row = Rect::new(inner.x, first_option + i as u16, inner.width, 1);
        if row.bottom() <= inner.bottom() {
            app.target(row, Target::Letter(option.key));
        }
    }
    with_keys(app, frame, inner, lines, Mode::Choice);
}
