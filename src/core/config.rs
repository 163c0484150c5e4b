//! The user's preferences file (`$XDG_CONFIG_HOME/kapguide/config.toml`):
//!
//! ```toml
//! [priorities]        # 0 not important, 1 somewhat, 2 important (default), 3 essential
//! therapy = 3
//! medical = 2
//! ```
//!
//! A broken file gets a clear message and the defaults — never a crash — and is never
//! overwritten: the app only saves priorities over a file that read back cleanly.

use std::path::{Path, PathBuf};

use super::checklist::Checklist;
use super::diagnostics::{Problem, Reporter, Severity, suggestion_hint};
use super::fields::{Fields, parse_document};
use super::loader::read_text;
use super::scoring::{MAX_PRIORITY, Priorities};
use super::store::{SaveError, write_atomic};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub priorities: Priorities,
    /// Where it was read from, if a file exists.
    pub path: Option<PathBuf>,
    /// False when the file had problems: then it must not be overwritten.
    pub writable: bool,
}

pub const PRIORITY_LABELS: [&str; 4] = [
    "not important",
    "somewhat important",
    "important",
    "essential",
];

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
        let text = match read_text(path) {
            Ok(text) => text,
            Err(problem) => {
                config.writable = false;
                return (config, vec![problem]);
            }
        };
        let mut rep = Reporter::new(path, &text, 0);
        if let Some(doc) = parse_document(&text, &mut rep) {
            let top = Fields::new(doc.get_ref(), doc.span(), "");
            top.reject_unknown_keys(&mut rep, &["priorities"]);
            if let Some(table) = top.table(&mut rep, "priorities", "[priorities]") {
                let ids = checklist.category_ids();
                for (key, value) in table.table.iter() {
                    let key: &str = key.get_ref();
                    if !ids.contains(&key) {
                        let offset = value.span().start;
                        rep.error(
                            offset,
                            format!("`{key}` is not a checklist category"),
                            Some(suggestion_hint(key, &ids)),
                        );
                        continue;
                    }
                    if let Some(n) = table.integer(&mut rep, key, 0..i64::from(MAX_PRIORITY) + 1) {
                        config.priorities.set(key, n as u8);
                    }
                }
            }
        }
        config.writable = rep.problems.is_empty();
        let problems = rep
            .problems
            .into_iter()
            .map(|p| Problem {
                severity: Severity::Warning,
                ..p
            })
            .collect();
        (config, problems)
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
        out
    }

    /// Saves the priorities, unless the file on disk had problems (then it is left for the user
    /// to fix, and the error says so).
    pub fn save(&self, checklist: &Checklist) -> Result<PathBuf, String> {
        let path = self
            .path
            .clone()
            .ok_or("no configuration directory is known on this system")?;
        if !self.writable {
            return Err(format!(
                "{} has problems; fix it by hand (kapguide keeps your changes for this session only)",
                path.display()
            ));
        }
        write_atomic(&path, &self.to_toml(checklist), true)
            .map_err(|e: SaveError| e.to_string())?;
        Ok(path)
    }
}

/// Parses `--priority medical=3`.
pub fn parse_priority_arg(arg: &str, checklist: &Checklist) -> Result<(String, u8), String> {
    let ids = checklist.category_ids();
    let (category, value) = arg.split_once('=').ok_or_else(|| {
        format!(
            "`{arg}` should look like CATEGORY=N, e.g. medical=3 (categories: {})",
            ids.join(", ")
        )
    })?;
    let category = category.trim();
    if !ids.contains(&category) {
        return Err(format!(
            "`{category}` is not a category; {}",
            suggestion_hint(category, &ids)
        ));
    }
    let value: u8 = value
        .trim()
        .parse()
        .ok()
        .filter(|v| *v <= MAX_PRIORITY)
        .ok_or_else(|| {
            format!(
                "priority `{}` for {category} should be 0, 1, 2 or 3",
                value.trim()
            )
        })?;
    Ok((category.to_string(), value))
}
