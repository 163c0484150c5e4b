//! The search overlay: the core's fuzzy index, queried once the keys typed so far are all in
//! (a query typed over before it ran is dropped, not queued); Enter jumps to the exact place,
//! and n / N step through the same results afterwards.

use super::super::action::{Action, View};
use super::{App, Overlay, TextField};
use crate::core::library::Library;
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
    /// The query changed since `hits` were found.
    stale: bool,
}

impl SearchView {
    pub fn invalidate(&mut self) {
        self.index = None;
        self.hits.clear();
        self.current = None;
    }
}

/// The index the app searches, with its vocabulary built as search opens rather than at the
/// first mistyped keystroke, which would then wait for it.
fn prepared_index(lib: &Library) -> SearchIndex {
    let index = SearchIndex::new(lib);
    index.prepare_corrections();
    index
}

impl App {
    pub(crate) fn open_search(&mut self) {
        let lib = &self.lib;
        self.search.index.get_or_insert_with(|| prepared_index(lib));
        self.search.field = TextField::default();
        self.search.hits.clear();
        self.search.stale = false;
        self.search.selected = 0;
        self.search.current = None;
        self.overlays.push(Overlay::Search);
    }

    pub(crate) fn search_action(&mut self, action: &Action) {
        let s = &mut self.search;
        let before = s.field.text.clone();
        if s.field.edit(action) {
            s.stale |= s.field.text != before;
            return;
        }
        // Anything but typing acts on the results of what is typed.
        self.run_search();
        let s = &mut self.search;
        match action {
            Action::Up => s.selected = s.selected.saturating_sub(1),
            Action::Down => s.selected = (s.selected + 1).min(s.hits.len().saturating_sub(1)),
            Action::Back => {
                self.overlays.pop();
                // No results, so no selection among them either.
                self.search.hits.clear();
                self.search.selected = 0;
            }
            Action::Open if !s.hits.is_empty() => {
                self.overlays.pop();
                self.jump_to_hit(self.search.selected);
            }
            _ => {}
        }
    }

    /// Searches for the query as it is now, if it changed since the last search.
    pub(crate) fn run_search(&mut self) {
        let s = &mut self.search;
        if !std::mem::take(&mut s.stale) {
            return;
        }
        s.hits = s
            .index
            .as_ref()
            .map(|index| index.search(&s.field.text, LIMIT))
            .unwrap_or_default();
        s.selected = 0;
    }

    /// The providers changed under an open search: a new index, and the query run again.
    pub(crate) fn reindex_search(&mut self) {
        self.search.invalidate();
        if self.overlays.contains(&Overlay::Search) {
            self.search.index = Some(prepared_index(&self.lib));
            self.search.stale = true;
        }
    }

    /// The search box's results, for the query as it stood at the last search.
    pub fn search_hits(&self) -> &[Hit] {
        &self.search.hits
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
