//! The options grid as text (fitted to a width), Markdown and JSON, and the column plan and cell
//! wrapping the TUI grid shares.

use serde_json::json;

use super::table::pad;
use crate::core::layout::wrap_options;
use crate::core::options::{GridCell, OptionsGrid};

pub const OPTIONS_NOTE: &str = "Options side by side · educational, not medical advice. Nothing here says which is right for you; take it to a clinician you trust.";

/// The narrowest an option column may be, and the row-title column.
pub const MIN_OPTION_COLUMN: usize = 17;
const MAX_OPTION_COLUMN: usize = 40;
const LABEL_COLUMN: usize = 14;
/// Between columns: " │ ".
pub const COLUMN_GAP: usize = 3;

/// How the grid fits a width: the row-title width, the option-column width and how many option
/// columns show at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnPlan {
    pub label: usize,
    pub column: usize,
    pub visible: usize,
}

/// Fits `choices` option columns beside the row titles in `width`; at least one column shows.
pub fn column_plan(width: usize, choices: usize) -> ColumnPlan {
    let label = LABEL_COLUMN.min(width / 4).max(8);
    let room = width.saturating_sub(label);
    let visible = (room / (MIN_OPTION_COLUMN + COLUMN_GAP)).clamp(1, choices.max(1));
    let column = (room / visible)
        .saturating_sub(COLUMN_GAP)
        .clamp(1, MAX_OPTION_COLUMN);
    // What the columns leave over goes to the row titles, up to a point.
    let label = width
        .saturating_sub(visible * (column + COLUMN_GAP))
        .clamp(label, 2 * LABEL_COLUMN);
    ColumnPlan {
        label,
        column,
        visible,
    }
}

/// Source ids in order of first citation, row by row: their number is their index + 1.
pub fn source_numbers(grid: &OptionsGrid) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    for cell in grid.rows.iter().flat_map(|r| &r.cells) {
        for id in &cell.sources {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
    }
    ids
}

/// " [1][4]": the cell's sources by number.
pub fn source_refs(cell: &GridCell, numbers: &[&str]) -> String {
    cell.sources
        .iter()
        .filter_map(|id| numbers.iter().position(|n| n == id))
        .map(|n| format!("[{}]", n + 1))
        .collect()
}

pub fn wrap(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(text, wrap_options(width.max(1)))
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// The plain-text grid: option columns in groups that fit the width, each cell wrapped in full,
/// with its sources by number and the numbered sources at the end.
pub fn options_table(grid: &OptionsGrid, width: usize) -> String {
    let numbers = source_numbers(grid);
    let mut out = textwrap::fill(OPTIONS_NOTE, wrap_options(width)) + "\n";
    if let Some(date) = grid.reviewed {
        out.push_str(&format!("Reviewed {date}.\n"));
    }
    if !grid.intro.is_empty() {
        out.push('\n');
        out.push_str(&textwrap::fill(&grid.intro, wrap_options(width)));
        out.push('\n');
    }
    let plan = column_plan(width, grid.choices.len());
    let groups = grid.choices.len().div_ceil(plan.visible);
    for group in 0..groups {
        let first = group * plan.visible;
        let last = (first + plan.visible).min(grid.choices.len());
        out.push('\n');
        if groups > 1 && last == first + 1 {
            out.push_str(&format!("Option {last} of {}\n", grid.choices.len()));
        } else if groups > 1 {
            out.push_str(&format!(
                "Options {}–{last} of {}\n",
                first + 1,
                grid.choices.len()
            ));
        }
        let heading: Vec<Vec<String>> = std::iter::once(vec![String::new()])
            .chain(
                grid.choices[first..last]
                    .iter()
                    .map(|c| wrap(&c.short, plan.column)),
            )
            .collect();
        push_row(&mut out, &heading, &plan);
        push_rule(&mut out, &plan, last - first);
        for row in &grid.rows {
            let mut cells = vec![wrap(&row.title, plan.label)];
            for cell in &row.cells[first..last] {
                let text = format!("{} {}", cell.text, source_refs(cell, &numbers));
                cells.push(wrap(&text, plan.column));
            }
            push_row(&mut out, &cells, &plan);
            push_rule(&mut out, &plan, last - first);
        }
    }
    out.push_str("\nSources\n");
    for (n, id) in numbers.iter().enumerate() {
        if let Some(source) = grid.source(id) {
            let line = format!("[{}] {} <{}>", n + 1, source.title, source.url);
            out.push_str(&textwrap::fill(
                &line,
                wrap_options(width).subsequent_indent("    "),
            ));
            out.push('\n');
        }
    }
    out
}

fn push_row(out: &mut String, cells: &[Vec<String>], plan: &ColumnPlan) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(0);
    for line in 0..height {
        let mut text = String::new();
        for (c, cell) in cells.iter().enumerate() {
            let part = cell.get(line).map_or("", String::as_str);
            if c == 0 {
                text.push_str(&pad(part, plan.label));
            } else {
                text.push_str(" │ ");
                text.push_str(&pad(part, plan.column));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
}

fn push_rule(out: &mut String, plan: &ColumnPlan, columns: usize) {
    let mut rule = "─".repeat(plan.label);
    for _ in 0..columns {
        rule.push_str("─┼─");
        rule.push_str(&"─".repeat(plan.column));
    }
    out.push_str(&rule);
    out.push('\n');
}

/// A Markdown table: options as columns, sources as footnotes.
pub fn options_markdown(grid: &OptionsGrid) -> String {
    let cell = super::markdown::md_escape;
    let mut out = String::from("# Options side by side\n\n");
    out.push_str(&format!("_{OPTIONS_NOTE}_\n\n"));
    if let Some(date) = grid.reviewed {
        out.push_str(&format!("Reviewed {date}.\n\n"));
    }
    if !grid.intro.is_empty() {
        out.push_str(&format!("{}\n\n", cell(&grid.intro)));
    }
    out.push_str("| |");
    for choice in &grid.choices {
        out.push_str(&format!(" {} |", cell(&choice.title)));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(grid.choices.len()));
    out.push('\n');
    for row in &grid.rows {
        out.push_str(&format!("| **{}** |", cell(&row.title)));
        for c in &row.cells {
            let refs: String = c.sources.iter().map(|id| format!("[^{id}]")).collect();
            out.push_str(&format!(" {}{refs} |", cell(&c.text)));
        }
        out.push('\n');
    }
    out.push('\n');
    for id in source_numbers(grid) {
        if let Some(source) = grid.source(id) {
            // An autolink ends at `>` or a space: neither belongs in a URL.
            let url: String = source
                .url
                .chars()
                .filter(|c| !matches!(c, '<' | '>') && !c.is_whitespace())
                .collect();
            out.push_str(&format!("[^{id}]: {} <{url}>\n", cell(&source.title)));
        }
    }
    out
}

pub fn options_json(grid: &OptionsGrid) -> String {
    let value = json!({
        "note": OPTIONS_NOTE,
        "reviewed": grid.reviewed.map(|d| d.to_string()),
        "intro": grid.intro,
        "options": grid.choices,
        "rows": grid.rows.iter().map(|row| json!({
            "id": row.id,
            "title": row.title,
            "cells": grid.choices.iter().zip(&row.cells).map(|(choice, cell)| json!({
                "option": choice.id,
                "text": cell.text,
                "sources": cell.sources,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "sources": grid.sources,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::width::display_width;
    use std::path::Path;

    fn grid() -> OptionsGrid {
        let text = include_str!("../../../guides/options.toml");
        OptionsGrid::parse(Path::new("options.toml"), text)
            .0
            .unwrap()
    }

    #[test]
    fn the_plan_always_shows_a_column_and_fits_the_width() {
        for width in 20..200 {
            let plan = column_plan(width, 5);
            assert!(plan.visible >= 1 && plan.visible <= 5);
            if width >= 40 {
                assert!(
                    plan.label + plan.visible * (plan.column + COLUMN_GAP) <= width,
                    "{width}: {plan:?}"
                );
            }
        }
        assert_eq!(column_plan(120, 5).visible, 5);
        assert!(column_plan(60, 5).visible < 5);
    }

    #[test]
    fn the_table_fits_every_width_and_keeps_every_cell_and_source() {
        let grid = grid();
        for width in [60, 80, 120, 200] {
            let out = options_table(&grid, width);
            for line in out.lines() {
                // A URL longer than the line stays whole so it can be copied.
                let long_url = line.trim_start().starts_with("<http");
                assert!(display_width(line) <= width || long_url, "{width}: {line}");
            }
            let flat: String = out.split_whitespace().collect::<Vec<_>>().join(" ");
            let label = column_plan(width, grid.choices.len()).label;
            for row in &grid.rows {
                for part in wrap(&row.title, label) {
                    assert!(out.contains(&part), "{width}: {}", row.title);
                }
            }
            assert!(out.contains("Sources\n[1] "));
            for source in &grid.sources {
                assert!(
                    flat.contains(&source.url),
                    "{width}: {} missing\n{out}",
                    source.id
                );
            }
        }
    }

    #[test]
    fn markdown_cites_every_cell_with_footnotes_defined_once() {
        let grid = grid();
        let md = options_markdown(&grid);
        for id in source_numbers(&grid) {
            assert_eq!(md.matches(&format!("[^{id}]: ")).count(), 1, "{id}");
        }
        let rows = md.lines().filter(|l| l.starts_with("| **")).count();
        assert_eq!(rows, grid.rows.len());
    }
}
