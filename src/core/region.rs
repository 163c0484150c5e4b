//! Where providers are: the one place region filters are matched, for the CLI's `--region`
//! text and the TUI's region choices alike. Fields compare trimmed and ignoring case, so "us"
//! and " US" are one country; a bare "CA" never has to mean both Canada and California.

use std::collections::BTreeMap;

use crate::core::provider::Provider;

/// A region filter: a country, a region within a country, or (for profiles that give no
/// country) a region alone. Never a bare "CA" that could be Canada or California.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RegionChoice {
    pub country: Option<String>,
    pub region: Option<String>,
}

/// Country names for the codes profiles use most, so "CA" reads as Canada.
const COUNTRIES: [(&str, &str); 12] = [
    ("AU", "Australia"),
    ("CA", "Canada"),
    ("DE", "Germany"),
    ("FR", "France"),
    ("GB", "United Kingdom"),
    ("IE", "Ireland"),
    ("MX", "Mexico"),
    ("NL", "Netherlands"),
    ("NZ", "New Zealand"),
    ("UK", "United Kingdom"),
    ("US", "United States"),
    ("USA", "United States"),
];

/// A place field as it compares: trimmed, upper case, and absent when blank.
fn key(field: Option<&str>) -> Option<String> {
    field
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_uppercase)
}

/// A place field given and not blank.
fn given(field: &Option<String>) -> Option<&str> {
    field.as_deref().filter(|s| !s.trim().is_empty())
}

impl RegionChoice {
    /// The regions the profiles' places give: each country, then its regions; regions of
    /// profiles without a country come last. Case is ignored ("us" and "US" are one).
    pub fn collect<'a>(providers: impl IntoIterator<Item = &'a Provider>) -> Vec<RegionChoice> {
        let mut choices = BTreeMap::new();
        for p in providers {
            let (country, region) = (given(&p.location.country), given(&p.location.region));
            let mut add = |country: Option<&str>, region: Option<&str>| {
                // No country sorts after every country.
                let sort = (key(country).is_none(), key(country), key(region));
                choices.entry(sort).or_insert_with(|| RegionChoice {
                    country: country.map(|s| s.trim().to_string()),
                    region: region.map(|s| s.trim().to_string()),
                });
            };
            if country.is_some() {
                add(country, None);
            }
            if region.is_some() {
                add(country, region);
            }
        }
        choices.into_values().collect()
    }

    /// Whether `provider`'s place says enough for a "no" from [`Self::matches`] to be a
    /// definite no: the fields compared must be given. A country that differs settles it; a
    /// country-only profile says nothing about a region within that country.
    pub fn says(&self, provider: &Provider) -> bool {
        let location = &provider.location;
        let (country, region) = (given(&location.country), given(&location.region));
        match (&self.country, &self.region) {
            (Some(_), None) => country.is_some(),
            (Some(want), Some(_)) => {
                country.is_some_and(|c| key(Some(c)) != key(Some(want)))
                    || country.is_some() && region.is_some()
            }
            // "Region, no country given": a profile giving a country is a definite no.
            (None, _) => country.is_some() || region.is_some(),
        }
    }

    /// What the filter shows: "Canada (CA)", "US · OR", "OR (no country given)".
    pub fn label(&self) -> String {
        match (&self.country, &self.region) {
            (Some(country), None) => {
                let code = country.to_uppercase();
                match COUNTRIES.iter().find(|(c, _)| *c == code) {
                    Some((_, name)) => format!("{name} ({country})"),
                    None => country.clone(),
                }
            }
            (Some(country), Some(region)) => format!("{country} · {region}"),
            (None, Some(region)) => format!("{region} (no country given)"),
            (None, None) => "all regions".to_string(),
        }
    }

    /// Whether `provider` is in this country or region, field by field: a country matches on
    /// the country alone, so Canada ("CA") never takes in California (region "CA" of "US"); a
    /// region without a country matches only profiles that give no country; neither ("all
    /// regions", as labelled) matches everyone.
    pub fn matches(&self, provider: &Provider) -> bool {
        let location = &provider.location;
        let same = |field: &Option<String>, want: &Option<String>| {
            key(field.as_deref()) == key(want.as_deref())
        };
        match (&self.country, &self.region) {
            (None, None) => true,
            (Some(_), None) => same(&location.country, &self.country),
            _ => same(&location.country, &self.country) && same(&location.region, &self.region),
        }
    }
}

/// The CLI's `--region` text: true when it names the provider's region, country or city,
/// ignoring case. "US-CA" (country, then region) tells California apart from Canada ("CA"
/// alone matches both). Blank text matches nothing.
pub fn in_region(provider: &Provider, text: &str) -> bool {
    let Some(wanted) = key(Some(text)) else {
        return false;
    };
    let location = &provider.location;
    let qualified = wanted.split_once('-').is_some_and(|(country, region)| {
        let (country, region) = (key(Some(country)), key(Some(region)));
        country.is_some() && region.is_some() && RegionChoice { country, region }.matches(provider)
    });
    qualified
        || RegionChoice {
            country: Some(wanted.clone()),
            region: None,
        }
        .matches(provider)
        || key(location.region.as_deref()).as_ref() == Some(&wanted)
        || key(location.city.as_deref()).as_ref() == Some(&wanted)
}

/// Whether `provider`'s place says enough for a "no" from [`in_region`] to be a definite no.
/// "US-MT" is settled by a different country, or by country and region both given. Bare text
/// may be a country or a region ("DE" is Germany and Delaware), so it takes both. A city alone
/// never rules a place out.
pub fn says_region(provider: &Provider, text: &str) -> bool {
    let qualified = key(Some(text)).and_then(|wanted| {
        let (country, region) = wanted.split_once('-')?;
        let (country, region) = (key(Some(country))?, key(Some(region))?);
        Some(RegionChoice {
            country: Some(country),
            region: Some(region),
        })
    });
    let location = &provider.location;
    match qualified {
        Some(place) => place.says(provider),
        None => given(&location.country).is_some() && given(&location.region).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checklist::Checklist;
    use std::path::Path;

    fn at(city: &str, region: &str, country: &str) -> Provider {
        let mut text = "name = \"P\"\nkind = \"kap-practice\"\n[location]\n".to_string();
        for (field, value) in [("city", city), ("region", region), ("country", country)] {
            if !value.is_empty() {
                text.push_str(&format!("{field} = \"{value}\"\n"));
            }
        }
        Provider::parse(Path::new("p.toml"), &text, &Checklist::default())
            .0
            .unwrap()
    }

    #[test]
    fn text_matches_region_country_or_city_and_can_be_qualified() {
        let california = at("Oakland", "CA", "US");
        let canada = at("Nanaimo", "BC", "CA");
        assert!(
            in_region(&california, "ca") && in_region(&canada, "CA"),
            "CA alone is ambiguous"
        );
        assert!(in_region(&california, "US-CA") && !in_region(&canada, "US-CA"));
        assert!(in_region(&canada, "ca-bc") && in_region(&canada, "nanaimo"));
        assert!(in_region(&canada, " Nanaimo "));
        assert!(!in_region(&california, "OR"));
        assert!(!in_region(&california, "") && !in_region(&california, "-"));
        // A city with a dash is still found by name.
        assert!(in_region(&at("Wilkes-Barre", "PA", "US"), "wilkes-barre"));
    }

    #[test]
    fn choices_list_countries_then_their_regions_then_regions_without_a_country() {
        let providers = [
            at("Fresno", "CA", "us"),
            at("Portland", "OR", "US"),
            at("Nanaimo", "BC", "CA"),
            at("Somewhere", "OR", ""),
            at("Nowhere", "", ""),
        ];
        let labels: Vec<String> = RegionChoice::collect(&providers)
            .iter()
            .map(RegionChoice::label)
            .collect();
        assert_eq!(
            labels,
            [
                "Canada (CA)",
                "CA · BC",
                "United States (us)",
                "us · CA",
                "US · OR",
                "OR (no country given)",
            ]
        );
    }

    #[test]
    fn a_country_choice_never_takes_in_a_region_of_the_same_code() {
        let california = at("Fresno", "CA", "US");
        let canada = at("Nanaimo", "BC", "CA");
        let no_country = at("Somewhere", "CA", "");
        let choice = |country: Option<&str>, region: Option<&str>| RegionChoice {
            country: country.map(str::to_string),
            region: region.map(str::to_string),
        };
        let canada_choice = choice(Some("ca"), None);
        assert!(canada_choice.matches(&canada) && !canada_choice.matches(&california));
        let us_ca = choice(Some("US"), Some("ca"));
        assert!(us_ca.matches(&california) && !us_ca.matches(&canada));
        // "CA (no country given)" is only for profiles without a country.
        let bare = choice(None, Some("CA"));
        assert!(bare.matches(&no_country) && !bare.matches(&california));
    }

    #[test]
    fn all_regions_matches_every_place_as_its_label_says() {
        let all = RegionChoice {
            country: None,
            region: None,
        };
        assert_eq!(all.label(), "all regions");
        assert!(all.matches(&at("Kalispell", "MT", "US")));
        assert!(all.matches(&at("", "", "")));
    }
}
