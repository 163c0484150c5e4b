//! Shared by the TUI tests: the real app on bundled data, with its files in a temporary
//! directory and today pinned, driven through the real run loop into a `TestBackend`.
#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};

use kapguide::core::date::Date;
use kapguide::io::loader::LoadOptions;
use kapguide::io::session::Context;
use kapguide::tui::{self, App, Files, Startup, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tempfile::TempDir;

pub const TODAY: &str = "2026-11-28";

pub fn today() -> Date {
    Date::parse(TODAY).unwrap()
}

/// What `Context::load` builds, but reading the user's files from `home` instead of the real
/// home directory. A test that creates `home/guides` or `home/providers` gets them as
/// `--guides` and `--providers` directories.
pub fn context(home: &Path) -> Context {
    let context = context_with(home, &[]);
    assert!(
        context.config_problems.is_empty(),
        "{:?}",
        context.config_problems
    );
    context
}

/// `context`, with `--priority` overrides and whatever config problems the files have.
pub fn context_with(home: &Path, priority_overrides: &[&str]) -> Context {
    let overrides: Vec<String> = priority_overrides.iter().map(|s| s.to_string()).collect();
    let options = LoadOptions {
        user_providers_dir: Some(home.join("data/providers")),
        guides_dir: Some(home.join("guides")).filter(|d| d.is_dir()),
        provider_dirs: vec![home.join("providers")]
            .into_iter()
            .filter(|d| d.is_dir())
            .collect(),
        ..LoadOptions::default()
    };
    let mut context = Context::load(
        options,
        Some(&home.join("config/config.toml")),
        &overrides,
        false,
    )
    .expect("valid priority overrides");
    context.today = today();
    context
}

pub struct Session {
    pub app: App,
    pub files: Files,
    pub terminal: Terminal<TestBackend>,
    pub home: PathBuf,
    /// Deleted when the session is dropped.
    dir: Option<TempDir>,
}

impl Session {
    /// A session past the first-run notice, in colour.
    pub fn new(width: u16, height: u16) -> Session {
        Session::with(width, height, Theme::colour(false), false)
    }

    pub fn with(width: u16, height: u16, theme: Theme, first_run: bool) -> Session {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().to_path_buf();
        let mut session = Session::open(&home, width, height, theme, first_run);
        session.dir = Some(dir);
        session
    }

    /// A session on an existing home (as after a restart), reading its drafts like `tui::run`.
    pub fn open(home: &Path, width: u16, height: u16, theme: Theme, first_run: bool) -> Session {
        Session::open_with(home, (width, height), theme, first_run, context(home))
    }

    /// `open` with a context of the test's own (overrides, config problems).
    pub fn open_with(
        home: &Path,
        (width, height): (u16, u16),
        theme: Theme,
        first_run: bool,
        context: Context,
    ) -> Session {
        let mut files = Files::in_dir(&home.join("data"));
        let (drafts, draft_problems) = files.drafts(&context.library.checklist);
        let startup = Startup {
            first_run,
            drafts,
            draft_problems,
            theme,
            size: (width, height),
        };
        let app = App::new(context, startup);
        let terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut session = Session {
            app,
            files,
            terminal,
            home: home.to_path_buf(),
            dir: None,
        };
        session.run(Vec::new());
        session
    }

    /// Keeps `old`'s temporary directory alive with this session (a restart on the same files).
    pub fn adopt(&mut self, mut old: Session) {
        self.dir = old.dir.take();
    }

    pub fn run(&mut self, events: Vec<Event>) {
        tui::run_loop(
            &mut self.terminal,
            &mut self.app,
            &mut self.files,
            events,
            false,
        )
        .unwrap();
    }

    /// Types each character as a key press.
    pub fn keys(&mut self, keys: &str) {
        self.run(keys.chars().map(|c| key(KeyCode::Char(c))).collect());
    }

    /// In a walk-through: each character is an answer key, followed by Enter to move on to
    /// the next question (an answer alone stays on its question).
    pub fn answer(&mut self, answers: &str) {
        for c in answers.chars() {
            self.run(vec![key(KeyCode::Char(c)), key(KeyCode::Enter)]);
        }
    }

    /// A left click at column `x`, row `y`, as with `--mouse`.
    pub fn click(&mut self, x: u16, y: u16) {
        let event = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        });
        tui::run_loop(
            &mut self.terminal,
            &mut self.app,
            &mut self.files,
            vec![event],
            true,
        )
        .unwrap();
    }

    /// Where the screen first shows `text` (column, row), counting columns as drawn.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        self.screen().lines().enumerate().find_map(|(y, line)| {
            let at = line.find(text)?;
            let x = kapguide::core::width::display_width(&line[..at]);
            Some((x as u16, y as u16))
        })
    }

    /// Clicks the middle of the first place the screen shows `text`.
    pub fn click_text(&mut self, text: &str) {
        let (x, y) = self
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not on the screen:\n{}", self.screen()));
        let middle = kapguide::core::width::display_width(text) as u16 / 2;
        self.click(x + middle, y);
    }

    pub fn press(&mut self, code: KeyCode) {
        self.run(vec![key(code)]);
    }

    pub fn ctrl(&mut self, c: char) {
        self.run(vec![Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        ))]);
    }

    /// From anywhere at the top of a view: names a new provider in the Checklist and takes the
    /// details' defaults, arriving at the first question.
    pub fn add_provider(&mut self, name: &str) {
        self.name_provider(name);
        self.press(KeyCode::Enter);
    }

    /// Names a new provider in the Checklist, arriving at its details (or, for a name already
    /// known, at its walk-through).
    pub fn name_provider(&mut self, name: &str) {
        self.keys("2a");
        self.keys(name);
        self.press(KeyCode::Enter);
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.run(vec![Event::Resize(width, height)]);
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        let width = usize::from(buffer.area.width);
        buffer
            .content
            .chunks(width)
            .map(|row| {
                let mut line = String::new();
                let mut skip = 0;
                for cell in row {
                    if skip == 0 {
                        line.push_str(cell.symbol());
                    }
                    skip = skip
                        .max(kapguide::core::width::display_width(cell.symbol()))
                        .saturating_sub(1);
                }
                line.trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The ids of the providers shown in Compare, left to right.
    pub fn shown_ids(&self) -> Vec<String> {
        self.app
            .shown_providers()
            .iter()
            .map(|p| p.id.to_string())
            .collect()
    }

    /// "n/N": the walk-through's progress at question `n`, N counted from the checklist.
    pub fn progress(&self, n: usize) -> String {
        format!("{n}/{}", self.app.library().checklist.questions.len())
    }

    pub fn status(&self) -> String {
        self.app
            .status()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    pub fn data(&self) -> PathBuf {
        self.home.join("data")
    }
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}
