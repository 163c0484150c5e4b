//! Writing the user's files safely: write a temporary file, flush it, then rename it over the
//! target, so an interruption never leaves half a file; never replace a file unless asked to.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::checklist::Checklist;
use super::provider::Provider;

#[derive(Debug)]
pub enum SaveError {
    /// The target exists and overwriting was not confirmed.
    Exists(PathBuf),
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Exists(path) => write!(f, "{} already exists", path.display()),
            SaveError::Io(path, error) => write!(f, "cannot write {}: {error}", path.display()),
        }
    }
}

/// Writes `contents` to `path` atomically (temporary file in the same directory, then rename).
/// With `overwrite` false an existing file is left alone and `SaveError::Exists` returned.
pub fn write_atomic(path: &Path, contents: &str, overwrite: bool) -> Result<(), SaveError> {
    let io_err = |e| SaveError::Io(path.to_path_buf(), e);
    if !overwrite && path.exists() {
        return Err(SaveError::Exists(path.to_path_buf()));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io_err)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(io_err)
}

/// Saves a profile as `<dir>/<id>.toml`; returns the path written.
pub fn save_profile(
    dir: &Path,
    provider: &Provider,
    checklist: &Checklist,
    overwrite: bool,
) -> Result<PathBuf, SaveError> {
    let path = dir.join(format!("{}.toml", provider.id));
    write_atomic(&path, &provider.to_toml(checklist), overwrite)?;
    Ok(path)
}

/// Reads back a draft profile (an unfinished walk-through) if one exists for `id`.
pub fn load_draft(dir: &Path, id: &str, checklist: &Checklist) -> Option<Provider> {
    let path = dir.join(format!("{id}.toml"));
    let text = fs::read_to_string(&path).ok()?;
    Provider::parse(&path, &text, checklist).0
}

/// Drafts are saved after every answer, overwriting the previous draft of the same provider.
pub fn save_draft(
    dir: &Path,
    provider: &Provider,
    checklist: &Checklist,
) -> Result<PathBuf, SaveError> {
    save_profile(dir, provider, checklist, true)
}

/// Removes the draft once the profile is saved for good.
pub fn remove_draft(dir: &Path, id: &str) {
    let _ = fs::remove_file(dir.join(format!("{id}.toml")));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/a.toml");
        write_atomic(&path, "one", false).unwrap();
        assert!(matches!(
            write_atomic(&path, "two", false),
            Err(SaveError::Exists(_))
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_atomic(&path, "two", true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary files left behind");
    }
}
