//! The only place the TUI touches the disk: it runs the app's effects and reads what the app
//! needs at start (drafts, whether the first-run notice was read).

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use super::action::{Effect, Reply, SaveFailure};
use crate::core::checklist::Checklist;
use crate::core::diagnostics::Problem;
use crate::core::provider::Provider;
use crate::io::config::Config;
use crate::io::paths;
use crate::io::store::{self, SaveError, write_atomic};

/// Present once the "educational, not medical advice" notice has been read.
pub const NOTICE_MARKER: &str = "notice-read";

/// Where the user's files go.
#[derive(Clone, Debug)]
pub struct Files {
    pub data_dir: Option<PathBuf>,
    pub providers_dir: Option<PathBuf>,
    pub drafts_dir: Option<PathBuf>,
    /// The config as this run last saved it (see `save_config`).
    last_config: RefCell<Option<Config>>,
}

impl Files {
    /// The platform's data directory (`$XDG_DATA_HOME/kapguide` on Linux).
    pub fn from_env() -> Files {
        Files {
            data_dir: paths::data_dir(),
            providers_dir: paths::user_providers_dir(),
            drafts_dir: paths::drafts_dir(),
            last_config: RefCell::default(),
        }
    }

    /// Everything under one directory, laid out as in the real data directory.
    pub fn in_dir(data_dir: &Path) -> Files {
        Files {
            data_dir: Some(data_dir.to_path_buf()),
            providers_dir: Some(data_dir.join("providers")),
            drafts_dir: Some(data_dir.join("drafts")),
            last_config: RefCell::default(),
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
    /// are left alone; saving a new draft of the same provider moves them aside first).
    pub fn drafts(&self, checklist: &Checklist) -> (Vec<Provider>, Vec<Problem>) {
        match &self.drafts_dir {
            Some(dir) => store::load_drafts(dir, checklist),
            None => (Vec::new(), Vec::new()),
        }
    }

    /// Saves the config's priorities. The config that wrote the file last does the writing
    /// again: it knows the file as it left it, so only a change made by someone else since is
    /// refused (the app's own earlier save is not one).
    fn save_config(&self, config: Config, checklist: &Checklist) -> Result<PathBuf, String> {
        let mut last = self.last_config.borrow_mut();
        let saver = match last.take() {
            Some(mut previous) if previous.path == config.path => {
                previous.priorities = config.priorities;
                previous
            }
            _ => config,
        };
        let result = saver.save(checklist);
        *last = Some(saver);
        result
    }

    fn dir(dir: &Option<PathBuf>, what: &str) -> Result<PathBuf, String> {
        dir.clone()
            .ok_or_else(|| format!("no data directory is known on this system to keep {what} in"))
    }

    /// Runs one effect; the result, if the app wants it, comes back as a reply.
    pub fn run(&self, effect: Effect, checklist: &Checklist) -> Option<Reply> {
        match effect {
            Effect::SaveDraft(draft) => Some(Reply::DraftSaved(
                Files::dir(&self.drafts_dir, "drafts").and_then(|dir| {
                    store::save_draft(&dir, &draft, checklist).map_err(|e| e.to_string())
                }),
            )),
            Effect::RemoveDraft(id) => {
                if let Some(dir) = &self.drafts_dir {
                    store::remove_draft(dir, &id);
                }
                None
            }
            Effect::SaveProfile {
                provider,
                overwrite,
            } => {
                let result = Files::dir(&self.providers_dir, "profiles")
                    .map_err(SaveFailure::Other)
                    .and_then(|dir| {
                        store::save_profile(&dir, &provider, checklist, overwrite).map_err(|e| {
                            match e {
                                SaveError::Exists(path) => SaveFailure::Exists(path),
                                other => SaveFailure::Other(other.to_string()),
                            }
                        })
                    });
                Some(Reply::ProfileSaved(result))
            }
            Effect::SaveConfig(config) => {
                Some(Reply::ConfigSaved(self.save_config(*config, checklist)))
            }
            Effect::Export {
                stem,
                extension,
                contents,
            } => Some(Reply::Exported(self.export(&stem, extension, &contents))),
            Effect::NoticeSeen => {
                if let Some(dir) = &self.data_dir {
                    // Not worth troubling the user over: at worst the notice shows again.
                    let _ = write_atomic(&dir.join(NOTICE_MARKER), "read\n", true);
                }
                None
            }
        }
    }

    /// Writes a new file in `<data dir>/exports` (or the current directory), never replacing
    /// one: `name.md`, then `name-2.md`, and so on.
    fn export(&self, stem: &str, extension: &str, contents: &str) -> Result<PathBuf, String> {
        let dir = self
            .data_dir
            .as_ref()
            .map_or_else(|| PathBuf::from("."), |d| d.join("exports"));
        for n in 1..1000 {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let path = dir.join(format!("{stem}{suffix}.{extension}"));
            match write_atomic(&path, contents, false) {
                Ok(()) => return Ok(path),
                Err(SaveError::Exists(_)) => continue,
                Err(e) => return Err(e.to_string()),
            }
        }
        Err(format!(
            "{} has too many exports named {stem}",
            dir.display()
        ))
    }
}
