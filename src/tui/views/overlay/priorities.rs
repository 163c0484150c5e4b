//! Priorities: how much each part of the checklist matters, as a bar per category.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::popup;
use crate::core::scoring::Priority;
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::views::list;

pub fn render(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let theme = &app.theme;
    let categories = &app.lib.checklist.categories;
    let outer = geometry::popup(area, 72, categories.len() as u16 + 6);
    let inner = popup(
        frame,
        outer,
        "Priorities: how much each part matters to you",
        theme,
    );
    let (full, empty) = if theme.ascii {
        ("#", ".")
    } else {
        ("■", "□")
    };
    let width = usize::from(inner.width).saturating_sub(2);
    let [rows, note] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(categories.len() as u16),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(inner);
    list(
        app,
        frame,
        rows,
        (categories.len(), selected, true),
        None,
        |i| {
            let category = &categories[i];
            let p = app.priorities.get(&category.id);
            let level = usize::from(p.level());
            let bar = format!(
                "{}{} {p} {}",
                full.repeat(level),
                empty.repeat(Priority::ALL.len() - 1 - level),
                p.label()
            );
            let name_width = width.saturating_sub(bar.chars().count() + 1);
            Line::from(format!("{} {bar}", theme.fit(&category.title, name_width)))
        },
    );
    let text = "Scores and the order update as you change these. Safety and data flags never depend on priorities. Esc saves them for next time.";
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.dim)
            .wrap(Wrap { trim: true }),
        Rect {
            y: note.y + 1.min(note.height),
            height: note.height.saturating_sub(1),
            ..note
        },
    );
}
