//! Differences between two serializable values, leaf by leaf: for the SLA
//! defaults and for items with no structure of their own to report
//! (questions, keywords, scenarios, facts). Each changed leaf is named by a
//! readable path ("follow up › update within business days") and worded as
//! text, so a new field in a settings type is compared without new code.

use super::words::{text_change, TextChange};
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;

/// One leaf that differs, worded for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueChange {
    /// Where it is: field names made readable, list items by their id,
    /// joined with " › ".
    pub path: String,
    /// The old and new values as text, empty when not set, with their
    /// word-level difference.
    pub change: TextChange,
}

impl fmt::Display for ValueChange {
    /// "follow up › update within business days: 1 → 2".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |text: &str| {
            if text.is_empty() {
                "not set".to_string()
            } else {
                text.to_string()
            }
        };
        write!(
            f,
            "{}: {} → {}",
            self.path,
            shown(&self.change.old),
            shown(&self.change.new)
        )
    }
}

/// Every leaf of `old` and `new` that differs, fields in alphabetical order
/// (JSON objects here keep no other), list items in the old list's order.
pub fn value_changes(old: &impl Serialize, new: &impl Serialize) -> Vec<ValueChange> {
    let tree = |item: Result<Value, serde_json::Error>| item.expect("pack content serializes");
    let mut changes = Vec::new();
    walk(
        &tree(serde_json::to_value(old)),
        &tree(serde_json::to_value(new)),
        &mut Vec::new(),
        &mut changes,
    );
    changes
}

fn walk(old: &Value, new: &Value, path: &mut Vec<String>, changes: &mut Vec<ValueChange>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Value::Object(a), Value::Object(b)) if !is_source(a) || !is_source(b) => {
            let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                path.push(key.replace('_', " "));
                walk(
                    a.get(key).unwrap_or(&Value::Null),
                    b.get(key).unwrap_or(&Value::Null),
                    path,
                    changes,
                );
                path.pop();
            }
        }
        (Value::Array(a), Value::Array(b)) if keyed(a).is_some() && keyed(b) == keyed(a) => {
            let key = keyed(a).unwrap_or_default();
            let id = |item: &Value| item[key].as_str().unwrap_or_default().to_string();
            let ids = a
                .iter()
                .map(id)
                .chain(b.iter().map(id).filter(|i| !a.iter().any(|x| &id(x) == i)));
            for item_id in ids {
                let find = |list: &[Value]| {
                    list.iter()
                        .find(|x| id(x) == item_id)
                        .cloned()
                        .unwrap_or(Value::Null)
                };
                path.push(item_id.clone());
                walk(&find(a), &find(b), path, changes);
                path.pop();
            }
        }
        _ => {
            if let Some(change) = text_change(&worded(old), &worded(new)) {
                changes.push(ValueChange {
                    path: path.join(" › "),
                    change,
                });
            }
        }
    }
}

/// The field that names the items of a list of objects, when every item
/// has one: `id` (rules, choices, keywords), else `day` (opening hours).
fn keyed(list: &[Value]) -> Option<&'static str> {
    ["id", "day"].into_iter().find(|key| {
        !list.is_empty()
            && list
                .iter()
                .all(|item| item.get(*key).is_some_and(Value::is_string))
    })
}

/// A source reference `{ doc, lines }`, worded whole rather than by field.
fn is_source(object: &Map<String, Value>) -> bool {
    object.len() == 2 && object.contains_key("doc") && object.contains_key("lines")
}

/// A value as people read it: "yes"/"no", lists joined with commas, a
/// source as "doc 004, lines 17"; not set is empty.
fn worded(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".to_string(),
        Value::Bool(false) => "no".to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(worded).collect::<Vec<_>>().join(", "),
        Value::Object(object) if is_source(object) => format!(
            "doc {}, lines {}",
            worded(&object["doc"]),
            worded(&object["lines"])
        ),
        Value::Object(object) => object
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{}: {}", k.replace('_', " "), worded(v)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}
