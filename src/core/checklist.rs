//! The safety checklist (`guides/checklist.toml`): categories of questions a careful client asks
//! every provider, each with why it matters, a weight and whether a "no" is a red flag.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use super::diagnostics::{Problem, Reporter, Severity, suggestion_hint};
use super::fields::{Fields, parse_document, pick};
use super::id::{CategoryId, IdError, QuestionId};
use super::words::word_enum;

word_enum! {
    /// How ketamine is given. Questions can apply to some routes only (REMS → esketamine).
    pub enum Route {
        /// Intravenous: an infusion into a vein.
        Iv = "iv",
        /// Intramuscular: an injection into a muscle.
        Im = "im",
        /// Held in the mouth to dissolve (a lozenge, troche or tablet).
        Sublingual = "sublingual",
        /// Swallowed.
        Oral = "oral",
        /// A ketamine nasal spray other than esketamine (compounded).
        Intranasal = "intranasal",
        /// Esketamine nasal spray (Spravato), given at a REMS-certified site.
        Esketamine = "esketamine",
        /// An injection under the skin.
        Subcutaneous = "subcutaneous",
    }
}

impl Route {
    /// What the route is, in one plain line for someone new to the words ("intranasal" and
    /// "esketamine" side by side puzzle a lay reader), and the ids of the sources it rests on
    /// (the ids the guides cite).
    pub fn note(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Route::Iv => (
                "a slow drip into a vein, given in a clinic while staff keep checking your vital signs; off-label (not FDA-approved for mental health)",
                &["anand-2023", "fda-compounded-2023-scripps"],
            ),
            Route::Im => (
                "a shot into a muscle; some KAP practices say they use it for higher-dose sessions in their office; off-label",
                &["intero-routes", "fda-compounded-2023-scripps"],
            ),
            Route::Sublingual => (
                "a lozenge or tablet left to dissolve in the mouth; less reaches the blood than with a drip (about a fifth to a quarter when swallowed); off-label",
                &["andrade-2019", "fda-compounded-2023-scripps"],
            ),
            Route::Oral => (
                "swallowed (for example a tablet); ketamine by mouth for depression was described in 2019 as still experimental; off-label",
                &["andrade-2019", "fda-compounded-2023-scripps"],
            ),
            Route::Intranasal => (
                "a ketamine nasal spray mixed by a pharmacy (compounded): not esketamine, not FDA-approved, no approved dose",
                &["wa-doh-nasal-spray"],
            ),
            Route::Esketamine => (
                "Spravato (esketamine), the only ketamine-type medicine FDA-approved for depression (adults, in specific cases): you spray it yourself while staff watch, at a REMS-certified site, and it never goes home",
                &[
                    "fda-compounded-2023-scripps",
                    "spravato-label",
                    "spravato-rems",
                ],
            ),
            Route::Subcutaneous => (
                "a shot just under the skin; at least one telehealth company offers it at home, reported in that company's own observational (look-back) study; ASKP3 (2024) says unsupervised subcutaneous injections at home lack evidence of safety; off-label",
                &[
                    "subcutaneous-jmir-blossom",
                    "askp3-2024",
                    "fda-compounded-2023-scripps",
                ],
            ),
        }
    }
}

/// Reads a list of route names, reporting unknown ones.
pub fn read_routes(fields: &Fields<'_, '_>, rep: &mut Reporter<'_>, key: &str) -> Vec<Route> {
    let mut routes: Vec<Route> = fields
        .string_list(rep, key)
        .unwrap_or_default()
        .iter()
        .filter_map(|name| pick(rep, name.get_ref(), name.span().start, "route", Route::ALL))
        .collect();
    routes.sort();
    routes.dedup();
    routes
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Category {
    pub id: CategoryId,
    pub title: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Question {
    pub id: QuestionId,
    /// Index into [`Checklist::categories`].
    #[serde(skip)]
    pub category: usize,
    pub question: String,
    pub why: String,
    pub weight: u8,
    pub critical: bool,
    /// Empty: applies to every provider. Otherwise only to providers offering one of these.
    pub applies_to: Vec<Route>,
    /// Ids of the [`Source`]s behind `why`.
    pub sources: Vec<String>,
}

/// Where a "why it matters" fact comes from; ids are the same as the guides use.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checklist {
    pub categories: Vec<Category>,
    /// Grouped by category, in category order, then file order.
    pub questions: Vec<Question>,
    pub sources: Vec<Source>,
}

const CATEGORY_KEYS: [&str; 3] = ["id", "title", "description"];
const QUESTION_KEYS: [&str; 8] = [
    "id",
    "category",
    "question",
    "why",
    "weight",
    "critical",
    "applies_to",
    "sources",
];
const SOURCE_KEYS: [&str; 3] = ["id", "title", "url"];

impl Checklist {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn question_ids(&self) -> Vec<&str> {
        self.questions.iter().map(|q| q.id.as_str()).collect()
    }

    pub fn category_ids(&self) -> Vec<&str> {
        self.categories.iter().map(|c| c.id.as_str()).collect()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn category_index(&self, id: &str) -> Option<usize> {
        self.categories.iter().position(|c| c.id == id)
    }

    /// The questions of one category with their index in [`Checklist::questions`] (which is also
    /// their index in a score's `questions`).
    pub fn indexed_questions_in(
        &self,
        category: usize,
    ) -> impl Iterator<Item = (usize, &Question)> {
        self.questions
            .iter()
            .enumerate()
            .filter(move |(_, q)| q.category == category)
    }

    pub fn questions_in(&self, category: usize) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.category == category)
    }

    /// Parses the checklist; `Err` carries every problem found. Warnings alone still give `Ok`.
    pub fn parse(path: &Path, text: &str) -> (Option<Checklist>, Vec<Problem>) {
        let mut rep = Reporter::new(path, text, 0);
        let Some(doc) = parse_document(text, &mut rep) else {
            return (None, rep.problems);
        };
        let top = Fields::new(doc.get_ref(), doc.span(), "");
        top.reject_unknown_keys(&mut rep, &["source", "category", "question"]);

        let (sources, source_offsets): (Vec<Source>, Vec<usize>) =
            read_sources(&top, &mut rep).into_iter().unzip();
        let mut checklist = Checklist {
            sources,
            ..Checklist::default()
        };
        let source_ids: Vec<&str> = checklist.sources.iter().map(|s| s.id.as_str()).collect();
        let mut cited = Vec::new();
        for (table, span) in top.table_list(&mut rep, "category") {
            let fields = Fields::new(table, span.clone(), "[[category]]");
            fields.reject_unknown_keys(&mut rep, &CATEGORY_KEYS);
            let id = fields.required_string(&mut rep, "id", "\"therapy\"");
            let id = id.and_then(|id| checked_id(&fields, &mut rep, &id, CategoryId::new));
            let title = fields.required_string(&mut rep, "title", "\"Therapy at the centre\"");
            let description = fields.string(&mut rep, "description").unwrap_or_default();
            if let (Some(id), Some(title)) = (id, title) {
                if checklist.category_index(&id).is_some() {
                    rep.error(
                        span.start,
                        format!("category id `{id}` is used twice"),
                        Some("give each category its own id".into()),
                    );
                    continue;
                }
                checklist.categories.push(Category {
                    id,
                    title,
                    description,
                });
            }
        }
        if checklist.categories.is_empty() {
            rep.error(
                0,
                "the checklist has no categories",
                Some("add [[category]] blocks with id and title".into()),
            );
        }

        let category_ids: Vec<String> = checklist
            .categories
            .iter()
            .map(|c| c.id.to_string())
            .collect();
        let category_refs: Vec<&str> = category_ids.iter().map(String::as_str).collect();
        let mut seen = HashSet::new();
        for (table, span) in top.table_list(&mut rep, "question") {
            let fields = Fields::new(table, span.clone(), "[[question]]");
            fields.reject_unknown_keys(&mut rep, &QUESTION_KEYS);
            let id = fields.required_string(&mut rep, "id", "\"prep_sessions\"");
            let id = id.and_then(|id| checked_id(&fields, &mut rep, &id, QuestionId::new));
            let category = fields
                .required_string(&mut rep, "category", "\"therapy\"")
                .and_then(|c| {
                    let index = category_refs.iter().position(|known| *known == c);
                    if index.is_none() {
                        let offset = fields
                            .get("category")
                            .map_or(span.start, |v| v.span().start);
                        rep.error(
                            offset,
                            format!("unknown category `{c}`"),
                            Some(suggestion_hint(&c, &category_refs)),
                        );
                    }
                    index
                });
            let question = fields.required_string(
                &mut rep,
                "question",
                "\"Will I have preparation sessions?\"",
            );
            let why = fields.required_string(&mut rep, "why", "\"Why the answer matters.\"");
            let weight = fields.integer(&mut rep, "weight", 1..4);
            if fields.get("weight").is_none() {
                fields.missing(&mut rep, "weight", "2");
            }
            let critical = fields.boolean(&mut rep, "critical").unwrap_or(false);
            let applies_to = super::checklist::read_routes(&fields, &mut rep, "applies_to");
            let mut sources = Vec::new();
            for id in fields.string_list(&mut rep, "sources").unwrap_or_default() {
                if source_ids.contains(&id.get_ref().as_str()) {
                    sources.push(id.into_inner());
                } else {
                    rep.error(
                        id.span().start,
                        format!("unknown source `{}`", id.get_ref()),
                        Some(suggestion_hint(id.get_ref(), &source_ids)),
                    );
                }
            }
            cited.extend(sources.iter().cloned());
            let (Some(id), Some(category), Some(question), Some(why), Some(weight)) =
                (id, category, question, why, weight)
            else {
                continue;
            };
            if !seen.insert(id.clone()) {
                rep.error(
                    span.start,
                    format!("question id `{id}` is used twice"),
                    Some("question ids must be unique; answers are keyed by them".into()),
                );
                continue;
            }
            checklist.questions.push(Question {
                id,
                category,
                question,
                why,
                weight: weight as u8,
                critical,
                applies_to,
                sources,
            });
        }
        for (source, offset) in checklist.sources.iter().zip(source_offsets) {
            if !cited.contains(&source.id) {
                rep.at(
                    offset,
                    Severity::Warning,
                    format!("source `{}` is not cited by any question", source.id),
                    Some("cite it in a question's `sources`, or remove it".into()),
                );
            }
        }
        checklist.questions.sort_by_key(|q| q.category);
        let ok = !rep.has_errors();
        for (index, category) in checklist.categories.iter().enumerate() {
            if ok && checklist.questions_in(index).next().is_none() {
                rep.at(
                    0,
                    Severity::Warning,
                    format!("category `{}` has no questions", category.id),
                    None,
                );
            }
        }
        (ok.then_some(checklist), rep.problems)
    }
}

/// `text` (the `id` of `fields`) as an id, or an error at the id saying what to write instead.
fn checked_id<T>(
    fields: &Fields<'_, '_>,
    rep: &mut Reporter<'_>,
    text: &str,
    make: fn(&str) -> Result<T, IdError>,
) -> Option<T> {
    make(text)
        .map_err(|error| {
            let offset = fields.get("id").map_or(0, |v| v.span().start);
            let fixed: String = text
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let example = if fixed.is_empty() {
                "prep_sessions"
            } else {
                &fixed
            };
            rep.error(
                offset,
                format!("`{text}` cannot be a {}", error.kind),
                Some(format!("{}, e.g. `{example}`", error.rule)),
            );
        })
        .ok()
}

/// The `[[source]]` blocks, each with a unique id, and where each starts.
fn read_sources(top: &Fields<'_, '_>, rep: &mut Reporter<'_>) -> Vec<(Source, usize)> {
    let mut sources: Vec<(Source, usize)> = Vec::new();
    for (table, span) in top.table_list(rep, "source") {
        let fields = Fields::new(table, span.clone(), "[[source]]");
        fields.reject_unknown_keys(rep, &SOURCE_KEYS);
        let id = fields.required_string(rep, "id", "\"spravato-label\"");
        let title = fields.required_string(rep, "title", "\"SPRAVATO label\"");
        let url = fields.required_string(rep, "url", "\"https://…\"");
        let (Some(id), Some(title), Some(url)) = (id, title, url) else {
            continue;
        };
        if sources.iter().any(|(s, _)| s.id == id) {
            rep.error(
                span.start,
                format!("source id `{id}` is used twice"),
                Some("give each source its own id".into()),
            );
            continue;
        }
        sources.push((Source { id, title, url }, span.start));
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[source]]
id = "spravato-label"
title = "Label"
url = "https://example.org/label"

[[category]]
id = "therapy"
title = "Therapy"
description = "d"

[[category]]
id = "medical"
title = "Medical"

[[question]]
id = "rems"
category = "medical"
question = "Is the site REMS-certified?"
why = "w"
weight = 3
critical = true
applies_to = ["esketamine"]
sources = ["spravato-label"]

[[question]]
id = "prep"
category = "therapy"
question = "Prep?"
why = "w"
weight = 2
"#;

    #[test]
    fn parses_and_groups_by_category() {
        let (list, problems) = Checklist::parse(Path::new("c.toml"), GOOD);
        assert!(problems.is_empty(), "{problems:?}");
        let list = list.unwrap();
        assert_eq!(list.question_ids(), ["prep", "rems"]);
        let rems = list.question("rems").unwrap();
        assert_eq!(
            (rems.weight, rems.critical, rems.applies_to.as_slice()),
            (3, true, &[Route::Esketamine][..])
        );
        assert_eq!(rems.sources, ["spravato-label"]);
        assert_eq!(list.source("spravato-label").unwrap().title, "Label");
    }

    #[test]
    fn an_unknown_source_id_is_an_error_with_the_closest_id() {
        let bad = GOOD.replace(
            "sources = [\"spravato-label\"]",
            "sources = [\"spravato-labl\"]",
        );
        let (list, problems) = Checklist::parse(Path::new("c.toml"), &bad);
        assert!(list.is_none());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter().any(|t| t
                .starts_with("c.toml:24:12: error: unknown source `spravato-labl`")
                && t.ends_with("did you mean `spravato-label`?")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("c.toml:2:1: warning: source `spravato-label` is not cited")),
            "{text:?}"
        );
    }

    #[test]
    fn reports_every_problem_with_position() {
        let bad = GOOD
            .replace("category = \"medical\"", "category = \"medcal\"")
            .replace("weight = 2", "weight = 7");
        let (list, problems) = Checklist::parse(Path::new("c.toml"), &bad);
        assert!(list.is_none());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(
            text[0].starts_with("c.toml:18:12: error: unknown category `medcal`"),
            "{}",
            text[0]
        );
        assert!(text[0].ends_with("did you mean `medical`?"));
        assert!(
            text[1].starts_with("c.toml:31:10: error: `weight` = 7 is out of range"),
            "{}",
            text[1]
        );
    }

    #[test]
    fn ids_that_are_not_toml_bare_keys_are_errors_at_the_id() {
        let bad = GOOD
            .replace("id = \"therapy\"", "id = \"care plan\"")
            .replace("category = \"therapy\"", "category = \"care plan\"")
            .replace("id = \"rems\"", "id = \"a.b\"");
        let (list, problems) = Checklist::parse(Path::new("c.toml"), &bad);
        assert!(list.is_none());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text[..2],
            [
                "c.toml:8:6: error: `care plan` cannot be a category id\n  hint: use only letters, digits, `_` and `-` (it is written as a TOML key), e.g. `care_plan`",
                "c.toml:17:6: error: `a.b` cannot be a question id\n  hint: use only letters, digits, `_` and `-` (it is written as a TOML key), e.g. `a_b`",
            ],
            "{text:#?}"
        );
    }
}
