//! The zones of the two divisions doc 001 names, one click away: the rules'
//! zone is New York, and a case from the West may need Los Angeles.

use leptos::prelude::*;

/// "Northeast & West Divisions" (doc 001, lines 63-64), each with the zone
/// its customers are most likely in.
const DIVISIONS: [(&str, &str); 2] = [
    ("Northeast", "America/New_York"),
    ("West", "America/Los_Angeles"),
];

/// Buttons that put a division's zone in the calculation, the one in use
/// pressed.
#[component]
pub(super) fn DivisionZones(
    /// The calculation's zone, as typed.
    zone: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="sla-divisions" role="group" aria-labelledby="sla-divisions-label">
            <p id="sla-divisions-label" class="hint">
                "Customers are in the Northeast & West divisions (doc 001, lines 63-64): a case from the West may need America/Los_Angeles."
            </p>
            <div class="button-row">
                {DIVISIONS
                    .map(|(division, name)| {
                        view! {
                            <button
                                type="button"
                                class="secondary"
                                aria-pressed=move || (zone.get() == name).to_string()
                                on:click=move |_| zone.set(name.to_string())
                            >
                                {format!("{division}: {name}")}
                            </button>
                        }
                    })}
            </div>
        </div>
    }
}
