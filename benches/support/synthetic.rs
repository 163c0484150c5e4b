//! Synthetic provider profiles for benchmarks (bench-only: included by each bench with `#[path]`): realistic shapes (every answer
//! state, notes, routes, stale dates), deterministic for a given seed, clearly marked samples.

use std::path::Path;

use kapguide::core::checklist::{Checklist, Route};
use kapguide::core::date::Date;
use kapguide::core::provider::{
    Answer, AnswerValue, Contact, Location, ProfileSource, Provider, ProviderKind, SourceKind,
};

/// A small deterministic generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const REGIONS: [(&str, &str, &str); 6] = [
    ("Springfield", "OR", "US"),
    ("Riverton", "WY", "US"),
    ("Lakeside", "MT", "US"),
    ("Halifax", "NS", "CA"),
    ("Leeds", "ENG", "GB"),
    ("Ballarat", "VIC", "AU"),
];

pub fn providers(count: usize, checklist: &Checklist, seed: u64) -> Vec<Provider> {
    let mut rng = Rng(seed.max(1));
    (0..count)
        .map(|n| {
            let (city, region, country) = REGIONS[rng.below(REGIONS.len())];
            let kind = ProviderKind::ALL[rng.below(ProviderKind::ALL.len())].1;
            let routes: Vec<Route> = Route::ALL
                .iter()
                .filter(|_| rng.below(3) == 0)
                .map(|(_, r)| *r)
                .collect();
            let mut answers = std::collections::BTreeMap::new();
            for question in &checklist.questions {
                // About one question in ten is left out, which reads as unknown.
                if rng.below(10) == 0 {
                    continue;
                }
                let value = AnswerValue::ALL[rng.below(AnswerValue::ALL.len())].1;
                let note =
                    (rng.below(3) == 0).then(|| format!("synthetic note {n} for {}", question.id));
                answers.insert(
                    question.id.clone(),
                    Answer {
                        value,
                        note,
                        source: None,
                        date: None,
                    },
                );
            }
            Provider {
                id: format!("synthetic-{n:05}"),
                name: format!("Synthetic Practice {n:05}"),
                kind,
                sample: true,
                summary: Some("Fictional sample generated for benchmarks.".into()),
                routes,
                conditions: vec!["depression".into()],
                location: Location {
                    city: Some(city.into()),
                    region: Some(region.into()),
                    country: Some(country.into()),
                    in_person: Some(true),
                    telehealth: Some(false),
                },
                contact: Contact {
                    phone: Some("+1 555 0100".into()),
                    website: Some("https://example.org".into()),
                    email: None,
                },
                source: Some(ProfileSource {
                    kind: SourceKind::Consultation,
                    reference: Some("synthetic".into()),
                    url: None,
                    last_verified: Some(Date::from_days(19_000 + rng.below(2_000) as i64)),
                }),
                answers,
                origin: Default::default(),
            }
        })
        .collect()
}

/// Writes `count` synthetic profiles as `<dir>/<id>.toml`.
pub fn write_files(
    dir: &Path,
    count: usize,
    checklist: &Checklist,
    seed: u64,
) -> std::io::Result<()> {
    for provider in providers(count, checklist, seed) {
        std::fs::write(
            dir.join(format!("{}.toml", provider.id)),
            provider.to_toml(checklist),
        )?;
    }
    Ok(())
}
