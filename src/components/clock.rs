//! The browser's clock: its offset from UTC, for pages that show local
//! times, and the one ticking "now" that countdowns follow.

use chrono::{DateTime, FixedOffset, Utc};
use leptos::prelude::*;
use std::time::Duration;

/// The browser's offset from UTC now (JS counts minutes *behind* UTC).
pub fn browser_offset() -> FixedOffset {
    let minutes_behind_utc = js_sys::Date::new_0().get_timezone_offset();
    FixedOffset::west_opt((minutes_behind_utc as i32) * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero is a valid offset"))
}

/// A moment in the browser's local time, to the second: "5 Mar 2026, 14:05:09".
pub fn format_local_seconds(when: DateTime<Utc>) -> String {
    when.with_timezone(&browser_offset())
        .format("%-d %b %Y, %H:%M:%S")
        .to_string()
}

/// The current time, refreshed every 30 seconds while the calling component
/// is mounted, so countdowns tick; the interval is cleared on unmount.
pub fn use_now() -> RwSignal<DateTime<Utc>> {
    let now = RwSignal::new(Utc::now());
    let handle =
        set_interval_with_handle(move || now.set(Utc::now()), Duration::from_secs(30)).ok();
    on_cleanup(move || {
        if let Some(handle) = handle {
            handle.clear();
        }
    });
    now
}
