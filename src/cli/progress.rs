//! Progress on stderr for work that takes a while (a load of thousands of provider files, a
//! large export): nothing for the first second, then one line rewritten in place, cleared
//! when the work is done. Only on a terminal: a pipe or a file never gets these lines.

use std::io::{self, IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// Quick work shows nothing.
const DELAY: Duration = Duration::from_secs(1);
const EVERY: Duration = Duration::from_millis(100);

/// Whether progress lines may be written: stderr is a terminal.
pub fn wanted() -> bool {
    io::stderr().is_terminal()
}

/// How long to wait before the first line (tests shorten it in debug builds with
/// `KAPGUIDE_TEST_PROGRESS_AFTER_MS`, so that a quick test load would show it).
fn delay() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("KAPGUIDE_TEST_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
    {
        return Duration::from_millis(ms);
    }
    DELAY
}

/// Runs `work`; if `show` and it takes longer than a second, `line()` (say, "loading
/// providers 12,345 / 30,000") is shown on stderr meanwhile and cleared at the end.
pub fn while_running<T>(
    show: bool,
    line: impl Fn() -> String + Send,
    work: impl FnOnce() -> T,
) -> T {
    if !show {
        return work();
    }
    let (done, finished) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut wait = delay();
            let mut width = 0;
            // Ends when `done` is dropped: the work is over.
            while finished.recv_timeout(wait) == Err(RecvTimeoutError::Timeout) {
                let text = format!("kapguide: {}", line());
                width = width.max(text.chars().count());
                write_line(&format!("\r{text:<width$}"));
                wait = EVERY;
            }
            if width > 0 {
                write_line(&format!("\r{:width$}\r", ""));
            }
        });
        let result = work();
        drop(done);
        result
    })
}

fn write_line(text: &str) {
    let mut stderr = io::stderr().lock();
    // A closed stderr is no reason to stop the work.
    let _ = stderr
        .write_all(text.as_bytes())
        .and_then(|()| stderr.flush());
}
