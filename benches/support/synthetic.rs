//! Synthetic provider profiles for benchmarks (bench-only: included by each bench with `#[path]`): realistic shapes (every answer
//! state, notes, routes, stale dates), deterministic for a given seed, clearly marked samples.

use std::path::Path;

// Seeded, so runs are comparable.
use fastrand::Rng;

use kapguide::core::checklist::{Checklist, Route};
use kapguide::core::date::Date;
use kapguide::core::provider::{
    Answer, AnswerValue, Contact, Location, ProfileSource, Provider, ProviderKind, SourceKind,
};

const REGIONS: [(&str, &str, &str); 6] = [
    ("Springfield", "OR", "US"),
    ("Riverton", "WY", "US"),
    ("Lakeside", "MT", "US"),
    ("Halifax", "NS", "CA"),
    ("Leeds", "ENG", "GB"),
    ("Ballarat", "VIC", "AU"),
];

pub fn providers(count: usize, checklist: &Checklist, seed: u64) -> Vec<Provider> {
    let mut rng = Rng::with_seed(seed);
    (0..count)
        .map(|n| {
            let (city, region, country) = REGIONS[rng.usize(..REGIONS.len())];
            let kind = ProviderKind::ALL[rng.usize(..ProviderKind::ALL.len())].1;
            let routes: Vec<Route> = Route::ALL
                .iter()
                .filter(|_| rng.usize(..3) == 0)
                .map(|(_, r)| *r)
                .collect();
            let mut answers = kapguide::core::provider::Answers::default();
            for question in &checklist.questions {
                // About one question in ten is left out, which reads as unknown.
                if rng.usize(..10) == 0 {
                    continue;
                }
                let value = AnswerValue::ALL[rng.usize(..AnswerValue::ALL.len())].1;
                let note = (rng.usize(..3) == 0)
                    .then(|| format!("synthetic note {n} for {}", question.id));
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
                id: format!("synthetic-{n:05}").parse().unwrap(),
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
                    last_verified: Some(Date::from_days(rng.i64(19_000..21_000))),
                }),
                telehealth: None,
                languages: Vec::new(),
                clinicians: Vec::new(),
                costs: Default::default(),
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

/// Sentences for notes and sources, so full profiles are as long as the bundled thorough one.
const NOTES: [&str; 4] = [
    "Two 50-minute preparation sessions with the same therapist before the first dose; a third on request.",
    "A nurse checks blood pressure and pulse before the dose, every 15 minutes during it, and before discharge.",
    "Written sheet: someone drives you home, no driving until the next day, no alcohol for 24 hours.",
    "Course price in writing covers preparation, three doses and three integration sessions.",
];
const SOURCES: [&str; 3] = [
    "consultation with the clinical director",
    "written fee sheet, October 2026",
    "intake form seen at consultation",
];

/// Provider directories as a shared collection would hold them: 60% full profiles (every field,
/// every answer with a note, source and date, about 5 KB like the bundled thorough sample),
/// 30% sparse ones (a name, a kind and a few bare answers, about 1 KB), 5% with a TOML syntax
/// error and 5% with unknown keys and answer values. Files are `synthetic-NNNNNN.toml`.
pub fn write_mixed(
    dir: &Path,
    count: usize,
    checklist: &Checklist,
    seed: u64,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::with_seed(seed);
    for (n, mut provider) in providers(count, checklist, seed).into_iter().enumerate() {
        let shape = n % 20;
        if shape < 12 {
            for (q, answer) in provider.answers.values_mut().enumerate() {
                answer.note = Some(NOTES[(n + q) % NOTES.len()].to_string());
                answer.source = Some(SOURCES[rng.usize(..SOURCES.len())].to_string());
                answer.date = Some(Date::from_days(rng.i64(20_000..20_400)));
            }
            provider.contact.email = Some(format!("hello{n}@example.org"));
        } else {
            provider.answers.retain(|_, _| rng.usize(..5) == 0);
            for answer in provider.answers.values_mut() {
                answer.note = None;
            }
            provider.contact = Contact::default();
            provider.summary = None;
        }
        let mut text = provider.to_toml(checklist);
        match shape {
            18 => text = text.replacen("name = \"", "name = \"unterminated\n", 1),
            19 => {
                text = text.replacen("[location]", "websight = \"typo\"\n\n[location]", 1);
                text = text.replacen("\"yes\"", "\"maybe\"", 1);
            }
            _ => {}
        }
        std::fs::write(dir.join(format!("synthetic-{n:06}.toml")), text)?;
    }
    Ok(())
}

/// `write_mixed(count)` into a directory under `target/` kept between runs (100,000 files take
/// a while to write); a marker written last means an interrupted run is redone.
pub fn cached_mixed(count: usize, checklist: &Checklist) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-data/mixed-{count}"));
    // v2: made with fastrand (the data differ from v1's).
    let marker = dir.join("complete-v2");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        write_mixed(&dir, count, checklist, 42).expect("write synthetic files");
        std::fs::write(&marker, "").expect("write marker");
    }
    dir
}
