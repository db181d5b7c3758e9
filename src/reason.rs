//! Why a figure is not computable: a [`Reason`] has a code with its values, which the
//! page words in its language (`reason.<code>` in `www/messages/*`), and METRICS.md's
//! English sentence (`"no lost deals in period"`, `"needs column: quota"`), which the
//! report keeps as `reason`. Rewording the English changes no other language.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{json, Map, Value};

/// Why a metric, table or series is not computable.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// A division by zero, and why the divisor is zero (when known).
    DivisionByZero(Option<Box<Reason>>),
    /// The files lack these columns.
    NeedsColumns(Vec<String>),
    /// A file of this kind is missing; `fields` are its required columns.
    NeedsFile {
        kind: &'static str,
        fields: &'static str,
    },
    /// Revenue history too short for a forecast.
    ShortHistory {
        need: usize,
        has: usize,
        weeks: bool,
    },
    /// Open deals are there, none with an amount.
    OpenWithoutAmounts(u64),
    /// Won deals are there, none with an amount.
    WonWithoutAmounts(u64),
    /// Amounts (`what`: deal or order amounts) in several currencies.
    MixedCurrencies {
        what: &'static str,
        codes: Vec<String>,
    },
    CacZero,
    NoCustomersAtStart,
    NoWon,
    NoNewCustomers,
    NoRevenueBefore,
    NoVisitors,
    ZeroCycle,
    BoundedPeriod,
    PeriodStart,
    PeriodStartAccounts,
    PeriodStartComparison,
    CustomersDealsOrders,
    DealsForWon,
    AnnualProfit,
    ClvCac,
    NoConversionData,
    NewCustomers,
    RevenueBoth,
    StalledRule,
    VelocityInputs,
    WonOrOrders,
    NoCsat,
    NoMqls,
    NoNps,
    NoAccountsBefore,
    NoWonAmounts,
    NoChurn,
    NoCreated,
    NoHistory,
    NoLeadResponses,
    NoLeads,
    NoLost,
    NoModel,
    NoOpen,
    NoOpenValue,
    NoOrders,
    NoOwners,
    NoQuota,
    NoTickets,
    NoWonDates,
    NoClosed,
    QuotaMet,
    TooManyBuckets,
    RevenueTooLarge,
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
        all.extend([
            CacZero,
            NoCustomersAtStart,
            NoWon,
            NoNewCustomers,
            NoRevenueBefore,
            NoVisitors,
            ZeroCycle,
            BoundedPeriod,
            PeriodStart,
            PeriodStartAccounts,
            PeriodStartComparison,
            CustomersDealsOrders,
            DealsForWon,
            AnnualProfit,
            ClvCac,
            NoConversionData,
            NewCustomers,
            RevenueBoth,
            StalledRule,
            VelocityInputs,
            WonOrOrders,
            NoCsat,
            NoMqls,
            NoNps,
            NoAccountsBefore,
            NoWonAmounts,
            NoChurn,
            NoCreated,
            NoHistory,
            NoLeadResponses,
            NoLeads,
            NoLost,
            NoModel,
            NoOpen,
            NoOpenValue,
            NoOrders,
            NoOwners,
            NoQuota,
            NoTickets,
            NoWonDates,
            NoClosed,
            QuotaMet,
            TooManyBuckets,
            RevenueTooLarge,
        ]);
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
            CacZero => "cac_zero",
            NoCustomersAtStart => "no_customers_at_start",
            NoWon => "no_won",
            NoNewCustomers => "no_new_customers",
            NoRevenueBefore => "no_revenue_before",
            NoVisitors => "no_visitors",
            ZeroCycle => "zero_cycle",
            BoundedPeriod => "bounded_period",
            PeriodStart => "period_start",
            PeriodStartAccounts => "period_start_accounts",
            PeriodStartComparison => "period_start_comparison",
            CustomersDealsOrders => "customers_deals_orders",
            DealsForWon => "deals_for_won",
            AnnualProfit => "annual_profit",
            ClvCac => "clv_cac",
            NoConversionData => "no_conversion_data",
            NewCustomers => "new_customers",
            RevenueBoth => "revenue_both",
            StalledRule => "stalled_rule",
            VelocityInputs => "velocity_inputs",
            WonOrOrders => "won_or_orders",
            NoCsat => "no_csat",
            NoMqls => "no_mqls",
            NoNps => "no_nps",
            NoAccountsBefore => "no_accounts_before",
            NoWonAmounts => "no_won_amounts",
            NoChurn => "no_churn",
            NoCreated => "no_created",
            NoHistory => "no_history",
            NoLeadResponses => "no_lead_responses",
            NoLeads => "no_leads",
            NoLost => "no_lost",
            NoModel => "no_model",
            NoOpen => "no_open",
            NoOpenValue => "no_open_value",
            NoOrders => "no_orders",
            NoOwners => "no_owners",
            NoQuota => "no_quota",
            NoTickets => "no_tickets",
            NoWonDates => "no_won_dates",
            NoClosed => "no_closed",
            QuotaMet => "quota_met",
            TooManyBuckets => "too_many_buckets",
            RevenueTooLarge => "revenue_too_large",
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
            CacZero => "cac is 0",
            NoCustomersAtStart => "no customers at the start",
            NoWon => "no won deals in period",
            NoNewCustomers => "no new customers in period",
            NoRevenueBefore => "no revenue in the comparison period",
            NoVisitors => "no visitors in period",
            ZeroCycle => "sales cycle of 0 days",
            BoundedPeriod => "needs a bounded period",
            PeriodStart => "needs a period start (from)",
            PeriodStartAccounts => "needs a period start (from): accounts with a won deal before it",
            PeriodStartComparison => "needs a period with a start (from) for the comparison",
            CustomersDealsOrders => "needs a customers file (customer_id, acquired_date), deals or orders",
            DealsForWon => "needs a deals file for deals won",
            AnnualProfit => "needs annual_profit, or revenue and customers at the end of a bounded period",
            ClvCac => "needs clv and cac",
            NoConversionData => "needs converted_date, a lead status, or deals that name their lead (lead_id) or that the leads name (deal_id)",
            NewCustomers => "needs new customers (customers, deals or orders)",
            RevenueBoth => "needs revenue in both periods",
            StalledRule => "needs sales_cycle_days (no won deals with both dates in period) or the stalled_after_days option",
            VelocityInputs => "needs win_rate, average_deal_size and sales_cycle_days",
            WonOrOrders => "needs won deals (closed_date, amount) or orders",
            NoCsat => "no CSAT responses in period",
            NoMqls => "no MQLs in period",
            NoNps => "no NPS responses in period",
            NoAccountsBefore => "no accounts with a won deal before the period",
            NoWonAmounts => "no amounts on won deals in period",
            NoChurn => "no churn observed in period: lifespan unknown",
            NoCreated => "no deals created in period",
            NoHistory => "no history",
            NoLeadResponses => "no leads created in period with both created and first response times",
            NoLeads => "no leads created in period",
            NoLost => "no lost deals in period",
            NoModel => "no model could be fitted",
            NoOpen => "no open deals",
            NoOpenValue => "no open pipeline value",
            NoOrders => "no orders in period",
            NoOwners => "no owners with deals created or closed in period",
            NoQuota => "no quota overlaps the period",
            NoTickets => "no tickets created in period with a first response",
            NoWonDates => "no won deals with both dates in period",
            NoClosed => "no won or lost deals in period",
            QuotaMet => "the quota is already met: nothing left to cover",
            TooManyBuckets => "too many buckets: choose a coarser granularity",
            RevenueTooLarge => "revenue too large",
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

    /// Every code is worded in English, Chinese and Persian.
    #[test]
    fn every_code_is_worded_in_every_language() {
        for locale in ["en", "zh", "fa"] {
            let path = format!("{}/www/messages/{locale}.js", env!("CARGO_MANIFEST_DIR"));
            let messages = std::fs::read_to_string(&path).unwrap();
            for r in Reason::examples() {
                let key = format!("'reason.{}'", r.code());
                assert!(messages.contains(&key), "{locale}: no {key} for {:?}", r.text());
            }
        }
    }
}
