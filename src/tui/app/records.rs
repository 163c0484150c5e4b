//! What a walk-through records beside the answers: the clinicians (each with a licence check)
//! and the costs. Each is a list (`c` and `$` in the walk) whose rows open a form; saving a form
//! changes the draft, which is saved like an answer.

use super::super::action::{Action, Effect};
use super::details::{value_of, words};
use super::form::{Field, Form, Widget, row};
use super::{App, Choice, Overlay, Screen, Then, step};
use crate::core::clinician::{BOARD_URL_HINT, Clinician, Role, Verdict, Verification};
use crate::core::costs::{Costs, Fee, Insurance, Item, parse_currency};
use crate::core::date::Date;
use crate::core::sanitize::is_web_address;

/// The two lists a walk-through keeps beside the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordList {
    Clinicians,
    Costs,
}

/// One fact in `[costs]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostItem {
    Currency,
    Dosing,
    Preparation,
    Integration,
    Packages,
    Insurance,
    PriorAuth,
    Refund,
}

impl CostItem {
    pub const ALL: [CostItem; 8] = [
        CostItem::Currency,
        CostItem::Dosing,
        CostItem::Preparation,
        CostItem::Integration,
        CostItem::Packages,
        CostItem::Insurance,
        CostItem::PriorAuth,
        CostItem::Refund,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CostItem::Currency => "Currency",
            CostItem::Dosing => "Dosing session",
            CostItem::Preparation => "Preparation session",
            CostItem::Integration => "Integration session",
            CostItem::Packages => "Packages",
            CostItem::Insurance => "Insurance",
            CostItem::PriorAuth => "Prior-authorization help",
            CostItem::Refund => "Refund policy",
        }
    }

    fn fee(self, costs: &Costs) -> Option<&Item<Fee>> {
        match self {
            CostItem::Dosing => costs.dosing_session.as_ref(),
            CostItem::Preparation => costs.preparation_session.as_ref(),
            CostItem::Integration => costs.integration_session.as_ref(),
            _ => None,
        }
    }

    fn fee_mut(self, costs: &mut Costs) -> Option<&mut Option<Item<Fee>>> {
        match self {
            CostItem::Dosing => Some(&mut costs.dosing_session),
            CostItem::Preparation => Some(&mut costs.preparation_session),
            CostItem::Integration => Some(&mut costs.integration_session),
            _ => None,
        }
    }

    /// The value as written in the list ("450–600", "superbill"), with its note and source;
    /// `None` when the profile does not say.
    pub fn recorded(self, costs: &Costs) -> Option<(String, Option<&str>, Option<&str>)> {
        fn with<T>(item: &Option<Item<T>>, text: impl Fn(&T) -> String) -> Option<Parts<'_>> {
            item.as_ref()
                .map(|i| (text(&i.value), i.note.as_deref(), i.source.as_deref()))
        }
        match self {
            CostItem::Currency => costs.currency.clone().map(|c| (c, None, None)),
            CostItem::Dosing | CostItem::Preparation | CostItem::Integration => {
                let item = self.fee(costs)?;
                let Fee { low, high } = item.value;
                let amount = if low == high {
                    low.to_string()
                } else {
                    format!("{low}\u{2013}{high}")
                };
                Some((amount, item.note.as_deref(), item.source.as_deref()))
            }
            CostItem::Packages => with(&costs.packages, String::clone),
            CostItem::Insurance => with(&costs.insurance, |i| i.as_str().to_string()),
            CostItem::PriorAuth => with(&costs.prior_auth_help, |yes| yes_no(*yes).into()),
            CostItem::Refund => with(&costs.refund_policy, String::clone),
        }
    }

    /// Whether a fee other than `self` is recorded (and so is labelled by the currency).
    fn other_fees(self, costs: &Costs) -> bool {
        CostItem::ALL
            .iter()
            .any(|fee| *fee != self && fee.fee(costs).is_some())
    }
}

/// Refuses a currency that would silently relabel the fees already recorded in another one
/// (a fee typed in EUR must not turn the USD fees into EUR). `item` is the cost being edited:
/// its own fee is retyped with the currency, so only the other fees count.
fn keeps_other_fees(item: CostItem, costs: &Costs, currency: &str) -> Result<(), String> {
    match costs.currency.as_deref() {
        Some(recorded) if recorded != currency && item.other_fees(costs) => Err(format!(
            "The fees already recorded are in {recorded}, not {currency}: keep {recorded}, \
             or clear those fees first"
        )),
        _ => Ok(()),
    }
}

type Parts<'a> = (String, Option<&'a str>, Option<&'a str>);

fn yes_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

/// What a form in the walk-through records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    /// A clinician: the one at this index, or a new one.
    Clinician(Option<usize>),
    Cost(CostItem),
}

#[derive(Clone, Debug, PartialEq)]
pub struct RecordForm {
    pub record: Record,
    pub form: Form,
}

impl RecordForm {
    pub fn title(&self, draft: &crate::core::provider::Provider) -> String {
        match self.record {
            Record::Clinician(Some(i)) => match draft.clinicians.get(i) {
                Some(c) => format!("Clinician: {}", c.name),
                None => "Clinician".into(),
            },
            Record::Clinician(None) => "New clinician".into(),
            Record::Cost(item) => format!("Costs: {}", item.label()),
        }
    }
}

/// The "not stated" choice of a yes-or-no cost.
const NOT_STATED: &str = "not stated";

/// A clinician's form, filled from `clinician` if there is one; a new check is dated `date`.
fn clinician_form(clinician: Option<&Clinician>, date: Date) -> Form {
    let text = |get: fn(&Clinician) -> Option<&String>| {
        Widget::text(clinician.and_then(get).map_or("", String::as_str))
    };
    let check = clinician.and_then(|c| c.verification.as_ref());
    let result = check.map_or(Verdict::Unchecked, |v| v.result);
    let checked = check.and_then(|v| v.date).unwrap_or(date);
    Form::new(vec![
        row(
            Field::Name,
            "Name",
            Widget::text(clinician.map_or("", |c| c.name.as_str())),
        ),
        row(
            Field::Role,
            "Role",
            Widget::pick(
                words(Role::ALL),
                clinician.map_or(Role::Prescriber, |c| c.role).as_str(),
            ),
        ),
        row(
            Field::LicenceType,
            "Licence type",
            text(|c| c.licence_type.as_ref()),
        ),
        row(
            Field::LicenceNumber,
            "Licence number",
            text(|c| c.licence_number.as_ref()),
        ),
        row(
            Field::LicensedIn,
            "State or country",
            text(|c| c.licensed_in.as_ref()),
        ),
        row(
            Field::BoardUrl,
            "Board lookup URL",
            text(|c| c.board_url.as_ref()),
        ),
        row(
            Field::CheckResult,
            "Licence check",
            Widget::pick(words(Verdict::ALL), result.as_str()),
        ),
        row(
            Field::CheckedOn,
            "Checked on",
            Widget::text(&checked.to_string()),
        ),
        row(
            Field::CheckNote,
            "Check note",
            Widget::text(check.and_then(|v| v.note.as_deref()).unwrap_or("")),
        ),
    ])
}

/// The clinician the form describes, or what to fix first.
fn read_clinician(form: &Form, today: Date) -> Result<Clinician, String> {
    let name = form
        .text(Field::Name)
        .ok_or("Type the clinician's name (Esc leaves without saving)")?;
    let role = value_of(Role::ALL, form.word(Field::Role)).unwrap_or(Role::Prescriber);
    let result =
        value_of(Verdict::ALL, form.word(Field::CheckResult)).unwrap_or(Verdict::Unchecked);
    let note = form.text(Field::CheckNote);
    let verification = if result == Verdict::Unchecked {
        // Nothing was looked up: there is no date to give, only perhaps a note.
        note.map(|note| Verification {
            date: None,
            result,
            note: Some(note),
        })
    } else {
        let typed = form.text(Field::CheckedOn).unwrap_or_default();
        let date = Date::parse(&typed).ok_or_else(|| {
            format!("\"{typed}\" is not a date: write the day of the check as YYYY-MM-DD")
        })?;
        if date > today {
            return Err(format!(
                "{date} is in the future: the day the licence was checked, please"
            ));
        }
        Some(Verification {
            date: Some(date),
            result,
            note,
        })
    };
    let board_url = form.text(Field::BoardUrl);
    if board_url.as_deref().is_some_and(|url| !is_web_address(url)) {
        return Err(format!(
            "The board's address is not a web address: {BOARD_URL_HINT}"
        ));
    }
    Ok(Clinician {
        name,
        role,
        licence_type: form.text(Field::LicenceType),
        licence_number: form.text(Field::LicenceNumber),
        licensed_in: form.text(Field::LicensedIn),
        board_url,
        verification,
    })
}

/// A cost's form: its value (a fee, words, or a choice), and a note and a source like an
/// answer's. A fee's form asks for the currency too, which a profile with fees must have.
fn cost_form(item: CostItem, costs: &Costs) -> Form {
    let recorded = item.recorded(costs);
    let (note, source) = recorded
        .as_ref()
        .map_or((None, None), |(_, note, source)| (*note, *source));
    let value = recorded.as_ref().map(|(v, ..)| v.as_str());
    let currency = || {
        row(
            Field::Currency,
            "Currency",
            Widget::text(costs.currency.as_deref().unwrap_or("")),
        )
    };
    let mut rows = match item {
        CostItem::Currency => return Form::new(vec![currency()]),
        CostItem::Dosing | CostItem::Preparation | CostItem::Integration => {
            let fee = item.fee(costs).map(|i| i.value.text()).unwrap_or_default();
            vec![row(Field::Value, "Fee", Widget::text(&fee)), currency()]
        }
        CostItem::Packages => vec![row(
            Field::Value,
            "Packages offered",
            Widget::text(value.unwrap_or("")),
        )],
        CostItem::Refund => vec![row(
            Field::Value,
            "Refund policy",
            Widget::text(value.unwrap_or("")),
        )],
        CostItem::Insurance => vec![row(
            Field::Value,
            "Insurance",
            Widget::pick(words(Insurance::ALL), costs.insurance().as_str()),
        )],
        CostItem::PriorAuth => vec![row(
            Field::Value,
            "Helps with it",
            Widget::pick(vec![NOT_STATED, "yes", "no"], value.unwrap_or(NOT_STATED)),
        )],
    };
    rows.push(row(Field::Note, "Note", Widget::text(note.unwrap_or(""))));
    rows.push(row(
        Field::Source,
        "Source",
        Widget::text(source.unwrap_or("")),
    ));
    Form::new(rows)
}

/// Writes the form's cost into `costs`, or says what to fix first. A cost with no value, note
/// or source is cleared (the profile no longer says).
fn apply_cost(item: CostItem, form: &Form, costs: &mut Costs) -> Result<(), String> {
    fn with_details<T>(value: T, note: &Option<String>, source: &Option<String>) -> Item<T> {
        Item {
            value,
            note: note.clone(),
            source: source.clone(),
        }
    }
    let note = form.text(Field::Note);
    let source = form.text(Field::Source);
    let has_details = note.is_some() || source.is_some();
    let currency = match form.text(Field::Currency) {
        Some(typed) => Some(parse_currency(&typed)?),
        None => None,
    };
    match item {
        CostItem::Currency => {
            match &currency {
                None if item.other_fees(costs) => {
                    return Err(
                        "The fees need a currency: type one (such as USD), or clear the fees first"
                            .into(),
                    );
                }
                None => {}
                Some(typed) => keeps_other_fees(item, costs, typed)?,
            }
            costs.currency = currency;
        }
        CostItem::Dosing | CostItem::Preparation | CostItem::Integration => {
            let fee = match form.text(Field::Value) {
                Some(typed) => Some(Fee::parse(&typed)?),
                None if has_details => {
                    return Err("Type the fee (450, or 400-600), or clear the note and source to leave it unknown".into());
                }
                None => None,
            };
            if fee.is_some() {
                let currency = currency.ok_or(
                    "Type the currency the fee is in (such as USD): a fee means little without it",
                )?;
                keeps_other_fees(item, costs, &currency)?;
                costs.currency = Some(currency);
            }
            if let Some(slot) = item.fee_mut(costs) {
                *slot = fee.map(|fee| with_details(fee, &note, &source));
            }
        }
        CostItem::Packages | CostItem::Refund => {
            let text = match form.text(Field::Value) {
                Some(text) => Some(text),
                None if has_details => {
                    return Err(
                        "Say what they offer in the first field, or clear the note and source"
                            .into(),
                    );
                }
                None => None,
            };
            let slot = if item == CostItem::Packages {
                &mut costs.packages
            } else {
                &mut costs.refund_policy
            };
            *slot = text.map(|text| with_details(text, &note, &source));
        }
        CostItem::Insurance => {
            let insurance =
                value_of(Insurance::ALL, form.word(Field::Value)).unwrap_or(Insurance::Unknown);
            costs.insurance = (insurance != Insurance::Unknown || has_details)
                .then(|| with_details(insurance, &note, &source));
        }
        CostItem::PriorAuth => {
            let yes = match form.word(Field::Value) {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ if has_details => {
                    return Err("Choose yes or no to keep a note or source (or clear them)".into());
                }
                _ => None,
            };
            costs.prior_auth_help = yes.map(|yes| with_details(yes, &note, &source));
        }
    }
    Ok(())
}

impl App {
    fn walk_draft(&self) -> Option<&crate::core::provider::Provider> {
        match &self.checklist.screen {
            Screen::Walk(walk) => Some(&walk.draft),
            _ => None,
        }
    }

    fn walk_draft_mut(&mut self) -> Option<&mut crate::core::provider::Provider> {
        match &mut self.checklist.screen {
            Screen::Walk(walk) => Some(&mut walk.draft),
            _ => None,
        }
    }

    /// Opens the clinicians or the costs of the provider being walked.
    pub(crate) fn open_records(&mut self, list: RecordList) {
        if self.walk_draft().is_some() {
            self.overlays.push(Overlay::Records { list, selected: 0 });
        }
    }

    /// Rows in a list: each clinician and "add one", or each cost.
    pub fn record_rows(&self, list: RecordList) -> usize {
        match list {
            RecordList::Clinicians => self.walk_draft().map_or(0, |d| d.clinicians.len()) + 1,
            RecordList::Costs => CostItem::ALL.len(),
        }
    }

    /// The record on a row of a list (the clinicians' last row adds one).
    fn record_at(&self, list: RecordList, selected: usize) -> Record {
        match list {
            RecordList::Clinicians => {
                let listed = self.walk_draft().map_or(0, |d| d.clinicians.len());
                Record::Clinician((selected < listed).then_some(selected))
            }
            RecordList::Costs => Record::Cost(CostItem::ALL[selected.min(CostItem::ALL.len() - 1)]),
        }
    }

    pub(crate) fn records_action(&mut self, action: &Action) {
        let Some(Overlay::Records { list, selected }) = self.overlays.last() else {
            return;
        };
        let (list, selected) = (*list, *selected);
        let record = self.record_at(list, selected);
        match action {
            Action::Back => {
                self.overlays.pop();
            }
            Action::Open => self.open_form(record, None),
            Action::AddClinician => self.open_form(Record::Clinician(None), None),
            Action::CheckLicence => match record {
                Record::Clinician(Some(_)) => self.open_form(record, Some(Field::CheckResult)),
                _ => self.say("Select a clinician first (j/k), or add one with a"),
            },
            Action::Discard => self.ask_remove(record),
            action => {
                let (rows, height) = (self.record_rows(list), self.list_rows());
                if let Some(next) = step(action, selected, rows, height)
                    && let Some(Overlay::Records { selected, .. }) = self.overlays.last_mut()
                {
                    *selected = next;
                }
            }
        }
    }

    /// Opens the form for `record`, the cursor on `at` (else the first row).
    fn open_form(&mut self, record: Record, at: Option<Field>) {
        let Some(draft) = self.walk_draft() else {
            return;
        };
        let date = match &self.checklist.screen {
            Screen::Walk(walk) => walk.date,
            _ => self.today,
        };
        let mut form = match record {
            Record::Clinician(i) => clinician_form(i.and_then(|i| draft.clinicians.get(i)), date),
            Record::Cost(item) => cost_form(item, &draft.costs),
        };
        if let Some(field) = at {
            form.select(field);
        }
        self.overlays
            .push(Overlay::Form(Box::new(RecordForm { record, form })));
    }

    /// Asks before removing a clinician or clearing a cost.
    fn ask_remove(&mut self, record: Record) {
        let Some(draft) = self.walk_draft() else {
            return;
        };
        let (title, text) = match record {
            Record::Clinician(Some(i)) => (
                "Remove this clinician?".to_string(),
                format!(
                    "{} and the licence check recorded for them will be removed from this profile.",
                    draft.clinicians[i].summary()
                ),
            ),
            Record::Cost(item) if item.recorded(&draft.costs).is_some() => {
                if item == CostItem::Currency && item.other_fees(&draft.costs) {
                    self.say("The fees need their currency: clear the fees first");
                    return;
                }
                (
                    format!("Clear the {}?", item.label().to_lowercase()),
                    "The profile will no longer say; it counts as unknown.".to_string(),
                )
            }
            _ => {
                self.say("Nothing recorded here to remove");
                return;
            }
        };
        let choice = Choice::new(title, vec![text])
            .option('y', "yes, remove it", Then::Remove(record))
            .option('n', "no, keep it", Then::Nothing);
        self.overlays.push(Overlay::Choice(choice));
    }

    /// Removes a clinician, or clears a cost, and saves the draft.
    pub(crate) fn remove_record(&mut self, record: Record, effects: &mut Vec<Effect>) {
        let Some(draft) = self.walk_draft_mut() else {
            return;
        };
        match record {
            Record::Clinician(Some(i)) if i < draft.clinicians.len() => {
                let gone = draft.clinicians.remove(i);
                self.say(format!("Removed {}", gone.name));
            }
            Record::Cost(item) => {
                // An empty form says nothing: the cost is cleared.
                if let Err(e) = apply_cost(item, &Form::new(Vec::new()), &mut draft.costs) {
                    self.warn(e);
                    return;
                }
                self.say(format!("Cleared the {}", item.label().to_lowercase()));
            }
            Record::Clinician(_) => return,
        }
        self.keep_record_selection();
        self.draft_changed(effects);
    }

    /// The list's cursor stays on a row that exists after one was removed.
    fn keep_record_selection(&mut self) {
        let Some(Overlay::Records { list, .. }) = self.overlays.last() else {
            return;
        };
        let rows = self.record_rows(*list);
        if let Some(Overlay::Records { selected, .. }) = self.overlays.last_mut() {
            *selected = (*selected).min(rows - 1);
        }
    }

    /// Keys in a clinician's or a cost's form: as in the new provider's form, and Enter saves
    /// the record into the draft.
    pub(crate) fn record_form_action(&mut self, action: &Action, effects: &mut Vec<Effect>) {
        let Some(Overlay::Form(record_form)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Open => {
                let record_form = (**record_form).clone();
                self.save_record(&record_form, effects);
            }
            Action::Back if record_form.form.is_filled() => self.ask_drop(
                "Drop your changes?",
                "What you typed in this form has not been saved into the profile.".into(),
                "yes, drop them",
            ),
            Action::Back => {
                self.overlays.pop();
            }
            action => {
                if let Some(hint) = record_form.form.edit(action) {
                    self.say(hint);
                }
            }
        }
    }

    /// Puts what the form says into the draft and closes it; a problem keeps it open to fix.
    fn save_record(&mut self, record_form: &RecordForm, effects: &mut Vec<Effect>) {
        let today = self.today;
        let Some(draft) = self.walk_draft_mut() else {
            return;
        };
        let said = match record_form.record {
            Record::Clinician(at) => read_clinician(&record_form.form, today).map(|clinician| {
                let said = format!("Recorded {}", clinician.summary());
                match at.filter(|i| *i < draft.clinicians.len()) {
                    Some(i) => draft.clinicians[i] = clinician,
                    None => draft.clinicians.push(clinician),
                }
                said
            }),
            Record::Cost(item) => apply_cost(item, &record_form.form, &mut draft.costs)
                .map(|()| format!("Recorded the {}", item.label().to_lowercase())),
        };
        match said {
            Ok(said) => {
                self.overlays.pop();
                // A new clinician is selected in the list, where its licence check shows.
                let added = self.walk_draft().map_or(0, |d| d.clinicians.len());
                if let (Record::Clinician(None), Some(Overlay::Records { selected, .. })) =
                    (record_form.record, self.overlays.last_mut())
                {
                    *selected = added.saturating_sub(1);
                }
                self.say(said);
                self.draft_changed(effects);
            }
            Err(problem) => self.warn(problem),
        }
    }

    /// Ctrl-C in a filled-in form: what it says goes into the draft (which is saved) instead of
    /// being lost, when it reads as a record.
    pub(crate) fn keep_typed_record(&mut self, effects: &mut Vec<Effect>) {
        if let Some(Overlay::Form(record_form)) = self.overlays.last()
            && record_form.form.is_filled()
        {
            let record_form = (**record_form).clone();
            self.save_record(&record_form, effects);
        }
    }

    /// Closes the record form on top, saying nothing changed; false when none is on top.
    pub(crate) fn leave_record_form(&mut self) -> bool {
        if matches!(self.overlays.last(), Some(Overlay::Form(_))) {
            self.overlays.pop();
            self.say("Nothing was changed");
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(form: &mut Form, field: Field, text: &str) {
        form.select(field);
        form.edit(&Action::Bottom);
        form.edit(&Action::DeleteToStart);
        for c in text.chars() {
            form.edit(&Action::Type(c));
        }
    }

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn a_clinician_reads_back_from_its_own_form() {
        let clinician = Clinician {
            name: "Dr Ada Example".into(),
            role: Role::Therapist,
            licence_type: Some("LPC".into()),
            licence_number: Some("C-123".into()),
            licensed_in: Some("OR".into()),
            board_url: Some("https://example.org/lookup?id=C-123".into()),
            verification: Some(Verification {
                date: Some(day("2026-10-14")),
                result: Verdict::ActiveWithDiscipline,
                note: Some("reprimand, 2019".into()),
            }),
        };
        let form = clinician_form(Some(&clinician), day("2026-11-01"));
        assert!(!form.is_filled());
        assert_eq!(read_clinician(&form, day("2026-11-28")), Ok(clinician));
    }

    #[test]
    fn a_board_address_must_be_a_web_address() {
        let mut form = clinician_form(None, day("2026-11-01"));
        typed(&mut form, Field::Name, "Sam");
        typed(&mut form, Field::BoardUrl, "javascript:alert(1)");
        let refused = read_clinician(&form, day("2026-11-28")).unwrap_err();
        assert!(refused.contains("https://"), "{refused}");
        typed(&mut form, Field::BoardUrl, "https://example.org/lookup");
        let read = read_clinician(&form, day("2026-11-28")).unwrap();
        assert_eq!(
            read.board_url.as_deref(),
            Some("https://example.org/lookup")
        );
    }

    #[test]
    fn a_check_needs_a_past_date_and_no_check_keeps_none() {
        let mut form = clinician_form(None, day("2026-11-01"));
        assert!(
            read_clinician(&form, day("2026-11-28")).is_err(),
            "a name is needed"
        );
        typed(&mut form, Field::Name, "Sam");
        let unchecked = read_clinician(&form, day("2026-11-28")).unwrap();
        assert_eq!(
            (unchecked.role, unchecked.verification),
            (Role::Prescriber, None)
        );
        form.select(Field::CheckResult);
        form.edit(&Action::Right); // unchecked -> active, going round
        let checked = read_clinician(&form, day("2026-11-28")).unwrap();
        assert_eq!(checked.verdict(), Verdict::Active);
        assert_eq!(checked.verification.unwrap().date, Some(day("2026-11-01")));
        typed(&mut form, Field::CheckedOn, "2026-12-01");
        assert!(read_clinician(&form, day("2026-11-28")).is_err(), "future");
        typed(&mut form, Field::CheckedOn, "last week");
        assert!(
            read_clinician(&form, day("2026-11-28")).is_err(),
            "not a date"
        );
    }

    #[test]
    fn costs_read_back_from_their_forms_and_a_fee_needs_a_currency() {
        let mut costs = Costs::default();
        let mut form = cost_form(CostItem::Dosing, &costs);
        typed(&mut form, Field::Value, "400-600");
        assert!(
            apply_cost(CostItem::Dosing, &form, &mut costs).is_err(),
            "no currency"
        );
        typed(&mut form, Field::Currency, "usd");
        typed(&mut form, Field::Note, "sliding scale");
        apply_cost(CostItem::Dosing, &form, &mut costs).unwrap();
        assert_eq!(costs.currency.as_deref(), Some("USD"));
        let dosing = costs.dosing_session.clone().unwrap();
        assert_eq!((dosing.value.low, dosing.value.high), (400, 600));
        assert_eq!(dosing.note.as_deref(), Some("sliding scale"));
        for item in CostItem::ALL {
            let before = costs.clone();
            let form = cost_form(item, &costs);
            apply_cost(item, &form, &mut costs).unwrap();
            assert_eq!(costs, before, "{item:?} unchanged through its form");
        }
        let mut form = cost_form(CostItem::Insurance, &costs);
        form.edit(&Action::Left); // unknown -> none
        apply_cost(CostItem::Insurance, &form, &mut costs).unwrap();
        assert_eq!(costs.insurance(), Insurance::None);
        let mut form = cost_form(CostItem::Currency, &costs);
        typed(&mut form, Field::Currency, "");
        assert!(
            apply_cost(CostItem::Currency, &form, &mut costs).is_err(),
            "fees need it"
        );
    }
}
