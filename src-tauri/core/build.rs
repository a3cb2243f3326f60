//! Build script: Atkinson Hyperlegible is built into the core, so check it has been fetched
//! (the other printing fonts are read from files when a document needs them); and write the
//! names of the picture characters (arrows, symbols, emoji) that print as words when no face
//! draws them, so the program carries those few thousand names, not all of Unicode's.

use std::fmt::Write as _;
use std::path::Path;

/// The picture characters named (print/shape.rs's `emoji_name` asks for no others).
const PICTURES: [std::ops::RangeInclusive<u32>; 2] = [0x2190..=0x2BFF, 0x1F000..=0x1FAFF];

fn emoji_names() {
    let mut table = String::from("/// Picture characters and their Unicode names in lower case, by code point.\npub static NAMES: &[(u32, &str)] = &[\n");
    for c in PICTURES.into_iter().flatten().filter_map(char::from_u32) {
        if let Some(name) = unicode_names2::name(c) {
            let _ = writeln!(table, "    (0x{:X}, {:?}),", u32::from(c), name.to_string().to_lowercase());
        }
    }
    table.push_str("];\n");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("emoji_names.rs"), table).expect("the build folder is writable");
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    emoji_names();
    let fonts = Path::new("../../assets/fonts");
    println!("cargo:rerun-if-changed=../../assets/fonts");
    for font in ["AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"] {
        if !fonts.join(font).exists() {
            panic!("\n\nThe printing font {font} has not been fetched yet.\nRun `make fonts` (or assets/fonts/fetch-fonts.sh) first.\n\n");
        }
    }
}
