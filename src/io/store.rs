//! Writing the user's files safely: write a temporary file, flush it, then rename it over the
//! target, so an interruption never leaves half a file; never replace a file unless asked to.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::loader::{list_dir, read_text};
use crate::core::checklist::Checklist;
use crate::core::diagnostics::Problem;
use crate::core::provider::Provider;

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
/// With `overwrite` false an existing file is left alone and `SaveError::Exists` returned; the
/// final step is then a hard link, which the file system refuses if the name was taken meanwhile
/// (another kapguide saving the same profile), so nothing is ever replaced by a race.
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
        if overwrite {
            fs::rename(&temp, path)
        } else {
            fs::hard_link(&temp, path)
        }
    })();
    let _ = fs::remove_file(&temp);
    match result {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(SaveError::Exists(path.to_path_buf()))
        }
        other => other.map_err(io_err),
    }
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

/// Every draft in `dir`, and the problems of those that cannot be read (they are left on disk
/// untouched; [`save_draft`] moves such a file aside before writing over its name).
pub fn load_drafts(dir: &Path, checklist: &Checklist) -> (Vec<Provider>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut drafts = Vec::new();
    if !dir.is_dir() {
        return (drafts, problems);
    }
    let files = match list_dir(dir, &["toml"]) {
        Ok(files) => files,
        Err(problem) => return (drafts, vec![problem]),
    };
    for path in files {
        let parsed = read_text(&path).map(|text| Provider::parse(&path, &text, checklist));
        match parsed {
            Ok((Some(draft), _)) => drafts.push(draft),
            Ok((None, found)) => problems.extend(found),
            Err(problem) => problems.push(problem),
        }
    }
    (drafts, problems)
}

/// Drafts are saved after every answer, replacing the previous draft of the same provider. A
/// draft file that cannot be read back (say, the checklist changed) is never written over: it is
/// first renamed to `<id>.toml.bak` (`.bak-2`, … if taken) so nothing typed into it is lost.
pub fn save_draft(
    dir: &Path,
    provider: &Provider,
    checklist: &Checklist,
) -> Result<PathBuf, SaveError> {
    let path = dir.join(format!("{}.toml", provider.id));
    let unreadable = path.exists() && load_draft(dir, &provider.id, checklist).is_none();
    if unreadable {
        let backup = (1..)
            .map(|n| {
                if n == 1 {
                    dir.join(format!("{}.toml.bak", provider.id))
                } else {
                    dir.join(format!("{}.toml.bak-{n}", provider.id))
                }
            })
            .find(|candidate| !candidate.exists())
            .expect("an unused backup name exists");
        fs::rename(&path, &backup).map_err(|e| SaveError::Io(path.clone(), e))?;
    }
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

    #[test]
    fn an_unreadable_draft_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let checklist = Checklist::default();
        let old = "name = \"Old\"\nkind = \"kap-practice\"\n[answers]\nremoved_question = { answer = \"yes\", note = \"IMPORTANT\" }\n";
        fs::write(dir.path().join("old.toml"), old).unwrap();
        let (drafts, problems) = load_drafts(dir.path(), &checklist);
        assert!(drafts.is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
        let mut provider = Provider::parse(
            Path::new("old.toml"),
            "name = \"Old\"\nkind = \"kap-practice\"\n",
            &checklist,
        )
        .0
        .unwrap();
        provider.id = "old".into();
        save_draft(dir.path(), &provider, &checklist).unwrap();
        save_draft(dir.path(), &provider, &checklist).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("old.toml.bak")).unwrap(),
            old,
            "the unreadable draft is kept"
        );
        assert!(
            !dir.path().join("old.toml.bak-2").exists(),
            "a readable draft is simply replaced"
        );
        assert_eq!(load_drafts(dir.path(), &checklist).0.len(), 1);
    }
}
