//! A score range as a bar: solid for the low end (what is known for sure), shaded for what the
//! unknowns could add, light for the rest: `▕███▒▒▒░░░▏`.

use crate::core::scoring::Tally;

/// The bar's three parts in cells of `width`: (solid, shaded, empty).
pub fn bar_parts(tally: &Tally, width: usize) -> (usize, usize, usize) {
    let cells = |percent: f64| ((percent / 100.0) * width as f64).round() as usize;
    let solid = cells(tally.low()).min(width);
    let shaded = cells(tally.high()).min(width).saturating_sub(solid);
    (solid, shaded, width - solid - shaded)
}

/// `▕███▒▒▒░░░▏`, or `[###+++...]` in ASCII.
pub fn score_bar(tally: &Tally, width: usize, ascii: bool) -> String {
    let (solid, shaded, empty) = bar_parts(tally, width);
    let [open, full, part, none, close] = if ascii {
        ["[", "#", "+", ".", "]"]
    } else {
        ["▕", "█", "▒", "░", "▏"]
    };
    format!(
        "{open}{}{}{}{close}",
        full.repeat(solid),
        part.repeat(shaded),
        none.repeat(empty)
    )
}
