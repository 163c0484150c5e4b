//! Values clarification: every combination of answers maps to priorities between the answers
//! given, and every statement always moves at least one priority, whatever the other answers are.

use kapguide::core::checklist::Checklist;
use kapguide::core::scoring::{Priorities, Priority};
use kapguide::core::values::{MAX_ANSWER, STATEMENTS, Values};
use kapguide::io::loader::{LoadOptions, load};
use proptest::prelude::*;

/// The bundled checklist, loaded once for every case.
fn checklist() -> &'static Checklist {
    static CHECKLIST: std::sync::OnceLock<Checklist> = std::sync::OnceLock::new();
    CHECKLIST.get_or_init(|| load(&LoadOptions::default()).checklist)
}

/// An answer per statement: skipped, or 0..=3.
fn answers() -> impl Strategy<Value = Vec<Option<u8>>> {
    prop::collection::vec(prop::option::of(0..=MAX_ANSWER), STATEMENTS.len())
}

fn base() -> impl Strategy<Value = Vec<Priority>> {
    prop::collection::vec(prop::sample::select(Priority::ALL.to_vec()), 8)
}

fn values(answers: &[Option<u8>]) -> Values {
    let mut values = Values::default();
    for (statement, answer) in STATEMENTS.iter().zip(answers) {
        values.set(statement.id, *answer);
    }
    values
}

proptest! {
    #[test]
    fn answers_map_to_priorities_between_the_answers(answers in answers(), base in base()) {
        let checklist = checklist();
        let mut start = Priorities::default();
        for (category, p) in checklist.categories.iter().zip(&base) {
            start.set(&category.id, *p);
        }
        let priorities = values(&answers).priorities(checklist, &start);
        for category in &checklist.categories {
            let given: Vec<u8> = STATEMENTS
                .iter()
                .zip(&answers)
                .filter(|(s, _)| s.category == category.id)
                .filter_map(|(_, a)| *a)
                .collect();
            let level = priorities.get(&category.id).level();
            if let (Some(&low), Some(&high)) = (given.iter().min(), given.iter().max()) { prop_assert!((low..=high).contains(&level)) } else { prop_assert_eq!(priorities.get(&category.id), start.get(&category.id)) }
        }
    }

    #[test]
    fn every_statement_changes_a_priority(answers in answers(), which in 0..STATEMENTS.len()) {
        let checklist = checklist();
        let mut low = answers.clone();
        low[which] = Some(0);
        let mut high = answers;
        high[which] = Some(MAX_ANSWER);
        let base = Priorities::default();
        prop_assert_ne!(
            values(&low).priorities(checklist, &base),
            values(&high).priorities(checklist, &base),
            "statement {} moved nothing", STATEMENTS[which].id
        );
    }
}

#[test]
fn statements_point_at_real_categories_and_option_rows() {
    let lib = load(&LoadOptions::default());
    for statement in STATEMENTS {
        assert!(
            lib.checklist.category_index(statement.category).is_some(),
            "{}: no category {}",
            statement.id,
            statement.category
        );
        for row in statement.rows {
            assert!(
                lib.options.row(row).is_some(),
                "{}: no row {row}",
                statement.id
            );
        }
    }
}

/// The cost statement sets "Money beyond the price", and nothing about progress or aftercare.
#[test]
fn the_cost_statement_sets_the_money_category() {
    let checklist = checklist();
    let mut answers = vec![None; STATEMENTS.len()];
    let which = STATEMENTS.iter().position(|s| s.id == "low-cost").unwrap();
    answers[which] = Some(MAX_ANSWER);
    let base = Priorities::default();
    let priorities = values(&answers).priorities(checklist, &base);
    let changed: Vec<&str> = checklist
        .categories
        .iter()
        .filter(|c| priorities.get(&c.id) != base.get(&c.id))
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(changed, ["Money beyond the price"]);
}
