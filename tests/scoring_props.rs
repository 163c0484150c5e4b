//! Properties the scores must keep for any answers and priorities (proptest).

use kapguide::core::checklist::{Category, Checklist, Question, Route};
use kapguide::core::date::Date;
use kapguide::core::provider::{
    Answer, AnswerValue, ProfileSource, Provider, ProviderKind, SourceKind,
};
use kapguide::core::scoring::{Priorities, Priority, Score, score};
use proptest::prelude::*;

const CATEGORIES: [&str; 3] = ["therapy", "medical", "progress"];

/// A checked id (question, category or provider) from a literal known to be valid.
fn id<T: std::str::FromStr<Err = kapguide::core::id::IdError>>(text: &str) -> T {
    text.parse().unwrap()
}

fn today() -> Date {
    Date::parse("2026-11-25").unwrap()
}

fn checklist(questions: &[QuestionSpec]) -> Checklist {
    Checklist {
        categories: CATEGORIES
            .iter()
            .map(|name| Category {
                id: id(name),
                title: name.to_uppercase(),
                description: String::new(),
            })
            .collect(),
        questions: questions
            .iter()
            .enumerate()
            .map(
                |(n, (category, weight, critical, esketamine_only))| Question {
                    id: id(&format!("q{n}")),
                    category: *category,
                    question: format!("Question {n}?"),
                    why: "why".into(),
                    weight: *weight,
                    critical: *critical,
                    applies_to: if *esketamine_only {
                        vec![Route::Esketamine]
                    } else {
                        Vec::new()
                    },
                    sources: Vec::new(),
                },
            )
            .collect(),
        sources: Vec::new(),
    }
}

fn provider(answers: &[AnswerValue], routes: Vec<Route>) -> Provider {
    Provider {
        id: id("p"),
        name: "P".into(),
        kind: ProviderKind::KapPractice,
        sample: true,
        summary: None,
        routes,
        conditions: Vec::new(),
        location: Default::default(),
        contact: Default::default(),
        source: Some(ProfileSource {
            kind: SourceKind::Consultation,
            reference: None,
            url: None,
            last_verified: Some(today()),
        }),
        telehealth: None,
        languages: Vec::new(),
        clinicians: Vec::new(),
        costs: Default::default(),
        answers: answers
            .iter()
            .enumerate()
            .map(|(n, v)| (id(&format!("q{n}")), Answer::bare(*v)))
            .collect(),
        origin: Default::default(),
    }
}

fn answer() -> impl Strategy<Value = AnswerValue> {
    prop::sample::select(AnswerValue::ALL.iter().map(|(_, v)| *v).collect::<Vec<_>>())
}

fn question() -> impl Strategy<Value = QuestionSpec> {
    (
        0..CATEGORIES.len(),
        1u8..=3,
        any::<bool>(),
        prop::bool::weighted(0.15),
    )
}

fn priorities() -> impl Strategy<Value = Priorities> {
    prop::collection::vec(
        prop::sample::select(Priority::ALL.to_vec()),
        CATEGORIES.len(),
    )
    .prop_map(|values| {
        let mut p = Priorities::default();
        for (name, v) in CATEGORIES.iter().zip(values) {
            p.set(&id(name), v);
        }
        p
    })
}

fn routes() -> impl Strategy<Value = Vec<Route>> {
    prop::sample::subsequence(vec![Route::Im, Route::Esketamine, Route::Iv], 0..=3)
}

/// A checklist's questions: (category, weight, critical, esketamine only).
type QuestionSpec = (usize, u8, bool, bool);
/// A checklist, answers for each of its questions, priorities and routes.
type Case = (Vec<QuestionSpec>, Vec<AnswerValue>, Priorities, Vec<Route>);

fn case() -> impl Strategy<Value = Case> {
    prop::collection::vec(question(), 1..25).prop_flat_map(|qs| {
        let n = qs.len();
        (
            Just(qs),
            prop::collection::vec(answer(), n),
            priorities(),
            routes(),
        )
    })
}

fn range(s: &Score) -> (f64, f64) {
    (s.total.low(), s.total.high())
}

fn towards_yes(v: AnswerValue) -> Option<AnswerValue> {
    match v {
        AnswerValue::No => Some(AnswerValue::Partial),
        AnswerValue::Partial => Some(AnswerValue::Yes),
        _ => None,
    }
}

proptest! {
    #[test]
    fn low_never_exceeds_high((qs, answers, prio, routes) in case()) {
        let s = score(&provider(&answers, routes), &checklist(&qs), &prio, today());
        prop_assert!(s.total.low() <= s.total.high());
        prop_assert!((0.0..=100.0).contains(&s.total.low()) && (0.0..=100.0).contains(&s.total.high()));
        prop_assert!((0.0..=1.0).contains(&s.total.coverage()));
    }

    #[test]
    fn a_better_answer_never_lowers_either_end((qs, answers, prio, routes) in case(), pick in any::<prop::sample::Index>()) {
        let list = checklist(&qs);
        let i = pick.index(answers.len());
        // Only no and partial can get better; any other answer would prove nothing.
        let better = towards_yes(answers[i]);
        prop_assume!(better.is_some());
        let before = score(&provider(&answers, routes.clone()), &list, &prio, today());
        let mut improved = answers.clone();
        improved[i] = better.unwrap();
        let after = score(&provider(&improved, routes), &list, &prio, today());
        prop_assert!(after.total.low() >= before.total.low());
        prop_assert!(after.total.high() >= before.total.high());
    }

    #[test]
    fn answering_an_unknown_lands_inside_the_old_range((qs, answers, prio, routes) in case(), pick in any::<prop::sample::Index>(), new in answer()) {
        let list = checklist(&qs);
        let mut unknown = answers.clone();
        let i = pick.index(answers.len());
        unknown[i] = AnswerValue::Unknown;
        let before = score(&provider(&unknown, routes.clone()), &list, &prio, today());
        prop_assume!(new != AnswerValue::Na);
        let mut answered = unknown.clone();
        answered[i] = new;
        let after = score(&provider(&answered, routes), &list, &prio, today());
        prop_assert!(after.total.low() >= before.total.low() - 1e-9);
        prop_assert!(after.total.high() <= before.total.high() + 1e-9);
    }

    #[test]
    fn all_yes_is_full_and_all_unknown_is_the_whole_range(qs in prop::collection::vec(question(), 1..25), prio in priorities()) {
        let list = checklist(&qs);
        let routes = vec![Route::Esketamine];
        let yes = score(&provider(&vec![AnswerValue::Yes; qs.len()], routes.clone()), &list, &prio, today());
        let unknown = score(&provider(&vec![AnswerValue::Unknown; qs.len()], routes.clone()), &list, &prio, today());
        let missing = score(&provider(&[], routes), &list, &prio, today());
        if yes.total.applicable_weight > 0 {
            prop_assert_eq!((range(&yes), yes.total.coverage()), ((100.0, 100.0), 1.0));
        } else {
            // Every priority 0: nothing weighs, so even all yes is not a score.
            prop_assert_eq!(yes.total.range_text(), "not scored");
        }
        prop_assert_eq!((range(&unknown), unknown.total.coverage()), ((0.0, 100.0), 0.0));
        if unknown.total.is_scored() {
            prop_assert_eq!(unknown.total.range_text(), "0–100");
            prop_assert_eq!(unknown.total.coverage_text(), "0% known");
        } else {
            prop_assert_eq!(unknown.total.range_text(), "not scored");
        }
        prop_assert_eq!(range(&missing), range(&unknown));
    }

    #[test]
    fn na_questions_and_order_never_change_a_score((qs, answers, prio, routes) in case(), extra in prop::collection::vec(question(), 1..5), seed in any::<u64>()) {
        let list = checklist(&qs);
        let base = score(&provider(&answers, routes.clone()), &list, &prio, today());
        // Extra questions answered n/a leave the score alone.
        let mut more_qs = qs.clone();
        more_qs.extend(extra.iter().copied());
        let mut more_answers = answers.clone();
        more_answers.extend(std::iter::repeat_n(AnswerValue::Na, extra.len()));
        let with_na = score(&provider(&more_answers, routes.clone()), &checklist(&more_qs), &prio, today());
        prop_assert_eq!(range(&with_na), range(&base));
        prop_assert_eq!(with_na.total.coverage(), base.total.coverage());
        // Reordering questions (with their answers) leaves it alone too.
        let mut order: Vec<usize> = (0..qs.len()).collect();
        fastrand::Rng::with_seed(seed).shuffle(&mut order);
        let shuffled_qs: Vec<_> = order.iter().map(|&i| qs[i]).collect();
        let shuffled: Vec<_> = order.iter().map(|&i| answers[i]).collect();
        let reordered = score(&provider(&shuffled, routes), &checklist(&shuffled_qs), &prio, today());
        prop_assert_eq!(range(&reordered), range(&base));
        prop_assert_eq!(reordered.red_flags.len(), base.red_flags.len());
    }

    #[test]
    fn priorities_do_not_move_a_provider_that_answers_alike(qs in prop::collection::vec(question(), 1..25), value in answer(), prio in priorities(), category in 0..CATEGORIES.len()) {
        prop_assume!(value != AnswerValue::Na);
        let list = checklist(&qs);
        let p = provider(&vec![value; qs.len()], vec![Route::Esketamine]);
        let before = score(&p, &list, &prio, today());
        let mut raised = prio.clone();
        raised.set(&id(CATEGORIES[category]), prio.get(CATEGORIES[category]).raised());
        // With nothing weighted before, raising a priority makes a score where there was none.
        prop_assume!(before.total.applicable_weight > 0);
        let after = score(&p, &list, &raised, today());
        prop_assert_eq!(range(&after), range(&before));
    }

    #[test]
    fn scores_from_the_answer_matrix_equal_direct_scores(cases in prop::collection::vec((prop::collection::vec(answer(), 0..8), routes()), 1..6), qs in prop::collection::vec(question(), 8..9), prio in priorities()) {
        use kapguide::core::scoring::{AnswerMatrix, Scorer};
        let list = checklist(&qs);
        let providers: Vec<Provider> = cases.into_iter().map(|(answers, routes)| provider(&answers, routes)).collect();
        let matrix = AnswerMatrix::new(&providers, &list);
        let scorer = Scorer::new(&list, &prio, today());
        for (row, p) in providers.iter().enumerate() {
            prop_assert_eq!(scorer.score_cells(p, matrix.row(row)), score(p, &list, &prio, today()));
        }
    }

    #[test]
    fn red_flags_ignore_priorities((qs, answers, prio, routes) in case()) {
        let list = checklist(&qs);
        let p = provider(&answers, routes);
        let zero = Priorities { by_category: CATEGORIES.iter().map(|c| (id(c), Priority::NotImportant)).collect() };
        prop_assert_eq!(score(&p, &list, &prio, today()).red_flags, score(&p, &list, &zero, today()).red_flags);
    }
}

#[test]
fn stale_and_missing_sources_are_flagged() {
    use kapguide::core::scoring::RedFlag;
    let list = checklist(&[(0, 3, true, false)]);
    let mut p = provider(&[AnswerValue::No], vec![]);
    p.source.as_mut().unwrap().last_verified = Date::parse("2025-11-24");
    let s = score(&p, &list, &Priorities::default(), today());
    assert_eq!(
        s.red_flags,
        vec![
            RedFlag::CriticalNo { question: id("q0") },
            RedFlag::Stale {
                last_verified: Date::parse("2025-11-24").unwrap(),
                days: 366
            }
        ]
    );
    p.source.as_mut().unwrap().last_verified = Date::parse("2025-11-25");
    assert_eq!(
        score(&p, &list, &Priorities::default(), today())
            .red_flags
            .len(),
        1,
        "exactly a year is not stale"
    );
    p.source = None;
    assert!(
        score(&p, &list, &Priorities::default(), today())
            .red_flags
            .contains(&RedFlag::NoSource)
    );
}

#[test]
fn ranking_goes_by_low_end_then_coverage_then_name() {
    use kapguide::core::scoring::rank;
    let list = checklist(&[(0, 1, false, false), (0, 1, false, false)]);
    let mut sure = provider(&[AnswerValue::Yes, AnswerValue::No], vec![]); // 50–50
    sure.name = "Zed".into();
    let mut hopeful = provider(&[AnswerValue::Yes, AnswerValue::Unknown], vec![]); // 50–100, less known
    hopeful.name = "Alpha".into();
    let mut unknown = provider(&[], vec![]); // 0–100
    unknown.name = "Beta".into();
    let mut tie = provider(&[AnswerValue::Yes, AnswerValue::No], vec![]);
    tie.name = "Mid".into();
    let ranked = rank(
        [&unknown, &hopeful, &sure, &tie],
        &list,
        &Priorities::default(),
        today(),
    );
    let names: Vec<&str> = ranked.iter().map(|(p, _)| p.name.as_str()).collect();
    assert_eq!(names, ["Mid", "Zed", "Alpha", "Beta"]);
}

mod course_costs {
    use kapguide::core::costs::{Costs, CourseShape, Fee, Item, course_cost};
    use proptest::prelude::*;

    fn fee() -> impl Strategy<Value = Option<Fee>> {
        prop::option::of((0u32..5_000, 0u32..2_000).prop_map(|(low, extra)| Fee {
            low,
            high: low + extra,
        }))
    }

    fn costs() -> impl Strategy<Value = [Option<Fee>; 3]> {
        [fee(), fee(), fee()]
    }

    fn shape() -> impl Strategy<Value = CourseShape> {
        (0u32..12, 0u32..6, 0u32..12, 0u32..6).prop_map(|(d, p, i, b)| CourseShape {
            dosing: d,
            preparation: p,
            integration: i,
            boosters: b,
        })
    }

    fn build(fees: &[Option<Fee>; 3]) -> Costs {
        let item = |f: &Option<Fee>| f.map(Item::bare);
        Costs {
            currency: Some("USD".into()),
            dosing_session: item(&fees[0]),
            preparation_session: item(&fees[1]),
            integration_session: item(&fees[2]),
            ..Costs::default()
        }
    }

    /// `inner` lies within `outer` (an open high end is the widest).
    fn within(inner: (u64, Option<u64>), outer: (u64, Option<u64>)) -> bool {
        let upper = |h: Option<u64>| h.unwrap_or(u64::MAX);
        outer.0 <= inner.0 && upper(inner.1) <= upper(outer.1)
    }

    proptest! {
        #[test]
        fn forgetting_a_fee_only_widens_the_estimate(fees in costs(), shape in shape(), which in 0usize..3) {
            let known = course_cost(&build(&fees), &shape);
            let mut fewer = fees;
            fewer[which] = None;
            let wider = course_cost(&build(&fewer), &shape);
            prop_assert!(within((known.low, known.high), (wider.low, wider.high)), "{known:?} not within {wider:?}");
        }

        #[test]
        fn learning_a_fee_narrows_it_to_the_fee(fees in costs(), shape in shape(), which in 0usize..3, new in (0u32..5_000).prop_map(Fee::exact)) {
            prop_assume!(fees[which].is_none());
            let before = course_cost(&build(&fees), &shape);
            let mut more = fees;
            more[which] = Some(new);
            let after = course_cost(&build(&more), &shape);
            prop_assert!(within((after.low, after.high), (before.low, before.high)), "{after:?} not within {before:?}");
            // When it was the only unknown fee the course needs, the high end closes.
            if before.unknown.len() == 1 && shape_needs(&shape, which) {
                prop_assert!(after.high.is_some());
            }
        }

        #[test]
        fn the_estimate_is_never_a_single_number_unless_every_fee_is_exact(fees in costs(), shape in shape()) {
            let cost = course_cost(&build(&fees), &shape);
            if let Some(high) = cost.high {
                prop_assert!(cost.low <= high);
            } else {
                prop_assert!(!cost.unknown.is_empty());
            }
        }
    }

    fn shape_needs(shape: &CourseShape, which: usize) -> bool {
        match which {
            0 => shape.dosing + shape.boosters > 0,
            1 => shape.preparation > 0,
            _ => shape.integration > 0,
        }
    }
}
