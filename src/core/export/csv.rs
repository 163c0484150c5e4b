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

#[cfg(test)]
mod tests {
    use super::super::testing::{checklist, comparison, parse_csv, three, written};
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed_and_quotes_are_doubled() {
        assert_eq!(csv_field("plain text"), "plain text");
        assert_eq!(csv_field(""), "");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\r"), "\"cr\r\"");
    }

    /// A spreadsheet runs a cell starting with = + - @ as a formula; file text never does.
    #[test]
    fn a_leading_formula_character_is_defused() {
        for text in ["=SUM(A1)", "+1", "-1", "@cmd"] {
            assert_eq!(csv_field(text), format!("'{text}"));
        }
        assert_eq!(csv_field("=a,b"), "\"'=a,b\"");
        // Only at the start: a formula character inside is left alone.
        assert_eq!(csv_field("1+1=2"), "1+1=2");
    }

    #[test]
    fn every_record_has_a_field_per_column_and_file_text_reads_back_whole() {
        let checklist = checklist();
        let providers = three(&checklist);
        let c = comparison(&checklist, &providers);
        let records = parse_csv(&written(&c, Format::Csv, false, 80));
        let width = 5 + 3 * c.columns.len();
        for record in &records {
            assert_eq!(record.len(), width, "{record:?}");
        }
        // Columns in ranking order, three per provider.
        let ids: Vec<&str> = c.columns.iter().map(|(p, _)| p.id.as_str()).collect();
        assert_eq!(ids, ["best", "gaps", "unsafe"]);
        assert_eq!(
            records[0][5..],
            [
                "best",
                "best_note",
                "best_source",
                "gaps",
                "gaps_note",
                "gaps_source",
                "unsafe",
                "unsafe_note",
                "unsafe_source",
            ]
        );
        // A row per question, in checklist order, before the summary rows.
        let ids: Vec<&str> = records[1..4].iter().map(|r| r[1].as_str()).collect();
        assert_eq!(ids, ["vitals", "plan", "rems"]);
        assert_eq!(records[4][0], "_summary");
        let vitals = &records[1];
        assert_eq!(
            vitals[..5],
            [
                "safety",
                "vitals",
                "Are *vitals* checked, <always>?",
                "3",
                "true"
            ]
        );
        assert_eq!(vitals[5], "yes");
        assert_eq!(vitals[6], "She said \"always\",\nevery time | =1+1");
        assert_eq!(vitals[7], "call, 2026");
        assert_eq!(vitals[9], "'=SUM(A1)", "defused, and otherwise whole");
        assert_eq!(vitals[11], "no");
        // Unknown, and a route the provider does not offer, have words and empty notes.
        let (plan, rems) = (&records[2], &records[3]);
        assert_eq!((plan[8].as_str(), plan[9].as_str()), ("unknown", ""));
        assert_eq!(rems[5], "n/a");
    }

    #[test]
    fn the_summary_rows_come_in_a_fixed_order_with_the_notice_last() {
        let checklist = checklist();
        let providers = three(&checklist);
        let c = comparison(&checklist, &providers);
        let records = parse_csv(&written(&c, Format::Csv, false, 80));
        let summary: Vec<&str> = records
            .iter()
            .filter(|r| r[0] == "_summary")
            .map(|r| r[1].as_str())
            .collect();
        assert_eq!(
            summary,
            [
                "sample",
                "model",
                "score_range",
                "known",
                "course_cost",
                "licences",
                "safety_flags",
                "data_flags",
                "notice",
            ]
        );
        let safety = records.iter().find(|r| r[1] == "safety_flags").unwrap();
        assert_eq!(safety[5], "", "best has none");
        assert!(!safety[11].is_empty(), "unsafe has one: {safety:?}");
        let notice = records.last().unwrap();
        assert!(notice[2].ends_with("Generated 2026-11-28."), "{notice:?}");
    }

    /// With no provider left, the document is still the questions and the summary, five
    /// columns wide: a valid CSV a spreadsheet opens.
    #[test]
    fn no_providers_gives_the_question_columns_alone() {
        let checklist = checklist();
        let c = comparison(&checklist, &[]);
        let records = parse_csv(&written(&c, Format::Csv, false, 80));
        assert_eq!(records.len(), 1 + 3 + 9);
        assert!(records.iter().all(|r| r.len() == 5), "{records:?}");
    }
}
