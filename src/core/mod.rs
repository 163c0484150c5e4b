//! The model: content formats, the checklist, provider profiles, scoring, search and export.
//! Pure data and rules: nothing here touches the file system or the clock (that is `crate::io`),
//! and nothing knows about terminals beyond making text safe to print.

pub mod ascii;
pub mod badge;
pub mod checklist;
pub mod citation;
pub mod clinician;
pub mod costs;
pub mod crisis;
pub mod date;
pub mod diagnostics;
pub mod draft;
pub mod export;
pub mod fields;
pub mod filter;
pub mod guide;
pub mod id;
pub mod layout;
pub mod library;
pub mod options;
pub mod provider;
pub mod readiness;
pub mod region;
pub mod sanitize;
pub mod schema;
pub mod scoring;
pub mod search;
pub mod sort;
pub mod template;
pub mod values;
pub mod width;
pub mod words;
