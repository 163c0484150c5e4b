//! A form: labelled rows, each a text field, one word of several, or several words switched on
//! or off. The new provider's details, a clinician and a cost are all forms: one model here,
//! one drawing (views), one set of keys (`Mode::Form`). Letters always type, so only keys that
//! type nothing move between rows and choose.

use super::super::action::Action;
use super::TextField;
use crate::core::sanitize::sanitize_line;

/// Names a row, so a form's owner reads its values by name rather than by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    // A new provider's details.
    Kind,
    Routes,
    City,
    Region,
    Country,
    SourceKind,
    Reference,
    // A clinician.
    Name,
    Role,
    LicenceType,
    LicenceNumber,
    LicensedIn,
    BoardUrl,
    CheckResult,
    CheckedOn,
    CheckNote,
    // A cost.
    Currency,
    Value,
    Note,
    Source,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Widget {
    /// One word of several: ← → (and Space) step through them, going round.
    Pick {
        words: Vec<&'static str>,
        at: usize,
    },
    /// Any of several words: ← → move between them, Space turns one on or off.
    Toggles {
        words: Vec<&'static str>,
        on: Vec<bool>,
        at: usize,
    },
    Text(TextField),
}

impl Widget {
    /// One of `words`, starting at `current` (the first if it is not one of them).
    pub fn pick(words: Vec<&'static str>, current: &str) -> Widget {
        let at = words.iter().position(|w| *w == current).unwrap_or(0);
        Widget::Pick { words, at }
    }

    pub fn text(text: &str) -> Widget {
        Widget::Text(TextField::new(text))
    }

    /// The same value, wherever a cursor is.
    fn same_value(&self, other: &Widget) -> bool {
        match (self, other) {
            (Widget::Pick { at: a, .. }, Widget::Pick { at: b, .. }) => a == b,
            (Widget::Toggles { on: a, .. }, Widget::Toggles { on: b, .. }) => a == b,
            (Widget::Text(a), Widget::Text(b)) => a.text == b.text,
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub field: Field,
    pub label: &'static str,
    pub widget: Widget,
}

pub fn row(field: Field, label: &'static str, widget: Widget) -> Row {
    Row {
        field,
        label,
        widget,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub rows: Vec<Row>,
    /// The selected row.
    pub row: usize,
    /// The values as the form opened, to tell whether anything was filled in.
    opened: Vec<Widget>,
}

impl Form {
    pub fn new(rows: Vec<Row>) -> Form {
        Form {
            opened: rows.iter().map(|r| r.widget.clone()).collect(),
            rows,
            row: 0,
        }
    }

    /// Puts the cursor on `field`'s row.
    pub fn select(&mut self, field: Field) {
        if let Some(i) = self.rows.iter().position(|r| r.field == field) {
            self.row = i;
        }
    }

    pub fn current(&self) -> Option<&Row> {
        self.rows.get(self.row)
    }

    fn widget(&self, field: Field) -> Option<&Widget> {
        self.rows
            .iter()
            .find(|r| r.field == field)
            .map(|r| &r.widget)
    }

    /// A text row's text, on one line and trimmed; `None` when empty (or no such row).
    pub fn text(&self, field: Field) -> Option<String> {
        match self.widget(field) {
            Some(Widget::Text(f)) => {
                let text = sanitize_line(&f.text).trim().to_string();
                (!text.is_empty()).then_some(text)
            }
            _ => None,
        }
    }

    /// The word chosen on a row of one word of several.
    pub fn word(&self, field: Field) -> Option<&'static str> {
        match self.widget(field) {
            Some(Widget::Pick { words, at }) => words.get(*at).copied(),
            _ => None,
        }
    }

    /// The words switched on, in their order.
    pub fn words_on(&self, field: Field) -> Vec<&'static str> {
        match self.widget(field) {
            Some(Widget::Toggles { words, on, .. }) => words
                .iter()
                .zip(on)
                .filter(|(_, on)| **on)
                .map(|(w, _)| *w)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether any value differs from the form as it opened (so leaving would drop it).
    pub fn is_filled(&self) -> bool {
        self.rows
            .iter()
            .zip(&self.opened)
            .any(|(r, opened)| !r.widget.same_value(opened))
    }

    /// Applies a key that moves, chooses or edits; a hint to say when a letter was pressed on
    /// a row of choices (where letters do nothing).
    pub fn edit(&mut self, action: &Action) -> Option<&'static str> {
        let rows = self.rows.len().max(1);
        match action {
            Action::Down => self.row = (self.row + 1) % rows,
            Action::Up => self.row = (self.row + rows - 1) % rows,
            _ => {
                let widget = &mut self.rows.get_mut(self.row)?.widget;
                return choose(widget, action);
            }
        }
        None
    }
}

fn choose(widget: &mut Widget, action: &Action) -> Option<&'static str> {
    let forward = *action != Action::Left;
    match (widget, action) {
        (Widget::Text(field), Action::Toggle) => field.insert(' '),
        (Widget::Text(field), action) => {
            field.edit(action);
        }
        (Widget::Pick { words, at }, Action::Left | Action::Right | Action::Toggle) => {
            let n = words.len().max(1);
            *at = if forward {
                (*at + 1) % n
            } else {
                (*at + n - 1) % n
            };
        }
        (Widget::Toggles { on, at, .. }, Action::Toggle) => {
            if let Some(on) = on.get_mut(*at) {
                *on = !*on;
            }
        }
        (Widget::Toggles { words, at, .. }, Action::Left | Action::Right) => {
            *at = if forward {
                (*at + 1).min(words.len().saturating_sub(1))
            } else {
                at.saturating_sub(1)
            };
        }
        (Widget::Pick { .. }, Action::Type(_)) => {
            return Some(
                "Choose with \u{2190} and \u{2192} (or Space); Tab goes to the next field",
            );
        }
        (Widget::Toggles { .. }, Action::Type(_)) => {
            return Some(
                "Move with \u{2190} and \u{2192}, Space turns one on or off; Tab goes to the next field",
            );
        }
        _ => {}
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(vec![
            row(Field::Kind, "Kind", Widget::pick(vec!["a", "b", "c"], "c")),
            row(
                Field::Routes,
                "Routes",
                Widget::Toggles {
                    words: vec!["x", "y"],
                    on: vec![false, false],
                    at: 0,
                },
            ),
            row(Field::City, "City", Widget::text("")),
        ])
    }

    #[test]
    fn choices_go_round_both_ways_and_toggles_switch_one_at_a_time() {
        let mut f = form();
        assert_eq!(f.word(Field::Kind), Some("c"));
        f.edit(&Action::Right);
        assert_eq!(f.word(Field::Kind), Some("a"));
        f.edit(&Action::Left);
        f.edit(&Action::Left);
        assert_eq!(f.word(Field::Kind), Some("b"));
        assert!(f.edit(&Action::Type('q')).is_some(), "letters only hint");
        f.edit(&Action::Down);
        f.edit(&Action::Right);
        f.edit(&Action::Toggle);
        assert_eq!(f.words_on(Field::Routes), vec!["y"]);
    }

    #[test]
    fn filled_means_a_value_changed_not_a_cursor_moved() {
        let mut f = form();
        f.edit(&Action::Up);
        assert_eq!(f.current().map(|r| r.field), Some(Field::City));
        f.edit(&Action::Left);
        assert!(!f.is_filled());
        f.edit(&Action::Type(' '));
        f.edit(&Action::Toggle);
        assert_eq!(f.text(Field::City), None, "blank text is no text");
        assert!(f.is_filled());
        f.edit(&Action::Type('P'));
        assert_eq!(f.text(Field::City).as_deref(), Some("P"));
    }
}
