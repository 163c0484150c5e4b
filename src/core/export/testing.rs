//! What the export modules' tests share: a small checklist whose text carries the characters
//! each format must escape, profiles written as TOML, and comparisons of them on a fixed day.

use std::path::Path;

use super::*;

/// Two categories; "Safety | first" holds a critical question, "Care" two more, one of them
/// only for esketamine, so a provider without that route has it as "not offered".
const CHECKLIST: &str = r#"
[[category]]
id = "safety"
title = "Safety | first"
[[category]]
id = "care"
title = "Care"
[[question]]
id = "vitals"
category = "safety"
question = "Are *vitals* checked, <always>?"
why = "Blood pressure can rise."
weight = 3
critical = true
[[question]]
id = "plan"
category = "care"
question = "Is there a written plan, with goals?"
why = "A plan says what the sessions are for."
weight = 2
[[question]]
id = "rems"
category = "care"
question = "Is the REMS program followed?"
why = "Esketamine is only given under it."
weight = 1
applies_to = ["esketamine"]
"#;

pub fn checklist() -> Checklist {
    let (checklist, problems) = Checklist::parse(Path::new("checklist.toml"), CHECKLIST);
    assert!(problems.is_empty(), "{problems:?}");
    checklist.expect("the test checklist loads")
}

pub fn today() -> Date {
    Date::parse("2026-11-28").expect("a date")
}

/// A profile called `name` (written as a TOML basic string, so `"` and `\` are escaped), with
/// a recent source and `body` after those keys (top-level keys, then tables).
pub fn provider(checklist: &Checklist, id: &str, name: &str, body: &str) -> Provider {
    let name = name.replace('\\', "\\\\").replace('"', "\\\"");
    let text = format!(
        "name = \"{name}\"\nkind = \"kap-practice\"\nroutes = [\"im\"]\n{body}\n[source]\nkind = \"consultation\"\nlast_verified = 2026-11-01\n"
    );
    let (provider, problems) = Provider::parse(Path::new(&format!("{id}.toml")), &text, checklist);
    assert!(
        problems.iter().all(|p| !p.is_error()),
        "{text}\n{problems:?}"
    );
    provider.expect("the test profile loads")
}

/// Every provider, ranked, with the default priorities.
pub fn comparison<'a>(checklist: &'a Checklist, providers: &'a [Provider]) -> Comparison<'a> {
    Comparison::new(
        checklist,
        providers.iter().collect(),
        &Priorities::default(),
        today(),
    )
}

/// The comparison written in `format`, as text.
pub fn written(c: &Comparison<'_>, format: Format, ascii: bool, width: usize) -> String {
    let mut out = Vec::new();
    write_comparison(c, format, &RenderOptions { ascii, width }, &mut out).expect("written");
    String::from_utf8(out).expect("UTF-8")
}

/// Three providers that between them give every kind of answer: "Best, Inc." answers all yes
/// (with a note full of characters to escape), "Gaps" leaves the plan unknown and answers
/// partial to vitals (a note a spreadsheet would run as a formula), "Unsafe" says no to the critical question (a safety flag).
pub fn three(checklist: &Checklist) -> Vec<Provider> {
    vec![
        provider(
            checklist,
            "unsafe",
            "Unsafe",
            "[answers]\nvitals = \"no\"\nplan = \"yes\"\n",
        ),
        provider(
            checklist,
            "best",
            "Best, Inc.",
            "[answers]\nvitals = { answer = \"yes\", note = \"She said \\\"always\\\",\\nevery time | =1+1\", source = \"call, 2026\" }\nplan = \"yes\"\n",
        ),
        provider(
            checklist,
            "gaps",
            "Gaps",
            "[answers]\nvitals = { answer = \"partial\", note = \"=SUM(A1)\" }\n",
        ),
    ]
}

/// RFC 4180 read back: records of fields, quotes undone, so a test sees what a spreadsheet
/// would.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "unfinished: {text}"
    );
    records
}
