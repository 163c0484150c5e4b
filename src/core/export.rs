//! Comparisons, explanations and consultation question sheets as text, Markdown, JSON and CSV.
//! The CLI prints these and the TUI writes them to files: one implementation for both.

use serde_json::json;
use textwrap::core::display_width;

use super::checklist::Checklist;
use super::date::Date;
use super::layout::wrap_options;
use super::provider::{AnswerValue, Provider};
use super::sanitize::sanitize_line;
use super::scoring::{Priorities, QuestionScore, Score, rank};

pub const DISCLAIMER: &str = "Educational, not medical advice. kapguide takes no money for placement; scores come only from the answers recorded in each profile.";
pub const UNKNOWN_NOTE: &str = "Scores are ranges: the low end counts every unknown as \"no\", the high end as \"yes\". \"Known\" is the share of the weight actually answered.";

pub fn symbol(value: AnswerValue, ascii: bool) -> &'static str {
    match (value, ascii) {
        (AnswerValue::Yes, false) => "✓",
        (AnswerValue::Partial, false) => "~",
        (AnswerValue::No, false) => "✗",
        (AnswerValue::Unknown, _) => "?",
        (AnswerValue::Na, false) => "–",
        (AnswerValue::Yes, true) => "Y",
        (AnswerValue::Partial, true) => "P",
        (AnswerValue::No, true) => "N",
        (AnswerValue::Na, true) => "-",
    }
}

/// Marks a critical question (a "no" to it is a red flag).
pub fn critical_mark(ascii: bool) -> &'static str {
    if ascii { "*" } else { "◆" }
}

/// Marks a red flag.
pub fn flag_mark(ascii: bool) -> &'static str {
    if ascii { "!" } else { "⚑" }
}

pub fn answer_label(value: AnswerValue) -> &'static str {
    match value {
        AnswerValue::Na => "n/a",
        other => other.as_str(),
    }
}

/// "✓ yes": a symbol and a word, so meaning never rests on a glyph or a colour alone.
pub fn cell(value: AnswerValue, ascii: bool) -> String {
    format!("{} {}", symbol(value, ascii), answer_label(value))
}

pub fn legend(ascii: bool) -> String {
    let all = [
        AnswerValue::Yes,
        AnswerValue::Partial,
        AnswerValue::No,
        AnswerValue::Unknown,
        AnswerValue::Na,
    ];
    all.iter()
        .map(|v| cell(*v, ascii))
        .collect::<Vec<_>>()
        .join("  ")
}

pub fn display_name(provider: &Provider) -> String {
    if provider.sample {
        format!("{} [SAMPLE]", provider.name)
    } else {
        provider.name.clone()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug)]
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
        }
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

pub fn render_comparison(c: &Comparison<'_>, format: Format, options: &RenderOptions) -> String {
    match format {
        Format::Table => table(c, options),
        Format::Markdown => markdown(c, options.ascii),
        Format::Json => json(c),
        Format::Csv => csv(c),
    }
}

/// Cuts text to `width` display columns, marking the cut with "…".
pub fn truncate(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for ch in text.chars() {
        if display_width(&out) + display_width(ch.encode_utf8(&mut [0; 4])) + 1 > width {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

fn pad(text: &str, width: usize) -> String {
    format!(
        "{text}{}",
        " ".repeat(width.saturating_sub(display_width(text)))
    )
}

fn flags_cell(score: &Score) -> String {
    match score.red_flags.len() {
        0 => "none".into(),
        n => format!("{} {n}", flag_mark(false)),
    }
}

/// The narrowest a provider column and the question column may be.
const MIN_COLUMN: usize = 10;
const MIN_LABEL: usize = 24;
const GAP: usize = 2;

/// The plain-text matrix. It fits `width` by shortening names and questions; a cell never wraps.
/// When the providers cannot all fit side by side, they are shown in groups, one matrix each.
fn table(c: &Comparison<'_>, options: &RenderOptions) -> String {
    let title = format!(
        "Provider comparison · {} · educational, not medical advice",
        c.today
    );
    let mut out = textwrap::fill(&title, wrap_options(options.width)) + "\n";
    let fit = (options.width.saturating_sub(MIN_LABEL) / (MIN_COLUMN + GAP)).max(1);
    // Groups of near-equal size: 4 providers that fit 3 at a time go 2 + 2, not 3 + 1.
    let group_count = c.columns.len().div_ceil(fit).max(1);
    let per_group = c.columns.len().div_ceil(group_count).max(1);
    let groups: Vec<&[(&Provider, Score)]> = c.columns.chunks(per_group).collect();
    for (n, group) in groups.iter().enumerate() {
        out.push('\n');
        if groups.len() > 1 {
            let first = n * per_group + 1;
            out.push_str(&format!(
                "Providers {first}–{} of {}\n",
                first + group.len() - 1,
                c.columns.len()
            ));
        }
        out.push_str(&matrix(c, group, options));
    }
    out.push('\n');
    out.push_str(&footnotes(c, options));
    out
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
        let mut line = pad(&truncate(first, label), label);
        for cell in cells {
            line.push_str(&" ".repeat(GAP));
            line.push_str(&pad(&truncate(&cell, col), col));
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
        out.push_str(&format!("{}\n", truncate(&heading, options.width)));
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
    out.push_str(&row("Score (low–high)", each(&|_, s| s.total.range_text())));
    out.push_str(&row("Known", each(&|_, s| s.total.coverage_percent())));
    out.push_str(&row("Red flags", each(&|_, s| flags_cell(s))));
    out
}

/// Full names, every red flag in words, and how to read the numbers.
fn footnotes(c: &Comparison<'_>, options: &RenderOptions) -> String {
    let wrap = |text: &str, indent: &str| {
        textwrap::fill(
            text,
            wrap_options(options.width.max(40)).subsequent_indent(indent),
        ) + "\n"
    };
    let mut out = String::new();
    for (provider, score) in &c.columns {
        out.push_str(&wrap(
            &format!(
                "{}: {} ({}), {}",
                provider.id,
                display_name(provider),
                provider.place(),
                score.summary()
            ),
            "    ",
        ));
        for flag in &score.red_flags {
            out.push_str(&wrap(
                &format!("  ⚑ {}", flag.describe(c.checklist)),
                "    ",
            ));
        }
    }
    out.push_str(&wrap(
        &format!(
            "Legend: {}. {} marks critical questions (a \"no\" is a red flag); {} marks red flags.",
            legend(options.ascii),
            critical_mark(options.ascii),
            flag_mark(options.ascii)
        ),
        "  ",
    ));
    out.push_str(&wrap(UNKNOWN_NOTE, ""));
    out.push_str(&wrap(&format!("Priorities: {}.", c.priorities_text()), ""));
    out
}

/// A provider's name for Markdown, with the sample marker outside the escaped text.
fn md_name(provider: &Provider) -> String {
    let marker = if provider.sample { " (SAMPLE)" } else { "" };
    format!("{}{marker}", md_escape(&provider.name))
}

/// File text as inline Markdown: on one line, with nothing that could start a link, emphasis,
/// code, HTML or a new table cell.
fn md_escape(text: &str) -> String {
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

fn markdown(c: &Comparison<'_>, ascii: bool) -> String {
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

fn answer_json(provider: &Provider, question_id: &str, q: &QuestionScore) -> serde_json::Value {
    let answer = provider.answers.get(question_id);
    json!({
        "answer": answer_label(q.value),
        "route_not_offered": q.route_not_offered,
        "weight": q.weight,
        "note": answer.and_then(|a| a.note.clone()),
        "source": answer.and_then(|a| a.source.clone()),
        "date": answer.and_then(|a| a.date),
    })
}

/// The whole comparison as data; the shape is documented in README.md ("JSON export").
fn json(c: &Comparison<'_>) -> String {
    let providers: Vec<serde_json::Value> = c
        .columns
        .iter()
        .map(|(p, s)| {
            let categories: Vec<serde_json::Value> = c
                .checklist
                .categories
                .iter()
                .zip(&s.categories)
                .map(|(cat, t)| json!({ "id": cat.id, "low": t.low(), "high": t.high(), "coverage": t.coverage() }))
                .collect();
            let flags: Vec<serde_json::Value> = s
                .red_flags
                .iter()
                .map(|f| {
                    let mut v = serde_json::to_value(f).unwrap_or_default();
                    v["message"] = json!(f.describe(c.checklist));
                    v
                })
                .collect();
            json!({
                "id": p.id, "name": p.name, "sample": p.sample, "kind": p.kind, "place": p.place(),
                "routes": p.routes, "location": p.location, "contact": p.contact, "source": p.source,
                "score": { "low": s.total.low(), "high": s.total.high(), "coverage": s.total.coverage(), "categories": categories },
                "red_flags": flags,
            })
        })
        .collect();
    let questions: Vec<serde_json::Value> = c
        .checklist
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| {
            let answers: serde_json::Map<String, serde_json::Value> = c.columns.iter().map(|(p, s)| (p.id.clone(), answer_json(p, &question.id, &s.questions[q]))).collect();
            json!({
                "id": question.id, "category": c.checklist.categories[question.category].id, "question": question.question,
                "why": question.why, "weight": question.weight, "critical": question.critical, "applies_to": question.applies_to,
                "answers": answers,
            })
        })
        .collect();
    let value = json!({
        "generated": c.today,
        "disclaimer": DISCLAIMER,
        "priorities": c.checklist.categories.iter().map(|cat| (cat.id.clone(), json!(c.priorities.get(&cat.id)))).collect::<serde_json::Map<_, _>>(),
        "providers": providers,
        "questions": questions,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// RFC 4180 quoting; a leading `= + - @` is defused so a spreadsheet never runs file text as a
/// formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// What one provider's column shows in a CSV summary row.
type SummaryCell<'f> = &'f dyn Fn(&Provider, &Score) -> String;

/// One CSV line.
fn csv_row(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
        + "\n"
}

fn csv(c: &Comparison<'_>) -> String {
    let mut header = vec![
        "category".to_string(),
        "question_id".into(),
        "question".into(),
        "weight".into(),
        "critical".into(),
    ];
    for (p, _) in &c.columns {
        header.extend([
            p.id.clone(),
            format!("{}_note", p.id),
            format!("{}_source", p.id),
        ]);
    }
    let mut out = csv_row(&header);
    for (q, question) in c.checklist.questions.iter().enumerate() {
        let mut fields = vec![
            c.checklist.categories[question.category].id.clone(),
            question.id.clone(),
            question.question.clone(),
            question.weight.to_string(),
            question.critical.to_string(),
        ];
        for (p, s) in &c.columns {
            let answer = p.answers.get(&question.id);
            fields.push(answer_label(s.questions[q].value).into());
            fields.push(answer.and_then(|a| a.note.clone()).unwrap_or_default());
            fields.push(answer.and_then(|a| a.source.clone()).unwrap_or_default());
        }
        out.push_str(&csv_row(&fields));
    }
    // After the questions, rows that say what each column is and how it scores, so a
    // spreadsheet never separates a sample or a red flag from its answers.
    let summary: [(&str, SummaryCell); 4] = [
        ("sample", &|p, _| {
            if p.sample {
                "SAMPLE (fictional)".into()
            } else {
                String::new()
            }
        }),
        ("score_range", &|_, s| s.total.range_text()),
        ("known", &|_, s| s.total.coverage_percent()),
        ("red_flags", &|_, s| {
            s.red_flags
                .iter()
                .map(|f| f.describe(c.checklist))
                .collect::<Vec<_>>()
                .join("; ")
        }),
    ];
    for (row, value) in summary {
        let mut fields = vec![
            "_summary".to_string(),
            row.to_string(),
            String::new(),
            String::new(),
            String::new(),
        ];
        for (p, s) in &c.columns {
            fields.extend([value(p, s), String::new(), String::new()]);
        }
        out.push_str(&csv_row(&fields));
    }
    let mut notice = vec![
        "_summary".to_string(),
        "notice".into(),
        format!("{DISCLAIMER} Generated {}.", c.today),
    ];
    notice.resize(5 + 3 * c.columns.len(), String::new());
    out.push_str(&csv_row(&notice));
    out
}

/// What each category and question contributed to a provider's score, and why.
pub fn explain(
    provider: &Provider,
    score: &Score,
    checklist: &Checklist,
    priorities: &Priorities,
    ascii: bool,
) -> String {
    use super::scoring::PRIORITY_LABELS;
    let mut out = format!(
        "{}\n{}\n",
        display_name(provider),
        "=".repeat(display_width(&display_name(provider)))
    );
    out.push_str(&format!(
        "Score {} ({}). {DISCLAIMER}\n",
        score.total.range_text(),
        score.total.coverage_text()
    ));
    if score.total.is_scored() {
        let (low, high) = score.total.points();
        out.push_str(&format!(
            "Points: {low} certain, up to {high} if every unknown were a yes, out of {} weighted points.\n",
            score.total.applicable_weight
        ));
    }
    out.push_str(&textwrap::fill(UNKNOWN_NOTE, wrap_options(80)));
    out.push_str("\nEach question counts its weight × your priority for its category; yes earns all of it, partial half, no none.\n");
    if score.red_flags.is_empty() {
        out.push_str("Red flags: none.\n");
    } else {
        out.push_str("Red flags (shown whatever your priorities):\n");
        for flag in &score.red_flags {
            out.push_str(&format!("  ⚑ {}\n", flag.describe(checklist)));
        }
    }
    for (index, category) in checklist.categories.iter().enumerate() {
        let priority = priorities.get(&category.id);
        let tally = &score.categories[index];
        out.push_str(&format!(
            "\n{} — priority {priority} ({}), {}, {}\n",
            category.title,
            PRIORITY_LABELS[usize::from(priority.min(3))],
            tally.range_text(),
            tally.coverage_text()
        ));
        for (q, question) in checklist.indexed_questions_in(index) {
            let qs = &score.questions[q];
            let effect = match qs.value {
                _ if qs.route_not_offered => {
                    "not counted: the provider does not offer the routes it applies to".to_string()
                }
                AnswerValue::Na => "not counted: does not apply".into(),
                _ if qs.weight == 0 => "not counted: priority 0".into(),
                AnswerValue::Yes => format!("+{} of {}", qs.weight, qs.weight),
                AnswerValue::Partial => format!("+{} of {}", f64::from(qs.weight) / 2.0, qs.weight),
                AnswerValue::No => format!("+0 of {}", qs.weight),
                AnswerValue::Unknown => format!("0 to {} of {} (unknown)", qs.weight, qs.weight),
            };
            out.push_str(&format!(
                "  {:<10} {} × {} = weight {:<2}  {effect}\n",
                cell(qs.value, ascii),
                question.weight,
                priority,
                qs.weight
            ));
            out.push_str(&textwrap::fill(
                &question.question,
                wrap_options(80)
                    .initial_indent("             ")
                    .subsequent_indent("             "),
            ));
            out.push('\n');
            if let Some(answer) = provider.answers.get(&question.id) {
                let mut detail = Vec::new();
                if let Some(note) = &answer.note {
                    detail.push(format!("note: {note}"));
                }
                if let Some(source) = &answer.source {
                    detail.push(format!("source: {source}"));
                }
                if let Some(date) = answer.date {
                    detail.push(format!("date: {date}"));
                }
                if !detail.is_empty() {
                    out.push_str(&textwrap::fill(
                        &detail.join("; "),
                        wrap_options(80)
                            .initial_indent("             ")
                            .subsequent_indent("             "),
                    ));
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Markdown,
    Text,
}

/// The questions still worth asking (indices into `checklist.questions`): unknown and partial
/// answers, and critical questions answered "no" (to confirm). Questions that do not apply are
/// left out.
pub fn questions_to_ask(score: &Score, checklist: &Checklist) -> Vec<usize> {
    score
        .questions
        .iter()
        .enumerate()
        .filter(|(q, counted)| match counted.value {
            AnswerValue::Unknown | AnswerValue::Partial => true,
            AnswerValue::No => checklist.questions[*q].critical,
            AnswerValue::Yes | AnswerValue::Na => false,
        })
        .map(|(q, _)| q)
        .collect()
}

/// The questions still worth asking a provider: unknown and partial answers, and any critical
/// "no" to confirm, grouped by category, with room to write the answer.
pub fn question_sheet(
    provider: &Provider,
    checklist: &Checklist,
    priorities: &Priorities,
    today: Date,
    format: SheetFormat,
) -> String {
    let score = super::scoring::score(provider, checklist, priorities, today);
    let md = format == SheetFormat::Markdown;
    let heading = |text: &str, level: usize| -> String {
        if md {
            format!("{} {}\n\n", "#".repeat(level), text)
        } else {
            let rule = if level == 1 { '=' } else { '-' };
            format!(
                "{text}\n{}\n\n",
                rule.to_string().repeat(display_width(text))
            )
        }
    };
    let name = display_name(provider);
    let mut out = heading(&format!("Questions for {name}"), 1);
    let contact = [
        provider.contact.phone.as_deref(),
        provider.contact.website.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    out.push_str(&format!(
        "Provider: {name} ({}, {}){}\n",
        provider.place(),
        provider.kind.as_str(),
        if contact.is_empty() {
            String::new()
        } else {
            format!(" · {contact}")
        }
    ));
    out.push_str(&format!(
        "Prepared: {today} with kapguide. Current profile: {}.\n",
        score.summary()
    ));
    out.push_str(&format!(
        "{DISCLAIMER} Ask your own clinician about your own health.\n\n"
    ));
    if !score.red_flags.is_empty() {
        out.push_str(if md {
            "**Red flags to raise:**\n\n"
        } else {
            "Red flags to raise:\n"
        });
        for flag in &score.red_flags {
            let text = flag.describe(checklist);
            let text = if md { md_escape(&text) } else { text };
            out.push_str(&format!("- {} {text}\n", flag_mark(false)));
        }
        out.push('\n');
    }
    let mut number = 0;
    let to_ask = questions_to_ask(&score, checklist);
    for (index, category) in checklist.categories.iter().enumerate() {
        let asks: Vec<usize> = to_ask
            .iter()
            .copied()
            .filter(|q| checklist.questions[*q].category == index)
            .collect();
        if asks.is_empty() {
            continue;
        }
        out.push_str(&heading(&category.title, 2));
        for q in asks {
            let question = &checklist.questions[q];
            number += 1;
            let value = score.questions[q].value;
            let status = match value {
                AnswerValue::No => {
                    "recorded as \"no\" on a critical question — please confirm".to_string()
                }
                AnswerValue::Partial => {
                    let note = provider
                        .answers
                        .get(&question.id)
                        .and_then(|a| a.note.clone());
                    format!(
                        "recorded as partial{}",
                        // Notes may span lines; the sheet shows them on one.
                        note.map(|n| format!(" ({})", sanitize_line(&n)))
                            .unwrap_or_default()
                    )
                }
                _ => "not known yet".into(),
            };
            // Continuation lines line up under the item's text ("10. " is wider than "9. "), or
            // Markdown would end the numbered list.
            let indent = " ".repeat(number.to_string().len() + 2);
            if md {
                out.push_str(&format!(
                    "{number}. **{}**  \n{indent}Why it matters: {}  \n{indent}Currently: {}\n\n{indent}Answer: yes / partial / no  \n{indent}Notes: ______________________________\n\n",
                    md_escape(&question.question),
                    md_escape(&question.why),
                    md_escape(&status)
                ));
            } else {
                let opts = wrap_options(78).subsequent_indent("  ");
                out.push_str(&textwrap::fill(
                    &format!("{number}. {}", question.question),
                    &opts,
                ));
                out.push('\n');
                out.push_str(&textwrap::fill(
                    &format!("  Why it matters: {}", question.why),
                    &opts,
                ));
                out.push_str(&format!("\n  Currently: {status}\n"));
                out.push_str(
                    "  Answer: yes / partial / no\n  Notes: ______________________________\n\n",
                );
            }
        }
    }
    if number == 0 {
        out.push_str("Every applicable question already has a yes or no answer on record. Confirm anything that may have changed since it was recorded.\n");
    }
    out
}
