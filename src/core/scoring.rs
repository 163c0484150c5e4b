//! Honest, explainable scores. A score is a *range*: the low end counts every unknown as "no",
//! the high end counts it as "yes", so "we don't know" is never mistaken for "no". Coverage is
//! the share of the weight that is actually answered. Red flags never depend on priorities.
//!
//! Arithmetic is in integer half-points (yes 2, partial 1, no 0), so a score never depends on the
//! order questions or files come in.

use std::collections::BTreeMap;

use serde::Serialize;

use super::checklist::{Checklist, Question};
use super::date::Date;
use super::id::{CategoryId, QuestionId};
use super::provider::{Answer, AnswerValue, Provider, Verdict};

/// How much a category matters to this user. Its level (0–3, as written in the config's
/// `[priorities]`) multiplies the weight of the category's questions: "not important" takes
/// them out of the score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    NotImportant,
    Somewhat,
    #[default]
    Important,
    Essential,
}

impl Priority {
    /// Lowest to highest; a priority's index here is its level.
    pub const ALL: [Priority; 4] = [
        Priority::NotImportant,
        Priority::Somewhat,
        Priority::Important,
        Priority::Essential,
    ];

    /// 0 (not important) … 3 (essential).
    pub fn level(self) -> u8 {
        self as u8
    }

    /// The priority of a level, if it is one (0–3).
    pub fn from_level(level: i64) -> Option<Priority> {
        usize::try_from(level)
            .ok()
            .and_then(|i| Priority::ALL.get(i))
            .copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            Priority::NotImportant => "not important",
            Priority::Somewhat => "somewhat important",
            Priority::Important => "important",
            Priority::Essential => "essential",
        }
    }

    /// One level up, staying at essential.
    pub fn raised(self) -> Priority {
        Priority::from_level(i64::from(self.level()) + 1).unwrap_or(Priority::Essential)
    }

    /// One level down, staying at not important.
    pub fn lowered(self) -> Priority {
        Priority::from_level(i64::from(self.level()) - 1).unwrap_or(Priority::NotImportant)
    }
}

/// The level, as the config file and exports write it.
impl std::fmt::Display for Priority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.level())
    }
}

impl Serialize for Priority {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.level())
    }
}
/// A profile not checked for longer than this is stale.
pub const STALE_AFTER_DAYS: i64 = 365;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Priorities {
    /// A category not listed has the default.
    pub by_category: BTreeMap<CategoryId, Priority>,
}

impl Priorities {
    pub fn get(&self, category_id: &str) -> Priority {
        self.by_category
            .get(category_id)
            .copied()
            .unwrap_or_default()
    }

    pub fn set(&mut self, category_id: &CategoryId, value: Priority) {
        self.by_category.insert(category_id.clone(), value);
    }
}

/// The two kinds of flag. Both are always shown, whatever the priorities; only safety flags
/// move a provider down the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// Something unsafe is on record: a critical question answered "no", a failed licence check.
    Safety,
    /// Something about the record itself needs checking: stale, undated, unsourced, unverified.
    Data,
}

impl FlagKind {
    pub fn label(self) -> &'static str {
        match self {
            FlagKind::Safety => "safety",
            FlagKind::Data => "data",
        }
    }
}

/// A flag on a provider (the name is historical: a data flag is not a warning about care).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RedFlag {
    /// A critical question answered "no".
    CriticalNo { question: QuestionId },
    /// A clinician's licence was checked and not found, or found expired.
    LicenceFailed { clinician: String, result: Verdict },
    /// A clinician's licence is active, with discipline on the board's record.
    LicenceDiscipline { clinician: String },
    /// A clinician is listed without a licence check on record.
    LicenceUnchecked { clinician: String },
    /// Not verified for more than a year.
    Stale { last_verified: Date, days: i64 },
    /// A source exists but says nothing of when it was checked.
    Undated,
    /// Nothing says where the profile's facts come from.
    NoSource,
}

impl RedFlag {
    pub fn flag_kind(&self) -> FlagKind {
        match self {
            RedFlag::CriticalNo { .. } | RedFlag::LicenceFailed { .. } => FlagKind::Safety,
            _ => FlagKind::Data,
        }
    }

    pub fn describe(&self, checklist: &Checklist) -> String {
        match self {
            RedFlag::CriticalNo { question } => {
                let text = checklist
                    .question(question)
                    .map_or(question.as_str(), |q| q.question.as_str());
                format!("answered \"no\" to a critical safety question: {text}")
            }
            RedFlag::LicenceFailed { clinician, result } => format!(
                "licence check for {clinician}: {} on the board's lookup",
                result.label()
            ),
            RedFlag::LicenceDiscipline { clinician } => format!(
                "licence check for {clinician}: active, with discipline on record; read the board's record"
            ),
            RedFlag::LicenceUnchecked { clinician } => {
                format!("the licence of {clinician} has not been checked with the board")
            }
            RedFlag::Stale {
                last_verified,
                days,
            } => {
                format!("stale: last verified {last_verified}, {days} days ago (over a year)")
            }
            RedFlag::Undated => "the profile's source has no last_verified date".into(),
            RedFlag::NoSource => {
                "no source: nothing says where this profile's facts come from".into()
            }
        }
    }

    /// A short label for narrow places (table foot, matrix).
    pub fn short(&self) -> &'static str {
        match self {
            RedFlag::CriticalNo { .. } => "critical no",
            RedFlag::LicenceFailed { .. } => "licence failed",
            RedFlag::LicenceDiscipline { .. } => "discipline",
            RedFlag::LicenceUnchecked { .. } => "licence unchecked",
            RedFlag::Stale { .. } => "stale",
            RedFlag::Undated => "undated",
            RedFlag::NoSource => "no source",
        }
    }
}

/// One question's part in a score; `Score::questions[i]` belongs to `checklist.questions[i]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuestionScore {
    pub category: usize,
    /// The answer as counted: `Na` also when the question's routes are not offered.
    pub value: AnswerValue,
    /// True when `Na` comes from `applies_to`, not from the profile.
    pub route_not_offered: bool,
    /// Question weight × category priority.
    pub weight: u32,
}

impl QuestionScore {
    fn counts(&self) -> bool {
        self.value != AnswerValue::Na && self.weight > 0
    }

    /// Points in half-units: (low, high). Unknown spans the whole weight.
    fn points(&self) -> (u32, u32) {
        let w = self.weight;
        match self.value {
            AnswerValue::Yes => (2 * w, 2 * w),
            AnswerValue::Partial => (w, w),
            AnswerValue::No | AnswerValue::Na => (0, 0),
            AnswerValue::Unknown => (0, 2 * w),
        }
    }
}

/// Sums of weights and points in half-units, for a category or a whole provider.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub applicable_weight: u32,
    pub answered_weight: u32,
    low_points: u32,
    high_points: u32,
}

impl Tally {
    fn add(&mut self, q: &QuestionScore) {
        if !q.counts() {
            return;
        }
        let (low, high) = q.points();
        self.applicable_weight += q.weight;
        if q.value != AnswerValue::Unknown {
            self.answered_weight += q.weight;
        }
        self.low_points += low;
        self.high_points += high;
    }

    /// 0–100. With nothing applicable the range is the whole 0–100: nothing is known.
    pub fn low(&self) -> f64 {
        self.percent(self.low_points, 0.0)
    }

    pub fn high(&self) -> f64 {
        self.percent(self.high_points, 100.0)
    }

    fn percent(&self, points: u32, empty: f64) -> f64 {
        if self.applicable_weight == 0 {
            empty
        } else {
            f64::from(points) * 50.0 / f64::from(self.applicable_weight)
        }
    }

    /// Share of applicable weight that is answered, 0–1.
    pub fn coverage(&self) -> f64 {
        if self.applicable_weight == 0 {
            0.0
        } else {
            f64::from(self.answered_weight) / f64::from(self.applicable_weight)
        }
    }

    /// Points earned (yes = the question's weight, partial = half): at the low end, and with
    /// every unknown counted as yes.
    pub fn points(&self) -> (f64, f64) {
        (
            f64::from(self.low_points) / 2.0,
            f64::from(self.high_points) / 2.0,
        )
    }

    /// Whether any question carries weight (not all n/a, not every priority 0).
    pub fn is_scored(&self) -> bool {
        self.applicable_weight > 0
    }

    /// "62–88" with whole numbers; "not scored" when no question carries weight, which must not
    /// read as "nothing is known".
    pub fn range_text(&self) -> String {
        if !self.is_scored() {
            return "not scored".into();
        }
        format!("{:.0}–{:.0}", self.low(), self.high())
    }

    /// "40% known", or "no question weighted".
    pub fn coverage_text(&self) -> String {
        if !self.is_scored() {
            return "no question weighted".into();
        }
        format!("{:.0}% known", self.coverage() * 100.0)
    }

    /// "40%" for narrow places; "–" when nothing is weighted.
    pub fn coverage_percent(&self) -> String {
        if !self.is_scored() {
            return "–".into();
        }
        format!("{:.0}%", self.coverage() * 100.0)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    pub total: Tally,
    /// One per checklist category, in checklist order.
    pub categories: Vec<Tally>,
    /// One per checklist question, in checklist order.
    pub questions: Vec<QuestionScore>,
    pub red_flags: Vec<RedFlag>,
}

impl Score {
    /// The flags of one kind, in the order found.
    pub fn flags_of(&self, kind: FlagKind) -> impl Iterator<Item = &RedFlag> {
        self.red_flags.iter().filter(move |f| f.flag_kind() == kind)
    }

    pub fn has_safety_flag(&self) -> bool {
        self.flags_of(FlagKind::Safety).next().is_some()
    }

    pub fn summary(&self) -> String {
        format!(
            "{}, {}",
            self.total.range_text(),
            self.total.coverage_text()
        )
    }
}

/// Whether a question applies, given the routes a provider offers. A profile that lists no
/// routes does not say which it offers, so every question still applies (unknown is not "no").
pub fn applies(question: &Question, provider: &Provider) -> bool {
    question.applies_to.is_empty()
        || provider.routes.is_empty()
        || question
            .applies_to
            .iter()
            .any(|r| provider.routes.contains(r))
}

/// One provider's answer to one question, in checklist order: the value and whether the
/// question's routes are not offered (then it counts as n/a).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub value: AnswerValue,
    pub route_not_offered: bool,
}

/// Finds answers by question id by walking two sorted id lists side by side.
pub(crate) struct QuestionIndex<'c> {
    checklist: &'c Checklist,
    /// (question id, question index), sorted by id like a provider's answers.
    by_id: Vec<(&'c str, usize)>,
}

impl<'c> QuestionIndex<'c> {
    pub(crate) fn new(checklist: &'c Checklist) -> Self {
        let mut by_id: Vec<(&str, usize)> = checklist
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        by_id.sort_unstable();
        QuestionIndex { checklist, by_id }
    }

    /// The provider's answer to each question, by question index (`None`: unknown), in one
    /// pass instead of a search per question.
    pub(crate) fn answers<'p>(&self, provider: &'p Provider) -> Vec<Option<&'p Answer>> {
        let mut found = vec![None; self.checklist.questions.len()];
        let mut answers = provider.answers.iter().peekable();
        for (id, index) in &self.by_id {
            while answers.next_if(|(key, _)| key.as_str() < *id).is_some() {}
            if let Some((_, answer)) = answers.next_if(|(key, _)| key.as_str() == *id) {
                found[*index] = Some(answer);
            }
        }
        found
    }

    /// The provider's answers in checklist order (missing ones unknown).
    fn resolve(&self, provider: &Provider, out: &mut Vec<Cell>) {
        let questions = self.checklist.questions.iter();
        out.extend(
            questions
                .zip(self.answers(provider))
                .map(|(q, answer)| Cell {
                    value: answer.map_or(AnswerValue::Unknown, |a| a.value),
                    route_not_offered: !applies(q, provider),
                }),
        );
    }
}

/// Every provider's answers resolved to checklist order once (at load, or when a profile
/// changes), so re-scoring everyone after a priority change touches no strings at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerMatrix {
    width: usize,
    cells: Vec<Cell>,
}

impl AnswerMatrix {
    pub fn new<'p>(
        providers: impl IntoIterator<Item = &'p Provider>,
        checklist: &Checklist,
    ) -> Self {
        let index = QuestionIndex::new(checklist);
        let mut cells = Vec::new();
        for provider in providers {
            index.resolve(provider, &mut cells);
        }
        AnswerMatrix {
            width: checklist.questions.len(),
            cells,
        }
    }

    /// The cells of the provider at `row` (in the order the providers were given).
    pub fn row(&self, row: usize) -> &[Cell] {
        &self.cells[row * self.width..(row + 1) * self.width]
    }
}

/// Scores providers against one checklist and set of priorities; the per-question weights are
/// worked out once.
pub struct Scorer<'c> {
    index: QuestionIndex<'c>,
    /// Per question: its weight × its category's priority.
    weights: Vec<u32>,
    today: Date,
}

impl<'c> Scorer<'c> {
    pub fn new(checklist: &'c Checklist, priorities: &Priorities, today: Date) -> Self {
        let weights = checklist
            .questions
            .iter()
            .map(|q| {
                let priority = priorities.get(&checklist.categories[q.category].id);
                u32::from(q.weight) * u32::from(priority.level())
            })
            .collect();
        Scorer {
            index: QuestionIndex::new(checklist),
            weights,
            today,
        }
    }

    pub fn score(&self, provider: &Provider) -> Score {
        let mut cells = Vec::with_capacity(self.weights.len());
        self.index.resolve(provider, &mut cells);
        self.score_cells(provider, &cells)
    }

    /// Scores a provider whose answers are already resolved (a row of an [`AnswerMatrix`]).
    pub fn score_cells(&self, provider: &Provider, cells: &[Cell]) -> Score {
        let checklist = self.index.checklist;
        let mut categories = vec![Tally::default(); checklist.categories.len()];
        let mut total = Tally::default();
        let mut questions = Vec::with_capacity(cells.len());
        let mut red_flags = Vec::new();
        for ((question, cell), weight) in checklist.questions.iter().zip(cells).zip(&self.weights) {
            let value = if cell.route_not_offered {
                AnswerValue::Na
            } else {
                cell.value
            };
            let entry = QuestionScore {
                category: question.category,
                value,
                route_not_offered: cell.route_not_offered,
                weight: *weight,
            };
            categories[question.category].add(&entry);
            total.add(&entry);
            if question.critical && value == AnswerValue::No {
                red_flags.push(RedFlag::CriticalNo {
                    question: question.id.clone(),
                });
            }
            questions.push(entry);
        }
        for clinician in &provider.clinicians {
            let name = clinician.name.clone();
            match clinician.verification.as_ref().map(|v| v.result) {
                Some(result @ (Verdict::NotFound | Verdict::Expired)) => {
                    red_flags.push(RedFlag::LicenceFailed {
                        clinician: name,
                        result,
                    });
                }
                Some(Verdict::ActiveWithDiscipline) => {
                    red_flags.push(RedFlag::LicenceDiscipline { clinician: name });
                }
                Some(Verdict::Unchecked) | None => {
                    red_flags.push(RedFlag::LicenceUnchecked { clinician: name });
                }
                Some(Verdict::Active) => {}
            }
        }
        match &provider.source {
            None => red_flags.push(RedFlag::NoSource),
            Some(source) => match source.last_verified {
                None => red_flags.push(RedFlag::Undated),
                Some(date) if date.days_until(self.today) > STALE_AFTER_DAYS => {
                    let days = date.days_until(self.today);
                    red_flags.push(RedFlag::Stale {
                        last_verified: date,
                        days,
                    });
                }
                Some(_) => {}
            },
        }
        Score {
            total,
            categories,
            questions,
            red_flags,
        }
    }
}

/// Scores one provider (for many, build a [`Scorer`] once).
pub fn score(
    provider: &Provider,
    checklist: &Checklist,
    priorities: &Priorities,
    today: Date,
) -> Score {
    Scorer::new(checklist, priorities, today).score(provider)
}

/// Compares n1/d1 with n2/d2 exactly; an empty denominator counts as 0.
fn fraction_cmp((n1, d1): (u32, u32), (n2, d2): (u32, u32)) -> std::cmp::Ordering {
    let (n1, d1, n2, d2) = (
        u64::from(n1),
        u64::from(d1.max(1)),
        u64::from(n2),
        u64::from(d2.max(1)),
    );
    (n1 * d2).cmp(&(n2 * d1))
}

/// Providers with their scores, best first: those with no safety flag before those with one,
/// then by the low end (what is known for sure), coverage and name. Data flags do not reorder.
/// Nobody is left out and nobody is paid to be first.
pub fn rank<'p>(
    providers: impl IntoIterator<Item = &'p Provider>,
    checklist: &Checklist,
    priorities: &Priorities,
    today: Date,
) -> Vec<(&'p Provider, Score)> {
    let scorer = Scorer::new(checklist, priorities, today);
    let mut ranked: Vec<(&Provider, Score)> = providers
        .into_iter()
        .map(|p| (p, scorer.score(p)))
        .collect();
    ranked.sort_by(|(pa, a), (pb, b)| rank_cmp((pa, a), (pb, b)));
    ranked
}

/// The ranking order of two scored providers (`Less`: `a` comes first), for callers that keep
/// scores of their own, such as the TUI after re-scoring from an [`AnswerMatrix`].
pub fn rank_cmp((pa, a): (&Provider, &Score), (pb, b): (&Provider, &Score)) -> std::cmp::Ordering {
    // Fractions compared exactly (cross-multiplied), higher first.
    let by_low = fraction_cmp(
        (b.total.low_points, 2 * b.total.applicable_weight),
        (a.total.low_points, 2 * a.total.applicable_weight),
    );
    let by_coverage = fraction_cmp(
        (b.total.answered_weight, b.total.applicable_weight),
        (a.total.answered_weight, a.total.applicable_weight),
    );
    a.has_safety_flag()
        .cmp(&b.has_safety_flag())
        .then(by_low)
        .then(by_coverage)
        .then_with(|| pa.name.to_lowercase().cmp(&pb.name.to_lowercase()))
        .then_with(|| pa.id.cmp(&pb.id))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const CHECKLIST: &str = "[[category]]\nid = \"medical\"\ntitle = \"M\"\n[[question]]\nid = \"vitals\"\ncategory = \"medical\"\nquestion = \"Q?\"\nwhy = \"W\"\nweight = 3\ncritical = true\n[[question]]\nid = \"plan\"\ncategory = \"medical\"\nquestion = \"Q?\"\nwhy = \"W\"\nweight = 3\n";

    fn provider(id: &str, extra: &str) -> Provider {
        let checklist = Checklist::parse(Path::new("c.toml"), CHECKLIST).0.unwrap();
        let text = format!(
            "name = \"{id}\"\nkind = \"kap-practice\"\n[source]\nkind = \"consultation\"\nlast_verified = 2026-11-01\n{extra}"
        );
        let (p, problems) = Provider::parse(Path::new(&format!("{id}.toml")), &text, &checklist);
        assert!(problems.is_empty(), "{problems:?}");
        p.unwrap()
    }

    #[test]
    fn priority_levels_are_the_config_numbers() {
        let levels: Vec<u8> = Priority::ALL.iter().map(|p| p.level()).collect();
        assert_eq!(levels, [0, 1, 2, 3]);
        for p in Priority::ALL {
            assert_eq!(Priority::from_level(i64::from(p.level())), Some(p));
            assert_eq!(p.to_string(), p.level().to_string());
            assert_eq!(serde_json::to_string(&p).unwrap(), p.level().to_string());
        }
        assert_eq!(Priority::from_level(-1), None);
        assert_eq!(Priority::from_level(4), None);
        assert_eq!(Priority::default(), Priority::Important);
        assert_eq!(Priority::Essential.label(), "essential");
        assert_eq!(Priority::NotImportant.label(), "not important");
    }

    #[test]
    fn raising_and_lowering_stop_at_the_ends() {
        assert_eq!(Priority::Important.raised(), Priority::Essential);
        assert_eq!(Priority::Essential.raised(), Priority::Essential);
        assert_eq!(Priority::Somewhat.lowered(), Priority::NotImportant);
        assert_eq!(Priority::NotImportant.lowered(), Priority::NotImportant);
    }

    fn today() -> Date {
        Date::parse("2026-11-25").unwrap()
    }

    fn flags(p: &Provider) -> Vec<(FlagKind, &'static str)> {
        let checklist = Checklist::parse(Path::new("c.toml"), CHECKLIST).0.unwrap();
        score(p, &checklist, &Priorities::default(), today())
            .red_flags
            .iter()
            .map(|f| (f.flag_kind(), f.short()))
            .collect()
    }

    fn clinician(result: &str) -> String {
        format!(
            "[[clinicians]]\nname = \"Ada\"\nrole = \"nurse\"\nverification = {{ date = 2026-11-01, result = \"{result}\" }}\n"
        )
    }

    #[test]
    fn a_critical_no_and_a_failed_licence_are_safety_flags_the_rest_data_flags() {
        assert_eq!(
            flags(&provider(
                "a",
                "[answers]\nvitals = \"no\"\nplan = \"no\"\n"
            )),
            [(FlagKind::Safety, "critical no")]
        );
        for (result, kind, short) in [
            ("not-found", FlagKind::Safety, "licence failed"),
            ("expired", FlagKind::Safety, "licence failed"),
            ("active-with-discipline", FlagKind::Data, "discipline"),
            ("unchecked", FlagKind::Data, "licence unchecked"),
        ] {
            assert_eq!(
                flags(&provider("a", &clinician(result))),
                [(kind, short)],
                "{result}"
            );
        }
        assert!(flags(&provider("a", &clinician("active"))).is_empty());
        let unrecorded = "[[clinicians]]\nname = \"Ada\"\nrole = \"nurse\"\n";
        assert_eq!(
            flags(&provider("a", unrecorded)),
            [(FlagKind::Data, "licence unchecked")]
        );
    }

    #[test]
    fn safety_flags_rank_below_everyone_and_data_flags_do_not_reorder() {
        let checklist = Checklist::parse(Path::new("c.toml"), CHECKLIST).0.unwrap();
        // Best score, but a licence not found: last.
        let flagged = provider(
            "a-flagged",
            &format!(
                "{}[answers]\nvitals = \"yes\"\nplan = \"yes\"\n",
                clinician("not-found")
            ),
        );
        // Worst score, no flags.
        let weak = provider("b-weak", "[answers]\nplan = \"no\"\n");
        // Middle score with a data flag only: keeps its place by score.
        let unchecked = provider(
            "c-unchecked",
            &format!("{}[answers]\nvitals = \"yes\"\n", clinician("unchecked")),
        );
        let ranked = rank(
            [&flagged, &weak, &unchecked],
            &checklist,
            &Priorities::default(),
            today(),
        );
        let order: Vec<&str> = ranked.iter().map(|(p, _)| p.id.as_str()).collect();
        assert_eq!(order, ["c-unchecked", "b-weak", "a-flagged"]);
    }
}
