//! `deal_funnel` (the "reached" type): how many deals, and how much value, reached each
//! stage, with stage-to-stage conversion and leakage (METRICS.md "Funnel").
//!
//! Without stage history a deal reached every stage up to its current one; a won deal
//! reached all stages; a lost deal reached up to `lost_stage` when given, else only the
//! first stage. The cohort is the deals created in the period.

use super::groups::{Groups, Merge};
use super::stats::Tally;
use crate::model::Deal;
use crate::report::{money, number, row, Table};
use crate::stages::{stage_rank, status_from_stage, Status};
use crate::text::group_key;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

pub const FUNNEL_FORMULA: &str = "deals that reached each stage (current stage and every stage before it; won deals all stages; lost deals up to lost_stage, else the first stage), conversion and leakage between consecutive stages, for deals created in period";

/// Label of the first stage when the data names no open stage at all.
const ALL_DEALS: &str = "(all deals)";
/// Rank of a stage name we do not recognise: between "demo" and "proposal".
const UNKNOWN_RANK: u32 = 55;

/// Orders open stage names (with how many deals sit there): the user's order first, then
/// by typical sales-process position, then more deals first, then by name. Also says
/// whether the user's order applied.
pub fn order_stages(mut names: Vec<(String, u64)>, user_order: &[String]) -> (Vec<String>, bool) {
    // Keys computed once per name (thousands of stage names sort in n log n, not n²).
    let user: FxHashMap<String, usize> = user_order.iter().enumerate().rev().map(|(i, u)| (group_key(u), i)).collect();
    let mut user_ordered = false;
    names.sort_by_cached_key(|(n, c)| {
        let key = group_key(n);
        let position = user.get(&key).copied();
        user_ordered |= position.is_some();
        (position.unwrap_or(usize::MAX), stage_rank(n).unwrap_or(UNKNOWN_RANK), u64::MAX - c, key)
    });
    (names.into_iter().map(|(n, _)| n).collect(), user_ordered)
}

/// Funnel counts of one cohort. Mergeable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FunnelAgg {
    open: Groups<Tally>,
    lost_at: Groups<Tally>,
    lost_unplaced: Tally,
    won: Tally,
    won_stage_names: Groups<u64>,
}

impl FunnelAgg {
    pub fn observe(&mut self, d: &Deal<'_>) {
        match d.status {
            Status::Open => self.open.entry(d.stage, "(no stage)").add(d.amount),
            Status::Won => {
                self.won.add(d.amount);
                if !d.stage.trim().is_empty() {
                    *self.won_stage_names.entry(d.stage, "") += 1;
                }
            }
            Status::Lost => {
                if d.lost_stage.trim().is_empty() {
                    self.lost_unplaced.add(d.amount);
                } else {
                    self.lost_at.entry(d.lost_stage, "").add(d.amount);
                }
            }
        }
    }

    pub fn merge(&mut self, o: FunnelAgg) {
        self.open.merge(o.open);
        self.lost_at.merge(o.lost_at);
        self.lost_unplaced.merge(o.lost_unplaced);
        self.won.merge(o.won);
        self.won_stage_names.merge(o.won_stage_names);
    }

    /// Stage order: the user's stages first (in their order), then the others by
    /// typical sales-process position, then by how many deals sit there (more first),
    /// then by name; the won stage last.
    fn stages(&self, user_order: &[String]) -> (Vec<String>, bool) {
        let mut names: Vec<(String, u64)> = Vec::new();
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let mut add = |name: &str, count: u64| {
            if status_from_stage(name) != Status::Open {
                return;
            }
            match index.entry(group_key(name)) {
                std::collections::hash_map::Entry::Occupied(i) => names[*i.get()].1 += count,
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(names.len());
                    names.push((name.to_string(), count));
                }
            }
        };
        for (name, t) in self.open.sorted() {
            add(name, t.count);
        }
        for (name, _) in self.lost_at.sorted() {
            add(name, 0);
        }
        let (mut stages, user_ordered) = order_stages(names, user_order);
        if stages.is_empty() {
            stages.push(ALL_DEALS.to_string());
        }
        (stages, user_ordered)
    }

    fn won_label(&self) -> String {
        let mut best: Option<(&str, u64)> = None;
        for (name, c) in self.won_stage_names.sorted() {
            if status_from_stage(name) == Status::Won && best.is_none_or(|(_, bc)| *c > bc) {
                best = Some((name, *c));
            }
        }
        best.map_or_else(|| "Won".to_string(), |(n, _)| n.to_string())
    }

    pub fn finish(&self, user_order: &[String]) -> Table {
        let (mut stages, user_ordered) = self.stages(user_order);
        let won_index = stages.len();
        stages.push(self.won_label());
        // A deal that got as far as stage i reached every stage up to i: add it at i, then
        // sum from the last stage back (linear in stages, however many there are).
        let mut at = vec![Tally::default(); stages.len()];
        let positions: FxHashMap<String, usize> =
            stages[..won_index].iter().enumerate().rev().map(|(i, s)| (group_key(s), i)).collect();
        let index_of = |name: &str| positions.get(&group_key(name)).copied();
        let mut credit = |upto: usize, t: &Tally| {
            at[upto].count += t.count;
            at[upto].sum += t.sum;
        };
        for (name, t) in self.open.sorted() {
            credit(index_of(name).unwrap_or(0), t);
        }
        for (name, t) in self.lost_at.sorted() {
            credit(index_of(name).unwrap_or(0), t);
        }
        credit(0, &self.lost_unplaced);
        credit(won_index, &self.won);
        let mut reached = at;
        for i in (0..reached.len().saturating_sub(1)).rev() {
            let next = reached[i + 1];
            reached[i].count += next.count;
            reached[i].sum += next.sum;
        }

        let rows = stages
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                let here = reached[i].count;
                let ratio = |n: u64, d: u64| if d == 0 { Value::Null } else { number(n as f64 / d as f64) };
                let conversion = if i == 0 { Value::Null } else { ratio(here, reached[i - 1].count) };
                let (drop, drop_share) = match reached.get(i + 1) {
                    Some(next) => {
                        let drop = here.saturating_sub(next.count);
                        (json!(drop), ratio(drop, here))
                    }
                    None => (Value::Null, Value::Null),
                };
                row(&[
                    ("stage", json!(stage)),
                    ("reached", json!(here)),
                    ("value", money(reached[i].sum)),
                    ("conversion", conversion),
                    ("drop_off", drop),
                    ("drop_off_share", drop_share),
                ])
            })
            .collect();
        let columns = vec!["stage", "reached", "value", "conversion", "drop_off", "drop_off_share"];
        Table::new(columns, rows, FUNNEL_FORMULA)
            .with("type", json!("reached"))
            .with("order", json!(if user_ordered { "user" } else { "inferred" }))
            .with("overall_conversion", {
                let first = reached.first().map_or(0, |r| r.count);
                if first == 0 {
                    Value::Null
                } else {
                    number(self.won.count as f64 / first as f64)
                }
            })
    }
}
