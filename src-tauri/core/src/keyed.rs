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

        stored_as_key!($name);
    };
}

/// Reads and writes an enum with `key()` and `from_key()` as its stored word, so a row is read
/// with `r.get(n)?`: a stored word PPG Desk does not know is an error, never quietly taken as
/// some default (the SQL CHECK lists the same words).
macro_rules! stored_as_key {
    ($name:ident) => {
        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let key = value.as_str()?;
                Self::from_key(key).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(format!("not a stored {}", stringify!($name)).into())
                })
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.key().into())
            }
        }
    };
}
