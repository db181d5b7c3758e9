//! The comparison period (previous period of equal length, or a year earlier): each
//! metric gets the comparison value and the change, and `sales_growth` is computed.

use super::withheld::Withheld;
use crate::options::Options;
use crate::period::Period;
use crate::reason::Reason;
use crate::report::{money, number, Metric, Report};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

pub const GROWTH_FORMULA: &str = "(revenue − revenue of comparison period) / revenue of comparison period";

/// The period's revenue, whatever its currencies: won deals' and order lines', each with
/// the rows it sums (None: not computable).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Revenues {
    /// Won deals' revenue.
    pub deals: Option<(Decimal, u64)>,
    /// Order lines' revenue.
    pub orders: Option<(Decimal, u64)>,
}

/// Adds `comparison` to every computable metric (from the same metrics computed over the
/// comparison period) and sets `sales_growth` from `now` (as `withheld` says); returns
/// where the growth shown was computed from (`deals` or `orders`; None: not computable).
///
/// Without a comparison, `sales_growth` is still computed against the previous period of
/// equal length when the period has a start: `previous` is that period and its won
/// revenue (from deals).
pub fn compare(
    options: &Options,
    earlier: Option<&(Period, Report)>,
    (now, previous): (Revenues, Option<(Period, Decimal)>),
    withheld: &Withheld,
    report: &mut Report,
) -> Option<&'static str> {
    let (growth, source) = growth(options, earlier, now, previous);
    // growth of order revenue in several currencies would add them up
    let growth = withheld.deal_metric("sales_growth", growth);
    let growth = if source == Some("orders") { withheld.order_metric(growth) } else { growth };
    let source = source.filter(|_| !growth.value.is_null());
    if let Some((period, earlier)) = earlier {
        add_comparisons(*period, earlier, report);
    }
    report.metrics.insert("sales_growth", growth);
    source
}

/// `comparison` on every computable metric of `report` also computable in `earlier`.
fn add_comparisons(period: Period, earlier: &Report, report: &mut Report) {
    for (id, metric) in report.metrics.iter_mut() {
        let Some(before) = earlier.metrics.get(id) else { continue };
        if metric.value.is_null() || before.value.is_null() {
            continue;
        }
        metric.detail.insert(
            "comparison".into(),
            json!({
                "from": period.from,
                "to": period.to,
                "value": before.value,
                "change": change(&metric.value, &before.value),
                "change_ratio": ratio(&metric.value, &before.value),
            }),
        );
    }
}

/// `sales_growth`: against the comparison period, else the previous period of equal
/// length; and the revenue it grows (`deals` or `orders`).
fn growth(
    options: &Options,
    earlier: Option<&(Period, Report)>,
    now: Revenues,
    previous: Option<(Period, Decimal)>,
) -> (Metric, Option<&'static str>) {
    let Some((period, earlier)) = earlier else {
        return match (options.comparison, previous) {
            (None, Some((p, before))) => (growth_of(now.deals, before, p), Some("deals")),
            (None, None) => (Metric::missing(Reason::PeriodStartComparison, GROWTH_FORMULA), None),
            (Some(_), _) => (Metric::missing(Reason::PeriodStartComparison, GROWTH_FORMULA), None),
        };
    };
    // Revenue of won deals; a shop with orders and no deals grows by its order revenue.
    let before = |id: &str| earlier.metrics.get(id).and_then(|m| decimal(&m.value));
    let pair = now.deals.map(|n| ("deals", n, before("revenue")));
    let pair = pair.or_else(|| now.orders.map(|n| ("orders", n, before("order_revenue"))));
    let growth = match pair {
        Some((source, (now, rows), Some(before))) if !before.is_zero() => {
            let g = ((now - before) / before).to_f64().map_or(Value::Null, number);
            Metric::new(g, rows, GROWTH_FORMULA)
                .fraction(money(now - before), money(before))
                .with("source", json!(source))
        }
        Some((_, _, Some(_))) => Metric::missing(Reason::zero(Reason::NoRevenueBefore), GROWTH_FORMULA),
        _ => Metric::missing(Reason::RevenueBoth, GROWTH_FORMULA),
    };
    (growth.with("comparison", json!({ "from": period.from, "to": period.to })), pair.map(|p| p.0))
}

/// Growth of won revenue `now` (and its rows) against `before`, the value over `period`.
fn growth_of(now: Option<(Decimal, u64)>, before: Decimal, period: Period) -> Metric {
    let rows = now.map_or(0, |n| n.1);
    let metric = match now.map(|n| n.0) {
        Some(now) if !before.is_zero() => {
            let g = ((now - before) / before).to_f64().map_or(Value::Null, number);
            Metric::new(g, rows, GROWTH_FORMULA)
                .fraction(money(now - before), money(before))
                .with("source", json!("deals"))
        }
        Some(_) => Metric::missing(Reason::zero(Reason::NoRevenueBefore), GROWTH_FORMULA),
        None => Metric::missing(Reason::RevenueBoth, GROWTH_FORMULA),
    };
    metric.with("comparison", json!({ "from": period.from, "to": period.to }))
}

fn decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => Decimal::from_str(s).ok(),
        _ => None,
    }
}

/// Now minus before: exact for money, a number otherwise.
fn change(now: &Value, before: &Value) -> Value {
    match (decimal(now), decimal(before)) {
        (Some(a), Some(b)) => money(a - b),
        _ => match (now.as_f64(), before.as_f64()) {
            (Some(a), Some(b)) => number(a - b),
            _ => Value::Null,
        },
    }
}

/// (now − before) / |before|, or null when before is zero.
fn ratio(now: &Value, before: &Value) -> Value {
    let as_f64 = |v: &Value| decimal(v).and_then(|d| d.to_f64()).or_else(|| v.as_f64());
    match (as_f64(now), as_f64(before)) {
        (Some(a), Some(b)) if b != 0.0 => number((a - b) / b.abs()),
        _ => Value::Null,
    }
}
