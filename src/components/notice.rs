//! Dismissible messages shown above every page: storage problems, import
//! results, anything the user must know but that must not block the work.

use leptos::prelude::*;

/// How a notice is styled and announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something worked (import done, copied).
    Success,
    /// Something was recovered from (corrupt data replaced by defaults).
    Warning,
    /// Something failed and the user may need to act (storage full).
    Error,
}

impl NoticeKind {
    /// The notice's classes and its ARIA role: errors are announced
    /// assertively, the rest politely.
    pub fn class_and_role(self) -> (&'static str, &'static str) {
        match self {
            NoticeKind::Success => ("notice notice-success", "status"),
            NoticeKind::Warning => ("notice notice-warning", "status"),
            NoticeKind::Error => ("notice notice-error", "alert"),
        }
    }
}

/// One message with an id so it can be dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
    /// Where the user can act on it, as (href, link text).
    pub link: Option<(String, String)>,
}

/// The app-wide list of notices, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u32>,
}

impl Notices {
    /// An empty list; created once by the app shell.
    pub fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(1),
        }
    }

    /// Shows a notice; an identical one already showing is not repeated.
    pub fn push(&self, kind: NoticeKind, text: impl Into<String>) {
        self.show(kind, text.into(), None);
    }

    /// Shows a notice with a link to where the user can act on it, and
    /// returns its id, so it can be taken back once it no longer holds.
    pub fn push_with_link(
        &self,
        kind: NoticeKind,
        text: impl Into<String>,
        href: impl Into<String>,
        link_text: impl Into<String>,
    ) -> u32 {
        self.show(kind, text.into(), Some((href.into(), link_text.into())))
    }

    fn show(&self, kind: NoticeKind, text: String, link: Option<(String, String)>) -> u32 {
        if let Some(id) = self
            .list
            .with_untracked(|l| l.iter().find(|n| n.text == text).map(|n| n.id))
        {
            return id;
        }
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.list.update(|l| {
            l.push(Notice {
                id,
                kind,
                text,
                link,
            })
        });
        id
    }

    /// Removes the notice with `id`.
    pub fn dismiss(&self, id: u32) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

/// Renders the current notices; errors are announced assertively.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div class="notices">
            <For each=move || notices.list.get() key=|n| n.id let:notice>
                {
                    let (class, role) = notice.kind.class_and_role();
                    let id = notice.id;
                    view! {
                        <div class=class role=role data-testid="notice">
                            <p>
                                {notice.text}
                                {notice.link.map(|(href, text)| view! { " " <a href=href>{text}</a> })}
                            </p>
                            <button type="button" class="notice-dismiss" on:click=move |_| notices.dismiss(id)>
                                "Dismiss"
                            </button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
