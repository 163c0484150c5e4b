//! kapguide: a terminal guide to Ketamine-Assisted Psychotherapy.
//!
//! `core` is pure (formats, loading, scoring, search, export); `cli` prints it as plain text;
//! `tui` draws it with ratatui. Both front ends call the same core functions.

pub mod cli;
pub mod core;
pub mod tui;
