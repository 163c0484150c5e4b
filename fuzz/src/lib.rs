//! What each fuzz target does with one input. Shared by the cargo-fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and by `tests/fuzz_corpus.rs`, which runs the kept corpus through
//! the same functions under `cargo test`. Each function panics on a broken property; anything
//! else (an error message for bad input) is the expected outcome.

use std::path::Path;
use std::sync::OnceLock;

use kapguide::core::checklist::Checklist;
use kapguide::core::date::Date;
use kapguide::core::export::{
    self, Comparison, Format, RenderOptions, SheetFormat, question_sheet, write_comparison,
};
use kapguide::core::guide::Guide;
use kapguide::core::layout::{layout_guide, layout_guide_for_print};
use kapguide::core::provider::Provider;
use kapguide::core::sanitize::{sanitize, sanitize_line};
use kapguide::core::scoring::{Priorities, score};
use kapguide::core::search::SearchIndex;
use kapguide::core::width::display_width;
use kapguide::io::config::Config;
use kapguide::io::loader::{self, Library, LoadOptions};

/// The bundled guides, checklist and profiles, loaded once.
fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        loader::load(&LoadOptions {
            today: today(),
            ..LoadOptions::default()
        })
    })
}

fn today() -> Date {
    Date::parse("2026-11-25").expect("a valid date")
}

fn search_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(library()))
}

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// A provider profile: parse, then score, render every export and the question sheet, and save
/// it again (what the walk-through does with a profile it opened).
pub fn provider(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let checklist = &library().checklist;
    let (provider, problems) = Provider::parse(Path::new("providers/fuzz.toml"), text, checklist);
    assert_eq!(
        provider.is_some(),
        !problems.iter().any(|p| p.is_error()),
        "a profile is loaded exactly when it has no errors: {problems:?}"
    );
    let Some(provider) = provider else { return };
    let priorities = Priorities::default();
    let comparison = Comparison::new(checklist, vec![&provider], &priorities, today());
    for format in Format::ALL {
        for width in [40, 100] {
            let options = RenderOptions {
                ascii: false,
                width,
            };
            write_comparison(&comparison, format, &options, &mut Vec::new())
                .expect("writing to memory cannot fail");
        }
    }
    let score = score(&provider, checklist, &priorities, today());
    export::explain(
        &provider,
        &score,
        checklist,
        &priorities,
        &Default::default(),
        false,
    );
    for format in SheetFormat::ALL {
        question_sheet(&provider, checklist, &priorities, today(), format);
    }
    provider.to_toml(checklist);
}

/// A guide file (front matter and Markdown): parse, then lay it out for a screen and for print
/// at a narrow and a wide width; no screen line may be wider than the screen.
pub fn guide(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (guide, _problems) = Guide::parse(Path::new("guides/fuzz.md"), text);
    let Some(guide) = guide else { return };
    guide.intro_text();
    for section in &guide.sections {
        section.plain_text();
    }
    for width in [20, 77] {
        let layout = layout_guide(&guide, width);
        for line in &layout.lines {
            let shown = line.text();
            assert!(
                display_width(&shown) <= width,
                "line wider than {width}: {shown:?}"
            );
        }
        layout_guide_for_print(&guide, width);
    }
}

pub fn checklist(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let (checklist, problems) = Checklist::parse(Path::new("guides/checklist.toml"), text);
    assert_eq!(
        checklist.is_some(),
        !problems.iter().any(|p| p.is_error()),
        "a checklist is used exactly when it has no errors: {problems:?}"
    );
}

/// Characters that must never reach a terminal as themselves: C0 and C1 controls and DEL, and
/// the invisible format and separator characters (zero-width, bidi, line and paragraph
/// separators, byte-order mark, soft hyphen, tags). Written out independently of the sanitizer.
fn is_unsafe_for_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}')
}

/// What ratatui draws for one line: the columns it fills in a buffer wide enough to hold it.
fn rendered_width(line: &str) -> usize {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    // No character takes more than 3 columns (2, plus a halfwidth sound mark): room for all.
    let width = u16::try_from(line.chars().count() * 3 + 1).unwrap_or(u16::MAX);
    let area = Rect::new(0, 0, width, 1);
    let mut buffer = Buffer::empty(area);
    let (x, _) = buffer.set_stringn(0, 0, line, usize::MAX, Style::default());
    usize::from(x)
}

/// The sanitizer: its output holds nothing a terminal would act on or hide, and the width kapguide
/// measures for it is exactly what the renderer fills.
pub fn sanitizer(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    // A line longer than the test buffer could not be compared.
    if input.chars().count() > 1000 {
        return;
    }
    let line = sanitize_line(&input);
    assert!(
        !line.chars().any(is_unsafe_for_terminal),
        "unsafe character left in {line:?}"
    );
    assert_eq!(display_width(&line), rendered_width(&line), "{line:?}");
    let multi = sanitize(&input);
    for part in multi.split(['\n', '\t']) {
        assert!(
            !part.chars().any(is_unsafe_for_terminal),
            "unsafe character left in {part:?}"
        );
        assert_eq!(display_width(part), rendered_width(part), "{part:?}");
    }
}

/// A search query over the bundled content; hits point at real items and highlight real
/// characters of their title.
pub fn search(data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let lib = library();
    for hit in search_index().search(&query, 50) {
        let count = hit.title.chars().count();
        assert!(
            hit.matched.iter().all(|&i| i < count),
            "{hit:?} highlights past its title"
        );
        let exists = match hit.target {
            kapguide::core::search::Target::Guide { guide, section } => lib
                .guides
                .get(guide)
                .is_some_and(|g| section.is_none_or(|s| s < g.sections.len())),
            kapguide::core::search::Target::Question(q) => q < lib.checklist.questions.len(),
            kapguide::core::search::Target::Provider(p) => p < lib.providers.len(),
        };
        assert!(exists, "{hit:?} points at nothing");
    }
}

/// The user's config file: whatever it holds, priorities are read only for the checklist's
/// categories (a priority is 0–3 by its type).
pub fn config(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let checklist = &library().checklist;
    let (settings, _problems) = Config::read(Path::new("config.toml"), text, checklist);
    assert!(
        settings
            .priorities
            .by_category
            .keys()
            .all(|c| checklist.category(c).is_some())
    );
}

/// What a fuzz target does with one input.
pub type Target = fn(&[u8]);

/// Every target by name (the corpus directories under `fuzz/seeds/` have these names).
pub const TARGETS: [(&str, Target); 6] = [
    ("provider", provider),
    ("guide", guide),
    ("checklist", checklist),
    ("sanitizer", sanitizer),
    ("search", search),
    ("config", config),
];
