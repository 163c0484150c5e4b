//! Where the user's own files live (XDG on Linux, the platform's equivalents elsewhere).

use std::path::PathBuf;

/// `$XDG_DATA_HOME/kapguide` (usually `~/.local/share/kapguide`).
pub fn data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("kapguide"))
}

/// Profiles saved by the checklist walk-through; loaded with the bundled ones.
pub fn user_providers_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("providers"))
}

/// Unfinished walk-throughs, saved after every answer.
pub fn drafts_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("drafts"))
}

/// `$XDG_CONFIG_HOME/kapguide/config.toml` (priorities and preferences).
pub fn config_file() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("kapguide").join("config.toml"))
}
