//! A short reference from the training Q&A (doc 001): case types, statuses,
//! metrics, credits and ticket kinds, each with the lines it comes from.

use crate::domain::sla::CaseStatus;
use crate::domain::source::SourceRef;
use leptos::prelude::*;

/// One fact and the lines of doc 001 it comes from.
struct Fact {
    text: &'static str,
    lines: &'static str,
}

/// A group of facts under one heading.
struct Topic {
    heading: &'static str,
    facts: &'static [Fact],
}

/// The reference, in the order an agent needs it.
const TOPICS: &[Topic] = &[
    Topic {
        heading: "Case types",
        facts: &[
            Fact {
                text: "General: initial contact the same day if received by 3pm, otherwise by 12 noon the next business day; resolved within 4 days.",
                lines: "9-16",
            },
            Fact {
                text: "Executive: initial contact within 2 hours of the email or ticket (best practice: email); resolved within 3 days.",
                lines: "17-28",
            },
            Fact {
                text: "Regulatory: a formal customer complaint filed against the company; initial contact within 24 hours of the ticket being created; the resolution deadline depends on the agency.",
                lines: "7-18",
            },
            Fact {
                text: "High priority: Executives, Legal, Fairshakes/Notices of Dispute and Regulatory cases.",
                lines: "21-25",
            },
            Fact {
                text: "You are expected to work Generals; Executives may happen from time to time; Regulatory cases are not expected for now.",
                lines: "71-74",
            },
        ],
    },
    Topic {
        heading: "Primary metrics",
        facts: &[Fact {
            text: "Initial Contact; SLA (service level agreement, the deadline); Ticket Success (Incomplete); Repeat Calls.",
            lines: "43-47",
        }],
    },
    Topic {
        heading: "Working your cases",
        facts: &[
            Fact {
                text: "Initial contact: 3 consecutive attempts on different days, using all resources available (email, phone); log each attempt on its own line.",
                lines: "68-70",
            },
            Fact {
                text: "By the end of your shift every case should be in Pending on; leave none in Assigned.",
                lines: "58-59",
            },
            Fact {
                text: "Keep your case up to date in real time, so someone can support it if you are out of office.",
                lines: "29-30",
            },
            Fact {
                text: "The next action column lets you and management see your intended next step without opening the case.",
                lines: "33-34",
            },
        ],
    },
    Topic {
        heading: "Credits",
        facts: &[
            Fact {
                text: "Your credit limit is up to $300.00: use it with discretion and justification.",
                lines: "31-32",
            },
            Fact {
                text: "Leadership is required on Notice of Dispute (NOD) cases for credits over $500.00.",
                lines: "60-62",
            },
        ],
    },
    Topic {
        heading: "Kinds of tickets",
        facts: &[
            Fact {
                text: "Dual assignments need drop-down selections and resolution details entered by the partnering team member; Tasks are worklog updates only, with no drop-downs or resolution details.",
                lines: "35-37",
            },
            Fact {
                text: "ESL tickets need drop-downs, resolution details and multiple contacts, and hold documents; ESLI (Inquiry) tickets are quick hits that capture the complaint and what was done in that interaction, with no multiple contacts.",
                lines: "55-57",
            },
        ],
    },
];

fn doc_001(lines: &str) -> SourceRef {
    SourceRef {
        doc: "001".to_string(),
        lines: lines.to_string(),
    }
}

/// The reference panel, collapsed by default.
#[component]
pub(super) fn ReferencePanel() -> impl IntoView {
    view! {
        <section aria-labelledby="sla-ref-heading" class="sla-reference">
            <h2 id="sla-ref-heading">"Quick reference"</h2>
            <details>
                <summary>"Case types, statuses, metrics, credits and ticket kinds (doc 001)"</summary>
                {TOPICS
                    .iter()
                    .map(|topic| {
                        view! {
                            <h3>{topic.heading}</h3>
                            <ul>
                                {topic
                                    .facts
                                    .iter()
                                    .map(|fact| {
                                        view! {
                                            <li>
                                                {fact.text} " "
                                                <span class="source-ref">
                                                    "(" {doc_001(fact.lines).to_string()} ")"
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
                    .collect_view()}
                <h3>"Ticket statuses"</h3>
                <dl class="sla-status-list">
                    {CaseStatus::ALL
                        .map(|status| {
                            view! {
                                <dt>{status.label()}</dt>
                                <dd>
                                    {status.meaning()} " "
                                    <span class="source-ref">"(" {status.source().to_string()} ")"</span>
                                </dd>
                            }
                        })
                        .collect_view()}
                </dl>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_names_lines_that_exist() {
        for topic in TOPICS {
            for fact in topic.facts {
                assert_eq!(doc_001(fact.lines).validate(), Ok(()), "{}", fact.text);
            }
        }
    }
}
