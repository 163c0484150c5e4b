//! Comparisons as one JSON document (shape documented in README "JSON export").

use super::*;

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

/// The whole comparison as data; the shape is documented in README.md ("JSON export").
pub(super) fn json(c: &Comparison<'_>) -> String {
    let providers: Vec<serde_json::Value> = c
        .columns
        .iter()
        .map(|(p, s)| {
            let categories: Vec<serde_json::Value> = c
                .checklist
                .categories
                .iter()
                .zip(&s.categories)
                .map(|(cat, t)| json!({ "id": cat.id, "low": t.low(), "high": t.high(), "coverage": t.coverage() }))
                .collect();
            let flags: Vec<serde_json::Value> = s
                .red_flags
                .iter()
                .map(|f| {
                    let mut v = serde_json::to_value(f).unwrap_or_default();
                    v["message"] = json!(f.describe(c.checklist));
                    v
                })
                .collect();
            json!({
                "id": p.id, "name": p.name, "sample": p.sample, "kind": p.kind, "place": p.place(),
                "routes": p.routes, "location": p.location, "contact": p.contact, "source": p.source,
                "score": { "low": s.total.low(), "high": s.total.high(), "coverage": s.total.coverage(), "categories": categories },
                "red_flags": flags,
            })
        })
        .collect();
    let questions: Vec<serde_json::Value> = c
        .checklist
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| {
            let answers: serde_json::Map<String, serde_json::Value> = c.columns.iter().map(|(p, s)| (p.id.clone(), answer_json(p, &question.id, &s.questions[q]))).collect();
            json!({
                "id": question.id, "category": c.checklist.categories[question.category].id, "question": question.question,
                "why": question.why, "weight": question.weight, "critical": question.critical, "applies_to": question.applies_to,
                "answers": answers,
            })
        })
        .collect();
    let value = json!({
        "generated": c.today,
        "disclaimer": DISCLAIMER,
        "priorities": c.checklist.categories.iter().map(|cat| (cat.id.clone(), json!(c.priorities.get(&cat.id)))).collect::<serde_json::Map<_, _>>(),
        "providers": providers,
        "questions": questions,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
