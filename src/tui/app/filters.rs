//! The Compare filter panel: the same criteria as the CLI's filters (core's [`ProviderFilter`]),
//! one row each. Typing on a row narrows its choices (the places, routes, kinds… the profiles
//! hold) and picks the first that matches; ←/→ step through the matches, Delete clears the row,
//! Ctrl-X clears every row. The comparison follows at once.

use super::super::action::Action;
use super::{App, Overlay, TextField};
use crate::core::filter::{
    Criterion, MaxCost, ProviderFilter, RegionChoice, RegionFilter, course_currencies,
};

/// Amounts ←/→ step through for the maximum course cost (any other is typed).
const COST_STEPS: [u64; 7] = [1_000, 2_000, 3_000, 4_000, 5_000, 7_500, 10_000];

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilterPanel {
    /// Index into [`Criterion::ALL`].
    pub row: usize,
    /// What has been typed on this row.
    pub query: TextField,
    /// The match in use, when one is (index into [`App::filter_choices`]).
    pub pick: Option<usize>,
}

impl FilterPanel {
    pub fn criterion(&self) -> Criterion {
        Criterion::ALL[self.row.min(Criterion::ALL.len() - 1)]
    }
}

/// One value a criterion can take: its label, and how it sets the filter.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterChoice {
    pub label: String,
    value: ChoiceValue,
}

#[derive(Clone, Debug, PartialEq)]
enum ChoiceValue {
    Place(RegionChoice),
    Word(String),
    Amount(MaxCost),
}

fn word(label: String) -> FilterChoice {
    FilterChoice {
        value: ChoiceValue::Word(label.clone()),
        label,
    }
}

impl App {
    pub(crate) fn open_filters(&mut self) {
        self.overlays.push(Overlay::Filters(FilterPanel::default()));
    }

    /// The choices a criterion offers, narrowed to those containing `query` (case aside). A
    /// language or an amount nobody offers can still be typed: it is then the one choice.
    pub fn filter_choices(&self, criterion: Criterion, query: &str) -> Vec<FilterChoice> {
        let all: Vec<FilterChoice> = match criterion {
            Criterion::Region => self
                .compare
                .regions
                .iter()
                .map(|r| FilterChoice {
                    label: r.label(),
                    value: ChoiceValue::Place(r.clone()),
                })
                .collect(),
            Criterion::Language => {
                let mut languages: Vec<String> = self
                    .lib
                    .providers
                    .iter()
                    .flat_map(|p| p.languages.iter().map(|l| l.trim().to_string()))
                    .filter(|l| !l.is_empty())
                    .collect();
                languages.sort_by_key(|l| l.to_lowercase());
                languages.dedup_by_key(|l| l.to_lowercase());
                languages.into_iter().map(word).collect()
            }
            Criterion::MaxCourseCost => {
                // An amount is in one currency: one choice per currency the providers use.
                let currencies = course_currencies(&self.lib.providers, &self.config.course);
                let choice = |amount: u64, currency: Option<&String>| {
                    let max = MaxCost {
                        amount,
                        currency: currency.cloned(),
                    };
                    FilterChoice {
                        label: max.text(),
                        value: ChoiceValue::Amount(max),
                    }
                };
                let each = |amount: u64| -> Vec<FilterChoice> {
                    if currencies.is_empty() {
                        vec![choice(amount, None)]
                    } else {
                        currencies.iter().map(|c| choice(amount, Some(c))).collect()
                    }
                };
                return match MaxCost::parse(query) {
                    Some(MaxCost {
                        amount,
                        currency: Some(c),
                    }) => vec![choice(amount, Some(&c))],
                    Some(max) => each(max.amount),
                    None if query.trim().is_empty() => {
                        COST_STEPS.iter().flat_map(|&n| each(n)).collect()
                    }
                    None => Vec::new(),
                };
            }
            other => other
                .words()
                .unwrap_or_default()
                .into_iter()
                .map(|w| word(w.to_string()))
                .collect(),
        };
        let wanted = query.trim().to_lowercase();
        let matches: Vec<FilterChoice> = all
            .into_iter()
            .filter(|c| c.label.to_lowercase().contains(&wanted))
            .collect();
        if matches.is_empty() && criterion == Criterion::Language && !wanted.is_empty() {
            return vec![word(query.trim().to_string())];
        }
        matches
    }

    pub(crate) fn filters_action(&mut self, action: &Action) {
        let Some(Overlay::Filters(panel)) = self.overlays.last_mut() else {
            return;
        };
        let last = Criterion::ALL.len() - 1;
        match action {
            Action::Up | Action::Down => {
                panel.row = if *action == Action::Up {
                    panel.row.saturating_sub(1)
                } else {
                    (panel.row + 1).min(last)
                };
                panel.query = TextField::default();
                panel.pick = None;
                return;
            }
            Action::Back => {
                self.overlays.pop();
                return;
            }
            // The narrowing text edits like every other field (the arrows choose here).
            Action::Type(_) | Action::Backspace | Action::DeleteWord | Action::DeleteToStart => {
                panel.query.edit(action);
                panel.pick = (!panel.query.text.is_empty()).then_some(0);
            }
            Action::Delete => {
                panel.query = TextField::default();
                panel.pick = None;
            }
            Action::ClearFilters => {
                panel.query = TextField::default();
                panel.pick = None;
                self.compare.filter = ProviderFilter::default();
                self.reorder();
                self.say(format!(
                    "Every filter cleared: {} providers",
                    self.compare.order.len()
                ));
                return;
            }
            Action::Left | Action::Right => {
                let (criterion, query) = (panel.criterion(), panel.query.text.clone());
                let count = self.filter_choices(criterion, &query).len();
                let Some(Overlay::Filters(panel)) = self.overlays.last_mut() else {
                    return;
                };
                // Past either end is "any": the row is cleared until the next step.
                panel.pick = match (*action == Action::Right, panel.pick) {
                    (_, _) if count == 0 => None,
                    (true, None) => Some(0),
                    (true, Some(i)) if i + 1 < count => Some(i + 1),
                    (false, None) => Some(count - 1),
                    (false, Some(i)) if i > 0 => Some(i - 1),
                    _ => None,
                };
            }
            _ => return,
        }
        self.apply_filter_row();
    }

    /// Sets the panel's row from its pick (or clears it), re-filters, and says what is left.
    fn apply_filter_row(&mut self) {
        let Some(Overlay::Filters(panel)) = self.overlays.last() else {
            return;
        };
        let (criterion, pick) = (panel.criterion(), panel.pick);
        let choice = pick.and_then(|i| {
            self.filter_choices(criterion, &panel.query.text)
                .into_iter()
                .nth(i)
        });
        let filter = &mut self.compare.filter;
        match choice.map(|c| c.value) {
            None => filter.clear(criterion),
            Some(ChoiceValue::Place(place)) => filter.region = Some(RegionFilter::Place(place)),
            Some(ChoiceValue::Amount(n)) => filter.max_course_cost = Some(n),
            // The words come from the criterion's own list or the profiles: they are valid.
            Some(ChoiceValue::Word(w)) => {
                if let Err(e) = filter.set(criterion, &w) {
                    self.warn(e);
                    return;
                }
            }
        }
        self.reorder();
        let value = self
            .compare
            .filter
            .value_text(criterion)
            .unwrap_or_else(|| {
                match criterion {
                    Criterion::Region => "all regions",
                    _ => "any",
                }
                .into()
            });
        let n = self.compare.order.len();
        let providers = if n == 1 { "provider" } else { "providers" };
        let mut label = criterion.label().to_string();
        label[..1].make_ascii_uppercase();
        self.say(format!("{label}: {value}: {n} {providers}"));
    }
}
