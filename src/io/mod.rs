//! Everything that reads or writes outside the process: loading content files, saving profiles
//! and drafts, the config file, the user's directories and the clock. The model in `crate::core`
//! is filled from here and never calls back.

pub mod clock;
pub mod config;
pub mod loader;
mod parallel;
pub mod paths;
pub mod progress;
pub mod session;
pub mod store;

use std::io::Write;

use crate::core::sanitize::sanitize;

/// Writes a message to stderr, made safe for the terminal. A full or closed stderr is no reason
/// to stop (`eprintln!` would panic on it): the message is dropped.
pub fn print_diagnostic(text: &str) {
    let _ = std::io::stderr()
        .lock()
        .write_all(sanitize(text).as_bytes());
}
