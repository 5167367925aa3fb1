//! A countdown for steps that say "wait 30 seconds", announced to screen
//! readers when it ends.

use leptos::prelude::*;
use std::time::Duration;

/// "0:30".
fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Whole seconds left until `deadline` (milliseconds since the epoch).
fn seconds_left(deadline: f64) -> u32 {
    ((deadline - js_sys::Date::now()) / 1000.0).ceil().max(0.0) as u32
}

/// A visible countdown with Start, Stop and Reset. Time is measured against
/// the clock, so a throttled background tab still ends on time.
#[component]
pub fn Countdown(
    /// How long to wait.
    seconds: u32,
) -> impl IntoView {
    let remaining = RwSignal::new(seconds);
    let running = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    let interval = StoredValue::new(None::<IntervalHandle>);
    // Counts starts and stops; a tick from an earlier run is ignored even if
    // its interval outlived `clearInterval` (as under some test clocks).
    let run = StoredValue::new(0u32);

    let stop = move || {
        run.update_value(|r| *r += 1);
        if let Some(handle) = interval.get_value() {
            handle.clear();
        }
        interval.set_value(None);
        running.set(false);
    };
    let start = move |_| {
        if running.get_untracked() {
            return;
        }
        let left = match remaining.get_untracked() {
            0 => seconds,
            n => n,
        };
        remaining.set(left);
        announcement.set(String::new());
        let deadline = js_sys::Date::now() + f64::from(left) * 1000.0;
        run.update_value(|r| *r += 1);
        let this_run = run.get_value();
        let tick = move || {
            if run.get_value() != this_run {
                return;
            }
            let left = seconds_left(deadline);
            remaining.set(left);
            if left == 0 {
                stop();
                announcement.set(format!(
                    "{seconds} seconds are up: if no one has answered, take the \u{201c}no answer\u{201d} choice below."
                ));
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(250)) {
            interval.set_value(Some(handle));
            running.set(true);
        }
    };
    let reset = move |_| {
        stop();
        remaining.set(seconds);
        announcement.set(String::new());
    };
    on_cleanup(move || {
        if let Some(handle) = interval.get_value() {
            handle.clear();
        }
    });

    let state_text = move || {
        if running.get() {
            "Running"
        } else if remaining.get() == 0 {
            "Time is up"
        } else if remaining.get() == seconds {
            "Not started"
        } else {
            "Stopped"
        }
    };
    view! {
        <section class="esc-timer" aria-labelledby="esc-timer-heading">
            <h3 id="esc-timer-heading">{format!("Wait {seconds} seconds")}</h3>
            <p class="esc-timer-display" class:esc-timer-done=move || remaining.get() == 0>
                <span role="timer" aria-label="Time left" aria-live="off">{move || clock(remaining.get())}</span>
                <span class="esc-timer-state">{state_text}</span>
            </p>
            <div class="button-row">
                <button type="button" on:click=start>"Start timer"</button>
                <button type="button" class="secondary" on:click=move |_| stop()>"Stop timer"</button>
                <button type="button" class="secondary" on:click=reset>"Reset timer"</button>
            </div>
            <p role="status" aria-live="polite" class="esc-timer-announcement">{move || announcement.get()}</p>
        </section>
    }
}
