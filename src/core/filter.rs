//! Which providers to show: one filter for the CLI (`--region --route --kind --telehealth
//! --insurance --language --max-course-cost`) and the Compare filter panel.
//!
//! Every criterion is a positive one ("offers full telehealth"), and a profile that does not
//! say is **not** a match: an unknown never passes silently. Applying a filter keeps count, step
//! by step, of how many providers each criterion leaves and how many of those it removed only
//! because their profile does not say, so an empty result names the criterion that emptied it.
//!
//! `--max-course-cost N` compares the **low end** of a provider's estimated course cost (see
//! [`super::costs`]) with N: a provider that could cost N or less passes, and
//! [`ProviderFilter::may_exceed`] marks those whose high end is above N (or open, because a fee
//! is unknown). A course cost with nothing known is an unknown. Amounts in two currencies are
//! never compared: N is in one currency (typed, `3000USD`, or settled by
//! [`ProviderFilter::settle_currency`] as the one currency the providers price in), a provider
//! pricing in another is left out as such, and a bare N over several currencies is refused.

use super::checklist::Route;
use super::costs::{CourseShape, Insurance, course_cost, parse_currency};
use super::diagnostics::suggestion_hint;
use super::provider::{Provider, ProviderKind, Telehealth};
pub use super::region::RegionChoice;
use super::region::{in_region, says_region};
use super::sanitize::sanitize_line;
use super::width::{ELLIPSIS, truncate};

/// One criterion of the filter, in the order they are applied and explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Criterion {
    Region,
    Route,
    Kind,
    Telehealth,
    Insurance,
    Language,
    MaxCourseCost,
}

impl Criterion {
    pub const ALL: [Criterion; 7] = [
        Criterion::Region,
        Criterion::Route,
        Criterion::Kind,
        Criterion::Telehealth,
        Criterion::Insurance,
        Criterion::Language,
        Criterion::MaxCourseCost,
    ];

    /// The words used for it in messages and the panel: "max course cost".
    pub fn label(self) -> &'static str {
        match self {
            Criterion::Region => "region",
            Criterion::Route => "route",
            Criterion::Kind => "kind",
            Criterion::Telehealth => "telehealth",
            Criterion::Insurance => "insurance",
            Criterion::Language => "language",
            Criterion::MaxCourseCost => "max course cost",
        }
    }

    /// Why a profile that says otherwise is left out: "does not offer".
    pub fn refusal(self) -> &'static str {
        match self {
            Criterion::Region => "is elsewhere",
            Criterion::Route | Criterion::Language => "does not offer",
            Criterion::Kind => "is another kind",
            Criterion::Telehealth => "offers another level",
            Criterion::Insurance => "says otherwise",
            Criterion::MaxCourseCost => "costs more",
        }
    }

    /// The command-line option: "--max-course-cost".
    pub fn option(self) -> &'static str {
        match self {
            Criterion::Region => "--region",
            Criterion::Route => "--route",
            Criterion::Kind => "--kind",
            Criterion::Telehealth => "--telehealth",
            Criterion::Insurance => "--insurance",
            Criterion::Language => "--language",
            Criterion::MaxCourseCost => "--max-course-cost",
        }
    }

    /// The fixed words it takes, if any (`None`: free text or a number). `unknown` is not
    /// among them for insurance: the filter asks for what a provider offers.
    pub fn words(self) -> Option<Vec<&'static str>> {
        fn names<T>(all: &[(&'static str, T)]) -> Vec<&'static str> {
            all.iter().map(|(word, _)| *word).collect()
        }
        match self {
            Criterion::Route => Some(names(Route::ALL)),
            Criterion::Kind => Some(names(ProviderKind::ALL)),
            Criterion::Telehealth => Some(names(Telehealth::ALL)),
            Criterion::Insurance => Some(
                names(Insurance::ALL)
                    .into_iter()
                    .filter(|w| *w != Insurance::Unknown.as_str())
                    .collect(),
            ),
            Criterion::Region | Criterion::Language | Criterion::MaxCourseCost => None,
        }
    }
}

/// Typed text as messages repeat it: one clean line, at most [`ECHO_WIDTH`] columns.
fn echo(text: &str) -> String {
    truncate(&sanitize_line(text), ECHO_WIDTH, ELLIPSIS)
}

const ECHO_WIDTH: usize = 60;

/// The most a course may cost, and the currency that amount is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaxCost {
    pub amount: u64,
    /// An ISO code ("USD"); `None` until typed or settled.
    pub currency: Option<String>,
}

impl MaxCost {
    /// `3000`, `3,000`, `3000USD`, `3000 usd`, `USD 3000`.
    pub fn parse(text: &str) -> Option<MaxCost> {
        let text = text.trim();
        let code = |s: Option<&str>| s.and_then(|s| parse_currency(s).ok());
        let split = text.len().saturating_sub(3);
        let (number, currency) = if let Some(c) = code(text.get(..3)) {
            (&text[3..], Some(c))
        } else if let Some(c) = code(text.get(split..)).filter(|_| split > 0) {
            (&text[..split], Some(c))
        } else {
            (text, None)
        };
        Some(MaxCost {
            amount: amount(number.trim())?,
            currency,
        })
    }

    /// "3000 USD", or "3000" before a currency is known.
    pub fn text(&self) -> String {
        match &self.currency {
            Some(c) => format!("{} {c}", self.amount),
            None => self.amount.to_string(),
        }
    }
}

/// The currencies the providers state a course cost in, sorted, each once.
pub fn course_currencies<'p>(
    providers: impl IntoIterator<Item = &'p Provider>,
    course: &CourseShape,
) -> Vec<String> {
    let mut currencies: Vec<String> = providers
        .into_iter()
        .map(|p| course_cost(&p.costs, course))
        .filter(|cost| !cost.is_unknown())
        .filter_map(|cost| cost.currency)
        .collect();
    currencies.sort();
    currencies.dedup();
    currencies
}

/// A whole amount: digits, or digits grouped in threes by commas ("3,000"); "3,0,0,0" is not.
fn amount(text: &str) -> Option<u64> {
    let mut groups = text.split(',');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = rest.is_empty() || (first.len() <= 3 && rest.iter().all(|g| g.len() == 3));
    if !digits(first) || !rest.iter().all(|g| digits(g)) || !grouped {
        return None;
    }
    text.replace(',', "").parse().ok()
}

/// The region criterion: words typed on the command line (region, country or city, see
/// [`in_region`]) or a place picked from the profiles' own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegionFilter {
    Named(String),
    Place(RegionChoice),
}

impl RegionFilter {
    pub fn text(&self) -> String {
        match self {
            RegionFilter::Named(name) => echo(name),
            RegionFilter::Place(place) => place.label(),
        }
    }
}

/// How one provider fares on one criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    Yes,
    No,
    /// The profile does not say: not a match.
    Unknown,
    /// Its course is priced in another currency than the maximum: not compared, not a match.
    OtherCurrency,
}

fn fit(matched: bool, known: bool) -> Fit {
    match (matched, known) {
        (true, _) => Fit::Yes,
        (false, true) => Fit::No,
        (false, false) => Fit::Unknown,
    }
}

/// The filter; `None` criteria let everyone through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProviderFilter {
    pub region: Option<RegionFilter>,
    pub route: Option<Route>,
    pub kind: Option<ProviderKind>,
    pub telehealth: Option<Telehealth>,
    pub insurance: Option<Insurance>,
    /// Compared with the profile's languages ignoring case.
    pub language: Option<String>,
    /// Compared with the low end of the course estimate, in the same currency only.
    pub max_course_cost: Option<MaxCost>,
}

impl ProviderFilter {
    pub fn is_active(&self, criterion: Criterion) -> bool {
        self.value_text(criterion).is_some()
    }

    /// The criteria in use, in order.
    pub fn active(&self) -> Vec<Criterion> {
        Criterion::ALL
            .into_iter()
            .filter(|c| self.is_active(*c))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.active().is_empty()
    }

    /// The value a criterion is set to, as text ("full", "3000"), or `None` when it is not set.
    pub fn value_text(&self, criterion: Criterion) -> Option<String> {
        match criterion {
            Criterion::Region => self.region.as_ref().map(RegionFilter::text),
            Criterion::Route => self.route.map(|r| r.as_str().into()),
            Criterion::Kind => self.kind.map(|k| k.as_str().into()),
            Criterion::Telehealth => self.telehealth.map(|t| t.as_str().into()),
            Criterion::Insurance => self.insurance.map(|i| i.as_str().into()),
            Criterion::Language => self.language.as_deref().map(echo),
            Criterion::MaxCourseCost => self.max_course_cost.as_ref().map(MaxCost::text),
        }
    }

    /// "region MT, telehealth full", or "none".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .active()
            .into_iter()
            .map(|c| format!("{} {}", c.label(), self.value_text(c).unwrap_or_default()))
            .collect();
        if parts.is_empty() {
            "none".into()
        } else {
            parts.join(", ")
        }
    }

    pub fn clear(&mut self, criterion: Criterion) {
        match criterion {
            Criterion::Region => self.region = None,
            Criterion::Route => self.route = None,
            Criterion::Kind => self.kind = None,
            Criterion::Telehealth => self.telehealth = None,
            Criterion::Insurance => self.insurance = None,
            Criterion::Language => self.language = None,
            Criterion::MaxCourseCost => self.max_course_cost = None,
        }
    }

    /// Sets a criterion from words (the command line's, or typed in the panel); an empty value
    /// clears it. `Err` says what is wrong, with the closest word.
    pub fn set(&mut self, criterion: Criterion, value: &str) -> Result<(), String> {
        fn word<T: Copy>(all: &[(&str, T)], value: &str, words: &[&str]) -> Result<T, String> {
            let lower = value.to_lowercase();
            all.iter()
                .find(|(w, _)| *w == lower && words.contains(w))
                .map(|(_, v)| *v)
                .ok_or_else(|| suggestion_hint(&lower, words))
        }
        let value = value.trim();
        if value.is_empty() {
            self.clear(criterion);
            return Ok(());
        }
        let words = criterion.words().unwrap_or_default();
        let result = match criterion {
            Criterion::Region => {
                self.region = Some(RegionFilter::Named(value.to_string()));
                Ok(())
            }
            Criterion::Route => word(Route::ALL, value, &words).map(|v| self.route = Some(v)),
            Criterion::Kind => word(ProviderKind::ALL, value, &words).map(|v| self.kind = Some(v)),
            Criterion::Telehealth => {
                word(Telehealth::ALL, value, &words).map(|v| self.telehealth = Some(v))
            }
            Criterion::Insurance => {
                word(Insurance::ALL, value, &words).map(|v| self.insurance = Some(v))
            }
            Criterion::Language => {
                self.language = Some(value.to_string());
                Ok(())
            }
            Criterion::MaxCourseCost => MaxCost::parse(value)
                .map(|max| self.max_course_cost = Some(max))
                .ok_or_else(|| {
                    "give a whole amount, like 3000 or 3,000, with its currency if the providers price in several (3000USD)".to_string()
                }),
        };
        result.map_err(|why| format!("{} `{}`: {why}", criterion.option(), echo(value)))
    }

    /// How `provider` fares on one criterion (`Yes` when the criterion is not set).
    pub fn fit(&self, criterion: Criterion, provider: &Provider, course: &CourseShape) -> Fit {
        match criterion {
            Criterion::Region => match &self.region {
                None => Fit::Yes,
                Some(RegionFilter::Named(name)) => {
                    fit(in_region(provider, name), says_region(provider, name))
                }
                Some(RegionFilter::Place(place)) => {
                    fit(place.matches(provider), place.says(provider))
                }
            },
            Criterion::Route => self.route.map_or(Fit::Yes, |route| {
                fit(
                    provider.routes.contains(&route),
                    !provider.routes.is_empty(),
                )
            }),
            Criterion::Kind => self
                .kind
                .map_or(Fit::Yes, |kind| fit(provider.kind == kind, true)),
            Criterion::Telehealth => self.telehealth.map_or(Fit::Yes, |wanted| {
                let level = provider.telehealth_level();
                fit(level == Some(wanted), level.is_some())
            }),
            Criterion::Insurance => self.insurance.map_or(Fit::Yes, |wanted| {
                let stated = provider.costs.insurance();
                fit(stated == wanted, stated != Insurance::Unknown)
            }),
            Criterion::Language => self.language.as_deref().map_or(Fit::Yes, |wanted| {
                let wanted = wanted.trim().to_lowercase();
                let offered = provider
                    .languages
                    .iter()
                    .any(|l| l.trim().to_lowercase() == wanted);
                fit(offered, !provider.languages.is_empty())
            }),
            Criterion::MaxCourseCost => self.max_course_cost.as_ref().map_or(Fit::Yes, |max| {
                let cost = course_cost(&provider.costs, course);
                match (&max.currency, &cost.currency) {
                    (Some(wanted), Some(priced)) if wanted != priced && !cost.is_unknown() => {
                        Fit::OtherCurrency
                    }
                    _ => fit(
                        !cost.is_unknown() && cost.low <= max.amount,
                        !cost.is_unknown(),
                    ),
                }
            }),
        }
    }

    pub fn matches(&self, provider: &Provider, course: &CourseShape) -> bool {
        Criterion::ALL
            .into_iter()
            .all(|c| self.fit(c, provider, course) == Fit::Yes)
    }

    /// A provider that passes `--max-course-cost` on its low end but whose high end is above
    /// the maximum, or open because a fee is unknown: it may cost more.
    pub fn may_exceed(&self, provider: &Provider, course: &CourseShape) -> bool {
        self.max_course_cost.as_ref().is_some_and(|max| {
            self.fit(Criterion::MaxCourseCost, provider, course) == Fit::Yes
                && course_cost(&provider.costs, course).upper() > max.amount
        })
    }

    /// A maximum course cost typed without a currency takes the one currency `providers`
    /// price their courses in; over several it is refused (comparing a number with prices in
    /// two currencies would be wrong), saying how to write it.
    pub fn settle_currency<'p>(
        &mut self,
        providers: impl IntoIterator<Item = &'p Provider>,
        course: &CourseShape,
    ) -> Result<(), String> {
        let Some(max) = self
            .max_course_cost
            .as_mut()
            .filter(|m| m.currency.is_none())
        else {
            return Ok(());
        };
        let currencies = course_currencies(providers, course);
        match currencies.as_slice() {
            [] => Ok(()),
            [one] => {
                max.currency = Some(one.clone());
                Ok(())
            }
            several => {
                let written: Vec<String> = several
                    .iter()
                    .map(|c| format!("{}{c}", max.amount))
                    .collect();
                Err(format!(
                    "{} `{}`: the providers price courses in {}, so a bare amount could mean any of them; add the currency, as in {}",
                    Criterion::MaxCourseCost.option(),
                    max.amount,
                    several.join(" and "),
                    written.join(" or ")
                ))
            }
        }
    }

    /// Applies the criteria in order to `items`, keeping count of what each leaves.
    pub fn apply<'p, T: Copy>(
        &self,
        items: impl IntoIterator<Item = T>,
        provider: impl Fn(T) -> &'p Provider,
        course: &CourseShape,
    ) -> Filtered<T> {
        let mut kept: Vec<T> = items.into_iter().collect();
        let total = kept.len();
        let mut steps = Vec::new();
        let mut removed = Vec::new();
        for criterion in self.active() {
            let mut unknown = 0;
            kept.retain(|&item| match self.fit(criterion, provider(item), course) {
                Fit::Yes => true,
                fit => {
                    unknown += usize::from(fit == Fit::Unknown);
                    removed.push(Removed {
                        item,
                        criterion,
                        fit,
                    });
                    false
                }
            });
            steps.push(Step {
                criterion,
                value: self.value_text(criterion).unwrap_or_default(),
                left: kept.len(),
                unknown,
            });
        }
        Filtered {
            kept,
            total,
            steps,
            removed,
        }
    }
}

/// What one criterion did: how many providers were left after it, and how many it removed
/// because their profile does not say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub criterion: Criterion,
    pub value: String,
    pub left: usize,
    pub unknown: usize,
}

impl Step {
    /// "--telehealth full leaves 0 (2 removed do not say)"; with `options` false the plain
    /// label ("telehealth full …") for the app.
    pub fn describe(&self, options: bool) -> String {
        let name = if options {
            self.criterion.option()
        } else {
            self.criterion.label()
        };
        let unknown = match self.unknown {
            0 => String::new(),
            1 => " (1 removed does not say)".into(),
            n => format!(" ({n} removed do not say)"),
        };
        format!("{name} {} leaves {}{unknown}", self.value, self.left)
    }
}

/// One item a criterion removed, and how it fared (not `Fit::Yes`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed<T> {
    pub item: T,
    pub criterion: Criterion,
    pub fit: Fit,
}

impl<T> Removed<T> {
    /// Left out only because the profile does not say.
    pub fn unknown(&self) -> bool {
        self.fit == Fit::Unknown
    }

    /// "--route iv: does not offer", "--route iv: does not say", or "--max-course-cost 3000
    /// USD: prices in another currency".
    pub fn reason(&self, filter: &ProviderFilter) -> String {
        let why = match self.fit {
            Fit::Unknown => "does not say",
            Fit::OtherCurrency => "prices in another currency",
            Fit::Yes | Fit::No => self.criterion.refusal(),
        };
        let value = filter.value_text(self.criterion).unwrap_or_default();
        format!("{} {value}: {why}", self.criterion.option())
    }
}

/// Names listed before "and N more".
const NAMES_LISTED: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filtered<T> {
    pub kept: Vec<T>,
    /// How many there were before filtering.
    pub total: usize,
    pub steps: Vec<Step>,
    /// In the order the criteria removed them.
    pub removed: Vec<Removed<T>>,
}

impl<T> Default for Filtered<T> {
    fn default() -> Self {
        Filtered {
            kept: Vec::new(),
            total: 0,
            steps: Vec::new(),
            removed: Vec::new(),
        }
    }
}

impl<T> Filtered<T> {
    /// The step that left nobody, if the result is empty because of the filter.
    pub fn emptied_by(&self) -> Option<&Step> {
        self.steps.iter().find(|s| s.left == 0)
    }

    /// "of 6 providers, --region MT leaves 3; --telehealth full leaves 0 (1 removed does not
    /// say)": every step up to the one that emptied the result.
    pub fn explain(&self, options: bool) -> String {
        let mut parts: Vec<String> = Vec::new();
        for step in &self.steps {
            parts.push(step.describe(options));
            if step.left == 0 {
                break;
            }
        }
        let providers = if self.total == 1 {
            "provider"
        } else {
            "providers"
        };
        format!("of {} {providers}, {}", self.total, parts.join("; "))
    }

    /// "Left out because the profile does not say: 1 (moonwater) by --language", or `None`
    /// when every removal was a definite no. A kept list would otherwise hide them.
    pub fn unknown_note(&self, name: impl Fn(&T) -> String) -> Option<String> {
        let parts: Vec<String> = self
            .steps
            .iter()
            .filter(|step| step.unknown > 0)
            .map(|step| {
                let names = self.names(|r| r.unknown() && r.criterion == step.criterion, &name);
                format!("{names} by {}", step.criterion.option())
            })
            .collect();
        (!parts.is_empty()).then(|| {
            format!(
                "Left out because the profile does not say: {}",
                parts.join("; ")
            )
        })
    }

    /// "Left out because they price in another currency (never compared with 3000 USD): 1
    /// (marmot)", or `None`.
    pub fn other_currency_note(
        &self,
        filter: &ProviderFilter,
        name: impl Fn(&T) -> String,
    ) -> Option<String> {
        let max = filter.max_course_cost.as_ref()?;
        self.removed
            .iter()
            .any(|r| r.fit == Fit::OtherCurrency)
            .then(|| {
                format!(
                    "Left out because they price in another currency (never compared with {}): {}",
                    max.text(),
                    self.names(|r| r.fit == Fit::OtherCurrency, &name)
                )
            })
    }

    /// "4 (tele, a, b and 1 more)": how many removals `which` picks, the first few named.
    fn names(&self, which: impl Fn(&Removed<T>) -> bool, name: impl Fn(&T) -> String) -> String {
        let names: Vec<String> = self
            .removed
            .iter()
            .filter(|r| which(r))
            .map(|r| name(&r.item))
            .collect();
        let mut listed = names[..names.len().min(NAMES_LISTED)].join(", ");
        if names.len() > NAMES_LISTED {
            listed.push_str(&format!(" and {} more", names.len() - NAMES_LISTED));
        }
        format!("{} ({listed})", names.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::{Costs, Fee, Item};

    fn provider(id: &str) -> Provider {
        let name = id.to_string();
        let id = crate::core::id::ProviderId::new(id).unwrap();
        Provider::new(id, name, ProviderKind::KapPractice)
    }

    fn priced(dosing: u32, other: Option<u32>) -> Costs {
        let fee = |n: u32| Some(Item::bare(Fee::exact(n)));
        Costs {
            currency: Some("USD".into()),
            dosing_session: fee(dosing),
            preparation_session: other.and_then(fee),
            integration_session: other.and_then(fee),
            ..Costs::default()
        }
    }

    /// mt: Montana, IM and sublingual, partial telehealth, superbills, English and Spanish,
    /// fully priced; tele: full telehealth, sublingual, nothing else known; ca: a Canadian
    /// infusion clinic, self-pay, preparation fees unknown.
    fn three() -> Vec<Provider> {
        let mut mt = provider("mt");
        mt.location.region = Some("MT".into());
        mt.location.country = Some("US".into());
        mt.routes = vec![Route::Im, Route::Sublingual];
        mt.telehealth = Some(Telehealth::Partial);
        mt.languages = vec!["English".into(), "Spanish".into()];
        mt.costs = priced(400, Some(150));
        mt.costs.insurance = Some(Item::bare(Insurance::Superbill));
        let mut tele = provider("tele");
        tele.kind = ProviderKind::Telehealth;
        tele.routes = vec![Route::Sublingual];
        let mut ca = provider("ca");
        ca.kind = ProviderKind::KetamineClinic;
        ca.location.country = Some("CA".into());
        ca.routes = vec![Route::Iv];
        ca.telehealth = Some(Telehealth::None);
        ca.languages = vec!["French".into()];
        ca.costs = priced(500, None);
        ca.costs.insurance = Some(Item::bare(Insurance::None));
        vec![mt, tele, ca]
    }

    fn ids(filter: &ProviderFilter) -> Vec<String> {
        let all = three();
        filter
            .apply(&all, |p| p, &CourseShape::default())
            .kept
            .iter()
            .map(|p| p.id.to_string())
            .collect()
    }

    fn with(criterion: Criterion, value: &str) -> ProviderFilter {
        let mut filter = ProviderFilter::default();
        filter.set(criterion, value).unwrap();
        filter
    }

    #[test]
    fn each_criterion_alone_keeps_what_matches_and_never_an_unknown() {
        assert_eq!(ids(&ProviderFilter::default()), ["mt", "tele", "ca"]);
        let cases: [(Criterion, &str, &[&str]); 12] = [
            (Criterion::Region, "mt", &["mt"]),
            (Criterion::Region, "US-MT", &["mt"]),
            (Criterion::Region, "CA", &["ca"]),
            (Criterion::Route, "sublingual", &["mt", "tele"]),
            (Criterion::Route, "IV", &["ca"]),
            (Criterion::Kind, "telehealth", &["tele"]),
            // The telehealth service's level follows from its kind.
            (Criterion::Telehealth, "full", &["tele"]),
            (Criterion::Telehealth, "none", &["ca"]),
            (Criterion::Insurance, "superbill", &["mt"]),
            (Criterion::Language, " spanish ", &["mt"]),
            // mt costs 6·400 + 5·150 = 3,150; ca 3,000 and more (fees unknown).
            (Criterion::MaxCourseCost, "3,000", &["ca"]),
            (Criterion::MaxCourseCost, "3150", &["mt", "ca"]),
        ];
        for (criterion, value, want) in cases {
            assert_eq!(ids(&with(criterion, value)), want, "{criterion:?} {value}");
        }
    }

    #[test]
    fn criteria_combine_and_an_empty_result_names_the_criterion_that_emptied_it() {
        let mut filter = with(Criterion::Route, "sublingual");
        filter.set(Criterion::Language, "english").unwrap();
        assert_eq!(ids(&filter), ["mt"]);
        let all = three();
        let course = CourseShape::default();
        let result = filter.apply(&all, |p| p, &course);
        assert_eq!(
            result.explain(false),
            "of 3 providers, route sublingual leaves 2; language english leaves 1 (1 removed does not say)"
        );
        assert_eq!(result.emptied_by(), None);
        // Criteria apply in a fixed order: telehealth before language.
        filter.set(Criterion::Telehealth, "full").unwrap();
        let result = filter.apply(&all, |p| p, &course);
        assert!(result.kept.is_empty());
        assert_eq!(
            result.emptied_by().map(|s| s.criterion),
            Some(Criterion::Language)
        );
        assert_eq!(
            result.explain(true),
            "of 3 providers, --route sublingual leaves 2; --telehealth full leaves 1; --language english leaves 0 (1 removed does not say)"
        );
        // The explanation stops at the criterion that left nobody.
        let mut nobody = with(Criterion::Kind, "esketamine-center");
        nobody.set(Criterion::Route, "iv").unwrap();
        let result = nobody.apply(&all, |p| p, &course);
        assert_eq!(
            result.explain(true),
            "of 3 providers, --route iv leaves 1; --kind esketamine-center leaves 0"
        );
    }

    #[test]
    fn unknowns_do_not_pass_and_are_counted() {
        let all = three();
        let filter = with(Criterion::Insurance, "accepts");
        let result = filter.apply(&all, |p| p, &CourseShape::default());
        assert!(result.kept.is_empty());
        assert_eq!(
            result.steps[0].unknown, 1,
            "the telehealth service does not say"
        );
        assert_eq!(
            filter.fit(Criterion::Region, &all[1], &CourseShape::default()),
            Fit::Yes
        );
        let region = with(Criterion::Region, "MT");
        assert_eq!(
            region.fit(Criterion::Region, &all[1], &CourseShape::default()),
            Fit::Unknown
        );
        // A country alone does not say which region: unknown, not a no.
        assert_eq!(
            region.fit(Criterion::Region, &all[2], &CourseShape::default()),
            Fit::Unknown
        );
    }

    #[test]
    fn the_low_end_decides_the_maximum_and_an_open_or_higher_high_end_is_marked() {
        let all = three();
        let course = CourseShape::default();
        let filter = with(Criterion::MaxCourseCost, "3000");
        // ca: 6·500 = 3,000 known, preparation and integration fees unknown, so open above.
        assert_eq!(
            filter.fit(Criterion::MaxCourseCost, &all[2], &course),
            Fit::Yes
        );
        assert!(filter.may_exceed(&all[2], &course));
        let generous = with(Criterion::MaxCourseCost, "4000");
        assert!(!generous.may_exceed(&all[0], &course));
        assert!(generous.may_exceed(&all[2], &course));
        // Nothing known about the cost: unknown, not a pass.
        assert_eq!(
            generous.fit(Criterion::MaxCourseCost, &all[1], &course),
            Fit::Unknown
        );
        // The course shape is the user's: fewer sessions, a lower estimate.
        let short = CourseShape {
            dosing: 2,
            preparation: 0,
            integration: 0,
            boosters: 0,
        };
        assert!(!filter.may_exceed(&all[2], &short));
    }

    #[test]
    fn a_maximum_is_in_one_currency_and_other_currencies_are_never_compared() {
        let parse = |text: &str| MaxCost::parse(text).map(|m| m.text());
        assert_eq!(parse("3,000").as_deref(), Some("3000"));
        assert_eq!(parse("3000usd").as_deref(), Some("3000 USD"));
        assert_eq!(parse(" CAD 3,200 ").as_deref(), Some("3200 CAD"));
        for bad in ["3000 dollars", "USD", "US 3000", "3000 US$"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        let mut all = three();
        all[2].costs.currency = Some("CAD".into());
        let course = CourseShape::default();
        // A bare amount takes the one currency, and is refused over two.
        let mut bare = with(Criterion::MaxCourseCost, "4000");
        bare.settle_currency(&all[..2], &course).unwrap();
        assert_eq!(bare.summary(), "max course cost 4000 USD");
        let mut bare = with(Criterion::MaxCourseCost, "4000");
        let error = bare.settle_currency(&all, &course).unwrap_err();
        assert!(error.contains("in CAD and USD"), "{error}");
        assert!(error.ends_with("as in 4000CAD or 4000USD"), "{error}");
        // A typed currency is kept whatever the providers use.
        let mut usd = with(Criterion::MaxCourseCost, "4000 usd");
        usd.settle_currency(&all, &course).unwrap();
        assert_eq!(
            usd.fit(Criterion::MaxCourseCost, &all[2], &course),
            Fit::OtherCurrency,
            "3,000 CAD is not compared with 4,000 USD"
        );
        assert!(!usd.may_exceed(&all[2], &course));
        assert_eq!(
            usd.fit(Criterion::MaxCourseCost, &all[1], &course),
            Fit::Unknown
        );
        let result = usd.apply(&all, |p| p, &course);
        assert_eq!(result.kept.len(), 1);
        let ca = result.removed.iter().find(|r| r.item.id == "ca").unwrap();
        assert_eq!(
            ca.reason(&usd),
            "--max-course-cost 4000 USD: prices in another currency"
        );
        assert_eq!(
            result
                .other_currency_note(&usd, |p| p.id.to_string())
                .as_deref(),
            Some(
                "Left out because they price in another currency (never compared with 4000 USD): 1 (ca)"
            )
        );
        assert_eq!(result.steps[0].unknown, 1, "only tele does not say");
    }

    #[test]
    fn bad_words_get_the_closest_one_and_insurance_unknown_is_not_a_filter() {
        let mut filter = ProviderFilter::default();
        let error = filter.set(Criterion::Telehealth, "ful").unwrap_err();
        assert_eq!(error, "--telehealth `ful`: did you mean `full`?");
        assert!(filter.set(Criterion::Insurance, "unknown").is_err());
        assert!(filter.set(Criterion::MaxCourseCost, "cheap").is_err());
        for bad in ["3,0,0,0", "30,00", "1234,567", ",300", "3,000,", "-5"] {
            assert!(filter.set(Criterion::MaxCourseCost, bad).is_err(), "{bad}");
        }
        assert_eq!(amount("12,345,678"), Some(12_345_678));
        assert_eq!(amount("3000"), Some(3000));
        let long = "x".repeat(200);
        let error = filter.set(Criterion::Telehealth, &long).unwrap_err();
        assert!(
            error.starts_with(&format!("--telehealth `{}…`", "x".repeat(59))),
            "{error}"
        );
        filter.set(Criterion::Language, &long).unwrap();
        assert_eq!(
            filter
                .value_text(Criterion::Language)
                .unwrap()
                .chars()
                .count(),
            60
        );
        filter.clear(Criterion::Language);
        assert!(filter.is_empty());
        filter.set(Criterion::Kind, "telehealth").unwrap();
        filter.set(Criterion::Region, "MT").unwrap();
        assert_eq!(filter.summary(), "region MT, kind telehealth");
        filter.set(Criterion::Kind, "").unwrap();
        assert_eq!(filter.active(), [Criterion::Region]);
    }

    #[test]
    fn a_picked_region_tells_canada_from_california() {
        let all = three();
        let mut fresno = provider("fresno");
        fresno.location.region = Some("CA".into());
        fresno.location.country = Some("US".into());
        let canada = RegionChoice {
            country: Some("CA".into()),
            region: None,
        };
        assert!(canada.matches(&all[2]));
        assert!(!canada.matches(&fresno));
        assert_eq!(canada.label(), "Canada (CA)");
        let filter = ProviderFilter {
            region: Some(RegionFilter::Place(canada)),
            ..ProviderFilter::default()
        };
        assert_eq!(ids(&filter), ["ca"]);
        let choices = RegionChoice::collect(all.iter().chain([&fresno]));
        let labels: Vec<String> = choices.iter().map(RegionChoice::label).collect();
        assert_eq!(
            labels,
            ["Canada (CA)", "United States (US)", "US · CA", "US · MT"]
        );
    }

    #[test]
    fn a_place_is_ruled_out_only_by_the_fields_compared() {
        let place = |city: Option<&str>, region: Option<&str>, country: Option<&str>| {
            let mut p = provider("p");
            p.location.city = city.map(Into::into);
            p.location.region = region.map(Into::into);
            p.location.country = country.map(Into::into);
            p
        };
        let course = CourseShape::default();
        let fit_of = |text: &str, p: &Provider| {
            with(Criterion::Region, text).fit(Criterion::Region, p, &course)
        };
        let us_only = place(None, None, Some("US"));
        let city_only = place(Some("Portland"), None, None);
        let oregon = place(Some("Portland"), Some("OR"), Some("US"));
        // A country-only US profile may be in Montana; a city alone never rules a place out.
        assert_eq!(fit_of("MT", &us_only), Fit::Unknown);
        assert_eq!(fit_of("US-MT", &us_only), Fit::Unknown);
        assert_eq!(fit_of("MT", &city_only), Fit::Unknown);
        assert_eq!(fit_of("portland", &city_only), Fit::Yes);
        // A different country settles it; so do country and region both given.
        assert_eq!(fit_of("CA-BC", &us_only), Fit::No);
        assert_eq!(fit_of("US", &us_only), Fit::Yes);
        assert_eq!(fit_of("MT", &oregon), Fit::No);
        assert_eq!(fit_of("US-MT", &oregon), Fit::No);
        // A picked country needs the country given; a picked region within one, both.
        let pick = |country: Option<&str>, region: Option<&str>| ProviderFilter {
            region: Some(RegionFilter::Place(RegionChoice {
                country: country.map(Into::into),
                region: region.map(Into::into),
            })),
            ..ProviderFilter::default()
        };
        let pick_fit = |f: ProviderFilter, p: &Provider| f.fit(Criterion::Region, p, &course);
        assert_eq!(pick_fit(pick(Some("CA"), None), &city_only), Fit::Unknown);
        assert_eq!(pick_fit(pick(Some("CA"), None), &us_only), Fit::No);
        assert_eq!(
            pick_fit(pick(Some("US"), Some("MT")), &us_only),
            Fit::Unknown
        );
        assert_eq!(pick_fit(pick(Some("US"), Some("MT")), &oregon), Fit::No);
        assert_eq!(pick_fit(pick(None, Some("MT")), &oregon), Fit::No);
    }

    #[test]
    fn removals_say_which_and_why_and_unknowns_are_named() {
        let all = three();
        let mut filter = with(Criterion::Route, "iv");
        let result = filter.apply(&all, |p| p, &CourseShape::default());
        let reasons: Vec<String> = result
            .removed
            .iter()
            .map(|r| format!("{}: {}", r.item.id, r.reason(&filter)))
            .collect();
        assert_eq!(
            reasons,
            [
                "mt: --route iv: does not offer",
                "tele: --route iv: does not offer"
            ]
        );
        assert_eq!(result.unknown_note(|p| p.id.to_string()), None);
        filter.set(Criterion::Route, "").unwrap();
        filter.set(Criterion::Language, "english").unwrap();
        let mut more = all.clone();
        for id in ["a", "b", "c"] {
            more.push(provider(id));
        }
        let result = filter.apply(&more, |p| p, &CourseShape::default());
        assert_eq!(
            result.removed[0].reason(&filter),
            "--language english: does not say"
        );
        assert_eq!(
            result.unknown_note(|p| p.id.to_string()).as_deref(),
            Some(
                "Left out because the profile does not say: 4 (tele, a, b and 1 more) by --language"
            )
        );
    }
}
