//! The keyword scanner's list: what each keyword flags, the words and
//! phrases that reveal it, the flow step a hit opens, and its source.

use super::editor::{index_binding, Editor};
use super::problems::ItemProblems;
use super::source::SourceFields;
use crate::components::focus::focus_after_render;
use crate::components::form::{Binding, ListSelect, SelectField, TextArea, TextField};
use crate::domain::author::add_keyword;
use crate::domain::pack::{PackProblem, Place};
use crate::domain::scanner::{Keyword, KeywordGroup};
use leptos::prelude::*;

/// The keywords section.
#[component]
pub(super) fn KeywordsEditor(editor: Editor, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let selected = RwSignal::new(0usize);
    let count = Memo::new(move |_| editor.with(|draft| draft.keywords.keywords.len()));
    let options = Signal::derive(move || {
        editor.with(|draft| {
            draft
                .keywords
                .keywords
                .iter()
                .enumerate()
                .map(|(index, k)| {
                    let label = if k.label.is_empty() {
                        "(no label yet)"
                    } else {
                        &k.label
                    };
                    (index.to_string(), format!("{label} ({})", k.id))
                })
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let mut index = 0;
        editor.edit(None, |draft| {
            add_keyword(draft);
            index = draft.keywords.keywords.len() - 1;
        });
        selected.set(index);
        focus_after_render("author-keyword-label");
    };
    let delete = move |_| {
        let index = selected.get_untracked();
        editor.edit(None, |draft| {
            if index < draft.keywords.keywords.len() {
                draft.keywords.keywords.remove(index);
            }
        });
        selected.set(index.min(count.get_untracked().saturating_sub(1)));
    };
    let any = move || count.get() != 0;
    view! {
        <section aria-labelledby="author-keywords-heading">
            <h2 id="author-keywords-heading">"Keywords for the scanner"</h2>
            <button type="button" on:click=add>"Add keyword"</button>
            <Show when=any fallback=|| view! { <p>"The scanner has no keywords yet."</p> }>
                <ListSelect
                    id="author-keyword"
                    label="Keyword to edit"
                    options=options
                    value=index_binding(selected)
                />
                <button type="button" on:click=delete>"Delete this keyword"</button>
                {move || {
                    let index = selected.get();
                    view! { <KeywordForm editor=editor index=index problems=problems/> }
                }}
            </Show>
        </section>
    }
}

/// The form of keyword `index`.
#[component]
fn KeywordForm(editor: Editor, index: usize, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let text = move |name: &str, read: fn(&Keyword) -> String, write: fn(&mut Keyword, String)| {
        editor.text(
            format!("keyword-{index}.{name}"),
            move |draft| draft.keywords.keywords.get(index).map(read),
            move |draft, value| {
                if let Some(keyword) = draft.keywords.keywords.get_mut(index) {
                    write(keyword, value);
                }
            },
        )
    };
    let id = Memo::new(move |_| {
        editor.with(|draft| {
            draft
                .keywords
                .keywords
                .get(index)
                .map(|k| k.id.clone())
                .unwrap_or_default()
        })
    });
    let mine = Signal::derive(move || {
        let prefix = format!("keyword \"{}\":", id.get());
        problems.with(|all| {
            all.iter()
                .filter(|p| p.place == Place::Keywords && p.message.starts_with(&prefix))
                .map(|p| p.message[prefix.len()..].trim().to_string())
                .collect::<Vec<_>>()
        })
    });
    let group = Binding::new(
        move || {
            editor.with(|draft| {
                draft
                    .keywords
                    .keywords
                    .get(index)
                    .map_or(KeywordGroup::Qualifier, |k| k.group)
            })
        },
        move |group: KeywordGroup| {
            editor.edit(None, |draft| {
                if let Some(keyword) = draft.keywords.keywords.get_mut(index) {
                    keyword.group = group;
                }
            })
        },
    );
    let flows = Signal::derive(move || {
        editor.with(|draft| {
            draft
                .flows
                .iter()
                .map(|f| (f.id.clone(), format!("{} ({})", f.title, f.id)))
                .collect::<Vec<_>>()
        })
    });
    let steps = Signal::derive(move || {
        editor.with(|draft| {
            let flow = draft
                .keywords
                .keywords
                .get(index)
                .map(|k| k.flow.clone())
                .unwrap_or_default();
            draft
                .flows
                .iter()
                .find(|f| f.id == flow)
                .map_or_else(Vec::new, |f| {
                    f.steps
                        .iter()
                        .map(|s| (s.id.clone(), format!("{} ({})", s.title, s.id)))
                        .collect::<Vec<_>>()
                })
        })
    });
    // Another flow opens at its first step until the author picks one.
    let flow = editor.text(
        format!("keyword-{index}.flow"),
        move |draft| draft.keywords.keywords.get(index).map(|k| k.flow.clone()),
        move |draft, value| {
            let start = draft
                .flows
                .iter()
                .find(|f| f.id == value)
                .map(|f| f.start.clone());
            if let Some(keyword) = draft.keywords.keywords.get_mut(index) {
                keyword.step = start.unwrap_or_default();
                keyword.flow = value;
            }
        },
    );
    view! {
        <fieldset class="author-item">
            <legend>{move || format!("Keyword {}", id.get())}</legend>
            <ItemProblems id="author-keyword-problems" problems=mine/>
            <TextField id="author-keyword-id" label="Keyword id" value=text("id", |k| k.id.clone(), |k, v| k.id = v)/>
            <SelectField id="author-keyword-group" label="List" value=group/>
            <TextField id="author-keyword-label" label="Name shown on a hit" value=text("label", |k| k.label.clone(), |k, v| k.label = v)/>
            <TextArea
                id="author-keyword-explanation"
                label="What a hit means and what to do"
                value=text("explanation", |k| k.explanation.clone(), |k, v| k.explanation = v)
            />
            <TextArea
                id="author-keyword-phrases"
                label="Words and phrases that count as a hit"
                hint="One per line, every variant written out (lawyer, lawyers, attorney)."
                value=text(
                    "phrases",
                    |k| k.phrases.join("\n"),
                    |k, v| k.phrases = if v.is_empty() { Vec::new() } else { v.split('\n').map(str::to_string).collect() },
                )
            />
            <ListSelect id="author-keyword-flow" label="A hit opens the flow" options=flows value=flow/>
            <ListSelect id="author-keyword-step" label="At the step" options=steps value=text("step", |k| k.step.clone(), |k, v| k.step = v)/>
            <SourceFields
                id="author-keyword-source"
                editor=editor
                doc=text("source.doc", |k| k.source.doc.clone(), |k, v| k.source.doc = v)
                lines=text("source.lines", |k| k.source.lines.clone(), |k, v| k.source.lines = v)
            />
        </fieldset>
    }
}
