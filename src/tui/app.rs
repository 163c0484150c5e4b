//! The app's state and its one entry point, [`App::update`]: an action in, the state changed,
//! file work out as [`Effect`]s. Nothing here draws or touches the disk.

mod checklist;
mod compare;
mod details;
mod field;
mod filters;
mod form;
mod guides;
mod invariants;
mod mode;
mod mouse;
mod options;
mod overlay;
mod readiness;
mod records;
mod search;
mod values;

use ratatui::layout::Rect;

pub use checklist::{
    ChecklistFocus, ChecklistView, Draft, Durability, PickRow, Prepare, Screen, Walk,
};
pub use compare::{CompareFocus, CompareView, FOOT_ROWS, SortBy};
pub use details::Details;
pub use field::TextField;
pub use filters::{FilterChoice, FilterPanel};
pub use form::{Field, Form, Row, Widget};
pub use guides::{Guides, GuidesFocus, TocEntry};
pub use mode::Mode;
pub use mouse::{ListId, Target};
pub use options::{MATTERS_MARK, OptionsView, row_heights, row_label, rows_that_fit};
pub use overlay::{Choice, ChoiceOption, Input, InputPurpose, Overlay, Then};
pub use records::{CostItem, Record, RecordForm, RecordList};
pub use search::SearchView;

use super::action::{Action, Effect, Reply, View};
use super::geometry::{self, page};
use super::theme::Theme;
use crate::core::date::Date;
use crate::core::diagnostics::Problem;
use crate::core::draft::SavedDraft;
use crate::core::id::ProviderId;
use crate::core::provider::Provider;
use crate::core::sanitize::sanitize_line;
use crate::core::scoring::{AnswerMatrix, Priorities, Score};
use crate::io::config::Config;
use crate::io::loader::{Library, ProviderLoad};
use crate::io::session::Context;

/// What the run loop found before starting: it reads the disk so that the app does not.
pub struct Startup {
    /// No marker says the "educational, not medical advice" notice was read.
    pub first_run: bool,
    /// Unfinished walk-throughs.
    pub drafts: Vec<SavedDraft>,
    /// Drafts that could not be read (they are left on disk as they are).
    pub draft_problems: Vec<Problem>,
    pub theme: Theme,
    pub size: (u16, u16),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub(crate) lib: Library,
    pub(crate) config: Config,
    pub(crate) priorities: Priorities,
    pub(crate) today: Date,
    pub(crate) theme: Theme,
    pub(crate) size: Rect,
    pub(crate) view: View,
    pub(crate) overlays: Vec<Overlay>,
    pub(crate) status: Option<Status>,
    /// Paragraphs for the problems overlay: what could not be loaded at start.
    pub(crate) problems: Vec<String>,
    quit: bool,
    /// The draft the start-up hint offers: the next key, if it is `2`, resumes it.
    resume: Option<ProviderId>,
    pub(crate) guides: Guides,
    pub(crate) checklist: ChecklistView,
    pub(crate) compare: CompareView,
    pub(crate) options: OptionsView,
    pub(crate) search: SearchView,
    /// One per provider in `lib.providers`, recomputed only when priorities or profiles change.
    pub(crate) scores: Vec<Score>,
    /// Every provider's answers in checklist order, for fast re-scoring.
    answers: AnswerMatrix,
    /// What the last drawing put where, for clicks (drawing reads `&App`, so it records here).
    targets: std::cell::RefCell<Vec<(Rect, Target)>>,
    /// Provider files read and to read while they load in the background; the Checklist and
    /// Compare views wait for them (`lib.providers` is empty until all are in).
    pub(crate) loading: Option<(usize, usize)>,
    /// Bytes written by the export running in the background.
    pub(crate) exporting: Option<usize>,
}

/// The first few problems' lines (a long list is for `kapguide validate`), then a blank line.
fn first_few<'a>(report: &mut Vec<String>, problems: impl Iterator<Item = &'a Problem>) {
    const SHOWN: usize = 10;
    let problems: Vec<&Problem> = problems.collect();
    for problem in problems.iter().take(SHOWN) {
        report.extend(problem.to_string().lines().map(str::to_string));
    }
    if problems.len() > SHOWN {
        report.push(format!("… and {} more", problems.len() - SHOWN));
    }
    report.push(String::new());
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Adds what `problems` (of files loaded, `skipped` of them skipped) mean to the status line's
/// `summary` and the problems overlay's `report`.
fn file_problems(
    skipped: usize,
    problems: &[Problem],
    summary: &mut Vec<String>,
    report: &mut Vec<String>,
) {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    if skipped > 0 || errors > 0 {
        let what = if skipped > 0 {
            format!(
                "{} skipped because of errors",
                plural(skipped, "file", "files")
            )
        } else {
            format!("{} found in the files", plural(errors, "error", "errors"))
        };
        summary.push(format!("{what} — run `kapguide validate`"));
        report.push(format!(
            "{what}. Run `kapguide validate` to see every problem with its line and a hint."
        ));
        first_few(report, problems.iter().filter(|p| p.is_error()));
    }
    let warnings: Vec<&Problem> = problems.iter().filter(|p| !p.is_error()).collect();
    if !warnings.is_empty() {
        let what = plural(warnings.len(), "warning", "warnings");
        summary.push(format!("{what} about the files"));
        report.push(format!(
            "{what}: the files were loaded, but something looks wrong (a profile hidden by another with the same id, say)."
        ));
        first_few(report, warnings.into_iter());
    }
}

/// Moves a selection in a list of `len` items shown `rows` at a time; `None` if `action` is not
/// a movement.
pub(crate) fn step(action: &Action, current: usize, len: usize, rows: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let next = match action {
        Action::Up => current.saturating_sub(1),
        Action::Down => current + 1,
        Action::PageUp => current.saturating_sub(page(rows)),
        Action::PageDown => current + page(rows),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(next.min(last))
}

impl App {
    pub fn new(context: Context, startup: Startup) -> App {
        let Context {
            library: lib,
            config,
            config_problems,
            priorities,
            today,
            ..
        } = context;
        let (width, height) = startup.size;
        let mut app = App {
            guides: Guides::new(&lib),
            checklist: ChecklistView::new(startup.drafts, &lib.checklist.questions),
            compare: CompareView::default(),
            options: OptionsView::default(),
            search: SearchView::default(),
            scores: Vec::new(),
            answers: AnswerMatrix::default(),
            lib,
            config,
            priorities,
            today,
            theme: startup.theme,
            size: Rect::new(0, 0, width, height),
            view: View::Guides,
            overlays: Vec::new(),
            status: None,
            problems: Vec::new(),
            quit: false,
            targets: Default::default(),
            resume: None,
            loading: None,
            exporting: None,
        };
        app.profiles_changed();
        let size = app.reader_size();
        app.guides.relayout(&app.lib, size.0);
        app.offer_resume();
        app.report_problems(&config_problems, &startup.draft_problems);
        if startup.first_run {
            app.overlays.push(Overlay::Notice);
        }
        app
    }

    /// Says what could not be loaded, on the status line and in an overlay with the details,
    /// instead of on a stderr the alternate screen hides.
    fn report_problems(&mut self, config: &[Problem], drafts: &[Problem]) {
        let mut summary = Vec::new();
        let mut report = Vec::new();
        let paragraphs = |problem: &Problem| -> Vec<String> {
            problem.to_string().lines().map(str::to_string).collect()
        };
        let unreadable: std::collections::BTreeSet<_> = drafts
            .iter()
            .filter(|p| p.is_error())
            .map(|p| &p.path)
            .collect();
        if !unreadable.is_empty() {
            let n = unreadable.len();
            summary.push(format!(
                "{} could not be read (kept as is)",
                plural(n, "draft", "drafts")
            ));
            report.push(format!(
                "{} could not be read. Nothing was deleted: each file is kept as it is. Walking the same provider again starts a new draft and moves the old file aside to a .bak file next to it.",
                plural(n, "unfinished walk-through (draft)", "unfinished walk-throughs (drafts)")
            ));
            report.extend(drafts.iter().flat_map(paragraphs));
            report.push(String::new());
        }
        file_problems(
            self.lib.skipped,
            &self.lib.problems,
            &mut summary,
            &mut report,
        );
        if !config.is_empty() {
            summary.push("the config file has problems (default priorities used)".to_string());
            report.push(
                "Your config file has problems; the default priorities are used for anything not read, and the file is not overwritten:".to_string(),
            );
            report.extend(config.iter().flat_map(paragraphs));
            report.push(String::new());
        }
        if summary.is_empty() {
            return;
        }
        self.problems = report;
        self.warn(format!("{} (Esc closes the details)", summary.join("; ")));
        self.overlays.push(Overlay::Problems { scroll: 0 });
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn library(&self) -> &Library {
        &self.lib
    }

    pub fn priorities(&self) -> &Priorities {
        &self.priorities
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The providers shown in Compare, left to right.
    pub fn shown_providers(&self) -> Vec<&Provider> {
        self.compare
            .columns
            .iter()
            .map(|&i| &self.lib.providers[i])
            .collect()
    }

    /// The selected Compare column and the first one drawn (indices into `shown_providers`).
    pub fn compare_column(&self) -> (usize, usize) {
        (self.compare.col, self.compare.col_offset)
    }

    /// The question selected in the Checklist's questions pane (an index into the checklist).
    pub fn checklist_question(&self) -> usize {
        self.checklist.question
    }

    pub(crate) fn body(&self) -> Rect {
        geometry::screen(self.size).body
    }

    /// The reader's text width and height.
    pub(crate) fn reader_size(&self) -> (usize, usize) {
        let text = geometry::reader_text(self.body());
        (usize::from(text.width), usize::from(text.height))
    }

    /// Rows of a list drawn inside a bordered pane as tall as the body.
    pub(crate) fn list_rows(&self) -> usize {
        usize::from(geometry::inner(self.body()).height)
    }

    pub(crate) fn say(&mut self, text: impl AsRef<str>) {
        self.status = Some(Status {
            text: sanitize_line(text.as_ref()).into_owned(),
            error: false,
        });
    }

    pub(crate) fn warn(&mut self, text: impl AsRef<str>) {
        self.status = Some(Status {
            text: sanitize_line(text.as_ref()).into_owned(),
            error: true,
        });
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        let walked = self.walk_place();
        match action {
            Action::Resize(width, height) => self.resize(width, height),
            Action::Done(reply) => self.reply(reply, &mut effects),
            Action::Click(x, y) => self.click(x, y, &mut effects),
            Action::Wheel { x, y, down } => self.wheel(x, y, down, &mut effects),
            Action::Idle => self.run_search(),
            action => {
                self.status = None;
                self.key(action, &mut effects);
            }
        }
        self.keep_walk_place(walked, &mut effects);
        self.one_export_at_a_time(&mut effects);
        effects
    }

    /// An export runs in the background while the app stays in use; a second one waits for
    /// the first to finish (two at once would only slow both).
    fn one_export_at_a_time(&mut self, effects: &mut Vec<Effect>) {
        let is_export = |e: &Effect| matches!(e, Effect::Export { .. });
        if !effects.iter().any(is_export) {
            return;
        }
        if self.exporting.is_some() {
            effects.retain(|e| !is_export(e));
            self.warn("An export is still being written; try again once it is saved");
        } else {
            self.exporting = Some(0);
        }
    }

    /// Whether providers are still loading in the background.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// All the providers, loaded in the background, arrive at once.
    fn providers_loaded(&mut self, load: ProviderLoad) {
        self.loading = None;
        let before = self.lib.problems.len();
        let skipped = self.lib.skipped;
        load.add_to(&mut self.lib);
        self.profiles_changed();
        self.reindex_search();
        let mut summary = Vec::new();
        file_problems(
            self.lib.skipped - skipped,
            &self.lib.problems[before..],
            &mut summary,
            &mut self.problems,
        );
        if !summary.is_empty() {
            self.warn(format!("{} (Esc closes the details)", summary.join("; ")));
            let open = |o: &Overlay| matches!(o, Overlay::Problems { .. });
            if !self.overlays.iter().any(open) {
                self.overlays.push(Overlay::Problems { scroll: 0 });
            }
        }
    }

    fn key(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let resume = self.resume.take();
        match action {
            Action::View(View::Checklist) if resume.is_some() && self.overlays.is_empty() => {
                self.view = View::Checklist;
                self.resume_draft(resume.as_deref().unwrap_or_default());
            }
            Action::Quit => {
                self.keep_typed_detail(effects);
                self.keep_typed_record(effects);
                self.quit_unless_unsaved();
            }
            Action::QuitTop if self.mode().is_top() => self.quit_unless_unsaved(),
            Action::QuitTop => {
                self.say("q quits from the top of a view; press Esc to go back first");
            }
            Action::Crisis => self.overlays.push(Overlay::Crisis { scroll: 0 }),
            Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
            Action::Search => self.open_search(),
            Action::Values => self.open_values(),
            Action::Readiness => self.overlays.push(Overlay::Readiness {
                selected: 0,
                opened: self.config.readiness,
            }),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::View(view) => {
                self.compare.explained = None;
                self.view = view;
            }
            Action::FocusNext | Action::FocusPrev => self.toggle_focus(),
            action => match self.mode() {
                Mode::Toc => {
                    let (size, rows) = (self.reader_size(), self.list_rows());
                    self.guides.toc_action(&self.lib, &action, size, rows);
                }
                Mode::Reader if action == Action::Back && self.back_to_explain() => {}
                Mode::Reader => {
                    let size = self.reader_size();
                    if let Some(message) = self.guides.reader_action(&self.lib, &action, size) {
                        self.say(message);
                    }
                }
                Mode::Picker => self.picker_action(&action),
                Mode::Questions => self.questions_action(&action),
                Mode::Form if matches!(self.overlays.last(), Some(Overlay::Form(_))) => {
                    self.record_form_action(&action, effects);
                }
                Mode::Form => self.details_action(&action),
                Mode::Clinicians | Mode::Costs => self.records_action(&action),
                Mode::Walk | Mode::Review => self.walk_action(&action, effects),
                Mode::Prepare => self.prepare_action(&action, effects),
                Mode::ProviderList | Mode::Matrix => self.compare_action(&action),
                Mode::Options => self.options_action(&action),
                Mode::Text => self.input_action(&action, effects),
                Mode::Search => self.search_action(&action),
                Mode::Help | Mode::Crisis | Mode::Problems | Mode::OptionCell | Mode::Explain => {
                    self.scroll_overlay(&action);
                }
                Mode::Notice => {
                    self.overlays.pop();
                    effects.push(Effect::NoticeSeen);
                }
                Mode::Choice => self.choice_action(&action, effects),
                Mode::Cell => {
                    self.overlays.pop();
                }
                Mode::Priorities => self.priorities_action(&action, effects),
                Mode::Filters => self.filters_action(&action),
                Mode::Course => self.course_action(&action, effects),
                Mode::Export => self.export_action(&action, effects),
                Mode::Values => self.values_action(&action, effects),
                Mode::Readiness => self.readiness_action(&action, effects),
                // Nothing to act on until every provider is in.
                Mode::Loading => {}
            },
        }
    }

    fn toggle_focus(&mut self) {
        match self.view {
            View::Guides => self.guides.toggle_focus(),
            View::Checklist => self.checklist.toggle_focus(),
            View::Compare => self.compare.toggle_focus(),
            View::Options => {}
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        let width = self.reader_size().0;
        self.guides.relayout(&self.lib, width);
        self.keep_column_visible();
        self.keep_option_cell_visible();
    }

    fn reply(&mut self, reply: Reply, effects: &mut Vec<Effect>) {
        match reply {
            Reply::DraftSaved { draft, result } => self.draft_saved(*draft, result),
            Reply::SavedElsewhere { id, result } => self.saved_elsewhere(&id, result),
            Reply::Reloaded { profile, result } => self.reloaded(profile, result),
            Reply::ProfileSaved(result) => self.profile_saved(result, effects),
            Reply::DraftDiscarded { id, result } => self.draft_discarded(&id, result),
            Reply::ConfigSaved(Ok(path)) => {
                self.say(format!("Settings saved to {}", path.display()));
            }
            Reply::ConfigSaved(Err(e)) => self.warn(format!("Settings not saved: {e}")),
            Reply::Exported(result) => {
                self.exporting = None;
                match result {
                    Ok(path) => self.say(format!("Saved {}", path.display())),
                    Err(e) => self.warn(format!("Not exported: {e}")),
                }
            }
            Reply::LoadProgress { done, total } => self.loading = Some((done, total)),
            Reply::ProvidersLoaded(load) => self.providers_loaded(*load),
            Reply::ExportProgress { bytes } => {
                if self.exporting.is_some() {
                    self.exporting = Some(bytes);
                }
            }
        }
    }
}
