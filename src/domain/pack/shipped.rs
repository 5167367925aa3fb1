//! The shipped content as a pack: `content/pack.toml` describes it, and the
//! content the app embeds fills it. `cargo run --example update_generated`
//! writes it to `assets/content/pack.json`, which the build copies to
//! `dist/content/pack.json` for teams to read, compare and replace.

use super::PackFile;
use crate::domain::content;
use crate::domain::quiz::BankFile;
use crate::domain::scanner::KeywordList;

/// The shipped content, as the pack file that holds it.
pub fn shipped_pack_file() -> PackFile {
    let bank = content::bank();
    PackFile::new(
        content::pack_meta().clone(),
        content::flow_list().to_vec(),
        BankFile {
            topics: bank.topics().to_vec(),
            scenarios: bank.scenarios().to_vec(),
            questions: bank.questions().to_vec(),
        },
        KeywordList {
            keywords: content::scanner().keywords().to_vec(),
        },
        content::sla_defaults().clone(),
        content::reference().clone(),
    )
}
