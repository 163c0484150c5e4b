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

#[cfg(test)]
mod tests {
    use super::super::testing::{checklist, comparison, provider};
    use super::*;

    fn tally(answers: &str) -> Tally {
        let checklist = checklist();
        let providers = [provider(&checklist, "p", "P", answers)];
        comparison(&checklist, &providers).columns[0].1.total
    }

    #[test]
    fn the_parts_always_fill_the_width() {
        for answers in [
            "",
            "[answers]\nvitals = \"yes\"\nplan = \"yes\"\n",
            "[answers]\nvitals = \"no\"\nplan = \"partial\"\n",
            "[answers]\nvitals = \"yes\"\n",
        ] {
            let tally = tally(answers);
            for width in [0, 1, 7, 10, 33] {
                let (solid, shaded, empty) = bar_parts(&tally, width);
                assert_eq!(solid + shaded + empty, width, "{answers:?} at {width}");
            }
        }
    }

    #[test]
    fn known_yes_is_solid_unknown_is_shaded_and_no_is_empty() {
        assert_eq!(
            bar_parts(&tally("[answers]\nvitals = \"yes\"\nplan = \"yes\"\n"), 10),
            (10, 0, 0)
        );
        assert_eq!(bar_parts(&tally(""), 10), (0, 10, 0));
        assert_eq!(
            bar_parts(&tally("[answers]\nvitals = \"no\"\nplan = \"no\"\n"), 10),
            (0, 0, 10)
        );
        // vitals (3 of 5) yes, plan (2 of 5) unknown.
        assert_eq!(
            bar_parts(&tally("[answers]\nvitals = \"yes\"\n"), 10),
            (6, 4, 0)
        );
    }

    #[test]
    fn the_bar_has_its_ends_and_an_ascii_form() {
        let half = tally("[answers]\nvitals = \"yes\"\n");
        assert_eq!(score_bar(&half, 5, false), "▕███▒▒▏");
        assert_eq!(score_bar(&half, 5, true), "[###++]");
        assert_eq!(score_bar(&half, 0, true), "[]");
    }
}
