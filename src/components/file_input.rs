//! Reads the files a user chose (or dropped) in an `<input type="file">`, for imports.

use wasm_bindgen::JsCast;

/// Reads every chosen file as text, clears the input (so choosing the same
/// file again fires another change), then calls `done` once per file, in
/// order, with the file's name and its text, or `None` when the browser
/// could not read it as text.
pub fn read_chosen_files(
    event: &leptos::ev::Event,
    done: impl Fn(String, Option<String>) + 'static,
) {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(list) = input.files() else {
        return;
    };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    input.set_value("");
    leptos::task::spawn_local(async move {
        for file in files {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            done(file.name(), text);
        }
    });
}
