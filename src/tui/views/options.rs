//! The Options view: the options side by side, a cell cursor, columns that scroll sideways with
//! a marker saying how many are out of view, and the full text of a cell on Enter.

use crate::core::width::display_width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, row_heights, row_label, rows_that_fit};
use super::super::geometry;
use super::super::text;
use super::super::theme::Theme;
use super::{boxed, marker, pane, popup, text_overlay};
use crate::core::export::wrap;
use crate::core::readiness::{QUESTIONS, READINESS_NOTE};
use crate::core::values::{MAPPING_NOTE, SCALE, STATEMENTS};

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let theme = &app.theme;
    let grid = &app.lib.options;
    let o = &app.options;
    let g = app.options_geometry();
    let n = grid.choices.len();
    let first = o.first_col.min(n);
    let last = (first + g.plan.visible).min(n);
    let matters = app.rows_that_matter();
    let heights = row_heights(grid, &g, first, &matters);
    let shown_rows = rows_that_fit(&heights, o.top, g.rows);
    let (left, right) = (first, n - last);
    let (l_arrow, r_arrow, down) = if theme.ascii {
        ("<", ">", "v")
    } else {
        ("◂", "▸", "↓")
    };
    let mut marks = Vec::new();
    if left > 0 {
        marks.push(format!("{l_arrow} {left} more (h)"));
    }
    if right > 0 {
        marks.push(format!("{right} more (l) {r_arrow}"));
    }
    if o.top + shown_rows < grid.rows.len() {
        marks.push(format!("{down} more rows (j)"));
    }
    let scrolled = if marks.is_empty() {
        String::new()
    } else {
        format!(" {} ", marks.join(" · "))
    };
    let title = match grid.reviewed {
        Some(date) => format!("Options side by side · reviewed {date}"),
        None => "Options side by side".to_string(),
    };
    let block =
        pane(title, true, theme).title_bottom(Line::styled(scrolled, theme.key).right_aligned());
    let inner = boxed(frame, body, block);
    if grid.is_empty() {
        frame.render_widget(
            Paragraph::new("The options grid could not be read; run `kapguide validate`."),
            inner,
        );
        return;
    }
    let (label_w, col_w) = (g.plan.label, g.plan.column);
    let sep = if theme.ascii { " | " } else { " │ " };
    let cell = |text: &str, width: usize, style: Style| {
        let fitted = theme.fit(text, width);
        let pad = " ".repeat(width.saturating_sub(display_width(&fitted)));
        Span::styled(fitted + &pad, style)
    };

    // Heading: how many options are out of view to the left, then each visible option.
    let left_mark = if left > 0 {
        format!("{l_arrow} {left} more")
    } else {
        String::new()
    };
    let mut head = vec![cell(&left_mark, label_w, theme.key)];
    for (c, choice) in grid.choices.iter().enumerate().take(last).skip(first) {
        let (style, mark) = if c == o.col {
            (theme.heading.patch(theme.selected), marker(true, theme))
        } else {
            (theme.heading, "")
        };
        head.push(Span::styled(sep, theme.dim));
        head.push(cell(&format!("{mark}{}", choice.short), col_w, style));
    }
    if right > 0 {
        head.push(Span::styled(format!(" {r_arrow}"), theme.key));
    }
    let rule_piece = if theme.ascii { "-+-" } else { "─┼─" };
    let dash = if theme.ascii { "-" } else { "─" };
    let mut rule = dash.repeat(label_w);
    for _ in first..last {
        rule.push_str(rule_piece);
        rule.push_str(&dash.repeat(col_w));
    }
    let rule_line = Line::styled(rule, theme.dim);
    frame.render_widget(
        Paragraph::new(vec![Line::from(head), rule_line.clone()]),
        g.head(),
    );

    let mut lines: Vec<Line> = Vec::new();
    for (r, row) in grid.rows.iter().enumerate().skip(o.top).take(shown_rows) {
        let height = heights[r] - 1;
        // The cursor's row is marked in words' place too, not by colour alone.
        let title: Vec<String> = clip(
            wrap(&row_label(row, &matters), label_w.saturating_sub(2)),
            height,
        )
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "{}{t}",
                if i == 0 {
                    marker(r == o.row, theme)
                } else {
                    "  "
                }
            )
        })
        .collect();
        let cells: Vec<Vec<String>> = row.cells[first..last]
            .iter()
            .map(|c| clip(wrap(&c.text, col_w), height))
            .collect();
        for line in 0..height {
            let title_style = if r == o.row {
                theme.subheading.patch(theme.selected)
            } else {
                theme.subheading
            };
            let part = title.get(line).map_or("", String::as_str);
            let mut spans = vec![cell(part, label_w, title_style)];
            for (i, text) in cells.iter().enumerate() {
                let style = if r == o.row && first + i == o.col {
                    theme.selected
                } else {
                    theme.text
                };
                spans.push(Span::styled(sep, theme.dim));
                spans.push(cell(
                    text.get(line).map_or("", String::as_str),
                    col_w,
                    style,
                ));
            }
            lines.push(Line::from(spans));
        }
        lines.push(rule_line.clone());
    }
    frame.render_widget(Paragraph::new(lines), g.body());
}

/// The first `height` lines, the last one marked with "…" when lines were left out.
fn clip(mut lines: Vec<String>, height: usize) -> Vec<String> {
    if lines.len() > height {
        lines.truncate(height);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

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
