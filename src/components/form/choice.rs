//! Fields the person picks from: a list, radio buttons, a checkbox.

use super::{described_by, field_block, hint_line, hint_ref, Binding, FormOption};
use leptos::prelude::*;

/// The markup shared by [`SelectField`] and [`FilterSelect`]: options as
/// `(key, label)`, the selected key, and what to do with a new key.
fn select_view(
    id: String,
    label: TextProp,
    hint: Option<TextProp>,
    testid: Option<&'static str>,
    options: Vec<(&'static str, &'static str)>,
    selected: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    choose: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    let describe = described_by(hint_ref(&id, &hint, None), None);
    let select = view! {
            <select
                id=id.clone()
                data-testid=testid
                aria-describedby=describe
                on:change=move |ev| choose(event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(key, text)| {
                        view! {
                            <option value=key selected=move || selected() == key>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
    };
    let below = hint_line(&id, hint);
    field_block(&id, label, select, below)
}

/// A labelled `<select>` of every option of `T`; option values are the keys.
#[component]
pub fn SelectField<T: FormOption>(
    /// The select's id; its hint's id is this followed by `-hint`.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: TextProp,
    /// The option chosen.
    #[prop(into)]
    value: Binding<T>,
    /// A line under the list, e.g. what the chosen option means.
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// `data-testid` of the select, if tests need it.
    #[prop(optional, into)]
    testid: MaybeProp<&'static str>,
) -> impl IntoView {
    let options = T::all().iter().map(|o| (o.key(), o.label())).collect();
    select_view(
        id,
        label,
        hint,
        testid.get_untracked(),
        options,
        move || value.get().key(),
        move |key| {
            if let Some(option) = T::from_key(&key) {
                value.set(option);
            }
        },
    )
}

/// A `<select>` that narrows a list: "all" first (value `""`, read as
/// `None`), then every option of `T`.
#[component]
pub fn FilterSelect<T: FormOption>(
    /// The select's id.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: TextProp,
    /// The words of the first entry, e.g. "All types".
    all: &'static str,
    /// The option chosen, or `None` for all.
    #[prop(into)]
    value: Binding<Option<T>>,
) -> impl IntoView {
    let options = std::iter::once(("", all))
        .chain(T::all().iter().map(|o| (o.key(), o.label())))
        .collect();
    select_view(
        id,
        label,
        None,
        None,
        options,
        move || value.get().map_or("", FormOption::key),
        move |key| value.set(T::from_key(&key)),
    )
}

/// A labelled `<select>` of options the data holds, as `(value, words)`,
/// for choices that are not an enum (e.g. the quizzes of the imported
/// results).
#[component]
pub fn ListSelect(
    /// The select's id.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: TextProp,
    /// The options, first shown first.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The value chosen.
    #[prop(into)]
    value: Binding<String>,
) -> impl IntoView {
    let select = view! {
            <select id=id.clone() on:change=move |ev| value.set(event_target_value(&ev))>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(key, text)| {
                            let chosen = key.clone();
                            view! {
                                <option value=key selected=move || value.get() == chosen>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
    };
    field_block(&id, label, select, ())
}

/// A fieldset of radio buttons, one per option of `T`, each with its
/// [`FormOption::hint`] under it when it has one.
#[component]
pub fn RadioGroup<T: FormOption>(
    /// The buttons' `name`, also the start of their ids (`{name}-{key}`).
    name: &'static str,
    /// What the group is about.
    #[prop(into)]
    legend: TextProp,
    /// The option chosen.
    #[prop(into)]
    value: Binding<T>,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{move || legend.get()}</legend>
            {T::all()
                .iter()
                .map(|&option| {
                    let id = format!("{name}-{}", option.key());
                    let hint = option.hint().map(TextProp::from);
                    let describe = described_by(hint_ref(&id, &hint, None), None);
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name=name
                                id=id.clone()
                                value=option.key()
                                aria-describedby=describe
                                prop:checked=move || value.get() == option
                                on:change=move |_| value.set(option)
                            />
                            <label for=id.clone()>{option.label()}</label>
                            {hint_line(&id, hint)}
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A checkbox with its label beside it, and an optional hint.
#[component]
pub fn Checkbox(
    /// The checkbox's id; its hint's id is this followed by `-hint`.
    #[prop(into)]
    id: String,
    /// The words beside the box.
    #[prop(into)]
    label: TextProp,
    /// Whether it is ticked.
    #[prop(into)]
    value: Binding<bool>,
    /// A line under the checkbox, e.g. its default.
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// It sits in a row of other controls, so it gets no field block (and
    /// its spacing) around it.
    #[prop(optional)]
    inline: bool,
) -> impl IntoView {
    let describe = described_by(hint_ref(&id, &hint, None), None);
    let control = view! {
        <label class="radio">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
                aria-describedby=describe
            />
            {move || label.get()}
        </label>
        {hint_line(&id, hint)}
    };
    if inline {
        control.into_any()
    } else {
        view! { <div class="field">{control}</div> }.into_any()
    }
}
