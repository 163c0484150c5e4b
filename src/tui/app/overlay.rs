//! The layers over a view, in one place: what each overlay holds, the one general dialog (a
//! question with keyed options, each carrying what to do when picked: an effect to run or a
//! step of the app's own; Esc always means "decide later"), the one-line text field, and the
//! scrolling text boxes.

use super::super::action::{Action, Effect, View};
use super::super::text::{self, CRISIS_GUIDE};
use super::{App, TextField, step};
use crate::core::id::ProviderId;
use crate::core::sanitize::sanitize_line;
use crate::core::scoring::Priorities;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum InputPurpose {
    /// The name of a new provider; the walk starts at this question.
    NewProvider {
        start: usize,
    },
    Note,
    Source,
    /// Where to save a copy of this walk's answers (the data directory failed).
    SavePath {
        id: ProviderId,
    },
    /// The date of the consultation the walk's answers come from.
    ConsultationDate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub purpose: InputPurpose,
    pub field: TextField,
}

/// The file a typed "save elsewhere" path names: a full path (`/…`, or `~/…` in the home
/// directory), or a hint to type one.
pub(crate) fn typed_path(text: &str) -> Result<PathBuf, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Type a file path (for example ~/Documents/clinic.toml), then Enter");
    }
    let path = match text.strip_prefix("~/") {
        Some(rest) => dirs::home_dir().unwrap_or_default().join(rest),
        None => PathBuf::from(text),
    };
    // A relative path would land wherever kapguide happened to be started.
    if path.is_absolute() {
        Ok(path)
    } else {
        Err("Type a full path, starting with / or ~/ (for example ~/Documents/clinic.toml)")
    }
}

impl Input {
    /// Why Enter cannot take what is typed yet, if it cannot.
    pub fn problem(&self) -> Option<&'static str> {
        let text = &self.field.text;
        match self.purpose {
            InputPurpose::NewProvider { .. } if sanitize_line(text).trim().is_empty() => {
                Some("Type the new provider's name, then Enter (Esc cancels)")
            }
            InputPurpose::SavePath { .. } => typed_path(text).err(),
            _ => None,
        }
    }

    pub fn label(&self) -> &'static str {
        match self.purpose {
            InputPurpose::NewProvider { .. } => "Name of the new provider",
            InputPurpose::Note => "Note",
            InputPurpose::Source => "Where the answer came from",
            InputPurpose::SavePath { .. } => "Save the answers to this file (a path)",
            InputPurpose::ConsultationDate => "Date of the consultation (YYYY-MM-DD)",
        }
    }
}

/// Layers over a view; Esc closes the top one.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    Notice,
    Help {
        scroll: usize,
    },
    Crisis {
        scroll: usize,
    },
    /// What could not be loaded at start.
    Problems {
        scroll: usize,
    },
    Search,
    Input(Input),
    /// A question with keyed options, each carrying what to do.
    Choice(Choice),
    /// The answer under the matrix cursor.
    Cell,
    /// How the score of the provider in the matrix column adds up (`kapguide explain`).
    Explain {
        scroll: usize,
    },
    /// The Compare filters.
    Filters(super::FilterPanel),
    /// The course shape the cost estimates price.
    Course {
        selected: usize,
        /// The shape when the box opened: closing saves it if it changed.
        opened: crate::core::costs::CourseShape,
    },
    Priorities {
        selected: usize,
        /// The priorities when the box opened: closing saves the categories that differ.
        opened: Priorities,
    },
    Export,
    /// "What matters to you": the statements and their answers.
    Values {
        selected: usize,
        /// The answers when the box opened: closing saves if they changed.
        opened: crate::core::values::Values,
    },
    /// "Am I ready to decide?": four yes/no questions.
    Readiness {
        selected: usize,
        /// The answers when the box opened: closing saves if they changed.
        opened: crate::core::readiness::Answers,
    },
    /// The options-grid cell under the cursor: its full text and sources.
    OptionCell {
        scroll: usize,
    },
    /// The walk's clinicians or costs, a row selected.
    Records {
        list: super::RecordList,
        selected: usize,
    },
    /// A clinician's or a cost's form.
    Form(Box<super::RecordForm>),
}

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
    /// Do not save the profile after all (and say where the answers are).
    NotSaved,
    /// Quit even though some answers are only in memory.
    Quit,
    /// Leave things as they are (a "no" that needs no words).
    Nothing,
    /// Leave the form, dropping what was typed (a new provider's: adding no provider).
    LeaveForm,
    /// Remove a clinician, or clear a cost, from the walk's draft.
    Remove(super::Record),
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
            Then::NotSaved => self.not_saved(),
            Then::Quit => self.quit = true,
            Then::Nothing => {}
            Then::LeaveForm => self.leave_form(),
            Then::Remove(record) => self.remove_record(record, effects),
        }
    }

    pub(crate) fn input_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let Some(Overlay::Input(input)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            action if input.field.edit(action) => {}
            Action::Back => {
                self.overlays.pop();
            }
            Action::Open => {
                // The dialog stays open with a hint, so nothing typed is lost.
                if let Some(hint) = input.problem() {
                    self.warn(hint);
                    return;
                }
                let Some(Overlay::Input(input)) = self.overlays.pop() else {
                    return;
                };
                match input.purpose {
                    InputPurpose::NewProvider { start } => {
                        self.new_provider(&input.field.text, start);
                    }
                    InputPurpose::SavePath { id } => self.save_at(&id, &input.field.text, effects),
                    InputPurpose::ConsultationDate => self.set_date(input),
                    purpose => self.set_detail(&purpose, &input.field.text, effects),
                }
            }
            _ => {}
        }
    }

    /// Help, the crisis lines and load problems: scrolling text.
    pub(crate) fn scroll_overlay(&mut self, action: &Action) {
        let width = text::big_popup_width(self.size);
        let text = match self.overlays.last() {
            Some(Overlay::Help { .. }) => text::help(self.view_mode(), self.theme.ascii),
            Some(Overlay::Problems { .. }) => text::problems(&self.problems, width),
            Some(Overlay::OptionCell { .. }) => {
                text::option_cell(&self.lib.options, self.options.row, self.options.col, width)
            }
            Some(Overlay::Explain { .. }) => self.explain_text(width),
            _ => text::crisis(&self.lib, width),
        };
        let (height, max) = (text.rows(self.size), text.max_scroll(self.size));
        match (self.overlays.last_mut(), action) {
            (_, Action::Back) => {
                self.overlays.pop();
            }
            (Some(Overlay::Crisis { .. }), Action::Open) => {
                self.overlays.pop();
                if let Some(index) = self.lib.guides.iter().position(|g| g.id == CRISIS_GUIDE) {
                    self.view = View::Guides;
                    let size = self.reader_size();
                    self.guides.jump(&self.lib, index, None, size);
                }
            }
            (Some(Overlay::Explain { scroll }), Action::Open) => {
                let scroll = *scroll;
                self.open_scoring_guide(scroll);
            }
            (
                Some(
                    Overlay::Help { scroll }
                    | Overlay::Crisis { scroll }
                    | Overlay::Problems { scroll }
                    | Overlay::OptionCell { scroll }
                    | Overlay::Explain { scroll },
                ),
                action,
            ) => {
                if let Some(next) = step(action, *scroll, max + 1, height) {
                    *scroll = next;
                }
            }
            _ => {}
        }
    }
}
