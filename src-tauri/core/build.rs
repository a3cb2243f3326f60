//! Build script: Atkinson Hyperlegible is built into the core, so check it has been fetched
//! (the other printing fonts are read from files when a document needs them).

use std::path::Path;

fn main() {
    let fonts = Path::new("../../assets/fonts");
    println!("cargo:rerun-if-changed=../../assets/fonts");
    for font in ["AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"] {
        if !fonts.join(font).exists() {
            panic!("\n\nThe printing font {font} has not been fetched yet.\nRun `make fonts` (or assets/fonts/fetch-fonts.sh) first.\n\n");
        }
    }
}
