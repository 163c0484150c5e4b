//! Plain-text renderings of each view. Text from files was sanitized when it was loaded.

use std::io::Write;

use super::{Context, OptionsFormat, Outcome, PacketFormat};
use crate::core::costs::course_cost;
use crate::core::date::Date;
use crate::core::diagnostics::suggestion_hint;
use crate::core::export::{
    self, Comparison, FLAGS_NOTE, Format, RenderOptions, SheetFormat, UNKNOWN_NOTE, course_note,
    display_name, flags_short, kind_mark, model_text, question_sheet, write_comparison,
};
use crate::core::filter::{Filtered, MaxCost, ProviderFilter};
use crate::core::id::ProviderId;
use crate::core::layout::{LineKind, layout_guide_for_print, wrap_options};
use crate::core::provider::{Provider, slugify};
use crate::core::sanitize::sanitize_line;
use crate::core::scoring::{FlagKind, Priorities, Priority, Score, rank, score};
use crate::core::search::{SearchIndex, Target};
use crate::core::sort::SortBy;
use crate::core::template::provider_template;
use crate::core::values;
use crate::core::width::{ELLIPSIS, display_width, truncate};
use crate::io::loader::Library;
use crate::io::store::SaveError;

/// Aligns rows into columns two spaces apart; the last column is not padded.
pub fn columns(rows: &[Vec<String>]) -> String {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| display_width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - display_width(cell) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// "no guide `x`" with the closest ids, exit status 2.
pub fn unknown_id(what: &str, id: &str, known: &[&str], list_command: &str) -> Outcome {
    if id.trim().is_empty() {
        return Outcome::usage(format!(
            "kapguide: the {what} id is empty\n  (`kapguide {list_command}` lists them)\n"
        ));
    }
    Outcome::usage(format!(
        "kapguide: no {what} with id `{}`; {}\n  (`kapguide {list_command}` lists them)\n",
        crate::core::sanitize::sanitize_line(id),
        suggestion_hint(id, known)
    ))
}

pub fn guides(lib: &Library) -> Outcome {
    let rows: Vec<Vec<String>> = lib
        .guides
        .iter()
        .map(|g| vec![g.id.clone(), g.title.clone()])
        .collect();
    Outcome::ok(columns(&rows))
}

pub fn guide(lib: &Library, id: &str, width: usize) -> Outcome {
    let Some(guide) = lib.guide(id) else {
        return unknown_id("guide", id, &lib.guide_ids(), "guides");
    };
    let layout = layout_guide_for_print(guide, width);
    let mut out = String::new();
    for line in &layout.lines {
        let text = line.text();
        out.push_str(text.trim_end());
        out.push('\n');
        let rule = match line.kind {
            LineKind::Title => Some('='),
            LineKind::Section => Some('-'),
            _ => None,
        };
        if let Some(rule) = rule {
            out.push_str(&rule.to_string().repeat(display_width(&text).min(width)));
            out.push('\n');
        }
    }
    Outcome::ok(out)
}

pub fn checklist(lib: &Library) -> Outcome {
    let list = &lib.checklist;
    let mut out = String::new();
    for (index, category) in list.categories.iter().enumerate() {
        out.push_str(&format!(
            "{}\n{}\n",
            category.title,
            "=".repeat(display_width(&category.title))
        ));
        if !category.description.is_empty() {
            out.push_str(&textwrap::fill(&category.description, wrap_options(80)));
            out.push('\n');
        }
        out.push('\n');
        for question in list.questions_in(index) {
            let mut tags = vec![format!("weight {}", question.weight)];
            if question.critical {
                tags.push("critical for safety: a \"no\" is a safety flag".into());
            }
            if !question.applies_to.is_empty() {
                let routes: Vec<&str> = question.applies_to.iter().map(|r| r.as_str()).collect();
                tags.push(format!("only for: {}", routes.join(", ")));
            }
            let options = wrap_options(80).subsequent_indent("  ");
            out.push_str(&textwrap::fill(
                &format!("- {}", question.question),
                &options,
            ));
            out.push('\n');
            out.push_str(&format!("  [{}] ({})\n", question.id, tags.join("; ")));
            let why = wrap_options(80)
                .initial_indent("  Why it matters: ")
                .subsequent_indent("  ");
            out.push_str(&textwrap::fill(&question.why, why));
            out.push('\n');
            for source in question.sources.iter().filter_map(|id| list.source(id)) {
                let line = wrap_options(80)
                    .initial_indent("  Source: ")
                    .subsequent_indent("    ");
                out.push_str(&textwrap::fill(
                    &format!("{} <{}>", source.title, source.url),
                    line,
                ));
                out.push('\n');
            }
            out.push('\n');
        }
    }
    Outcome::ok(out)
}

/// For an empty result, the message naming the criterion that left nobody (exit status 0:
/// finding nothing is an answer).
fn none_left(result: &Filtered<&Provider>) -> Option<String> {
    if !result.kept.is_empty() {
        None
    } else if result.total == 0 {
        Some("kapguide: no providers are loaded\n".to_string())
    } else {
        Some(format!(
            "kapguide: no providers match: {}\n",
            result.explain(true)
        ))
    }
}

/// "Filtered: …" and, when profiles that do not say were left out, which ones.
fn filter_notes(filter: &ProviderFilter, result: &Filtered<&Provider>) -> String {
    let mut notes = format!(
        "Filtered: {}. A profile that does not say is left out.\n",
        filter.summary()
    );
    let name = |p: &&Provider| p.id.to_string();
    let other = result.other_currency_note(filter, name);
    for note in result.unknown_note(name).into_iter().chain(other) {
        notes.push_str(&note);
        notes.push_str(".\n");
    }
    notes
}

/// Why a provider kept by `--max-course-cost` is marked.
fn exceed_note(max: &MaxCost) -> String {
    format!(
        "the low end of the course cost is within {}; the high end is above it, or open because a fee is unknown",
        max.text()
    )
}

/// The filter with a bare `--max-course-cost` given the one currency `providers` price in, or
/// the usage error when they price in several.
fn settled<'p>(
    filter: &ProviderFilter,
    providers: impl IntoIterator<Item = &'p Provider>,
    context: &Context,
) -> Result<ProviderFilter, Outcome> {
    let mut filter = filter.clone();
    filter
        .settle_currency(providers, &context.course)
        .map_err(|e| Outcome::usage(format!("kapguide: {e}\n")))?;
    Ok(filter)
}

/// Marks a course cost whose high end passes `--max-course-cost`.
const EXCEEDS: &str = "(may exceed)";

/// `providers` scored with the user's priorities and put in the order `sort` asks for: the
/// one ranking `providers` and `compare` print.
fn ranked_in<'p>(
    context: &Context,
    providers: Vec<&'p Provider>,
    sort: SortBy,
) -> Vec<(&'p Provider, Score)> {
    let lib = &context.library;
    let mut ranked = rank(
        providers,
        &lib.checklist,
        &context.priorities,
        context.today,
    );
    sort.sort(
        &mut ranked,
        |c| c.0,
        |c| c.1.total.coverage(),
        &context.course,
    );
    ranked
}

pub fn providers(context: &Context, filter: &ProviderFilter, sort: SortBy) -> Outcome {
    let lib = &context.library;
    let filter = match settled(filter, &lib.providers, context) {
        Ok(filter) => filter,
        Err(outcome) => return outcome,
    };
    let filter = &filter;
    let result = filter.apply(lib.providers.iter(), |p| p, &context.course);
    if let Some(why) = none_left(&result) {
        return Outcome::note(why);
    }
    let ranked = ranked_in(context, result.kept.clone(), sort);
    let mut exceeding = false;
    let mut rows = vec![
        [
            "ID",
            "NAME",
            "PLACE",
            "KIND",
            "MODEL",
            "RANGE",
            "SCORE",
            "KNOWN",
            "COURSE COST",
            "SAFETY FLAGS",
            "DATA FLAGS",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for (provider, score) in &ranked {
        let flags = |kind: FlagKind| match score.flags_of(kind).count() {
            0 => "none".to_string(),
            n => format!(
                "{} {n}: {}",
                kind_mark(kind, false),
                flags_short(score, kind)
            ),
        };
        rows.push(vec![
            provider.id.to_string(),
            display_name(provider),
            provider.place(),
            provider.kind.as_str().into(),
            model_text(provider).into(),
            export::score_bar(&score.total, 10, false),
            score.total.range_text(),
            score.total.coverage_percent(),
            {
                let cost = course_cost(&provider.costs, &context.course).text();
                if filter.may_exceed(provider, &context.course) {
                    exceeding = true;
                    format!("{cost} {EXCEEDS}")
                } else {
                    cost
                }
            },
            flags(FlagKind::Safety),
            flags(FlagKind::Data),
        ]);
    }
    let mut out = columns(&rows);
    out.push_str(&format!(
        "\n{UNKNOWN_NOTE} The bar: solid is known for sure, shaded is what unknowns could add.\n{FLAGS_NOTE}\n{}\n",
        course_note(&context.course)
    ));
    if let Some(max) = filter.max_course_cost.as_ref().filter(|_| exceeding) {
        out.push_str(&format!("{EXCEEDS}: {}.\n", exceed_note(max)));
    }
    if !filter.is_empty() {
        out.push_str(&filter_notes(filter, &result));
    }
    Outcome::ok(out)
}

/// Finds providers by id, or reports the unknown ones with close matches (exit status 2).
fn find_providers<'l>(lib: &'l Library, ids: &[String]) -> Result<Vec<&'l Provider>, Outcome> {
    let mut found: Vec<&Provider> = Vec::new();
    for id in ids {
        let provider = lib
            .provider(id)
            .ok_or_else(|| unknown_id("provider", id, &lib.provider_ids(), "providers"))?;
        // Naming a provider twice shows it once.
        if !found.iter().any(|p| p.id == provider.id) {
            found.push(provider);
        }
    }
    Ok(found)
}

/// Which providers `compare` shows (named, all, or those a filter keeps), in which order.
pub struct Selection<'a> {
    pub ids: &'a [String],
    pub all: bool,
    pub filter: &'a ProviderFilter,
    pub sort: SortBy,
}

/// Written to `out` as it is made (see `write_comparison`): `--all` over a large directory
/// would otherwise hold the whole document in memory.
/// A filter without ids compares every provider it keeps.
pub fn compare(
    context: &Context,
    selection: Selection<'_>,
    format: Format,
    width: usize,
    out: &mut dyn Write,
) -> Outcome {
    let Selection {
        ids,
        all,
        filter,
        sort,
    } = selection;
    let lib = &context.library;
    let named = !all && !ids.is_empty();
    let providers = if all || (ids.is_empty() && !filter.is_empty()) {
        lib.providers.iter().collect()
    } else if ids.is_empty() {
        return Outcome::usage(
            "kapguide: name the providers to compare (kapguide compare ID ID…) or use --all\n"
                .into(),
        );
    } else {
        match find_providers(lib, ids) {
            Ok(found) => found,
            Err(outcome) => return outcome,
        }
    };
    let filter = match settled(filter, providers.iter().copied(), context) {
        Ok(filter) => filter,
        Err(outcome) => return outcome,
    };
    let filter = &filter;
    let result = filter.apply(providers, |p| p, &context.course);
    // A provider asked for by name is never dropped without a word.
    let mut notes = String::new();
    for removed in result.removed.iter().filter(|_| named) {
        notes.push_str(&format!(
            "kapguide: left out {}: {}\n",
            removed.item.id,
            removed.reason(filter)
        ));
    }
    // JSON and CSV stay valid documents on stdout, so every note goes to stderr.
    let data = matches!(format, Format::Json | Format::Csv);
    if let Some(why) = none_left(&result) {
        notes.push_str(&why);
        if !data {
            return Outcome::note(notes);
        }
    }
    let providers = result.kept.clone();
    // Said on stderr: stdout may be JSON or CSV.
    let exceeding: Vec<String> = providers
        .iter()
        .filter(|p| filter.may_exceed(p, &context.course))
        .map(|p| display_name(p))
        .collect();
    let ranked = ranked_in(context, providers, sort);
    let comparison =
        Comparison::in_order(&lib.checklist, ranked, &context.priorities, context.today)
            .with_course(context.course);
    let options = RenderOptions {
        ascii: context.ascii,
        width,
    };
    let mut written = write_comparison(&comparison, format, &options, out);
    if !filter.is_empty() && !result.kept.is_empty() {
        let filtered = filter_notes(filter, &result);
        if data {
            for line in filtered.lines() {
                notes.push_str(&format!("kapguide: {line}\n"));
            }
        } else {
            written = written.and_then(|()| write!(out, "\n{filtered}"));
        }
    }
    let mut outcome = Outcome::written(String::new(), written);
    outcome.stderr.insert_str(0, &notes);
    if let Some(max) = filter
        .max_course_cost
        .as_ref()
        .filter(|_| !exceeding.is_empty())
    {
        outcome.stderr.push_str(&format!(
            "kapguide: may exceed --max-course-cost {} ({}): {}\n",
            max.text(),
            exceed_note(max),
            exceeding.join(", ")
        ));
    }
    outcome
}

pub fn explain(context: &Context, id: &str) -> Outcome {
    let lib = &context.library;
    let provider = match find_providers(lib, &[id.to_string()]) {
        Ok(found) => found[0],
        Err(outcome) => return outcome,
    };
    let score = score(provider, &lib.checklist, &context.priorities, context.today);
    Outcome::ok(export::explain(
        provider,
        &score,
        &lib.checklist,
        &context.priorities,
        &context.course,
        context.ascii,
    ))
}

pub fn questions(context: &Context, id: &str, format: SheetFormat) -> Outcome {
    let lib = &context.library;
    let provider = match find_providers(lib, &[id.to_string()]) {
        Ok(found) => found[0],
        Err(outcome) => return outcome,
    };
    Outcome::ok(question_sheet(
        provider,
        &lib.checklist,
        &context.priorities,
        context.today,
        format,
    ))
}

pub fn search(lib: &Library, query: &str) -> Outcome {
    if query.trim().is_empty() {
        return Outcome::usage(
            "kapguide: search needs words to look for, like `kapguide search blood pressure`\n"
                .into(),
        );
    }
    let hits = SearchIndex::new(lib).search(query, 20);
    if hits.is_empty() {
        // Finding nothing is an answer, not a problem: exit 0, as `providers --region` does.
        return Outcome::note(format!(
            "kapguide: nothing matches `{}`\n",
            truncate(&sanitize_line(query), 60, ELLIPSIS)
        ));
    }
    let mut out = String::new();
    for hit in hits {
        let place = match hit.target {
            Target::Guide { guide, section } => {
                let id = &lib.guides[guide].id;
                section.map_or(format!("kapguide guide {id}"), |s| {
                    format!("kapguide guide {id}  (section {})", s + 1)
                })
            }
            Target::Question(q) => {
                format!("kapguide checklist  [{}]", lib.checklist.questions[q].id)
            }
            Target::Provider(p) => format!("kapguide explain {}", lib.providers[p].id),
        };
        out.push_str(&format!(
            "{:<8}  {}\n          {}\n          {}\n",
            hit.target.kind(),
            hit.title,
            hit.context,
            place
        ));
    }
    Outcome::ok(out)
}

pub fn options(lib: &Library, format: OptionsFormat, width: usize) -> Outcome {
    let grid = &lib.options;
    if grid.is_empty() {
        return Outcome {
            stdout: String::new(),
            stderr:
                "kapguide: the options grid could not be read; run `kapguide validate` to see why\n"
                    .into(),
            code: 1,
        };
    }
    Outcome::ok(match format {
        OptionsFormat::Table => export::options_table(grid, width),
        OptionsFormat::Markdown => export::options_markdown(grid),
        OptionsFormat::Json => export::options_json(grid),
    })
}

/// Prints the answers and the priorities they give; `--set` answers are saved first.
pub fn values(context: &Context, set: &[String]) -> Outcome {
    let checklist = &context.library.checklist;
    let mut config = context.config.clone();
    for arg in set {
        match values::parse_answer(arg) {
            Ok((statement, answer)) => config.values.set(statement.id, answer),
            Err(e) => return Outcome::usage(format!("kapguide: --set: {e}\n")),
        }
    }
    let mut stderr = String::new();
    if !set.is_empty() {
        config.priorities = config.values.priorities(checklist, &config.priorities);
        match config.save(checklist) {
            Ok(path) => stderr = format!("kapguide: saved to {}\n", path.display()),
            Err(e) => {
                return Outcome {
                    stdout: String::new(),
                    stderr: format!("kapguide: not saved: {e}\n"),
                    code: 1,
                };
            }
        }
    }
    let width = 80;
    let mut out = String::from("What matters to you · educational, not medical advice\n\n");
    for statement in &values::STATEMENTS {
        let category = checklist.category_index(statement.category).map_or_else(
            || format!("{} (not in this checklist)", statement.category),
            |i| checklist.categories[i].title.clone(),
        );
        let answer = config.values.answer_text(statement.id);
        out.push_str(&textwrap::fill(statement.text, wrap_options(width)));
        out.push_str(&format!(
            "\n    {}: {answer} → sets {category}\n\n",
            statement.id
        ));
    }
    let produced = config.values.priorities(checklist, &Priorities::default());
    out.push_str("Priorities\n");
    let mut rows = vec![
        ["CATEGORY", "FROM YOUR ANSWERS", "IN USE NOW"]
            .map(String::from)
            .to_vec(),
    ];
    let label = |p: Priority| format!("{p} {}", p.label());
    // Saved answers replace the priorities they touch; otherwise what scores use now (with any
    // --priority override for this run).
    let in_use = if set.is_empty() {
        &context.priorities
    } else {
        &config.priorities
    };
    for category in &checklist.categories {
        let touched = values::STATEMENTS
            .iter()
            .any(|s| s.category == category.id && config.values.get(s.id).is_some());
        rows.push(vec![
            category.title.clone(),
            if touched {
                label(produced.get(&category.id))
            } else {
                "(no answer: default)".to_string()
            },
            label(in_use.get(&category.id)),
        ]);
    }
    out.push_str(&columns(&rows));
    out.push('\n');
    out.push_str(&textwrap::fill(values::MAPPING_NOTE, wrap_options(width)));
    out.push_str("\n\nAnswer with: kapguide values --set ID=N (0 not for me, 1 a little, 2 quite a lot, 3 very much; ID=skip clears one).\n");
    Outcome {
        stdout: out,
        stderr,
        code: 0,
    }
}

pub fn packet(
    context: &Context,
    id: &str,
    out: Option<&std::path::Path>,
    force: bool,
    format: PacketFormat,
) -> Outcome {
    let lib = &context.library;
    let Some(provider) = lib.provider(id) else {
        return unknown_id("provider", id, &lib.provider_ids(), "providers");
    };
    let packet = export::Packet {
        provider,
        checklist: &lib.checklist,
        priorities: &context.priorities,
        options: &lib.options,
        values: &context.config.values,
        readiness: context.config.readiness,
        today: context.today,
        crisis: &lib.crisis,
    };
    let text = match format {
        PacketFormat::Html => export::packet_html(&packet),
        PacketFormat::Markdown => export::packet_markdown(&packet),
    };
    let Some(path) = out else {
        return Outcome::ok(text);
    };
    match crate::io::store::write_atomic(path, &text, force) {
        Ok(()) => Outcome::note(format!("kapguide: wrote {}\n", path.display())),
        // Not a problem with any file kapguide reads (exit 1): the command asked for a file
        // that is taken, so it is a usage error, with the way to ask for it.
        Err(e @ SaveError::Exists(_)) => Outcome::usage(format!(
            "kapguide: not written: {e}; pass --force to replace it, or choose another --out\n"
        )),
        Err(e) => Outcome {
            stdout: String::new(),
            stderr: format!("kapguide: not written: {e}\n"),
            code: 1,
        },
    }
}

pub fn new_provider(lib: &Library, id: &str, today: Date) -> Outcome {
    if ProviderId::new(id).is_err() {
        return Outcome::usage(format!(
            "kapguide: `{}` cannot be a provider id; ids are lowercase letters, digits, `-` and `_`, starting with a letter or digit, like `{}`\n",
            crate::core::sanitize::sanitize_line(id),
            slugify(id)
        ));
    }
    let mut outcome = Outcome::ok(provider_template(id, &lib.checklist, today));
    if let Some(existing) = lib.provider(id) {
        outcome.stderr = format!(
            "kapguide: note: `{id}` is already the id of {} ({}); a file with this name in your data directory or a --providers directory will be used instead of it\n",
            display_name(existing),
            sanitize_line(&existing.origin.display().to_string())
        );
    }
    outcome
}
