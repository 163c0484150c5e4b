//! Crisis lines (from the bundled `crisis-and-support` guide, with the essential numbers built in
//! should the guide be missing), the first-run notice, and what could not be loaded.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{popup, text_overlay};
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::text;

pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let title = "Crisis and support lines (Esc closes, Enter opens the guide)";
    let lines = text::crisis(&app.lib, text::big_popup_width(app.size));
    text_overlay(app, frame, area, title, lines, scroll);
}

pub fn notice(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let outer = geometry::popup(area, 72, 18);
    let inner = popup(frame, outer, "Welcome to kapguide", theme);
    let view = |key: &'static str, what: &'static str| {
        Line::from(vec![
            Span::styled(key, theme.key),
            Span::raw(" "),
            Span::raw(what),
        ])
    };
    let lines = vec![
        Line::styled("Educational, not medical advice.", theme.title),
        Line::from(""),
        Line::from(
            "kapguide helps you learn about ketamine-assisted psychotherapy and ask providers careful questions. It cannot tell you whether a treatment is right for you: talk that through with a qualified clinician.",
        ),
        Line::from(""),
        view(
            "1 Guides",
            "what KAP is, the evidence, risks and costs, with sources",
        ),
        view(
            "2 Checklist",
            "ask a provider the safety questions; save what you hear",
        ),
        view(
            "3 Compare",
            "providers side by side; unknown never counts as no",
        ),
        view(
            "4 Options",
            "KAP and the other choices, with benefits and burdens",
        ),
        Line::from(""),
        Line::from(vec![
            Span::raw("If you are in crisis, press "),
            Span::styled("!", theme.key),
            Span::raw(" (or "),
            Span::styled("F2", theme.key),
            Span::raw(
                " while typing) at any time for support lines, or call your local emergency number.",
            ),
        ]),
        Line::from(""),
        Line::styled(
            "Press any key to continue. This notice is shown once.",
            theme.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// Files that could not be read at start: what and where, and that nothing was lost.
pub fn problems(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let title = "Some files could not be read (j/k scroll, Esc closes)";
    let lines = text::problems(&app.problems, text::big_popup_width(app.size));
    text_overlay(app, frame, area, title, lines, scroll);
}
