//! The browser's clock: its zone, for pages that show local times, and the
//! one ticking "now" that countdowns follow.
//!
//! The zone's rules are the browser's own (`Date`), so no zone data ships in
//! the parts that show local times (issue 13's size targets).

use crate::domain::time::OffsetAt;
use chrono::{DateTime, FixedOffset, Utc};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// The browser's IANA zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`),
/// asked through `Date`: the offset it gives for an instant is the one the
/// zone had at that instant, so past moments keep their own offset.
#[derive(Debug, Clone, Copy)]
pub struct BrowserZone;

impl OffsetAt for BrowserZone {
    fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset {
        let date = js_sys::Date::new(&JsValue::from_f64(instant.timestamp_millis() as f64));
        // JS counts minutes *behind* UTC.
        let minutes_behind_utc = date.get_timezone_offset();
        FixedOffset::west_opt((minutes_behind_utc as i32) * 60)
            .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero is a valid offset"))
    }
}

/// The browser's local time now, with the offset in force now.
pub fn local_now() -> DateTime<FixedOffset> {
    BrowserZone.local(Utc::now())
}

/// A moment in the browser's local time, to the second: "5 Mar 2026, 14:05:09".
pub fn format_local_seconds(when: DateTime<Utc>) -> String {
    BrowserZone
        .local(when)
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
