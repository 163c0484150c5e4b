//! The details step of a new provider, between its name and the questions: what kind of
//! provider, which routes it offers (they decide which route-specific questions apply), where it
//! is (for the region filter) and where the facts come from. Every detail is optional and has a
//! default, so Enter straight away is fine.

use super::super::action::{Action, View};
use super::{App, Choice, Overlay, Screen, TextField, Then};
use crate::core::checklist::Route;
use crate::core::provider::{Provider, ProviderKind, SourceKind};
use crate::core::sanitize::sanitize_line;

/// What the walk-through writes as the source of a new profile unless the user says otherwise.
pub const DEFAULT_REFERENCE: &str = "Recorded with the kapguide checklist walk-through";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailRow {
    Kind,
    Routes,
    City,
    Region,
    Country,
    SourceKind,
    Reference,
}

impl DetailRow {
    pub const ALL: [DetailRow; 7] = [
        DetailRow::Kind,
        DetailRow::Routes,
        DetailRow::City,
        DetailRow::Region,
        DetailRow::Country,
        DetailRow::SourceKind,
        DetailRow::Reference,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DetailRow::Kind => "Kind",
            DetailRow::Routes => "Routes offered",
            DetailRow::City => "City",
            DetailRow::Region => "Region or state",
            DetailRow::Country => "Country",
            DetailRow::SourceKind => "Facts come from",
            DetailRow::Reference => "Reference",
        }
    }

    /// A row where keys are typed as text.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            DetailRow::City | DetailRow::Region | DetailRow::Country | DetailRow::Reference
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    /// The new provider: id and name are set; kind, routes and source kind are edited here.
    pub provider: Provider,
    /// The question the walk starts at.
    pub start: usize,
    /// Index into `DetailRow::ALL`.
    pub row: usize,
    /// The route under the cursor on the routes row (index into `Route::ALL`).
    pub route: usize,
    pub city: TextField,
    pub region: TextField,
    pub country: TextField,
    pub reference: TextField,
    /// The provider as the form opened, to tell whether anything was filled in.
    opened: Provider,
}

/// The value after (or before) `current` in `all`, going round.
fn cycle<T: Copy + PartialEq>(all: &[(&str, T)], current: T, forward: bool) -> T {
    let i = all.iter().position(|(_, v)| *v == current).unwrap_or(0);
    let n = all.len();
    let next = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    all[next].1
}

fn text(field: &TextField) -> Option<String> {
    let text = sanitize_line(&field.text).trim().to_string();
    (!text.is_empty()).then_some(text)
}

impl Details {
    pub fn new(provider: Provider, start: usize) -> Details {
        Details {
            opened: provider.clone(),
            provider,
            start,
            row: 0,
            route: 0,
            city: TextField::default(),
            region: TextField::default(),
            country: TextField::default(),
            reference: TextField::new(DEFAULT_REFERENCE),
        }
    }

    pub fn current(&self) -> DetailRow {
        DetailRow::ALL[self.row.min(DetailRow::ALL.len() - 1)]
    }

    pub fn field(&self, row: DetailRow) -> Option<&TextField> {
        match row {
            DetailRow::City => Some(&self.city),
            DetailRow::Region => Some(&self.region),
            DetailRow::Country => Some(&self.country),
            DetailRow::Reference => Some(&self.reference),
            _ => None,
        }
    }

    fn field_mut(&mut self) -> Option<&mut TextField> {
        match self.current() {
            DetailRow::City => Some(&mut self.city),
            DetailRow::Region => Some(&mut self.region),
            DetailRow::Country => Some(&mut self.country),
            DetailRow::Reference => Some(&mut self.reference),
            _ => None,
        }
    }

    fn source_kind(&self) -> SourceKind {
        self.provider
            .source
            .as_ref()
            .map_or(SourceKind::Consultation, |s| s.kind)
    }

    /// Left / Right / Space on a row of choices.
    fn choose(&mut self, action: &Action) {
        let forward = *action != Action::Left;
        match self.current() {
            DetailRow::Kind => {
                self.provider.kind = cycle(ProviderKind::ALL, self.provider.kind, forward)
            }
            DetailRow::SourceKind => {
                let next = cycle(SourceKind::ALL, self.source_kind(), forward);
                if let Some(source) = self.provider.source.as_mut() {
                    source.kind = next;
                }
            }
            DetailRow::Routes if *action == Action::Toggle => {
                let route = Route::ALL[self.route].1;
                let routes = &mut self.provider.routes;
                match routes.iter().position(|r| *r == route) {
                    Some(i) => {
                        routes.remove(i);
                    }
                    None => {
                        routes.push(route);
                        routes.sort();
                    }
                }
            }
            DetailRow::Routes => {
                let n = Route::ALL.len();
                self.route = if forward {
                    (self.route + 1).min(n - 1)
                } else {
                    self.route.saturating_sub(1)
                };
            }
            _ => {}
        }
    }

    /// Whether anything differs from the form as it opened (so leaving would drop it).
    pub fn is_filled(&self) -> bool {
        self.finish() != Details::new(self.opened.clone(), self.start).finish()
    }

    /// The provider with the typed details filled in.
    pub fn finish(&self) -> Provider {
        let mut provider = self.provider.clone();
        provider.location.city = text(&self.city);
        provider.location.region = text(&self.region);
        provider.location.country = text(&self.country);
        if let Some(source) = provider.source.as_mut() {
            source.reference = text(&self.reference);
        }
        provider
    }
}

impl App {
    fn details(&mut self) -> Option<&mut Details> {
        match &mut self.checklist.screen {
            Screen::Details(details) => Some(details),
            _ => None,
        }
    }

    /// Shows the details step for a new provider.
    pub(crate) fn ask_details(&mut self, provider: Provider, start: usize) {
        self.checklist.screen = Screen::Details(Box::new(Details::new(provider, start)));
        self.view = View::Checklist;
    }

    /// Keys in the form: Tab and arrows move between fields, letters always type (on a row of
    /// choices they only say how to choose), Esc leaves, asking first if anything was filled in.
    pub(crate) fn details_action(&mut self, action: &Action) {
        let Some(details) = self.details() else {
            return;
        };
        let rows = DetailRow::ALL.len();
        let on_text = details.current().is_text();
        match action {
            Action::Down => details.row = (details.row + 1) % rows,
            Action::Up => details.row = (details.row + rows - 1) % rows,
            Action::Open => {
                let provider = details.finish();
                let start = details.start;
                let id = provider.id.clone();
                self.walk_provider(&id, provider, Some(start));
            }
            Action::Back if details.is_filled() => {
                let name = details.provider.name.clone();
                let choice = Choice::new(
                    "Drop this new provider?",
                    vec![format!(
                        "You filled in details for \u{201c}{name}\u{201d}. Leaving now adds no provider and drops them."
                    )],
                )
                .option('y', "yes, add no provider", Then::LeaveForm)
                .option('n', "no, keep editing", Then::Nothing);
                self.overlays.push(Overlay::Choice(choice));
            }
            Action::Back => self.leave_form(),
            Action::Toggle if on_text => {
                if let Some(field) = details.field_mut() {
                    field.insert(' ');
                }
            }
            action if on_text => {
                if let Some(field) = details.field_mut() {
                    field.edit(action);
                }
            }
            Action::Left | Action::Right | Action::Toggle => details.choose(action),
            Action::Type(_) => self.say(
                "Choose with ← and → (Space turns a route on or off); Tab goes to the next field",
            ),
            _ => {}
        }
    }

    /// Back to the picker, adding no provider.
    pub(crate) fn leave_form(&mut self) {
        if let Some(details) = self.details() {
            let name = details.provider.name.clone();
            self.checklist.screen = Screen::Pick;
            self.say(format!("{name} was not added"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_go_round_both_ways() {
        let all = ProviderKind::ALL;
        let last = all[all.len() - 1].1;
        assert_eq!(cycle(all, last, true), all[0].1);
        assert_eq!(cycle(all, all[0].1, false), last);
    }
}
