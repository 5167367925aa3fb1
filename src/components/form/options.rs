//! The enums the app's forms pick from, as [`FormOption`]s: their keys match
//! their stored (serde) and link names, so a form value, a link and saved
//! data all spell an option the same way.

use super::FormOption;
use crate::domain::quiz::Mode;
use crate::domain::sla::{
    CaseStatus, CaseType, Channel, DayCounting, FollowUpCounting, HourCounting,
};
use crate::store::Theme;

impl FormOption for CaseType {
    fn all() -> &'static [Self] {
        &Self::ALL
    }
    fn key(self) -> &'static str {
        self.query_value()
    }
    fn label(self) -> &'static str {
        CaseType::label(self)
    }
}

impl FormOption for CaseStatus {
    fn all() -> &'static [Self] {
        &Self::ALL
    }
    fn key(self) -> &'static str {
        match self {
            Self::Assigned => "assigned",
            Self::Acknowledged => "acknowledged",
            Self::PendingOn => "pending_on",
            Self::EslQa => "esl_qa",
            Self::LegalReview => "legal_review",
            Self::Incomplete => "incomplete",
        }
    }
    fn label(self) -> &'static str {
        CaseStatus::label(self)
    }
}

impl FormOption for Channel {
    fn all() -> &'static [Self] {
        &[Self::Email, Self::Phone]
    }
    fn key(self) -> &'static str {
        // `Channel::label` is already the lower-case name.
        Channel::label(self)
    }
    /// Capitalised here, where it stands alone as an option.
    fn label(self) -> &'static str {
        match self {
            Self::Email => "Email",
            Self::Phone => "Phone",
        }
    }
}

impl FormOption for HourCounting {
    fn all() -> &'static [Self] {
        &[Self::Clock, Self::Business]
    }
    fn key(self) -> &'static str {
        match self {
            Self::Clock => "clock",
            Self::Business => "business",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Clock => "Clock hours (nights and weekends count)",
            Self::Business => "Business hours only",
        }
    }
}

impl FormOption for DayCounting {
    fn all() -> &'static [Self] {
        &[Self::Calendar, Self::Business]
    }
    fn key(self) -> &'static str {
        match self {
            Self::Calendar => "calendar",
            Self::Business => "business",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Calendar => "Calendar days (weekends and holidays count)",
            Self::Business => "Business days",
        }
    }
}

impl FormOption for FollowUpCounting {
    fn all() -> &'static [Self] {
        &[Self::BusinessDays, Self::OpenHours]
    }
    fn key(self) -> &'static str {
        match self {
            Self::BusinessDays => "business-days",
            Self::OpenHours => "open-hours",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::BusinessDays => "24 hours per business day (24-48 = 1 to 2 business days)",
            Self::OpenHours => "Hours inside business hours (24 h = three 8-hour days)",
        }
    }
}

impl FormOption for Theme {
    fn all() -> &'static [Self] {
        &[Self::System, Self::Light, Self::Dark]
    }
    fn key(self) -> &'static str {
        self.attribute().unwrap_or("system")
    }
    fn label(self) -> &'static str {
        match self {
            Self::System => "Follow the system",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }
}

impl FormOption for Mode {
    fn all() -> &'static [Self] {
        &[
            Self::Practice,
            Self::Exam,
            Self::ReviewMissed,
            Self::SpacedReview,
        ]
    }
    fn key(self) -> &'static str {
        self.as_str()
    }
    fn label(self) -> &'static str {
        match self {
            Self::Practice => "Practice",
            Self::Exam => "Exam",
            Self::ReviewMissed => "Review missed",
            Self::SpacedReview => "Spaced review",
        }
    }
    fn hint(self) -> Option<&'static str> {
        Some(match self {
            Self::Practice => "See right away whether each answer is right, and why.",
            Self::Exam => "A fixed number of questions, an optional time limit and a pass mark; the score comes at the end.",
            Self::ReviewMissed => "Only the questions you last answered wrong or partly right.",
            Self::SpacedReview => "The questions due for review first, then ones you have not seen.",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key reads back as its option, and no two options share a key.
    fn round_trip<T: FormOption + std::fmt::Debug>() {
        for &option in T::all() {
            assert_eq!(T::from_key(option.key()), Some(option));
            assert!(!option.label().is_empty());
        }
        let mut keys: Vec<_> = T::all().iter().map(|o| o.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), T::all().len());
    }

    #[test]
    fn every_option_has_its_own_key() {
        round_trip::<CaseType>();
        round_trip::<CaseStatus>();
        round_trip::<Channel>();
        round_trip::<HourCounting>();
        round_trip::<DayCounting>();
        round_trip::<FollowUpCounting>();
        round_trip::<Theme>();
        round_trip::<Mode>();
    }

    #[test]
    fn keys_are_the_stored_names() {
        for &status in CaseStatus::all() {
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                serde_json::json!(status.key())
            );
        }
        for &theme in Theme::all() {
            assert_eq!(
                serde_json::to_value(theme).unwrap(),
                serde_json::json!(theme.key())
            );
        }
        assert_eq!(
            serde_json::to_value(FollowUpCounting::OpenHours).unwrap(),
            serde_json::json!(FollowUpCounting::OpenHours.key())
        );
    }
}
