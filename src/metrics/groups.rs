//! Named groups (owners, accounts, reasons, stages): grouped case-insensitively with
//! white space folded; the first spelling seen is displayed.

use crate::text::group_chars;
use hashbrown::HashTable;
use serde::{Deserialize, Serialize};
use std::hash::Hasher;

/// Statistics that can be combined.
pub trait Merge {
    fn merge(&mut self, other: Self);
}

/// A map from a name's group key to its display name and statistics.
///
/// Rows name the same few owners, accounts and stages over and over: each spelling seen
/// is remembered, so a row costs one hash lookup of its text and no allocation. A file
/// may also name millions (customers, or an id column taken for the owner), so a name
/// costs its bytes once plus about 30 bytes and its statistics: see [`Names`].
#[derive(Clone, Debug)]
pub struct Groups<T> {
    names: Names,
    /// Per group, its statistics.
    stats: Chunked<T>,
}

/// Entries of a [`Chunked`] list after its first chunk.
const CHUNK: usize = 4096;
/// Bytes of a chunk of the names' text after the first.
const TEXT_CHUNK: usize = 1 << 20;

/// A list kept in chunks of [`CHUNK`] entries, so that growing it never copies it: a
/// doubling `Vec` of five million statistics holds its old and its new buffer at once
/// (1.5 times the list) and, doubled, half of it empty. The first chunk grows as a `Vec`
/// does, so that the many small lists stay small.
#[derive(Clone, Debug)]
struct Chunked<T> {
    chunks: Vec<Vec<T>>,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked { chunks: Vec::new() }
    }
}

impl<T> Chunked<T> {
    fn len(&self) -> usize {
        self.chunks.last().map_or(0, |last| (self.chunks.len() - 1) * CHUNK + last.len())
    }

    fn push(&mut self, value: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => last.push(value),
            _ => {
                let mut chunk = Vec::with_capacity(if self.chunks.is_empty() { 4 } else { CHUNK });
                chunk.push(value);
                self.chunks.push(chunk);
            }
        }
    }

    fn get(&self, i: usize) -> &T {
        &self.chunks[i / CHUNK][i % CHUNK]
    }

    fn get_mut(&mut self, i: usize) -> &mut T {
        &mut self.chunks[i / CHUNK][i % CHUNK]
    }

    fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flatten()
    }
}

/// The names of [`Groups`], apart from their statistics (so that one copy of this code
/// serves every kind of statistics): spellings live end to end in one string, and the
/// two hash tables hold 4-byte indices.
#[derive(Clone, Debug, Default)]
struct Names {
    /// Every distinct spelling, end to end, in chunks of [`TEXT_CHUNK`] bytes.
    text: Vec<String>,
    /// Where each spelling is in `text`, and its group.
    spellings: Chunked<Spelling>,
    /// Spelling indices (with the top of their hash, so that growing the table reads no
    /// text), hashed by the spelling's bytes.
    by_spelling: HashTable<(u32, u32)>,
    /// Group indices (and hash tops), hashed by the group key of their display spelling.
    by_key: HashTable<(u32, u32)>,
    /// Per group: its display spelling (the first seen).
    display: Chunked<u32>,
}

#[derive(Clone, Copy, Debug)]
struct Spelling {
    chunk: u32,
    start: u32,
    len: u32,
    group: u32,
}

impl<T> Default for Groups<T> {
    fn default() -> Self {
        Groups { names: Names::default(), stats: Chunked::default() }
    }
}

/// A table hash from the top 32 bits of a 64-bit hash: the tables keep those bits beside
/// each index and rebuild the hash from them when they grow.
fn from_top(top: u32) -> u64 {
    (u64::from(top) << 32) | u64::from(top)
}

fn top(h: u64) -> u32 {
    (h >> 32) as u32
}

fn hash_bytes(s: &str) -> u64 {
    let mut h = crate::hashing::hasher();
    h.write(s.as_bytes());
    from_top(top(h.finish()))
}

/// The hash of `s`'s group key, fed a character at a time either way, so that an ASCII
/// name and a name whose key folds to the same ASCII (`K` for the Kelvin sign) agree.
fn hash_key(s: &str) -> u64 {
    let mut h = crate::hashing::hasher();
    if s.is_ascii() {
        AsciiKey::new(s).for_each(|b| h.write_u32(u32::from(b)));
    } else {
        group_chars(s).for_each(|c| h.write_u32(c as u32));
    }
    from_top(top(h.finish()))
}

fn same_key(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        AsciiKey::new(a).eq(AsciiKey::new(b))
    } else {
        group_chars(a).eq(group_chars(b))
    }
}

/// [`group_chars`] of an ASCII name, byte by byte: words lower-cased, white space runs
/// as one space, none at either end.
struct AsciiKey<'a> {
    bytes: &'a [u8],
    at: usize,
    /// A byte was given out.
    started: bool,
    /// White space was passed since the last byte given out.
    space: bool,
}

impl<'a> AsciiKey<'a> {
    fn new(s: &'a str) -> Self {
        AsciiKey { bytes: s.as_bytes(), at: 0, started: false, space: false }
    }
}

impl Iterator for AsciiKey<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        loop {
            let b = *self.bytes.get(self.at)?;
            // the white space of `char::is_whitespace` in ASCII
            if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                self.at += 1;
                self.space = self.started;
                continue;
            }
            if std::mem::take(&mut self.space) {
                return Some(b' ');
            }
            self.started = true;
            self.at += 1;
            return Some(b.to_ascii_lowercase());
        }
    }
}

impl Names {
    fn spelling(&self, i: u32) -> &str {
        let s = *self.spellings.get(i as usize);
        let start = s.start as usize;
        &self.text[s.chunk as usize][start..start + s.len as usize]
    }

    /// The display name of group `g`.
    fn name(&self, g: u32) -> &str {
        self.spelling(*self.display.get(g as usize))
    }

    /// Adds `name` to the text; where it is.
    fn add_text(&mut self, name: &str) -> (u32, u32) {
        match self.text.last_mut() {
            Some(last) if last.len() + name.len() <= TEXT_CHUNK => {
                let start = last.len() as u32;
                last.push_str(name);
                (self.text.len() as u32 - 1, start)
            }
            _ => {
                let mut chunk =
                    String::with_capacity(if self.text.is_empty() { 64 } else { TEXT_CHUNK.max(name.len()) });
                chunk.push_str(name);
                self.text.push(chunk);
                (self.text.len() as u32 - 1, 0)
            }
        }
    }

    fn groups(&self) -> usize {
        self.display.len()
    }

    /// The group of `name` (trimmed; blank → `blank_label`), and whether it is new.
    fn index(&mut self, name: &str, blank_label: &str) -> (u32, bool) {
        let name = crate::text::trim_cell(name);
        let name = if name.is_empty() { blank_label } else { name };
        let hash = hash_bytes(name);
        if let Some(&(i, _)) = self.by_spelling.find(hash, |&(i, _)| self.spelling(i) == name) {
            return (self.spellings.get(i as usize).group, false);
        }
        let (group, new) = self.group_for(name);
        let i = self.spellings.len() as u32;
        let (chunk, start) = self.add_text(name);
        self.spellings.push(Spelling { chunk, start, len: name.len() as u32, group });
        self.by_spelling.insert_unique(hash, (i, top(hash)), |&(_, t)| from_top(t));
        (group, new)
    }

    /// The group of `name`'s key, made (with `name` as its display spelling, the next
    /// spelling added) when new.
    fn group_for(&mut self, name: &str) -> (u32, bool) {
        let hash = hash_key(name);
        if let Some(&(g, _)) = self.by_key.find(hash, |&(g, _)| same_key(self.name(g), name)) {
            return (g, false);
        }
        let g = self.display.len() as u32;
        self.display.push(self.spellings.len() as u32);
        self.by_key.insert_unique(hash, (g, top(hash)), |&(_, t)| from_top(t));
        (g, true)
    }

    fn find(&self, name: &str) -> Option<u32> {
        let name = crate::text::trim_cell(name);
        self.by_key.find(hash_key(name), |&(g, _)| same_key(self.name(g), name)).map(|&(g, _)| g)
    }

    /// Group indices ordered by group key.
    fn sorted(&self) -> Vec<u32> {
        let mut v: Vec<u32> = (0..self.groups() as u32).collect();
        v.sort_by(|&a, &b| {
            let (a, b) = (self.name(a), self.name(b));
            if a.is_ascii() && b.is_ascii() {
                AsciiKey::new(a).cmp(AsciiKey::new(b))
            } else {
                group_chars(a).cmp(group_chars(b))
            }
        });
        v
    }
}

impl<T> Groups<T> {
    /// The display name of group `g`.
    pub fn name_at(&self, g: u32) -> &str {
        self.names.name(g)
    }

    /// Display name and statistics, ordered by group key (callers sort as they need).
    pub fn sorted(&self) -> Vec<(&str, &T)> {
        self.names.sorted().into_iter().map(|g| (self.names.name(g), self.stats.get(g as usize))).collect()
    }

    pub fn get(&self, name: &str) -> Option<&T> {
        self.names.find(name).map(|g| self.stats.get(g as usize))
    }

    /// The statistics of every group, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.stats.iter()
    }

    pub fn len(&self) -> usize {
        self.stats.len()
    }
}

impl<T: PartialEq> PartialEq for Groups<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && (0..self.len() as u32).all(|g| self.name_at(g) == other.name_at(g))
            && self.stats.iter().eq(other.stats.iter())
    }
}

/// Written as `(display name, statistics)` pairs; read back by grouping them again.
impl<T: Serialize> Serialize for Groups<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.stats.len()))?;
        for (g, stats) in self.stats.iter().enumerate() {
            seq.serialize_element(&(self.name_at(g as u32), stats))?;
        }
        seq.end()
    }
}

impl<'de, T: Deserialize<'de> + Default + Merge> Deserialize<'de> for Groups<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let pairs: Vec<(String, T)> = Vec::deserialize(deserializer)?;
        let mut groups: Groups<T> = Groups::default();
        for (name, stats) in pairs {
            groups.entry(&name, "").merge(stats);
        }
        Ok(groups)
    }
}

impl<A: Merge, B: Merge> Merge for (A, B) {
    fn merge(&mut self, o: Self) {
        self.0.merge(o.0);
        self.1.merge(o.1);
    }
}

impl Merge for rust_decimal::Decimal {
    /// A sum past Decimal's range stops growing instead of panicking.
    fn merge(&mut self, o: Self) {
        *self = self.checked_add(o).unwrap_or(*self);
    }
}

/// Sums per day (or bucket). Mergeable.
impl Merge for std::collections::BTreeMap<chrono::NaiveDate, rust_decimal::Decimal> {
    fn merge(&mut self, o: Self) {
        for (day, amount) in o {
            self.entry(day).or_default().merge(amount);
        }
    }
}

impl Merge for () {
    fn merge(&mut self, _: ()) {}
}

impl<T> Merge for Vec<T> {
    fn merge(&mut self, o: Self) {
        self.extend(o);
    }
}

impl<T: Default + Merge> Groups<T> {
    /// The statistics for `name` (blank names go to `blank_label`).
    pub fn entry(&mut self, name: &str, blank_label: &str) -> &mut T {
        let g = self.index(name, blank_label);
        self.stats.get_mut(g as usize)
    }

    /// The index of `name`'s group (made when new), for callers that keep their own
    /// data per group; [`Groups::name_at`] gives its display name back.
    pub fn index(&mut self, name: &str, blank_label: &str) -> u32 {
        let (g, new) = self.names.index(name, blank_label);
        if new {
            self.stats.push(T::default());
        }
        g
    }

    pub fn merge(&mut self, mut other: Groups<T>) {
        let stats = std::mem::take(&mut other.stats);
        for (g, stats) in stats.chunks.into_iter().flatten().enumerate() {
            self.entry(other.names.name(g as u32), "").merge(stats);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::group_key;

    #[test]
    fn ascii_keys_are_group_keys() {
        for s in ["", " ", "Ann", "  Ann   SMITH ", "a\tb\r\nc", "x\u{b}y\u{c}z ", "A  b"] {
            let fast: String = AsciiKey::new(s).map(char::from).collect();
            assert_eq!(fast, group_key(s), "{s:?}");
        }
    }

    #[test]
    fn names_group_by_key_and_show_the_first_spelling() {
        let mut g: Groups<u64> = Groups::default();
        *g.entry("  Ann  Smith", "-") += 1;
        *g.entry("ANN SMITH", "-") += 2;
        *g.entry("\u{212A}im", "-") += 4; // Kelvin sign: its key is `kim`
        *g.entry("kim", "-") += 8;
        *g.entry("", "(none)") += 16;
        for i in 0..10_000 {
            *g.entry(&format!("name {i}"), "-") += 1;
        }
        assert_eq!(g.len(), 10_003);
        assert_eq!(g.get("ann smith"), Some(&3));
        assert_eq!(g.get("KIM"), Some(&12));
        assert_eq!(g.get("(NONE)"), Some(&16));
        assert_eq!(g.get("name 9999"), Some(&1));
        let sorted = g.sorted();
        assert_eq!(sorted[0], ("(none)", &16));
        assert_eq!(sorted[1], ("Ann  Smith", &3));
        let mut other: Groups<u64> = Groups::default();
        *other.entry("ann smith", "-") += 100;
        *other.entry("Zoe", "-") += 1;
        g.merge(other.clone());
        assert_eq!(g.get("Ann Smith"), Some(&103));
        assert_eq!(g.len(), 10_004);
        // past a text chunk (1 MiB) and many list chunks
        let mut big: Groups<u64> = Groups::default();
        for i in 0..60_000u64 {
            *big.entry(&format!("a rather long name {i:06}"), "-") += i;
        }
        assert_eq!(big.len(), 60_000);
        assert_eq!(big.get("A RATHER LONG NAME 059999"), Some(&59_999));
        assert_eq!(big.sorted()[12_345].0, "a rather long name 012345");
        let bytes = postcard::to_allocvec(&g).unwrap();
        let back: Groups<u64> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, g);
    }
}
