//! The user's preferences: the theme, and the copy of it the boot script
//! reads before the app runs. Version 1 also held the SLA rules, which
//! moved to their own key (`SlaRules`, see `moved`).

use super::moved::SLA_RULES;
use crate::store::envelope::{NoMigration, Persist};
use crate::store::local::{remove, write_raw};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Colour scheme choice; `System` follows `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The value of `data-theme` on `<html>`; `None` lets CSS follow the system.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// The key the boot script in `index.html` reads to apply the theme before
/// the app runs (see README, "Theme before the app runs"): the `data-theme`
/// value, `light` or `dark`, and absent when following the system. The app
/// writes it and never reads it, so the boot script does not depend on the
/// format of [`Settings`].
pub const BOOT_THEME_KEY: &str = "deskaid.theme";

/// Records `theme` under [`BOOT_THEME_KEY`] for the next page load. A failed
/// write is not reported: the setting itself was saved (or its failure
/// reported) by [`Persisted::update`], and the app applies it once running.
pub fn remember_theme(theme: Theme) {
    match theme.attribute() {
        Some(value) => {
            let _ = write_raw(BOOT_THEME_KEY, value);
        }
        None => remove(BOOT_THEME_KEY),
    }
}

/// User preferences. New fields take their default when older data lacks them,
/// so additions need no new format version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
}

impl Persist for Settings {
    const KEY: &'static str = "deskaid.settings";
    const VERSION: u32 = 2;
    const LABEL: &'static str = "settings";

    /// Version 2 moved the SLA rules to their own key; by the time a
    /// settings record is read, `moved::SLA_RULES` has copied them there.
    fn migrate(from: u32, data: Value) -> Result<Value, NoMigration> {
        match from {
            1 => Ok(SLA_RULES.left_behind(data)),
            _ => Err(NoMigration { from }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_script_reads_the_theme_key_the_app_writes() {
        let patch = include_str!("../../../scripts/lib/patch.mjs");
        let declared = format!("export const BOOT_THEME_KEY = '{BOOT_THEME_KEY}';");
        assert!(
            patch.contains(&declared),
            "scripts/lib/patch.mjs: {declared}"
        );
    }
}
