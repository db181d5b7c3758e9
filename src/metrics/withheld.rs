//! Money not added up (METRICS.md "Conventions"): when the deals, or the orders, of the
//! period (or of the comparison period) come in several currencies, the report's money
//! figures from them are not computable; each currency gets its own
//! (`currencies.by_currency`). Decided from the codes read, before any family finishes:
//! each family writes its money figures through [`Withheld`], never a sum to take back.

use crate::reason::Reason;
use crate::report::{series_missing, Metric, Table};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Metrics whose value adds up money from deals.
pub const DEAL_MONEY_METRICS: &[&str] = &[
    "revenue",
    "average_deal_size",
    "median_deal_size",
    "pipeline_value",
    "weighted_pipeline",
    "sales_per_rep",
    "sales_velocity",
    "sales_growth",
    "target_achievement",
    "pipeline_coverage",
    "reps_at_quota",
    "forecast_weighted",
    "forecast_revenue",
];

/// Money columns of the tables built from deals: dropped from the whole report's tables
/// when deals are mixed (they remain in each currency's).
pub const DEAL_MONEY_COLUMNS: &[(&str, &[&str])] = &[
    ("sales_by_owner", &["revenue", "average_deal_size", "share_of_revenue"]),
    ("sales_by_account", &["revenue", "share_of_revenue"]),
    ("loss_reasons", &["amount"]),
    ("pipeline_value", &["value"]),
    ("stalled_deals", &["amount"]),
    ("deal_funnel", &["value"]),
    ("quota_attainment", &["revenue", "attainment"]),
    ("forecast_weighted", &["amount", "weighted"]),
    ("conversion_by_source", &["revenue"]),
];

/// Which money is withheld: the deals' and the orders', each with why (the codes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Withheld {
    deals: Option<Reason>,
    orders: Option<Reason>,
}

impl Withheld {
    /// Deal money is withheld when `deal_codes` (non-blank codes) are more than one; order
    /// money when `order_codes` are.
    pub fn new(deal_codes: &BTreeSet<String>, order_codes: &BTreeSet<String>) -> Self {
        let mixed = |what, codes: &BTreeSet<String>| {
            (codes.len() > 1).then(|| Reason::MixedCurrencies { what, codes: codes.iter().cloned().collect() })
        };
        Withheld { deals: mixed("deal amounts", deal_codes), orders: mixed("order amounts", order_codes) }
    }

    /// Whether deal money is withheld.
    pub fn deals(&self) -> bool {
        self.deals.is_some()
    }

    /// A metric adding up deal money (`id` one of [`DEAL_MONEY_METRICS`]) as the report
    /// shows it.
    pub fn deal_metric(&self, id: &str, m: Metric) -> Metric {
        match &self.deals {
            Some(why) if DEAL_MONEY_METRICS.contains(&id) => withhold(m, why),
            _ => m,
        }
    }

    /// A metric adding up order money as the report shows it.
    pub fn order_metric(&self, m: Metric) -> Metric {
        match &self.orders {
            Some(why) => withhold(m, why),
            None => m,
        }
    }

    /// A metric made from the money of `source` (`deals` or `orders`; else kept).
    pub fn metric_of(&self, source: Option<&str>, m: Metric) -> Metric {
        let why = match source {
            Some("deals") => &self.deals,
            Some("orders") => &self.orders,
            _ => &None,
        };
        match why {
            Some(why) => withhold(m, why),
            None => m,
        }
    }

    /// A table built from deals as the report shows it: its money columns dropped.
    pub fn deal_table(&self, id: &str, mut t: Table) -> Table {
        let (Some(why), Some((_, columns))) = (&self.deals, DEAL_MONEY_COLUMNS.iter().find(|(t, _)| *t == id)) else {
            return t;
        };
        t.columns.retain(|c| !columns.contains(c));
        for r in &mut t.rows {
            for c in *columns {
                r.remove(*c);
            }
        }
        t.with("money_withheld", json!(why.text()))
    }

    /// A detail of a deal metric that adds up money (`amount`, `value_sum`): dropped.
    pub fn deal_detail(&self, mut m: Metric, key: &str) -> Metric {
        if self.deals() {
            m.detail.remove(key);
        }
        m
    }

    /// A series of deal money (the revenue trend): its points withheld.
    pub fn deal_series(&self, s: Value) -> Value {
        match &self.deals {
            Some(why) => series_missing(why, json!({ "points": [] })),
            None => s,
        }
    }

    /// A series of order money: its points withheld.
    pub fn order_series(&self, s: Value) -> Value {
        match &self.orders {
            Some(why) => series_missing(why, json!({ "points": [] })),
            None => s,
        }
    }

    /// The revenue forecast and its series, made from `source`'s history: withheld when
    /// deal money is (whatever its source), or when it was made from orders' money.
    pub fn forecast(&self, source: &str, metric: Metric, series: Value) -> (Metric, Value) {
        if let Some(why) = &self.deals {
            return (withhold(metric, why), series_missing(why, json!({ "points": [] })));
        }
        match &self.orders {
            Some(why) if source == "orders" && !metric.value.is_null() => {
                (withhold(metric, why), series_missing(why, json!({})))
            }
            _ => (metric, series),
        }
    }
}

/// A computed metric becomes "not computable" because of mixed currencies (marked
/// `per_currency: true`); a metric not computable for another reason keeps its reason.
fn withhold(m: Metric, why: &Reason) -> Metric {
    if m.value.is_null() {
        return m;
    }
    Metric::missing(why.clone(), m.formula).with("per_currency", json!(true))
}
