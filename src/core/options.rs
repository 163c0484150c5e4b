//! The options grid (`guides/options.toml`): the choices a person weighs before choosing a
//! provider (KAP, an infusion course, esketamine, at-home ketamine, not now / something else) as
//! columns, and the questions people ask about them as rows. Every cell cites sources by the same
//! ids the guides use, so a claim can always be traced.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::date::Date;
use super::diagnostics::{Problem, Reporter, Severity, suggestion_hint};
use super::fields::{Fields, parse_document};

pub const OPTIONS_FILE: &str = "options.toml";

/// One column: a way forward.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub id: String,
    pub title: String,
    /// The column heading where space is short.
    pub short: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GridCell {
    pub text: String,
    /// Source ids, each defined in [`OptionsGrid::sources`].
    pub sources: Vec<String>,
}

/// One row: a question asked of every option, with a cell per choice (in choice order).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GridRow {
    pub id: String,
    pub title: String,
    pub cells: Vec<GridCell>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GridSource {
    pub id: String,
    pub title: String,
    pub url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OptionsGrid {
    pub reviewed: Option<Date>,
    pub intro: String,
    pub choices: Vec<Choice>,
    pub rows: Vec<GridRow>,
    pub sources: Vec<GridSource>,
    #[serde(skip)]
    pub origin: PathBuf,
}

const TOP_KEYS: [&str; 5] = ["reviewed", "intro", "option", "row", "sources"];
const CHOICE_KEYS: [&str; 3] = ["id", "title", "short"];
const SOURCE_KEYS: [&str; 3] = ["id", "title", "url"];
const CELL_KEYS: [&str; 2] = ["text", "sources"];

impl OptionsGrid {
    pub fn is_empty(&self) -> bool {
        self.choices.is_empty() || self.rows.is_empty()
    }

    pub fn source(&self, id: &str) -> Option<&GridSource> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn row(&self, id: &str) -> Option<&GridRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The sources a cell cites, in its order (ids are checked at load, so none is missing).
    pub fn cell_sources<'g>(&'g self, cell: &'g GridCell) -> impl Iterator<Item = &'g GridSource> {
        cell.sources.iter().filter_map(|id| self.source(id))
    }

    /// Parses the file; `None` when it has errors (all of them are in the problems).
    pub fn parse(path: &Path, text: &str) -> (Option<OptionsGrid>, Vec<Problem>) {
        let mut rep = Reporter::new(path, text, 0);
        let Some(doc) = parse_document(text, &mut rep) else {
            return (None, rep.problems);
        };
        let top = Fields::new(doc.get_ref(), doc.span(), "");
        top.reject_unknown_keys(&mut rep, &TOP_KEYS);
        let mut grid = OptionsGrid {
            origin: path.to_path_buf(),
            ..OptionsGrid::default()
        };
        grid.reviewed = top.date(&mut rep, "reviewed");
        if top.get("reviewed").is_none() {
            top.missing(&mut rep, "reviewed", "2026-11-28");
        }
        grid.intro = top.text(&mut rep, "intro").unwrap_or_default();
        grid.sources = read_sources(&top, &mut rep);
        grid.choices = read_choices(&top, &mut rep);
        let source_ids: Vec<&str> = grid.sources.iter().map(|s| s.id.as_str()).collect();
        let mut cited = HashSet::new();
        grid.rows = read_rows(&top, &mut rep, &grid.choices, &source_ids, &mut cited);
        for source in &grid.sources {
            if !cited.contains(&source.id) {
                let offset = source_offset(&top, &source.id);
                rep.at(
                    offset,
                    Severity::Warning,
                    format!("source `{}` is never cited", source.id),
                    Some("cite it in a cell's `sources`, or remove it".into()),
                );
            }
        }
        let ok = !rep.has_errors();
        (ok.then_some(grid), rep.problems)
    }
}

fn read_sources(top: &Fields<'_, '_>, rep: &mut Reporter<'_>) -> Vec<GridSource> {
    let mut sources: Vec<GridSource> = Vec::new();
    let tables = top.table_list(rep, "sources");
    for (table, span) in tables.iter().cloned() {
        let fields = Fields::new(table, span.clone(), "[[sources]]");
        fields.reject_unknown_keys(rep, &SOURCE_KEYS);
        let id = fields.required_string(rep, "id", "\"spravato-label\"");
        let title = fields.required_string(rep, "title", "\"SPRAVATO prescribing information\"");
        let url = fields.required_string(rep, "url", "\"https://…\"");
        let (Some(id), Some(title), Some(url)) = (id, title, url) else {
            continue;
        };
        // The guides' rule, so that one source has one id everywhere.
        if !super::citation::is_valid_id(&id) {
            let offset = fields.get("id").map_or(span.start, |v| v.span().start);
            rep.error(
                offset,
                format!("`{id}` cannot be a source id"),
                Some("use lowercase letters, digits and dashes, like `dore-2019`".into()),
            );
            continue;
        }
        if used_twice(
            rep,
            span.start,
            "source",
            &id,
            sources.iter().map(|s| &s.id),
        ) {
            continue;
        }
        sources.push(GridSource { id, title, url });
    }
    if tables.is_empty() {
        rep.error(
            0,
            "the options grid lists no sources",
            Some("add [[sources]] blocks with id, title and url".into()),
        );
    }
    sources
}

fn read_choices(top: &Fields<'_, '_>, rep: &mut Reporter<'_>) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Vec::new();
    let tables = top.table_list(rep, "option");
    for (table, span) in tables.iter().cloned() {
        let fields = Fields::new(table, span.clone(), "[[option]]");
        fields.reject_unknown_keys(rep, &CHOICE_KEYS);
        let id = fields.required_string(rep, "id", "\"kap\"");
        let title = fields.required_string(rep, "title", "\"Ketamine-assisted psychotherapy\"");
        let short = fields.string(rep, "short");
        let (Some(id), Some(title)) = (id, title) else {
            continue;
        };
        if CELL_KEYS.contains(&id.as_str()) || ["id", "title"].contains(&id.as_str()) {
            rep.error(
                span.start,
                format!("`{id}` cannot be an option id: rows use that key"),
                Some("choose another id".into()),
            );
            continue;
        }
        if used_twice(
            rep,
            span.start,
            "option",
            &id,
            choices.iter().map(|c| &c.id),
        ) {
            continue;
        }
        let short = short
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| title.clone());
        choices.push(Choice { id, title, short });
    }
    if tables.is_empty() {
        rep.error(
            0,
            "the options grid has no options",
            Some("add [[option]] blocks with id and title".into()),
        );
    }
    choices
}

fn read_rows(
    top: &Fields<'_, '_>,
    rep: &mut Reporter<'_>,
    choices: &[Choice],
    source_ids: &[&str],
    cited: &mut HashSet<String>,
) -> Vec<GridRow> {
    let mut known: Vec<&str> = vec!["id", "title"];
    known.extend(choices.iter().map(|c| c.id.as_str()));
    let mut rows: Vec<GridRow> = Vec::new();
    let tables = top.table_list(rep, "row");
    for (table, span) in tables.iter().cloned() {
        let fields = Fields::new(table, span.clone(), "[[row]]");
        fields.reject_unknown_keys(rep, &known);
        let id = fields.required_string(rep, "id", "\"evidence\"");
        let title = fields.required_string(rep, "title", "\"Evidence, in plain words\"");
        let mut cells = Vec::new();
        for choice in choices {
            let Some(cell) = fields.table(rep, &choice.id, "a cell") else {
                if fields.get(&choice.id).is_none() {
                    fields.missing(
                        rep,
                        &choice.id,
                        "{ text = \"…\", sources = [\"source-id\"] }",
                    );
                }
                continue;
            };
            if let Some(cell) = read_cell(&cell, rep, source_ids, cited) {
                cells.push(cell);
            }
        }
        let (Some(id), Some(title)) = (id, title) else {
            continue;
        };
        if used_twice(rep, span.start, "row", &id, rows.iter().map(|r| &r.id)) {
            continue;
        }
        if cells.len() == choices.len() {
            rows.push(GridRow { id, title, cells });
        }
    }
    if tables.is_empty() {
        rep.error(
            0,
            "the options grid has no rows",
            Some("add [[row]] blocks with id, title and one cell per option".into()),
        );
    }
    rows
}

/// A cell must say something and cite at least one known source.
fn read_cell(
    fields: &Fields<'_, '_>,
    rep: &mut Reporter<'_>,
    source_ids: &[&str],
    cited: &mut HashSet<String>,
) -> Option<GridCell> {
    fields.reject_unknown_keys(rep, &CELL_KEYS);
    let text = fields.text(rep, "text");
    let mut ok = true;
    match &text {
        None if fields.get("text").is_none() => {
            fields.missing(rep, "text", "\"…\"");
            ok = false;
        }
        Some(t) if t.is_empty() => {
            rep.error(
                fields
                    .get("text")
                    .map_or(fields.span.start, |v| v.span().start),
                "this cell's text is empty",
                Some(
                    "every option gets an answer in every row; say plainly what is not known"
                        .into(),
                ),
            );
            ok = false;
        }
        _ => {}
    }
    let listed = fields.string_list(rep, "sources");
    let mut sources = Vec::new();
    match &listed {
        None if fields.get("sources").is_none() => {
            fields.missing(rep, "sources", "[\"source-id\"]");
            ok = false;
        }
        Some(list) if list.is_empty() => {
            rep.error(
                fields
                    .get("sources")
                    .map_or(fields.span.start, |v| v.span().start),
                "this cell cites no source",
                Some("every cell names at least one id from [[sources]]".into()),
            );
            ok = false;
        }
        _ => {}
    }
    for id in listed.iter().flatten() {
        if source_ids.contains(&id.get_ref().as_str()) {
            cited.insert(id.get_ref().clone());
            sources.push(id.get_ref().clone());
        } else {
            rep.error(
                id.span().start,
                format!("unknown source id `{}`", id.get_ref()),
                Some(suggestion_hint(id.get_ref(), source_ids)),
            );
            ok = false;
        }
    }
    (ok && text.is_some()).then(|| GridCell {
        text: text.unwrap_or_default(),
        sources,
    })
}

/// Reports an id already taken by an earlier block of the same kind.
fn used_twice<'a>(
    rep: &mut Reporter<'_>,
    offset: usize,
    kind: &str,
    id: &str,
    mut earlier: impl Iterator<Item = &'a String>,
) -> bool {
    let twice = earlier.any(|e| e == id);
    if twice {
        rep.error(
            offset,
            format!("{kind} id `{id}` is used twice"),
            Some(format!("give each {kind} its own id")),
        );
    }
    twice
}

/// Where a source's block starts, for the "never cited" warning.
fn source_offset(top: &Fields<'_, '_>, id: &str) -> usize {
    let mut scratch = Reporter::new(Path::new(""), "", 0);
    top.table_list(&mut scratch, "sources")
        .into_iter()
        .find(|(table, _)| {
            table
                .get("id")
                .and_then(|v| v.get_ref().as_str())
                .is_some_and(|v| v == id)
        })
        .map_or(0, |(_, span)| span.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
reviewed = 2026-11-28
intro = "Two ways."

[[option]]
id = "kap"
title = "KAP"

[[option]]
id = "other"
title = "Not now"
short = "Other"

[[row]]
id = "what"
title = "What it is"
kap = { text = "Ketamine with therapy.", sources = ["dore-2019"] }
other = { text = "Something else.", sources = ["nimh-2024", "dore-2019"] }

[[sources]]
id = "dore-2019"
title = "Dore"
url = "https://doi.org/x"

[[sources]]
id = "nimh-2024"
title = "NIMH"
url = "https://nimh.example"
"#;

    fn parse(text: &str) -> (Option<OptionsGrid>, Vec<String>) {
        let (grid, problems) = OptionsGrid::parse(Path::new("options.toml"), text);
        (grid, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn parses_columns_rows_and_cited_sources() {
        let (grid, problems) = parse(GOOD);
        assert!(problems.is_empty(), "{problems:?}");
        let grid = grid.unwrap();
        assert_eq!(grid.choices[0].short, "KAP", "short defaults to the title");
        assert_eq!(grid.choices[1].short, "Other");
        let cell = &grid.rows[0].cells[1];
        let titles: Vec<&str> = grid.cell_sources(cell).map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["NIMH", "Dore"]);
        assert_eq!(grid.reviewed, Date::new(2026, 11, 28));
    }

    #[test]
    fn an_unknown_source_id_is_an_error_at_its_position_with_a_suggestion() {
        let (grid, problems) = parse(&GOOD.replace("[\"nimh-2024\",", "[\"nimh-2042\","));
        assert!(grid.is_none());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("options.toml:18:48: error: unknown source id `nimh-2042`"),
            "{}",
            problems[0]
        );
        assert!(problems[0].contains("did you mean `nimh-2024`?"));
        assert!(problems[1].contains("warning: source `nimh-2024` is never cited"));
    }

    #[test]
    fn empty_cells_missing_cells_and_uncited_cells_are_errors() {
        let text = GOOD
            .replace("\"Ketamine with therapy.\"", "\"  \"")
            .replace(
                "other = { text = \"Something else.\", sources = [\"nimh-2024\", \"dore-2019\"] }",
                "",
            );
        let (grid, problems) = parse(&text);
        assert!(grid.is_none());
        assert!(
            problems[0].starts_with("options.toml:17:16:"),
            "{problems:?}"
        );
        assert!(problems[0].contains("this cell's text is empty"));
        assert!(
            problems[1].contains("missing required key `other` in [[row]]"),
            "{problems:?}"
        );
        let (_, problems) = parse(&GOOD.replace("sources = [\"dore-2019\"] }", "sources = [] }"));
        assert!(
            problems[0].contains("this cell cites no source"),
            "{problems:?}"
        );
    }

    #[test]
    fn source_ids_follow_the_guides_rule() {
        let (grid, problems) = parse(&GOOD.replace("id = \"nimh-2024\"", "id = \"NIMH 2024\""));
        assert!(grid.is_none());
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`NIMH 2024` cannot be a source id")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_misspelt_option_key_in_a_row_gets_a_suggestion() {
        let (grid, problems) = parse(&GOOD.replace("\nkap = {", "\nkpa = {"));
        assert!(grid.is_none());
        assert!(
            problems[0].contains("unknown key `kpa` in [[row]]"),
            "{problems:?}"
        );
        assert!(problems[0].contains("did you mean `kap`?"));
    }
}
