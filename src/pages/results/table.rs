//! The class table: one row per trainee, sortable by every column, narrowed
//! to one quiz, with each result's warnings, delete, and the CSV export.

use super::Class;
use crate::components::download::save_file;
use crate::components::form::ListSelect;
use crate::components::notice::NoticeKind;
use crate::components::quiz_words::{format_duration, format_percent, format_when};
use crate::domain::quiz::results::{sort_rows, table_csv, ClassRow, SortColumn};
use crate::domain::text::{plural, sentence};
use leptos::prelude::*;

/// The table's columns that sort, with their headings.
const SORTABLE: [(SortColumn, &str); 5] = [
    (SortColumn::Name, "Name"),
    (SortColumn::Score, "Score"),
    (SortColumn::Result, "Result"),
    (SortColumn::TimeTaken, "Time taken"),
    (SortColumn::Date, "Date"),
];

/// The quiz filter, the table and its export.
#[component]
pub(super) fn ClassTable(
    /// The page context.
    class: Class,
    /// The rows of the quiz chosen, in import order.
    rows: Memo<Vec<ClassRow>>,
) -> impl IntoView {
    // Import order until the trainer sorts; then the column and whether ascending.
    let sort = RwSignal::new(None::<(SortColumn, bool)>);
    let sorted = Memo::new(move |_| {
        let mut rows = rows.get();
        if let Some((column, ascending)) = sort.get() {
            sort_rows(&mut rows, column, ascending);
        }
        rows
    });
    let quiz_options = Signal::derive(move || {
        let quizzes = class.quizzes();
        std::iter::once((
            String::new(),
            format!(
                "Every quiz ({})",
                plural(
                    quizzes.iter().map(|q| q.results as u64).sum::<u64>(),
                    "result"
                )
            ),
        ))
        .chain(quizzes.into_iter().map(|q| {
            let label = format!("{} ({})", q.label, plural(q.results as u64, "result"));
            (q.id, label)
        }))
        .collect::<Vec<_>>()
    });
    let several_quizzes = Memo::new(move |_| class.quizzes().len() > 1);
    let export = move |_| {
        let quizzes = class.quizzes();
        let label = |id: &str| {
            quizzes
                .iter()
                .find(|q| q.id == id)
                .map_or(String::new(), |q| q.label.clone())
        };
        let csv = table_csv(&sorted.get_untracked(), label);
        save_file(class.notices, "class-results.csv", "text/csv", &csv);
    };
    let delete = move |attempt_id: String, name: String| {
        class.state.results().update(|c| {
            c.remove(&attempt_id);
        });
        class.notices.push(
            NoticeKind::Success,
            format!("Deleted {name}'s result. Import its code again to bring it back."),
        );
    };
    let heading_button = move |column: SortColumn, title: &'static str| {
        let aria_sort = move || match sort.get() {
            Some((c, true)) if c == column => "ascending",
            Some((c, false)) if c == column => "descending",
            _ => "none",
        };
        let next = move |_| {
            sort.update(|s| {
                *s = Some(match *s {
                    Some((c, ascending)) if c == column => (column, !ascending),
                    _ => (column, true),
                })
            })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort-button" on:click=next>
                    {title}
                    <span aria-hidden="true" class="sort-mark">
                        {move || match aria_sort() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}
                    </span>
                </button>
            </th>
        }
    };
    view! {
        <section class="results-class" aria-labelledby="results-table-heading">
            <h2 id="results-table-heading">"The class"</h2>
            <Show when=move || several_quizzes.get()>
                <ListSelect id="results-quiz" label="Quiz" options=quiz_options value=class.quiz_filter/>
            </Show>
            <p class="hint">"Select a column heading to sort by it; select it again to reverse."</p>
            <div class="quiz-table-wrap">
                <table class="quiz-table results-table" data-testid="results-table">
                    <caption class="offscreen">"Results of the class, one row per trainee"</caption>
                    <thead>
                        <tr>
                            {SORTABLE.map(|(column, title)| heading_button(column, title)).collect_view()}
                            <th scope="col">"Checks"</th>
                            <th scope="col"><span class="offscreen">"Delete"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || sorted.get() key=|row| (row.attempt_id.clone(), row.rescored.percent.to_bits()) let:row>
                            {
                                let result = match row.rescored.passed {
                                    Some(true) => "Passed",
                                    Some(false) => "Not passed",
                                    None => "Cannot tell",
                                };
                                let warnings = row.rescored.warnings();
                                let checked = warnings.is_empty();
                                let (id, name) = (row.attempt_id.clone(), row.name.clone());
                                let label = format!("Delete {}'s result", row.name);
                                view! {
                                    <tr class:results-row-marked=!checked data-testid="results-row">
                                        <th scope="row">{row.name.clone()}</th>
                                        <td>{format_percent(row.rescored.percent)}</td>
                                        <td>{format!("{result} (pass mark {}%)", row.pass_percent)}</td>
                                        <td>{format_duration(row.rescored.time_taken)}</td>
                                        <td>{format_when(&row.finished_at)}</td>
                                        <td class="results-checks">
                                            {if checked {
                                                view! { "Scores as claimed" }.into_any()
                                            } else {
                                                view! {
                                                    <ul>{warnings.into_iter().map(|w| view! { <li><strong>"Check: "</strong>{sentence(&w.to_string())}</li> }).collect_view()}</ul>
                                                }.into_any()
                                            }}
                                        </td>
                                        <td>
                                            <button type="button" class="secondary" aria-label=label on:click=move |_| delete(id.clone(), name.clone())>"Delete"</button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="button-row results-export">
                <button type="button" class="secondary" on:click=export>"Download table (CSV)"</button>
            </div>
        </section>
    }
}
