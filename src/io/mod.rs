//! Everything that reads or writes outside the process: loading content files, saving profiles
//! and drafts, the config file, the user's directories and the clock. The model in `crate::core`
//! is filled from here and never calls back.

pub mod clock;
pub mod config;
pub mod loader;
pub mod paths;
pub mod session;
pub mod store;
