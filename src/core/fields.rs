//! Reading TOML tables field by field, keeping every value's position, so that one pass both
//! builds the typed data and reports *every* problem (not only the first, as serde would) with
//! its line and column.

use std::num::IntErrorKind;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::date::Date;
use super::diagnostics::{Reporter, suggestion_hint};
use super::sanitize::{sanitize, sanitize_line};

/// Parses a whole TOML document, reporting every syntax error it can recover from.
pub fn parse_document<'i>(text: &'i str, rep: &mut Reporter<'_>) -> Option<Spanned<DeTable<'i>>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    for error in &errors {
        let offset = error.span().map_or(0, |s| s.start);
        if let Some(digit) = foreign_digit(text, offset) {
            rep.error(
                offset,
                format!("invalid TOML: `{digit}` is not one of the digits 0–9"),
                Some("write numbers with the digits 0–9".into()),
            );
            continue;
        }
        let message = first_line(error.message());
        let hint = if message.contains("date") || message.contains("time") {
            "write dates as YYYY-MM-DD, and check that the day exists"
        } else {
            "check quotes, brackets and `key = value` syntax on this line"
        };
        rep.error(
            offset,
            format!("invalid TOML: {message}"),
            Some(hint.into()),
        );
    }
    errors.is_empty().then_some(table)
}

/// `key` as TOML writes it: bare when it is a bare key (every checklist id is), quoted
/// otherwise, so any key read back is the same one key.
pub fn toml_key(key: &str) -> String {
    if crate::core::id::is_bare_key(key) {
        key.to_string()
    } else {
        toml::Value::String(key.to_string()).to_string()
    }
}

/// Where the value at `keys` (`["source", "last_verified"]`) starts in a TOML text, for
/// pointing a warning found after parsing at its line and column. A number after a list's key
/// picks an item of it (`["clinicians", "0", "verification", "date"]`).
pub fn value_offset(text: &str, keys: &[&str]) -> Option<usize> {
    let (doc, _) = DeTable::parse_recoverable(text);
    let (last, parents) = keys.split_last()?;
    let mut table = doc.get_ref();
    let mut parents = parents.iter();
    while let Some(key) = parents.next() {
        let mut value = table.get(*key)?.get_ref();
        if let DeValue::Array(items) = value {
            value = items.get(parents.next()?.parse::<usize>().ok()?)?.get_ref();
        }
        match value {
            DeValue::Table(inner) => table = inner,
            _ => return None,
        }
    }
    Some(table.get(*last)?.span().start)
}

/// A digit from another script (`١`, `２`) in the value at `offset`: TOML would call it an
/// unquoted string, which misleads where a number was meant.
fn foreign_digit(text: &str, offset: usize) -> Option<char> {
    text.get(offset..)?
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}' | '#'))
        .find(|c| c.is_numeric() && !c.is_ascii_digit())
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// A view of one table (the document, `[location]`, an inline answer table…).
#[derive(Clone)]
pub struct Fields<'t, 'i> {
    pub table: &'t DeTable<'i>,
    pub span: Range<usize>,
    /// How the table is named in messages: "" for the top level, "[location]" and so on.
    pub name: &'t str,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(table: &'t DeTable<'i>, span: Range<usize>, name: &'t str) -> Self {
        Fields { table, span, name }
    }

    pub fn get(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    fn place(&self) -> String {
        if self.name.is_empty() {
            String::new()
        } else {
            format!(" in {}", self.name)
        }
    }

    fn wrong_type(
        &self,
        rep: &mut Reporter<'_>,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        wanted: &str,
        example: &str,
    ) {
        rep.error(
            value.span().start,
            format!(
                "`{key}`{} should be {wanted}, found {}",
                self.place(),
                type_name(value.get_ref())
            ),
            Some(format!("write it like: {key} = {example}")),
        );
    }

    /// Reports keys that are not in `known`, each with the closest known key.
    pub fn reject_unknown_keys(&self, rep: &mut Reporter<'_>, known: &[&str]) {
        for (key, _) in self.table {
            if !known.contains(&key.get_ref().as_ref()) {
                rep.error(
                    key.span().start,
                    format!(
                        "unknown key `{}`{}",
                        sanitize_line(key.get_ref()),
                        self.place()
                    ),
                    Some(suggestion_hint(key.get_ref(), known)),
                );
            }
        }
    }

    pub fn missing(&self, rep: &mut Reporter<'_>, key: &str, example: &str) {
        rep.error(
            self.span.start,
            format!("missing required key `{key}`{}", self.place()),
            Some(format!("add a line: {key} = {example}")),
        );
    }

    /// A one-line string, sanitized.
    pub fn string(&self, rep: &mut Reporter<'_>, key: &str) -> Option<String> {
        let value = self.get(key)?;
        if let DeValue::String(s) = value.get_ref() {
            Some(sanitize_line(s).into_owned())
        } else {
            self.wrong_type(rep, key, value, "a string", "\"…\"");
            None
        }
    }

    /// Free text that may span lines (notes), sanitized.
    pub fn text(&self, rep: &mut Reporter<'_>, key: &str) -> Option<String> {
        let value = self.get(key)?;
        if let DeValue::String(s) = value.get_ref() {
            Some(sanitize(s).trim().to_string())
        } else {
            self.wrong_type(rep, key, value, "a string", "\"…\"");
            None
        }
    }

    pub fn required_string(
        &self,
        rep: &mut Reporter<'_>,
        key: &str,
        example: &str,
    ) -> Option<String> {
        if self.get(key).is_none() {
            self.missing(rep, key, example);
            return None;
        }
        let value = self.string(rep, key)?;
        if value.trim().is_empty() {
            rep.error(
                self.get(key)?.span().start,
                format!("`{key}` is empty"),
                Some(format!("write it like: {key} = {example}")),
            );
            return None;
        }
        Some(value)
    }

    pub fn boolean(&self, rep: &mut Reporter<'_>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        if let DeValue::Boolean(b) = value.get_ref() {
            Some(*b)
        } else {
            self.wrong_type(rep, key, value, "true or false", "true");
            None
        }
    }

    /// An integer within `range`.
    pub fn integer(&self, rep: &mut Reporter<'_>, key: &str, range: Range<i64>) -> Option<i64> {
        let value = self.get(key)?;
        let hint = || {
            Some(format!(
                "use a whole number from {} to {}",
                range.start,
                range.end - 1
            ))
        };
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => {
                match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
                    Ok(n) => Some(n),
                    // TOML reads `0x`, `0b1_`, `9999999999999999999` as integers it cannot
                    // hold; "found an integer" would make no sense.
                    Err(e) => {
                        let problem = match e.kind() {
                            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => "is too large",
                            _ => "is not a whole number written with the digits 0–9",
                        };
                        rep.error(
                            value.span().start,
                            format!("`{key}`{} {problem}", self.place()),
                            hint(),
                        );
                        return None;
                    }
                }
            }
            _ => None,
        };
        let example = range.start.to_string();
        match parsed {
            Some(n) if range.contains(&n) => Some(n),
            Some(n) => {
                rep.error(
                    value.span().start,
                    format!("`{key}` = {n} is out of range{}", self.place()),
                    hint(),
                );
                None
            }
            None => {
                self.wrong_type(rep, key, value, "a whole number", &example);
                None
            }
        }
    }

    /// A calendar date, written bare (`2026-02-16`) as TOML dates are; a quoted date is accepted
    /// too, but a date with a time, or a date that does not exist, is not.
    pub fn date(&self, rep: &mut Reporter<'_>, key: &str) -> Option<Date> {
        let value = self.get(key)?;
        let parsed = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() => dt
                .date
                .and_then(|d| Date::new(i32::from(d.year), d.month, d.day)),
            DeValue::String(s) => Date::parse(s),
            _ => None,
        };
        if parsed.is_none() {
            rep.error(
                value.span().start,
                format!("`{key}`{} should be a date (YYYY-MM-DD)", self.place()),
                Some(format!("write it like: {key} = 2026-02-16")),
            );
        }
        parsed
    }

    /// A list of one-line strings, each with its position (so each item can be checked).
    pub fn string_list(&self, rep: &mut Reporter<'_>, key: &str) -> Option<Vec<Spanned<String>>> {
        let value = self.get(key)?;
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(rep, key, value, "a list of strings", "[\"…\", \"…\"]");
            return None;
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => {
                    out.push(Spanned::new(item.span(), sanitize_line(s).into_owned()));
                }
                other => rep.error(
                    item.span().start,
                    format!(
                        "items of `{key}` should be strings, found {}",
                        type_name(other)
                    ),
                    Some(format!("write it like: {key} = [\"…\", \"…\"]")),
                ),
            }
        }
        Some(out)
    }

    /// A sub-table, read with the same rules.
    pub fn table(
        &self,
        rep: &mut Reporter<'_>,
        key: &str,
        name: &'t str,
    ) -> Option<Fields<'t, 'i>> {
        let value = self.get(key)?;
        if let DeValue::Table(t) = value.get_ref() {
            Some(Fields::new(t, value.span(), name))
        } else {
            self.wrong_type(
                rep,
                key,
                value,
                "a table",
                &format!("[{key}] on its own line"),
            );
            None
        }
    }

    /// A list of tables (`[[question]]`, `sources = [{…}]`).
    pub fn table_list(
        &self,
        rep: &mut Reporter<'_>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(
                rep,
                key,
                value,
                "a list of tables",
                &format!("[[{key}]] blocks"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                other => rep.error(
                    item.span().start,
                    format!(
                        "items of `{key}` should be tables, found {}",
                        type_name(other)
                    ),
                    None,
                ),
            }
        }
        out
    }

    /// One of a fixed set of words (`kind`, route names…), with a suggestion when misspelt.
    pub fn choice<T: Copy>(
        &self,
        rep: &mut Reporter<'_>,
        key: &str,
        options: &[(&str, T)],
    ) -> Option<T> {
        let value = self.get(key)?;
        let word = self.string(rep, key)?;
        pick(rep, &word, value.span().start, key, options)
    }
}

/// Looks `word` up among `options`, reporting an unknown word with the closest option.
pub fn pick<T: Copy>(
    rep: &mut Reporter<'_>,
    word: &str,
    offset: usize,
    what: &str,
    options: &[(&str, T)],
) -> Option<T> {
    if let Some((_, v)) = options.iter().find(|(name, _)| *name == word) {
        return Some(*v);
    }
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    rep.error(
        offset,
        format!("`{}` is not a valid {what}", sanitize_line(word)),
        Some(suggestion_hint(word, &names)),
    );
    None
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The messages for `weight = <raw>` read as a whole number from 1 to 3.
    fn weight_messages(raw: &str) -> Vec<String> {
        let text = format!("weight = {raw}\n");
        let mut rep = Reporter::new(Path::new("c.toml"), &text, 0);
        if let Some(doc) = parse_document(&text, &mut rep) {
            let fields = Fields::new(doc.get_ref(), doc.span(), "");
            assert_eq!(fields.integer(&mut rep, "weight", 1..4), None);
        }
        rep.problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn integers_toml_cannot_hold_are_explained() {
        for raw in ["0x", "0b", "0o"] {
            let messages = weight_messages(raw);
            assert!(
                messages.iter().all(|m| !m.contains("found an integer")),
                "{raw}: {messages:?}"
            );
            assert!(
                messages
                    .iter()
                    .any(|m| m.starts_with("c.toml:1:10: error:")),
                "{raw}: {messages:?}"
            );
        }
        assert_eq!(
            weight_messages("0x"),
            [
                "c.toml:1:10: error: `weight` is not a whole number written with the digits 0–9\n  hint: use a whole number from 1 to 3"
            ]
        );
        assert_eq!(
            weight_messages("99999999999999999999"),
            ["c.toml:1:10: error: `weight` is too large\n  hint: use a whole number from 1 to 3"]
        );
        for raw in ["١", "２", "1٢"] {
            let messages = weight_messages(raw);
            assert_eq!(messages.len(), 1, "{raw}: {messages:?}");
            assert!(
                messages[0].starts_with("c.toml:1:10: error: invalid TOML: `")
                    && messages[0].contains("is not one of the digits 0–9"),
                "{raw}: {messages:?}"
            );
        }
    }
}
