//! The provider file schema: the committed providers/schema.json is what `kapguide schema`
//! prints for the bundled checklist, so it cannot drift from the types; it accepts every bundled
//! profile and the new-provider template, and refuses the mistakes the loader refuses.

mod cli_support;

use std::path::Path;

use kapguide::core::date::Date;
use kapguide::core::provider::Provider;
use kapguide::core::template::provider_template;
use kapguide::io::loader::{LoadOptions, load};
use serde_json::Value;

const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/providers/schema.json");

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(COMMITTED).unwrap()).unwrap()
}

/// What `kapguide schema` prints, with the checklist of `guides` when given.
fn printed_schema(guides: Option<&Path>) -> String {
    let home = tempfile::tempdir().unwrap();
    let mut command = cli_support::kapguide_std(home.path());
    if let Some(dir) = guides {
        command.arg("--guides").arg(dir);
    }
    let out = command.arg("schema").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_committed_schema_is_what_kapguide_schema_prints() {
    let committed = std::fs::read_to_string(COMMITTED).unwrap();
    assert!(
        committed == printed_schema(None),
        "providers/schema.json is out of date: cargo run -- schema > providers/schema.json"
    );
}

/// With `--guides`, the schema's answers are that checklist's questions, so a repository with a
/// checklist of its own can check its profiles against it.
#[test]
fn a_checklist_of_your_own_gives_its_own_answer_keys() {
    let guides = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guides");
    let printed: Value = serde_json::from_str(&printed_schema(Some(&guides))).unwrap();
    let mut keys: Vec<&str> = printed["properties"]["answers"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let library = load(&LoadOptions {
        guides_dir: Some(guides),
        ..LoadOptions::default()
    });
    let mut expected: Vec<&str> = library.checklist.question_ids();
    keys.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    assert_ne!(
        printed,
        schema(),
        "the fixture checklist differs from the bundled one"
    );
}

/// A TOML document as the JSON an editor's schema check sees (dates become their text).
fn json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(n) => Value::from(n),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, json(v))).collect())
        }
    }
}

/// Enough of JSON Schema to check profiles against the generated schema. A keyword it does not
/// know fails the test, so nothing passes because the checker skipped it.
fn check(schema: &Value, root: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else {
        panic!("{at}: a schema is an object, not {schema}");
    };
    for (keyword, rule) in schema {
        let fail = |errors: &mut Vec<String>, what: String| errors.push(format!("{at}: {what}"));
        match keyword.as_str() {
            "$schema" | "title" | "description" | "default" | "format" | "$defs" => {}
            "$ref" => {
                let name = rule.as_str().unwrap().trim_start_matches("#/$defs/");
                check(&root["$defs"][name], root, value, at, errors);
            }
            "oneOf" => {
                let passing = rule
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|option| {
                        let mut inner = Vec::new();
                        check(option, root, value, at, &mut inner);
                        inner.is_empty()
                    })
                    .count();
                if passing != 1 {
                    fail(errors, format!("{passing} of oneOf match {value}"));
                }
            }
            "enum" => {
                if !rule.as_array().unwrap().contains(value) {
                    fail(errors, format!("{value} is not one of {rule}"));
                }
            }
            "const" => {
                if rule != value {
                    fail(errors, format!("{value} is not {rule}"));
                }
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::Array(types) => types.iter().filter_map(Value::as_str).collect(),
                    other => vec![other.as_str().unwrap()],
                };
                let fits = |t: &str| match t {
                    "string" => value.is_string(),
                    "integer" => value.is_i64() || value.is_u64(),
                    "number" => value.is_number(),
                    "boolean" => value.is_boolean(),
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "null" => value.is_null(),
                    other => panic!("unknown type {other}"),
                };
                if !types.into_iter().any(fits) {
                    fail(errors, format!("{value} is not of type {rule}"));
                }
            }
            "pattern" => {
                let pattern = regex::Regex::new(rule.as_str().unwrap()).unwrap();
                if value.as_str().is_some_and(|s| !pattern.is_match(s)) {
                    fail(errors, format!("{value} does not match {rule}"));
                }
            }
            "minLength" => {
                if value
                    .as_str()
                    .is_some_and(|s| s.chars().count() < rule.as_u64().unwrap() as usize)
                {
                    fail(errors, "too short".into());
                }
            }
            "minimum" | "maximum" => {
                if let (Some(n), Some(limit)) = (value.as_f64(), rule.as_f64()) {
                    let outside = if keyword == "minimum" {
                        n < limit
                    } else {
                        n > limit
                    };
                    if outside {
                        fail(errors, format!("{n} is outside {keyword} {limit}"));
                    }
                }
            }
            "required" => {
                for key in rule.as_array().unwrap() {
                    if value.is_object() && value.get(key.as_str().unwrap()).is_none() {
                        fail(errors, format!("missing {key}"));
                    }
                }
            }
            "properties" => {
                if let Some(object) = value.as_object() {
                    for (key, item) in object {
                        if let Some(property) = rule.get(key) {
                            check(property, root, item, &format!("{at}.{key}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                let known = schema.get("properties").and_then(Value::as_object);
                for (key, item) in value.as_object().into_iter().flatten() {
                    if known.is_some_and(|k| k.contains_key(key)) {
                        continue;
                    }
                    match rule {
                        Value::Bool(false) => fail(errors, format!("unknown key {key}")),
                        Value::Bool(true) => {}
                        extra => check(extra, root, item, &format!("{at}.{key}"), errors),
                    }
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    check(rule, root, item, &format!("{at}[{i}]"), errors);
                }
            }
            other => panic!("{at}: the checker does not know `{other}`"),
        }
    }
}

fn problems_with(schema: &Value, text: &str) -> Vec<String> {
    let value = json(toml::from_str(text).expect("TOML"));
    let mut errors = Vec::new();
    check(schema, schema, &value, "profile", &mut errors);
    errors
}

#[test]
fn every_bundled_profile_and_the_template_validate() {
    let schema = schema();
    let library = load(&LoadOptions::default());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("providers");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let errors = problems_with(&schema, &text);
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} profiles");
    let template = provider_template(
        "new-clinic",
        &library.checklist,
        Date::parse("2026-11-28").unwrap(),
    );
    let errors = problems_with(&schema, &template);
    assert!(errors.is_empty(), "template: {errors:#?}");
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let schema = schema();
    let library = load(&LoadOptions::default());
    let base = "name = \"Blue Door\"\nkind = \"kap-practice\"\n";
    for (mistake, text) in [
        ("an unknown key", format!("{base}websight = \"x\"\n")),
        ("no name", "kind = \"kap-practice\"\n".to_string()),
        (
            "an unknown kind",
            "name = \"A\"\nkind = \"spa\"\n".to_string(),
        ),
        (
            "an unknown question",
            format!("{base}[answers]\nnot_a_question = \"yes\"\n"),
        ),
        (
            "an unknown answer",
            format!("{base}[answers]\nprep_sessions = \"maybe\"\n"),
        ),
        (
            "an answer table without its answer",
            format!("{base}[answers]\nprep_sessions = {{ note = \"x\" }}\n"),
        ),
        (
            "a fee range without max",
            format!("{base}[costs]\ncurrency = \"USD\"\ndosing_session = {{ min = 400 }}\n"),
        ),
        (
            "a currency that is not a three-letter code",
            format!("{base}[costs]\ncurrency = \"€€€\"\n"),
        ),
        (
            "a negative fee",
            format!("{base}[costs]\ncurrency = \"USD\"\ndosing_session = -5\n"),
        ),
        (
            "an unknown insurance word",
            format!("{base}[costs]\ninsurance = {{ value = \"maybe\" }}\n"),
        ),
        (
            "a clinician without a role",
            format!("{base}[[clinicians]]\nname = \"A\"\n"),
        ),
        (
            "an unknown licence result",
            format!(
                "{base}[[clinicians]]\nname = \"A\"\nrole = \"nurse\"\nverification = {{ date = 2026-01-02, result = \"fine\" }}\n"
            ),
        ),
        (
            "an unknown route",
            format!("{base}routes = [\"iv\", \"patch\"]\n"),
        ),
        (
            "a telehealth level that is not a word",
            format!("{base}telehealth = true\n"),
        ),
        (
            "a source without its kind",
            format!("{base}[source]\nurl = \"https://example.org\"\n"),
        ),
    ] {
        assert!(
            !problems_with(&schema, &text).is_empty(),
            "the schema accepts {mistake}"
        );
        let (_, problems) = Provider::parse(Path::new("blue-door.toml"), &text, &library.checklist);
        assert!(
            problems.iter().any(|p| p.is_error()),
            "the loader accepts {mistake}"
        );
    }
    // And what both accept: details everywhere.
    let full = format!(
        "{base}sample = true\nroutes = [\"im\"]\ntelehealth = \"partial\"\nlanguages = [\"English\"]\n[location]\ncity = \"X\"\n[source]\nkind = \"document\"\nlast_verified = 2026-11-01\n[[clinicians]]\nname = \"A\"\nrole = \"nurse\"\nverification = {{ date = 2026-01-02, result = \"active\" }}\n[costs]\ncurrency = \"USD\"\ndosing_session = {{ min = 400, max = 600, note = \"x\" }}\npreparation_session = 0\ninsurance = \"superbill\"\nprior_auth_help = {{ value = false, source = \"fee sheet\" }}\n[answers]\nprep_sessions = {{ answer = \"yes\", date = 2026-01-02 }}\n"
    );
    assert_eq!(problems_with(&schema, &full), Vec::<String>::new());
    let (provider, problems) =
        Provider::parse(Path::new("blue-door.toml"), &full, &library.checklist);
    assert!(
        provider.is_some() && !problems.iter().any(|p| p.is_error()),
        "{problems:?}"
    );
}
