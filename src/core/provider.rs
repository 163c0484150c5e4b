//! Provider profiles (`providers/*.toml`): who a provider is, where the facts come from, and
//! their answer to each checklist question. A provider's id is its file name without `.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Serialize;
use toml::de::DeValue;

use super::ascii::{is_combining_mark, plain_latin};
use super::checklist::{Checklist, Route, read_routes};
use super::clinician::{Clinician, read_clinicians};
pub use super::clinician::{Role, Verdict};
use super::costs::{Costs, Fee, Item, read_costs};
use super::date::Date;
use super::diagnostics::{Problem, Reporter, suggestion_hint};
use super::fields::{Fields, parse_document, pick};
use super::id::{ProviderId, QuestionId};
use super::schema::{is_default, or_bare_value};
use super::words::word_enum;

word_enum! {
    /// What kind of service the provider is.
    pub enum ProviderKind {
        /// Ketamine-assisted psychotherapy: ketamine given with therapy sessions.
        KapPractice = "kap-practice",
        /// A clinic that gives ketamine, such as infusions, with or without therapy.
        KetamineClinic = "ketamine-clinic",
        /// A site that gives esketamine nasal spray (Spravato) under its REMS program.
        EsketamineCenter = "esketamine-center",
        /// A service that works mainly by video or phone.
        Telehealth = "telehealth",
    }
}

word_enum! {
    /// How much of the care happens by video or phone.
    pub enum Telehealth {
        /// All care in person.
        None = "none",
        /// Some care by video or phone.
        Partial = "partial",
        /// All care by video or phone.
        Full = "full",
    }
}

word_enum! {
    /// Where a profile's facts come from.
    pub enum SourceKind {
        /// The provider's own words about itself (website, leaflet).
        SelfDescribed = "self-described",
        /// Asked directly, in a consultation or call.
        Consultation = "consultation",
        /// A document such as a brochure, fee sheet or consent form.
        Document = "document",
    }
}

word_enum! {
    /// A provider's answer to one question. `Unknown` is not evidence either way; `Na` means the
    /// question does not apply to this provider and leaves it out of the score.
    #[derive(Default)]
    #[schemars(description = "The answer: yes, partial, no, unknown or na.")]
    pub enum AnswerValue {
        /// Yes, as asked.
        Yes = "yes",
        /// In part, only in some cases, or at extra cost (say which in the note).
        Partial = "partial",
        /// No.
        No = "no",
        /// Not known: not evidence either way. A page that is silent is unknown, never no.
        #[default]
        Unknown = "unknown",
        /// Does not apply to this provider; left out of its score.
        Na = "na",
    }
}

/// The answer to one question: one of the five words, or a table with the details a reader
/// needs to weigh it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, transform = or_bare_value)]
pub struct Answer {
    #[schemars(rename = "answer")]
    pub value: AnswerValue,
    /// What exactly was said; may span lines.
    pub note: Option<String>,
    /// Where this answer came from, if not the profile's `[source]`.
    pub source: Option<String>,
    /// When it was said or checked.
    pub date: Option<Date>,
}

/// A profile's answers keyed by question id, kept sorted by id. A sorted vector rather than a
/// `BTreeMap`: at 10,000 profiles of 40-odd answers each, the map's half-empty nodes cost more
/// memory than the notes and sources they hold. Lookups are a binary search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers(Vec<(QuestionId, Answer)>);

impl Answers {
    fn position(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.position(id).ok().map(|at| &self.0[at].1)
    }

    /// The answer to `id`, made `unknown` first if there is none.
    pub fn get_or_default(&mut self, id: &QuestionId) -> &mut Answer {
        let at = self.position(id).unwrap_or_else(|at| {
            self.0.insert(at, (id.clone(), Answer::default()));
            at
        });
        &mut self.0[at].1
    }

    /// Sets the answer to `id`, returning the one it replaces.
    pub fn insert(&mut self, id: QuestionId, answer: Answer) -> Option<Answer> {
        match self.position(&id) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, answer)),
            Err(at) => {
                self.0.insert(at, (id, answer));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.position(id).ok().map(|at| self.0.remove(at).1)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&QuestionId, &mut Answer) -> bool) {
        self.0.retain_mut(|(id, answer)| keep(id, answer));
    }

    /// In question id order.
    pub fn iter(&self) -> impl Iterator<Item = (&QuestionId, &Answer)> {
        self.0.iter().map(|(id, answer)| (id, answer))
    }

    pub fn values(&self) -> impl Iterator<Item = &Answer> {
        self.0.iter().map(|(_, answer)| answer)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Answer> {
        self.0.iter_mut().map(|(_, answer)| answer)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A later answer to the same id replaces an earlier one, as in a map.
impl FromIterator<(QuestionId, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (QuestionId, Answer)>>(items: I) -> Self {
        let mut answers: Vec<_> = items.into_iter().collect();
        // Stable, so equal ids keep their order and the last one is kept below.
        answers.sort_by(|(a, _), (b, _)| a.cmp(b));
        answers.reverse();
        answers.dedup_by(|(a, _), (b, _)| a == b);
        answers.reverse();
        answers.shrink_to_fit();
        Answers(answers)
    }
}

impl std::ops::Index<&str> for Answers {
    type Output = Answer;
    fn index(&self, id: &str) -> &Answer {
        self.get(id)
            .unwrap_or_else(|| panic!("no answer to `{id}`"))
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a QuestionId, &'a Answer);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (QuestionId, Answer)>,
        fn(&'a (QuestionId, Answer)) -> (&'a QuestionId, &'a Answer),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(id, answer)| (id, answer))
    }
}

/// Written as a map from question id to answer, as the profile files hold them.
impl Serialize for Answers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl Answer {
    pub fn bare(value: AnswerValue) -> Self {
        Answer {
            value,
            ..Answer::default()
        }
    }

    fn has_details(&self) -> bool {
        self.note.is_some() || self.source.is_some() || self.date.is_some()
    }
}

/// Where the provider is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Location {
    /// The city or town.
    pub city: Option<String>,
    /// The state or province code: "OR", "BC".
    pub region: Option<String>,
    /// The ISO two-letter country code: "US", "CA".
    pub country: Option<String>,
    /// Whether clients are seen in person.
    pub in_person: Option<bool>,
    /// Whether some care is by video or phone.
    pub telehealth: Option<bool>,
}

/// How to reach the provider.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Contact {
    /// A phone number, as written.
    pub phone: Option<String>,
    /// The provider's website.
    pub website: Option<String>,
    /// An email address.
    pub email: Option<String>,
}

/// Where the facts in a profile come from.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProfileSource {
    /// What kind of source the facts come from.
    pub kind: SourceKind,
    /// Who said it, where and when.
    pub reference: Option<String>,
    /// Where the source can be read.
    pub url: Option<String>,
    /// The day someone last read the source (over a year ago is flagged stale).
    pub last_verified: Option<Date>,
}

/// A provider profile (`providers/<id>.toml`): one provider per file, the id is the file name.
/// Record only what a source states; anything not stated stays unknown.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "kapguide provider profile")]
pub struct Provider {
    /// The file name without `.toml`; not written in the file.
    #[schemars(skip)]
    pub id: ProviderId,
    /// The provider's name as they write it.
    #[schemars(length(min = 1))]
    pub name: String,
    /// What kind of service the provider is.
    pub kind: ProviderKind,
    /// Fictional example data, shown as such everywhere.
    #[schemars(default)]
    pub sample: bool,
    /// One line about the provider.
    pub summary: Option<String>,
    /// How ketamine is given here. Empty or left out: not known, so every question counts.
    #[schemars(default, skip_serializing_if = "is_default")]
    pub routes: Vec<Route>,
    /// Conditions the provider says it treats.
    #[schemars(default, skip_serializing_if = "is_default")]
    pub conditions: Vec<String>,
    /// Where the provider is.
    #[schemars(default, skip_serializing_if = "is_default")]
    pub location: Location,
    /// How to reach the provider.
    #[schemars(default, skip_serializing_if = "is_default")]
    pub contact: Contact,
    /// Where the facts come from (flagged when missing).
    pub source: Option<ProfileSource>,
    /// How much of the care is by telehealth, if the profile says (see
    /// [`Provider::telehealth_level`] for what the rest of the profile implies).
    #[schemars(
        description = "How much of the care is by video or phone. Left out: kind = \"telehealth\" means full, and [location]'s telehealth and in_person say the rest."
    )]
    pub telehealth: Option<Telehealth>,
    /// Languages care is offered in, as written ("English", "Spanish").
    #[schemars(default, skip_serializing_if = "is_default")]
    pub languages: Vec<String>,
    /// The people who treat clients, with a record of each licence check.
    #[schemars(default, skip_serializing_if = "is_default")]
    pub clinicians: Vec<Clinician>,
    /// What the provider charges.
    #[schemars(default, skip_serializing_if = "is_default")]
    pub costs: Costs,
    /// Keyed by checklist question id; a missing key means unknown.
    #[schemars(
        description = "One entry per checklist question id (see `kapguide checklist`); a question left out is unknown.",
        default,
        skip_serializing_if = "is_default",
        with = "BTreeMap<String, Answer>"
    )]
    pub answers: Answers,
    /// The file it was read from (`<bundled>/…` for embedded files).
    #[serde(skip)]
    pub origin: PathBuf,
}

pub(crate) const TOP_KEYS: [&str; 14] = [
    "name",
    "kind",
    "sample",
    "summary",
    "routes",
    "conditions",
    "telehealth",
    "languages",
    "location",
    "contact",
    "source",
    "clinicians",
    "costs",
    "answers",
];
pub(crate) const LOCATION_KEYS: [&str; 5] =
    ["city", "region", "country", "in_person", "telehealth"];
pub(crate) const CONTACT_KEYS: [&str; 3] = ["phone", "website", "email"];
pub(crate) const SOURCE_KEYS: [&str; 4] = ["kind", "reference", "url", "last_verified"];
pub(crate) const ANSWER_KEYS: [&str; 4] = ["answer", "note", "source", "date"];

/// Turns a name ("Blue Door Clinic") into an id ("blue-door-clinic"). Accented Latin letters
/// become their plain letters ("Clínica Ñandú" is "clinica-nandu", see
/// [`plain_latin`]); anything else that is not a letter or digit
/// becomes one dash. An ASCII name gives the id it always gave.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if let Some(plain) = plain_latin(c) {
            slug.push_str(plain);
        } else if !is_combining_mark(c) && !slug.is_empty() && !slug.ends_with('-') {
            // A combining accent belongs to the letter before, already written plain.
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').chars().take(60).collect()
}

/// A new id for a provider called `name`: its slug, or `provider-2`, `provider-3`… when the slug
/// is empty (a name with no Latin letters or digits: `provider`) or already `taken`.
pub fn id_for_name(name: &str, taken: impl Fn(&str) -> bool) -> ProviderId {
    let slug = slugify(name);
    // A slug is lowercase letters, digits and single dashes, at most 60 characters: a valid id.
    let base = if ProviderId::new(&slug).is_ok() {
        slug
    } else {
        "provider".to_string()
    };
    // Bounded, so the search provably ends: no list holds u32::MAX providers.
    std::iter::once(base.clone())
        .chain((2..u32::MAX).map(|n| format!("{base}-{n}")))
        .filter_map(|id| ProviderId::new(&id).ok())
        .find(|id| !taken(id))
        .expect("an unused id exists")
}

impl Provider {
    /// A provider with nothing known yet but its id, name and kind.
    pub fn new(id: ProviderId, name: String, kind: ProviderKind) -> Provider {
        Provider {
            id,
            name,
            kind,
            sample: false,
            summary: None,
            routes: Vec::new(),
            conditions: Vec::new(),
            location: Location::default(),
            contact: Contact::default(),
            source: None,
            telehealth: None,
            languages: Vec::new(),
            clinicians: Vec::new(),
            costs: Costs::default(),
            answers: Answers::default(),
            origin: PathBuf::new(),
        }
    }

    /// How many questions have an answer other than `unknown` (drafts list every question).
    pub fn answered_count(&self) -> usize {
        self.answers
            .values()
            .filter(|a| a.value != AnswerValue::Unknown)
            .count()
    }

    pub fn answer(&self, question_id: &str) -> AnswerValue {
        self.answers
            .get(question_id)
            .map_or(AnswerValue::Unknown, |a| a.value)
    }

    /// "Kalispell, MT, US" from whichever parts are known.
    pub fn place(&self) -> String {
        let parts: Vec<&str> = [
            &self.location.city,
            &self.location.region,
            &self.location.country,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
        if parts.is_empty() {
            if self.location.telehealth == Some(true) {
                "telehealth".into()
            } else {
                "place unknown".into()
            }
        } else {
            parts.join(", ")
        }
    }

    /// How much care is by telehealth: as stated, or as the kind and `[location]` imply (a
    /// telehealth service is all telehealth; `telehealth = false` means none).
    pub fn telehealth_level(&self) -> Option<Telehealth> {
        self.telehealth.or(
            match (self.kind, self.location.telehealth, self.location.in_person) {
                (ProviderKind::Telehealth, _, _) => Some(Telehealth::Full),
                (_, Some(false), _) => Some(Telehealth::None),
                (_, Some(true), Some(false)) => Some(Telehealth::Full),
                (_, Some(true), _) => Some(Telehealth::Partial),
                (_, None, _) => None,
            },
        )
    }

    pub fn last_verified(&self) -> Option<Date> {
        self.source.as_ref().and_then(|s| s.last_verified)
    }

    /// Parses one profile; `None` when it has errors (they are all in the returned problems).
    pub fn parse(
        path: &Path,
        text: &str,
        checklist: &Checklist,
    ) -> (Option<Provider>, Vec<Problem>) {
        Provider::parse_with(path, text, checklist, &[])
    }

    /// [`Provider::parse`], also accepting the top-level keys in `extra` (read by the caller:
    /// a draft's `[walk]`, see [`crate::core::draft`]).
    pub(crate) fn parse_with(
        path: &Path,
        text: &str,
        checklist: &Checklist,
        extra: &[&str],
    ) -> (Option<Provider>, Vec<Problem>) {
        let mut rep = Reporter::new(path, text, 0);
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = ProviderId::new(&stem);
        if id.is_err() {
            rep.error(
                0,
                format!("`{stem}` cannot be a provider id: the id is the file name"),
                Some(format!(
                    "rename the file to `{}.toml` (lowercase letters, digits, `-` and `_`)",
                    slugify(&stem)
                )),
            );
        }
        let Some(doc) = parse_document(text, &mut rep) else {
            return (None, rep.problems);
        };
        let top = Fields::new(doc.get_ref(), doc.span(), "");
        let known: Vec<&str> = TOP_KEYS.iter().chain(extra).copied().collect();
        top.reject_unknown_keys(&mut rep, &known);
        let provider = read_provider(&top, &mut rep, id.ok(), checklist, path);
        let ok = !rep.has_errors();
        (provider.filter(|_| ok), rep.problems)
    }
}

fn read_provider(
    top: &Fields<'_, '_>,
    rep: &mut Reporter<'_>,
    id: Option<ProviderId>,
    checklist: &Checklist,
    path: &Path,
) -> Option<Provider> {
    let name = top.required_string(rep, "name", "\"Example Integrative Therapy\"");
    let kind = if top.get("kind").is_some() {
        top.choice(rep, "kind", ProviderKind::ALL)
    } else {
        top.missing(rep, "kind", "\"kap-practice\"");
        None
    };
    let sample = top.boolean(rep, "sample").unwrap_or(false);
    let summary = top.string(rep, "summary");
    let routes = read_routes(top, rep, "routes");
    let conditions = top
        .string_list(rep, "conditions")
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.into_inner())
        .collect();

    let mut location = Location::default();
    if let Some(f) = top.table(rep, "location", "[location]") {
        f.reject_unknown_keys(rep, &LOCATION_KEYS);
        location = Location {
            city: f.string(rep, "city"),
            region: f.string(rep, "region"),
            country: f.string(rep, "country"),
            in_person: f.boolean(rep, "in_person"),
            telehealth: f.boolean(rep, "telehealth"),
        };
    }
    let mut contact = Contact::default();
    if let Some(f) = top.table(rep, "contact", "[contact]") {
        f.reject_unknown_keys(rep, &CONTACT_KEYS);
        contact = Contact {
            phone: f.string(rep, "phone"),
            website: f.string(rep, "website"),
            email: f.string(rep, "email"),
        };
    }
    let source = top.table(rep, "source", "[source]").and_then(|f| {
        f.reject_unknown_keys(rep, &SOURCE_KEYS);
        let kind = if f.get("kind").is_some() {
            f.choice(rep, "kind", SourceKind::ALL)
        } else {
            f.missing(rep, "kind", "\"self-described\"");
            None
        };
        let reference = f.string(rep, "reference");
        let url = f.string(rep, "url");
        let last_verified = f.date(rep, "last_verified");
        kind.map(|kind| ProfileSource {
            kind,
            reference,
            url,
            last_verified,
        })
    });
    let telehealth = if top.get("telehealth").is_some() {
        top.choice(rep, "telehealth", Telehealth::ALL)
    } else {
        None
    };
    let languages = top
        .string_list(rep, "languages")
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.into_inner())
        .collect();
    let clinicians = read_clinicians(top, rep);
    let costs = top
        .table(rep, "costs", "[costs]")
        .map(|f| read_costs(&f, rep))
        .unwrap_or_default();
    let answers = top
        .table(rep, "answers", "[answers]")
        .map(|f| read_answers(&f, rep, checklist))
        .unwrap_or_default();

    Some(Provider {
        id: id?,
        name: name?,
        kind: kind?,
        sample,
        summary,
        routes,
        conditions,
        location,
        contact,
        source,
        telehealth,
        languages,
        clinicians,
        costs,
        answers,
        origin: path.to_path_buf(),
    })
}

fn read_answers(f: &Fields<'_, '_>, rep: &mut Reporter<'_>, checklist: &Checklist) -> Answers {
    let ids = checklist.question_ids();
    let mut answers = Vec::new();
    for (key, value) in f.table {
        let key_text: &str = key.get_ref();
        let Some(question) = checklist.question(key_text) else {
            rep.error(
                key.span().start,
                format!("`{key_text}` is not a checklist question id"),
                Some(suggestion_hint(key_text, &ids)),
            );
            continue;
        };
        let answer = match value.get_ref() {
            DeValue::String(word) => {
                pick(rep, word, value.span().start, "answer", AnswerValue::ALL).map(Answer::bare)
            }
            DeValue::Table(table) => {
                let detail = Fields::new(table, value.span(), "an answer table");
                detail.reject_unknown_keys(rep, &ANSWER_KEYS);
                let answer = if detail.get("answer").is_some() {
                    detail.choice(rep, "answer", AnswerValue::ALL)
                } else {
                    detail.missing(rep, "answer", "\"yes\"");
                    None
                };
                let note = detail.text(rep, "note").filter(|n| !n.is_empty());
                let source = detail.string(rep, "source");
                let date = detail.date(rep, "date");
                answer.map(|value| Answer {
                    value,
                    note,
                    source,
                    date,
                })
            }
            _ => {
                rep.error(
                    value.span().start,
                    format!("the answer to `{key_text}` should be a word or a table"),
                    Some(format!("write {key_text} = \"yes\" (yes, partial, no, unknown, na) or {key_text} = {{ answer = \"yes\", note = \"…\" }}")),
                );
                None
            }
        };
        if let Some(answer) = answer {
            answers.push((question.id.clone(), answer));
        }
    }
    answers.into_iter().collect()
}

/// Quotes a string as TOML (escapes included), so saved files read back exactly.
pub(crate) fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn push_opt(out: &mut String, key: &str, value: Option<&String>) {
    if let Some(v) = value {
        out.push_str(&format!("{key} = {}\n", quoted(v)));
    }
}

fn push_bool(out: &mut String, key: &str, value: Option<bool>) {
    if let Some(v) = value {
        out.push_str(&format!("{key} = {v}\n"));
    }
}

fn string_list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let quoted: Vec<String> = items.into_iter().map(|s| quoted(s.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

impl Provider {
    /// The profile as TOML, every checklist question listed (unknowns too, so a reader sees what
    /// is not known), grouped by category. Reads back to an equal provider.
    pub fn to_toml(&self, checklist: &Checklist) -> String {
        let mut out = String::new();
        out.push_str(&format!("name = {}\n", quoted(&self.name)));
        out.push_str(&format!("kind = {}\n", quoted(self.kind.as_str())));
        out.push_str(&format!("sample = {}\n", self.sample));
        push_opt(&mut out, "summary", self.summary.as_ref());
        out.push_str(&format!(
            "routes = {}\n",
            string_list(self.routes.iter().map(|r| r.as_str()))
        ));
        out.push_str(&format!("conditions = {}\n", string_list(&self.conditions)));
        if let Some(level) = self.telehealth {
            out.push_str(&format!("telehealth = {}\n", quoted(level.as_str())));
        }
        if !self.languages.is_empty() {
            out.push_str(&format!("languages = {}\n", string_list(&self.languages)));
        }
        out.push_str("\n[location]\n");
        push_opt(&mut out, "city", self.location.city.as_ref());
        push_opt(&mut out, "region", self.location.region.as_ref());
        push_opt(&mut out, "country", self.location.country.as_ref());
        push_bool(&mut out, "in_person", self.location.in_person);
        push_bool(&mut out, "telehealth", self.location.telehealth);
        out.push_str("\n[contact]\n");
        push_opt(&mut out, "phone", self.contact.phone.as_ref());
        push_opt(&mut out, "website", self.contact.website.as_ref());
        push_opt(&mut out, "email", self.contact.email.as_ref());
        if let Some(source) = &self.source {
            out.push_str("\n[source]\n");
            out.push_str(&format!("kind = {}\n", quoted(source.kind.as_str())));
            push_opt(&mut out, "reference", source.reference.as_ref());
            push_opt(&mut out, "url", source.url.as_ref());
            if let Some(date) = source.last_verified {
                out.push_str(&format!("last_verified = {date}\n"));
            }
        }
        for clinician in &self.clinicians {
            out.push_str(&clinician_toml(clinician));
        }
        out.push_str(&costs_toml(&self.costs));
        out.push_str("\n[answers]\n");
        for (index, category) in checklist.categories.iter().enumerate() {
            out.push_str(&format!("# {}\n", category.title));
            for question in checklist.questions_in(index) {
                let answer = self.answers.get(&question.id).cloned().unwrap_or_default();
                out.push_str(&format!("{} = {}\n", question.id, answer_toml(&answer)));
            }
        }
        out
    }
}

fn clinician_toml(c: &Clinician) -> String {
    let mut out = String::from("\n[[clinicians]]\n");
    out.push_str(&format!("name = {}\n", quoted(&c.name)));
    out.push_str(&format!("role = {}\n", quoted(c.role.as_str())));
    push_opt(&mut out, "licence_type", c.licence_type.as_ref());
    push_opt(&mut out, "licence_number", c.licence_number.as_ref());
    push_opt(&mut out, "licensed_in", c.licensed_in.as_ref());
    push_opt(&mut out, "board_url", c.board_url.as_ref());
    if let Some(v) = &c.verification {
        let mut parts = vec![format!("result = {}", quoted(v.result.as_str()))];
        if let Some(date) = v.date {
            parts.push(format!("date = {date}"));
        }
        if let Some(note) = &v.note {
            parts.push(format!("note = {}", quoted(note)));
        }
        out.push_str(&format!("verification = {{ {} }}\n", parts.join(", ")));
    }
    out
}

/// A cost item as TOML: `key = 450` when it is one value with no note or source, else a table
/// of its `fields` (`value`, or `min` and `max`) with the note and source.
fn item_toml<T>(out: &mut String, key: &str, item: &Item<T>, fields: Vec<(&str, String)>) {
    if let ([("value", literal)], None, None) = (fields.as_slice(), &item.note, &item.source) {
        out.push_str(&format!("{key} = {literal}\n"));
        return;
    }
    let mut parts: Vec<String> = fields.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    if let Some(note) = &item.note {
        parts.push(format!("note = {}", quoted(note)));
    }
    if let Some(source) = &item.source {
        parts.push(format!("source = {}", quoted(source)));
    }
    out.push_str(&format!("{key} = {{ {} }}\n", parts.join(", ")));
}

fn costs_toml(costs: &Costs) -> String {
    if *costs == Costs::default() {
        return String::new();
    }
    let mut out = String::from("\n[costs]\n");
    push_opt(&mut out, "currency", costs.currency.as_ref());
    let fees = [
        ("dosing_session", &costs.dosing_session),
        ("preparation_session", &costs.preparation_session),
        ("integration_session", &costs.integration_session),
    ];
    for (key, item) in fees {
        if let Some(item) = item {
            let Fee { low, high } = item.value;
            let fields = if low == high {
                vec![("value", low.to_string())]
            } else {
                vec![("min", low.to_string()), ("max", high.to_string())]
            };
            item_toml(&mut out, key, item, fields);
        }
    }
    if let Some(item) = &costs.packages {
        item_toml(
            &mut out,
            "packages",
            item,
            vec![("value", quoted(&item.value))],
        );
    }
    if let Some(item) = &costs.insurance {
        let word = quoted(item.value.as_str());
        item_toml(&mut out, "insurance", item, vec![("value", word)]);
    }
    if let Some(item) = &costs.prior_auth_help {
        let flag = item.value.to_string();
        item_toml(&mut out, "prior_auth_help", item, vec![("value", flag)]);
    }
    if let Some(item) = &costs.refund_policy {
        item_toml(
            &mut out,
            "refund_policy",
            item,
            vec![("value", quoted(&item.value))],
        );
    }
    out
}

fn answer_toml(answer: &Answer) -> String {
    let word = quoted(answer.value.as_str());
    if !answer.has_details() {
        return word;
    }
    let mut parts = vec![format!("answer = {word}")];
    if let Some(note) = &answer.note {
        parts.push(format!("note = {}", quoted(note)));
    }
    if let Some(source) = &answer.source {
        parts.push(format!("source = {}", quoted(source)));
    }
    if let Some(date) = answer.date {
        parts.push(format!("date = {date}"));
    }
    format!("{{ {} }}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qid(text: &str) -> QuestionId {
        QuestionId::new(text).unwrap()
    }

    #[test]
    fn answers_stay_sorted_by_id_and_a_later_answer_replaces_an_earlier_one() {
        let mut answers: Answers = [
            (qid("vitals"), Answer::bare(AnswerValue::Yes)),
            (qid("consent"), Answer::bare(AnswerValue::No)),
            (qid("vitals"), Answer::bare(AnswerValue::Partial)),
        ]
        .into_iter()
        .collect();
        let ids = |a: &Answers| a.iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&answers), ["consent", "vitals"]);
        assert_eq!(answers["vitals"].value, AnswerValue::Partial);

        let replaced = answers.insert(qid("consent"), Answer::bare(AnswerValue::Yes));
        assert_eq!(replaced.map(|a| a.value), Some(AnswerValue::No));
        assert_eq!(answers.insert(qid("booster"), Answer::default()), None);
        answers.get_or_default(&qid("aftercare")).note = Some("written plan".into());
        assert_eq!(ids(&answers), ["aftercare", "booster", "consent", "vitals"]);
        assert_eq!(
            answers.get("aftercare").unwrap().value,
            AnswerValue::Unknown
        );
        assert_eq!(
            answers.get_or_default(&qid("consent")).value,
            AnswerValue::Yes
        );
        assert_eq!(answers.len(), 4);

        assert_eq!(
            answers.remove("booster").map(|a| a.value),
            Some(AnswerValue::Unknown)
        );
        assert_eq!(answers.remove("booster"), None);
        assert!(answers.get("nothing").is_none());
        answers.retain(|id, _| id.as_str() != "vitals");
        assert_eq!(ids(&answers), ["aftercare", "consent"]);
    }

    #[test]
    fn answers_serialize_as_a_map_in_id_order() {
        let answers: Answers = [
            (qid("b"), Answer::bare(AnswerValue::Yes)),
            (qid("a"), Answer::bare(AnswerValue::Na)),
        ]
        .into_iter()
        .collect();
        let json = serde_json::to_string(&answers).unwrap();
        assert!(json.starts_with(r#"{"a":{"value":"na""#), "{json}");
        assert!(json.contains(r#""b":{"value":"yes""#), "{json}");
    }

    #[test]
    fn ids_for_names_are_slugs_or_numbered() {
        assert_eq!(
            id_for_name("Blue Door Clinic!", |_| false),
            "blue-door-clinic"
        );
        assert_eq!(
            id_for_name("Blue Door", |id| id == "blue-door"),
            "blue-door-2"
        );
        assert_eq!(id_for_name("東京クリニック", |_| false), "provider");
        assert_eq!(id_for_name("東京", |id| id == "provider"), "provider-2");
    }

    /// Accented Latin letters are their plain letters in an id, not dashes; composed or typed
    /// as a letter and a combining accent alike. ASCII names keep the ids they always had.
    #[test]
    fn accented_names_give_plain_letter_ids() {
        for (name, id) in [
            ("Clínica Ñandú", "clinica-nandu"),
            ("Cli\u{301}nica N\u{303}andu\u{301}", "clinica-nandu"),
            ("Straße & Søn", "strasse-son"),
            ("Œuvre Ærø Łódź", "oeuvre-aero-lodz"),
            ("ÉCOLE", "ecole"),
            ("Mind & Body KAP", "mind-body-kap"),
            ("  Blue--Door  ", "blue-door"),
            ("Ketamine Wellness 24/7", "ketamine-wellness-24-7"),
        ] {
            assert_eq!(slugify(name), id, "{name}");
        }
        // Only Latin letters are folded: other scripts still leave no letters to use.
        assert_eq!(slugify("Клиника"), "");
    }
}
