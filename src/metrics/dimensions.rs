//! Deal tables grouped by the columns of lookup tables: the sales of each account summed
//! by the account's sector, of each owner by their manager, of each product by its
//! series. Names join as [`join_key`] folds them; names the lookup table lacks are one row,
//! counted and shown.

use super::deals::{sales_table, DealsAgg, SalesStats};
use super::groups::Merge;
use crate::ingest::lookup::{join_key, LookupTable};
use crate::report::Dimension;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

const FORMULA: &str = "deal sales per name (owner, account, product) summed by a column of its lookup table";
/// Names the lookup table lacks, listed as examples.
const EXAMPLES: usize = 5;

/// One [`Dimension`] per category column of every lookup table whose key the deals have.
pub fn tables(deals: &DealsAgg, lookups: &[LookupTable]) -> Vec<Dimension> {
    let mut out = Vec::new();
    for lookup in lookups {
        let Some(groups) = deals.sales_by(&lookup.key) else { continue };
        let rows: FxHashMap<String, &Vec<String>> = lookup.rows.iter().map(|(k, r)| (join_key(k), r)).collect();
        // Each deal name's row of the lookup table (None: not in it), found once for all columns.
        let found: Vec<(&str, &SalesStats, Option<&&Vec<String>>)> =
            groups.iter().map(|(name, stats)| (*name, *stats, rows.get(&join_key(name)))).collect();
        let unmatched: Vec<&str> = found.iter().filter(|(_, _, r)| r.is_none()).map(|(name, _, _)| *name).collect();
        for (c, header) in lookup.headers.iter().enumerate() {
            if !lookup.groupable.get(c).copied().unwrap_or(false) {
                continue;
            }
            // Display name per group key (the first spelling), and the summed sales.
            let mut by_value: BTreeMap<String, (String, SalesStats)> = BTreeMap::new();
            let missing = format!("(not in {})", lookup.file);
            for (_, stats, row) in &found {
                let value = match row {
                    Some(r) if !r[c].trim().is_empty() => r[c].trim().to_string(),
                    Some(_) => "(blank)".to_string(),
                    None => missing.clone(),
                };
                let slot = by_value.entry(join_key(&value)).or_insert_with(|| (value, SalesStats::default()));
                slot.1.merge((*stats).clone());
            }
            let named: Vec<(&str, &SalesStats)> = by_value.values().map(|(v, s)| (v.as_str(), s)).collect();
            out.push(Dimension {
                file: lookup.file.clone(),
                key: lookup.key.clone(),
                column: header.trim().to_string(),
                table: sales_table("group", named, deals.revenue(), FORMULA),
                unmatched: unmatched.len() as u64,
                unmatched_examples: unmatched.iter().take(EXAMPLES).map(|s| s.to_string()).collect(),
            });
        }
    }
    out
}
