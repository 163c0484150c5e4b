//! Where the keyboard is: the app decides it from its overlays and views, and the keymap gives
//! each mode its own bindings.

use super::super::action::View;
use super::{App, ChecklistFocus, CompareFocus, GuidesFocus, Overlay, RecordList, Screen};

/// Where the keyboard is: each mode has its own bindings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Toc,
    Reader,
    Picker,
    Questions,
    /// The new provider's form: rows of choices (kind, routes, source kind) and text (city,
    /// region, country, reference). Letters are always text, so no letter is a command here.
    Form,
    Walk,
    Review,
    Prepare,
    ProviderList,
    Matrix,
    /// A one-line text field: printable keys are text.
    Text,
    /// The search box: printable keys are text too.
    Search,
    Help,
    Crisis,
    /// What could not be loaded at start.
    Problems,
    Notice,
    /// A general dialog: its options' own keys (shown in it), Esc decides later.
    Choice,
    Cell,
    /// How a provider's score adds up, from the matrix foot.
    Explain,
    Priorities,
    Export,
    /// The options grid.
    Options,
    /// One option cell's full text and sources.
    OptionCell,
    /// "What matters to you".
    Values,
    /// "Am I ready to decide?".
    Readiness,
    /// The Compare filter panel: printable keys narrow the selected filter's choices.
    Filters,
    /// The course shape the cost estimates price.
    Course,
    /// Checklist or Compare while providers load in the background: only the view-wide keys.
    Loading,
    /// The walk's clinicians, each with a licence check.
    Clinicians,
    /// The walk's costs.
    Costs,
}

impl Mode {
    pub const ALL: [Mode; 30] = [
        Mode::Toc,
        Mode::Reader,
        Mode::Picker,
        Mode::Questions,
        Mode::Form,
        Mode::Walk,
        Mode::Review,
        Mode::Prepare,
        Mode::ProviderList,
        Mode::Matrix,
        Mode::Text,
        Mode::Search,
        Mode::Help,
        Mode::Crisis,
        Mode::Problems,
        Mode::Notice,
        Mode::Choice,
        Mode::Cell,
        Mode::Explain,
        Mode::Priorities,
        Mode::Export,
        Mode::Options,
        Mode::OptionCell,
        Mode::Values,
        Mode::Readiness,
        Mode::Filters,
        Mode::Course,
        Mode::Loading,
        Mode::Clinicians,
        Mode::Costs,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Mode::Toc => "Guides: contents",
            Mode::Reader => "Guides: reader",
            Mode::Picker => "Checklist: providers",
            Mode::Questions => "Checklist: questions",
            Mode::Form => "Checklist: a form (new provider, clinician, cost)",
            Mode::Walk => "Checklist: walk-through",
            Mode::Review => "Checklist: finish",
            Mode::Prepare => "Checklist: prepare questions",
            Mode::ProviderList => "Compare: providers",
            Mode::Matrix => "Compare: matrix",
            Mode::Text => "Typing in a field",
            Mode::Search => "Search",
            Mode::Help => "Help",
            Mode::Crisis => "Crisis lines",
            Mode::Problems => "Load problems",
            Mode::Notice => "Welcome notice",
            Mode::Choice => "A choice",
            Mode::Cell => "Answer details",
            Mode::Explain => "Compare: how the score adds up",
            Mode::Priorities => "Priorities",
            Mode::Export => "Export",
            Mode::Options => "Options side by side",
            Mode::OptionCell => "An option's cell",
            Mode::Values => "What matters to you",
            Mode::Readiness => "Am I ready to decide?",
            Mode::Filters => "Compare: filters",
            Mode::Course => "Compare: course shape",
            Mode::Loading => "Loading providers",
            Mode::Clinicians => "Checklist: clinicians and licence checks",
            Mode::Costs => "Checklist: costs",
        }
    }

    /// Keys are text here (only Ctrl-C and the field's own keys are not).
    pub fn is_typing(self) -> bool {
        matches!(self, Mode::Text | Mode::Search | Mode::Form | Mode::Filters)
    }

    /// The top of a view, where `q` quits.
    pub fn is_top(self) -> bool {
        matches!(
            self,
            Mode::Toc
                | Mode::Reader
                | Mode::Picker
                | Mode::Questions
                | Mode::ProviderList
                | Mode::Matrix
                | Mode::Options
                | Mode::Loading
        )
    }

    /// A view's own pane, where the view-wide keys (1/2/3, /, Tab, q…) apply.
    pub fn is_view(self) -> bool {
        self.is_top() || matches!(self, Mode::Walk | Mode::Review | Mode::Prepare)
    }
}

impl App {
    /// Where the keyboard is, which decides what keys mean.
    pub fn mode(&self) -> Mode {
        if let Some(overlay) = self.overlays.last() {
            return match overlay {
                Overlay::Notice => Mode::Notice,
                Overlay::Help { .. } => Mode::Help,
                Overlay::Crisis { .. } => Mode::Crisis,
                Overlay::Problems { .. } => Mode::Problems,
                Overlay::Search => Mode::Search,
                Overlay::Input(_) => Mode::Text,
                Overlay::Choice(_) => Mode::Choice,
                Overlay::Cell => Mode::Cell,
                Overlay::Explain { .. } => Mode::Explain,
                Overlay::Filters(_) => Mode::Filters,
                Overlay::Course { .. } => Mode::Course,
                Overlay::Priorities { .. } => Mode::Priorities,
                Overlay::Export => Mode::Export,
                Overlay::OptionCell { .. } => Mode::OptionCell,
                Overlay::Values { .. } => Mode::Values,
                Overlay::Readiness { .. } => Mode::Readiness,
                Overlay::Records { list, .. } => match list {
                    RecordList::Clinicians => Mode::Clinicians,
                    RecordList::Costs => Mode::Costs,
                },
                Overlay::Form(_) => Mode::Form,
            };
        }
        self.view_mode()
    }

    /// The mode of the view under any overlays (what help describes first).
    pub fn view_mode(&self) -> Mode {
        if self.loading.is_some() && matches!(self.view, View::Checklist | View::Compare) {
            return Mode::Loading;
        }
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
                Screen::Details(_) => Mode::Form,
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
            View::Options => Mode::Options,
        }
    }
}
