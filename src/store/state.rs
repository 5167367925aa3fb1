//! The app's persisted state, one [`Persisted`] handle per storage key, shared
//! with every page through context. Adding a concern means adding a field and
//! its accessor to [`AppState`], a line to `AppState::load` and
//! `AppState::load_all`, and one to [`STORED`].

use super::author::{AuthorDraft, DevicePack};
use super::envelope::{encode, validate, NoMigration, Persist, RecordProblem, Unusable};
use super::local::{read_raw, remove, write_raw};
use super::merge::{merge_growing, merge_list, merge_map, merge_whole, Deletions};
use super::pack::LastGoodPack;
use super::persisted::Persisted;
use crate::components::notice::Notices;
use crate::domain::content;
use crate::domain::flow::{FlowSet, Walk};
use crate::domain::quiz::results::{
    bank_identity, BankIdentity, ClassResults, CUSTOM_PACK, SHIPPED_PACK,
};
use crate::domain::quiz::{Bank, Progress, QuizSession};
use crate::domain::sla::{Case, SlaEngine, SlaSettings};
use leptos::prelude::{GetValue, Owner, SetValue, StoredValue, UpdateValue, WithValue};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

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

/// The escalation walks in progress, one per flow, so each survives a reload
/// or a closed tab and a walk in one flow does not disturb another.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Walks {
    pub by_flow: BTreeMap<String, Walk>,
}

impl Persist for Walks {
    const KEY: &'static str = "deskaid.walks";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "escalation walks";

    /// By flow; a walk both tabs changed is this tab's, the later write.
    fn merge(base: &Self, mine: Self, theirs: Self, deleted: &Deletions) -> Self {
        Walks {
            by_flow: merge_map(
                &base.by_flow,
                mine.by_flow,
                theirs.by_flow,
                deleted,
                |m, _| m,
            ),
        }
    }

    fn record_ids(&self) -> BTreeSet<String> {
        self.by_flow.keys().cloned().collect()
    }
}

/// The agent's own cases, for the queue and its deadlines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Queue {
    pub cases: Vec<Case>,
}

impl Persist for Queue {
    const KEY: &'static str = "deskaid.queue";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "case queue";

    /// By case number; a case both tabs edited is this tab's, the later write.
    fn merge(base: &Self, mine: Self, theirs: Self, deleted: &Deletions) -> Self {
        Queue {
            cases: merge_list(
                &base.cases,
                mine.cases,
                theirs.cases,
                deleted,
                |case| case.number.clone(),
                |m, _| m,
            ),
        }
    }

    fn record_ids(&self) -> BTreeSet<String> {
        self.cases.iter().map(|case| case.number.clone()).collect()
    }
}

/// The learner's quiz data: history per question (with its FSRS schedule),
/// exams and streak; the quiz in progress, so a reload continues it; and the
/// name the learner last sent a result under, so the next one needs no
/// typing. Version 1 also held the custom question bank, which moved to its
/// own key ([`CustomBank`]) since it changes rarely and answers often.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuizData {
    pub progress: Progress,
    pub session: Option<QuizSession>,
    pub sender_name: String,
}

impl Walks {
    /// The flows whose walk reached an outcome: the last call's, kept so its
    /// case notes can still be copied, and safe to clear to free space.
    pub fn finished(&self, flows: &FlowSet) -> Vec<String> {
        self.by_flow
            .iter()
            .filter(|(_, walk)| walk.outcome(flows).is_some())
            .map(|(flow, _)| flow.clone())
            .collect()
    }
}

impl CustomBank {
    /// The bank in use: the custom one if stored and valid, else the shipped
    /// one; with its identity, which results carry.
    pub fn bank_in_use(&self) -> (Bank, BankIdentity) {
        match self
            .json
            .as_deref()
            .and_then(|json| Bank::from_json(json).ok())
        {
            Some(bank) => {
                let identity = bank_identity(&bank, CUSTOM_PACK);
                (bank, identity)
            }
            None => {
                let bank = content::bank().clone();
                let identity = bank_identity(&bank, SHIPPED_PACK);
                (bank, identity)
            }
        }
    }
}

impl Persist for QuizData {
    const KEY: &'static str = "deskaid.quiz";
    const VERSION: u32 = 2;
    const LABEL: &'static str = "quiz progress";

    /// Version 2 moved the custom bank to its own key; by the time a quiz
    /// record is read, [`move_custom_bank_to_its_key`] has copied it there.
    fn migrate(from: u32, mut data: Value) -> Result<Value, NoMigration> {
        match from {
            1 => {
                if let Some(fields) = data.as_object_mut() {
                    fields.remove(LEGACY_BANK_FIELD);
                }
                Ok(data)
            }
            _ => Err(NoMigration { from }),
        }
    }

    /// Answers by question id, the later answer winning when both tabs
    /// answered one; exams and active days only grow, so both tabs' are
    /// kept; the quiz in progress is a whole value.
    fn merge(base: &Self, mine: Self, theirs: Self, deleted: &Deletions) -> Self {
        let questions = merge_map(
            &base.progress.questions,
            mine.progress.questions,
            theirs.progress.questions,
            deleted,
            |m, t| {
                if t.last_answered_at > m.last_answered_at {
                    t
                } else {
                    m
                }
            },
        );
        let mut exams = mine.progress.exams;
        for exam in theirs.progress.exams {
            if !exams.contains(&exam) {
                exams.push(exam);
            }
        }
        exams.sort_by_key(|exam| exam.finished_at);
        QuizData {
            progress: Progress {
                questions,
                exams,
                active_days: merge_growing(mine.progress.active_days, theirs.progress.active_days),
            },
            session: merge_whole(&base.session, mine.session, theirs.session),
            sender_name: merge_whole(&base.sender_name, mine.sender_name, theirs.sender_name),
        }
    }

    fn record_ids(&self) -> BTreeSet<String> {
        self.progress.questions.keys().cloned().collect()
    }
}

/// A trainer's custom question bank, as JSON, when one was imported: up to
/// a few MiB that change only when a bank is imported or removed, so they
/// are not rewritten with every answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomBank {
    pub json: Option<String>,
}

impl Persist for CustomBank {
    const KEY: &'static str = "deskaid.quiz-bank";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "custom question bank";

    /// An imported custom question bank must pass the same checks as a new one.
    fn check(&self) -> Result<(), Unusable> {
        check_part(
            self.json.as_deref(),
            "custom question bank is not valid",
            |json| Bank::from_json(json).map(drop).map_err(|e| e.problems),
        )
    }
}

/// Where version 1 of the quiz record kept the custom bank.
const LEGACY_BANK_FIELD: &str = "custom_bank";

/// The stored texts after moving a version 1 quiz record's custom bank to
/// its own key, or `None` when there is nothing to move: the bank's
/// envelope and the quiz record without it (still version 1, so its
/// migration runs as for any older record).
fn split_legacy_quiz(quiz_raw: &str) -> Option<(String, String)> {
    let mut envelope: Value = serde_json::from_str(quiz_raw).ok()?;
    if envelope.get("version")?.as_u64()? != 1 {
        return None;
    }
    let data = envelope.get_mut("data")?.as_object_mut()?;
    let json = data.remove(LEGACY_BANK_FIELD)?.as_str()?.to_string();
    let bank = encode(&CustomBank { json: Some(json) });
    Some((bank, envelope.to_string()))
}

/// Moves the custom bank out of a version 1 quiz record, before the quiz is
/// read (which would drop it): the bank's key is written first, so a
/// failed write leaves the old record whole.
fn move_custom_bank_to_its_key() {
    let Some((bank, quiz)) = read_raw(QuizData::KEY).and_then(|raw| split_legacy_quiz(&raw)) else {
        return;
    };
    if write_raw(CustomBank::KEY, &bank).is_ok() {
        let _ = write_raw(QuizData::KEY, &quiz);
    }
}

/// The results a trainer imported on the Class results page.
impl Persist for ClassResults {
    const KEY: &'static str = "deskaid.results";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "class results";
}

/// Checks the optional `part` of a stored value with the domain's own
/// validation, naming the part (`what`) in the problem; no part, no problem.
fn check_part<T: ?Sized>(
    part: Option<&T>,
    what: &'static str,
    validate: impl FnOnce(&T) -> Result<(), Vec<String>>,
) -> Result<(), Unusable> {
    part.map_or(Ok(()), validate)
        .map_err(|problems| Unusable { what, problems })
}

/// Every persisted concern. Settings load at start-up, since the frame needs
/// the theme; walks, the queue, the quiz and the class results load when a
/// page first asks for them, so the shell (what the home page downloads) carries neither their
/// types' parsing nor their checks, and a concern that cannot be read is
/// reported on the page that uses it.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: Persisted<Settings>,
    walks: OnFirstUse<Walks>,
    queue: OnFirstUse<Queue>,
    quiz: OnFirstUse<QuizData>,
    quiz_bank: OnFirstUse<CustomBank>,
    results: OnFirstUse<ClassResults>,
    author_draft: OnFirstUse<AuthorDraft>,
    device_pack: OnFirstUse<DevicePack>,
    /// The concerns loaded so far, for the operations that treat them alike
    /// (another tab's change, reset, import).
    loaded: StoredValue<Vec<Box<dyn Concern + Send + Sync>>>,
    /// The app's root owner: a concern loaded while a page renders must
    /// outlive that page.
    owner: StoredValue<Owner>,
    notices: Notices,
}

/// A concern's signal, made on first use.
struct OnFirstUse<T: Persist + Send + Sync + 'static>(StoredValue<Option<Persisted<T>>>);

impl<T: Persist + Send + Sync + 'static> Clone for OnFirstUse<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Persist + Send + Sync + 'static> Copy for OnFirstUse<T> {}

impl<T: Persist + Send + Sync + 'static> OnFirstUse<T> {
    fn new() -> Self {
        OnFirstUse(StoredValue::new(None))
    }
}

/// One key Deskaid stores, for the operations that need no typed value:
/// export, import checks, and the copies of unreadable data set aside.
pub struct StoredKey {
    /// The localStorage key.
    pub key: &'static str,
    /// What the user calls the data ([`Persist::LABEL`]).
    pub label: &'static str,
    /// Checks a raw value: readable, and passing [`Persist::check`].
    validate: fn(&str) -> Result<(), RecordProblem>,
}

const fn stored<T: Persist>() -> StoredKey {
    StoredKey {
        key: T::KEY,
        label: T::LABEL,
        validate: validate::<T>,
    }
}

/// Every key Deskaid stores.
pub const STORED: &[StoredKey] = &[
    stored::<Settings>(),
    stored::<Walks>(),
    stored::<Queue>(),
    stored::<QuizData>(),
    stored::<CustomBank>(),
    stored::<ClassResults>(),
    stored::<AuthorDraft>(),
    stored::<DevicePack>(),
    stored::<LastGoodPack>(),
];

impl AppState {
    /// Loads the settings from storage, reporting unreadable data as a
    /// notice; the other concerns load on first use.
    pub fn load(notices: Notices) -> Self {
        let settings = Persisted::load(notices);
        AppState {
            settings,
            walks: OnFirstUse::new(),
            queue: OnFirstUse::new(),
            quiz: OnFirstUse::new(),
            quiz_bank: OnFirstUse::new(),
            results: OnFirstUse::new(),
            author_draft: OnFirstUse::new(),
            device_pack: OnFirstUse::new(),
            loaded: StoredValue::new(vec![Box::new(settings)]),
            owner: StoredValue::new(
                Owner::current().expect("the app state is made in the app's owner"),
            ),
            notices,
        }
    }

    /// The escalation walks in progress.
    pub fn walks(&self) -> Persisted<Walks> {
        self.on_first_use(self.walks)
    }

    /// The agent's case queue.
    pub fn queue(&self) -> Persisted<Queue> {
        self.on_first_use(self.queue)
    }

    /// The learner's quiz data.
    pub fn quiz(&self) -> Persisted<QuizData> {
        if self.quiz.0.get_value().is_none() {
            move_custom_bank_to_its_key();
        }
        self.on_first_use(self.quiz)
    }

    /// The trainer's custom question bank, if one was imported.
    pub fn quiz_bank(&self) -> Persisted<CustomBank> {
        if self.quiz_bank.0.get_value().is_none() {
            move_custom_bank_to_its_key();
        }
        self.on_first_use(self.quiz_bank)
    }

    /// Replaces the custom question bank (`None`: back to the shipped one)
    /// and ends any quiz in progress, whose questions may not be in the new
    /// bank.
    pub fn use_bank(&self, json: Option<String>) {
        self.quiz_bank().update(|bank| bank.json = json);
        self.quiz().update(|quiz| quiz.session = None);
    }

    /// The class results a trainer imported.
    pub fn results(&self) -> Persisted<ClassResults> {
        self.on_first_use(self.results)
    }

    /// The draft on the author page.
    pub fn author_draft(&self) -> Persisted<AuthorDraft> {
        self.on_first_use(self.author_draft)
    }

    /// The pack chosen on this device, if any.
    pub fn device_pack(&self) -> Persisted<DevicePack> {
        self.on_first_use(self.device_pack)
    }

    /// The concern in `slot`, loaded from storage the first time it is asked
    /// for.
    fn on_first_use<T: Persist + Send + Sync + 'static>(
        &self,
        slot: OnFirstUse<T>,
    ) -> Persisted<T> {
        if let Some(concern) = slot.0.get_value() {
            return concern;
        }
        let concern = self
            .owner
            .with_value(|owner| owner.with(|| Persisted::load(self.notices)));
        slot.0.set_value(Some(concern));
        self.loaded
            .update_value(|loaded| loaded.push(Box::new(concern)));
        concern
    }

    /// Loads every concern not loaded yet, for the operations on all of them.
    fn load_all(&self) {
        self.walks();
        self.queue();
        self.quiz();
        self.quiz_bank();
        self.results();
        self.author_draft();
        self.device_pack();
    }

    /// Picks up a change another tab made; `None` means storage was cleared.
    /// A concern not loaded yet needs nothing: it reads storage when first
    /// used.
    pub fn reload_key(&self, key: Option<&str>) {
        self.loaded.with_value(|loaded| {
            for concern in loaded {
                if key.is_none_or(|key| key == concern.key()) {
                    concern.reload();
                }
            }
        });
    }

    /// Writes every change still waiting (see [`Persisted::update`]): the
    /// page is hidden or closing, or storage is about to be read whole.
    pub fn flush_all(&self) {
        self.loaded
            .with_value(|loaded| loaded.iter().for_each(|concern| concern.flush()));
    }

    /// Re-reads every concern (after an import or a cleared storage).
    /// As for another tab's change, a concern not loaded yet needs nothing.
    pub fn reload_all(&self) {
        // An old export's quiz record may carry a custom bank.
        move_custom_bank_to_its_key();
        self.reload_key(None);
    }

    /// Subscribes the running effect or memo to a change in any concern, for
    /// the views that describe storage as a whole (the space used, the copies
    /// set aside).
    pub fn track_every_concern(&self) {
        self.load_all();
        self.loaded
            .with_value(|loaded| loaded.iter().for_each(|concern| concern.track()));
    }

    /// What the user calls each concern holding changes storage refused,
    /// tracked: Settings lists them beside the ways to free space.
    pub fn unsaved(&self) -> Vec<&'static str> {
        self.loaded.with_value(|loaded| {
            loaded
                .iter()
                .filter(|concern| concern.is_unsaved())
                .map(|concern| concern.label())
                .collect()
        })
    }

    /// Writes again every change storage refused, after the user freed
    /// space; changes waiting for their interval go first, since they may
    /// be what frees it.
    pub fn retry_unsaved(&self) {
        self.flush_all();
        self.loaded
            .with_value(|loaded| loaded.iter().for_each(|concern| concern.retry()));
    }

    /// Every record as this tab holds it, for a backup: loaded concerns
    /// from memory (so changes storage refused are in it), the others as
    /// stored.
    pub fn records(&self) -> Vec<(&'static str, Option<String>)> {
        self.loaded.with_value(|loaded| {
            STORED
                .iter()
                .map(|stored| {
                    let in_memory = loaded.iter().find(|concern| concern.key() == stored.key);
                    let text = match in_memory {
                        Some(concern) => concern.stored_text(),
                        None => read_raw(stored.key),
                    };
                    (stored.key, text)
                })
                .collect()
        })
    }

    /// Forgets everything Deskaid stored.
    pub fn reset_all(&self) {
        self.load_all();
        self.loaded
            .with_value(|loaded| loaded.iter().for_each(|concern| concern.reset()));
    }
}

/// What [`AppState`] does with each concern without knowing its type.
trait Concern {
    fn key(&self) -> &'static str;
    fn label(&self) -> &'static str;
    fn flush(&self);
    fn reload(&self);
    fn reset(&self);
    fn track(&self);
    fn is_unsaved(&self) -> bool;
    fn retry(&self);
    fn stored_text(&self) -> Option<String>;
}

impl<T: Persist + Send + Sync + 'static> Concern for Persisted<T> {
    fn key(&self) -> &'static str {
        T::KEY
    }

    fn label(&self) -> &'static str {
        T::LABEL
    }

    fn flush(&self) {
        Persisted::flush(self);
    }

    fn reload(&self) {
        Persisted::reload(self);
    }

    fn reset(&self) {
        Persisted::reset(self);
    }

    fn track(&self) {
        self.with(|_| ());
    }

    fn is_unsaved(&self) -> bool {
        Persisted::is_unsaved(self)
    }

    fn retry(&self) {
        Persisted::retry(self);
    }

    fn stored_text(&self) -> Option<String> {
        Persisted::stored_text(self)
    }
}

/// Checks that `raw` is a readable value for `key`; `None` for unknown keys.
pub fn validate_record(key: &str, raw: &str) -> Option<Result<(), RecordProblem>> {
    STORED
        .iter()
        .find(|stored| stored.key == key)
        .map(|stored| (stored.validate)(raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::envelope::{decode, encode};

    fn default_validates<T: Persist>() {
        assert_eq!(
            validate_record(T::KEY, &encode(&T::default())),
            Some(Ok(())),
            "{}",
            T::KEY
        );
    }

    #[test]
    fn every_key_validates_its_own_default() {
        default_validates::<Settings>();
        default_validates::<Walks>();
        default_validates::<AuthorDraft>();
        default_validates::<DevicePack>();
        default_validates::<LastGoodPack>();
        default_validates::<Queue>();
        default_validates::<QuizData>();
        default_validates::<CustomBank>();
        default_validates::<ClassResults>();
        assert_eq!(STORED.len(), 9, "a new stored key needs a line above");
        assert_eq!(validate_record("deskaid.unknown", "{}"), None);
    }

    fn case(number: &str, notes: &str) -> Case {
        serde_json::from_value(serde_json::json!({
            "number": number,
            "customer": "Customer",
            "case_type": "general",
            "received": "2026-11-30T14:00:00Z",
            "zone": "America/New_York",
            "status": "assigned",
            "notes": notes,
        }))
        .unwrap()
    }

    fn queue(cases: &[(&str, &str)]) -> Queue {
        Queue {
            cases: cases.iter().map(|(n, notes)| case(n, notes)).collect(),
        }
    }

    #[test]
    fn a_version_1_quiz_record_gives_its_custom_bank_a_key_of_its_own() {
        let v1 =
            r#"{"version":1,"data":{"progress":{},"session":null,"custom_bank":"{\"bank\":1}"}}"#;
        let (bank, quiz) = split_legacy_quiz(v1).unwrap();
        assert_eq!(
            decode::<CustomBank>(&bank),
            Ok(CustomBank {
                json: Some(r#"{"bank":1}"#.into())
            })
        );
        assert_eq!(
            quiz,
            r#"{"data":{"progress":{},"session":null},"version":1}"#
        );
        assert_eq!(decode::<QuizData>(&quiz), Ok(QuizData::default()));
        // Nothing to move: no bank, already moved, a later version, or damaged.
        for raw in [
            r#"{"version":1,"data":{"progress":{},"custom_bank":null}}"#,
            quiz.as_str(),
            r#"{"version":2,"data":{"custom_bank":"x"}}"#,
            "{not json",
        ] {
            assert_eq!(split_legacy_quiz(raw), None, "{raw}");
        }
        // A version 1 record read as is (the move failed) still loads.
        assert_eq!(decode::<QuizData>(v1), Ok(QuizData::default()));
    }

    #[test]
    fn two_tabs_queues_merge_case_by_case() {
        let base = queue(&[("1", ""), ("2", ""), ("3", "")]);
        // This tab edits 1 and removes 2; the other adds 4 and edits 3.
        let mine = queue(&[("1", "called"), ("3", "")]);
        let theirs = queue(&[("1", ""), ("2", ""), ("3", "waiting"), ("4", "")]);
        assert_eq!(
            Queue::merge(&base, mine, theirs, &Deletions::new()),
            queue(&[("1", "called"), ("3", "waiting"), ("4", "")])
        );
    }

    #[test]
    fn two_tabs_quiz_answers_merge_by_question_and_the_later_answer_wins() {
        use crate::domain::quiz::Score;
        use chrono::{FixedOffset, TimeZone};
        let at = |hour| {
            FixedOffset::west_opt(5 * 3600)
                .unwrap()
                .with_ymd_and_hms(2026, 12, 1, hour, 0, 0)
                .unwrap()
        };
        let answered = |answers: &[(&str, f64, u32)]| {
            let mut quiz = QuizData::default();
            for (id, fraction, hour) in answers {
                quiz.progress
                    .record_answer(id, Score::from_fraction(*fraction), at(*hour));
            }
            quiz
        };
        let base = answered(&[("q1", 1.0, 9)]);
        let mine = answered(&[("q1", 1.0, 9), ("q2", 0.0, 11), ("q3", 1.0, 10)]);
        let theirs = answered(&[("q1", 1.0, 9), ("q2", 1.0, 12), ("q4", 1.0, 10)]);
        let merged = QuizData::merge(&base, mine, theirs.clone(), &Deletions::new());
        let ids: Vec<&str> = merged
            .progress
            .questions
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(ids, ["q1", "q2", "q3", "q4"]);
        // q2 was answered in both tabs: the other tab's answer came later.
        assert_eq!(
            merged.progress.questions["q2"],
            theirs.progress.questions["q2"]
        );
    }

    #[test]
    fn every_stored_key_has_the_deskaid_prefix() {
        let keys: Vec<&str> = STORED.iter().map(|stored| stored.key).collect();
        let prefixed = keys.iter().all(|key| key.starts_with("deskaid."));
        assert!(prefixed, "{keys:?}");
    }

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
        let patch = include_str!("../../scripts/lib/patch.mjs");
        let declared = format!("export const BOOT_THEME_KEY = '{BOOT_THEME_KEY}';");
        assert!(
            patch.contains(&declared),
            "scripts/lib/patch.mjs: {declared}"
        );
    }

    #[test]
    fn results_carry_the_pack_of_the_bank_in_use() {
        let (shipped, identity) = CustomBank::default().bank_in_use();
        assert_eq!(&shipped, content::bank());
        assert_eq!(identity.pack, SHIPPED_PACK);
        let custom = CustomBank {
            json: Some(
                r#"{"topics": [{"id": "t", "title": "T"}], "questions": [{"id": "q", "topic": "t",
                "kind": "single", "prompt": "P", "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
                "correct": ["a"], "explanation": "E"}]}"#
                    .to_string(),
            ),
        };
        let (bank, custom_identity) = custom.bank_in_use();
        assert_eq!(bank.questions().len(), 1);
        assert_eq!(custom_identity.pack, CUSTOM_PACK);
        assert_ne!(custom_identity.version, identity.version);
        // A custom bank that no longer validates falls back to the shipped one.
        let broken = CustomBank {
            json: Some("{".to_string()),
        };
        assert_eq!(broken.bank_in_use().1, identity);
    }

    #[test]
    fn finished_walks_are_those_at_an_outcome() {
        let flows = content::flows();
        let now = chrono::Utc::now();
        // A flow walked along its last choices, which end at an outcome
        // (first choices can loop back, as "not yet" answers do).
        let walked_to_the_end = |flow: &str| {
            let mut walk = Walk::start(flows, flow, now).unwrap();
            for _ in 0..40 {
                let choices = walk.current_step(flows).unwrap().choices.len();
                if choices == 0 {
                    break;
                }
                walk.choose(flows, choices - 1, now).unwrap();
            }
            assert!(walk.outcome(flows).is_some(), "{flow} ends at an outcome");
            walk
        };
        let mut walks = Walks::default();
        walks
            .by_flow
            .insert("dsar".into(), walked_to_the_end("dsar"));
        walks.by_flow.insert(
            "leadership".into(),
            Walk::start(flows, "leadership", now).unwrap(),
        );
        walks
            .by_flow
            .insert("qualifiers".into(), walked_to_the_end("qualifiers"));
        assert_eq!(walks.finished(flows), ["dsar", "qualifiers"]);
        assert!(Walks::default().finished(flows).is_empty());
    }

    #[test]
    fn settings_without_own_sla_rules_follow_the_shipped_defaults() {
        assert_eq!(&Settings::default().sla_settings(), content::sla_defaults());
    }
}
