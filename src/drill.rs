//! Drill-down: the rows of the files behind a figure of the report — the won deals behind
//! revenue, one owner's closed deals, the deals that reached a funnel step, the order
//! lines of one month. The engine keeps no rows, so a drill reads the files again with a
//! [`DrillQuery`]: each row is tested by the rule its metric counts by (the same
//! functions the metrics call), and only one page of the matches is kept — sorted when
//! asked, by a bounded selection — with the count and the summed amount of them all.
//! See docs/DRILL.md.

use crate::ingest::schema::{self, ValueType};
use crate::ingest::text::group_key;
use crate::ingest::typed_row::Row;
use crate::metrics::activities::{activity_in, activity_type};
use crate::metrics::customers::{order_in, CustomerPlace};
use crate::metrics::deals::id_hash;
use crate::metrics::history::HistoryAgg;
use crate::metrics::leads::{converted, created_in, is_referral, qualified_in};
use crate::metrics::pipeline::{open_at, open_stage, StagesAt, CLOSED_LATER};
use crate::metrics::stats::Tally;
use crate::model::Deal;
use crate::options::Options;
use crate::period::{Granularity, Period};
use crate::stages::Status;
use chrono::{NaiveDate, Timelike};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Most rows of one page.
pub const MAX_PAGE: u64 = 1_000;
/// Most rows before a page's end when sorted (the selection keeps that many).
pub const MAX_SORTED_END: u64 = 100_000;

/// The columns of a drill into deals.
const DEAL_COLUMNS: [&str; 13] = [
    "deal_id",
    "account",
    "owner",
    "stage",
    "status",
    "amount",
    "currency",
    "created_date",
    "closed_date",
    "lost_reason",
    "product",
    "source",
    "pipeline",
];

/// A drill as the page asks for it (option `drill`, beside the analysis options).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawDrill {
    /// won, lost, closed, created, open, reached, leads, converted_leads, orders, activities
    pub set: String,
    /// Field → name: only rows whose field groups as the name does (as the report's
    /// tables group them; a blank field is the table's "(no owner)" row).
    pub by: BTreeMap<String, String>,
    /// Only rows whose date (the set's) falls in this bucket of the analysis' granularity.
    pub bucket: Option<String>,
    /// `reached`: the funnel's stage names in its order, the won stage last, and the step.
    pub stages: Vec<String>,
    pub step: Option<usize>,
    /// Only rows with a cell containing this text (case folded).
    pub contains: Option<String>,
    /// Sort by this column (file order when absent); `descending` for largest first.
    pub sort: Option<String>,
    pub descending: bool,
    pub offset: u64,
    /// Rows of the page (default 100, at most [`MAX_PAGE`]); `all` for every match (an export).
    pub limit: Option<u64>,
    pub all: bool,
}

/// Which rows a drill lists.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Set {
    /// Deals won, closed in the period (revenue, deals won, deal size, sales cycle).
    Won,
    /// Deals lost, closed in the period.
    Lost,
    /// Deals won or lost, closed in the period (win rate; a table row of an owner).
    Closed,
    /// Deals created in the period (opportunities created, cohort win rate).
    Created,
    /// Deals open at the as-of date (pipeline value, by stage).
    Open,
    /// Deals created in the period that reached a funnel step.
    Reached,
    /// Leads created in the period.
    Leads,
    /// Leads created in the period that converted.
    ConvertedLeads,
    /// Leads with an MQL or SQL date in the period.
    QualifiedLeads,
    /// Leads created in the period from a referral source.
    ReferralLeads,
    /// Customers (of a customers file) acquired in the period.
    NewCustomers,
    /// Customers at the period's start.
    CustomersAtStart,
    /// Customers at the period's start who churned in it.
    ChurnedCustomers,
    /// Order lines dated in the period.
    Orders,
    /// Activities dated in the period.
    Activities,
}

impl Set {
    fn parse(s: &str) -> Option<Set> {
        Some(match s {
            "won" => Set::Won,
            "lost" => Set::Lost,
            "closed" => Set::Closed,
            "created" => Set::Created,
            "open" => Set::Open,
            "reached" => Set::Reached,
            "leads" => Set::Leads,
            "converted_leads" => Set::ConvertedLeads,
            "qualified_leads" => Set::QualifiedLeads,
            "referral_leads" => Set::ReferralLeads,
            "new_customers" => Set::NewCustomers,
            "customers_at_start" => Set::CustomersAtStart,
            "churned_customers" => Set::ChurnedCustomers,
            "orders" => Set::Orders,
            "activities" => Set::Activities,
            _ => return None,
        })
    }

    /// The table kind the set's rows come from.
    pub fn kind(self) -> &'static str {
        match self {
            Set::Leads | Set::ConvertedLeads | Set::QualifiedLeads | Set::ReferralLeads => "leads",
            Set::NewCustomers | Set::CustomersAtStart | Set::ChurnedCustomers => "customers",
            Set::Orders => "orders",
            Set::Activities => "activities",
            _ => "deals",
        }
    }
}

/// The sort of a page: a column, numeric or not, and its direction.
#[derive(Clone, Copy, Debug)]
struct Sort {
    column: usize,
    numeric: bool,
    descending: bool,
}

/// A checked drill.
#[derive(Clone, Debug)]
pub struct DrillQuery {
    set: Set,
    period: Period,
    as_of: Option<NaiveDate>,
    granularity: Granularity,
    /// (field, group key of the name, blank label)
    by: Vec<(String, String, &'static str)>,
    bucket: Option<NaiveDate>,
    /// `reached`: group key → position of the open stages; the won stage's position; the step.
    positions: BTreeMap<String, usize>,
    won_at: usize,
    step: usize,
    needle: Option<String>,
    columns: Vec<&'static str>,
    /// Field types of the columns (deals: `amount` is money, dates are dates).
    numeric: Vec<bool>,
    sort: Option<Sort>,
    offset: u64,
    /// None: every match.
    limit: Option<u64>,
}

/// How a blank value of a field is named in the report's tables.
fn blank_label(field: &str) -> &'static str {
    match field {
        "owner" => "(no owner)",
        "account" => "(no account)",
        "product" => "(no product)",
        "lost_reason" => "(none given)",
        "stage" => "(no stage)",
        "source" => "(no source)",
        "customer_id" => "(no customer)",
        _ => "",
    }
}

impl DrillQuery {
    /// Checks a drill against the analysis' options; the error names what is wrong.
    pub fn new(raw: &RawDrill, options: &Options) -> Result<DrillQuery, String> {
        let set = Set::parse(&raw.set).ok_or_else(|| {
            format!(
                "drill set: expected won, lost, closed, created, open, reached, leads, converted_leads, qualified_leads, referral_leads, new_customers, customers_at_start, churned_customers, orders or activities, got {:?}",
                raw.set
            )
        })?;
        let (columns, numeric): (Vec<&'static str>, Vec<bool>) = if set.kind() == "deals" {
            DEAL_COLUMNS.iter().map(|c| (*c, *c == "amount")).unzip()
        } else {
            let spec = schema::kind(set.kind()).ok_or("drill: unknown kind")?;
            spec.fields
                .iter()
                .map(|f| (f.name, matches!(f.value, ValueType::Money | ValueType::Number | ValueType::Percent)))
                .unzip()
        };
        let mut by = Vec::new();
        for (field, name) in &raw.by {
            if !columns.contains(&field.as_str()) {
                return Err(format!("drill by: {} rows have no field {field:?}", set.kind()));
            }
            let key = if set == Set::Activities && field == "type" { name.clone() } else { group_key(name) };
            by.push((field.clone(), key, blank_label(field)));
        }
        let bucket = match raw.bucket.as_deref().filter(|b| !b.is_empty()) {
            None => None,
            Some(_) if matches!(set, Set::Open | Set::CustomersAtStart) => {
                return Err("drill bucket: these rows have no date to bucket".into())
            }
            Some(b) => {
                Some(NaiveDate::parse_from_str(b, "%Y-%m-%d").map_err(|_| format!("drill bucket: not a date: {b:?}"))?)
            }
        };
        let as_of = options.period.to.or(options.as_of);
        if set == Set::Open && as_of.is_none() {
            return Err("drill open: needs the as-of date (option as_of or to)".into());
        }
        let (mut positions, mut won_at, mut step) = (BTreeMap::new(), 0, 0);
        if set == Set::Reached {
            let Some((_, open)) = raw.stages.split_last() else {
                return Err("drill reached: needs the funnel's stages".into());
            };
            won_at = open.len();
            for (i, s) in open.iter().enumerate() {
                positions.entry(group_key(s)).or_insert(i);
            }
            step = raw.step.filter(|s| *s <= won_at).ok_or("drill reached: needs a step of the funnel")?;
        }
        let sort = match raw.sort.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => {
                let column =
                    columns.iter().position(|c| *c == s).ok_or_else(|| format!("drill sort: no column {s:?}"))?;
                Some(Sort { column, numeric: numeric[column], descending: raw.descending })
            }
        };
        let limit = if raw.all { None } else { Some(raw.limit.unwrap_or(100).clamp(1, MAX_PAGE)) };
        if let (Some(_), Some(l)) = (sort, limit) {
            if raw.offset + l > MAX_SORTED_END {
                return Err(format!("drill: a sorted page must end within the first {MAX_SORTED_END} rows"));
            }
        }
        Ok(DrillQuery {
            set,
            period: options.period,
            as_of,
            granularity: options.granularity,
            by,
            bucket,
            positions,
            won_at,
            step,
            needle: raw.contains.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_lowercase),
            columns,
            numeric,
            sort,
            offset: raw.offset,
            limit,
        })
    }

    fn in_bucket(&self, date: Option<NaiveDate>) -> bool {
        self.bucket.is_none_or(|b| date.is_some_and(|d| self.granularity.bucket(d) == b))
    }

    /// Whether `value` (of `field`) is the name asked for.
    fn named(key: &str, blank: &str, value: &str) -> bool {
        if value.trim().is_empty() {
            key.is_empty() || key == group_key(blank)
        } else {
            group_key(value) == key
        }
    }

    /// The funnel step a deal got to (see `metrics::funnel`: won deals reach the won
    /// stage; open ones their stage; lost ones their lost stage, else the first).
    fn place(&self, d: &Deal<'_>) -> usize {
        let at = |s: &str| self.positions.get(&group_key(s)).copied().unwrap_or(0);
        match d.status {
            Status::Won => self.won_at,
            Status::Open => at(if d.stage.trim().is_empty() { "(no stage)" } else { d.stage }),
            Status::Lost if d.lost_stage.trim().is_empty() => 0,
            Status::Lost => at(d.lost_stage),
        }
    }

    /// Whether a deal is in the set, and the stage it is listed under.
    fn deal_stage<'a>(&self, d: &Deal<'a>) -> Option<&'a str> {
        let closed_in = self.period.contains(d.closed);
        let (inside, date) = match self.set {
            Set::Won => (d.status == Status::Won && closed_in, d.closed),
            Set::Lost => (d.status == Status::Lost && closed_in, d.closed),
            Set::Closed => (d.status != Status::Open && closed_in, d.closed),
            Set::Created => (self.period.contains(d.created), d.created),
            Set::Reached => (self.period.contains(d.created) && self.place(d) >= self.step, d.created),
            Set::Open => {
                let open = open_stage(self.period.to, d).filter(|_| self.as_of.is_some_and(|a| open_at(d.created, a)));
                return open;
            }
            _ => (false, None),
        };
        (inside && self.in_bucket(date)).then_some(d.stage)
    }
}

/// One row kept: where it is in the files, its cells, and its sort value.
#[derive(Clone, Debug)]
struct Hit {
    file: u32,
    row: u64,
    cells: Vec<String>,
    key: Key,
}

/// A row's value in the sort column.
#[derive(Clone, Debug, PartialEq)]
enum Key {
    None,
    Number(Option<Decimal>),
    Text(String),
}

/// The rows of a drill as they are read.
#[derive(Debug)]
pub struct Drill {
    query: DrillQuery,
    total: u64,
    amounts: Tally,
    hits: Vec<Hit>,
    /// Open deals at a period's end that closed since are listed under their stage then,
    /// from a stage history read before the deals (the page sends it first).
    history: HistoryAgg,
    stages_at: Option<StagesAt>,
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

impl Drill {
    pub fn new(query: DrillQuery) -> Self {
        Drill {
            query,
            total: 0,
            amounts: Tally::default(),
            hits: Vec::new(),
            history: HistoryAgg::default(),
            stages_at: None,
        }
    }

    /// The table kind whose rows this drill reads.
    pub fn kind(&self) -> &'static str {
        self.query.set.kind()
    }

    /// A deal (amount and currency as the analysis took them: converted when a rate was
    /// given), row `row` of file `file`.
    pub fn deal(&mut self, d: &Deal<'_>, currency: &str, file: u32, row: u64) {
        if self.kind() != "deals" {
            return;
        }
        let Some(mut stage) = self.query.deal_stage(d) else { return };
        if stage == CLOSED_LATER && !d.deal_id.is_empty() {
            let history = &self.history;
            let at_end = self.stages_at.get_or_insert_with(|| history.stages_at(self.query.period.to));
            if let Some(s) = at_end.get(&id_hash(d.deal_id)) {
                stage = s;
            }
        }
        for (field, key, blank) in &self.query.by {
            let value = match field.as_str() {
                "owner" => d.owner,
                "account" => d.account,
                "product" => d.product,
                "stage" => stage,
                "source" => d.source,
                "pipeline" => d.pipeline,
                "lost_reason" => match d.lost_reason {
                    Some(r) => r,
                    None => return,
                },
                _ => return,
            };
            if !DrillQuery::named(key, blank, value) {
                return;
            }
        }
        let status = match d.status {
            Status::Won => "won",
            Status::Lost => "lost",
            Status::Open => "open",
        };
        let cells = vec![
            d.deal_id.to_string(),
            d.account.to_string(),
            d.owner.to_string(),
            stage.to_string(),
            status.to_string(),
            d.amount.map(|a| a.to_string()).unwrap_or_default(),
            currency.to_string(),
            date_text(d.created),
            date_text(d.closed),
            d.lost_reason.unwrap_or("").to_string(),
            d.product.to_string(),
            d.source.to_string(),
            d.pipeline.to_string(),
        ];
        self.keep(cells, d.amount, file, row);
    }

    /// A row of another kind; `amount`: an order line's (converted) amount.
    pub fn row(&mut self, kind: &str, r: &Row<'_>, amount: Option<Decimal>, file: u32, row: u64) {
        if kind == "stage_history" && self.query.set == Set::Open && self.query.period.to.is_some() {
            return self.history.observe(r);
        }
        if kind != self.kind() {
            return;
        }
        let q = &self.query;
        let (inside, date) = match q.set {
            Set::Leads => (created_in(q.period, r), r.date(1)),
            Set::ConvertedLeads => (created_in(q.period, r) && converted(r), r.date(1)),
            Set::QualifiedLeads => (qualified_in(q.period, r), r.date(6).or(r.date(7))),
            Set::ReferralLeads => (created_in(q.period, r) && is_referral(r.text(2)), r.date(1)),
            Set::NewCustomers | Set::CustomersAtStart | Set::ChurnedCustomers => {
                let Some(acquired) = r.date(1) else { return };
                let churned = r.date(2);
                // a customer churned before acquired is a problem, counted nowhere
                if churned.is_some_and(|c| c < acquired) {
                    return;
                }
                let place = CustomerPlace::of(q.period, acquired, churned);
                match q.set {
                    Set::NewCustomers => (place.new, Some(acquired)),
                    Set::CustomersAtStart => (place.at_start, None),
                    _ => (place.churned, churned),
                }
            }
            Set::Orders => (order_in(q.period, r), r.date(2)),
            Set::Activities => (activity_in(q.period, r), r.date(2)),
            _ => (false, None),
        };
        if !inside || !q.in_bucket(date) {
            return;
        }
        let Some(spec) = schema::kind(kind) else { return };
        for (field, key, blank) in &q.by {
            let Some(i) = spec.field(field) else { return };
            let named = if q.set == Set::Activities && field == "type" {
                activity_type(r.text(i)) == key
            } else {
                DrillQuery::named(key, blank, r.text(i))
            };
            if !named {
                return;
            }
        }
        let cells = spec
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| match f.value {
                ValueType::Money | ValueType::Number | ValueType::Percent => {
                    r.number(i).map(|n| n.to_string()).unwrap_or_else(|| r.text(i).to_string())
                }
                ValueType::Date => r.date(i).map(|d| d.to_string()).unwrap_or_else(|| r.text(i).to_string()),
                ValueType::DateTime => match r.datetime(i) {
                    Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
                    Some(t) => format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute()),
                    None => r.text(i).to_string(),
                },
                ValueType::Text => r.text(i).to_string(),
            })
            .collect();
        self.keep(cells, amount, file, row);
    }

    /// Counts a match and keeps it if it may be on the page.
    fn keep(&mut self, cells: Vec<String>, amount: Option<Decimal>, file: u32, row: u64) {
        if let Some(needle) = &self.query.needle {
            if !cells.iter().any(|c| c.to_lowercase().contains(needle.as_str())) {
                return;
            }
        }
        let index = self.total;
        self.total += 1;
        self.amounts.add(amount);
        let q = &self.query;
        let Some(sort) = q.sort else {
            // file order: only the page's rows are kept
            if index >= q.offset && q.limit.is_none_or(|l| index < q.offset + l) {
                self.hits.push(Hit { file, row, cells, key: Key::None });
            }
            return;
        };
        let cell = &cells[sort.column];
        let key = if sort.numeric { Key::Number(cell.parse().ok()) } else { Key::Text(cell.to_lowercase()) };
        self.hits.push(Hit { file, row, cells, key });
        // Sorted: keep the best `offset + limit`, trimming when twice as many are held.
        if let Some(end) = q.limit.map(|l| (q.offset + l) as usize) {
            if self.hits.len() >= 2 * end.max(64) {
                // one sort for this and the page's (each kind of sort adds to the wasm)
                self.hits.sort_unstable_by(|a, b| compare(sort, a, b));
                self.hits.truncate(end);
            }
        }
    }

    /// The page, with the count and summed amount of every match; `files`: the names of
    /// the files by their index.
    pub fn finish(mut self, files: &[String]) -> DrillResult {
        let q = &self.query;
        if let Some(sort) = q.sort {
            self.hits.sort_unstable_by(|a, b| compare(sort, a, b));
            let start = (q.offset as usize).min(self.hits.len());
            self.hits.drain(..start);
            if let Some(l) = q.limit {
                self.hits.truncate(l as usize);
            }
        }
        let rows = self
            .hits
            .into_iter()
            .map(|h| {
                let mut m = Map::new();
                m.insert("file".into(), Value::from(files.get(h.file as usize).cloned().unwrap_or_default()));
                m.insert("row".into(), Value::from(h.row));
                for (c, v) in q.columns.iter().zip(h.cells) {
                    m.insert((*c).into(), Value::from(v));
                }
                m
            })
            .collect();
        DrillResult {
            set: q.set,
            kind: q.set.kind(),
            columns: q.columns.clone(),
            numeric: q.columns.iter().zip(&q.numeric).filter(|(_, n)| **n).map(|(c, _)| *c).collect(),
            total: self.total,
            amount: (self.amounts.with_amount > 0).then(|| self.amounts.sum.to_string()),
            with_amount: self.amounts.with_amount,
            offset: q.offset,
            rows,
        }
    }
}

/// Sort order of two kept rows: by the sort value (blanks last either way), then by
/// place in the files.
fn compare(sort: Sort, a: &Hit, b: &Hit) -> Ordering {
    let by_value = match (&a.key, &b.key) {
        (Key::Number(Some(x)), Key::Number(Some(y))) => x.cmp(y),
        (Key::Text(x), Key::Text(y)) if !x.is_empty() && !y.is_empty() => x.cmp(y),
        (Key::Number(None), Key::Number(None)) | (Key::Text(_), Key::Text(_)) | (Key::None, Key::None) => {
            let blank = |k: &Key| matches!(k, Key::Number(None)) || matches!(k, Key::Text(t) if t.is_empty());
            // blanks last, whatever the direction
            return blank(&a.key).cmp(&blank(&b.key)).then((a.file, a.row).cmp(&(b.file, b.row)));
        }
        (Key::Number(None), _) => return Ordering::Greater,
        (_, Key::Number(None)) => return Ordering::Less,
        _ => Ordering::Equal,
    };
    let by_value = if sort.descending { by_value.reverse() } else { by_value };
    by_value.then((a.file, a.row).cmp(&(b.file, b.row)))
}

/// A page of a drill: its rows (objects by column, with `file` and `row`: the row's
/// number in its file, the header being row 1) and what all the matches add up to.
#[derive(Debug, Serialize)]
pub struct DrillResult {
    pub set: Set,
    pub kind: &'static str,
    pub columns: Vec<&'static str>,
    /// The columns holding numbers.
    pub numeric: Vec<&'static str>,
    /// Rows matching, over every page.
    pub total: u64,
    /// Σ amount of the matches that have one (deals, order lines); null when none has.
    pub amount: Option<String>,
    pub with_amount: u64,
    pub offset: u64,
    pub rows: Vec<Map<String, Value>>,
}

/// Text a spreadsheet would run as a formula, unless a plain number (see `www/export.js`).
fn csv_cell(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
    let number = {
        let digits = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, "1"));
        !int.is_empty() && !frac.is_empty() && (int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
    };
    let s = if formula && !number { format!("'{s}") } else { s.to_string() };
    if s.contains(['"', ',', ';', '\t', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

impl DrillResult {
    /// The rows as CSV (with a BOM, for Excel): file, row, then the columns.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}file,row");
        for c in &self.columns {
            out.push(',');
            out.push_str(&csv_cell(c));
        }
        out.push_str("\r\n");
        for r in &self.rows {
            let text = |k: &str| match r.get(k) {
                Some(Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
                None => String::new(),
            };
            out.push_str(&csv_cell(&text("file")));
            out.push(',');
            out.push_str(&text("row"));
            for c in &self.columns {
                out.push(',');
                out.push_str(&csv_cell(&text(c)));
            }
            out.push_str("\r\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_as_the_page_writes_them() {
        assert_eq!(csv_cell("=cmd|x"), "'=cmd|x");
        assert_eq!(csv_cell("-12.5"), "-12.5");
        assert_eq!(csv_cell("Bob;=x"), "\"Bob;=x\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("－1"), "'－1");
    }
}
