//! What the pack's checks find wrong with the draft: all of it at the top
//! of the page, and each item's own beside its form, as the author types.

use crate::domain::pack::PackProblem;
use leptos::prelude::*;

/// Every problem of the draft, or that there are none.
#[component]
pub(super) fn ProblemsSummary(problems: Memo<Vec<PackProblem>>) -> impl IntoView {
    view! {
        <section aria-labelledby="author-problems-heading" class="author-problems">
            <h2 id="author-problems-heading">"Problems"</h2>
            <div aria-live="polite">
                {move || {
                    problems.with(|all| {
                        if all.is_empty() {
                            view! { <p>"None: this draft can be published."</p> }.into_any()
                        } else {
                            view! {
                                <p>{format!("{} to fix before publishing:", crate::domain::text::plural(all.len() as u64, "problem"))}</p>
                                <ul>
                                    {all.iter().map(|problem| view! { <li>{problem.to_string()}</li> }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                    })
                }}
            </div>
        </section>
    }
}

/// The problems of one step or question, above its fields.
#[component]
pub(super) fn ItemProblems(
    #[prop(into)] id: String,
    problems: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <div id=id aria-live="polite">
            {move || {
                let mine = problems.get();
                (!mine.is_empty()).then(|| view! {
                    <ul class="form-error author-item-problems">
                        {mine.into_iter().map(|message| view! { <li>{message}</li> }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}
