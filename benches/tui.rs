//! TUI budgets (release build), each the whole path through the real `App` into a
//! `TestBackend`: a full frame at 200×60 ≤ 2 ms; a key press to its frame with 10,000 providers
//! loaded ≤ 16 ms (search keystrokes included: key → `App::update` → the search → render), and
//! Compare j/k at 100,000; the first frame after start (guides, `App::new`, the provider load
//! started in the background, draw) ≤ 25 ms at any provider count.
//! Run: `nice -n 19 cargo bench --bench tui` (the provider files for the first frame are the
//! ones `cargo bench --bench scale` writes, made here if missing).

#[path = "support/synthetic.rs"]
#[allow(dead_code)] // each bench uses part of the generator
mod synthetic;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use kapguide::core::date::Date;
use kapguide::io::loader::{LoadOptions, load_guides_and_checklist};
use kapguide::io::session::Context;
use kapguide::tui::action::{Action, View};
use kapguide::tui::{App, Background, Files, Input, Next, Startup, Theme, dispatch, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn startup(size: (u16, u16)) -> Startup {
    Startup {
        first_run: false,
        drafts: Vec::new(),
        draft_problems: Vec::new(),
        theme: Theme::colour(false),
        size,
    }
}

fn make_app(size: (u16, u16), extra_providers: usize) -> App {
    let mut context =
        Context::load(LoadOptions::default(), None, &[], false).expect("no overrides");
    let many = synthetic::providers(extra_providers, &context.library.checklist, 7);
    context.library.providers.extend(many);
    context.library.providers.sort_by(|a, b| a.id.cmp(&b.id));
    context.today = Date::parse("2026-11-25").expect("valid date");
    App::new(context, startup(size))
}

/// Ctrl-C as soon as the first frame is drawn, noting when that was (the app asks for input
/// only once the frame is on the screen).
#[derive(Default)]
struct QuitAtOnce {
    first_frame_at: Option<Instant>,
}

impl Input for QuitAtOnce {
    fn next(&mut self, _wait: Option<Duration>) -> Next {
        self.first_frame_at.get_or_insert_with(Instant::now);
        Next::Event(Event::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        )))
    }
}

/// What `kapguide` does before its first frame, on a directory of `count` provider files: the
/// guides and checklist, the provider load started on other threads, `App::new`, the first draw.
/// The time is taken up to the first frame; then it quits, which stops the load (outside the
/// time: the budget is for what the user waits for before seeing the app).
fn first_frame(c: &mut Criterion, files: &mut Files) {
    let checklist = Context::load(LoadOptions::default(), None, &[], false)
        .expect("no overrides")
        .library
        .checklist;
    let mut group = c.benchmark_group("first frame 120x40, then quit");
    for count in [0, 10_000, 100_000] {
        let options = LoadOptions {
            provider_dirs: (count > 0)
                .then(|| synthetic::cached_mixed(count, &checklist))
                .into_iter()
                .collect(),
            ..LoadOptions::default()
        };
        group.bench_function(format!("{count} provider files"), |b| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| time_to_first_frame(&options, files))
                    .sum()
            });
        });
    }
    group.finish();
}

fn time_to_first_frame(options: &LoadOptions, files: &mut Files) -> Duration {
    let start = Instant::now();
    let library = load_guides_and_checklist(options);
    let context =
        Context::with_library(library, options.clone(), None, &[], false).expect("no overrides");
    let mut background = Background::new();
    background.load_providers(options.clone(), context.library.checklist.clone());
    let mut app = App::new(context, startup((120, 40)));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut input = QuitAtOnce::default();
    kapguide::tui::run_with(
        &mut terminal,
        &mut app,
        files,
        &mut input,
        &mut background,
        false,
    )
    .expect("draw");
    black_box(terminal);
    input.first_frame_at.expect("a frame was drawn") - start
}

/// A search keystroke as the loop runs it: the key, then (no more keys waiting) the search for
/// the query as typed, then the frame.
struct Keystrokes<'a> {
    app: &'a mut App,
    files: &'a mut Files,
    background: &'a mut Background,
    terminal: &'a mut Terminal<TestBackend>,
}

impl Keystrokes<'_> {
    /// Times keystrokes that type `letter` and take it back in turn, so the query grows and
    /// shrinks by a letter.
    fn bench(&mut self, group: &mut BenchmarkGroup<'_, WallTime>, name: &str, letter: char) {
        let mut grow = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                let key = if grow {
                    Action::Type(letter)
                } else {
                    Action::Backspace
                };
                grow = !grow;
                dispatch(self.app, self.files, self.background, key);
                dispatch(self.app, self.files, self.background, Action::Idle);
                self.terminal
                    .draw(|frame| views::render(self.app, frame))
                    .expect("draw");
            });
        });
    }
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Files::in_dir(dir.path());
    let mut background = Background::new();

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
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("key to frame, 120x40");
    for (view, name, count) in [
        (View::Compare, "compare j/k, 10k providers", 10_000),
        (View::Checklist, "picker j/k, 10k providers", 10_000),
        (View::Compare, "compare j/k, 100k providers", 100_000),
    ] {
        let mut app = make_app((120, 40), count);
        app.update(Action::View(view));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let mut down = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                let key = if down { Action::Down } else { Action::Up };
                down = !down;
                dispatch(&mut app, &mut files, &mut background, key);
                terminal
                    .draw(|frame| views::render(&app, frame))
                    .expect("draw");
            });
        });
    }
    let mut app = make_app((120, 40), 10_000);
    app.update(Action::View(View::Compare));
    app.update(Action::Priorities);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut up = true;
    group.bench_function("priority change (re-scores all), 10k providers", |b| {
        b.iter(|| {
            let key = if up { Action::More } else { Action::Less };
            up = !up;
            dispatch(&mut app, &mut files, &mut background, key);
            terminal
                .draw(|frame| views::render(&app, frame))
                .expect("draw");
        });
    });
    // Search keystrokes with 10,000 providers, the query at "integ".
    let mut app = make_app((120, 40), 10_000);
    dispatch(&mut app, &mut files, &mut background, Action::Search);
    for c in "integ".chars() {
        dispatch(&mut app, &mut files, &mut background, Action::Type(c));
    }
    let mut search = Keystrokes {
        app: &mut app,
        files: &mut files,
        background: &mut background,
        terminal: &mut terminal,
    };
    search.bench(&mut group, "search keystroke, 10k providers", 'r');
    // The same with a typo: the word is corrected against the vocabulary (built as search
    // opened), so the keystroke also works out edit distances.
    for c in "rr".chars() {
        dispatch(search.app, search.files, search.background, Action::Type(c));
    }
    search.bench(
        &mut group,
        "search keystroke with a typo, 10k providers",
        'o',
    );
    group.finish();

    first_frame(c, &mut files);
}

criterion_group!(tui, benches);
criterion_main!(tui);
