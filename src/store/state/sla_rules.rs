//! The user's own SLA rules and business calendar, under a key of their
//! own: read when the first page that computes a deadline opens, so the
//! shell, which needs only the theme, carries neither their parsing nor
//! their checks. Version 1 of the settings record held them.

use super::check_part;
use crate::domain::content;
use crate::domain::sla::{SlaEngine, SlaSettings};
use crate::store::envelope::{Persist, Unusable};
use serde::{Deserialize, Serialize};

/// The SLA rules saved on this device, if the user has own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlaRules {
    /// The user's rules and calendar; `None` follows the shipped defaults
    /// (`content/sla.toml`), so improved defaults reach users who never
    /// changed them.
    pub own: Option<SlaSettings>,
}

impl SlaRules {
    /// The rules in force: the user's own, or the shipped defaults.
    pub fn in_force(&self) -> SlaSettings {
        self.own
            .clone()
            .unwrap_or_else(|| content::sla_defaults().clone())
    }
}

impl Persist for SlaRules {
    const KEY: &'static str = "deskaid.sla-rules";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "SLA rules";

    /// Imported rules must also make sense (e.g. opening before closing).
    fn check(&self) -> Result<(), Unusable> {
        check_part(self.own.as_ref(), "SLA rules are not usable", |sla| {
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
    fn imported_impossible_sla_rules_are_refused() {
        let mut sla = content::sla_defaults().clone();
        sla.general.resolution_business_days = 0;
        let rules = SlaRules { own: Some(sla) };
        let err = validate_record(SlaRules::KEY, &encode(&rules))
            .unwrap()
            .unwrap_err()
            .to_string();
        assert!(err.contains("SLA rules are not usable"), "{err}");
    }

    #[test]
    fn without_own_rules_the_shipped_defaults_are_in_force() {
        assert_eq!(&SlaRules::default().in_force(), content::sla_defaults());
    }
}
