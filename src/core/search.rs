//! Fuzzy search over everything the app shows: guide titles, sections and their text, checklist
//! questions, provider names and places. Titles are matched fuzzily (fuzzy-matcher, so `prp`
//! finds "Preparation"); long texts only by whole query words, because a fuzzy subsequence over a
//! page of prose matches almost anything. Query words forgive a typo or two (an edit distance
//! against the index's own vocabulary: "obsrvation" finds "observation") and know a few
//! abbreviations ("BP" finds "blood pressure"); exact matches still rank first.

use std::sync::OnceLock;

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
    /// Every word in the index, sorted and unique: what a mistyped query word is corrected to.
    /// Built the first time a query has a word to correct (most never do).
    vocabulary: OnceLock<Vec<String>>,
    matcher: SkimMatcherV2,
}

/// Abbreviations and everyday names people type, and the words the guides use for them. Each
/// side finds the other.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("bp", &["blood pressure"]),
    ("iv", &["intravenous", "infusion"]),
    ("im", &["intramuscular", "injection"]),
    ("rems", &["risk evaluation and mitigation"]),
    ("ptsd", &["post-traumatic stress", "posttraumatic stress"]),
    ("trd", &["treatment-resistant"]),
    ("tms", &["transcranial magnetic"]),
    ("ect", &["electroconvulsive"]),
    ("spravato", &["esketamine"]),
    ("esketamine", &["spravato"]),
    ("kap", &["ketamine-assisted psychotherapy"]),
    ("meds", &["medicines", "medications"]),
    ("cost", &["price", "fee"]),
    ("price", &["cost", "fee"]),
];

/// How a query word was found: as typed, or through a synonym or typo correction (ranked lower).
struct WordForms {
    typed: String,
    others: Vec<String>,
}

/// Below this many characters a word is too short to correct: "bp" is not a typo of "by".
const MIN_CORRECTABLE: usize = 4;
/// Ranking cost of a match found only through a synonym or a correction.
const INEXACT_PENALTY: i64 = 15;

/// Edits forgiven in a word of this many characters: one up to 7, two from 8.
fn allowed_edits(chars: usize) -> usize {
    match chars {
        0..MIN_CORRECTABLE => 0,
        MIN_CORRECTABLE..=7 => 1,
        _ => 2,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

fn vocabulary_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        // The byte length rules most words out before counting characters.
        .filter(|w| w.len() >= MIN_CORRECTABLE && w.chars().count() >= MIN_CORRECTABLE)
}

/// A lower bound on the edits between two words from their letters alone, quick enough to rule
/// out most words before the real distance is worked out: an insertion or a deletion changes
/// one letter's count by one, a substitution two, a swap none, so counts that differ by `d` in
/// all take at least `d / 2` edits. (Letters are counted in 64 buckets: letters sharing one can
/// only lower the bound.)
fn fewest_edits_by_letters(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 64];
    for c in a.chars() {
        counts[c as usize % 64] += 1;
    }
    for c in b.chars() {
        counts[c as usize % 64] -= 1;
    }
    let differing: u32 = counts.iter().map(|n| n.unsigned_abs()).sum();
    (differing as usize).div_ceil(2)
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
                question.id.to_string(),
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
            vocabulary: OnceLock::new(),
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    fn vocabulary(&self) -> &[String] {
        self.vocabulary.get_or_init(|| {
            // Most words recur: only the distinct ones are sorted and copied.
            let distinct: foldhash::HashSet<&str> = self
                .entries
                .iter()
                .flat_map(|e| vocabulary_words(&e.text_lower))
                .collect();
            let mut vocabulary: Vec<String> = distinct.into_iter().map(str::to_string).collect();
            vocabulary.sort_unstable();
            vocabulary
        })
    }

    /// Builds the vocabulary now rather than at the first word to correct: the app does it as
    /// search opens, so no keystroke waits for it and known words are looked up in it.
    pub fn prepare_corrections(&self) {
        self.vocabulary();
    }

    /// True when a word in the index starts with `word` (so it is right, or still being typed).
    fn is_known(&self, word: &str) -> bool {
        match self.vocabulary.get() {
            Some(vocabulary) => {
                let first_not_below = vocabulary.partition_point(|v| v.as_str() < word);
                vocabulary
                    .get(first_not_below)
                    .is_some_and(|v| v.starts_with(word))
            }
            None => self.starts_a_word(word),
        }
    }

    /// [`Self::is_known`] without the vocabulary: a scan of the indexed text.
    fn starts_a_word(&self, word: &str) -> bool {
        word.chars().all(is_word_char)
            && self.entries.iter().any(|entry| {
                let text = &entry.text_lower;
                text.match_indices(word).any(|(at, _)| {
                    text[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !is_word_char(c))
                })
            })
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
        let words: Vec<WordForms> = query
            .to_lowercase()
            .split_whitespace()
            .map(|w| self.forms(w))
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

    /// The word as typed, its synonyms, and — when no word in the index starts with it (so a word
    /// still being typed is left alone) — the index's words within a small edit distance
    /// (Damerau–Levenshtein, so a swapped pair is one edit).
    fn forms(&self, word: &str) -> WordForms {
        let mut others: Vec<String> = SYNONYMS
            .iter()
            .filter(|(key, _)| *key == word)
            .flat_map(|(_, names)| names.iter().map(|n| (*n).to_string()))
            .chain(
                SYNONYMS
                    .iter()
                    .filter(|(_, names)| names.contains(&word))
                    .map(|(key, _)| (*key).to_string()),
            )
            .collect();
        let chars = word.chars().count();
        let edits = allowed_edits(chars);
        if edits > 0 && !self.is_known(word) {
            others.extend(
                self.vocabulary()
                    .iter()
                    .filter(|v| v.chars().count().abs_diff(chars) <= edits)
                    .filter(|v| fewest_edits_by_letters(v, word) <= edits)
                    .filter(|v| strsim::damerau_levenshtein(v, word) <= edits)
                    .cloned(),
            );
        }
        WordForms {
            typed: word.to_string(),
            others,
        }
    }

    /// Where the earliest query word occurs in the entry's text, and whether every word was
    /// found as typed; `None` unless every word is found in some form.
    fn find_words(entry: &Entry, words: &[WordForms]) -> Option<(usize, bool)> {
        let mut first = usize::MAX;
        let mut exact = true;
        for word in words {
            let at = if let Some(at) = entry.text_lower.find(word.typed.as_str()) {
                at
            } else {
                exact = false;
                word.others
                    .iter()
                    .filter_map(|other| entry.text_lower.find(other.as_str()))
                    .min()?
            };
            first = first.min(at);
        }
        Some((first, exact))
    }

    fn score(&self, entry: &Entry, query: &str, words: &[WordForms]) -> Option<Hit> {
        let title = self.fuzzy(&entry.title, query);
        // The one-line summary (a provider's place, a section's guide) can match too, but names
        // the thing less directly than the title.
        let summary_score = self.fuzzy(&entry.summary, query).map(|(score, _)| score);
        let found = Self::find_words(entry, words);
        let first_word_at = found.map(|(at, _)| at);
        if title.is_none() && summary_score.is_none() && first_word_at.is_none() {
            return None;
        }
        let (title_score, matched) = title.unwrap_or_default();
        // Text matches rank by how early they come, and below exact ones if a word had to be
        // corrected or translated.
        let text_score = found.map_or(0, |(at, exact)| {
            40 - (at / 200).min(30) as i64 - if exact { 0 } else { INEXACT_PENALTY }
        });
        let context = match first_word_at {
            Some(at) if at < entry.shown_len => excerpt(&entry.text, &entry.text_lower, at),
            _ => entry.summary.clone(),
        };
        // Every query word standing as a whole word in the title ("TMS", not the letters of
        // "terms") puts the hit in a tier above any loose match.
        let title_lower = entry.title.to_lowercase();
        let whole_words_in_title = words.iter().all(|w| contains_word(&title_lower, &w.typed));
        let tier = if whole_words_in_title {
            WHOLE_WORD_TIER
        } else {
            0
        };
        Some(Hit {
            target: entry.target,
            title: entry.title.clone(),
            context,
            score: tier + 2 * title_score + summary_score.unwrap_or(0) + text_score,
            matched,
        })
    }
}

/// Added to the score of a hit whose title holds every query word as a whole word: more than any
/// fuzzy title score reaches for a short query.
const WHOLE_WORD_TIER: i64 = 1_000;

/// Whether `word` occurs in `text` with no letter or digit on either side.
fn contains_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::loader::{LoadOptions, load};

    fn bundled() -> SearchIndex {
        SearchIndex::new(&load(&LoadOptions::default()))
    }

    fn titles(index: &SearchIndex, query: &str) -> Vec<String> {
        index
            .search(query, 50)
            .into_iter()
            .map(|h| h.title)
            .collect()
    }

    #[test]
    fn a_typo_or_two_still_finds_the_word() {
        let index = bundled();
        let exact = titles(&index, "observation");
        assert!(!exact.is_empty());
        for typo in ["obsrvation", "observaton", "obesrvation"] {
            let found = titles(&index, typo);
            assert!(
                exact.iter().any(|t| found.contains(t)),
                "{typo} found {found:?}"
            );
        }
    }

    #[test]
    fn abbreviations_find_the_words_the_guides_use() {
        let index = bundled();
        let bp = index.search("BP", 50);
        assert!(
            bp.iter()
                .any(|h| h.context.to_lowercase().contains("blood pressure")),
            "{:?}",
            bp.iter().map(|h| &h.context).collect::<Vec<_>>()
        );
        assert!(!titles(&index, "PTSD").is_empty());
        assert!(!titles(&index, "IV").is_empty());
    }

    #[test]
    fn exact_matches_rank_above_corrected_ones() {
        let index = bundled();
        let forms = index.forms("sedaton");
        assert!(
            forms.others.iter().any(|w| w == "sedation"),
            "{:?}",
            forms.others
        );
        let exact = index.search("sedation", 50);
        let typo = index.search("sedaton", 50);
        let mut compared = 0;
        for hit in &typo {
            if let Some(same) = exact.iter().find(|e| e.target == hit.target) {
                assert!(
                    same.score > hit.score,
                    "{}: {} vs {}",
                    hit.title,
                    same.score,
                    hit.score
                );
                compared += 1;
            }
        }
        assert!(compared > 0);
    }

    #[test]
    fn a_whole_word_in_a_title_ranks_above_letters_scattered_through_one() {
        let index = bundled();
        for (query, word) in [("tms", "TMS"), ("ect", "ECT"), ("rems", "REMS")] {
            let hits = index.search(query, 5);
            assert!(
                hits.first().is_some_and(|h| contains_word(&h.title, word)),
                "{query}: {:?}",
                hits.iter().map(|h| &h.title).collect::<Vec<_>>()
            );
        }
        assert!(contains_word("tms (transcranial", "tms"));
        assert!(!contains_word("terms", "tms"));
    }

    #[test]
    fn short_words_and_known_words_are_never_corrected() {
        let index = bundled();
        assert!(index.forms("bpm").others.is_empty(), "too short to correct");
        assert!(index.forms("sedation").others.is_empty());
        assert!(index.forms("sedat").others.is_empty(), "a word being typed");
        assert!(index.forms("zzq").others.is_empty());
        assert!(index.search("qzxwvy", 5).is_empty());
    }

    #[test]
    fn a_word_is_known_exactly_when_a_vocabulary_word_starts_with_it() {
        let index = bundled();
        index.prepare_corrections();
        let in_vocabulary = |word: &str| index.is_known(word);
        let mut words: Vec<String> = Vec::new();
        for word in index.vocabulary().iter().step_by(7) {
            let chars: Vec<char> = word.chars().collect();
            // The word, a prefix of it, the same letters from the second on (inside a word, not
            // at its start), and a copy with a letter changed or a separator put in.
            words.push(word.clone());
            words.push(chars[..MIN_CORRECTABLE].iter().collect());
            words.push(chars[1..].iter().collect());
            words.push(format!(
                "{}q{}",
                chars[0],
                chars[2..].iter().collect::<String>()
            ));
            words.push(format!(
                "{}/{}",
                chars[0],
                chars[1..].iter().collect::<String>()
            ));
        }
        assert!(words.len() > 500, "{}", words.len());
        for word in words
            .iter()
            .filter(|w| w.chars().count() >= MIN_CORRECTABLE)
        {
            assert_eq!(index.starts_a_word(word), in_vocabulary(word), "{word}");
        }
    }

    #[test]
    fn the_letter_bound_never_exceeds_the_real_distance() {
        let words = [
            "observation",
            "obsrvation",
            "obesrvation",
            "ovservation",
            "sedation",
            "ketamine",
            "kétamine",
            "ketamin",
            "eketamine",
            "ca",
            "abc",
            "naïve",
            "naive",
            "ab",
            "ba",
            "",
            "integration",
            "intergation",
            "preparation",
            "ñandú",
            "nandu",
        ];
        for a in words {
            for b in words {
                let bound = fewest_edits_by_letters(a, b);
                let real = strsim::damerau_levenshtein(a, b);
                assert!(bound <= real, "{a} / {b}: bound {bound} > {real}");
            }
        }
        assert_eq!(fewest_edits_by_letters("observation", "sedation"), 3);
    }

    #[test]
    fn the_vocabulary_is_built_only_for_a_word_to_correct() {
        let index = bundled();
        index.search("integration sedation", 5);
        assert!(index.vocabulary.get().is_none());
        index.search("integraton", 5);
        assert!(index.vocabulary.get().is_some());
    }

    #[test]
    fn a_typo_in_an_accented_word_is_corrected_by_characters_not_bytes() {
        let text = "a naïve question";
        let index = SearchIndex {
            entries: vec![Entry {
                target: Target::Question(0),
                title: "Q".into(),
                summary: String::new(),
                text_lower: text.into(),
                shown_len: text.len(),
                text: text.into(),
            }],
            vocabulary: OnceLock::new(),
            matcher: SkimMatcherV2::default().ignore_case(),
        };
        // "naïve" is six bytes and "nave" four, but they are one edit apart; so are the three
        // bytes of "語" and none.
        assert_eq!(index.forms("nave").others, ["naïve"]);
        assert_eq!(index.forms("naïve語").others, ["naïve"]);
        assert_eq!(index.search("nave", 5).len(), 1);
    }
}
