//! Form fields with inline errors, marked up the same way in every form: the
//! error sits in the page at all times so a screen reader announces it when
//! it changes, and the input points at it only while it says something.

use leptos::prelude::*;

/// An inline message for a field; always in the page so it is announced
/// when it changes.
#[component]
pub fn FieldError(
    /// The element id the field names in `aria-describedby`.
    #[prop(into)]
    id: String,
    /// The message, or `None` while the field is fine.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <p id=id class="sla-field-error" aria-live="polite">
            {move || message.get().map(|text| view! { <span class="inline-error">{text}</span> })}
        </p>
    }
}

/// A labelled input bound to a text signal, with its error below. Anything
/// given as children (a hint, a datalist) goes between the two.
#[component]
pub fn TextField(
    /// The input's id; its error's id is this followed by `-error`.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// What the input holds, as typed.
    value: RwSignal<String>,
    /// Why the value is wrong, or `None` while it is fine.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The input type: `text`, `date` or `datetime-local`.
    #[prop(default = "text")]
    kind: &'static str,
    /// The on-screen keyboard to offer, e.g. `numeric`.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The id of a hint that describes the input.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    /// Whether the form needs a value.
    #[prop(optional)]
    required: bool,
    /// Hints and suggestions shown under the input.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || {
            let ids: Vec<&str> = hint
                .into_iter()
                .chain(error.with(Option::is_some).then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type=kind
                inputmode=inputmode
                list=list
                required=required
                autocomplete="off"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            />
            {children.map(|children| children())}
            <FieldError id=error_id message=error/>
        </div>
    }
}
