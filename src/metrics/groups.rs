//! Named groups (owners, accounts, reasons, stages): grouped case-insensitively with
//! white space folded; the first spelling seen is displayed.

use crate::ingest::text::group_key;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Statistics that can be combined.
pub trait Merge {
    fn merge(&mut self, other: Self);
}

/// A map from a name's group key to its display name and statistics.
///
/// Rows name the same few owners, accounts and stages over and over: each spelling seen
/// is remembered, so a row costs one hash lookup of its text and no allocation.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Groups<T> {
    slots: Vec<(String, T)>,
    by_key: FxHashMap<String, usize>,
    #[serde(skip)]
    by_spelling: FxHashMap<Box<str>, usize>,
}

impl<T: PartialEq> PartialEq for Groups<T> {
    fn eq(&self, other: &Self) -> bool {
        self.slots == other.slots
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

impl<T> Merge for Vec<T> {
    fn merge(&mut self, o: Self) {
        self.extend(o);
    }
}

impl<T: Default + Merge> Groups<T> {
    /// The statistics for `name` (blank names go to `blank_label`).
    pub fn entry(&mut self, name: &str, blank_label: &str) -> &mut T {
        let name = crate::ingest::text::trim_cell(name);
        let name = if name.is_empty() { blank_label } else { name };
        let slot = match self.by_spelling.get(name) {
            Some(&i) => i,
            None => {
                let i = self.slot_for_key(group_key(name), name);
                self.by_spelling.insert(name.into(), i);
                i
            }
        };
        &mut self.slots[slot].1
    }

    fn slot_for_key(&mut self, key: String, name: &str) -> usize {
        match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                self.slots.push((name.to_string(), T::default()));
                self.by_key.insert(key, self.slots.len() - 1);
                self.slots.len() - 1
            }
        }
    }

    pub fn merge(&mut self, other: Groups<T>) {
        for (name, stats) in other.slots {
            let i = self.slot_for_key(group_key(&name), &name);
            self.slots[i].1.merge(stats);
        }
    }

    /// Display name and statistics, ordered by group key (callers sort as they need).
    pub fn sorted(&self) -> Vec<(&str, &T)> {
        let mut v: Vec<(&String, usize)> = self.by_key.iter().map(|(k, &i)| (k, i)).collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v.into_iter().map(|(_, i)| (self.slots[i].0.as_str(), &self.slots[i].1)).collect()
    }

    pub fn get(&self, name: &str) -> Option<&T> {
        self.by_key.get(&group_key(name)).map(|&i| &self.slots[i].1)
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}
