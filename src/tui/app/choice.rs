//! One general dialog: a question, a few keyed options, each carrying what to do when picked
//! (an effect to run, or a step of the app's own). Esc always means "decide later".

use super::super::action::{Action, Effect};
use super::App;
use crate::core::id::ProviderId;

/// What an option does.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    /// Run this file effect as it is (overwrite, say).
    Run(Effect),
    /// Ask for a path and save the walk's answers there.
    SaveElsewhere,
    /// Drop the walk's answers for the file's: a draft or (with `profile`) a saved profile.
    Reload { id: ProviderId, profile: bool },
    /// Keep the walk's answers under a new id, beside the other file.
    SaveCopy { profile: bool },
    /// Walk the provider with this id: the one shown, or (with `saved`) the profile the user
    /// saved that a `--providers` copy hides.
    Walk { id: ProviderId, saved: bool },
    /// Quit even though some answers are only in memory.
    Quit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceOption {
    pub key: char,
    pub label: String,
    pub then: Then,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub title: String,
    /// Paragraphs of explanation.
    pub text: Vec<String>,
    pub options: Vec<ChoiceOption>,
}

impl Choice {
    pub fn new(title: impl Into<String>, text: Vec<String>) -> Choice {
        Choice {
            title: title.into(),
            text,
            options: Vec::new(),
        }
    }

    pub fn option(mut self, key: char, label: impl Into<String>, then: Then) -> Choice {
        self.options.push(ChoiceOption {
            key,
            label: label.into(),
            then,
        });
        self
    }
}

impl App {
    pub(crate) fn choice_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let Some(super::Overlay::Choice(choice)) = self.overlays.last() else {
            return;
        };
        let picked = match action {
            Action::Type(c) => choice.options.iter().find(|o| o.key == *c),
            Action::Back => {
                self.overlays.pop();
                return;
            }
            _ => None,
        };
        let Some(option) = picked.cloned() else {
            let keys: Vec<String> = choice.options.iter().map(|o| o.key.to_string()).collect();
            self.say(format!(
                "Press {} (or Esc to decide later)",
                keys.join(", ")
            ));
            return;
        };
        self.overlays.pop();
        match option.then {
            Then::Run(effect) => effects.push(effect),
            Then::SaveElsewhere => self.ask_path(),
            Then::Reload { id, profile } => effects.push(Effect::Reload { id, profile }),
            Then::SaveCopy { profile } => self.save_copy(profile, effects),
            Then::Walk { id, saved } => self.walk_choice(&id, saved),
            Then::Quit => self.quit = true,
        }
    }
}
