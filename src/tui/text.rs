//! What the scrolling overlays say (help, crisis lines, load problems), as unstyled lines. The
//! views style them; `App::update` only counts them to know how far they scroll. Nothing here
//! draws.

use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

use super::action::Action;
use super::app::{Mode, Walk};
use super::geometry;
use super::keymap;
use crate::core::checklist::Question;
use crate::core::crisis::CrisisLines;
use crate::core::export::wrap;
use crate::core::export::{cell, critical_mark, flag_mark};
use crate::core::layout::{TextLine, layout_guide, split_to_width};
use crate::core::options::OptionsGrid;
use crate::core::provider::AnswerValue;
use crate::core::sanitize::sanitize_line;
use crate::core::width::{ELLIPSIS, display_width, grapheme_width, take_width, truncate};
use crate::io::loader::Library;

/// The guide and section that say how the comparison score works: the score breakdown points
/// to it, and Enter there opens it.
pub const SCORING_GUIDE: (&str, &str) = ("about", "How the comparison score works");

/// The scoring section's guide and section indices, when that guide is loaded.
pub fn scoring_section(lib: &Library) -> Option<(usize, usize)> {
    let (id, title) = SCORING_GUIDE;
    let guide = lib.guides.iter().position(|g| g.id == id)?;
    let section = lib.guides[guide]
        .sections
        .iter()
        .position(|s| s.title == title)?;
    Some((guide, section))
}

/// `kapguide explain` for one provider, laid out to `width` columns (each wrapped line keeps
/// its line's indent), with the way to the guide's scoring section pinned on top.
pub fn explain(lib: &Library, breakdown: &str, width: usize) -> OverlayText {
    let width = width.max(20);
    let pointer = match scoring_section(lib) {
        Some((guide, section)) => format!(
            "Enter: how scores work, \"{}\" ({}) · Esc: back",
            lib.guides[guide].sections[section].title, lib.guides[guide].title
        ),
        None => "The guide on how scores work is not loaded · Esc: back".into(),
    };
    let pinned = wrap(&pointer, width)
        .into_iter()
        .map(OverlayLine::Dim)
        .collect();
    let mut lines = Vec::new();
    let mut raw = breakdown.lines().map(sanitize_line);
    if let Some(name) = raw.next() {
        lines.push(OverlayLine::Heading(name.into_owned()));
    }
    // The CLI fills some paragraphs to 80 columns: an unindented line that does not end a
    // sentence runs on into the next one, to be wrapped again at this width.
    let mut paragraphs: Vec<String> = Vec::new();
    let unindented = |l: &str| !l.is_empty() && !l.starts_with(' ');
    for line in raw.filter(|l| l.is_empty() || !l.chars().all(|c| c == '=')) {
        match paragraphs.last_mut() {
            Some(last)
                if unindented(last)
                    && !last.ends_with(['.', ':', '!', '?'])
                    && unindented(&line) =>
            {
                last.push(' ');
                last.push_str(&line);
            }
            _ => paragraphs.push(line.into_owned()),
        }
    }
    for line in paragraphs {
        if line.trim().is_empty() {
            lines.push(OverlayLine::Blank);
        } else {
            let indent = " ".repeat(line.len() - line.trim_start().len());
            let options = textwrap::Options::new(width).subsequent_indent(&indent);
            lines.extend(
                textwrap::wrap(&line, options)
                    .into_iter()
                    .map(|l| OverlayLine::Plain(l.into_owned())),
            );
        }
    }
    OverlayText { pinned, lines }
}

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
    /// A warning (a critical question).
    Bad(String),
    /// A key binding: the keys, then what they do.
    Key(String, &'static str),
    /// A line of a laid-out guide.
    Guide(TextLine),
    /// `label: value`, the label secondary.
    Field(String, String),
    /// `label: value` where the value is an answer, styled as that answer.
    Answer(String, String, AnswerValue),
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

/// Rows of key hints for `mode` (its own keys, not the view-wide ones), each row at most
/// `width` columns, a key never parted from what it does. Dialogs and the walk-through show
/// them in full; the footer has room for one row only.
pub fn key_items(mode: Mode, ascii: bool, width: usize) -> Vec<Vec<keymap::Hint>> {
    let mut rows: Vec<Vec<keymap::Hint>> = Vec::new();
    let mut used = 0;
    for hint in keymap::hints(mode, ascii, true) {
        let item = hint_width(&hint);
        match rows.last_mut() {
            Some(row) if used + KEY_GAP + item <= width => {
                used += KEY_GAP + item;
                row.push(hint);
            }
            _ => {
                used = item;
                rows.push(vec![hint]);
            }
        }
    }
    rows
}

/// Columns a hint takes: its key, a space, what it does.
pub fn hint_width(hint: &keymap::Hint) -> usize {
    display_width(&hint.key) + 1 + display_width(hint.desc)
}

/// Columns between two key hints on a row.
pub const KEY_GAP: usize = 3;

/// The walk-through inside its pane: what stays in view at any height (where the question
/// sits, the question, the answer, note and source), then "why it matters", which scrolls in
/// the rows left above the keys.
pub struct WalkPage {
    pub pinned: Vec<OverlayLine>,
    pub why: Vec<OverlayLine>,
    /// Rows the why lines get under their heading (0 when only the heading fits, or not it).
    pub why_rows: usize,
    /// Whether the "why it matters" heading fits.
    pub heading: bool,
    /// A blank row above the keys, when there is room to spare.
    pub gap: bool,
    /// A blank row above the heading, when the whole reason fits even so.
    pub spacer: bool,
    pub keys: Vec<Vec<keymap::Hint>>,
}

impl WalkPage {
    pub fn max_scroll(&self) -> usize {
        self.why.len().saturating_sub(self.why_rows)
    }
}

/// Rows a note gets in the walk-through (the note key opens all of it).
const NOTE_ROWS: usize = 2;

/// Cuts `text` to `width` columns, marking the cut.
fn cut(text: &str, width: usize, ascii: bool) -> String {
    truncate(text, width, if ascii { "..." } else { ELLIPSIS })
}

/// The walk-through's page at question `walk.index`, for a pane `width`×`height` inside its
/// border; `offered` says whether the provider offers the route a question is limited to.
pub fn walk_page(lib: &Library, walk: &Walk, ascii: bool, width: usize, height: usize) -> WalkPage {
    let checklist = &lib.checklist;
    let questions = &checklist.questions;
    let q = &questions[walk.index];
    let width = width.max(1);
    let category = &checklist.categories[q.category];
    let in_category: Vec<&Question> = checklist.questions_in(q.category).collect();
    let position = in_category.iter().position(|x| x.id == q.id).unwrap_or(0) + 1;
    let bar = progress(walk.index + 1, questions.len(), (width / 4).min(30), ascii);
    let mut pinned = vec![OverlayLine::Dim(cut(
        &format!(
            "{bar} · {} · {position} of {}",
            category.title,
            in_category.len()
        ),
        width,
        ascii,
    ))];
    pinned.extend(
        wrap(&q.question, width)
            .into_iter()
            .map(OverlayLine::Strong),
    );
    let answer = walk.draft.answers.get(&q.id);
    let value = answer.map_or(AnswerValue::Unknown, |a| a.value);
    let dated = answer
        .and_then(|a| a.date)
        .map_or(String::new(), |d| format!("  (dated {d})"));
    pinned.push(OverlayLine::Answer(
        "Answer".into(),
        format!("{}{dated}", cell(value, ascii)),
        value,
    ));
    let note = answer.and_then(|a| a.note.as_deref()).unwrap_or("");
    // The keys come from the keymap, so the labels follow it when a key moves.
    let key = |action| keymap::key_for(Mode::Walk, &action, ascii);
    let label = format!("Note ({})", key(Action::EditNote));
    let indent = " ".repeat(display_width(&label) + 2);
    let note_width = width.saturating_sub(indent.len());
    let mut note_rows: Vec<String> = note_lines(note)
        .iter()
        .flat_map(|line| wrap(line, note_width))
        .collect();
    if note_rows.len() > NOTE_ROWS {
        note_rows.truncate(NOTE_ROWS);
        let more = if ascii { "..." } else { "…" };
        let room = note_width.saturating_sub(display_width(more) + 1);
        let last = &mut note_rows[NOTE_ROWS - 1];
        *last = format!("{} {more}", take_width(last, room));
    }
    let mut rows = note_rows.into_iter();
    pinned.push(OverlayLine::Field(
        label,
        rows.next().unwrap_or_else(|| "—".into()),
    ));
    pinned.extend(rows.map(|r| OverlayLine::Plain(format!("{indent}{r}"))));
    let source = answer.and_then(|a| a.source.as_deref()).unwrap_or("—");
    let source_label = format!("Source ({})", key(Action::EditSource));
    let source_width = width.saturating_sub(display_width(&source_label) + 2);
    pinned.push(OverlayLine::Field(
        source_label,
        cut(source, source_width, ascii),
    ));

    let mut why: Vec<OverlayLine> = wrap(&q.why, width)
        .into_iter()
        .map(OverlayLine::Plain)
        .collect();
    if q.critical {
        why.push(OverlayLine::Blank);
        let critical = format!(
            "{} Critical: a \"no\" here is a safety flag ({}).",
            critical_mark(ascii),
            flag_mark(ascii)
        );
        why.extend(wrap(&critical, width).into_iter().map(OverlayLine::Bad));
    }
    if !q.applies_to.is_empty() {
        let routes: Vec<&str> = q.applies_to.iter().map(|r| r.as_str()).collect();
        let offered = if walk.score.questions[walk.index].route_not_offered {
            "not offered here, so it is left out of the score"
        } else {
            "this provider offers it"
        };
        let only = format!(
            "Only for providers offering {}: {offered}.",
            routes.join(", ")
        );
        why.extend(wrap(&only, width).into_iter().map(OverlayLine::Dim));
    }

    let keys = key_items(Mode::Walk, ascii, width);
    let free = height.saturating_sub(keys.len() + pinned.len());
    // The gap above the keys goes first when rows are short, then the heading.
    let gap = free >= 4;
    let free = free - usize::from(gap);
    let spacer = free > why.len() + 1;
    let free = free - usize::from(spacer);
    WalkPage {
        spacer,
        why_rows: free.saturating_sub(1),
        heading: free > 0,
        gap,
        pinned,
        why,
        keys,
    }
}

/// "[#####-----] 7/23" as text, so progress does not depend on colour.
pub fn progress(done: usize, total: usize, width: usize, ascii: bool) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0);
    let (full, empty) = if ascii { ("#", "-") } else { ("█", "░") };
    format!(
        "{}{} {done}/{total}",
        full.repeat(filled),
        empty.repeat(width - filled)
    )
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
        lines.extend(
            url_lines(&source.url, width)
                .into_iter()
                .map(OverlayLine::Dim),
        );
    }
    if let Some(date) = grid.reviewed {
        lines.push(OverlayLine::Blank);
        let reviewed = format!("Reviewed {date}. Educational, not medical advice.");
        lines.extend(wrapped(&reviewed).map(OverlayLine::Dim));
    }
    OverlayText::scrolling(lines)
}

/// An address whole, on lines of its own: indented when it fits, else from the left edge and,
/// wider than the box, on as many lines as it takes (a box cannot let it run past its edge), so
/// it is never broken at a word inside it and can be copied as it stands.
pub fn url_lines(url: &str, width: usize) -> Vec<String> {
    if display_width(url) + 2 <= width {
        vec![format!("  {url}")]
    } else {
        split_to_width(url, width.max(1))
    }
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
