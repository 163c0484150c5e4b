//! The text field edits by grapheme clusters: whatever keys are pressed, its text stays made of
//! whole clusters as they were typed (no accent or skin tone left on its own) and the cursor
//! stays between two clusters. Checked against a model that edits a list of clusters.

use kapguide::tui::action::Action;
use kapguide::tui::app::TextField;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// What a user may type: plain, precomposed, combining accent, skin tone, wide, a space.
/// (A zero-width-joiner sequence typed in front of an emoji joins that emoji, as terminals
/// draw it too, so it is left out of the model.)
const CLUSTERS: &[&str] = &["a", "Z", " ", "ñ", "e\u{301}", "👍🏽", "日", "ok"];

#[derive(Clone, Debug)]
enum Edit {
    Type(&'static str),
    Do(Action),
}

fn edit() -> impl Strategy<Value = Edit> {
    let actions = [
        Action::Backspace,
        Action::Delete,
        Action::Left,
        Action::Right,
        Action::Top,
        Action::Bottom,
        Action::WordLeft,
        Action::WordRight,
        Action::DeleteWord,
        Action::DeleteToStart,
    ];
    prop_oneof![
        3 => prop::sample::select(CLUSTERS).prop_map(Edit::Type),
        2 => prop::sample::select(actions.to_vec()).prop_map(Edit::Do),
    ]
}

/// The same edits on a list of clusters and a cursor index.
struct Model {
    clusters: Vec<String>,
    cursor: usize,
}

impl Model {
    fn blank(&self, i: usize) -> bool {
        self.clusters[i] == " "
    }

    fn word_start(&self) -> usize {
        let mut i = self.cursor;
        while i > 0 && self.blank(i - 1) {
            i -= 1;
        }
        while i > 0 && !self.blank(i - 1) {
            i -= 1;
        }
        i
    }

    fn word_end(&self) -> usize {
        let mut i = self.cursor;
        while i < self.clusters.len() && self.blank(i) {
            i += 1;
        }
        while i < self.clusters.len() && !self.blank(i) {
            i += 1;
        }
        i
    }

    fn apply(&mut self, edit: &Edit) {
        match edit {
            // "ok" is two clusters typed in one go.
            Edit::Type(text) => {
                for g in text.graphemes(true) {
                    self.clusters.insert(self.cursor, g.to_string());
                    self.cursor += 1;
                }
            }
            Edit::Do(action) => {
                let (from, to) = match action {
                    Action::Backspace => (self.cursor.saturating_sub(1), self.cursor),
                    Action::Delete => (self.cursor, (self.cursor + 1).min(self.clusters.len())),
                    Action::DeleteWord => (self.word_start(), self.cursor),
                    Action::DeleteToStart => (0, self.cursor),
                    _ => {
                        self.cursor = match action {
                            Action::Left => self.cursor.saturating_sub(1),
                            Action::Right => (self.cursor + 1).min(self.clusters.len()),
                            Action::Top => 0,
                            Action::Bottom => self.clusters.len(),
                            Action::WordLeft => self.word_start(),
                            _ => self.word_end(),
                        };
                        return;
                    }
                };
                self.clusters.drain(from..to);
                self.cursor = from;
            }
        }
    }
}

proptest! {
    #[test]
    fn edits_keep_whole_clusters(edits in prop::collection::vec(edit(), 1..60)) {
        let mut field = TextField::default();
        let mut model = Model { clusters: Vec::new(), cursor: 0 };
        for edit in &edits {
            match edit {
                Edit::Type(text) => {
                    for c in text.chars() {
                        prop_assert!(field.edit(&Action::Type(c)));
                    }
                }
                Edit::Do(action) => prop_assert!(field.edit(action)),
            }
            model.apply(edit);
            prop_assert_eq!(&field.text, &model.clusters.concat());
            prop_assert_eq!(field.before_cursor(), model.clusters[..model.cursor].concat());
            for g in field.text.graphemes(true) {
                prop_assert!(CLUSTERS.iter().any(|c| c.graphemes(true).any(|x| x == g)), "{:?}", g);
            }
        }
    }
}
