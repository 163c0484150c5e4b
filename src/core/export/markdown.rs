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

pub(super) fn markdown(c: &Comparison<'_>, ascii: bool) -> String {
    let mut out = format!(
        "# Provider comparison\n\nGenerated {} with kapguide. {DISCLAIMER}\n\n",
        c.today
    );
    let names: Vec<String> = c.columns.iter().map(|(p, _)| md_name(p)).collect();
    out.push_str(&format!("| Question | {} |\n", names.join(" | ")));
    out.push_str(&format!("|---|{}\n", "---|".repeat(c.columns.len())));
    let empty = " |".repeat(c.columns.len());
    for (index, category) in c.checklist.categories.iter().enumerate() {
        out.push_str(&format!(
            "| **{}** (priority {}) |{empty}\n",
            md_escape(&category.title),
            c.priorities.get(&category.id)
        ));
        for (q, question) in c.checklist.indexed_questions_in(index) {
            let cells: Vec<String> = c
                .columns
                .iter()
                .map(|(_, s)| cell(s.questions[q].value, ascii))
                .collect();
            let critical = if question.critical { " (critical)" } else { "" };
            out.push_str(&format!(
                "| {}{critical} | {} |\n",
                md_escape(&question.question),
                cells.join(" | ")
            ));
        }
    }
    let foot = |label: &str, f: &dyn Fn(&Score) -> String| {
        let cells: Vec<String> = c.columns.iter().map(|(_, s)| md_escape(&f(s))).collect();
        format!("| **{label}** | {} |\n", cells.join(" | "))
    };
    out.push_str(&foot("Score (low–high)", &|s| s.total.range_text()));
    out.push_str(&foot("Known", &|s| s.total.coverage_percent()));
    out.push_str(&foot("Red flags", &|s| {
        let flags: Vec<&str> = s.red_flags.iter().map(|f| f.short()).collect();
        if flags.is_empty() {
            "none".into()
        } else {
            format!("⚑ {}", flags.join(", "))
        }
    }));
    out.push_str("\n## Red flags\n\n");
    for (provider, score) in &c.columns {
        for flag in &score.red_flags {
            out.push_str(&format!(
                "- {}: {}\n",
                md_name(provider),
                md_escape(&flag.describe(c.checklist))
            ));
        }
        if score.red_flags.is_empty() {
            out.push_str(&format!("- {}: none\n", md_name(provider)));
        }
    }
    out.push_str(&format!(
        "\nLegend: {}.\n\n{UNKNOWN_NOTE}\n\nPriorities: {}.\n",
        legend(ascii),
        c.priorities_text()
    ));
    out
}
