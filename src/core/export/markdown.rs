//! Comparisons as Markdown, with file text escaped.

use super::*;

/// A provider's name for Markdown, with the sample marker outside the escaped text.
pub(super) fn md_name(provider: &Provider) -> String {
    let marker = if provider.sample { " (SAMPLE)" } else { "" };
    format!("{}{marker}", md_escape(&provider.name))
}

/// File text as inline Markdown: on one line, with nothing that could start a link, emphasis,
/// code, HTML or a new table cell.
pub(super) fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize_line(text).chars() {
        match c {
            '\\' | '|' | '*' | '_' | '[' | ']' | '`' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Written row by row (a row holds every provider's answer to one question).
pub(super) fn markdown(c: &Comparison<'_>, ascii: bool, out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "# Provider comparison\n\nGenerated {} with kapguide. {DISCLAIMER}\n\n",
        c.today
    )?;
    let names: Vec<String> = c.columns.iter().map(|(p, _)| md_name(p)).collect();
    // Each cell closes itself, so no provider at all is still a well-formed table.
    let cells =
        |values: &[String]| -> String { values.iter().map(|v| format!(" {v} |")).collect() };
    writeln!(out, "| Question |{}", cells(&names))?;
    writeln!(out, "|---|{}", "---|".repeat(c.columns.len()))?;
    let empty = " |".repeat(c.columns.len());
    for (index, category) in c.checklist.categories.iter().enumerate() {
        writeln!(
            out,
            "| **{}** (priority {}) |{empty}",
            md_escape(&category.title),
            c.priorities.get(&category.id)
        )?;
        for (q, question) in c.checklist.indexed_questions_in(index) {
            let answers: Vec<String> = c
                .columns
                .iter()
                .map(|(_, s)| cell(s.questions[q].value, ascii))
                .collect();
            let critical = if question.critical { " (critical)" } else { "" };
            writeln!(
                out,
                "| {}{critical} |{}",
                md_escape(&question.question),
                cells(&answers)
            )?;
        }
    }
    let mut foot = |label: &str, f: &dyn Fn(&Provider, &Score) -> String| {
        let values: Vec<String> = c.columns.iter().map(|(p, s)| md_escape(&f(p, s))).collect();
        writeln!(out, "| **{label}** |{}", cells(&values))
    };
    foot("Model", &|p, _| model_text(p).into())?;
    foot("Score (low–high)", &|_, s| s.total.range_text())?;
    foot("Known", &|_, s| s.total.coverage_percent())?;
    foot("Course cost", &|p, _| c.cost(p).text())?;
    foot("Licences", &|p, _| licences_text(p))?;
    for (label, kind) in [
        ("Safety flags", FlagKind::Safety),
        ("Data flags", FlagKind::Data),
    ] {
        foot(label, &|_, s| match s.flags_of(kind).count() {
            0 => "none".into(),
            _ => format!("{} {}", kind_mark(kind, ascii), flags_short(s, kind)),
        })?;
    }
    for (heading, kind) in [
        ("Safety flags", FlagKind::Safety),
        ("Data flags", FlagKind::Data),
    ] {
        write!(out, "\n## {heading}\n\n")?;
        for (provider, score) in &c.columns {
            let mut any = false;
            for flag in score.flags_of(kind) {
                any = true;
                writeln!(
                    out,
                    "- {}: {}",
                    md_name(provider),
                    md_escape(&flag.describe(c.checklist))
                )?;
            }
            if !any {
                writeln!(out, "- {}: none", md_name(provider))?;
            }
        }
    }
    out.write_all(b"\n## Clinicians\n\n")?;
    for (provider, _) in &c.columns {
        if provider.clinicians.is_empty() {
            writeln!(out, "- {}: none listed", md_name(provider))?;
        }
        for clinician in &provider.clinicians {
            writeln!(
                out,
                "- {}: {}",
                md_name(provider),
                md_escape(&clinician.summary())
            )?;
        }
    }
    write!(out, "\n{FLAGS_NOTE}\n\n{}\n", course_note(&c.course))?;
    write!(
        out,
        "\nLegend: {}.\n\n{UNKNOWN_NOTE}\n\nPriorities: {}.\n",
        legend(ascii),
        c.priorities_text()
    )
}

#[cfg(test)]
mod tests {
    use super::super::testing::{checklist, comparison, provider, three, written};
    use super::*;

    /// The cells of a Markdown table row: split on the pipes that are not escaped.
    fn cells(row: &str) -> usize {
        let (mut pipes, mut backslashes) = (0, 0);
        for c in row.chars() {
            if c == '|' && backslashes % 2 == 0 {
                pipes += 1;
            }
            backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        }
        pipes - 1
    }

    #[test]
    fn markup_characters_are_escaped_and_text_stays_on_one_line() {
        assert_eq!(md_escape("plain words, 3.5"), "plain words, 3.5");
        assert_eq!(md_escape(""), "");
        assert_eq!(
            md_escape(r"a|b *c* _d_ [e](f) `g` #h \i"),
            r"a\|b \*c\* \_d\_ \[e\](f) \`g\` \#h \\i"
        );
        assert_eq!(md_escape("<b>x</b>"), "&lt;b&gt;x&lt;/b&gt;");
        assert!(!md_escape("two\nlines\r\nhere").contains(['\n', '\r']));
    }

    #[test]
    fn the_sample_marker_is_outside_the_escaped_name() {
        let checklist = checklist();
        let mut sample = provider(&checklist, "s", "Demo_clinic", "");
        assert_eq!(md_name(&sample), r"Demo\_clinic");
        sample.sample = true;
        assert_eq!(md_name(&sample), r"Demo\_clinic (SAMPLE)");
    }

    /// A pipe in a name, title or question never adds a cell: every row of the table has one
    /// cell for the question and one per provider.
    #[test]
    fn every_table_row_has_a_cell_per_provider() {
        let checklist = checklist();
        let mut providers = three(&checklist);
        providers.push(provider(&checklist, "pipe", "A | B", ""));
        let c = comparison(&checklist, &providers);
        let text = written(&c, Format::Markdown, false, 80);
        let rows: Vec<&str> = text.lines().filter(|l| l.starts_with('|')).collect();
        // Header, rule, 2 categories, 3 questions, 7 foot rows.
        assert_eq!(rows.len(), 14, "{text}");
        for row in rows {
            assert_eq!(cells(row), 1 + providers.len(), "{row}");
        }
        assert!(
            text.contains("| Question | Best, Inc. | Gaps | A \\| B | Unsafe |"),
            "{text}"
        );
        assert!(
            text.contains("| **Safety \\| first** (priority 2) |"),
            "{text}"
        );
        assert!(
            text.contains("| Are \\*vitals\\* checked, &lt;always&gt;? (critical) | ✓ yes |"),
            "{text}"
        );
    }

    #[test]
    fn categories_and_questions_keep_the_checklist_order_and_ascii_has_no_symbols() {
        let checklist = checklist();
        let providers = three(&checklist);
        let c = comparison(&checklist, &providers);
        let text = written(&c, Format::Markdown, true, 80);
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {text}"))
        };
        assert!(at("**Safety \\| first**") < at("\\*vitals\\*"));
        assert!(at("\\*vitals\\*") < at("**Care**"));
        assert!(at("**Care**") < at("written plan") && at("written plan") < at("REMS"));
        assert!(text.contains("| Y yes | P partial | N no |"), "{text}");
        assert!(
            text.contains("| ? unknown |") && text.contains("- n/a |"),
            "{text}"
        );
        // The answer marks are ASCII already (other symbols, such as a range's dash, are folded
        // by the CLI's --ascii as the whole output is).
        assert!(!text.contains(['✓', '✗', '◆']), "{text}");
    }

    /// Flags are listed per provider under their heading, and "none" is said too.
    #[test]
    fn flag_lists_name_each_provider_once_per_flag_or_none() {
        let checklist = checklist();
        let providers = three(&checklist);
        let c = comparison(&checklist, &providers);
        let text = written(&c, Format::Markdown, false, 80);
        let safety =
            &text[text.find("## Safety flags").unwrap()..text.find("## Data flags").unwrap()];
        assert!(safety.contains("- Best, Inc.: none\n"), "{safety}");
        assert!(safety.contains("- Gaps: none\n"), "{safety}");
        assert!(safety.contains("- Unsafe: "), "{safety}");
        assert!(!safety.contains("- Unsafe: none"), "{safety}");
        let clinicians = &text[text.find("## Clinicians").unwrap()..];
        assert_eq!(
            clinicians.matches(": none listed").count(),
            3,
            "{clinicians}"
        );
    }

    #[test]
    fn no_providers_still_makes_a_table_of_the_questions() {
        let checklist = checklist();
        let c = comparison(&checklist, &[]);
        let text = written(&c, Format::Markdown, false, 80);
        for row in text.lines().filter(|l| l.starts_with('|')) {
            assert_eq!(cells(row), 1, "{row}");
        }
    }
}
