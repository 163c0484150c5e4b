//! A one-line text field, edited by grapheme clusters (what a reader sees as one character:
//! "é" as e + accent, "👍🏽" as thumb + skin tone), so no key ever leaves half a character behind.
//! The cursor is a byte offset that always sits between two clusters.

use unicode_segmentation::UnicodeSegmentation;

use super::super::action::Action;

/// Long enough for any note; a stuck key cannot grow a field without limit.
pub const MAX_CHARS: usize = 1000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
    /// In bytes from the start, always on a cluster boundary.
    cursor: usize,
}

impl TextField {
    pub fn new(text: &str) -> Self {
        TextField {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    /// Where the cluster before the cursor starts.
    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(at, _)| at)
    }

    /// Where the cluster after the cursor ends.
    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// The first cluster boundary at or after `at` (an inserted character can join the
    /// cluster after it, as a regional indicator before a flag does).
    fn boundary_from(&self, at: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .map(|(start, _)| start)
            .find(|&start| start >= at)
            .unwrap_or(self.text.len())
    }

    /// The start of the word before the cursor: back over spaces, then over the word.
    fn word_start(&self) -> usize {
        let before: Vec<(usize, &str)> = self.text[..self.cursor].grapheme_indices(true).collect();
        let blank = |g: &str| g.chars().all(char::is_whitespace);
        let mut i = before.len();
        while i > 0 && blank(before[i - 1].1) {
            i -= 1;
        }
        while i > 0 && !blank(before[i - 1].1) {
            i -= 1;
        }
        before.get(i).map_or(self.cursor, |(at, _)| *at)
    }

    /// The end of the word after the cursor: over spaces, then over the word.
    fn word_end(&self) -> usize {
        let blank = |g: &str| g.chars().all(char::is_whitespace);
        let mut graphemes = self.text[self.cursor..].graphemes(true).peekable();
        let mut at = self.cursor;
        while let Some(g) = graphemes.next_if(|g| blank(g)) {
            at += g.len();
        }
        while let Some(g) = graphemes.next_if(|g| !blank(g)) {
            at += g.len();
        }
        at
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() || self.text.chars().count() >= MAX_CHARS {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor = self.boundary_from(self.cursor + c.len_utf8());
    }

    /// Removes the text between `from` and the cursor, or the cursor and `to`.
    fn remove(&mut self, from: usize, to: usize) {
        self.text.replace_range(from..to, "");
        self.cursor = from;
    }

    pub fn backspace(&mut self) {
        self.remove(self.prev_boundary(), self.cursor);
    }

    pub fn delete(&mut self) {
        self.remove(self.cursor, self.next_boundary());
    }

    /// Ctrl-W: the word before the cursor.
    pub fn delete_word(&mut self) {
        self.remove(self.word_start(), self.cursor);
    }

    /// Ctrl-U: everything before the cursor.
    pub fn delete_to_start(&mut self) {
        self.remove(0, self.cursor);
    }

    /// Applies a typing or editing action; false when `action` is neither.
    pub fn edit(&mut self, action: &Action) -> bool {
        match action {
            Action::Type(c) => self.insert(*c),
            Action::Backspace => self.backspace(),
            Action::Delete => self.delete(),
            Action::DeleteWord => self.delete_word(),
            Action::DeleteToStart => self.delete_to_start(),
            Action::Left => self.cursor = self.prev_boundary(),
            Action::Right => self.cursor = self.next_boundary(),
            Action::WordLeft => self.cursor = self.word_start(),
            Action::WordRight => self.cursor = self.word_end(),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = self.text.len(),
            _ => return false,
        }
        true
    }

    /// The text before the cursor (to place the terminal cursor after it).
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.cursor]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str, actions: &[Action]) -> TextField {
        let mut f = TextField::new(text);
        for action in actions {
            assert!(f.edit(action), "{action:?}");
        }
        f
    }

    #[test]
    fn backspace_and_arrows_move_over_whole_clusters() {
        let thumb = "👍🏽";
        let f = field(&format!("ok {thumb}"), &[Action::Backspace]);
        assert_eq!(f.text, "ok ");
        let accent = "e\u{301}";
        let f = field(&format!("caf{accent}"), &[Action::Left, Action::Type('x')]);
        assert_eq!(
            (f.text.as_str(), f.before_cursor()),
            ("cafxe\u{301}", "cafx")
        );
        let f = field(&format!("{thumb}{accent}"), &[Action::Top, Action::Delete]);
        assert_eq!(f.text, accent);
        // Typing the skin tone after the thumb makes one cluster; Backspace takes both.
        let f = field(
            "",
            &[Action::Type('👍'), Action::Type('🏽'), Action::Backspace],
        );
        assert_eq!(f.text, "");
    }

    #[test]
    fn ctrl_w_ctrl_u_and_word_moves() {
        let f = field("see the  clinic", &[Action::DeleteWord]);
        assert_eq!(f.text, "see the  ");
        let f = field("see the  clinic", &[Action::DeleteWord, Action::DeleteWord]);
        assert_eq!(f.text, "see ");
        let f = field("see the clinic", &[Action::WordLeft, Action::DeleteToStart]);
        assert_eq!((f.text.as_str(), f.before_cursor()), ("clinic", ""));
        let f = field(
            "see the clinic",
            &[
                Action::Top,
                Action::WordRight,
                Action::WordRight,
                Action::Type('!'),
            ],
        );
        assert_eq!(f.text, "see the! clinic");
        let f = field("a 👍🏽👍🏽 b", &[Action::Left, Action::Left, Action::WordLeft]);
        assert_eq!(f.before_cursor(), "a ");
    }
}
