//! Filters: which owners, sources, pipelines and products the analysis keeps, and groups
//! of names from a lookup table (an owner's manager, an account's sector, a product's
//! series). Names match as the report's tables group them (case, spaces and letter forms
//! folded); names of a lookup group as its tables join them ([`join_key`]).

use crate::ingest::lookup::{join_key, LookupTable};
use crate::memo::Memo;
use crate::text::group_key;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::collections::BTreeSet;

/// `filters` as they arrive.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawFilters {
    /// Deal, lead, activity, quota and ticket owners kept.
    pub owners: Option<Vec<String>>,
    /// Deal and lead sources kept.
    pub sources: Option<Vec<String>>,
    /// Deal pipelines kept.
    pub pipelines: Option<Vec<String>>,
    /// Deal products kept.
    pub products: Option<Vec<String>>,
    /// Names by a lookup table's column: `{ key: "owner", column: "manager", values: […] }`.
    pub groups: Option<Vec<RawGroup>>,
}

/// A filter by a lookup table's column.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawGroup {
    /// The deals field the lookup table is keyed by (one of [`KEYS`](crate::ingest::lookup::KEYS)).
    pub key: String,
    /// The lookup table's column (its header).
    pub column: String,
    /// The column's values kept.
    pub values: Vec<String>,
}

/// One column's filter (also a drill's name: `drill::query`).
#[derive(Clone, Debug, Default)]
pub(crate) struct NameFilter {
    /// Names kept, as group keys; `None`: every name.
    wanted: Option<BTreeSet<String>>,
    seen: Memo<bool>,
}

impl NameFilter {
    pub(crate) fn new(list: &Option<Vec<String>>) -> Self {
        let keys: BTreeSet<String> = list.iter().flatten().map(|s| group_key(s)).collect();
        NameFilter { wanted: (!keys.is_empty()).then_some(keys), seen: Memo::default() }
    }

    pub(crate) fn keeps(&mut self, name: &str) -> bool {
        let Some(wanted) = &self.wanted else { return true };
        self.seen.get(name, |n| wanted.contains(&group_key(n)))
    }
}

/// A filter by a lookup table's column: the names whose row has one of the values.
#[derive(Clone, Debug, Default)]
struct GroupFilter {
    key: String,
    column: String,
    /// The values kept, as join keys.
    values: BTreeSet<String>,
    /// Join keys of the names in those values, once the lookup table is read (the page
    /// sends lookup tables first); until then no name is kept.
    names: FxHashSet<String>,
    seen: Memo<bool>,
}

impl GroupFilter {
    fn keeps(&mut self, name: &str) -> bool {
        let names = &self.names;
        self.seen.get(name, |n| names.contains(&join_key(n)))
    }

    /// Learns the names of a lookup table keyed as this filter is.
    fn learn(&mut self, table: &LookupTable) {
        let column = join_key(&self.column);
        let Some(c) = table.headers.iter().position(|h| join_key(h) == column) else { return };
        for (name, cells) in &table.rows {
            if cells.get(c).is_some_and(|v| self.values.contains(&join_key(v))) {
                self.names.insert(join_key(name));
            }
        }
        self.seen = Memo::default();
    }
}

/// Which names the analysis keeps (a filter without names keeps all).
#[derive(Clone, Debug, Default)]
pub struct Filters {
    owners: NameFilter,
    sources: NameFilter,
    pipelines: NameFilter,
    products: NameFilter,
    groups: Vec<GroupFilter>,
}

impl Filters {
    pub fn new(raw: &RawFilters) -> Self {
        let groups = raw
            .groups
            .iter()
            .flatten()
            .filter(|g| !g.values.is_empty())
            .map(|g| GroupFilter {
                key: g.key.clone(),
                column: g.column.clone(),
                values: g.values.iter().map(|v| join_key(v)).collect(),
                ..GroupFilter::default()
            })
            .collect();
        Filters {
            owners: NameFilter::new(&raw.owners),
            sources: NameFilter::new(&raw.sources),
            pipelines: NameFilter::new(&raw.pipelines),
            products: NameFilter::new(&raw.products),
            groups,
        }
    }

    /// No filter is set (checked per row: no list is built).
    pub fn is_empty(&self) -> bool {
        let names = [&self.owners, &self.sources, &self.pipelines, &self.products];
        self.groups.is_empty() && names.iter().all(|f| f.wanted.is_none())
    }

    /// Learns a lookup table's names for the filters by its columns.
    pub fn lookup(&mut self, table: &LookupTable) {
        for g in self.groups.iter_mut().filter(|g| g.key == table.key) {
            g.learn(table);
        }
    }

    fn groups_keep(&mut self, key: &str, name: &str) -> bool {
        self.groups.iter_mut().filter(|g| g.key == key).all(|g| g.keeps(name))
    }

    /// Whether a deal of this owner, source, pipeline, product and account is kept.
    pub fn keeps_deal(&mut self, owner: &str, source: &str, pipeline: &str, product: &str, account: &str) -> bool {
        self.is_empty()
            || self.keeps_owner(owner)
                && self.sources.keeps(source)
                && self.pipelines.keeps(pipeline)
                && self.products.keeps(product)
                && self.groups_keep("product", product)
                && self.groups_keep("account", account)
    }

    /// The names of the filters set: `owners`, `sources`, `pipelines`, `products`, and
    /// `owner_groups`, `account_groups`, `product_groups` for lookup columns.
    pub fn set(&self) -> Vec<&'static str> {
        let mut set: Vec<&'static str> = [
            ("owners", &self.owners),
            ("sources", &self.sources),
            ("pipelines", &self.pipelines),
            ("products", &self.products),
        ]
        .into_iter()
        .filter(|(_, f)| f.wanted.is_some())
        .map(|(n, _)| n)
        .collect();
        for (key, name) in [("owner", "owner_groups"), ("account", "account_groups"), ("product", "product_groups")] {
            if self.groups.iter().any(|g| g.key == key) {
                set.push(name);
            }
        }
        set
    }

    /// Whether rows of this owner are kept (by name, and by the owners' lookup groups).
    pub fn keeps_owner(&mut self, owner: &str) -> bool {
        self.owners.keeps(owner) && self.groups_keep("owner", owner)
    }

    pub fn keeps_source(&mut self, source: &str) -> bool {
        self.sources.keeps(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lookup_group_keeps_the_names_of_its_values() {
        let raw = RawFilters {
            groups: Some(vec![RawGroup {
                key: "owner".into(),
                column: "Manager".into(),
                values: vec!["dustin".into()],
            }]),
            ..RawFilters::default()
        };
        let mut f = Filters::new(&raw);
        assert_eq!(f.set(), ["owner_groups"]);
        assert!(!f.keeps_owner("Ann"), "nothing is kept before the lookup table is read");
        let mut table = LookupTable::new("teams.csv", "owner", &["sales_agent".into(), "manager".into()]);
        table.push(vec!["Ann ".into(), "Dustin".into()]);
        table.push(vec!["Bob".into(), "Melvin".into()]);
        f.lookup(&table);
        assert!(f.keeps_owner("ann") && !f.keeps_owner("Bob") && !f.keeps_owner("Cy"));
        assert!(f.keeps_deal("Ann", "", "", "", ""));
    }
}
