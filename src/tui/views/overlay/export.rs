//! The export menu of Compare: the comparison in a format, or the consultation packet.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::popup;
use crate::core::export::display_name;
use crate::tui::app::{App, Mode};
use crate::tui::geometry;
use crate::tui::views::with_keys;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let outer = geometry::popup(area, 64, 11);
    let inner = popup(frame, outer, "Export", theme);
    let n = app.compare.columns.len();
    let selected = app
        .compare
        .selected()
        .map_or(String::new(), |i| display_name(&app.lib.providers[i]));
    let lines = vec![
        Line::from(format!(
            "The comparison: the {n} providers shown, in this order."
        )),
        Line::from(format!("Or the consultation packet (p) for {selected}.")),
        Line::styled(
            "The file goes to your data directory; its path is shown after.",
            theme.dim,
        ),
    ];
    with_keys(app, frame, inner, lines, Mode::Export);
}
