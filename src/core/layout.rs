//! Lays a guide out as wrapped, styled lines for a given width. Both the CLI printer and the TUI
//! reader draw from this, so a guide wraps the same way everywhere (textwrap does the wrapping).

use textwrap::core::Fragment;

use unicode_segmentation::UnicodeSegmentation;

use super::width::{display_width, take_width};
use textwrap::wrap_algorithms::wrap_first_fit;

use super::citation;
use super::guide::{Block, Guide, Inline};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanStyle {
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    pub link: bool,
    /// Secondary text: link targets, list markers, the reviewed date.
    pub dim: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: SpanStyle,
    /// The link to another guide this text belongs to, an index into [`Layout::links`].
    pub link: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Section,
    Subheading,
    Body,
    Blank,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextLine {
    pub kind: LineKind,
    pub spans: Vec<Span>,
}

impl TextLine {
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    fn blank() -> Self {
        TextLine {
            kind: LineKind::Blank,
            spans: Vec::new(),
        }
    }
}

/// Wrapping for plain text: break only at spaces (never inside a date, a URL or a hyphenated
/// word), and let a word longer than the line stay whole so it can still be copied. Optimal fit
/// would otherwise let a line run past the width when that evens out the others.
pub fn wrap_options(width: usize) -> textwrap::Options<'static> {
    let penalties = textwrap::wrap_algorithms::Penalties {
        overflow_penalty: usize::MAX / 4,
        ..textwrap::wrap_algorithms::Penalties::new()
    };
    textwrap::Options::new(width)
        .wrap_algorithm(textwrap::WrapAlgorithm::OptimalFit(penalties))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false)
}

/// A guide laid out: its lines and, for each section, the line its heading is on.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub lines: Vec<TextLine>,
    pub section_lines: Vec<usize>,
    pub width: usize,
    /// Each link to another guide, in reading order: the guide's id and the first line the
    /// link is on.
    pub links: Vec<(String, usize)>,
}

/// One word with its style, and whether a space follows it. Citation markers that follow a word
/// without a space (`claim.[1][2]`) ride along in `marks`, so a line never starts with one.
#[derive(Debug)]
struct Word {
    text: String,
    style: SpanStyle,
    marks: String,
    width: usize,
    space_after: bool,
    link: Option<usize>,
}

/// How citation markers look: secondary, like link targets.
const MARK_STYLE: SpanStyle = SpanStyle {
    strong: false,
    emphasis: false,
    code: false,
    link: false,
    dim: true,
};

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        f64::from(u8::from(self.space_after))
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

fn plain(text: impl Into<String>, style: SpanStyle) -> Inline {
    Inline {
        text: text.into(),
        strong: style.strong,
        emphasis: style.emphasis,
        code: style.code,
        ..Inline::default()
    }
}

/// True for a group of a phone number ("116", "13", "0477", "1-800-662-4357", "(737)").
fn is_number_group(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || "+-() ".contains(c))
}

/// Splits inlines into words; a link is followed by its target in dim text. Digit groups stay
/// together ("13 11 14" is never split across lines). With `cut_at` set, words longer than that
/// are cut so no line overflows (a screen); without, they stay whole (printed text, where a URL
/// must survive being copied).
fn words(inlines: &[Inline], cut_at: Option<usize>, links: &mut Vec<String>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let push_text = |text: &str, style: SpanStyle, link: Option<usize>, out: &mut Vec<Word>| {
        let mut rest = text;
        if rest.starts_with(char::is_whitespace)
            && let Some(last) = out.last_mut()
        {
            last.space_after = true;
        }
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let space_after = end < rest.len();
            let word = &rest[..end];
            let fits =
                |w: &Word| cut_at.is_none_or(|limit| w.width + 1 + display_width(word) <= limit);
            match out.last_mut() {
                Some(last)
                    if last.space_after
                        && last.marks.is_empty()
                        && last.style == style
                        && last.link == link
                        && is_number_group(&last.text)
                        && is_number_group(word)
                        && fits(last) =>
                {
                    last.text.push(' ');
                    last.text.push_str(word);
                    last.width = display_width(&last.text);
                }
                _ => {
                    let pieces = match cut_at {
                        Some(limit) => split_to_width(word, limit.max(1)),
                        None => vec![word.to_string()],
                    };
                    for piece in pieces {
                        out.push(Word {
                            width: display_width(&piece),
                            text: piece,
                            style,
                            marks: String::new(),
                            space_after: false,
                            link,
                        });
                    }
                }
            }
            if let Some(last) = out.last_mut() {
                last.space_after = space_after;
            }
            rest = &rest[end..];
        }
    };
    for inline in inlines {
        if let Some(number) = inline.cite {
            let label = citation::label(number);
            match out.last_mut() {
                Some(last) if !last.space_after => {
                    last.width += display_width(&label);
                    last.marks.push_str(&label);
                }
                _ => out.push(Word {
                    width: display_width(&label),
                    text: String::new(),
                    style: MARK_STYLE,
                    marks: label,
                    space_after: false,
                    link: None,
                }),
            }
            continue;
        }
        let style = SpanStyle {
            strong: inline.strong,
            emphasis: inline.emphasis,
            code: inline.code,
            link: inline.link.is_some(),
            dim: false,
        };
        // A link to another guide can be followed: its words carry the link's number.
        let guide = inline
            .link
            .as_deref()
            .and_then(|l| l.strip_prefix("guide:"));
        let link = guide.map(|id| {
            links.push(id.to_string());
            links.len() - 1
        });
        push_text(&inline.text, style, link, &mut out);
        if let Some(target) = &inline.link {
            let shown = match (guide, &inline.link_title) {
                // Link words that already are the title need no second telling.
                (Some(_), Some(title)) if inline.text.trim().eq_ignore_ascii_case(title) => {
                    continue;
                }
                (Some(_), Some(title)) => format!(" (see guide: {title})"),
                (Some(id), None) => format!(" (see guide: {id})"),
                (None, _) if inline.text.trim() == target => continue,
                (None, _) => format!(" <{target}>"),
            };
            let dim = SpanStyle {
                dim: true,
                ..SpanStyle::default()
            };
            push_text(&shown, dim, link, &mut out);
        }
    }
    out
}

/// `word` in pieces of at most `width` columns, never splitting a grapheme.
pub fn split_to_width(word: &str, width: usize) -> Vec<String> {
    if display_width(word) <= width {
        return vec![word.to_string()];
    }
    let mut pieces = Vec::new();
    let mut rest = word;
    while !rest.is_empty() {
        // A cluster wider than the whole line still goes somewhere: alone on its line.
        let mut piece = take_width(rest, width);
        if piece.is_empty() {
            piece = rest.graphemes(true).next().unwrap_or(rest);
        }
        pieces.push(piece.to_string());
        rest = &rest[piece.len()..];
    }
    pieces
}

/// Wraps inlines to `width`, putting `first_prefix` before the first line and `rest_prefix`
/// before the others (hanging indents for list items).
fn wrap(
    inlines: &[Inline],
    width: usize,
    cut_long_words: bool,
    (first_prefix, rest_prefix): (&[Span], &[Span]),
    links: &mut Vec<String>,
) -> Vec<Vec<Span>> {
    let prefix_width = first_prefix
        .iter()
        .map(|s| display_width(&s.text))
        .sum::<usize>();
    let available = width.saturating_sub(prefix_width).max(1);
    let words = words(inlines, cut_long_words.then_some(available), links);
    let lines = wrap_first_fit(&words, &[available as f64]);
    lines
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let mut spans: Vec<Span> = if n == 0 {
                first_prefix.to_vec()
            } else {
                rest_prefix.to_vec()
            };
            for (i, word) in line.iter().enumerate() {
                let space = if word.space_after && i + 1 < line.len() {
                    " "
                } else {
                    ""
                };
                let pieces = if word.marks.is_empty() {
                    [
                        (format!("{}{space}", word.text), word.style, word.link),
                        (String::new(), MARK_STYLE, None),
                    ]
                } else {
                    [
                        (word.text.clone(), word.style, word.link),
                        (format!("{}{space}", word.marks), MARK_STYLE, None),
                    ]
                };
                for (text, style, link) in pieces.into_iter().filter(|(t, ..)| !t.is_empty()) {
                    match spans.last_mut() {
                        Some(prev) if prev.style == style && prev.link == link => {
                            prev.text.push_str(&text);
                        }
                        _ => spans.push(Span { text, style, link }),
                    }
                }
            }
            spans
        })
        .collect()
}

struct Builder {
    width: usize,
    cut_long_words: bool,
    lines: Vec<TextLine>,
    links: Vec<(String, usize)>,
}

impl Builder {
    fn push(&mut self, kind: LineKind, spans: Vec<Span>) {
        self.lines.push(TextLine { kind, spans });
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.kind != LineKind::Blank) {
            self.lines.push(TextLine::blank());
        }
    }

    fn paragraph(&mut self, kind: LineKind, inlines: &[Inline], first: &[Span], rest: &[Span]) {
        let mut targets = Vec::new();
        let wrapped = wrap(
            inlines,
            self.width,
            self.cut_long_words,
            (first, rest),
            &mut targets,
        );
        let known = self.links.len();
        for (l, target) in targets.into_iter().enumerate() {
            let first = wrapped
                .iter()
                .position(|spans| spans.iter().any(|s| s.link == Some(l)))
                .unwrap_or(0);
            self.links.push((target, self.lines.len() + first));
        }
        for spans in wrapped {
            let spans = spans
                .into_iter()
                .map(|s| Span {
                    link: s.link.map(|l| known + l),
                    ..s
                })
                .collect();
            self.push(kind, spans);
        }
    }

    fn blocks(&mut self, blocks: &[Block], indent: &[Span]) {
        for block in blocks {
            self.block(block, indent);
        }
    }

    fn block(&mut self, block: &Block, indent: &[Span]) {
        match block {
            Block::Paragraph(inlines) => {
                self.paragraph(LineKind::Body, inlines, indent, indent);
                self.blank();
            }
            Block::Heading(inlines) => {
                let strong: Vec<Inline> = inlines
                    .iter()
                    .map(|i| Inline {
                        strong: true,
                        ..i.clone()
                    })
                    .collect();
                self.paragraph(LineKind::Subheading, &strong, indent, indent);
            }
            Block::List { start, items } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(first) => format!("{}. ", first + n as u64),
                        None => "• ".to_string(),
                    };
                    let pad = " ".repeat(display_width(&marker));
                    let mut first = indent.to_vec();
                    first.push(Span {
                        text: marker,
                        style: SpanStyle::default(),
                        link: None,
                    });
                    let mut rest = indent.to_vec();
                    rest.push(Span {
                        text: pad,
                        style: SpanStyle::default(),
                        link: None,
                    });
                    self.list_item(item, &first, &rest);
                }
                self.blank();
            }
            Block::Quote(blocks) => {
                let mut bar = indent.to_vec();
                bar.push(Span {
                    text: "│ ".into(),
                    style: SpanStyle {
                        dim: true,
                        ..SpanStyle::default()
                    },
                    link: None,
                });
                self.blocks(blocks, &bar);
            }
            Block::Code(code) => {
                let style = SpanStyle {
                    code: true,
                    ..SpanStyle::default()
                };
                for line in code.lines() {
                    self.paragraph(LineKind::Body, &[plain(line, style)], indent, indent);
                }
                self.blank();
            }
            Block::Rule => {
                let rule = "─".repeat(self.width.min(40));
                self.push(
                    LineKind::Body,
                    vec![Span {
                        text: rule,
                        style: SpanStyle {
                            dim: true,
                            ..SpanStyle::default()
                        },
                        link: None,
                    }],
                );
                self.blank();
            }
        }
    }

    /// The numbered sources, cited ones first in number order, then any never cited (marked
    /// `•`): the title, then the URL on a line of its own, never split (a URL wider than the
    /// width runs past its edge).
    fn sources(&mut self, guide: &Guide) {
        let uncited = (0..guide.sources.len()).filter(|i| !guide.cited.contains(i));
        let order: Vec<(String, usize)> = (guide.cited.iter().copied())
            .enumerate()
            .map(|(n, i)| (citation::label(n + 1), i))
            .chain(uncited.map(|i| ("•".to_string(), i)))
            .collect();
        let marker_width = order
            .iter()
            .map(|(m, _)| display_width(m))
            .max()
            .unwrap_or(0);
        let pad = " ".repeat(marker_width + 1);
        for (marker, index) in order {
            let source = &guide.sources[index];
            let first = format!("{marker:<marker_width$} ");
            let span = |text: &str| Span {
                text: text.to_string(),
                style: SpanStyle::default(),
                link: None,
            };
            let title = [plain(&source.title, SpanStyle::default())];
            self.paragraph(LineKind::Body, &title, &[span(&first)], &[span(&pad)]);
            let url = [plain(
                &source.url,
                SpanStyle {
                    dim: true,
                    ..SpanStyle::default()
                },
            )];
            let indent = if display_width(&source.url) + pad.len() <= self.width {
                pad.as_str()
            } else {
                ""
            };
            // Never split, even on a screen: a URL in pieces cannot be copied.
            let cut = std::mem::replace(&mut self.cut_long_words, false);
            self.paragraph(LineKind::Body, &url, &[span(indent)], &[span(indent)]);
            self.cut_long_words = cut;
        }
    }

    /// The first paragraph of an item carries the marker; the rest hang under it.
    fn list_item(&mut self, item: &[Block], first: &[Span], rest: &[Span]) {
        let mut blocks = item.iter();
        match blocks.next() {
            Some(Block::Paragraph(inlines)) => self.paragraph(LineKind::Body, inlines, first, rest),
            Some(other) => {
                self.push(LineKind::Body, first.to_vec());
                self.block(other, rest);
            }
            None => self.push(LineKind::Body, first.to_vec()),
        }
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => self.paragraph(LineKind::Body, inlines, rest, rest),
                other => {
                    self.block(other, rest);
                    self.lines.pop_if(|l| l.kind == LineKind::Blank);
                }
            }
        }
    }
}

/// Lays out a whole guide for a screen: title, summary, intro, sections, then sources and the
/// reviewed date. No line is wider than `width`, except a source's URL that cannot fit: it
/// stands whole on its own line.
pub fn layout_guide(guide: &Guide, width: usize) -> Layout {
    layout(guide, width, true)
}

/// The same for printing: a word longer than the line (a URL) stays whole so it can be copied.
pub fn layout_guide_for_print(guide: &Guide, width: usize) -> Layout {
    layout(guide, width, false)
}

fn layout(guide: &Guide, width: usize, cut_long_words: bool) -> Layout {
    let width = width.max(20);
    let mut b = Builder {
        width,
        cut_long_words,
        lines: Vec::new(),
        links: Vec::new(),
    };
    let strong = SpanStyle {
        strong: true,
        ..SpanStyle::default()
    };
    let dim = SpanStyle {
        dim: true,
        ..SpanStyle::default()
    };
    b.paragraph(LineKind::Title, &[plain(&guide.title, strong)], &[], &[]);
    if !guide.summary.is_empty() {
        b.paragraph(
            LineKind::Body,
            &[plain(
                &guide.summary,
                SpanStyle {
                    emphasis: true,
                    ..SpanStyle::default()
                },
            )],
            &[],
            &[],
        );
    }
    b.blank();
    b.blocks(&guide.intro, &[]);
    let mut section_lines = Vec::new();
    for section in &guide.sections {
        b.blank();
        section_lines.push(b.lines.len());
        b.paragraph(
            LineKind::Section,
            &[plain(&section.title, strong)],
            &[],
            &[],
        );
        b.blank();
        b.blocks(&section.blocks, &[]);
    }
    b.blank();
    b.paragraph(LineKind::Section, &[plain("Sources", strong)], &[], &[]);
    b.blank();
    b.sources(guide);
    b.blank();
    b.paragraph(
        LineKind::Body,
        &[plain(
            format!(
                "Reviewed {}. Educational, not medical advice.",
                guide.reviewed
            ),
            dim,
        )],
        &[],
        &[],
    );
    Layout {
        lines: b.lines,
        section_lines,
        width,
        links: b.links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn guide() -> Guide {
        let text = "+++\nid = \"g\"\ntitle = \"Title\"\norder = 1\nsummary = \"\"\nkeywords = []\nreviewed = 2026-11-25\nsources = [{ id = \"src\", title = \"Src\", url = \"https://example.org/s\" }]\n+++\n## Part\n\nAlpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.[^src]\n\n- a list item that is long enough to wrap onto a second line\n\nSee [it](https://example.org/page).\n";
        Guide::parse(Path::new("g.md"), text).0.unwrap()
    }

    #[test]
    fn wraps_within_width_with_hanging_list_indent() {
        let layout = layout_guide(&guide(), 30);
        let texts: Vec<String> = layout.lines.iter().map(TextLine::text).collect();
        assert!(texts.iter().all(|t| display_width(t) <= 30), "{texts:#?}");
        let item = texts
            .iter()
            .position(|t| t.starts_with("• a list"))
            .unwrap();
        assert!(
            texts[item + 1].starts_with("  "),
            "hanging indent: {texts:#?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.contains("<https://example.org/page>"))
        );
        assert!(texts.iter().any(|t| t.starts_with("Reviewed 2026-11-25")));
        assert_eq!(texts[layout.section_lines[0]], "Part");
    }

    #[test]
    fn phone_numbers_stay_on_one_line_and_printed_urls_stay_whole() {
        let inlines = [Inline {
            text: "Call Lifeline on 13 11 14 or text 0477 13 11 14 now".into(),
            ..Inline::default()
        }];
        for width in 14..40 {
            let lines: Vec<String> = wrap(&inlines, width, true, (&[], &[]), &mut Vec::new())
                .iter()
                .map(|l| l.iter().map(|s| s.text.as_str()).collect())
                .collect();
            assert!(
                lines.iter().any(|l| l.contains("13 11 14")),
                "width {width}: {lines:?}"
            );
            assert!(
                lines.iter().any(|l| l.contains("0477 13 11 14")),
                "width {width}: {lines:?}"
            );
        }
        let url = [Inline {
            text: "see".into(),
            link: Some("https://example.org/a/very/long/path/that/does/not/fit".into()),
            ..Inline::default()
        }];
        let printed: Vec<String> = wrap(&url, 20, false, (&[], &[]), &mut Vec::new())
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert!(
            printed
                .iter()
                .any(|l| l.contains("<https://example.org/a/very/long/path/that/does/not/fit>")),
            "{printed:?}"
        );
    }

    #[test]
    fn long_words_are_cut_not_overflowing() {
        assert_eq!(split_to_width("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
