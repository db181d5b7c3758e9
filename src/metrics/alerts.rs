//! Alerts (METRICS.md "Forecast and alerts"): rules over the finished report, each fired
//! rule a plain sentence with the numbers behind it and the section that shows them.
//! Thresholds are options; the defaults are the specification's.

pub use crate::alert::{Alert, Thresholds};
use crate::report::{number, Report};
use serde_json::{json, Value};

fn alert(id: &'static str, section: &'static str, message: String, values: Value) -> Alert {
    Alert { id, message, section, values: values.as_object().cloned().unwrap_or_default() }
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64().or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// Every rule that fires on `report`, in the specification's order.
pub fn evaluate(report: &Report, t: &Thresholds, response_target: i64) -> Vec<Alert> {
    let m = |id: &str| report.metrics.get(id).filter(|m| !m.value.is_null());
    let mut out = Vec::new();
    if let Some(latest) = m("forecast_revenue").and_then(|f| f.detail.get("latest")) {
        if latest["below"] == json!(true) {
            out.push(alert(
                "sales_slowing",
                "forecast",
                format!(
                    "Sales are slowing: revenue of the bucket starting {} was {}, below the 80% forecast range {} to {} made from the buckets before it.",
                    latest["bucket"].as_str().unwrap_or(""),
                    latest["actual"].as_str().unwrap_or(""),
                    latest["lo80"].as_str().unwrap_or(""),
                    latest["hi80"].as_str().unwrap_or("")
                ),
                json!({ "bucket": latest["bucket"], "actual": latest["actual"], "forecast": latest["forecast"], "lo80": latest["lo80"], "hi80": latest["hi80"] }),
            ));
        }
    }
    if let Some(w) = m("win_rate") {
        let c = &w.detail.get("comparison").cloned().unwrap_or(Value::Null);
        if let (Some(now), Some(before)) = (num(&w.value), num(&c["value"])) {
            if before - now > t.win_rate_drop + 1e-12 {
                out.push(alert(
                    "win_rate_drop",
                    "kpi",
                    format!(
                        "Win rate fell from {} to {} ({:.1} points) against {} to {}.",
                        pct(before),
                        pct(now),
                        (now - before) * 100.0,
                        c["from"].as_str().unwrap_or("?"),
                        c["to"].as_str().unwrap_or("?")
                    ),
                    json!({ "now": number(now), "before": number(before), "points": number((now - before) * 100.0), "from": c["from"], "to": c["to"] }),
                ));
            }
        }
    }
    let limit = t.lead_response_minutes.unwrap_or(response_target as f64);
    if let Some(median) = m("lead_response_minutes").and_then(|l| l.detail.get("median")).and_then(num) {
        if median > limit {
            out.push(alert(
                "slow_lead_response",
                "leads",
                format!("Leads wait too long: the median first response is {median} minutes, above the {limit}-minute target."),
                json!({ "median_minutes": number(median), "target_minutes": number(limit) }),
            ));
        }
    }
    if let Some(r) = m("reps_at_quota") {
        let share = num(&r.value).unwrap_or(0.0);
        let values = json!({ "share": number(share), "reps_at_quota": r.numerator, "reps": r.denominator });
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
    if let Some(ratio) = m("ltv_cac_ratio").and_then(|r| num(&r.value)) {
        if ratio < t.ltv_cac {
            out.push(alert(
                "ltv_cac_below_1",
                "kpi",
                format!("LTV:CAC is {ratio:.2}, below {}: each customer costs more to win than they bring.", t.ltv_cac),
                json!({ "ratio": number(ratio), "threshold": number(t.ltv_cac) }),
            ));
        }
    }
    let stalled = m("stalled_deals").and_then(|s| s.detail.get("value_sum")).and_then(num);
    let open = m("pipeline_value").and_then(|p| num(&p.value));
    if let (Some(stalled), Some(open)) = (stalled, open) {
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
                json!({ "share": number(share), "stalled_value": m("stalled_deals").map(|s| s.detail["value_sum"].clone()), "pipeline_value": m("pipeline_value").map(|p| p.value.clone()), "threshold": number(t.stalled_share) }),
            ));
        }
    }
    out
}
