//! Why a figure is not computable: a [`Reason`] has a code with its values, which the
//! page words in its language (`reason.<code>` in `www/messages/*`), and METRICS.md's
//! English sentence (`"no lost deals in period"`, `"needs column: quota"`), which the
//! report keeps as `reason`. Rewording the English changes no other language.

use crate::coded::coded_enum;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{json, Map, Value};

coded_enum! {
    /// Why a metric, table or series is not computable.
    Reason;
    /// A division by zero, and why the divisor is zero (when known).
    DivisionByZero(Option<Box<Reason>>),
    /// The files lack these columns.
    NeedsColumns(Vec<String>),
    /// A file of this kind is missing; `fields` are its required columns.
    NeedsFile {
        /// The kind of table (`leads`).
        kind: &'static str,
        /// Its required columns.
        fields: &'static str,
    },
    /// Revenue history too short for a forecast.
    ShortHistory {
        /// Buckets a forecast needs.
        need: usize,
        /// Buckets with revenue.
        has: usize,
        /// The buckets are weeks (else months).
        weeks: bool,
    },
    /// Open deals are there, none with an amount.
    OpenWithoutAmounts(u64),
    /// Won deals are there, none with an amount.
    WonWithoutAmounts(u64),
    /// Amounts (`what`: deal or order amounts) in several currencies.
    MixedCurrencies {
        /// What is in several currencies (`deal amounts`).
        what: &'static str,
        /// The currency codes.
        codes: Vec<String>,
    },
    ;
    CacZero => "cac_zero", "cac is 0";
    NoCustomersAtStart => "no_customers_at_start", "no customers at the start";
    NoWon => "no_won", "no won deals in period";
    NoNewCustomers => "no_new_customers", "no new customers in period";
    NoRevenueBefore => "no_revenue_before", "no revenue in the comparison period";
    NoVisitors => "no_visitors", "no visitors in period";
    ZeroCycle => "zero_cycle", "sales cycle of 0 days";
    BoundedPeriod => "bounded_period", "needs a bounded period";
    PeriodStart => "period_start", "needs a period start (from)";
    PeriodStartAccounts => "period_start_accounts", "needs a period start (from): accounts with a won deal before it";
    PeriodStartComparison => "period_start_comparison", "needs a period with a start (from) for the comparison";
    CustomersDealsOrders => "customers_deals_orders", "needs a customers file (customer_id, acquired_date), deals or orders";
    DealsForWon => "deals_for_won", "needs a deals file for deals won";
    AnnualProfit => "annual_profit", "needs annual_profit, or revenue and customers at the end of a bounded period";
    ClvCac => "clv_cac", "needs clv and cac";
    NoConversionData => "no_conversion_data", "needs converted_date, a lead status, or deals that name their lead (lead_id) or that the leads name (deal_id)";
    NewCustomers => "new_customers", "needs new customers (customers, deals or orders)";
    RevenueBoth => "revenue_both", "needs revenue in both periods";
    StalledRule => "stalled_rule", "needs sales_cycle_days (no won deals with both dates in period) or the stalled_after_days option";
    VelocityInputs => "velocity_inputs", "needs win_rate, average_deal_size and sales_cycle_days";
    WonOrOrders => "won_or_orders", "needs won deals (closed_date, amount) or orders";
    NoCsat => "no_csat", "no CSAT responses in period";
    NoMqls => "no_mqls", "no MQLs in period";
    NoNps => "no_nps", "no NPS responses in period";
    NoAccountsBefore => "no_accounts_before", "no accounts with a won deal before the period";
    NoWonAmounts => "no_won_amounts", "no amounts on won deals in period";
    NoChurn => "no_churn", "no churn observed in period: lifespan unknown";
    NoCreated => "no_created", "no deals created in period";
    NoHistory => "no_history", "no history";
    NoLeadResponses => "no_lead_responses", "no leads created in period with both created and first response times";
    NoLeads => "no_leads", "no leads created in period";
    NoLost => "no_lost", "no lost deals in period";
    NoModel => "no_model", "no model could be fitted";
    NoOpen => "no_open", "no open deals";
    NoOpenValue => "no_open_value", "no open pipeline value";
    NoOrders => "no_orders", "no orders in period";
    NoOwners => "no_owners", "no owners with deals created or closed in period";
    NoQuota => "no_quota", "no quota overlaps the period";
    NoTickets => "no_tickets", "no tickets created in period with a first response";
    NoWonDates => "no_won_dates", "no won deals with both dates in period";
    NoClosed => "no_closed", "no won or lost deals in period";
    QuotaMet => "quota_met", "the quota is already met: nothing left to cover";
    TooManyBuckets => "too_many_buckets", "too many buckets: choose a coarser granularity";
    RevenueTooLarge => "revenue_too_large", "revenue too large";
}

use Reason::*;

impl Reason {
    /// One of each reason, for the test that every code is worded in every language.
    pub fn examples() -> Vec<Reason> {
        let mut all = vec![
            DivisionByZero(None),
            DivisionByZero(Some(Box::new(NoVisitors))),
            NeedsColumns(vec!["amount".into()]),
            NeedsFile { kind: "leads", fields: "lead_id, created_date" },
            ShortHistory { need: 3, has: 1, weeks: false },
            ShortHistory { need: 13, has: 2, weeks: true },
            OpenWithoutAmounts(2),
            WonWithoutAmounts(2),
            MixedCurrencies { what: "deal amounts", codes: vec!["EUR".into(), "USD".into()] },
        ];
        all.extend(Reason::units());
        all
    }

    /// A column the files lack.
    pub fn needs_column(field: &str) -> Reason {
        NeedsColumns(vec![field.to_string()])
    }

    /// A division by zero because of `why`.
    pub fn zero(why: Reason) -> Reason {
        DivisionByZero(Some(Box::new(why)))
    }

    /// The page's code: `reason.<code>` in `www/messages/*`.
    pub fn code(&self) -> &'static str {
        match self {
            DivisionByZero(None) => "division_by_zero",
            DivisionByZero(Some(_)) => "division_by",
            NeedsColumns(_) => "needs_columns",
            NeedsFile { .. } => "needs_file",
            ShortHistory { weeks: false, .. } => "short_history.months",
            ShortHistory { weeks: true, .. } => "short_history.weeks",
            OpenWithoutAmounts(_) => "open_without_amounts",
            WonWithoutAmounts(_) => "won_without_amounts",
            MixedCurrencies { .. } => "mixed_currencies",
            plain => plain.plain().map_or("", |(code, _)| code),
        }
    }

    /// The values the page's wording names (`{columns}`, `{n}`…).
    pub fn params(&self) -> Map<String, Value> {
        let params = match self {
            DivisionByZero(Some(why)) => json!({ "why": why }),
            NeedsColumns(columns) => json!({ "columns": columns }),
            NeedsFile { kind, fields } => json!({ "file": kind, "fields": fields }),
            ShortHistory { need, has, .. } => json!({ "need": need, "has": has }),
            OpenWithoutAmounts(n) | WonWithoutAmounts(n) => json!({ "n": n }),
            MixedCurrencies { what, codes } => json!({ "what": what, "codes": codes }),
            _ => json!({}),
        };
        params.as_object().cloned().unwrap_or_default()
    }

    /// METRICS.md's English sentence.
    pub fn text(&self) -> String {
        let fixed = match self {
            DivisionByZero(None) => "division by zero",
            DivisionByZero(Some(why)) => return format!("division by zero: {}", why.text()),
            NeedsColumns(columns) if columns.len() == 1 => return format!("needs column: {}", columns[0]),
            NeedsColumns(columns) => return format!("needs columns: {}", columns.join(", ")),
            NeedsFile { kind, fields } => {
                let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                return format!("needs {article} {kind} file ({fields})");
            }
            ShortHistory { need, has, weeks } => {
                let unit = if *weeks { "weeks" } else { "months" };
                return format!("needs at least {need} complete {unit} of revenue history, has {has}");
            }
            OpenWithoutAmounts(n) => return format!("none of the {n} open deals has an amount"),
            WonWithoutAmounts(n) => return format!("none of the {n} won deals has an amount"),
            MixedCurrencies { what, codes } => {
                return format!(
                "{what} in {} currencies ({}) are never added together: see each currency, or give conversion rates",
                codes.len(),
                codes.join(", ")
            )
            }
            plain => plain.plain().map_or("", |(_, text)| text),
        };
        fixed.to_string()
    }

    /// The kind of file it waits for (`leads`), when it waits for one.
    pub fn needed_file(&self) -> Option<&'static str> {
        match self {
            NeedsFile { kind, .. } => Some(kind),
            _ => None,
        }
    }
}

/// `{ "code": "needs_columns", "params": { "columns": ["amount"] } }` (params left out
/// when there are none).
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let params = self.params();
        let mut map = s.serialize_map(Some(if params.is_empty() { 1 } else { 2 }))?;
        map.serialize_entry("code", self.code())?;
        if !params.is_empty() {
            map.serialize_entry("params", &params)?;
        }
        map.end()
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_values_and_sentences() {
        let r = Reason::zero(NoVisitors);
        assert_eq!(r.text(), "division by zero: no visitors in period");
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            json!({ "code": "division_by", "params": { "why": { "code": "no_visitors" } } })
        );
        assert_eq!(Reason::needs_column("quota").text(), "needs column: quota");
        let file = NeedsFile { kind: "activities", fields: "owner, type, date" };
        assert_eq!(file.text(), "needs an activities file (owner, type, date)");
        assert_eq!(file.needed_file(), Some("activities"));
    }
}
