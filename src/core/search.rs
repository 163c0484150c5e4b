//! Fuzzy search over everything the app shows: guide titles, sections and their text, checklist
//! questions, provider names and places. Titles are matched fuzzily (fuzzy-matcher, so `prp`
//! finds "Preparation"); long texts only by whole query words, because a fuzzy subsequence over a
//! page of prose matches almost anything.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::library::Library;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Guide {
        guide: usize,
        section: Option<usize>,
    },
    Question(usize),
    Provider(usize),
}

impl Target {
    pub fn kind(self) -> &'static str {
        match self {
            Target::Guide { section: None, .. } => "guide",
            Target::Guide { .. } => "section",
            Target::Question(_) => "question",
            Target::Provider(_) => "provider",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub title: String,
    /// A short excerpt around the first match in the text, or the item's summary.
    pub context: String,
    pub score: i64,
    /// Character indices into `title` that matched, for highlighting.
    pub matched: Vec<usize>,
}

struct Entry {
    target: Target,
    title: String,
    /// Shown under the title when the text does not match.
    summary: String,
    /// Searched by words, kept lowercase: the shown text, then words that are searched but never
    /// shown in an excerpt (ids, keywords, places).
    text_lower: String,
    /// Where the hidden words start in `text_lower`.
    shown_len: usize,
    text: String,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

const CONTEXT_CHARS: usize = 70;

impl SearchIndex {
    pub fn new(lib: &Library) -> Self {
        let mut entries = Vec::new();
        let mut add = |target, title: String, summary: String, text: String, hidden: String| {
            let shown = text.to_lowercase();
            entries.push(Entry {
                target,
                title,
                summary,
                shown_len: shown.len(),
                text_lower: format!("{shown} \n{}", hidden.to_lowercase()),
                text,
            });
        };
        for (g, guide) in lib.guides.iter().enumerate() {
            let text = format!(
                "{} {}",
                guide.summary,
                guide.intro_text().replace('\n', " ")
            );
            add(
                Target::Guide {
                    guide: g,
                    section: None,
                },
                guide.title.clone(),
                guide.summary.clone(),
                text,
                guide.keywords.join(" "),
            );
            for (s, section) in guide.sections.iter().enumerate() {
                let title = format!("{} › {}", guide.title, section.title);
                let text = section.plain_text().replace('\n', " ");
                add(
                    Target::Guide {
                        guide: g,
                        section: Some(s),
                    },
                    title,
                    guide.title.clone(),
                    text,
                    String::new(),
                );
            }
        }
        for (q, question) in lib.checklist.questions.iter().enumerate() {
            let category = &lib.checklist.categories[question.category].title;
            add(
                Target::Question(q),
                question.question.clone(),
                format!("Checklist · {category}"),
                question.why.clone(),
                question.id.clone(),
            );
        }
        for (p, provider) in lib.providers.iter().enumerate() {
            let title = if provider.sample {
                format!("{} [SAMPLE]", provider.name)
            } else {
                provider.name.clone()
            };
            let summary = format!("{} · {}", provider.place(), provider.kind.as_str());
            let hidden = format!(
                "{} {} {}",
                provider.id,
                provider.place(),
                provider.conditions.join(" ")
            );
            add(
                Target::Provider(p),
                title,
                summary,
                provider.summary.clone().unwrap_or_default(),
                hidden,
            );
        }
        SearchIndex {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` hits for `query`, best first. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let words: Vec<String> = query
            .to_lowercase()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .filter_map(|entry| self.score(entry, query, &words))
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.title.cmp(&b.title)));
        hits.truncate(limit);
        hits
    }

    /// A fuzzy match that is more than letters scattered across a sentence: its matched
    /// characters form at most one run per three query characters (so "prp" finds
    /// "Preparation", but "kalispell" does not find a long question that merely contains those
    /// letters in order).
    fn fuzzy(&self, text: &str, query: &str) -> Option<(i64, Vec<usize>)> {
        let (score, indices) = self.matcher.fuzzy_indices(text, query)?;
        let runs = 1 + indices
            .windows(2)
            .filter(|pair| pair[1] != pair[0] + 1)
            .count();
        (runs <= 1 + query.chars().count() / 3).then_some((score, indices))
    }

    fn score(&self, entry: &Entry, query: &str, words: &[String]) -> Option<Hit> {
        let title = self.fuzzy(&entry.title, query);
        // The one-line summary (a provider's place, a section's guide) can match too, but names
        // the thing less directly than the title.
        let summary_score = self.fuzzy(&entry.summary, query).map(|(score, _)| score);
        let first_word_at = words
            .iter()
            .map(|w| entry.text_lower.find(w.as_str()))
            .collect::<Option<Vec<_>>>()
            .and_then(|at| at.into_iter().min());
        if title.is_none() && summary_score.is_none() && first_word_at.is_none() {
            return None;
        }
        let (title_score, matched) = title.unwrap_or_default();
        // Text matches rank by how early they come.
        let text_score = first_word_at.map_or(0, |at| 40 - (at / 200).min(30) as i64);
        let context = match first_word_at {
            Some(at) if at < entry.shown_len => excerpt(&entry.text, &entry.text_lower, at),
            _ => entry.summary.clone(),
        };
        Some(Hit {
            target: entry.target,
            title: entry.title.clone(),
            context,
            score: 2 * title_score + summary_score.unwrap_or(0) + text_score,
            matched,
        })
    }
}

/// About `CONTEXT_CHARS` characters of `text` around byte `at` of its lowercase copy.
fn excerpt(text: &str, lower: &str, at: usize) -> String {
    // Lowercasing can change byte lengths; go by characters to stay on boundaries.
    let char_at = lower.get(..at).map_or(0, |s| s.chars().count());
    let start = char_at.saturating_sub(CONTEXT_CHARS / 3);
    let piece: String = text.chars().skip(start).take(CONTEXT_CHARS).collect();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(piece.trim());
    if start + CONTEXT_CHARS < text.chars().count() {
        out.push('…');
    }
    out
}
