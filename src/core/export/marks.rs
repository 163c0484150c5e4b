//! Answer symbols, marks and names: the vocabulary every view (TUI included) draws with.

use super::*;

pub fn symbol(value: AnswerValue, ascii: bool) -> &'static str {
    match (value, ascii) {
        (AnswerValue::Yes, false) => "✓",
        (AnswerValue::Partial, false) => "~",
        (AnswerValue::No, false) => "✗",
        (AnswerValue::Unknown, _) => "?",
        (AnswerValue::Na, false) => "–",
        (AnswerValue::Yes, true) => "Y",
        (AnswerValue::Partial, true) => "P",
        (AnswerValue::No, true) => "N",
        (AnswerValue::Na, true) => "-",
    }
}

/// Marks a critical question (a "no" to it is a red flag).
pub fn critical_mark(ascii: bool) -> &'static str {
    if ascii { "*" } else { "◆" }
}

/// Marks a safety flag. Never `!` under `--ascii`: `!` is the crisis key everywhere.
pub fn flag_mark(ascii: bool) -> &'static str {
    if ascii { "X" } else { "⚑" }
}

/// Marks a data flag: something about the record to check.
pub fn data_mark(ascii: bool) -> &'static str {
    if ascii { "i" } else { "⚐" }
}

/// The mark of a flag of `kind`.
pub fn kind_mark(kind: FlagKind, ascii: bool) -> &'static str {
    match kind {
        FlagKind::Safety => flag_mark(ascii),
        FlagKind::Data => data_mark(ascii),
    }
}

pub fn answer_label(value: AnswerValue) -> &'static str {
    match value {
        AnswerValue::Na => "n/a",
        other => other.as_str(),
    }
}

/// "✓ yes": a symbol and a word, so meaning never rests on a glyph or a colour alone.
pub fn cell(value: AnswerValue, ascii: bool) -> String {
    format!("{} {}", symbol(value, ascii), answer_label(value))
}

pub fn legend(ascii: bool) -> String {
    let all = [
        AnswerValue::Yes,
        AnswerValue::Partial,
        AnswerValue::No,
        AnswerValue::Unknown,
        AnswerValue::Na,
    ];
    all.iter()
        .map(|v| cell(*v, ascii))
        .collect::<Vec<_>>()
        .join("  ")
}

pub fn display_name(provider: &Provider) -> String {
    if provider.sample {
        format!("{} [SAMPLE]", provider.name)
    } else {
        provider.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{checklist, provider};
    use super::*;
    use crate::core::ascii::fold;

    const ALL: [AnswerValue; 5] = [
        AnswerValue::Yes,
        AnswerValue::Partial,
        AnswerValue::No,
        AnswerValue::Unknown,
        AnswerValue::Na,
    ];

    /// Each answer has its own symbol in both modes, so no two read alike; the ASCII ones are
    /// one ASCII character.
    #[test]
    fn every_answer_has_a_distinct_symbol() {
        for ascii in [false, true] {
            let mut symbols: Vec<&str> = ALL.iter().map(|v| symbol(*v, ascii)).collect();
            symbols.sort_unstable();
            symbols.dedup();
            assert_eq!(symbols.len(), ALL.len(), "ascii: {ascii}");
        }
        for value in ALL {
            let s = symbol(value, true);
            assert!(s.is_ascii() && s.chars().count() == 1, "{s:?}");
        }
    }

    /// A cell is the symbol and a word, so the meaning never rests on a glyph alone; "na" reads
    /// "n/a" everywhere.
    #[test]
    fn cells_and_the_legend_say_each_answer_in_words() {
        assert_eq!(cell(AnswerValue::Yes, false), "✓ yes");
        assert_eq!(cell(AnswerValue::Na, true), "- n/a");
        assert_eq!(answer_label(AnswerValue::Na), "n/a");
        assert_eq!(answer_label(AnswerValue::Unknown), "unknown");
        assert_eq!(legend(true), "Y yes  P partial  N no  ? unknown  - n/a");
        assert_eq!(legend(false), "✓ yes  ~ partial  ✗ no  ? unknown  – n/a");
    }

    #[test]
    fn a_sample_is_named_as_one() {
        let checklist = checklist();
        let mut p = provider(&checklist, "demo", "Demo Clinic", "");
        assert_eq!(display_name(&p), "Demo Clinic");
        p.sample = true;
        assert_eq!(display_name(&p), "Demo Clinic [SAMPLE]");
    }

    /// `!` is the crisis key in every view, so no mark on screen may read as one, in plain
    /// ASCII either (a reader would take a red flag for the crisis key or the other way round).
    #[test]
    fn no_mark_reads_as_the_crisis_key() {
        for ascii in [false, true] {
            for mark in [
                flag_mark(ascii),
                data_mark(ascii),
                critical_mark(ascii),
                kind_mark(FlagKind::Safety, ascii),
                kind_mark(FlagKind::Data, ascii),
            ] {
                assert!(!fold(mark).contains('!'), "{mark:?} (ascii: {ascii})");
            }
        }
    }
}
