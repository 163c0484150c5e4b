//! Problems found while loading files, with the location a person needs to fix them.

use std::cell::OnceCell;
use std::fmt;
use std::path::{Path, PathBuf};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::sanitize::sanitize_line;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Where in its file a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    /// The file as a whole (it cannot be read, is empty, is shadowed…); sorts first.
    File,
    /// A spot in the text; both 1-based, the column counted in characters.
    At { line: usize, column: usize },
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub location: Location,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn file(path: &Path, severity: Severity, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            location: Location::File,
            severity,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `path:line:col: error: message` then an indented hint, the shape compilers use, so editors
    /// and terminals can jump to the spot.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = sanitize_line(&self.path.display().to_string()).into_owned();
        match self.location {
            Location::At { line, column } => write!(f, "{path}:{line}:{column}: ")?,
            Location::File => write!(f, "{path}: ")?,
        }
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}", sanitize_line(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", sanitize_line(hint))?;
        }
        Ok(())
    }
}

/// A problem is also an error value: a save refused because its text would not read back
/// carries the problem the loader would report as its source.
impl std::error::Error for Problem {}

/// Converts byte offsets into 1-based line and column (columns count characters, not bytes).
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, line_starts }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

/// Collects the problems of one file, turning byte spans into positions.
pub struct Reporter<'a> {
    pub path: &'a Path,
    text: &'a str,
    /// Built at the first problem: most files have none, and scanning every file for line
    /// starts is a measurable share of loading thousands of them.
    index: OnceCell<LineIndex<'a>>,
    /// Added to every line number: a guide's front matter starts after its `+++` line.
    line_offset: usize,
    pub problems: Vec<Problem>,
}

impl<'a> Reporter<'a> {
    pub fn new(path: &'a Path, text: &'a str, line_offset: usize) -> Self {
        Reporter {
            path,
            text,
            index: OnceCell::new(),
            line_offset,
            problems: Vec::new(),
        }
    }

    pub fn at(&mut self, offset: usize, severity: Severity, message: String, hint: Option<String>) {
        let index = self.index.get_or_init(|| LineIndex::new(self.text));
        let (line, column) = index.position(offset);
        self.problems.push(Problem {
            path: self.path.to_path_buf(),
            location: Location::At {
                line: line + self.line_offset,
                column,
            },
            severity,
            message,
            hint,
        });
    }

    pub fn error(&mut self, offset: usize, message: impl Into<String>, hint: Option<String>) {
        self.at(offset, Severity::Error, message.into(), hint);
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// The closest known name to a misspelt one: small edit distance first (typos such as `nmae`,
/// counting a swap of two letters as one edit), then a fuzzy subsequence match (abbreviations
/// such as `integ`). Nothing is suggested for an empty name.
pub fn did_you_mean<'c>(input: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let input = input.trim();
    if input.is_empty() {
        return None;
    }
    let lowered = input.to_lowercase();
    let by_distance = candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lowered, &c.to_lowercase()), *c))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2));
    if let Some((_, c)) = by_distance {
        return Some(c);
    }
    let matcher = SkimMatcherV2::default();
    candidates
        .iter()
        .filter_map(|c| matcher.fuzzy_match(c, input).map(|score| (score, *c)))
        .max_by_key(|(score, _)| *score)
        .map(|(_, c)| c)
}

/// The hint text shared by every "unknown name" message.
pub fn suggestion_hint(input: &str, candidates: &[&str]) -> String {
    match did_you_mean(input, candidates) {
        Some(best) => format!("did you mean `{best}`?"),
        None if candidates.is_empty() => "nothing of that kind is defined".to_string(),
        None => format!("expected one of: {}", candidates.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_from_one() {
        let index = LineIndex::new("ab\nçd\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(5), (2, 2)); // after the two-byte ç
    }

    #[test]
    fn suggests_typos_and_abbreviations() {
        let names = ["name", "kind", "sample", "routes"];
        assert_eq!(did_you_mean("nmae", &names), Some("name"));
        assert_eq!(did_you_mean("rout", &names), Some("routes"));
        assert_eq!(did_you_mean("zzzzzz", &names), None);
        // A swap is one edit: `sapmle` is as close to `sample` as a one-letter typo.
        assert_eq!(
            did_you_mean("sapmle", &["sample", "simple-ish"]),
            Some("sample")
        );
    }

    #[test]
    fn an_empty_name_gets_no_suggestion() {
        let ids = ["a", "ab", "kap-basics"];
        assert_eq!(did_you_mean("", &ids), None);
        assert_eq!(did_you_mean("  ", &ids), None);
        assert_eq!(
            suggestion_hint("", &ids),
            "expected one of: a, ab, kap-basics"
        );
    }

    #[test]
    fn display_has_location_and_hint() {
        let p = Problem {
            path: PathBuf::from("providers/a.toml"),
            location: Location::At { line: 3, column: 1 },
            severity: Severity::Error,
            message: "unknown key `nmae`".into(),
            hint: Some("did you mean `name`?".into()),
        };
        assert_eq!(
            p.to_string(),
            "providers/a.toml:3:1: error: unknown key `nmae`\n  hint: did you mean `name`?"
        );
    }
}
