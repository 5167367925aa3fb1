//! The time-zone field of the calculator and the rules editor: suggestions
//! from the zones this build includes, a zone typed in any capitalisation
//! stored under its own name, help for an unknown zone and a warning for a
//! legacy one.

use crate::components::form::{Binding, TextField};
use crate::domain::sla::input::{read_zone, zone_warning};
use crate::domain::sla::is_suggested_zone;
use crate::domain::zone::Zone;
use leptos::prelude::*;

/// The `<datalist>` of the time zones to pick from: the Area/Location zones
/// this build includes (a chosen list, `.cargo/config.toml`, kept small),
/// and UTC; legacy names such as EST are left out.
#[component]
pub fn ZoneList(
    /// The element id that inputs name in their `list` attribute.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    view! {
        <datalist id=id>
            {Zone::all()
                .filter(|zone| is_suggested_zone(*zone))
                .map(|zone| view! { <option value=zone.name()></option> })
                .collect_view()}
        </datalist>
    }
}

/// A labelled zone input with its suggestions (`{id}s`), its hint, a
/// warning for a legacy zone name and its error line.
#[component]
pub fn ZoneField(
    /// The input's id.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// The zone name as typed; a known zone is stored under its own name.
    #[prop(into)]
    value: Binding<String>,
    /// What the zone is used for, or its default.
    #[prop(into)]
    hint: TextProp,
    /// `data-testid` of the warning line, if tests need it.
    #[prop(optional)]
    warning_testid: Option<&'static str>,
) -> impl IntoView {
    let list = format!("{id}s");
    let hint_id = format!("{id}-hint");
    let error = Signal::derive(move || read_zone(&value.get()).err().map(|e| e.to_string()));
    // "america/new_york" becomes "America/New_York", in the field and
    // wherever the value goes.
    let named = Binding::new(
        move || value.get(),
        move |typed: String| {
            value.set(read_zone(&typed).map_or(typed, |zone| zone.name().to_string()))
        },
    );
    view! {
        <TextField id=id label=label value=named error=error hint_id=hint_id.clone() list=list.clone()>
            <ZoneList id=list/>
            <div class="hint" id=hint_id>
                <p>{move || hint.get()}</p>
                <p aria-live="polite" data-testid=warning_testid>
                    {move || {
                        zone_warning(&value.get())
                            .map(|text| view! { <span class="sla-warning">{text}</span> })
                    }}
                </p>
            </div>
        </TextField>
    }
}
