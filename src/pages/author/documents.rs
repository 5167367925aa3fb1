//! The documents a pack cites: each with the id its items cite, a title,
//! and its length in lines, so citations of a team's own documents are
//! checked as Deskaid's own are. An id is renamed with its button, and
//! every citation of the document follows it.

use super::editor::Editor;
use super::problems::ItemProblems;
use super::rename::RenameField;
use crate::components::focus::focus_after_render;
use crate::components::form::{Binding, NumberField, TextField};
use crate::domain::author::{add_document, rename_document};
use crate::domain::pack::{PackProblem, PackSource, Place};
use leptos::prelude::*;

/// The pack's list of source documents.
#[component]
pub(super) fn DocumentsEditor(editor: Editor, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let count = Memo::new(move |_| editor.with(|draft| draft.sources.len()));
    let add = move |_| {
        let mut index = 0;
        editor.edit(None, |draft| index = add_document(draft));
        focus_after_render(format!("author-doc-{index}-id"));
    };
    view! {
        <section aria-labelledby="author-docs-heading">
            <h3 id="author-docs-heading">"Source documents"</h3>
            <p>"Every step, question, keyword, rule and fact cites lines of one of these. Give each document's number of lines, so a citation past its end is caught."</p>
            {move || (0..count.get()).map(|index| view! { <DocumentForm editor=editor index=index problems=problems/> }).collect_view()}
            <button type="button" on:click=add>"Add a document"</button>
        </section>
    }
}

/// The fields of document `index`.
#[component]
fn DocumentForm(editor: Editor, index: usize, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let text =
        move |name: &str, read: fn(&PackSource) -> String, write: fn(&mut PackSource, String)| {
            editor.text(
                format!("document-{index}.{name}"),
                move |draft| draft.sources.get(index).map(read),
                move |draft, value| {
                    if let Some(source) = draft.sources.get_mut(index) {
                        write(source, value);
                    }
                },
            )
        };
    let doc = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .sources
                .get(index)
                .map(|s| s.doc.clone())
                .unwrap_or_default()
        })
    });
    let mine = Signal::derive(move || {
        let prefix = format!("document \"{}\" ", doc.get());
        problems.with(|all| {
            all.iter()
                .filter(|p| {
                    p.place == Place::Field("sources".into()) && p.message.starts_with(&prefix)
                })
                .map(|p| p.message[prefix.len()..].to_string())
                .collect::<Vec<_>>()
        })
    });
    let lines = Binding::new(
        move || editor.with(|draft| draft.sources.get(index).map_or(1, |s| s.lines)),
        move |lines: u32| {
            editor.edit(Some(&format!("document-{index}.lines")), |draft| {
                if let Some(source) = draft.sources.get_mut(index) {
                    source.lines = lines;
                }
            })
        },
    );
    let rename = Callback::new(move |wanted: String| {
        editor.rename(|draft| rename_document(draft, index, &wanted))
    });
    let unreadable = RwSignal::new(false);
    let remove = move |_| {
        editor.edit(None, |draft| {
            if index < draft.sources.len() {
                draft.sources.remove(index);
            }
        })
    };
    view! {
        <fieldset class="author-document">
            <legend>{move || format!("Document {}", doc.get())}</legend>
            <ItemProblems id=format!("author-doc-{index}-problems") problems=mine/>
            <div class="inline-form">
                <RenameField
                    id=format!("author-doc-{index}-id")
                    label="Id items cite"
                    hint="Such as 004: no spaces; every citation of the document follows a rename."
                    current=doc.get_untracked()
                    item=Signal::derive(move || format!("document {}", doc.get()))
                    rename=rename
                />
                <TextField
                    id=format!("author-doc-{index}-title")
                    label="Title"
                    value=text("title", |s| s.title.clone(), |s, v| s.title = v)
                />
                <NumberField
                    id=format!("author-doc-{index}-lines")
                    label="Number of lines"
                    value=lines
                    error=Signal::derive(move || unreadable.get().then(|| "Type a whole number, 1 or more.".to_string()))
                    on_unreadable=Callback::new(move |bad| unreadable.set(bad))
                />
            </div>
            <button type="button" on:click=remove>{move || format!("Remove document {}", doc.get())}</button>
        </fieldset>
    }
}
