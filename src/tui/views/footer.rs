//! The header (tabs), the status line and the footer of key hints (read from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::super::action::Action;
use super::super::app::{App, Target};
use super::super::geometry::{APP_TITLE, TABS, tabs_start};
use super::super::keymap;
use super::super::text::hint_width;
use crate::core::width::{display_width, truncate};
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

/// Rows a long status message may take: its own, and two drawn over the bottom of the view.
const STATUS_ROWS: usize = 3;

/// The status line. A message longer than the screen is wide wraps onto the rows above it (at
/// most [`STATUS_ROWS`]), drawn over the bottom of the view until the next key, so it can be read
/// whole without anything moving; one longer still (or any, under a dialog) ends in "…".
pub fn status(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let (text, style) = match &app.status {
        Some(status) if status.error => (
            format!(" Problem: {}", theme.fold(&status.text)),
            theme.error,
        ),
        Some(status) => (format!(" {}", theme.fold(&status.text)), Style::default()),
        // A running export says how far it has got, until a message takes the line.
        None if app.exporting.is_some() => (
            format!(
                " Exporting in the background: {} written; keep using the app meanwhile.",
                megabytes(app.exporting.unwrap_or_default())
            ),
            Style::default(),
        ),
        None => {
            let line = Line::styled(
                " In crisis, press ! (or F2 while typing). Educational, not medical advice.",
                theme.dim,
            );
            frame.render_widget(Paragraph::new(line), area);
            return;
        }
    };
    let width = usize::from(area.width).max(1);
    let options = textwrap::Options::new(width).subsequent_indent(" ");
    let mut lines: Vec<String> = textwrap::wrap(&text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    // Over a dialog it keeps to its row: the rows above are the dialog's.
    let most = if app.overlays.is_empty() {
        STATUS_ROWS
    } else {
        1
    };
    let rows = lines.len().min(most).min(usize::from(area.y) + 1);
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last} \u{2026}"), width, "\u{2026}");
        }
    }
    let above = rows as u16 - 1;
    let area = Rect {
        y: area.y - above,
        height: area.height + above,
        ..area
    };
    frame.render_widget(Clear, area);
    let lines: Vec<Line> = lines.into_iter().map(|l| Line::styled(l, style)).collect();
    frame.render_widget(Paragraph::new(lines), area);
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
