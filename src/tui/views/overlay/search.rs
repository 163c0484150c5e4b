//! The search overlay: the query, then one line per result with the matched letters marked.

use crate::core::width::display_width;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup;
use crate::core::search::{Hit, Target};
use crate::tui::app::App;
use crate::tui::geometry::{self, list_offset};
use crate::tui::views::{flag_count, marker};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let s = &app.search;
    let outer = geometry::big_popup(area);
    let inner = popup(
        frame,
        outer,
        "Search guides, questions and providers",
        theme,
    );
    let prompt = "/ ";
    let query = Line::from(vec![
        Span::styled(prompt, theme.key),
        Span::raw(s.field.text.clone()),
    ]);
    frame.render_widget(Paragraph::new(query), Rect { height: 1, ..inner });
    let cursor = display_width(prompt) + display_width(s.field.before_cursor());
    let x = inner.x + (cursor as u16).min(inner.width.saturating_sub(1));
    frame.set_cursor_position(Position::new(x, inner.y));

    let results = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if s.hits.is_empty() {
        let text = if s.field.text.trim().is_empty() {
            "Type to search. ↑/↓ choose, Enter goes there, Esc cancels; afterwards n and N step through the results."
        } else {
            "Nothing found. Try fewer or shorter words."
        };
        let text = if theme.ascii {
            text.replace("↑/↓", "Up/Down")
        } else {
            text.to_string()
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim)
                .wrap(ratatui::widgets::Wrap { trim: true }),
            results,
        );
        return;
    }
    // Two lines a result: what and where, with the matched letters marked; then the context.
    let width = usize::from(results.width).saturating_sub(2);
    let per_page = usize::from(results.height / 2).max(1);
    let offset = list_offset(s.selected, s.hits.len(), per_page);
    let mut lines = Vec::new();
    for (i, hit) in s.hits.iter().enumerate().skip(offset).take(per_page) {
        let selected = i == s.selected;
        let mut title = title_line(hit, width, app);
        title.spans.insert(0, Span::raw(marker(selected, theme)));
        if selected {
            title = title.patch_style(theme.selected);
        }
        lines.push(title);
        let context = theme.fit(&hit.context, width.saturating_sub(KIND_WIDTH));
        lines.push(Line::styled(
            format!("  {}{context}", " ".repeat(KIND_WIDTH)),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), results);
}

const KIND_WIDTH: usize = 9;

/// "section  Title with matched letters", cut to `width`.
fn title_line(hit: &Hit, width: usize, app: &App) -> Line<'static> {
    let theme = &app.theme;
    let kind = format!("{:<KIND_WIDTH$}", hit.target.kind());
    let mut spans = vec![Span::styled(kind, theme.dim)];
    let flags = match hit.target {
        Target::Provider(i) => app.scores.get(i).map(|s| flag_count(s, theme)),
        _ => None,
    };
    let flags_width = flags.as_ref().map_or(0, Span::width);
    let title_width = width.saturating_sub(KIND_WIDTH + flags_width);
    let title = theme.fit(&hit.title, title_width);
    // The characters shown from the title itself (not the cut mark): the matched positions
    // count characters of the title, so none are marked if folding to ASCII moved them.
    let folded = theme.fold(&hit.title);
    let kept = if folded.chars().count() != hit.title.chars().count() {
        0
    } else if display_width(&folded) > title_width {
        let cut = title.trim_end();
        cut.strip_suffix(theme.ellipsis())
            .unwrap_or(cut)
            .chars()
            .count()
    } else {
        title.chars().count()
    };
    // Runs of matched and unmatched characters become spans.
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in title.chars().enumerate() {
        let matched = i < kept && hit.matched.contains(&i);
        if matched != run_matched && !run.is_empty() {
            let style = if run_matched {
                theme.matched
            } else {
                theme.text
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = matched;
        run.push(c);
    }
    let style = if run_matched {
        theme.matched
    } else {
        theme.text
    };
    spans.push(Span::styled(run, style));
    spans.extend(flags);
    Line::from(spans)
}
