//! Named groups (owners, accounts, reasons, stages): grouped case-insensitively with
//! white space folded; the first spelling seen is displayed.

use crate::ingest::text::group_key;
use std::collections::HashMap;

/// Statistics that can be combined.
pub trait Merge {
    fn merge(&mut self, other: Self);
}

/// A map from a name's group key to its display name and statistics.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Groups<T> {
    map: HashMap<String, (String, T)>,
}

impl<T: Default + Merge> Groups<T> {
    /// The statistics for `name` (blank names go to `blank_label`).
    pub fn entry(&mut self, name: &str, blank_label: &str) -> &mut T {
        let name = name.trim();
        let name = if name.is_empty() { blank_label } else { name };
        let key = group_key(name);
        &mut self.map.entry(key).or_insert_with(|| (name.to_string(), T::default())).1
    }

    pub fn merge(&mut self, other: Groups<T>) {
        for (key, (name, stats)) in other.map {
            match self.map.get_mut(&key) {
                Some((_, mine)) => mine.merge(stats),
                None => {
                    self.map.insert(key, (name, stats));
                }
            }
        }
    }

    /// Display name and statistics, ordered by group key (callers sort as they need).
    pub fn sorted(&self) -> Vec<(&str, &T)> {
        let mut v: Vec<(&String, &(String, T))> = self.map.iter().collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v.into_iter().map(|(_, (name, t))| (name.as_str(), t)).collect()
    }

    pub fn get(&self, name: &str) -> Option<&T> {
        self.map.get(&group_key(name)).map(|(_, t)| t)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
