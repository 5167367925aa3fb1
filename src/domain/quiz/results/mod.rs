//! Class results with no server: a trainee's finished exam packed as a
//! result code (`code`), found in whatever text the trainer pastes (`find`),
//! checked on the trainer's side against the bank in use (`rescore`),
//! gathered into the class without duplicates (`class`), summed up as what
//! the class misses (`misses`), and written out as CSV (`csv`). Pure Rust:
//! times are arguments.

pub mod class;
pub mod code;
pub mod csv;
pub mod find;
pub mod misses;
pub mod rescore;

pub use class::{
    quiz_label, sort_rows, Added, ClassResults, ClassRow, ImportedResult, QuizOfClass, SortColumn,
};
pub use code::{
    bank_identity, decode_result, encode_result, BankIdentity, ResultCodeError, SentResult,
    CUSTOM_PACK, RESULT_FORMAT_VERSION, RESULT_PREFIX, SHIPPED_PACK,
};
pub use csv::{misses_csv, table_csv};
pub use find::find_result_codes;
pub use misses::{class_misses, ClassMisses, QuestionMisses, TopicMisses, WrongAnswer};
pub use rescore::{rescore, Claim, Rescored, ResultWarning};

/// A short, stable fingerprint of `bytes` (64-bit FNV-1a in hex): the same
/// on every device and in every Deskaid build, unlike std's hasher, so a
/// trainee's device and the trainer's agree on a bank's version.
fn fingerprint(bytes: &[u8]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = bytes.iter().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(PRIME)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests;
