//! Drawing. Everything here reads `&App` and writes into the frame; nothing changes state.

pub mod checklist;
pub mod compare;
pub mod footer;
pub mod form;
pub mod guides;
pub mod loading;
pub mod options;
pub mod overlay;

use std::borrow::Cow;

use crate::core::width::display_width;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::action::View;
use super::app::Mode;
use super::app::{App, ListId, Target};
use super::geometry::{self, MIN_HEIGHT, MIN_WIDTH, list_offset};
use super::keymap;
use super::text::{self, OverlayLine, note_lines};
use super::theme::Theme;
use crate::core::ascii;
use crate::core::checklist::Checklist;
use crate::core::export::{data_mark, flag_mark, wrap};
use crate::core::layout::{LineKind, SpanStyle, TextLine};
use crate::core::scoring::FlagKind;
use crate::core::scoring::Score;

pub fn render(app: &App, frame: &mut Frame) {
    draw(app, frame);
    if app.theme.ascii {
        ascii_only(frame.buffer_mut());
    }
}

/// With `--ascii`, the last word on what reaches the screen: a symbol that was not folded where
/// its text was made (those are folded with their widths in mind) is folded here, one column
/// to one character. Letters are kept.
fn ascii_only(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().is_ascii() {
            continue;
        }
        if let Cow::Owned(folded) = ascii::fold(cell.symbol())
            && let Some(first) = folded.chars().next()
        {
            cell.set_char(first);
        }
    }
}

fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if geometry::too_small(area) {
        too_small(app, frame, area);
        return;
    }
    let screen = geometry::screen(area);
    app.clear_targets();
    match app.view {
        View::Checklist | View::Compare if app.is_loading() => {
            loading::render(app, frame, screen.body);
        }
        View::Guides => guides::render(app, frame, screen.body),
        View::Checklist => checklist::render(app, frame, screen.body),
        View::Compare => compare::render(app, frame, screen.body),
        View::Options => options::render(app, frame, screen.body),
    }
    // Under an overlay the view cannot be clicked.
    if !app.overlays.is_empty() {
        app.clear_targets();
    }
    footer::header(app, frame, screen.header);
    footer::status(app, frame, screen.status);
    footer::footer(app, frame, screen.footer);
    overlay::render(app, frame, area);
}

/// Says how big the terminal needs to be, and gives the crisis numbers below that when they
/// fit (a blank line between the two when that fits too; the message is cut short first).
fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = format!(
        "Terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
        area.width, area.height
    );
    let width = usize::from(area.width.max(1));
    let mut lines: Vec<Line> = textwrap::wrap(&text, width)
        .into_iter()
        .map(|l| Line::from(l.into_owned()))
        .collect();
    let crisis = text::crisis_short(&app.lib.crisis, width);
    let height = usize::from(area.height);
    if crisis.len() <= height {
        // The numbers matter more than the size message: it gives way when both do not fit.
        lines.truncate(height - crisis.len());
        if lines.len() + 1 + crisis.len() <= height {
            lines.push(Line::from(""));
        }
        lines.extend(crisis.into_iter().map(|l| Line::styled(l, app.theme.title)));
    }
    let shown = lines.len().min(height) as u16;
    let y = area.y + area.height.saturating_sub(shown) / 2;
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y,
            height: shown,
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
    let title = title.into();
    Block::bordered()
        .border_set(theme.border_set)
        .border_style(style)
        .title(Span::styled(
            format!(" {marker}{} ", theme.fold(&title)),
            style,
        ))
}

/// Draws `block` and returns the area inside it.
pub fn boxed(frame: &mut Frame, area: Rect, block: Block) -> Rect {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Rows of key hints drawn in `area`, each hint clickable.
pub fn draw_keys(app: &App, frame: &mut Frame, area: Rect, rows: Vec<Vec<keymap::Hint>>) {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        let mut spans = Vec::new();
        let mut x = area.x;
        for (i, hint) in row.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" ".repeat(text::KEY_GAP)));
                x = x.saturating_add(text::KEY_GAP as u16);
            }
            let width = (text::hint_width(&hint) as u16).min(area.right().saturating_sub(x));
            if (r as u16) < area.height {
                let at = Rect::new(x, area.y + r as u16, width, 1);
                app.target(at, Target::Key(hint.action.clone()));
            }
            x = x.saturating_add(width);
            spans.push(Span::styled(hint.key, theme.key));
            spans.push(Span::raw(format!(" {}", hint.desc)));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Text, wrapped, above the keys of `mode` (a dialog, the walk-through): the keys keep the
/// bottom rows, wrapped to the width, so no text can push any of them out of view.
pub fn with_keys(app: &App, frame: &mut Frame, inner: Rect, lines: Vec<Line>, mode: Mode) {
    let keys = text::key_items(mode, app.theme.ascii, usize::from(inner.width));
    let [text, _, keys_area] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(keys.len() as u16),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
    draw_keys(app, frame, keys_area, keys);
}

/// Draws rows `0..len` of a list, the selected one marked and (when focused) reversed, scrolled
/// so the selection stays in view. Only the visible rows are built.
pub fn list<'a>(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    (len, selected, focused): (usize, usize, bool),
    id: Option<ListId>,
    row: impl Fn(usize) -> Line<'a>,
) {
    let theme = &app.theme;
    let height = usize::from(area.height);
    let offset = list_offset(selected, len, height);
    if let Some(id) = id {
        for (y, i) in (offset..len.min(offset + height)).enumerate() {
            let at = Rect {
                y: area.y + y as u16,
                height: 1,
                ..area
            };
            app.target(at, Target::Row(id, i));
        }
    }
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

/// " ⚑2 ⚐1": how many safety and data flags a provider has, for every list that names
/// providers, so a flag is never out of sight; empty when there are none.
pub fn flag_count(score: &Score, theme: &Theme) -> Span<'static> {
    let count = |kind| score.flags_of(kind).count();
    let (safety, data) = (count(FlagKind::Safety), count(FlagKind::Data));
    let mut text = String::new();
    if safety > 0 {
        text.push_str(&format!(" {}{safety}", flag_mark(theme.ascii)));
    }
    if data > 0 {
        text.push_str(&format!(" {}{data}", data_mark(theme.ascii)));
    }
    Span::styled(text, if safety > 0 { theme.bad } else { theme.warn })
}

/// A provider's flags in words, safety first, each kind with its mark; "none" lines when there
/// are none, so the absence is said too. Each flag is wrapped to `width` under its own first
/// word, so a long one reads as one item.
pub fn flag_lines(
    score: &Score,
    checklist: &Checklist,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (kind, title, style) in [
        (FlagKind::Safety, "Safety flags", theme.bad),
        (FlagKind::Data, "Data flags", theme.warn),
    ] {
        if score.flags_of(kind).next().is_none() {
            lines.push(field(title, "none", theme));
            continue;
        }
        lines.push(Line::styled(format!("{title}:"), style));
        for flag in score.flags_of(kind) {
            let mark = match kind {
                FlagKind::Safety => flag_mark(theme.ascii),
                FlagKind::Data => data_mark(theme.ascii),
            };
            let indent = " ".repeat(3 + display_width(mark));
            let wrapped = wrap(
                &flag.describe(checklist),
                width.saturating_sub(indent.len()),
            );
            for (i, part) in wrapped.into_iter().enumerate() {
                let lead = if i == 0 {
                    format!("  {mark} ")
                } else {
                    indent.clone()
                };
                lines.push(Line::from(format!("{lead}{part}")));
            }
        }
    }
    lines
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
/// The spans of `selected_link` are drawn selected.
pub fn styled_line(line: &TextLine, theme: &Theme, selected_link: Option<usize>) -> Line<'static> {
    let base = match line.kind {
        LineKind::Title => theme.title,
        LineKind::Section => theme.heading,
        LineKind::Subheading => theme.subheading,
        LineKind::Body | LineKind::Blank => theme.text,
    };
    let spans: Vec<Span> = line
        .spans
        .iter()
        .map(|s| {
            let text = theme.fold(&s.text).into_owned();
            let style = base.patch(span_style(s.style, theme));
            match s.link {
                Some(link) if Some(link) == selected_link => {
                    Span::styled(text, style.patch(theme.selected))
                }
                _ => Span::styled(text, style),
            }
        })
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

/// An overlay's text lines with the theme's styles.
pub fn overlay_lines(lines: Vec<OverlayLine>, theme: &Theme) -> Vec<Line<'static>> {
    let fold = |text: String| theme.fold(&text).into_owned();
    lines
        .into_iter()
        .map(|line| match line {
            OverlayLine::Blank => Line::from(""),
            OverlayLine::Dim(text) => Line::styled(fold(text), theme.dim),
            OverlayLine::Heading(text) => Line::styled(fold(text), theme.heading),
            OverlayLine::Plain(text) => Line::from(fold(text)),
            OverlayLine::Strong(text) => Line::styled(fold(text), theme.title),
            OverlayLine::Key(keys, desc) => Line::from(vec![
                Span::styled(format!("  {}", theme.fit(&keys, 22)), theme.key),
                Span::raw(desc),
            ]),
            OverlayLine::Guide(line) => styled_line(&line, theme, None),
            OverlayLine::Bad(text) => Line::styled(fold(text), theme.bad),
            OverlayLine::Field(label, value) => Line::from(vec![
                Span::styled(format!("{label}: "), theme.dim),
                Span::raw(fold(value)),
            ]),
            OverlayLine::Answer(label, value, answer) => Line::from(vec![
                Span::styled(format!("{label}: "), theme.dim),
                Span::styled(fold(value), checklist::answer_style(answer, theme)),
            ]),
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
        .chain(lines.map(|l| Line::from(format!("{indent}{}", theme.fold(&l)))))
        .collect()
}

/// `label: value` with the label dimmed, for detail panels.
pub fn field<'a>(label: &'a str, value: impl Into<String>, theme: &Theme) -> Line<'a> {
    let value = value.into();
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.dim),
        Span::raw(theme.fold(&value).into_owned()),
    ])
}

/// "▕███▒▒░░▏ 58–88": a score range as a bar and in numbers; only the words when nothing is
/// weighted (no bar could mean anything then).
pub fn scored_bar(tally: &crate::core::scoring::Tally, width: usize, theme: &Theme) -> String {
    let range = tally.range_text();
    if tally.is_scored() {
        format!(
            "{} {range}",
            crate::core::export::score_bar(tally, width, theme.ascii)
        )
    } else {
        range
    }
}
