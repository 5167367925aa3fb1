//! Links into a walk: where a link to a step leads, given the walk saved
//! for its flow, so a link never silently replaces the agent's work.

use super::{FlowSet, StepRef, Walk};
use chrono::{DateTime, Utc};

/// Where a link to a step leads, given the walk saved for the link's flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowedLink {
    /// Show this walk: the saved one (moved back along its path, or forward
    /// by one choice), or a new one when nothing was in progress.
    Walk(Walk),
    /// The step is in another flow and not on this walk: follow it there.
    OtherFlow(StepRef),
    /// The link names no step of any flow.
    UnknownStep(String),
    /// The walk in progress does not pass through the step: it is kept, and
    /// the agent is asked before a new walk starts there.
    AskFirst {
        /// The walk in progress, unchanged.
        saved: Walk,
        /// The step the link names.
        step: StepRef,
    },
}

/// Follows a link to `step` of `flow` (`None`: the walk's current step, or
/// the start). A step on the saved walk's path goes back to it; a step one
/// choice ahead moves forward (the browser's Forward); any other step opens
/// a new walk there, but only when no walk is in progress, so a link never
/// silently replaces the agent's answers, ticks and notes.
pub fn follow_link(
    flows: &FlowSet,
    flow: &str,
    saved: Option<Walk>,
    step: Option<&str>,
    now: DateTime<Utc>,
) -> FollowedLink {
    let Some(step) = step else {
        return match saved {
            Some(walk) => FollowedLink::Walk(walk),
            None => match Walk::start(flows, flow, now) {
                Ok(walk) => FollowedLink::Walk(walk),
                Err(_) => FollowedLink::UnknownStep(flow.to_string()),
            },
        };
    };
    let target = StepRef::resolve(flow, step);
    if flows.step(&target.flow, &target.step).is_none() {
        return FollowedLink::UnknownStep(step.to_string());
    }
    if let Some(walk) = &saved {
        let mut moved = walk.clone();
        let on_path = walk.visits().iter().any(|v| v.step_ref() == target);
        let went = if on_path {
            moved
                .jump_to(flows, &target.flow, &target.step, now)
                .is_ok()
        } else if let Some(choice) = choice_leading_to(walk, flows, &target) {
            moved.choose(flows, choice, now).is_ok()
        } else {
            false
        };
        if went {
            return FollowedLink::Walk(moved);
        }
    }
    if target.flow != flow {
        return FollowedLink::OtherFlow(target);
    }
    match saved {
        Some(saved) if saved.in_progress(flows) => FollowedLink::AskFirst {
            saved,
            step: target,
        },
        _ => match Walk::open_at(flows, flow, &target.step, now) {
            Ok(walk) => FollowedLink::Walk(walk),
            Err(_) => FollowedLink::UnknownStep(step.to_string()),
        },
    }
}

/// The first choice of the walk's current step that leads to `target`.
fn choice_leading_to(walk: &Walk, flows: &FlowSet, target: &StepRef) -> Option<usize> {
    let here = walk.current()?;
    let step = flows.step(&here.flow, &here.step)?;
    step.choices
        .iter()
        .position(|c| StepRef::resolve(&here.flow, &c.to) == *target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::fixture::{at, flows, pick_all, steps_of, walk_through};

    #[test]
    fn a_link_off_the_walk_in_progress_asks_before_replacing_it() {
        let flows = flows();
        let follow = |saved: Option<&Walk>, step: &str| {
            follow_link(&flows, "intake", saved.cloned(), Some(step), at(9))
        };
        let mut walk = Walk::start(&flows, "intake", at(0)).unwrap();
        // Nothing done yet: a link just opens its step.
        let FollowedLink::Walk(opened) = follow(Some(&walk), "wait") else {
            panic!("a fresh walk should give way to the link");
        };
        assert_eq!(steps_of(&opened), ["intake/wait"]);

        pick_all(&mut walk, &flows, &["Yes, escalate"], 1);
        walk.set_note(1, "Wants a manager").unwrap();
        pick_all(&mut walk, &flows, &["Continue"], 2);
        // A step on the path: back to it, as before.
        let FollowedLink::Walk(back) = follow(Some(&walk), "calm") else {
            panic!("a step on the path should be shown");
        };
        assert_eq!(steps_of(&back), ["intake/ask", "intake/calm"]);
        assert_eq!(back.visits()[1].note, "Wants a manager");
        // One choice ahead (the browser's Forward): moves on.
        let FollowedLink::Walk(ahead) = follow(Some(&walk), "tag") else {
            panic!("the next step should be shown");
        };
        assert_eq!(ahead.visits().len(), 4);
        // Anywhere else: the walk is kept and the agent is asked.
        assert_eq!(
            follow(Some(&walk), "close"),
            FollowedLink::AskFirst {
                saved: walk.clone(),
                step: StepRef::resolve("intake", "close"),
            }
        );
        // A note alone at the start is also worth asking about.
        let mut noted = Walk::start(&flows, "intake", at(0)).unwrap();
        noted.set_note(0, "Caller: Ann").unwrap();
        assert!(matches!(
            follow(Some(&noted), "close"),
            FollowedLink::AskFirst { .. }
        ));
        // Other outcomes are unchanged.
        assert_eq!(
            follow(Some(&walk), "extra/email"),
            FollowedLink::OtherFlow(StepRef::resolve("extra", "email"))
        );
        assert_eq!(
            follow(Some(&walk), "nowhere"),
            FollowedLink::UnknownStep("nowhere".into())
        );
        assert_eq!(
            follow_link(&flows, "intake", Some(walk.clone()), None, at(9)),
            FollowedLink::Walk(walk)
        );
    }

    #[test]
    fn a_link_without_a_step_starts_or_names_the_flow() {
        let flows = flows();
        assert_eq!(
            follow_link(&flows, "intake", None, None, at(9)),
            FollowedLink::Walk(Walk::start(&flows, "intake", at(9)).unwrap())
        );
        assert_eq!(
            follow_link(&flows, "nowhere", None, None, at(9)),
            FollowedLink::UnknownStep("nowhere".into())
        );
        let FollowedLink::Walk(cold) = follow_link(&flows, "intake", None, Some("wait"), at(9))
        else {
            panic!("with no saved walk a link opens its step");
        };
        assert_eq!(steps_of(&cold), ["intake/wait"]);
    }

    #[test]
    fn going_back_to_a_dropped_branch_after_a_change_keeps_the_walk() {
        let flows = flows();
        let mut walk = walk_through(&flows, "intake", &["Yes, escalate", "Continue"]);
        walk.set_note(2, "Case checked").unwrap();
        walk.change_answer(&flows, 0, 2, at(3)).unwrap();
        assert_eq!(steps_of(&walk), ["intake/ask", "intake/no-escalation"]);
        // The browser's Back returns to the URL of the dropped branch.
        let back = follow_link(&flows, "intake", Some(walk.clone()), Some("check"), at(4));
        assert_eq!(
            back,
            FollowedLink::AskFirst {
                saved: walk,
                step: StepRef::resolve("intake", "check"),
            }
        );
    }
}
