//! Ids of checklist questions, checklist categories and providers. Each is its own type, checked
//! once where it is read, so an id in the model is always one the files can hold: question and
//! category ids are written as TOML keys (`prep_sessions = "yes"`, `[priorities] therapy = 3`)
//! and must be bare keys; a provider id is a file name typed on the command line.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// Why a text cannot be an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdError {
    pub kind: &'static str,
    pub text: String,
    pub rule: &'static str,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` cannot be a {}: {}",
            self.text, self.kind, self.rule
        )
    }
}

impl std::error::Error for IdError {}

/// A TOML bare key: letters A-Z a-z, digits, `_` and `-`, at least one.
pub fn is_bare_key(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Provider ids are typed on the command line, so they are kept simple: lowercase letters,
/// digits, `-` and `_`, starting with a letter or digit, at most 80 characters.
pub fn is_valid_provider_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
}

const BARE_KEY_RULE: &str = "use only letters, digits, `_` and `-` (it is written as a TOML key)";

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $valid:expr, $rule:expr) => {
        $(#[$meta])*
        ///
        /// Shared text: every profile's answers are keyed by the checklist's own ids, so
        /// 10,000 profiles hold one copy of each id rather than one per answer.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl $name {
            /// The id, if `text` is a valid one.
            pub fn new(text: &str) -> Result<Self, IdError> {
                if $valid(text) {
                    Ok($name(Arc::from(text)))
                } else {
                    Err(IdError {
                        kind: $kind,
                        text: text.to_string(),
                        rule: $rule,
                    })
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(text: &str) -> Result<Self, IdError> {
                $name::new(text)
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        /// Maps keyed by id are looked up with a plain `&str` (what the user typed).
        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                *self.0 == *other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                *self.0 == **other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                *self.0 == **other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                *self == *other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                **self == *other.0
            }
        }
    };
}

string_id!(
    /// A checklist question's id: the key of its answer in every profile.
    QuestionId,
    "question id",
    is_bare_key,
    BARE_KEY_RULE
);
string_id!(
    /// A checklist category's id: the key of its priority in the config.
    CategoryId,
    "category id",
    is_bare_key,
    BARE_KEY_RULE
);
string_id!(
    /// A provider's id: its file name without `.toml`.
    ProviderId,
    "provider id",
    is_valid_provider_id,
    "use lowercase letters, digits, `-` and `_`, starting with a letter or digit, at most 80 characters"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_and_category_ids_are_toml_bare_keys() {
        for good in ["prep_sessions", "a-b", "Q1", "_", "-"] {
            assert!(QuestionId::new(good).is_ok(), "{good}");
            assert!(CategoryId::new(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "prep sessions",
            "a.b",
            "\"q\"",
            "é",
            "a=b",
            "a\tb",
            "[x]",
        ] {
            let error = QuestionId::new(bad).unwrap_err();
            assert_eq!(error.text, bad);
            assert!(error.to_string().contains("question id"), "{error}");
            assert!(CategoryId::new(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_bare_key_reads_back_as_the_same_toml_key() {
        for id in ["prep_sessions", "a-b", "Q1", "1", "-_-"] {
            let id = QuestionId::new(id).unwrap();
            let text = format!("{id} = 1\n");
            let table: toml::Table = text.parse().unwrap();
            assert_eq!(table.keys().collect::<Vec<_>>(), [id.as_str()]);
        }
    }

    #[test]
    fn provider_ids_are_simple_file_names() {
        for good in ["blue-door", "a_1", "9lives"] {
            assert!(ProviderId::new(good).is_ok(), "{good}");
        }
        let long = "a".repeat(81);
        for bad in ["", "Blue", "-a", "_a", "a b", "a.b", long.as_str()] {
            assert!(ProviderId::new(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn ids_look_up_by_plain_text() {
        let mut map = std::collections::BTreeMap::new();
        map.insert(QuestionId::new("q").unwrap(), 1);
        assert_eq!(map.get("q"), Some(&1));
        assert_eq!(QuestionId::new("q").unwrap(), "q");
    }
}
