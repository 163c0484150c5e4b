//! The consultation question sheet: what is still worth asking a provider.

use super::markdown::{md_escape, md_name};
use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Markdown,
    Text,
}

impl SheetFormat {
    pub const ALL: [SheetFormat; 2] = [SheetFormat::Markdown, SheetFormat::Text];

    /// The word that names it on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SheetFormat::Markdown => "markdown",
            SheetFormat::Text => "text",
        }
    }
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

/// What the profile lacks about licences and fees, as requests to make at the consultation.
fn licence_and_cost_asks(provider: &Provider) -> Vec<String> {
    let mut asks = Vec::new();
    if provider.clinicians.is_empty() {
        asks.push("The name, role, licence type and number of each clinician (prescriber, therapist, anyone who monitors you), and the state board where each licence can be looked up.".to_string());
    }
    for clinician in &provider.clinicians {
        if clinician.licence_number.is_none() || clinician.licence_type.is_none() {
            asks.push(format!(
                "{} ({}): the licence type and number, and the state or country that issued it.",
                clinician.name,
                clinician.role.as_str()
            ));
        }
    }
    let costs = &provider.costs;
    let fees = [
        ("dosing session", costs.dosing_session.is_none()),
        ("preparation session", costs.preparation_session.is_none()),
        ("integration session", costs.integration_session.is_none()),
    ];
    let missing: Vec<&str> = fees.iter().filter(|(_, m)| *m).map(|(n, _)| *n).collect();
    if !missing.is_empty() {
        asks.push(format!("The fee for each {}.", missing.join(", ")));
    }
    if costs.insurance() == crate::core::costs::Insurance::Unknown {
        asks.push("Whether they take your insurance or give a superbill.".into());
    }
    if costs.refund_policy.is_none() {
        asks.push("The refund and cancellation terms, in writing.".into());
    }
    asks
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
        "Prepared: {today} with kapguide. Current profile: {}; model: {}.\n",
        score.summary(),
        model_text(provider)
    ));
    out.push_str(&format!(
        "{DISCLAIMER} Ask your own clinician about your own health.\n\n"
    ));
    for (kind, title) in [
        (FlagKind::Safety, "Safety flags to raise"),
        (FlagKind::Data, "Data flags to check"),
    ] {
        if score.flags_of(kind).next().is_none() {
            continue;
        }
        out.push_str(&if md {
            format!("**{title}:**\n\n")
        } else {
            format!("{title}:\n")
        });
        for flag in score.flags_of(kind) {
            let text = flag.describe(checklist);
            let text = if md { md_escape(&text) } else { text };
            out.push_str(&format!("- {} {text}\n", kind_mark(kind, false)));
        }
        out.push('\n');
    }
    let asks = licence_and_cost_asks(provider);
    if !asks.is_empty() {
        out.push_str(&heading("Licences and costs to ask for", 2));
        for ask in asks {
            let ask = if md { md_escape(&ask) } else { ask };
            out.push_str(&format!("- {ask}\n"));
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

#[cfg(test)]
mod tests {
    use super::super::testing::{checklist, provider, today};
    use super::*;
    use crate::core::clinician::{Clinician, Role};
    use crate::core::id::ProviderId;
    use crate::core::provider::ProviderKind;

    fn asks_about_licences(provider: &Provider) -> Vec<String> {
        licence_and_cost_asks(provider)
            .into_iter()
            .filter(|a| a.contains("licence"))
            .collect()
    }

    #[test]
    fn the_sheet_asks_for_licence_details_a_profile_lacks_and_only_those() {
        let mut provider = Provider::new(
            ProviderId::new("blue-door").unwrap(),
            "Blue Door".into(),
            ProviderKind::KapPractice,
        );
        let none = asks_about_licences(&provider);
        assert_eq!(none.len(), 1, "{none:?}");
        assert!(none[0].contains("licence type and number of each clinician"));
        let mut ada = Clinician {
            name: "Ada".into(),
            role: Role::Prescriber,
            licence_type: Some("MD".into()),
            licence_number: None,
            licensed_in: None,
            board_url: None,
            verification: None,
        };
        provider.clinicians.push(ada.clone());
        let missing = asks_about_licences(&provider);
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert!(missing[0].starts_with("Ada (prescriber): the licence type and number"));
        ada.licence_number = Some("12345".into());
        provider.clinicians = vec![ada];
        assert_eq!(asks_about_licences(&provider), Vec::<String>::new());
        let sheet = question_sheet(
            &provider,
            &Checklist::default(),
            &Priorities::default(),
            Date::parse("2026-11-28").unwrap(),
            SheetFormat::Text,
        );
        assert!(!sheet.contains("licence type and number"), "{sheet}");
    }

    fn sheet(body: &str, format: SheetFormat) -> String {
        let checklist = checklist();
        let p = provider(&checklist, "p", "Blue_Door", body);
        question_sheet(&p, &checklist, &Priorities::default(), today(), format)
    }

    /// Unknown and partial answers are asked again, a critical "no" is confirmed; yes, a
    /// non-critical no and what does not apply are left out. In checklist order.
    #[test]
    fn questions_to_ask_are_the_open_ones_in_checklist_order() {
        let checklist = checklist();
        let ask = |body: &str| {
            let p = provider(&checklist, "p", "P", body);
            let score =
                crate::core::scoring::score(&p, &checklist, &Priorities::default(), today());
            let ids: Vec<&str> = questions_to_ask(&score, &checklist)
                .into_iter()
                .map(|q| checklist.questions[q].id.as_str())
                .collect();
            ids.join(" ")
        };
        // rems does not apply (the provider offers IM only), so it is never asked.
        assert_eq!(ask(""), "vitals plan");
        assert_eq!(
            ask("[answers]\nvitals = \"no\"\nplan = \"partial\"\n"),
            "vitals plan"
        );
        assert_eq!(ask("[answers]\nvitals = \"yes\"\nplan = \"no\"\n"), "");
        assert_eq!(
            ask("[answers]\nvitals = \"partial\"\nplan = \"yes\"\n"),
            "vitals"
        );
    }

    #[test]
    fn each_question_says_where_it_stands_and_numbers_run_across_categories() {
        let text = sheet(
            "[answers]\nvitals = \"no\"\nplan = { answer = \"partial\", note = \"two\\nsessions\" }\n",
            SheetFormat::Text,
        );
        assert!(
            text.starts_with("Questions for Blue_Door\n=======================\n"),
            "{text}"
        );
        let first = text.find("1. Are *vitals* checked").expect(&text);
        let second = text.find("2. Is there a written plan").expect(&text);
        assert!(first < second);
        assert!(
            text.contains("Currently: recorded as \"no\" on a critical question — please confirm"),
            "{text}"
        );
        // A note spanning lines is shown on one.
        assert!(
            text.contains("Currently: recorded as partial (two sessions)"),
            "{text}"
        );
    }

    #[test]
    fn markdown_escapes_file_text() {
        let text = sheet(
            "[contact]\nwebsite = \"https://x.example/<a>\"\n",
            SheetFormat::Markdown,
        );
        assert!(text.starts_with("# Questions for Blue\\_Door\n"), "{text}");
        assert!(text.contains("https://x.example/&lt;a&gt;"), "{text}");
        assert!(
            text.contains("1. **Are \\*vitals\\* checked, &lt;always&gt;?**"),
            "{text}"
        );
    }

    /// Fees, insurance and refunds the profile lacks become requests; what it has does not.
    #[test]
    fn fee_requests_name_only_what_is_missing() {
        let bare = sheet("", SheetFormat::Text);
        assert!(bare.contains("Licences and costs to ask for"), "{bare}");
        assert!(
            bare.contains(
                "The fee for each dosing session, preparation session, integration session."
            ),
            "{bare}"
        );
        let priced = sheet(
            "[costs]\ncurrency = \"USD\"\ndosing_session = 400\nintegration_session = 150\ninsurance = \"none\"\nrefund_policy = \"None.\"\n",
            SheetFormat::Text,
        );
        assert!(
            priced.contains("The fee for each preparation session.\n"),
            "{priced}"
        );
        assert!(
            !priced.contains("insurance or give a superbill"),
            "{priced}"
        );
        assert!(!priced.contains("refund and cancellation"), "{priced}");
    }

    #[test]
    fn nothing_open_says_so() {
        let text = sheet(
            "[answers]\nvitals = \"yes\"\nplan = \"yes\"\n",
            SheetFormat::Markdown,
        );
        assert!(
            text.contains("Every applicable question already has a yes or no answer on record."),
            "{text}"
        );
        assert!(!text.contains("1. **"), "{text}");
    }

    #[test]
    fn format_names_are_distinct() {
        let names: Vec<&str> = SheetFormat::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["markdown", "text"]);
    }
}
