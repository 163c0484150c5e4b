//! Guides (`guides/*.md`): TOML front matter between `+++` lines, then Markdown. The Markdown is
//! parsed once (pulldown-cmark) into a small document model that both the CLI printer and the
//! TUI reader lay out; every `##` heading starts a section.

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::date::Date;
use super::diagnostics::{Problem, Reporter, Severity};
use super::fields::{Fields, parse_document};
use super::sanitize::sanitize_line;

/// A run of text with one style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    /// Where a link points: a URL, or `guide:ID` for another guide.
    pub link: Option<String>,
}

/// How deeply lists and block quotes may nest. Real guides use two or three levels; a cap keeps
/// layout work and recursion (rendering, search text) bounded whatever a file holds.
pub const MAX_NESTING: usize = 16;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// `###` and deeper, inside a section.
    Heading(Vec<Inline>),
    /// `start` is the first number of an ordered list; `None` for bullets.
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code(String),
    Rule,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub title: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Guide {
    pub id: String,
    pub title: String,
    pub order: i64,
    pub summary: String,
    pub keywords: Vec<String>,
    pub reviewed: Date,
    pub sources: Vec<SourceRef>,
    /// Text before the first `##` heading.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    /// Links to other guides (`guide:ID`) with their byte offset in the file, checked once all
    /// guides are loaded.
    pub guide_links: Vec<(String, usize)>,
    pub origin: PathBuf,
}

const FRONT_KEYS: [&str; 7] = [
    "id", "title", "order", "summary", "keywords", "reviewed", "sources",
];

/// The plain text of inlines, for search and for width measurement.
pub fn inline_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

impl Block {
    /// Moves this block's children onto `stack`, leaving it childless.
    fn take_children(&mut self, stack: &mut Vec<Block>) {
        match self {
            Block::List { items, .. } => items.drain(..).for_each(|item| stack.extend(item)),
            Block::Quote(blocks) => stack.append(blocks),
            _ => {}
        }
    }

    fn push_text(&self, out: &mut String) {
        match self {
            Block::Paragraph(inlines) | Block::Heading(inlines) => {
                out.push_str(&inline_text(inlines));
                out.push('\n');
            }
            Block::List { items, .. } => items.iter().flatten().for_each(|b| b.push_text(out)),
            Block::Quote(blocks) => blocks.iter().for_each(|b| b.push_text(out)),
            Block::Code(code) => out.push_str(code),
            Block::Rule => {}
        }
    }
}

/// Dropping a deep tree recursively would overflow the stack, so children are taken out into a
/// flat worklist and dropped one by one (each then has no children of its own left).
impl Drop for Block {
    fn drop(&mut self) {
        let mut stack = Vec::new();
        self.take_children(&mut stack);
        while let Some(mut block) = stack.pop() {
            block.take_children(&mut stack);
        }
    }
}

impl Section {
    /// The section's words as plain text, one paragraph a line (what search looks through).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        self.blocks.iter().for_each(|b| b.push_text(&mut out));
        out
    }
}

impl Guide {
    pub fn intro_text(&self) -> String {
        let mut out = String::new();
        self.intro.iter().for_each(|b| b.push_text(&mut out));
        out
    }

    /// Parses a guide file; `None` when it has errors (all of them are in the problems).
    pub fn parse(path: &Path, text: &str) -> (Option<Guide>, Vec<Problem>) {
        let mut rep = Reporter::new(path, text, 0);
        let Some((front, body_offset)) = split_front_matter(text) else {
            rep.error(
                0,
                "a guide must start with a `+++` line, then TOML front matter, then a closing `+++` line",
                Some("see guides/README.md or any bundled guide for the layout".into()),
            );
            return (None, rep.problems);
        };
        let mut front_rep = Reporter::new(path, front, 1);
        let guide = parse_front_matter(front, &mut front_rep, path);
        let mut problems = front_rep.problems;
        let Some(mut guide) = guide.filter(|_| !problems.iter().any(Problem::is_error)) else {
            return (None, problems);
        };
        let body = &text[body_offset..];
        let parsed = match parse_body(body, body_offset) {
            Ok(parsed) => parsed,
            Err(TooDeep(offset)) => {
                rep.error(
                    offset,
                    format!("nested too deeply (limit {MAX_NESTING})"),
                    Some(format!(
                        "lists and quotes may nest at most {MAX_NESTING} levels deep; flatten this part"
                    )),
                );
                problems.extend(rep.problems);
                return (None, problems);
            }
        };
        guide.intro = parsed.intro;
        guide.sections = parsed.sections;
        guide.guide_links = parsed.guide_links;
        for offset in parsed.h1_offsets {
            rep.at(
                offset,
                Severity::Warning,
                "`#` headings are not used in guides; the title comes from the front matter".into(),
                Some("use `##` for a section heading".into()),
            );
        }
        if guide.sections.is_empty() {
            rep.at(
                body_offset,
                Severity::Warning,
                "this guide has no `##` sections".into(),
                Some(
                    "start each part with a `## Heading` so it shows in the table of contents"
                        .into(),
                ),
            );
        }
        problems.extend(rep.problems);
        (Some(guide), problems)
    }
}

/// Finds the `+++` block; returns the front matter text and where the body starts.
fn split_front_matter(text: &str) -> Option<(&str, usize)> {
    let text_start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let rest = &text[text_start..];
    let after_open = rest
        .strip_prefix("+++\n")
        .or_else(|| rest.strip_prefix("+++\r\n"))?;
    let front_start = text.len() - after_open.len();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &after_open[..offset];
            return Some((front, front_start + offset + line.len()));
        }
        offset += line.len();
    }
    None
}

fn parse_front_matter(front: &str, rep: &mut Reporter<'_>, path: &Path) -> Option<Guide> {
    let doc = parse_document(front, rep)?;
    let fields = Fields::new(doc.get_ref(), doc.span(), "the front matter");
    fields.reject_unknown_keys(rep, &FRONT_KEYS);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = fields.required_string(rep, "id", &format!("\"{stem}\""));
    if let Some(id) = &id
        && *id != stem
    {
        let offset = fields.get("id").map_or(0, |v| v.span().start);
        rep.error(
            offset,
            format!("the id `{id}` differs from the file name `{stem}`"),
            Some(format!(
                "write id = \"{stem}\" or rename the file to {id}.md"
            )),
        );
    }
    let title = fields.required_string(rep, "title", "\"What KAP is\"");
    let order = fields.integer(rep, "order", -1000..1001).unwrap_or(500);
    let summary = fields.string(rep, "summary").unwrap_or_default();
    let keywords = fields
        .string_list(rep, "keywords")
        .unwrap_or_default()
        .into_iter()
        .map(|k| k.into_inner())
        .collect();
    let reviewed = fields.date(rep, "reviewed");
    if fields.get("reviewed").is_none() {
        fields.missing(rep, "reviewed", "2026-11-25");
    }
    let mut sources = Vec::new();
    for (table, span) in fields.table_list(rep, "sources") {
        let source = Fields::new(table, span, "a source");
        source.reject_unknown_keys(rep, &["title", "url"]);
        let title = source.required_string(rep, "title", "\"Dore et al. 2019\"");
        let url = source.required_string(rep, "url", "\"https://…\"");
        if let (Some(title), Some(url)) = (title, url) {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                rep.error(
                    source.get("url").map_or(0, |v| v.span().start),
                    format!("source URL `{url}` is not a web address"),
                    Some("start it with https://".into()),
                );
            }
            sources.push(SourceRef { title, url });
        }
    }
    if sources.is_empty() {
        rep.error(
            fields.span.start,
            "a guide needs at least one source",
            Some("add sources = [{ title = \"…\", url = \"https://…\" }]".into()),
        );
    }
    Some(Guide {
        id: id?,
        title: title?,
        order,
        summary,
        keywords,
        reviewed: reviewed?,
        sources,
        intro: Vec::new(),
        sections: Vec::new(),
        guide_links: Vec::new(),
        origin: path.to_path_buf(),
    })
}

struct ParsedBody {
    intro: Vec<Block>,
    sections: Vec<Section>,
    guide_links: Vec<(String, usize)>,
    h1_offsets: Vec<usize>,
}

/// What is being built while walking the Markdown events.
enum Frame {
    Root,
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
}

#[derive(Default)]
struct InlineState {
    inlines: Vec<Inline>,
    strong: u32,
    emphasis: u32,
    links: Vec<String>,
}

impl InlineState {
    fn push(&mut self, text: &str, code: bool) {
        let text = sanitize_line(text).into_owned();
        let link = self.links.last().cloned();
        let (strong, emphasis) = (self.strong > 0, self.emphasis > 0);
        if let Some(last) = self.inlines.last_mut()
            && (last.strong, last.emphasis, last.code, &last.link)
                == (strong, emphasis, code, &link)
        {
            last.text.push_str(&text);
            return;
        }
        self.inlines.push(Inline {
            text,
            strong,
            emphasis,
            code,
            link,
        });
    }

    fn take(&mut self) -> Vec<Inline> {
        std::mem::take(&mut self.inlines)
    }
}

struct BodyBuilder {
    frames: Vec<Frame>,
    root: Vec<Block>,
    intro: Option<Vec<Block>>,
    sections: Vec<Section>,
    inline: InlineState,
}

impl BodyBuilder {
    /// Adds a finished block to whatever contains it.
    fn add(&mut self, block: Block) {
        match self.frames.last_mut() {
            Some(Frame::Quote(blocks) | Frame::Item(blocks)) => blocks.push(block),
            Some(Frame::List { items, .. }) => items.push(vec![block]),
            Some(Frame::Root) | None => self.root.push(block),
        }
    }

    /// Tight list items hold bare text without a paragraph; close it into one.
    fn flush_loose_text(&mut self) {
        if !self.inline.inlines.is_empty() {
            let inlines = self.inline.take();
            self.add(Block::Paragraph(trim_inlines(inlines)));
        }
    }

    fn start_section(&mut self, title: String) {
        let blocks = std::mem::take(&mut self.root);
        match self.sections.last_mut() {
            Some(section) => section.blocks = blocks,
            None => self.intro = Some(blocks),
        }
        self.sections.push(Section {
            title,
            blocks: Vec::new(),
        });
    }

    fn finish(mut self) -> (Vec<Block>, Vec<Section>) {
        self.flush_loose_text();
        let blocks = std::mem::take(&mut self.root);
        match self.sections.last_mut() {
            Some(section) => section.blocks = blocks,
            None => self.intro = Some(blocks),
        }
        (self.intro.unwrap_or_default(), self.sections)
    }
}

fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(first) = inlines.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = inlines.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    inlines.retain(|i| !i.text.is_empty());
    inlines
}

/// Where a list or quote nests deeper than [`MAX_NESTING`] (a byte offset in the file).
struct TooDeep(usize);

/// Builds the document model in one pass over the Markdown events (linear in the body's size);
/// stops at the first container nested deeper than [`MAX_NESTING`].
fn parse_body(body: &str, body_offset: usize) -> Result<ParsedBody, TooDeep> {
    let mut b = BodyBuilder {
        frames: vec![Frame::Root],
        root: Vec::new(),
        intro: None,
        sections: Vec::new(),
        inline: InlineState::default(),
    };
    let mut guide_links = Vec::new();
    let mut h1_offsets = Vec::new();
    let mut code = String::new();
    let mut in_code = false;
    let mut depth = 0;
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        match &event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) if depth == MAX_NESTING => {
                return Err(TooDeep(body_offset + range.start));
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => depth += 1,
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth -= 1,
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                b.flush_loose_text();
                if level == HeadingLevel::H1 {
                    h1_offsets.push(body_offset + range.start);
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let inlines = trim_inlines(b.inline.take());
                let at_top = matches!(b.frames.as_slice(), [Frame::Root]);
                if level <= HeadingLevel::H2 && at_top {
                    b.start_section(inline_text(&inlines));
                } else {
                    b.add(Block::Heading(inlines));
                }
            }
            Event::Start(Tag::Paragraph) => b.flush_loose_text(),
            Event::End(TagEnd::Paragraph) => {
                let inlines = trim_inlines(b.inline.take());
                if !inlines.is_empty() {
                    b.add(Block::Paragraph(inlines));
                }
            }
            Event::Start(Tag::List(start)) => {
                b.flush_loose_text();
                b.frames.push(Frame::List {
                    start,
                    items: Vec::new(),
                });
            }
            Event::End(TagEnd::List(_)) => {
                b.flush_loose_text();
                if let Some(Frame::List { start, items }) = b.frames.pop() {
                    b.add(Block::List { start, items });
                }
            }
            Event::Start(Tag::Item) => b.frames.push(Frame::Item(Vec::new())),
            Event::End(TagEnd::Item) => {
                b.flush_loose_text();
                if let Some(Frame::Item(blocks)) = b.frames.pop()
                    && let Some(Frame::List { items, .. }) = b.frames.last_mut()
                {
                    items.push(blocks);
                }
            }
            Event::Start(Tag::BlockQuote(_)) => {
                b.flush_loose_text();
                b.frames.push(Frame::Quote(Vec::new()));
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                b.flush_loose_text();
                if let Some(Frame::Quote(blocks)) = b.frames.pop() {
                    b.add(Block::Quote(blocks));
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                b.flush_loose_text();
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                let text = crate::core::sanitize::sanitize(code.trim_end()).into_owned();
                code.clear();
                b.add(Block::Code(text));
            }
            Event::Start(Tag::Strong) => b.inline.strong += 1,
            Event::End(TagEnd::Strong) => b.inline.strong = b.inline.strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => b.inline.emphasis += 1,
            Event::End(TagEnd::Emphasis) => b.inline.emphasis = b.inline.emphasis.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(id) = dest_url.strip_prefix("guide:") {
                    guide_links.push((
                        id.split('#').next().unwrap_or(id).to_string(),
                        body_offset + range.start,
                    ));
                }
                b.inline.links.push(sanitize_line(&dest_url).into_owned());
            }
            Event::End(TagEnd::Link) => {
                b.inline.links.pop();
            }
            Event::Text(text) if in_code => code.push_str(&text),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                b.inline.push(&text, false)
            }
            Event::Code(text) => b.inline.push(&text, true),
            Event::SoftBreak | Event::HardBreak => b.inline.push(" ", false),
            Event::Rule => b.add(Block::Rule),
            _ => {}
        }
    }
    let (intro, sections) = b.finish();
    Ok(ParsedBody {
        intro,
        sections,
        guide_links,
        h1_offsets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUIDE: &str = "+++\nid = \"g\"\ntitle = \"A guide\"\norder = 2\nsummary = \"S\"\nkeywords = [\"k\"]\nreviewed = 2026-11-25\nsources = [{ title = \"T\", url = \"https://example.org\" }]\n+++\n\nIntro *here*.\n\n## First part\n\nSome **bold** and a [link](https://example.org/x) and [another guide](guide:other).\n\n- one\n- two\n  - nested\n\n## Second part\n\n1. first\n2. second\n";

    #[test]
    fn parses_front_matter_sections_and_inlines() {
        let (guide, problems) = Guide::parse(Path::new("guides/g.md"), GUIDE);
        assert!(problems.is_empty(), "{problems:?}");
        let guide = guide.unwrap();
        assert_eq!(
            (
                guide.id.as_str(),
                guide.order,
                guide.reviewed.to_string().as_str()
            ),
            ("g", 2, "2026-11-25")
        );
        assert_eq!(guide.intro_text(), "Intro here.\n");
        let titles: Vec<&str> = guide.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["First part", "Second part"]);
        let Block::Paragraph(inlines) = &guide.sections[0].blocks[0] else {
            panic!("paragraph expected")
        };
        assert!(inlines.iter().any(|i| i.strong && i.text == "bold"));
        assert!(
            inlines
                .iter()
                .any(|i| i.link.as_deref() == Some("https://example.org/x") && i.text == "link")
        );
        let Block::List { start: None, items } = &guide.sections[0].blocks[1] else {
            panic!("list expected")
        };
        assert_eq!(items.len(), 2);
        assert!(
            matches!(items[1][1], Block::List { .. }),
            "nested list kept: {:?}",
            items[1]
        );
        assert!(matches!(
            guide.sections[1].blocks[0],
            Block::List { start: Some(1), .. }
        ));
        assert_eq!(
            guide.guide_links,
            [("other".to_string(), GUIDE.find("[another").unwrap())]
        );
    }

    #[test]
    fn front_matter_errors_point_at_the_file_line() {
        let bad = GUIDE
            .replace("order = 2", "order = \"two\"")
            .replace("reviewed = 2026-11-25", "reviewd = 2026-11-25");
        let (guide, problems) = Guide::parse(Path::new("g.md"), &bad);
        assert!(guide.is_none());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter().any(|t| t.starts_with(
                "g.md:4:9: error: `order` in the front matter should be a whole number"
            )),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("g.md:7:1: error: unknown key `reviewd`")
                    && t.ends_with("did you mean `reviewed`?")),
            "{text:#?}"
        );
    }

    /// The front matter of `GUIDE` followed by `body`.
    fn guide_with_body(body: &str) -> String {
        let end = GUIDE.find("+++\n\n").unwrap() + 4;
        format!("{}{body}", &GUIDE[..end])
    }

    fn too_deep_problem(body: &str) -> String {
        let (guide, problems) = Guide::parse(Path::new("g.md"), &guide_with_body(body));
        assert!(guide.is_none());
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems[0].to_string()
    }

    #[test]
    fn deep_quotes_are_refused_at_the_first_level_too_many() {
        // 150,000 levels overflowed the stack; the line is the 10th of the file.
        let message = too_deep_problem(&format!("{} deep\n", ">".repeat(150_000)));
        assert!(
            message.starts_with("g.md:10:17: error: nested too deeply (limit 16)"),
            "{message}"
        );
    }

    #[test]
    fn deep_lists_are_refused_at_the_first_level_too_many() {
        let message = too_deep_problem(&format!("{}deep\n", "- ".repeat(100_000)));
        assert!(
            message.starts_with("g.md:10:33: error: nested too deeply (limit 16)"),
            "{message}"
        );
        let lines: String = (0..40)
            .map(|n| format!("{}- level {n}\n", "  ".repeat(n)))
            .collect();
        let message = too_deep_problem(&lines);
        assert!(message.starts_with("g.md:26:"), "{message}");
    }

    #[test]
    fn nesting_up_to_the_limit_is_kept() {
        let body = format!("## Part\n\n{} deep\n", ">".repeat(MAX_NESTING));
        let (guide, problems) = Guide::parse(Path::new("g.md"), &guide_with_body(&body));
        assert!(problems.is_empty(), "{problems:?}");
        let mut block = &guide.unwrap().sections[0].blocks[0];
        let mut depth = 1;
        while let Block::Quote(inner) = block {
            block = &inner[0];
            depth += 1;
        }
        assert_eq!(
            (depth, block),
            (
                MAX_NESTING + 1,
                &Block::Paragraph(vec![Inline {
                    text: "deep".into(),
                    ..Inline::default()
                }])
            )
        );
    }

    #[test]
    fn a_very_deep_model_drops_without_recursion() {
        // Built by hand (the parser caps depth): dropping it must not use the stack per level.
        let dropped = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(|| {
                let mut block = Block::Rule;
                for n in 0..1_000_000 {
                    block = if n % 2 == 0 {
                        Block::Quote(vec![block])
                    } else {
                        Block::List {
                            start: None,
                            items: vec![vec![block]],
                        }
                    };
                }
                drop(block);
            })
            .unwrap()
            .join();
        assert!(dropped.is_ok());
    }

    #[test]
    fn missing_front_matter_is_explained() {
        let (guide, problems) = Guide::parse(Path::new("g.md"), "# Title\n\ntext\n");
        assert!(guide.is_none());
        assert!(problems[0].message.contains("`+++`"));
    }
}
