//! With filters set, the metrics the filters cannot reach say so.

use crate::options::Filters;
use crate::report::Report;

/// Metrics of tables with no owner, source or pipeline column (orders, customers,
/// subscriptions, spend, surveys, traffic): filters cannot reach them.
const UNFILTERABLE: [&str; 14] = [
    "order_revenue",
    "average_order_value",
    "repeat_purchase_rate",
    "customers_at_start",
    "churn_rate",
    "retention_rate",
    "cac",
    "clv",
    "clv_net",
    "ltv_cac_ratio",
    "mrr",
    "nps",
    "csat",
    "conversion_rate",
];
/// Lead metrics: filtered by owner and source, not by pipeline.
const LEAD_METRICS: [&str; 5] =
    ["qualified_leads", "mql_to_sql_rate", "lead_conversion_rate", "lead_response_minutes", "referrals"];

/// With filters set, every computed metric the filters do not reach says so:
/// `unfiltered` lists the filters it ignores (the page marks the card). `also`: metrics
/// the filters do not reach in this report (new customers counted from customers or
/// orders, growth of order revenue).
pub(super) fn mark_unfiltered(filters: &Filters, also: &[&str], report: &mut Report) {
    let set = filters.set();
    if set.is_empty() {
        return;
    }
    for (id, metric) in report.metrics.iter_mut() {
        let ignored: Vec<&str> = if UNFILTERABLE.contains(id) || also.contains(id) {
            set.clone()
        } else if LEAD_METRICS.contains(id) {
            // leads have an owner and a source, not a pipeline, product or account
            let lead_filters = ["owners", "sources", "owner_groups"];
            set.iter().copied().filter(|f| !lead_filters.contains(f)).collect()
        } else {
            continue;
        };
        if !ignored.is_empty() && !metric.value.is_null() {
            metric.detail.insert("unfiltered".into(), serde_json::json!(ignored));
        }
    }
}
