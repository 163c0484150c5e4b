//! What a provider charges (`[costs]` in a profile) and the estimated cost of a whole course.
//! The estimate is always a range: a fee nobody has stated adds nothing to the low end and
//! leaves the high end open, so an unknown is never turned into a made-up number.

use schemars::JsonSchema;
use serde::Serialize;
use toml::de::DeValue;

use super::diagnostics::{Reporter, Severity};
use super::fields::Fields;
use super::schema::or_bare_value;
use super::words::word_enum;

word_enum! {
    /// How the provider deals with health insurance.
    #[derive(Default)]
    pub enum Insurance {
        /// Bills insurers directly (in network with some plans).
        Accepts = "accepts",
        /// Gives an itemized receipt to send to an insurer yourself.
        Superbill = "superbill",
        /// Self-pay only.
        None = "none",
        /// Not known.
        #[default]
        Unknown = "unknown",
    }
}

/// One stated fact about money: the value, or a table with the value, a note and a source.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, transform = or_bare_value, rename = "Item_{T}")]
pub struct Item<T> {
    /// The value itself.
    pub value: T,
    /// What exactly was said.
    pub note: Option<String>,
    /// Where it was stated.
    pub source: Option<String>,
}

impl<T> Item<T> {
    pub fn bare(value: T) -> Self {
        Item {
            value,
            note: None,
            source: None,
        }
    }
}

/// A fee in whole units of the profile's currency: one amount, or a stated range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Fee {
    pub low: u32,
    pub high: u32,
}

/// In a file a fee is its whole item: a number (`450`), or a table with `value`, or `min` and
/// `max` for a stated range, and an optional note and source.
impl JsonSchema for Fee {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Fee".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let amount = |description: &str| {
            serde_json::json!({
                "type": "integer", "minimum": 0, "maximum": MAX_FEE, "description": description,
            })
        };
        let text =
            |description: &str| serde_json::json!({ "type": "string", "description": description });
        let table = |keys: &[(&str, &str)]| {
            let mut properties = serde_json::Map::new();
            for (key, description) in keys {
                properties.insert((*key).into(), amount(description));
            }
            properties.insert("note".into(), text("What exactly was said."));
            properties.insert("source".into(), text("Where it was stated."));
            let required: Vec<&str> = keys.iter().map(|(key, _)| *key).collect();
            serde_json::json!({
                "type": "object",
                "additionalProperties": false,
                "required": required,
                "properties": properties,
            })
        };
        schemars::json_schema!({
            "description": "A fee in whole units of `currency`: one amount, or a stated range (`min`, `max`). 0 for a session included in another fee; leave it out if the session is not offered (a checklist answer says that).",
            "oneOf": [
                amount("The fee."),
                table(&[("value", "The fee.")]),
                table(&[("min", "The lowest fee stated."), ("max", "The highest fee stated.")]),
            ],
        })
    }
}

impl Fee {
    pub fn exact(amount: u32) -> Fee {
        Fee {
            low: amount,
            high: amount,
        }
    }

    /// A fee as someone types it: `450`, `1,200`, or a range `400-600` (also `400–600`,
    /// `400 to 600`), in whole units of the currency.
    pub fn parse(text: &str) -> Result<Fee, &'static str> {
        let amount = |part: &str| -> Result<u32, &'static str> {
            let digits: String = part.chars().filter(|c| *c != ',' && *c != ' ').collect();
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err("write the fee as a whole number (450) or a range (400-600)");
            }
            match digits.parse::<i64>() {
                Ok(n) if n <= MAX_FEE => Ok(n as u32),
                _ => Err("that fee is too large: a typo?"),
            }
        };
        let text = text.trim();
        let range = ["-", "\u{2013}", " to "]
            .into_iter()
            .find_map(|sep| text.split_once(sep));
        match range {
            Some((low, high)) => {
                let (low, high) = (amount(low)?, amount(high)?);
                if low > high {
                    return Err("the first fee of a range is the lower one");
                }
                Ok(Fee { low, high })
            }
            None => amount(text).map(Fee::exact),
        }
    }

    /// `450` or `400-600`, as [`Fee::parse`] reads it back.
    pub fn text(self) -> String {
        if self.low == self.high {
            self.low.to_string()
        } else {
            format!("{}-{}", self.low, self.high)
        }
    }
}

/// A currency as someone types it: three letters (ISO 4217, such as USD), upper-cased.
pub fn parse_currency(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.len() == 3 && text.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(text.to_ascii_uppercase())
    } else {
        Err("write the currency as its three-letter code, such as USD, CAD, GBP or EUR")
    }
}

/// What the provider charges (`[costs]`); a fee left out is unknown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Costs {
    /// ISO code such as "USD"; required once any fee is given.
    #[schemars(pattern(r"^[A-Z]{3}$"))]
    pub currency: Option<String>,
    /// One dosing session (the course estimate prices boosters at this fee too).
    #[schemars(with = "Option<Fee>")]
    pub dosing_session: Option<Item<Fee>>,
    /// One preparation session.
    #[schemars(with = "Option<Fee>")]
    pub preparation_session: Option<Item<Fee>>,
    /// One integration session.
    #[schemars(with = "Option<Fee>")]
    pub integration_session: Option<Item<Fee>>,
    /// Package offers, in words.
    pub packages: Option<Item<String>>,
    /// How the provider deals with health insurance.
    pub insurance: Option<Item<Insurance>>,
    /// Help with prior authorization (esketamine).
    pub prior_auth_help: Option<Item<bool>>,
    /// What is refunded, and when, in words.
    pub refund_policy: Option<Item<String>>,
}

impl Costs {
    pub fn insurance(&self) -> Insurance {
        self.insurance
            .as_ref()
            .map_or(Insurance::Unknown, |i| i.value)
    }

    fn fee(&self, kind: SessionKind) -> Option<Fee> {
        match kind {
            SessionKind::Dosing | SessionKind::Booster => self.dosing_session.as_ref(),
            SessionKind::Preparation => self.preparation_session.as_ref(),
            SessionKind::Integration => self.integration_session.as_ref(),
        }
        .map(|item| item.value)
    }
}

/// The kinds of session a course is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    Dosing,
    Preparation,
    Integration,
    /// Priced as a dosing session.
    Booster,
}

impl SessionKind {
    pub const ALL: [SessionKind; 4] = [
        SessionKind::Dosing,
        SessionKind::Preparation,
        SessionKind::Integration,
        SessionKind::Booster,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SessionKind::Dosing => "dosing",
            SessionKind::Preparation => "preparation",
            SessionKind::Integration => "integration",
            SessionKind::Booster => "booster",
        }
    }
}

/// How many sessions of each kind a course has. The defaults follow the fact sheet: the common
/// course of six dosing sessions, with preparation and integration around them, boosters off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CourseShape {
    pub dosing: u32,
    pub preparation: u32,
    pub integration: u32,
    pub boosters: u32,
}

impl Default for CourseShape {
    fn default() -> Self {
        CourseShape {
            dosing: 6,
            preparation: 2,
            integration: 3,
            boosters: 0,
        }
    }
}

/// The most sessions of one kind a course shape may hold (keeps the arithmetic small).
pub const MAX_SESSIONS: u32 = 99;

impl CourseShape {
    pub fn count(&self, kind: SessionKind) -> u32 {
        match kind {
            SessionKind::Dosing => self.dosing,
            SessionKind::Preparation => self.preparation,
            SessionKind::Integration => self.integration,
            SessionKind::Booster => self.boosters,
        }
    }

    pub fn set(&mut self, kind: SessionKind, count: u32) {
        let count = count.min(MAX_SESSIONS);
        match kind {
            SessionKind::Dosing => self.dosing = count,
            SessionKind::Preparation => self.preparation = count,
            SessionKind::Integration => self.integration = count,
            SessionKind::Booster => self.boosters = count,
        }
    }

    /// "6 dosing, 2 preparation, 3 integration, no boosters".
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = SessionKind::ALL
            .iter()
            .filter(|k| **k != SessionKind::Booster)
            .map(|k| format!("{} {}", self.count(*k), k.label()))
            .collect();
        parts.push(match self.boosters {
            0 => "no boosters".into(),
            1 => "1 booster".into(),
            n => format!("{n} boosters"),
        });
        parts.join(", ")
    }
}

/// A course's estimated cost: `high` is `None` when some fee the course needs is not known,
/// and `unknown` names those fees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CourseCost {
    pub currency: Option<String>,
    pub low: u64,
    pub high: Option<u64>,
    pub unknown: Vec<&'static str>,
}

impl CourseCost {
    /// Nothing useful is known: some fee the course needs is unstated and the rest add up to 0.
    pub fn is_unknown(&self) -> bool {
        self.high.is_none() && self.low == 0
    }

    /// "USD 2,700–3,600", "USD 2,700+" (some fee unknown, so no upper end), or "unknown".
    pub fn text(&self) -> String {
        if self.is_unknown() {
            return "unknown".into();
        }
        let currency = self.currency.as_deref().unwrap_or("");
        let money = |n: u64| thousands(n);
        match self.high {
            Some(high) if high == self.low => format!("{currency} {}", money(high)),
            Some(high) => format!("{currency} {}–{}", money(self.low), money(high)),
            None => format!("{currency} {}+", money(self.low)),
        }
        .trim()
        .to_string()
    }

    /// The text in a few columns, for a narrow list: "$60–5.4k", "CA$3k+", "$2.9k". Thousands
    /// are shown to a tenth, a range's low end rounded down and its high end up (so the range
    /// shown always holds the real one); a single amount to the nearest tenth.
    pub fn short(&self) -> String {
        if self.is_unknown() {
            return "unknown".into();
        }
        let currency = self.currency.as_deref().unwrap_or("");
        let symbol = match currency {
            "USD" => "$".to_string(),
            "CAD" => "CA$".into(),
            "AUD" => "A$".into(),
            "EUR" => "\u{20ac}".into(),
            "GBP" => "\u{a3}".into(),
            "" => String::new(),
            other => format!("{other} "),
        };
        match self.high {
            Some(high) if high == self.low => format!("{symbol}{}", kilo(high, Round::Nearest)),
            Some(high) => format!(
                "{symbol}{}\u{2013}{}",
                kilo(self.low, Round::Down),
                kilo(high, Round::Up)
            ),
            None => format!("{symbol}{}+", kilo(self.low, Round::Down)),
        }
    }

    /// "USD 2,700+ (preparation, integration fees unknown)": the text with what leaves it open.
    pub fn detail(&self) -> String {
        match (self.is_unknown(), self.unknown.as_slice()) {
            (false, []) => self.text(),
            (true, _) => "unknown: no fee the course needs is stated".into(),
            (false, [one]) => format!("{} ({one} fee unknown)", self.text()),
            (false, many) => format!("{} ({} fees unknown)", self.text(), many.join(", ")),
        }
    }

    /// For sorting and `--max-course-cost`: the most it could cost (open-ended is the most).
    pub fn upper(&self) -> u64 {
        self.high.unwrap_or(u64::MAX)
    }

    /// The order courses sort in by cost: known ones first, grouped by currency (amounts in
    /// two currencies are not comparable), then cheapest low end, then cheapest high end.
    pub fn sort_key(&self) -> (bool, Option<String>, u64, u64) {
        (
            self.is_unknown(),
            self.currency.clone(),
            self.low,
            self.upper(),
        )
    }
}

/// The estimated cost of a course of `shape` at the fees in `costs`.
pub fn course_cost(costs: &Costs, shape: &CourseShape) -> CourseCost {
    let mut low = 0u64;
    let mut high = Some(0u64);
    let mut unknown = Vec::new();
    for kind in SessionKind::ALL {
        let count = u64::from(shape.count(kind));
        if count == 0 {
            continue;
        }
        if let Some(fee) = costs.fee(kind) {
            low += count * u64::from(fee.low);
            high = high.map(|h| h + count * u64::from(fee.high));
        } else {
            high = None;
            let name = match kind {
                SessionKind::Booster => SessionKind::Dosing.label(),
                other => other.label(),
            };
            if !unknown.contains(&name) {
                unknown.push(name);
            }
        }
    }
    CourseCost {
        currency: costs.currency.clone(),
        low,
        high,
        unknown,
    }
}

pub const COSTS_KEYS: [&str; 8] = [
    "currency",
    "dosing_session",
    "preparation_session",
    "integration_session",
    "packages",
    "insurance",
    "prior_auth_help",
    "refund_policy",
];
pub(crate) const ITEM_KEYS: [&str; 3] = ["value", "note", "source"];
pub(crate) const FEE_KEYS: [&str; 5] = ["value", "min", "max", "note", "source"];
/// The largest fee accepted, in whole currency units: a typo guard, not a price judgement.
const MAX_FEE: i64 = 1_000_000;

/// Reads `[costs]`, reporting every problem.
pub fn read_costs(f: &Fields<'_, '_>, rep: &mut Reporter<'_>) -> Costs {
    f.reject_unknown_keys(rep, &COSTS_KEYS);
    let currency = read_currency(f, rep);
    let mut costs = Costs {
        currency: currency.clone(),
        dosing_session: read_fee(f, rep, "dosing_session"),
        preparation_session: read_fee(f, rep, "preparation_session"),
        integration_session: read_fee(f, rep, "integration_session"),
        packages: read_item(f, rep, "packages", |f, rep, key| f.text(rep, key)),
        insurance: read_item(f, rep, "insurance", |f, rep, key| {
            f.choice(rep, key, Insurance::ALL)
        }),
        prior_auth_help: read_item(f, rep, "prior_auth_help", |f, rep, key| f.boolean(rep, key)),
        refund_policy: read_item(f, rep, "refund_policy", |f, rep, key| f.text(rep, key)),
    };
    let has_fee = costs.dosing_session.is_some()
        || costs.preparation_session.is_some()
        || costs.integration_session.is_some();
    if has_fee && currency.is_none() && f.get("currency").is_none() {
        f.missing(rep, "currency", "\"USD\"");
        costs.currency = None;
    }
    costs
}

/// `currency`, through the same parser as typed currencies: a code in small letters is read in
/// capitals with a warning; anything but three letters is an error.
fn read_currency(f: &Fields<'_, '_>, rep: &mut Reporter<'_>) -> Option<String> {
    let written = f.string(rep, "currency")?;
    let at = f.get("currency")?.span().start;
    match parse_currency(&written) {
        Ok(code) => {
            if code != written {
                rep.at(
                    at,
                    Severity::Warning,
                    format!("`currency` = \"{written}\" is read as {code}"),
                    Some(format!("write it in capitals: currency = \"{code}\"")),
                );
            }
            Some(code)
        }
        Err(hint) => {
            rep.error(
                at,
                format!("`currency` = \"{written}\" is not a currency code"),
                Some(hint.into()),
            );
            None
        }
    }
}

/// A bare value (`insurance = "superbill"`) or a table with a note and a source
/// (`insurance = { value = "superbill", note = "…", source = "…" }`).
fn read_item<T>(
    f: &Fields<'_, '_>,
    rep: &mut Reporter<'_>,
    key: &str,
    read: impl Fn(&Fields<'_, '_>, &mut Reporter<'_>, &str) -> Option<T>,
) -> Option<Item<T>> {
    let value = f.get(key)?;
    match value.get_ref() {
        DeValue::Table(table) => {
            let detail = Fields::new(table, value.span(), "a cost table");
            detail.reject_unknown_keys(rep, &ITEM_KEYS);
            if detail.get("value").is_none() {
                detail.missing(rep, "value", "\"…\"");
                return None;
            }
            let (note, source) = note_and_source(&detail, rep);
            read(&detail, rep, "value").map(|value| Item {
                value,
                note,
                source,
            })
        }
        _ => read(f, rep, key).map(Item::bare),
    }
}

fn note_and_source(
    detail: &Fields<'_, '_>,
    rep: &mut Reporter<'_>,
) -> (Option<String>, Option<String>) {
    (
        detail.text(rep, "note").filter(|n| !n.is_empty()),
        detail.string(rep, "source"),
    )
}

/// A fee: a whole number (`dosing_session = 450`), or a table with `value`, or `min` and `max`
/// for a stated range, and an optional note and source.
fn read_fee(f: &Fields<'_, '_>, rep: &mut Reporter<'_>, key: &str) -> Option<Item<Fee>> {
    let value = f.get(key)?;
    let amount = |f: &Fields<'_, '_>, rep: &mut Reporter<'_>, key: &str| {
        f.integer(rep, key, 0..MAX_FEE + 1).map(|n| n as u32)
    };
    let DeValue::Table(table) = value.get_ref() else {
        return amount(f, rep, key).map(|n| Item::bare(Fee::exact(n)));
    };
    let detail = Fields::new(table, value.span(), "a fee table");
    detail.reject_unknown_keys(rep, &FEE_KEYS);
    let (note, source) = note_and_source(&detail, rep);
    let fee = match (detail.get("value"), detail.get("min"), detail.get("max")) {
        (Some(_), None, None) => amount(&detail, rep, "value").map(Fee::exact),
        (None, Some(_), Some(_)) => {
            let (low, high) = (amount(&detail, rep, "min"), amount(&detail, rep, "max"));
            match (low, high) {
                (Some(low), Some(high)) if low <= high => Some(Fee { low, high }),
                (Some(_), Some(_)) => {
                    rep.error(
                        value.span().start,
                        format!("`{key}` has `min` above `max`"),
                        Some("swap them: min is the lower fee".into()),
                    );
                    None
                }
                _ => None,
            }
        }
        (Some(_), ..) => {
            rep.error(
                value.span().start,
                format!("`{key}` has `value` and `min`/`max`: give `value` or `min`/`max`, not both"),
                Some(format!(
                    "write {key} = {{ value = 450 }} for one fee, or {key} = {{ min = 400, max = 600 }} for a range"
                )),
            );
            None
        }
        _ => {
            rep.error(
                value.span().start,
                format!("`{key}` needs `value`, or both `min` and `max`"),
                Some(format!(
                    "write {key} = 450, or {key} = {{ min = 400, max = 600, note = \"…\" }}"
                )),
            );
            None
        }
    }?;
    Some(Item {
        value: fee,
        note,
        source,
    })
}

#[derive(Clone, Copy)]
enum Round {
    Down,
    Nearest,
    Up,
}

/// `2850` as `2.9k` (to the nearest tenth of a thousand, or rounded as asked); under 1,000 as
/// it is.
fn kilo(n: u64, round: Round) -> String {
    if n < 1000 {
        return n.to_string();
    }
    let tenths = match round {
        Round::Down => n / 100,
        Round::Nearest => (n + 50) / 100,
        Round::Up => n.div_ceil(100),
    };
    match tenths % 10 {
        0 => format!("{}k", tenths / 10),
        d => format!("{}.{d}k", tenths / 10),
    }
}

/// `12345` as `12,345`: money, and counts people read while they wait.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn costs(dosing: Option<u32>, prep: Option<u32>, integration: Option<u32>) -> Costs {
        let fee = |n: Option<u32>| n.map(|n| Item::bare(Fee::exact(n)));
        Costs {
            currency: Some("USD".into()),
            dosing_session: fee(dosing),
            preparation_session: fee(prep),
            integration_session: fee(integration),
            ..Costs::default()
        }
    }

    #[test]
    fn a_fully_priced_course_is_one_number_and_an_unknown_fee_leaves_it_open() {
        let shape = CourseShape::default();
        let all = course_cost(&costs(Some(400), Some(150), Some(150)), &shape);
        assert_eq!(
            (all.low, all.high),
            (6 * 400 + 2 * 150 + 3 * 150, Some(3150))
        );
        assert_eq!(all.text(), "USD 3,150");
        let open = course_cost(&costs(Some(400), None, Some(150)), &shape);
        assert_eq!((open.low, open.high), (2850, None));
        assert_eq!(open.text(), "USD 2,850+");
        assert_eq!(open.detail(), "USD 2,850+ (preparation fee unknown)");
        assert_eq!(course_cost(&Costs::default(), &shape).text(), "unknown");
    }

    #[test]
    fn boosters_cost_what_a_dosing_session_costs_and_none_need_no_fee() {
        let mut shape = CourseShape::default();
        let priced = costs(Some(400), Some(0), Some(0));
        assert_eq!(course_cost(&priced, &shape).high, Some(2400));
        shape.boosters = 2;
        assert_eq!(course_cost(&priced, &shape).high, Some(3200));
        shape.preparation = 0;
        let no_prep_fee = costs(Some(400), None, Some(0));
        assert_eq!(course_cost(&no_prep_fee, &shape).high, Some(3200));
    }

    #[test]
    fn typed_fees_and_currencies_read_or_say_why_not() {
        assert_eq!(Fee::parse("450"), Ok(Fee::exact(450)));
        assert_eq!(Fee::parse(" 1,200 "), Ok(Fee::exact(1200)));
        let range = Fee {
            low: 400,
            high: 600,
        };
        for typed in ["400-600", "400 \u{2013} 600", "400 to 600"] {
            assert_eq!(Fee::parse(typed), Ok(range), "{typed}");
        }
        assert_eq!(Fee::parse(&range.text()), Ok(range));
        for bad in ["", "abc", "$450", "600-400", "2000000", "-5"] {
            assert!(Fee::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_currency(" usd"), Ok("USD".to_string()));
        assert!(parse_currency("dollars").is_err());
        assert!(parse_currency("US$").is_err());
    }

    #[test]
    fn sorting_by_cost_groups_currencies_and_puts_unknowns_last() {
        let shape = CourseShape::default();
        let mut cad = costs(Some(100), Some(0), Some(0));
        cad.currency = Some("CAD".into());
        let cheap_usd = costs(Some(300), Some(0), Some(0));
        let dear_usd = costs(Some(200), None, Some(0));
        let mut all =
            [&dear_usd, &Costs::default(), &cheap_usd, &cad].map(|c| course_cost(c, &shape));
        all.sort_by_key(CourseCost::sort_key);
        let texts: Vec<String> = all.iter().map(CourseCost::text).collect();
        // USD 1,200+ before USD 1,800: the low end first; CAD apart from both.
        assert_eq!(texts, ["CAD 600", "USD 1,200+", "USD 1,800", "unknown"]);
    }

    #[test]
    fn the_short_text_rounds_outwards_and_keeps_the_currency() {
        let cost = |currency: &str, low: u64, high: Option<u64>| CourseCost {
            currency: Some(currency.into()),
            low,
            high,
            unknown: Vec::new(),
        };
        assert_eq!(cost("USD", 60, Some(5400)).short(), "$60\u{2013}5.4k");
        assert_eq!(cost("USD", 3250, Some(4010)).short(), "$3.2k\u{2013}4.1k");
        assert_eq!(cost("CAD", 3000, None).short(), "CA$3k+");
        assert_eq!(cost("USD", 2850, Some(2850)).short(), "$2.9k");
        assert_eq!(cost("CHF", 12_345, Some(12_345)).short(), "CHF 12.3k");
        assert_eq!(
            course_cost(&Costs::default(), &CourseShape::default()).short(),
            "unknown"
        );
    }

    #[test]
    fn a_stated_range_gives_a_range() {
        let mut c = costs(None, Some(0), Some(0));
        c.dosing_session = Some(Item::bare(Fee {
            low: 400,
            high: 600,
        }));
        let shape = CourseShape::default();
        assert_eq!(course_cost(&c, &shape).text(), "USD 2,400–3,600");
    }
}
