//! `keyed_enum!`: an enum stored as a word in SQL and shown to people as a label, with the
//! TypeScript type generated for the window. Used by every feature with fixed choices.

macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal : $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[serde(rename_all = "camelCase")]
        #[ts(export)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The word stored in the database.
            pub fn key(self) -> &'static str { match self { $($name::$variant => $key),+ } }
            /// The words a volunteer reads.
            pub fn label(self) -> &'static str { match self { $($name::$variant => $label),+ } }
            pub fn from_key(key: &str) -> Option<Self> { Self::ALL.iter().copied().find(|v| v.key() == key) }
            /// Reads the label back (any case), as other programs' files write it.
            #[allow(dead_code)]
            pub fn from_label(words: &str) -> Option<Self> { Self::ALL.iter().copied().find(|v| v.label().eq_ignore_ascii_case(words.trim())) }
        }
    };
}
