//! The JSON Schema of provider files (`kapguide schema`, committed as providers/schema.json):
//! derived with schemars from the types the loader fills, with the question ids of the
//! checklist in use, so editors complete and a profile repository's CI checks what kapguide
//! reads. The few places where a file says more briefly what the types hold (a bare answer word,
//! a TOML date, a fee as a number or a range) are described beside those types.

use schemars::Schema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use super::checklist::Checklist;
use super::provider::Provider;
use super::sanitize::sanitize_line;

/// The schema for provider profiles checked against `checklist`: `[answers]` lists its question
/// ids, each described by its question.
pub fn provider_schema(checklist: &Checklist) -> Value {
    let schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Provider>();
    let mut schema = schema.to_value();
    for_toml(&mut schema);
    if let Some(answers) = schema.pointer_mut("/properties/answers") {
        // The derived schema takes any key; a profile may only answer the checklist's questions.
        let answer = answers["additionalProperties"].take();
        let questions: Map<String, Value> = checklist
            .questions
            .iter()
            .map(|q| {
                let mut property = answer.clone();
                property["description"] = json!(sanitize_line(&q.question));
                (q.id.to_string(), property)
            })
            .collect();
        answers["properties"] = Value::Object(questions);
        answers["additionalProperties"] = json!(false);
    }
    schema
}

/// What the derived schema says that a TOML file cannot mean, made plain: TOML has no null, so
/// an optional field is simply left out (`"type": ["string", "null"]` becomes `"string"`, and
/// `anyOf: [X, {"type": "null"}]` becomes X); and a doc comment's line breaks are only its
/// wrapping, so descriptions read as one paragraph.
fn for_toml(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Array(types)) = object.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_mut_slice() {
                    let only = only.take();
                    object.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(options)) = object.get_mut("anyOf") {
                options.retain(|o| o != &json!({ "type": "null" }));
                if let [Value::Object(only)] = options.as_mut_slice() {
                    let only = std::mem::take(only);
                    object.remove("anyOf");
                    // The field's own description stays; the rest is the one schema left.
                    for (key, rule) in only {
                        object.entry(key).or_insert(rule);
                    }
                }
            }
            if let Some(Value::String(text)) = object.get_mut("description") {
                *text = one_paragraph(text);
            }
            object.values_mut().for_each(for_toml);
        }
        Value::Array(items) => items.iter_mut().for_each(for_toml),
        _ => {}
    }
}

/// "a doc comment\nwrapped" → "a doc comment wrapped"; blank lines stay paragraph breaks.
fn one_paragraph(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// For a table whose main value may also be written bare (`prep_sessions = "yes"` for
/// `{ answer = "yes" }`, `insurance = "superbill"`): the schema becomes "the value, or the
/// table". The value is the table's one required key.
pub(crate) fn or_bare_value(schema: &mut Schema) {
    let key = schema
        .get("required")
        .and_then(|r| r.get(0))
        .and_then(Value::as_str)
        .map(str::to_string);
    let Some(bare) = key.and_then(|key| schema.get("properties")?.get(&key).cloned()) else {
        return;
    };
    let description = schema.remove("description");
    let table = std::mem::take(schema).to_value();
    *schema = schemars::json_schema!({ "oneOf": [bare, table] });
    if let Some(description) = description {
        schema.insert("description".into(), description);
    }
}

/// For `#[schemars(skip_serializing_if)]` on optional tables and lists: a table left out is
/// empty, and its empty default says nothing an editor could use, so the schema leaves it out.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checklist::Checklist;

    fn checklist() -> Checklist {
        let text = "[[category]]\nid = \"care\"\ntitle = \"Care\"\n[[question]]\nid = \"prep_sessions\"\ncategory = \"care\"\nquestion = \"Prep?\"\nwhy = \"W\"\nweight = 2\n";
        Checklist::parse(std::path::Path::new("checklist.toml"), text)
            .0
            .unwrap()
    }

    #[test]
    fn answers_name_the_checklists_questions_and_nothing_else() {
        let schema = provider_schema(&checklist());
        let answers = &schema["properties"]["answers"];
        assert_eq!(answers["additionalProperties"], json!(false));
        let properties = answers["properties"].as_object().unwrap();
        assert_eq!(properties.keys().collect::<Vec<_>>(), ["prep_sessions"]);
        assert_eq!(properties["prep_sessions"]["description"], "Prep?");
    }

    fn sorted<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
        let mut keys: Vec<&str> = keys.into_iter().collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    fn property_names(table: &Value) -> Vec<&str> {
        table["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("not a table: {table}"))
            .keys()
            .map(String::as_str)
            .collect()
    }

    /// Each table of a profile takes exactly the keys the loader reads (both refuse any other),
    /// and only the keys the loader insists on are required.
    #[test]
    fn every_table_has_the_keys_the_loader_reads() {
        use crate::core::clinician::{CLINICIAN_KEYS, VERIFICATION_KEYS};
        use crate::core::costs::{COSTS_KEYS, FEE_KEYS, ITEM_KEYS};
        use crate::core::provider::{
            ANSWER_KEYS, CONTACT_KEYS, LOCATION_KEYS, SOURCE_KEYS, TOP_KEYS,
        };
        let schema = provider_schema(&checklist());
        let defs = &schema["$defs"];
        let tables: [(&str, &Value, &[&str], &[&str]); 9] = [
            ("the profile", &schema, &TOP_KEYS, &["name", "kind"]),
            ("[location]", &defs["Location"], &LOCATION_KEYS, &[]),
            ("[contact]", &defs["Contact"], &CONTACT_KEYS, &[]),
            ("[source]", &defs["ProfileSource"], &SOURCE_KEYS, &["kind"]),
            (
                "an answer",
                &defs["Answer"]["oneOf"][1],
                &ANSWER_KEYS,
                &["answer"],
            ),
            (
                "[[clinicians]]",
                &defs["Clinician"],
                &CLINICIAN_KEYS,
                &["name", "role"],
            ),
            (
                "verification",
                &defs["Verification"],
                &VERIFICATION_KEYS,
                &["result"],
            ),
            ("[costs]", &defs["Costs"], &COSTS_KEYS, &[]),
            (
                "a cost item",
                &defs["Item_string"]["oneOf"][1],
                &ITEM_KEYS,
                &["value"],
            ),
        ];
        for (what, table, keys, required) in tables {
            assert_eq!(
                sorted(property_names(table)),
                sorted(keys.iter().copied()),
                "{what}"
            );
            assert_eq!(table["additionalProperties"], json!(false), "{what}");
            let required_in_schema: Vec<&str> = table["required"]
                .as_array()
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            assert_eq!(
                sorted(required_in_schema),
                sorted(required.iter().copied()),
                "{what}"
            );
        }
        // A fee is a number, `{ value }` or `{ min, max }`, each table with a note and a source.
        let fee = defs["Fee"]["oneOf"].as_array().unwrap();
        assert_eq!(fee[0]["type"], "integer");
        let fee_keys = fee[1..].iter().flat_map(property_names);
        assert_eq!(sorted(fee_keys), sorted(FEE_KEYS));
    }

    /// The words of every enum a profile uses, in the loader's order, each with a description
    /// an editor can show beside it.
    #[test]
    fn every_word_is_listed_with_its_description() {
        use crate::core::checklist::Route;
        use crate::core::clinician::{Role, Verdict};
        use crate::core::costs::Insurance;
        use crate::core::provider::{AnswerValue, ProviderKind, SourceKind, Telehealth};
        fn words<T>(all: &[(&'static str, T)]) -> Vec<&'static str> {
            all.iter().map(|(word, _)| *word).collect()
        }
        let schema = provider_schema(&checklist());
        for (name, expected) in [
            ("ProviderKind", words(ProviderKind::ALL)),
            ("Telehealth", words(Telehealth::ALL)),
            ("SourceKind", words(SourceKind::ALL)),
            ("AnswerValue", words(AnswerValue::ALL)),
            ("Route", words(Route::ALL)),
            ("Role", words(Role::ALL)),
            ("Verdict", words(Verdict::ALL)),
            ("Insurance", words(Insurance::ALL)),
        ] {
            let options = schema["$defs"][name]["oneOf"]
                .as_array()
                .unwrap_or_else(|| panic!("{name} is not a list of described words"));
            let listed: Vec<&str> = options.iter().filter_map(|o| o["const"].as_str()).collect();
            assert_eq!(listed, expected, "{name}");
            for option in options {
                let description = option["description"].as_str().unwrap_or_default();
                assert!(
                    !description.is_empty(),
                    "{name}: {option} has no description"
                );
            }
        }
    }

    /// Every key a profile may hold says what it is for, directly or through its type.
    #[test]
    fn every_property_is_described() {
        fn walk<'a>(value: &'a Value, root: &'a Value, at: &str, missing: &mut Vec<String>) {
            let Some(object) = value.as_object() else {
                if let Some(items) = value.as_array() {
                    for v in items {
                        walk(v, root, at, missing);
                    }
                }
                return;
            };
            if let Some(Value::Object(properties)) = object.get("properties") {
                for (key, property) in properties {
                    let target = property["$ref"]
                        .as_str()
                        .and_then(|r| root.pointer(r.trim_start_matches('#')))
                        .unwrap_or(property);
                    if property
                        .get("description")
                        .or(target.get("description"))
                        .is_none()
                    {
                        missing.push(format!("{at}.{key}"));
                    }
                }
            }
            for (key, child) in object {
                walk(child, root, &format!("{at}/{key}"), missing);
            }
        }
        let schema = provider_schema(&checklist());
        let mut missing = Vec::new();
        walk(&schema, &schema, "", &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn nothing_is_null_and_a_wrapped_doc_comment_reads_as_one_line() {
        let mut value = json!({
            "description": "wrapped\nhere\n\nsecond",
            "properties": {
                "a": { "type": ["string", "null"] },
                "b": { "description": "B", "anyOf": [{ "$ref": "#/$defs/X" }, { "type": "null" }] },
                "c": { "anyOf": [{ "type": "integer" }, { "type": "string" }] },
            },
        });
        for_toml(&mut value);
        assert_eq!(
            value,
            json!({
                "description": "wrapped here\n\nsecond",
                "properties": {
                    "a": { "type": "string" },
                    "b": { "description": "B", "$ref": "#/$defs/X" },
                    "c": { "anyOf": [{ "type": "integer" }, { "type": "string" }] },
                },
            })
        );
        let text = provider_schema(&checklist()).to_string();
        assert!(!text.contains("null"), "{text}");
    }

    #[test]
    fn a_bare_value_or_its_table() {
        let mut schema = schemars::json_schema!({
            "type": "object",
            "description": "An item.",
            "required": ["value"],
            "properties": { "value": { "type": "boolean" }, "note": { "type": "string" } },
        });
        or_bare_value(&mut schema);
        assert_eq!(schema.get("description"), Some(&json!("An item.")));
        assert_eq!(
            schema.get("oneOf").unwrap()[0],
            json!({ "type": "boolean" })
        );
        assert_eq!(schema.get("oneOf").unwrap()[1]["type"], "object");
    }
}
