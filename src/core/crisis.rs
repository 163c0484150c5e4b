//! The crisis lines (`guides/crisis.toml`): the one list every surface that shows a crisis
//! number is built from: the crisis guide (its `{{crisis-lines}}` block), the `!` overlay, the
//! too-small screen, `--help` and the README (checked by a test). Change a number here and every
//! surface follows.

use std::path::{Path, PathBuf};

use super::date::Date;
use super::diagnostics::{Problem, Reporter, suggestion_hint};
use super::fields::{Fields, parse_document};
use super::guide::SourceRef;

pub const CRISIS_FILE: &str = "crisis.toml";
/// Where the crisis guide's text gets the full list.
pub const PLACEHOLDER: &str = "{{crisis-lines}}";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    Call,
    Text,
    Chat,
}

impl How {
    const ALL: [(&'static str, How); 3] = [
        ("call", How::Call),
        ("text", How::Text),
        ("chat", How::Chat),
    ];

    fn as_str(self) -> &'static str {
        match self {
            How::Call => "call",
            How::Text => "text",
            How::Chat => "chat at",
        }
    }
}

/// One way to reach one service.
#[derive(Clone, Debug, PartialEq)]
pub struct CrisisLine {
    /// The place it serves, as every surface names it ("UK & Republic of Ireland").
    pub country: String,
    pub service: String,
    /// A phone number, or a web address for chat.
    pub number: String,
    pub how: Vec<How>,
    pub hours: Option<String>,
    /// Said after the number ("then press 1", "in English or French").
    pub note: Option<String>,
    /// The name used on small surfaces ("Samaritans"); without it they say how to reach it.
    pub short: Option<String>,
    /// A source id from `sources`.
    pub source: String,
    pub checked: Date,
    pub emergency: bool,
    /// Shown on the small surfaces (overlay top, too-small screen, `--help`).
    pub essential: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CrisisLines {
    pub lines: Vec<CrisisLine>,
    pub sources: Vec<SourceRef>,
    pub origin: PathBuf,
}

const TOP_KEYS: [&str; 2] = ["sources", "line"];
const LINE_KEYS: [&str; 11] = [
    "country",
    "service",
    "number",
    "how",
    "hours",
    "note",
    "short",
    "source",
    "checked",
    "emergency",
    "essential",
];

/// A number is digits in groups ("116 123", "1-800-662-4357"); a chat line gives a web address.
fn is_phone_number(number: &str) -> bool {
    number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
}

impl CrisisLines {
    pub fn parse(path: &Path, text: &str) -> (Option<CrisisLines>, Vec<Problem>) {
        let mut rep = Reporter::new(path, text, 0);
        let Some(doc) = parse_document(text, &mut rep) else {
            return (None, rep.problems);
        };
        let top = Fields::new(doc.get_ref(), doc.span(), "");
        top.reject_unknown_keys(&mut rep, &TOP_KEYS);
        let mut crisis = CrisisLines {
            origin: path.to_path_buf(),
            ..CrisisLines::default()
        };
        for (table, span) in top.table_list(&mut rep, "sources") {
            let start = span.start;
            let fields = Fields::new(table, span, "[[sources]]");
            fields.reject_unknown_keys(&mut rep, &["id", "title", "url"]);
            let id = fields.required_string(&mut rep, "id", "\"samaritans-ireland\"");
            let title = fields.required_string(&mut rep, "title", "\"Samaritans Ireland\"");
            let url = fields.required_string(&mut rep, "url", "\"https://…\"");
            if let (Some(id), Some(title), Some(url)) = (id, title, url) {
                if crisis.sources.iter().any(|s| s.id == id) {
                    rep.error(start, format!("two sources have the id `{id}`"), None);
                }
                crisis.sources.push(SourceRef { id, title, url });
            }
        }
        let ids: Vec<String> = crisis.sources.iter().map(|s| s.id.clone()).collect();
        for (table, span) in top.table_list(&mut rep, "line") {
            let fields = Fields::new(table, span, "[[line]]");
            if let Some(line) = read_line(&fields, &mut rep, &ids) {
                crisis.lines.push(line);
            }
        }
        if crisis.lines.is_empty() {
            rep.error(
                0,
                "the crisis file lists no lines",
                Some(
                    "add [[line]] blocks with country, service, number, how, source and checked"
                        .into(),
                ),
            );
        }
        let ok = !rep.has_errors();
        (ok.then_some(crisis), rep.problems)
    }

    fn essentials(&self, emergency: bool) -> impl Iterator<Item = &CrisisLine> {
        self.lines
            .iter()
            .filter(move |l| l.essential && l.emergency == emergency)
    }

    /// "US: call or text 988", "UK & Republic of Ireland: Samaritans 116 123": the support
    /// lines for the top of the crisis overlay.
    pub fn talk_items(&self) -> Vec<String> {
        self.essentials(false)
            .map(|l| format!("{}: {} {}", l.country, l.short_label(), l.number))
            .collect()
    }

    /// "Emergency: 911 US", "000 Australia": the emergency numbers for the overlay.
    pub fn emergency_items(&self) -> Vec<String> {
        self.essentials(true)
            .enumerate()
            .map(|(i, l)| {
                let item = format!("{} {}", l.number, l.country);
                if i == 0 {
                    format!("Emergency: {item}")
                } else {
                    item
                }
            })
            .collect()
    }

    /// "In crisis: 988 (US)", …, "or your emergency number": the too-small screen.
    pub fn short_items(&self) -> Vec<String> {
        let mut items: Vec<String> = self
            .essentials(false)
            .enumerate()
            .map(|(i, l)| {
                let item = format!("{} ({})", l.number, l.country);
                if i == 0 {
                    format!("In crisis: {item}")
                } else {
                    item
                }
            })
            .collect();
        items.push("or your emergency number".into());
        items
    }

    /// One sentence for `--help`.
    pub fn help_sentence(&self) -> String {
        let talk: Vec<String> = self
            .essentials(false)
            .map(|l| format!("{} {} ({})", l.short_label(), l.number, l.country))
            .collect();
        let emergency: Vec<String> = self
            .essentials(true)
            .map(|l| format!("{} {}", l.number, l.country))
            .collect();
        format!(
            "In crisis: {}; or your local emergency number ({}).",
            talk.join(", "),
            emergency.join(", ")
        )
    }

    /// The lines grouped by country, in file order (a country's lines are kept together).
    fn groups(&self) -> Vec<(&str, Vec<&CrisisLine>)> {
        let mut groups: Vec<(&str, Vec<&CrisisLine>)> = Vec::new();
        for line in &self.lines {
            match groups.iter_mut().find(|(c, _)| *c == line.country) {
                Some((_, lines)) => lines.push(line),
                None => groups.push((&line.country, vec![line])),
            }
        }
        groups
    }

    /// The whole list as Markdown, a `###` heading per country. With `cite`, each line ends
    /// with a `[^source]` marker (for the crisis guide).
    pub fn markdown(&self, cite: bool) -> String {
        let mut out = String::new();
        for (country, lines) in self.groups() {
            out.push_str(&format!("### {country}\n\n"));
            for line in lines {
                out.push_str(&format!("- {}", line.sentence("**")));
                if cite {
                    out.push_str(&format!("[^{}]", line.source));
                }
                out.push('\n');
            }
            out.push('\n');
        }
        out
    }

    /// The whole list as plain lines: a country, then its lines indented, then a blank line.
    pub fn plain_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (country, lines) in self.groups() {
            out.push(country.to_string());
            out.extend(lines.iter().map(|l| format!("  {}", l.sentence(""))));
            out.push(String::new());
        }
        out
    }

    /// Every number and web address in the file.
    pub fn numbers(&self) -> Vec<&str> {
        self.lines.iter().map(|l| l.number.as_str()).collect()
    }

    /// Every country or region, once each, in file order.
    pub fn countries(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for line in &self.lines {
            if !out.contains(&line.country.as_str()) {
                out.push(&line.country);
            }
        }
        out
    }
}

impl CrisisLine {
    fn how_words(&self) -> String {
        let words: Vec<&str> = self.how.iter().map(|h| h.as_str()).collect();
        words.join(" or ")
    }

    fn short_label(&self) -> String {
        self.short.clone().unwrap_or_else(|| self.how_words())
    }

    /// "Samaritans: call 116 123, free from any phone.", with `strong` around the name and the
    /// number (`**` for Markdown).
    fn sentence(&self, strong: &str) -> String {
        let mut text = format!(
            "{strong}{}:{strong} {} {strong}{}{strong}",
            self.service,
            self.how_words(),
            self.number
        );
        if let Some(note) = &self.note {
            text.push_str(&format!(", {note}"));
        }
        text.push('.');
        if let Some(hours) = &self.hours {
            text.push_str(&format!(" Open {hours}."));
        }
        text
    }
}

fn read_line(
    fields: &Fields<'_, '_>,
    rep: &mut Reporter<'_>,
    ids: &[String],
) -> Option<CrisisLine> {
    fields.reject_unknown_keys(rep, &LINE_KEYS);
    let country = fields.required_string(rep, "country", "\"Australia\"");
    let service = fields.required_string(rep, "service", "\"Lifeline\"");
    let number = fields.required_string(rep, "number", "\"13 11 14\"");
    let source = fields.required_string(rep, "source", "\"lifeline-au\"");
    let checked = fields.date(rep, "checked");
    if fields.get("checked").is_none() {
        fields.missing(rep, "checked", "2026-11-28");
    }
    let how_words = fields.string_list(rep, "how").unwrap_or_default();
    let mut how = Vec::new();
    for word in &how_words {
        match How::ALL
            .iter()
            .find(|(name, _)| *name == word.get_ref().as_str())
        {
            Some((_, h)) => how.push(*h),
            None => rep.error(
                word.span().start,
                format!("`{}` is not a way to reach a line", word.get_ref()),
                Some(suggestion_hint(word.get_ref(), &["call", "text", "chat"])),
            ),
        }
    }
    if how_words.is_empty() {
        fields.missing(rep, "how", "[\"call\", \"text\"]");
    }
    if let Some(number) = &number {
        let chat_only = how == [How::Chat];
        if !chat_only && !is_phone_number(number) {
            rep.error(
                fields.get("number").map_or(0, |v| v.span().start),
                format!("`{number}` is not a phone number (digits, spaces and dashes)"),
                Some("write it as people dial it, e.g. \"116 123\"; a chat line has how = [\"chat\"]".into()),
            );
        }
    }
    if let Some(source) = &source
        && !ids.contains(source)
    {
        let known: Vec<&str> = ids.iter().map(String::as_str).collect();
        rep.error(
            fields.get("source").map_or(0, |v| v.span().start),
            format!("source `{source}` is not in [[sources]]"),
            Some(suggestion_hint(source, &known)),
        );
    }
    Some(CrisisLine {
        country: country?,
        service: service?,
        number: number?,
        how,
        hours: fields.string(rep, "hours"),
        note: fields.string(rep, "note"),
        short: fields.string(rep, "short"),
        source: source?,
        checked: checked?,
        emergency: fields.boolean(rep, "emergency").unwrap_or(false),
        essential: fields.boolean(rep, "essential").unwrap_or(false),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[[sources]]\nid = \"s\"\ntitle = \"S\"\nurl = \"https://example.org\"\n\n[[line]]\ncountry = \"Australia\"\nservice = \"Lifeline\"\nshort = \"Lifeline\"\nnumber = \"13 11 14\"\nhow = [\"call\"]\nsource = \"s\"\nchecked = 2026-11-28\nessential = true\n\n[[line]]\ncountry = \"Australia\"\nservice = \"Emergency\"\nnumber = \"000\"\nhow = [\"call\"]\nsource = \"s\"\nchecked = 2026-11-28\nemergency = true\nessential = true\n";

    fn messages(text: &str) -> Vec<String> {
        let (crisis, problems) = CrisisLines::parse(Path::new("crisis.toml"), text);
        assert!(crisis.is_none(), "errors reject the file");
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn every_surface_text_comes_from_the_lines() {
        let (crisis, problems) = CrisisLines::parse(Path::new("crisis.toml"), GOOD);
        assert!(problems.is_empty(), "{problems:?}");
        let crisis = crisis.unwrap();
        assert_eq!(crisis.talk_items(), ["Australia: Lifeline 13 11 14"]);
        assert_eq!(crisis.emergency_items(), ["Emergency: 000 Australia"]);
        assert_eq!(
            crisis.short_items(),
            [
                "In crisis: 13 11 14 (Australia)",
                "or your emergency number"
            ]
        );
        assert_eq!(
            crisis.help_sentence(),
            "In crisis: Lifeline 13 11 14 (Australia); or your local emergency number (000 Australia)."
        );
        assert_eq!(
            crisis.markdown(true),
            "### Australia\n\n- **Lifeline:** call **13 11 14**.[^s]\n- **Emergency:** call **000**.[^s]\n\n"
        );
        assert_eq!(crisis.countries(), ["Australia"]);
    }

    #[test]
    fn bad_lines_are_errors_at_their_place() {
        let bad = GOOD
            .replace(
                "how = [\"call\"]\nsource = \"s\"\nchecked = 2026-11-28\nessential",
                "how = [\"phone\"]\nsource = \"t\"\nchecked = 2026-11-28\nessential",
            )
            .replace("number = \"000\"", "number = \"call us\"");
        let errors = messages(&bad);
        for expected in [
            "crisis.toml:11:8: error: `phone` is not a way to reach a line",
            "crisis.toml:12:10: error: source `t` is not in [[sources]]",
            "crisis.toml:19:10: error: `call us` is not a phone number",
        ] {
            assert!(
                errors.iter().any(|e| e.starts_with(expected)),
                "{expected}\n{errors:#?}"
            );
        }
    }
}
