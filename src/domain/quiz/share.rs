//! Trainer links: a quiz spec in the query string
//! (`mode=exam&topics=a,b&count=N&seed=N&pass=P&time=MIN`) and a custom bank
//! packed into the URL fragment (JSON → deflate → base64url without padding).

use crate::domain::fragment::{pack_fragment, unpack_fragment, FragmentError};
pub use crate::domain::fragment::{FRAGMENT_LIMIT, INFLATED_LIMIT};
use crate::domain::quiz::bank::{Bank, BankError};
use crate::domain::quiz::spec::{QuizMode, QuizSpec, SpecError, DEFAULT_PASS_PERCENT};
use std::fmt;

/// Reads a quiz spec from the link's query pairs. Unknown keys are ignored
/// (the page may carry its own); missing keys take their defaults. A bad link
/// gets every one of its problems, so the trainer can fix them all at once.
pub fn spec_from_pairs(pairs: &[(String, String)]) -> Result<QuizSpec, SpecError> {
    let mut spec = QuizSpec::default();
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in pairs {
        let key = key.as_str();
        if !matches!(key, "mode" | "topics" | "count" | "seed" | "pass" | "time") {
            continue;
        }
        if seen.contains(&key) {
            problems.push(format!("\"{key}\" is given twice in the link"));
            continue;
        }
        seen.push(key);
        let value = value.trim();
        match key {
            "mode" => match QuizMode::parse(value) {
                Some(mode) => spec.mode = mode,
                None => problems.push(format!(
                    "mode \"{value}\" is unknown (use practice, exam, review-missed or spaced-review)"
                )),
            },
            "topics" => {
                spec.topics = value
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from)
                    .collect();
            }
            "count" => spec.count = number(key, value, "a question count such as 20", &mut problems),
            "seed" => spec.seed = number(key, value, "a whole number", &mut problems),
            "pass" => {
                // Read wider than the field so that pass=500 is told the range, not "not a number".
                let expected = "a percentage from 1 to 100";
                if let Some(p) = number::<u32>(key, value, expected, &mut problems) {
                    match u8::try_from(p) {
                        Ok(p) => spec.pass_percent = p,
                        Err(_) => problems.push(format!(
                            "the pass mark must be a percentage from 1 to 100, not {p}"
                        )),
                    }
                }
            }
            _ => spec.time_limit_minutes = number(key, value, "minutes, e.g. 30", &mut problems),
        }
    }
    problems.extend(spec.number_problems());
    if problems.is_empty() {
        Ok(spec)
    } else {
        Err(SpecError { problems })
    }
}

/// `value` read as a number, or `None` with a problem naming the key and
/// what was expected.
fn number<T: std::str::FromStr>(
    key: &str,
    value: &str,
    expected: &str,
    problems: &mut Vec<String>,
) -> Option<T> {
    let parsed = value.parse().ok();
    if parsed.is_none() {
        problems.push(format!(
            "{key}=\"{value}\" is not valid (expected {expected})"
        ));
    }
    parsed
}

/// The query pairs for a spec, the inverse of [`spec_from_pairs`]; defaults are left out.
pub fn spec_to_pairs(spec: &QuizSpec) -> Vec<(String, String)> {
    let mut pairs = vec![("mode".to_string(), spec.mode.as_str().to_string())];
    if !spec.topics.is_empty() {
        pairs.push(("topics".to_string(), spec.topics.join(",")));
    }
    if let Some(count) = spec.count {
        pairs.push(("count".to_string(), count.to_string()));
    }
    if let Some(seed) = spec.seed {
        pairs.push(("seed".to_string(), seed.to_string()));
    }
    if spec.pass_percent != DEFAULT_PASS_PERCENT {
        pairs.push(("pass".to_string(), spec.pass_percent.to_string()));
    }
    if let Some(minutes) = spec.time_limit_minutes {
        pairs.push(("time".to_string(), minutes.to_string()));
    }
    pairs
}

/// The spec a trainer link carries: `spec` with a seed, `fallback_seed` when
/// the trainer gave none, so everyone who opens the link gets the same
/// questions in the same order.
pub fn link_spec(spec: &QuizSpec, fallback_seed: u64) -> QuizSpec {
    QuizSpec {
        seed: Some(spec.seed.unwrap_or(fallback_seed)),
        ..spec.clone()
    }
}

/// A seed for a trainer link, from any changing number (such as the time):
/// five digits, short enough to read out or type.
pub fn pick_link_seed(entropy: u64) -> u64 {
    10_000 + entropy % 90_000
}

/// Why a shared bank could not be packed or unpacked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The packed bank is longer than [`FRAGMENT_LIMIT`].
    TooLarge {
        /// Characters the fragment has (or would have).
        chars: usize,
    },
    /// The fragment is not a packed bank: cut off or changed in copying.
    Corrupt,
    /// The unpacked bank does not validate.
    Invalid(BankError),
}

impl fmt::Display for ShareError {
    /// A sentence a trainer can act on.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLarge { chars } => write!(
                f,
                "the bank is too large to share in a link ({chars} characters, limit {FRAGMENT_LIMIT}); export it as a file instead"
            ),
            ShareError::Corrupt => write!(
                f,
                "the link does not contain a readable question bank (it was probably cut off or changed when it was copied); ask for the link again"
            ),
            ShareError::Invalid(error) => write!(f, "the shared bank has problems:\n{error}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// Packs a bank for the URL fragment: JSON, deflated, base64url without padding.
pub fn encode_bank_fragment(bank: &Bank) -> Result<String, ShareError> {
    pack_fragment(&bank.to_json()).map_err(ShareError::from)
}

/// Unpacks and validates a bank from a URL fragment made by [`encode_bank_fragment`].
pub fn decode_bank_fragment(fragment: &str) -> Result<Bank, ShareError> {
    let json = unpack_fragment(fragment)?;
    Bank::from_json(&json).map_err(ShareError::Invalid)
}

impl From<FragmentError> for ShareError {
    fn from(error: FragmentError) -> Self {
        match error {
            FragmentError::TooLarge { chars } => ShareError::TooLarge { chars },
            FragmentError::Corrupt => ShareError::Corrupt,
        }
    }
}

#[cfg(test)]
mod tests;
