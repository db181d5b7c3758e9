//! What the data can be filtered by: the owners, sources and pipelines of every deal and
//! lead, whatever the period or filters chosen, so a page can offer them as choices.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::ingest::text::group_key;

/// Spellings kept per list; a file with more distinct names than this (ids written in
/// the owner column, say) lists the first ones and says there are more.
pub const MAX_NAMES: usize = 1000;

/// Distinct spellings as written, up to [`MAX_NAMES`].
#[derive(Default, Serialize, Deserialize)]
struct Names {
    seen: FxHashSet<Box<str>>,
    more: bool,
}

impl Names {
    fn observe(&mut self, name: &str) {
        if name.is_empty() || self.seen.contains(name) {
            return;
        }
        if self.seen.len() < MAX_NAMES {
            self.seen.insert(name.into());
        } else {
            self.more = true;
        }
    }

    fn merge(&mut self, other: Names) {
        self.more |= other.more;
        for name in other.seen {
            self.observe(&name);
        }
    }

    /// One spelling per name (names match trimmed and case-insensitively, as filters
    /// do), sorted; the first spelling in sort order stands for the others.
    fn list(&self) -> Vec<String> {
        let mut sorted: Vec<&str> = self.seen.iter().map(|s| &**s).collect();
        sorted.sort_unstable();
        let mut by_key: BTreeMap<String, &str> = BTreeMap::new();
        for name in sorted {
            by_key.entry(group_key(name)).or_insert(name);
        }
        by_key.into_values().map(str::to_string).collect()
    }
}

#[derive(Default, Serialize, Deserialize)]
pub struct Choices {
    owners: Names,
    sources: Names,
    pipelines: Names,
}

/// `report.filter_choices`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ChoicesReport {
    pub owners: Vec<String>,
    pub sources: Vec<String>,
    pub pipelines: Vec<String>,
    /// Some list stopped at [`MAX_NAMES`].
    pub more: bool,
}

impl Choices {
    pub fn deal(&mut self, owner: &str, source: &str, pipeline: &str) {
        self.owners.observe(owner);
        self.sources.observe(source);
        self.pipelines.observe(pipeline);
    }

    pub fn lead(&mut self, owner: &str, source: &str) {
        self.owners.observe(owner);
        self.sources.observe(source);
    }

    pub fn merge(&mut self, other: Choices) {
        self.owners.merge(other.owners);
        self.sources.merge(other.sources);
        self.pipelines.merge(other.pipelines);
    }

    pub fn report(&self) -> ChoicesReport {
        ChoicesReport {
            owners: self.owners.list(),
            sources: self.sources.list(),
            pipelines: self.pipelines.list(),
            more: self.owners.more || self.sources.more || self.pipelines.more,
        }
    }
}
