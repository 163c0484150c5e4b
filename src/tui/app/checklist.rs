//! The Checklist view: pick a provider (or name a new one), walk the questions one at a time,
//! save the profile; or list the questions still worth asking a provider.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::super::action::{Action, Effect, SaveFailure, View};
use super::details::{DEFAULT_REFERENCE, Details};
use super::{App, Input, InputPurpose, Overlay, TextField, step};
use crate::core::export::{SheetFormat, answer_label, question_sheet, questions_to_ask};
use crate::core::provider::{
    Answer, AnswerValue, Location, ProfileSource, Provider, ProviderKind, SourceKind, id_for_name,
    slugify,
};
use crate::core::sanitize::{sanitize, sanitize_line};
use crate::core::scoring::{Score, Scorer};
use crate::io::loader::BUNDLED;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChecklistFocus {
    Providers,
    Questions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Walk {
    pub draft: Provider,
    /// The question shown; the number of questions means the finish page.
    pub index: usize,
    /// The draft's score, kept up to date as answers and priorities change.
    pub score: Score,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prepare {
    pub provider: Provider,
    /// Question indices still worth asking about.
    pub items: Vec<usize>,
    pub selected: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Pick,
    /// A new provider's kind, routes, place and source, before the questions.
    Details(Details),
    Walk(Walk),
    Prepare(Prepare),
}

/// A row of the provider picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickRow {
    New,
    Draft(usize),
    Provider(usize),
}

pub struct ChecklistView {
    pub screen: Screen,
    pub focus: ChecklistFocus,
    /// Row in the picker: "new provider", then drafts, then providers.
    pub picked: usize,
    /// Selected question in the questions pane.
    pub question: usize,
    /// Unfinished walk-throughs, as saved on disk.
    pub drafts: Vec<Provider>,
}

impl ChecklistView {
    pub fn new(drafts: Vec<Provider>) -> Self {
        ChecklistView {
            screen: Screen::Pick,
            focus: ChecklistFocus::Providers,
            picked: 0,
            question: 0,
            drafts,
        }
    }

    pub fn row(&self, index: usize) -> PickRow {
        match index.checked_sub(1) {
            None => PickRow::New,
            Some(i) if i < self.drafts.len() => PickRow::Draft(i),
            Some(i) => PickRow::Provider(i - self.drafts.len()),
        }
    }

    pub fn rows(&self, providers: usize) -> usize {
        1 + self.drafts.len() + providers
    }

    pub fn toggle_focus(&mut self) {
        if self.screen == Screen::Pick {
            self.focus = match self.focus {
                ChecklistFocus::Providers => ChecklistFocus::Questions,
                ChecklistFocus::Questions => ChecklistFocus::Providers,
            };
        }
    }

    /// Keeps the in-memory list of drafts the same as the files the run loop writes.
    fn upsert_draft(&mut self, draft: &Provider) {
        match self.drafts.iter_mut().find(|d| d.id == draft.id) {
            Some(existing) => *existing = draft.clone(),
            None => self.drafts.push(draft.clone()),
        }
    }
}

/// The question a resumed walk starts at: the first one still unknown.
fn first_unknown(draft: &Provider, questions: &[crate::core::checklist::Question]) -> usize {
    questions
        .iter()
        .position(|q| draft.answer(&q.id) == AnswerValue::Unknown)
        .unwrap_or(0)
}

impl App {
    fn walk(&self) -> Option<&Walk> {
        match &self.checklist.screen {
            Screen::Walk(walk) => Some(walk),
            _ => None,
        }
    }

    pub(crate) fn picker_action(&mut self, action: &Action) {
        match action {
            Action::Open => self.start_walk(None),
            Action::NewProvider => self.ask_name(0),
            Action::Prepare => self.prepare(),
            Action::Back => self.say("q quits; 1 and 3 switch to Guides and Compare"),
            action => {
                let rows = self.checklist.rows(self.lib.providers.len());
                let list_rows = self.list_rows();
                if let Some(next) = step(action, self.checklist.picked, rows, list_rows) {
                    self.checklist.picked = next;
                }
            }
        }
    }

    pub(crate) fn questions_action(&mut self, action: &Action) {
        match action {
            Action::Open => self.start_walk(Some(self.checklist.question)),
            Action::Back => self.checklist.focus = ChecklistFocus::Providers,
            action => {
                let len = self.lib.checklist.questions.len();
                let rows = self.list_rows();
                if let Some(next) = step(action, self.checklist.question, len, rows) {
                    self.checklist.question = next;
                }
            }
        }
    }

    fn ask_name(&mut self, start: usize) {
        self.overlays.push(Overlay::Input(Input {
            purpose: InputPurpose::NewProvider { start },
            field: TextField::default(),
        }));
    }

    /// The provider (or draft) on the picker row, if the row is one.
    fn picked_provider(&self) -> Option<&Provider> {
        match self.checklist.row(self.checklist.picked) {
            PickRow::New => None,
            PickRow::Draft(i) => self.checklist.drafts.get(i),
            PickRow::Provider(i) => self.lib.providers.get(i),
        }
    }

    /// Walks the picked provider, from `start` or (resuming a draft) its first unknown answer.
    fn start_walk(&mut self, start: Option<usize>) {
        let Some(picked) = self.picked_provider() else {
            self.ask_name(start.unwrap_or(0));
            return;
        };
        let id = picked.id.clone();
        self.walk_provider(&id, picked.clone(), start);
    }

    /// The draft's score under the current priorities.
    pub(crate) fn score_draft(&self, draft: &Provider) -> Score {
        Scorer::new(&self.lib.checklist, &self.priorities, self.today).score(draft)
    }

    /// After priorities change: the walk's score follows.
    pub(crate) fn rescore_walk(&mut self) {
        if let Some(draft) = self.walk().map(|w| w.draft.clone()) {
            let score = self.score_draft(&draft);
            if let Screen::Walk(walk) = &mut self.checklist.screen {
                walk.score = score;
            }
        }
    }

    /// Walks `provider`, unless an unfinished draft of the same id exists: that is resumed.
    pub(crate) fn walk_provider(&mut self, id: &str, provider: Provider, start: Option<usize>) {
        let draft = self.checklist.drafts.iter().find(|d| d.id == id).cloned();
        let resumed = draft.is_some();
        let draft = draft.unwrap_or(provider);
        let index = start.unwrap_or_else(|| {
            if resumed {
                first_unknown(&draft, &self.lib.checklist.questions)
            } else {
                0
            }
        });
        if resumed {
            self.say(format!(
                "Resumed your unfinished walk-through of {}",
                draft.name
            ));
        }
        let score = self.score_draft(&draft);
        self.checklist.screen = Screen::Walk(Walk {
            draft,
            index,
            score,
        });
        self.view = View::Checklist;
    }

    fn new_provider(&mut self, name: &str, start: usize) {
        let name = sanitize_line(name).trim().to_string();
        if name.is_empty() {
            self.warn("Type the new provider's name, then Enter");
            return;
        }
        // The same name again (or one with the same id) resumes its draft or walks its profile.
        let slug = slugify(&name);
        let same = |p: &Provider| p.name == name || (!slug.is_empty() && p.id == slug);
        if let Some(draft) = self.checklist.drafts.iter().find(|d| same(d)).cloned() {
            self.walk_provider(&draft.id.clone(), draft, Some(start));
            return;
        }
        if let Some(existing) = self.lib.providers.iter().find(|p| same(p)).cloned() {
            self.walk_provider(&existing.id.clone(), existing, Some(start));
            self.say(format!(
                "{} already has a profile; walking through it (saving asks before replacing)",
                name
            ));
            return;
        }
        let id = id_for_name(&name, |id| {
            self.lib.provider(id).is_some() || self.checklist.drafts.iter().any(|d| d.id == id)
        });
        let provider = Provider {
            id,
            name,
            kind: ProviderKind::KapPractice,
            sample: false,
            summary: None,
            routes: Vec::new(),
            conditions: Vec::new(),
            location: Location::default(),
            contact: Default::default(),
            source: Some(ProfileSource {
                kind: SourceKind::Consultation,
                reference: Some(DEFAULT_REFERENCE.into()),
                url: None,
                last_verified: Some(self.today),
            }),
            answers: BTreeMap::new(),
            origin: PathBuf::new(),
        };
        self.ask_details(provider, start);
    }

    pub(crate) fn walk_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let count = self.lib.checklist.questions.len();
        let today = self.today;
        let Screen::Walk(walk) = &mut self.checklist.screen else {
            return;
        };
        let at_question = walk.index < count;
        match action {
            Action::Answer(value) if at_question => {
                let id = self.lib.checklist.questions[walk.index].id.clone();
                let answer = walk.draft.answers.entry(id).or_default();
                answer.value = *value;
                answer.date = Some(today);
                // It stays on the question, so a note or source goes with this answer.
                let next = if self.theme.ascii { "Right" } else { "→" };
                let recorded = format!(
                    "Recorded \"{}\" — {next} or Enter: next question · e note · s source",
                    answer_label(*value)
                );
                self.draft_changed(effects);
                self.say(recorded);
            }
            Action::Left => walk.index = walk.index.saturating_sub(1),
            Action::Right => walk.index = (walk.index + 1).min(count),
            Action::Finish => walk.index = count,
            Action::EditNote | Action::EditSource if at_question => {
                let id = &self.lib.checklist.questions[walk.index].id;
                let answer = walk.draft.answers.get(id);
                let (purpose, text) = if *action == Action::EditNote {
                    (InputPurpose::Note, answer.and_then(|a| a.note.as_deref()))
                } else {
                    (
                        InputPurpose::Source,
                        answer.and_then(|a| a.source.as_deref()),
                    )
                };
                let field = TextField::new(text.unwrap_or(""));
                self.overlays.push(Overlay::Input(Input { purpose, field }));
            }
            Action::Open if !at_question => {
                let bundled = self
                    .lib
                    .provider(&walk.draft.id)
                    .is_some_and(|p| p.origin.starts_with(BUNDLED));
                if bundled {
                    self.overlays
                        .push(Overlay::ConfirmCopy(walk.draft.name.clone()));
                } else {
                    effects.push(Effect::SaveProfile {
                        provider: Box::new(walk.draft.clone()),
                        overwrite: false,
                    });
                }
            }
            Action::Back => self.leave_walk(),
            _ => {}
        }
    }

    /// Saves the draft after every change, so a crash or quit loses nothing.
    fn draft_changed(&mut self, effects: &mut Vec<Effect>) {
        if let Some(walk) = self.walk() {
            let draft = walk.draft.clone();
            self.checklist.upsert_draft(&draft);
            self.rescore_walk();
            effects.push(Effect::SaveDraft(Box::new(draft)));
        }
    }

    fn leave_walk(&mut self) {
        let Some(walk) = self.walk() else {
            return;
        };
        let id = walk.draft.id.clone();
        let kept = self.checklist.drafts.iter().any(|d| d.id == id);
        self.checklist.screen = Screen::Pick;
        if let Some(i) = self.checklist.drafts.iter().position(|d| d.id == id) {
            self.checklist.picked = 1 + i;
        }
        if kept {
            self.say("Your answers are kept as a draft; pick it again to carry on");
        }
    }

    /// A note or source typed into the text field.
    pub(crate) fn set_detail(
        &mut self,
        purpose: &InputPurpose,
        text: &str,
        effects: &mut Vec<Effect>,
    ) {
        let today = self.today;
        // A note read from a file may have several lines; they are kept.
        let text = match purpose {
            InputPurpose::Note => sanitize(text).trim().to_string(),
            _ => sanitize_line(text).trim().to_string(),
        };
        let Screen::Walk(walk) = &mut self.checklist.screen else {
            return;
        };
        let Some(question) = self.lib.checklist.questions.get(walk.index) else {
            return;
        };
        let answer: &mut Answer = walk.draft.answers.entry(question.id.clone()).or_default();
        let value = (!text.is_empty()).then_some(text);
        match purpose {
            InputPurpose::Note => answer.note = value,
            InputPurpose::Source => answer.source = value,
            InputPurpose::NewProvider { .. } => return,
        }
        answer.date = Some(today);
        self.draft_changed(effects);
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
                let Some(Overlay::Input(input)) = self.overlays.pop() else {
                    return;
                };
                match input.purpose {
                    InputPurpose::NewProvider { start } => {
                        self.new_provider(&input.field.text, start)
                    }
                    purpose => self.set_detail(&purpose, &input.field.text, effects),
                }
            }
            _ => {}
        }
    }

    /// Ctrl-C while typing a note or source: what was typed goes into the draft (which is
    /// saved) instead of being lost.
    pub(crate) fn keep_typed_detail(&mut self, effects: &mut Vec<Effect>) {
        let Some(Overlay::Input(input)) = self.overlays.last() else {
            return;
        };
        let Some(walk) = self.walk() else {
            return;
        };
        let answer = self
            .lib
            .checklist
            .questions
            .get(walk.index)
            .and_then(|q| walk.draft.answers.get(&q.id));
        let stored = match input.purpose {
            InputPurpose::Note => answer.and_then(|a| a.note.as_deref()),
            InputPurpose::Source => answer.and_then(|a| a.source.as_deref()),
            InputPurpose::NewProvider { .. } => return,
        };
        if input.field.text != stored.unwrap_or("") {
            let input = input.clone();
            self.overlays.pop();
            self.set_detail(&input.purpose, &input.field.text, effects);
        }
    }

    pub(crate) fn profile_saved(
        &mut self,
        result: Result<PathBuf, SaveFailure>,
        effects: &mut Vec<Effect>,
    ) {
        match result {
            Ok(path) => {
                let Some(walk) = self.walk() else {
                    return;
                };
                let mut provider = walk.draft.clone();
                provider.origin = path.clone();
                let (id, name) = (provider.id.clone(), provider.name.clone());
                self.checklist.drafts.retain(|d| d.id != id);
                effects.push(Effect::RemoveDraft(id.clone()));
                self.install(provider);
                self.checklist.screen = Screen::Pick;
                if let Some(i) = self.lib.providers.iter().position(|p| p.id == id) {
                    self.checklist.picked = 1 + self.checklist.drafts.len() + i;
                }
                self.say(format!(
                    "Saved {name} to {}. It is in Compare (3) now.",
                    path.display()
                ));
            }
            Err(SaveFailure::Exists(path)) => self.overlays.push(Overlay::ConfirmOverwrite(path)),
            Err(SaveFailure::Other(e)) => {
                self.warn(format!("Not saved ({e}); your answers are kept as a draft"))
            }
        }
    }

    pub(crate) fn confirm_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        match action {
            Action::Yes => {
                // A bundled profile's copy is saved like a new file (and asks again if one
                // exists); an existing file is replaced.
                let overwrite = !matches!(self.overlays.pop(), Some(Overlay::ConfirmCopy(_)));
                if let Some(walk) = self.walk() {
                    effects.push(Effect::SaveProfile {
                        provider: Box::new(walk.draft.clone()),
                        overwrite,
                    });
                }
            }
            Action::No => {
                self.overlays.pop();
                let drafted = self
                    .walk()
                    .is_some_and(|w| self.checklist.drafts.iter().any(|d| d.id == w.draft.id));
                self.say(if drafted {
                    "Not saved; your answers are kept as a draft"
                } else {
                    "Not saved"
                });
            }
            _ => {}
        }
    }

    /// The questions still worth asking the picked provider.
    fn prepare(&mut self) {
        let Some(provider) = self.picked_provider().cloned() else {
            self.say("Pick a provider first (j/k), then press p");
            return;
        };
        // A saved profile's score is cached; a draft's is not.
        let items = match self.checklist.row(self.checklist.picked) {
            PickRow::Provider(i) => questions_to_ask(&self.scores[i], &self.lib.checklist),
            _ => questions_to_ask(&self.score_draft(&provider), &self.lib.checklist),
        };
        self.checklist.screen = Screen::Prepare(Prepare {
            provider,
            items,
            selected: 0,
        });
    }

    pub(crate) fn prepare_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let rows = self.list_rows();
        let Screen::Prepare(prepare) = &mut self.checklist.screen else {
            return;
        };
        match action {
            Action::Back => self.checklist.screen = Screen::Pick,
            Action::Export => {
                let contents = question_sheet(
                    &prepare.provider,
                    &self.lib.checklist,
                    &self.priorities,
                    self.today,
                    SheetFormat::Markdown,
                );
                effects.push(Effect::Export {
                    stem: format!("questions-{}-{}", prepare.provider.id, self.today),
                    extension: "md",
                    contents,
                });
            }
            action => {
                if let Some(next) = step(action, prepare.selected, prepare.items.len(), rows) {
                    prepare.selected = next;
                }
            }
        }
    }

    /// Search jumped to a question: show it in the walk, or select it in the questions pane.
    pub(crate) fn show_question(&mut self, index: usize) {
        self.view = View::Checklist;
        match &mut self.checklist.screen {
            Screen::Walk(walk) => walk.index = index,
            _ => {
                self.checklist.screen = Screen::Pick;
                self.checklist.focus = ChecklistFocus::Questions;
                self.checklist.question = index;
            }
        }
    }
}
