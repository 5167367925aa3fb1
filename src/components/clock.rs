//! The browser's own clock settings, for pages that show local times.

use chrono::FixedOffset;

/// The browser's offset from UTC now (JS counts minutes *behind* UTC).
pub fn browser_offset() -> FixedOffset {
    let minutes_behind_utc = js_sys::Date::new_0().get_timezone_offset();
    FixedOffset::west_opt((minutes_behind_utc as i32) * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero is a valid offset"))
}
