//! 64-bit hashes of ids and names, the same in every worker, run and platform.
//!
//! Distinct orders, won deals and linked leads are counted by 64-bit hashes of their ids,
//! and parts read by different workers are merged by them, so the hash must be fixed
//! (no per-process seed) and 64 bits wide on wasm32 too: `FxHasher` is as wide as a
//! pointer, and its 32 bits there gave a collision (an order not counted) every 4 billion
//! pairs — about 116 in a million orders. foldhash's `quality` hasher keeps 64 bits of
//! state on every target.

use std::hash::BuildHasher;

/// A hasher with the crate's fixed seed.
pub fn hasher() -> foldhash::quality::FoldHasher<'static> {
    foldhash::quality::FixedState::with_seed(0x5A1E_5BE7_71C5_0001).build_hasher()
}

/// An id's 64-bit hash (deal, lead, order ids; trimmed), the same in every worker and on
/// every target.
pub fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = hasher();
    id.trim().hash(&mut h);
    h.finish()
}

/// [`id_hash`] of an id cell, 0 when it is blank (no id, which links to nothing).
pub fn id_key(id: &str) -> u64 {
    if id.is_empty() {
        0
    } else {
        id_hash(id)
    }
}
