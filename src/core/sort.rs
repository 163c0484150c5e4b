//! The orders providers can be listed in: Compare's `s` cycles through them and the CLI's
//! `--sort` names one, so both sort the same way.

use super::costs::{CourseShape, course_cost};
use super::provider::Provider;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// The scorer's ranking: safety flags last, then what is known for sure, then coverage.
    #[default]
    Score,
    Name,
    /// How much of the weight is answered, most first.
    Coverage,
    /// The estimated course cost, lowest first, grouped by currency (amounts in two currencies
    /// are not comparable); an unknown cost last.
    CourseCost,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [
        SortBy::Score,
        SortBy::Name,
        SortBy::Coverage,
        SortBy::CourseCost,
    ];

    /// The word that names it on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SortBy::Score => "score",
            SortBy::Name => "name",
            SortBy::Coverage => "known",
            SortBy::CourseCost => "course-cost",
        }
    }

    /// How the app says it: "% known".
    pub fn label(self) -> &'static str {
        match self {
            SortBy::Score => "score",
            SortBy::Name => "name",
            SortBy::Coverage => "% known",
            SortBy::CourseCost => "course cost",
        }
    }

    /// The next order in the cycle (after the last, the first).
    pub fn next(self) -> SortBy {
        let i = SortBy::ALL.iter().position(|s| *s == self).unwrap_or(0);
        SortBy::ALL[(i + 1) % SortBy::ALL.len()]
    }

    /// Sorts `items`, given in ranking order, by this order: each item's provider, and the
    /// coverage of its score (how much of the weight is answered). The sort is stable, so
    /// ties keep the ranking order (and `Score` leaves it as it is).
    pub fn sort<'p, T>(
        self,
        items: &mut [T],
        provider: impl Fn(&T) -> &'p Provider,
        coverage: impl Fn(&T) -> f64,
        course: &CourseShape,
    ) {
        match self {
            SortBy::Score => {}
            SortBy::Name => items.sort_by_cached_key(|item| provider(item).name.to_lowercase()),
            SortBy::Coverage => items.sort_by(|a, b| coverage(b).total_cmp(&coverage(a))),
            SortBy::CourseCost => items
                .sort_by_cached_key(|item| course_cost(&provider(item).costs, course).sort_key()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_visits_every_order_and_the_words_are_distinct() {
        let mut seen = vec![SortBy::default()];
        while seen.len() < SortBy::ALL.len() {
            seen.push(seen.last().unwrap().next());
        }
        assert_eq!(seen, SortBy::ALL);
        assert_eq!(seen.last().unwrap().next(), SortBy::Score);
        let mut names: Vec<&str> = SortBy::ALL.iter().map(|s| s.name()).collect();
        names.dedup();
        assert_eq!(names.len(), SortBy::ALL.len());
    }
}
