//! What an alert is and when it fires: the types the options, the alert rules
//! (`metrics::alerts`) and the report share.

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
