//! Comparisons as one JSON document (shape documented in README "JSON export").

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use super::*;
use crate::core::checklist::{Question, Route};
use crate::core::provider::Answer;
use crate::core::scoring::QuestionIndex;

/// One provider's answer to one question, written straight from the profile (a document has
/// one per provider per question: building each as a `serde_json::Value` first doubled the
/// time of a large export). Fields in the order a `serde_json::Map` sorts them, like the rest.
#[derive(Serialize)]
struct AnswerJson<'a> {
    answer: &'static str,
    date: Option<Date>,
    note: Option<&'a str>,
    route_not_offered: bool,
    source: Option<&'a str>,
    weight: u32,
}

impl<'a> AnswerJson<'a> {
    fn new(answer: Option<&'a Answer>, q: &QuestionScore) -> Self {
        AnswerJson {
            answer: answer_label(q.value),
            date: answer.and_then(|a| a.date),
            note: answer.and_then(|a| a.note.as_deref()),
            route_not_offered: q.route_not_offered,
            source: answer.and_then(|a| a.source.as_deref()),
            weight: q.weight,
        }
    }
}

/// One question's answers, keyed by provider id: `by_id` lists the columns in id order (the
/// order a `serde_json::Map` would give them), `found` each column's answers by question.
struct Answers<'c, 'a> {
    c: &'c Comparison<'a>,
    by_id: &'c [usize],
    found: &'c [Vec<Option<&'a Answer>>],
    question: usize,
}

impl Serialize for Answers<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.by_id.len()))?;
        for &column in self.by_id {
            let (provider, score) = &self.c.columns[column];
            let answer = AnswerJson::new(
                self.found[column][self.question],
                &score.questions[self.question],
            );
            map.serialize_entry(&provider.id, &answer)?;
        }
        map.end()
    }
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
#[derive(Serialize)]
struct QuestionJson<'c, 'a> {
    answers: Answers<'c, 'a>,
    applies_to: &'c [Route],
    category: &'c str,
    critical: bool,
    id: &'c str,
    question: &'c str,
    weight: u8,
    why: &'c str,
}

fn question_json<'c, 'a>(
    c: &'c Comparison<'a>,
    by_id: &'c [usize],
    found: &'c [Vec<Option<&'a Answer>>],
    q: usize,
    question: &'c Question,
) -> QuestionJson<'c, 'a> {
    QuestionJson {
        answers: Answers {
            c,
            by_id,
            found,
            question: q,
        },
        applies_to: &question.applies_to,
        category: &c.checklist.categories[question.category].id,
        critical: question.critical,
        id: &question.id,
        question: &question.question,
        weight: question.weight,
        why: &question.why,
    }
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
            let mut by_id: Vec<usize> = (0..c.columns.len()).collect();
            by_id.sort_by(|&a, &b| c.columns[a].0.id.cmp(&c.columns[b].0.id));
            // Every answer found once up front (a few MB at 10,000 providers): the questions
            // are written one at a time, each with every provider's answer.
            let index = QuestionIndex::new(c.checklist);
            let found: Vec<_> = c.columns.iter().map(|(p, _)| index.answers(p)).collect();
            let questions = || {
                let questions = c.checklist.questions.iter().enumerate();
                questions.map(|(q, question)| question_json(c, &by_id, &found, q, question))
            };
            map.serialize_entry("questions", &Each(questions))?;
            map.end()
        }
    }
    serde_json::to_writer_pretty(&mut *out, &Document(c))?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{checklist, comparison, three, written};
    use super::*;
    use serde_json::Value;

    fn document(c: &Comparison<'_>) -> Value {
        serde_json::from_str(&written(c, Format::Json, false, 80)).expect("valid JSON")
    }

    #[test]
    fn providers_in_ranking_order_and_questions_in_checklist_order() {
        let checklist = checklist();
        let providers = three(&checklist);
        let doc = document(&comparison(&checklist, &providers));
        let ids: Vec<&str> = doc["providers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["best", "gaps", "unsafe"]);
        let questions: Vec<&str> = doc["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap())
            .collect();
        assert_eq!(questions, ["vitals", "plan", "rems"]);
        // Answers are keyed by provider id, in id order whatever the ranking.
        let answers = doc["questions"][0]["answers"].as_object().unwrap();
        assert_eq!(
            answers.keys().collect::<Vec<_>>(),
            ["best", "gaps", "unsafe"]
        );
        assert_eq!(doc["generated"], "2026-11-28");
        assert_eq!(
            doc["priorities"],
            serde_json::json!({ "safety": 2, "care": 2 })
        );
    }

    /// File text comes back exactly, quotes and line breaks included; what a profile does not
    /// say is null, never an empty string.
    #[test]
    fn answers_keep_their_text_and_unknowns_are_null() {
        let checklist = checklist();
        let providers = three(&checklist);
        let doc = document(&comparison(&checklist, &providers));
        let vitals = &doc["questions"][0]["answers"];
        assert_eq!(
            vitals["best"]["note"],
            "She said \"always\",\nevery time | =1+1"
        );
        assert_eq!(vitals["best"]["source"], "call, 2026");
        assert_eq!(vitals["best"]["answer"], "yes");
        assert_eq!(vitals["gaps"]["note"], "=SUM(A1)");
        let plan = &doc["questions"][1]["answers"]["gaps"];
        assert_eq!(plan["answer"], "unknown");
        for key in ["note", "source", "date"] {
            assert_eq!(plan[key], Value::Null, "{key}");
        }
        let rems = &doc["questions"][2];
        assert_eq!(rems["applies_to"], serde_json::json!(["esketamine"]));
        assert_eq!(rems["answers"]["best"]["answer"], "n/a");
        assert_eq!(rems["answers"]["best"]["route_not_offered"], true);
    }

    #[test]
    fn flags_carry_their_message() {
        let checklist = checklist();
        let providers = three(&checklist);
        let doc = document(&comparison(&checklist, &providers));
        let unsafe_ = &doc["providers"][2];
        let flags = unsafe_["safety_flags"].as_array().unwrap();
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert!(
            flags[0]["message"].as_str().unwrap().contains("vitals"),
            "{flags:?}"
        );
        assert_eq!(doc["providers"][0]["safety_flags"], serde_json::json!([]));
    }

    /// The borrowed structs write the keys in the order a `serde_json::Map` sorts them, so
    /// the document is stable across versions; only the course lists its sessions in the order
    /// of a course, as README.md documents.
    #[test]
    fn keys_are_sorted_except_the_course_shape() {
        let checklist = checklist();
        let providers = three(&checklist);
        let text = written(&comparison(&checklist, &providers), Format::Json, false, 80);
        let start = text.find("  \"course\": {\n").unwrap();
        let end = start + text[start..].find("\n  },\n").unwrap() + "\n  },\n".len();
        let course = &text[start..end];
        let at = |key: &str| course.find(&format!("\"{key}\"")).unwrap();
        assert!(at("dosing") < at("preparation") && at("preparation") < at("integration"));
        assert!(at("integration") < at("boosters"), "{course}");
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        doc.as_object_mut().unwrap().remove("course");
        // Value's map sorts; writing it again gives the same text only if the keys were sorted.
        let rest = format!("{}{}", &text[..start], &text[end..]);
        assert_eq!(serde_json::to_string_pretty(&doc).unwrap() + "\n", rest);
    }

    #[test]
    fn no_providers_is_an_empty_list_and_questions_without_answers() {
        let checklist = checklist();
        let doc = document(&comparison(&checklist, &[]));
        assert_eq!(doc["providers"], serde_json::json!([]));
        assert_eq!(doc["questions"].as_array().unwrap().len(), 3);
        assert_eq!(doc["questions"][0]["answers"], serde_json::json!({}));
    }
}
