//! The walk-through's clinicians and costs: the list of each, and the form a row opens.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::super::app::{App, CostItem, Mode, Record, RecordForm, RecordList, Screen};
use super::super::super::geometry;
use super::super::super::text::url_lines;
use super::super::form::draw_form;
use super::super::{marker, with_keys};
use super::popup;
use crate::core::clinician::Verdict;
use crate::core::provider::Provider;

/// Why checking a licence is worth it, with where that comes from (`kap_facts` §15).
const LICENCE_WHY: &str = "In the US, licences are checked with the state board for each profession: medical boards for MDs and DOs, nursing boards for nurses and nurse practitioners, and psychology or counseling boards for those professions (a medical board may not cover them). A state medical board's record says whether a licence is in good standing and lists any discipline; nursing boards make their actions public too. (Sources: ProPublica, 11 Dec 2019; FSMB, Information for Consumers; NCSBN)";

/// Why some costs are worth writing down, with where that comes from (`kap_facts` §17).
fn cost_why(item: CostItem) -> Option<&'static str> {
    match item {
        CostItem::Packages | CostItem::Refund => Some(
            "Money paid ahead can be lost: in March 2023 a chain of 13 ketamine clinics closed at once, and its patients got no word on getting prepaid costs back. (Source: STAT, 16 Mar 2023)",
        ),
        CostItem::Insurance => Some(
            "A superbill is an itemized receipt with billing codes that you send to your insurer yourself; whether it pays anything depends on your plan. (Source: a practice's guide to superbills, lgpsychotherapy.com)",
        ),
        CostItem::Dosing | CostItem::Preparation | CostItem::Integration => Some(
            "Compare prices a course from these fees; a fee left empty keeps the estimate open instead of guessing it.",
        ),
        CostItem::Currency | CostItem::PriorAuth => None,
    }
}

/// The draft being walked, under the lists and forms that edit it.
fn walked(app: &App) -> Option<&Provider> {
    match &app.checklist.screen {
        Screen::Walk(walk) => Some(&walk.draft),
        _ => None,
    }
}

/// A clinician's or a cost's form, over the walk-through.
pub fn form(app: &App, frame: &mut Frame, area: Rect, record_form: &RecordForm) {
    let theme = &app.theme;
    let Some(draft) = walked(app) else {
        return;
    };
    let inner = popup(
        frame,
        geometry::screen(area).body,
        &record_form.title(draft),
        theme,
    );
    let how = "Tab and the arrows move between fields, ← → choose. Enter saves it into the profile; Esc leaves (asking first if you changed anything).";
    let notes: Vec<&str> = match record_form.record {
        Record::Clinician(_) => vec![how, LICENCE_WHY],
        Record::Cost(item) => std::iter::once(how).chain(cost_why(item)).collect(),
    };
    draw_form(frame, inner, &record_form.form, (None, &notes), theme);
}

/// The walk's clinicians or costs: a row each, then what the selected one records in full
/// (a board's address whole, on lines of its own), then why it matters, then the keys.
pub fn render(app: &App, frame: &mut Frame, area: Rect, list: RecordList, selected: usize) {
    let theme = &app.theme;
    let Some(draft) = walked(app) else {
        return;
    };
    let title = match list {
        RecordList::Clinicians => format!("Clinicians: {}", draft.name),
        RecordList::Costs => format!("Costs: {}", draft.name),
    };
    let inner = popup(frame, geometry::screen(area).body, &title, theme);
    let width = usize::from(inner.width);
    let row_width = width.saturating_sub(2);
    let mut lines: Vec<Line> = Vec::new();
    let mut mark = |i: usize, line: Line<'static>| {
        let mut line = line;
        line.spans
            .insert(0, Span::raw(marker(i == selected, theme)));
        if i == selected {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    };
    let mut detail: Vec<Line> = Vec::new();
    let why = match list {
        RecordList::Clinicians => {
            for (i, c) in draft.clinicians.iter().enumerate() {
                let style = match c.verdict() {
                    Verdict::Active => theme.ok,
                    Verdict::NotFound | Verdict::Expired => theme.bad,
                    Verdict::ActiveWithDiscipline | Verdict::Unchecked => theme.warn,
                };
                mark(i, Line::styled(theme.fit(&c.summary(), row_width), style));
            }
            let add = draft.clinicians.len();
            mark(add, Line::styled("+ Add a clinician", theme.key));
            if let Some(c) = draft.clinicians.get(selected) {
                // The address first, whole: on a small screen it is what the check needs.
                match &c.board_url {
                    Some(url) => {
                        detail.push(Line::styled(
                            "Board lookup (open it in a browser):",
                            theme.dim,
                        ));
                        detail.extend(url_lines(url, width).into_iter().map(Line::from));
                    }
                    None => {
                        detail.push(Line::styled("No board lookup address recorded.", theme.dim));
                    }
                }
                let summary = c.summary();
                let text = textwrap::wrap(&summary, width.max(1));
                detail.extend(text.into_iter().map(|l| Line::from(l.into_owned())));
                if let Some(note) = c.verification.as_ref().and_then(|v| v.note.as_deref()) {
                    detail.push(Line::styled(format!("Check note: {note}"), theme.dim));
                }
            } else if draft.clinicians.is_empty() {
                detail.push(Line::styled(
                    "None recorded yet: ask who prescribes, who sits with you, and each one's licence.",
                    theme.dim,
                ));
            }
            Some(LICENCE_WHY)
        }
        RecordList::Costs => {
            let costs = &draft.costs;
            for (i, item) in CostItem::ALL.iter().enumerate() {
                let value = item
                    .recorded(costs)
                    .map_or("not recorded".to_string(), |(v, ..)| v);
                let label = theme.fit(item.label(), 25);
                let value = theme.fit(&value, row_width.saturating_sub(25));
                mark(i, Line::from(format!("{label}{value}")));
            }
            let item = CostItem::ALL[selected.min(CostItem::ALL.len() - 1)];
            if let Some((value, note, source)) = item.recorded(costs) {
                let full = format!("{}: {value}", item.label());
                let note = note.map(|n| format!("Note: {n}"));
                let source = source.map(|s| format!("Source: {s}"));
                for text in std::iter::once(full).chain(note).chain(source) {
                    let wrapped = textwrap::wrap(&text, width.max(1));
                    detail.extend(wrapped.into_iter().map(|l| Line::from(l.into_owned())));
                }
            }
            cost_why(item)
        }
    };
    lines.push(Line::from(""));
    lines.extend(detail);
    if let Some(why) = why {
        lines.push(Line::from(""));
        let wrapped = textwrap::wrap(why, width.max(1));
        lines.extend(
            wrapped
                .into_iter()
                .map(|l| Line::styled(l.into_owned(), theme.dim)),
        );
    }
    let mode = match list {
        RecordList::Clinicians => Mode::Clinicians,
        RecordList::Costs => Mode::Costs,
    };
    with_keys(app, frame, inner, lines, mode);
}
