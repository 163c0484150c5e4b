//! The consultation packet: one self-contained page to print and take to a provider. HTML (no
//! scripts, no external files, print styles that fit A4 and US Letter) or Markdown. Every piece
//! of file text goes through [`html_escape`].

use super::*;
use crate::core::crisis::CrisisLines;

use crate::core::options::OptionsGrid;
use crate::core::readiness::{self, QUESTIONS as READINESS};
use crate::core::values::{self, STATEMENTS, Values};

/// Everything a packet shows.
pub struct Packet<'a> {
    pub provider: &'a Provider,
    pub checklist: &'a Checklist,
    pub priorities: &'a Priorities,
    pub options: &'a OptionsGrid,
    pub values: &'a Values,
    pub readiness: readiness::Answers,
    pub today: Date,
    /// The crisis lines printed on every packet (from `guides/crisis.toml`).
    pub crisis: &'a CrisisLines,
}

/// Text for HTML: the five characters that could start markup are written as entities.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body { font-family: Georgia, 'DejaVu Serif', serif; font-size: 11pt; line-height: 1.35; color: #111; max-width: 180mm; margin: 0 auto; padding: 8mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #555; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
.note { font-size: 9.5pt; color: #333; } .crisis { border: 2px solid #000; padding: 2mm 3mm; margin: 3mm 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; } th, td { border: 1px solid #777; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
.bar { display: flex; height: 5mm; border: 1px solid #000; width: 120mm; margin: 2mm 0; }
.known { background: #222; } .unknown { background: repeating-linear-gradient(45deg, #999 0 1mm, #fff 1mm 2mm); } .rest { background: #fff; }
.q { margin: 2mm 0 3mm; break-inside: avoid; } .write { border-bottom: 1px solid #000; height: 7mm; }
.flag { font-weight: bold; }
@page { margin: 12mm; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } tr, .q { break-inside: avoid; } }
";

fn bar_html(tally: &crate::core::scoring::Tally) -> String {
    let (solid, shaded, empty) = bar_parts(tally, 100);
    let part = |class: &str, n: usize, label: &str| {
        if n == 0 {
            String::new()
        } else {
            format!("<div class=\"{class}\" style=\"width:{n}%\" title=\"{label}\"></div>")
        }
    };
    format!(
        "<div class=\"bar\" role=\"img\" aria-label=\"score range {}\">{}{}{}</div>",
        html_escape(&tally.range_text()),
        part("known", solid, "known for sure"),
        part("unknown", shaded, "what the unknowns could add"),
        part("rest", empty, "not reached")
    )
}

/// The support lines and the emergency numbers, each on one line.
fn crisis_lines(crisis: &CrisisLines) -> (String, String) {
    (
        crisis.talk_items().join(" · "),
        crisis.emergency_items().join(" · "),
    )
}

fn answer_word(value: AnswerValue) -> &'static str {
    answer_label(value)
}

pub fn packet_html(p: &Packet<'_>) -> String {
    let (crisis, emergency) = crisis_lines(p.crisis);
    let score = crate::core::scoring::score(p.provider, p.checklist, p.priorities, p.today);
    let e = html_escape;
    let name = e(&display_name(p.provider));
    let mut o = String::new();
    o.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Consultation packet: {name}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    ));
    o.push_str(&format!("<h1>Consultation packet: {name}</h1>\n"));
    o.push_str(&format!(
        "<p class=\"note\">Prepared {} with kapguide. <strong>{}</strong></p>\n",
        p.today,
        e(DISCLAIMER)
    ));
    o.push_str(&format!(
        "<p class=\"crisis\"><strong>In crisis?</strong> {} · {}</p>\n",
        e(&crisis),
        e(&emergency)
    ));
    o.push_str(&format!(
        "<p>{} · {} · {}</p>\n",
        e(&p.provider.place()),
        e(p.provider.kind.as_str()),
        e(&[
            p.provider.contact.phone.as_deref(),
            p.provider.contact.website.as_deref()
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · "))
    ));

    o.push_str("<h2>Score range</h2>\n");
    o.push_str(&bar_html(&score.total));
    o.push_str(&format!(
        "<p>Score {} of 100, {}. Dark: what is known for sure. Hatched: what the unknown answers could add. {}</p>\n",
        e(&score.total.range_text()),
        e(&score.total.coverage_text()),
        e(UNKNOWN_NOTE)
    ));

    o.push_str("<h2>Flags</h2>\n");
    if score.red_flags.is_empty() {
        o.push_str("<p>No flags on record.</p>\n");
    } else {
        o.push_str("<ul>\n");
        for flag in &score.red_flags {
            let kind = match flag.flag_kind() {
                FlagKind::Safety => "Safety flag",
                FlagKind::Data => "Data flag",
            };
            o.push_str(&format!(
                "<li class=\"flag\">{kind}: {}</li>\n",
                e(&flag.describe(p.checklist))
            ));
        }
        o.push_str("</ul>\n");
    }

    o.push_str("<h2>Questions still open</h2>\n<p class=\"note\">Unknown or partial answers: ask, and write what you hear.</p>\n");
    let to_ask = questions_to_ask(&score, p.checklist);
    if to_ask.is_empty() {
        o.push_str("<p>Every applicable question has an answer on record.</p>\n");
    }
    for (n, q) in to_ask.iter().enumerate() {
        let question = &p.checklist.questions[*q];
        let essential = p
            .priorities
            .get(&p.checklist.categories[question.category].id)
            == crate::core::scoring::Priority::Essential;
        o.push_str(&format!(
            "<div class=\"q\"><strong>{}. {}</strong>{}<br><span class=\"note\">Why it matters: {}</span><br>Answer: yes / partial / no<div class=\"write\"></div><div class=\"write\"></div></div>\n",
            n + 1,
            e(&question.question),
            if essential { " (matters most to you)" } else { "" },
            e(&question.why)
        ));
    }

    o.push_str("<h2>Answers on record</h2>\n<table>\n<tr><th>Question</th><th>Answer</th><th>Note</th><th>Source</th><th>Date</th></tr>\n");
    for (q, question) in p.checklist.questions.iter().enumerate() {
        let value = score.questions[q].value;
        if value == AnswerValue::Unknown || value == AnswerValue::Na {
            continue;
        }
        let answer = p.provider.answers.get(&question.id);
        let field = |f: fn(&crate::core::provider::Answer) -> Option<String>| {
            e(&answer.and_then(f).unwrap_or_default())
        };
        o.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            e(&question.question),
            answer_word(value),
            field(|a| a.note.clone()),
            field(|a| a.source.clone()),
            field(|a| a.date.map(|d| d.to_string()))
        ));
    }
    o.push_str("</table>\n");
    if let Some(source) = &p.provider.source {
        o.push_str(&format!(
            "<p class=\"note\">Profile source: {} ({}), last verified {}.</p>\n",
            e(source.reference.as_deref().unwrap_or("not given")),
            e(source.kind.as_str()),
            source
                .last_verified
                .map_or("never".to_string(), |d| d.to_string())
        ));
    }

    o.push_str("<h2>Options side by side</h2>\n");
    let numbers = source_numbers(p.options);
    o.push_str("<table>\n<tr><th></th>");
    for choice in &p.options.choices {
        o.push_str(&format!("<th>{}</th>", e(&choice.short)));
    }
    o.push_str("</tr>\n");
    let matters = p.values.rows_that_matter();
    for row in &p.options.rows {
        let star = if matters.contains(&row.id.as_str()) {
            " ★"
        } else {
            ""
        };
        o.push_str(&format!("<tr><th>{}{star}</th>", e(&row.title)));
        for cell in &row.cells {
            o.push_str(&format!(
                "<td>{} {}</td>",
                e(&cell.text),
                e(&source_refs(cell, &numbers))
            ));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</table>\n<p class=\"note\">Sources: ");
    let listed: Vec<String> = numbers
        .iter()
        .enumerate()
        .filter_map(|(n, id)| p.options.source(id).map(|s| (n, s)))
        .map(|(n, s)| format!("[{}] {} ({})", n + 1, e(&s.title), e(&s.url)))
        .collect();
    o.push_str(&listed.join("; "));
    o.push_str("</p>\n");

    o.push_str("<h2>What matters to you</h2>\n<ul>\n");
    for statement in &STATEMENTS {
        let answer = p.values.answer_text(statement.id);
        o.push_str(&format!(
            "<li>{} <strong>{}</strong></li>\n",
            e(statement.text),
            e(&answer)
        ));
    }
    o.push_str("</ul>\n<p class=\"note\">Priorities used for the score: ");
    let priorities: Vec<String> = p
        .checklist
        .categories
        .iter()
        .map(|c| format!("{} {}", e(&c.title), p.priorities.get(&c.id)))
        .collect();
    o.push_str(&priorities.join(" · "));
    o.push_str(&format!(
        " (0 not important … 3 essential). {}</p>\n",
        e(values::MAPPING_NOTE)
    ));

    o.push_str("<h2>Am I ready to decide?</h2>\n<ul>\n");
    for (q, answer) in READINESS.iter().zip(p.readiness) {
        let (yes, no) = match answer {
            Some(true) => ("☒", "☐"),
            Some(false) => ("☐", "☒"),
            None => ("☐", "☐"),
        };
        o.push_str(&format!(
            "<li>{} {yes} yes {no} no<br><span class=\"note\">If no: {}</span></li>\n",
            e(q.question),
            e(q.if_no)
        ));
    }
    o.push_str(&format!(
        "</ul>\n<p class=\"note\">{}</p>\n",
        e(readiness::READINESS_NOTE)
    ));

    o.push_str(&format!(
        "<h2>Crisis and support lines</h2>\n<p class=\"crisis\">{}<br>{}</p>\n",
        e(&crisis),
        e(&emergency)
    ));
    o.push_str(&format!(
        "<p class=\"note\">{}</p>\n</body>\n</html>\n",
        e(DISCLAIMER)
    ));
    o
}

/// The same packet as Markdown: the question sheet, the options, values, readiness and crisis
/// lines, file text escaped.
pub fn packet_markdown(p: &Packet<'_>) -> String {
    let (crisis, emergency) = crisis_lines(p.crisis);
    let score = crate::core::scoring::score(p.provider, p.checklist, p.priorities, p.today);
    let mut o = format!(
        "# Consultation packet: {}\n\n_Educational, not medical advice._ In crisis: {} · {}\n\n",
        markdown::md_escape(&display_name(p.provider)),
        crisis,
        emergency
    );
    o.push_str(&format!(
        "Score range: `{}` {} of 100, {}\n\n",
        score_bar(&score.total, 20, false),
        score.total.range_text(),
        score.total.coverage_text()
    ));
    o.push_str(&question_sheet(
        p.provider,
        p.checklist,
        p.priorities,
        p.today,
        SheetFormat::Markdown,
    ));
    o.push('\n');
    o.push_str(&options_markdown(p.options).replacen("# ", "## ", 1));
    o.push_str("\n## What matters to you\n\n");
    for statement in &STATEMENTS {
        let answer = p.values.answer_text(statement.id);
        o.push_str(&format!("- {} **{answer}**\n", statement.text));
    }
    o.push_str("\n## Am I ready to decide?\n\n");
    for (q, answer) in READINESS.iter().zip(p.readiness) {
        let mark = match answer {
            Some(true) => "yes",
            Some(false) => "no",
            None => "yes / no",
        };
        o.push_str(&format!("- {} {mark} (if no: {})\n", q.question, q.if_no));
    }
    o.push_str(&format!(
        "\n## Crisis and support lines\n\n{crisis}\n\n{emergency}\n\n_{DISCLAIMER}_\n"
    ));
    o
}

#[cfg(test)]
mod tests {
    use super::super::testing::{checklist, comparison, provider};
    use super::*;

    #[test]
    fn the_five_markup_characters_become_entities_once() {
        assert_eq!(html_escape("plain"), "plain");
        assert_eq!(
            html_escape(r#"<a href="x">Tom & 'Jo'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/a&gt;"
        );
        // An entity in file text is text: its & is escaped, so it shows as typed.
        assert_eq!(html_escape("&lt;"), "&amp;lt;");
        assert!(!html_escape("two\nlines").contains('\n'));
    }

    /// The bar's parts add up to the whole width and a part of width 0 is left out.
    #[test]
    fn the_html_bar_has_only_the_parts_there_are() {
        let checklist = checklist();
        let providers = [provider(
            &checklist,
            "p",
            "P",
            "[answers]\nvitals = \"yes\"\n",
        )];
        let c = comparison(&checklist, &providers);
        let html = bar_html(&c.columns[0].1.total);
        assert!(
            html.contains("class=\"known\" style=\"width:60%\""),
            "{html}"
        );
        assert!(
            html.contains("class=\"unknown\" style=\"width:40%\""),
            "{html}"
        );
        assert!(!html.contains("class=\"rest\""), "{html}");
        assert!(html.contains("aria-label=\"score range 60–100\""), "{html}");
    }
}
