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
    let mut foot = |label: &str, f: &dyn Fn(&Score) -> String| {
        let cells: Vec<String> = c.columns.iter().map(|(_, s)| md_escape(&f(s))).collect();
        writeln!(out, "| **{label}** | {} |", cells.join(" | "))
    };
    foot("Score (low–high)", &|s| s.total.range_text())?;
    foot("Known", &|s| s.total.coverage_percent())?;
    foot("Red flags", &|s| {
        let flags: Vec<&str> = s.red_flags.iter().map(|f| f.short()).collect();
        if flags.is_empty() {
            "none".into()
        } else {
            format!("⚑ {}", flags.join(", "))
        }
    })?;
    out.write_all(b"\n## Red flags\n\n")?;
    for (provider, score) in &c.columns {
        for flag in &score.red_flags {
            writeln!(
                out,
                "- {}: {}",
                md_name(provider),
                md_escape(&flag.describe(c.checklist))
            )?;
        }
        if score.red_flags.is_empty() {
            writeln!(out, "- {}: none", md_name(provider))?;
        }
    }
    write!(
        out,
        "\nLegend: {}.\n\n{UNKNOWN_NOTE}\n\nPriorities: {}.\n",
        legend(ascii),
        c.priorities_text()
    )
}
