//! kapguide: a terminal guide to Ketamine-Assisted Psychotherapy.
//!
//! `core` is the pure model (formats, checklist, scoring, search, export); `io` fills it from files
//! and saves what the user records; `cli` prints it as plain text; `tui` draws it with ratatui.
//! Both front ends call the same model and I/O functions.

pub mod cli;
pub mod core;
pub mod io;
pub mod tui;
