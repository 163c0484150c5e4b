//! The bundled content: it loads without a single problem and covers what the product promises.

use std::collections::HashSet;

use kapguide::core::badge::ModelBadge;
use kapguide::core::date::Date;
use kapguide::core::provider::Telehealth;
use kapguide::core::provider::{AnswerValue, SourceKind};
use kapguide::core::scoring::{Priorities, RedFlag, score};
use kapguide::io::loader::{Library, LoadOptions, load};

fn bundled() -> Library {
    load(&LoadOptions::default())
}

#[test]
fn bundled_content_loads_without_problems() {
    let lib = bundled();
    let problems: Vec<String> = lib.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(lib.skipped, 0);
}

/// Every `##` section shows which sources back it, unless its guide opts out (the glossary and
/// the about page make no claims of their own); every source has an id to cite it by.
#[test]
fn every_section_cites_a_source() {
    let lib = bundled();
    let mut missing = Vec::new();
    for guide in &lib.guides {
        assert!(
            guide
                .sources
                .iter()
                .all(|s| kapguide::core::citation::is_valid_id(&s.id)),
            "{}: every source needs an id",
            guide.id
        );
        for section in &guide.sections {
            assert!(
                !section.plain_text().contains("[^"),
                "{} › {}: a marker was left as text",
                guide.id,
                section.title
            );
            if guide.citations_required && section.citations.is_empty() {
                missing.push(format!("{} › {}", guide.id, section.title));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "sections citing no source: {missing:#?}"
    );
    let exempt: Vec<&str> = lib
        .guides
        .iter()
        .filter(|g| !g.citations_required)
        .map(|g| g.id.as_str())
        .collect();
    assert!(
        exempt.iter().all(|id| ["glossary", "about"].contains(id)),
        "only the glossary and the about page may skip citations: {exempt:?}"
    );
}

#[test]
fn guides_are_many_long_sourced_and_dated() {
    let lib = bundled();
    assert!(lib.guides.len() >= 18, "{} guides", lib.guides.len());
    let words: usize = lib
        .guides
        .iter()
        .map(|g| {
            g.intro_text().split_whitespace().count()
                + g.sections
                    .iter()
                    .map(|s| s.plain_text().split_whitespace().count())
                    .sum::<usize>()
        })
        .sum();
    assert!(words >= 6_000, "{words} words");
    for guide in &lib.guides {
        assert!(!guide.sources.is_empty(), "{} has no sources", guide.id);
        assert!(
            guide.sources.iter().all(|s| s.url.starts_with("http")),
            "{}",
            guide.id
        );
        assert!(
            guide.reviewed >= Date::parse("2026-01-01").unwrap(),
            "{} reviewed {}",
            guide.id,
            guide.reviewed
        );
        assert!(!guide.summary.is_empty(), "{} has no summary", guide.id);
        assert!(
            guide.sections.len() >= 2,
            "{} has too few sections",
            guide.id
        );
    }
    let ids: HashSet<&str> = lib.guides.iter().map(|g| g.id.as_str()).collect();
    for required in [
        "what-is-kap",
        "depression",
        "trauma-and-anxiety",
        "what-to-expect",
        "routes-and-settings",
        "safety-and-fit",
        "choosing-a-provider",
        "measuring-progress",
        "glossary",
        "crisis-and-support",
        "about",
        "checking-a-clinician",
        "consent-and-rights",
        "after-a-hard-session",
        "medicines-and-conditions",
        "telehealth-and-at-home",
        "costs-and-coverage",
        "other-options",
    ] {
        assert!(ids.contains(required), "missing guide {required}");
    }
    for guide in &lib.guides {
        for (target, _) in &guide.guide_links {
            assert!(
                ids.contains(target.as_str()),
                "{} links to missing guide {target}",
                guide.id
            );
        }
    }
}

#[test]
fn crisis_lines_are_present_and_correct() {
    let lib = bundled();
    let crisis = lib.guide("crisis-and-support").expect("crisis guide");
    let text = format!(
        "{} {}",
        crisis.intro_text(),
        crisis
            .sections
            .iter()
            .map(|s| s.plain_text())
            .collect::<String>()
    );
    for number in [
        "988", "9-8-8", "116 123", "13 11 14", "911", "999", "000", "112",
    ] {
        assert!(text.contains(number), "crisis guide lacks {number}");
    }
    assert_eq!(
        lib.guides[0].id, "crisis-and-support",
        "crisis help comes first in the list"
    );
}

#[test]
fn checklist_covers_every_category_and_routes_rems_to_esketamine() {
    let lib = bundled();
    let list = &lib.checklist;
    assert!(list.questions.len() >= 18);
    let categories: Vec<&str> = list.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        categories,
        [
            "therapy",
            "medical",
            "screening",
            "progress",
            "credentials",
            "money",
            "conduct",
            "aftercare"
        ]
    );
    for index in 0..list.categories.len() {
        assert!(
            list.questions_in(index).count() >= 2,
            "category {} is thin",
            list.categories[index].id
        );
    }
    let rems: Vec<_> = list
        .questions
        .iter()
        .filter(|q| q.id.contains("rems"))
        .collect();
    assert!(!rems.is_empty());
    assert!(
        rems.iter()
            .all(|q| q.applies_to == [kapguide::core::checklist::Route::Esketamine])
    );
    for q in &list.questions {
        assert!((1..=3).contains(&q.weight) && !q.why.is_empty(), "{}", q.id);
    }
    // Critical is for safety only; whether therapy is built in shows as the model badge.
    for id in ["prep_sessions", "integration_sessions"] {
        assert!(!list.question(id).unwrap().critical, "{id}");
    }
    // A new question's "why" states a sourced fact.
    for id in [
        "clinician_credentials",
        "insurance_billing",
        "touch_policy",
        "course_plan",
    ] {
        assert!(!list.question(id).unwrap().sources.is_empty(), "{id}");
    }
}

/// The line the new-provider form shows for each route rests on sources the guides cite (the
/// same ids, so the facts are the ones the guides check), and the scoring guide section the
/// Compare breakdown points to exists.
#[test]
fn route_notes_cite_the_guides_sources_and_the_scoring_section_exists() {
    use kapguide::core::checklist::Route;
    let lib = bundled();
    let cited: HashSet<&str> = lib
        .guides
        .iter()
        .flat_map(|g| g.sources.iter().map(|s| s.id.as_str()))
        .collect();
    for (word, route) in Route::ALL {
        let (text, sources) = route.note();
        assert!(!text.is_empty() && !sources.is_empty(), "{word}");
        for id in sources {
            assert!(cited.contains(id), "{word}: {id} is not a guide source");
        }
    }
    assert!(kapguide::tui::text::scoring_section(&lib).is_some());
}

#[test]
fn bundled_profiles_cover_every_state_and_mark_samples() {
    let lib = bundled();
    let today = Date::parse("2026-11-28").unwrap();
    let samples: Vec<_> = lib.providers.iter().filter(|p| p.sample).collect();
    assert!(samples.len() >= 4);
    for p in &samples {
        assert!(
            p.contact
                .website
                .as_deref()
                .is_none_or(|w| w.contains("example.org")),
            "{}",
            p.id
        );
        assert!(
            p.contact.phone.as_deref().is_none_or(|t| t.contains("555")),
            "{}",
            p.id
        );
    }
    let states: HashSet<AnswerValue> = samples
        .iter()
        .flat_map(|p| p.answers.values().map(|a| a.value))
        .collect();
    assert_eq!(states.len(), 5, "{states:?}");
    let scores: Vec<_> = samples
        .iter()
        .map(|p| score(p, &lib.checklist, &Priorities::default(), today))
        .collect();
    // Both kinds of flag appear somewhere, each kind in more than one form.
    let has = |wanted: fn(&RedFlag) -> bool| scores.iter().any(|s| s.red_flags.iter().any(wanted));
    assert!(
        has(|f| matches!(f, RedFlag::Stale { .. })),
        "one stale sample"
    );
    assert!(
        has(|f| matches!(f, RedFlag::CriticalNo { .. })),
        "a critical no"
    );
    assert!(
        has(|f| matches!(f, RedFlag::LicenceFailed { .. })),
        "a failed licence check"
    );
    assert!(
        has(|f| matches!(f, RedFlag::LicenceUnchecked { .. })),
        "an unchecked licence"
    );
    assert!(
        has(|f| matches!(f, RedFlag::LicenceDiscipline { .. })),
        "discipline on record"
    );
    // The infusion-only clinic and the esketamine centre are described by their badge, not
    // flagged for having no therapy.
    for (id, badge) in [
        ("brass-kettle-infusion-lounge", ModelBadge::DosingOnly),
        ("pocket-compass-esketamine-center", ModelBadge::DosingOnly),
        ("cloudberry-couch-telehealth", ModelBadge::TherapyOptional),
        (
            "heron-and-teacup-integrative-therapy",
            ModelBadge::TherapyBuiltIn,
        ),
    ] {
        let p = lib.provider(id).unwrap();
        assert_eq!(ModelBadge::of(p), badge, "{id}");
        let s = score(p, &lib.checklist, &Priorities::default(), today);
        if badge != ModelBadge::TherapyBuiltIn {
            assert!(!s.has_safety_flag(), "{id}: {:?}", s.red_flags);
        }
    }
    // Every new profile field is used by some sample.
    assert!(
        samples
            .iter()
            .any(|p| p.telehealth == Some(Telehealth::Full))
    );
    assert!(samples.iter().any(|p| p.languages.len() > 1));
    assert!(samples.iter().any(|p| p.costs.refund_policy.is_some()
        && p.costs.packages.is_some()
        && p.costs.insurance.is_some()));
    assert!(samples.iter().any(|p| p.costs.prior_auth_help.is_some()));
    assert!(
        samples
            .iter()
            .any(|p| p.clinicians.iter().any(|c| c.board_url.is_some()))
    );
    assert!(
        scores.iter().any(|s| s.total.coverage() > 0.95),
        "one thorough sample"
    );
    let kinds: HashSet<&str> = samples.iter().map(|p| p.kind.as_str()).collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
}

#[test]
fn the_real_profile_states_only_what_its_article_says() {
    let lib = bundled();
    let real = lib
        .provider("moonwater-integrative-therapy")
        .expect("the explainer's practice");
    assert!(!real.sample);
    let source = real.source.as_ref().expect("a source");
    assert_eq!(source.kind, SourceKind::SelfDescribed);
    // The day someone read the article, not the day it was posted (that is in the answers).
    assert_eq!(source.last_verified, Date::parse("2026-11-28"));
    assert!(source.reference.as_deref().unwrap().contains("16 Feb 2026"));
    assert_eq!(real.contact.phone.as_deref(), Some("(737) 227-1937"));
    assert_eq!(
        (
            real.location.city.as_deref(),
            real.location.region.as_deref()
        ),
        (Some("Kalispell"), Some("MT"))
    );
    assert!(real.contact.website.is_none() && real.routes.is_empty());
    assert!(
        real.conditions.is_empty(),
        "the article never says what the practice itself treats"
    );
    let summary = real.summary.as_deref().unwrap();
    assert!(summary.contains("faster relief") && summary.contains("marketing language"));
    // The article says nothing on credentials or costs: they stay unknown.
    assert!(real.clinicians.is_empty() && real.costs == Default::default());
    assert!(real.telehealth.is_none() && real.languages.is_empty());
    let known: Vec<(&str, AnswerValue)> = real
        .answers
        .iter()
        .filter(|(_, a)| a.value != AnswerValue::Unknown)
        .map(|(id, a)| (id.as_str(), a.value))
        .collect();
    // Offered as part of its own service (quoted, self-described); nothing else is known.
    assert_eq!(
        known,
        [
            ("integration_sessions", AnswerValue::Yes),
            ("prep_sessions", AnswerValue::Yes)
        ]
    );
    for id in ["prep_sessions", "integration_sessions"] {
        let answer = &real.answers[id];
        let note = answer.note.as_deref().unwrap();
        assert!(
            note.starts_with("Self-described, not verified.")
                && note.contains("\"from preparation to integration\"")
                && note.contains("Not stated:"),
            "{id}"
        );
        assert_eq!(answer.date, Date::parse("2026-02-16"), "{id}");
    }
    // Generic sentences about KAP stay unknown, with the sentence quoted so a reader sees why.
    let supervision = &real.answers["medical_supervision"];
    assert_eq!(supervision.value, AnswerValue::Unknown);
    assert!(
        supervision
            .note
            .as_deref()
            .unwrap()
            .contains("\"sessions are medically supervised\"")
    );
}

/// IPDAS asks for benefits and harms in equal detail: every option answers every row, with a
/// source, and no column is much thinner than the others ("not now" is a real column).
#[test]
fn the_options_grid_is_complete_sourced_and_balanced() {
    let lib = bundled();
    let grid = &lib.options;
    let ids: Vec<&str> = grid.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["kap", "infusion", "esketamine", "telehealth", "other"]
    );
    for row in [
        "what",
        "how",
        "therapy",
        "evidence",
        "speed",
        "lasting",
        "course",
        "monitoring",
        "risks",
        "cost",
        "not-for",
    ] {
        assert!(grid.row(row).is_some(), "row {row} missing");
    }
    assert!(grid.reviewed >= Date::parse("2026-11-01"));
    let words: Vec<usize> = (0..ids.len())
        .map(|c| {
            grid.rows
                .iter()
                .map(|r| r.cells[c].text.split_whitespace().count())
                .sum()
        })
        .collect();
    let (least, most) = (words.iter().min().unwrap(), words.iter().max().unwrap());
    assert!(least * 10 >= most * 7, "column words {words:?}");
    let risks = grid.row("risks").unwrap();
    for (choice, cell) in grid.choices.iter().zip(&risks.cells) {
        assert!(
            cell.text.split_whitespace().count() >= 20,
            "{} risks",
            choice.id
        );
        assert!(!cell.sources.is_empty());
    }
    // "Who it may not suit" raises topics; it never rules anyone out.
    for cell in &grid.row("not-for").unwrap().cells {
        let text = cell.text.to_lowercase();
        assert!(
            !text.contains("you cannot") && !text.contains("not eligible"),
            "{text}"
        );
    }
}

/// A profile written for the first checklist, with none of the newer fields, still loads against
/// the current checklist and scores: every newer question reads as unknown.
#[test]
fn an_old_format_profile_still_loads_and_scores() {
    use kapguide::core::provider::Provider;
    let lib = bundled();
    let text = include_str!("fixtures/providers/old-format/v1-infusion-clinic.toml");
    let (provider, problems) = Provider::parse(
        std::path::Path::new("v1-infusion-clinic.toml"),
        text,
        &lib.checklist,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let provider = provider.expect("loads");
    assert!(provider.clinicians.is_empty() && provider.costs == Default::default());
    for id in ["clinician_credentials", "touch_policy", "insurance_billing"] {
        assert_eq!(provider.answer(id), AnswerValue::Unknown, "{id}");
    }
    let today = Date::parse("2026-11-25").unwrap();
    let s = score(&provider, &lib.checklist, &Priorities::default(), today);
    assert!(s.total.is_scored() && s.total.coverage() < 1.0);
    // Its two "no" answers on preparation and integration are no longer safety flags.
    assert!(!s.has_safety_flag(), "{:?}", s.red_flags);
    assert_eq!(ModelBadge::of(&provider), ModelBadge::DosingOnly);
}
