//! Case notes: a walk written out as plain text for pasting into a case.

use super::template::fill_template;
use super::{FlowSet, Walk};
use crate::domain::time::OffsetAt;
use chrono::{DateTime, Utc};

impl Walk {
    /// A plain-text summary of the walk for pasting into a case description,
    /// with times in `zone` (the browser's), each with the offset it had at
    /// that moment: a walk from July reads with July's offset in December.
    /// The start states its offset, and so does any later time whose offset
    /// differs (the walk crossed a daylight-saving change), so every time
    /// in the notes is unambiguous wherever they are read.
    pub fn case_notes(&self, flows: &FlowSet, zone: &impl OffsetAt) -> String {
        let start_offset = self.visits().first().map(|v| zone.offset_at(v.arrived_at));
        let local = |t: &DateTime<Utc>| {
            let time = zone.local(*t);
            let written = time.format("%Y-%m-%d %H:%M");
            if Some(*time.offset()) == start_offset {
                written.to_string()
            } else {
                format!("{written} UTC{}", time.offset())
            }
        };
        let title = flows
            .flow(self.flow_id())
            .map_or(self.flow_id(), |f| f.title.as_str());
        let mut out = format!("{title}\n");
        if let (Some(first), Some(offset)) = (self.visits().first(), start_offset) {
            out.push_str(&format!(
                "Started {} (UTC{offset})\n",
                local(&first.arrived_at)
            ));
        }
        if self.opened_from_link(flows) {
            out.push_str("Opened at step 1 from a link; earlier steps not recorded.\n");
        }
        for (n, visit) in self.visits().iter().enumerate() {
            let step = flows.step(&visit.flow, &visit.step);
            let mut heading = step.map_or(visit.step.clone(), |s| s.title.clone());
            if visit.flow != self.flow_id() {
                if let Some(other) = flows.flow(&visit.flow) {
                    heading = format!("{heading} ({})", other.title);
                }
            }
            out.push_str(&format!(
                "\n{}. [{}] {heading}\n",
                n + 1,
                local(&visit.arrived_at)
            ));
            // A step with one way out records no decision: "Answer: Continue"
            // would only be noise in the case.
            let decided = step.is_none_or(|s| s.choices.len() > 1);
            if let Some(answer) = visit.answer.as_ref().filter(|_| decided) {
                out.push_str(&format!("   Answer: {}\n", answer.label));
            }
            for id in &visit.ticked {
                let text = step
                    .and_then(|s| s.checklist.iter().find(|i| &i.id == id))
                    .map_or(id.as_str(), |i| i.text.as_str());
                out.push_str(&format!("   Done: {text}\n"));
            }
            // A template the agent filled in is what went to the customer
            // (e.g. the privacy request number); a fixed script is not news.
            let filled_in = visit.fields.values().any(|v| !v.trim().is_empty());
            if let Some(template) = step
                .and_then(|s| s.template.as_deref())
                .filter(|_| filled_in)
            {
                let text = fill_template(template, &visit.fields);
                out.push_str(&format!("   Text used: {}\n", indent_lines(&text, 14)));
            }
            if !visit.note.trim().is_empty() {
                out.push_str(&format!("   Note: {}\n", indent_lines(&visit.note, 9)));
            }
        }
        match (self.outcome(flows), self.current()) {
            (Some(step), Some(last)) => out.push_str(&format!(
                "\nOutcome ({}): {}\n",
                local(&last.arrived_at),
                step.outcome.as_deref().unwrap_or(&step.title)
            )),
            _ => out.push_str("\nOutcome: not reached yet\n"),
        }
        out
    }
}

/// Trimmed `text` with every line after the first indented by `width`
/// spaces, to line up under a label in the case notes.
fn indent_lines(text: &str, width: usize) -> String {
    let mut lines = text.trim().lines();
    let mut out = lines.next().unwrap_or_default().to_string();
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&" ".repeat(width));
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::domain::flow::fixture::{at, flows, pick_all, walk_through};
    use crate::domain::flow::Walk;
    use crate::domain::zone::Zone;
    use chrono::{Duration, FixedOffset, TimeZone, Utc};

    #[test]
    fn case_notes_say_when_a_walk_was_opened_part_way_from_a_link() {
        let flows = flows();
        let offset = FixedOffset::east_opt(0).unwrap();
        let linked = Walk::open_at(&flows, "intake", "wait", at(0)).unwrap();
        assert!(linked.opened_from_link(&flows));
        assert!(linked.case_notes(&flows, &offset).starts_with(
            "Customer asks to escalate\n\
             Started 2024-01-15 09:00 (UTC+00:00)\n\
             Opened at step 1 from a link; earlier steps not recorded.\n\n1. "
        ));
        let mut started = Walk::start(&flows, "intake", at(0)).unwrap();
        assert!(!started.opened_from_link(&flows));
        assert!(!started.case_notes(&flows, &offset).contains("from a link"));
        pick_all(&mut started, &flows, &["Yes, escalate"], 1);
        assert!(!started.case_notes(&flows, &offset).contains("from a link"));
        let mut restarted = linked.clone();
        restarted.restart(&flows, at(2)).unwrap();
        assert!(!restarted
            .case_notes(&flows, &offset)
            .contains("from a link"));
    }

    #[test]
    fn case_notes_summarise_a_walk_in_local_time() {
        let flows = flows();
        let mut walk = walk_through(&flows, "intake", &["Yes, escalate"]);
        walk.set_note(1, "Calmer after an apology\nstill wants a manager")
            .unwrap();
        pick_all(&mut walk, &flows, &["Continue", "Yes, updated"], 2);
        walk.toggle_item(&flows, 3, "tagged").unwrap();
        walk.toggle_item(&flows, 3, "told").unwrap();
        pick_all(&mut walk, &flows, &["Done"], 4);
        let offset = FixedOffset::east_opt(3600).unwrap();
        let expected = "\
Customer asks to escalate
Started 2024-01-15 10:00 (UTC+01:00)

1. [2024-01-15 10:00] Did the customer ask to escalate?
   Answer: Yes, escalate

2. [2024-01-15 10:01] Try to calm the customer
   Note: Calmer after an apology
         still wants a manager

3. [2024-01-15 10:02] Has the case been updated?
   Answer: Yes, updated

4. [2024-01-15 10:03] Tag the case owner
   Done: Told the customer about the call back
   Done: Tagged the case owner in the feed

5. [2024-01-15 10:04] Stop here

Outcome (2024-01-15 10:04): Case owner tagged; the customer will be called back
";
        assert_eq!(walk.case_notes(&flows, &offset), expected);
        walk.back();
        assert!(walk
            .case_notes(&flows, &offset)
            .ends_with("\nOutcome: not reached yet\n"));
    }

    #[test]
    fn case_notes_name_the_other_flow_of_a_detour() {
        let flows = flows();
        let walk = walk_through(&flows, "intake", &["Needs extra checks"]);
        let notes = walk.case_notes(&flows, &FixedOffset::west_opt(5 * 3600).unwrap());
        assert!(notes.contains("2. [2024-01-15 04:01] Which checks apply? (Extra checks)\n"));
        assert!(notes.contains("Started 2024-01-15 04:00 (UTC-05:00)"));
    }

    #[test]
    fn case_notes_show_a_template_only_once_it_is_filled_in() {
        let flows = flows();
        let notes = |walk: &Walk| walk.case_notes(&flows, &FixedOffset::east_opt(0).unwrap());
        let mut walk = Walk::open_at(&flows, "intake", "close", at(0)).unwrap();
        assert!(!notes(&walk).contains("Text used"), "nothing typed yet");
        walk.set_field(&flows, 0, "pr_number", "1234").unwrap();
        assert!(notes(&walk).contains("\n   Text used: Created privacy request: PR-1234\n"));

        let mut email = Walk::open_at(&flows, "extra", "email", at(0)).unwrap();
        email
            .set_field(&flows, 0, "customer_name", "Ann Lee")
            .unwrap();
        assert!(notes(&email).contains(
            "\n   Text used: Subject: Your case\n\n              Dear Ann Lee,\n\n              Please upload"
        ));
    }

    #[test]
    fn a_walk_from_july_in_new_york_keeps_july_s_offset_and_one_from_january_january_s() {
        let flows = flows();
        let ny = Zone::named("America/New_York").unwrap();
        let started_at_half_past = |(year, month, day, hour)| {
            let when = Utc.with_ymd_and_hms(year, month, day, hour, 30, 0).unwrap();
            Walk::start(&flows, "intake", when).unwrap()
        };
        let mut summer = started_at_half_past((2026, 7, 15, 14));
        summer.set_note(0, "Called from the airport").unwrap();
        assert!(summer.case_notes(&flows, &ny).starts_with(
            "Customer asks to escalate\n\
             Started 2026-07-15 10:30 (UTC-04:00)\n\n\
             1. [2026-07-15 10:30] Did the customer ask to escalate?\n\
             \x20  Note: Called from the airport\n"
        ));
        assert!(started_at_half_past((2026, 1, 15, 14))
            .case_notes(&flows, &ny)
            .starts_with("Customer asks to escalate\nStarted 2026-01-15 09:30 (UTC-05:00)\n\n"));
    }

    #[test]
    fn a_time_after_a_daylight_saving_change_states_its_own_offset() {
        let flows = flows();
        // 1 November 2026, 01:59 EDT; two minutes later the clocks have gone
        // back an hour, so the next step reads 01:01 of the same night.
        let before = Utc.with_ymd_and_hms(2026, 11, 1, 5, 59, 0).unwrap();
        let mut walk = Walk::start(&flows, "intake", before).unwrap();
        walk.choose(&flows, 0, before + Duration::minutes(2))
            .unwrap();
        let notes = walk.case_notes(&flows, &Zone::named("America/New_York").unwrap());
        assert!(notes.contains("\nStarted 2026-11-01 01:59 (UTC-04:00)\n\n1. [2026-11-01 01:59] "));
        assert!(
            notes.contains("\n2. [2026-11-01 01:01 UTC-05:00] "),
            "{notes}"
        );
    }
}
