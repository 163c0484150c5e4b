//! The Options view: the options grid with a cell cursor. Columns scroll sideways when they do
//! not all fit; rows scroll so the cursor stays in view; Enter opens the cell's full text.

use super::super::action::Action;
use super::super::geometry::{self, OptionsGrid as Geometry};
use super::{App, Overlay, step};
use crate::core::export::wrap;
use crate::core::options::{GridRow, OptionsGrid};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OptionsView {
    pub row: usize,
    pub col: usize,
    /// The first option column shown.
    pub first_col: usize,
    /// The first row shown.
    pub top: usize,
}

/// A row's title as the grid shows it: starred when it bears on something the person said
/// matters to them.
pub fn row_label(row: &GridRow, matters: &[&str]) -> String {
    if matters.contains(&row.id.as_str()) {
        format!("{MATTERS_MARK} {}", row.title)
    } else {
        row.title.clone()
    }
}

/// Marks what matters most to the person (folded to `*` under --ascii).
pub const MATTERS_MARK: &str = "★";

/// How many lines each row takes in `g`, with the columns from `first` (each cell capped at
/// `g.cell_lines`, the rest shown in full with Enter).
pub fn row_heights(grid: &OptionsGrid, g: &Geometry, first: usize, matters: &[&str]) -> Vec<usize> {
    let last = (first + g.plan.visible).min(grid.choices.len());
    grid.rows
        .iter()
        .map(|row| {
            let title = wrap(&row_label(row, matters), g.plan.label.saturating_sub(2)).len();
            let cells = row.cells[first..last]
                .iter()
                .map(|c| wrap(&c.text, g.plan.column).len())
                .max()
                .unwrap_or(1);
            title.max(cells).clamp(1, g.cell_lines) + 1
        })
        .collect()
}

/// The rows that fit from `top`, given each row's height and `height` lines.
pub fn rows_that_fit(heights: &[usize], top: usize, height: usize) -> usize {
    let mut used = 0;
    let mut count = 0;
    for h in heights.iter().skip(top) {
        if count > 0 && used + h > height {
            break;
        }
        used += h;
        count += 1;
    }
    count
}

impl App {
    pub(crate) fn options_geometry(&self) -> Geometry {
        geometry::options_grid(self.body(), self.lib.options.choices.len())
    }

    pub(crate) fn options_action(&mut self, action: &Action) {
        let grid = &self.lib.options;
        if grid.is_empty() {
            return;
        }
        let g = self.options_geometry();
        let o = &mut self.options;
        match action {
            Action::Left => o.col = o.col.saturating_sub(1),
            Action::Right => o.col = (o.col + 1).min(grid.choices.len() - 1),
            Action::Open => {
                self.overlays.push(Overlay::OptionCell { scroll: 0 });
                return;
            }
            action => {
                let matters = self.config.values.rows_that_matter();
                let heights = row_heights(grid, &g, o.first_col, &matters);
                let rows = rows_that_fit(&heights, o.top, g.rows);
                if let Some(next) = step(action, o.row, grid.rows.len(), rows) {
                    o.row = next;
                }
            }
        }
        self.keep_option_cell_visible();
    }

    /// Scrolls columns and rows so the cursor shows (also after a resize).
    pub(crate) fn keep_option_cell_visible(&mut self) {
        let grid = &self.lib.options;
        let g = self.options_geometry();
        let o = &mut self.options;
        let fit = g.plan.visible;
        if o.col < o.first_col {
            o.first_col = o.col;
        } else if o.col >= o.first_col + fit {
            o.first_col = o.col + 1 - fit;
        }
        o.first_col = o.first_col.min(grid.choices.len().saturating_sub(fit));
        let heights = row_heights(
            grid,
            &g,
            o.first_col,
            &self.config.values.rows_that_matter(),
        );
        if o.row < o.top {
            o.top = o.row;
        }
        while o.top < o.row && rows_that_fit(&heights, o.top, g.rows) <= o.row - o.top {
            o.top += 1;
        }
    }
}
