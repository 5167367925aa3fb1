//! Rewrites the files in `assets/` that are made from the app's own code:
//! the prerendered home page, the split map and the pages without content, the shipped content pack and
//! its JSON Schema, the example pack of the older SOP and the time-zone
//! table (see `tests/generated.rs`, which fails while they are out of date).
//! Run with `cargo run --example update_generated`, then commit the files.
//! The app compiles in the zone table this writes, so after changing the zone
//! list in `.cargo/config.toml` run it twice: the second run makes the other
//! files with the new zones.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let files = [
        (
            "assets/prerendered-home.html",
            (deskaid::shell::prerendered_home() + "\n").into_bytes(),
        ),
        (
            "assets/split-of-section.json",
            deskaid::shell::split_of_section_json().into_bytes(),
        ),
        (
            "assets/sections-without-content.json",
            deskaid::shell::sections_without_content_json().into_bytes(),
        ),
        (
            "assets/content/pack.json",
            deskaid::domain::pack::shipped_pack_file()
                .to_json()
                .into_bytes(),
        ),
        (
            "assets/content/pack.schema.json",
            deskaid::domain::pack::pack_schema_json().into_bytes(),
        ),
        (
            "assets/content/examples/leadership-002.pack.json",
            deskaid::domain::pack::example_002_pack_file()
                .to_json()
                .into_bytes(),
        ),
        (
            "assets/zones.bin",
            deskaid::domain::zone::encode::zone_table(),
        ),
    ];
    for (file, text) in files {
        let path = std::path::Path::new(root).join(file);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(error) = written {
            let path = path.display();
            eprintln!("could not write {path}: {error}");
            std::process::exit(1);
        }
        println!("wrote {file}");
    }
}

/// The files are made natively; there is nothing to do in a browser build.
#[cfg(target_arch = "wasm32")]
fn main() {}
