//! Analysis options: what `analyze(files, options)` accepts, validated.

use crate::period::Period;
use chrono::NaiveDate;
use serde::Deserialize;

/// Options as they arrive from JavaScript or a caller: dates as `YYYY-MM-DD` strings.
///
/// Every field is optional. New options are added, never renamed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawOptions {
    /// Start of the period, inclusive.
    pub from: Option<String>,
    /// End of the period, exclusive.
    pub to: Option<String>,
    /// "Today" for open items when `to` is not set (the page sends the user's local date).
    pub today: Option<String>,
    /// Replace the stalled-deal rule (age > mean sales cycle) by a fixed number of days.
    pub stalled_after_days: Option<f64>,
    /// Funnel stage order chosen by the user; stages not listed follow in inferred order.
    pub stage_order: Option<Vec<String>>,
}

/// Validated options.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub period: Period,
    pub today: Option<NaiveDate>,
    pub stalled_after_days: Option<f64>,
    pub stage_order: Vec<String>,
}

fn parse_day(name: &str, value: &Option<String>) -> Result<Option<NaiveDate>, String> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("option {name}: expected a date as YYYY-MM-DD, got {s:?}")),
    }
}

impl RawOptions {
    /// Checks and converts the options; the error names the bad option.
    pub fn validate(&self) -> Result<Options, String> {
        let from = parse_day("from", &self.from)?;
        let to = parse_day("to", &self.to)?;
        if let (Some(f), Some(t)) = (from, to) {
            if t <= f {
                return Err(format!("option to ({t}) must be after from ({f})"));
            }
        }
        if let Some(days) = self.stalled_after_days {
            if !(days.is_finite() && days >= 0.0) {
                return Err(format!("option stalled_after_days must be a number ≥ 0, got {days}"));
            }
        }
        Ok(Options {
            period: Period::new(from, to),
            today: parse_day("today", &self.today)?,
            stalled_after_days: self.stalled_after_days,
            stage_order: self.stage_order.clone().unwrap_or_default(),
        })
    }
}

impl Options {
    /// Options for a period, everything else default.
    pub fn with_period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Self {
        Options { period: Period::new(from, to), ..Options::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_dates() {
        let raw = RawOptions { from: Some("2024-01-01".into()), to: Some("2024-02-01".into()), ..Default::default() };
        let o = raw.validate().unwrap();
        assert_eq!(o.period.from, NaiveDate::from_ymd_opt(2024, 1, 1));
        let bad = RawOptions { from: Some("01/02/2024".into()), ..Default::default() };
        assert!(bad.validate().unwrap_err().contains("option from"));
        let reversed =
            RawOptions { from: Some("2024-02-01".into()), to: Some("2024-01-01".into()), ..Default::default() };
        assert!(reversed.validate().is_err());
    }
}
