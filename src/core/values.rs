//! "What matters to you" (values clarification, as decision-aid standards ask): a few statements
//! a person rates from 0 (not for me) to 3 (very much), or skips. Each statement sets the
//! priority of one checklist category and points at the options-grid rows it bears on.
//!
//! The mapping, shown to the person as it is: a category's priority is the average of the
//! answers to its statements, rounded half up (an answer on the 0–3 scale *is* a priority on the
//! 0–3 scale). A category whose statements are all skipped keeps the priority it had. No category
//! has more than two statements, so every answer always moves its category.

use std::collections::BTreeMap;

use serde::Serialize;

use super::checklist::Checklist;
use super::scoring::{Priorities, Priority};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub id: &'static str,
    pub text: &'static str,
    /// The checklist category this answer sets.
    pub category: &'static str,
    /// Options-grid rows that bear on it (highlighted when it matters to the person).
    pub rows: &'static [&'static str],
}

/// The 0–3 scale in words.
pub const SCALE: [&str; 4] = ["not for me", "a little", "quite a lot", "very much"];
/// The highest answer on the scale.
pub const MAX_ANSWER: u8 = 3;

/// An answer of this much or more makes a statement "matter" (its rows are highlighted).
pub const MATTERS: u8 = 2;

pub const STATEMENTS: [Statement; 8] = [
    Statement {
        id: "therapist",
        text: "Having a therapist with me before, during and after the medicine matters to me.",
        category: "therapy",
        rows: &["therapy", "course"],
    },
    Statement {
        id: "making-sense",
        text: "I want help afterwards to make sense of what came up and use it in daily life.",
        category: "therapy",
        rows: &["therapy", "lasting"],
    },
    Statement {
        id: "watched",
        text: "I want trained staff watching my body (blood pressure, breathing) during each dose.",
        category: "medical",
        rows: &["monitoring", "risks"],
    },
    Statement {
        id: "checked-first",
        text: "I want a careful check of my health, history and medicines before any dose.",
        category: "screening",
        rows: &["not-for", "risks"],
    },
    Statement {
        id: "see-progress",
        text: "I want to see in numbers whether it is helping, not just go by a feeling.",
        category: "progress",
        rows: &["speed", "lasting"],
    },
    Statement {
        id: "strong-evidence",
        text: "I want the option with the strongest research behind it.",
        category: "progress",
        rows: &["evidence"],
    },
    Statement {
        id: "low-cost",
        text: "Keeping the cost low matters more to me than getting help fast.",
        category: "money",
        rows: &["cost", "speed"],
    },
    Statement {
        id: "few-visits",
        text: "I need few, short visits: time off, travel or a ride home are hard for me.",
        category: "aftercare",
        rows: &["course", "how"],
    },
];

pub fn statement(id: &str) -> Option<&'static Statement> {
    STATEMENTS.iter().find(|s| s.id == id)
}

pub fn statement_ids() -> Vec<&'static str> {
    STATEMENTS.iter().map(|s| s.id).collect()
}

/// The person's answers: statement id → 0..=3; a statement not listed was skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Values {
    pub answers: BTreeMap<String, u8>,
}

impl Values {
    pub fn get(&self, id: &str) -> Option<u8> {
        self.answers.get(id).copied()
    }

    /// Sets an answer (capped at 3), or skips the statement with `None`.
    pub fn set(&mut self, id: &str, answer: Option<u8>) {
        match answer {
            Some(n) => {
                self.answers.insert(id.to_string(), n.min(MAX_ANSWER));
            }
            None => {
                self.answers.remove(id);
            }
        }
    }

    /// "3 (very much)", or "skipped".
    pub fn answer_text(&self, id: &str) -> String {
        self.get(id).map_or("skipped".to_string(), |n| {
            format!("{n} ({})", SCALE[usize::from(n)])
        })
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// The priorities these answers give, starting from `base` for the categories no answer
    /// touches. Categories the checklist does not have are left alone.
    pub fn priorities(&self, checklist: &Checklist, base: &Priorities) -> Priorities {
        let mut out = base.clone();
        for category in &checklist.categories {
            let answers: Vec<u8> = STATEMENTS
                .iter()
                .filter(|s| s.category == category.id)
                .filter_map(|s| self.get(s.id))
                .collect();
            // An answer on the 0–3 scale is the priority of the same level.
            if let Some(priority) = average(&answers).and_then(|n| Priority::from_level(n.into())) {
                out.set(&category.id, priority);
            }
        }
        out
    }

    /// Option-grid rows that bear on a statement the person rated "quite a lot" or more.
    pub fn rows_that_matter(&self) -> Vec<&'static str> {
        let mut rows: Vec<&'static str> = STATEMENTS
            .iter()
            .filter(|s| self.get(s.id).is_some_and(|a| a >= MATTERS))
            .flat_map(|s| s.rows.iter().copied())
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }
}

/// The mean rounded half up, in integers: (2·sum + n) / 2n.
fn average(answers: &[u8]) -> Option<u8> {
    let n = answers.len() as u32;
    let sum: u32 = answers.iter().map(|&a| u32::from(a)).sum();
    (n > 0).then(|| ((2 * sum + n) / (2 * n)) as u8)
}

/// Parses `--set therapist=3` (or `therapist=skip`).
pub fn parse_answer(arg: &str) -> Result<(&'static Statement, Option<u8>), String> {
    let ids = statement_ids();
    let (id, value) = arg.split_once('=').ok_or_else(|| {
        format!(
            "`{arg}` should look like ID=N, e.g. therapist=3 (ids: {})",
            ids.join(", ")
        )
    })?;
    let found = statement(id.trim()).ok_or_else(|| {
        format!(
            "`{}` is not a statement; {}",
            id.trim(),
            super::diagnostics::suggestion_hint(id.trim(), &ids)
        )
    })?;
    match value.trim() {
        "skip" => Ok((found, None)),
        v => v
            .parse::<u8>()
            .ok()
            .filter(|n| *n <= MAX_ANSWER)
            .map(|n| (found, Some(n)))
            .ok_or_else(|| {
                format!(
                    "the answer `{v}` for {} should be 0, 1, 2, 3 or skip",
                    found.id
                )
            }),
    }
}

/// How the answers become priorities, in words (shown beside the statements and printed by
/// `kapguide values`).
pub const MAPPING_NOTE: &str = "Each statement sets the priority of one checklist category: your answer (0 not for me … 3 very much) becomes that category's priority (0 not important … 3 essential). Two statements on one category are averaged, rounded up at a half. A skipped statement changes nothing. You can still change any priority by hand afterwards.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_round_half_up() {
        assert_eq!(average(&[]), None);
        assert_eq!(average(&[3]), Some(3));
        assert_eq!(average(&[0, 3]), Some(2));
        assert_eq!(average(&[1, 2]), Some(2));
        assert_eq!(average(&[0, 1]), Some(1));
        assert_eq!(average(&[0, 0]), Some(0));
    }

    #[test]
    fn no_category_has_more_than_two_statements() {
        for s in STATEMENTS {
            let same = STATEMENTS
                .iter()
                .filter(|t| t.category == s.category)
                .count();
            assert!(same <= 2, "{}", s.category);
        }
        let mut ids = statement_ids();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), STATEMENTS.len());
    }
}
