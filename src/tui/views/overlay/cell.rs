//! A Compare cell in full: the answer, its note, source and date, the clinicians or costs
//! where the question is about them, the provider's flags and why the question matters.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::popup;
use crate::core::costs::{Fee, Item, course_cost};
use crate::core::export::{cell as cell_text, critical_mark, display_name};
use crate::core::provider::{Provider, Verdict};
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::theme::Theme;
use crate::tui::views::checklist::answer_style;
use crate::tui::views::compare::NOT_OFFERED;
use crate::tui::views::{field, flag_lines, note_field};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let c = &app.compare;
    let (Some(&index), Some(question)) =
        (c.columns.get(c.col), app.lib.checklist.questions.get(c.row))
    else {
        return;
    };
    let provider = &app.lib.providers[index];
    let score = &app.scores[index];
    let counted = &score.questions[c.row];
    let answer = provider.answers.get(&question.id);
    let none = || "—".to_string();
    let mut lines = vec![
        Line::styled(
            if question.critical {
                format!("{} {}", critical_mark(theme.ascii), question.question)
            } else {
                question.question.clone()
            },
            theme.title,
        ),
        Line::from(""),
        Line::from(vec![
            Span::styled("Answer: ", theme.dim),
            Span::styled(
                if counted.route_not_offered {
                    NOT_OFFERED.to_string()
                } else {
                    cell_text(counted.value, theme.ascii)
                },
                answer_style(counted.value, theme),
            ),
        ]),
    ];
    if counted.route_not_offered {
        lines.push(Line::styled(
            "This question is only for routes this provider does not offer; it is left out of the score.",
            theme.dim,
        ));
    }
    lines.extend(note_field(
        "Note",
        &answer.and_then(|a| a.note.clone()).unwrap_or_else(none),
        theme,
    ));
    // An answer without a source of its own comes from the profile's source.
    let profile_source = provider.source.as_ref().map(|src| {
        let what = [src.reference.clone(), src.url.clone()];
        let what: Vec<String> = what.into_iter().flatten().collect();
        format!(
            "{} (the profile's source: {})",
            what.join(" "),
            src.kind.as_str()
        )
    });
    lines.push(field(
        "Source",
        answer
            .and_then(|a| a.source.clone())
            .or(profile_source)
            .unwrap_or_else(none),
        theme,
    ));
    lines.push(field(
        "Date",
        answer
            .and_then(|a| a.date)
            .map_or_else(none, |d| d.to_string()),
        theme,
    ));
    lines.push(Line::from(""));
    // Where the question is about credentials or money, what the profile records on it comes
    // before the explanation, so it stays in sight on a small screen.
    match app.lib.checklist.categories[question.category].id.as_str() {
        "credentials" => lines.extend(clinician_lines(provider, theme)),
        "money" => lines.extend(cost_lines(provider, app, theme)),
        _ => {}
    }
    // The popup is at most 84 wide, less its border.
    let width = usize::from(area.width.min(84)).saturating_sub(2);
    lines.extend(flag_lines(score, &app.lib.checklist, theme, width));
    lines.push(Line::from(""));
    lines.push(Line::styled("Why it matters", theme.subheading));
    lines.push(Line::from(question.why.clone()));
    if provider.sample {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            "SAMPLE: a fictional provider, for showing how the app works.",
            theme.sample,
        ));
    }
    // Tall enough for what there is to say (the popup never outgrows the screen).
    let height = u16::try_from(lines.len() + 8).unwrap_or(u16::MAX).max(22);
    let outer = geometry::popup(area, 84, height);
    let inner = popup(frame, outer, &display_name(provider), theme);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Each clinician with the licence check on record and the board URL to check it again.
fn clinician_lines(provider: &Provider, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        "Clinicians and licence checks",
        theme.subheading,
    )];
    if provider.clinicians.is_empty() {
        lines.push(Line::styled(
            "None listed: ask for each clinician's name, licence type and number.",
            theme.dim,
        ));
    }
    for clinician in &provider.clinicians {
        let style = match clinician.verdict() {
            Verdict::Active => theme.ok,
            Verdict::NotFound | Verdict::Expired => theme.bad,
            Verdict::ActiveWithDiscipline | Verdict::Unchecked => theme.warn,
        };
        lines.push(Line::styled(clinician.summary(), style));
        if let Some(url) = &clinician.board_url {
            lines.push(Line::from(format!("  Board lookup: {url}")));
        }
        if let Some(note) = clinician.verification.as_ref().and_then(|v| v.note.clone()) {
            lines.push(Line::styled(format!("  {note}"), theme.dim));
        }
    }
    lines.push(Line::from(""));
    lines
}

/// The recorded fees and the course estimate for the user's course shape.
fn cost_lines(provider: &Provider, app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let costs = &provider.costs;
    let fee = |item: &Option<Item<Fee>>| {
        item.as_ref().map_or("unknown".to_string(), |i| {
            let Fee { low, high } = i.value;
            let amount = if low == high {
                low.to_string()
            } else {
                format!("{low}–{high}")
            };
            match &i.note {
                Some(note) => format!("{amount} ({note})"),
                None => amount,
            }
        })
    };
    let course = &app.config.course;
    let cost = course_cost(costs, course);
    vec![
        Line::styled(
            format!("Costs {}", costs.currency.clone().unwrap_or_default()),
            theme.subheading,
        ),
        field("Dosing session", fee(&costs.dosing_session), theme),
        field("Preparation", fee(&costs.preparation_session), theme),
        field("Integration", fee(&costs.integration_session), theme),
        field("Insurance", costs.insurance().as_str(), theme),
        field(
            "Course",
            format!("{} for {}", cost.text(), course.describe()),
            theme,
        ),
        Line::from(""),
    ]
}
