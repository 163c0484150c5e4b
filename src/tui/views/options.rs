//! The Options view: the options side by side, a cell cursor, columns that scroll sideways with
//! a marker saying how many are out of view (a cell's full text on Enter is in `overlay/`).

use crate::core::width::display_width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, row_heights, row_label, rows_that_fit};
use super::{boxed, marker, pane};
use crate::core::export::wrap;

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
