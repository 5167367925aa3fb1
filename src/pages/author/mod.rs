//! `#/author`: trainers and team leads write the content Deskaid teaches
//! (flows, questions, the scanner's keywords and the SLA defaults) in the
//! browser, on a draft saved on this device
//! with undo and redo, see each problem beside what it concerns, publish
//! the next version of the pack, and open packs others published. The page
//! is a lazy part of its own: agents and trainees never download it.

mod compare;
mod documents;
mod editor;
mod flows;
mod keywords;
mod problems;
mod publish;
mod question_form;
mod question_preview;
mod questions;
mod rename;
mod sla;
mod source;
mod step_form;
mod topics;

use crate::components::focus::focus_after_render;
use crate::components::form::TextField;
use crate::components::pack_open::OpenPack;
use crate::components::title::set_page_title;
use crate::domain::author::draft_problems;
use crate::domain::pack::{read_pack_file, shipped_pack_file, PackFile, PackProblem};
use crate::nav::{came_from, Route};
use crate::store::AppState;
use compare::ComparePacks;
use documents::DocumentsEditor;
use editor::Editor;
use flows::FlowsEditor;
use keywords::KeywordsEditor;
use leptos::prelude::*;
use problems::ProblemsSummary;
use publish::PublishPanel;
use questions::QuestionsEditor;
use sla::SlaDefaultsEditor;

/// The author page.
#[component]
pub fn AuthorPage() -> impl IntoView {
    set_page_title("Author content");
    let state = expect_context::<AppState>();
    let saved = state.author_draft();
    let stored = saved.with_untracked(|draft| draft.json.clone());
    // Read as any pack file is, so a draft saved by an older Deskaid is
    // brought up to the current format rather than refused.
    let (draft, unreadable) = match stored.as_deref().map(read_pack_file) {
        Some(Ok(draft)) => (draft, None),
        Some(Err(problems)) => (shipped_pack_file(), Some(in_words(&problems))),
        None => (shipped_pack_file(), None),
    };
    let editor = Editor::new(draft, saved);
    let problems = Memo::new(move |_| editor.with(draft_problems));
    // A pack taken as the draft on the pack page lands here: keyboard and
    // screen-reader users start at the page's heading, not the document's top.
    if came_from() == Some(Route::Pack) {
        focus_after_render("author-heading");
    }
    view! {
        <h1 id="author-heading" tabindex="-1">"Author content"</h1>
        <p>
            "Write the flows and questions your team uses. The draft is saved on this device as you go, and nobody else sees it until you publish it and put the file on the site."
        </p>
        {unreadable.map(|why| view! { <UnreadableDraft why=why stored=stored.unwrap_or_default()/> })}
        <Toolbar editor=editor/>
        <PackDetails editor=editor problems=problems/>
        <ProblemsSummary problems=problems/>
        <FlowsEditor editor=editor problems=problems/>
        <QuestionsEditor editor=editor problems=problems/>
        <KeywordsEditor editor=editor problems=problems/>
        <SlaDefaultsEditor editor=editor problems=problems/>
        <PublishPanel editor=editor/>
        <OpenPack on_edit=Callback::new(move |file| { editor.replace(file, true); focus_after_render("author-heading"); })/>
        <ComparePacks editor=editor/>
    }
}

/// Undo, redo, and starting again from the pack in use.
#[component]
fn Toolbar(editor: Editor) -> impl IntoView {
    let start_again = move |_| editor.replace(shipped_pack_file(), false);
    view! {
        <div class="button-row author-toolbar" role="toolbar" aria-label="Draft">
            <button type="button" prop:disabled=move || !editor.can_undo() on:click=move |_| editor.undo()>"Undo"</button>
            <button type="button" prop:disabled=move || !editor.can_redo() on:click=move |_| editor.redo()>"Redo"</button>
            <button type="button" on:click=start_again>"Start again from the pack in use"</button>
            <span role="status">
                {move || {
                    editor.with(|_| ());
                    if editor.is_saved() { "Draft saved on this device." } else { "The draft could not be saved: storage is full." }
                }}
            </span>
        </div>
    }
}

/// What the pack says about itself.
#[component]
fn PackDetails(editor: Editor, problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    let text =
        |name: &'static str, read: fn(&PackFile) -> String, write: fn(&mut PackFile, String)| {
            editor.text(
                format!("pack.{name}"),
                move |draft| Some(read(draft)),
                write,
            )
        };
    view! {
        <section aria-labelledby="author-pack-heading">
            <h2 id="author-pack-heading">"The pack"</h2>
            <p>{move || editor.with(|draft| format!("Version {} was published {}.", draft.version, draft.published_at))}</p>
            <TextField id="author-pack-title" label="Title" value=text("title", |p| p.title.clone(), |p, v| p.title = v)/>
            <TextField
                id="author-pack-id"
                label="Pack id"
                hint="Lowercase letters, digits and hyphens; later versions of the same pack keep it."
                value=text("id", |p| p.id.clone(), |p, v| p.id = v)
            />
            <TextField
                id="author-pack-author"
                label="Author"
                hint="A person or a team."
                value=text("author", |p| p.author.clone(), |p, v| p.author = v)
            />
            <DocumentsEditor editor=editor problems=problems/>
        </section>
    }
}

/// The saved draft could not be read: say why, and keep it for download
/// until the author starts again.
#[component]
fn UnreadableDraft(why: String, stored: String) -> impl IntoView {
    let notices = expect_context::<crate::components::notice::Notices>();
    let download = move |_| {
        crate::components::download::save_file(
            notices,
            "deskaid-draft.json",
            "application/json",
            &stored,
        )
    };
    view! {
        <div class="warning" role="alert">
            <p>{format!("Your saved draft could not be read ({why}). The pack in use is shown instead; your draft is kept until your next edit.")}</p>
            <button type="button" on:click=download>"Download the saved draft"</button>
        </div>
    }
}

/// A pack file's problems, one after the other.
fn in_words(problems: &[PackProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
