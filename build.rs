//! Turns the human-edited TOML files in `content/` into JSON in `OUT_DIR`, so the
//! app embeds them with `include_str!` and parses them with serde_json: the
//! TOML parser stays out of the wasm bundle, and a file that is not valid TOML
//! fails the build with its name and the parser's message.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=content");
    // wasm-split-cli needs the linker's relocations to cut the binary apart.
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
    {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    bundle_folder(Path::new("content/flows"), &out_dir.join("flows.json"));
    bundle_folder(
        Path::new("content/questions"),
        &out_dir.join("questions.json"),
    );
    convert_file(Path::new("content/sla.toml"), &out_dir.join("sla.json"));
    convert_file(
        Path::new("content/reference.toml"),
        &out_dir.join("reference.json"),
    );
    convert_file(
        Path::new("content/keywords.toml"),
        &out_dir.join("keywords.json"),
    );
    convert_file(Path::new("content/pack.toml"), &out_dir.join("pack.json"));
    convert_file(
        Path::new("content/examples/leadership-002.toml"),
        &out_dir.join("example-leadership-002.json"),
    );
}

/// Every `*.toml` in `folder` as one JSON object, file name → content, so
/// validation messages can name the file.
fn bundle_folder(folder: &Path, out: &Path) {
    let mut paths: Vec<PathBuf> = fs::read_dir(folder)
        .into_iter()
        .flatten()
        .map(|entry| entry.expect("readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let files: serde_json::Map<String, serde_json::Value> = paths
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .expect("a file")
                .to_string_lossy()
                .into_owned();
            (name, parse_toml(p))
        })
        .collect();
    write_json(out, &serde_json::Value::Object(files));
}

/// One file as JSON; a missing file becomes `null`, which content validation
/// reports by name instead of failing the build without context.
fn convert_file(path: &Path, out: &Path) {
    let value = if path.exists() {
        parse_toml(path)
    } else {
        serde_json::Value::Null
    };
    write_json(out, &value);
}

fn parse_toml(path: &Path) -> serde_json::Value {
    println!("cargo:rerun-if-changed={}", path.display());
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let value: toml::Value = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
    serde_json::to_value(value).expect("TOML values map to JSON")
}

fn write_json(out: &Path, value: &serde_json::Value) {
    fs::write(out, serde_json::to_string(value).expect("serializable"))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
