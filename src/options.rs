//! Analysis options: what `analyze(files, options)` accepts, validated.

use crate::alert::Thresholds;
use crate::currency_code::{code, Rates};
pub use crate::filters::{Filters, RawFilters};
use crate::ingest::file_options::ChoiceError;
pub use crate::ingest::file_options::{FileOptions, RawFileOptions};
use crate::period::{Comparison, Granularity, Period};
use crate::text::quoted;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

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
    /// The date open items (pipeline, stalled deals), customers at the end and the
    /// forecast are judged at when `to` is not set. Default: the day after the latest date
    /// in the data ("today" is one choice).
    pub as_of: Option<String>,
    /// The user's local date: no month after it is complete (the forecast's history stops
    /// before it), and the comparison period of an open-ended period ends at it when no
    /// as-of date is given.
    pub today: Option<String>,
    /// Replace the stalled-deal rule (age > mean sales cycle) by a fixed number of days.
    pub stalled_after_days: Option<f64>,
    /// Funnel stage order chosen by the user; stages not listed follow in inferred order.
    pub stage_order: Option<Vec<String>>,
    /// Per file name: choices that override detection (encoding, delimiter, kind,
    /// column mapping, date order, decimal separator).
    pub files: Option<BTreeMap<String, RawFileOptions>>,
    /// Buckets of the series: `day`, `week` (ISO), `month` (default), `quarter`, `year`.
    pub granularity: Option<String>,
    /// `previous` (period of equal length before), `calendar` (as many calendar months
    /// before, for a period of whole months), `year` (a year earlier) or `none`.
    pub comparison: Option<String>,
    /// Win probability per stage name (0 to 1) for the weighted pipeline, where deals
    /// have no probability column; stages not listed use the defaults.
    pub stage_probabilities: Option<BTreeMap<String, f64>>,
    /// Target for lead response, in minutes (default 5).
    pub response_target_minutes: Option<i64>,
    /// Gross margin for CLV when there is no annual_profit column (0 to 1, default 1).
    pub gross_margin: Option<f64>,
    /// Link leads to the outcome of their deal (deal_id) across files (default: when
    /// `file_count` is not 1).
    pub link_leads: Option<bool>,
    /// How many files the analysis reads (the page knows before the first is read). A
    /// lead links only to a deal of another file, so one file keeps no links: a large
    /// leads file then holds no list of its leads to link.
    pub file_count: Option<u64>,
    /// Files not read because they hold the same bytes as one that was: the name read →
    /// the names left out (the page compares the files before reading them).
    pub same_files: Option<BTreeMap<String, Vec<String>>>,
    /// Conversion rates to one currency: code → how many units of `base_currency` one
    /// unit of that code is worth (`{"EUR": "1.08"}`, as strings or numbers). Amounts in
    /// codes without a rate are reported per currency.
    pub currency_rates: Option<BTreeMap<String, serde_json::Value>>,
    /// The currency the rates convert to (e.g. `USD`); its own amounts need no rate.
    pub base_currency: Option<String>,
    /// When alerts fire (`win_rate_drop`, `lead_response_minutes`, `quota_easy`,
    /// `quota_hard`, `ltv_cac`, `stalled_share`); each defaults to the specification's.
    pub alert_thresholds: Option<Thresholds>,
    /// Only these owners / sources / pipelines (names as written; matched trimmed and
    /// case-insensitively): deals, leads, activities, quotas and tickets of others are left
    /// out of every metric. Pipelines are a deals column: a pipeline filter keeps the
    /// other tables whole. Absent or empty: everyone.
    pub filters: Option<RawFilters>,
    /// The wasm memory (in MiB) past which the page's worker stops reading and reports
    /// what it read so far (default 2048; 16 to 4096). Checked here, used by the worker.
    pub memory_limit_mb: Option<f64>,
}

/// Validated options.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The days analysed.
    pub period: Period,
    /// The day open deals are judged at (default: the period's end, else the day after the data).
    pub as_of: Option<NaiveDate>,
    /// Today, for a forecast that looks ahead of the data.
    pub today: Option<NaiveDate>,
    /// Days without a change after which an open deal is stalled (default: by its stage).
    pub stalled_after_days: Option<f64>,
    /// The stages in the order deals pass them, for the funnel.
    pub stage_order: Vec<String>,
    /// What the user fixed about each file, by name.
    pub files: BTreeMap<String, FileOptions>,
    /// Per file name: why its choices were not used.
    pub file_option_errors: BTreeMap<String, ChoiceError>,
    /// Trend buckets.
    pub granularity: Granularity,
    /// The period compared against.
    pub comparison: Option<Comparison>,
    /// Win probability per stage name, for the weighted pipeline.
    pub stage_probabilities: BTreeMap<String, f64>,
    /// The lead and ticket response target, in minutes.
    pub response_target_minutes: i64,
    /// Gross margin, for CLV from revenue.
    pub gross_margin: f64,
    /// Link leads to the deals read with them.
    pub link_leads: bool,
    /// Conversion rates to a base currency.
    pub rates: Rates,
    /// When each alert fires.
    pub alert_thresholds: Thresholds,
    /// Owners, sources, pipelines, products and groups kept.
    pub filters: Filters,
    /// Files left out as copies of a file read: its name → theirs.
    pub same_files: BTreeMap<String, Vec<String>>,
}

fn parse_day(name: &str, value: &Option<String>) -> Result<Option<NaiveDate>, String> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .filter(|d| (1900..=2100).contains(&chrono::Datelike::year(d)))
            .map(Some)
            .ok_or_else(|| {
                format!("option {name}: expected a date from 1900 to 2100 as YYYY-MM-DD, got {}", quoted(s))
            }),
    }
}

impl RawOptions {
    fn rates(&self) -> Result<Rates, String> {
        let base = self.base_currency.as_deref().map(|b| code(b).into_owned()).filter(|b| !b.is_empty());
        let mut rates = BTreeMap::new();
        for (c, v) in self.currency_rates.iter().flatten() {
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => String::new(),
            };
            let rate = Decimal::from_str(text.trim())
                .ok()
                .or_else(|| Decimal::from_scientific(text.trim()).ok())
                .filter(|r| *r > Decimal::ZERO)
                .ok_or_else(|| format!("option currency_rates: {} needs a positive number, got {v}", quoted(c)))?;
            rates.insert(code(c).into_owned(), rate);
        }
        if !rates.is_empty() && base.is_none() {
            return Err("option currency_rates needs base_currency (the code the rates convert to)".into());
        }
        Ok(Rates { base, rates })
    }

    /// Checks and converts the options; the error names the bad option.
    pub fn validate(&self) -> Result<Options, String> {
        let from = parse_day("from", &self.from)?;
        let to = parse_day("to", &self.to)?;
        if let (Some(f), Some(t)) = (from, to) {
            if t <= f {
                return Err(format!("option to ({t}) must be after from ({f})"));
            }
        }
        if let Some(mb) = self.memory_limit_mb {
            if !(16.0..=4096.0).contains(&mb) {
                return Err(format!("option memory_limit_mb must be from 16 to 4096, got {mb}"));
            }
        }
        for g in self.filters.iter().flat_map(|f| f.groups.iter().flatten()) {
            if !crate::ingest::lookup::KEYS.contains(&g.key.as_str()) {
                return Err(format!(
                    "option filters.groups: key must be owner, account or product, got {}",
                    quoted(&g.key)
                ));
            }
            if g.column.trim().is_empty() {
                return Err(format!("option filters.groups: the {} group needs a column", quoted(&g.key)));
            }
        }
        if let Some(days) = self.stalled_after_days {
            if !(days.is_finite() && days >= 0.0) {
                return Err(format!("option stalled_after_days must be a number ≥ 0, got {days}"));
            }
        }
        let granularity = match self.granularity.as_deref().filter(|s| !s.is_empty()) {
            None => Granularity::default(),
            Some(g) => Granularity::parse(g).ok_or_else(|| {
                format!(
                    "option granularity: expected day, week, month, quarter, year or persian_month, got {}",
                    quoted(g)
                )
            })?,
        };
        let comparison = Comparison::parse(self.comparison.as_deref().unwrap_or("")).ok_or_else(|| {
            format!(
                "option comparison: expected previous, calendar, year or none, got {}",
                quoted(self.comparison.as_deref().unwrap_or(""))
            )
        })?;
        let stage_probabilities = self.stage_probabilities.clone().unwrap_or_default();
        if let Some((stage, p)) = stage_probabilities.iter().find(|(_, p)| !(0.0..=1.0).contains(*p)) {
            return Err(format!("option stage_probabilities: {} must be from 0 to 1, got {p}", quoted(stage)));
        }
        let rates = self.rates()?;
        // A file's bad choices (an imported preset, say) fail that file's choices only:
        // the file is read as detected, and its notes say why.
        let (mut files, mut file_option_errors) = (BTreeMap::new(), BTreeMap::new());
        for (name, raw) in self.files.iter().flatten() {
            match raw.validate() {
                Ok(o) => {
                    files.insert(name.clone(), o);
                }
                Err(why) => {
                    file_option_errors.insert(name.clone(), why);
                }
            }
        }
        Ok(Options {
            period: Period::new(from, to),
            as_of: parse_day("as_of", &self.as_of)?,
            today: parse_day("today", &self.today)?,
            file_option_errors,
            stalled_after_days: self.stalled_after_days,
            stage_order: self.stage_order.clone().unwrap_or_default(),
            files,
            granularity,
            comparison,
            stage_probabilities,
            response_target_minutes: self.response_target_minutes.unwrap_or(5).max(0),
            link_leads: self.link_leads.unwrap_or(self.file_count != Some(1)),
            rates,
            alert_thresholds: self.alert_thresholds.clone().unwrap_or_default(),
            filters: self.filters.as_ref().map(Filters::new).unwrap_or_default(),
            same_files: self.same_files.clone().unwrap_or_default(),
            gross_margin: match self.gross_margin {
                None => 1.0,
                Some(g) if (0.0..=1.0).contains(&g) => g,
                Some(g) => return Err(format!("option gross_margin must be from 0 to 1, got {g}")),
            },
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

    #[test]
    fn leads_link_to_deals_only_across_files() {
        let links = |file_count, link_leads| RawOptions { file_count, link_leads, ..Default::default() }.validate();
        assert!(!links(Some(1), None).unwrap().link_leads);
        assert!(links(Some(2), None).unwrap().link_leads);
        assert!(links(None, None).unwrap().link_leads);
        assert!(links(Some(1), Some(true)).unwrap().link_leads);
    }
}
