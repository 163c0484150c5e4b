//! The Checklist view: the provider picker and the questions, the walk-through one question at a
//! time, the finish page, and the questions to prepare for a consultation.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::core::width::display_width;

use super::super::action::Action;
use super::super::app::{
    App, ChecklistFocus, Durability, ListId, Mode, PickRow, Prepare, Screen, Walk,
};
use super::super::geometry;
use super::super::keymap;
use super::super::text;
use super::super::theme::Theme;
use super::{boxed, draw_keys, field, flag_count, list, overlay_lines, pane};
use crate::core::checklist::Question;
use crate::core::costs::course_cost;
use crate::core::export::{
    answer_label, cell, critical_mark, display_name, flag_mark, licences_text, symbol,
};
use crate::core::provider::{AnswerValue, Provider};

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    match &app.checklist.screen {
        Screen::Pick => pick(app, frame, body),
        Screen::Details(details) => super::form::details(app, frame, body, details),
        Screen::Walk(walk) if walk.index >= app.lib.checklist.questions.len() => {
            review(app, frame, body, walk);
        }
        Screen::Walk(walk) => question(app, frame, body, walk),
        Screen::Prepare(prepare) => prepare_list(app, frame, body, prepare),
    }
}

fn sample_tag(provider: &Provider, theme: &Theme) -> Span<'static> {
    if provider.sample {
        Span::styled(" SAMPLE", theme.sample)
    } else {
        Span::raw("")
    }
}

fn pick(app: &App, frame: &mut Frame, body: Rect) {
    let theme = &app.theme;
    let c = &app.checklist;
    let (left, right) = geometry::checklist(body);
    let focused = c.focus == ChecklistFocus::Providers;
    let inner = boxed(frame, left, pane("Walk through a provider", focused, theme));
    let width = usize::from(inner.width).saturating_sub(2);
    let questions = app.lib.checklist.questions.len();
    list(
        app,
        frame,
        inner,
        (c.rows(app.lib.providers.len()), c.picked, focused),
        Some(ListId::Picker),
        |i| match c.row(i) {
            PickRow::New => Line::styled(theme.fold("+ New provider…").into_owned(), theme.key),
            PickRow::Draft(d) => {
                let draft = &c.drafts[d];
                let answered = draft.provider.answered_count();
                let (tag, note) = match draft.saved {
                    Durability::NotSaved(_) => ("unsaved ", " — not saved, only in memory"),
                    _ => ("draft ", ""),
                };
                Line::from(vec![
                    Span::styled(tag, theme.warn),
                    Span::raw(theme.fit(
                        &format!("{} ({answered}/{questions}){note}", draft.provider.name),
                        width.saturating_sub(tag.len()),
                    )),
                ])
            }
            PickRow::Provider(p) => {
                let provider = &app.lib.providers[p];
                let tag = sample_tag(provider, theme);
                let flags = flag_count(&app.scores[p], theme);
                let hidden = if app.hidden_saved(&provider.id).is_some() {
                    Span::styled(" (your saved copy is hidden)", theme.warn)
                } else {
                    Span::raw("")
                };
                let name = theme.fit(
                    &provider.name,
                    width.saturating_sub(
                        [&tag, &flags, &hidden]
                            .iter()
                            .map(|s| display_width(&s.content))
                            .sum(),
                    ),
                );
                Line::from(vec![Span::raw(name), tag, hidden, flags])
            }
        },
    );

    let focused = c.focus == ChecklistFocus::Questions;
    let inner = boxed(frame, right, pane("The checklist", focused, theme));
    let [top, detail] = Layout::vertical([Constraint::Min(3), Constraint::Length(8)]).areas(inner);
    let checklist = &app.lib.checklist;
    let width = usize::from(top.width).saturating_sub(2);
    let rows = (questions, c.question, focused);
    list(app, frame, top, rows, Some(ListId::Questions), |i| {
        let q = &checklist.questions[i];
        let text = format!("{:>2}. {} {}", i + 1, critical(q, theme), q.question);
        Line::from(theme.fit(&text, width))
    });
    if let Some(q) = checklist.questions.get(c.question) {
        frame.render_widget(why(q, app), detail);
    }
}

/// The critical mark, or a space, so questions line up.
fn critical(q: &Question, theme: &Theme) -> &'static str {
    if q.critical {
        critical_mark(theme.ascii)
    } else {
        " "
    }
}

/// A question's category, whether it is critical, and why it matters.
fn why<'a>(q: &'a Question, app: &'a App) -> Paragraph<'a> {
    let theme = &app.theme;
    let category = &app.lib.checklist.categories[q.category].title;
    let critical = if q.critical {
        format!(
            " · {} critical: a \"no\" is a safety flag ({})",
            critical_mark(theme.ascii),
            flag_mark(theme.ascii)
        )
    } else {
        String::new()
    };
    let lines = vec![
        Line::styled(format!("{category}{critical}"), theme.dim),
        Line::styled("Why it matters", theme.subheading),
        Line::from(q.why.as_str()),
    ];
    Paragraph::new(lines).wrap(Wrap { trim: true })
}

/// The walk-through: question, answer, note and source stay in view; "why it matters"
/// scrolls in the rows left (j/k), with a marker saying when there is more.
fn question(app: &App, frame: &mut Frame, body: Rect, walk: &Walk) {
    let theme = &app.theme;
    let title = format!("Walk-through: {}", display_name(&walk.draft));
    let key = keymap::key_for(Mode::Walk, &Action::ConsultationDate, theme.ascii);
    let date = Line::styled(format!(" consultation {} ({key}) ", walk.date), theme.dim);
    let date = date.right_aligned();
    let inner = boxed(frame, body, pane(title, true, theme).title_bottom(date));
    let page = text::walk_page(
        &app.lib,
        walk,
        theme.ascii,
        usize::from(inner.width),
        usize::from(inner.height),
    );
    let top = walk.why_scroll.min(page.max_scroll());
    let mut y = inner.y;
    let mut next = |rows: usize| {
        let rows = (rows as u16).min(inner.bottom().saturating_sub(y));
        let area = Rect {
            y,
            height: rows,
            ..inner
        };
        y += rows;
        area
    };
    let pinned = next(page.pinned.len());
    next(usize::from(page.spacer));
    let heading = next(usize::from(page.heading));
    let why = next(page.why_rows);
    next(usize::from(page.gap));
    let keys = next(page.keys.len());
    frame.render_widget(
        Paragraph::new(overlay_lines(page.pinned.clone(), theme)),
        pinned,
    );
    let (up, down) = if theme.ascii {
        ("^", "v")
    } else {
        ("↑", "↓")
    };
    let marker = match (top > 0, top < page.max_scroll()) {
        (false, false) => String::new(),
        (false, true) => format!("{down} more: j"),
        (true, true) => format!("{up} k · {down} more: j"),
        (true, false) => format!("{up} back up: k"),
    };
    let heading_line = Line::from(vec![
        Span::styled("Why it matters", theme.subheading),
        Span::styled(format!("  {marker}"), theme.key),
    ]);
    frame.render_widget(Paragraph::new(heading_line), heading);
    let visible = page
        .why
        .iter()
        .skip(top)
        .take(page.why_rows)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(overlay_lines(visible, theme)), why);
    draw_keys(app, frame, keys, page.keys);
}

pub fn answer_style(value: AnswerValue, theme: &Theme) -> ratatui::style::Style {
    match value {
        AnswerValue::Yes => theme.ok,
        AnswerValue::Partial => theme.warn,
        AnswerValue::No => theme.bad,
        AnswerValue::Unknown | AnswerValue::Na => theme.dim,
    }
}

fn review(app: &App, frame: &mut Frame, body: Rect, walk: &Walk) {
    let theme = &app.theme;
    let inner = boxed(
        frame,
        body,
        pane(
            format!("Finish: {}", display_name(&walk.draft)),
            true,
            theme,
        ),
    );
    let s = &walk.score;
    let mut counts = Vec::new();
    for &(_, value) in AnswerValue::ALL {
        let n = s.questions.iter().filter(|q| q.value == value).count();
        counts.push(format!(
            "{} {n} {}",
            symbol(value, theme.ascii),
            answer_label(value)
        ));
    }
    let mut lines = vec![
        Line::styled(
            "Ready to save. Questions left unknown can be answered later.",
            theme.title,
        ),
        Line::from(""),
        field("Score", super::scored_bar(&s.total, 20, theme), theme),
        field("Coverage", s.total.coverage_text(), theme),
        field("Answers", counts.join("   "), theme),
        Line::from(""),
    ];
    let width = usize::from(inner.width);
    lines.extend(super::flag_lines(s, &app.lib.checklist, theme, width));
    let cost = course_cost(&walk.draft.costs, &app.config.course);
    lines.push(field("Licences", licences_text(&walk.draft), theme));
    lines.push(field("Course cost", cost.detail(), theme));
    lines.push(Line::from(""));
    // The keys as the keymap has them, so the words cannot drift from what they do.
    let key = |action| keymap::key_for(Mode::Review, &action, theme.ascii);
    lines.push(Line::from(vec![
        Span::styled(key(Action::Open), theme.key),
        Span::raw(" saves it as a profile in your data directory (an existing file is never replaced without asking). "),
        Span::styled(key(Action::PrevQuestion), theme.key),
        Span::raw(" goes back to the questions. "),
        Span::styled(key(Action::Clinicians), theme.key),
        Span::raw(" records clinicians and licence checks, "),
        Span::styled(key(Action::Costs), theme.key),
        Span::raw(" the costs."),
    ]));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn prepare_list(app: &App, frame: &mut Frame, body: Rect, prepare: &Prepare) {
    let theme = &app.theme;
    let title = format!("Questions to ask {}", display_name(&prepare.provider));
    let inner = boxed(frame, body, pane(title, true, theme));
    if prepare.items.is_empty() {
        let text = "Nothing left to ask: every question has a yes, no or n/a answer.";
        frame.render_widget(Paragraph::new(text), inner);
        return;
    }
    let [top, detail] = Layout::vertical([Constraint::Min(3), Constraint::Length(6)]).areas(inner);
    let questions = &app.lib.checklist.questions;
    let width = usize::from(top.width).saturating_sub(2);
    list(
        app,
        frame,
        top,
        (prepare.items.len(), prepare.selected, true),
        Some(ListId::Prepare),
        |i| {
            let q = &questions[prepare.items[i]];
            let value = prepare.provider.answer(&q.id);
            let label = theme.fit(&cell(value, theme.ascii), 10);
            let question = format!("{} {}", critical(q, theme), q.question);
            Line::from(vec![
                Span::styled(label, answer_style(value, theme)),
                Span::raw(theme.fit(&question, width.saturating_sub(10))),
            ])
        },
    );
    if let Some(&i) = prepare.items.get(prepare.selected) {
        frame.render_widget(why(&questions[i], app), detail);
    }
}
