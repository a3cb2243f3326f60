//! Build script of the window: checks the built UI is present, then runs tauri-build with our
//! capabilities folder (the core's build script checks the fonts).

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
    let attributes = tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
