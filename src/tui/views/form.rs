//! Forms: labelled rows of text, choices and switches (the model is `app/form.rs`). The new
//! provider's details are a screen of the Checklist; a clinician's or a cost's form is an
//! overlay (`overlay/records.rs`). Both are drawn by `draw_form`.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, Details, Field, Form, Widget};
use super::super::text::url_lines;
use super::super::theme::Theme;
use super::overlay::field_window;
use super::{boxed, marker, pane};
use crate::core::checklist::Route;
use crate::core::width::display_width;

/// Columns for a row's label.
const LABEL: usize = 17;

/// A form's rows, the selected one marked: text as typed (the selected row scrolled so its
/// cursor shows), a choice as `◂ word ▸`, switches as `[x] word`; `explained` (wrapped) right
/// under the selected row. Also where the cursor goes (column, line), on a text row.
fn form_lines(
    form: &Form,
    width: usize,
    explained: Option<&str>,
    theme: &Theme,
) -> (Vec<Line<'static>>, Option<(u16, usize)>) {
    let value_width = width.saturating_sub(2 + LABEL);
    let indent = " ".repeat(2 + LABEL);
    let (left, right) = if theme.ascii {
        ("<", ">")
    } else {
        ("◂", "▸")
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    for (i, row) in form.rows.iter().enumerate() {
        let selected = i == form.row;
        let label_style = if selected {
            theme.subheading
        } else {
            theme.dim
        };
        let mut spans = vec![
            Span::raw(marker(selected, theme)),
            Span::styled(theme.fit(row.label, LABEL), label_style),
        ];
        let value_style = if selected { theme.selected } else { theme.text };
        match &row.widget {
            Widget::Pick { words, at } => {
                let word = words.get(*at).copied().unwrap_or("");
                spans.push(Span::styled(format!("{left} {word} {right}"), value_style));
            }
            Widget::Toggles { words, on, at } => {
                // "[x] iv  [ ] im …", wrapped under the first line; the word under the cursor
                // is marked with the selection marker as well as the style.
                let mut used = 0;
                for (k, word) in words.iter().enumerate() {
                    let focused = selected && k == *at;
                    let item = format!(
                        "{}[{}] {word} ",
                        marker(focused, theme).trim_end(),
                        if on.get(k) == Some(&true) { "x" } else { " " }
                    );
                    let item_width = display_width(&item) + 1;
                    if used > 0 && used + item_width > value_width {
                        lines.push(Line::from(std::mem::take(&mut spans)));
                        spans.push(Span::raw(indent.clone()));
                        used = 0;
                    }
                    let style = if focused { theme.selected } else { theme.text };
                    spans.push(Span::styled(item, style));
                    spans.push(Span::raw(" "));
                    used += item_width;
                }
            }
            Widget::Text(field) if selected => {
                let (text, column) =
                    field_window(field, value_width.saturating_sub(1), theme.ascii);
                cursor = Some(((2 + LABEL) as u16 + column, lines.len()));
                spans.push(Span::raw(text));
            }
            Widget::Text(field) if field.text.trim().is_empty() => {
                spans.push(Span::styled("—", theme.dim));
            }
            Widget::Text(field) => spans.push(Span::raw(theme.fit(&field.text, value_width))),
        }
        lines.push(Line::from(spans));
        if let Some(text) = explained.filter(|_| selected) {
            // Source ids stay whole (they hold hyphens).
            let options = textwrap::Options::new(width.max(1))
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            lines.extend(
                textwrap::wrap(text, options)
                    .into_iter()
                    .map(|l| Line::styled(l.into_owned(), theme.text)),
            );
        }
    }
    (lines, cursor)
}

/// A form in `inner`, what the selected row's value means (`explained`) under it, `notes`
/// (wrapped) under the rows, the cursor placed on a text row. A board lookup address typed in
/// the form is shown whole right under the rows.
pub fn draw_form(
    frame: &mut Frame,
    inner: Rect,
    form: &Form,
    (explained, notes): (Option<&str>, &[&str]),
    theme: &Theme,
) {
    let width = usize::from(inner.width);
    let (mut lines, cursor) = form_lines(form, width, explained, theme);
    if let Some(url) = form.text(Field::BoardUrl) {
        lines.extend(
            url_lines(&url, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.key)),
        );
    }
    for note in notes {
        lines.push(Line::from(""));
        lines.extend(
            textwrap::wrap(note, width.max(1))
                .into_iter()
                .map(|l| Line::styled(l.into_owned(), theme.dim)),
        );
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor
        && y < usize::from(inner.height)
    {
        frame.set_cursor_position(Position::new(inner.x + x, inner.y + y as u16));
    }
}

/// The details step of a new provider.
pub fn details(app: &App, frame: &mut Frame, body: Rect, d: &Details) {
    let theme = &app.theme;
    let title = format!("New provider: {}", d.provider.name);
    let inner = boxed(frame, body, pane(title, true, theme));
    let intro = "All optional. The kind and routes decide which route-specific questions apply; the place lets Compare filter by region. Tab and the arrows move between fields, ← → choose, Space turns a route on or off. Enter starts the questions; Esc leaves (asking first if you filled anything in).";
    // The route under the cursor in plain words, with its sources, right under the routes.
    let route = d
        .form
        .current()
        .and_then(|row| match (&row.field, &row.widget) {
            (Field::Routes, Widget::Toggles { at, .. }) => Route::ALL.get(*at),
            _ => None,
        });
    let route = route.map(|(word, route)| {
        let (note, sources) = route.note();
        format!("{word}: {note} (sources: {})", sources.join(", "))
    });
    draw_form(frame, inner, &d.form, (route.as_deref(), &[intro]), theme);
}
