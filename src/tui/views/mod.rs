//! Drawing. Everything here reads `&App` and writes into the frame; nothing changes state.

pub mod checklist;
pub mod compare;
pub mod crisis;
pub mod footer;
pub mod guides;
pub mod help;
pub mod search;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use textwrap::core::display_width;

use super::action::View;
use super::app::{App, Overlay};
use super::geometry::{self, MIN_HEIGHT, MIN_WIDTH, list_offset};
use super::keymap::{self, Mode};
use super::text::{OverlayLine, note_lines};
use super::theme::Theme;
use crate::core::export::truncate;
use crate::core::layout::{LineKind, SpanStyle, TextLine};

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if geometry::too_small(area) {
        too_small(frame, area);
        return;
    }
    let screen = geometry::screen(area);
    footer::header(app, frame, screen.header);
    match app.view {
        View::Guides => guides::render(app, frame, screen.body),
        View::Checklist => checklist::render(app, frame, screen.body),
        View::Compare => compare::render(app, frame, screen.body),
    }
    footer::status(app, frame, screen.status);
    footer::footer(app, frame, screen.footer);
    for overlay in &app.overlays {
        match overlay {
            Overlay::Notice => crisis::notice(app, frame, area),
            Overlay::Help { scroll } => help::render(app, frame, area, *scroll),
            Overlay::Crisis { scroll } => crisis::render(app, frame, area, *scroll),
            Overlay::Problems { scroll } => crisis::problems(app, frame, area, *scroll),
            Overlay::Search => search::render(app, frame, area),
            Overlay::Input(input) => checklist::input(app, frame, area, input),
            Overlay::ConfirmOverwrite(path) => checklist::confirm(app, frame, area, path),
            Overlay::ConfirmCopy(name) => checklist::confirm_copy(app, frame, area, name),
            Overlay::Cell => compare::cell(app, frame, area),
            Overlay::Priorities { selected, .. } => {
                compare::priorities(app, frame, area, *selected)
            }
            Overlay::Export => compare::export(app, frame, area),
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
        area.width, area.height
    );
    let lines = textwrap::wrap(&text, usize::from(area.width.max(1))).len() as u16;
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: true });
    let y = area.y + area.height.saturating_sub(lines) / 2;
    frame.render_widget(
        paragraph,
        Rect {
            y,
            height: lines.min(area.height),
            ..area
        },
    );
}

/// A bordered pane; the focused one has a bold border and a marker in its title.
pub fn pane<'a>(title: impl Into<String>, focused: bool, theme: &Theme) -> Block<'a> {
    let (marker, style) = if focused {
        (marker(true, theme), theme.focus_border)
    } else {
        ("", theme.border)
    };
    Block::bordered()
        .border_set(theme.border_set)
        .border_style(style)
        .title(Span::styled(format!(" {marker}{} ", title.into()), style))
}

/// Draws `block` and returns the area inside it.
pub fn boxed(frame: &mut Frame, area: Rect, block: Block) -> Rect {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Every key of `mode` (not the view-wide ones) on one wrapping line, for screens with more
/// keys than the footer holds and for dialogs.
pub fn keys_line(mode: Mode, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, desc) in keymap::hints(mode, theme.ascii, true) {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(format!(" {desc}   ")));
    }
    Line::from(spans)
}

/// A cleared box over the view, returning the area inside its border.
pub fn popup(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    frame.render_widget(Clear, area);
    boxed(frame, area, pane(title, true, theme))
}

/// Cuts `text` to `width` columns (marking the cut with …) and pads it to exactly `width`.
pub fn fit(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(display_width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// Draws rows `0..len` of a list, the selected one marked and (when focused) reversed, scrolled
/// so the selection stays in view. Only the visible rows are built.
pub fn list<'a>(
    frame: &mut Frame,
    area: Rect,
    len: usize,
    selected: usize,
    focused: bool,
    theme: &Theme,
    row: impl Fn(usize) -> Line<'a>,
) {
    let height = usize::from(area.height);
    let offset = list_offset(selected, len, height);
    let lines: Vec<Line> = (offset..len.min(offset + height))
        .map(|i| {
            let mut line = row(i);
            line.spans
                .insert(0, Span::raw(marker(i == selected, theme)));
            if i == selected && focused {
                line = line.patch_style(theme.selected);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Marks the selected row with a symbol as well as a style, so it shows without colour too.
pub fn marker(selected: bool, theme: &Theme) -> &'static str {
    match (selected, theme.ascii) {
        (false, _) => "  ",
        (true, true) => "> ",
        (true, false) => "▸ ",
    }
}

/// A guide line from the core's layout, with the theme's styles.
pub fn styled_line(line: &TextLine, theme: &Theme) -> Line<'static> {
    let base = match line.kind {
        LineKind::Title => theme.title,
        LineKind::Section => theme.heading,
        LineKind::Subheading => theme.subheading,
        LineKind::Body | LineKind::Blank => theme.text,
    };
    let spans: Vec<Span> = line
        .spans
        .iter()
        .map(|s| Span::styled(s.text.clone(), base.patch(span_style(s.style, theme))))
        .collect();
    Line::from(spans)
}

fn span_style(style: SpanStyle, theme: &Theme) -> Style {
    let mut out = Style::new();
    if style.strong {
        out = out.add_modifier(Modifier::BOLD);
    }
    if style.emphasis {
        out = out.add_modifier(Modifier::ITALIC);
    }
    if style.code {
        out = out.patch(theme.code);
    }
    if style.link {
        out = out.patch(theme.link);
    }
    if style.dim {
        out = out.patch(theme.dim);
    }
    out
}

/// Lines of a scrolling text overlay, from `scroll` on (clamped so the last page stays full).
pub fn scrolled(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, scroll: usize) {
    let height = usize::from(area.height);
    let top = scroll.min(lines.len().saturating_sub(height));
    let visible: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    frame.render_widget(Paragraph::new(visible), area);
}

/// A big popup of scrolling text (help, crisis lines, load problems), from line `scroll` on.
pub fn text_overlay(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<OverlayLine>,
    scroll: usize,
) {
    let inner = popup(frame, geometry::big_popup(area), title, &app.theme);
    scrolled(frame, inner, overlay_lines(lines, &app.theme), scroll);
}

/// An overlay's text lines with the theme's styles.
pub fn overlay_lines(lines: Vec<OverlayLine>, theme: &Theme) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .map(|line| match line {
            OverlayLine::Blank => Line::from(""),
            OverlayLine::Dim(text) => Line::styled(text, theme.dim),
            OverlayLine::Heading(text) => Line::styled(text, theme.heading),
            OverlayLine::Plain(text) => Line::from(text),
            OverlayLine::Key(keys, desc) => Line::from(vec![
                Span::styled(format!("  {}", fit(&keys, 22)), theme.key),
                Span::raw(desc),
            ]),
            OverlayLine::Guide(line) => styled_line(&line, theme),
        })
        .collect()
}

/// `label: value` for free text that may span lines (a note): later lines line up under the
/// first, and tabs become spaces.
pub fn note_field<'a>(label: &'a str, value: &str, theme: &Theme) -> Vec<Line<'a>> {
    let indent = " ".repeat(display_width(label) + 2);
    let mut lines = note_lines(value).into_iter();
    let first = field(label, lines.next().unwrap_or_default(), theme);
    std::iter::once(first)
        .chain(lines.map(|l| Line::from(format!("{indent}{l}"))))
        .collect()
}

/// `label: value` with the label dimmed, for detail panels.
pub fn field<'a>(label: &'a str, value: impl Into<String>, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.dim),
        Span::raw(value.into()),
    ])
}
