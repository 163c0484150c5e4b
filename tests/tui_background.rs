//! Work the app runs off the UI thread: the provider load at start (its progress in Checklist
//! and Compare, quitting in the middle of it) and exports (the app in use meanwhile, quitting
//! in the middle of one).

mod tui_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use kapguide::io::loader::{Library, LoadOptions, Progress, load, load_guides_and_checklist};
use kapguide::io::session::Context;
use kapguide::tui::action::{Action, ExportContents, Reply, View};
use kapguide::tui::app::Mode;
use kapguide::tui::{self, App, Background, Files, Input, Next, Startup, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_support::{Session, key, today};

/// `count` copies of a bundled sample profile, each its own provider (the id is the file name).
fn provider_dir(dir: &Path, count: usize) -> PathBuf {
    let sample = fs::read_to_string("providers/heron-and-teacup-integrative-therapy.toml").unwrap();
    let providers = dir.join("providers");
    fs::create_dir_all(&providers).unwrap();
    for n in 0..count {
        fs::write(providers.join(format!("copy-{n:05}.toml")), &sample).unwrap();
    }
    providers
}

fn options(providers: &Path) -> LoadOptions {
    LoadOptions {
        provider_dirs: vec![providers.to_path_buf()],
        bundled_providers: false,
        today: today(),
        ..LoadOptions::default()
    }
}

/// The app on `library`, at 100×30.
fn app(library: Library, options: LoadOptions) -> App {
    let mut context = Context::with_library(library, options, None, &[], false).unwrap();
    context.today = today();
    let startup = Startup {
        first_run: false,
        drafts: Vec::new(),
        draft_problems: Vec::new(),
        theme: Theme::colour(false),
        size: (100, 30),
    };
    App::new(context, startup)
}

/// The app as `kapguide` starts it: everything but the providers, which load in the background.
fn app_without_providers(options: LoadOptions) -> App {
    app(load_guides_and_checklist(&options), options)
}

/// The real loop on `app`, with its files in `data`, until `input` ends or quits.
fn run(
    app: &mut App,
    data: &Path,
    background: &mut Background,
    mut input: After,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut files = Files::in_dir(data);
    tui::run_with(
        &mut terminal,
        app,
        &mut files,
        &mut input,
        background,
        false,
    )
    .unwrap();
    terminal
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    buffer
        .content
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn ctrl_c() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
}

/// Input that lets `ticks` background ticks pass, then gives its events.
struct After {
    ticks: usize,
    events: std::vec::IntoIter<Event>,
}

impl Input for After {
    fn next(&mut self, wait: Option<Duration>) -> Next {
        if self.ticks > 0 && wait != Some(Duration::ZERO) {
            self.ticks -= 1;
            std::thread::sleep(Duration::from_millis(5));
            return Next::Timeout;
        }
        self.events.next().map_or(Next::End, Next::Event)
    }
}

#[test]
fn checklist_and_compare_show_the_load_s_progress_and_everything_else_works_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let providers = provider_dir(dir.path(), 3);
    let mut app = app_without_providers(options(&providers));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    app.update(Action::Done(Reply::LoadProgress {
        done: 12_345,
        total: 30_000,
    }));
    for view in [View::Compare, View::Checklist] {
        app.update(Action::View(view));
        assert_eq!(app.mode(), Mode::Loading, "{view:?}");
        app.update(Action::Down);
        terminal
            .draw(|frame| tui::views::render(&app, frame))
            .unwrap();
        let shown = screen(&terminal);
        assert!(
            shown.contains("Loading providers 12,345 / 30,000"),
            "{view:?}:\n{shown}"
        );
        assert!(shown.contains("crisis"), "{shown}");
    }
    // The crisis lines and the guides do not wait for the providers.
    app.update(Action::Crisis);
    assert_eq!(app.mode(), Mode::Crisis);
    app.update(Action::Back);
    app.update(Action::View(View::Guides));
    assert_eq!(app.mode(), Mode::Toc);
    assert!(app.library().providers.is_empty());

    // Then all of them at once.
    let load = kapguide::io::loader::load_provider_dirs(
        &options(&providers),
        &app.library().checklist,
        &Progress::default(),
    )
    .unwrap();
    app.update(Action::Done(Reply::ProvidersLoaded(Box::new(load))));
    app.update(Action::View(View::Compare));
    assert!(!app.is_loading());
    assert_ne!(app.mode(), Mode::Loading);
    assert_eq!(app.library().providers.len(), 3);
    assert_eq!(app.shown_providers().len(), 3);
}

#[test]
fn the_first_frame_comes_before_the_providers_and_they_follow() {
    let dir = tempfile::tempdir().unwrap();
    let providers = provider_dir(dir.path(), 200);
    let mut app = app_without_providers(options(&providers));
    app.update(Action::View(View::Compare));
    let mut background = Background::new();
    background.load_providers(options(&providers), app.library().checklist.clone());
    // No input at all: the loop waits for the load, as a script's end does.
    let input = After {
        ticks: 0,
        events: Vec::new().into_iter(),
    };
    let terminal = run(&mut app, &dir.path().join("data"), &mut background, input);
    assert!(!app.is_loading());
    assert_eq!(app.library().providers.len(), 200);
    let shown = screen(&terminal);
    assert!(!shown.contains("Loading providers"), "{shown}");
    assert!(shown.contains("200 shown"), "{shown}");
}

/// Quitting (Ctrl-C or q) at any point of the load: the app has no providers or all of them,
/// never some, and the load's thread has stopped when the loop returns.
#[test]
fn an_interrupted_load_leaves_no_partial_state() {
    const COUNT: usize = 1500;
    let dir = tempfile::tempdir().unwrap();
    let providers = provider_dir(dir.path(), COUNT);
    let mut interrupted = 0;
    for (ticks, quit) in [(0, ctrl_c()), (3, key(KeyCode::Char('q'))), (20, ctrl_c())] {
        let mut app = app_without_providers(options(&providers));
        app.update(Action::View(View::Compare));
        let mut background = Background::new();
        background.load_providers(options(&providers), app.library().checklist.clone());
        let input = After {
            ticks,
            events: vec![quit].into_iter(),
        };
        run(&mut app, &dir.path().join("data"), &mut background, input);
        assert!(app.should_quit());
        assert!(!background.is_busy());
        let loaded = app.library().providers.len();
        if app.is_loading() {
            interrupted += 1;
            assert_eq!(loaded, 0, "after {ticks} ticks");
        } else {
            assert_eq!(loaded, COUNT, "after {ticks} ticks");
        }
    }
    // At least one quit came while files were still being read (else this proved nothing).
    assert!(interrupted > 0);
}

/// The export the Compare view writes, as JSON, through the real loop: started, the app used
/// meanwhile (the crisis key included), then the file complete.
#[test]
fn an_export_runs_in_the_background_while_the_app_is_used() {
    let mut s = Session::new(100, 30);
    s.keys("3ej!");
    // The loop waited for it at the end of the keys: the file is whole, and the crisis lines
    // opened while it was written.
    assert_eq!(s.app.mode(), Mode::Crisis);
    let exports = s.home.join("data/exports");
    let names: Vec<String> = fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [format!("comparison-{}.json", tui_support::TODAY)]);
    let text = fs::read_to_string(exports.join(&names[0])).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        json["providers"].as_array().unwrap().len(),
        s.app.library().providers.len()
    );
    assert!(s.app.status().unwrap().text.starts_with("Saved "));
}

#[test]
fn while_an_export_runs_its_progress_shows_and_a_second_waits() {
    let mut s = Session::new(100, 30);
    s.keys("3");
    let mut effects = s.app.update(Action::Export);
    effects.extend(
        s.app
            .update(Action::ExportAs(kapguide::core::export::Format::Csv)),
    );
    assert_eq!(effects.len(), 1);
    s.app
        .update(Action::Done(Reply::ExportProgress { bytes: 2_500_000 }));
    s.app.update(Action::Down);
    s.terminal
        .draw(|frame| tui::views::render(&s.app, frame))
        .unwrap();
    assert!(
        s.screen()
            .contains("Exporting in the background: 2.5 MB written")
    );
    // A second export is refused until the first is saved, and said so.
    s.app.update(Action::Export);
    let again = s
        .app
        .update(Action::ExportAs(kapguide::core::export::Format::Csv));
    assert!(again.is_empty());
    assert!(s.app.status().unwrap().error);
    s.app
        .update(Action::Done(Reply::Exported(Ok(PathBuf::from("x.csv")))));
    s.app.update(Action::Export);
    let after = s
        .app
        .update(Action::ExportAs(kapguide::core::export::Format::Csv));
    assert_eq!(after.len(), 1);
}

/// Quitting while an export is written leaves the whole file or none, and never a temporary
/// file: the export is cancelled and its temporary file removed before the loop returns.
#[test]
fn an_export_interrupted_by_quitting_leaves_a_complete_file_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let providers = provider_dir(dir.path(), 1500);
    let options = options(&providers);
    let mut app = app(load(&options), options);
    let data = dir.path().join("data");
    let mut background = Background::new();
    let keys = "3ej".chars().map(|c| key(KeyCode::Char(c)));
    let input = After {
        ticks: 0,
        events: keys.chain([ctrl_c()]).collect::<Vec<_>>().into_iter(),
    };
    run(&mut app, &data, &mut background, input);
    assert!(app.should_quit());
    let exports = data.join("exports");
    let names: Vec<String> = fs::read_dir(&exports)
        .map(|entries| {
            let names = entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
            names.collect()
        })
        .unwrap_or_default();
    assert!(names.len() <= 1, "{names:?}");
    for name in &names {
        assert!(name.ends_with(".json") && !name.starts_with('.'), "{name}");
        let text = fs::read_to_string(exports.join(name)).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["providers"].as_array().unwrap().len(), 1500);
    }
}

#[test]
fn a_cancelled_export_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let progress = Progress::default();
    progress.cancel();
    let contents = ExportContents::Text("some text".repeat(100_000));
    let result = tui::files::export(dir.path(), "sheet", "md", &contents, &progress);
    assert!(result.is_err());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    // Not cancelled, the same export is written whole.
    let path =
        tui::files::export(dir.path(), "sheet", "md", &contents, &Progress::default()).unwrap();
    assert_eq!(
        fs::read_to_string(path).unwrap(),
        "some text".repeat(100_000)
    );
}

/// Keys typed faster than the search runs: each only edits the query, and the search runs
/// once for the query as it stands when no key is waiting (the loop's `Idle`), so the queries
/// typed over are dropped, never queued behind each other.
#[test]
fn a_burst_of_typing_searches_once_for_the_last_query() {
    let mut s = Session::new(100, 30);
    s.app.update(Action::Search);
    for c in "integration".chars() {
        s.app.update(Action::Type(c));
    }
    assert!(s.app.search_hits().is_empty());
    s.app.update(Action::Idle);
    let hits = s.app.search_hits().to_vec();
    assert!(!hits.is_empty());
    // The same as searching for the whole word at once, in the real loop.
    let mut t = Session::new(100, 30);
    t.keys("/integration");
    assert_eq!(t.app.search_hits(), hits);
    // Enter acts on the query as typed, even with no pause before it.
    s.app.update(Action::Backspace);
    s.app.update(Action::Open);
    assert_ne!(s.app.mode(), Mode::Search);
}
