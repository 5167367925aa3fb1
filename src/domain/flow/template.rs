//! Fill-in texts (e-mails, scripts) with `{placeholder}` blanks: reading
//! them, listing their blanks and filling them with what the agent typed.

use std::collections::BTreeMap;
use std::fmt;

/// A part of a template: fixed text or a `{placeholder}`.
pub(super) enum Piece<'a> {
    /// Text written as is.
    Text(&'a str),
    /// The name of a placeholder.
    Field(&'a str),
}

/// What is wrong with a template, in the words the content check reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// A `}` before any `{`.
    UnmatchedClose,
    /// A `{` that is never closed.
    UnmatchedOpen,
    /// A placeholder name that is empty or not lowercase letters, digits and underscores.
    BadName(String),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::UnmatchedClose => f.write_str("a \"}\" without a matching \"{\""),
            TemplateError::UnmatchedOpen => f.write_str("a \"{\" without a matching \"}\""),
            TemplateError::BadName(name) => write!(
                f,
                "placeholder \"{{{name}}}\" must be lowercase letters, digits and underscores"
            ),
        }
    }
}

/// Splits a template into text and placeholders.
pub(super) fn parse_template(template: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(TemplateError::UnmatchedClose);
        }
        let close = rest[open..]
            .find('}')
            .map(|c| open + c)
            .ok_or(TemplateError::UnmatchedOpen)?;
        let name = &rest[open + 1..close];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(TemplateError::BadName(name.to_string()));
        }
        pieces.push(Piece::Text(&rest[..open]));
        pieces.push(Piece::Field(name));
        rest = &rest[close + 1..];
    }
    pieces.push(Piece::Text(rest));
    Ok(pieces)
}

/// The placeholder names of a template, each once, in order of first use.
pub fn template_placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for piece in parse_template(template).unwrap_or_default() {
        if let Piece::Field(name) = piece {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Fills a template; placeholders without a (non-blank) value stay as `{name}` so gaps show.
/// A value that starts with the text written right against its blank (the
/// "PR-" of "PR-{pr_number}", in any case) has it taken off, so it is not doubled.
pub fn fill_template(template: &str, values: &BTreeMap<String, String>) -> String {
    let Ok(pieces) = parse_template(template) else {
        return template.to_string();
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Field(name) => {
                let glued = out.rsplit(char::is_whitespace).next().unwrap_or_default();
                let value = values
                    .get(name)
                    .map(|v| without_prefix(v, glued))
                    .filter(|v| !v.trim().is_empty());
                match value {
                    Some(value) => out.push_str(value),
                    None => out.push_str(&format!("{{{name}}}")),
                }
            }
        }
    }
    out
}

/// `value` without a leading `prefix` (ignoring case and leading spaces).
fn without_prefix<'a>(value: &'a str, prefix: &str) -> &'a str {
    let trimmed = value.trim_start();
    match trimmed.get(..prefix.len()) {
        Some(head) if !prefix.is_empty() && head.eq_ignore_ascii_case(prefix) => {
            &trimmed[prefix.len()..]
        }
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flow::fixture::{at, flows};
    use crate::domain::flow::Walk;

    #[test]
    fn fields_are_labelled_and_a_prefix_is_not_doubled() {
        let flows = flows();
        let step = flows.step("intake", "close").unwrap();
        assert_eq!(step.field_label("pr_number"), "PR number");
        assert!(step.field_hint("pr_number").unwrap().contains("PR-12345"));
        let email = flows.step("extra", "email").unwrap();
        assert_eq!(email.field_label("customer_name"), "Customer name");
        assert_eq!(email.field_hint("customer_name"), None);

        let mut walk = Walk::open_at(&flows, "intake", "close", at(0)).unwrap();
        for (typed, filled) in [
            ("PR-12345", "Created privacy request: PR-12345"),
            ("pr-12345", "Created privacy request: PR-12345"),
            (" PR-12345", "Created privacy request: PR-12345"),
            ("12345", "Created privacy request: PR-12345"),
            ("PR-", "Created privacy request: PR-{pr_number}"),
        ] {
            walk.set_field(&flows, 0, "pr_number", typed).unwrap();
            assert_eq!(walk.filled_template(&flows, 0).as_deref(), Some(filled));
        }
        // Only the text right against the blank counts, not a word before a space.
        let values = BTreeMap::from([("name".to_string(), "Dear Ann".to_string())]);
        assert_eq!(fill_template("Dear {name}", &values), "Dear Dear Ann");
    }

    #[test]
    fn templates_fill_placeholders_and_show_gaps() {
        let flows = flows();
        let mut walk = Walk::open_at(&flows, "intake", "close", at(0)).unwrap();
        assert_eq!(
            walk.filled_template(&flows, 0).as_deref(),
            Some("Created privacy request: PR-{pr_number}")
        );
        walk.set_field(&flows, 0, "pr_number", "1234").unwrap();
        assert_eq!(
            walk.filled_template(&flows, 0).as_deref(),
            Some("Created privacy request: PR-1234")
        );
        assert!(walk.set_field(&flows, 0, "name", "x").is_err());

        let email = flows.step("extra", "email").unwrap();
        let template = email.template.as_deref().unwrap();
        assert_eq!(
            template_placeholders(template),
            ["customer_name", "upload_link"]
        );
        // A blank value leaves the gap showing.
        let ron = BTreeMap::from([
            ("customer_name".to_string(), "Ron".to_string()),
            ("upload_link".to_string(), " ".to_string()),
        ]);
        assert_eq!(
            fill_template(template, &ron),
            "Subject: Your case\n\nDear Ron,\n\nPlease upload via this link: {upload_link}\n\n\
             Regards, Ron's agent"
        );
    }

    #[test]
    fn broken_templates_are_named_and_left_as_written() {
        let words = |t: &str| parse_template(t).err().map(|e| e.to_string());
        assert_eq!(words("Hi {name}"), None);
        assert_eq!(
            words("Hi {Name"),
            Some("a \"{\" without a matching \"}\"".into())
        );
        assert_eq!(
            words("Hi name}"),
            Some("a \"}\" without a matching \"{\"".into())
        );
        assert_eq!(
            words("Hi {}"),
            Some("placeholder \"{}\" must be lowercase letters, digits and underscores".into())
        );
        assert!(template_placeholders("Hi {Name").is_empty());
        assert_eq!(fill_template("Hi {Name", &BTreeMap::new()), "Hi {Name");
    }
}
