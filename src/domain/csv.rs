//! CSV as spreadsheets read it (RFC 4180): quoted fields, CRLF records, and
//! typed text kept from running as a formula. One copy for every export (the
//! SLA queue, the class results).

/// Text a person typed (a case note, a trainee's name), with a leading `'`
/// when it starts like a formula (`=`, `+`, `-`, `@`, tab or CR):
/// spreadsheets would otherwise run it when the file is opened (OWASP "CSV
/// injection"); the quote shows as text.
pub fn typed_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A whole CSV file: the header, then one record per row. Every row has as
/// many fields as the header, so a column added to one cannot be missed in
/// the other.
pub fn csv_table<const N: usize>(
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let mut out = csv_line(header.map(String::from));
    for row in rows {
        out.push_str(&csv_line(row));
    }
    out
}

/// One CSV record ending in CRLF.
fn csv_line<const N: usize>(fields: [String; N]) -> String {
    let quoted: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
    format!("{}\r\n", quoted.join(","))
}

/// A field quoted per RFC 4180 when it needs to be, inner quotes doubled.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
