//! A drill's query: which rows (a [`Set`]), narrowed by names, a bucket, a funnel step or
//! a text; checked against the analysis' options; and the rule each row is tested by.

use crate::filters::NameFilter;
use crate::ingest::schema::{Kind, ValueType};
use crate::metrics::pipeline::{open_at, open_stage};
use crate::model::Deal;
use crate::options::Options;
use crate::period::{Granularity, Period};
use crate::stages::Status;
use crate::text::{group_key, quoted};
use crate::vocabulary::ActivityType;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
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
    /// The funnel step, counted from 0.
    pub step: Option<usize>,
    /// Only rows with a cell containing this text (case folded).
    pub contains: Option<String>,
    /// Sort by this column (file order when absent); `descending` for largest first.
    pub sort: Option<String>,
    /// Largest first.
    pub descending: bool,
    /// The page's first match, counted from 0.
    pub offset: u64,
    /// Rows of the page (default 100, at most [`MAX_PAGE`]); `all` for every match (an export).
    pub limit: Option<u64>,
    /// Every match, in one page (an export).
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
    pub fn kind(self) -> Kind {
        match self {
            Set::Leads | Set::ConvertedLeads | Set::QualifiedLeads | Set::ReferralLeads => Kind::Leads,
            Set::NewCustomers | Set::CustomersAtStart | Set::ChurnedCustomers => Kind::Customers,
            Set::Orders => Kind::Orders,
            Set::Activities => Kind::Activities,
            _ => Kind::Deals,
        }
    }
}

/// The sort of a page: a column, numeric or not, and its direction.
#[derive(Clone, Copy, Debug)]
pub(super) struct Sort {
    pub(super) column: usize,
    pub(super) numeric: bool,
    pub(super) descending: bool,
}

/// A checked drill.
#[derive(Clone, Debug)]
pub struct DrillQuery {
    pub(super) set: Set,
    pub(super) period: Period,
    pub(super) as_of: Option<NaiveDate>,
    pub(super) granularity: Granularity,
    /// The names asked for, field by field.
    pub(super) by: Vec<ByField>,
    pub(super) bucket: Option<NaiveDate>,
    /// `reached`: group key → position of the open stages; the won stage's position; the step.
    pub(super) positions: BTreeMap<String, usize>,
    pub(super) won_at: usize,
    pub(super) step: usize,
    pub(super) needle: Option<String>,
    /// Leads are linked to the deals they name or that name them (option `link_leads`).
    pub(super) link_leads: bool,
    pub(super) columns: Vec<&'static str>,
    /// Field types of the columns (deals: `amount` is money, dates are dates).
    pub(super) numeric: Vec<bool>,
    pub(super) sort: Option<Sort>,
    pub(super) offset: u64,
    /// None: every match.
    pub(super) limit: Option<u64>,
}

/// A field a drill narrows by, and the name asked for.
#[derive(Clone, Debug)]
pub(super) struct ByField {
    pub(super) field: String,
    /// The field's column (for rows of kinds other than deals, its place in the row).
    pub(super) at: usize,
    /// The name, matched as the report's tables group names (each spelling decided once).
    name: NameFilter,
    /// How the tables name a blank value of the field: `(no owner)`.
    blank: &'static str,
    /// An activity type code (`call`): activities are matched by the type their label means.
    activity_type: Option<String>,
}

impl ByField {
    /// Whether `value` is the name asked for (a blank value is the table's blank row);
    /// `kind`: an activity's type, which an activity type code matches.
    pub(super) fn matches(&mut self, value: &str, kind: Option<ActivityType>) -> bool {
        if let Some(code) = &self.activity_type {
            return kind.is_some_and(|k| k.name() == code);
        }
        if value.trim().is_empty() {
            return self.name.keeps(self.blank) || self.name.keeps("");
        }
        self.name.keeps(value)
    }
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
                "drill set: expected won, lost, closed, created, open, reached, leads, converted_leads, qualified_leads, referral_leads, new_customers, customers_at_start, churned_customers, orders or activities, got {}",
                quoted(&raw.set)
            )
        })?;
        let (columns, numeric): (Vec<&'static str>, Vec<bool>) = if set.kind() == Kind::Deals {
            DEAL_COLUMNS.iter().map(|c| (*c, *c == "amount")).unzip()
        } else {
            let spec = set.kind().spec();
            spec.fields
                .iter()
                .map(|f| (f.name, matches!(f.value, ValueType::Money | ValueType::Number | ValueType::Percent)))
                .unzip()
        };
        let mut by = Vec::new();
        for (field, name) in &raw.by {
            let Some(at) = columns.iter().position(|c| c == field) else {
                return Err(format!("drill by: {} rows have no field {}", set.kind().name(), quoted(field)));
            };
            let activity_type = (set == Set::Activities && field == "type").then(|| name.clone());
            let name = NameFilter::new(&Some(vec![name.clone()]));
            by.push(ByField { field: field.clone(), at, name, blank: blank_label(field), activity_type });
        }
        let bucket = match raw.bucket.as_deref().filter(|b| !b.is_empty()) {
            None => None,
            Some(_) if matches!(set, Set::Open | Set::CustomersAtStart) => {
                return Err("drill bucket: these rows have no date to bucket".into())
            }
            Some(b) => Some(
                NaiveDate::parse_from_str(b, "%Y-%m-%d")
                    .map_err(|_| format!("drill bucket: not a date: {}", quoted(b)))?,
            ),
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
                let column = columns
                    .iter()
                    .position(|c| *c == s)
                    .ok_or_else(|| format!("drill sort: no column {}", quoted(s)))?;
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
            link_leads: options.link_leads,
            needle: raw.contains.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_lowercase),
            columns,
            numeric,
            sort,
            offset: raw.offset,
            limit,
        })
    }

    pub(super) fn in_bucket(&self, date: Option<NaiveDate>) -> bool {
        self.bucket.is_none_or(|b| date.is_some_and(|d| self.granularity.bucket(d) == b))
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
    pub(super) fn deal_stage<'a>(&self, d: &Deal<'a>) -> Option<&'a str> {
        let closed_in = d.closed_in(self.period);
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
