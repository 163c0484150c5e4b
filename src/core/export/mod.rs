//! Comparisons, explanations and consultation question sheets as text, Markdown, JSON and CSV,
//! and the marks all views share. The CLI prints these and the TUI writes them to files: one
//! implementation for both.

mod bar;
mod csv;
mod explain;
mod json;
mod markdown;
mod marks;
mod options;
mod packet;
mod sheet;
mod table;
#[cfg(test)]
mod testing;

pub use bar::{bar_parts, score_bar};
pub use explain::explain;
pub use marks::*;
pub use options::{
    COLUMN_GAP, ColumnPlan, OPTIONS_NOTE, column_plan, options_json, options_markdown,
    options_table, source_numbers, source_refs, wrap,
};
pub use packet::{Packet, html_escape, packet_html, packet_markdown};
pub use sheet::{SheetFormat, question_sheet, questions_to_ask};

use std::io::{self, Write};

use serde_json::json;

use crate::core::badge::ModelBadge;
use crate::core::checklist::Checklist;
use crate::core::costs::{CourseCost, CourseShape, course_cost};
use crate::core::date::Date;
use crate::core::layout::wrap_options;
use crate::core::provider::Verdict;
use crate::core::provider::{AnswerValue, Provider};
use crate::core::sanitize::sanitize_line;
use crate::core::scoring::{FlagKind, Priorities, QuestionScore, RedFlag, Score, rank};
use crate::core::width::display_width;

pub const DISCLAIMER: &str = "Educational, not medical advice. kapguide takes no money for placement; scores come only from the answers recorded in each profile.";
pub const UNKNOWN_NOTE: &str = "Scores are ranges: the low end counts every unknown as \"no\", the high end as \"yes\". \"Known\" is the share of the weight actually answered.";
pub const FLAGS_NOTE: &str = "Safety flags (a critical safety question answered \"no\", a licence not found or expired) put a provider below every provider without one. Data flags (stale, undated or unsourced records, licences not checked) say what to check; they do not change the order.";

/// A comparison's format: the one list the CLI's `--format`, the TUI's export menu and the
/// writers below share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Json,
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Table, Format::Markdown, Format::Json, Format::Csv];

    /// The word that names it on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The file name extension of an export in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Table => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RenderOptions {
    pub ascii: bool,
    pub width: usize,
}

/// Providers side by side, in ranking order, with their scores.
pub struct Comparison<'a> {
    pub checklist: &'a Checklist,
    pub columns: Vec<(&'a Provider, Score)>,
    pub priorities: Priorities,
    pub today: Date,
    /// The course whose cost is estimated for each provider.
    pub course: CourseShape,
}

impl<'a> Comparison<'a> {
    /// Providers in ranking order (see [`rank`]).
    pub fn new(
        checklist: &'a Checklist,
        providers: Vec<&'a Provider>,
        priorities: &Priorities,
        today: Date,
    ) -> Self {
        Comparison {
            checklist,
            columns: rank(providers, checklist, priorities, today),
            priorities: priorities.clone(),
            today,
            course: CourseShape::default(),
        }
    }

    /// The same comparison, pricing `course` instead of the default course.
    pub fn with_course(self, course: CourseShape) -> Self {
        Comparison { course, ..self }
    }

    fn cost(&self, provider: &Provider) -> CourseCost {
        course_cost(&provider.costs, &self.course)
    }

    /// Providers in the order given (a view sorted by name, say), already scored.
    pub fn in_order(
        checklist: &'a Checklist,
        columns: Vec<(&'a Provider, Score)>,
        priorities: &Priorities,
        today: Date,
    ) -> Self {
        Comparison {
            checklist,
            columns,
            priorities: priorities.clone(),
            today,
            course: CourseShape::default(),
        }
    }

    fn priorities_text(&self) -> String {
        let parts: Vec<String> = self
            .checklist
            .categories
            .iter()
            .map(|c| format!("{} {}", c.id, self.priorities.get(&c.id)))
            .collect();
        parts.join(", ")
    }
}

/// How to read the course cost: which course it prices, and what "+" means.
pub fn course_note(course: &CourseShape) -> String {
    format!(
        "Course cost prices {}; a + means some fee is unknown, so there is no upper end.",
        course.describe()
    )
}

/// "none", or the short names of a score's flags of one kind: "critical no, licence failed".
pub fn flags_short(score: &Score, kind: FlagKind) -> String {
    let flags: Vec<&str> = score.flags_of(kind).map(RedFlag::short).collect();
    if flags.is_empty() {
        "none".into()
    } else {
        flags.join(", ")
    }
}

/// Each clinician's licence check, counted: "1 active, 1 not checked", or "none listed".
pub fn licences_text(provider: &Provider) -> String {
    if provider.clinicians.is_empty() {
        return "none listed".into();
    }
    let mut counts: Vec<(Verdict, usize)> = Vec::new();
    for clinician in &provider.clinicians {
        let verdict = clinician.verdict();
        match counts.iter_mut().find(|(v, _)| *v == verdict) {
            Some((_, n)) => *n += 1,
            None => counts.push((verdict, 1)),
        }
    }
    counts.sort();
    counts
        .iter()
        .map(|(v, n)| format!("{n} {}", v.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The model badge in words.
pub fn model_text(provider: &Provider) -> &'static str {
    ModelBadge::of(provider).label()
}

/// Writes the comparison to `out` as it is made, a row or a provider at a time, so that even
/// 100,000 providers never sit in memory as one document. The many small writes are buffered
/// here, so whatever `out` is (a progress counter, a file) sees a few large ones.
pub fn write_comparison(
    c: &Comparison<'_>,
    format: Format,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    match format {
        Format::Table => table::table(c, options, &mut out),
        Format::Markdown => markdown::markdown(c, options.ascii, &mut out),
        Format::Json => json::json(c, &mut out),
        Format::Csv => csv::csv(c, &mut out),
    }?;
    out.flush()
}

/// A comparison that owns its data, so it can be written away from the providers it came from
/// (the app hands it to the code that writes files).
#[derive(Clone, Debug, PartialEq)]
pub struct OwnedComparison {
    pub checklist: Checklist,
    /// In the order written, with their scores.
    pub columns: Vec<(Provider, Score)>,
    pub priorities: Priorities,
    pub today: Date,
    pub format: Format,
    pub options: RenderOptions,
    /// The course whose cost is estimated.
    pub course: CourseShape,
}

impl OwnedComparison {
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let columns = self.columns.iter().map(|(p, s)| (p, s.clone())).collect();
        let comparison =
            Comparison::in_order(&self.checklist, columns, &self.priorities, self.today)
                .with_course(self.course);
        write_comparison(&comparison, self.format, &self.options, out)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{checklist, comparison, provider, three, written};
    use super::*;

    #[test]
    fn formats_have_distinct_names_and_extensions() {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["table", "markdown", "json", "csv"]);
        let extensions: Vec<&str> = Format::ALL.iter().map(|f| f.extension()).collect();
        assert_eq!(extensions, ["txt", "md", "json", "csv"]);
    }

    /// Licence checks counted by result, in the order of `Verdict` (active first), or "none
    /// listed"; a clinician without a check counts as not checked.
    #[test]
    fn licences_are_counted_by_result() {
        let checklist = checklist();
        let none = provider(&checklist, "a", "A", "");
        assert_eq!(licences_text(&none), "none listed");
        let clinician = |name: &str, check: &str| {
            format!("[[clinicians]]\nname = \"{name}\"\nrole = \"therapist\"\n{check}\n")
        };
        let body = [
            clinician("One", ""),
            clinician(
                "Two",
                "verification = { date = 2026-10-01, result = \"active\" }",
            ),
            clinician("Three", ""),
            clinician(
                "Four",
                "verification = { date = 2026-10-01, result = \"expired\" }",
            ),
        ]
        .concat();
        let p = provider(&checklist, "b", "B", &body);
        assert_eq!(licences_text(&p), "1 active, 1 expired, 2 not checked");
    }

    #[test]
    fn short_flags_name_each_flag_or_say_none() {
        let checklist = checklist();
        let providers = three(&checklist);
        let c = comparison(&checklist, &providers);
        assert_eq!(flags_short(&c.columns[0].1, FlagKind::Safety), "none");
        let short = flags_short(&c.columns[2].1, FlagKind::Safety);
        assert!(!short.is_empty() && short != "none", "{short}");
        assert!(!short.contains(", "), "one flag, one name: {short}");
    }

    #[test]
    fn the_course_note_names_the_course_priced() {
        let note = course_note(&CourseShape::default());
        assert!(note.starts_with(&format!(
            "Course cost prices {};",
            CourseShape::default().describe()
        )));
    }

    /// The app's owned copy writes the same bytes as the borrowed comparison it came from, in
    /// every format.
    #[test]
    fn an_owned_comparison_writes_what_the_borrowed_one_does() {
        let checklist = checklist();
        let providers = three(&checklist);
        let c = comparison(&checklist, &providers);
        for format in Format::ALL {
            let owned = OwnedComparison {
                checklist: checklist.clone(),
                columns: c
                    .columns
                    .iter()
                    .map(|(p, s)| ((*p).clone(), s.clone()))
                    .collect(),
                priorities: c.priorities.clone(),
                today: c.today,
                format,
                options: RenderOptions {
                    ascii: true,
                    width: 72,
                },
                course: c.course,
            };
            let mut out = Vec::new();
            owned.write(&mut out).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                written(&c, format, true, 72),
                "{format:?}"
            );
        }
    }
}
