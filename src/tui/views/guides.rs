//! The Guides view: contents on the left, the reader on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, GuidesFocus, ListId, Target};
use super::super::geometry;
use super::{boxed, list, pane, styled_line};
use crate::core::width::display_width;

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let theme = &app.theme;
    let g = &app.guides;
    let (toc_area, reader_area) = geometry::guides(body);

    let inner = boxed(
        frame,
        toc_area,
        pane("Contents", g.focus == GuidesFocus::Toc, theme),
    );
    let width = usize::from(inner.width).saturating_sub(2);
    list(
        app,
        frame,
        inner,
        (g.toc.len(), g.selected, g.focus == GuidesFocus::Toc),
        Some(ListId::Contents),
        |i| {
            let entry = g.toc[i];
            let guide = &app.lib.guides[entry.guide];
            match entry.section {
                None => Line::styled(theme.fit(&guide.title, width), theme.subheading),
                Some(s) => Line::from(theme.fit(&format!("  {}", guide.sections[s].title), width)),
            }
        },
    );

    let Some(guide) = app.lib.guides.get(g.current) else {
        frame.render_widget(pane("No guides", false, theme), reader_area);
        return;
    };
    let text = geometry::reader_text(body);
    let lines = &g.layout.lines;
    let top = g.scroll();
    let shown = lines.len().min(top + usize::from(text.height));
    let position =
        Line::from(format!(" line {}–{shown} of {} ", top + 1, lines.len())).right_aligned();
    let reader =
        pane(guide.title.clone(), g.focus == GuidesFocus::Reader, theme).title_bottom(position);
    frame.render_widget(reader, reader_area);
    let visible: Vec<Line> = lines[top.min(lines.len())..shown]
        .iter()
        .map(|l| styled_line(l, theme, g.link))
        .collect();
    frame.render_widget(Paragraph::new(visible), text);
    // Links to other guides are clickable where they are drawn.
    for (y, line) in lines[top.min(lines.len())..shown].iter().enumerate() {
        let mut x = usize::from(text.x);
        for span in &line.spans {
            let width = display_width(&span.text);
            if let Some(link) = span.link {
                let right = (x + width).min(usize::from(text.right()));
                let at = Rect::new(
                    x as u16,
                    text.y + y as u16,
                    (right.saturating_sub(x)) as u16,
                    1,
                );
                app.target(at, Target::Link(link));
            }
            x += width;
        }
    }
    // Arrows in the spare column say there is more above or below.
    let (up, down) = if theme.ascii {
        ("^", "v")
    } else {
        ("▲", "▼")
    };
    let edge = Rect {
        x: text.right(),
        width: 1,
        ..text
    };
    if top > 0 {
        frame.render_widget(Span::styled(up, theme.dim), Rect { height: 1, ..edge });
    }
    if shown < lines.len() && edge.height > 0 {
        let last = Rect {
            y: edge.bottom() - 1,
            height: 1,
            ..edge
        };
        frame.render_widget(Span::styled(down, theme.dim), last);
    }
}
