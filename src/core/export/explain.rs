//! `kapguide explain`: every step of a score's arithmetic.

use super::*;
use crate::core::costs::SessionKind;

/// The course cost estimate with its arithmetic: each kind of session, its count and fee.
fn course_text(provider: &Provider, course: &CourseShape) -> String {
    let cost = course_cost(&provider.costs, course);
    let currency = cost
        .currency
        .as_deref()
        .map_or(String::new(), |c| format!(" {c}"));
    let mut out = format!(
        "Course cost: {} for {}.\n",
        cost.detail(),
        course.describe()
    );
    let fees = [
        (SessionKind::Dosing, &provider.costs.dosing_session),
        (
            SessionKind::Preparation,
            &provider.costs.preparation_session,
        ),
        (
            SessionKind::Integration,
            &provider.costs.integration_session,
        ),
        (SessionKind::Booster, &provider.costs.dosing_session),
    ];
    for (kind, fee) in fees {
        let count = course.count(kind);
        if count == 0 {
            continue;
        }
        let each = match fee {
            // A fee of 0 is how a profile says the session is not offered or not charged.
            Some(item) if item.value.high == 0 => match &item.note {
                Some(note) => format!(
                    "none charged, so left out of the cost ({})",
                    sanitize_line(note)
                ),
                None => "none charged, so left out of the cost".into(),
            },
            // Each fee says its currency: explain never leaves an amount to be read in another.
            Some(item) if item.value.low == item.value.high => {
                format!("{}{currency} each", item.value.low)
            }
            Some(item) => format!("{}–{}{currency} each", item.value.low, item.value.high),
            None => "fee unknown: adds 0 to the low end and leaves the high end open".into(),
        };
        out.push_str(&format!("  {count} × {} session: {each}\n", kind.label()));
    }
    out
}

/// What each category and question contributed to a provider's score, and why.
pub fn explain(
    provider: &Provider,
    score: &Score,
    checklist: &Checklist,
    priorities: &Priorities,
    course: &CourseShape,
    ascii: bool,
) -> String {
    let mut out = format!(
        "{}\n{}\n",
        display_name(provider),
        "=".repeat(display_width(&display_name(provider)))
    );
    out.push_str(&format!(
        "Score {} ({}). {DISCLAIMER}\n",
        score.total.range_text(),
        score.total.coverage_text()
    ));
    if score.total.is_scored() {
        let (low, high) = score.total.points();
        out.push_str(&format!(
            "Points: {low} certain, up to {high} if every unknown were a yes, out of {} weighted points.\n",
            score.total.applicable_weight
        ));
    }
    out.push_str(&textwrap::fill(UNKNOWN_NOTE, wrap_options(80)));
    out.push_str("\nEach question counts its weight × your priority for its category; yes earns all of it, partial half, no none.\n");
    out.push_str(&format!(
        "Model: {}. The badge comes from the preparation and integration answers (and the kind, {}); it describes the model and never counts as a flag.\n",
        model_text(provider),
        provider.kind.as_str()
    ));
    for (kind, effect) in [
        (
            FlagKind::Safety,
            "These put the provider below every provider without a safety flag, whatever the score",
        ),
        (
            FlagKind::Data,
            "These say what to check about the record; they do not change the order",
        ),
    ] {
        let title = match kind {
            FlagKind::Safety => "Safety flags",
            FlagKind::Data => "Data flags",
        };
        match score.flags_of(kind).count() {
            0 => out.push_str(&format!("{title}: none.\n")),
            n => out.push_str(&format!("{title}: {n}. {effect}:\n")),
        }
        for flag in score.flags_of(kind) {
            out.push_str(&format!(
                "  {} {}\n",
                kind_mark(kind, ascii),
                flag.describe(checklist)
            ));
        }
    }
    out.push_str("Flags show whatever your priorities.\n");
    out.push_str(&course_text(provider, course));
    if !provider.clinicians.is_empty() {
        out.push_str("Clinicians:\n");
        for clinician in &provider.clinicians {
            out.push_str(&textwrap::fill(
                &clinician.summary(),
                wrap_options(80)
                    .initial_indent("  ")
                    .subsequent_indent("    "),
            ));
            out.push('\n');
        }
    }
    for (index, category) in checklist.categories.iter().enumerate() {
        let priority = priorities.get(&category.id);
        let tally = &score.categories[index];
        out.push_str(&format!(
            "\n{} — priority {priority} ({}), {}, {}\n",
            category.title,
            priority.label(),
            tally.range_text(),
            tally.coverage_text()
        ));
        for (q, question) in checklist.indexed_questions_in(index) {
            let qs = &score.questions[q];
            let effect = match qs.value {
                _ if qs.route_not_offered => {
                    "not counted: the provider does not offer the routes it applies to".to_string()
                }
                AnswerValue::Na => "not counted: does not apply".into(),
                _ if qs.weight == 0 => "not counted: priority 0".into(),
                AnswerValue::Yes => format!("+{} of {}", qs.weight, qs.weight),
                AnswerValue::Partial => format!("+{} of {}", f64::from(qs.weight) / 2.0, qs.weight),
                AnswerValue::No => format!("+0 of {}", qs.weight),
                AnswerValue::Unknown => format!("0 to {} of {} (unknown)", qs.weight, qs.weight),
            };
            out.push_str(&format!(
                "  {:<10} {} × {} = weight {:<2}  {effect}\n",
                cell(qs.value, ascii),
                question.weight,
                priority,
                qs.weight
            ));
            out.push_str(&textwrap::fill(
                &question.question,
                wrap_options(80)
                    .initial_indent("             ")
                    .subsequent_indent("             "),
            ));
            out.push('\n');
            if let Some(answer) = provider.answers.get(&question.id) {
                let mut detail = Vec::new();
                if let Some(note) = &answer.note {
                    detail.push(format!("note: {note}"));
                }
                if let Some(source) = &answer.source {
                    detail.push(format!("source: {source}"));
                }
                if let Some(date) = answer.date {
                    detail.push(format!("date: {date}"));
                }
                if !detail.is_empty() {
                    out.push_str(&textwrap::fill(
                        &detail.join("; "),
                        wrap_options(80)
                            .initial_indent("             ")
                            .subsequent_indent("             "),
                    ));
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{checklist, provider};
    use super::*;
    use crate::core::costs::{Costs, Fee, Item};
    use crate::core::id::ProviderId;
    use crate::core::provider::ProviderKind;
    use crate::core::scoring::Priority;

    fn explained(body: &str, priorities: &Priorities) -> String {
        let checklist = checklist();
        let p = provider(&checklist, "p", "P", body);
        let score =
            crate::core::scoring::score(&p, &checklist, priorities, super::super::testing::today());
        explain(
            &p,
            &score,
            &checklist,
            priorities,
            &CourseShape::default(),
            false,
        )
    }

    /// The line of the question whose text starts with `question`, and the effect line above it.
    fn effect<'t>(text: &'t str, question: &str) -> &'t str {
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.trim_start().starts_with(question))
            .unwrap_or_else(|| panic!("{question}: {text}"));
        lines[at - 1]
    }

    /// Every answer says what it added: yes all of its weight, partial half, no none, unknown
    /// anything from none to all; a question that does not apply, or whose route is not
    /// offered, is not counted and says why.
    #[test]
    fn each_answer_says_what_it_counted() {
        let text = explained("[answers]\nvitals = \"partial\"\n", &Priorities::default());
        assert!(effect(&text, "Are *vitals*").ends_with("+3 of 6"), "{text}");
        assert!(
            effect(&text, "Is there a written plan").ends_with("0 to 4 of 4 (unknown)"),
            "{text}"
        );
        assert!(
            effect(&text, "Is the REMS")
                .ends_with("not counted: the provider does not offer the routes it applies to"),
            "{text}"
        );
        let text = explained(
            "[answers]\nvitals = \"yes\"\nplan = \"na\"\n",
            &Priorities::default(),
        );
        assert!(effect(&text, "Are *vitals*").ends_with("+6 of 6"), "{text}");
        assert!(
            effect(&text, "Is there a written plan").ends_with("not counted: does not apply"),
            "{text}"
        );
        let text = explained("[answers]\nvitals = \"no\"\n", &Priorities::default());
        assert!(effect(&text, "Are *vitals*").ends_with("+0 of 6"), "{text}");
        assert!(
            text.contains(
                "Safety flags: 1. These put the provider below every provider without a safety flag"
            ),
            "{text}"
        );
    }

    /// A category at priority 0 weighs nothing, and the questions say so; with nothing weighted
    /// there is no points line (there are no points to count).
    #[test]
    fn priority_zero_and_nothing_weighted() {
        let checklist = checklist();
        let mut priorities = Priorities::default();
        priorities.set(&checklist.categories[1].id, Priority::NotImportant);
        let text = explained("[answers]\nplan = \"yes\"\n", &priorities);
        assert!(
            effect(&text, "Is there a written plan").ends_with("not counted: priority 0"),
            "{text}"
        );
        assert!(
            text.contains(
                "Points: 0 certain, up to 6 if every unknown were a yes, out of 6 weighted points."
            ),
            "{text}"
        );
        priorities.set(&checklist.categories[0].id, Priority::NotImportant);
        let text = explained("", &priorities);
        assert!(
            text.contains("Score not scored (no question weighted)."),
            "{text}"
        );
        assert!(!text.contains("Points:"), "{text}");
    }

    /// Categories and questions in checklist order; an answer's note, source and date follow
    /// its question.
    #[test]
    fn categories_in_order_with_each_answers_details() {
        let text = explained(
            "[answers]\nplan = { answer = \"yes\", note = \"A written plan.\", source = \"call\", date = 2026-11-02 }\n",
            &Priorities::default(),
        );
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {text}"))
        };
        assert!(
            at("\nSafety | first — priority 2") < at("\nCare — priority 2"),
            "{text}"
        );
        assert!(
            at("Is there a written plan")
                < at("note: A written plan.; source: call; date: 2026-11-02"),
            "{text}"
        );
        assert!(at("note: A written plan.") < at("Is the REMS"), "{text}");
    }

    #[test]
    fn sessions_without_a_fee_are_left_out_and_boosters_are_plural() {
        let mut provider = Provider::new(
            ProviderId::new("infusions").unwrap(),
            "Infusions".into(),
            ProviderKind::KetamineClinic,
        );
        let mut none = Item::bare(Fee::exact(0));
        none.note = Some("No preparation sessions are offered.".into());
        provider.costs = Costs {
            currency: Some("USD".into()),
            dosing_session: Some(Item::bare(Fee::exact(475))),
            preparation_session: Some(none),
            integration_session: Some(Item::bare(Fee::exact(0))),
            ..Costs::default()
        };
        let mut course = CourseShape {
            boosters: 2,
            ..CourseShape::default()
        };
        let text = course_text(&provider, &course);
        assert!(
            text.contains("for 6 dosing, 2 preparation, 3 integration, 2 boosters."),
            "{text}"
        );
        assert!(text.contains("  2 × preparation session: none charged, so left out of the cost (No preparation sessions are offered.)\n"), "{text}");
        assert!(
            text.contains("  3 × integration session: none charged, so left out of the cost\n"),
            "{text}"
        );
        assert!(
            text.contains("  2 × booster session: 475 USD each\n"),
            "{text}"
        );
        course.boosters = 1;
        assert!(course.describe().ends_with(", 1 booster"));
    }
}
