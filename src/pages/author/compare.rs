//! Comparing two packs: the pack in use, the draft, the example of the
//! older SOP, or a file, side by side as "what changed", so an author sees
//! what an edit did and an agent learns what changed in a procedure.

use super::editor::Editor;
use crate::components::form::{Binding, FileField, ListSelect};
use crate::components::pack_compare::ChangeReportView;
use crate::domain::pack::{
    compare_packs, example_002_pack_file, read_pack_file, shipped_pack_file, PackFile,
};
use leptos::prelude::*;

/// Where one side of the comparison comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    InUse,
    Draft,
    Example002,
    File,
}

impl Side {
    const ALL: [Side; 4] = [Side::InUse, Side::Draft, Side::Example002, Side::File];

    fn key(self) -> &'static str {
        match self {
            Side::InUse => "in-use",
            Side::Draft => "draft",
            Side::Example002 => "example-002",
            Side::File => "file",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Side::InUse => "The pack in use",
            Side::Draft => "Your draft",
            Side::Example002 => "Example: the leadership procedure as SOP 002 had it",
            Side::File => "A pack file…",
        }
    }
}

/// The compare section.
#[component]
pub(super) fn ComparePacks(editor: Editor) -> impl IntoView {
    view! {
        <section aria-labelledby="author-compare-heading">
            <h2 id="author-compare-heading">"Compare two packs"</h2>
            <p>"Steps, questions, keywords and defaults added, removed and changed, with the changed words marked."</p>
            <Comparison editor=editor/>
        </section>
    }
}

#[component]
fn Comparison(editor: Editor) -> impl IntoView {
    let older = SidePicker::new(Side::Example002);
    let newer = SidePicker::new(Side::InUse);
    let report = move || {
        let old = older.pack(editor)?;
        let new = newer.pack(editor)?;
        Some(compare_packs(&old, &new).report())
    };
    view! {
        <div class="inline-form">
            {older.view("author-compare-old", "Older pack")}
            {newer.view("author-compare-new", "Newer pack")}
        </div>
        <div aria-live="polite">
            <h3>"What changed"</h3>
            {move || match report() {
                Some(report) => view! { <ChangeReportView report=report/> }.into_any(),
                None => view! { <p>"Choose a file for each side set to a pack file."</p> }.into_any(),
            }}
        </div>
    }
}

/// One side: which pack, and the file when it is one.
#[derive(Clone, Copy)]
struct SidePicker {
    side: RwSignal<Side>,
    file: RwSignal<Option<Result<PackFile, String>>>,
}

impl SidePicker {
    fn new(side: Side) -> Self {
        SidePicker {
            side: RwSignal::new(side),
            file: RwSignal::new(None),
        }
    }

    /// The pack on this side, `None` while its file is not chosen or
    /// cannot be read.
    fn pack(&self, editor: Editor) -> Option<PackFile> {
        match self.side.get() {
            Side::InUse => Some(shipped_pack_file()),
            Side::Draft => Some(editor.with(Clone::clone)),
            Side::Example002 => Some(example_002_pack_file()),
            Side::File => self.file.get().and_then(Result::ok),
        }
    }

    fn view(self, id: &'static str, label: &'static str) -> impl IntoView {
        let options = Signal::derive(|| {
            Side::ALL
                .iter()
                .map(|side| (side.key().to_string(), side.label().to_string()))
                .collect::<Vec<_>>()
        });
        let value = Binding::new(
            move || self.side.get().key().to_string(),
            move |key: String| {
                let side = Side::ALL.into_iter().find(|side| side.key() == key);
                self.side.set(side.unwrap_or(Side::InUse));
            },
        );
        let on_read = Callback::new(move |(name, text): (String, Option<String>)| {
            let read = text
                .ok_or_else(|| format!("{name} could not be read as text"))
                .and_then(|text| {
                    read_pack_file(&text).map_err(|problems| {
                        let first = problems
                            .first()
                            .map(ToString::to_string)
                            .unwrap_or_default();
                        format!("{name} is not a pack this Deskaid reads: {first}")
                    })
                });
            self.file.set(Some(read));
        });
        view! {
            <div>
                <ListSelect id=id label=label options=options value=value/>
                {move || (self.side.get() == Side::File).then(|| view! {
                    <FileField id=format!("{id}-file") label=format!("{label}: file") accept="application/json,.json" on_read=on_read/>
                    {move || self.file.get().and_then(Result::err).map(|why| view! { <p class="form-error" role="alert">{why}</p> })}
                })}
            </div>
        }
    }
}
