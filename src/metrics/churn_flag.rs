//! Churn from a snapshot: a customers or subscriptions file with a yes/no churn column and
//! no dates (IBM's telco sample: `customerID`, `tenure`, `MonthlyCharges`, `Churn`). Such a
//! file describes the data's last month: `Churn = Yes` means the customer left in it, and a
//! tenure of 0 months means the customer joined in it. So, by METRICS.md's formulas with
//! that month as the period:
//! - customers at start = rows with a tenure of at least one month (all rows without tenure);
//! - churn rate = those of them who churned / customers at start;
//! - retention = (customers at end − new customers) / customers at start, customers at end
//!   being the rows not churned, new customers those with a tenure of 0;
//! - MRR at the end = Σ monthly amount of the rows not churned.

use super::groups::Merge;
use crate::reason::Reason;
use crate::report::{money, number, Metric};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// Counts of a churn-flag snapshot.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub rows: u64,
    at_start: u64,
    churned_from_start: u64,
    new: u64,
    at_end: u64,
    mrr_at_end: Decimal,
}

impl Snapshot {
    /// One customer: whether it `churned`, `tenure` in months, `mrr` the monthly amount.
    pub fn observe(&mut self, churned: bool, tenure: Option<Decimal>, mrr: Option<Decimal>) {
        self.rows += 1;
        let joined_this_month = tenure.is_some_and(|t| t < Decimal::ONE);
        if joined_this_month {
            self.new += 1;
        } else {
            self.at_start += 1;
            self.churned_from_start += u64::from(churned);
        }
        if !churned {
            self.at_end += 1;
            if let Some(m) = mrr {
                self.mrr_at_end.merge(m);
            }
        }
    }

    pub fn merge(&mut self, o: &Snapshot) {
        self.rows += o.rows;
        self.at_start += o.at_start;
        self.churned_from_start += o.churned_from_start;
        self.new += o.new;
        self.at_end += o.at_end;
        self.mrr_at_end.merge(o.mrr_at_end);
    }

    fn mark(m: Metric) -> Metric {
        // `period`: a code, the page words it (the data's last month)
        m.with("source", json!("churn_flag")).with("period", json!("last_month"))
    }

    pub fn customers_at_start(&self, formula: &'static str) -> Metric {
        Self::mark(Metric::new(json!(self.at_start), self.rows, formula))
    }

    pub fn churn_rate(&self, formula: &'static str) -> Metric {
        if self.at_start == 0 {
            return Metric::missing(Reason::zero(Reason::NoCustomersAtStart), formula);
        }
        let rate = self.churned_from_start as f64 / self.at_start as f64;
        Self::mark(
            Metric::new(number(rate), self.rows, formula)
                .fraction(json!(self.churned_from_start), json!(self.at_start)),
        )
    }

    pub fn retention_rate(&self, formula: &'static str) -> Metric {
        if self.at_start == 0 {
            return Metric::missing(Reason::zero(Reason::NoCustomersAtStart), formula);
        }
        let kept = self.at_end as i64 - self.new as i64;
        Self::mark(
            Metric::new(number(kept as f64 / self.at_start as f64), self.rows, formula)
                .fraction(json!(kept), json!(self.at_start)),
        )
    }

    pub fn mrr(&self, formula: &'static str) -> Metric {
        Self::mark(Metric::new(money(self.mrr_at_end), self.rows, formula).with("customers", json!(self.at_end)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_counted_snapshot() {
        // 5 customers: A (24 months, stays, 50), B (1 month, churns, 30), C (0 months, new,
        // stays, 20), D (12, churns, 70), E (6, stays, 10).
        let mut s = Snapshot::default();
        for (churn, tenure, mrr) in [(false, 24, 50), (true, 1, 30), (false, 0, 20), (true, 12, 70), (false, 6, 10)] {
            s.observe(churn, Some(Decimal::from(tenure)), Some(Decimal::from(mrr)));
        }
        // at start: A B D E = 4; churned of them: B D = 2 → 50 %
        assert_eq!(s.churn_rate("f").value, json!(0.5));
        // at end: A C E = 3; minus 1 new = 2 kept of 4 → 50 %
        assert_eq!(s.retention_rate("f").value, json!(0.5));
        // MRR at end: 50 + 20 + 10
        assert_eq!(s.mrr("f").value, json!("80"));
    }
}
