//! Text from files is untrusted: before it can reach a terminal, every control character and
//! escape sequence is made visible instead of being interpreted.
//!
//! ESC becomes `␛` (so `ESC [31m` prints as the harmless text `␛[31m`), other C0 controls and DEL
//! become their Unicode "control picture", C1 controls (which some terminals treat as CSI/OSC)
//! become `<U+009B>`, and bidirectional overrides (which can make text read differently from how
//! it is stored) become `<U+202E>`. Invisible format characters and separators (zero-width space
//! and joiners, U+2028/U+2029, the byte-order mark, soft hyphen, tags) become `<U+200B>` too:
//! terminals disagree about how wide they are, so leaving them in corrupts the screen, and they
//! can hide differences between names. Newlines and tabs survive only in [`sanitize`].

use std::borrow::Cow;

/// Zero-width and other invisible format characters (Unicode category Cf, plus the line and
/// paragraph separators); the bidi overrides and isolates are among them.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{890}'..='\u{891}'
        | '\u{8E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

fn needs_escape(c: char, keep_newlines: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_newlines,
        _ => c.is_control() || is_invisible(c),
    }
}

fn escape_into(out: &mut String, c: char, keep_newlines: bool) {
    match c {
        '\n' | '\t' if !keep_newlines => out.push(' '),
        '\u{7f}' => out.push('\u{2421}'),
        c if (c as u32) < 0x20 => {
            out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
        }
        c => out.push_str(&format!("<U+{:04X}>", c as u32)),
    }
}

fn clean(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    // Every profile's notes pass through here at load: printable ASCII is checked a byte at a
    // time, and only other text is decoded and looked up character by character.
    let plain = |b: u8| matches!(b, b' '..=b'~') || (keep_newlines && matches!(b, b'\n' | b'\t'));
    if text.bytes().all(plain) || !text.chars().any(|c| needs_escape(c, keep_newlines)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c, keep_newlines) {
            escape_into(&mut out, c, keep_newlines);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `url` is a web address (`https://…` or `http://…`), the only kind of link a file may
/// hand on: `javascript:`, `file:` and the like are refused where links are read.
pub fn is_web_address(url: &str) -> bool {
    let url = url.trim();
    ["https://", "http://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
            && url.len() > scheme.len()
    })
}

/// Safe multi-line text: newlines and tabs kept, every other control made visible.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

/// Safe one-line text (names, titles, table cells): newlines and tabs become spaces.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_no_controls(s: &str) -> bool {
        !s.chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_invisible(c))
    }

    #[test]
    fn plain_text_is_borrowed_untouched() {
        assert!(matches!(sanitize("Kalispell, MT — ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible_text() {
        let hostile = "a\x1b[31mred\x1b]0;title\x07b\u{9b}2Jc\u{202e}d\x7f";
        let out = sanitize(hostile);
        assert!(has_no_controls(&out), "{out:?}");
        assert_eq!(out, "a␛[31mred␛]0;title␇b<U+009B>2Jc<U+202E>d␡");
    }

    #[test]
    fn invisible_characters_become_visible() {
        let hostile = "a\u{200B}b\u{200D}c\u{2028}d\u{2029}e\u{FEFF}f";
        let expected = "a<U+200B>b<U+200D>c<U+2028>d<U+2029>e<U+FEFF>f";
        assert_eq!(sanitize(hostile), expected);
        assert_eq!(sanitize_line(hostile), expected);
    }

    #[test]
    fn newlines_survive_only_in_multiline_text() {
        assert_eq!(sanitize("a\nb\tc\rd"), "a\nb\tc␍d");
        assert_eq!(sanitize_line("a\nb\tc"), "a b c");
    }
}
