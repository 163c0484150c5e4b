//! What can happen to the app: actions (from keys, the mouse, resizes and finished effects) and
//! effects (file writes the run loop performs for the app, whose results come back as actions).

use std::path::PathBuf;

use crate::core::diagnostics::Problem;
use crate::core::draft::SavedDraft;
use crate::core::export::{Format, OwnedComparison};
use crate::core::id::ProviderId;
use crate::core::provider::{AnswerValue, Provider};
use crate::io::config::{Config, ConfigError};
use crate::io::loader::ProviderLoad;
use crate::io::store::SaveError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Guides,
    Checklist,
    Compare,
    Options,
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
    /// The walk-through's next / previous question (→ Enter l / ← h).
    NextQuestion,
    PrevQuestion,
    /// One step up / down a scale: a category's priority, a statement's answer.
    More,
    Less,
    /// To the first / last column of a grid (`0` / `$`).
    FirstColumn,
    LastColumn,
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
    /// Tab / Shift-Tab in the reader: select the next / previous link to another guide.
    NextLink,
    PrevLink,
    Answer(AnswerValue),
    EditNote,
    EditSource,
    /// `d` in a walk-through: set the consultation's date for its answers.
    ConsultationDate,
    Finish,
    NewProvider,
    Prepare,
    Sort,
    /// Open the Compare filter panel.
    Filters,
    /// Clear every filter.
    ClearFilters,
    /// Open the course shape (how many sessions of each kind the cost estimate prices).
    Course,
    Priorities,
    Export,
    /// The comparison, as shown, to a file in this format.
    ExportAs(Format),
    /// The consultation packet (HTML) for the provider under the cursor.
    ExportPacket,
    /// Save the walk's answers to a path the user types (when the data directory fails).
    SaveElsewhere,
    /// Open "what matters to you".
    Values,
    /// Open "am I ready to decide?".
    Readiness,
    /// A 0–3 answer to a statement.
    Rate(u8),
    /// Skip a statement (clear its answer).
    Skip,
    /// Delete the draft, clinician or cost under the cursor (after asking).
    Discard,
    /// Open the walk's clinicians and their licence checks.
    Clinicians,
    /// Open the walk's costs.
    Costs,
    /// Add a clinician to the walk's provider.
    AddClinician,
    /// Record a licence check for the selected clinician.
    CheckLicence,
    /// y and n in the readiness check.
    Yes,
    No,
    Type(char),
    Backspace,
    Delete,
    /// Ctrl-W: delete the word before the cursor.
    DeleteWord,
    /// Ctrl-U: delete everything before the cursor.
    DeleteToStart,
    /// A word left or right (Alt-b / Alt-f, Ctrl-arrows).
    WordLeft,
    WordRight,
    Resize(u16, u16),
    /// A mouse click on the tab bar or a list row (only with `--mouse`).
    Click(u16, u16),
    /// The mouse wheel at a column and row, turned down (towards the end) or up.
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    Done(Reply),
    /// No more input is waiting: finish work put off while keys kept coming (the search for
    /// the latest query; the ones typed over are dropped, never queued).
    Idle,
}

/// Why a draft or profile was not saved.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveFailure {
    /// The file exists and overwriting was not confirmed.
    Exists(PathBuf),
    /// Someone else (another kapguide, an editor) changed the file since this app read or
    /// wrote it.
    Changed(PathBuf),
    Other(FileError),
}

impl std::error::Error for SaveFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveFailure::Other(error) => Some(error),
            _ => None,
        }
    }
}

/// Why a file effect failed; said in the status line.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    /// The system has no data directory to keep these (`"drafts"`, `"profiles"`) in.
    NoDataDir(&'static str),
    Save(SaveError),
    /// The file cannot be read, or would not load: what the loader says first.
    Unreadable(Box<Problem>),
    /// The file gives no profile, and no problem says why.
    NoProfile(PathBuf),
    TooManyExports {
        dir: PathBuf,
        stem: String,
    },
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::NoDataDir(what) => write!(
                f,
                "no data directory is known on this system to keep {what} in"
            ),
            FileError::Save(error) => error.fmt(f),
            FileError::Unreadable(problem) => problem.fmt(f),
            FileError::NoProfile(path) => write!(f, "{} cannot be read", path.display()),
            FileError::TooManyExports { dir, stem } => {
                write!(f, "{} has too many exports named {stem}", dir.display())
            }
        }
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FileError::Save(error) => Some(error),
            FileError::Unreadable(problem) => Some(problem.as_ref()),
            _ => None,
        }
    }
}

impl std::fmt::Display for SaveFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveFailure::Exists(path) => write!(f, "{} already exists", path.display()),
            SaveFailure::Changed(path) => write!(
                f,
                "{} was changed by another program since kapguide read it",
                path.display()
            ),
            SaveFailure::Other(why) => why.fmt(f),
        }
    }
}

/// Whether a save may replace an existing file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Never: an existing file is `SaveFailure::Exists`.
    No,
    /// Only the file as this app last read or wrote it: a file changed since is
    /// `SaveFailure::Changed`.
    IfUnchanged,
    /// Whatever is there (the user chose to overwrite).
    Yes,
}

/// The result of an [`Effect`], fed back into the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    DraftSaved {
        draft: Box<Provider>,
        result: Result<PathBuf, SaveFailure>,
    },
    /// A copy of a walk's answers written to a path the user typed.
    SavedElsewhere {
        id: ProviderId,
        result: Result<PathBuf, SaveError>,
    },
    /// A draft or profile read again from disk (the user chose theirs over ours).
    Reloaded {
        profile: bool,
        result: Result<Box<Provider>, FileError>,
    },
    ProfileSaved(Result<PathBuf, SaveFailure>),
    /// A draft the user discarded, or why it is still there.
    DraftDiscarded {
        id: ProviderId,
        result: Result<(), SaveFailure>,
    },
    ConfigSaved(Result<PathBuf, ConfigError>),
    Exported(Result<PathBuf, FileError>),
    /// Provider files read so far, of `total` (0 until the directories are listed).
    LoadProgress {
        done: usize,
        total: usize,
    },
    /// Every provider, loaded in the background: all of them at once, never part.
    ProvidersLoaded(Box<ProviderLoad>),
    /// Bytes of the running export written so far.
    ExportProgress {
        bytes: usize,
    },
}

/// What an export writes: text already made (a question sheet), or a comparison written as it
/// is made (at thousands of providers it is too large to build in memory first).
#[derive(Clone, Debug, PartialEq)]
pub enum ExportContents {
    Text(String),
    Comparison(Box<OwnedComparison>),
}

impl ExportContents {
    pub fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            ExportContents::Text(text) => out.write_all(text.as_bytes()),
            ExportContents::Comparison(comparison) => comparison.write(out),
        }
    }
}

/// File work the app asks the run loop to do; `App::update` itself never touches the disk.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Writes the draft's answers and where its walk is.
    SaveDraft {
        draft: Box<SavedDraft>,
        replace: Replace,
    },
    /// Writes where the walk is into its draft, best effort and silently: a draft changed on
    /// disk meanwhile is left alone (the next answer saved asks what to do about it).
    KeepDraftPlace(Box<SavedDraft>),
    /// Writes the draft as a profile at a path the user typed (never replacing a file).
    SaveDraftAt {
        draft: Box<Provider>,
        path: PathBuf,
    },
    /// Removes the draft, unless someone else changed it since this app wrote it.
    RemoveDraft(ProviderId),
    /// [`Effect::RemoveDraft`] the user asked for: the app hears how it went.
    DiscardDraft(ProviderId),
    SaveProfile {
        provider: Box<Provider>,
        replace: Replace,
    },
    /// Reads a draft (or, with `profile`, the saved profile) of this id again.
    Reload {
        id: ProviderId,
        profile: bool,
    },
    SaveConfig(Box<Config>),
    /// Write `contents` to a new file named `<stem>.<extension>` (or `<stem>-2…` if taken),
    /// through a temporary file that is renamed once complete.
    Export {
        stem: String,
        extension: &'static str,
        contents: ExportContents,
    },
    /// The first-run notice has been read.
    NoticeSeen,
}
