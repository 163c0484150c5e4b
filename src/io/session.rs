//! Everything a view needs, loaded once: the library, the user's config and priorities (with
//! one-run overrides), and today's date. The CLI and the TUI both start from this.

use std::path::Path;

use super::config::{Config, PriorityArgError, parse_priority_arg};
use super::loader::{self, Library, LoadOptions};
use crate::core::costs::CourseShape;
use crate::core::date::Date;
use crate::core::diagnostics::Problem;
use crate::core::scoring::Priorities;

pub struct Context {
    pub options: LoadOptions,
    pub library: Library,
    /// The config file as read; its priorities do not include one-run overrides.
    pub config: Config,
    /// Problems in the config file (the defaults were used for what could not be read).
    pub config_problems: Vec<Problem>,
    /// The config's priorities with `--priority` overrides applied: what scores use.
    pub priorities: Priorities,
    /// The course shape cost estimates price (from the config).
    pub course: CourseShape,
    pub today: Date,
    pub ascii: bool,
}

impl Context {
    /// Loads the library and config; `Err` is the first bad priority override (`CATEGORY=N`).
    pub fn load(
        options: LoadOptions,
        config_file: Option<&Path>,
        priority_overrides: &[String],
        ascii: bool,
    ) -> Result<Context, PriorityArgError> {
        let library = loader::load(&options);
        Context::with_library(library, options, config_file, priority_overrides, ascii)
    }

    /// [`Context::load`] with a library loaded otherwise: the interactive app's has no
    /// providers yet (it loads them in the background, see `tui::Background`), the command
    /// line's counts its progress (`loader::load_with_progress`).
    pub fn with_library(
        library: Library,
        options: LoadOptions,
        config_file: Option<&Path>,
        priority_overrides: &[String],
        ascii: bool,
    ) -> Result<Context, PriorityArgError> {
        let (config, config_problems) = Config::load(config_file, &library.checklist);
        let mut priorities = config.priorities.clone();
        for arg in priority_overrides {
            let (category, value) = parse_priority_arg(arg, &library.checklist)?;
            priorities.set(&category, value);
        }
        Ok(Context {
            today: options.today,
            options,
            library,
            course: config.course,
            config,
            config_problems,
            priorities,
            ascii,
        })
    }
}
