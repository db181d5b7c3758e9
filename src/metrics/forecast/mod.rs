//! Forecasts (METRICS.md "Forecast and alerts"): `forecast_weighted` from open deals, and
//! `forecast_revenue` from the history of monthly and weekly revenue by exponential
//! smoothing ([`ets`]), with prediction intervals and a backtest on held-back history.

pub mod ets;
pub mod weighted;

use super::stats::Exact;
use crate::alert::Latest;
use crate::period::Granularity;
use crate::reason::Reason;
use crate::report::{money, number, series_missing, Metric};
use chrono::NaiveDate;
use ets::Fit;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub const FORMULA: &str = "revenue per month (and week) projected ahead by exponential smoothing (Holt-Winters, chosen by AICc), with 80% and 95% prediction intervals; backtest on held-back history";

/// Simulated paths for the prediction intervals.
const PATHS: usize = 2000;
/// Quantiles reported: the 95% and 80% intervals.
const QUANTILES: [f64; 4] = [0.025, 0.1, 0.9, 0.975];

/// Revenue per day over all time (a forecast learns from all the history before the
/// as-of date, not only from the period); months and weeks are summed at the end, so a
/// won deal costs one map update.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    days: FxHashMap<NaiveDate, Exact>,
}

impl History {
    pub fn add(&mut self, day: NaiveDate, amount: Decimal) {
        self.days.entry(day).or_insert(Exact(Decimal::ZERO)).0 += amount;
    }

    pub fn merge(&mut self, o: History) {
        for (k, v) in o.days {
            self.days.entry(k).or_insert(Exact(Decimal::ZERO)).0 += v.0;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// The last day with an amount.
    pub fn last(&self) -> Option<NaiveDate> {
        self.days.keys().max().copied()
    }

    pub fn first(&self) -> Option<NaiveDate> {
        self.days.keys().min().copied()
    }

    /// The complete buckets before `as_of`, empty ones as 0: a first bucket the data
    /// starts inside of is left out, as is the bucket `as_of` falls in.
    pub fn series(&self, g: Granularity, as_of: NaiveDate) -> Vec<(NaiveDate, f64)> {
        let mut buckets: BTreeMap<NaiveDate, Decimal> = BTreeMap::new();
        for (day, v) in &self.days {
            *buckets.entry(g.bucket(*day)).or_default() += v.0;
        }
        let (Some(first_day), Some((&first, _))) = (self.days.keys().min(), buckets.iter().next()) else {
            return Vec::new();
        };
        let start = if *first_day > first { g.next(first) } else { first };
        let mut out = Vec::new();
        let mut at = start;
        while g.next(at) <= as_of && out.len() < 5000 {
            out.push((at, buckets.get(&at).and_then(|v| v.to_f64()).unwrap_or(0.0)));
            at = g.next(at);
        }
        out
    }
}

fn season_length(g: Granularity) -> usize {
    if g == Granularity::Week {
        52
    } else {
        12
    }
}

/// A forecast amount in cents (`"1000.00"`).
fn amount(x: f64) -> Value {
    cents(x).map_or(Value::Null, money)
}

/// `x` in cents (None when too large for a decimal).
fn cents(x: f64) -> Option<Decimal> {
    Decimal::from_f64(x).map(|d| {
        let mut d = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        d.rescale(2);
        d
    })
}

/// Mean absolute percentage error (over non-zero actuals) and bias (Σ forecast − Σ
/// actual, over Σ actual).
pub fn errors(actual: &[f64], forecast: &[f64]) -> (Option<f64>, Option<f64>) {
    let pairs: Vec<(f64, f64)> = actual.iter().copied().zip(forecast.iter().copied()).collect();
    let nonzero: Vec<f64> = pairs.iter().filter(|(a, _)| *a != 0.0).map(|(a, f)| ((a - f) / a).abs()).collect();
    let mape = (!nonzero.is_empty()).then(|| nonzero.iter().sum::<f64>() / nonzero.len() as f64);
    let total: f64 = actual.iter().sum();
    let bias = (total != 0.0).then(|| (forecast.iter().sum::<f64>() - total) / total);
    (mape, bias)
}

/// How many buckets to hold back for the backtest.
fn held_back(n: usize, m: usize) -> usize {
    if n >= 3 * m {
        m
    } else {
        (n / 4).clamp(1, 6)
    }
}

/// Forecasts `history` ahead (by months: a year when seasonal, else six months; by
/// weeks: 13): the model, its projection and its backtest; `Err` says why it cannot.
pub fn project(history: &[(NaiveDate, f64)], g: Granularity) -> Result<Value, Reason> {
    if history.len() < 3 {
        return Err(Reason::ShortHistory { need: 3, has: history.len(), weeks: g == Granularity::Week });
    }
    let y: Vec<f64> = history.iter().map(|(_, v)| *v).collect();
    let m = season_length(g);
    let (fit, why) = ets::select(&y, m).ok_or(Reason::NoModel)?;
    let horizon = match (g, fit.spec.season) {
        (Granularity::Week, _) => 13,
        (_, ets::Season::None) => 6,
        _ => 12,
    };
    let last = history.last().map(|(d, _)| *d).unwrap_or_default();
    let mut at = last;
    let points: Vec<Value> = fit
        .forecast(horizon)
        .into_iter()
        .zip(fit.quantiles(horizon, &QUANTILES, PATHS))
        .map(|(f, q)| {
            at = g.next(at);
            // revenue is never negative: intervals are cut at 0
            json!({
                "bucket": at,
                "forecast": amount(f.max(0.0)),
                "lo95": amount(q[0].max(0.0)),
                "lo80": amount(q[1].max(0.0)),
                "hi80": amount(q[2].max(0.0)),
                "hi95": amount(q[3].max(0.0)),
            })
        })
        .collect();
    // backtest: the same form refitted on the history without its last buckets
    let hb = held_back(y.len(), m);
    let backtest = if y.len() - hb >= 3 {
        let train = &y[..y.len() - hb];
        let from = if fit.spec.season == ets::Season::None { 1 } else { m };
        let refit = ets::fit(fit.spec, train, from).or_else(|| ets::select(train, m).map(|(f, _)| f));
        refit.map(|r| {
            let predicted = r.forecast(hb);
            let actual = &y[y.len() - hb..];
            let (mape, bias) = errors(actual, &predicted);
            let points: Vec<Value> = history[y.len() - hb..]
                .iter()
                .zip(&predicted)
                .map(|((d, a), f)| json!({ "bucket": d, "actual": amount(*a), "forecast": amount(f.max(0.0)) }))
                .collect();
            json!({
                "held_back": hb,
                "model": r.spec.code(),
                "mape": mape.map_or(Value::Null, number),
                "bias": bias.map_or(Value::Null, number),
                "points": points,
            })
        })
    } else {
        None
    };
    Ok(json!({
        "granularity": g,
        "method": fit.spec.name(),
        "model": fit.spec.code(),
        "why": why,
        "season_length": if fit.spec.season == ets::Season::None { Value::Null } else { json!(m) },
        "parameters": params(&fit),
        "history": history.iter().map(|(d, v)| json!({ "bucket": d, "revenue": amount(*v) })).collect::<Vec<_>>(),
        "points": points,
        "backtest": backtest.unwrap_or(Value::Null),
    }))
}

fn params(fit: &Fit) -> Value {
    let p = fit.params;
    let r = |x: f64| number((x * 1e4).round() / 1e4);
    json!({ "alpha": r(p.alpha), "beta": r(p.beta), "gamma": r(p.gamma), "phi": r(p.phi), "sigma": r(fit.sigma) })
}

/// The latest complete bucket against the 80% interval of a forecast made from the
/// buckets before it (the `sales_slowing` rule).
pub fn latest_check(history: &[(NaiveDate, f64)], g: Granularity) -> Option<Latest> {
    let (last, before) = history.split_last()?;
    let y: Vec<f64> = before.iter().map(|(_, v)| *v).collect();
    if y.len() < 3 {
        return None;
    }
    let (fit, _) = ets::select(&y, season_length(g))?;
    let f = fit.forecast(1)[0];
    let q = fit.quantiles(1, &[0.1, 0.9], PATHS);
    Some(Latest {
        bucket: Some(last.0),
        actual: cents(last.1),
        forecast: cents(f.max(0.0)),
        lo80: cents(q[0][0].max(0.0)),
        hi80: cents(q[0][1].max(0.0)),
        below: last.1 < q[0][0],
    })
}

/// The latest bucket's check as the report shows it (`forecast_revenue.latest`).
pub fn latest_json(l: &Latest) -> Value {
    let m = |d: Option<Decimal>| d.map_or(Value::Null, money);
    json!({
        "bucket": l.bucket,
        "actual": m(l.actual),
        "forecast": m(l.forecast),
        "lo80": m(l.lo80),
        "hi80": m(l.hi80),
        "below": l.below,
    })
}

/// `forecast_revenue` (metric: the next month's forecast) and its series (month and
/// week), from `history` up to the as-of date: the buckets before it are complete (the
/// user said so with `to`, or it is the day after the data's last date), but none after
/// `today` (a month not over yet). `source` names where revenue came from.
/// Also returns the month's latest-bucket check.
pub fn revenue(
    history: &History,
    as_of: NaiveDate,
    today: Option<NaiveDate>,
    source: &str,
) -> (Metric, Value, Option<Latest>) {
    if history.is_empty() {
        let why = Reason::WonOrOrders;
        return (Metric::missing(why.clone(), FORMULA), series_missing(&why, json!({})), None);
    }
    let mut latest = None;
    let end = today.map_or(as_of, |t| t.min(as_of));
    let mut series = serde_json::Map::new();
    let mut metric = Metric::missing(Reason::NoHistory, FORMULA);
    for (g, key) in [(Granularity::Month, "month"), (Granularity::Week, "week")] {
        let h = history.series(g, end);
        let v = match project(&h, g) {
            Ok(mut v) => {
                let check = latest_check(&h, g);
                if let Some(check) = &check {
                    v["latest"] = latest_json(check);
                }
                if g == Granularity::Month {
                    latest = check;
                    let next = &v["points"][0];
                    metric =
                        Metric::new(next["forecast"].clone(), h.len() as u64, FORMULA).with("source", json!(source));
                    for k in ["bucket", "lo80", "hi80", "lo95", "hi95"] {
                        metric.detail.insert(k.into(), next[k].clone());
                    }
                    for k in ["method", "model", "why", "backtest", "latest"] {
                        metric.detail.insert(k.into(), v.get(k).cloned().unwrap_or(Value::Null));
                    }
                }
                v
            }
            Err(why) => {
                let series = series_missing(&why, json!({}));
                if g == Granularity::Month {
                    metric = Metric::missing(why, FORMULA);
                }
                series
            }
        };
        series.insert(key.into(), v);
    }
    (metric, Value::Object(series), latest)
}
