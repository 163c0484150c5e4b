//! The header (tabs), the status line and the footer of key hints (read from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::action::Action;
use super::super::app::{App, Target};
use super::super::geometry::{APP_TITLE, TABS, tabs_start};
use super::super::keymap;
use super::super::text::hint_width;
use crate::core::width::display_width;
use crate::io::progress::megabytes;

pub fn header(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut spans = Vec::new();
    let mut x = area.x + tabs_start(area.width);
    if tabs_start(area.width) > 0 {
        spans.push(Span::styled(APP_TITLE, theme.title));
    }
    for (view, label) in TABS {
        let style = if view == app.view {
            theme.tab_active
        } else {
            theme.tab
        };
        let width = display_width(label) as u16 + 2;
        if app.overlays.is_empty() {
            app.target(Rect::new(x, area.y, width, 1), Target::View(view));
        }
        x += width;
        spans.push(Span::styled(format!(" {label} "), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    // The crisis key stays in the header whenever there is room for it, help when there is
    // more; both are clickable.
    let full: &[(&str, &str, Action)] = &[
        ("!", " crisis lines  ", Action::Crisis),
        ("?", " help ", Action::Help),
    ];
    let short: &[(&str, &str, Action)] = &[("!", " crisis ", Action::Crisis)];
    let room = usize::from(area.width).saturating_sub(usize::from(x - area.x) + 2);
    let width = |items: &[(&str, &str, Action)]| -> usize {
        items
            .iter()
            .map(|(k, d, _)| display_width(k) + display_width(d))
            .sum()
    };
    if let Some(items) = [full, short].into_iter().find(|items| width(items) <= room) {
        let mut x = area.right() - width(items) as u16;
        let mut spans = Vec::new();
        for (key, desc, action) in items {
            let w = (display_width(key) + display_width(desc.trim_end())) as u16;
            app.target(Rect::new(x, area.y, w, 1), Target::Key(action.clone()));
            x += (display_width(key) + display_width(desc)) as u16;
            spans.push(Span::styled(*key, theme.key));
            spans.push(Span::raw(*desc));
        }
        frame.render_widget(Paragraph::new(Line::from(spans).right_aligned()), area);
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
        // A running export says how far it has got, until a message takes the line.
        None if app.exporting.is_some() => Line::from(format!(
            " Exporting in the background: {} written; keep using the app meanwhile.",
            megabytes(app.exporting.unwrap_or_default())
        )),
        None => Line::styled(
            " In crisis, press ! (or F2 while typing). Educational, not medical advice.",
            theme.dim,
        ),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The key hints that fit on one row: the crisis lines and help always, then the view's most
/// important keys (the keymap's priorities), then the rest, each clickable.
pub fn footer(app: &App, frame: &mut Frame, area: Rect) {
    const GAP: usize = 2;
    let theme = &app.theme;
    let mut room = usize::from(area.width).saturating_sub(1);
    let mut shown = Vec::new();
    for hint in keymap::footer_hints(app.mode(), theme.ascii) {
        let used = hint_width(&hint) + GAP;
        if used <= room {
            room -= used;
            shown.push(hint);
        }
    }
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x + 1;
    for hint in shown {
        let width = hint_width(&hint) as u16;
        app.target(
            Rect::new(x, area.y, width, 1),
            Target::Key(hint.action.clone()),
        );
        x += width + GAP as u16;
        spans.push(Span::styled(hint.key, theme.key));
        spans.push(Span::styled(format!(" {}  ", hint.desc), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
