//! Archiving resolved cases from the queue (Settings' ways to free space
//! link here): the cases resolved more than some
//! days ago go to a CSV download, and only once it is made do they leave the
//! queue.

use crate::components::clock::BrowserZone;
use crate::components::confirm::ConfirmedAction;
use crate::components::download::try_save_file;
use crate::components::form::TextField;
use crate::components::notice::{NoticeKind, Notices};
use crate::domain::sla::{
    archivable, archive_csv, archive_file_name, parse_archive_days, DEFAULT_ARCHIVE_DAYS,
};
use crate::domain::time::OffsetAt;
use crate::store::AppState;
use chrono::Utc;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The days field, what it would take, and the archive button.
#[component]
pub fn CaseArchive(
    /// Prefix of the ids in this form, unique on the page.
    id: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let days_text = RwSignal::new(DEFAULT_ARCHIVE_DAYS.to_string());
    let days = Memo::new(move |_| days_text.with(|text| parse_archive_days(text)));
    // The numbers of the cases the archive would take, and how many of
    // them were dated by receipt; re-read when the queue or days change.
    let taken = Memo::new(move |_| {
        let Ok(days) = days.get() else {
            return (Vec::new(), 0);
        };
        state.queue().with(|queue| {
            let taken = archivable(&queue.cases, Utc::now(), days);
            let numbers: Vec<String> = taken.cases.iter().map(|c| c.number.clone()).collect();
            (numbers, taken.dated_by_receipt)
        })
    });
    let error = Signal::derive(move || days.get().err().map(|e| e.to_string()));
    let archive = move |()| {
        let Ok(days) = days.get_untracked() else {
            return;
        };
        let now = Utc::now();
        let (csv, numbers) = state.queue().with_untracked(|queue| {
            let taken = archivable(&queue.cases, now, days);
            let numbers: BTreeSet<String> = taken.cases.iter().map(|c| c.number.clone()).collect();
            (archive_csv(&taken.cases), numbers)
        });
        if numbers.is_empty() {
            return;
        }
        let file = archive_file_name(&BrowserZone.local(now).format("%Y-%m-%d").to_string());
        // The cases leave the queue only once their file is made.
        if !try_save_file(notices, &file, "text/csv", &csv) {
            return;
        }
        state
            .queue()
            .update(|queue| queue.cases.retain(|case| !numbers.contains(&case.number)));
        notices.push(
            NoticeKind::Success,
            format!(
                "Archived {} to {file} and removed them from your queue.",
                cases_words(numbers.len())
            ),
        );
        // The room made may be what a refused write of another concern needed.
        state.retry_unsaved();
    };
    let summary = move || {
        let (numbers, dated_by_receipt) = taken.get();
        let days = days.get().unwrap_or(DEFAULT_ARCHIVE_DAYS);
        let mut words = match numbers.len() {
            0 => format!("No case in your queue was resolved (ESL QA) {days} or more days ago."),
            count => format!(
                "{} resolved (ESL QA) {days} or more days ago: {}.",
                cases_words(count),
                numbers.join(", ")
            ),
        };
        if dated_by_receipt > 0 {
            words.push_str(&format!(
                " {} resolved before Deskaid recorded resolution times, so {} counted from {} receipt.",
                cases_words(dated_by_receipt),
                if dated_by_receipt == 1 { "it is" } else { "they are" },
                if dated_by_receipt == 1 { "its" } else { "their" },
            ));
        }
        words
    };
    view! {
        <TextField
            id=format!("{id}-days")
            label="Resolved at least this many days ago"
            value=days_text
            inputmode="numeric"
            class="narrow"
            hint="The file keeps every field of each case; open it in a spreadsheet. 0 takes every resolved case."
            error=error
        />
        <p data-testid=format!("{id}-summary") aria-live="polite">{summary}</p>
        <Show when=move || taken.with(|(numbers, _)| !numbers.is_empty())>
            <ConfirmedAction
                label="Archive these cases…"
                question="Download these resolved cases as a CSV file and remove them from your queue? They are removed only if the file is made."
                confirm_label="Download and remove"
                question_id=id
                on_confirm=archive
            />
        </Show>
    }
}

/// "1 case", "3 cases".
fn cases_words(count: usize) -> String {
    match count {
        1 => "1 case".to_string(),
        _ => format!("{count} cases"),
    }
}
