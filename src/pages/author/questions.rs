//! The question bank: pick a question, add one of any kind, duplicate,
//! move or delete it, and edit it in the form below (`question_form`).

use super::editor::{index_binding, Editor};
use super::question_form::QuestionForm;
use super::topics::TopicsEditor;
use crate::components::focus::focus_after_render;
use crate::components::form::{ListSelect, SelectField};
use crate::domain::author::{add_question, duplicate_question, move_item, Direction};
use crate::domain::pack::PackProblem;
use crate::domain::quiz::QuestionKind;
use leptos::prelude::*;

/// The questions section.
#[component]
pub(super) fn QuestionsEditor(editor: Editor, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let selected = RwSignal::new(0usize);
    let count = Memo::new(move |_| editor.with(|draft| draft.questions.questions.len()));
    let options = Signal::derive(move || {
        editor.with(|draft| {
            draft
                .questions
                .questions
                .iter()
                .enumerate()
                .map(|(index, question)| (index.to_string(), question_label(index, question)))
                .collect::<Vec<_>>()
        })
    });
    let new_kind = RwSignal::new(QuestionKind::Single);
    let add = move |_| {
        let mut index = 0;
        editor.edit(None, |draft| {
            add_question(draft, new_kind.get_untracked());
            index = draft.questions.questions.len() - 1;
        });
        selected.set(index);
        focus_after_render("author-q-prompt");
    };
    let duplicate = move |_| {
        let index = selected.get_untracked();
        editor.edit(None, |draft| {
            duplicate_question(draft, index);
        });
        selected.set(index + 1);
    };
    let shift = move |direction| {
        let index = selected.get_untracked();
        let mut moved = index;
        editor.edit(None, |draft| {
            moved = move_item(&mut draft.questions.questions, index, direction);
        });
        selected.set(moved);
    };
    let delete = move |_| {
        let index = selected.get_untracked();
        editor.edit(None, |draft| {
            if index < draft.questions.questions.len() {
                draft.questions.questions.remove(index);
            }
        });
        selected.set(index.min(count.get_untracked().saturating_sub(1)));
    };
    let none = move || count.get() == 0;
    view! {
        <section aria-labelledby="author-questions-heading">
            <h2 id="author-questions-heading">"Questions"</h2>
            <div class="inline-form">
                <SelectField id="author-new-question-kind" label="Kind of new question" value=new_kind/>
                <button type="button" on:click=add>"Add question"</button>
            </div>
            <Show when=move || !none() fallback=|| view! { <p>"The bank has no questions yet."</p> }>
                <ListSelect
                    id="author-question"
                    label="Question to edit"
                    options=options
                    value=index_binding(selected)
                />
                <div class="button-row" role="group" aria-label="This question">
                    <button type="button" on:click=duplicate>"Duplicate"</button>
                    <button type="button" on:click=move |_| shift(Direction::Up)>"Move up"</button>
                    <button type="button" on:click=move |_| shift(Direction::Down)>"Move down"</button>
                    <button type="button" on:click=delete>"Delete"</button>
                </div>
                {move || {
                    let index = selected.get();
                    view! { <QuestionForm editor=editor index=index problems=problems/> }
                }}
            </Show>
            <TopicsEditor editor=editor problems=problems/>
        </section>
    }
}

/// How the list names a question: its place, id and the start of its prompt.
fn question_label(index: usize, question: &crate::domain::quiz::Question) -> String {
    let prompt: String = question.prompt.chars().take(60).collect();
    let prompt = if prompt.is_empty() {
        "(no prompt yet)".to_string()
    } else {
        prompt
    };
    format!("{}. {}: {prompt}", index + 1, question.id)
}
