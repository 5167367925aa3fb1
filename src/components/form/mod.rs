//! The form fields of every form in the app, marked up one way: a label, the
//! control, an optional hint and an error line. The error line is in the page
//! at all times with `aria-live`, so a screen reader announces a message when
//! it appears, and the control names it in `aria-describedby` (and sets
//! `aria-invalid`) only while it says something.
//!
//! - Text-like inputs: [`TextField`] (`text`, `search`, `date`,
//!   `datetime-local`, `time`; `inputmode="numeric"` for numbers typed as
//!   text), [`TextArea`], and [`NumberField`] for a whole number stored as a
//!   number.
//! - Choices from an enum implementing [`FormOption`]: [`SelectField`],
//!   [`FilterSelect`] (with an "all" entry), [`RadioGroup`].
//! - [`ListSelect`] for a choice among values the data holds (not an enum).
//! - [`Checkbox`] for a yes/no value, and [`FileField`] to import files.
//!
//! A [`TextField`] can carry a [`FieldAction`]: a button beside it that acts
//! on what was typed.
//!
//! Every field reads and writes through a [`Binding`]: pass an `RwSignal`
//! directly, or [`Binding::lens`] into a part of a larger value.

mod choice;
mod file;
mod options;
mod text;

pub use choice::{Checkbox, FilterSelect, ListSelect, RadioGroup, SelectField};
pub use file::FileField;
pub use text::{FieldAction, NumberField, TextArea, TextField};

use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

/// An enum a form picks from: the options of a `<select>` or a radio group.
/// Implemented (in `options.rs`) for the app's enums, so each form names the
/// enum instead of repeating its options and their words.
pub trait FormOption: Copy + PartialEq + Send + Sync + 'static {
    /// Every option, in the order a person sees them.
    fn all() -> &'static [Self];
    /// The value in the markup (`<option value>`, radio ids) and in links;
    /// stable, lower case.
    fn key(self) -> &'static str;
    /// The words a person sees for the option.
    fn label(self) -> &'static str;
    /// A line under a radio button explaining the option, if it needs one.
    fn hint(self) -> Option<&'static str> {
        None
    }
    /// The option whose [`FormOption::key`] is `key`.
    fn from_key(key: &str) -> Option<Self> {
        Self::all()
            .iter()
            .copied()
            .find(|option| option.key() == key)
    }
}

/// What a field shows and where an edit goes: a signal, or a part of a larger
/// value (see [`Binding::lens`]), so a field never needs to know which.
pub struct Binding<T: Send + Sync + 'static> {
    value: Signal<T>,
    set: Callback<T>,
}

impl<T: Send + Sync + 'static> Clone for Binding<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Binding<T> {}

impl<T: Clone + Send + Sync + 'static> Binding<T> {
    /// A binding from a getter (tracked when the field reads it) and a setter.
    pub fn new(
        get: impl Fn() -> T + Send + Sync + 'static,
        set: impl Fn(T) + Send + Sync + 'static,
    ) -> Self {
        Self {
            value: Signal::derive(get),
            set: Callback::new(set),
        }
    }

    /// A binding to one part of the value in `signal`, e.g. one setting of
    /// a settings draft.
    pub fn lens<S: Send + Sync + 'static>(
        signal: RwSignal<S>,
        read: fn(&S) -> T,
        write: fn(&mut S, T),
    ) -> Self {
        Self::new(
            move || signal.with(read),
            move |value| signal.update(|whole| write(whole, value)),
        )
    }

    /// The current value, tracked.
    pub fn get(&self) -> T {
        self.value.get()
    }

    /// Stores an edit.
    pub fn set(&self, value: T) {
        self.set.run(value);
    }
}

impl<T: Clone + Send + Sync + 'static> From<RwSignal<T>> for Binding<T> {
    fn from(signal: RwSignal<T>) -> Self {
        Self::new(move || signal.get(), move |value| signal.set(value))
    }
}

/// An inline message for a field; always in the page so it is announced
/// when it changes. Fields render their own; use this directly only for a
/// message that sits apart from a field (see `error_outside` on
/// [`TextField`]) or belongs to a whole form.
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
        <p id=id class="form-error" aria-live="polite">
            {move || message.get().map(|text| view! { <span class="inline-error">{text}</span> })}
        </p>
    }
}

/// The ids a field's `aria-describedby` names: its hint at all times, its
/// error line only while there is an error.
fn described_by(
    hint_id: Option<String>,
    error: Option<(String, Signal<Option<String>>)>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let error_id = error
            .as_ref()
            .and_then(|(id, message)| message.with(Option::is_some).then_some(id.as_str()));
        let ids: Vec<&str> = hint_id.as_deref().into_iter().chain(error_id).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// `aria-invalid` while `error` holds a message.
fn invalid(
    error: Option<Signal<Option<String>>>,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || {
        error
            .is_some_and(|e| e.with(Option::is_some))
            .then_some("true")
    }
}

/// The hint paragraph under a control, `id="{field id}-hint"`.
fn hint_line(id: &str, hint: Option<TextProp>) -> Option<impl IntoView> {
    hint.map(|text| view! { <p class="hint" id=format!("{id}-hint")>{move || text.get()}</p> })
}

/// The id of the hint that describes field `id`: its own hint line when it
/// has one, else an element elsewhere named by `hint_id`.
fn hint_ref(id: &str, hint: &Option<TextProp>, hint_id: Option<String>) -> Option<String> {
    hint_id.or_else(|| hint.as_ref().map(|_| format!("{id}-hint")))
}

/// A fresh number for element ids, so a form shown many times on one page
/// (a rule setting, a queue row) gets ids of its own.
pub fn next_uid() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The block every field sits in: its label, the control, then what goes
/// under it (hint, error line).
fn field_block(
    id: &str,
    label: TextProp,
    control: impl IntoView,
    below: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.to_string()>{move || label.get()}</label>
            {control}
            {below}
        </div>
    }
}
