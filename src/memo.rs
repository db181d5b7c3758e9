//! What each spelling of a column means, decided once. A column holds a few distinct words
//! over many rows (stages, statuses, activity types, sources, owners), so each spelling is
//! decided once (normalised, classified, looked up) and then costs a hash lookup. Up to
//! [`REMEMBERED`] spellings are kept; past them (ids in a column of names, say) a word is
//! decided each time it comes, so memory stays bounded.

use rustc_hash::FxHashMap;

/// Spellings remembered per column.
pub const REMEMBERED: usize = 10_000;

/// The decisions of one column, by spelling.
#[derive(Clone, Debug)]
pub struct Memo<T>(FxHashMap<Box<str>, T>);

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(FxHashMap::default())
    }
}

impl<T: Copy> Memo<T> {
    /// What `word` means: remembered, else `decide(word)` (then remembered while there is
    /// room).
    #[inline]
    pub fn get(&mut self, word: &str, decide: impl FnOnce(&str) -> T) -> T {
        match self.0.get(word) {
            Some(&t) => t,
            None => self.decide(word, decide),
        }
    }

    /// A spelling not seen yet (rare: kept out of the row's path).
    #[cold]
    #[inline(never)]
    fn decide(&mut self, word: &str, decide: impl FnOnce(&str) -> T) -> T {
        let t = decide(word);
        if self.0.len() < REMEMBERED {
            self.0.insert(word.into(), t);
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_spelling_is_decided_once_while_there_is_room() {
        let mut memo = Memo::default();
        let mut calls = 0;
        for w in ["a", "b", "a", "a"] {
            memo.get(w, |w| {
                calls += 1;
                w.len()
            });
        }
        assert_eq!(calls, 2);
        for i in 0..REMEMBERED + 5 {
            memo.get(&i.to_string(), |_| 0);
        }
        let mut past = 0;
        memo.get("new", |_| {
            past += 1;
            0
        });
        memo.get("new", |_| {
            past += 1;
            0
        });
        assert_eq!(past, 2, "past the room, a word is decided each time");
    }
}
