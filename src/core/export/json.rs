//! Comparisons as one JSON document (shape documented in README "JSON export").

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::*;
use crate::core::checklist::Question;

fn answer_json(provider: &Provider, question_id: &str, q: &QuestionScore) -> serde_json::Value {
    let answer = provider.answers.get(question_id);
    json!({
        "answer": answer_label(q.value),
        "route_not_offered": q.route_not_offered,
        "weight": q.weight,
        "note": answer.and_then(|a| a.note.clone()),
        "source": answer.and_then(|a| a.source.clone()),
        "date": answer.and_then(|a| a.date),
    })
}

/// A JSON array of what `items` yields, written element by element.
struct Each<F>(F);

impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: ExactSizeIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = (self.0)();
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for item in items {
            seq.serialize_element(&item)?;
        }
        seq.end()
    }
}

fn provider_json(c: &Comparison<'_>, p: &Provider, s: &Score) -> serde_json::Value {
    let categories: Vec<serde_json::Value> = c
        .checklist
        .categories
        .iter()
        .zip(&s.categories)
        .map(|(cat, t)| json!({ "id": cat.id, "low": t.low(), "high": t.high(), "coverage": t.coverage() }))
        .collect();
    let flags = |kind: FlagKind| -> Vec<serde_json::Value> {
        s.flags_of(kind)
            .map(|f| {
                let mut v = serde_json::to_value(f).unwrap_or_default();
                v["message"] = json!(f.describe(c.checklist));
                v
            })
            .collect()
    };
    let cost = c.cost(p);
    json!({
        "id": p.id, "name": p.name, "sample": p.sample, "kind": p.kind, "place": p.place(),
        "routes": p.routes, "telehealth": p.telehealth_level(), "languages": p.languages,
        "location": p.location, "contact": p.contact, "source": p.source,
        "model": ModelBadge::of(p), "clinicians": p.clinicians, "costs": p.costs,
        "course_cost": { "currency": cost.currency, "low": cost.low, "high": cost.high, "unknown_fees": cost.unknown, "text": cost.text() },
        "score": { "low": s.total.low(), "high": s.total.high(), "coverage": s.total.coverage(), "categories": categories },
        "safety_flags": flags(FlagKind::Safety),
        "data_flags": flags(FlagKind::Data),
    })
}

/// One question with every provider's answer (keyed by provider id).
fn question_json(c: &Comparison<'_>, q: usize, question: &Question) -> serde_json::Value {
    let answers: serde_json::Map<String, serde_json::Value> = c
        .columns
        .iter()
        .map(|(p, s)| {
            (
                p.id.to_string(),
                answer_json(p, &question.id, &s.questions[q]),
            )
        })
        .collect();
    json!({
        "id": question.id, "category": c.checklist.categories[question.category].id, "question": question.question,
        "why": question.why, "weight": question.weight, "critical": question.critical, "applies_to": question.applies_to,
        "answers": answers,
    })
}

/// The whole comparison as data; the shape is documented in README.md ("JSON export"). It is
/// written one provider and one question at a time, never built whole: at 10,000 providers
/// the document is about 100 MB. Keys are in the order a `serde_json::Map` sorts them.
pub(super) fn json(c: &Comparison<'_>, out: &mut dyn Write) -> io::Result<()> {
    struct Document<'c, 'a>(&'c Comparison<'a>);
    impl Serialize for Document<'_, '_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let c = self.0;
            let priorities: serde_json::Map<String, serde_json::Value> = c
                .checklist
                .categories
                .iter()
                .map(|cat| (cat.id.to_string(), json!(c.priorities.get(&cat.id))))
                .collect();
            let mut map = serializer.serialize_map(Some(6))?;
            map.serialize_entry("course", &c.course)?;
            map.serialize_entry("disclaimer", DISCLAIMER)?;
            map.serialize_entry("generated", &c.today)?;
            map.serialize_entry("priorities", &priorities)?;
            let providers = || c.columns.iter().map(|(p, s)| provider_json(c, p, s));
            map.serialize_entry("providers", &Each(providers))?;
            let questions = || {
                let questions = c.checklist.questions.iter().enumerate();
                questions.map(|(q, question)| question_json(c, q, question))
            };
            map.serialize_entry("questions", &Each(questions))?;
            map.end()
        }
    }
    serde_json::to_writer_pretty(&mut *out, &Document(c))?;
    out.write_all(b"\n")
}
