//! What the class misses: topics as a bar chart with the same numbers in a
//! table, then every question worst first, linked to the question on its
//! own, with the right answer, the answers given instead and the flow step
//! or SLA rule it trains.

use super::Class;
use crate::components::download::save_file;
use crate::components::quiz_words::{
    choice_text, format_percent, question_link, right_answer_text,
};
use crate::domain::quiz::results::{class_misses, misses_csv, ClassMisses, ClassRow, WrongAnswer};
use crate::domain::quiz::{Bank, Question};
use crate::domain::text::plural;
use crate::nav::Route;
use leptos::prelude::*;

/// Height of one bar of the topic chart, in SVG units, and the gap below it.
const BAR_HEIGHT: u32 = 22;
const BAR_GAP: u32 = 10;
/// Where the bars start (the topic names stand left of it) and how wide
/// 100% is, in SVG units.
const BAR_START: u32 = 260;
const BAR_WIDTH: u32 = 320;

/// The topic chart and table, the questions, and the CSV export.
#[component]
pub(super) fn ClassMissesView(
    /// The page context.
    class: Class,
    /// The rows of the quiz chosen.
    rows: Memo<Vec<ClassRow>>,
) -> impl IntoView {
    let misses = Memo::new(move |_| {
        rows.with(|rows| class.bank.with(|in_use| class_misses(rows, &in_use.bank)))
    });
    let export = move |_| {
        let csv = class
            .bank
            .with_untracked(|in_use| misses.with_untracked(|m| misses_csv(m, &in_use.bank)));
        save_file(class.notices, "class-misses.csv", "text/csv", &csv);
    };
    view! {
        <section class="results-misses" aria-labelledby="results-misses-heading">
            <h2 id="results-misses-heading">"What the class misses"</h2>
            <p class="hint">"A question is missed when the answer did not get full marks (partly right and unanswered included). Worst first."</p>
            {move || class.bank.with(|in_use| misses.with(|m| view! {
                <TopicChart misses=m.clone() bank=in_use.bank.clone()/>
                <QuestionList misses=m.clone() bank=in_use.bank.clone()/>
            }))}
            <div class="button-row results-export">
                <button type="button" class="secondary" on:click=export>"Download miss rates (CSV)"</button>
            </div>
        </section>
    }
}

fn topic_title(bank: &Bank, id: &str) -> String {
    bank.topic(id).map_or(id.to_string(), |t| t.title.clone())
}

/// The topics' miss rates as horizontal bars, and as a table with the counts.
#[component]
fn TopicChart(misses: ClassMisses, bank: Bank) -> impl IntoView {
    let height = misses.topics.len() as u32 * (BAR_HEIGHT + BAR_GAP);
    let width = BAR_START + BAR_WIDTH + 60;
    let bars = misses
        .topics
        .iter()
        .enumerate()
        .map(|(i, topic)| {
            let y = i as u32 * (BAR_HEIGHT + BAR_GAP);
            let length = (topic.rate() / 100.0 * f64::from(BAR_WIDTH)).round();
            view! {
                <g>
                    <text x=(BAR_START - 8).to_string() y=(y + 16).to_string() text-anchor="end" class="chart-label">
                        {topic_title(&bank, &topic.topic)}
                    </text>
                    <rect x=BAR_START.to_string() y=y.to_string() width=BAR_WIDTH.to_string() height=BAR_HEIGHT.to_string() class="chart-track"/>
                    <rect x=BAR_START.to_string() y=y.to_string() width=length.to_string() height=BAR_HEIGHT.to_string() class="chart-bar"/>
                    <text x=(BAR_START + BAR_WIDTH + 6).to_string() y=(y + 16).to_string() class="chart-value">
                        {format_percent(topic.rate())}
                    </text>
                </g>
            }
        })
        .collect_view();
    let rows = misses
        .topics
        .iter()
        .map(|topic| {
            view! {
                <tr>
                    <th scope="row">{topic_title(&bank, &topic.topic)}</th>
                    <td>{topic.answers}</td>
                    <td>{topic.missed}</td>
                    <td>{format_percent(topic.rate())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 id="results-topics-heading">"By topic"</h3>
        <figure class="results-chart">
            <svg
                role="img"
                aria-labelledby="results-chart-title"
                viewBox=format!("0 0 {width} {height}")
                width="100%"
                preserveAspectRatio="xMinYMin meet"
            >
                <title id="results-chart-title">"Share of answers missed per topic, worst first; the table below gives the same numbers."</title>
                {bars}
            </svg>
            <figcaption class="hint">"Share of the class's answers in each topic that were missed."</figcaption>
        </figure>
        <div class="quiz-table-wrap">
            <table class="quiz-table" data-testid="results-topics">
                <caption class="offscreen">"Answers missed per topic, worst first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Topic"</th>
                        <th scope="col">"Answers"</th>
                        <th scope="col">"Missed"</th>
                        <th scope="col">"Miss rate"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// An answer given instead of the right one, in words.
fn wrong_answer_text(question: &Question, answer: &WrongAnswer) -> String {
    match answer {
        WrongAnswer::Choice(id) => choice_text(question, id),
        WrongAnswer::Text(text) => format!("\u{201c}{text}\u{201d}"),
        WrongAnswer::Order(ids) => ids
            .iter()
            .map(|id| choice_text(question, id))
            .collect::<Vec<_>>()
            .join(" → "),
    }
}

/// Every question asked, worst first.
#[component]
fn QuestionList(misses: ClassMisses, bank: Bank) -> impl IntoView {
    let items = misses
        .questions
        .iter()
        .filter_map(|q| {
            let question = bank.question(&q.question_id)?;
            let instead = q
                .instead
                .iter()
                .map(|(answer, count)| {
                    format!("{} ({count})", wrong_answer_text(question, answer))
                })
                .collect::<Vec<_>>();
            let missed_line = format!(
                "Missed by {} of {} ({})",
                q.missed,
                plural(q.asked as u64, "trainee"),
                format_percent(q.rate())
            );
            let unanswered = if q.unanswered > 0 {
                format!(", {} left unanswered", q.unanswered)
            } else {
                String::new()
            };
            Some(view! {
                <li class="results-question" data-testid="results-question" data-question=q.question_id.clone()>
                    <p class="results-question-prompt">
                        <strong><a href=Route::quiz_question_href(&q.question_id)>{question.prompt.clone()}</a></strong>
                    </p>
                    <p>{missed_line}{unanswered}" · "{topic_title(&bank, &q.topic)}</p>
                    <p><strong>"Right answer: "</strong>{right_answer_text(question)}</p>
                    {(!instead.is_empty()).then(|| view! {
                        <p><strong>"Most often given instead: "</strong>{instead.join("; ")}</p>
                    })}
                    {question_link(question).map(|(href, label)| view! { <p><a href=href>{label}</a></p> })}
                </li>
            })
        })
        .collect_view();
    view! {
        <h3>"By question"</h3>
        <ol class="results-questions" data-testid="results-questions">{items}</ol>
    }
}
