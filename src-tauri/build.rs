//! Build script: checks the built UI is present, then runs tauri-build with our capabilities folder.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=ui/dist");
    println!("cargo:rerun-if-changed=tauri.conf.json");
    if !Path::new("ui/dist/index.html").exists() {
        panic!(
            "\n\nThe user interface has not been built yet (ui/dist/index.html is missing).\n\
             Run `make build` (or `npm --prefix ui ci && npm --prefix ui run build`) first.\n\n"
        );
    }
    println!("cargo:rerun-if-changed=assets/fonts");
    for font in [
        "AtkinsonHyperlegible-Regular.ttf",
        "AtkinsonHyperlegible-Bold.ttf",
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
    ] {
        if !Path::new("assets/fonts").join(font).exists() {
            panic!("\n\nThe printing font {font} has not been fetched yet.\nRun `make fonts` (or assets/fonts/fetch-fonts.sh) first.\n\n");
        }
    }
    let attributes = tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
