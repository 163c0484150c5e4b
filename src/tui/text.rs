//! What the scrolling overlays say (help, crisis lines, load problems), as unstyled lines. The
//! views style them; `App::update` only counts them to know how far they scroll. Nothing here
//! draws.

use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

use super::geometry;
use super::keymap::{self, Mode};
use crate::core::crisis::CrisisLines;
use crate::core::export::wrap;
use crate::core::layout::{TextLine, layout_guide};
use crate::core::options::OptionsGrid;
use crate::core::width::{display_width, grapheme_width};
use crate::io::loader::Library;

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
    /// What must not be missed (the crisis numbers).
    Strong(String),
    /// A key binding: the keys, then what they do.
    Key(String, &'static str),
    /// A line of a laid-out guide.
    Guide(TextLine),
}

/// A scrolling overlay's text: lines kept in view at the top (the crisis numbers), and the
/// lines that scroll below them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OverlayText {
    pub pinned: Vec<OverlayLine>,
    pub lines: Vec<OverlayLine>,
}

impl OverlayText {
    fn scrolling(lines: Vec<OverlayLine>) -> OverlayText {
        OverlayText {
            pinned: Vec::new(),
            lines,
        }
    }

    /// Rows the pinned lines take, with the rule under them.
    pub fn pinned_rows(&self) -> usize {
        match self.pinned.len() {
            0 => 0,
            n => n + 1,
        }
    }

    /// Rows the scrolling lines get in a big popup on a screen of `size`.
    pub fn rows(&self, size: Rect) -> usize {
        big_popup_height(size).saturating_sub(self.pinned_rows())
    }

    /// The furthest the lines scroll on a screen of `size`.
    pub fn max_scroll(&self, size: Rect) -> usize {
        self.lines.len().saturating_sub(self.rows(size))
    }
}

/// Items joined by " · " into lines of at most `width` columns, never parting an item across
/// two lines unless it is wider than a line by itself; then it is wrapped at spaces, but never
/// inside a number ("13 11 14" stays whole).
pub fn pack(items: &[&str], width: usize) -> Vec<String> {
    const SEP: &str = " · ";
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in items {
        let item_width = display_width(item);
        let joined = display_width(&line) + SEP.chars().count() + item_width;
        if !line.is_empty() && joined <= width {
            line.push_str(SEP);
            line.push_str(item);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if item_width <= width {
            line.push_str(item);
        } else {
            lines.extend(wrap_keeping_numbers(item, width));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps `text` at spaces, except a space between two digits ("116 123").
fn wrap_keeping_numbers(text: &str, width: usize) -> Vec<String> {
    const GLUE: char = '\u{a0}';
    let chars: Vec<char> = text.chars().collect();
    let glued: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between_digits = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c == ' ' && between_digits { GLUE } else { c }
        })
        .collect();
    let options = textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::wrap(&glued, options)
        .into_iter()
        .map(|l| l.replace(GLUE, " "))
        .collect()
}

/// The crisis numbers in as few lines of `width` columns as they fit, for the too-small screen.
pub fn crisis_short(crisis: &CrisisLines, width: usize) -> Vec<String> {
    let items = crisis.short_items();
    pack(&items.iter().map(String::as_str).collect::<Vec<_>>(), width)
}

/// Columns of text inside a big popup on a screen of `size` (one kept free at the right).
pub fn big_popup_width(size: Rect) -> usize {
    usize::from(geometry::inner(geometry::big_popup(size)).width).saturating_sub(1)
}

/// Rows of text inside a big popup on a screen of `size`.
pub fn big_popup_height(size: Rect) -> usize {
    usize::from(geometry::inner(geometry::big_popup(size)).height)
}

/// Every line of the help text; the keys of the place help was opened from come first.
pub fn help(current: Mode, ascii: bool) -> OverlayText {
    let mut lines = vec![
        OverlayLine::Dim("Educational, not medical advice. ! or F2: crisis lines.".into()),
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
    OverlayText::scrolling(lines)
}

/// The crisis lines laid out to `width` columns: the essential numbers pinned at the top, so
/// they show on the smallest screen without scrolling, then the whole crisis guide.
pub fn crisis(lib: &Library, width: usize) -> OverlayText {
    let pinned = [lib.crisis.talk_items(), lib.crisis.emergency_items()]
        .iter()
        .flat_map(|items| pack(&items.iter().map(String::as_str).collect::<Vec<_>>(), width))
        .map(OverlayLine::Strong)
        .collect();
    // Without the crisis guide (a `--guides` directory that lacks it) the whole list still shows.
    let lines = match lib.guide(CRISIS_GUIDE) {
        Some(guide) => layout_guide(guide, width)
            .lines
            .into_iter()
            .map(OverlayLine::Guide)
            .collect(),
        None => lib
            .crisis
            .plain_lines()
            .into_iter()
            .map(|l| match l.as_str() {
                "" => OverlayLine::Blank,
                _ => OverlayLine::Plain(l),
            })
            .collect(),
    };
    OverlayText { pinned, lines }
}

/// One options-grid cell in full: the text, then each source with its address, then the date
/// the grid was reviewed.
pub fn option_cell(grid: &OptionsGrid, row: usize, col: usize, width: usize) -> OverlayText {
    let (Some(r), Some(choice)) = (grid.rows.get(row), grid.choices.get(col)) else {
        return OverlayText::default();
    };
    let width = width.max(20);
    let cell = &r.cells[col];
    let wrapped = |text: &str| wrap(text, width).into_iter();
    let mut lines: Vec<OverlayLine> = wrapped(&choice.title).map(OverlayLine::Heading).collect();
    lines.extend(wrapped(&r.title).map(OverlayLine::Dim));
    lines.push(OverlayLine::Blank);
    lines.extend(wrapped(&cell.text).map(OverlayLine::Plain));
    lines.push(OverlayLine::Blank);
    lines.push(OverlayLine::Heading("Sources".into()));
    for source in grid.cell_sources(cell) {
        lines.extend(wrapped(&format!("• {}", source.title)).map(OverlayLine::Plain));
        lines.extend(wrapped(&format!("  {}", source.url)).map(OverlayLine::Dim));
    }
    if let Some(date) = grid.reviewed {
        lines.push(OverlayLine::Blank);
        lines.push(OverlayLine::Dim(format!(
            "Reviewed {date}. Educational, not medical advice."
        )));
    }
    OverlayText::scrolling(lines)
}

/// What went wrong while loading, wrapped to `width` columns: `report` is one paragraph per
/// item, and indented paragraphs keep their indent when wrapped.
pub fn problems(report: &[String], width: usize) -> OverlayText {
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
    OverlayText::scrolling(lines)
}

/// Splits free text (a note) into lines, with tabs expanded to the next multiple of four
/// columns: the terminal would drop both characters and run the words together.
pub fn note_lines(text: &str) -> Vec<String> {
    const TAB: usize = 4;
    text.lines()
        .map(|line| {
            let mut out = String::new();
            let mut column = 0;
            for g in line.graphemes(true) {
                if g == "\t" {
                    let spaces = TAB - column % TAB;
                    out.push_str(&" ".repeat(spaces));
                    column += spaces;
                } else {
                    out.push_str(g);
                    column += grapheme_width(g);
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

    fn bundled_crisis() -> CrisisLines {
        let text = include_str!("../../guides/crisis.toml");
        CrisisLines::parse(std::path::Path::new("crisis.toml"), text)
            .0
            .expect("the bundled crisis lines load")
    }

    #[test]
    fn packed_items_never_part_a_number_or_an_item() {
        let crisis = bundled_crisis();
        let talk = crisis.talk_items();
        let items: Vec<&str> = talk.iter().map(String::as_str).collect();
        for width in 1..=100 {
            let lines = pack(&items, width);
            let all = lines.join("\n");
            for number in ["988", "9-8-8", "116 123", "13 11 14"] {
                assert!(all.contains(number), "{number} split at {width}: {lines:?}");
            }
            // Past the longest word, every line fits.
            if width >= 12 {
                for line in &lines {
                    let fits = display_width(line) <= width;
                    assert!(fits, "{line:?} wider than {width}");
                }
            }
            for item in &items {
                let whole = all.contains(item);
                assert!(whole || display_width(item) > width, "{item} at {width}");
            }
        }
        assert_eq!(
            crisis_short(&crisis, 200),
            [
                "In crisis: 988 (US) · 9-8-8 (Canada) · 116 123 (UK & Republic of Ireland) · 13 11 14 (Australia) · or your emergency number"
            ]
        );
    }

    #[test]
    fn wrapped_problems_keep_their_indent() {
        let report = ["  hint: ".to_string() + &"word ".repeat(10)];
        let lines = problems(&report, 20).lines;
        assert!(lines.len() > 1);
        for line in lines {
            let OverlayLine::Plain(text) = line else {
                panic!("{line:?}")
            };
            assert!(text.starts_with("  "), "{text:?}");
        }
    }
}
