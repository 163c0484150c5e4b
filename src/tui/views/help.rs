//! The help overlay, generated from the keymap (the same table that drives the footer).

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::app::App;
use super::super::geometry;
use super::super::text;
use super::{overlay_lines, popup, scrolled};

pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let outer = geometry::big_popup(area);
    let inner = popup(
        frame,
        outer,
        "Help: keys (j/k scroll, Esc closes)",
        &app.theme,
    );
    let lines = text::help(app.view_mode(), app.theme.ascii);
    scrolled(frame, inner, overlay_lines(lines, &app.theme), scroll);
}
