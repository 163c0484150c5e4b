//! The pure core: content formats, loading, checklist, scoring, search and export. Nothing here
//! knows about terminals beyond making text safe to print.

pub mod ascii;
pub mod checklist;
pub mod config;
pub mod date;
pub mod diagnostics;
pub mod export;
pub mod fields;
pub mod guide;
pub mod layout;
pub mod loader;
pub mod paths;
pub mod provider;
pub mod sanitize;
pub mod scoring;
pub mod search;
pub mod session;
pub mod store;
pub mod synthetic;
pub mod template;
pub mod words;
