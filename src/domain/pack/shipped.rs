//! The shipped content as a pack: `content/pack.toml` describes it, and the
//! content the app embeds fills it. `cargo run --example update_generated`
//! writes it to `assets/content/pack.json`, which the build copies to
//! `dist/content/pack.json` for teams to read, compare and replace.

use super::{PackFile, PACK_FORMAT};
use crate::domain::content;
use crate::domain::quiz::BankFile;
use crate::domain::scanner::KeywordList;

/// The shipped content, as the pack file that holds it.
pub fn shipped_pack_file() -> PackFile {
    let meta = content::pack_meta().clone();
    let bank = content::bank();
    PackFile {
        deskaid_pack: PACK_FORMAT,
        id: meta.id,
        title: meta.title,
        version: meta.version,
        published_at: meta.published_at,
        author: meta.author,
        change_note: meta.change_note,
        sources: meta.sources,
        flows: content::flow_list().to_vec(),
        questions: BankFile {
            topics: bank.topics().to_vec(),
            scenarios: bank.scenarios().to_vec(),
            questions: bank.questions().to_vec(),
        },
        keywords: KeywordList {
            keywords: content::scanner().keywords().to_vec(),
        },
        sla: content::sla_defaults().clone(),
        reference: content::reference().clone(),
    }
}
