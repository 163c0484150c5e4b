//! The Compare filter panel.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::popup;
use crate::core::filter::Criterion;
use crate::core::width::display_width;
use crate::tui::app::{App, FilterPanel, Mode};
use crate::tui::geometry;
use crate::tui::views::with_keys;

/// The filter panel: a row per criterion with its value and how many it leaves, what has been
/// typed on the selected row and the choices that match it.
pub fn render(app: &App, frame: &mut Frame, area: Rect, panel: &FilterPanel) {
    let theme = &app.theme;
    let c = &app.compare;
    let width: u16 = 76;
    let text_width = usize::from(width - 2);
    let mut lines = vec![Line::styled(
        match c.empty_because() {
            Some(why) => format!("Nothing left: {why}"),
            None => format!("{} of {} providers left", c.order.len(), c.rank.len()),
        },
        theme.subheading,
    )];
    for (row, criterion) in Criterion::ALL.into_iter().enumerate() {
        let selected = row == panel.row;
        let value = c.filter.value_text(criterion);
        let leaves = c
            .filtered
            .steps
            .iter()
            .find(|s| s.criterion == criterion)
            .map_or(String::new(), |s| match s.unknown {
                0 => format!("leaves {}", s.left),
                n => format!("leaves {} ({n} do not say)", s.left),
            });
        let (text, style) = match &value {
            Some(v) => (v.clone(), theme.text),
            None if criterion == Criterion::Region => ("all regions".into(), theme.dim),
            None => ("any".into(), theme.dim),
        };
        let mut label = criterion.label().to_string();
        label[..1].make_ascii_uppercase();
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} {label:<16}", if selected { "▸" } else { " " }),
                if selected { theme.selected } else { theme.text },
            ),
            Span::styled(theme.fit(&text, 30), style),
            Span::styled(format!(" {leaves}"), theme.dim),
        ]));
    }
    lines.push(Line::from(""));
    let criterion = panel.criterion();
    let typed = &panel.query.text;
    let choices = app.filter_choices(criterion, typed);
    lines.push(Line::from(vec![
        Span::styled("Type to narrow: ", theme.dim),
        Span::styled(
            format!("{typed}{}", if theme.ascii { "_" } else { "▏" }),
            theme.key,
        ),
        Span::styled(format!("  {} match", choices.len()), theme.dim),
    ]));
    let mut spans = vec![Span::styled("Choices: ", theme.dim)];
    let mut used = 9;
    for (i, choice) in choices.iter().enumerate() {
        let text = format!("{}  ", choice.label);
        used += display_width(&text);
        if used > text_width {
            spans.push(Span::styled("…", theme.dim));
            break;
        }
        let style = if panel.pick == Some(i) {
            theme.selected
        } else {
            theme.text
        };
        spans.push(Span::styled(text, style));
    }
    lines.push(Line::from(spans));
    lines.push(Line::styled(
        "A profile that does not say never passes. Max course cost keeps a course whose low end is within it.",
        theme.dim,
    ));
    let height = lines.len() as u16 + 6;
    let inner = popup(
        frame,
        geometry::popup(area, width, height),
        "Filters",
        theme,
    );
    with_keys(app, frame, inner, lines, Mode::Filters);
}
