//! The help overlay, generated from the keymap (the same table that drives the footer).

use ratatui::Frame;
use ratatui::layout::Rect;

use super::text_overlay;
use crate::tui::app::App;
use crate::tui::text;

pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let title = "Help: keys (j/k scroll, Esc closes)";
    let lines = text::help(app.view_mode(), app.theme.ascii);
    text_overlay(app, frame, area, title, lines, scroll);
}
