//! What the data can be filtered by: the owners, sources, pipelines and products of every
//! deal and lead, and the category columns of lookup tables, whatever the period or
//! filters chosen, so a page can offer them as choices.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::ingest::lookup::{join_key, LookupTable};
use crate::model::Deal;
use crate::text::group_key;

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
    #[serde(default)]
    products: Names,
}

/// `report.filter_choices`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ChoicesReport {
    pub owners: Vec<String>,
    pub sources: Vec<String>,
    pub pipelines: Vec<String>,
    pub products: Vec<String>,
    /// The category columns of lookup tables, with their values: filters by an owner's
    /// team, an account's sector, a product's series.
    pub groups: Vec<GroupChoice>,
    /// Some list stopped at [`MAX_NAMES`].
    pub more: bool,
}

/// A lookup table's category column and its values (one spelling each, sorted).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct GroupChoice {
    pub file: String,
    /// The deals field the table is keyed by: `owner`, `account` or `product`.
    pub key: String,
    pub column: String,
    pub values: Vec<String>,
}

/// The category columns of `lookups` and their values.
fn group_choices(lookups: &[LookupTable]) -> Vec<GroupChoice> {
    let mut out = Vec::new();
    for table in lookups {
        for (c, header) in table.headers.iter().enumerate().filter(|(c, _)| table.groupable.get(*c) == Some(&true)) {
            let mut values: BTreeMap<String, String> = BTreeMap::new();
            for (_, cells) in &table.rows {
                let v = cells.get(c).map_or("", |v| v.trim());
                if !v.is_empty() {
                    values.entry(join_key(v)).or_insert_with(|| v.to_string());
                }
            }
            let mut values: Vec<String> = values.into_values().collect();
            values.sort();
            out.push(GroupChoice {
                file: table.file.clone(),
                key: table.key.clone(),
                column: header.trim().to_string(),
                values,
            });
        }
    }
    out
}

impl Choices {
    /// A deal's owner, source, pipeline and product.
    pub fn deal(&mut self, d: &Deal<'_>) {
        self.owners.observe(d.owner);
        self.sources.observe(d.source);
        self.pipelines.observe(d.pipeline);
        self.products.observe(d.product);
    }

    pub fn lead(&mut self, owner: &str, source: &str) {
        self.owners.observe(owner);
        self.sources.observe(source);
    }

    pub fn merge(&mut self, other: Choices) {
        self.owners.merge(other.owners);
        self.sources.merge(other.sources);
        self.pipelines.merge(other.pipelines);
        self.products.merge(other.products);
    }

    /// The choices, with the category columns of `lookups`.
    pub fn report(&self, lookups: &[LookupTable]) -> ChoicesReport {
        ChoicesReport {
            owners: self.owners.list(),
            sources: self.sources.list(),
            pipelines: self.pipelines.list(),
            products: self.products.list(),
            groups: group_choices(lookups),
            more: self.owners.more || self.sources.more || self.pipelines.more || self.products.more,
        }
    }
}
