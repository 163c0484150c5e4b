//! How many terminal columns text takes: the one measure used for layout, wrapping, padding and
//! truncation, in the CLI and the TUI alike.
//!
//! It follows the rules ratatui's buffer uses when it draws (unicode-width per extended grapheme
//! cluster; a cluster holding a control character, or of zero width, is not drawn; halfwidth
//! dakuten/handakuten add a column each), so what kapguide measures is what the screen fills.
//! Text is sanitized before it is measured, so the invisible characters terminals disagree about
//! (zero-width, line separators) never get here.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns taken by one grapheme cluster (a user-perceived character, e.g. `"é"` or `"🇺🇸"`).
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.contains(char::is_control) {
        return 0;
    }
    if grapheme.len() == 1 {
        return 1;
    }
    // Terminals draw these two as their own halfwidth column, though unicode-width says 0.
    let sound_marks = grapheme
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    grapheme.width() + sound_marks
}

/// Columns taken by `text` on one line.
pub fn display_width(text: &str) -> usize {
    // Printable ASCII is one column a byte; most text is, and tables measure every cell.
    if is_printable_ascii(text) {
        return text.len();
    }
    text.graphemes(true).map(grapheme_width).sum()
}

fn is_printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b' '..=b'~'))
}

/// The longest start of `text` that fits in `width` columns, never splitting a grapheme.
pub fn take_width(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        used += grapheme_width(grapheme);
        if used > width {
            return &text[..at];
        }
    }
    text
}

/// The mark `truncate` puts where text was cut (ASCII output uses "...").
pub const ELLIPSIS: &str = "…";

/// `text` cut to at most `width` columns, the cut marked with `mark` (a column too narrow for
/// the whole mark keeps what of it fits). One pass that stops at the width, so a long text
/// costs no more to cut than a short one.
pub fn truncate(text: &str, width: usize, mark: &str) -> String {
    let keep = width.saturating_sub(display_width(mark));
    let mut used = 0;
    // The end of the longest start of `text` that leaves room for the mark.
    let mut kept = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        used += grapheme_width(grapheme);
        if used > width {
            return format!("{}{}", &text[..kept], take_width(mark, width));
        }
        if used <= keep {
            kept = at + grapheme.len();
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_shortcut_measures_what_the_grapheme_rules_measure() {
        let slow = |text: &str| text.graphemes(true).map(grapheme_width).sum::<usize>();
        for text in [
            "",
            "Heron & Teacup",
            "a\tb",
            "a\r\nb",
            "\u{7f}x",
            "café",
            "日本",
            "~ !",
        ] {
            assert_eq!(display_width(text), slow(text), "{text:?}");
        }
    }

    #[test]
    fn wide_combined_and_flag_characters() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("日本"), 4);
        // e + combining acute is one column; a flag is one two-column cluster.
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("🇺🇸"), 2);
        // A heart with the emoji variation selector is drawn two columns wide.
        assert_eq!(display_width("\u{2764}\u{FE0F}"), 2);
    }

    /// The columns ratatui's buffer fills when it draws `text`.
    fn rendered(text: &str) -> usize {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let mut buffer = Buffer::empty(Rect::new(0, 0, 200, 1));
        let (x, _) = buffer.set_stringn(0, 0, text, 200, ratatui::style::Style::default());
        usize::from(x)
    }

    #[test]
    fn agrees_with_what_the_renderer_draws() {
        for text in [
            "plain",
            "ｶﾞｷﾞ halfwidth marks",
            "👍🏽 skin tone",
            "👨\u{200D}👩\u{200D}👧 family",
            "a\u{300}\u{301}\u{302} stacked marks",
            "\u{1100}\u{1161}\u{11A8} jamo",
            "🏳\u{FE0F}\u{200D}🌈",
            "x\u{200B}y",
        ] {
            assert_eq!(display_width(text), rendered(text), "{text:?}");
        }
    }

    #[test]
    fn take_width_keeps_clusters_whole() {
        assert_eq!(take_width("日本語", 3), "日");
        assert_eq!(take_width("e\u{301}x", 1), "e\u{301}");
        assert_eq!(take_width("ab", 5), "ab");
    }

    #[test]
    fn truncate_marks_the_cut_and_never_exceeds_the_width() {
        assert_eq!(truncate("abcdef", 6, ELLIPSIS), "abcdef");
        assert_eq!(truncate("abcdef", 5, ELLIPSIS), "abcd…");
        assert_eq!(truncate("abcdef", 5, "..."), "ab...");
        // A wide character that would straddle the cut is left out whole.
        assert_eq!(truncate("日本語", 4, ELLIPSIS), "日…");
        assert_eq!(
            truncate("e\u{301}e\u{301}e\u{301}", 2, ELLIPSIS),
            "e\u{301}…"
        );
        // Too narrow for the whole mark: what of it fits.
        assert_eq!(truncate("abcdef", 2, "..."), "..");
        assert_eq!(truncate("abcdef", 0, ELLIPSIS), "");
        assert_eq!(truncate("", 0, ELLIPSIS), "");
        for width in 0..12 {
            for text in [
                "plain words",
                "日本語のテキスト",
                "👨\u{200D}👩\u{200D}👧 family",
            ] {
                for mark in [ELLIPSIS, "..."] {
                    let cut = truncate(text, width, mark);
                    assert!(display_width(&cut) <= width, "{text:?} at {width}: {cut:?}");
                    assert!(cut == text || cut.ends_with(take_width(mark, width)));
                }
            }
        }
    }
}
