//! The search overlay: the core's fuzzy index, queried on every keystroke; Enter jumps to the
//! exact place, and n / N step through the same results afterwards.

use super::super::action::{Action, View};
use super::{App, Overlay, TextField};
use crate::core::search::{Hit, SearchIndex, Target};

/// More results than anyone reads; keeps each keystroke cheap.
const LIMIT: usize = 100;

#[derive(Default)]
pub struct SearchView {
    /// Built on first use and again after a profile is saved.
    index: Option<SearchIndex>,
    pub field: TextField,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The result jumped to last (for n / N).
    pub current: Option<usize>,
}

impl SearchView {
    pub fn invalidate(&mut self) {
        self.index = None;
        self.hits.clear();
        self.current = None;
    }
}

impl App {
    pub(crate) fn open_search(&mut self) {
        let lib = &self.lib;
        self.search
            .index
            .get_or_insert_with(|| SearchIndex::new(lib));
        self.search.field = TextField::default();
        self.search.hits.clear();
        self.search.selected = 0;
        self.search.current = None;
        self.overlays.push(Overlay::Search);
    }

    pub(crate) fn search_action(&mut self, action: &Action) {
        let s = &mut self.search;
        let before = s.field.text.clone();
        match action {
            action if s.field.edit(action) => {}
            Action::Up => s.selected = s.selected.saturating_sub(1),
            Action::Down => s.selected = (s.selected + 1).min(s.hits.len().saturating_sub(1)),
            Action::Back => {
                self.overlays.pop();
                self.search.hits.clear();
            }
            Action::Open if !s.hits.is_empty() => {
                self.overlays.pop();
                self.jump_to_hit(self.search.selected);
            }
            _ => {}
        }
        let s = &mut self.search;
        if s.field.text != before {
            s.hits = s
                .index
                .as_ref()
                .map(|index| index.search(&s.field.text, LIMIT))
                .unwrap_or_default();
            s.selected = 0;
        }
    }

    /// n / N: the next or previous result of the last search.
    pub(crate) fn step_match(&mut self, forward: bool) {
        let len = self.search.hits.len();
        let Some(current) = self.search.current.filter(|_| len > 0) else {
            self.say("No search results to step through; press / to search");
            return;
        };
        let next = if forward {
            (current + 1) % len
        } else {
            (current + len - 1) % len
        };
        self.jump_to_hit(next);
        let title = self.search.hits[next].title.clone();
        self.say(format!("Result {} of {len}: {title}", next + 1));
    }

    fn jump_to_hit(&mut self, index: usize) {
        let Some(hit) = self.search.hits.get(index) else {
            return;
        };
        self.search.current = Some(index);
        match hit.target {
            Target::Guide { guide, section } => {
                self.view = View::Guides;
                let size = self.reader_size();
                self.guides.jump(&self.lib, guide, section, size);
            }
            Target::Question(question) => self.show_question(question),
            Target::Provider(provider) => self.show_provider(provider),
        }
    }
}
