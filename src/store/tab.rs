//! Memory for the life of the tab, never written to storage: what an agent
//! typed that must survive moving between pages (a customer's message in the
//! keyword scanner, SLA rule edits not saved yet). The shell provides one
//! [`TabMemory`] and knows nothing of what pages keep in it; each page
//! declares its own [`TabSlot`].

use leptos::prelude::*;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A kind of value a page keeps in [`TabMemory`]. The implementing type is
/// only a name, private to the page, so no other code can read or clobber
/// the value by accident.
pub trait TabSlot: 'static {
    /// What is kept; it starts as its default in every new app.
    type Value: Default + Send + Sync + 'static;
}

/// Values kept across pages for the life of the app, one per [`TabSlot`].
/// Each signal is made on first use in the owner of the app that made the
/// memory, so it outlives the page that asked for it.
#[derive(Clone)]
pub struct TabMemory {
    owner: Owner,
    slots: Arc<Mutex<HashMap<TypeId, Box<dyn Any + Send + Sync>>>>,
}

impl TabMemory {
    /// An empty memory whose values live as long as `owner` (the app's), so
    /// every app, including each one a test mounts, starts empty.
    pub fn new(owner: Owner) -> Self {
        TabMemory {
            owner,
            slots: Arc::default(),
        }
    }

    /// The value kept for `S`, made (as its default) on first use.
    pub fn slot<S: TabSlot>(&self) -> RwSignal<S::Value> {
        let mut slots = self.slots.lock().expect("tab memory is never poisoned");
        let slot = slots.entry(TypeId::of::<S>()).or_insert_with(|| {
            Box::new(
                self.owner
                    .with(|| RwSignal::new(<S::Value as Default>::default())),
            )
        });
        *slot
            .downcast_ref::<RwSignal<S::Value>>()
            .expect("each slot holds the signal of its own type")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Message;
    impl TabSlot for Message {
        type Value = String;
    }

    struct Count;
    impl TabSlot for Count {
        type Value = u32;
    }

    #[test]
    fn a_slot_outlives_the_scope_that_first_used_it_and_each_app_starts_empty() {
        let app = Owner::new();
        let memory = TabMemory::new(app.clone());
        let page = app.with(Owner::new);
        page.with(|| memory.slot::<Message>().set("kept".into()));
        page.with(|| memory.slot::<Count>().set(3));
        // What the page itself made goes when it does; the slots stay.
        let own = page.with(|| RwSignal::new(0));
        page.cleanup();
        assert_eq!(own.try_get_untracked(), None);
        assert_eq!(memory.slot::<Message>().get_untracked(), "kept");
        assert_eq!(memory.slot::<Count>().get_untracked(), 3);

        let other_app = Owner::new();
        let fresh = TabMemory::new(other_app);
        assert_eq!(fresh.slot::<Message>().get_untracked(), "");
    }
}
