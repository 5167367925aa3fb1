//! Words shared by every tool: counts with their unit, and domain messages
//! turned into sentences. One copy, so the flows, the scanner, the quiz and
//! the SLA explanations write numbers and sentences alike.

use std::fmt;

/// A count with its unit, "1 day" or "3 days", written without going
/// through `core::fmt`'s number formatting (explanations are written
/// 100,000 times in the SLA benchmark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural<'a> {
    count: u64,
    unit: &'a str,
}

/// "1 question", "3 questions": `unit` is the singular, made plural with "s".
pub fn plural(count: impl Into<u64>, unit: &str) -> Plural<'_> {
    Plural {
        count: count.into(),
        unit,
    }
}

impl fmt::Display for Plural<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(decimal(self.count, &mut [0; 20]))?;
        f.write_str(" ")?;
        f.write_str(self.unit)?;
        if self.count != 1 {
            f.write_str("s")?;
        }
        Ok(())
    }
}

/// `value` in decimal digits, written into `buffer` without `core::fmt`'s
/// number formatting (u64::MAX has twenty digits): the one digit writer of
/// the counts here and of the SLA explanations' dates and times.
pub(crate) fn decimal(value: u64, buffer: &mut [u8; 20]) -> &str {
    let mut start = buffer.len();
    let mut rest = value;
    loop {
        start -= 1;
        buffer[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    std::str::from_utf8(&buffer[start..]).unwrap_or_default()
}

/// `text` with its first letter in upper case: domain messages start in
/// lower case so they fit inside sentences; on their own they do not.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A domain message as a sentence of its own: capitalised, ending in a full
/// stop.
pub fn sentence(text: &str) -> String {
    let mut out = capitalise(text);
    if !out.is_empty() && !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_adds_s_except_for_one() {
        assert_eq!(plural(0u32, "day").to_string(), "0 days");
        assert_eq!(plural(1u32, "day").to_string(), "1 day");
        assert_eq!(plural(12u64, "question").to_string(), "12 questions");
        assert_eq!(plural(u64::MAX, "x").to_string(), "18446744073709551615 xs");
    }

    #[test]
    fn sentences_start_upper_case_and_end_with_a_stop() {
        assert_eq!(capitalise("élan"), "Élan");
        assert_eq!(capitalise(""), "");
        assert_eq!(sentence("the time is gone"), "The time is gone.");
        assert_eq!(sentence("is it?"), "Is it?");
        assert_eq!(sentence("done."), "Done.");
        assert_eq!(sentence(""), "");
    }
}
