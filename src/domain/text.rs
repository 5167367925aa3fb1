//! Words shared by every tool: counts with their unit, domain messages
//! turned into sentences, and text folded for matching. One copy, so the
//! flows, the scanner, the quiz and the SLA explanations write numbers and
//! sentences alike, and the flow search, the keyword scanner and the quiz's
//! typed answers agree on what "the same word" means.

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

/// A score or share in percent, rounded for display: "83%", "66.7%".
pub fn format_percent(percent: f64) -> String {
    let rounded = (percent * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}%")
    } else {
        format!("{rounded:.1}%")
    }
}

/// Lowercases text while remembering where each lowercased byte came from,
/// so a match found in the folded text can be shown in the original: byte
/// `i` of the folded text comes from byte `origin[i]` of `text`, and
/// `origin[folded.len()]` is `text.len()`.
pub fn fold(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            folded.push(lower);
            origin.resize(folded.len(), i);
        }
    }
    origin.push(text.len());
    (folded, origin)
}

/// What an apostrophe does to a word: the keyword scanner keeps "don't" as
/// written, while a typed quiz answer may leave apostrophes out altogether.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apostrophes {
    /// `'` or `’` between two letters or digits stays in the word, as `'`;
    /// any other apostrophe separates words.
    Inner,
    /// `'`, `’`, `‘` and `` ` `` are ignored wherever they stand ("don't" is
    /// "dont", "'quote'" is "quote").
    Ignored,
}

/// A word of some text: lowercased, with its byte span in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word, lowercased.
    pub text: String,
    /// Byte offset of its first character in the original text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// Splits text into lowercased words: runs of letters and digits, with
/// apostrophes treated as `apostrophes` says; everything else separates words.
pub fn words(text: &str, apostrophes: Apostrophes) -> Vec<Word> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let alphanumeric_at = |i: usize| chars.get(i).is_some_and(|c| c.1.is_alphanumeric());
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut word = String::new();
        while i < chars.len() {
            let c = chars[i].1;
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else {
                match apostrophes {
                    Apostrophes::Inner
                        if matches!(c, '\'' | '’')
                            && i > 0
                            && alphanumeric_at(i - 1)
                            && alphanumeric_at(i + 1) =>
                    {
                        word.push('\'');
                    }
                    Apostrophes::Ignored if matches!(c, '\'' | '’' | '‘' | '`') => {}
                    _ => break,
                }
            }
            i += 1;
        }
        let end = chars.get(i).map_or(text.len(), |c| c.0);
        words.push(Word {
            text: word,
            start,
            end,
        });
    }
    words
}

/// Reduces typed text to lowercase words separated by single spaces:
/// apostrophes vanish ("don't" → "dont"), other punctuation separates words.
pub fn normalize_text(text: &str) -> String {
    let words: Vec<String> = words(text, Apostrophes::Ignored)
        .into_iter()
        .map(|w| w.text)
        .collect();
    words.join(" ")
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
        for (text, capitalised) in [("élan", "Élan"), ("", "")] {
            assert_eq!(capitalise(text), capitalised);
        }
        for (text, as_sentence) in [
            ("the time is gone", "The time is gone."),
            ("is it?", "Is it?"),
            ("done.", "Done."),
            ("", ""),
        ] {
            assert_eq!(sentence(text), as_sentence, "{text}");
        }
    }

    #[test]
    fn folding_lowercases_and_maps_back_to_the_original() {
        let (folded, origin) = fold("İstanbul Case");
        assert_eq!(folded, "i\u{307}stanbul case");
        let at = folded.find("case").unwrap();
        assert_eq!(&"İstanbul Case"[origin[at]..origin[at + 4]], "Case");
        assert_eq!(origin.len(), folded.len() + 1);
        assert_eq!(fold(""), (String::new(), vec![0]));
    }

    #[test]
    fn inner_apostrophes_stay_in_a_word_and_others_separate() {
        let text = "Don’t 'quote' x.com LGBTQ+ Ünïcode";
        let found: Vec<String> = words(text, Apostrophes::Inner)
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(found, ["don't", "quote", "x", "com", "lgbtq", "ünïcode"]);
        let spans: Vec<&str> = words(text, Apostrophes::Inner)
            .iter()
            .map(|w| &text[w.start..w.end])
            .collect();
        assert_eq!(spans, ["Don’t", "quote", "x", "com", "LGBTQ", "Ünïcode"]);
        let edges: Vec<String> = words("x''y o‘clock don`t", Apostrophes::Inner)
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(edges, ["x", "y", "o", "clock", "don", "t"]);
    }

    #[test]
    fn ignored_apostrophes_vanish_wherever_they_stand() {
        assert_eq!(normalize_text("  Case   Voided!! "), "case voided");
        assert_eq!(normalize_text("Don’t 'quote' x.com"), "dont quote x com");
        assert_eq!(
            normalize_text("x''y o‘clock don`t a ' b"),
            "xy oclock dont a b"
        );
        assert_eq!(normalize_text("?!"), "");
    }
}
