//! A deal: one row of a deals table, its text borrowed from the CSV record it came from.

use crate::stages::Status;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One row of a deals table, its values parsed. A value that was blank or bad is
/// `None` (bad values were reported as problems before the row got here).
#[derive(Clone, Debug, PartialEq)]
pub struct Deal<'a> {
    /// The deal's id, as written.
    pub deal_id: &'a str,
    /// Its owner, as written.
    pub owner: &'a str,
    /// Its account, as written.
    pub account: &'a str,
    /// Its stage, as written.
    pub stage: &'a str,
    /// Open, won or lost (from the status, flags, dates or stage).
    pub status: Status,
    /// Its amount (a won deal's actual amount when both are written).
    pub amount: Option<Decimal>,
    /// When it was created.
    pub created: Option<NaiveDate>,
    /// When it was won or lost (open deals have none).
    pub closed: Option<NaiveDate>,
    /// `None` when the file has no expected_close_date column; `Some(None)` when blank.
    pub expected_close: Option<Option<NaiveDate>>,
    /// `None` when the file has no lost_reason column; `Some("")` when blank.
    pub lost_reason: Option<&'a str>,
    /// The stage a lost deal was lost at, as written.
    pub lost_stage: &'a str,
    /// new, upsell, cross-sell, renewal… as written (blank when no column).
    pub deal_type: &'a str,
    /// Whether the deal type sells more to an existing account (upsell, cross-sell…).
    pub expansion: bool,
    /// Win probability from 0 to 1, when the file has a probability column.
    pub probability: Option<Decimal>,
    /// Currency as written: the currency column, else a symbol or code written with the
    /// amount (`€1.200`, `1200 USD`); blank when neither.
    pub currency: &'a str,
    /// Lead source as written (blank when no column).
    pub source: &'a str,
    /// The CRM's pipeline the deal belongs to, as written (blank when no column).
    pub pipeline: &'a str,
    /// The product sold, as written (blank when no column).
    pub product: &'a str,
    /// The lead the deal came from (its id in the leads file), as written.
    pub lead_id: &'a str,
}

impl<'a> Deal<'a> {
    /// Whether its close date is before its creation date (a listed bad row: the close
    /// date is left out of every metric dated by it, METRICS.md "Bad rows").
    pub fn closed_before_created(&self) -> bool {
        matches!((self.created, self.closed), (Some(c), Some(e)) if e < c)
    }

    /// Its close date, unless it is before the creation date.
    pub fn close_day(&self) -> Option<NaiveDate> {
        self.closed.filter(|_| !self.closed_before_created())
    }

    /// Whether it closed in `period` (on a close date not before its creation; undated
    /// closings belong to the all-time period only).
    pub fn closed_in(&self, period: crate::period::Period) -> bool {
        !self.closed_before_created() && period.contains(self.closed)
    }

    /// A deal with only a status, for tests and examples.
    pub fn new(status: Status) -> Self {
        Deal {
            deal_id: "",
            owner: "",
            account: "",
            stage: "",
            status,
            amount: None,
            created: None,
            closed: None,
            expected_close: None,
            lost_reason: None,
            lost_stage: "",
            deal_type: "",
            expansion: false,
            probability: None,
            currency: "",
            source: "",
            pipeline: "",
            product: "",
            lead_id: "",
        }
    }
}
