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
        '⚑' => "X",
        '⚐' => "i",
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
        '▒' => "+",
        '▕' => "[",
        '▏' => "]",
        _ => return None,
    })
}

/// A Latin letter with a diacritic (or a ligature) as the plain letters it is read as — `é` as
/// `e`, `ñ` as `n`, `ß` as `ss` — for making ids out of names. Only ids: shown text keeps its
/// accents, which carry meaning. Lowercase letters only (ids are made from lowercased names).
pub fn plain_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Whether `c` is a combining accent (as in a name typed with a separate accent key, `e` then
/// U+0301): it belongs to the letter before it.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
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

/// A writer that folds what passes through it, for output written as it is made. A character
/// split between two writes is held back until its last byte comes.
pub struct FoldWriter<W: std::io::Write> {
    inner: W,
    partial: Vec<u8>,
}

impl<W: std::io::Write> FoldWriter<W> {
    pub fn new(inner: W) -> Self {
        FoldWriter {
            inner,
            partial: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for FoldWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.partial.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.partial) {
            Ok(text) => text.len(),
            // Bytes that can never be UTF-8 pass through as they are.
            Err(e) if e.error_len().is_some() => self.partial.len(),
            Err(e) => e.valid_up_to(),
        };
        let rest = self.partial.split_off(valid);
        match std::str::from_utf8(&self.partial) {
            Ok(text) => self.inner.write_all(fold(text).as_bytes())?,
            Err(_) => self.inner.write_all(&self.partial)?,
        }
        self.partial = rest;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.write_all(&std::mem::take(&mut self.partial))?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_become_ascii_and_letters_stay() {
        assert_eq!(fold("✓ yes · 62–88 ⚑2 … café"), "Y yes - 62-88 X2 ... café");
        assert!(matches!(fold("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn fold_writer_folds_symbols_split_across_writes() {
        use std::io::Write;
        let text = "a ✓ b … c".as_bytes();
        let mut out = FoldWriter::new(Vec::new());
        // Every split point, including the middle of the three-byte ✓.
        for chunk in text.chunks(1) {
            out.write_all(chunk).unwrap();
        }
        out.flush().unwrap();
        assert_eq!(String::from_utf8(out.inner).unwrap(), "a Y b ... c");
    }
}
