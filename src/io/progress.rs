//! How far long work has got (a load, an export), shared with whoever shows it, and a way to
//! stop it early.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::core::costs::thousands;

/// Counts shared between the thread doing the work and the one showing it.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    /// Done so far and to do (0 while not known): files read, or bytes written.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    pub fn add_total(&self, n: usize) {
        self.total.fetch_add(n, Ordering::Relaxed);
    }

    pub fn advance(&self, n: usize) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    /// Asks the work to stop; it then returns nothing rather than part of its result.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// `out`, counting the bytes written into this progress and failing once it is cancelled
    /// (so a cancelled export stops at its next write).
    pub fn counting<'a>(&'a self, out: &'a mut dyn Write) -> Counting<'a> {
        Counting {
            out,
            progress: self,
        }
    }
}

/// `1234567` bytes as `1.2 MB`.
pub fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// What a load of provider files has done: "loading providers 12,345 / 30,000" (the total is
/// left out while the directories are still being listed).
pub fn loading_line(done: usize, total: usize) -> String {
    if total == 0 {
        "loading providers…".to_string()
    } else {
        let count = |n: usize| thousands(n as u64);
        format!("loading providers {} / {}", count(done), count(total))
    }
}

/// See [`Progress::counting`].
pub struct Counting<'a> {
    out: &'a mut dyn Write,
    progress: &'a Progress,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.progress.is_cancelled() {
            // Not `Interrupted`: `write_all` would retry that forever.
            return Err(io::Error::other("cancelled"));
        }
        let n = self.out.write(buf)?;
        self.progress.advance(n);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(loading_line(0, 0), "loading providers…");
        assert_eq!(
            loading_line(12345, 30000),
            "loading providers 12,345 / 30,000"
        );
    }

    #[test]
    fn counts_what_is_written_and_stops_once_cancelled() {
        let progress = Progress::default();
        let mut out = Vec::new();
        progress.counting(&mut out).write_all(b"hello").unwrap();
        assert_eq!(progress.counts(), (5, 0));
        progress.cancel();
        let error = progress.counting(&mut out).write_all(b"more").unwrap_err();
        assert_eq!(error.to_string(), "cancelled");
        assert_eq!(out, b"hello");
    }
}
