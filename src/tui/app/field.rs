//! A one-line text field. The cursor counts characters, so editing never splits a UTF-8 sequence.

use super::super::action::Action;

/// Long enough for any note; a stuck key cannot grow a field without limit.
pub const MAX_CHARS: usize = 1000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
    /// In characters from the start.
    pub cursor: usize,
}

impl TextField {
    pub fn new(text: &str) -> Self {
        TextField {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() || self.len() >= MAX_CHARS {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Applies a typing or editing action; false when `action` is neither.
    pub fn edit(&mut self, action: &Action) -> bool {
        match action {
            Action::Type(c) => self.insert(*c),
            Action::Backspace => self.backspace(),
            Action::Delete => self.delete(),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::Top => self.home(),
            Action::Bottom => self.end(),
            _ => return false,
        }
        true
    }

    /// The text before the cursor (to place the terminal cursor after it).
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.byte_at(self.cursor)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_character_not_byte() {
        let mut f = TextField::new("café");
        f.left();
        f.insert('x');
        assert_eq!((f.text.as_str(), f.cursor), ("cafxé", 4));
        f.delete();
        f.backspace();
        assert_eq!((f.text.as_str(), f.cursor), ("caf", 3));
        assert_eq!(f.before_cursor(), "caf");
    }
}
