//! Activity metrics (METRICS.md "Activity metrics"): counts and time per type and owner,
//! counts per bucket, and activities per deal won.

use super::groups::{Groups, Merge};
use crate::model::Activity;
use crate::period::{Granularity, Period};
use crate::reason::Reason;
use crate::report::{number, row, Metric, Report, Table};
use crate::vocabulary::TYPES;
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const COUNTS: &str = "count per type per owner per bucket (calls, emails, meetings, demos, proposals, follow-ups, events, social, referrals)";
const TIME: &str = "Σ duration_minutes per type per owner";
const RATIO: &str = "activities dated in period / deals won in period, per owner and total";

/// Whether an activity happened in `period` (an activity without a date never does).
pub fn activity_in(period: Period, a: &Activity<'_>) -> bool {
    a.date.is_some() && period.contains(a.date)
}

/// Count and minutes of one (owner, type).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Effort {
    count: u64,
    #[serde(with = "super::stats::decimal_bytes")]
    minutes: Decimal,
    timed: u64,
}

impl Merge for Effort {
    fn merge(&mut self, o: Self) {
        self.count += o.count;
        self.minutes += o.minutes;
        self.timed += o.timed;
    }
}

/// Per owner: efforts by type (index into [`TYPES`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct OwnerEffort {
    by_type: [Effort; 10],
}

impl Merge for OwnerEffort {
    fn merge(&mut self, o: Self) {
        for (a, b) in self.by_type.iter_mut().zip(o.by_type) {
            a.merge(b);
        }
    }
}

/// Activity state. Mergeable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActivitiesAgg {
    period: Period,
    granularity: Granularity,
    rows: u64,
    in_period: u64,
    owners: Groups<OwnerEffort>,
    buckets: BTreeMap<NaiveDate, [u64; 10]>,
}

impl ActivitiesAgg {
    /// Distinct owners of the activities (for what made memory grow).
    pub fn distinct_owners(&self) -> usize {
        self.owners.len()
    }

    pub fn new(period: Period, granularity: Granularity) -> Self {
        ActivitiesAgg { period, granularity, ..ActivitiesAgg::default() }
    }

    pub fn observe(&mut self, a: &Activity<'_>) {
        self.rows += 1;
        if !activity_in(self.period, a) {
            return;
        }
        self.in_period += 1;
        let t = a.kind.index();
        let e = &mut self.owners.entry(a.owner, "(no owner)").by_type[t];
        e.count += 1;
        if let Some(m) = a.minutes {
            e.minutes += m;
            e.timed += 1;
        }
        if let Some(d) = a.date {
            self.buckets.entry(self.granularity.bucket(d)).or_default()[t] += 1;
        }
    }

    pub fn merge(&mut self, o: ActivitiesAgg) {
        self.rows += o.rows;
        self.in_period += o.in_period;
        self.owners.merge(o.owners);
        for (k, v) in o.buckets {
            let mine = self.buckets.entry(k).or_default();
            for (a, b) in mine.iter_mut().zip(v) {
                *a += b;
            }
        }
    }

    /// `won_by_owner`: deals won in period per owner (from the deals), for the ratio.
    pub fn finish(&self, won_total: Option<u64>, won_by_owner: &dyn Fn(&str) -> Option<u64>, report: &mut Report) {
        if self.rows == 0 {
            for (id, formula) in [("activity_counts", COUNTS), ("activity_time", TIME), ("sales_activity_ratio", RATIO)]
            {
                report.metrics.insert(
                    id,
                    Metric::missing(Reason::NeedsFile { kind: "activities", fields: "owner, type, date" }, formula),
                );
            }
            return;
        }
        // Busiest owners first, so that a cut list keeps them.
        let mut owners = self.owners.sorted();
        owners.sort_by_key(|(_, o)| std::cmp::Reverse(o.by_type.iter().map(|e| e.count).sum::<u64>()));
        // Rows are built as the capped tables take them: a million owners never become a
        // million rows at once.
        let counts = owners.iter().flat_map(|(name, o)| per_type(name, o, false));
        let times = owners.iter().flat_map(|(name, o)| per_type(name, o, true));
        let ratios = owners.iter().map(|(name, o)| {
            let total: u64 = o.by_type.iter().map(|e| e.count).sum();
            let won = won_by_owner(name);
            let ratio = match won {
                Some(w) if w > 0 => number(total as f64 / w as f64),
                _ => Value::Null,
            };
            row(&[("owner", json!(name)), ("activities", json!(total)), ("won", json!(won)), ("ratio", ratio)])
        });
        let total_minutes: Decimal = owners.iter().flat_map(|(_, o)| o.by_type.iter()).map(|e| e.minutes).sum();
        report.metrics.insert("activity_counts", Metric::new(json!(self.in_period), self.in_period, COUNTS));
        report.metrics.insert(
            "activity_time",
            Metric::new(total_minutes.to_f64().map_or(Value::Null, number), self.in_period, TIME),
        );
        report.metrics.insert(
            "sales_activity_ratio",
            match won_total {
                Some(w) if w > 0 => Metric::new(number(self.in_period as f64 / w as f64), self.in_period, RATIO)
                    .fraction(json!(self.in_period), json!(w)),
                Some(_) => Metric::missing(Reason::zero(Reason::NoWon), RATIO),
                None => Metric::missing(Reason::DealsForWon, RATIO),
            },
        );
        let tables = &mut report.tables;
        tables.insert("activity_counts", Table::capped(vec!["owner", "type", "count"], counts, &["count"], COUNTS));
        tables.insert("activity_time", Table::capped(vec!["owner", "type", "minutes"], times, &["minutes"], TIME));
        let columns = vec!["owner", "activities", "won", "ratio"];
        tables.insert("sales_activity_ratio", Table::capped(columns, ratios, &["activities", "won"], RATIO));
        let points: Vec<Value> = self
            .buckets
            .iter()
            .map(|(b, c)| {
                let mut p = serde_json::Map::new();
                p.insert("bucket".into(), json!(b));
                for (t, n) in TYPES.iter().zip(c) {
                    p.insert((*t).into(), json!(n));
                }
                p.insert("total".into(), json!(c.iter().sum::<u64>()));
                Value::Object(p)
            })
            .collect();
        report.series.insert(
            "activity_counts",
            json!({ "granularity": self.granularity, "types": TYPES, "points": points, "formula": COUNTS }),
        );
    }
}

/// An owner's rows of `activity_counts` (or of `activity_time` when `timed`), one per
/// activity type it has.
fn per_type<'a>(name: &'a str, o: &'a OwnerEffort, timed: bool) -> impl Iterator<Item = Map<String, Value>> + 'a {
    TYPES.iter().zip(o.by_type.iter()).filter(move |(_, e)| if timed { e.timed > 0 } else { e.count > 0 }).map(
        move |(t, e)| {
            let value = if timed { e.minutes.to_f64().map_or(Value::Null, number) } else { json!(e.count) };
            row(&[("owner", json!(name)), ("type", json!(t)), (if timed { "minutes" } else { "count" }, value)])
        },
    )
}
