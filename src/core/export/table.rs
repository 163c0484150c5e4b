//! The plain-text comparison matrix, fitted to a width.

use super::*;
use crate::core::width::{ELLIPSIS, truncate};

pub(super) fn pad(text: &str, width: usize) -> String {
    format!(
        "{text}{}",
        " ".repeat(width.saturating_sub(display_width(text)))
    )
}

/// "⚑ 2" (safety) or "⚐ 1" (data), "none" without any: the count first, so a narrow column
/// cuts the words, never the count.
pub(super) fn flags_cell(score: &Score, kind: FlagKind) -> String {
    match score.flags_of(kind).count() {
        0 => "none".into(),
        n => format!(
            "{} {n} {}",
            kind_mark(kind, false),
            flags_short(score, kind)
        ),
    }
}

/// The narrowest a provider column and the question column may be.
const MIN_COLUMN: usize = 10;
const MIN_LABEL: usize = 24;
const GAP: usize = 2;

/// The plain-text matrix. It fits `width` by shortening names and questions; a cell never wraps.
/// When the providers cannot all fit side by side, they are shown in groups, one matrix each.
/// Written a group of providers at a time.
pub(super) fn table(
    c: &Comparison<'_>,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = format!(
        "Provider comparison · {} · educational, not medical advice",
        c.today
    );
    writeln!(
        out,
        "{}",
        textwrap::fill(&title, wrap_options(options.width))
    )?;
    let fit = (options.width.saturating_sub(MIN_LABEL) / (MIN_COLUMN + GAP)).max(1);
    // Groups of near-equal size: 4 providers that fit 3 at a time go 2 + 2, not 3 + 1.
    let group_count = c.columns.len().div_ceil(fit).max(1);
    let per_group = c.columns.len().div_ceil(group_count).max(1);
    let groups: Vec<&[(&Provider, Score)]> = c.columns.chunks(per_group).collect();
    for (n, group) in groups.iter().enumerate() {
        writeln!(out)?;
        if groups.len() > 1 {
            let first = n * per_group + 1;
            writeln!(
                out,
                "Providers {first}–{} of {}",
                first + group.len() - 1,
                c.columns.len()
            )?;
        }
        out.write_all(matrix(c, group, options).as_bytes())?;
    }
    writeln!(out)?;
    footnotes(c, options, out)
}

fn matrix(c: &Comparison<'_>, columns: &[(&Provider, Score)], options: &RenderOptions) -> String {
    let n = columns.len().max(1);
    let longest = columns
        .iter()
        .map(|(p, _)| display_width(&p.name))
        .max()
        .unwrap_or(0);
    // The question column keeps about a third of the width when it can.
    let label_share = MIN_LABEL.max(options.width * 3 / 10);
    let col = (options.width.saturating_sub(label_share) / n)
        .saturating_sub(GAP)
        .clamp(MIN_COLUMN, longest.clamp(MIN_COLUMN, 28));
    let label = options.width.saturating_sub(n * (col + GAP)).max(MIN_LABEL);
    let row = |first: &str, cells: Vec<String>| {
        let mut line = pad(&truncate(first, label, ELLIPSIS), label);
        for cell in cells {
            line.push_str(&" ".repeat(GAP));
            line.push_str(&pad(&truncate(&cell, col, ELLIPSIS), col));
        }
        format!("{}\n", line.trim_end())
    };
    let each = |f: &dyn Fn(&Provider, &Score) -> String| -> Vec<String> {
        columns.iter().map(|(p, s)| f(p, s)).collect()
    };
    let mut out = row("", each(&|p, _| p.name.clone()));
    out.push_str(&row(
        "",
        each(&|p, _| {
            if p.sample {
                "SAMPLE".into()
            } else {
                String::new()
            }
        }),
    ));
    for (index, category) in c.checklist.categories.iter().enumerate() {
        let priority = c.priorities.get(&category.id);
        let heading = format!("{} (priority {priority})", category.title.to_uppercase());
        out.push_str(&format!(
            "{}\n",
            truncate(&heading, options.width, ELLIPSIS)
        ));
        for (q, question) in c.checklist.indexed_questions_in(index) {
            let marker = if question.critical {
                format!("{} ", critical_mark(options.ascii))
            } else {
                "  ".into()
            };
            out.push_str(&row(
                &format!("{marker}{}", question.question),
                each(&|_, s| cell(s.questions[q].value, options.ascii)),
            ));
        }
    }
    out.push('\n');
    out.push_str(&row("Model", each(&|p, _| model_text(p).into())));
    out.push_str(&row("Score (low–high)", each(&|_, s| s.total.range_text())));
    out.push_str(&row("Known", each(&|_, s| s.total.coverage_percent())));
    out.push_str(&row("Course cost", each(&|p, _| c.cost(p).text())));
    out.push_str(&row("Licences", each(&|p, _| licences_text(p))));
    out.push_str(&row(
        "Safety flags",
        each(&|_, s| flags_cell(s, FlagKind::Safety)),
    ));
    out.push_str(&row(
        "Data flags",
        each(&|_, s| flags_cell(s, FlagKind::Data)),
    ));
    out
}

/// Full names, every red flag in words, and how to read the numbers.
fn footnotes(c: &Comparison<'_>, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let wrap = |text: &str, indent: &str| {
        textwrap::fill(
            text,
            wrap_options(options.width.max(40)).subsequent_indent(indent),
        ) + "\n"
    };
    for (provider, score) in &c.columns {
        out.write_all(
            wrap(
                &format!(
                    "{}: {} ({}), {}; model: {}; course cost: {}",
                    provider.id,
                    display_name(provider),
                    provider.place(),
                    score.summary(),
                    model_text(provider),
                    c.cost(provider).detail()
                ),
                "    ",
            )
            .as_bytes(),
        )?;
        for clinician in &provider.clinicians {
            out.write_all(wrap(&format!("  {}", clinician.summary()), "    ").as_bytes())?;
        }
        for kind in [FlagKind::Safety, FlagKind::Data] {
            for flag in score.flags_of(kind) {
                out.write_all(
                    wrap(
                        &format!(
                            "  {} {} flag: {}",
                            kind_mark(kind, false),
                            kind.label(),
                            flag.describe(c.checklist)
                        ),
                        "    ",
                    )
                    .as_bytes(),
                )?;
            }
        }
    }
    out.write_all(wrap(
        &format!(
            "Legend: {}. {} marks critical safety questions (a \"no\" is a safety flag); {} marks safety flags and {} data flags.",
            legend(options.ascii),
            critical_mark(options.ascii),
            flag_mark(options.ascii),
            data_mark(options.ascii)
        ),
        "  ",
    ).as_bytes())?;
    out.write_all(wrap(UNKNOWN_NOTE, "").as_bytes())?;
    out.write_all(wrap(FLAGS_NOTE, "").as_bytes())?;
    out.write_all(wrap(&course_note(&c.course), "").as_bytes())?;
    out.write_all(wrap(&format!("Priorities: {}.", c.priorities_text()), "").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{checklist, comparison, provider, three, written};
    use super::*;

    #[test]
    fn pad_counts_display_columns_and_never_cuts() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("日本", 6), "日本  ");
        assert_eq!(pad("longer", 3), "longer");
        assert_eq!(pad("", 2), "  ");
    }

    #[test]
    fn a_flag_cell_puts_the_count_first() {
        let checklist = checklist();
        let providers = three(&checklist);
        let c = comparison(&checklist, &providers);
        let (best, unsafe_) = (&c.columns[0].1, &c.columns[2].1);
        assert_eq!(flags_cell(best, FlagKind::Safety), "none");
        let cell = flags_cell(unsafe_, FlagKind::Safety);
        assert!(cell.starts_with("⚑ 1 "), "{cell}");
    }

    /// Every line of the matrix fits the width (the footnotes wrap at it, 40 at least);
    /// questions are cut with an ellipsis, never wrapped.
    #[test]
    fn every_line_fits_the_width() {
        let checklist = checklist();
        let mut providers = three(&checklist);
        providers.push(provider(
            &checklist,
            "long",
            "A provider with a very long name indeed, longer than any column",
            "",
        ));
        let c = comparison(&checklist, &providers);
        for width in [40, 60, 80, 120, 200] {
            let text = written(&c, Format::Table, false, width);
            for line in text.lines() {
                assert!(display_width(line) <= width, "{width}: {line:?}");
            }
        }
    }

    /// Providers that do not fit side by side are shown in groups of near-equal size, in
    /// ranking order, each group a whole matrix.
    #[test]
    fn providers_that_do_not_fit_are_grouped_in_order() {
        let checklist = checklist();
        let mut providers = three(&checklist);
        providers.push(provider(&checklist, "fourth", "Fourth", ""));
        let c = comparison(&checklist, &providers);
        let text = written(&c, Format::Table, true, 60);
        assert!(text.contains("Providers 1–2 of 4\n"), "{text}");
        assert!(text.contains("Providers 3–4 of 4\n"), "{text}");
        assert_eq!(text.matches("Score (low–high)").count(), 2, "{text}");
        let at = |needle: &str| text.find(needle).unwrap();
        assert!(at("Best, Inc.") < at("Gaps") && at("Gaps") < at("Providers 3–4"));
        // One group when they fit.
        let wide = written(&c, Format::Table, true, 160);
        assert!(!wide.contains("Providers 1–"), "{wide}");
    }

    #[test]
    fn ascii_marks_and_an_empty_comparison() {
        let checklist = checklist();
        let providers = three(&checklist);
        let text = written(
            &comparison(&checklist, &providers),
            Format::Table,
            true,
            100,
        );
        assert!(
            text.contains("* Are *vitals* checked"),
            "critical mark: {text}"
        );
        // Answer and critical marks are ASCII (the rest is folded by the CLI's --ascii).
        assert!(
            text.contains("Y yes") && !text.contains(['✓', '◆']),
            "{text}"
        );
        // No providers: no matrix of empty columns, but the title and how to read a table.
        let empty = written(&comparison(&checklist, &[]), Format::Table, false, 80);
        assert!(
            empty.starts_with("Provider comparison · 2026-11-28"),
            "{empty}"
        );
        assert!(
            !empty.contains("written plan") && !empty.contains("Providers 1"),
            "{empty}"
        );
        assert!(
            empty.contains("Legend: ") && empty.contains("Priorities: "),
            "{empty}"
        );
    }
}
