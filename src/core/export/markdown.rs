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
    writeln!(out, "| Question | {} |", names.join(" | "))?;
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
            let cells: Vec<String> = c
                .columns
                .iter()
                .map(|(_, s)| cell(s.questions[q].value, ascii))
                .collect();
            let critical = if question.critical { " (critical)" } else { "" };
            writeln!(
                out,
                "| {}{critical} | {} |",
                md_escape(&question.question),
                cells.join(" | ")
            )?;
        }
    }
    let mut foot = |label: &str, f: &dyn Fn(&Provider, &Score) -> String| {
        let cells: Vec<String> = c.columns.iter().map(|(p, s)| md_escape(&f(p, s))).collect();
        writeln!(out, "| **{label}** | {} |", cells.join(" | "))
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
