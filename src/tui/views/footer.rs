//! The header (tabs), the status line and the footer of key hints (read from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::geometry::{APP_TITLE, TABS, tabs_start};
use super::super::keymap;

pub fn header(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut spans = Vec::new();
    if tabs_start(area.width) > 0 {
        spans.push(Span::styled(APP_TITLE, theme.title));
    }
    for (view, label) in TABS {
        let style = if view == app.view {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::styled(format!(" {label} "), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    // The crisis key stays in the header whenever there is room for it, help when there is more.
    let full = Line::from(vec![
        Span::styled("!", theme.key),
        Span::raw(" crisis lines  "),
        Span::styled("?", theme.key),
        Span::raw(" help "),
    ]);
    let short = Line::from(vec![Span::styled("!", theme.key), Span::raw(" crisis ")]);
    let used =
        usize::from(tabs_start(area.width)) + TABS.iter().map(|(_, l)| l.len() + 2).sum::<usize>();
    let room = usize::from(area.width).saturating_sub(used + 2);
    if let Some(right) = [full, short].into_iter().find(|l| l.width() <= room) {
        frame.render_widget(Paragraph::new(right.right_aligned()), area);
    }
}

pub fn status(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let line = match &app.status {
        Some(status) if status.error => Line::styled(
            format!(" Problem: {}", theme.fold(&status.text)),
            theme.error,
        ),
        Some(status) => Line::from(format!(" {}", theme.fold(&status.text))),
        None => Line::styled(
            " In crisis, press ! (or F2 while typing). Educational, not medical advice.",
            theme.dim,
        ),
    };
    frame.render_widget(Paragraph::new(line), area);
}

pub fn footer(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut width = 1;
    for (key, desc) in keymap::hints(app.mode(), theme.ascii, false) {
        let used = key.chars().count() + desc.chars().count() + 3;
        if width + used > usize::from(area.width) {
            break;
        }
        width += used;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {desc}  "), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
