//! What a maintainer of provider files wants from the command line: `validate` in forms CI can
//! read, shell completions and a man page generated from the same clap definitions, and the JSON
//! Schema of provider files.

use std::path::PathBuf;

use serde_json::json;

use super::{Context, Outcome, ValidateFormat};
use crate::core::diagnostics::{Location, Problem, Severity};
use crate::core::sanitize::sanitize_line;
use crate::io::loader::validate_paths;

pub fn validate(
    context: &Context,
    paths: &[PathBuf],
    format: ValidateFormat,
    strict: bool,
) -> Outcome {
    let (mut problems, files, skipped) = if paths.is_empty() {
        let lib = &context.library;
        // The guides, the profiles, the checklist and the options grid.
        let files = lib.guides.len() + lib.providers.len() + lib.skipped + 2;
        (lib.problems.clone(), files, lib.skipped)
    } else {
        let v = validate_paths(paths, &context.library.checklist, context.today);
        (v.problems, v.files, v.skipped)
    };
    problems.sort_by(|a, b| (&a.path, a.location).cmp(&(&b.path, b.location)));
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let stdout = match format {
        ValidateFormat::Text => problems.iter().map(|p| format!("{p}\n")).collect(),
        ValidateFormat::Json => json_report(&problems),
        ValidateFormat::Github => problems.iter().map(github_annotation).collect(),
    };
    let failing = if strict { errors + warnings } else { errors };
    let mut stderr = format!(
        "{files} file(s) checked: {errors} error(s), {warnings} warning(s), {skipped} file(s) would be skipped\n"
    );
    if strict && warnings > 0 {
        stderr.push_str("--strict: warnings count as failures\n");
    }
    Outcome {
        stdout,
        stderr,
        code: u8::from(failing > 0),
    }
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// One JSON array, an object per line, so it reads in a terminal and parses in a script. Text is
/// sanitised like every other output; `line` and `column` are null for a whole-file problem.
fn json_report(problems: &[Problem]) -> String {
    let rows: Vec<String> = problems
        .iter()
        .map(|p| {
            let (line, column) = match p.location {
                Location::At { line, column } => (Some(line), Some(column)),
                Location::File => (None, None),
            };
            json!({
                "path": sanitize_line(&p.path.display().to_string()),
                "line": line,
                "column": column,
                "severity": severity_word(p.severity),
                "message": sanitize_line(&p.message),
                "hint": p.hint.as_deref().map(sanitize_line),
            })
            .to_string()
        })
        .collect();
    if rows.is_empty() {
        "[]\n".to_string()
    } else {
        format!("[\n{}\n]\n", rows.join(",\n"))
    }
}

/// A GitHub Actions workflow command: `::error file=…,line=…,col=…::message`. Values are
/// percent-escaped as the runner expects, so a hostile message cannot start a new command.
fn github_annotation(p: &Problem) -> String {
    let escape_data = |text: &str| {
        text.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let escape_property = |text: &str| escape_data(text).replace(':', "%3A").replace(',', "%2C");
    let path = sanitize_line(&p.path.display().to_string()).into_owned();
    let mut properties = format!("file={}", escape_property(&path));
    if let Location::At { line, column } = p.location {
        properties.push_str(&format!(",line={line},col={column}"));
    }
    let mut message = sanitize_line(&p.message).into_owned();
    if let Some(hint) = &p.hint {
        message.push_str(&format!(" (hint: {})", sanitize_line(hint)));
    }
    format!(
        "::{} {properties},title=kapguide::{}\n",
        severity_word(p.severity),
        escape_data(&message)
    )
}

pub fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut super::command(), "kapguide", &mut script);
    Outcome::ok(String::from_utf8_lossy(&script).into_owned())
}

pub fn man_page() -> Outcome {
    let mut page = Vec::new();
    match clap_mangen::Man::new(super::command()).render(&mut page) {
        Ok(()) => Outcome::ok(String::from_utf8_lossy(&page).into_owned()),
        Err(e) => Outcome {
            stdout: String::new(),
            stderr: format!("kapguide: could not render the man page: {e}\n"),
            code: 1,
        },
    }
}

pub fn schema(context: &Context) -> Outcome {
    let schema = crate::core::schema::provider_schema(&context.library.checklist);
    // Pretty, with a final newline: the committed providers/schema.json is this output.
    let text = serde_json::to_string_pretty(&schema).expect("a JSON value always serializes");
    Outcome::ok(format!("{text}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn problem(location: Location, message: &str) -> Problem {
        Problem {
            location,
            ..Problem::file(Path::new("providers/a,b.toml"), Severity::Error, message)
                .with_hint("fix it")
        }
    }

    #[test]
    fn github_annotations_escape_what_would_end_or_start_a_command() {
        let line = github_annotation(&problem(
            Location::At { line: 4, column: 3 },
            "100% wrong\n::error::injected",
        ));
        assert_eq!(
            line,
            // The line break became a space: a workflow command only starts a line.
            "::error file=providers/a%2Cb.toml,line=4,col=3,title=kapguide::100%25 wrong ::error::injected (hint: fix it)\n"
        );
        assert_eq!(line.lines().count(), 1);
    }

    #[test]
    fn whole_file_problems_have_no_line_in_any_format() {
        let p = problem(Location::File, "empty file");
        assert!(!github_annotation(&p).contains("line="));
        let parsed: serde_json::Value = serde_json::from_str(&json_report(&[p])).unwrap();
        assert!(parsed[0]["line"].is_null() && parsed[0]["column"].is_null());
        assert_eq!(parsed[0]["severity"], "error");
        assert_eq!(parsed[0]["hint"], "fix it");
    }
}
