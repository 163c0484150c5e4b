//! Finds and reads every content file: the bundled copies embedded in the binary, the user's data
//! directory and any `--providers` / `--guides` directories. Every problem in every file is
//! collected; a bad file is skipped and never hides the good ones.

use std::collections::HashMap;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::parallel;
pub use super::progress::Progress;
use crate::core::checklist::Checklist;
use crate::core::crisis::{self, CRISIS_FILE, CrisisLines};
use crate::core::date::Date;
use crate::core::diagnostics::{LineIndex, Location, Problem, Reporter, Severity, suggestion_hint};
use crate::core::fields::value_offset;
use crate::core::guide::Expansion;
use crate::core::guide::Guide;
use crate::core::id::ProviderId;
pub use crate::core::library::Library;
use crate::core::options::{OPTIONS_FILE, OptionsGrid};
use crate::core::provider::Provider;
use crate::core::template::TEMPLATE_PLACEHOLDERS;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// Larger files are refused: no real guide or profile comes near it, and reading an arbitrarily
/// large file would stall the app.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Shown as the directory of embedded files in messages.
pub const BUNDLED: &str = "<bundled>";

pub const CHECKLIST_FILE: &str = "checklist.toml";

/// Where files come from. Later provider directories win over earlier ones.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Read guides and the checklist from here instead of the bundled copy.
    pub guides_dir: Option<PathBuf>,
    /// The user's own profiles (saved by the walk-through).
    pub user_providers_dir: Option<PathBuf>,
    /// `--providers DIR`, in order.
    pub provider_dirs: Vec<PathBuf>,
    /// False leaves out the profiles embedded in the binary.
    pub bundled_providers: bool,
    /// Dates after this are warned about as "in the future".
    pub today: Date,
    /// Threads that parse guide and provider files; 0 means one per core. The result is the
    /// same for any count. `KAPGUIDE_THREADS=N` sets the default (tests use it on the whole binary).
    pub threads: usize,
    /// What to read besides the checklist and crisis lines (always read).
    pub content: Content,
}

/// The files a load reads besides the checklist and crisis lines: a command reads only what it
/// shows (`providers` parses no guide), so it starts at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Content {
    pub guides: bool,
    pub providers: bool,
    /// The options grid (`guides/options.toml`).
    pub options: bool,
}

impl Content {
    pub const ALL: Content = Content {
        guides: true,
        providers: true,
        options: true,
    };
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            guides_dir: None,
            user_providers_dir: None,
            provider_dirs: Vec::new(),
            bundled_providers: true,
            today: super::clock::today(),
            threads: std::env::var("KAPGUIDE_THREADS")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0),
            content: Content::ALL,
        }
    }
}

impl LoadOptions {
    fn thread_count(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
    }
}

/// The provider half of a load: added to a [`Library`] that has the guides and checklist.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProviderLoad {
    pub providers: Vec<Provider>,
    /// Profiles hidden by a later file with the same id (see `Library::shadowed`).
    pub shadowed: Vec<Provider>,
    /// Directory listing problems, then each file's problems, in file order.
    pub problems: Vec<Problem>,
    pub skipped: usize,
}

impl ProviderLoad {
    pub fn add_to(self, lib: &mut Library) {
        lib.providers = self.providers;
        lib.shadowed = self.shadowed;
        lib.problems.extend(self.problems);
        lib.skipped += self.skipped;
    }
}

/// A file to read: embedded bytes or a path on disk.
enum FileSource {
    Bundled(&'static str, &'static [u8]),
    Disk(PathBuf),
}

impl FileSource {
    fn path(&self) -> PathBuf {
        match self {
            FileSource::Bundled(name, _) => Path::new(BUNDLED).join(name),
            FileSource::Disk(path) => path.clone(),
        }
    }

    fn stem(&self) -> String {
        self.path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    fn read(&self) -> Result<String, Problem> {
        match self {
            FileSource::Bundled(name, bytes) => {
                decode(Path::new(BUNDLED).join(name).as_path(), bytes.to_vec())
            }
            FileSource::Disk(path) => read_text(path),
        }
    }
}

fn io_problem(path: &Path, error: &std::io::Error, what: &str) -> Problem {
    let (message, hint) = match error.kind() {
        ErrorKind::NotFound => (format!("{what} does not exist"), "check the path"),
        ErrorKind::PermissionDenied => (
            format!("{what} cannot be read: permission denied"),
            "check its permissions (chmod u+r)",
        ),
        ErrorKind::NotADirectory => (
            format!("{what} is a file, not a directory"),
            "give a directory that holds .toml profiles",
        ),
        _ if error.raw_os_error() == Some(40) => (
            format!("{what} is a symbolic link loop"),
            "point the link at a real file or remove it",
        ),
        _ => (
            format!("{what} cannot be read: {error}"),
            "check that it is a readable file",
        ),
    };
    Problem::file(path, Severity::Error, message).with_hint(hint)
}

/// Reads a file as UTF-8 text, refusing huge, empty and non-UTF-8 files with a clear message.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let meta = fs::metadata(path).map_err(|e| io_problem(path, &e, "the file"))?;
    if meta.is_dir() {
        return Err(Problem::file(
            path,
            Severity::Error,
            "this is a directory, not a file",
        ));
    }
    // A named pipe or device would block the read forever (or never end).
    if !meta.is_file() {
        return Err(Problem::file(
            path,
            Severity::Error,
            "this is not a regular file (a pipe, socket or device)",
        )
        .with_hint("only plain .toml and .md files are read; remove it or move it elsewhere"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    let bytes = fs::read(path).map_err(|e| io_problem(path, &e, "the file"))?;
    decode(path, bytes)
}

fn too_large(path: &Path, size: u64) -> Problem {
    Problem::file(
        path,
        Severity::Error,
        format!(
            "the file is {} KiB; the limit is {} KiB",
            // Rounded up: a file one byte over the limit must not read as "1024 KiB".
            size.div_ceil(1024),
            MAX_FILE_BYTES / 1024
        ),
    )
    .with_hint("a profile or guide is a few KiB; check that this is the right file")
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Problem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, column) = LineIndex::new(&prefix).position(valid);
        Problem {
            location: Location::At { line, column },
            ..Problem::file(path, Severity::Error, "the file is not valid UTF-8 text")
        }
        .with_hint("save it as UTF-8 in your editor")
    })?;
    if text.trim().is_empty() {
        return Err(Problem::file(path, Severity::Error, "the file is empty")
            .with_hint("delete it, or fill it in (kapguide new-provider ID prints a template)"));
    }
    Ok(text)
}

/// The files in `dir` with one of `extensions`, sorted by name (README.md is documentation).
pub fn list_dir(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>, Problem> {
    let entries = fs::read_dir(dir).map_err(|e| io_problem(dir, &e, "the directory"))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn disk_files(dir: &Path, extensions: &[&str], problems: &mut Vec<Problem>) -> Vec<FileSource> {
    match list_dir(dir, extensions) {
        Ok(files) => files.into_iter().map(FileSource::Disk).collect(),
        Err(problem) => {
            problems.push(problem);
            Vec::new()
        }
    }
}

fn bundled_files(prefix: &str, extension: &str) -> Vec<FileSource> {
    bundled::GUIDE_FILES
        .iter()
        .chain(bundled::PROVIDER_FILES)
        .filter(|(name, _)| name.starts_with(prefix) && name.ends_with(extension))
        .map(|(name, bytes)| FileSource::Bundled(name, bytes))
        .collect()
}

/// Loads everything the app shows.
pub fn load(options: &LoadOptions) -> Library {
    load_with_progress(options, &Progress::default())
}

/// [`load`], counting provider files read in `progress` (which nothing may cancel: the load
/// always finishes).
pub fn load_with_progress(options: &LoadOptions, progress: &Progress) -> Library {
    let providers = options.content.providers.then_some(progress);
    let (mut lib, providers) = load_content(options, providers);
    if let Some(providers) = providers {
        providers.add_to(&mut lib);
    }
    lib
}

/// The guides, checklist, options and crisis lines the options' `content` asks for, without
/// the providers (quick, so the app can show it while providers load).
pub fn load_guides_and_checklist(options: &LoadOptions) -> Library {
    load_content(options, None).0
}

/// The guides, checklist, options and crisis lines, and with a `providers` progress the
/// providers too, read on another thread while the guides are parsed (they need only the
/// checklist). Problems keep the order of a one-thread load.
fn load_content(
    options: &LoadOptions,
    providers: Option<&Progress>,
) -> (Library, Option<ProviderLoad>) {
    let mut lib = Library::default();
    // A directory of guides without a checklist (or options) previews guides against the
    // bundled one.
    let dir = options.guides_dir.as_deref();
    let guide_files = match dir {
        _ if !options.content.guides => Vec::new(),
        Some(dir) => disk_files(dir, &["md"], &mut lib.problems),
        None => bundled_files("guides/", ".md"),
    };
    lib.checklist = load_checklist(&guides_file(dir, CHECKLIST_FILE), &mut lib.problems);
    let threads = options.thread_count();
    let checklist = &lib.checklist;
    // A second thread only pays when both halves have work: guides to parse beside providers.
    let (providers, rest) = parallel::join(
        threads > 1 && providers.is_some() && !guide_files.is_empty(),
        || providers.and_then(|progress| load_provider_dirs(options, checklist, progress)),
        || {
            let mut problems = Vec::new();
            let grid = if options.content.options {
                load_options(&guides_file(dir, OPTIONS_FILE), &mut problems)
            } else {
                OptionsGrid::default()
            };
            let crisis = load_crisis(&guides_file(dir, CRISIS_FILE), &mut problems);
            let (guides, skipped) = load_guides(guide_files, &crisis, threads, &mut problems);
            (grid, crisis, guides, skipped, problems)
        },
    );
    let (grid, crisis, guides, skipped, mut problems) = rest;
    lib.options = grid;
    lib.crisis = crisis;
    lib.guides = guides;
    lib.skipped += skipped;
    lib.problems.append(&mut problems);
    (lib, providers)
}

/// Every provider directory the options name, checked against `checklist`; `None` if
/// `progress` was cancelled.
pub fn load_provider_dirs(
    options: &LoadOptions,
    checklist: &Checklist,
    progress: &Progress,
) -> Option<ProviderLoad> {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    if options.bundled_providers {
        files.extend(bundled_files("providers/", ".toml"));
    }
    for dir in options
        .user_providers_dir
        .iter()
        .filter(|d| d.exists())
        .chain(&options.provider_dirs)
    {
        files.extend(disk_files(dir, &["toml"], &mut problems));
    }
    let mut load = load_providers(files, checklist, options, progress)?;
    problems.append(&mut load.problems);
    load.problems = problems;
    Some(load)
}

/// Reads the checklist. If a checklist from disk (`--guides DIR`) cannot be read, its problems
/// are reported and the bundled checklist is used, so profiles are still checked against real
/// questions instead of all being rejected.
fn load_checklist(file: &FileSource, problems: &mut Vec<Problem>) -> Checklist {
    load_with_fallback(file, problems, "checklist", Checklist::parse).unwrap_or_default()
}

/// Reads the options grid, falling back to the bundled one like the checklist.
fn load_options(file: &FileSource, problems: &mut Vec<Problem>) -> OptionsGrid {
    load_with_fallback(file, problems, "options grid", OptionsGrid::parse).unwrap_or_default()
}

/// The bundled crisis lines (for `--help`, which is printed before any `--guides` is read),
/// parsed once per process: the help text and every load use them.
pub fn bundled_crisis() -> CrisisLines {
    static PARSED: OnceLock<CrisisLines> = OnceLock::new();
    let parse = || parse_crisis(&bundled_file(CRISIS_FILE), &mut Vec::new());
    PARSED.get_or_init(parse).clone()
}

/// Reads the crisis lines, falling back to the bundled ones: the numbers must always be there.
fn load_crisis(file: &FileSource, problems: &mut Vec<Problem>) -> CrisisLines {
    match file {
        FileSource::Bundled(..) => bundled_crisis(),
        FileSource::Disk(_) => parse_crisis(file, problems),
    }
}

fn parse_crisis(file: &FileSource, problems: &mut Vec<Problem>) -> CrisisLines {
    load_with_fallback(file, problems, "crisis lines file", CrisisLines::parse).unwrap_or_default()
}

type Parser<T> = fn(&Path, &str) -> (Option<T>, Vec<Problem>);

/// Parses one content file; a broken file from disk is reported and the bundled copy of the same
/// name is used instead.
fn load_with_fallback<T>(
    file: &FileSource,
    problems: &mut Vec<Problem>,
    what: &str,
    parse: Parser<T>,
) -> Option<T> {
    match (parse_file(file, problems, parse), file) {
        (Some(value), _) => Some(value),
        (None, FileSource::Disk(path)) => {
            problems.push(
                Problem::file(
                    path,
                    Severity::Warning,
                    format!("this {what} could not be read; the bundled {what} is used instead"),
                )
                .with_hint("fix the errors listed for this file, then run kapguide validate again"),
            );
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            load_with_fallback(
                &bundled_file(&name.unwrap_or_default()),
                problems,
                what,
                parse,
            )
        }
        (None, FileSource::Bundled(..)) => None,
    }
}

/// Reads and parses one file, collecting its problems.
fn parse_file<T>(file: &FileSource, problems: &mut Vec<Problem>, parse: Parser<T>) -> Option<T> {
    match file.read().map(|text| parse(&file.path(), &text)) {
        Ok((value, found)) => {
            problems.extend(found);
            value
        }
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

/// A file of `guides/` from `dir` if it is there, otherwise the bundled copy.
fn guides_file(dir: Option<&Path>, name: &str) -> FileSource {
    match dir.map(|d| d.join(name)) {
        Some(path) if path.exists() => FileSource::Disk(path),
        _ => bundled_file(name),
    }
}

/// The bundled `guides/NAME` (an empty stand-in if it is not embedded, which a test rules out).
fn bundled_file(name: &str) -> FileSource {
    bundled::GUIDE_FILES
        .iter()
        .find(|(path, _)| path.strip_prefix("guides/") == Some(name))
        .map_or(
            FileSource::Bundled("guides/missing", b""),
            |(path, bytes)| FileSource::Bundled(path, bytes),
        )
}

/// Parses guides; a guide's `{{crisis-lines}}` becomes the list from `crisis`.
fn load_guides(
    files: Vec<FileSource>,
    crisis: &CrisisLines,
    threads: usize,
    problems: &mut Vec<Problem>,
) -> (Vec<Guide>, usize) {
    let expansion = Expansion {
        placeholder: crisis::PLACEHOLDER,
        markdown: crisis.markdown(true),
        sources: &crisis.sources,
    };
    let parse = |file: &FileSource| {
        file.read().map(|text| {
            let (guide, found) = Guide::parse_with(&file.path(), &text, Some(&expansion));
            (guide, found, text)
        })
    };
    // One file at a time: there are few guides, of very different sizes.
    let parsed = parallel::map_in_order(&files, threads, 1, &Progress::default(), parse)
        .expect("nothing cancels a guide load");
    let mut guides = Vec::new();
    let mut texts = HashMap::new();
    let mut skipped = 0;
    for result in parsed {
        match result {
            Ok((guide, found, text)) => {
                problems.extend(found);
                match guide {
                    Some(guide) => {
                        texts.insert(guide.id.clone(), text);
                        guides.push(guide);
                    }
                    None => skipped += 1,
                }
            }
            Err(problem) => {
                problems.push(problem);
                skipped += 1;
            }
        }
    }
    guides.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    crate::core::guide::resolve_link_titles(&mut guides);
    let ids: Vec<&str> = guides.iter().map(|g| g.id.as_str()).collect();
    for guide in &guides {
        let mut rep = Reporter::new(&guide.origin, &texts[&guide.id], 0);
        for (target, offset) in &guide.guide_links {
            if !ids.contains(&target.as_str()) {
                rep.at(
                    *offset,
                    Severity::Warning,
                    format!("link to a guide `{target}` that does not exist"),
                    Some(suggestion_hint(target, &ids)),
                );
            }
        }
        problems.extend(rep.problems);
    }
    (guides, skipped)
}

/// One provider file, read and checked on its own (so files can be read in parallel).
struct Parsed {
    provider: Option<Provider>,
    problems: Vec<Problem>,
}

fn parse_provider(file: &FileSource, checklist: &Checklist, today: Date) -> Parsed {
    let path = file.path();
    match file.read() {
        Ok(text) => {
            let (provider, mut problems) = Provider::parse(&path, &text, checklist);
            if let Some(provider) = &provider {
                problems.extend(provider_warnings(provider, &path, &text, today));
            }
            Parsed { provider, problems }
        }
        Err(problem) => Parsed {
            provider: None,
            problems: vec![problem],
        },
    }
}

/// Files handed to a thread at a time: small enough to share the work evenly, large enough
/// that taking them costs nothing.
const BATCH: usize = 16;

/// Parses every file on `threads` threads; the results come back in file order whatever the
/// thread count, so the output and its warnings never depend on it. `None` if cancelled.
fn parse_all(
    files: &[FileSource],
    checklist: &Checklist,
    today: Date,
    threads: usize,
    progress: &Progress,
) -> Option<Vec<Parsed>> {
    progress.add_total(files.len());
    parallel::map_in_order(files, threads, BATCH, progress, |file| {
        parse_provider(file, checklist, today)
    })
}

/// Reads provider files in order; an id seen again replaces the earlier one (later files win:
/// bundled < user data < `--providers`), and a warning says which file won.
fn load_providers(
    files: Vec<FileSource>,
    checklist: &Checklist,
    options: &LoadOptions,
    progress: &Progress,
) -> Option<ProviderLoad> {
    let parsed = parse_all(
        &files,
        checklist,
        options.today,
        options.thread_count(),
        progress,
    )?;
    let mut load = ProviderLoad::default();
    // Where each id is in `load.providers`: one lookup per file keeps loading linear.
    let mut seen: HashMap<ProviderId, usize> = HashMap::with_capacity(files.len());
    for (file, parsed) in files.iter().zip(parsed) {
        load.problems.extend(parsed.problems);
        let Some(provider) = parsed.provider else {
            load.skipped += 1;
            continue;
        };
        if let Some(&at) = seen.get(&provider.id) {
            let existing = &mut load.providers[at];
            load.problems.push(
                Problem::file(&file.path(), Severity::Warning, format!("provider id `{}` is also defined in {}; this file wins", file.stem(), existing.origin.display()))
                    .with_hint("later directories override earlier ones (bundled, then your data directory, then --providers); rename one file to keep both"),
            );
            load.shadowed.push(std::mem::replace(existing, provider));
        } else {
            seen.insert(provider.id.clone(), load.providers.len());
            load.providers.push(provider);
        }
    }
    load.providers.sort_by(|a, b| a.id.cmp(&b.id));
    Some(load)
}

/// Things that are valid but almost certainly mistakes: a verification date in the future, or a
/// template placeholder never filled in. Each points at the value in `text`.
fn provider_warnings(provider: &Provider, path: &Path, text: &str, today: Date) -> Vec<Problem> {
    let mut rep = Reporter::new(path, text, 0);
    let at = |keys: &[&str]| value_offset(text, keys).unwrap_or(0);
    if let Some(date) = provider.last_verified().filter(|d| *d > today) {
        rep.at(
            at(&["source", "last_verified"]),
            Severity::Warning,
            format!("last_verified {date} is in the future"),
            Some("write the day the facts were last checked".into()),
        );
    }
    for (i, clinician) in provider.clinicians.iter().enumerate() {
        let checked = clinician.verification.as_ref().and_then(|v| v.date);
        if let Some(date) = checked.filter(|d| *d > today) {
            rep.at(
                at(&["clinicians", &i.to_string(), "verification", "date"]),
                Severity::Warning,
                format!(
                    "the licence check of {} is dated {date}, in the future",
                    clinician.name
                ),
                Some("write the day the licence was looked up".into()),
            );
        }
    }
    let placeholders = [
        (Some(provider.name.as_str()), &["name"][..]),
        (
            provider
                .source
                .as_ref()
                .and_then(|s| s.reference.as_deref()),
            &["source", "reference"],
        ),
    ];
    if let Some((_, keys)) = placeholders
        .iter()
        .find(|(text, _)| text.is_some_and(|t| TEMPLATE_PLACEHOLDERS.contains(&t)))
    {
        rep.at(
            at(keys),
            Severity::Warning,
            "the name or source reference is still the template's placeholder".into(),
            Some("replace it with the provider's name and where the facts come from (until then `validate --strict` fails, so an unfilled template is never taken for a profile)".into()),
        );
    }
    rep.problems
}

/// What `kapguide validate PATH...` checks: every `.md` as a guide, `checklist.toml` as the
/// checklist, `options.toml` as the options grid and every other `.toml` as a provider profile
/// (directories: the files in them).
pub struct Validation {
    pub problems: Vec<Problem>,
    pub files: usize,
    pub skipped: usize,
}

pub fn validate_paths(
    paths: &[PathBuf],
    fallback_checklist: &Checklist,
    today: Date,
) -> Validation {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                files.extend(disk_files(path, &["md", "toml"], &mut problems));
            }
            Ok(_) => files.push(FileSource::Disk(path.clone())),
            Err(e) => problems.push(io_problem(path, &e, "the path")),
        }
    }
    let is_checklist = |f: &FileSource| f.path().file_name().is_some_and(|n| n == CHECKLIST_FILE);
    let is_guide = |f: &FileSource| f.path().extension().is_some_and(|e| e == "md");
    let is_options = |f: &FileSource| f.path().file_name().is_some_and(|n| n == OPTIONS_FILE);
    let is_crisis = |f: &FileSource| f.path().file_name().is_some_and(|n| n == CRISIS_FILE);
    let (checklists, rest): (Vec<FileSource>, Vec<FileSource>) =
        files.into_iter().partition(is_checklist);
    let (grids, rest): (Vec<FileSource>, Vec<FileSource>) = rest.into_iter().partition(is_options);
    let (crisis_files, rest): (Vec<FileSource>, Vec<FileSource>) =
        rest.into_iter().partition(is_crisis);
    let (guides, providers): (Vec<FileSource>, Vec<FileSource>) =
        rest.into_iter().partition(is_guide);
    let count =
        checklists.len() + grids.len() + crisis_files.len() + guides.len() + providers.len();

    // A checklist among the paths is checked, and its questions are the ones profiles must use.
    let checklist = checklists
        .iter()
        .map(|file| load_checklist(file, &mut problems))
        .next_back()
        .unwrap_or_else(|| fallback_checklist.clone());
    let grid_skips = grids
        .iter()
        .filter(|file| parse_file(file, &mut problems, OptionsGrid::parse).is_none())
        .count();
    // Guides are checked with the crisis lines among the paths, or the bundled ones.
    let crisis_skips = crisis_files
        .iter()
        .filter(|file| parse_file(file, &mut problems, CrisisLines::parse).is_none())
        .count();
    let crisis = crisis_files
        .iter()
        .chain([&bundled_file(CRISIS_FILE)])
        .find_map(|file| parse_file(file, &mut Vec::new(), CrisisLines::parse))
        .unwrap_or_default();
    let options = LoadOptions {
        today,
        ..LoadOptions::default()
    };
    let (_, guide_skips) = load_guides(guides, &crisis, options.thread_count(), &mut problems);
    let providers =
        load_providers(providers, &checklist, &options, &Progress::default()).unwrap_or_default();
    problems.extend(providers.problems);
    Validation {
        problems,
        files: count,
        skipped: grid_skips + crisis_skips + guide_skips + providers.skipped,
    }
}
