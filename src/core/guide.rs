//! Guides (`guides/*.md`): TOML front matter between `+++` lines, then Markdown. The Markdown is
//! parsed once (pulldown-cmark) into a small document model that both the CLI printer and the
//! TUI reader lay out; every `##` heading starts a section. Sources in the front matter have ids,
//! and the text cites them with `[^id]` markers (see `core::citation`), numbered [1], [2], … by
//! first appearance.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::citation::{self, Numbering, Piece};
use super::date::Date;
use super::diagnostics::{Problem, Reporter, Severity, suggestion_hint};
use super::fields::{Fields, parse_document};
use super::sanitize::{is_web_address, sanitize_line};

/// A run of text with one style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    /// Where a link points: a URL, or `guide:ID` for another guide.
    pub link: Option<String>,
    /// The title of the guide a `guide:ID` link points to, once all guides are loaded.
    pub link_title: Option<String>,
    /// A citation marker: the number of the source it cites (`text` is then empty, so search
    /// and word counts never see it).
    pub cite: Option<usize>,
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
    /// The citation numbers used in this section, in first-use order.
    pub citations: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub id: String,
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
    /// Indices into `sources` in citation-number order: citation [n] is `sources[cited[n - 1]]`.
    pub cited: Vec<usize>,
    /// False for guides that need not cite a source in every section (the glossary, about).
    pub citations_required: bool,
    /// Text before the first `##` heading.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    /// Links to other guides (`guide:ID`) with their byte offset in the file, checked once all
    /// guides are loaded.
    pub guide_links: Vec<(String, usize)>,
    pub origin: PathBuf,
}

const FRONT_KEYS: [&str; 8] = [
    "id",
    "title",
    "order",
    "summary",
    "keywords",
    "reviewed",
    "sources",
    "citations_required",
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
        Guide::parse_with(path, text, None)
    }

    /// Parses a guide whose text may hold `expansion.placeholder`: the placeholder is replaced by
    /// the expansion's Markdown (which may cite the expansion's sources), and positions in
    /// problems still point into the file as written.
    pub fn parse_with(
        path: &Path,
        text: &str,
        expansion: Option<&Expansion<'_>>,
    ) -> (Option<Guide>, Vec<Problem>) {
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
        let front_matter = parse_front_matter(front, &mut front_rep, path);
        let Some((mut guide, source_offsets)) = front_matter.filter(|_| !front_rep.has_errors())
        else {
            return (None, front_rep.problems);
        };
        let written = &text[body_offset..];
        let placed = expansion.and_then(|e| written.find(e.placeholder).map(|at| (e, at)));
        let (body, shift) = match placed {
            Some((e, at)) => {
                for source in e.sources {
                    if !guide.sources.iter().any(|s| s.id == source.id) {
                        guide.sources.push(source.clone());
                    }
                }
                let body = format!(
                    "{}{}{}",
                    &written[..at],
                    e.markdown,
                    &written[at + e.placeholder.len()..]
                );
                let shift = Shift {
                    at: body_offset + at,
                    inserted: e.markdown.len(),
                    removed: e.placeholder.len(),
                };
                (Cow::Owned(body), shift)
            }
            None => (Cow::Borrowed(written), Shift::default()),
        };
        let source_ids: Vec<&str> = guide.sources.iter().map(|s| s.id.as_str()).collect();
        let parsed = match parse_body(&body, body_offset, &source_ids) {
            Ok(mut parsed) => {
                parsed.map_offsets(|o| shift.back(o));
                parsed
            }
            Err(TooDeep(offset)) => {
                rep.error(
                    shift.back(offset),
                    format!("nested too deeply (limit {MAX_NESTING})"),
                    Some(format!(
                        "lists and quotes may nest at most {MAX_NESTING} levels deep; flatten this part"
                    )),
                );
                let mut problems = front_rep.problems;
                problems.extend(rep.problems);
                return (None, problems);
            }
        };
        for (id, offset) in &parsed.unknown_citations {
            rep.error(
                *offset,
                format!("`[^{id}]` cites a source id that is not in this guide's `sources`"),
                Some(suggestion_hint(id, &source_ids)),
            );
        }
        guide.cited = parsed
            .numbering
            .order()
            .iter()
            .filter_map(|id| source_ids.iter().position(|s| s == id))
            .collect();
        if guide.citations_required {
            for (index, offset) in source_offsets.iter().enumerate() {
                if !guide.cited.contains(&index) {
                    front_rep.at(
                        *offset,
                        Severity::Warning,
                        format!(
                            "source `{}` is listed but never cited",
                            guide.sources[index].id
                        ),
                        Some(format!(
                            "cite it with [^{}] after the claim it backs, or remove it",
                            guide.sources[index].id
                        )),
                    );
                }
            }
            for (section, offset) in parsed.sections.iter().zip(&parsed.section_offsets) {
                if section.citations.is_empty() {
                    rep.at(
                        *offset,
                        Severity::Warning,
                        format!("the section \"{}\" cites no source", section.title),
                        Some("add [^id] after the claims it makes, with an id from `sources` (or set citations_required = false for a page that makes no claims)".into()),
                    );
                }
            }
        }
        guide.intro = parsed.intro;
        guide.sections = parsed.sections;
        guide.guide_links = parsed.guide_links;
        let mut problems = front_rep.problems;
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
        let guide = Some(guide).filter(|_| !problems.iter().any(Problem::is_error));
        (guide, problems)
    }
}

/// Text put in place of a placeholder in a guide (the crisis lines in the crisis guide).
#[derive(Clone, Debug)]
pub struct Expansion<'a> {
    pub placeholder: &'a str,
    pub markdown: String,
    /// Sources the Markdown cites, added to the guide's own.
    pub sources: &'a [SourceRef],
}

/// Maps positions in an expanded body back to the file as written.
#[derive(Clone, Copy, Default)]
struct Shift {
    at: usize,
    inserted: usize,
    removed: usize,
}

impl Shift {
    fn back(self, offset: usize) -> usize {
        if offset < self.at || self.inserted == 0 {
            offset
        } else if offset < self.at + self.inserted {
            self.at
        } else {
            offset - self.inserted + self.removed
        }
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

/// The guide's front matter, and where each source starts (for "never cited" warnings).
fn parse_front_matter(
    front: &str,
    rep: &mut Reporter<'_>,
    path: &Path,
) -> Option<(Guide, Vec<usize>)> {
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
    let citations_required = fields.boolean(rep, "citations_required").unwrap_or(true);
    let mut sources: Vec<SourceRef> = Vec::new();
    let mut source_offsets = Vec::new();
    for (table, span) in fields.table_list(rep, "sources") {
        let start = span.start;
        let source = Fields::new(table, span, "a source");
        source.reject_unknown_keys(rep, &["id", "title", "url"]);
        let id = source.required_string(rep, "id", "\"dore-2019\"");
        let title = source.required_string(rep, "title", "\"Dore et al. 2019\"");
        let url = source.required_string(rep, "url", "\"https://…\"");
        if let Some(id) = &id {
            let offset = source.get("id").map_or(start, |v| v.span().start);
            if !citation::is_valid_id(id) {
                rep.error(
                    offset,
                    format!("source id `{id}` may only use lowercase letters, digits and dashes"),
                    Some("for example id = \"spravato-label\"".into()),
                );
            } else if sources.iter().any(|s| s.id == *id) {
                rep.error(
                    offset,
                    format!("two sources have the id `{id}`"),
                    Some("give each source its own id".into()),
                );
            }
        }
        if let (Some(id), Some(title), Some(url)) = (id, title, url) {
            if !is_web_address(&url) {
                rep.error(
                    source.get("url").map_or(0, |v| v.span().start),
                    format!("source URL `{url}` is not a web address"),
                    Some("start it with https://".into()),
                );
            }
            sources.push(SourceRef { id, title, url });
            source_offsets.push(start);
        }
    }
    if sources.is_empty() {
        rep.error(
            fields.span.start,
            "a guide needs at least one source",
            Some("add sources = [{ id = \"…\", title = \"…\", url = \"https://…\" }]".into()),
        );
    }
    let guide = Guide {
        id: id?,
        title: title?,
        order,
        summary,
        keywords,
        reviewed: reviewed?,
        sources,
        cited: Vec::new(),
        citations_required,
        intro: Vec::new(),
        sections: Vec::new(),
        guide_links: Vec::new(),
        origin: path.to_path_buf(),
    };
    Some((guide, source_offsets))
}

struct ParsedBody {
    intro: Vec<Block>,
    sections: Vec<Section>,
    /// Where each section's heading is, in the file.
    section_offsets: Vec<usize>,
    guide_links: Vec<(String, usize)>,
    h1_offsets: Vec<usize>,
    numbering: Numbering,
    /// Cited ids missing from the front matter, with the marker's offset in the file.
    unknown_citations: Vec<(String, usize)>,
}

/// Gives every `guide:ID` link the title of the guide it points to, so readers see where a link
/// goes in words rather than an id.
pub fn resolve_link_titles(guides: &mut [Guide]) {
    fn visit(blocks: &mut [Block], titles: &std::collections::HashMap<String, String>) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines) | Block::Heading(inlines) => {
                    for inline in inlines {
                        let target = inline
                            .link
                            .as_deref()
                            .and_then(|l| l.strip_prefix("guide:"));
                        inline.link_title = target.and_then(|id| titles.get(id)).cloned();
                    }
                }
                Block::List { items, .. } => items.iter_mut().for_each(|i| visit(i, titles)),
                Block::Quote(inner) => visit(inner, titles),
                Block::Code(_) | Block::Rule => {}
            }
        }
    }
    let titles = guides
        .iter()
        .map(|g| (g.id.clone(), g.title.clone()))
        .collect();
    for guide in guides {
        visit(&mut guide.intro, &titles);
        for section in &mut guide.sections {
            visit(&mut section.blocks, &titles);
        }
    }
}

impl ParsedBody {
    fn map_offsets(&mut self, map: impl Fn(usize) -> usize) {
        let offsets = self
            .section_offsets
            .iter_mut()
            .chain(self.h1_offsets.iter_mut())
            .chain(self.guide_links.iter_mut().map(|(_, o)| o))
            .chain(self.unknown_citations.iter_mut().map(|(_, o)| o));
        for offset in offsets {
            *offset = map(*offset);
        }
    }
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
        let text = sanitize_line(text);
        let link = self.links.last();
        let (strong, emphasis) = (self.strong > 0, self.emphasis > 0);
        if let Some(last) = self.inlines.last_mut()
            && (
                last.strong,
                last.emphasis,
                last.code,
                last.link.as_ref(),
                last.cite,
            ) == (strong, emphasis, code, link, None)
        {
            last.text.push_str(&text);
            return;
        }
        self.inlines.push(Inline {
            text: text.into_owned(),
            strong,
            emphasis,
            code,
            link: link.cloned(),
            link_title: None,
            cite: None,
        });
    }

    fn push_cite(&mut self, number: usize) {
        self.inlines.push(Inline {
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            cite: Some(number),
            ..Inline::default()
        });
    }

    fn take(&mut self) -> Vec<Inline> {
        std::mem::take(&mut self.inlines)
    }
}

/// Finds `[^id]` markers in text that pulldown-cmark hands over in pieces (`[`, `^id`, `]` are
/// often separate events): text is held back while it could still become a marker.
struct Citer<'a> {
    body: &'a str,
    body_offset: usize,
    source_ids: &'a [&'a str],
    /// Text not yet pushed, and for each piece of it, (start in `pending`, start in `body`).
    pending: String,
    anchors: Vec<(usize, usize)>,
    numbering: Numbering,
    /// Numbers cited since the current section started.
    in_section: Vec<usize>,
    unknown: Vec<(String, usize)>,
}

impl Citer<'_> {
    fn text(&mut self, text: &str, body_start: usize, inline: &mut InlineState) {
        if self.pending.is_empty() && !text.contains('[') {
            // Most text holds no marker, whole or partial: nothing to look up or hold back.
            if !text.is_empty() {
                inline.push(text, false);
            }
            return;
        }
        self.anchors.push((self.pending.len(), body_start));
        self.pending.push_str(text);
        let keep_from = citation::ends_with_partial_marker(&self.pending);
        let ready_len = keep_from.unwrap_or(self.pending.len());
        let rest_start = self.body_position(ready_len);
        let rest = self.pending.split_off(ready_len);
        let ready = std::mem::replace(&mut self.pending, rest);
        self.emit(&ready, inline);
        self.anchors = if self.pending.is_empty() {
            Vec::new()
        } else {
            vec![(0, rest_start)]
        };
    }

    /// Pushes whatever is held back as plain text (a `[` not followed by a marker).
    fn flush(&mut self, inline: &mut InlineState) {
        if !self.pending.is_empty() {
            inline.push(&std::mem::take(&mut self.pending), false);
        }
        self.anchors.clear();
    }

    fn body_position(&self, pending_offset: usize) -> usize {
        let (piece_start, body_start) = self
            .anchors
            .iter()
            .rev()
            .find(|(p, _)| *p <= pending_offset)
            .copied()
            .unwrap_or((0, 0));
        body_start + pending_offset - piece_start
    }

    fn emit(&mut self, text: &str, inline: &mut InlineState) {
        for piece in citation::split(text) {
            match piece {
                Piece::Text(words) => inline.push(words, false),
                Piece::Cite { id, offset } => {
                    let at = self.body_position(offset);
                    // A `\[` escape reaches us without its backslash: look at the file.
                    let literal = self.body.as_bytes().get(at) != Some(&b'[')
                        || self.body[..at].ends_with('\\');
                    if literal {
                        inline.push(&format!("[^{id}]"), false);
                    } else if self.source_ids.contains(&id) {
                        let number = self.numbering.number(id);
                        if !self.in_section.contains(&number) {
                            self.in_section.push(number);
                        }
                        inline.push_cite(number);
                    } else {
                        self.unknown.push((id.to_string(), self.body_offset + at));
                        inline.push(&format!("[^{id}]"), false);
                    }
                }
            }
        }
    }
}

struct BodyBuilder<'a> {
    frames: Vec<Frame>,
    root: Vec<Block>,
    intro: Option<Vec<Block>>,
    sections: Vec<Section>,
    inline: InlineState,
    citer: Citer<'a>,
}

impl<'a> BodyBuilder<'a> {
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

    /// Hands the blocks and citations gathered so far to the current section (or the intro).
    fn close_section(&mut self) {
        let blocks = std::mem::take(&mut self.root);
        let citations = std::mem::take(&mut self.citer.in_section);
        match self.sections.last_mut() {
            Some(section) => {
                section.blocks = blocks;
                section.citations = citations;
            }
            None => self.intro = Some(blocks),
        }
    }

    fn start_section(&mut self, title: String) {
        self.close_section();
        self.sections.push(Section {
            title,
            blocks: Vec::new(),
            citations: Vec::new(),
        });
    }

    fn finish(mut self) -> (Vec<Block>, Vec<Section>, Citer<'a>) {
        self.flush_loose_text();
        self.close_section();
        (self.intro.unwrap_or_default(), self.sections, self.citer)
    }
}

fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(first) = inlines.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = inlines.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    inlines.retain(|i| !i.text.is_empty() || i.cite.is_some());
    inlines
}

/// Where a list or quote nests deeper than [`MAX_NESTING`] (a byte offset in the file).
struct TooDeep(usize);

/// Builds the document model in one pass over the Markdown events (linear in the body's size);
/// stops at the first container nested deeper than [`MAX_NESTING`]. Footnotes stay off: `[^id]`
/// then arrives as text, whether or not a definition exists, and the citer finds it however the
/// text is split.
fn parse_body(body: &str, body_offset: usize, source_ids: &[&str]) -> Result<ParsedBody, TooDeep> {
    let mut b = BodyBuilder {
        frames: vec![Frame::Root],
        root: Vec::new(),
        intro: None,
        sections: Vec::new(),
        inline: InlineState::default(),
        citer: Citer {
            body,
            body_offset,
            source_ids,
            pending: String::new(),
            anchors: Vec::new(),
            numbering: Numbering::default(),
            in_section: Vec::new(),
            unknown: Vec::new(),
        },
    };
    let mut guide_links = Vec::new();
    let mut h1_offsets = Vec::new();
    let mut section_offsets = Vec::new();
    let mut heading_start = 0;
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
        if in_code || !matches!(event, Event::Text(_)) {
            b.citer.flush(&mut b.inline);
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                b.flush_loose_text();
                heading_start = body_offset + range.start;
                if level == HeadingLevel::H1 {
                    h1_offsets.push(heading_start);
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let inlines = trim_inlines(b.inline.take());
                let at_top = matches!(b.frames.as_slice(), [Frame::Root]);
                if level <= HeadingLevel::H2 && at_top {
                    section_offsets.push(heading_start);
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
            Event::Text(text) => b.citer.text(&text, range.start, &mut b.inline),
            Event::Html(text) | Event::InlineHtml(text) => b.inline.push(&text, false),
            Event::Code(text) => b.inline.push(&text, true),
            Event::SoftBreak | Event::HardBreak => b.inline.push(" ", false),
            Event::Rule => b.add(Block::Rule),
            _ => {}
        }
    }
    b.citer.flush(&mut b.inline);
    let (intro, sections, citer) = b.finish();
    Ok(ParsedBody {
        intro,
        sections,
        section_offsets,
        guide_links,
        h1_offsets,
        numbering: citer.numbering,
        unknown_citations: citer.unknown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUIDE: &str = "+++\nid = \"g\"\ntitle = \"A guide\"\norder = 2\nsummary = \"S\"\nkeywords = [\"k\"]\nreviewed = 2026-11-25\nsources = [{ id = \"t\", title = \"T\", url = \"https://example.org\" }]\n+++\n\nIntro *here*.\n\n## First part\n\nSome **bold** and a [link](https://example.org/x) and [another guide](guide:other).[^t]\n\n- one\n- two\n  - nested\n\n## Second part\n\n1. first\n2. second[^t]\n";

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

    /// A guide with two sources and the given body.
    fn cited(front_extra: &str, body: &str) -> String {
        format!(
            "+++\nid = \"g\"\ntitle = \"G\"\nreviewed = 2026-11-25\n{front_extra}sources = [\n  {{ id = \"dore-2019\", title = \"Dore\", url = \"https://example.org/d\" }},\n  {{ id = \"spravato-label\", title = \"Label\", url = \"https://example.org/l\" }},\n]\n+++\n{body}"
        )
    }

    fn messages(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    fn cites(inlines: &[Inline]) -> Vec<usize> {
        inlines.iter().filter_map(|i| i.cite).collect()
    }

    /// Parses a guide that must load without a single problem.
    fn clean(body: &str) -> Guide {
        let (guide, problems) = Guide::parse(Path::new("g.md"), &cited("", body));
        assert!(problems.is_empty(), "{:#?}", messages(&problems));
        guide.unwrap()
    }

    fn paragraph(block: &Block) -> &[Inline] {
        let Block::Paragraph(inlines) = block else {
            panic!("paragraph expected: {block:?}")
        };
        inlines
    }

    #[test]
    fn markers_become_numbers_by_first_appearance() {
        let guide = clean(
            "Intro.[^spravato-label]\n\n## A\n\nTwo hours.[^spravato-label][^dore-2019] More [^dore-2019].\n\n## B\n\n- *item*[^dore-2019]\n",
        );
        assert_eq!(guide.cited, [1, 0], "label first, then Dore");
        assert_eq!(cites(paragraph(&guide.intro[0])), [1]);
        assert_eq!(cites(paragraph(&guide.sections[0].blocks[0])), [1, 2, 2]);
        assert_eq!(guide.sections[0].citations, [1, 2]);
        assert_eq!(guide.sections[1].citations, [2]);
        let text = guide.sections[0].plain_text();
        assert_eq!(text, "Two hours. More .\n", "search never sees the markers");
        assert!(!guide.intro_text().contains('['));
    }

    #[test]
    fn markers_split_across_text_events_are_found() {
        // pulldown-cmark hands `[`, `^id` and `]` over as separate text events, and a marker
        // can follow emphasis, a link or another marker.
        let guide = clean(
            "## A\n\n**Bold**[^dore-2019] [link](https://x.org)[^spravato-label] a[b] c [^ d] [^dore-2019\n",
        );
        let p = paragraph(&guide.sections[0].blocks[0]);
        assert_eq!(cites(p), [1, 2]);
        assert_eq!(
            inline_text(p),
            "Bold link a[b] c [^ d] [^dore-2019",
            "near misses stay text"
        );
    }

    #[test]
    fn markers_in_code_and_escaped_stay_literal() {
        let text = cited(
            "",
            "## A\n\nUse `[^dore-2019]` like this.[^dore-2019] Not \\[^nope].\n\n```\n[^spravato-label]\n```\n",
        );
        let (guide, problems) = Guide::parse(Path::new("g.md"), &text);
        let warnings = messages(&problems);
        assert_eq!(warnings.len(), 1, "{warnings:#?}");
        assert!(
            warnings[0].contains("source `spravato-label` is listed but never cited"),
            "{warnings:#?}"
        );
        let guide = guide.unwrap();
        let p = paragraph(&guide.sections[0].blocks[0]);
        assert_eq!(inline_text(p), "Use [^dore-2019] like this. Not [^nope].");
        assert_eq!(cites(p), [1]);
        assert_eq!(
            guide.sections[0].blocks[1],
            Block::Code("[^spravato-label]".into())
        );
    }

    #[test]
    fn an_unknown_id_is_an_error_at_the_marker_with_a_suggestion() {
        let text = cited("", "## A\n\nClaim.[^dore-2091]\n");
        let (guide, problems) = Guide::parse(Path::new("g.md"), &text);
        assert!(
            guide.is_none(),
            "a guide citing a missing source is rejected"
        );
        let errors = messages(&problems);
        assert!(
            errors.iter().any(|e| e
                == "g.md:12:7: error: `[^dore-2091]` cites a source id that is not in this guide's `sources`\n  hint: did you mean `dore-2019`?"),
            "{errors:#?}"
        );
    }

    #[test]
    fn uncited_sources_and_sections_are_warned_unless_exempt() {
        let text = cited(
            "",
            "## A\n\nClaim.[^dore-2019]\n\n## B\n\nNo source here.\n",
        );
        let (guide, problems) = Guide::parse(Path::new("g.md"), &text);
        assert!(guide.is_some());
        let warnings = messages(&problems);
        assert_eq!(
            warnings
                .iter()
                .map(|w| w.lines().next().unwrap())
                .collect::<Vec<_>>(),
            [
                "g.md:7:3: warning: source `spravato-label` is listed but never cited",
                "g.md:14:1: warning: the section \"B\" cites no source",
            ]
        );
        let exempt = cited("citations_required = false\n", "## A\n\nWords.\n");
        let (guide, problems) = Guide::parse(Path::new("g.md"), &exempt);
        assert!(problems.is_empty(), "{:#?}", messages(&problems));
        assert!(!guide.unwrap().citations_required);
    }

    #[test]
    fn source_ids_are_required_well_formed_and_unique() {
        let text = "+++\nid = \"g\"\ntitle = \"G\"\nreviewed = 2026-11-25\nsources = [\n  { title = \"No id\", url = \"https://example.org\" },\n  { id = \"Bad_Id\", title = \"B\", url = \"https://example.org\" },\n  { id = \"a\", title = \"A\", url = \"https://example.org\" },\n  { id = \"a\", title = \"A again\", url = \"https://example.org\" },\n]\n+++\n## A\n\nx[^a]\n";
        let (guide, problems) = Guide::parse(Path::new("g.md"), text);
        assert!(guide.is_none());
        let errors = messages(&problems);
        for expected in [
            "g.md:6:3: error: missing required key `id` in a source",
            "g.md:7:10: error: source id `Bad_Id` may only use lowercase letters, digits and dashes",
            "g.md:9:10: error: two sources have the id `a`",
        ] {
            assert!(
                errors.iter().any(|e| e.starts_with(expected)),
                "{expected}\n{errors:#?}"
            );
        }
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
        let body = format!(
            "## Part\n\nCited.[^t]\n\n{} deep\n",
            ">".repeat(MAX_NESTING)
        );
        let (guide, problems) = Guide::parse(Path::new("g.md"), &guide_with_body(&body));
        assert!(problems.is_empty(), "{problems:?}");
        let mut block = &guide.unwrap().sections[0].blocks[1];
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
