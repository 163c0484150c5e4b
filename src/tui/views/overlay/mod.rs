//! Overlays and dialogs, drawn over the view in the order they were opened. Their state lives
//! in `app/overlay.rs`; each family draws in a file of its own here.

mod cell;
mod choice;
mod course;
mod crisis;
mod explain;
mod export;
mod filters;
mod help;
mod input;
mod options;
mod priorities;
mod records;
mod search;

pub use input::field_window;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::{App, Overlay};
use super::super::geometry;
use super::super::text::{OverlayLine, OverlayText};
use super::super::theme::Theme;
use super::{boxed, overlay_lines, pane};
use crate::core::width::display_width;

/// Draws every open overlay over the view, the last opened on top.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    for overlay in &app.overlays {
        match overlay {
            Overlay::Notice => crisis::notice(app, frame, area),
            Overlay::Help { scroll } => help::render(app, frame, area, *scroll),
            Overlay::Crisis { scroll } => crisis::render(app, frame, area, *scroll),
            Overlay::Problems { scroll } => crisis::problems(app, frame, area, *scroll),
            Overlay::Search => search::render(app, frame, area),
            Overlay::Input(input) => input::render(app, frame, area, input),
            Overlay::Choice(choice) => choice::render(app, frame, area, choice),
            Overlay::Cell => cell::render(app, frame, area),
            Overlay::Explain { scroll } => explain::render(app, frame, area, *scroll),
            Overlay::Filters(panel) => filters::render(app, frame, area, panel),
            Overlay::Course { selected, .. } => course::render(app, frame, area, *selected),
            Overlay::Priorities { selected, .. } => priorities::render(app, frame, area, *selected),
            Overlay::Export => export::render(app, frame, area),
            Overlay::OptionCell { scroll } => options::cell(app, frame, area, *scroll),
            Overlay::Values { selected, .. } => options::values(app, frame, area, *selected),
            Overlay::Readiness { selected, .. } => options::readiness(app, frame, area, *selected),
            Overlay::Records { list, selected } => {
                records::render(app, frame, area, *list, *selected);
            }
            Overlay::Form(record_form) => records::form(app, frame, area, record_form),
        }
    }
}

/// A cleared box over the view, returning the area inside its border.
pub fn popup(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    frame.render_widget(Clear, area);
    boxed(frame, area, pane(title, true, theme))
}

/// A big popup of scrolling text (help, crisis lines, load problems): the pinned lines and a
/// rule, then the lines from `scroll` on (clamped so the last page stays full), with markers on
/// the bottom border when there is more above or below.
pub fn text_overlay(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    text: OverlayText,
    scroll: usize,
) {
    let theme = &app.theme;
    let rows = text.rows(app.size);
    let top = scroll.min(text.max_scroll(app.size));
    let more_above = top > 0;
    let more_below = top + rows < text.lines.len();
    let (up, down) = if theme.ascii {
        ("^", "v")
    } else {
        ("↑", "↓")
    };
    let marker = match (more_above, more_below) {
        (false, false) => String::new(),
        (true, false) => format!(" {up} more above (k) "),
        (false, true) => format!(" {down} more below (j, PgDn) "),
        (true, true) => format!(" {up} more above · {down} more below (j, PgDn) "),
    };
    let outer = geometry::big_popup(area);
    // A narrow box keeps the title's name and drops its key hints (the footer has them).
    let title = match title.split_once(" (") {
        Some((name, _)) if display_width(title) + 4 > usize::from(outer.width) => name,
        _ => title,
    };
    frame.render_widget(Clear, outer);
    let block =
        pane(title, true, theme).title_bottom(Line::styled(marker, theme.key).right_aligned());
    let inner = boxed(frame, outer, block);
    let pinned = text.pinned_rows() as u16;
    let [head, body] =
        Layout::vertical([Constraint::Length(pinned), Constraint::Min(0)]).areas(inner);
    let mut head_lines = overlay_lines(text.pinned, theme);
    if !head_lines.is_empty() {
        head_lines.push(Line::styled("─".repeat(usize::from(head.width)), theme.dim));
    }
    frame.render_widget(Paragraph::new(head_lines), head);
    let visible: Vec<OverlayLine> = text.lines.into_iter().skip(top).take(rows).collect();
    frame.render_widget(Paragraph::new(overlay_lines(visible, theme)), body);
}
