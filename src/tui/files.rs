//! The only place the TUI touches the disk: it runs the app's effects and reads what the app
//! needs at start (drafts, whether the first-run notice was read).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::action::{Effect, ExportContents, FileError, Replace, Reply, SaveFailure};
use super::background::Background;
use crate::core::checklist::Checklist;
use crate::core::diagnostics::Problem;
use crate::core::draft::SavedDraft;
use crate::core::provider::Provider;
use crate::io::config::{Config, ConfigError};
use crate::io::loader::{Progress, list_dir, read_text};
use crate::io::paths;
use crate::io::store::{self, SaveError, Stamp, check_reads_back, write_atomic, write_atomic_with};

/// Present once the "educational, not medical advice" notice has been read.
pub const NOTICE_MARKER: &str = "notice-read";

/// Where the user's files go.
#[derive(Clone, Debug)]
pub struct Files {
    pub data_dir: Option<PathBuf>,
    pub providers_dir: Option<PathBuf>,
    pub drafts_dir: Option<PathBuf>,
    /// The config as this run last saved it (see `save_config`).
    last_config: Option<Config>,
    /// Each draft and profile as this run last read or wrote it: a save compares before it
    /// writes, so a second kapguide's (or an editor's) work is never silently replaced. A
    /// path not in the map was absent.
    seen: HashMap<PathBuf, Stamp>,
}

impl Files {
    /// The platform's data directory (`$XDG_DATA_HOME/kapguide` on Linux).
    pub fn from_env() -> Files {
        Files {
            data_dir: paths::data_dir(),
            providers_dir: paths::user_providers_dir(),
            drafts_dir: paths::drafts_dir(),
            last_config: None,
            seen: HashMap::new(),
        }
    }

    /// Everything under one directory, laid out as in the real data directory.
    pub fn in_dir(data_dir: &Path) -> Files {
        Files {
            data_dir: Some(data_dir.to_path_buf()),
            providers_dir: Some(data_dir.join("providers")),
            drafts_dir: Some(data_dir.join("drafts")),
            last_config: None,
            seen: HashMap::new(),
        }
    }

    /// True until the notice has been read (always, when there is no data directory to remember
    /// it in).
    pub fn first_run(&self) -> bool {
        self.data_dir
            .as_ref()
            .is_none_or(|dir| !dir.join(NOTICE_MARKER).exists())
    }

    /// Unfinished walk-throughs, and the problems of drafts that cannot be read (those files
    /// are left alone; saving a new draft of the same provider moves them aside first). Called
    /// at start: it also remembers each draft and saved profile as it is now (see `seen`).
    pub fn drafts(&mut self, checklist: &Checklist) -> (Vec<SavedDraft>, Vec<Problem>) {
        for dir in [&self.drafts_dir, &self.providers_dir]
            .into_iter()
            .flatten()
        {
            for path in list_dir(dir, &["toml"]).unwrap_or_default() {
                self.seen.insert(path.clone(), Stamp::of(&path));
            }
        }
        match &self.drafts_dir {
            Some(dir) => store::load_drafts(dir, checklist),
            None => (Vec::new(), Vec::new()),
        }
    }

    /// Whether the file at `path` is as this run last saw it (absent if never seen).
    fn unchanged(&self, path: &Path) -> bool {
        self.seen.get(path).copied().unwrap_or_default() == Stamp::of(path)
    }

    /// Refuses to replace a file someone else changed, unless told to.
    fn compare(&self, path: &Path, replace: Replace) -> Result<(), SaveFailure> {
        if replace != Replace::Yes && !self.unchanged(path) {
            return Err(SaveFailure::Changed(path.to_path_buf()));
        }
        Ok(())
    }

    fn remember(&mut self, path: &Path) {
        self.seen.insert(path.to_path_buf(), Stamp::of(path));
    }

    fn save_draft(
        &mut self,
        draft: &SavedDraft,
        replace: Replace,
        checklist: &Checklist,
    ) -> Result<PathBuf, SaveFailure> {
        let dir = Files::dir(&self.drafts_dir, "drafts").map_err(SaveFailure::Other)?;
        self.compare(&dir.join(format!("{}.toml", draft.provider.id)), replace)?;
        let path = store::save_draft(&dir, draft, checklist)
            .map_err(|e| SaveFailure::Other(FileError::Save(e)))?;
        self.remember(&path);
        Ok(path)
    }

    fn save_profile(
        &mut self,
        provider: &Provider,
        replace: Replace,
        checklist: &Checklist,
    ) -> Result<PathBuf, SaveFailure> {
        let dir = Files::dir(&self.providers_dir, "profiles").map_err(SaveFailure::Other)?;
        self.compare(&dir.join(format!("{}.toml", provider.id)), replace)?;
        let path = store::save_profile(&dir, provider, checklist, replace != Replace::No).map_err(
            |e| match e {
                SaveError::Exists(path) => SaveFailure::Exists(path),
                other => SaveFailure::Other(FileError::Save(other)),
            },
        )?;
        self.remember(&path);
        Ok(path)
    }

    /// A walk's answers as a profile at a path the user typed, never replacing a file.
    fn save_at(path: &Path, draft: &Provider, checklist: &Checklist) -> Result<PathBuf, SaveError> {
        let text = draft.to_toml(checklist);
        check_reads_back(path, &text, &Provider::parse(path, &text, checklist).1)
            .and_then(|()| write_atomic(path, &text, false))?;
        Ok(path.to_path_buf())
    }

    /// Removes a draft, unless another kapguide wrote it since: then it is that one's work.
    fn remove_draft(&mut self, id: &str) -> Result<(), SaveFailure> {
        let Some(dir) = self.drafts_dir.clone() else {
            return Ok(());
        };
        let path = dir.join(format!("{id}.toml"));
        self.compare(&path, Replace::IfUnchanged)?;
        store::remove_draft(&dir, id).map_err(|e| SaveFailure::Other(FileError::Save(e)))?;
        self.remember(&path);
        Ok(())
    }

    /// Reads a draft or saved profile again, and remembers it as seen.
    fn reload(
        &mut self,
        id: &str,
        profile: bool,
        checklist: &Checklist,
    ) -> Result<Box<Provider>, FileError> {
        let (dir, what) = if profile {
            (&self.providers_dir, "profiles")
        } else {
            (&self.drafts_dir, "drafts")
        };
        let dir = Files::dir(dir, what)?;
        let path = dir.join(format!("{id}.toml"));
        let text = read_text(&path).map_err(|p| FileError::Unreadable(Box::new(p)))?;
        // A draft's file also says where its walk was; the walk on screen stays where it is.
        let (provider, problems) = if profile {
            Provider::parse(&path, &text, checklist)
        } else {
            let (draft, problems) = SavedDraft::parse(&path, &text, checklist);
            (draft.map(|d| d.provider), problems)
        };
        self.remember(&path);
        provider.map(Box::new).ok_or_else(|| {
            problems.into_iter().next().map_or_else(
                || FileError::NoProfile(path.clone()),
                |p| FileError::Unreadable(Box::new(p)),
            )
        })
    }

    /// Saves the config's priorities. The config that wrote the file last does the writing
    /// again: it knows the file as it left it, so only a change made by someone else since is
    /// refused (the app's own earlier save is not one).
    fn save_config(
        &mut self,
        config: Config,
        checklist: &Checklist,
    ) -> Result<PathBuf, ConfigError> {
        let mut saver = match self.last_config.take() {
            Some(previous) if previous.path == config.path => config.with_file_state_of(&previous),
            _ => config,
        };
        let result = saver.save(checklist);
        self.last_config = Some(saver);
        result
    }

    fn dir(dir: &Option<PathBuf>, what: &'static str) -> Result<PathBuf, FileError> {
        dir.clone().ok_or(FileError::NoDataDir(what))
    }

    /// Runs one effect; the result, if the app wants it, comes back as a reply. An export is
    /// handed to `background`: its result comes back later, through the run loop.
    pub fn run(
        &mut self,
        effect: Effect,
        checklist: &Checklist,
        background: &mut Background,
    ) -> Option<Reply> {
        match effect {
            Effect::SaveDraft { draft, replace } => {
                let result = self.save_draft(&draft, replace, checklist);
                Some(Reply::DraftSaved {
                    draft: Box::new(draft.provider),
                    result,
                })
            }
            Effect::KeepDraftPlace(draft) => {
                // Only a hint to resume by: not worth a question, and never over other work.
                let _ = self.save_draft(&draft, Replace::IfUnchanged, checklist);
                None
            }
            Effect::SaveDraftAt { draft, path } => Some(Reply::SavedElsewhere {
                id: draft.id.clone(),
                result: Files::save_at(&path, &draft, checklist),
            }),
            Effect::RemoveDraft(id) => {
                // Best effort: the profile is saved, and a draft left over shows in the picker.
                let _ = self.remove_draft(&id);
                None
            }
            Effect::DiscardDraft(id) => {
                let result = self.remove_draft(&id);
                Some(Reply::DraftDiscarded { id, result })
            }
            Effect::SaveProfile { provider, replace } => Some(Reply::ProfileSaved(
                self.save_profile(&provider, replace, checklist),
            )),
            Effect::Reload { id, profile } => Some(Reply::Reloaded {
                profile,
                result: self.reload(&id, profile, checklist),
            }),
            Effect::SaveConfig(config) => {
                Some(Reply::ConfigSaved(self.save_config(*config, checklist)))
            }
            Effect::Export {
                stem,
                extension,
                contents,
            } => {
                background.export(self.export_dir(), stem, extension, contents);
                None
            }
            Effect::NoticeSeen => {
                if let Some(dir) = &self.data_dir {
                    // Not worth troubling the user over: at worst the notice shows again.
                    let _ = write_atomic(&dir.join(NOTICE_MARKER), "read\n", true);
                }
                None
            }
        }
    }

    /// Where exports go: `<data dir>/exports`, or the current directory.
    fn export_dir(&self) -> PathBuf {
        self.data_dir
            .as_ref()
            .map_or_else(|| PathBuf::from("."), |d| d.join("exports"))
    }
}

/// Writes a new file in `dir`, never replacing one: `name.md`, then `name-2.md`, and so on.
/// Bytes written are counted in `progress`; cancelling it stops the writing and leaves no file.
pub fn export(
    dir: &Path,
    stem: &str,
    extension: &str,
    contents: &ExportContents,
    progress: &Progress,
) -> Result<PathBuf, FileError> {
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let path = dir.join(format!("{stem}{suffix}.{extension}"));
        let write = |out: &mut dyn std::io::Write| contents.write(&mut progress.counting(out));
        match write_atomic_with(&path, false, write) {
            Ok(()) => return Ok(path),
            // Taken: try the next number.
            Err(SaveError::Exists(_)) => {}
            Err(e) => return Err(FileError::Save(e)),
        }
    }
    Err(FileError::TooManyExports {
        dir: dir.to_path_buf(),
        stem: stem.to_string(),
    })
}
