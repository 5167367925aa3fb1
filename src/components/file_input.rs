//! Reads the file a user chose in an `<input type="file">`, for imports.

use wasm_bindgen::JsCast;

/// Reads the chosen file as text, clears the input (so choosing the same file
/// again fires another change), then calls `done` with the file's name and its
/// text, or `None` when the browser could not read it as text.
pub fn read_chosen_file(
    event: &leptos::ev::Event,
    done: impl FnOnce(String, Option<String>) + 'static,
) {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        done(file.name(), text);
    });
}
