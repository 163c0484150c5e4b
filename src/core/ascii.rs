//! `--ascii`: plain ASCII for terminals and readers that cannot show the app's symbols.

use std::borrow::Cow;

/// The replacement for each non-ASCII symbol kapguide itself prints. File text may hold other
/// non-ASCII letters (names, accents); those are kept, as they carry meaning.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '…' => "...",
        '·' | '•' => "-",
        '–' | '—' | '─' | '━' => "-",
        '│' | '┃' => "|",
        '╭' | '╮' | '╰' | '╯' | '┌' | '┐' | '└' | '┘' | '┼' | '├' | '┤' | '┬' | '┴' => {
            "+"
        }
        '═' => "=",
        '✓' => "Y",
        '✗' => "N",
        '⚑' => "!",
        '◆' | '★' => "*",
        '×' => "x",
        '▸' | '→' | '›' => ">",
        '◂' | '←' => "<",
        '↑' | '▲' => "^",
        '↓' | '▼' => "v",
        '↵' => "|",
        '␛' => "^[",
        '“' | '”' => "\"",
        '‘' | '’' => "'",
        '█' => "#",
        '░' => ".",
        _ => return None,
    })
}

/// `text` with every symbol kapguide prints replaced by ASCII.
pub fn fold(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| replacement(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match replacement(c) {
            Some(ascii) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_become_ascii_and_letters_stay() {
        assert_eq!(fold("✓ yes · 62–88 ⚑2 … café"), "Y yes - 62-88 !2 ... café");
        assert!(matches!(fold("plain"), Cow::Borrowed(_)));
    }
}
