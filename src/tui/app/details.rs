//! The details step of a new provider, between its name and the questions: what kind of
//! provider, which routes it offers (they decide which route-specific questions apply), where it
//! is (for the region filter) and where the facts come from. Every detail is optional and has a
//! default, so Enter straight away is fine.

use super::super::action::{Action, View};
use super::form::{Field, Form, Widget, row};
use super::{App, Choice, Overlay, Screen, Then};
use crate::core::checklist::Route;
use crate::core::provider::{Provider, ProviderKind, SourceKind};

/// What the walk-through writes as the source of a new profile unless the user says otherwise.
pub const DEFAULT_REFERENCE: &str = "Recorded with the kapguide checklist walk-through";

#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    /// The new provider: id and name are set; the rest comes from the form.
    pub provider: Provider,
    /// The question the walk starts at.
    pub start: usize,
    pub form: Form,
}

/// The words of a file-word enum, in order.
pub(crate) fn words<T>(all: &[(&'static str, T)]) -> Vec<&'static str> {
    all.iter().map(|(w, _)| *w).collect()
}

/// The value of a word chosen from `all`.
pub(crate) fn value_of<T: Copy>(all: &[(&'static str, T)], word: Option<&str>) -> Option<T> {
    all.iter().find(|(w, _)| Some(*w) == word).map(|(_, v)| *v)
}

impl Details {
    pub fn new(provider: Provider, start: usize) -> Details {
        let source = provider.source.as_ref();
        let source_kind = source.map_or(SourceKind::Consultation, |s| s.kind);
        let reference = source
            .and_then(|s| s.reference.as_deref())
            .unwrap_or(DEFAULT_REFERENCE);
        let text = |value: &Option<String>| Widget::text(value.as_deref().unwrap_or(""));
        let form = Form::new(vec![
            row(
                Field::Kind,
                "Kind",
                Widget::pick(words(ProviderKind::ALL), provider.kind.as_str()),
            ),
            row(
                Field::Routes,
                "Routes offered",
                Widget::Toggles {
                    words: words(Route::ALL),
                    on: Route::ALL
                        .iter()
                        .map(|(_, r)| provider.routes.contains(r))
                        .collect(),
                    at: 0,
                },
            ),
            row(Field::City, "City", text(&provider.location.city)),
            row(
                Field::Region,
                "Region or state",
                text(&provider.location.region),
            ),
            row(Field::Country, "Country", text(&provider.location.country)),
            row(
                Field::SourceKind,
                "Facts come from",
                Widget::pick(words(SourceKind::ALL), source_kind.as_str()),
            ),
            row(Field::Reference, "Reference", Widget::text(reference)),
        ]);
        Details {
            provider,
            start,
            form,
        }
    }

    /// The provider with the form's details filled in.
    pub fn finish(&self) -> Provider {
        let f = &self.form;
        let mut provider = self.provider.clone();
        if let Some(kind) = value_of(ProviderKind::ALL, f.word(Field::Kind)) {
            provider.kind = kind;
        }
        let on = f.words_on(Field::Routes);
        provider.routes = Route::ALL
            .iter()
            .filter(|(w, _)| on.contains(w))
            .map(|(_, r)| *r)
            .collect();
        provider.location.city = f.text(Field::City);
        provider.location.region = f.text(Field::Region);
        provider.location.country = f.text(Field::Country);
        if let Some(source) = provider.source.as_mut() {
            if let Some(kind) = value_of(SourceKind::ALL, f.word(Field::SourceKind)) {
                source.kind = kind;
            }
            source.reference = f.text(Field::Reference);
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
    /// choices they only say how to choose), Enter starts the questions, Esc leaves, asking
    /// first if anything was filled in.
    pub(crate) fn details_action(&mut self, action: &Action) {
        let Some(details) = self.details() else {
            return;
        };
        match action {
            Action::Open => {
                let provider = details.finish();
                let start = details.start;
                let id = provider.id.clone();
                self.walk_provider(&id, provider, Some(start));
            }
            Action::Back if details.form.is_filled() => {
                let name = details.provider.name.clone();
                self.ask_drop(
                    "Drop this new provider?",
                    format!(
                        "You filled in details for \u{201c}{name}\u{201d}. Leaving now adds no provider and drops them."
                    ),
                    "yes, add no provider",
                );
            }
            Action::Back => self.leave_form(),
            action => {
                if let Some(hint) = details.form.edit(action) {
                    self.say(hint);
                }
            }
        }
    }

    /// Asks before leaving a filled-in form (its text says what would be dropped).
    pub(crate) fn ask_drop(&mut self, title: &str, text: String, yes: &str) {
        let choice = Choice::new(title, vec![text])
            .option('y', yes, Then::LeaveForm)
            .option('n', "no, keep editing", Then::Nothing);
        self.overlays.push(Overlay::Choice(choice));
    }

    /// Leaves the form on top: a record's, or the new provider's (back to the picker, adding
    /// no provider).
    pub(crate) fn leave_form(&mut self) {
        if self.leave_record_form() {
            return;
        }
        if let Some(details) = self.details() {
            let name = details.provider.name.clone();
            self.checklist.screen = Screen::Pick;
            self.say(format!("{name} was not added"));
        }
    }
}
