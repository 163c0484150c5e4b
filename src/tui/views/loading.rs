//! Checklist and Compare while providers load in the background: how far the load has got,
//! and what can be used meanwhile.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::super::action::View;
use super::super::app::App;
use super::{boxed, pane};
use crate::io::progress::loading_line;

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let theme = &app.theme;
    let (done, total) = app.loading.unwrap_or_default();
    let title = match app.view {
        View::Checklist => "Checklist",
        _ => "Compare",
    };
    let inner = boxed(frame, body, pane(title, true, theme));
    let width = usize::from(inner.width).saturating_sub(2).max(1);
    let filled = (width * done.min(total)).checked_div(total).unwrap_or(0);
    let (full, empty) = if theme.ascii {
        ('#', '-')
    } else {
        ('█', '░')
    };
    let bar: String = std::iter::repeat_n(full, filled)
        .chain(std::iter::repeat_n(empty, width - filled))
        .collect();
    let mut text = loading_line(done, total);
    text[..1].make_ascii_uppercase();
    let lines = vec![
        Line::from(""),
        Line::styled(format!(" {text}"), theme.heading),
        Line::styled(format!(" {bar}"), theme.ok),
        Line::from(""),
        Line::styled(
            " The guides, the options and the crisis lines (!) work meanwhile; q quits.",
            theme.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
