//! The people who treat a provider's clients (`[[clinicians]]` in a profile), with the record of
//! someone checking each licence on the board's public lookup.

use schemars::JsonSchema;
use serde::Serialize;

use super::date::Date;
use super::diagnostics::Reporter;
use super::fields::Fields;
use super::sanitize::is_web_address;
use super::words::word_enum;

word_enum! {
    /// What a clinician does for the client.
    pub enum Role {
        /// Prescribes the ketamine.
        Prescriber = "prescriber",
        /// Gives the psychotherapy.
        Therapist = "therapist",
        /// Gives nursing care.
        Nurse = "nurse",
        /// Watches over the client while the medicine works.
        Monitor = "monitor",
    }
}

word_enum! {
    /// What a licence lookup found. `NotFound` and `Expired` are safety flags; `Unchecked` (or no
    /// record) is a data flag; discipline on an active licence is a data flag to read up on.
    #[schemars(description = "What the licence lookup found.")]
    pub enum Verdict {
        /// Active on the board's lookup on the day checked, with no discipline shown.
        Active = "active",
        /// Active, with discipline on the board's record (a data flag: read the record).
        ActiveWithDiscipline = "active-with-discipline",
        /// No such licence on the board's lookup (a safety flag; check it was the right
        /// profession's board and state).
        NotFound = "not-found",
        /// The licence has lapsed (a safety flag).
        Expired = "expired",
        /// Nobody has checked yet (a data flag).
        Unchecked = "unchecked",
    }
}

impl Verdict {
    /// The words people read: "active, with discipline on record".
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Active => "active",
            Verdict::ActiveWithDiscipline => "active, with discipline on record",
            Verdict::NotFound => "not found",
            Verdict::Expired => "expired",
            Verdict::Unchecked => "not checked",
        }
    }
}

/// Someone checked the licence on the board's lookup: when, and what it said.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Verification {
    /// When someone checked; required unless the result is `unchecked`.
    pub date: Option<Date>,
    /// What the lookup found.
    pub result: Verdict,
    /// Anything to add about the check.
    pub note: Option<String>,
}

/// One of the people who treat the provider's clients (`[[clinicians]]`).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Clinician {
    /// The clinician's name, as they write it.
    #[schemars(length(min = 1))]
    pub name: String,
    /// What the clinician does for the client.
    pub role: Role,
    /// The licence type, as written: "MD", "PMHNP", "LPC"…
    pub licence_type: Option<String>,
    /// The number on the licence.
    pub licence_number: Option<String>,
    /// The state, province or country that issued the licence.
    pub licensed_in: Option<String>,
    /// Where anyone can look the licence up (the board's own search page).
    pub board_url: Option<String>,
    /// The record of someone looking the licence up; left out, it counts as unchecked.
    pub verification: Option<Verification>,
}

impl Clinician {
    /// The check's result; no record counts as unchecked.
    pub fn verdict(&self) -> Verdict {
        self.verification
            .as_ref()
            .map_or(Verdict::Unchecked, |v| v.result)
    }

    /// "Dr Ada Example (prescriber, MD 12345, OR): active, checked 2026-10-14".
    pub fn summary(&self) -> String {
        let licence: Vec<&str> = [&self.licence_type, &self.licence_number, &self.licensed_in]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let licence = if licence.is_empty() {
            "licence not given".to_string()
        } else {
            licence.join(" ")
        };
        let check = match &self.verification {
            Some(Verification {
                date: Some(date),
                result,
                ..
            }) if *result != Verdict::Unchecked => format!("{}, checked {date}", result.label()),
            _ => "licence not checked".into(),
        };
        format!("{} ({}, {licence}): {check}", self.name, self.role.as_str())
    }
}

pub const CLINICIAN_KEYS: [&str; 7] = [
    "name",
    "role",
    "licence_type",
    "licence_number",
    "licensed_in",
    "board_url",
    "verification",
];
pub(crate) const VERIFICATION_KEYS: [&str; 3] = ["date", "result", "note"];

/// What a `board_url` must be, for the file's error and the form's message alike.
pub const BOARD_URL_HINT: &str =
    "write the licensing board's lookup page, starting with https:// (or http://)";

/// Reads the `[[clinicians]]` blocks, reporting every problem.
pub fn read_clinicians(top: &Fields<'_, '_>, rep: &mut Reporter<'_>) -> Vec<Clinician> {
    let mut out = Vec::new();
    for (table, span) in top.table_list(rep, "clinicians") {
        let f = Fields::new(table, span, "[[clinicians]]");
        f.reject_unknown_keys(rep, &CLINICIAN_KEYS);
        let name = f.required_string(rep, "name", "\"Dr Ada Example\"");
        let role = if f.get("role").is_some() {
            f.choice(rep, "role", Role::ALL)
        } else {
            f.missing(rep, "role", "\"prescriber\"");
            None
        };
        let verification = f
            .table(rep, "verification", "a verification table")
            .and_then(|v| {
                v.reject_unknown_keys(rep, &VERIFICATION_KEYS);
                let result = if v.get("result").is_some() {
                    v.choice(rep, "result", Verdict::ALL)
                } else {
                    v.missing(rep, "result", "\"active\"");
                    None
                };
                let date = v.date(rep, "date");
                // A check is only worth its date; "unchecked" has none to give.
                if date.is_none()
                    && v.get("date").is_none()
                    && result.is_some_and(|r| r != Verdict::Unchecked)
                {
                    v.missing(rep, "date", "2026-10-14");
                }
                let note = v.text(rep, "note").filter(|n| !n.is_empty());
                result.map(|result| Verification { date, result, note })
            });
        let licence_type = f.string(rep, "licence_type");
        let licence_number = f.string(rep, "licence_number");
        let licensed_in = f.string(rep, "licensed_in");
        let board_url = f.string(rep, "board_url").filter(|url| {
            let web = is_web_address(url);
            if !web {
                rep.error(
                    f.get("board_url").map_or(f.span.start, |v| v.span().start),
                    format!("`board_url` = \"{url}\" is not a web address"),
                    Some(BOARD_URL_HINT.into()),
                );
            }
            web
        });
        if let (Some(name), Some(role)) = (name, role) {
            out.push(Clinician {
                name,
                role,
                licence_type,
                licence_number,
                licensed_in,
                board_url,
                verification,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_says_what_the_check_found_or_that_there_was_none() {
        let mut c = Clinician {
            name: "Ada".into(),
            role: Role::Prescriber,
            licence_type: Some("MD".into()),
            licence_number: Some("123".into()),
            licensed_in: Some("OR".into()),
            board_url: None,
            verification: None,
        };
        assert_eq!(
            c.summary(),
            "Ada (prescriber, MD 123 OR): licence not checked"
        );
        assert_eq!(c.verdict(), Verdict::Unchecked);
        c.verification = Some(Verification {
            date: Date::parse("2026-10-14"),
            result: Verdict::Expired,
            note: None,
        });
        assert_eq!(
            c.summary(),
            "Ada (prescriber, MD 123 OR): expired, checked 2026-10-14"
        );
    }
}
