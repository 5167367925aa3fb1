//! The enums the app's forms pick from, as [`FormOption`]s: their keys match
//! their stored (serde) and link names, so a form value, a link and saved
//! data all spell an option the same way.

use super::FormOption;
use crate::domain::flow::StepKind;
use crate::domain::quiz::{QuestionKind, QuizMode};
use crate::domain::scanner::KeywordGroup;
use crate::domain::sla::{
    CaseStatus, CaseType, Channel, DayCounting, FollowUpCounting, HourCounting, HoursOf,
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

/// Implements [`FormOption`] from `Variant => (key, label)` pairs, in the
/// order a person sees them.
macro_rules! form_option {
    ($name:ident { $($variant:ident => ($key:literal, $label:literal)),+ $(,)? }) => {
        impl FormOption for $name {
            fn all() -> &'static [Self] {
                &[$(Self::$variant),+]
            }
            fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => $key),+
                }
            }
            fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),+
                }
            }
        }
    };
}

// The keys are the names these enums are stored under (serde).
form_option!(Channel {
    Email => ("email", "Email"),
    Phone => ("phone", "Phone"),
});
form_option!(HourCounting {
    Clock => ("clock", "Clock hours (nights and weekends count)"),
    Business => ("business", "Business hours only"),
});
form_option!(DayCounting {
    Calendar => ("calendar", "Calendar days (weekends and holidays count)"),
    Business => ("business", "Business days"),
});
form_option!(FollowUpCounting {
    BusinessDays => ("business-days", "24 hours per business day (24-48 = 1 to 2 business days)"),
    OpenHours => ("open-hours", "Hours inside business hours (24 h = three 8-hour days)"),
});
form_option!(HoursOf {
    Team => ("team", "The team's zone (a customer elsewhere is served in the team's hours)"),
    Customer => ("customer", "The customer's zone (the same hours on the customer's clock)"),
});
form_option!(QuestionKind {
    Single => ("single", "One right option"),
    Multiple => ("multiple", "Several right options (partial credit)"),
    PickAny => ("pick-any", "Pick any N of the right options"),
    FillIn => ("fill-in", "Typed answer"),
    Ordering => ("ordering", "Put items in order"),
});
form_option!(StepKind {
    Question => ("question", "Question: the agent picks an answer"),
    Action => ("action", "Action: the agent does something, then continues"),
    Outcome => ("outcome", "Outcome: the walk ends here"),
});
form_option!(KeywordGroup {
    Qualifier => ("qualifier", "Qualifier for additional review"),
    GenderSensitivity => ("gender-sensitivity", "Gender sensitivity"),
});
form_option!(Theme {
    System => ("system", "Follow the system"),
    Light => ("light", "Light"),
    Dark => ("dark", "Dark"),
});

impl FormOption for QuizMode {
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
        round_trip::<HoursOf>();
        round_trip::<Theme>();
        round_trip::<QuizMode>();
    }

    /// The key of every option is the name serde stores it under.
    fn stored_as_key<T: FormOption + serde::Serialize>() {
        for &option in T::all() {
            assert_eq!(
                serde_json::to_value(option).unwrap(),
                serde_json::json!(option.key())
            );
        }
    }

    #[test]
    fn keys_are_the_stored_names() {
        stored_as_key::<CaseType>();
        stored_as_key::<CaseStatus>();
        stored_as_key::<Channel>();
        stored_as_key::<HourCounting>();
        stored_as_key::<DayCounting>();
        stored_as_key::<FollowUpCounting>();
        stored_as_key::<HoursOf>();
        stored_as_key::<Theme>();
        stored_as_key::<QuizMode>();
    }
}
