//! What must hold of the app's state after any key: every selection within what it selects
//! from, and every scroll offset at or before its selection. The random-key tests check these
//! after each key, so a key that leaves a cursor dangling is caught where it happens, not
//! frames later when something indexes with it.

use super::{App, FOOT_ROWS, Overlay, Screen};
use crate::core::costs::SessionKind;
use crate::core::filter::Criterion;
use crate::core::readiness::QUESTIONS;
use crate::core::values::STATEMENTS;

/// `index` selects from `len` items: below `len`, or 0 when there are none.
fn within(broken: &mut Vec<String>, what: &str, index: usize, len: usize) {
    if index >= len.max(1) {
        broken.push(format!("{what} {index} is out of 0..{len}"));
    }
}

impl App {
    /// Each invariant the state breaks, in words; empty when all hold.
    pub fn broken_invariants(&self) -> Vec<String> {
        let mut broken = Vec::new();
        let b = &mut broken;
        let questions = self.lib.checklist.questions.len();
        let providers = self.lib.providers.len();

        let c = &self.compare;
        within(b, "compare list row", c.listed, c.order.len());
        // A question, or one of the foot's rows after the last question.
        within(b, "compare row", c.row, questions + FOOT_ROWS);
        within(b, "compare column", c.col, c.columns.len());
        if c.col_offset > c.col {
            b.push(format!(
                "compare column offset {} is after column {}",
                c.col_offset, c.col
            ));
        }
        if let Some(i) = c.order.iter().find(|&&i| i >= providers) {
            b.push(format!("compare lists provider {i} of {providers}"));
        }
        if let Some(i) = c.columns.iter().find(|i| !c.order.contains(i)) {
            b.push(format!("compare column {i} is not in the list"));
        }

        let k = &self.checklist;
        within(
            b,
            "picker row",
            k.picked,
            1 + k.drafts.len() + k.by_name.len(),
        );
        within(b, "checklist question", k.question, questions);
        match &k.screen {
            Screen::Walk(walk) if walk.index > questions => {
                b.push(format!("walk at question {} of {questions}", walk.index));
            }
            Screen::Prepare(prepare) => {
                within(b, "prepare item", prepare.selected, prepare.items.len());
            }
            _ => {}
        }

        let g = &self.guides;
        within(b, "guide in the contents", g.selected, g.toc.len());
        within(b, "guide read", g.current, self.lib.guides.len());
        if let Some(link) = g.link {
            within(b, "guide link", link, g.layout.links.len());
        }

        let o = &self.options;
        within(b, "options row", o.row, self.lib.options.rows.len());
        within(b, "options column", o.col, self.lib.options.choices.len());
        if o.first_col > o.col || o.top > o.row {
            b.push(format!(
                "options scrolled to row {} column {} past the cell at row {} column {}",
                o.top, o.first_col, o.row, o.col
            ));
        }

        let s = &self.search;
        within(b, "search result", s.selected, s.hits.len());
        if let Some(current) = s.current {
            within(b, "search result jumped to", current, s.hits.len());
        }

        for overlay in &self.overlays {
            match overlay {
                Overlay::Course { selected, .. } => {
                    within(b, "course row", *selected, SessionKind::ALL.len());
                }
                Overlay::Priorities { selected, .. } => {
                    let categories = self.lib.checklist.categories.len();
                    within(b, "priority row", *selected, categories);
                }
                Overlay::Values { selected, .. } => {
                    within(b, "values statement", *selected, STATEMENTS.len());
                }
                Overlay::Readiness { selected, .. } => {
                    within(b, "readiness question", *selected, QUESTIONS.len());
                }
                Overlay::Filters(panel) => {
                    within(b, "filter row", panel.row, Criterion::ALL.len());
                }
                _ => {}
            }
        }
        broken
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::loader::LoadOptions;
    use crate::io::session::Context;
    use crate::tui::{Startup, Theme};

    fn app(home: &std::path::Path) -> App {
        let options = LoadOptions {
            user_providers_dir: Some(home.join("providers")),
            ..LoadOptions::default()
        };
        let context = Context::load(options, Some(&home.join("config.toml")), &[], false)
            .expect("no overrides to refuse");
        App::new(
            context,
            Startup {
                first_run: false,
                drafts: Vec::new(),
                draft_problems: Vec::new(),
                theme: Theme::mono(false),
                size: (120, 40),
            },
        )
    }

    /// A fresh app keeps every invariant; each one broken on purpose is named, so the random
    /// key tests that rely on this check could fail.
    #[test]
    fn a_fresh_app_keeps_them_and_a_broken_one_is_named() {
        let home = tempfile::tempdir().unwrap();
        let mut app = app(home.path());
        assert_eq!(app.broken_invariants(), Vec::<String>::new());
        app.compare.row = app.lib.checklist.questions.len() + FOOT_ROWS;
        app.compare.col_offset = app.compare.col + 1;
        app.options.top = app.options.row + 1;
        app.overlays.push(Overlay::Course {
            selected: SessionKind::ALL.len(),
            opened: crate::core::costs::CourseShape::default(),
        });
        let broken = app.broken_invariants();
        assert_eq!(broken.len(), 4, "{broken:?}");
        for named in [
            "compare row",
            "compare column offset",
            "options scrolled",
            "course row",
        ] {
            assert!(
                broken.iter().any(|b| b.starts_with(named)),
                "{named}: {broken:?}"
            );
        }
    }
}
