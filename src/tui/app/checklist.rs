//! The Checklist view: pick a provider (or name a new one), walk the questions one at a time,
//! save the profile; or list the questions still worth asking a provider.

use std::path::{Path, PathBuf};

use super::super::action::{Action, Effect, ExportContents, FileError, Replace, SaveFailure, View};
use super::super::keymap;
use super::super::text;
use super::details::{DEFAULT_REFERENCE, Details};
use super::overlay::typed_path;
use super::records::CostItem;
use super::{App, Choice, Input, InputPurpose, Mode, Overlay, TextField, Then, step};
use crate::core::checklist::{Checklist, Question};
use crate::core::draft::{SavedDraft, first_unknown};
use crate::core::export::{SheetFormat, answer_label, question_sheet, questions_to_ask};
use crate::core::id::ProviderId;
use crate::core::provider::{
    Answer, ProfileSource, Provider, ProviderKind, SourceKind, id_for_name,
};
use crate::core::sanitize::{sanitize, sanitize_line};
use crate::core::scoring::{Score, Scorer};
use crate::core::width::truncate;
use crate::io::loader::BUNDLED;
use crate::io::store::SaveError;

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
    /// How far "why it matters" is scrolled (back to the top on another question).
    pub why_scroll: usize,
    /// The date answers are recorded with: the consultation's, set once with `d` (today until
    /// then).
    pub date: crate::core::date::Date,
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
    Details(Box<Details>),
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

/// Whether a draft's latest answers are on disk.
#[derive(Clone, Debug, PartialEq)]
pub enum Durability {
    /// In the drafts directory: a crash or quit loses nothing.
    OnDisk,
    /// Not in the drafts directory, but a copy was saved at this path.
    Elsewhere(PathBuf),
    /// Only in this app's memory, and why the save failed.
    NotSaved(String),
}

/// An unfinished walk-through, and whether its answers are safe.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub provider: Provider,
    pub saved: Durability,
    /// The question the walk was at when the user left it (or, for a draft read at start, the
    /// one its file names): resuming returns there.
    pub at: Option<usize>,
}

pub struct ChecklistView {
    pub screen: Screen,
    pub focus: ChecklistFocus,
    /// Row in the picker: "new provider", then drafts, then providers.
    pub picked: usize,
    /// Selected question in the questions pane.
    pub question: usize,
    /// Unfinished walk-throughs: a draft enters (or changes) only when a save reports back,
    /// marked with whether it reached the disk.
    pub drafts: Vec<Draft>,
    /// The providers in the order the picker lists them: by the name shown, not the file's.
    pub by_name: Vec<usize>,
}

impl ChecklistView {
    pub fn new(drafts: Vec<SavedDraft>, questions: &[Question]) -> Self {
        ChecklistView {
            screen: Screen::Pick,
            focus: ChecklistFocus::Providers,
            picked: 0,
            question: 0,
            drafts: drafts
                .into_iter()
                .map(|draft| Draft {
                    at: Some(draft.resume_index(questions)),
                    provider: draft.provider,
                    saved: Durability::OnDisk,
                })
                .collect(),
            by_name: Vec::new(),
        }
    }

    pub fn row(&self, index: usize) -> PickRow {
        match index.checked_sub(1) {
            None => PickRow::New,
            Some(i) if i < self.drafts.len() => PickRow::Draft(i),
            Some(i) => {
                let i = i - self.drafts.len();
                PickRow::Provider(self.by_name.get(i).copied().unwrap_or(i))
            }
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

    /// Records a draft as a save left it.
    fn upsert_draft(&mut self, provider: Provider, saved: Durability) {
        match self
            .drafts
            .iter_mut()
            .find(|d| d.provider.id == provider.id)
        {
            Some(existing) => {
                existing.provider = provider;
                existing.saved = saved;
            }
            None => self.drafts.push(Draft {
                provider,
                saved,
                at: None,
            }),
        }
    }

    pub fn draft(&self, id: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.provider.id == id)
    }

    /// Drafts whose answers are only in memory.
    pub fn unsaved(&self) -> impl Iterator<Item = &Draft> {
        self.drafts
            .iter()
            .filter(|d| matches!(d.saved, Durability::NotSaved(_)))
    }
}

impl App {
    fn walk(&self) -> Option<&Walk> {
        match &self.checklist.screen {
            Screen::Walk(walk) => Some(walk),
            _ => None,
        }
    }

    /// At start: names the unfinished walk-throughs, puts the picker's cursor on the first,
    /// and (with one) lets `2` resume it straight away, as the hint says.
    pub(crate) fn offer_resume(&mut self) {
        let names: Vec<&str> = self
            .checklist
            .drafts
            .iter()
            .map(|d| d.provider.name.as_str())
            .collect();
        match names.as_slice() {
            [] => return,
            [name] => {
                self.say(format!(
                    "Unfinished walk-through: {name}. Press 2 to resume it."
                ));
                self.resume = Some(self.checklist.drafts[0].provider.id.clone());
            }
            names => self.say(format!(
                "Unfinished walk-throughs: {}. Press 2 to pick one.",
                names.join(", ")
            )),
        }
        self.checklist.picked = 1;
    }

    /// Opens the draft with this id where its walk was left.
    pub(crate) fn resume_draft(&mut self, id: &str) {
        if let Some(i) = self
            .checklist
            .drafts
            .iter()
            .position(|d| d.provider.id == id)
        {
            self.checklist.screen = Screen::Pick;
            self.checklist.picked = 1 + i;
            self.start_walk(None);
        }
    }

    pub(crate) fn picker_action(&mut self, action: &Action) {
        match action {
            Action::Open => self.start_walk(None),
            Action::NewProvider => self.ask_name(0),
            Action::Prepare => self.prepare(),
            Action::SaveElsewhere => self.ask_path(),
            Action::Discard => self.ask_discard(),
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

    /// Asks before deleting the draft under the cursor.
    fn ask_discard(&mut self) {
        let PickRow::Draft(i) = self.checklist.row(self.checklist.picked) else {
            self.say("Only a draft can be discarded: move to a row marked \"draft\", then d");
            return;
        };
        let draft = &self.checklist.drafts[i];
        let answered = draft.provider.answered_count();
        let total = self.lib.checklist.questions.len();
        let mut text = vec![format!(
            "Your unfinished walk-through of \u{201c}{}\u{201d} ({answered} of {total} answered) will be deleted. This cannot be undone.",
            draft.provider.name
        )];
        if let Durability::Elsewhere(path) = &draft.saved {
            text.push(format!("The copy saved at {} is kept.", path.display()));
        }
        let choice = Choice::new("Discard this draft?", text)
            .option(
                'y',
                "yes, delete the draft",
                Then::Run(Effect::DiscardDraft(draft.provider.id.clone())),
            )
            .option('n', "no, keep it", Then::Nothing);
        self.overlays.push(Overlay::Choice(choice));
    }

    /// The draft is gone from disk: now it leaves the list too.
    pub(crate) fn draft_discarded(&mut self, id: &str, result: Result<(), SaveFailure>) {
        let Some(i) = self
            .checklist
            .drafts
            .iter()
            .position(|d| d.provider.id == id)
        else {
            return;
        };
        match result {
            Ok(()) => {
                let draft = self.checklist.drafts.remove(i);
                let rows = self.checklist.rows(self.lib.providers.len());
                self.checklist.picked = self.checklist.picked.min(rows - 1);
                self.say(format!("Discarded the draft of {}", draft.provider.name));
            }
            Err(failure) => self.warn(format!("The draft is still there: {failure}")),
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
            PickRow::Draft(i) => self.checklist.drafts.get(i).map(|d| &d.provider),
            PickRow::Provider(i) => self.lib.providers.get(i),
        }
    }

    /// Walks the picked provider, from `start` or (resuming a draft) its first unknown answer.
    /// A provider whose saved profile a `--providers` copy hides asks which one first.
    fn start_walk(&mut self, start: Option<usize>) {
        let Some(picked) = self.picked_provider() else {
            self.ask_name(start.unwrap_or(0));
            return;
        };
        let id = picked.id.clone();
        let on_provider_row = matches!(
            self.checklist.row(self.checklist.picked),
            PickRow::Provider(_)
        );
        if let Some(hidden) = self.hidden_saved(&id).filter(|_| on_provider_row) {
            let choice = Choice::new(
                format!("Two profiles of {}", picked.name),
                vec![
                    format!(
                        "The one shown (and compared) is {}, from a --providers directory, which wins over your own.",
                        picked.origin.display()
                    ),
                    format!(
                        "The profile you saved is {}; it is hidden while that directory is loaded.",
                        hidden.origin.display()
                    ),
                ],
            )
            .option(
                's',
                "open your saved profile",
                Then::Walk {
                    id: id.clone(),
                    saved: true,
                },
            )
            .option(
                'w',
                "walk the one shown (saving asks before replacing yours)",
                Then::Walk { id, saved: false },
            );
            self.overlays.push(Overlay::Choice(choice));
            return;
        }
        self.walk_provider(&id, picked.clone(), start);
    }

    /// The profile the user saved (not a bundled one) that a later directory hides.
    pub(crate) fn hidden_saved(&self, id: &str) -> Option<&Provider> {
        self.lib
            .shadowed(id)
            .filter(|p| !p.origin.starts_with(BUNDLED))
    }

    pub(crate) fn walk_choice(&mut self, id: &str, saved: bool) {
        let provider = if saved {
            self.hidden_saved(id)
        } else {
            self.lib.provider(id)
        };
        let Some(provider) = provider.cloned() else {
            return;
        };
        let path = provider.origin.display().to_string();
        self.walk_provider(id, provider, None);
        if saved {
            self.say(format!("Walking your saved profile ({path})"));
        }
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
        let found = self.checklist.draft(id);
        let resumed = found.is_some();
        let at = found.and_then(|d| d.at);
        let draft = found.map_or(provider, |d| d.provider.clone());
        let index = start.unwrap_or_else(|| match at {
            Some(at) => at,
            None if resumed => first_unknown(&draft, &self.lib.checklist.questions),
            None => 0,
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
            why_scroll: 0,
            date: self.today,
        });
        self.view = View::Checklist;
    }

    pub(crate) fn new_provider(&mut self, name: &str, start: usize) {
        let name = sanitize_line(name).trim().to_string();
        // Only the very same name resumes its draft or walks its profile: names that merely
        // share an id ("Mind & Body KAP" and "Mind Body KAP") are two providers, and the new
        // one takes a free id below.
        let same = |p: &Provider| p.name == name;
        let drafts = self.checklist.drafts.iter().map(|d| &d.provider);
        if let Some(draft) = drafts.clone().find(|d| same(d)).cloned() {
            self.walk_provider(&draft.id.clone(), draft, Some(start));
            return;
        }
        if let Some(existing) = self.lib.providers.iter().find(|p| same(p)).cloned() {
            self.walk_provider(&existing.id.clone(), existing, Some(start));
            self.say(format!(
                "{name} already has a profile; walking through it (saving asks before replacing)"
            ));
            return;
        }
        let id = id_for_name(&name, |id| self.id_taken(id));
        let provider = Provider {
            source: Some(ProfileSource {
                kind: SourceKind::Consultation,
                reference: Some(DEFAULT_REFERENCE.into()),
                url: None,
                last_verified: Some(self.today),
            }),
            ..Provider::new(id, name, ProviderKind::KapPractice)
        };
        self.ask_details(provider, start);
    }

    /// An id some profile (shown or hidden) or draft already has.
    fn id_taken(&self, id: &str) -> bool {
        self.lib.provider(id).is_some()
            || self.lib.shadowed(id).is_some()
            || self.checklist.draft(id).is_some()
    }

    pub(crate) fn walk_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let count = self.lib.checklist.questions.len();
        let inner = super::super::geometry::inner(self.body());
        let Screen::Walk(walk) = &mut self.checklist.screen else {
            return;
        };
        let at_question = walk.index < count;
        let was = walk.index;
        match action {
            Action::Answer(value) if at_question => {
                let id = self.lib.checklist.questions[walk.index].id.clone();
                let answer = walk.draft.answers.get_or_default(&id);
                answer.value = *value;
                answer.date = Some(walk.date);
                // It stays on the question, so a note or source goes with this answer.
                let ascii = self.theme.ascii;
                let key = |action| keymap::key_for(Mode::Walk, &action, ascii);
                let recorded = format!(
                    "Recorded \"{}\" — {} or Enter: next question · {} note · {} source",
                    answer_label(*value),
                    key(Action::NextQuestion),
                    key(Action::EditNote),
                    key(Action::EditSource),
                );
                self.draft_changed(effects);
                self.say(recorded);
            }
            Action::PrevQuestion => walk.index = walk.index.saturating_sub(1),
            Action::NextQuestion => walk.index = (walk.index + 1).min(count),
            Action::Finish => walk.index = count,
            Action::Clinicians => self.open_records(super::RecordList::Clinicians),
            Action::Costs => self.open_records(super::RecordList::Costs),
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
                    let text = format!(
                        "This saves your own copy of {}, which will be used instead of the bundled profile. Save?",
                        walk.draft.name
                    );
                    self.confirm_save("Save your own copy?", vec![text], Replace::No);
                } else {
                    effects.push(Effect::SaveProfile {
                        provider: Box::new(walk.draft.clone()),
                        replace: Replace::No,
                    });
                }
            }
            Action::SaveElsewhere => self.ask_path(),
            Action::Back => self.leave_walk(),
            Action::ConsultationDate => {
                let field = TextField::new(&walk.date.to_string());
                let purpose = InputPurpose::ConsultationDate;
                self.overlays.push(Overlay::Input(Input { purpose, field }));
            }
            action if at_question => {
                let page = text::walk_page(
                    &self.lib,
                    walk,
                    self.theme.ascii,
                    usize::from(inner.width),
                    usize::from(inner.height),
                );
                let (max, rows) = (page.max_scroll(), page.why_rows);
                if let Some(next) = step(action, walk.why_scroll.min(max), max + 1, rows) {
                    walk.why_scroll = next;
                }
            }
            _ => {}
        }
        if let Screen::Walk(walk) = &mut self.checklist.screen
            && walk.index != was
        {
            walk.why_scroll = 0;
        }
    }

    /// Saves the draft after every change, so a crash or quit loses nothing. The list of
    /// drafts changes when the save reports back ([`App::draft_saved`]), marked with whether
    /// it reached the disk.
    pub(crate) fn draft_changed(&mut self, effects: &mut Vec<Effect>) {
        if let Some(walk) = self.walk() {
            let draft = walk.draft.clone();
            self.rescore_walk();
            effects.push(self.save_draft(&draft, Replace::IfUnchanged));
        }
    }

    /// Saving `draft` with where the walk is.
    fn save_draft(&self, draft: &Provider, replace: Replace) -> Effect {
        Effect::SaveDraft {
            draft: Box::new(self.saved_walk(draft)),
            replace,
        }
    }

    /// `draft` as its file holds it: with the question on screen if it is the walk's (none
    /// on the finish page).
    fn saved_walk(&self, draft: &Provider) -> SavedDraft {
        let at = self
            .walk()
            .filter(|w| w.draft.id == draft.id)
            .and_then(|w| self.lib.checklist.questions.get(w.index))
            .map(|q| q.id.clone());
        SavedDraft {
            provider: draft.clone(),
            at,
        }
    }

    /// The walk's draft and question, to see after an action whether it moved.
    pub(crate) fn walk_place(&self) -> Option<(ProviderId, usize)> {
        self.walk().map(|w| (w.draft.id.clone(), w.index))
    }

    /// After the walk moved to another question: its draft's file learns where it is, so that
    /// quitting (or a crash) and starting again resumes there. Only a draft already on disk
    /// is written: looking through a profile without answering makes no draft.
    pub(crate) fn keep_walk_place(
        &mut self,
        before: Option<(ProviderId, usize)>,
        effects: &mut Vec<Effect>,
    ) {
        let now = self.walk_place();
        let (Some((was, _)), Some((id, index))) = (&before, &now) else {
            return;
        };
        if before == now || was != id {
            return;
        }
        let Some(draft) = self
            .checklist
            .drafts
            .iter_mut()
            .find(|d| d.provider.id == *id)
        else {
            return;
        };
        draft.at = Some(*index);
        let saving = effects
            .iter()
            .any(|e| matches!(e, Effect::SaveDraft { .. }));
        if draft.saved == Durability::OnDisk
            && !saving
            && let Some(walk) = self.walk()
        {
            effects.push(Effect::KeepDraftPlace(Box::new(
                self.saved_walk(&walk.draft),
            )));
        }
    }

    pub(crate) fn draft_saved(&mut self, draft: Provider, result: Result<PathBuf, SaveFailure>) {
        match result {
            Ok(_) => self.checklist.upsert_draft(draft, Durability::OnDisk),
            Err(failure) => {
                let why = failure.to_string();
                self.checklist
                    .upsert_draft(draft.clone(), Durability::NotSaved(why.clone()));
                if let SaveFailure::Changed(_) = failure {
                    self.conflict(&draft, false, &why);
                } else {
                    let key = keymap::key_for(Mode::Walk, &Action::SaveElsewhere, false);
                    self.warn(format!(
                        "The draft is not saved — only in memory ({why}). Press {key} to save it to a file you name."
                    ));
                }
            }
        }
    }

    /// What the walk's answers are, said after leaving or failing to save.
    fn kept_note(&self, id: &str) -> String {
        match self.checklist.draft(id).map(|d| &d.saved) {
            Some(Durability::OnDisk) => "your answers are kept as a draft".into(),
            Some(Durability::Elsewhere(path)) => {
                format!("your answers are saved in {}", path.display())
            }
            Some(Durability::NotSaved(_)) => {
                let key = keymap::key_for(Mode::Walk, &Action::SaveElsewhere, false);
                format!(
                    "your answers are not saved — only in memory; press {key} to save them to a file you name"
                )
            }
            None => String::new(),
        }
    }

    fn leave_walk(&mut self) {
        let Some(walk) = self.walk() else {
            return;
        };
        let (id, index) = (walk.draft.id.clone(), walk.index);
        let note = self.kept_note(&id);
        self.checklist.screen = Screen::Pick;
        if let Some(i) = self
            .checklist
            .drafts
            .iter()
            .position(|d| d.provider.id == id)
        {
            self.checklist.picked = 1 + i;
            self.checklist.drafts[i].at = Some(index);
        }
        match self.checklist.draft(&id).map(|d| &d.saved) {
            Some(Durability::NotSaved(_)) => self.warn(format!("Left the walk-through: {note}")),
            Some(_) => self.say(format!("{}; pick it again to carry on", capitalized(&note))),
            None => {}
        }
    }

    /// Someone else changed the file this walk saves to: reload theirs, keep ours as a copy,
    /// or overwrite.
    fn conflict(&mut self, draft: &Provider, profile: bool, why: &str) {
        let what = if profile { "profile" } else { "draft" };
        let overwrite = if profile {
            Effect::SaveProfile {
                provider: Box::new(draft.clone()),
                replace: Replace::Yes,
            }
        } else {
            self.save_draft(draft, Replace::Yes)
        };
        let choice = Choice::new(
            format!("The {what} changed on disk"),
            vec![
                format!(
                    "{why}: perhaps a second kapguide is walking {} too.",
                    draft.name
                ),
                "Your answers here are not saved yet — only in memory.".into(),
            ],
        )
        .option(
            'r',
            format!("reload the {what} from disk (drops the answers here)"),
            Then::Reload {
                id: draft.id.clone(),
                profile,
            },
        )
        .option(
            'c',
            "save the answers here as a copy",
            Then::SaveCopy { profile },
        )
        .option(
            'o',
            "overwrite the file with the answers here",
            Then::Run(overwrite),
        );
        self.warn(format!("Not saved: {why}"));
        self.overlays.push(Overlay::Choice(choice));
    }

    /// Keeps the walk's answers under a new id (and name) beside the file that changed.
    pub(crate) fn save_copy(&mut self, profile: bool, effects: &mut Vec<Effect>) {
        let Some(walk) = self.walk() else {
            return;
        };
        let old = walk.draft.id.clone();
        let name = walk.draft.name.clone();
        let id = id_for_name(&name, |id| id == old || self.id_taken(id));
        // The old id's entry was ours only in memory; the file is the other program's.
        self.checklist
            .drafts
            .retain(|d| d.provider.id != old || d.saved == Durability::OnDisk);
        if let Screen::Walk(walk) = &mut self.checklist.screen {
            walk.draft.id = id;
            walk.draft.name = format!("{name} (copy)");
        }
        if profile {
            if let Some(walk) = self.walk() {
                effects.push(Effect::SaveProfile {
                    provider: Box::new(walk.draft.clone()),
                    replace: Replace::No,
                });
            }
            effects.push(Effect::RemoveDraft(old));
        }
        self.draft_changed(effects);
    }

    pub(crate) fn reloaded(&mut self, profile: bool, result: Result<Box<Provider>, FileError>) {
        let provider = match result {
            Ok(provider) => *provider,
            Err(e) => {
                self.warn(format!("Could not reload: {e}"));
                return;
            }
        };
        let name = provider.name.clone();
        if profile {
            self.install(provider.clone());
        } else {
            self.checklist
                .upsert_draft(provider.clone(), Durability::OnDisk);
        }
        let score = self.score_draft(&provider);
        if let Screen::Walk(walk) = &mut self.checklist.screen {
            walk.draft = provider;
            walk.score = score;
        }
        self.say(format!(
            "Reloaded {name} as it is on disk; the answers you had here were dropped"
        ));
    }

    /// Asks for a file to save the walk's (or the picked draft's) answers to.
    pub(crate) fn ask_path(&mut self) {
        let id = match (self.walk(), self.checklist.row(self.checklist.picked)) {
            (Some(walk), _) => walk.draft.id.clone(),
            (None, PickRow::Draft(i)) if self.checklist.screen == Screen::Pick => {
                self.checklist.drafts[i].provider.id.clone()
            }
            _ => {
                self.say("Pick a walk-through first (w saves its answers to a file you name)");
                return;
            }
        };
        self.overlays.push(Overlay::Input(Input {
            purpose: InputPurpose::SavePath { id },
            field: TextField::default(),
        }));
    }

    pub(crate) fn save_at(&mut self, id: &str, path: &str, effects: &mut Vec<Effect>) {
        let Ok(path) = typed_path(path) else {
            return;
        };
        let walked = self.walk().map(|w| &w.draft).filter(|d| d.id == id);
        let Some(draft) = walked.or(self.checklist.draft(id).map(|d| &d.provider)) else {
            return;
        };
        effects.push(Effect::SaveDraftAt {
            draft: Box::new(draft.clone()),
            path,
        });
    }

    pub(crate) fn saved_elsewhere(&mut self, id: &str, result: Result<PathBuf, SaveError>) {
        match result {
            Ok(path) => {
                let walked = self.walk().map(|w| w.draft.clone()).filter(|d| d.id == id);
                if let Some(provider) =
                    walked.or(self.checklist.draft(id).map(|d| d.provider.clone()))
                {
                    self.checklist
                        .upsert_draft(provider, Durability::Elsewhere(path.clone()));
                }
                let dir = path
                    .parent()
                    .map(|d| d.display().to_string())
                    .unwrap_or_default();
                self.say(format!(
                    "Saved a copy to {} (kapguide --providers {dir} shows it)",
                    path.display()
                ));
            }
            Err(e) => self.warn(format!("Not saved there: {e}")),
        }
    }

    /// Quits, unless some answers are only in memory: then asks first.
    pub(crate) fn quit_unless_unsaved(&mut self) {
        let asking = matches!(self.overlays.last(), Some(Overlay::Choice(c)) if c.options.iter().any(|o| o.then == Then::Quit));
        let unsaved: Vec<String> = self
            .checklist
            .unsaved()
            .map(|d| d.provider.name.clone())
            .collect();
        if unsaved.is_empty() || asking {
            self.quit = true;
            return;
        }
        let choice = Choice::new(
            "Quit with unsaved answers?",
            vec![
                format!(
                    "Your answers for {} are not saved — only in memory. Quitting now loses them.",
                    unsaved.join(", ")
                ),
                "e saves the walk-through's answers to a file you name (another disk, say).".into(),
            ],
        )
        .option(
            'e',
            "save the answers to a file you name",
            Then::SaveElsewhere,
        )
        .option('q', "quit and lose them", Then::Quit);
        self.overlays.push(Overlay::Choice(choice));
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
        let answer: &mut Answer = walk.draft.answers.get_or_default(&question.id);
        let value = (!text.is_empty()).then_some(text);
        match purpose {
            InputPurpose::Note => answer.note = value,
            InputPurpose::Source => answer.source = value,
            InputPurpose::NewProvider { .. }
            | InputPurpose::SavePath { .. }
            | InputPurpose::ConsultationDate => return,
        }
        answer.date = Some(today);
        self.draft_changed(effects);
    }

    /// The consultation date typed: answers recorded from now on carry it. A date that does
    /// not read keeps the box open to fix it.
    pub(crate) fn set_date(&mut self, input: Input) {
        let text = input.field.text.trim().to_string();
        let Some(date) = crate::core::date::Date::parse(&text) else {
            self.overlays.push(Overlay::Input(input));
            self.warn(format!("\"{text}\" is not a date: write it as YYYY-MM-DD"));
            return;
        };
        if date > self.today {
            self.overlays.push(Overlay::Input(input));
            self.warn(format!(
                "{date} is in the future: the consultation's date, please"
            ));
            return;
        }
        if let Screen::Walk(walk) = &mut self.checklist.screen {
            walk.date = date;
            self.say(format!("Answers you record now are dated {date}"));
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
            InputPurpose::NewProvider { .. }
            | InputPurpose::SavePath { .. }
            | InputPurpose::ConsultationDate => return,
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
                provider.origin.clone_from(&path);
                let (id, name) = (provider.id.clone(), provider.name.clone());
                self.checklist.drafts.retain(|d| d.provider.id != id);
                effects.push(Effect::RemoveDraft(id.clone()));
                self.install(provider);
                self.checklist.screen = Screen::Pick;
                let mut listed = self.checklist.by_name.iter();
                if let Some(row) = listed.position(|&i| self.lib.providers[i].id == id) {
                    self.checklist.picked = 1 + self.checklist.drafts.len() + row;
                }
                self.say(format!(
                    "Saved {name} to {}. It is in Compare (3) now.",
                    path.display()
                ));
            }
            Err(SaveFailure::Exists(path)) => {
                let text = self.replace_text(&path);
                self.confirm_save("Replace the saved profile?", text, Replace::IfUnchanged);
            }
            Err(failure @ SaveFailure::Changed(_)) => {
                if let Some(draft) = self.walk().map(|w| w.draft.clone()) {
                    self.conflict(&draft, true, &failure.to_string());
                }
            }
            Err(SaveFailure::Other(e)) => {
                let note = self
                    .walk()
                    .map(|w| self.kept_note(&w.draft.id))
                    .unwrap_or_default();
                self.warn(format!("Not saved ({e}); {note}"));
            }
        }
    }

    /// What replacing the profile at `path` with the walk means: whose profile it is, whose
    /// answers would take its place, and what would change.
    fn replace_text(&self, path: &Path) -> Vec<String> {
        let Some(walk) = self.walk() else {
            return Vec::new();
        };
        let existing = self
            .lib
            .providers
            .iter()
            .chain(&self.lib.shadowed)
            .find(|p| p.origin == path);
        let Some(existing) = existing else {
            return vec![
                format!(
                    "{} already exists: a file kapguide did not load (added since it started, or it could not be read).",
                    path.display()
                ),
                format!(
                    "Replace it with your answers for \u{201c}{}\u{201d}? What it holds now would be lost.",
                    walk.draft.name
                ),
            ];
        };
        let mut text = vec![
            format!(
                "{} holds the profile of \u{201c}{}\u{201d}.",
                path.display(),
                existing.name
            ),
            format!(
                "Replace it with your answers for \u{201c}{}\u{201d}?",
                walk.draft.name
            ),
        ];
        let changes = changes(existing, &walk.draft, &self.lib.checklist);
        if changes.is_empty() {
            text.push(
                "Nothing would change: the answers, clinicians and costs are the same.".into(),
            );
        } else {
            text.push("What would change:".into());
            text.extend(changes);
        }
        text
    }

    /// Asks yes or no before saving the walk as a profile: `y` saves with `replace` (a bundled
    /// profile's copy is saved like a new file and asks again if one exists; an existing file
    /// is replaced if no one changed it since).
    fn confirm_save(&mut self, title: &str, text: Vec<String>, replace: Replace) {
        let Some(walk) = self.walk() else {
            return;
        };
        let save = Effect::SaveProfile {
            provider: Box::new(walk.draft.clone()),
            replace,
        };
        let choice = Choice::new(title, text)
            .option('y', "yes", Then::Run(save))
            .option('n', "no", Then::NotSaved);
        self.overlays.push(Overlay::Choice(choice));
    }

    /// The user chose not to save the profile: say where the answers are.
    pub(crate) fn not_saved(&mut self) {
        let note = self
            .walk()
            .map(|w| self.kept_note(&w.draft.id))
            .unwrap_or_default();
        if note.is_empty() {
            self.say("Not saved");
        } else {
            self.say(format!("Not saved; {note}"));
        }
    }

    /// The questions still worth asking the picked provider.
    fn prepare(&mut self) {
        let Some(provider) = self.picked_provider().cloned() else {
            let key = keymap::key_for(Mode::Picker, &Action::Prepare, false);
            self.say(format!("Pick a provider first (j/k), then press {key}"));
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
                    contents: ExportContents::Text(contents),
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
        if let Screen::Walk(walk) = &mut self.checklist.screen {
            walk.index = index;
        } else {
            self.checklist.screen = Screen::Pick;
            self.checklist.focus = ChecklistFocus::Questions;
            self.checklist.question = index;
        }
    }
}

/// How `new` differs from `old`, a line per difference (the name, each answer, each clinician
/// removed or added, each cost), at most a few lines and then how many more.
fn changes(old: &Provider, new: &Provider, checklist: &Checklist) -> Vec<String> {
    const SHOWN: usize = 6;
    let mut lines = Vec::new();
    if old.name != new.name {
        lines.push(format!("  name: {} \u{2192} {}", old.name, new.name));
    }
    for q in &checklist.questions {
        let (before, after) = (old.answer(&q.id), new.answer(&q.id));
        if before != after {
            lines.push(format!(
                "  {}: {} \u{2192} {}",
                truncate(&q.question, 40, "\u{2026}"),
                answer_label(before),
                answer_label(after)
            ));
        }
    }
    // A clinician whose details changed shows as removed, then added.
    for gone in old
        .clinicians
        .iter()
        .filter(|c| !new.clinicians.contains(c))
    {
        lines.push(format!("  clinician removed: {}", gone.summary()));
    }
    for added in new
        .clinicians
        .iter()
        .filter(|c| !old.clinicians.contains(c))
    {
        lines.push(format!("  clinician added: {}", added.summary()));
    }
    for item in CostItem::ALL {
        let (before, after) = (item.recorded(&old.costs), item.recorded(&new.costs));
        if before == after {
            continue;
        }
        let value = |recorded: &Option<(String, _, _)>| {
            recorded
                .as_ref()
                .map_or_else(|| "not stated".to_string(), |(value, ..)| value.clone())
        };
        let (before, after) = (value(&before), value(&after));
        let label = item.label().to_lowercase();
        lines.push(if before == after {
            format!("  {label}: its note or source")
        } else {
            format!("  {label}: {before} \u{2192} {after}")
        });
    }
    if lines.len() > SHOWN {
        let more = lines.len() - (SHOWN - 1);
        lines.truncate(SHOWN - 1);
        lines.push(format!("  \u{2026} and {more} more changes"));
    }
    lines
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
