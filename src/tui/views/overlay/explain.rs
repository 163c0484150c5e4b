//! How the score of the provider in the matrix column adds up: `kapguide explain`, scrolling,
//! with the way to the guide's scoring section on top.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::text_overlay;
use crate::tui::app::App;
use crate::tui::text;

pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let title = "How the score adds up (j/k scroll, Enter the guide, Esc back)";
    let lines = app.explain_text(text::big_popup_width(app.size));
    text_overlay(app, frame, area, title, lines, scroll);
}
