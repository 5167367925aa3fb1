//! The set-up of the next quiz as typed, kept by the page rather than by the
//! start screen: pausing a quiz, or finishing one, and coming back finds the
//! same options, the same seed and the same trainer link.

use super::spec::{build_spec, OptionProblems};
use crate::domain::quiz::DEFAULT_PASS_PERCENT;
use crate::domain::quiz::{link_spec, pick_link_seed, Bank, FittedSpec, QuizMode, QuizSpec};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The quiz options as typed, and the seed used while none is typed.
#[derive(Clone, Copy)]
pub(in crate::pages::quiz) struct Setup {
    /// The mode chosen.
    pub(super) mode: RwSignal<QuizMode>,
    /// The topics left out (empty: every topic, including ones added later).
    pub(super) excluded: RwSignal<BTreeSet<String>>,
    /// The number of questions as typed.
    pub(super) count: RwSignal<String>,
    /// The seed as typed; empty means [`Setup::auto_seed`].
    pub(super) seed: RwSignal<String>,
    /// The exam pass mark as typed.
    pub(super) pass: RwSignal<String>,
    /// The exam time limit as typed.
    pub(super) time: RwSignal<String>,
    /// Picked once per set-up, so that the trainer's own Start and the
    /// trainer link ask the same questions in the same order, and the link
    /// does not change while the form is redrawn.
    pub(super) auto_seed: u64,
}

impl Setup {
    /// Practice on every topic, 10 questions, with a seed picked from
    /// `entropy` (any changing number, such as the time).
    pub(in crate::pages::quiz) fn new(entropy: u64) -> Self {
        Setup {
            mode: RwSignal::new(QuizMode::Practice),
            excluded: RwSignal::new(BTreeSet::new()),
            count: RwSignal::new("10".to_string()),
            seed: RwSignal::new(String::new()),
            pass: RwSignal::new(DEFAULT_PASS_PERCENT.to_string()),
            time: RwSignal::new(String::new()),
            auto_seed: pick_link_seed(entropy),
        }
    }

    /// The quiz the options make on `bank`, as Start runs it and the trainer
    /// link carries it (count fitted to the topics, seed always set), or the
    /// problems found; tracks every field.
    pub(super) fn spec(&self, bank: &Bank) -> Result<FittedSpec, Box<OptionProblems>> {
        let typed = build_spec(
            bank,
            self.mode.get(),
            &self.excluded.get(),
            &self.count.get(),
            &self.seed.get(),
            &self.pass.get(),
            &self.time.get(),
        )?;
        let fitted = link_spec(&typed, self.auto_seed).fit(bank);
        Ok(fitted)
    }

    /// Shows `spec` (the quiz in progress) in the fields, unless they already
    /// make it: a quiz started from a link, or before a reload, is what the
    /// start screen then offers, not the defaults.
    pub(super) fn show(&self, spec: &QuizSpec, bank: &Bank) {
        let makes_it = self
            .spec_untracked(bank)
            .is_ok_and(|fitted| &fitted.spec == spec);
        if makes_it {
            return;
        }
        self.mode.set(spec.mode);
        self.excluded.set(if spec.topics.is_empty() {
            BTreeSet::new()
        } else {
            bank.topics()
                .iter()
                .filter(|t| !spec.topics.contains(&t.id))
                .map(|t| t.id.clone())
                .collect()
        });
        self.count
            .set(spec.count.map(|n| n.to_string()).unwrap_or_default());
        self.seed.set(
            spec.seed
                .filter(|&s| s != self.auto_seed)
                .map(|s| s.to_string())
                .unwrap_or_default(),
        );
        self.pass.set(spec.pass_percent.to_string());
        self.time.set(
            spec.time_limit_minutes
                .map(|m| m.to_string())
                .unwrap_or_default(),
        );
    }

    /// [`Setup::spec`] without tracking the fields.
    fn spec_untracked(&self, bank: &Bank) -> Result<FittedSpec, Box<OptionProblems>> {
        untrack(|| self.spec(bank))
    }
}
