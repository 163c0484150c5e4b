//! Enums written as fixed words in files (`kind = "kap-practice"`, `routes = ["im"]`): one
//! declaration gives the enum, its list of words (for parsing with "did you mean"), `as_str` and
//! the words in the provider file schema.

macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$variant_meta:meta])* $variant:ident = $word:literal ),+ $(,)? }
    ) => {
        // The derive comes first so that `#[schemars(…)]` among the attributes is known.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema)]
        $(#[$meta])*
        pub enum $name {
            $( $(#[$variant_meta])* #[serde(rename = $word)] $variant ),+
        }

        impl $name {
            /// Every word with its value, in declaration order.
            pub const ALL: &'static [(&'static str, $name)] = &[ $( ($word, $name::$variant) ),+ ];

            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $word ),+ }
            }
        }
    };
}

pub(crate) use word_enum;
