//! The Options view's overlays: a cell in full, "what matters to you" and "am I ready to decide?".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{popup, text_overlay};
use crate::core::export::wrap;
use crate::core::readiness::{QUESTIONS, READINESS_NOTE};
use crate::core::values::{MAPPING_NOTE, SCALE, STATEMENTS};
use crate::core::width::display_width;
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::views::marker;

/// The cell under the cursor: its full text and sources, scrolling.
pub fn cell(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let title = "Option in full (j/k scroll, Esc closes)";
    let lines = text::option_cell(
        &app.lib.options,
        app.options.row,
        app.options.col,
        text::big_popup_width(app.size),
    );
    text_overlay(app, frame, area, title, lines, scroll);
}

/// "What matters to you": each statement with its answer on the 0–3 scale and the priority it
/// sets, the selected one kept in view, and how answers become priorities at the end.
pub fn values(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let theme = &app.theme;
    let (inner, width) = list_popup(
        frame,
        area,
        "What matters to you (0-3 answer, x skip, Esc done)",
        theme,
    );
    let checklist = &app.lib.checklist;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_span = (0, 0);
    for (i, statement) in STATEMENTS.iter().enumerate() {
        let start = lines.len();
        lines.extend(item_lines(statement.text, width, i == selected, theme));
        let answer = app.config.values.get(statement.id);
        let mut spans = vec![Span::raw("    ")];
        for n in 0..=3u8 {
            if answer == Some(n) {
                spans.push(Span::styled(format!("[{n}]"), theme.key));
            } else {
                spans.push(Span::styled(format!(" {n} "), theme.dim));
            }
        }
        let word = answer.map_or("skipped", |n| SCALE[usize::from(n)]);
        let category = checklist.category_index(statement.category).map_or_else(
            || statement.category.to_string(),
            |c| checklist.categories[c].title.clone(),
        );
        let priority = app.priorities.get(statement.category);
        spans.push(Span::raw(format!(" {word} ")));
        let sets = format!("→ {category}: priority {priority}");
        // On a narrow screen what the answer sets goes on a line of its own.
        let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
        if used + display_width(&sets) > width {
            lines.push(Line::from(spans));
            spans = vec![Span::raw("    ")];
        }
        spans.push(Span::styled(sets, theme.dim));
        lines.push(Line::from(spans));
        if i == selected {
            selected_span = (start, lines.len());
        }
    }
    lines.push(Line::from(""));
    for part in wrap(MAPPING_NOTE, width) {
        lines.push(Line::styled(part, theme.dim));
    }
    show_around(frame, inner, lines, selected_span);
}

/// "Am I ready to decide?": each question with its answer; a "no" shows what may help.
pub fn readiness(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let theme = &app.theme;
    let (inner, width) = list_popup(
        frame,
        area,
        "Am I ready to decide? (y yes, n no, Esc close)",
        theme,
    );
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_span = (0, 0);
    for (i, q) in QUESTIONS.iter().enumerate() {
        let start = lines.len();
        lines.extend(item_lines(q.question, width, i == selected, theme));
        let answer = match app.config.readiness[i] {
            Some(true) => "yes",
            Some(false) => "no",
            None => "not answered",
        };
        lines.push(Line::styled(format!("    {answer}"), theme.key));
        if app.config.readiness[i] == Some(false) {
            for part in wrap(&format!("→ What may help: {}", q.if_no), width - 4) {
                lines.push(Line::styled(format!("    {part}"), theme.dim));
            }
        }
        if i == selected {
            selected_span = (start, lines.len());
        }
    }
    lines.push(Line::from(""));
    for part in wrap(READINESS_NOTE, width) {
        lines.push(Line::styled(part, theme.dim));
    }
    show_around(frame, inner, lines, selected_span);
}

/// An item of a list overlay: its text wrapped, the first line marked when selected.
fn item_lines(text: &str, width: usize, selected: bool, theme: &Theme) -> Vec<Line<'static>> {
    let style = if selected { theme.selected } else { theme.text };
    wrap(text, width - 2)
        .into_iter()
        .enumerate()
        .map(|(n, part)| {
            let lead = if n == 0 {
                marker(selected, theme)
            } else {
                "  "
            };
            Line::from(vec![Span::raw(lead), Span::styled(part, style)])
        })
        .collect()
}

/// Draws the lines that fit in `inner`, scrolled so the lines `span` (the selected item) show.
fn show_around(frame: &mut Frame, inner: Rect, lines: Vec<Line>, span: (usize, usize)) {
    let height = usize::from(inner.height);
    let top = span.1.saturating_sub(height).min(span.0);
    let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// A big popup for a list overlay: the area inside it and the text width (one column kept free).
fn list_popup(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> (Rect, usize) {
    let inner = popup(frame, geometry::big_popup(area), title, theme);
    (inner, usize::from(inner.width).saturating_sub(1).max(20))
}
