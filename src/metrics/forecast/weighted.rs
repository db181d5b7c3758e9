//! `forecast_weighted` (METRICS.md "Forecast and alerts"): open deals by expected close
//! bucket × win probability (the probability column, else the stage's), per owner and
//! in total.

use super::super::groups::{Groups, Merge};
use super::super::pipeline::{stage_probability, Cell};
use crate::model::Deal;
use crate::period::Granularity;
use crate::reason::Reason;
use crate::report::{money, row, Metric, Table};
use crate::stages::Status;
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub const FORMULA: &str = "Σ amount × probability of open deals, by expected_close_date bucket, per owner and total";
const NO_DATE: &str = "(no expected close date)";
const OVERDUE: &str = "overdue";

/// A bucket as (sort order: overdue, dated, undated; its date when dated).
type Bucket = (u8, Option<NaiveDate>);

fn bucket_label(b: &Bucket) -> Value {
    match b {
        (0, _) => json!(OVERDUE),
        (_, Some(d)) => json!(d),
        _ => json!(NO_DATE),
    }
}
/// Deals, Σ amount, Σ weighted amount.
type Sums = (u64, Decimal, Decimal);

/// Open deals per (owner, expected close bucket, stage).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WeightedForecastAgg {
    to: Option<NaiveDate>,
    granularity: Granularity,
    /// Owners and stages, grouped as everywhere else; cells hold their indices.
    names: Groups<()>,
    cells: BTreeMap<(u32, Option<NaiveDate>, u32), Cell>,
}

impl WeightedForecastAgg {
    pub fn new(to: Option<NaiveDate>, granularity: Granularity) -> Self {
        WeightedForecastAgg { to, granularity, ..Default::default() }
    }

    /// Deals open now, created before the period end, from files with an expected close
    /// date column (without one the metric is not computable: nothing to keep).
    pub fn observe(&mut self, d: &Deal<'_>) {
        let Some(expected) = d.expected_close else { return };
        if d.status != Status::Open || d.created.zip(self.to).is_some_and(|(c, to)| c >= to) {
            return;
        }
        let owner = self.names.index(d.owner, "(no owner)");
        let stage = self.names.index(d.stage, "");
        let bucket = expected.map(|e| self.granularity.bucket(e));
        self.cells.entry((owner, bucket, stage)).or_default().add(d);
    }

    pub fn merge(&mut self, o: WeightedForecastAgg) {
        for ((owner, bucket, stage), cell) in o.cells {
            let key =
                (self.names.index(o.names.name_at(owner), ""), bucket, self.names.index(o.names.name_at(stage), ""));
            self.cells.entry(key).or_default().merge(cell);
        }
    }

    /// The metric (total and per bucket) and the table (per bucket and owner).
    pub fn finish(&self, as_of: NaiveDate, user: &BTreeMap<String, f64>, has_column: bool) -> (Metric, Table) {
        let columns = vec!["bucket", "owner", "deals", "amount", "weighted"];
        if !has_column {
            let why = Reason::needs_column("expected_close_date");
            return (Metric::missing(why.clone(), FORMULA), Table::missing(columns, why, FORMULA));
        }
        if self.cells.is_empty() {
            let why = Reason::NoOpen;
            return (Metric::missing(why.clone(), FORMULA), Table::missing(columns, why, FORMULA));
        }
        let now = self.granularity.bucket(as_of);
        let label = |b: Option<NaiveDate>| match b {
            None => (2, None),
            Some(b) if b < now => (0, None),
            Some(b) => (1, Some(b)),
        };
        // (bucket order, bucket label, owner) → (deals, amount, weighted)
        let mut by: BTreeMap<(Bucket, &str), Sums> = BTreeMap::new();
        for ((owner, bucket, stage), c) in &self.cells {
            let (p, _) = stage_probability(self.names.name_at(*stage), user);
            let weighted = c.weighted + c.without_probability.sum * p;
            let slot = by.entry((label(*bucket), self.names.name_at(*owner))).or_default();
            slot.0 += c.all.count;
            slot.1 += c.all.sum;
            slot.2 += weighted;
        }
        let cents = |d: Decimal| {
            let mut d = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            d.rescale(2);
            money(d)
        };
        let mut totals: BTreeMap<Bucket, Sums> = BTreeMap::new();
        for ((bucket, _), (n, amount, weighted)) in &by {
            let t = totals.entry(*bucket).or_default();
            t.0 += n;
            t.1 += amount;
            t.2 += weighted;
        }
        let rows = by.iter().map(|((bucket, owner), (n, amount, weighted))| {
            row(&[
                ("bucket", bucket_label(bucket)),
                ("owner", json!(owner)),
                ("deals", json!(n)),
                ("amount", money(*amount)),
                ("weighted", cents(*weighted)),
            ])
        });
        let total: Decimal = totals.values().map(|t| t.2).sum();
        let deals: u64 = totals.values().map(|t| t.0).sum();
        let buckets: Vec<Value> = totals
            .iter()
            .map(|(b, (n, a, w))| json!({ "bucket": bucket_label(b), "deals": n, "amount": money(*a), "weighted": cents(*w) }))
            .collect();
        let metric = Metric::new(cents(total), deals, FORMULA)
            .with("granularity", json!(self.granularity))
            .with("as_of", json!(as_of))
            .with("buckets", Value::Array(buckets));
        (metric, Table::capped(columns, rows, &["deals", "amount", "weighted"], FORMULA))
    }
}
