//! Finding result codes in what a trainer pastes or drops: chat messages,
//! e-mails (quoted, and wrapped by the mail client), result files and
//! result links.

use super::code::{decode_result, ResultCodeError, RESULT_PREFIX};

/// Every result code in pasted text, a file or a result link, in order and
/// each once (a result file holds its code and its link): a chat message or
/// an e-mail around the codes, quotes, brackets and a full stop after a code
/// are left out, and a code a mail client broke across lines is joined
/// again. Empty when the text has none.
pub fn find_result_codes(text: &str) -> Vec<String> {
    let upper = text.to_ascii_uppercase();
    let mut codes: Vec<String> = Vec::new();
    let mut from = 0;
    while let Some(found) = upper[from..].find(RESULT_PREFIX) {
        let start = from + found;
        let after_prefix = start + RESULT_PREFIX.len();
        let digits = text[after_prefix..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let mut end = after_prefix + digits;
        if text[end..].starts_with('.') {
            end += 1;
            end += payload_len(text, &upper, end);
        }
        let (code, end) = rejoin(text, &upper, start, end);
        if !codes.contains(&code) {
            codes.push(code);
        }
        from = end;
    }
    codes
}

/// How many bytes of base64url start at `at`; a code glued to the next one
/// ends where the next one's prefix starts.
fn payload_len(text: &str, upper: &str, at: usize) -> usize {
    let run = text[at..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        .count();
    upper[at..at + run].find(RESULT_PREFIX).unwrap_or(run)
}

/// The code at `start..end`, with the pieces a mail client wrapped onto the
/// following lines, and where it ends. Nothing tells a wrapped line from the
/// end of a code by looking (a code's last line can have any length, and
/// the next line may start with a word), so lines are joined only while the
/// code does not unpack, and kept only when the joined code does; a code cut
/// off in copying stays as it was found, and is reported damaged.
fn rejoin(text: &str, upper: &str, start: usize, end: usize) -> (String, usize) {
    let found = &text[start..end];
    if decode_result(found) != Err(ResultCodeError::Damaged) {
        return (found.to_string(), end);
    }
    let mut joined = found.to_string();
    let mut at = end;
    while let Some((piece, piece_end)) = next_line_piece(text, upper, at) {
        joined.push_str(piece);
        match decode_result(&joined) {
            Ok(_) => return (joined, piece_end),
            Err(ResultCodeError::Damaged) => at = piece_end,
            Err(_) => break,
        }
    }
    (found.to_string(), end)
}

/// What may continue a code that stops at `at`: the code must run to the
/// end of its line (spaces after it allowed, as format=flowed mail leaves
/// them), and the base64url that starts the next line, after any `>` quote
/// marks, with where it ends. A next line starting a new code continues
/// nothing.
fn next_line_piece<'t>(text: &'t str, upper: &str, at: usize) -> Option<(&'t str, usize)> {
    let rest = text[at..].trim_start_matches([' ', '\t']);
    let next_line = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let piece_start = text.len() - next_line.trim_start_matches([' ', '\t', '>']).len();
    let len = payload_len(text, upper, piece_start);
    (len > 0).then(|| (&text[piece_start..piece_start + len], piece_start + len))
}
