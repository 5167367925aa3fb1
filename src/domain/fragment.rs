//! Text carried in a link's URL fragment, as shared question banks and
//! packs are: deflated, then base64url without padding, up to a length
//! links survive being pasted into chat and mail.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Longest fragment accepted, in characters: browsers, chat tools and
/// mail clients start truncating links not far above this.
pub const FRAGMENT_LIMIT: usize = 32_000;

/// Largest text unpacked from a fragment, in bytes, so a crafted link
/// cannot exhaust memory.
pub const INFLATED_LIMIT: usize = 4 * 1024 * 1024;

/// Why text could not be packed into a fragment or out of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FragmentError {
    /// Longer than [`FRAGMENT_LIMIT`]: this many characters.
    TooLarge { chars: usize },
    /// Not packed text: cut off or changed in copying.
    Corrupt,
}

/// `text`, deflated and base64url-encoded.
pub fn pack_fragment(text: &str) -> Result<String, FragmentError> {
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    let fragment = URL_SAFE_NO_PAD.encode(packed);
    if fragment.len() > FRAGMENT_LIMIT {
        return Err(FragmentError::TooLarge {
            chars: fragment.len(),
        });
    }
    Ok(fragment)
}

/// The text [`pack_fragment`] packed into `fragment`.
pub fn unpack_fragment(fragment: &str) -> Result<String, FragmentError> {
    let fragment = fragment.trim();
    if fragment.len() > FRAGMENT_LIMIT {
        return Err(FragmentError::TooLarge {
            chars: fragment.len(),
        });
    }
    let packed = URL_SAFE_NO_PAD
        .decode(fragment)
        .map_err(|_| FragmentError::Corrupt)?;
    let text = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, INFLATED_LIMIT)
        .map_err(|_| FragmentError::Corrupt)?;
    String::from_utf8(text).map_err(|_| FragmentError::Corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_a_cut_fragment_is_corrupt() {
        let text = "{\"questions\": []}".repeat(40);
        let fragment = pack_fragment(&text).unwrap();
        assert_eq!(unpack_fragment(&fragment).unwrap(), text);
        assert_eq!(
            unpack_fragment(&fragment[..fragment.len() / 2]),
            Err(FragmentError::Corrupt)
        );
    }

    #[test]
    fn text_that_packs_too_long_is_refused_with_its_length() {
        // Letters from a xorshift generator barely compress: about 4.7 bits
        // each, so 60,000 of them need some 47,000 characters of base64.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let text: String = (0..60_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                char::from(b'a' + (state % 26) as u8)
            })
            .collect();
        let Err(FragmentError::TooLarge { chars }) = pack_fragment(&text) else {
            panic!("too long for a link");
        };
        assert!(chars > FRAGMENT_LIMIT);
    }
}
