//! Alerts (METRICS.md "Forecast and alerts"): rules over the figures the metric families
//! hand over ([`Facts`]), each fired rule a plain sentence with the numbers behind it and
//! the section that shows them. Thresholds are options; the defaults are the
//! specification's.

pub use crate::alert::{Alert, Facts, Thresholds};
use crate::report::{money, number};
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn alert(id: &'static str, section: &'static str, message: String, values: Value) -> Alert {
    Alert { id, message, section, values: values.as_object().cloned().unwrap_or_default() }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// An amount as the report writes it.
fn amount(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, money)
}

/// An amount as a number, read as the report's text of it would be.
fn float(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// Every rule that fires on `facts`, in the specification's order.
pub fn evaluate(facts: &Facts, t: &Thresholds, response_target: i64) -> Vec<Alert> {
    let mut out = Vec::new();
    if let Some(latest) = facts.latest.as_ref().filter(|l| l.below) {
        let text = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        out.push(alert(
            "sales_slowing",
            "forecast",
            format!(
                "Sales are slowing: revenue of the bucket starting {} was {}, below the 80% forecast range {} to {} made from the buckets before it.",
                latest.bucket.map(|b| b.to_string()).unwrap_or_default(),
                text(latest.actual),
                text(latest.lo80),
                text(latest.hi80)
            ),
            json!({ "bucket": latest.bucket, "actual": amount(latest.actual), "forecast": amount(latest.forecast), "lo80": amount(latest.lo80), "hi80": amount(latest.hi80) }),
        ));
    }
    if let (Some(now), Some((before, period))) = (facts.win_rate, facts.win_rate_before) {
        if before - now > t.win_rate_drop + 1e-12 {
            let day = |d: Option<chrono::NaiveDate>| d.map_or("?".to_string(), |d| d.to_string());
            out.push(alert(
                "win_rate_drop",
                "kpi",
                format!(
                    "Win rate fell from {} to {} ({:.1} points) against {} to {}.",
                    pct(before),
                    pct(now),
                    (now - before) * 100.0,
                    day(period.from),
                    day(period.to)
                ),
                json!({ "now": number(now), "before": number(before), "points": number((now - before) * 100.0), "from": period.from, "to": period.to }),
            ));
        }
    }
    let limit = t.lead_response_minutes.unwrap_or(response_target as f64);
    if let Some(median) = facts.response_median {
        if median > limit {
            out.push(alert(
                "slow_lead_response",
                "leads",
                format!("Leads wait too long: the median first response is {median} minutes, above the {limit}-minute target."),
                json!({ "median_minutes": number(median), "target_minutes": number(limit) }),
            ));
        }
    }
    if let Some((share, at, n)) = facts.reps_at_quota {
        let values = json!({ "share": number(share), "reps_at_quota": at, "reps": n });
        if share > t.quota_easy {
            out.push(alert(
                "quota_too_easy",
                "quota",
                format!("{} of reps reached quota (above {}): targets may be too low.", pct(share), pct(t.quota_easy)),
                values,
            ));
        } else if share < t.quota_hard {
            out.push(alert(
                "quota_too_hard",
                "quota",
                format!(
                    "Only {} of reps reached quota (below {}): worth investigating.",
                    pct(share),
                    pct(t.quota_hard)
                ),
                values,
            ));
        }
    }
    if let Some(ratio) = facts.ltv_cac {
        if ratio < t.ltv_cac {
            out.push(alert(
                "ltv_cac_below_1",
                "kpi",
                format!("LTV:CAC is {ratio:.2}, below {}: each customer costs more to win than they bring.", t.ltv_cac),
                json!({ "ratio": number(ratio), "threshold": number(t.ltv_cac) }),
            ));
        }
    }
    if let (Some(stalled_value), Some(open_value)) = (facts.stalled_value, facts.pipeline_value) {
        let (stalled, open) = (float(stalled_value), float(open_value));
        if open > 0.0 && stalled / open > t.stalled_share {
            let share = stalled / open;
            out.push(alert(
                "stalled_pipeline",
                "stalled",
                format!(
                    "{} of the open pipeline value ({stalled:.2} of {open:.2}) sits in stalled deals, above {}.",
                    pct(share),
                    pct(t.stalled_share)
                ),
                json!({ "share": number(share), "stalled_value": money(stalled_value), "pipeline_value": money(open_value), "threshold": number(t.stalled_share) }),
            ));
        }
    }
    out
}
