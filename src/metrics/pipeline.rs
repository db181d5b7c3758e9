//! Open pipeline as of the period's end: `pipeline_value` (total and per stage) and
//! `stalled_deals` (METRICS.md "Deal metrics").

use super::groups::Merge;
use super::stats::Tally;
use crate::model::Deal;
use crate::report::{money, number, row, Metric, Table};
use crate::stages::Status;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Stalled deals listed in the report (all are counted).
pub const LISTED_STALLED: usize = 500;
/// Stage shown for deals open at `to` that have closed since.
pub const CLOSED_LATER: &str = "(closed after period end)";

pub const PIPELINE_FORMULA: &str = "Σ amount of open deals as of `to`, total and per stage";
pub const STALLED_FORMULA: &str =
    "open deals with age (as-of − created_date) > sales_cycle_days (or a fixed number of days); list + count + value";

#[derive(Clone, Debug, PartialEq)]
struct OpenDeal {
    deal_id: Box<str>,
    /// Indexes into [`PipelineAgg::names`].
    owner: u32,
    account: u32,
    stage: u32,
    amount: Option<Decimal>,
    created: Option<NaiveDate>,
}

/// Owner, account and stage names, each kept once.
#[derive(Clone, Debug, Default, PartialEq)]
struct Names {
    index: FxHashMap<Box<str>, u32>,
    list: Vec<Box<str>>,
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(name.into());
        self.index.insert(name.into(), i);
        i
    }

    fn get(&self, id: u32) -> &str {
        self.list.get(id as usize).map_or("", |s| s)
    }
}

/// Deals that may be open at the end of the period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PipelineAgg {
    to: Option<NaiveDate>,
    names: Names,
    deals: Vec<OpenDeal>,
}

/// The rule that makes a deal stalled.
pub struct StallRule {
    pub days: f64,
    pub text: String,
}

impl PipelineAgg {
    pub fn new(to: Option<NaiveDate>) -> Self {
        PipelineAgg { to, names: Names::default(), deals: Vec::new() }
    }

    /// Keeps deals open now, and deals closed on or after `to` that were created before
    /// it (they were open at `to`; their stage then is unknown).
    pub fn observe(&mut self, d: &Deal<'_>) {
        let stage = match (d.status, self.to, d.closed, d.created) {
            (Status::Open, ..) => d.stage,
            (_, Some(to), Some(closed), Some(created)) if closed >= to && created < to => CLOSED_LATER,
            _ => return,
        };
        let (owner, account, stage) = (self.names.id(d.owner), self.names.id(d.account), self.names.id(stage));
        self.deals.push(OpenDeal {
            deal_id: d.deal_id.into(),
            owner,
            account,
            stage,
            amount: d.amount,
            created: d.created,
        });
    }

    pub fn merge(&mut self, other: PipelineAgg) {
        for mut d in other.deals {
            d.owner = self.names.id(other.names.get(d.owner));
            d.account = self.names.id(other.names.get(d.account));
            d.stage = self.names.id(other.names.get(d.stage));
            self.deals.push(d);
        }
    }

    fn open_at(&self, as_of: NaiveDate) -> impl Iterator<Item = &OpenDeal> {
        self.deals.iter().filter(move |d| d.created.is_none_or(|c| c < as_of))
    }

    /// `pipeline_value` metric and per-stage table.
    pub fn pipeline(&self, as_of: NaiveDate) -> (Metric, Table) {
        let mut total = Tally::default();
        let mut by_name: FxHashMap<u32, Tally> = FxHashMap::default();
        for d in self.open_at(as_of) {
            total.add(d.amount);
            by_name.entry(d.stage).or_default().add(d.amount);
        }
        let mut first_seen: Vec<(u32, Tally)> = by_name.into_iter().collect();
        first_seen.sort_by_key(|(id, _)| *id);
        let mut by_stage: BTreeMap<String, (String, Tally)> = BTreeMap::new();
        for (id, t) in first_seen {
            let name = self.names.get(id).trim();
            let label = if name.is_empty() { "(no stage)" } else { name };
            let slot = by_stage
                .entry(crate::ingest::text::group_key(label))
                .or_insert_with(|| (label.to_string(), Tally::default()));
            slot.1.merge(t);
        }
        let metric = if total.count > 0 && total.with_amount == 0 {
            Metric::missing(format!("none of the {} open deals has an amount", total.count), PIPELINE_FORMULA)
        } else {
            Metric::new(money(total.sum), total.count, PIPELINE_FORMULA)
        }
        .with("deals", json!(total.count))
        .with("deals_with_amount", json!(total.with_amount))
        .with("as_of", json!(as_of));
        let mut stages: Vec<(String, Tally)> = by_stage.into_values().collect();
        stages.sort_by(|a, b| b.1.sum.cmp(&a.1.sum).then_with(|| a.0.cmp(&b.0)));
        let rows = stages
            .into_iter()
            .map(|(stage, t)| {
                let value = if t.with_amount == 0 { Value::Null } else { money(t.sum) };
                row(&[("stage", json!(stage)), ("deals", json!(t.count)), ("value", value)])
            })
            .collect();
        (metric, Table::new(vec!["stage", "deals", "value"], rows, PIPELINE_FORMULA))
    }

    /// `stalled_deals` metric and list, under `rule` (None: no rule could be set).
    pub fn stalled(&self, as_of: NaiveDate, rule: Result<StallRule, String>) -> (Metric, Table) {
        const COLUMNS: [&str; 7] = ["deal_id", "owner", "account", "stage", "amount", "created_date", "age_days"];
        let rule = match rule {
            Ok(r) => r,
            Err(reason) => {
                return (
                    Metric::missing(&reason, STALLED_FORMULA),
                    Table::missing(COLUMNS.to_vec(), reason, STALLED_FORMULA),
                )
            }
        };
        let mut stalled: Vec<(i64, &OpenDeal)> = Vec::new();
        let (mut judged, mut total) = (0u64, Tally::default());
        for d in self.open_at(as_of) {
            let Some(created) = d.created else { continue };
            judged += 1;
            let age = (as_of - created).num_days();
            if age as f64 > rule.days {
                total.add(d.amount);
                stalled.push((age, d));
            }
        }
        let oldest_first =
            |a: &(i64, &OpenDeal), b: &(i64, &OpenDeal)| b.0.cmp(&a.0).then_with(|| a.1.deal_id.cmp(&b.1.deal_id));
        if stalled.len() > LISTED_STALLED {
            stalled.select_nth_unstable_by(LISTED_STALLED, oldest_first);
            stalled.truncate(LISTED_STALLED);
        }
        stalled.sort_by(oldest_first);
        let rows: Vec<_> = stalled
            .iter()
            .map(|(age, d)| {
                row(&[
                    ("deal_id", json!(d.deal_id)),
                    ("owner", json!(self.names.get(d.owner))),
                    ("account", json!(self.names.get(d.account))),
                    ("stage", json!(self.names.get(d.stage))),
                    ("amount", d.amount.map_or(Value::Null, money)),
                    ("created_date", json!(d.created)),
                    ("age_days", json!(age)),
                ])
            })
            .collect();
        let metric = Metric::new(json!(total.count), judged, STALLED_FORMULA)
            .with("value_sum", if total.with_amount == 0 { Value::Null } else { money(total.sum) })
            .with("threshold_days", number(rule.days))
            .with("rule", json!(rule.text))
            .with("as_of", json!(as_of));
        let mut table = Table::new(COLUMNS.to_vec(), rows, STALLED_FORMULA).with("rule", json!(rule.text));
        table.total_rows = total.count;
        (metric, table)
    }
}
