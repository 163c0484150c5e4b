//! Loading at scale, as ratios to a floor measured in the same run (this machine is shared and
//! noisy): the floor reads the same files and parses each with `toml` into a `toml::Table`, on
//! one thread. Budgets: load + validate + score on one thread ≤ 1.15 × floor, on all cores
//! (2 here) ≤ 0.65 × floor, and time(100k) / time(10k) ≤ 11.
//! Run: `nice -n 19 cargo bench --bench scale` (or `-- 10000` for one size). The files are
//! written once under target/tmp/bench-data and reused.

#[path = "support/synthetic.rs"]
#[allow(dead_code)] // each bench uses part of the generator
mod synthetic;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use kapguide::core::date::Date;
use kapguide::core::scoring::{Priorities, rank};
use kapguide::io::loader::{LoadOptions, list_dir, load};

/// The floor: list, read and parse every file, keeping nothing but a count.
fn floor(dir: &Path) -> usize {
    list_dir(dir, &["toml"])
        .expect("list")
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).expect("read");
            toml::from_str::<toml::Table>(&text).is_ok()
        })
        .count()
}

fn benches(c: &mut Criterion) {
    let checklist = load(&LoadOptions::default()).checklist;
    let today = Date::parse("2026-11-25").expect("valid date");
    let priorities = Priorities::default();
    for count in [1_000, 10_000, 100_000] {
        let dir = synthetic::cached_mixed(count, &checklist);
        let mut group = c.benchmark_group(format!("load {count} files"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        group.bench_function("floor: read + toml::Table, 1 thread", |b| {
            b.iter(|| black_box(floor(&dir)));
        });
        for (name, threads) in [("1 thread", 1), ("all cores", 0)] {
            let options = LoadOptions {
                provider_dirs: vec![dir.clone()],
                bundled_providers: false,
                today,
                threads,
                ..LoadOptions::default()
            };
            group.bench_function(format!("load + validate + score, {name}"), |b| {
                b.iter(|| {
                    let lib = load(&options);
                    black_box(rank(&lib.providers, &lib.checklist, &priorities, today).len())
                });
            });
        }
        group.finish();
    }
}

criterion_group!(scale, benches);
criterion_main!(scale);
