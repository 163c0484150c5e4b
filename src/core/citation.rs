//! Citation markers: `[^id]` right after a claim names a source by its id (`id = "dore-2019"` in
//! a guide's `sources`). Guides use these functions while parsing their Markdown; any other text
//! that cites the same ids (plain strings in TOML files) can use them directly.

/// One piece of text: words, or a `[^id]` marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// `offset` is the byte where the marker's `[` starts in the text.
    Cite {
        id: &'a str,
        offset: usize,
    },
}

/// Source ids are lowercase letters, digits and dashes (`spravato-label`, `dore-2019`).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Splits text into words and `[^id]` markers. A marker is `[^`, then at least one character that
/// is neither a space nor a bracket, then `]`; the id is returned as written, so a caller can
/// report a misspelt one. A `[` preceded by a backslash is not a marker.
pub fn split(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut plain_start = 0;
    let mut search_from = 0;
    while let Some(found) = text[search_from..].find("[^") {
        let start = search_from + found;
        search_from = start + 2;
        if is_escaped(text, start) {
            continue;
        }
        let Some(len) = marker_len(&text[start..]) else {
            continue;
        };
        if plain_start < start {
            pieces.push(Piece::Text(&text[plain_start..start]));
        }
        pieces.push(Piece::Cite {
            id: &text[start + 2..start + len - 1],
            offset: start,
        });
        plain_start = start + len;
        search_from = plain_start;
    }
    if plain_start < text.len() {
        pieces.push(Piece::Text(&text[plain_start..]));
    }
    pieces
}

/// The ids cited in `text`, with their offsets, in order.
pub fn markers(text: &str) -> Vec<(&str, usize)> {
    split(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Cite { id, offset } => Some((id, offset)),
            Piece::Text(_) => None,
        })
        .collect()
}

/// `text` without its markers (what search should see).
pub fn strip(text: &str) -> String {
    split(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t),
            Piece::Cite { .. } => None,
        })
        .collect()
}

/// Length of the marker at the start of `text` (which starts with `[^`), if it is one.
fn marker_len(text: &str) -> Option<usize> {
    let close = text[2..].find(|c: char| c == ']' || c == '[' || c.is_whitespace())?;
    (close > 0 && text[2 + close..].starts_with(']')).then_some(close + 3)
}

fn is_escaped(text: &str, at: usize) -> bool {
    text[..at].bytes().rev().take_while(|b| *b == b'\\').count() % 2 == 1
}

/// True when `text` ends with something that could become a marker once more text follows
/// (`[`, `[^`, `[^dore-20`): a parser that gets text in pieces holds that tail back.
pub fn ends_with_partial_marker(text: &str) -> Option<usize> {
    let start = text.rfind('[')?;
    let tail = &text[start..];
    let partial = tail == "["
        || (tail.starts_with("[^")
            && !tail[2..].contains(|c: char| c == ']' || c == '[' || c.is_whitespace()));
    (partial && !is_escaped(text, start)).then_some(start)
}

/// Numbers cited ids by first appearance: the first id cited is [1].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Numbering {
    order: Vec<String>,
}

impl Numbering {
    /// The 1-based number of `id`, giving it the next number the first time it is seen.
    pub fn number(&mut self, id: &str) -> usize {
        if let Some(index) = self.order.iter().position(|o| o == id) {
            index + 1
        } else {
            self.order.push(id.to_string());
            self.order.len()
        }
    }

    /// The ids in number order.
    pub fn order(&self) -> &[String] {
        &self.order
    }
}

/// A marker as shown to a reader: `[3]` (ASCII, so it survives `--ascii` and any terminal).
pub fn label(number: usize) -> String {
    format!("[{number}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_markers_from_words() {
        assert_eq!(
            split("Two hours.[^spravato-label][^rems] Then home."),
            [
                Piece::Text("Two hours."),
                Piece::Cite {
                    id: "spravato-label",
                    offset: 10
                },
                Piece::Cite {
                    id: "rems",
                    offset: 27
                },
                Piece::Text(" Then home."),
            ]
        );
        assert_eq!(strip("a[^x] b [^y]"), "a b ");
        assert_eq!(markers("[^Dore_2019] typo kept"), [("Dore_2019", 0)]);
    }

    #[test]
    fn near_misses_stay_text() {
        for text in [
            "[^]",
            "[^ a]",
            "[^a b]",
            "[^open",
            "\\[^escaped]",
            "[link](x)",
            "[x^y]",
        ] {
            assert_eq!(split(text), [Piece::Text(text)], "{text}");
        }
        assert_eq!(
            markers("\\\\[^a]"),
            [("a", 2)],
            "an escaped backslash does not escape the marker"
        );
    }

    #[test]
    fn partial_markers_are_held_back() {
        assert_eq!(ends_with_partial_marker("claim.["), Some(6));
        assert_eq!(ends_with_partial_marker("claim.[^dore-20"), Some(6));
        assert_eq!(ends_with_partial_marker("claim.[^a]"), None);
        assert_eq!(ends_with_partial_marker("a [b"), None);
        assert_eq!(ends_with_partial_marker("no bracket"), None);
    }

    #[test]
    fn ids_and_numbers() {
        assert!(is_valid_id("dore-2019") && !is_valid_id("Dore") && !is_valid_id(""));
        assert!(!is_valid_id("a_b"));
        let mut n = Numbering::default();
        assert_eq!([n.number("b"), n.number("a"), n.number("b")], [1, 2, 1]);
        assert_eq!(n.order(), ["b", "a"]);
        assert_eq!(label(12), "[12]");
    }
}
