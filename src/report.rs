//! The report: the public contract between the engine and every consumer (the page,
//! embedders, tests). Documented field by field in `docs/REPORT.md`.

use crate::ingest::file_info::FileInfo;
use crate::problems::Problems;
pub use crate::reason::Reason;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Version of the report's shape; bumped only when a field changes meaning.
pub const REPORT_VERSION: u32 = 1;

/// One scalar metric. `value` is `null` with a `reason` when it cannot be computed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Metric {
    /// The figure: a number, money as an exact decimal string, or `null`.
    pub value: Value,
    /// What was divided, for a ratio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Value>,
    /// What it was divided by, for a ratio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Value>,
    /// Rows the metric was computed from.
    pub rows: u64,
    /// Why it is not computable, in METRICS.md's English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The same as a code and values, which the page words in its language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<Reason>,
    /// How it is computed, as METRICS.md states it.
    pub formula: &'static str,
    /// Further values (e.g. `median` beside a mean), flattened into the object.
    #[serde(flatten)]
    pub detail: Map<String, Value>,
}

impl Metric {
    /// A computed metric.
    pub fn new(value: Value, rows: u64, formula: &'static str) -> Self {
        Metric {
            value,
            numerator: None,
            denominator: None,
            rows,
            reason: None,
            reason_code: None,
            formula,
            detail: Map::new(),
        }
    }

    /// Not computable: `value: null` and why.
    pub fn missing(reason: Reason, formula: &'static str) -> Self {
        Metric { reason: Some(reason.text()), reason_code: Some(reason), ..Metric::new(Value::Null, 0, formula) }
    }

    /// A count ratio `n / d`, with its numerator and denominator; not computable (with
    /// `reason`) when `d` is 0.
    pub fn ratio(n: u64, d: u64, reason: Reason, formula: &'static str) -> Self {
        if d == 0 {
            return Metric::missing(reason, formula);
        }
        Metric::new(number(n as f64 / d as f64), d, formula).fraction(Value::from(n), Value::from(d))
    }

    /// Adds the numerator and denominator.
    pub fn fraction(mut self, numerator: Value, denominator: Value) -> Self {
        self.numerator = Some(numerator);
        self.denominator = Some(denominator);
        self
    }

    /// Adds a detail value.
    pub fn with(mut self, key: &str, value: Value) -> Self {
        self.detail.insert(key.to_string(), value);
        self
    }
}

/// A table metric: rows of named cells.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<&'static str>,
    /// The rows (at most [`MAX_TABLE_ROWS`]).
    pub rows: Vec<Map<String, Value>>,
    /// Rows before any cap on the list (`rows` may hold fewer).
    pub total_rows: u64,
    /// Why it is not computable, in METRICS.md's English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The same as a code and values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<Reason>,
    /// How it is computed, as METRICS.md states it.
    pub formula: &'static str,
    /// The rows left off the list by the cap ([`MAX_TABLE_ROWS`]): how many, and the sums
    /// of their additive columns (counts and money), so that totals stay exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rest: Option<Map<String, Value>>,
    /// Further values, flattened into the object.
    #[serde(flatten)]
    pub detail: Map<String, Value>,
}

/// Rows a table of names lists at most (owners, accounts, reasons…). A file whose owner
/// column holds a million distinct values gives the first rows in the table's order and
/// one sum of the others, not a report of hundreds of megabytes.
pub const MAX_TABLE_ROWS: usize = 1000;

impl Table {
    /// A computed table.
    pub fn new(columns: Vec<&'static str>, rows: Vec<Map<String, Value>>, formula: &'static str) -> Self {
        Table {
            columns,
            total_rows: rows.len() as u64,
            rows,
            reason: None,
            reason_code: None,
            formula,
            rest: None,
            detail: Map::new(),
        }
    }

    /// A table of rows ordered most important first: the first [`MAX_TABLE_ROWS`] are
    /// listed, the others counted in `total_rows` and their `additive` columns summed in
    /// `rest`. Rows past the cap are built one at a time and dropped.
    pub fn capped(
        columns: Vec<&'static str>,
        rows: impl IntoIterator<Item = Map<String, Value>>,
        additive: &[&str],
        formula: &'static str,
    ) -> Self {
        Table::capped_dyn(columns, &mut rows.into_iter(), additive, formula)
    }

    /// [`Table::capped`] for any iterator: one copy of the code in the wasm, not one per
    /// kind of row.
    fn capped_dyn(
        columns: Vec<&'static str>,
        rows: &mut dyn Iterator<Item = Map<String, Value>>,
        additive: &[&str],
        formula: &'static str,
    ) -> Self {
        let listed: Vec<_> = (&mut *rows).take(MAX_TABLE_ROWS).collect();
        let mut table = Table::new(columns, listed, formula);
        let mut sums: Vec<Option<(Decimal, bool)>> = vec![None; additive.len()];
        let mut left = 0u64;
        for row in rows {
            left += 1;
            for (sum, column) in sums.iter_mut().zip(additive) {
                let (value, text) = match row.get(*column) {
                    Some(Value::String(s)) => (s.parse::<Decimal>().ok(), true),
                    Some(Value::Number(n)) => (n.to_string().parse::<Decimal>().ok(), false),
                    _ => (None, false),
                };
                if let Some(v) = value {
                    let (total, _) = sum.get_or_insert((Decimal::ZERO, text));
                    *total = total.checked_add(v).unwrap_or(*total);
                }
            }
        }
        if left > 0 {
            table.total_rows += left;
            let mut rest = Map::new();
            rest.insert("rows".into(), Value::from(left));
            for (sum, column) in sums.into_iter().zip(additive) {
                if let Some((total, text)) = sum {
                    let v =
                        if text { money(total) } else { total.to_string().parse().map_or(Value::Null, Value::Number) };
                    rest.insert(column.to_string(), v);
                }
            }
            table.rest = Some(rest);
        }
        table
    }

    /// A table that is not computable, and why.
    pub fn missing(columns: Vec<&'static str>, reason: Reason, formula: &'static str) -> Self {
        Table { reason: Some(reason.text()), reason_code: Some(reason), ..Table::new(columns, Vec::new(), formula) }
    }

    /// Adds a detail value.
    pub fn with(mut self, key: &str, value: Value) -> Self {
        self.detail.insert(key.to_string(), value);
        self
    }

    /// The table with why it is empty.
    pub fn because(self, reason: Reason) -> Self {
        Table { reason: Some(reason.text()), reason_code: Some(reason), ..self }
    }
}

/// A series (`report.series`) that cannot be drawn: its `reason` and `reason_code`, with
/// `extra` (its granularity, empty points…).
pub fn series_missing(reason: &Reason, extra: Value) -> Value {
    let mut out = extra.as_object().cloned().unwrap_or_default();
    out.insert("reason".into(), Value::from(reason.text()));
    out.insert("reason_code".into(), serde_json::to_value(reason).unwrap_or(Value::Null));
    Value::Object(out)
}

/// The period the report covers.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PeriodInfo {
    pub from: Option<NaiveDate>,
    /// Exclusive.
    pub to: Option<NaiveDate>,
    /// Date open items are judged at: `to`, else today, else the day after the last date.
    pub as_of: Option<NaiveDate>,
    /// First and last date found in the data.
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

/// Counts about the run itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Diagnostics {
    pub bytes: u64,
    pub rows: u64,
    pub files: u64,
}

/// A canonical field of a table kind, for mapping editors.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldInfo {
    pub name: &'static str,
    pub required: bool,
    /// `text`, `money`, `number`, `percent`, `date` or `datetime`.
    pub value: &'static str,
    /// Metrics that cannot be computed when no column holds this field (for the mapping
    /// editor's warning before an analysis).
    pub needed_by: &'static [&'static str],
    /// A deals field that tells open, won and lost apart (one is needed).
    pub tells_status: bool,
    /// The field this one stands in for when given (`closed_date` for a won date).
    pub stands_for: Option<&'static str>,
}

/// Metrics each deals field is needed for: the deals family marks them not computable
/// when no column holds the field, and the mapping editor warns of it before an analysis
/// (`tests/mapping_needs.rs` leaves each column out of a file and checks).
pub const DEAL_NEEDS: &[(&str, &[&str])] = &[
    (
        "amount",
        &["revenue", "average_deal_size", "median_deal_size", "pipeline_value", "sales_per_rep", "sales_velocity"],
    ),
    ("created_date", &["opportunities_created", "win_rate_cohort", "sales_cycle_days", "sales_velocity"]),
    (
        "closed_date",
        &["revenue", "deals_won", "deals_lost", "win_rate", "average_deal_size", "sales_cycle_days", "sales_velocity"],
    ),
    ("type", &["upsell_rate"]),
    ("expected_close_date", &["forecast_weighted"]),
];

/// The metrics `field` of `kind` is needed for.
fn needed_by(kind: &str, field: &str) -> &'static [&'static str] {
    match kind {
        "deals" => DEAL_NEEDS.iter().find(|(f, _)| *f == field).map_or(&[], |(_, m)| m),
        _ => &[],
    }
}

/// Every table kind and its fields (METRICS.md "Input tables").
pub fn kinds() -> BTreeMap<&'static str, Vec<FieldInfo>> {
    use crate::ingest::schema::{Kind, ValueType, CLOSE_DATE_FIELDS, KINDS, STATUS_FIELDS};
    KINDS
        .iter()
        .map(|k| {
            let fields = k
                .fields
                .iter()
                .map(|f| FieldInfo {
                    name: f.name,
                    required: f.required,
                    needed_by: needed_by(k.name, f.name),
                    tells_status: k.kind == Kind::Deals && STATUS_FIELDS.contains(&f.name),
                    stands_for: (k.kind == Kind::Deals && CLOSE_DATE_FIELDS.contains(&f.name)).then_some("closed_date"),
                    value: match f.value {
                        ValueType::Text => "text",
                        ValueType::Money => "money",
                        ValueType::Number => "number",
                        ValueType::Percent => "percent",
                        ValueType::Date => "date",
                        ValueType::DateTime => "datetime",
                    },
                })
                .collect();
            (k.name, fields)
        })
        .collect()
}

/// Money metrics of one currency, when amounts come in several (see `currencies`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MoneyReport {
    pub metrics: BTreeMap<&'static str, Metric>,
    pub tables: BTreeMap<&'static str, Table>,
    pub series: BTreeMap<&'static str, Value>,
}

/// The currencies of deals and orders, and what was done about them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CurrencyReport {
    /// Codes found in deals or orders (after conversion), sorted; blank cells not counted.
    pub codes: Vec<String>,
    /// True when money metrics of the whole report are withheld (several codes).
    pub mixed: bool,
    /// The currency rates converted to, when the user gave rates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Rows converted per original code.
    pub converted: BTreeMap<String, u64>,
    /// Per code (`(none)` for a blank cell), the money metrics over that currency's rows.
    pub by_currency: BTreeMap<String, MoneyReport>,
}

/// Sales grouped by one column of a lookup table: `accounts.csv`'s `sector` for the
/// deals' accounts, say.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Dimension {
    /// The lookup table's file.
    pub file: String,
    /// The deals field it is keyed by (`owner`, `account`, `product`).
    pub key: String,
    /// The column grouped by, as its header says.
    pub column: String,
    /// One row per value of the column (plus the names not in the file).
    pub table: Table,
    /// Names in the deals that the lookup table does not hold, and a few of them.
    pub unmatched: u64,
    pub unmatched_examples: Vec<String>,
}

/// The whole result of an analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// The shape's version ([`REPORT_VERSION`]).
    pub version: u32,
    /// The period analysed and the data's dates.
    pub period: PeriodInfo,
    /// Scalar metrics by id.
    pub metrics: BTreeMap<&'static str, Metric>,
    /// Table metrics by id.
    pub tables: BTreeMap<&'static str, Table>,
    /// Deal tables grouped by the columns of lookup tables (sales by sector, by manager…).
    pub dimensions: Vec<Dimension>,
    /// Series (trends, forecasts) by id.
    pub series: BTreeMap<&'static str, Value>,
    /// The currencies of the money, and figures per currency when they are mixed.
    pub currencies: CurrencyReport,
    /// Rules that fired (METRICS.md "Forecast and alerts").
    pub alerts: Vec<crate::alert::Alert>,
    /// The thresholds the alert rules used (the options', else the defaults), for an
    /// editor of them.
    pub alert_thresholds: crate::alert::Thresholds,
    /// Bad values and rows, with file, row, column and value.
    pub problems: Problems,
    /// The detected schema of every file: kind, column mapping, delimiter, encoding.
    pub files: Vec<FileInfo>,
    /// Bytes, rows and files read.
    pub diagnostics: Diagnostics,
    /// Every table kind and its fields, for mapping editors.
    pub kinds: BTreeMap<&'static str, Vec<FieldInfo>>,
    /// Owners, sources and pipelines of the deals and leads, whatever the period and
    /// filters: what the data can be filtered by.
    pub filter_choices: crate::choices::ChoicesReport,
}

/// Money as an exact decimal string.
pub fn money(d: Decimal) -> Value {
    Value::String(d.to_string())
}

/// Money rounded to cents (half away from zero), for averages and medians.
pub fn money_rounded(d: Decimal) -> Value {
    money(d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
}

/// A ratio as a JSON number.
pub fn number(x: f64) -> Value {
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// A table row from (column, value) pairs.
pub fn row(cells: &[(&str, Value)]) -> Map<String, Value> {
    cells.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}
