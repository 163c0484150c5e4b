//! Comparisons as CSV: one row per question, then summary rows.

use super::*;

/// RFC 4180 quoting; a leading `= + - @` is defused so a spreadsheet never runs file text as a
/// formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// What one provider's column shows in a CSV summary row.
type SummaryCell<'f> = &'f dyn Fn(&Provider, &Score) -> String;

/// One CSV line.
fn csv_row(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
        + "\n"
}

/// Written row by row: a row holds every provider, but the document is never whole.
pub(super) fn csv(c: &Comparison<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut header = vec![
        "category".to_string(),
        "question_id".into(),
        "question".into(),
        "weight".into(),
        "critical".into(),
    ];
    for (p, _) in &c.columns {
        header.extend([
            p.id.to_string(),
            format!("{}_note", p.id),
            format!("{}_source", p.id),
        ]);
    }
    out.write_all(csv_row(&header).as_bytes())?;
    for (q, question) in c.checklist.questions.iter().enumerate() {
        let mut fields = vec![
            c.checklist.categories[question.category].id.to_string(),
            question.id.to_string(),
            question.question.clone(),
            question.weight.to_string(),
            question.critical.to_string(),
        ];
        for (p, s) in &c.columns {
            let answer = p.answers.get(&question.id);
            fields.push(answer_label(s.questions[q].value).into());
            fields.push(answer.and_then(|a| a.note.clone()).unwrap_or_default());
            fields.push(answer.and_then(|a| a.source.clone()).unwrap_or_default());
        }
        out.write_all(csv_row(&fields).as_bytes())?;
    }
    // After the questions, rows that say what each column is and how it scores, so a
    // spreadsheet never separates a sample or a red flag from its answers.
    let flags = |kind: FlagKind| {
        move |_: &Provider, s: &Score| {
            s.flags_of(kind)
                .map(|f| f.describe(c.checklist))
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    let (safety, data) = (flags(FlagKind::Safety), flags(FlagKind::Data));
    let summary: [(&str, SummaryCell); 8] = [
        ("sample", &|p, _| {
            if p.sample {
                "SAMPLE (fictional)".into()
            } else {
                String::new()
            }
        }),
        ("model", &|p, _| model_text(p).into()),
        ("score_range", &|_, s| s.total.range_text()),
        ("known", &|_, s| s.total.coverage_percent()),
        ("course_cost", &|p, _| c.cost(p).text()),
        ("licences", &|p, _| licences_text(p)),
        ("safety_flags", &safety),
        ("data_flags", &data),
    ];
    for (row, value) in summary {
        let mut fields = vec![
            "_summary".to_string(),
            row.to_string(),
            String::new(),
            String::new(),
            String::new(),
        ];
        for (p, s) in &c.columns {
            fields.extend([value(p, s), String::new(), String::new()]);
        }
        out.write_all(csv_row(&fields).as_bytes())?;
    }
    let mut notice = vec![
        "_summary".to_string(),
        "notice".into(),
        format!("{DISCLAIMER} Generated {}.", c.today),
    ];
    notice.resize(5 + 3 * c.columns.len(), String::new());
    out.write_all(csv_row(&notice).as_bytes())
}
