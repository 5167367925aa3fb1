//! The app's persisted state, one [`Persisted`] handle per storage key, shared
//! with every page through context: the preferences (`settings`), the SLA
//! rules (`sla_rules`), an agent's walks and queue (`work`), the quiz's
//! records (`quiz`), the list of every key (`keys`), and the parts older
//! records held that have keys of their own now (`moved`). Adding a concern
//! means adding a field and its accessor to [`AppState`], a line to
//! `AppState::load`, and one to [`STORED`].

mod keys;
mod moved;
mod quiz;
mod settings;
mod sla_rules;
mod work;

pub use keys::{validate_record, StoredKey, STORED};
pub use moved::split_moved_parts;
pub use quiz::{CustomBank, QuizData};
pub use settings::{remember_theme, Settings, Theme};
pub use sla_rules::SlaRules;
pub use work::{Queue, Walks};

use super::author::{AuthorDraft, DevicePack};
use super::backup::forget_key;
use super::envelope::{Persist, Unusable};
use super::local::read_raw;
use super::persisted::Persisted;
use crate::components::notice::Notices;
use crate::domain::quiz::results::ClassResults;
use leptos::prelude::{
    GetValue, Owner, RwSignal, SetValue, StoredValue, Track, Update, UpdateValue, WithValue,
};
use moved::{CUSTOM_BANK, SLA_RULES};

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
/// the theme; the SLA rules, walks, the queue, the quiz and the class
/// results load when a page first asks for them, so the shell (what the
/// home page downloads) carries neither their types' parsing nor their
/// checks, and a concern that cannot be read is reported on the page that
/// uses it.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: Persisted<Settings>,
    sla_rules: OnFirstUse<SlaRules>,
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
    /// Counts the changes to storage that no loaded concern sees: another
    /// tab's writes, an import, a reset. The views of storage as a whole
    /// track it, so Settings need not load every concern to follow them.
    changes: RwSignal<u32>,
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

impl AppState {
    /// Loads the settings from storage, reporting unreadable data as a
    /// notice; the other concerns load on first use.
    pub fn load(notices: Notices) -> Self {
        SLA_RULES.move_out();
        let settings = Persisted::load(notices);
        AppState {
            settings,
            sla_rules: OnFirstUse::new(),
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
            changes: RwSignal::new(0),
        }
    }

    /// The SLA rules the user saved, if any.
    pub fn sla_rules(&self) -> Persisted<SlaRules> {
        self.on_first_use(self.sla_rules)
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
            CUSTOM_BANK.move_out();
        }
        self.on_first_use(self.quiz)
    }

    /// The trainer's custom question bank, if one was imported.
    pub fn quiz_bank(&self) -> Persisted<CustomBank> {
        if self.quiz_bank.0.get_value().is_none() {
            CUSTOM_BANK.move_out();
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
        self.changes.update(|n| *n += 1);
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
        self.reload_key(None);
    }

    /// Subscribes the running effect or memo to any change of storage, for
    /// the views that describe it as a whole (the space used, the copies set
    /// aside): this tab's changes to the concerns it loaded, and the others
    /// (see `changes`).
    pub fn track_storage(&self) {
        self.changes.track();
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

    /// Forgets everything Deskaid stored: the concerns loaded go back to
    /// their defaults, and the keys of the others go, with every copy set
    /// aside.
    pub fn reset_all(&self) {
        self.loaded.with_value(|loaded| {
            loaded.iter().for_each(|concern| concern.reset());
            let not_loaded = STORED
                .iter()
                .filter(|stored| !loaded.iter().any(|concern| concern.key() == stored.key));
            for stored in not_loaded {
                forget_key(stored.key);
            }
        });
        self.changes.update(|n| *n += 1);
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
