//! The user's preferences file (`$XDG_CONFIG_HOME/kapguide/config.toml`):
//!
//! ```toml
//! [priorities]        # 0 not important, 1 somewhat, 2 important (default), 3 essential
//! therapy = 3
//! medical = 2
//!
//! [values]            # "what matters to you": statement id = 0 (not for me) … 3 (very much)
//! therapist = 3
//!
//! [readiness]         # "am I ready to decide?": question id = true (yes) or false (no)
//! sure = false
//!
//! [course]            # the course shape cost estimates price
//! dosing = 6
//! preparation = 2
//! integration = 3
//! boosters = 0
//! ```
//!
//! A broken file gets a clear message and the defaults — never a crash — and is never
//! overwritten: the app only saves priorities over a file that read back cleanly.

use std::path::{Path, PathBuf};

use super::loader::read_text;
use super::store::{SaveError, Stamp, check_reads_back, write_atomic};
use crate::core::checklist::Checklist;
use crate::core::costs::{CourseShape, MAX_SESSIONS, SessionKind};
use crate::core::diagnostics::{Problem, Reporter, Severity, suggestion_hint};
use crate::core::fields::{Fields, parse_document, toml_key};
use crate::core::id::CategoryId;
use crate::core::readiness::{self, QUESTIONS as READINESS};
use crate::core::sanitize::sanitize_line;
use crate::core::scoring::{Priorities, Priority};
use crate::core::values::{MAX_ANSWER, Values, statement_ids};

/// The settings a config file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub priorities: Priorities,
    pub values: Values,
    pub course: CourseShape,
    pub readiness: readiness::Answers,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub priorities: Priorities,
    /// The answers to the "what matters to you" statements (skipped ones are absent).
    pub values: Values,
    /// The course the cost estimates price.
    pub course: CourseShape,
    /// The "am I ready to decide?" answers, shown again next time.
    pub readiness: readiness::Answers,
    /// Where it was read from, if a file exists.
    pub path: Option<PathBuf>,
    /// False when the file had problems: then it must not be overwritten.
    pub writable: bool,
    /// The file as kapguide last read or wrote it (a hash of its bytes, like drafts and
    /// profiles; not its modification time, which an edit in the same second or a restored
    /// backup leaves unchanged). A file changed by someone else since is not overwritten.
    seen: Stamp,
}

impl Config {
    /// Reads the config; a missing file is the defaults, a broken one the defaults plus problems.
    pub fn load(path: Option<&Path>, checklist: &Checklist) -> (Config, Vec<Problem>) {
        let mut config = Config {
            path: path.map(Path::to_path_buf),
            writable: true,
            ..Config::default()
        };
        let Some(path) = path.filter(|p| p.exists()) else {
            return (config, Vec::new());
        };
        config.seen = Stamp::of(path);
        let text = match read_text(path) {
            Ok(text) => text,
            Err(problem) => {
                config.writable = false;
                return (config, vec![problem]);
            }
        };
        let (settings, problems) = Config::read(path, &text, checklist);
        config.priorities = settings.priorities;
        config.values = settings.values;
        config.course = settings.course;
        config.readiness = settings.readiness;
        config.writable = problems.is_empty();
        let problems = problems
            .into_iter()
            .map(|p| Problem {
                severity: Severity::Warning,
                ..p
            })
            .collect();
        (config, problems)
    }

    /// The settings in a config file's `text`, and its problems (as errors).
    pub fn read(path: &Path, text: &str, checklist: &Checklist) -> (Settings, Vec<Problem>) {
        let mut priorities = Priorities::default();
        let mut values = Values::default();
        let mut course = CourseShape::default();
        let mut readiness = readiness::Answers::default();
        let mut rep = Reporter::new(path, text, 0);
        if let Some(doc) = parse_document(text, &mut rep) {
            let top = Fields::new(doc.get_ref(), doc.span(), "");
            top.reject_unknown_keys(&mut rep, &["priorities", "values", "readiness", "course"]);
            if let Some(table) = top.table(&mut rep, "readiness", "[readiness]") {
                let ids: Vec<&str> = READINESS.iter().map(|q| q.id).collect();
                table.reject_unknown_keys(&mut rep, &ids);
                for (answer, id) in readiness.iter_mut().zip(&ids) {
                    *answer = table.boolean(&mut rep, id);
                }
            }
            if let Some(table) = top.table(&mut rep, "course", "[course]") {
                let keys: Vec<&str> = SessionKind::ALL.iter().map(|k| course_key(*k)).collect();
                table.reject_unknown_keys(&mut rep, &keys);
                for kind in SessionKind::ALL {
                    let range = 0..i64::from(MAX_SESSIONS) + 1;
                    if let Some(n) = table.integer(&mut rep, course_key(kind), range) {
                        course.set(kind, n as u32);
                    }
                }
            }
            if let Some(table) = top.table(&mut rep, "values", "[values]") {
                let ids = statement_ids();
                for (key, value) in table.table {
                    let key: &str = key.get_ref();
                    if !ids.contains(&key) {
                        rep.error(
                            value.span().start,
                            format!("`{key}` is not a \"what matters to you\" statement"),
                            Some(suggestion_hint(key, &ids)),
                        );
                        continue;
                    }
                    if let Some(n) = table.integer(&mut rep, key, 0..i64::from(MAX_ANSWER) + 1) {
                        values.set(key, Some(n as u8));
                    }
                }
            }
            if let Some(table) = top.table(&mut rep, "priorities", "[priorities]") {
                let ids = checklist.category_ids();
                for (key, value) in table.table {
                    let key: &str = key.get_ref();
                    let Some(category) = checklist.category(key) else {
                        let offset = value.span().start;
                        rep.error(
                            offset,
                            format!("`{key}` is not a checklist category"),
                            Some(suggestion_hint(key, &ids)),
                        );
                        continue;
                    };
                    let levels = 0..Priority::ALL.len() as i64;
                    if let Some(p) = table
                        .integer(&mut rep, key, levels)
                        .and_then(Priority::from_level)
                    {
                        priorities.set(&category.id, p);
                    }
                }
            }
        }
        let settings = Settings {
            priorities,
            values,
            course,
            readiness,
        };
        (settings, rep.problems)
    }

    pub fn to_toml(&self, checklist: &Checklist) -> String {
        let mut out = String::from(
            "# kapguide preferences. Priorities: 0 not important, 1 somewhat, 2 important, 3 essential.\n[priorities]\n",
        );
        for category in &checklist.categories {
            out.push_str(&format!(
                "{} = {}\n",
                category.id,
                self.priorities.get(&category.id)
            ));
        }
        if !self.values.is_empty() {
            out.push_str("\n# What matters to you: 0 not for me, 1 a little, 2 quite a lot, 3 very much.\n[values]\n");
            for (id, answer) in &self.values.answers {
                out.push_str(&format!("{} = {answer}\n", toml_key(id)));
            }
        }
        if self.readiness.iter().any(Option::is_some) {
            out.push_str("\n# Am I ready to decide? true is yes, false is no.\n[readiness]\n");
            for (q, answer) in READINESS.iter().zip(self.readiness) {
                if let Some(yes) = answer {
                    out.push_str(&format!("{} = {yes}\n", q.id));
                }
            }
        }
        if self.course != CourseShape::default() {
            out.push_str(
                "\n# The course that cost estimates price (sessions of each kind).\n[course]\n",
            );
            for kind in SessionKind::ALL {
                let count = self.course.count(kind);
                out.push_str(&format!("{} = {count}\n", course_key(kind)));
            }
        }
        out
    }

    /// The file's text with only the priorities that differ from it changed: the user's
    /// comments, order and layout stay as they were (`toml_edit` keeps them).
    fn edit(
        &self,
        path: &Path,
        existing: &str,
        checklist: &Checklist,
    ) -> Result<String, ConfigError> {
        let mut doc: toml_edit::DocumentMut =
            existing
                .parse()
                .map_err(|source| ConfigError::NotEditable {
                    path: path.to_path_buf(),
                    source: Box::new(source),
                })?;
        let (in_file, _) = Config::read(path, existing, checklist);
        let Settings {
            priorities: in_file,
            values: values_in_file,
            course: course_in_file,
            readiness: readiness_in_file,
        } = in_file;
        let table = section(&mut doc, "priorities", path)?;
        for category in &checklist.categories {
            let wanted = self.priorities.get(&category.id);
            if in_file.get(&category.id) == wanted {
                continue;
            }
            set_number(table, &category.id, wanted.level());
        }
        if self.values != values_in_file {
            let table = section(&mut doc, "values", path)?;
            for id in statement_ids() {
                match self.values.get(id) {
                    Some(answer) if values_in_file.get(id) != Some(answer) => {
                        set_number(table, id, answer);
                    }
                    Some(_) => {}
                    None => {
                        table.remove(id);
                    }
                }
            }
        }
        if self.readiness != readiness_in_file {
            let table = section(&mut doc, "readiness", path)?;
            for (q, answer) in READINESS.iter().zip(self.readiness) {
                match answer {
                    Some(yes) => {
                        table.insert(q.id, toml_edit::value(yes));
                    }
                    None => {
                        table.remove(q.id);
                    }
                }
            }
        }
        // A file without `[course]` has the default course and gets no table it does not need.
        if self.course != course_in_file {
            let table = section(&mut doc, "course", path)?;
            for kind in SessionKind::ALL {
                let count = self.course.count(kind).min(MAX_SESSIONS);
                if count != course_in_file.count(kind) {
                    set_number(table, course_key(kind), count as u8);
                }
            }
        }
        Ok(doc.to_string())
    }

    /// Saves the priorities, unless the file on disk had problems (then it is left for the user
    /// to fix, and the error says so).
    /// This config's settings, with `earlier`'s knowledge of the file (when it was last read or
    /// written), so a save after the app's own earlier save is not taken for someone else's
    /// change. Every setting comes from `self`: none is lost.
    pub fn with_file_state_of(self, earlier: &Config) -> Config {
        Config {
            seen: earlier.seen,
            ..self
        }
    }

    pub fn save(&mut self, checklist: &Checklist) -> Result<PathBuf, ConfigError> {
        let path = self.path.clone().ok_or(ConfigError::NoConfigDir)?;
        if !self.writable {
            return Err(ConfigError::HasProblems(path));
        }
        if Stamp::of(&path) != self.seen {
            return Err(ConfigError::ChangedOutside(path));
        }
        let text = match read_text(&path) {
            Ok(existing) => self.edit(&path, &existing, checklist)?,
            Err(_) if !path.exists() => self.to_toml(checklist),
            Err(problem) => return Err(ConfigError::Unreadable(Box::new(problem))),
        };
        check_reads_back(&path, &text, &Config::read(&path, &text, checklist).1)
            .and_then(|()| write_atomic(&path, &text, true))
            .map_err(ConfigError::Save)?;
        self.seen = Stamp::of(&path);
        Ok(path)
    }
}

/// Why the config was not saved.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigError {
    /// The system has no configuration directory.
    NoConfigDir,
    /// The file had problems when read: the user fixes it by hand.
    HasProblems(PathBuf),
    /// Something else changed the file since kapguide read or wrote it.
    ChangedOutside(PathBuf),
    /// The file is not TOML `toml_edit` can keep the layout of.
    NotEditable {
        path: PathBuf,
        source: Box<toml_edit::TomlError>,
    },
    /// A section kapguide writes to is not a table (`priorities = 3`).
    NotATable {
        path: PathBuf,
        key: &'static str,
    },
    /// The file exists but cannot be read now.
    Unreadable(Box<Problem>),
    Save(SaveError),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::NoConfigDir => {
                f.write_str("no configuration directory is known on this system")
            }
            ConfigError::HasProblems(path) => write!(
                f,
                "{} has problems; fix it by hand (kapguide keeps your changes for this session only)",
                path.display()
            ),
            ConfigError::ChangedOutside(path) => write!(
                f,
                "{} was changed by something else since kapguide read it, so it was not overwritten; restart kapguide to use the new file",
                path.display()
            ),
            ConfigError::NotEditable { path, source } => {
                write!(f, "{} cannot be edited: {source}", path.display())
            }
            ConfigError::NotATable { path, key } => {
                write!(f, "{}: `{key}` is not a table", path.display())
            }
            ConfigError::Unreadable(problem) => problem.fmt(f),
            ConfigError::Save(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::NotEditable { source, .. } => Some(source.as_ref()),
            ConfigError::Unreadable(problem) => Some(problem.as_ref()),
            ConfigError::Save(error) => Some(error),
            _ => None,
        }
    }
}

/// The key of a session kind in `[course]`: `boosters` is plural like the others read.
fn course_key(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Booster => "boosters",
        other => other.label(),
    }
}

/// Sets `key = n` in a table; the comment after an old number stays after the new one.
fn set_number(table: &mut dyn toml_edit::TableLike, key: &str, n: u8) {
    let mut number = toml_edit::Value::from(i64::from(n));
    match table.get_mut(key).and_then(|i| i.as_value_mut()) {
        Some(old) => {
            *number.decor_mut() = old.decor().clone();
            *old = number;
        }
        None => {
            table.insert(key, toml_edit::Item::Value(number));
        }
    }
}

/// Why a `--priority` argument was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriorityArgError {
    /// Not `CATEGORY=N`.
    Shape {
        arg: String,
        categories: Vec<String>,
    },
    UnknownCategory {
        name: String,
        hint: String,
    },
    /// Not a level from 0 to 3.
    Level {
        level: String,
        category: CategoryId,
    },
}

impl std::fmt::Display for PriorityArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PriorityArgError::Shape { arg, categories } => write!(
                f,
                "`{}` should look like CATEGORY=N, e.g. medical=3 (categories: {})",
                sanitize_line(arg),
                categories.join(", ")
            ),
            PriorityArgError::UnknownCategory { name, hint } => {
                write!(f, "`{}` is not a category; {hint}", sanitize_line(name))
            }
            PriorityArgError::Level { level, category } => write!(
                f,
                "priority `{}` for {category} should be 0, 1, 2 or 3",
                sanitize_line(level)
            ),
        }
    }
}

impl std::error::Error for PriorityArgError {}

/// Parses `--priority medical=3`.
pub fn parse_priority_arg(
    arg: &str,
    checklist: &Checklist,
) -> Result<(CategoryId, Priority), PriorityArgError> {
    let ids = checklist.category_ids();
    let (name, level) = arg.split_once('=').ok_or_else(|| PriorityArgError::Shape {
        arg: arg.to_string(),
        categories: ids.iter().map(ToString::to_string).collect(),
    })?;
    let name = name.trim();
    let category = checklist
        .category(name)
        .ok_or_else(|| PriorityArgError::UnknownCategory {
            name: name.to_string(),
            hint: suggestion_hint(name, &ids),
        })?;
    let level = level.trim();
    let value = level
        .parse::<u8>()
        .ok()
        .and_then(|n| Priority::from_level(n.into()))
        .ok_or_else(|| PriorityArgError::Level {
            level: level.to_string(),
            category: category.id.clone(),
        })?;
    Ok((category.id.clone(), value))
}

/// The config's `[key]` table, made if missing; an error if `key` holds something else.
fn section<'d>(
    doc: &'d mut toml_edit::DocumentMut,
    key: &'static str,
    path: &Path,
) -> Result<&'d mut dyn toml_edit::TableLike, ConfigError> {
    doc.entry(key)
        .or_insert_with(toml_edit::table)
        .as_table_like_mut()
        .ok_or_else(|| ConfigError::NotATable {
            path: path.to_path_buf(),
            key,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn therapy() -> CategoryId {
        "therapy".parse().unwrap()
    }

    fn checklist() -> Checklist {
        let text = "[[category]]\nid = \"therapy\"\ntitle = \"T\"\n[[question]]\nid = \"q\"\ncategory = \"therapy\"\nquestion = \"Q?\"\nwhy = \"W\"\nweight = 1\n";
        Checklist::parse(Path::new("c.toml"), text).0.unwrap()
    }

    #[test]
    fn saves_repeatedly_but_never_over_a_file_changed_by_someone_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kapguide/config.toml");
        let list = checklist();
        let (mut config, problems) = Config::load(Some(&path), &list);
        assert!(problems.is_empty());
        config.priorities.set(&therapy(), Priority::Essential);
        config.save(&list).unwrap();
        config.priorities.set(&therapy(), Priority::Somewhat);
        config
            .save(&list)
            .expect("our own earlier save is not a foreign change");
        assert!(fs::read_to_string(&path).unwrap().contains("therapy = 1"));
        // Someone edits the file (a different size and time) while the app runs.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&path, "[priorities]\ntherapy = 0\n# edited by hand\n").unwrap();
        let error = config.save(&list).unwrap_err();
        assert!(matches!(error, ConfigError::ChangedOutside(_)), "{error:?}");
        assert!(
            error.to_string().contains("changed by something else"),
            "{error}"
        );
        assert!(
            fs::read_to_string(&path)
                .unwrap()
                .contains("edited by hand")
        );
    }

    /// An edit that keeps the file's modification time (same second, a restored backup) is
    /// still someone else's change.
    #[test]
    fn an_edit_that_keeps_the_modification_time_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let list = checklist();
        let (mut config, _) = Config::load(Some(&path), &list);
        config.priorities.set(&therapy(), Priority::Essential);
        config.save(&list).unwrap();
        let time = fs::metadata(&path).unwrap().modified().unwrap();
        fs::write(&path, "[priorities]\ntherapy = 0\n").unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(time)
            .unwrap();
        config.priorities.set(&therapy(), Priority::Somewhat);
        let error = config.save(&list).unwrap_err();
        assert!(matches!(error, ConfigError::ChangedOutside(_)), "{error:?}");
        assert!(fs::read_to_string(&path).unwrap().contains("therapy = 0"));
    }

    #[test]
    fn priorities_are_numbers_on_disk_as_before() {
        let text = "[priorities]\ntherapy = 0\n";
        let (settings, problems) = Config::read(Path::new("c.toml"), text, &checklist());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(settings.priorities.get("therapy"), Priority::NotImportant);
        let config = Config {
            priorities: settings.priorities,
            ..Config::default()
        };
        assert!(config.to_toml(&checklist()).contains("\ntherapy = 0\n"));
        let (_, problems) = Config::read(
            Path::new("c.toml"),
            "[priorities]\ntherapy = 4\n",
            &checklist(),
        );
        assert!(
            problems[0]
                .to_string()
                .starts_with("c.toml:2:11: error: `therapy` = 4 is out of range"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_broken_file_gives_defaults_and_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(&path, "[priorities]\ntherapy = 9\n").unwrap();
        let (mut config, problems) = Config::load(Some(&path), &checklist());
        assert_eq!(problems.len(), 1);
        assert_eq!(config.priorities.get("therapy"), Priority::Important);
        assert!(config.save(&checklist()).is_err());
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "[priorities]\ntherapy = 9\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_the_symlink_the_mode_and_the_comments() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("dotfiles/kapguide.toml");
        fs::create_dir_all(real.parent().unwrap()).unwrap();
        let hand_written =
            "# my settings, kept in git\n[priorities]\ntherapy = 1 # the one I care about\n";
        fs::write(&real, hand_written).unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("kapguide/config.toml");
        fs::create_dir_all(link.parent().unwrap()).unwrap();
        symlink(&real, &link).unwrap();

        let list = checklist();
        let (mut config, problems) = Config::load(Some(&link), &list);
        assert!(problems.is_empty(), "{problems:?}");
        config.priorities.set(&therapy(), Priority::Essential);
        config.save(&list).unwrap();

        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let saved = fs::read_to_string(&real).unwrap();
        assert_eq!(
            saved,
            "# my settings, kept in git\n[priorities]\ntherapy = 3 # the one I care about\n"
        );
    }

    #[test]
    fn readiness_answers_save_and_read_back_and_a_cleared_one_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let list = checklist();
        let (mut config, _) = Config::load(Some(&path), &list);
        assert_eq!(config.readiness, [None; 4]);
        config.readiness = [Some(false), None, Some(true), None];
        config.save(&list).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("[readiness]\nsure = false\nclear = true\n"),
            "{text}"
        );
        let (mut back, problems) = Config::load(Some(&path), &list);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back.readiness, config.readiness);
        // Editing keeps the file's own layout and drops an answer cleared since.
        back.readiness = [Some(true), Some(true), None, None];
        back.save(&list).unwrap();
        let (again, _) = Config::load(Some(&path), &list);
        assert_eq!(again.readiness, [Some(true), Some(true), None, None]);
        fs::write(&path, "[readiness]\nshure = true\n").unwrap();
        let (_, problems) = Config::load(Some(&path), &list);
        assert!(
            problems[0].to_string().contains("did you mean `sure`?"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_course_shape_reads_and_saves_and_defaults_to_the_fact_sheet_course() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let (config, _) = Config::load(Some(&path), &checklist());
        assert_eq!(config.course, CourseShape::default());
        fs::write(&path, "[course]\ndosing = 8\nboosters = 2\n").unwrap();
        let (mut config, problems) = Config::load(Some(&path), &checklist());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            (
                config.course.dosing,
                config.course.preparation,
                config.course.boosters
            ),
            (8, 2, 2)
        );
        config.course.set(SessionKind::Integration, 5);
        config.save(&checklist()).unwrap();
        assert_eq!(
            Config::load(Some(&path), &checklist()).0.course,
            config.course
        );
        fs::write(&path, "[course]\ndosng = 8\n").unwrap();
        let (_, problems) = Config::load(Some(&path), &checklist());
        assert!(
            problems[0].to_string().contains("did you mean `dosing`?"),
            "{problems:?}"
        );
    }
}
