//! From a stage_history file (deal_id, stage, entered_date): the exact `deal_funnel` (a
//! deal reached a stage when it entered it, or a later one) and `time_in_stage` (days
//! from entering a stage to entering the next).

use super::funnel::order_stages;
use super::groups::Groups;
use super::stats::Histogram;
use crate::model::StageChange;
use crate::period::Period;
use crate::report::{number, row, Report, Table};
use crate::stages::{status_from_stage, Status};
use crate::text::group_key;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const FUNNEL: &str = "deals whose first stage entry is in period that entered each stage (or a later one), from stage history; conversion and leakage between consecutive stages";
const TIME: &str = "days from entering a stage to entering the next, per stage: mean and median";

/// Every stage entry (the exact funnel needs each deal's path). Mergeable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HistoryAgg {
    period: Period,
    entries: Vec<(String, String, NaiveDateTime)>,
}

impl HistoryAgg {
    pub fn new(period: Period) -> Self {
        HistoryAgg { period, entries: Vec::new() }
    }

    pub fn observe(&mut self, c: &StageChange<'_>) {
        if let Some(at) = c.at {
            if !c.deal_id.is_empty() && !c.stage.is_empty() {
                self.entries.push((c.deal_id.to_string(), c.stage.to_string(), at));
            }
        }
    }

    /// Each deal's stage at `end`: the last one it entered before that day.
    pub fn stages_at(&self, end: Option<chrono::NaiveDate>) -> super::pipeline::StagesAt {
        let mut last: rustc_hash::FxHashMap<u64, (NaiveDateTime, &str)> = rustc_hash::FxHashMap::default();
        let Some(end) = end else { return super::pipeline::StagesAt::default() };
        for (deal, stage, at) in self.entries.iter().filter(|(_, _, at)| at.date() < end) {
            let slot = last.entry(crate::hashing::id_hash(deal)).or_insert((*at, stage));
            if *at >= slot.0 {
                *slot = (*at, stage);
            }
        }
        last.into_iter().map(|(id, (_, stage))| (id, stage.into())).collect()
    }

    pub fn merge(&mut self, o: HistoryAgg) {
        self.entries.extend(o.entries);
    }

    pub fn finish(&self, user_order: &[String], report: &mut Report) {
        if self.entries.is_empty() {
            return;
        }
        // each deal's path, in time order
        let mut deals: Groups<Vec<(NaiveDateTime, String)>> = Groups::default();
        let mut counts: Groups<u64> = Groups::default();
        for (deal, stage, at) in &self.entries {
            deals.entry(deal, "").push((*at, stage.clone()));
            if status_from_stage(stage) == Status::Open {
                *counts.entry(stage, "") += 1;
            }
        }
        let names: Vec<(String, u64)> = counts.sorted().into_iter().map(|(n, c)| (n.to_string(), *c)).collect();
        let (mut order, user_ordered) = order_stages(names, user_order);
        let won_label = self
            .entries
            .iter()
            .find(|(_, s, _)| status_from_stage(s) == Status::Won)
            .map_or_else(|| "Won".to_string(), |(_, s, _)| s.clone());
        order.push(won_label);
        let index = |stage: &str| -> Option<usize> {
            match status_from_stage(stage) {
                Status::Won => Some(order.len() - 1),
                Status::Lost => None,
                Status::Open => order.iter().position(|o| group_key(o) == group_key(stage)),
            }
        };
        let mut reached = vec![0u64; order.len()];
        let mut days: Vec<Histogram<i64>> = vec![Histogram::default(); order.len()];
        let mut sums = vec![0i64; order.len()];
        for (_, path) in deals.sorted() {
            let mut path = path.clone();
            path.sort();
            let Some((first, _)) = path.first() else { continue };
            if !self.period.contains(Some(first.date())) {
                continue;
            }
            let furthest = path.iter().filter_map(|(_, s)| index(s)).max();
            if let Some(f) = furthest {
                for r in reached.iter_mut().take(f + 1) {
                    *r += 1;
                }
            }
            for pair in path.windows(2) {
                if let Some(i) = index(&pair[0].1) {
                    let d = (pair[1].0 - pair[0].0).num_days();
                    days[i].add(d);
                    sums[i] += d;
                }
            }
        }
        let pct = |n: u64, d: u64| if d == 0 { Value::Null } else { number(n as f64 / d as f64) };
        let funnel_rows = order
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                let (drop, share) = match reached.get(i + 1) {
                    Some(next) => {
                        let d = reached[i].saturating_sub(*next);
                        (json!(d), pct(d, reached[i]))
                    }
                    None => (Value::Null, Value::Null),
                };
                row(&[
                    ("stage", json!(stage)),
                    ("reached", json!(reached[i])),
                    ("conversion", if i == 0 { Value::Null } else { pct(reached[i], reached[i - 1]) }),
                    ("drop_off", drop),
                    ("drop_off_share", share),
                ])
            })
            .collect();
        let columns = vec!["stage", "reached", "conversion", "drop_off", "drop_off_share"];
        report.tables.insert(
            "deal_funnel",
            Table::new(columns, funnel_rows, FUNNEL)
                .with("type", json!("exact"))
                .with("order", json!(if user_ordered { "user" } else { "inferred" })),
        );
        let time_rows = order
            .iter()
            .enumerate()
            .filter(|(i, _)| !days[*i].is_empty())
            .map(|(i, stage)| {
                let n = days[i].len();
                row(&[
                    ("stage", json!(stage)),
                    ("deals", json!(n)),
                    ("mean_days", number(sums[i] as f64 / n as f64)),
                    ("median_days", super::stats::median_whole(&days[i]).map_or(Value::Null, number)),
                ])
            })
            .collect();
        report
            .tables
            .insert("time_in_stage", Table::new(vec!["stage", "deals", "mean_days", "median_days"], time_rows, TIME));
    }
}
