//! What was loaded: guides, the checklist, provider profiles and the problems found. Plain data;
//! the code that fills it from files lives in `io::loader`.

use super::checklist::Checklist;
use super::crisis::CrisisLines;
use super::diagnostics::Problem;
use super::guide::Guide;
use super::options::OptionsGrid;
use super::provider::Provider;

#[derive(Clone, Debug, Default)]
pub struct Library {
    /// In `order`, then id.
    pub guides: Vec<Guide>,
    pub checklist: Checklist,
    /// The options side by side (empty if the file could not be read).
    pub options: OptionsGrid,
    /// The crisis lines every surface shows (the bundled ones if a `--guides` copy is broken).
    pub crisis: CrisisLines,
    /// In file-name order; ranking is the scorer's job.
    pub providers: Vec<Provider>,
    /// Profiles hidden by a later one with the same id (a `--providers` copy hides the one
    /// the walk-through saved): kept so the app can say so and open them.
    pub shadowed: Vec<Provider>,
    pub problems: Vec<Problem>,
    /// Files not loaded because of errors.
    pub skipped: usize,
}

impl Library {
    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id == id)
    }

    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// The profile with this id that a later directory hides, if any.
    pub fn shadowed(&self, id: &str) -> Option<&Provider> {
        self.shadowed.iter().rev().find(|p| p.id == id)
    }

    pub fn provider_ids(&self) -> Vec<&str> {
        self.providers.iter().map(|p| p.id.as_str()).collect()
    }

    pub fn guide_ids(&self) -> Vec<&str> {
        self.guides.iter().map(|g| g.id.as_str()).collect()
    }

    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}
