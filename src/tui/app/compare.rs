//! The Compare view: providers side by side. Scores are computed once per change of priorities
//! or profiles and kept; moving around the matrix never re-scores anything.

use std::collections::HashSet;

use super::super::action::{Action, Effect, ExportContents};
use super::super::geometry;
use super::super::text::{self, OverlayText};
use super::{App, Overlay, step};
use crate::core::costs::SessionKind;
use crate::core::export::{OwnedComparison, RenderOptions, explain};
use crate::core::filter::{Filtered, ProviderFilter};
use crate::core::id::ProviderId;
use crate::core::provider::Provider;
use crate::core::region::RegionChoice;
use crate::core::scoring::{AnswerMatrix, Priorities, Scorer, rank_cmp};
pub use crate::core::sort::SortBy;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareFocus {
    List,
    #[default]
    Matrix,
}

#[derive(Default)]
pub struct CompareView {
    pub focus: CompareFocus,
    pub sort: SortBy,
    /// The countries and regions that occur in the profiles (the region filter's choices).
    pub regions: Vec<RegionChoice>,
    pub filter: ProviderFilter,
    /// What each filter left the last time they were applied (for an empty result).
    pub filtered: Filtered<()>,
    /// Provider ids the user chose not to show.
    pub hidden: HashSet<ProviderId>,
    /// Provider indices in the scorer's order.
    pub rank: Vec<usize>,
    /// In the chosen order, within the region: the provider list.
    pub order: Vec<usize>,
    /// `order` less the hidden ones: the matrix columns.
    pub columns: Vec<usize>,
    /// Selected row of the provider list (index into `order`): the selected provider, the one
    /// every action on "the selected provider" uses (see [`CompareView::selected`]).
    pub listed: usize,
    /// Selected row: a question, or past the last question one of the foot's rows
    /// (`FOOT_ROWS`: score, bar, coverage, course cost, safety and data flags).
    pub row: usize,
    /// Selected column (index into `columns`) and the first column drawn. The column is the
    /// selected provider's whenever it is shown: moving in the list or in the matrix moves
    /// both, so there is one selected provider, not two cursors.
    pub col: usize,
    pub col_offset: usize,
    /// The score breakdown's scroll when Enter in it opened the scoring guide: Esc from the
    /// guide comes back to it. Cleared by a switch of view.
    pub explained: Option<usize>,
}

/// The matrix foot's selectable rows, after the questions: score, score bar, coverage, course
/// cost, safety flags, data flags. Enter on any of them explains the score.
pub const FOOT_ROWS: usize = 6;

impl CompareView {
    /// Tab: to the list, or back to the matrix, whose column becomes the selected provider
    /// (a hidden provider selected in the list has none).
    pub fn toggle_focus(&mut self) {
        self.focus = match self.focus {
            CompareFocus::List => CompareFocus::Matrix,
            CompareFocus::Matrix => CompareFocus::List,
        };
        if self.focus == CompareFocus::Matrix {
            self.select_column(self.col);
        }
    }

    /// The selected provider (an index into the library's providers): the list's row, which
    /// the matrix's column follows.
    pub fn selected(&self) -> Option<usize> {
        self.order.get(self.listed).copied()
    }

    /// Selects the list's row `listed`, and its column when the provider is shown (a hidden
    /// one has none: the matrix keeps its place until it is focused again).
    pub(crate) fn select_row(&mut self, listed: usize) {
        self.listed = listed;
        if let Some(col) = self.selected_column() {
            self.col = col;
        }
    }

    /// Selects the matrix column `col`, and that provider's row in the list.
    pub(crate) fn select_column(&mut self, col: usize) {
        self.col = col;
        let provider = self.columns.get(col);
        if let Some(listed) = self.order.iter().position(|i| Some(i) == provider) {
            self.listed = listed;
        }
    }

    /// The selected provider's column; `None` while it is hidden.
    pub fn selected_column(&self) -> Option<usize> {
        let selected = self.selected();
        self.columns.iter().position(|&i| Some(i) == selected)
    }

    /// "Nothing left: telehealth full leaves 0 …", or `None` when the filters left someone.
    pub fn empty_because(&self) -> Option<String> {
        (self.order.is_empty() && !self.filter.is_empty()).then(|| self.filtered.explain(false))
    }
}

impl App {
    /// After profiles change: resolves every provider's answers once (so that re-scoring
    /// touches no strings), collects the regions, then scores.
    pub(crate) fn profiles_changed(&mut self) {
        let providers = &self.lib.providers;
        self.answers = AnswerMatrix::new(providers, &self.lib.checklist);
        self.compare.regions = RegionChoice::collect(providers);
        let mut by_name: Vec<usize> = (0..providers.len()).collect();
        by_name
            .sort_by_cached_key(|&i| (providers[i].name.to_lowercase(), providers[i].id.clone()));
        self.checklist.by_name = by_name;
        self.rescore();
    }

    /// Scores every provider and ranks them. Called when priorities or profiles change, never
    /// on plain movement.
    pub(crate) fn rescore(&mut self) {
        let providers = &self.lib.providers;
        let scorer = Scorer::new(&self.lib.checklist, &self.priorities, self.today);
        self.scores = providers
            .iter()
            .enumerate()
            .map(|(i, p)| scorer.score_cells(p, self.answers.row(i)))
            .collect();
        let scores = &self.scores;
        let mut rank: Vec<usize> = (0..providers.len()).collect();
        rank.sort_by(|&a, &b| rank_cmp((&providers[a], &scores[a]), (&providers[b], &scores[b])));
        self.compare.rank = rank;
        self.reorder();
        self.rescore_walk();
    }

    /// Applies sort, region and hidden providers to the cached ranking. The selected provider
    /// stays selected wherever it moves to.
    pub(crate) fn reorder(&mut self) {
        let selected = self.compare.selected();
        let providers = &self.lib.providers;
        let filtered = self.compare.filter.apply(
            self.compare.rank.iter().copied(),
            |i| &providers[i],
            &self.config.course,
        );
        let mut order = filtered.kept;
        self.compare.filtered = Filtered {
            total: filtered.total,
            steps: filtered.steps,
            ..Filtered::default()
        };
        let scores = &self.scores;
        self.compare.sort.sort(
            &mut order,
            |&i| &providers[i],
            |&i| scores[i].total.coverage(),
            &self.config.course,
        );
        let hidden = &self.compare.hidden;
        self.compare.columns = order
            .iter()
            .copied()
            .filter(|&i| !hidden.contains(&providers[i].id))
            .collect();
        self.compare.order = order;
        let c = &mut self.compare;
        c.listed = (c.order.iter().position(|&i| Some(i) == selected))
            .unwrap_or_else(|| c.listed.min(c.order.len().saturating_sub(1)));
        c.col = c.col.min(c.columns.len().saturating_sub(1));
        // A provider just hidden stays selected (Space in the list shows it again); the
        // matrix highlights no column until one is chosen there.
        if let Some(col) = c.selected_column() {
            c.col = col;
        }
        self.keep_column_visible();
    }

    /// Adds or replaces a profile (a walk-through was saved) and re-scores.
    pub(crate) fn install(&mut self, provider: Provider) {
        self.compare.hidden.remove(&provider.id);
        let providers = &mut self.lib.providers;
        match providers.binary_search_by(|p| p.id.cmp(&provider.id)) {
            Ok(i) => providers[i] = provider,
            Err(i) => providers.insert(i, provider),
        }
        self.search.invalidate();
        self.profiles_changed();
    }

    pub(crate) fn matrix_geometry(&self) -> geometry::Matrix {
        let (_, matrix) = geometry::compare(self.body(), false);
        geometry::matrix(matrix.unwrap_or_default())
    }

    pub(crate) fn keep_column_visible(&mut self) {
        let fit = self.matrix_geometry().fit;
        let c = &mut self.compare;
        if c.col < c.col_offset {
            c.col_offset = c.col;
        } else if c.col >= c.col_offset + fit {
            c.col_offset = c.col + 1 - fit;
        }
        c.col_offset = c.col_offset.min(c.columns.len().saturating_sub(fit));
    }

    /// Search jumped to a provider: make sure it is shown, then select its column.
    pub(crate) fn show_provider(&mut self, index: usize) {
        let Some(provider) = self.lib.providers.get(index) else {
            return;
        };
        self.view = super::View::Compare;
        self.compare.focus = CompareFocus::Matrix;
        self.compare.hidden.remove(&provider.id);
        if !self.compare.filter.matches(provider, &self.config.course) {
            self.compare.filter = ProviderFilter::default();
            self.say("Filters cleared to show it");
        }
        self.reorder();
        if let Some(col) = self.compare.columns.iter().position(|&i| i == index) {
            self.compare.select_column(col);
            self.keep_column_visible();
        }
    }

    pub(crate) fn compare_action(&mut self, action: &Action) {
        let list = self.compare.focus == CompareFocus::List;
        match action {
            Action::Sort => {
                self.compare.sort = self.compare.sort.next();
                self.reorder();
                self.say(format!("Sorted by {}", self.compare.sort.label()));
            }
            Action::Filters => self.open_filters(),
            Action::Course => self.overlays.push(Overlay::Course {
                selected: 0,
                opened: self.config.course,
            }),
            Action::Priorities => self.overlays.push(Overlay::Priorities {
                selected: 0,
                opened: self.priorities.clone(),
            }),
            Action::Export if self.compare.columns.is_empty() => {
                self.say("No providers are shown; Tab to the list and press Space to show some");
            }
            Action::Export => self.overlays.push(Overlay::Export),
            Action::Toggle => self.toggle_provider(list),
            Action::Back if list => self.compare.focus = CompareFocus::Matrix,
            Action::Back => self.say("q quits; Tab moves to the provider list"),
            Action::Open if !list && self.compare.selected_column().is_some() => {
                let on_foot = self.compare.row >= self.lib.checklist.questions.len();
                self.overlays.push(if on_foot {
                    Overlay::Explain { scroll: 0 }
                } else {
                    Overlay::Cell
                });
            }
            Action::Left | Action::Right | Action::FirstColumn | Action::LastColumn if !list => {
                let c = &mut self.compare;
                let last = c.columns.len().saturating_sub(1);
                let col = match action {
                    Action::Left => c.col.saturating_sub(1),
                    Action::Right => (c.col + 1).min(last),
                    Action::FirstColumn => 0,
                    _ => last,
                };
                c.select_column(col);
                self.keep_column_visible();
            }
            action if list => {
                let rows = self.list_rows();
                let len = self.compare.order.len();
                if let Some(next) = step(action, self.compare.listed, len, rows) {
                    self.compare.select_row(next);
                    self.keep_column_visible();
                }
            }
            action => {
                let rows = self.matrix_geometry().rows;
                let questions = self.lib.checklist.questions.len();
                if let Some(next) = step(action, self.compare.row, questions + FOOT_ROWS, rows) {
                    // Onto the foot from the questions: say what Enter does there.
                    if next >= questions && self.compare.row < questions {
                        self.say("On the score rows: Enter shows how the score adds up");
                    }
                    self.compare.row = next;
                }
            }
        }
    }

    /// How the score of the provider in the matrix column adds up: the breakdown
    /// `kapguide explain` prints, laid out for the overlay.
    pub fn explain_text(&self, width: usize) -> OverlayText {
        let Some(&index) = self.compare.columns.get(self.compare.col) else {
            return OverlayText::default();
        };
        let breakdown = explain(
            &self.lib.providers[index],
            &self.scores[index],
            &self.lib.checklist,
            &self.priorities,
            &self.config.course,
            self.theme.ascii,
        );
        text::explain(&self.lib, &breakdown, width)
    }

    /// Enter in the score breakdown: the guide's section on how scores work, remembering the
    /// breakdown so that Esc in the guide comes back to it.
    pub(crate) fn open_scoring_guide(&mut self, scroll: usize) {
        let Some((guide, section)) = text::scoring_section(&self.lib) else {
            self.say("The guide on how scores work is not loaded");
            return;
        };
        self.overlays.pop();
        self.compare.explained = Some(scroll);
        self.view = super::View::Guides;
        let size = self.reader_size();
        self.guides.jump(&self.lib, guide, Some(section), size);
        self.say("Esc goes back to the score breakdown");
    }

    /// Esc in a guide opened from the score breakdown (with no link followed since): back to
    /// Compare as it was, the breakdown open where it was read to. False if not opened so.
    pub(crate) fn back_to_explain(&mut self) -> bool {
        if !self.guides.trail.is_empty() {
            return false;
        }
        let Some(scroll) = self.compare.explained.take() else {
            return false;
        };
        self.view = super::View::Compare;
        self.overlays.push(Overlay::Explain { scroll });
        true
    }

    /// Space: in the list, show or hide the selected provider; in the matrix, hide the column.
    fn toggle_provider(&mut self, list: bool) {
        let c = &self.compare;
        let index = if list {
            c.order.get(c.listed)
        } else {
            c.columns.get(c.col)
        };
        let Some(&index) = index else {
            return;
        };
        let provider = &self.lib.providers[index];
        let (id, name) = (provider.id.clone(), provider.name.clone());
        if self.compare.hidden.remove(&id) {
            self.say(format!("Showing {name}"));
        } else {
            self.compare.hidden.insert(id);
            self.say(format!(
                "Hid {name}; Tab to the provider list and press Space to show it again"
            ));
        }
        self.reorder();
    }

    /// The course shape box: ↑/↓ pick a kind of session, ←/→ change how many. Estimates, the
    /// cost sort and the cost filter follow at once; closing saves a changed shape.
    pub(crate) fn course_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let Some(Overlay::Course { selected, opened }) = self.overlays.last_mut() else {
            return;
        };
        let last = SessionKind::ALL.len() - 1;
        let kind = SessionKind::ALL[(*selected).min(last)];
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(last),
            Action::Less | Action::More => {
                let now = self.config.course.count(kind);
                let next = if *action == Action::Less {
                    now.saturating_sub(1)
                } else {
                    now + 1
                };
                self.config.course.set(kind, next);
                self.reorder();
            }
            Action::Back => {
                let changed = *opened != self.config.course;
                self.overlays.pop();
                if changed {
                    effects.push(Effect::SaveConfig(Box::new(self.config.clone())));
                }
            }
            _ => {}
        }
    }

    pub(crate) fn priorities_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let count = self.lib.checklist.categories.len();
        let Some(Overlay::Priorities { selected, opened }) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(count.saturating_sub(1)),
            Action::Less | Action::More => {
                let Some(category) = self.lib.checklist.categories.get(*selected) else {
                    return;
                };
                let now = self.priorities.get(&category.id);
                let next = if *action == Action::Less {
                    now.lowered()
                } else {
                    now.raised()
                };
                if next != now {
                    self.priorities.set(&category.id.clone(), next);
                    self.rescore();
                }
            }
            Action::Back => {
                let opened = opened.clone();
                self.overlays.pop();
                self.save_priorities(&opened, effects);
            }
            _ => {}
        }
    }

    /// Saves the categories changed in the priorities box since it opened, over the config
    /// file's own values: a `--priority` override for this run stays out of the file.
    fn save_priorities(&mut self, opened: &Priorities, effects: &mut Vec<Effect>) {
        let mut changed = false;
        for category in &self.lib.checklist.categories {
            let now = self.priorities.get(&category.id);
            if now != opened.get(&category.id) {
                self.config.priorities.set(&category.id, now);
                changed = true;
            }
        }
        if changed {
            effects.push(Effect::SaveConfig(Box::new(self.config.clone())));
        }
    }

    pub(crate) fn export_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        match action {
            Action::ExportPacket => {
                self.overlays.pop();
                // The selected provider: its packet, with the readiness answers.
                let Some(index) = self.compare.selected() else {
                    return;
                };
                let provider = &self.lib.providers[index];
                let packet = crate::core::export::Packet {
                    provider,
                    checklist: &self.lib.checklist,
                    priorities: &self.priorities,
                    options: &self.lib.options,
                    values: &self.config.values,
                    readiness: self.config.readiness,
                    today: self.today,
                    crisis: &self.lib.crisis,
                };
                effects.push(Effect::Export {
                    stem: format!("packet-{}-{}", provider.id, self.today),
                    extension: "html",
                    contents: ExportContents::Text(crate::core::export::packet_html(&packet)),
                });
            }
            Action::ExportAs(format) => {
                self.overlays.pop();
                // In the order on screen, with the scores already shown.
                let columns = self
                    .compare
                    .columns
                    .iter()
                    .map(|&i| (self.lib.providers[i].clone(), self.scores[i].clone()))
                    .collect();
                let options = RenderOptions {
                    ascii: self.theme.ascii,
                    width: 100,
                };
                effects.push(Effect::Export {
                    stem: format!("comparison-{}", self.today),
                    extension: format.extension(),
                    contents: ExportContents::Comparison(Box::new(OwnedComparison {
                        checklist: self.lib.checklist.clone(),
                        columns,
                        priorities: self.priorities.clone(),
                        today: self.today,
                        format: *format,
                        options,
                        course: self.config.course,
                    })),
                });
            }
            Action::Back => {
                self.overlays.pop();
            }
            _ => {}
        }
    }
}
