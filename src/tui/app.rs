//! The app's state and its one entry point, [`App::update`]: an action in, the state changed,
//! file work out as [`Effect`]s. Nothing here draws or touches the disk.

mod checklist;
mod compare;
mod field;
mod guides;
mod search;

use ratatui::layout::Rect;

pub use checklist::{ChecklistFocus, ChecklistView, PickRow, Prepare, Screen, Walk};
pub use compare::{CompareFocus, CompareView, SortBy};
pub use field::TextField;
pub use guides::{Guides, GuidesFocus, TocEntry};
pub use search::SearchView;

use super::action::{Action, Effect, Reply, View};
use super::geometry::{self, page};
use super::keymap::Mode;
use super::theme::Theme;
use super::views;
use crate::cli::Context;
use crate::core::config::Config;
use crate::core::date::Date;
use crate::core::loader::Library;
use crate::core::provider::Provider;
use crate::core::sanitize::sanitize_line;
use crate::core::scoring::{AnswerMatrix, Priorities, Score};

/// What the run loop found before starting: it reads the disk so that the app does not.
pub struct Startup {
    /// No marker says the "educational, not medical advice" notice was read.
    pub first_run: bool,
    /// Unfinished walk-throughs.
    pub drafts: Vec<Provider>,
    pub theme: Theme,
    pub size: (u16, u16),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum InputPurpose {
    /// The name of a new provider; the walk starts at this question.
    NewProvider {
        start: usize,
    },
    Note,
    Source,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub purpose: InputPurpose,
    pub field: TextField,
}

impl Input {
    pub fn label(&self) -> &'static str {
        match self.purpose {
            InputPurpose::NewProvider { .. } => "Name of the new provider",
            InputPurpose::Note => "Note",
            InputPurpose::Source => "Where the answer came from",
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
    Search,
    Input(Input),
    /// A profile file exists at this path: replace it?
    ConfirmOverwrite(std::path::PathBuf),
    /// The answer under the matrix cursor.
    Cell,
    Priorities {
        selected: usize,
        changed: bool,
    },
    Export,
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
    quit: bool,
    pub(crate) guides: Guides,
    pub(crate) checklist: ChecklistView,
    pub(crate) compare: CompareView,
    pub(crate) search: SearchView,
    /// One per provider in `lib.providers`, recomputed only when priorities or profiles change.
    pub(crate) scores: Vec<Score>,
    /// Every provider's answers in checklist order, for fast re-scoring.
    answers: AnswerMatrix,
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
            priorities,
            today,
            ..
        } = context;
        let (width, height) = startup.size;
        let mut app = App {
            guides: Guides::new(&lib),
            checklist: ChecklistView::new(startup.drafts),
            compare: CompareView::default(),
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
            quit: false,
        };
        app.profiles_changed();
        let size = app.reader_size();
        app.guides.relayout(&app.lib, size.0);
        if !app.checklist.drafts.is_empty() {
            let names: Vec<&str> = app
                .checklist
                .drafts
                .iter()
                .map(|d| d.name.as_str())
                .collect();
            app.say(format!(
                "Unfinished walk-through: {}. Press 2 to resume.",
                names.join(", ")
            ));
        }
        if startup.first_run {
            app.overlays.push(Overlay::Notice);
        }
        app
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

    /// Where the keyboard is, which decides what keys mean.
    pub fn mode(&self) -> Mode {
        if let Some(overlay) = self.overlays.last() {
            return match overlay {
                Overlay::Notice => Mode::Notice,
                Overlay::Help { .. } => Mode::Help,
                Overlay::Crisis { .. } => Mode::Crisis,
                Overlay::Search => Mode::Search,
                Overlay::Input(_) => Mode::Text,
                Overlay::ConfirmOverwrite(_) => Mode::Confirm,
                Overlay::Cell => Mode::Cell,
                Overlay::Priorities { .. } => Mode::Priorities,
                Overlay::Export => Mode::Export,
            };
        }
        self.view_mode()
    }

    /// The mode of the view under any overlays (what help describes first).
    pub fn view_mode(&self) -> Mode {
        match self.view {
            View::Guides => match self.guides.focus {
                GuidesFocus::Toc => Mode::Toc,
                GuidesFocus::Reader => Mode::Reader,
            },
            View::Checklist => match &self.checklist.screen {
                Screen::Pick if self.checklist.focus == ChecklistFocus::Questions => {
                    Mode::Questions
                }
                Screen::Pick => Mode::Picker,
                Screen::Walk(walk) if walk.index >= self.lib.checklist.questions.len() => {
                    Mode::Review
                }
                Screen::Walk(_) => Mode::Walk,
                Screen::Prepare(_) => Mode::Prepare,
            },
            View::Compare => match self.compare.focus {
                CompareFocus::List => Mode::ProviderList,
                CompareFocus::Matrix => Mode::Matrix,
            },
        }
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
        match action {
            Action::Resize(width, height) => self.resize(width, height),
            Action::Done(reply) => self.reply(reply, &mut effects),
            Action::Click(x, y) => self.click(x, y),
            action => {
                self.status = None;
                self.key(action, &mut effects);
            }
        }
        effects
    }

    fn key(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            Action::Quit => self.quit = true,
            Action::QuitTop if self.mode().is_top() => self.quit = true,
            Action::QuitTop => {
                self.say("q quits from the top of a view; press Esc to go back first")
            }
            Action::Crisis => self.overlays.push(Overlay::Crisis { scroll: 0 }),
            Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
            Action::Search => self.open_search(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::View(view) => self.view = view,
            Action::FocusNext | Action::FocusPrev => self.toggle_focus(),
            action => match self.mode() {
                Mode::Toc => {
                    let (size, rows) = (self.reader_size(), self.list_rows());
                    self.guides.toc_action(&self.lib, &action, size, rows);
                }
                Mode::Reader => {
                    let height = self.reader_size().1;
                    self.guides.reader_action(&action, height);
                }
                Mode::Picker => self.picker_action(&action),
                Mode::Questions => self.questions_action(&action),
                Mode::Walk | Mode::Review => self.walk_action(&action, effects),
                Mode::Prepare => self.prepare_action(&action, effects),
                Mode::ProviderList | Mode::Matrix => self.compare_action(&action),
                Mode::Text => self.input_action(&action, effects),
                Mode::Search => self.search_action(&action),
                Mode::Help | Mode::Crisis => self.scroll_overlay(&action),
                Mode::Notice => {
                    self.overlays.pop();
                    effects.push(Effect::NoticeSeen);
                }
                Mode::Confirm => self.confirm_action(&action, effects),
                Mode::Cell => {
                    self.overlays.pop();
                }
                Mode::Priorities => self.priorities_action(&action, effects),
                Mode::Export => self.export_action(&action, effects),
            },
        }
    }

    fn toggle_focus(&mut self) {
        match self.view {
            View::Guides => self.guides.toggle_focus(),
            View::Checklist => self.checklist.toggle_focus(),
            View::Compare => self.compare.toggle_focus(),
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        let width = self.reader_size().0;
        self.guides.relayout(&self.lib, width);
        self.keep_column_visible();
    }

    /// With `--mouse`: a click on a tab switches to it.
    fn click(&mut self, x: u16, y: u16) {
        if y == 0
            && self.overlays.is_empty()
            && let Some(view) = geometry::tab_at(x)
        {
            self.view = view;
        }
    }

    fn reply(&mut self, reply: Reply, effects: &mut Vec<Effect>) {
        match reply {
            Reply::DraftSaved(Ok(_)) => {}
            Reply::DraftSaved(Err(e)) => self.warn(format!("The draft was not saved: {e}")),
            Reply::ProfileSaved(result) => self.profile_saved(result, effects),
            Reply::ConfigSaved(Ok(path)) => {
                self.say(format!("Priorities saved to {}", path.display()))
            }
            Reply::ConfigSaved(Err(e)) => self.warn(format!("Priorities not saved: {e}")),
            Reply::Exported(Ok(path)) => self.say(format!("Saved {}", path.display())),
            Reply::Exported(Err(e)) => self.warn(format!("Not exported: {e}")),
        }
    }

    /// Help and the crisis lines: scrolling text.
    fn scroll_overlay(&mut self, action: &Action) {
        let height = usize::from(geometry::inner(geometry::big_popup(self.size)).height);
        let lines = match self.overlays.last() {
            Some(Overlay::Help { .. }) => views::help::lines(self).len(),
            _ => views::crisis::lines(self).len(),
        };
        let max = lines.saturating_sub(height);
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
            (Some(Overlay::Help { scroll } | Overlay::Crisis { scroll }), action) => {
                if let Some(next) = step(action, *scroll, max + 1, height) {
                    *scroll = next;
                }
            }
            _ => {}
        }
    }
}

/// The bundled guide the crisis overlay shows.
pub const CRISIS_GUIDE: &str = "crisis-and-support";
