//! What the scrolling overlays say (help, crisis lines, load problems), as unstyled lines. The
//! views style them; `App::update` only counts them to know how far they scroll. Nothing here
//! draws.

use ratatui::layout::Rect;

use super::geometry;
use super::keymap::{self, Mode};
use crate::core::layout::{TextLine, layout_guide};
use crate::core::loader::Library;

/// The bundled guide the crisis overlay shows.
pub const CRISIS_GUIDE: &str = "crisis-and-support";

/// One line of an overlay's text, before styling.
#[derive(Clone, Debug, PartialEq)]
pub enum OverlayLine {
    Blank,
    /// Secondary text.
    Dim(String),
    Heading(String),
    Plain(String),
    /// A key binding: the keys, then what they do.
    Key(String, &'static str),
    /// A line of a laid-out guide.
    Guide(TextLine),
}

/// Used when the crisis guide is not loaded (a `--guides` directory without it): the numbers
/// must always be there.
const CRISIS_FALLBACK: [&str; 9] = [
    "In danger right now? Call your emergency number:",
    "  911 (US and Canada) · 999 or 112 (UK) · 000 (Australia) · 112 (European Union)",
    "",
    "Need to talk to someone now?",
    "  US: call or text 988 (988 Suicide & Crisis Lifeline)",
    "  Canada: call or text 9-8-8",
    "  UK & Ireland: Samaritans 116 123",
    "  Australia: Lifeline 13 11 14",
    "",
];

/// Columns of text inside a big popup on a screen of `size` (one kept free at the right).
pub fn big_popup_width(size: Rect) -> usize {
    usize::from(geometry::inner(geometry::big_popup(size)).width).saturating_sub(1)
}

/// Rows of text inside a big popup on a screen of `size`.
pub fn big_popup_height(size: Rect) -> usize {
    usize::from(geometry::inner(geometry::big_popup(size)).height)
}

/// Every line of the help text; the keys of the place help was opened from come first.
pub fn help(current: Mode, ascii: bool) -> Vec<OverlayLine> {
    let mut lines = vec![
        OverlayLine::Dim("Educational, not medical advice. ! shows crisis lines.".into()),
        OverlayLine::Blank,
    ];
    for (title, rows) in keymap::help_sections(current, ascii) {
        if rows.is_empty() {
            continue;
        }
        lines.push(OverlayLine::Heading(title));
        lines.extend(
            rows.into_iter()
                .map(|(keys, desc)| OverlayLine::Key(keys, desc)),
        );
        lines.push(OverlayLine::Blank);
    }
    lines
}

/// The crisis lines, laid out to `width` columns.
pub fn crisis(lib: &Library, width: usize) -> Vec<OverlayLine> {
    match lib.guide(CRISIS_GUIDE) {
        Some(guide) => layout_guide(guide, width)
            .lines
            .into_iter()
            .map(OverlayLine::Guide)
            .collect(),
        None => CRISIS_FALLBACK
            .iter()
            .map(|l| match *l {
                "" => OverlayLine::Blank,
                l => OverlayLine::Plain(l.to_string()),
            })
            .collect(),
    }
}

/// What went wrong while loading, wrapped to `width` columns: `report` is one paragraph per
/// item, and indented paragraphs keep their indent when wrapped.
pub fn problems(report: &[String], width: usize) -> Vec<OverlayLine> {
    let width = width.max(20);
    let mut lines = Vec::new();
    for paragraph in report {
        if paragraph.is_empty() {
            lines.push(OverlayLine::Blank);
            continue;
        }
        let indent: String = paragraph.chars().take_while(|c| *c == ' ').collect();
        let options = textwrap::Options::new(width).subsequent_indent(&indent);
        lines.extend(
            textwrap::wrap(paragraph, options)
                .into_iter()
                .map(|l| OverlayLine::Plain(l.into_owned())),
        );
    }
    lines
}

/// Splits free text (a note) into lines, with tabs expanded to the next multiple of four
/// columns: the terminal would drop both characters and run the words together.
pub fn note_lines(text: &str) -> Vec<String> {
    const TAB: usize = 4;
    text.lines()
        .map(|line| {
            let mut out = String::new();
            let mut column = 0;
            for c in line.chars() {
                if c == '\t' {
                    let spaces = TAB - column % TAB;
                    out.push_str(&" ".repeat(spaces));
                    column += spaces;
                } else {
                    out.push(c);
                    column += textwrap::core::display_width(c.encode_utf8(&mut [0; 4]));
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_their_lines_and_tabs_become_spaces() {
        assert_eq!(
            note_lines("col1\tcol2\nsecond\r\n\tx"),
            ["col1    col2", "second", "    x"]
        );
        assert_eq!(note_lines("ab\tc"), ["ab  c"]);
    }

    #[test]
    fn wrapped_problems_keep_their_indent() {
        let report = ["  hint: ".to_string() + &"word ".repeat(10)];
        let lines = problems(&report, 20);
        assert!(lines.len() > 1);
        for line in lines {
            let OverlayLine::Plain(text) = line else {
                panic!("{line:?}")
            };
            assert!(text.starts_with("  "), "{text:?}");
        }
    }
}
