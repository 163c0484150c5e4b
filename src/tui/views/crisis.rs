//! Crisis lines (from the bundled `crisis-and-support` guide, with the essential numbers built in
//! should the guide be missing) and the first-run notice.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::{App, CRISIS_GUIDE};
use super::super::geometry;
use super::{popup, scrolled, styled_line};
use crate::core::layout::layout_guide;

/// Used when the guide is not loaded (a `--guides` directory without it): the numbers must
/// always be there.
const FALLBACK: [&str; 9] = [
    "In danger right now? Call your emergency number:",
    "  911 (US and Canada) · 999 or 112 (UK) · 000 (Australia) · 112 (European Union)",
    "",
    "Need to talk to someone now?",
    "  US: call or text 988 (988 Suicide & Crisis Lifeline)",
    "  Canada: call or text 9-8-8",
    "  UK & Ireland: Samaritans 116 123",
    "  Australia: Lifeline 13 11 14",
    "",
];

fn text_width(area: Rect) -> usize {
    usize::from(geometry::inner(geometry::big_popup(area)).width).saturating_sub(1)
}

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    match app.lib.guide(CRISIS_GUIDE) {
        Some(guide) => layout_guide(guide, text_width(app.size))
            .lines
            .iter()
            .map(|l| styled_line(l, theme))
            .collect(),
        None => FALLBACK.iter().map(|l| Line::from(*l)).collect(),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let outer = geometry::big_popup(area);
    let title = "Crisis and support lines (Esc closes, Enter opens the guide)";
    let inner = popup(frame, outer, title, &app.theme);
    scrolled(frame, inner, lines(app), scroll);
}

pub fn notice(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let outer = geometry::popup(area, 70, 14);
    let inner = popup(frame, outer, "Welcome to kapguide", theme);
    let lines = vec![
        Line::styled("Educational, not medical advice.", theme.title),
        Line::from(""),
        Line::from(
            "kapguide helps you learn about ketamine-assisted psychotherapy and ask providers careful questions. It cannot tell you whether a treatment is right for you: talk that through with a qualified clinician.",
        ),
        Line::from(""),
        Line::from(vec![
            Span::raw("If you are in crisis, press "),
            Span::styled("!", theme.key),
            Span::raw(" at any time for support lines, or call your local emergency number."),
        ]),
        Line::from(""),
        Line::styled(
            "Press any key to continue. This notice is shown once.",
            theme.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
