//! Rows of the customer tables: orders, customers, subscriptions, marketing spend.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One line of an orders table (an order may have several).
#[derive(Clone, Debug, PartialEq)]
pub struct Order<'a> {
    /// The order, as written.
    pub order_id: &'a str,
    /// Who ordered, as written.
    pub customer_id: &'a str,
    /// When.
    pub date: Option<NaiveDate>,
    /// The line's amount in its currency: as written, else quantity × unit price −
    /// discount; less what was refunded. (`None` on the later lines of an order whose
    /// total is written on each of its lines: the total counts once.)
    pub amount: Option<Decimal>,
    /// Its currency, as written (blank when no column).
    pub currency: &'a str,
    /// Why the line is left out of every orders metric (its order was cancelled or
    /// refunded in full); `None` when it counts.
    pub left_out: Option<crate::vocabulary::OrderStatus>,
}

/// One row of a customers table.
#[derive(Clone, Debug, PartialEq)]
pub struct Customer {
    /// When the customer was won.
    pub acquired: Option<NaiveDate>,
    /// When the customer left.
    pub churned: Option<NaiveDate>,
    /// Profit a year from the customer.
    pub annual_profit: Option<Decimal>,
}

/// One row of a subscriptions table: a dated subscription, or a snapshot row with a
/// churn flag and no dates.
#[derive(Clone, Debug, PartialEq)]
pub struct Subscription<'a> {
    /// The subscriber, as written.
    pub customer_id: &'a str,
    /// When it started.
    pub start: Option<NaiveDate>,
    /// When it ended.
    pub end: Option<NaiveDate>,
    /// The monthly amount.
    pub mrr: Option<Decimal>,
    /// The churn flag: `None` when blank, `Some(None)` when not a yes/no word.
    pub churned: Option<Option<bool>>,
    /// Months subscribed.
    pub tenure_months: Option<Decimal>,
}

/// One row of a marketing-spend table.
#[derive(Clone, Debug, PartialEq)]
pub struct Spend {
    /// When it was spent.
    pub date: Option<NaiveDate>,
    /// How much.
    pub amount: Option<Decimal>,
}
