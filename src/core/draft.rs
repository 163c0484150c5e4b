//! An unfinished walk-through as its file holds it: the profile so far, then a `[walk]` table
//! naming the question the walk was left at, so reopening kapguide resumes there.
//!
//! The position lives in the draft's own file (not in the config): a draft stays one
//! self-contained file, written whole by one atomic rename with its answers, and a discarded
//! draft leaves nothing behind. The profile loader refuses `[walk]`, so the table never reaches
//! a saved profile; a copy saved elsewhere is written without it.

use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::checklist::{Checklist, Question};
use super::diagnostics::Problem;
use super::id::QuestionId;
use super::provider::{AnswerValue, Provider, quoted};

const WALK: &str = "walk";

#[derive(Clone, Debug, PartialEq)]
pub struct SavedDraft {
    pub provider: Provider,
    /// The question the walk was at; `None` when the file does not say (a draft written
    /// before positions were kept, or left on the finish page).
    pub at: Option<QuestionId>,
}

impl SavedDraft {
    /// The draft's file: the profile, then `[walk]` when the walk is at a question.
    pub fn to_toml(&self, checklist: &Checklist) -> String {
        let mut text = self.provider.to_toml(checklist);
        if let Some(at) = &self.at {
            text.push_str(&format!(
                "\n# Where this walk-through was left: kapguide resumes at this question.\n[{WALK}]\nat = {}\n",
                quoted(at)
            ));
        }
        text
    }

    /// Reads a draft's file with the profile's rules. The position is a hint only: a `[walk]`
    /// that is not as written above, or names no question, reads as no position (the walk
    /// then resumes at the first unknown answer); it never makes the answers unreadable.
    pub fn parse(path: &Path, text: &str, checklist: &Checklist) -> (Option<Self>, Vec<Problem>) {
        let (provider, problems) = Provider::parse_with(path, text, checklist, &[WALK]);
        let at = || {
            let (doc, _) = DeTable::parse_recoverable(text);
            let DeValue::Table(walk) = doc.get_ref().get(WALK)?.get_ref() else {
                return None;
            };
            let DeValue::String(at) = walk.get("at")?.get_ref() else {
                return None;
            };
            QuestionId::new(at).ok()
        };
        let draft = provider.map(|provider| SavedDraft { provider, at: at() });
        (draft, problems)
    }

    /// Where the walk resumes: the question it was left at if the checklist still has it, else
    /// the first question without an answer (the finish page when every one has one).
    pub fn resume_index(&self, questions: &[Question]) -> usize {
        self.at
            .as_ref()
            .and_then(|at| questions.iter().position(|q| q.id == *at))
            .unwrap_or_else(|| first_unknown(&self.provider, questions))
    }
}

/// The first question `provider` has no answer to; the number of questions when it has all.
pub fn first_unknown(provider: &Provider, questions: &[Question]) -> usize {
    questions
        .iter()
        .position(|q| provider.answer(&q.id) == AnswerValue::Unknown)
        .unwrap_or(questions.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::id::ProviderId;
    use crate::core::provider::{Answer, ProviderKind};
    use crate::io::loader::{LoadOptions, load_guides_and_checklist};

    fn checklist() -> Checklist {
        load_guides_and_checklist(&LoadOptions::default()).checklist
    }

    fn draft(checklist: &Checklist, answered: usize) -> Provider {
        let mut provider = Provider::new(
            ProviderId::new("blue-door").unwrap(),
            "Blue Door".into(),
            ProviderKind::KapPractice,
        );
        for q in checklist.questions.iter().take(answered) {
            provider
                .answers
                .insert(q.id.clone(), Answer::bare(AnswerValue::Yes));
        }
        provider
    }

    fn read(text: &str, checklist: &Checklist) -> SavedDraft {
        let (draft, problems) = SavedDraft::parse(Path::new("blue-door.toml"), text, checklist);
        assert!(problems.is_empty(), "{problems:?}");
        let mut draft = draft.expect("reads");
        draft.provider.origin = Default::default();
        draft
    }

    #[test]
    fn the_position_is_written_with_the_answers_and_read_back() {
        let checklist = checklist();
        let at = checklist.questions[5].id.clone();
        let saved = SavedDraft {
            provider: draft(&checklist, 2),
            at: Some(at),
        };
        let text = saved.to_toml(&checklist);
        assert!(text.contains("\n[walk]\nat = "), "{text}");
        let back = read(&text, &checklist);
        assert_eq!(back.at, saved.at);
        assert_eq!(back.provider.answered_count(), 2);
        assert_eq!(back.to_toml(&checklist), text);
        assert_eq!(back.resume_index(&checklist.questions), 5);
    }

    #[test]
    fn the_profile_loader_refuses_the_walk_table() {
        let checklist = checklist();
        let saved = SavedDraft {
            provider: draft(&checklist, 0),
            at: Some(checklist.questions[1].id.clone()),
        };
        let (profile, problems) = Provider::parse(
            Path::new("blue-door.toml"),
            &saved.to_toml(&checklist),
            &checklist,
        );
        assert!(profile.is_none());
        assert!(
            problems[0].message.contains("unknown key `walk`"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_stale_or_malformed_position_falls_back_to_the_first_unknown_answer() {
        let checklist = checklist();
        let profile = draft(&checklist, 3).to_toml(&checklist);
        for walk in [
            "[walk]\nat = \"no-such-question\"\n",
            "[walk]\nat = 7\n",
            "[walk]\nat = \"not an id\"\n",
            "walk = \"q\"\n",
            "[walk]\n",
            "",
        ] {
            // A top-level `walk = …` line must come before the first table.
            let text = if walk.starts_with("walk =") {
                format!("{walk}{profile}")
            } else {
                format!("{profile}\n{walk}")
            };
            let back = read(&text, &checklist);
            assert_eq!(back.provider.answered_count(), 3, "{walk}");
            assert_eq!(back.resume_index(&checklist.questions), 3, "{walk}");
        }
    }

    #[test]
    fn with_every_answer_given_and_no_position_the_walk_resumes_at_the_finish_page() {
        let checklist = checklist();
        let n = checklist.questions.len();
        let saved = SavedDraft {
            provider: draft(&checklist, n),
            at: None,
        };
        assert_eq!(saved.resume_index(&checklist.questions), n);
        assert!(!saved.to_toml(&checklist).contains("[walk]"));
    }
}
