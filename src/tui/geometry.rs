//! Where things go on the screen. Both drawing and `App::update` (page sizes, how many columns
//! fit) read these functions, so scrolling always agrees with what is drawn.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use super::action::View;

/// Below this the app draws only a message saying so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub struct Screen {
    pub header: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn screen(area: Rect) -> Screen {
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Screen {
        header,
        body,
        status,
        footer,
    }
}

/// Inside a one-cell border.
pub fn inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

fn split(body: Rect, left: u16) -> (Rect, Rect) {
    let [a, b] = Layout::horizontal([Constraint::Length(left), Constraint::Min(0)]).areas(body);
    (a, b)
}

/// Contents on the left, the reader on the right.
pub fn guides(body: Rect) -> (Rect, Rect) {
    split(body, (body.width / 3).clamp(22, 36))
}

/// The reader's text area: inside the border, with a column kept free for the scroll position.
pub fn reader_text(body: Rect) -> Rect {
    let text = inner(guides(body).1);
    Rect {
        width: text.width.saturating_sub(1),
        ..text
    }
}

/// Providers on the left, the checklist's questions on the right.
pub fn checklist(body: Rect) -> (Rect, Rect) {
    split(body, (body.width * 2 / 5).clamp(26, 44))
}

/// Whether the provider list fits beside the matrix.
pub fn compare_side_by_side(body: Rect) -> bool {
    body.width >= 110
}

/// Wide screens show the provider list beside the matrix; narrow ones show the focused one.
pub fn compare(body: Rect, list_focused: bool) -> (Option<Rect>, Option<Rect>) {
    if compare_side_by_side(body) {
        let (list, matrix) = split(body, 32);
        (Some(list), Some(matrix))
    } else if list_focused {
        (Some(body), None)
    } else {
        (None, Some(body))
    }
}

/// The comparison matrix inside its border.
#[derive(Clone, Copy, Debug)]
pub struct Matrix {
    pub area: Rect,
    /// The question column.
    pub label: u16,
    /// Each provider column, without the one-cell gap before it.
    pub column: u16,
    /// Provider columns that fit.
    pub fit: usize,
    /// Question rows between the head (names, markers, model, rule) and the foot (rule, score,
    /// score bar, coverage, course cost, safety and data flags).
    pub rows: usize,
}

pub const MATRIX_COLUMN: u16 = 13;
// The red-flag cell leads with its count ("⚑12 critical …"): a column always has room for the
// count and the start of what it is.
const _: () = assert!(MATRIX_COLUMN >= 8);
const MATRIX_HEAD: u16 = 4;
const MATRIX_FOOT: u16 = 7;

/// The question column is at least this wide; what the provider columns leave goes to it.
const MATRIX_LABEL: (u16, u16) = (22, 48);

pub fn matrix(area: Rect) -> Matrix {
    let area = inner(area);
    let step = MATRIX_COLUMN + 1;
    let fit = (area.width.saturating_sub(MATRIX_LABEL.0) / step).max(1);
    let label = area
        .width
        .saturating_sub(fit * step)
        .clamp(MATRIX_LABEL.0, MATRIX_LABEL.1);
    let fit = usize::from(fit);
    Matrix {
        area,
        label,
        column: MATRIX_COLUMN,
        fit,
        rows: usize::from(area.height.saturating_sub(MATRIX_HEAD + MATRIX_FOOT)),
    }
}

impl Matrix {
    pub fn head(&self) -> Rect {
        Rect {
            height: MATRIX_HEAD.min(self.area.height),
            ..self.area
        }
    }

    pub fn body(&self) -> Rect {
        Rect {
            y: self.area.y + MATRIX_HEAD,
            height: self.rows as u16,
            ..self.area
        }
    }

    pub fn foot(&self) -> Rect {
        let height = MATRIX_FOOT.min(self.area.height);
        Rect {
            y: self.area.bottom().saturating_sub(height),
            height,
            ..self.area
        }
    }
}

/// The options grid inside its border: a heading line and a rule, then rows of cells.
#[derive(Clone, Copy, Debug)]
pub struct OptionsGrid {
    pub area: Rect,
    pub plan: crate::core::export::ColumnPlan,
    /// Lines for rows under the heading.
    pub rows: usize,
    /// The most lines a cell shows in the grid (Enter shows all of it).
    pub cell_lines: usize,
}

const OPTIONS_HEAD: u16 = 2;

pub fn options_grid(body: Rect, choices: usize) -> OptionsGrid {
    let area = inner(body);
    let rows = usize::from(area.height.saturating_sub(OPTIONS_HEAD));
    OptionsGrid {
        area,
        plan: crate::core::export::column_plan(usize::from(area.width), choices),
        rows,
        // Four rows at a time (each with its rule line), never fewer than two lines a cell.
        cell_lines: (rows / 4).saturating_sub(1).clamp(2, 8),
    }
}

impl OptionsGrid {
    pub fn head(&self) -> Rect {
        Rect {
            height: OPTIONS_HEAD.min(self.area.height),
            ..self.area
        }
    }

    pub fn body(&self) -> Rect {
        Rect {
            y: self.area.y + OPTIONS_HEAD,
            height: self.rows as u16,
            ..self.area
        }
    }
}

/// A box of at most `width`×`height` in the middle of `area`.
pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}

/// Large overlays (help, crisis lines, search) take most of the screen.
pub fn big_popup(area: Rect) -> Rect {
    popup(
        area,
        area.width.saturating_sub(8).min(100),
        area.height.saturating_sub(4),
    )
}

/// Lines a page key moves: the visible height less one line of overlap.
pub fn page(height: usize) -> usize {
    height.saturating_sub(1).max(1)
}

/// The first row to draw so that `selected` sits in the middle of a list `height` rows tall.
pub fn list_offset(selected: usize, len: usize, height: usize) -> usize {
    if len <= height {
        0
    } else {
        selected.saturating_sub(height / 2).min(len - height)
    }
}

pub const TABS: [(View, &str); 4] = [
    (View::Guides, "[1] Guides"),
    (View::Checklist, "[2] Checklist"),
    (View::Compare, "[3] Compare"),
    (View::Options, "[4] Options"),
];
pub const APP_TITLE: &str = " kapguide ";

/// Where the tabs start on a header `width` columns wide: after the app's name when everything
/// fits, at the left edge otherwise (every tab stays visible at the minimum width).
pub fn tabs_start(width: u16) -> u16 {
    let tabs: usize = TABS.iter().map(|(_, l)| l.len() + 2).sum();
    if usize::from(width) >= APP_TITLE.len() + tabs {
        APP_TITLE.len() as u16
    } else {
        0
    }
}
