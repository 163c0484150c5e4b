//! TUI budgets (release build): a full frame at 200×60 ≤ 2 ms; a key press to its frame with
//! 10,000 providers loaded ≤ 16 ms; the first frame after start (load, App::new, draw) ≤ 25 ms.
//! Run: `cargo bench --bench tui`.

#[path = "support/synthetic.rs"]
#[allow(dead_code)] // each bench uses part of the generator
mod synthetic;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kapguide::core::date::Date;
use kapguide::io::loader::LoadOptions;
use kapguide::io::session::Context;
use kapguide::tui::action::{Action, View};
use kapguide::tui::{App, Files, Startup, Theme, dispatch, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn make_app(size: (u16, u16), extra_providers: usize) -> App {
    let mut context =
        Context::load(LoadOptions::default(), None, &[], false).expect("no overrides");
    let many = synthetic::providers(extra_providers, &context.library.checklist, 7);
    context.library.providers.extend(many);
    context.library.providers.sort_by(|a, b| a.id.cmp(&b.id));
    context.today = Date::parse("2026-11-25").expect("valid date");
    let startup = Startup {
        first_run: false,
        drafts: Vec::new(),
        draft_problems: Vec::new(),
        theme: Theme::colour(false),
        size,
    };
    App::new(context, startup)
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Files::in_dir(dir.path());

    let mut group = c.benchmark_group("full frame 200x60");
    for view in [View::Guides, View::Checklist, View::Compare] {
        let mut app = make_app((200, 60), 0);
        app.update(Action::View(view));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
        group.bench_function(format!("{view:?}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| views::render(black_box(&app), frame))
                    .expect("draw");
                // A fresh back buffer each time, so every cell is drawn and compared again.
                terminal.clear().expect("clear");
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("key to frame, 10k providers, 120x40");
    for (view, name) in [
        (View::Compare, "compare j/k"),
        (View::Checklist, "picker j/k"),
    ] {
        let mut app = make_app((120, 40), 10_000);
        app.update(Action::View(view));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let mut down = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                let key = if down { Action::Down } else { Action::Up };
                down = !down;
                dispatch(&mut app, &mut files, key);
                terminal
                    .draw(|frame| views::render(&app, frame))
                    .expect("draw");
            })
        });
    }
    let mut app = make_app((120, 40), 10_000);
    app.update(Action::View(View::Compare));
    app.update(Action::Priorities);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut up = true;
    group.bench_function("priority change (re-scores all)", |b| {
        b.iter(|| {
            let key = if up { Action::More } else { Action::Less };
            up = !up;
            dispatch(&mut app, &mut files, key);
            terminal
                .draw(|frame| views::render(&app, frame))
                .expect("draw");
        })
    });
    group.finish();

    c.bench_function("first frame: load, App::new, draw 120x40", |b| {
        b.iter(|| {
            let app = make_app((120, 40), 0);
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            terminal
                .draw(|frame| views::render(&app, frame))
                .expect("draw");
            black_box(terminal);
        })
    });
}

criterion_group!(tui, benches);
criterion_main!(tui);
