//! The user's preferences: the theme (and the copy of it the boot script
//! reads before the app runs) and the SLA rules, when the user has own.

use super::check_part;
use crate::domain::content;
use crate::domain::sla::{SlaEngine, SlaSettings};
use crate::store::envelope::{Persist, Unusable};
use crate::store::local::{remove, write_raw};
use serde::{Deserialize, Serialize};

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
    /// The user's SLA rules and calendar; `None` follows the shipped defaults
    /// (`content/sla.toml`), so improved defaults reach users who never
    /// changed them.
    pub sla: Option<SlaSettings>,
}

impl Settings {
    /// The SLA settings in force: the user's own, or the shipped defaults.
    pub fn sla_settings(&self) -> SlaSettings {
        self.sla
            .clone()
            .unwrap_or_else(|| content::sla_defaults().clone())
    }
}

impl Persist for Settings {
    const KEY: &'static str = "deskaid.settings";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "settings";

    /// Imported SLA rules must also make sense (e.g. opening before closing).
    fn check(&self) -> Result<(), Unusable> {
        check_part(self.sla.as_ref(), "SLA rules are not usable", |sla| {
            SlaEngine::new(sla).map(drop).map_err(|e| e.problems)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::envelope::encode;
    use crate::store::state::validate_record;

    #[test]
    fn imported_settings_with_impossible_sla_rules_are_refused() {
        let mut sla = content::sla_defaults().clone();
        sla.general.resolution_business_days = 0;
        let settings = Settings {
            sla: Some(sla),
            ..Settings::default()
        };
        let err = validate_record(Settings::KEY, &encode(&settings))
            .unwrap()
            .unwrap_err()
            .to_string();
        assert!(err.contains("SLA rules are not usable"), "{err}");
    }

    #[test]
    fn the_boot_script_reads_the_theme_key_the_app_writes() {
        let patch = include_str!("../../../scripts/lib/patch.mjs");
        let declared = format!("export const BOOT_THEME_KEY = '{BOOT_THEME_KEY}';");
        assert!(
            patch.contains(&declared),
            "scripts/lib/patch.mjs: {declared}"
        );
    }

    #[test]
    fn settings_without_own_sla_rules_follow_the_shipped_defaults() {
        assert_eq!(&Settings::default().sla_settings(), content::sla_defaults());
    }
}
