//! Budgets (release build, this 2-core machine): scoring 10,000 providers × the checklist ≤ 5 ms;
//! loading and validating 200 provider files from disk ≤ 25 ms; one search keystroke over
//! 10,000 providers ≤ 16 ms; parsing and laying out a 1 MiB guide nested to the limit ≤ 100 ms,
//! refusing one nested deeper ≤ 10 ms (time grows linearly with the file: 10,000 nested quotes
//! once took 5 s). Run: `cargo bench --bench core`.

#[path = "support/synthetic.rs"]
#[allow(dead_code)] // each bench uses part of the generator
mod synthetic;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;

use kapguide::core::date::Date;
use kapguide::core::guide::{Guide, MAX_NESTING};
use kapguide::core::layout::layout_guide;
use kapguide::core::scoring::{AnswerMatrix, Priorities, Scorer, rank};
use kapguide::core::search::SearchIndex;
use kapguide::io::loader::{LoadOptions, load};

fn benches(c: &mut Criterion) {
    let bundled = load(&LoadOptions::default());
    let checklist = &bundled.checklist;
    let today = Date::parse("2026-11-25").expect("valid date");
    let priorities = Priorities::default();
    let many = synthetic::providers(10_000, checklist, 7);

    // What a priority change costs: answers were resolved when the profiles loaded.
    let matrix = AnswerMatrix::new(&many, checklist);
    c.bench_function("score 10k providers", |b| {
        b.iter(|| {
            let scorer = Scorer::new(checklist, &priorities, today);
            for (row, provider) in many.iter().enumerate() {
                black_box(scorer.score_cells(provider, matrix.row(row)));
            }
        });
    });
    c.bench_function("resolve answers of 10k providers", |b| {
        b.iter(|| black_box(AnswerMatrix::new(&many, checklist)));
    });
    c.bench_function("rank 10k providers", |b| {
        b.iter(|| black_box(rank(&many, checklist, &priorities, today)));
    });

    let dir = tempfile::tempdir().expect("temp dir");
    synthetic::write_files(dir.path(), 200, checklist, 11).expect("write synthetic files");
    let options = LoadOptions {
        provider_dirs: vec![dir.path().to_path_buf()],
        ..LoadOptions::default()
    };
    c.bench_function("load bundled + 200 provider files", |b| {
        b.iter(|| black_box(load(&options)));
    });

    let mut large = bundled.clone();
    large.providers.extend(many.iter().cloned());
    let index = SearchIndex::new(&large);
    c.bench_function("search keystroke, 10k providers", |b| {
        b.iter(|| black_box(index.search("integ", 50)));
    });
    c.bench_function("search no match, 10k providers", |b| {
        b.iter(|| black_box(index.search("zqxj", 50)));
    });
}

/// A guide whose body is `line` repeated to about 1 MiB (the loader's file limit).
fn big_guide(line: &str) -> String {
    let front = "+++\nid = \"big\"\ntitle = \"Big\"\nreviewed = 2026-11-25\nsources = [{ id = \"t\", title = \"T\", url = \"https://example.org\" }]\n+++\n## Part\n\n";
    let mut text = front.to_string();
    while text.len() + line.len() < 1024 * 1024 {
        text.push_str(line);
    }
    text
}

fn nesting(c: &mut Criterion) {
    let path = Path::new("big.md");
    let at_limit = big_guide(&format!("{} text.[^t]\n\n", ">".repeat(MAX_NESTING)));
    c.bench_function("parse + lay out 1 MiB guide nested to the limit", |b| {
        b.iter(|| {
            let (guide, _) = Guide::parse(path, &at_limit);
            black_box(layout_guide(&guide.expect("within the limit"), 80))
        });
    });
    let too_deep = big_guide(&">".repeat(1000));
    c.bench_function("refuse 1 MiB guide nested too deeply", |b| {
        b.iter(|| black_box(Guide::parse(path, &too_deep)));
    });
}

criterion_group!(core, benches, nesting);
criterion_main!(core);
