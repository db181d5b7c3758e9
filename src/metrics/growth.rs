//! Deal metrics about pace and growth (METRICS.md "Deal metrics"): `revenue_trend`
//! (series), `sales_per_rep`, `sales_velocity`, `upsell_rate`. `sales_growth` needs the
//! comparison period and is set by the engine.

use super::groups::Merge;
use super::stats::Tally;
use crate::model::Deal;
use crate::period::{Granularity, Period};
use crate::reason::Reason;
use crate::report::{money, money_rounded, number, series_missing, Metric};
use crate::stages::Status;
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub const TREND_FORMULA: &str = "revenue, won, win_rate per granularity bucket";
pub const PER_REP_FORMULA: &str = "revenue / number of owners with ≥1 deal created or closed in period";
pub const VELOCITY_FORMULA: &str =
    "opportunities open in period × win_rate × average_deal_size / sales_cycle_days (money per day)";
pub const UPSELL_FORMULA: &str =
    "accounts with a won deal of type upsell/cross-sell/expansion in period / accounts with a won deal before `from`";
/// The most buckets a series may have (a coarser granularity is asked for beyond it).
const MAX_BUCKETS: usize = 3660;

/// Won and lost deals of one bucket.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Bucket {
    won: Tally,
    lost: u64,
}

/// What an account has won, for the upsell rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountHistory {
    first_won: Option<NaiveDate>,
    expansion_in_period: bool,
}

impl Merge for AccountHistory {
    fn merge(&mut self, o: Self) {
        self.first_won = [self.first_won, o.first_won].into_iter().flatten().min();
        self.expansion_in_period |= o.expansion_in_period;
    }
}

/// Pace and growth state. Mergeable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GrowthAgg {
    period: Period,
    granularity: Granularity,
    trend: BTreeMap<NaiveDate, Bucket>,
    open_in_period: u64,
}

impl GrowthAgg {
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }

    pub fn new(period: Period, granularity: Granularity) -> Self {
        GrowthAgg { period, granularity, trend: BTreeMap::new(), open_in_period: 0 }
    }

    /// Observes a deal; returns whether its owner is active in the period (a deal created
    /// or closed in it) and what its account won (None for no won deal or no account):
    /// the deals aggregate keeps both with its owners and accounts.
    pub fn observe(&mut self, d: &Deal<'_>) -> (bool, Option<AccountHistory>) {
        let closed_in = d.status != Status::Open && d.closed_in(self.period);
        if closed_in {
            if let Some(closed) = d.close_day() {
                let b = self.trend.entry(self.granularity.bucket(closed)).or_default();
                match d.status {
                    Status::Won => b.won.add(d.amount),
                    _ => b.lost += 1,
                }
            }
        }
        let active = closed_in || self.period.contains(d.created);
        // Open at some time during the period: created before its end, not closed before its start.
        let created_before_end = match (d.created, self.period.to) {
            (Some(c), Some(to)) => c < to,
            _ => true,
        };
        let still_open_at_start = match (d.status, d.closed, self.period.from) {
            (Status::Open, ..) => true,
            (_, Some(c), Some(from)) => c >= from,
            _ => true,
        };
        if created_before_end && still_open_at_start {
            self.open_in_period += 1;
        }
        let account = (d.status == Status::Won && !d.account.trim().is_empty())
            .then_some(AccountHistory { first_won: d.close_day(), expansion_in_period: closed_in && d.expansion });
        (active, account)
    }

    pub fn merge(&mut self, o: GrowthAgg) {
        for (k, b) in o.trend {
            let mine = self.trend.entry(k).or_default();
            mine.won.merge(b.won);
            mine.lost += b.lost;
        }
        self.open_in_period += o.open_in_period;
    }

    /// `revenue_trend`: one point per bucket from the first to the last (or over the
    /// period when it is bounded), empty buckets included.
    pub fn trend(&self) -> Value {
        let (Some(first), Some(last)) = (self.trend.keys().next(), self.trend.keys().next_back()) else {
            return series_missing(
                &Reason::NoClosed,
                json!({ "granularity": self.granularity, "points": [], "formula": TREND_FORMULA }),
            );
        };
        let points = buckets(self.period, self.granularity, *first, *last, |at| {
            let b = self.trend.get(&at).copied().unwrap_or_default();
            let closed = b.won.count + b.lost;
            json!({
                "bucket": at,
                "revenue": money(b.won.sum),
                "won": b.won.count,
                "lost": b.lost,
                "win_rate": if closed == 0 { Value::Null } else { number(b.won.count as f64 / closed as f64) },
            })
        });
        match points {
            Some(points) => json!({ "granularity": self.granularity, "points": points, "formula": TREND_FORMULA }),
            None => series_missing(
                &Reason::TooManyBuckets,
                json!({ "granularity": self.granularity, "points": [], "formula": TREND_FORMULA }),
            ),
        }
    }

    /// Accounts whose first won deal closed in the period (new customers, from deals).
    pub fn new_accounts<'a>(&self, accounts: impl Iterator<Item = &'a AccountHistory>) -> u64 {
        accounts.filter(|a| a.first_won.is_some() && self.period.contains(a.first_won)).count() as u64
    }

    /// `sales_per_rep`.
    /// `reps`: owners with a deal created or closed in the period.
    pub fn per_rep(&self, revenue: Decimal, reps: u64) -> Metric {
        if reps == 0 {
            return Metric::missing(Reason::NoOwners, PER_REP_FORMULA);
        }
        Metric::new(money_rounded(revenue / Decimal::from(reps)), reps, PER_REP_FORMULA)
            .fraction(money(revenue), json!(reps))
    }

    /// `sales_velocity` from the period's win rate, average deal size and sales cycle.
    pub fn velocity(&self, win_rate: Option<f64>, avg_deal: Option<Decimal>, cycle_days: Option<f64>) -> Metric {
        let (Some(w), Some(a), Some(c)) = (win_rate, avg_deal.and_then(|a| a.to_f64()), cycle_days) else {
            return Metric::missing(Reason::VelocityInputs, VELOCITY_FORMULA);
        };
        if c <= 0.0 {
            return Metric::missing(Reason::zero(Reason::ZeroCycle), VELOCITY_FORMULA);
        }
        let per_day = self.open_in_period as f64 * w * a / c;
        let value = Decimal::from_f64_retain(per_day).map_or(Value::Null, money_rounded);
        Metric::new(value, self.open_in_period, VELOCITY_FORMULA)
            .with("opportunities", json!(self.open_in_period))
            .with("win_rate", number(w))
            .with("average_deal_size", json!(a))
            .with("sales_cycle_days", number(c))
    }

    /// `upsell_rate` (needs a period start and a `type` column).
    pub fn upsell<'a>(&self, has_type: bool, accounts: impl Iterator<Item = &'a AccountHistory>) -> Metric {
        if !has_type {
            return Metric::missing(Reason::needs_column("type"), UPSELL_FORMULA);
        }
        let Some(from) = self.period.from else {
            return Metric::missing(Reason::PeriodStartAccounts, UPSELL_FORMULA);
        };
        let existing: Vec<&AccountHistory> = accounts.filter(|a| a.first_won.is_some_and(|d| d < from)).collect();
        let expanded = existing.iter().filter(|a| a.expansion_in_period).count() as u64;
        let n = existing.len() as u64;
        if n == 0 {
            return Metric::missing(Reason::NoAccountsBefore, UPSELL_FORMULA);
        }
        Metric::new(number(expanded as f64 / n as f64), n, UPSELL_FORMULA).fraction(json!(expanded), json!(n))
    }
}

/// One point per bucket of `g` over the period (or from `first` to `last` data bucket
/// where the period is open), empty buckets included; None past [`MAX_BUCKETS`].
pub fn buckets(
    period: Period,
    g: Granularity,
    first: NaiveDate,
    last: NaiveDate,
    point: impl Fn(NaiveDate) -> Value,
) -> Option<Vec<Value>> {
    let start = period.from.map_or(first, |f| g.bucket(f).min(first));
    let end = period.to.map_or(last, |t| g.bucket(t - chrono::Duration::days(1)).max(last));
    let mut points = Vec::new();
    let mut at = start;
    while at <= end {
        if points.len() == MAX_BUCKETS {
            return None;
        }
        points.push(point(at));
        at = g.next(at);
    }
    Some(points)
}
