//! What can happen to the app: actions (from keys, the mouse, resizes and finished effects) and
//! effects (file writes the run loop performs for the app, whose results come back as actions).

use std::path::PathBuf;

use crate::core::provider::{AnswerValue, Provider};
use crate::io::config::Config;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Guides,
    Checklist,
    Compare,
    Options,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Csv,
    Json,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Ctrl-C: always quits, even while typing.
    Quit,
    /// `q`: quits at the top level of a view only.
    QuitTop,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Left,
    Right,
    /// Enter.
    Open,
    /// Esc: back one level.
    Back,
    /// Space.
    Toggle,
    View(View),
    FocusNext,
    FocusPrev,
    Search,
    NextMatch,
    PrevMatch,
    Help,
    Crisis,
    NextSection,
    PrevSection,
    Answer(AnswerValue),
    EditNote,
    EditSource,
    Finish,
    NewProvider,
    Prepare,
    Sort,
    Region,
    Priorities,
    Export,
    ExportAs(ExportFormat),
    Yes,
    No,
    Type(char),
    Backspace,
    Delete,
    Resize(u16, u16),
    /// A mouse click on the tab bar or a list row (only with `--mouse`).
    Click(u16, u16),
    Done(Reply),
}

/// Why a profile was not saved.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveFailure {
    /// The file exists and overwriting was not confirmed.
    Exists(PathBuf),
    Other(String),
}

/// The result of an [`Effect`], fed back into the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    DraftSaved(Result<PathBuf, String>),
    ProfileSaved(Result<PathBuf, SaveFailure>),
    ConfigSaved(Result<PathBuf, String>),
    Exported(Result<PathBuf, String>),
}

/// File work the app asks the run loop to do; `App::update` itself never touches the disk.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    SaveDraft(Box<Provider>),
    RemoveDraft(String),
    SaveProfile {
        provider: Box<Provider>,
        overwrite: bool,
    },
    SaveConfig(Box<Config>),
    /// Write `contents` to a new file named `<stem>.<extension>` (or `<stem>-2…` if taken).
    Export {
        stem: String,
        extension: &'static str,
        contents: String,
    },
    /// The first-run notice has been read.
    NoticeSeen,
}
