//! Customer metrics (METRICS.md "Customer metrics"): new customers, customers at start,
//! churn, retention, CAC, CLV (gross and net), LTV:CAC, average order value, repeat
//! purchases, and MRR with its movements.

use super::churn_flag::Snapshot;
use super::forecast::History;
use super::groups::{Groups, Merge};
use super::orders::OrderBook;
use super::stats::Tally;
use super::withheld::Withheld;
use crate::model::{Customer, Order, Spend, Subscription};
use crate::period::{Granularity, Period};
use crate::problems::ProblemKind;
use crate::reason::Reason;
use crate::report::{money, money_rounded, number, row, Metric, Report, Table};
use chrono::NaiveDate;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const NEW: &str = "customers with acquired_date in period (else accounts whose first won deal is in period; else customers whose first order is in period)";
const AT_START: &str = "acquired before `from`, not churned before `from`";
const CHURN: &str = "customers_at_start who churned in period / customers_at_start";
const RETENTION: &str = "(customers at end − new_customers) / customers_at_start";
const CAC: &str = "Σ spend in period / new_customers";
const CLV: &str = "annual profit per customer × average lifespan (1 / annual churn rate)";
const CLV_NET: &str = "clv − cac";
const LTV_CAC: &str = "clv / cac";
const AOV: &str = "Σ order amount / order count";
const ORDER_TREND: &str = "Σ amount of order lines per bucket of the period";
pub const ORDER_REVENUE: &str = "Σ amount of order lines dated in period";
const REPEAT: &str = "customers with ≥2 orders in period / customers with ≥1 order in period";
const MRR: &str =
    "Σ mrr of subscriptions active on the last day of each month; movements: new, expansion, contraction, churned";

/// Where a customer of the customers file stands in a period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CustomerPlace {
    /// Acquired in the period (`new_customers`).
    pub new: bool,
    /// A customer at the period's start (`customers_at_start`: needs a start).
    pub at_start: bool,
    /// A customer at the start who churned in the period (`churn_rate`'s numerator).
    pub churned: bool,
}

impl CustomerPlace {
    pub fn of(period: Period, acquired: NaiveDate, churned: Option<NaiveDate>) -> Self {
        let at_start = period.from.is_some_and(|from| acquired < from && churned.is_none_or(|c| c >= from));
        CustomerPlace {
            new: period.contains(Some(acquired)),
            at_start,
            churned: at_start && churned.is_some_and(|c| period.contains(Some(c))),
        }
    }
}

/// LTV:CAC with its band: `low` under 1 (each customer costs more than it brings),
/// `high` over 5 (room to spend more on winning customers), else `ok`.
fn ltv_cac(ratio: Decimal) -> Metric {
    let band = if ratio < Decimal::ONE {
        "low"
    } else if ratio > Decimal::from(5) {
        "high"
    } else {
        "ok"
    };
    Metric::new(ratio.to_f64().map_or(Value::Null, number), 0, LTV_CAC).with("band", json!(band))
}

/// What the customer metrics hand the steps after them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CustomersSummary {
    /// Order revenue and the order lines with an amount, whatever their currencies (None
    /// without orders).
    pub order_revenue: Option<(Decimal, u64)>,
    /// LTV:CAC as the report shows it (None: not computable, or withheld).
    pub ltv_cac: Option<f64>,
    /// Where new customers were counted from (`customers`, `deals`, `orders`; None: not
    /// computable).
    pub new_customers_from: Option<&'static str>,
}

/// Whether an order line's order date is in `period` (a line without one never is).
pub fn order_in(period: Period, o: &Order<'_>) -> bool {
    o.date.is_some() && period.contains(o.date)
}

/// Customers acquired and churned per day (with their annual profit, when given).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Flow {
    acquired: BTreeMap<NaiveDate, Tally>,
    churned: BTreeMap<NaiveDate, Tally>,
}

impl Flow {
    fn add(&mut self, acquired: NaiveDate, churned: Option<NaiveDate>, profit: Option<Decimal>) {
        self.acquired.entry(acquired).or_default().add(profit);
        if let Some(c) = churned {
            self.churned.entry(c).or_default().add(profit);
        }
    }

    fn merge(&mut self, o: Flow) {
        for (d, t) in o.acquired {
            self.acquired.entry(d).or_default().merge(t);
        }
        for (d, t) in o.churned {
            self.churned.entry(d).or_default().merge(t);
        }
    }

    /// Customers at `end` (acquired before it, not churned before it): their count and
    /// annual profit.
    fn at(&self, end: NaiveDate) -> Tally {
        let before = |m: &BTreeMap<NaiveDate, Tally>| {
            m.range(..end).fold(Tally::default(), |mut all, (_, t)| {
                all.merge(*t);
                all
            })
        };
        let (gained, lost) = (before(&self.acquired), before(&self.churned));
        Tally {
            count: gained.count.saturating_sub(lost.count),
            sum: gained.sum - lost.sum,
            with_amount: gained.with_amount.saturating_sub(lost.with_amount),
        }
    }

    fn last(&self) -> Option<NaiveDate> {
        [self.acquired.keys().next_back(), self.churned.keys().next_back()].into_iter().flatten().max().copied()
    }

    fn first(&self) -> Option<NaiveDate> {
        [self.acquired.keys().next(), self.churned.keys().next()].into_iter().flatten().min().copied()
    }
}

/// Counts from the customers file, decided row by row against the period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomersAgg {
    period: Period,
    rows: u64,
    new: u64,
    at_start: u64,
    churned_from_start: u64,
    /// Customers acquired and churned per day, with their annual profit: the customers
    /// at the end of the period are counted when the as-of date is known (at the finish).
    #[serde(default)]
    flow: Flow,
    /// First order date per customer (from the orders file); orders are counted by the
    /// order book.
    orders: Groups<Option<NaiveDate>>,
    order_rows: u64,
    /// Order lines in the period: their amounts (the count is of lines).
    order_amounts: Tally,
    /// Distinct orders, by order id.
    #[serde(default)]
    order_book: OrderBook,
    /// Order line amounts in the period per bucket of `granularity`, for the revenue
    /// trend of a shop without deals.
    #[serde(default)]
    order_trend: BTreeMap<NaiveDate, Decimal>,
    #[serde(default)]
    granularity: Granularity,
    /// Order amounts by month and week (any period), for the revenue forecast of shops.
    order_history: History,
    spend_rows: u64,
    spend: Tally,
    subscriptions: Vec<(String, NaiveDate, Option<NaiveDate>, Decimal)>,
    /// Undated rows with a churn flag (a snapshot of the data's last month).
    #[serde(default)]
    snapshot: Snapshot,
}

impl Merge for Option<NaiveDate> {
    fn merge(&mut self, o: Self) {
        *self = [*self, o].into_iter().flatten().min();
    }
}

/// `average_order_value` of the orders in period tallied in `orders`.
pub fn average_order_value(orders: &Tally) -> Metric {
    let n = orders.with_amount;
    if n == 0 {
        return Metric::missing(Reason::NoOrders, AOV);
    }
    Metric::new(money_rounded(orders.sum / Decimal::from(n)), n, AOV).fraction(money(orders.sum), json!(n))
}

impl CustomersAgg {
    /// Distinct customers of the orders (for what made memory grow).
    pub fn distinct_customers(&self) -> usize {
        self.orders.len()
    }

    pub fn new(period: Period, granularity: Granularity) -> Self {
        CustomersAgg { period, granularity, ..CustomersAgg::default() }
    }

    /// `revenue_trend` from order lines (a shop without deals): one point per bucket,
    /// `source: orders`; None without order lines in the period.
    pub fn order_trend(&self) -> Option<Value> {
        let (first, last) = (*self.order_trend.keys().next()?, *self.order_trend.keys().next_back()?);
        let g = self.granularity;
        let point = |at| {
            let revenue = self.order_trend.get(&at).copied().unwrap_or_default();
            json!({ "bucket": at, "revenue": money(revenue), "won": Value::Null, "lost": Value::Null, "win_rate": Value::Null })
        };
        let points = super::growth::buckets(self.period, g, first, last, point)?;
        Some(json!({ "granularity": g, "points": points, "source": "orders", "formula": ORDER_TREND }))
    }

    /// The first date in the customers, orders and subscriptions.
    pub fn first_date(&self) -> Option<NaiveDate> {
        let subscriptions = self.subscriptions.iter().map(|s| s.1).min();
        [self.flow.first(), self.order_history.first(), subscriptions].into_iter().flatten().min()
    }

    /// The last date in the customers, orders and subscriptions.
    pub fn last_date(&self) -> Option<NaiveDate> {
        let subscriptions = self.subscriptions.iter().flat_map(|s| [Some(s.1), s.2]).flatten().max();
        [self.flow.last(), self.order_history.last(), subscriptions].into_iter().flatten().max()
    }

    pub fn observe_customer(&mut self, c: &Customer, bad: &mut dyn FnMut(&str, ProblemKind)) {
        self.rows += 1;
        let Some(acquired) = c.acquired else { return };
        let churned = c.churned;
        if churned.is_some_and(|c| c < acquired) {
            bad("churned_date", ProblemKind::ChurnedBefore(acquired.to_string()));
            return;
        }
        let place = CustomerPlace::of(self.period, acquired, churned);
        self.new += place.new as u64;
        self.at_start += place.at_start as u64;
        self.churned_from_start += place.churned as u64;
        self.flow.add(acquired, churned, c.annual_profit);
    }

    /// An order line whose amount (converted when the user gave a rate) is `amount`:
    /// `None` when it is not in the period, else whether it starts an order in the period.
    pub fn observe_order(&mut self, o: &Order<'_>, amount: Option<Decimal>) -> Option<bool> {
        self.order_rows += 1;
        let date = o.date;
        let in_period = order_in(self.period, o);
        if !o.customer_id.is_empty() {
            self.orders.entry(o.customer_id, "(no customer)").merge(date);
        }
        if in_period {
            self.order_amounts.add(amount);
            if let (Some(day), Some(a)) = (date, amount) {
                self.order_trend.entry(self.granularity.bucket(day)).or_default().merge(a);
            }
        }
        let first = self.order_book.line(o.order_id, o.customer_id, in_period, amount);
        if let (Some(day), Some(a)) = (date, amount) {
            self.order_history.add(day, a);
        }
        in_period.then_some(first)
    }

    pub fn observe_spend(&mut self, s: &Spend) {
        self.spend_rows += 1;
        if s.date.is_some() && self.period.contains(s.date) {
            self.spend.add(s.amount);
        }
    }

    pub fn observe_subscription(&mut self, s: &Subscription<'_>, bad: &mut dyn FnMut(&str, ProblemKind)) {
        if let (None, Some(churned)) = (s.start, s.churned) {
            match churned {
                Some(churned) => self.snapshot.observe(churned, s.tenure_months, s.mrr),
                None => bad("churned", ProblemKind::NotFlag),
            }
            return;
        }
        let (Some(start), Some(mrr)) = (s.start, s.mrr) else { return };
        let end = s.end;
        if end.is_some_and(|e| e < start) {
            bad("end_date", ProblemKind::EndsBefore(start.to_string()));
            return;
        }
        self.subscriptions.push((s.customer_id.to_string(), start, end, mrr));
    }

    pub fn merge(&mut self, o: CustomersAgg) {
        self.rows += o.rows;
        self.new += o.new;
        self.at_start += o.at_start;
        self.churned_from_start += o.churned_from_start;
        self.flow.merge(o.flow);
        self.orders.merge(o.orders);
        self.order_rows += o.order_rows;
        self.order_amounts.merge(o.order_amounts);
        self.order_book.merge(o.order_book);
        Merge::merge(&mut self.order_trend, o.order_trend);
        self.order_history.merge(o.order_history);
        self.spend_rows += o.spend_rows;
        self.spend.merge(o.spend);
        self.subscriptions.extend(o.subscriptions);
        self.snapshot.merge(&o.snapshot);
    }

    /// Order amounts by month and week, over all time.
    pub fn order_history(&self) -> &History {
        &self.order_history
    }

    /// `new_from_deals`: accounts whose first won deal is in period (when deals were read);
    /// `revenue`: the period's revenue from deals, for profit when no order or profit column.
    /// Returns what later steps take: the order revenue whatever its currencies, and
    /// LTV:CAC as the report shows it.
    pub fn finish(
        &self,
        new_from_deals: Option<u64>,
        deal_revenue: Option<Decimal>,
        gross_margin: f64,
        as_of: NaiveDate,
        withheld: &Withheld,
        report: &mut Report,
    ) -> CustomersSummary {
        let m = &mut report.metrics;
        let days = match self.period.from {
            Some(f) if as_of > f => Some((as_of - f).num_days() as f64),
            _ => None,
        };
        let profit = self.flow.at(as_of);
        let at_end = profit.count;
        // new customers, by the first source that has them
        let first_orders =
            self.orders.sorted().iter().filter(|(_, d)| d.is_some() && self.period.contains(**d)).count() as u64;
        let new = if self.rows > 0 {
            Some((self.new, "customers"))
        } else if let Some(n) = new_from_deals {
            Some((n, "deals"))
        } else if self.order_rows > 0 {
            Some((first_orders, "orders"))
        } else {
            None
        };
        m.insert(
            "new_customers",
            match new {
                Some((n, from)) => Metric::new(json!(n), n, NEW).with("source", json!(from)),
                None => Metric::missing(Reason::CustomersDealsOrders, NEW),
            },
        );
        let needs_customers = Reason::NeedsFile { kind: "customers", fields: "customer_id, acquired_date" };
        let needs_from = Reason::PeriodStart;
        let at_start = if self.rows == 0 {
            Err(needs_customers)
        } else if self.period.from.is_none() {
            Err(needs_from)
        } else {
            Ok(self.at_start)
        };
        m.insert(
            "customers_at_start",
            match &at_start {
                Ok(n) => Metric::new(json!(n), *n, AT_START),
                Err(why) => Metric::missing(why.clone(), AT_START),
            },
        );
        let churn = match &at_start {
            Ok(0) => Err(Reason::zero(Reason::NoCustomersAtStart)),
            Ok(n) => Ok(self.churned_from_start as f64 / *n as f64),
            Err(why) => Err(why.clone()),
        };
        m.insert(
            "churn_rate",
            match &churn {
                Ok(c) => Metric::new(number(*c), self.at_start, CHURN)
                    .fraction(json!(self.churned_from_start), json!(self.at_start)),
                Err(why) => Metric::missing(why.clone(), CHURN),
            },
        );
        m.insert(
            "retention_rate",
            match at_start {
                Ok(0) => Metric::missing(Reason::zero(Reason::NoCustomersAtStart), RETENTION),
                Ok(n) => {
                    let kept = at_end as i64 - self.new as i64;
                    Metric::new(number(kept as f64 / n as f64), n, RETENTION).fraction(json!(kept), json!(n))
                }
                Err(why) => Metric::missing(why, RETENTION),
            },
        );
        // No customers file: a churn-flag snapshot speaks for the last month.
        if self.rows == 0 && self.snapshot.rows > 0 {
            m.insert("customers_at_start", self.snapshot.customers_at_start(AT_START));
            m.insert("churn_rate", self.snapshot.churn_rate(CHURN));
            m.insert("retention_rate", self.snapshot.retention_rate(RETENTION));
        }
        // CAC
        let new_n = new.map(|(n, _)| n);
        let cac = match (self.spend_rows, new_n) {
            (0, _) => Err(Reason::NeedsFile { kind: "spend", fields: "date, amount" }),
            (_, None) => Err(Reason::NewCustomers),
            (_, Some(0)) => Err(Reason::zero(Reason::NoNewCustomers)),
            (_, Some(n)) => Ok(self.spend.sum / Decimal::from(n)),
        };
        m.insert(
            "cac",
            match &cac {
                Ok(c) => Metric::new(money_rounded(*c), new_n.unwrap_or(0), CAC)
                    .fraction(money(self.spend.sum), json!(new_n)),
                Err(why) => Metric::missing(why.clone(), CAC),
            },
        );
        // CLV: annual profit per customer × 1 / annual churn
        let annual_churn = match (churn, days) {
            (Ok(c), Some(d)) if c > 0.0 => Ok(1.0 - (1.0 - c).powf(365.25 / d)),
            (Ok(_), Some(_)) => Err(Reason::NoChurn),
            (Ok(_), None) => Err(Reason::BoundedPeriod),
            (Err(why), _) => Err(why),
        };
        let profit = if profit.with_amount > 0 {
            Ok((profit.sum / Decimal::from(profit.with_amount), "annual_profit", None))
        } else {
            let revenue = if self.order_rows > 0 {
                Some((self.order_amounts.sum, "orders"))
            } else {
                deal_revenue.map(|r| (r, "deals"))
            };
            match (revenue, days, at_end) {
                (Some((r, from)), Some(d), n) if n > 0 => {
                    let per_year = r.to_f64().unwrap_or(0.0) / n as f64 * 365.25 / d * gross_margin;
                    Decimal::from_f64(per_year)
                        .map(|p| (p, "revenue × gross margin", Some(from)))
                        .ok_or(Reason::RevenueTooLarge)
                }
                _ => Err(Reason::AnnualProfit),
            }
        };
        let clv = match (&profit, &annual_churn) {
            (Ok((p, source, from)), Ok(c)) => Decimal::from_f64(1.0 / c).map(|life| (*p * life, *source, life, *from)),
            _ => None,
        };
        // CLV from the revenue of deals or orders in several currencies is not computable
        let from = clv.as_ref().and_then(|c| c.3);
        let mut put = |id: &'static str, metric: Metric| m.insert(id, withheld.metric_of(from, metric));
        put(
            "clv",
            match (&clv, &profit, &annual_churn) {
                (Some((v, source, life, from)), _, _) => Metric::new(money_rounded(*v), at_end, CLV)
                    .with("profit_source", json!(source))
                    .with("revenue_source", json!(from))
                    .with("lifespan_years", number(life.to_f64().unwrap_or(0.0))),
                (None, Err(why), _) | (None, _, Err(why)) => Metric::missing(why.clone(), CLV),
                _ => Metric::missing(Reason::DivisionByZero(None), CLV),
            },
        );
        let (net, ratio) = match (&clv, &cac) {
            (Some((v, _, _, _)), Ok(c)) if !c.is_zero() => {
                (Metric::new(money_rounded(*v - *c), 0, CLV_NET), ltv_cac(*v / *c))
            }
            (Some(_), Ok(_)) => (
                Metric::missing(Reason::zero(Reason::CacZero), CLV_NET),
                Metric::missing(Reason::zero(Reason::CacZero), LTV_CAC),
            ),
            _ => (Metric::missing(Reason::ClvCac, CLV_NET), Metric::missing(Reason::ClvCac, LTV_CAC)),
        };
        put("clv_net", net);
        let ratio = withheld.metric_of(from, ratio);
        let ltv_cac = ratio.value.as_f64();
        m.insert("ltv_cac_ratio", ratio);
        // orders: lines summed, counted by order id
        let needs_orders = Reason::NeedsFile { kind: "orders", fields: "order_id, customer_id, order_date, amount" };
        let (orders, with_amount) = self.order_book.in_period();
        let lines = &self.order_amounts;
        m.insert(
            "order_revenue",
            withheld.order_metric(if self.order_rows == 0 {
                Metric::missing(needs_orders.clone(), ORDER_REVENUE)
            } else {
                Metric::new(money(lines.sum), lines.with_amount, ORDER_REVENUE)
                    .with("orders", json!(orders))
                    .with("credit_notes", json!(self.order_book.credit_notes()))
            }),
        );
        m.insert(
            "average_order_value",
            withheld.order_metric(if self.order_rows == 0 {
                Metric::missing(needs_orders.clone(), AOV)
            } else {
                let t = Tally { count: orders, sum: lines.sum, with_amount };
                average_order_value(&t).with("lines", json!(lines.count))
            }),
        );
        let (repeat, buyers) = self.order_book.repeat_buyers();
        m.insert(
            "repeat_purchase_rate",
            if self.order_rows == 0 {
                Metric::missing(needs_orders, REPEAT)
            } else if buyers == 0 {
                Metric::missing(Reason::NoOrders, REPEAT)
            } else {
                Metric::new(number(repeat as f64 / buyers as f64), buyers, REPEAT)
                    .fraction(json!(repeat), json!(buyers))
            },
        );
        self.mrr(as_of, report);
        CustomersSummary {
            order_revenue: (self.order_rows > 0).then_some((lines.sum, lines.with_amount)),
            ltv_cac,
            new_customers_from: new.map(|(_, from)| from),
        }
    }

    /// MRR at each month end in range, with per-customer movements between months.
    fn mrr(&self, as_of: NaiveDate, report: &mut Report) {
        if self.subscriptions.is_empty() && self.snapshot.rows > 0 {
            report.metrics.insert("mrr", self.snapshot.mrr(MRR));
            return;
        }
        if self.subscriptions.is_empty() {
            report.metrics.insert(
                "mrr",
                Metric::missing(
                    Reason::NeedsFile { kind: "subscriptions", fields: "customer_id, start_date, mrr" },
                    MRR,
                ),
            );
            return;
        }
        let first = self.subscriptions.iter().map(|s| s.1).min();
        let last_data = self.subscriptions.iter().flat_map(|s| [Some(s.1), s.2]).flatten().max();
        let (Some(first), Some(last_data)) = (first, last_data) else { return };
        let start = self.period.from.unwrap_or(first);
        let end = as_of.pred_opt().unwrap_or(last_data).max(start);
        let month_end = |d: NaiveDate| {
            crate::period::Granularity::Month.next(crate::period::Granularity::Month.bucket(d))
                - chrono::Duration::days(1)
        };
        let mut ends = Vec::new();
        let mut at = month_end(start);
        while at <= month_end(end) && ends.len() < 1200 {
            ends.push(at);
            at = month_end(at + chrono::Duration::days(1));
        }
        let mrr_at = |day: NaiveDate| {
            let mut per: Groups<Decimal> = Groups::default();
            for (c, s, e, m) in &self.subscriptions {
                if *s <= day && e.is_none_or(|e| e > day) {
                    *per.entry(c, "(no customer)") += *m;
                }
            }
            per
        };
        let mut points = Vec::new();
        let mut before: Option<Groups<Decimal>> = None;
        for day in &ends {
            let now = mrr_at(*day);
            let total: Decimal = now.sorted().iter().map(|(_, v)| **v).sum();
            let (mut new, mut expansion, mut contraction, mut churned) =
                (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
            if let Some(prev) = &before {
                for (name, v) in now.sorted() {
                    match prev.get(name) {
                        None => new += *v,
                        Some(p) if v > p => expansion += *v - *p,
                        Some(p) if v < p => contraction += *p - *v,
                        _ => {}
                    }
                }
                for (name, p) in prev.sorted() {
                    if now.get(name).is_none() {
                        churned += *p;
                    }
                }
            }
            points.push(json!({
                "month_end": day,
                "mrr": money(total),
                "new": money(new),
                "expansion": money(expansion),
                "contraction": money(contraction),
                "churned": money(churned),
            }));
            before = Some(now);
        }
        let last = points.last().cloned().unwrap_or(Value::Null);
        report.metrics.insert(
            "mrr",
            Metric::new(last["mrr"].clone(), self.subscriptions.len() as u64, MRR)
                .with("month_end", last["month_end"].clone()),
        );
        let rows = points
            .iter()
            .map(|p| {
                row(&[
                    ("month_end", p["month_end"].clone()),
                    ("mrr", p["mrr"].clone()),
                    ("new", p["new"].clone()),
                    ("expansion", p["expansion"].clone()),
                    ("contraction", p["contraction"].clone()),
                    ("churned", p["churned"].clone()),
                ])
            })
            .collect();
        report.tables.insert(
            "mrr",
            Table::new(vec!["month_end", "mrr", "new", "expansion", "contraction", "churned"], rows, MRR),
        );
        report.series.insert("mrr", json!({ "granularity": "month", "points": points, "formula": MRR }));
    }
}
