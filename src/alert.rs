//! What an alert is and when it fires: the types the options, the alert rules
//! (`metrics::alerts`) and the report share.

use crate::period::Period;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// When a rule fires. Every field may be given on its own (`alertThresholds`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Thresholds {
    /// Win-rate drop against the comparison period, as a fraction (0.10 = 10 points).
    pub win_rate_drop: f64,
    /// Median lead response above this many minutes (default: the response target).
    pub lead_response_minutes: Option<f64>,
    /// Share of reps at quota above which targets look too easy.
    pub quota_easy: f64,
    /// Share of reps at quota below which targets look too hard.
    pub quota_hard: f64,
    /// LTV:CAC below this.
    pub ltv_cac: f64,
    /// Stalled deals' value above this share of the open pipeline value.
    pub stalled_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            win_rate_drop: 0.10,
            lead_response_minutes: None,
            quota_easy: 0.9,
            quota_hard: 0.4,
            ltv_cac: 1.0,
            stalled_share: 0.2,
        }
    }
}

/// A fired rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alert {
    /// The rule (`win_rate_drop`, `stalled_pipeline`…).
    pub id: &'static str,
    /// The sentence in English (the page words it in the user's language from `values`).
    pub message: String,
    /// The numbers behind it, by name.
    pub values: Map<String, Value>,
    /// The report section that shows the numbers (`forecast`, `kpi`, `leads`, `quota`,
    /// `stalled`).
    pub section: &'static str,
}

/// What the rules look at: figures of the report as the metric families hand them over
/// (None: not computable, or withheld because currencies are mixed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// The latest complete revenue bucket against the forecast from those before it.
    pub latest: Option<Latest>,
    /// The period's win rate.
    pub win_rate: Option<f64>,
    /// The comparison period's win rate, and that period.
    pub win_rate_before: Option<(f64, Period)>,
    /// Median minutes to a lead's first response.
    pub response_median: Option<f64>,
    /// Reps at quota: their share, how many, and how many have a quota.
    pub reps_at_quota: Option<(f64, u64, u64)>,
    /// LTV:CAC.
    pub ltv_cac: Option<f64>,
    /// The stalled deals' value (of those with an amount).
    pub stalled_value: Option<Decimal>,
    /// The open pipeline's value.
    pub pipeline_value: Option<Decimal>,
}

/// The latest complete bucket of revenue against the 80% range of a forecast made from
/// the buckets before it (amounts in cents; None when too large to hold).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Latest {
    /// The bucket's first day.
    pub bucket: Option<NaiveDate>,
    /// Its revenue.
    pub actual: Option<Decimal>,
    /// The forecast for it.
    pub forecast: Option<Decimal>,
    /// The 80% range's low end.
    pub lo80: Option<Decimal>,
    /// The 80% range's high end.
    pub hi80: Option<Decimal>,
    /// The revenue is below the range.
    pub below: bool,
}
