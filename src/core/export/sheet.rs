//! The consultation question sheet: what is still worth asking a provider.

use super::markdown::{md_escape, md_name};
use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Markdown,
    Text,
}

/// The questions still worth asking (indices into `checklist.questions`): unknown and partial
/// answers, and critical questions answered "no" (to confirm). Questions that do not apply are
/// left out.
pub fn questions_to_ask(score: &Score, checklist: &Checklist) -> Vec<usize> {
    score
        .questions
        .iter()
        .enumerate()
        .filter(|(q, counted)| match counted.value {
            AnswerValue::Unknown | AnswerValue::Partial => true,
            AnswerValue::No => checklist.questions[*q].critical,
            AnswerValue::Yes | AnswerValue::Na => false,
        })
        .map(|(q, _)| q)
        .collect()
}

/// The questions still worth asking a provider: unknown and partial answers, and any critical
/// "no" to confirm, grouped by category, with room to write the answer.
pub fn question_sheet(
    provider: &Provider,
    checklist: &Checklist,
    priorities: &Priorities,
    today: Date,
    format: SheetFormat,
) -> String {
    let score = crate::core::scoring::score(provider, checklist, priorities, today);
    let md = format == SheetFormat::Markdown;
    let heading = |text: &str, level: usize| -> String {
        if md {
            format!("{} {}\n\n", "#".repeat(level), text)
        } else {
            let rule = if level == 1 { '=' } else { '-' };
            format!(
                "{text}\n{}\n\n",
                rule.to_string().repeat(display_width(text))
            )
        }
    };
    // File text: escaped for Markdown, where it could otherwise become markup.
    let (name, place) = if md {
        (md_name(provider), md_escape(&provider.place()))
    } else {
        (display_name(provider), provider.place())
    };
    let mut out = heading(&format!("Questions for {name}"), 1);
    let contact = [
        provider.contact.phone.as_deref(),
        provider.contact.website.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let contact = if md { md_escape(&contact) } else { contact };
    out.push_str(&format!(
        "Provider: {name} ({place}, {}){}\n",
        provider.kind.as_str(),
        if contact.is_empty() {
            String::new()
        } else {
            format!(" · {contact}")
        }
    ));
    out.push_str(&format!(
        "Prepared: {today} with kapguide. Current profile: {}.\n",
        score.summary()
    ));
    out.push_str(&format!(
        "{DISCLAIMER} Ask your own clinician about your own health.\n\n"
    ));
    if !score.red_flags.is_empty() {
        out.push_str(if md {
            "**Red flags to raise:**\n\n"
        } else {
            "Red flags to raise:\n"
        });
        for flag in &score.red_flags {
            let text = flag.describe(checklist);
            let text = if md { md_escape(&text) } else { text };
            out.push_str(&format!("- {} {text}\n", flag_mark(false)));
        }
        out.push('\n');
    }
    let mut number = 0;
    let to_ask = questions_to_ask(&score, checklist);
    for (index, category) in checklist.categories.iter().enumerate() {
        let asks: Vec<usize> = to_ask
            .iter()
            .copied()
            .filter(|q| checklist.questions[*q].category == index)
            .collect();
        if asks.is_empty() {
            continue;
        }
        let title = if md {
            md_escape(&category.title)
        } else {
            category.title.clone()
        };
        out.push_str(&heading(&title, 2));
        for q in asks {
            let question = &checklist.questions[q];
            number += 1;
            let value = score.questions[q].value;
            let status = match value {
                AnswerValue::No => {
                    "recorded as \"no\" on a critical question — please confirm".to_string()
                }
                AnswerValue::Partial => {
                    let note = provider
                        .answers
                        .get(&question.id)
                        .and_then(|a| a.note.clone());
                    format!(
                        "recorded as partial{}",
                        // Notes may span lines; the sheet shows them on one.
                        note.map(|n| format!(" ({})", sanitize_line(&n)))
                            .unwrap_or_default()
                    )
                }
                _ => "not known yet".into(),
            };
            // Continuation lines line up under the item's text ("10. " is wider than "9. "), or
            // Markdown would end the numbered list.
            let indent = " ".repeat(number.to_string().len() + 2);
            if md {
                out.push_str(&format!(
                    "{number}. **{}**  \n{indent}Why it matters: {}  \n{indent}Currently: {}\n\n{indent}Answer: yes / partial / no  \n{indent}Notes: ______________________________\n\n",
                    md_escape(&question.question),
                    md_escape(&question.why),
                    md_escape(&status)
                ));
            } else {
                let opts = wrap_options(78).subsequent_indent("  ");
                out.push_str(&textwrap::fill(
                    &format!("{number}. {}", question.question),
                    &opts,
                ));
                out.push('\n');
                out.push_str(&textwrap::fill(
                    &format!("  Why it matters: {}", question.why),
                    &opts,
                ));
                out.push_str(&format!("\n  Currently: {status}\n"));
                out.push_str(
                    "  Answer: yes / partial / no\n  Notes: ______________________________\n\n",
                );
            }
        }
    }
    if number == 0 {
        out.push_str("Every applicable question already has a yes or no answer on record. Confirm anything that may have changed since it was recorded.\n");
    }
    out
}
