//! The Compare view: the provider list, the matrix (questions × providers, each cell a symbol
//! and a word). Its overlays (a cell in full, priorities, filters, course shape, export) are
//! drawn in `overlay/`.

use crate::core::width::display_width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::app::{App, CompareFocus, FOOT_ROWS, ListId, MATTERS_MARK, SortBy, Target};
use super::super::geometry::{self, Matrix, list_offset};
use super::super::theme::Theme;
use super::checklist::answer_style;
use super::{boxed, flag_count, list, marker, pane};
use crate::core::costs::course_cost;
use crate::core::export::{
    cell as cell_text, critical_mark, data_mark, flag_mark, flags_short, kind_mark, model_text,
    score_bar,
};
use crate::core::scoring::FlagKind;
use crate::core::scoring::{Priority, Score};

/// A route-specific question for a provider without that route: left out of its score.
pub const NOT_OFFERED: &str = "n/a — not offered here";

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let c = &app.compare;
    let (list_area, matrix_area) = geometry::compare(body, c.focus == CompareFocus::List);
    if let Some(area) = list_area {
        providers(app, frame, area);
    }
    if let Some(area) = matrix_area {
        matrix(app, frame, area);
    }
}

/// The provider list draws score bars from this width on.
const LIST_BAR_FROM: usize = 48;
/// The sort key's column in the provider list when there is room: "USD 60–5,400".
const LIST_KEY_WIDTH: usize = 12;
/// Columns of a provider's name the narrow list keeps before showing the sort value.
const MIN_NAME: usize = 12;

fn providers(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let c = &app.compare;
    let focused = c.focus == CompareFocus::List;
    // A pane too narrow for the words still shows both counts (10,000 providers included).
    let mut title = format!("Providers: {} of {} shown", c.columns.len(), c.order.len());
    if title.len() + 4 > usize::from(area.width) {
        title = format!("{}/{} shown", c.columns.len(), c.order.len());
    }
    let mut block = pane(title, focused, theme);
    if !geometry::compare_side_by_side(app.body()) {
        block = block
            .title_bottom(Line::styled(" Tab: back to the matrix ", theme.key).right_aligned());
    }
    let inner = boxed(frame, area, block);
    let width = usize::from(inner.width).saturating_sub(2);
    let rows = (c.order.len(), c.listed, focused);
    list(app, frame, inner, rows, Some(ListId::Providers), |i| {
        let index = c.order[i];
        let provider = &app.lib.providers[index];
        let shown = if c.hidden.contains(&provider.id) {
            "[ ] "
        } else {
            "[x] "
        };
        let score = &app.scores[index];
        // A pane as wide as the screen has room for the score bar too; the narrow pane beside
        // the matrix leaves it to the matrix foot.
        let wide = width >= LIST_BAR_FROM;
        // The value the list is sorted by, so the order can be read: short in the narrow pane.
        let key = match c.sort {
            SortBy::Score | SortBy::Name => score.total.range_text(),
            SortBy::Coverage => score.total.coverage_percent(),
            SortBy::CourseCost if wide => course_cost(&provider.costs, &app.config.course).text(),
            SortBy::CourseCost => course_cost(&provider.costs, &app.config.course).short(),
        };
        let bar = if wide && score.total.is_scored() {
            format!(" {}", score_bar(&score.total, 10, theme.ascii))
        } else {
            String::new()
        };
        // Right-aligned in a column of its own when wide, so the bars line up.
        let pad = if wide {
            LIST_KEY_WIDTH.saturating_sub(display_width(&key))
        } else {
            0
        };
        let tag = if provider.sample { " SAMPLE" } else { "" };
        // Hidden or shown, a provider's red flags stay in sight here.
        let flags = flag_count(score, theme);
        let fixed = 4 + tag.len() + display_width(&flags.content) + display_width(&bar);
        // The name keeps its columns first: a value that would squeeze it is left to the
        // matrix beside, whose foot shows the same values in the same order.
        let key_width = 1 + pad + display_width(&key);
        let room = width.saturating_sub(fixed);
        let key = if wide || room >= MIN_NAME + key_width {
            format!(" {}{key}", " ".repeat(pad))
        } else {
            String::new()
        };
        let used = fixed + display_width(&key);
        Line::from(vec![
            Span::raw(shown),
            Span::raw(theme.fit(&provider.name, width.saturating_sub(used))),
            Span::styled(tag, theme.sample),
            flags,
            Span::raw(bar),
            Span::raw(key),
        ])
    });
}

/// One matrix line: the label column, then a cell per visible provider column.
fn row_line<'a>(
    label: Span<'a>,
    cells: impl Iterator<Item = (String, Style)>,
    m: &Matrix,
    theme: &Theme,
) -> Line<'a> {
    let mut spans = vec![label];
    for (text, style) in cells {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(theme.fit(&text, usize::from(m.column)), style));
    }
    Line::from(spans)
}

fn matrix(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let c = &app.compare;
    let focused = c.focus == CompareFocus::Matrix;
    let title = format!(
        "Compare · sort: {} · filters: {} · {} shown",
        c.sort.label(),
        c.filter.summary(),
        c.columns.len()
    );
    let mut block = pane(title, focused, theme);
    // The selected provider's name in full (the columns cut it short).
    if let Some(i) = c.selected() {
        let hidden = if c.selected_column().is_none() {
            " (hidden)"
        } else {
            ""
        };
        let name = format!(
            " {}{}{hidden} ",
            marker(true, theme),
            app.lib.providers[i].name
        );
        block = block.title_bottom(Line::styled(
            theme.fold(&name).into_owned(),
            theme.subheading,
        ));
    }
    // At narrow widths the provider list is not beside the matrix: say where it is.
    if !geometry::compare_side_by_side(app.body()) {
        block = block.title_bottom(
            Line::styled(" Tab: provider list (show, hide) ", theme.key).right_aligned(),
        );
    }
    frame.render_widget(block, area);
    let m = geometry::matrix(area);
    // Each visible cell is clickable: a column's name selects it, a cell its question too.
    let cell_at = |k: usize, y: u16| {
        let x = m.area.x + m.label + 1 + k as u16 * (m.column + 1);
        Rect::new(x, y, m.column.min(m.area.right().saturating_sub(x)), 1)
    };
    if c.columns.is_empty() {
        let text = match c.empty_because() {
            Some(why) => format!(
                "No providers match the filters: {why}. A profile that does not say does not pass. Press f to change the filters."
            ),
            None => "No providers to show. Tab to the provider list and press Space to show some, or f to change the filters.".to_string(),
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), m.area);
        return;
    }
    let label_width = usize::from(m.label);
    let visible: Vec<usize> = c
        .columns
        .iter()
        .skip(c.col_offset)
        .take(m.fit)
        .copied()
        .collect();
    // A hidden provider selected has no column to highlight.
    let selected = |k: usize| focused && Some(c.col_offset + k) == c.selected_column();
    let head_style = |k: usize| {
        if selected(k) {
            theme.selected
        } else {
            theme.subheading
        }
    };

    // Head: names, then sample markers or places, then a rule with the "more" markers.
    let more_left = c.col_offset;
    let more_right = c.columns.len().saturating_sub(c.col_offset + visible.len());
    let providers = &app.lib.providers;
    let names = visible
        .iter()
        .enumerate()
        .map(|(k, &i)| (providers[i].name.clone(), head_style(k)));
    let markers = visible.iter().map(|&i| {
        let p = &providers[i];
        if p.sample {
            ("SAMPLE".to_string(), theme.sample)
        } else {
            (p.place(), theme.dim)
        }
    });
    let (left_arrow, right_arrow) = if theme.ascii {
        ("<-", "->")
    } else {
        ("←", "→")
    };
    let legend = "Score: low end counts unknowns as no, high end as yes; known = share answered";
    let flag_legend = format!(
        "{} safety {} data flag",
        flag_mark(theme.ascii),
        data_mark(theme.ascii)
    );
    // The rule's left end: columns out of view to the left, or else what the flag marks are.
    let left = if more_left > 0 {
        format!("{left_arrow} {more_left} more")
    } else {
        flag_legend
    };
    let right = if more_right > 0 {
        format!("{more_right} more {right_arrow}")
    } else {
        String::new()
    };
    let rule_width = usize::from(m.area.width).saturating_sub(label_width + right.chars().count());
    let rule = Line::from(vec![
        Span::styled(theme.fit(&left, label_width), theme.key),
        Span::styled(theme.fit("", rule_width), theme.dim),
        Span::styled(right, theme.key),
    ]);
    // The legend has a line of its own above the foot (beside places it read as flags).
    let critical_legend = format!("Question ({} critical)", critical_mark(theme.ascii));
    let models = visible
        .iter()
        .map(|&i| (model_text(&providers[i]).to_string(), theme.dim));
    let head = vec![
        row_line(
            Span::styled(theme.fit(&critical_legend, label_width), theme.dim),
            names,
            &m,
            theme,
        ),
        row_line(
            Span::styled(theme.fit("Place", label_width), theme.dim),
            markers,
            &m,
            theme,
        ),
        row_line(
            Span::styled(theme.fit("Model", label_width), theme.dim),
            models,
            &m,
            theme,
        ),
        rule,
    ];
    frame.render_widget(Paragraph::new(head), m.head());
    for k in 0..visible.len() {
        app.target(cell_at(k, m.area.y), Target::Cell(c.col_offset + k, None));
    }

    // Body: category headings and questions, scrolled to keep the selected question in view.
    let checklist = &app.lib.checklist;
    let rows: Vec<Row> = (0..checklist.categories.len())
        .flat_map(|cat| {
            std::iter::once(Row::Category(cat)).chain(
                checklist
                    .questions
                    .iter()
                    .enumerate()
                    .filter(move |(_, q)| q.category == cat)
                    .map(|(i, _)| Row::Question(i)),
            )
        })
        .collect();
    // On the foot (past the last question) the body stays scrolled to its end.
    let selected_row = rows
        .iter()
        .position(|r| *r == Row::Question(c.row))
        .unwrap_or(rows.len().saturating_sub(1));
    let offset = list_offset(selected_row, rows.len(), m.rows);
    let body: Vec<Line> = rows
        .iter()
        .skip(offset)
        .take(m.rows)
        .map(|row| match *row {
            Row::Category(cat) => {
                let cat = &checklist.categories[cat];
                let priority = app.priorities.get(&cat.id);
                // What the person called essential is marked, in the grid of options too.
                let mark = if priority == Priority::Essential {
                    format!(" {MATTERS_MARK} matters most")
                } else {
                    String::new()
                };
                let text = format!("{} (priority {priority}){mark}", cat.title);
                Line::styled(theme.fit(&text, usize::from(m.area.width)), theme.heading)
            }
            Row::Question(q) => {
                let question = &checklist.questions[q];
                let is_row = q == c.row;
                let critical = if question.critical {
                    critical_mark(theme.ascii)
                } else {
                    " "
                };
                let label = theme.fit(&format!("{critical} {}", question.question), label_width);
                let label_style = if is_row && focused {
                    theme.subheading
                } else {
                    theme.text
                };
                let cells = visible.iter().enumerate().map(|(k, &i)| {
                    let counted = &app.scores[i].questions[q];
                    let value = counted.value;
                    let style = if is_row && selected(k) {
                        theme.selected
                    } else if counted.route_not_offered {
                        theme.dim
                    } else {
                        answer_style(value, theme)
                    };
                    let text = if counted.route_not_offered {
                        NOT_OFFERED.to_string()
                    } else {
                        cell_text(value, theme.ascii)
                    };
                    (text, style)
                });
                row_line(Span::styled(label, label_style), cells, &m, theme)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(body), m.body());
    for (y, row) in rows.iter().skip(offset).take(m.rows).enumerate() {
        if let Row::Question(q) = *row {
            for k in 0..visible.len() {
                let at = cell_at(k, m.body().y + y as u16);
                app.target(at, Target::Cell(c.col_offset + k, Some(q)));
            }
        }
    }

    // Foot: always visible, so flags, coverage and cost never scroll away. Its rows come after
    // the questions in the row order: the selected one's cell is highlighted like a question's.
    let questions = checklist.questions.len();
    let foot_style = |row: usize, k: usize, style: Style| {
        if c.row == questions + row && selected(k) {
            theme.selected
        } else {
            style
        }
    };
    let scores: Vec<&Score> = visible.iter().map(|&i| &app.scores[i]).collect();
    let flags = |row: usize, kind: FlagKind, style: Style| {
        scores
            .iter()
            .enumerate()
            .map(move |(k, s)| match s.flags_of(kind).count() {
                0 => ("none".to_string(), foot_style(row, k, theme.dim)),
                // The count first, so a narrow column cuts the words, never the count.
                n => (
                    format!(
                        "{}{n} {}",
                        kind_mark(kind, theme.ascii),
                        flags_short(s, kind)
                    ),
                    foot_style(row, k, style),
                ),
            })
    };
    let costs = visible.iter().enumerate().map(|(k, &i)| {
        let cost = course_cost(&providers[i].costs, &app.config.course);
        let style = if cost.is_unknown() {
            theme.dim
        } else {
            theme.text
        };
        (cost.text(), foot_style(3, k, style))
    });
    let label = |text: &str| Span::styled(theme.fit(text, label_width), theme.subheading);
    let foot = vec![
        Line::styled(theme.fit(legend, usize::from(m.area.width)), theme.dim),
        row_line(
            label("Score (low–high)"),
            scores
                .iter()
                .enumerate()
                .map(|(k, s)| (s.total.range_text(), foot_style(0, k, theme.text))),
            &m,
            theme,
        ),
        row_line(
            label(if theme.ascii {
                "# known + unknown"
            } else {
                "█ known ▒ unknown"
            }),
            // Nothing weighted, nothing to draw: the score row says "not scored".
            scores.iter().enumerate().map(|(k, s)| {
                let bar = score_bar(&s.total, usize::from(m.column) - 2, theme.ascii);
                (
                    if s.total.is_scored() {
                        bar
                    } else {
                        String::new()
                    },
                    foot_style(1, k, theme.text),
                )
            }),
            &m,
            theme,
        ),
        coverage_line(label("Coverage"), &scores, &m, theme, |k, style| {
            foot_style(2, k, style)
        }),
        row_line(label("Course cost"), costs, &m, theme),
        row_line(
            label("Safety flags"),
            flags(4, FlagKind::Safety, theme.bad),
            &m,
            theme,
        ),
        row_line(
            label("Data flags"),
            flags(5, FlagKind::Data, theme.warn),
            &m,
            theme,
        ),
    ];
    frame.render_widget(Paragraph::new(foot), m.foot());
    // Below the legend line, each foot row's cells: a click selects one, a second explains.
    for row in 0..FOOT_ROWS {
        for k in 0..visible.len() {
            let at = cell_at(k, m.foot().y + 1 + row as u16);
            app.target(at, Target::Cell(c.col_offset + k, Some(questions + row)));
        }
    }
}

/// The foot's coverage row. With no question weighted (every priority 0) no column is scored,
/// and the core's words for that ("no question weighted") run once across the columns instead
/// of being cut short in each.
fn coverage_line<'a>(
    label: Span<'a>,
    scores: &[&Score],
    m: &Matrix,
    theme: &Theme,
    style: impl Fn(usize, Style) -> Style,
) -> Line<'a> {
    if let Some(first) = scores.first()
        && scores.iter().all(|s| !s.total.is_scored())
    {
        let text = first.total.coverage_text();
        let width = usize::from(m.area.width).saturating_sub(usize::from(m.label) + 1);
        return Line::from(vec![
            label,
            Span::raw(" "),
            Span::styled(theme.fit(&text, width), theme.dim),
        ]);
    }
    row_line(
        label,
        scores
            .iter()
            .enumerate()
            .map(|(k, s)| (s.total.coverage_text(), style(k, theme.text))),
        m,
        theme,
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    Category(usize),
    Question(usize),
}
