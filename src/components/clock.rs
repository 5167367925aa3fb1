//! The browser's clock: its zone, for pages that show local times, the
//! year in the team's zone, and the one ticking "now" that countdowns follow.
//!
//! Both zones come from the browser's own rules (`Date`, `Intl`), so no zone
//! data ships in the parts that show local times (issue 13's size targets).

use crate::domain::time::OffsetAt;
use chrono::{DateTime, Datelike, FixedOffset, Utc};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

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

/// The year it is at `now` in the IANA zone `zone`, from the browser's own
/// zone rules; the UTC year when the browser does not know the zone.
pub fn year_in_zone(zone: &str, now: DateTime<Utc>) -> i32 {
    let in_zone = || -> Option<i32> {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
        js_sys::Reflect::set(&options, &"year".into(), &"numeric".into()).ok()?;
        let date = js_sys::Date::new(&JsValue::from_f64(now.timestamp_millis() as f64));
        // Called through `Function` to catch the `RangeError` thrown for a
        // zone the browser does not know: js-sys's `to_locale_date_string`
        // would let it unwind through the wasm.
        let format: js_sys::Function = js_sys::Reflect::get(&date, &"toLocaleDateString".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let year = format.call2(&date, &"en-US".into(), &options).ok()?;
        year.as_string()?.trim().parse().ok()
    };
    in_zone().unwrap_or_else(|| now.year())
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
