//! The interactive app: `kapguide` with no arguments.
//!
//! One synchronous loop: wait for the next terminal event, map it through the keymap to an
//! [`Action`], let [`App::update`] change the state, run the file [`Effect`]s it asks for (their
//! results go back in as actions), then draw from `&App`. Keys already waiting are all taken
//! before the next frame, so a burst of typing costs one search and one frame. Slow work (the
//! provider load, exports) runs on other threads ([`Background`]); while it runs the loop wakes
//! every tick to pass on its progress, otherwise nothing happens while no key is pressed.

pub mod action;
pub mod app;
pub mod background;
pub mod files;
pub mod geometry;
pub mod keymap;
pub mod text;
pub mod theme;
pub mod views;

use std::collections::VecDeque;
use std::io::{self, stdout};
use std::process::ExitCode;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

pub use action::{Action, Effect, Reply};
pub use app::{App, Startup};
pub use background::Background;
pub use files::Files;
pub use theme::Theme;

use crate::io::session::Context;

#[derive(Clone, Copy, Debug, Default)]
pub struct TuiOptions {
    /// Mouse wheel and clicks (off by default: capturing the mouse stops text selection).
    pub mouse: bool,
    pub ascii: bool,
}

/// Why the interactive app cannot run here, if it cannot: it needs a real terminal on both
/// ends, and one that understands cursor movement (`TERM=dumb` does not). Checked before
/// anything is written, so a redirected run never receives escape codes.
pub fn unusable_terminal(term: Option<&str>, stdin_tty: bool, stdout_tty: bool) -> Option<String> {
    let why = if !stdin_tty || !stdout_tty {
        "needs a terminal (input or output is redirected)"
    } else if term.is_none_or(|t| t.is_empty() || t == "dumb") {
        "needs a terminal that can move the cursor (TERM is dumb or unset)"
    } else {
        return None;
    };
    Some(format!(
        "kapguide: the interactive app {why}; the same content is available as commands: kapguide guides, kapguide checklist, kapguide providers, kapguide compare --all (see kapguide --help)\n"
    ))
}

/// Runs the app in the real terminal until the user quits.
pub fn run(context: Context, options: TuiOptions) -> ExitCode {
    use std::io::IsTerminal;
    let term = std::env::var("TERM").ok();
    if let Some(message) = unusable_terminal(
        term.as_deref(),
        io::stdin().is_terminal(),
        stdout().is_terminal(),
    ) {
        eprint!("{message}");
        return ExitCode::from(2);
    }
    let mut files = Files::from_env();
    let (drafts, draft_problems) = files.drafts(&context.library.checklist);
    let first_run = files.first_run();
    let theme = Theme::from_env(options.ascii || context.ascii);
    install_panic_hook(options.mouse);
    let result = restore_on_signals(options.mouse)
        .and_then(|()| enter(options.mouse))
        .and_then(|()| {
            let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
            let size = terminal.size()?;
            let startup = Startup {
                first_run,
                drafts,
                draft_problems,
                theme,
                size: (size.width, size.height),
            };
            // The first frame comes before the providers: they load while it shows.
            let mut background = Background::new();
            background.load_providers(context.options.clone(), context.library.checklist.clone());
            let mut app = App::new(context, startup);
            #[cfg(debug_assertions)]
            crash_for_tests();
            let mut input = TerminalInput::default();
            run_with(
                &mut terminal,
                &mut app,
                &mut files,
                &mut input,
                &mut background,
                options.mouse,
            )?;
            // A failed read ends the loop and is reported, never taken for a normal quit.
            input.error.map_or(Ok(()), Err)
        });
    restore(options.mouse);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            crate::io::print_diagnostic(&format!("kapguide: the terminal failed: {e}\n"));
            ExitCode::FAILURE
        }
    }
}

/// What the loop waits on: the terminal, or a test's script of events.
pub trait Input {
    /// The next event, waiting at most `wait` (`None`: until one comes).
    fn next(&mut self, wait: Option<Duration>) -> Next;
}

pub enum Next {
    Event(Event),
    /// Nothing came within the wait.
    Timeout,
    /// No more input: the script is over, or the terminal failed.
    End,
}

/// The real terminal; a failed read ends the input and is kept to be reported.
#[derive(Default)]
struct TerminalInput {
    error: Option<io::Error>,
}

impl Input for TerminalInput {
    fn next(&mut self, wait: Option<Duration>) -> Next {
        let ready = wait.map_or(Ok(true), event::poll);
        match ready.and_then(|ready| ready.then(event::read).transpose()) {
            Ok(Some(event)) => Next::Event(event),
            Ok(None) => Next::Timeout,
            Err(e) => {
                self.error = Some(e);
                Next::End
            }
        }
    }
}

/// A test's events, all waiting from the start.
struct Script<I>(I);

impl<I: Iterator<Item = Event>> Input for Script<I> {
    fn next(&mut self, _wait: Option<Duration>) -> Next {
        self.0.next().map_or(Next::End, Next::Event)
    }
}

/// How often a running background job's progress is passed on.
const TICK: Duration = Duration::from_millis(50);

/// Keys taken before a frame is drawn however fast they come, so the screen still follows a
/// key held down.
const MOST_KEYS_PER_FRAME: usize = 64;

/// The loop on a scripted session, generic over the backend so tests can run whole sessions
/// with `TestBackend`. Work it starts in the background is waited for at the end of the
/// script, so its results are in the app (and its files on disk) when this returns.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    files: &mut Files,
    events: impl IntoIterator<Item = Event>,
    mouse: bool,
) -> Result<(), B::Error> {
    let mut background = Background::new();
    let mut script = Script(events.into_iter());
    run_with(terminal, app, files, &mut script, &mut background, mouse)
}

/// The loop. Draws once at the start and then only after input or background work that meant
/// something. Quitting cancels the background work and waits for it to stop.
pub fn run_with<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    files: &mut Files,
    input: &mut impl Input,
    background: &mut Background,
    mouse: bool,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    for action in background.poll() {
        dispatch(app, files, background, action);
    }
    terminal.draw(|frame| views::render(app, frame))?;
    let mut ended = false;
    while !ended {
        let mut changed = false;
        let mut wait = background.is_busy().then_some(TICK);
        for _ in 0..MOST_KEYS_PER_FRAME {
            match input.next(wait) {
                Next::Event(event) => {
                    if let Some(action) = event_action(app, &event, mouse) {
                        dispatch(app, files, background, action);
                        changed = true;
                    }
                }
                Next::Timeout => break,
                Next::End => {
                    ended = true;
                    break;
                }
            }
            if app.should_quit() {
                background.cancel();
                return Ok(());
            }
            wait = Some(Duration::ZERO);
        }
        let mut done = background.poll();
        while ended && background.is_busy() {
            done.extend(background.finish());
        }
        changed |= !done.is_empty();
        for action in done {
            dispatch(app, files, background, action);
        }
        if changed {
            app.update(Action::Idle);
            terminal.draw(|frame| views::render(app, frame))?;
        }
    }
    Ok(())
}

/// Updates the app with `action`, then runs its effects and feeds their results back (an
/// export's result comes later, from `background`).
pub fn dispatch(app: &mut App, files: &mut Files, background: &mut Background, action: Action) {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in app.update(action) {
            if let Some(reply) = files.run(effect, &app.library().checklist, background) {
                queue.push_back(Action::Done(reply));
            }
        }
    }
}

/// What a terminal event means to the app, if anything.
pub fn event_action(app: &App, event: &Event, mouse: bool) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::lookup(app.mode(), key),
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        Event::Mouse(m) if mouse => match m.kind {
            MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}

fn enter(mouse: bool) -> io::Result<()> {
    abort_guard::save_terminal();
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(stdout(), event::EnableMouseCapture)?;
    }
    Ok(())
}

/// Undoes everything `enter` turned on; safe to call twice and from the panic hook.
fn restore(mouse: bool) {
    if mouse {
        let _ = execute!(stdout(), event::DisableMouseCapture);
    }
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, cursor::Show);
}

/// A panic restores the terminal first, so the message is readable, then reports as usual.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT (a closed terminal window, `kill`, a logout) restore the
/// terminal, then end the process as the signal would have. signal-hook (already built as
/// crossterm's dependency) hands the signal to a thread, so the restore is ordinary code;
/// crossterm itself only listens for window resizes. Answers were saved as each was given.
fn restore_on_signals(mouse: bool) -> io::Result<()> {
    use signal_hook::consts::{SIGABRT, SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore(mouse);
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    // An abort (a panic inside a panic, a stack overflow) runs no Rust code but this handler.
    // SAFETY: the handler only makes async-signal-safe calls (write, tcsetattr).
    unsafe { signal_hook::low_level::register(SIGABRT, abort_guard::restore_raw) }?;
    Ok(())
}

/// Restoring the terminal from inside a signal handler, where no lock or allocation is allowed:
/// the terminal's settings from before raw mode and one fixed escape sequence.
mod abort_guard {
    use std::sync::OnceLock;

    static SAVED: OnceLock<libc::termios> = OnceLock::new();

    /// Mouse reporting off, the normal screen back, the cursor shown.
    const RESET: &[u8] =
        b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

    pub fn save_terminal() {
        // SAFETY: tcgetattr writes into the zeroed struct it is given.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, &raw mut termios) } == 0 {
            let _ = SAVED.set(termios);
        }
    }

    pub fn restore_raw() {
        // SAFETY: write and tcsetattr are async-signal-safe; SAVED is only read.
        unsafe {
            libc::write(libc::STDOUT_FILENO, RESET.as_ptr().cast(), RESET.len());
            if let Some(termios) = SAVED.get() {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, termios);
            }
        }
    }
}

/// Test hook, in debug builds only: `KAPGUIDE_TEST_CRASH=panic-in-drop` (a panic while
/// unwinding, which aborts) or `abort` crashes the app once its screen is set up, so
/// `tests/tui_smoke.rs` can check the terminal is restored all the same.
#[cfg(debug_assertions)]
fn crash_for_tests() {
    struct PanicsOnDrop;
    impl Drop for PanicsOnDrop {
        fn drop(&mut self) {
            panic!("test crash: a panic in drop");
        }
    }
    match std::env::var("KAPGUIDE_TEST_CRASH").as_deref() {
        Ok("panic-in-drop") => {
            let _guard = PanicsOnDrop;
            panic!("test crash: a panic, then another while unwinding");
        }
        Ok("abort") => std::process::abort(),
        _ => {}
    }
}
