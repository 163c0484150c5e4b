//! With `--mouse`: what a click and the wheel mean. Drawing records every clickable thing it draws (tabs,
//! the crisis and help labels, key hints, list rows, matrix cells, links, dialog keys) with
//! where it is; a click does what the topmost one under it stands for. So whatever is visible
//! can be clicked, and nothing hidden can.

use ratatui::layout::{Position, Rect};

use super::super::action::{Action, View};
use super::super::geometry;
use super::{App, ChecklistFocus, CompareFocus, GuidesFocus, Screen};

/// The lists a row can be clicked in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListId {
    Contents,
    Picker,
    Questions,
    Providers,
    Prepare,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// As if the key for this action were pressed: a key hint, a header label.
    Key(Action),
    /// A dialog's option, chosen by its letter.
    Letter(char),
    View(View),
    /// A row of a list: the first click selects it, a click on the selected row opens it.
    Row(ListId, usize),
    /// A Compare column (index into the columns shown) and question, if on one.
    Cell(usize, Option<usize>),
    /// A link to another guide in the reader (an index into the layout's links).
    Link(usize),
}

impl App {
    /// Drawing calls this for each clickable thing it draws, front-most last.
    pub fn target(&self, area: Rect, target: Target) {
        if area.width > 0 && area.height > 0 {
            self.targets.borrow_mut().push((area, target));
        }
    }

    /// Forgets what was drawn so far (an overlay hides it).
    pub fn clear_targets(&self) {
        self.targets.borrow_mut().clear();
    }

    /// What is under column `x`, row `y`, as last drawn.
    pub fn target_at(&self, x: u16, y: u16) -> Option<Target> {
        let targets = self.targets.borrow();
        let at = Position::new(x, y);
        targets
            .iter()
            .rev()
            .find(|(area, _)| area.contains(at))
            .map(|(_, target)| target.clone())
    }

    pub(crate) fn click(&mut self, x: u16, y: u16, effects: &mut Vec<super::Effect>) {
        let Some(target) = self.target_at(x, y) else {
            return;
        };
        self.status = None;
        match target {
            Target::Key(action) => self.key(action, effects),
            Target::Letter(c) => self.key(Action::Type(c), effects),
            Target::View(view) => self.view = view,
            Target::Row(list, row) => self.click_row(list, row, effects),
            Target::Cell(col, question) => {
                let c = &mut self.compare;
                let again = c.focus == CompareFocus::Matrix
                    && c.col == col
                    && question.is_none_or(|q| q == c.row);
                c.focus = CompareFocus::Matrix;
                c.select_column(col);
                if let Some(q) = question {
                    c.row = q;
                }
                self.keep_column_visible();
                if again && question.is_some() {
                    self.key(Action::Open, effects);
                }
            }
            Target::Link(link) => {
                self.guides.focus = GuidesFocus::Reader;
                self.guides.link = Some(link);
                let size = self.reader_size();
                if let Some(message) = self.guides.follow(&self.lib, size) {
                    self.say(message);
                }
            }
        }
    }

    /// The wheel moves through the pane under the pointer as its ↑/↓ keys would, focusing it
    /// first: Compare's provider list or grid, the Checklist's picker or questions, the
    /// guides' contents or reader. Anywhere else (a dialog, a walk-through) it goes to what
    /// has the focus.
    pub(crate) fn wheel(&mut self, x: u16, y: u16, down: bool, effects: &mut Vec<super::Effect>) {
        let at = Position::new(x, y);
        let over = |area: Option<Rect>| area.is_some_and(|a| a.contains(at));
        let body = self.body();
        if self.overlays.is_empty() {
            match self.view {
                View::Compare => {
                    let list = self.compare.focus == CompareFocus::List;
                    let (list_area, matrix_area) = geometry::compare(body, list);
                    if (over(list_area) && !list) || (over(matrix_area) && list) {
                        self.compare.toggle_focus();
                    }
                }
                View::Checklist if self.checklist.screen == Screen::Pick => {
                    let (picker, questions) = geometry::checklist(body);
                    if over(Some(picker)) {
                        self.checklist.focus = ChecklistFocus::Providers;
                    } else if over(Some(questions)) {
                        self.checklist.focus = ChecklistFocus::Questions;
                    }
                }
                View::Guides => {
                    let (contents, reader) = geometry::guides(body);
                    if over(Some(contents)) {
                        self.guides.focus = GuidesFocus::Toc;
                    } else if over(Some(reader)) {
                        self.guides.focus = GuidesFocus::Reader;
                    }
                }
                View::Checklist | View::Options => {}
            }
        }
        self.status = None;
        self.key(if down { Action::Down } else { Action::Up }, effects);
    }

    /// The first click on a row selects it (and focuses its pane); a click on the selected
    /// row does what Enter (or, in Compare's list, Space) does there.
    fn click_row(&mut self, list: ListId, row: usize, effects: &mut Vec<super::Effect>) {
        let again = match list {
            ListId::Contents => {
                let again = self.guides.focus == GuidesFocus::Toc && self.guides.selected == row;
                self.guides.focus = GuidesFocus::Toc;
                if !again {
                    let size = self.reader_size();
                    self.guides.select(&self.lib, row, size);
                }
                again
            }
            ListId::Picker | ListId::Questions => {
                let c = &mut self.checklist;
                let (focus, selected) = match list {
                    ListId::Picker => (ChecklistFocus::Providers, &mut c.picked),
                    _ => (ChecklistFocus::Questions, &mut c.question),
                };
                let again = c.focus == focus && *selected == row;
                *selected = row;
                c.focus = focus;
                again
            }
            ListId::Providers => {
                let c = &mut self.compare;
                let again = c.focus == CompareFocus::List && c.listed == row;
                c.focus = CompareFocus::List;
                c.select_row(row);
                self.keep_column_visible();
                if again {
                    self.key(Action::Toggle, effects);
                }
                return;
            }
            ListId::Prepare => {
                if let Screen::Prepare(prepare) = &mut self.checklist.screen {
                    prepare.selected = row;
                }
                return;
            }
        };
        if again {
            self.key(Action::Open, effects);
        }
    }
}
