//! Writing the user's files safely: write a temporary file, flush it, then rename it over the
//! target, so an interruption never leaves half a file; never replace a file unless asked to.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::loader::{MAX_FILE_BYTES, list_dir, read_text};
use crate::core::checklist::Checklist;
use crate::core::diagnostics::Problem;
use crate::core::draft::SavedDraft;
use crate::core::provider::Provider;

/// Why a file was not written. Cloned into the TUI's replies, so the I/O error is shared.
#[derive(Clone, Debug)]
pub enum SaveError {
    /// The target exists and overwriting was not confirmed.
    Exists(PathBuf),
    /// The text would not read back: nothing was written.
    WouldNotReadBack(PathBuf, ReadBack),
    Io(PathBuf, Arc<io::Error>),
}

/// Why a text would not read back.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadBack {
    /// Over the loader's size limit: `kib` is the text's size.
    TooLarge { kib: u64 },
    /// The loader would report this error (boxed: results stay small).
    Invalid(Box<Problem>),
}

impl SaveError {
    fn io(path: &Path, error: io::Error) -> SaveError {
        SaveError::Io(path.to_path_buf(), Arc::new(error))
    }
}

/// Two failures are the same when they are about the same file for the same reason (an I/O
/// error has no equality of its own: its kind and text stand for it).
impl PartialEq for SaveError {
    fn eq(&self, other: &SaveError) -> bool {
        match (self, other) {
            (SaveError::Exists(a), SaveError::Exists(b)) => a == b,
            (SaveError::WouldNotReadBack(a, x), SaveError::WouldNotReadBack(b, y)) => {
                a == b && x == y
            }
            (SaveError::Io(a, x), SaveError::Io(b, y)) => {
                a == b && x.kind() == y.kind() && x.to_string() == y.to_string()
            }
            _ => false,
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Exists(path) => write!(f, "{} already exists", path.display()),
            SaveError::WouldNotReadBack(path, ReadBack::TooLarge { kib }) => write!(
                f,
                "{} was not written: it would be {kib} KiB, over the {} KiB limit of what kapguide reads; shorten the longest notes",
                path.display(),
                MAX_FILE_BYTES / 1024
            ),
            SaveError::WouldNotReadBack(path, ReadBack::Invalid(problem)) => write!(
                f,
                "{} was not written: it would not read back ({})",
                path.display(),
                problem.message
            ),
            SaveError::Io(path, error) => write!(f, "cannot write {}: {error}", path.display()),
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveError::Io(_, error) => Some(error.as_ref()),
            SaveError::WouldNotReadBack(_, ReadBack::Invalid(problem)) => Some(problem.as_ref()),
            _ => None,
        }
    }
}

/// Refuses `text` if the loader would refuse it when read back, so a save never produces a
/// file that vanishes next run. `problems` are what parsing `text` found.
pub fn check_reads_back(path: &Path, text: &str, problems: &[Problem]) -> Result<(), SaveError> {
    let refuse = |why| Err(SaveError::WouldNotReadBack(path.to_path_buf(), why));
    if text.len() as u64 > MAX_FILE_BYTES {
        return refuse(ReadBack::TooLarge {
            kib: (text.len() as u64).div_ceil(1024),
        });
    }
    match problems.iter().find(|p| p.is_error()) {
        Some(problem) => refuse(ReadBack::Invalid(Box::new(problem.clone()))),
        None => Ok(()),
    }
}

/// The file a write to `path` should replace: a symbolic link's target, so saving through a
/// link keeps the link (and the file it points to is the one updated).
fn write_target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Writes `contents` to `path` atomically: a temporary file in the same directory, flushed to
/// disk, then renamed over the target, so a crash or full disk leaves the old file or the new
/// one, never half a file. A replaced file keeps its permissions; a new file is private to the
/// user (0600), as the answers in it may be health notes. With `overwrite` false an existing
/// file is left alone and `SaveError::Exists` returned; the rename is then one the kernel
/// refuses if the name was taken meanwhile (another kapguide saving the same profile), so
/// nothing is ever replaced by a race.
pub fn write_atomic(path: &Path, contents: &str, overwrite: bool) -> Result<(), SaveError> {
    write_atomic_with(path, overwrite, |out| out.write_all(contents.as_bytes()))
}

/// [`write_atomic`] for output made as it is written (a large export): `write` fills a
/// buffered temporary file that only becomes `path` once complete, so a failed or interrupted
/// export leaves either the whole file or nothing.
pub fn write_atomic_with(
    path: &Path,
    overwrite: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let io_err = |e| SaveError::io(path, e);
    if !overwrite && fs::symlink_metadata(path).is_ok() {
        return Err(SaveError::Exists(path.to_path_buf()));
    }
    let target = write_target(path).map_err(io_err)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io_err)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io_err)?;
    let mut buffered = io::BufWriter::new(temp.as_file_mut());
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(io_err)?;
    drop(buffered);
    if let Some(meta) = fs::metadata(&target).ok().filter(|_| overwrite) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io_err)?;
    }
    temp.as_file().sync_all().map_err(io_err)?;
    let persisted = if overwrite {
        temp.persist(&target)
    } else {
        temp.persist_noclobber(&target)
    };
    // On failure the temporary file is deleted when the error drops.
    match persisted.map_err(|e| e.error) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(SaveError::Exists(path.to_path_buf()))
        }
        Err(e) => Err(io_err(e)),
        Ok(_) => {
            // The new name itself must survive a crash: flush the directory entry too (best
            // effort: not every file system allows opening a directory).
            if let Ok(dir) = fs::File::open(dir) {
                let _ = dir.sync_all();
            }
            Ok(())
        }
    }
}

/// What a file looked like when kapguide last read or wrote it: a hash of its bytes, or
/// absent. A save compares the file's stamp now with the one it remembers, so a file another
/// program (or a second kapguide) changed meanwhile is never silently replaced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamp(Option<u64>);

impl Stamp {
    /// The file at `path` as it is now (a file the loader would refuse to read, such as a pipe,
    /// gets a stamp of its own and is never read).
    pub fn of(path: &Path) -> Stamp {
        use std::hash::{Hash, Hasher};
        let Ok(meta) = fs::symlink_metadata(path) else {
            return Stamp(None);
        };
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        match fs::metadata(path) {
            Ok(target) if target.is_file() && target.len() <= MAX_FILE_BYTES => {
                fs::read(path).unwrap_or_default().hash(&mut hasher);
            }
            _ => (meta.len(), meta.modified().ok()).hash(&mut hasher),
        }
        Stamp(Some(hasher.finish()))
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
    let text = provider.to_toml(checklist);
    check_reads_back(&path, &text, &Provider::parse(&path, &text, checklist).1)?;
    write_atomic(&path, &text, overwrite)?;
    Ok(path)
}

/// Reads back a draft (an unfinished walk-through) if one exists for `id`, with the same checks
/// as every other file (size, file type, UTF-8).
pub fn load_draft(dir: &Path, id: &str, checklist: &Checklist) -> Option<SavedDraft> {
    let path = dir.join(format!("{id}.toml"));
    let text = read_text(&path).ok()?;
    SavedDraft::parse(&path, &text, checklist).0
}

/// Every draft in `dir`, and the problems of those that cannot be read (they are left on disk
/// untouched; [`save_draft`] moves such a file aside before writing over its name).
pub fn load_drafts(dir: &Path, checklist: &Checklist) -> (Vec<SavedDraft>, Vec<Problem>) {
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
        let parsed = read_text(&path).map(|text| SavedDraft::parse(&path, &text, checklist));
        match parsed {
            Ok((Some(draft), _)) => drafts.push(draft),
            Ok((None, found)) => problems.extend(found),
            Err(problem) => problems.push(problem),
        }
    }
    (drafts, problems)
}

/// Drafts are saved after every answer (and every move to another question, for the
/// position), replacing the previous draft of the same provider. A draft file that cannot be
/// read back (say, the checklist changed) is never written over: it is first renamed to
/// `<id>.toml.bak` (`.bak-2`, … if taken) so nothing typed into it is lost.
pub fn save_draft(
    dir: &Path,
    draft: &SavedDraft,
    checklist: &Checklist,
) -> Result<PathBuf, SaveError> {
    let id = &draft.provider.id;
    let path = dir.join(format!("{id}.toml"));
    let unreadable =
        fs::symlink_metadata(&path).is_ok() && load_draft(dir, id, checklist).is_none();
    if unreadable {
        let backups = (1..1000).map(|n| {
            if n == 1 {
                dir.join(format!("{id}.toml.bak"))
            } else {
                dir.join(format!("{id}.toml.bak-{n}"))
            }
        });
        rename_to_free(&path, backups).map_err(|e| SaveError::io(&path, e))?;
    }
    let text = draft.to_toml(checklist);
    check_reads_back(&path, &text, &SavedDraft::parse(&path, &text, checklist).1)?;
    write_atomic(&path, &text, true)?;
    Ok(path)
}

/// Renames `from` to the first of `names` free at that moment, never replacing a file: the
/// kernel refuses a taken name (one created meanwhile by a second kapguide too), where
/// checking first and renaming after would let the two pick the same backup name.
fn rename_to_free(from: &Path, names: impl Iterator<Item = PathBuf>) -> io::Result<PathBuf> {
    // A TempPath deletes its file when dropped: every way out keeps the file instead.
    fn keep(path: tempfile::TempPath) {
        if let Err(failed) = path.keep() {
            std::mem::forget(failed.path);
        }
    }
    let mut moving = tempfile::TempPath::try_from_path(from)?;
    for name in names {
        match moving.persist_noclobber(&name) {
            Ok(()) => return Ok(name),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => moving = e.path,
            Err(e) => {
                keep(e.path);
                return Err(e.error);
            }
        }
    }
    keep(moving);
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "every backup name is taken",
    ))
}

/// Removes the draft (once the profile is saved for good, or when the user discards it); a
/// draft already gone is not an error.
pub fn remove_draft(dir: &Path, id: &str) -> Result<(), SaveError> {
    let path = dir.join(format!("{id}.toml"));
    match fs::remove_file(&path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(SaveError::io(&path, e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_streamed_write_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.csv");
        // More than the write buffer holds, so part of it reached the temporary file.
        let row = "a,b,c\n".repeat(20_000);
        let failed = write_atomic_with(&path, false, |out| {
            out.write_all(row.as_bytes())?;
            Err(io::Error::other("quit while writing"))
        });
        assert!(matches!(failed, Err(SaveError::Io(..))));
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");

        write_atomic_with(&path, false, |out| out.write_all(row.as_bytes())).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), row);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_io_failure_keeps_its_cause_as_the_source() {
        use std::error::Error;
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("file"), "").unwrap();
        // A directory cannot be made inside a file.
        let error = write_atomic(&dir.path().join("file/sub/a.toml"), "x", false).unwrap_err();
        assert!(matches!(error, SaveError::Io(..)), "{error:?}");
        let source = error.source().expect("the I/O error is the source");
        assert!(error.to_string().ends_with(&source.to_string()), "{error}");
    }

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
        provider.id = "old".parse().unwrap();
        let draft = SavedDraft { provider, at: None };
        save_draft(dir.path(), &draft, &checklist).unwrap();
        save_draft(dir.path(), &draft, &checklist).unwrap();
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

    fn named(id: &str, checklist: &Checklist) -> SavedDraft {
        let text = "name = \"Old\"\nkind = \"kap-practice\"\n";
        let mut provider = Provider::parse(Path::new("p.toml"), text, checklist)
            .0
            .unwrap();
        provider.id = id.parse().unwrap();
        SavedDraft { provider, at: None }
    }

    /// Backup names taken (one of them appearing as if another kapguide made it just now) are
    /// skipped, never replaced, and the file moved keeps its bytes.
    #[test]
    fn moving_aside_never_replaces_a_taken_backup_name() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("d.toml");
        fs::write(&from, "mine").unwrap();
        let names: Vec<PathBuf> = (1..=3)
            .map(|n| dir.path().join(format!("d.bak-{n}")))
            .collect();
        fs::write(&names[0], "first").unwrap();
        fs::write(&names[1], "second").unwrap();
        let moved = rename_to_free(&from, names.iter().cloned()).unwrap();
        assert_eq!(moved, names[2]);
        assert!(!from.exists());
        let read = |p: &PathBuf| fs::read_to_string(p).unwrap();
        assert_eq!(
            (read(&names[0]), read(&names[1]), read(&names[2])),
            ("first".into(), "second".into(), "mine".into())
        );
        // With every name taken the file stays where it was, untouched.
        fs::write(&from, "again").unwrap();
        assert!(rename_to_free(&from, names.iter().cloned()).is_err());
        assert_eq!(fs::read_to_string(&from).unwrap(), "again");
    }

    #[test]
    fn a_draft_over_the_size_limit_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let checklist = Checklist::default();
        // Valid TOML that reads as a draft, but bigger than the loader accepts.
        let padding = format!(
            "# {}\n",
            "x".repeat(super::super::loader::MAX_FILE_BYTES as usize)
        );
        let big = format!("name = \"Old\"\nkind = \"kap-practice\"\n{padding}");
        fs::write(dir.path().join("old.toml"), &big).unwrap();
        save_draft(dir.path(), &named("old", &checklist), &checklist).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("old.toml.bak")).unwrap(),
            big,
            "the promised .bak"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_the_drafts_directory_never_hangs() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("old.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        let path = dir.path().to_path_buf();
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let checklist = Checklist::default();
            let (drafts, problems) = load_drafts(&path, &checklist);
            let saved = save_draft(&path, &named("old", &checklist), &checklist);
            let _ = send.send((drafts.len(), problems.len(), saved.is_ok()));
        });
        let (drafts, problems, saved) = receive
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("loading and saving drafts next to a FIFO returns");
        assert_eq!((drafts, problems, saved), (0, 1, true));
        let draft = fs::read_to_string(dir.path().join("old.toml")).unwrap();
        assert!(draft.contains("name = \"Old\""), "{draft}");
    }

    #[test]
    fn never_writes_a_profile_the_loader_would_refuse() {
        let dir = tempfile::tempdir().unwrap();
        let text = "[[category]]\nid = \"therapy\"\ntitle = \"T\"\n[[question]]\nid = \"q\"\ncategory = \"therapy\"\nquestion = \"Q?\"\nwhy = \"W\"\nweight = 1\n";
        let checklist = Checklist::parse(Path::new("c.toml"), text).0.unwrap();
        let mut provider = named("noisy", &checklist).provider;
        // What 350,000 U+0085 in a note become once sanitized: 8 bytes each.
        let note = crate::core::sanitize::sanitize(&"\u{85}".repeat(350_000)).into_owned();
        provider.answers.get_or_default(&"q".parse().unwrap()).note = Some(note);
        let error = save_profile(dir.path(), &provider, &checklist, false).unwrap_err();
        assert!(
            matches!(
                error,
                SaveError::WouldNotReadBack(_, ReadBack::TooLarge { .. })
            ),
            "{error:?}"
        );
        assert!(error.to_string().contains("limit"), "says why: {error}");
        assert!(
            !dir.path().join("noisy.toml").exists(),
            "nothing the loader would refuse is written"
        );
    }
}
