//! Open pipeline as of the period's end: `pipeline_value` (total and per stage) and
//! `stalled_deals` (METRICS.md "Deal metrics").

use super::stats::Tally;
use crate::model::Deal;
use crate::report::{money, number, row, Metric, Table};
use crate::stages::Status;
use chrono::NaiveDate;
use rust_decimal::Decimal;
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
    deal_id: String,
    owner: String,
    account: String,
    stage: String,
    amount: Option<Decimal>,
    created: Option<NaiveDate>,
}

/// Deals that may be open at the end of the period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PipelineAgg {
    to: Option<NaiveDate>,
    deals: Vec<OpenDeal>,
}

/// The rule that makes a deal stalled.
pub struct StallRule {
    pub days: f64,
    pub text: String,
}

impl PipelineAgg {
    pub fn new(to: Option<NaiveDate>) -> Self {
        PipelineAgg { to, deals: Vec::new() }
    }

    /// Keeps deals open now, and deals closed on or after `to` that were created before
    /// it (they were open at `to`; their stage then is unknown).
    pub fn observe(&mut self, d: &Deal<'_>) {
        let stage = match (d.status, self.to, d.closed, d.created) {
            (Status::Open, ..) => d.stage,
            (_, Some(to), Some(closed), Some(created)) if closed >= to && created < to => CLOSED_LATER,
            _ => return,
        };
        self.deals.push(OpenDeal {
            deal_id: d.deal_id.to_string(),
            owner: d.owner.to_string(),
            account: d.account.to_string(),
            stage: stage.to_string(),
            amount: d.amount,
            created: d.created,
        });
    }

    pub fn merge(&mut self, other: PipelineAgg) {
        self.deals.extend(other.deals);
    }

    /// Owners with a deal open now.
    pub fn owners(&self) -> impl Iterator<Item = &str> {
        self.deals.iter().map(|d| d.owner.as_str())
    }

    fn open_at(&self, as_of: NaiveDate) -> impl Iterator<Item = &OpenDeal> {
        self.deals.iter().filter(move |d| d.created.is_none_or(|c| c < as_of))
    }

    /// `pipeline_value` metric and per-stage table.
    pub fn pipeline(&self, as_of: NaiveDate) -> (Metric, Table) {
        let mut total = Tally::default();
        let mut by_stage: BTreeMap<String, (String, Tally)> = BTreeMap::new();
        for d in self.open_at(as_of) {
            total.add(d.amount);
            let label = if d.stage.trim().is_empty() { "(no stage)" } else { d.stage.trim() };
            let key = crate::ingest::text::group_key(label);
            by_stage.entry(key).or_insert_with(|| (label.to_string(), Tally::default())).1.add(d.amount);
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
        stalled.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.deal_id.cmp(&b.1.deal_id)));
        let rows: Vec<_> = stalled
            .iter()
            .take(LISTED_STALLED)
            .map(|(age, d)| {
                row(&[
                    ("deal_id", json!(d.deal_id)),
                    ("owner", json!(d.owner)),
                    ("account", json!(d.account)),
                    ("stage", json!(d.stage)),
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
