//! Any hash that names no view.

use crate::components::title::set_page_title;
use crate::nav::CurrentLocation;
use leptos::prelude::*;

/// Says which address was not found and offers the way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_page_title("Page not found");
    let location = expect_context::<CurrentLocation>().0;
    let path = move || location.with(|l| l.route.path());
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at " <code>{path}</code> "."</p>
        <p><a href="#/">"Go to the home page"</a></p>
    }
}
