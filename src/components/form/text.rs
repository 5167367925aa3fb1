//! Fields the person types into.

use super::{described_by, field_block, hint_line, hint_ref, invalid, Binding, FieldError};
use leptos::prelude::*;

/// A button beside a field that acts on what was typed (e.g. "Add date").
#[derive(Clone, Copy)]
pub struct FieldAction {
    /// The button's label.
    pub label: &'static str,
    /// What the button acts on, read after the label by screen readers
    /// where a page has several such buttons ("Rename" topic billing).
    pub object: Option<Signal<String>>,
    /// What the button does.
    pub run: Callback<()>,
}

/// A labelled single-line input bound to text, with its hint and error line.
/// Anything given as children (a `<datalist>`, a richer hint) goes between
/// the hint and the error line. With an `action`, a button sits beside the
/// field and the hint and error line go below the pair.
#[component]
pub fn TextField(
    /// The input's id; its hint's id is this followed by `-hint`, its error
    /// line's by `-error`.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: TextProp,
    /// What the input holds, as typed.
    #[prop(into)]
    value: Binding<String>,
    /// The input type: `text`, `search`, `date`, `datetime-local` or `time`.
    #[prop(default = "text")]
    kind: &'static str,
    /// A line under the input saying what to enter.
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// The id of an element elsewhere (or in the children) that describes
    /// the input, when the hint is not a plain line of its own.
    #[prop(optional, into)]
    hint_id: MaybeProp<String>,
    /// Why the value is wrong, or `None` while it is fine; without this
    /// prop the field has no error line.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// The caller places `<FieldError id="{id}-error">` itself, e.g. below
    /// a row where a button sits beside the input.
    #[prop(optional)]
    error_outside: bool,
    /// The on-screen keyboard to offer, e.g. `numeric` for numbers typed as
    /// text (so what was typed is kept even when it is not a number).
    #[prop(optional, into)]
    inputmode: MaybeProp<&'static str>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional, into)]
    list: MaybeProp<String>,
    /// A class for the input, e.g. a narrower width.
    #[prop(optional, into)]
    class: MaybeProp<&'static str>,
    /// The browser's autofill hint; `off` unless the field asks for e.g. `name`.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Lets the browser mark misspellings: for prose (notes, next steps),
    /// not for numbers, codes, names or dates.
    #[prop(optional)]
    check_spelling: bool,
    /// Whether the form needs a value.
    #[prop(optional)]
    required: bool,
    /// Shows the value but takes no edits (the text can still be selected).
    #[prop(optional)]
    readonly: bool,
    /// Takes no edits and is skipped by Tab while true.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// A button beside the field, acting on what was typed.
    #[prop(optional)]
    action: Option<FieldAction>,
    /// Hints and suggestions shown under the input.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let describe = described_by(
        hint_ref(&id, &hint, hint_id.get_untracked()),
        error.map(|e| (error_id.clone(), e)),
    );
    let input = view! {
            <input
                id=id.clone()
                type=kind
                class=move || class.get()
                inputmode=move || inputmode.get()
                list=move || list.get()
                required=required
                readonly=readonly
                autocomplete=autocomplete
                spellcheck=(!check_spelling).then_some("false")
                prop:disabled=move || disabled.get()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=invalid(error)
                aria-describedby=describe
            />
    };
    let below = (
        hint_line(&id, hint),
        children.map(|children| children()),
        error
            .filter(|_| !error_outside)
            .map(|message| view! { <FieldError id=error_id message=message/> }),
    );
    match action {
        None => field_block(&id, label, input, below).into_any(),
        Some(action) => view! {
            <div class="inline-form">
                {field_block(&id, label, input, ())}
                <button type="button" on:click=move |_| action.run.run(())>
                    {action.label}
                    {action.object.map(|object| view! {
                        <span class="visually-hidden">{move || format!(" {}", object.get())}</span>
                    })}
                </button>
            </div>
            {below}
        }
        .into_any(),
    }
}

/// A labelled multi-line text box, with its hint.
#[component]
pub fn TextArea(
    /// The textarea's id; its hint's id is this followed by `-hint`.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: TextProp,
    /// What the box holds.
    #[prop(into)]
    value: Binding<String>,
    /// How many lines show without scrolling.
    #[prop(default = 3)]
    rows: u32,
    /// A line under the box saying what it is for.
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// Shows the text but takes no edits (e.g. text to copy).
    #[prop(optional)]
    readonly: bool,
) -> impl IntoView {
    let describe = described_by(hint_ref(&id, &hint, None), None);
    let textarea = view! {
            <textarea
                id=id.clone()
                rows=rows.to_string()
                readonly=readonly
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby=describe
            ></textarea>
    };
    let below = hint_line(&id, hint);
    field_block(&id, label, textarea, below)
}

/// A whole number of at least 1, stored as a number. Text that is not a
/// whole number stays in the input as typed and is reported through
/// `on_unreadable`, so the form can say so instead of saving it.
#[component]
pub fn NumberField(
    /// The input's id; its hint's id is this followed by `-hint`, its error
    /// line's by `-error`.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: TextProp,
    /// The number; the input shows it again whenever the getter re-runs
    /// (e.g. after the form restored its defaults).
    #[prop(into)]
    value: Binding<u32>,
    /// A line under the input, e.g. the default and where it comes from.
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// Why the value is wrong, or `None` while it is fine.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with `true` when the text typed is not a whole number (the
    /// value is then left as it was), and `false` when it is one again.
    on_unreadable: Callback<bool>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let describe = described_by(hint_ref(&id, &hint, None), Some((error_id.clone(), error)));
    let input = view! {
        <input
                id=id.clone()
                type="number"
                min="1"
                step="1"
                class="narrow"
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    match event_target_value(&ev).trim().parse::<u32>() {
                        Ok(number) => {
                            on_unreadable.run(false);
                            value.set(number);
                        }
                        Err(_) => on_unreadable.run(true),
                    }
                }
                aria-invalid=invalid(Some(error))
                aria-describedby=describe
            />
    };
    let below = (
        hint_line(&id, hint),
        view! { <FieldError id=error_id message=error/> },
    );
    field_block(&id, label, input, below)
}
