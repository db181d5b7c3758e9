//! Money in several currencies (METRICS.md "Conventions"): amounts in different
//! currencies are never added. Deals and orders are also kept per currency code; when
//! more than one code is present, the money metrics of the whole report are not
//! computable and every currency gets its own (`currencies.by_currency`). Conversion
//! rates supplied by the user turn a code into the base currency before anything is
//! summed.

use super::comparison::{compare, Revenues};
use super::customers::{average_order_value, ORDER_REVENUE};
use super::groups::Merge;
use super::stats::Tally;
use super::withheld::Withheld;
use super::DealsAgg;
pub use crate::currency_code::{code, Rates};
use crate::model::Deal;
use crate::options::Options;
use crate::report::{money, CurrencyReport, Metric, MoneyReport, Report};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

impl Rates {
    /// The code of a currency cell written `raw` and the amount in it: converted to the
    /// base when the user gave a rate (counted in `noted`), else as they are.
    pub fn apply<'a>(
        &'a self,
        raw: &'a str,
        amount: Option<Decimal>,
        noted: &mut Currencies,
    ) -> (Cow<'a, str>, Option<Decimal>) {
        let code = code(raw);
        match self.convert(&code, amount) {
            Some((converted, base)) if base != code => {
                noted.note_converted(&code);
                (Cow::Borrowed(base), converted)
            }
            _ => (code, amount),
        }
    }
}

/// Deals and orders per currency code, for one period.
///
/// While every deal so far has the same code, nothing is kept twice: the period's deal
/// aggregate *is* that currency's. At the second code the aggregate so far becomes the
/// first code's, and from then on each deal is also observed into its code's aggregate.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Currencies {
    /// The code shared by every deal so far (before any split).
    only: Option<String>,
    split: BTreeMap<String, DealsAgg>,
    /// Orders in the period per code.
    orders: BTreeMap<String, Tally>,
    /// Codes that were converted to the base currency, with their rows.
    converted: BTreeMap<String, u64>,
}

impl Currencies {
    /// Observes a deal of currency `code` into `all` (the period's aggregate) and, when
    /// currencies are mixed, into the code's own aggregate.
    pub fn deal(&mut self, all: &mut DealsAgg, d: &Deal<'_>, code: &str) {
        if self.split.is_empty() {
            match &self.only {
                None => self.only = Some(code.to_string()),
                // blank against blank first: the common case, and no memcmp call per row
                Some(c) if c.is_empty() && code.is_empty() || c == code => {}
                Some(_) => {
                    let first = self.only.take().unwrap_or_default();
                    self.split.insert(first, all.currency_copy());
                }
            }
        }
        all.observe(d);
        if !self.split.is_empty() {
            self.split.entry(code.to_string()).or_insert_with(|| all.empty_like()).observe(d);
        }
    }

    /// An order line in the period, of currency `code`; `first`: the first line of its
    /// order. Each code's tally counts orders and sums lines (an order cut between two
    /// parts of a file read apart counts in both: see DECISIONS.md "Orders").
    pub fn order(&mut self, code: &str, amount: Option<Decimal>, first: bool) {
        let t = match self.orders.get_mut(code) {
            Some(t) => t,
            None => self.orders.entry(code.to_string()).or_default(),
        };
        if let Some(a) = amount {
            t.sum += a;
        }
        if first {
            t.count += 1;
            t.with_amount += u64::from(amount.is_some());
        }
    }

    /// A row whose `code` was converted with the user's rate.
    pub fn note_converted(&mut self, code: &str) {
        *self.converted.entry(code.to_string()).or_insert(0) += 1;
    }

    /// Per code, the deal aggregates (the period's own when not split).
    pub fn by_code(&self, all: &DealsAgg) -> BTreeMap<String, DealsAgg> {
        match &self.only {
            Some(c) => BTreeMap::from([(c.clone(), all.currency_copy())]),
            None => self.split.clone(),
        }
    }

    /// Merges another part's currencies; `mine`/`theirs` are the two parts' period
    /// aggregates *before* they are merged.
    pub fn merge(&mut self, o: Currencies, mine: &DealsAgg, theirs: &DealsAgg) {
        let fresh = |c: &Currencies| c.only.is_none() && c.split.is_empty();
        let same = self.only.is_some() && self.only == o.only;
        if fresh(&o) || same {
        } else if fresh(self) {
            self.only = o.only;
            self.split = o.split;
        } else {
            let mut split = self.by_code(mine);
            for (code, agg) in o.by_code(theirs) {
                match split.get_mut(&code) {
                    Some(a) => a.merge(agg),
                    None => {
                        split.insert(code, agg);
                    }
                }
            }
            self.only = None;
            self.split = split;
        }
        for (code, t) in o.orders {
            Merge::merge(self.orders.entry(code).or_default(), t);
        }
        for (code, n) in o.converted {
            *self.converted.entry(code).or_insert(0) += n;
        }
    }

    /// Non-blank deal codes.
    pub fn deal_codes(&self) -> BTreeSet<String> {
        let mut codes: BTreeSet<String> = self.split.keys().cloned().collect();
        codes.extend(self.only.clone());
        codes.remove("");
        codes
    }

    /// Non-blank order codes (orders in period).
    pub fn order_codes(&self) -> BTreeSet<String> {
        self.orders.keys().filter(|c| !c.is_empty()).cloned().collect()
    }
}

/// The non-blank deal codes and order codes of the period and of the comparison period
/// (`before`): money in more than one code is not added up ([`super::withheld`]).
pub fn codes(now: &Currencies, before: Option<&Currencies>) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut deals, mut orders) = (now.deal_codes(), now.order_codes());
    if let Some(c) = before {
        deals.extend(c.deal_codes());
        orders.extend(c.order_codes());
    }
    (deals, orders)
}

/// The `currencies` part of the report: the `codes` ([`codes`]) and, when deal or order
/// codes are mixed (in the period or the comparison period, so that no comparison adds
/// currencies either), each currency's money metrics.
pub fn report(
    options: &Options,
    as_of: NaiveDate,
    now: (&DealsAgg, &Currencies),
    before: Option<(&DealsAgg, &Currencies)>,
    (deal_codes, order_codes): (BTreeSet<String>, BTreeSet<String>),
) -> CurrencyReport {
    let (deals, cur) = now;
    let (deals_mixed, orders_mixed) = (deal_codes.len() > 1, order_codes.len() > 1);
    let label = |code: &str| if code.is_empty() { "(none)".to_string() } else { code.to_string() };
    let mut by_currency: BTreeMap<String, MoneyReport> = BTreeMap::new();
    if deals_mixed {
        let earlier = before.map(|(d, c)| {
            let mut by = c.by_code(d);
            by.values_mut().for_each(|a| a.copy_columns(d));
            (d.period(), by)
        });
        for (code, mut agg) in cur.by_code(deals) {
            agg.copy_columns(deals);
            let mut r = Report::default();
            let summary = agg.finish(options, as_of, &mut r);
            let compared = earlier.as_ref().map(|(period, by)| {
                let mut r = Report::default();
                if let Some(e) = by.get(&code) {
                    let o = Options { period: *period, ..options.clone() };
                    e.finish(&o, period.to.unwrap_or(as_of), &mut r);
                }
                (*period, r)
            });
            let now = Revenues { deals: summary.revenue, orders: None };
            let previous = agg.previous_revenue(as_of);
            compare(options, compared.as_ref(), (now, previous), &Withheld::default(), &mut r);
            let (forecast, series, _) = super::forecast::revenue(agg.history(), as_of, options.today, "deals");
            r.metrics.insert("forecast_revenue", forecast);
            r.series.insert("forecast_revenue", series);
            by_currency.insert(label(&code), MoneyReport { metrics: r.metrics, tables: r.tables, series: r.series });
        }
    }
    if orders_mixed {
        for (code, t) in &cur.orders {
            let metrics = &mut by_currency.entry(label(code)).or_default().metrics;
            metrics.insert("average_order_value", average_order_value(t));
            metrics.insert(
                "order_revenue",
                Metric::new(money(t.sum), t.count, ORDER_REVENUE).with("orders", json!(t.count)),
            );
        }
    }
    let mut codes = deal_codes;
    codes.extend(order_codes);
    CurrencyReport {
        codes: codes.into_iter().collect(),
        mixed: deals_mixed || orders_mixed,
        base: options.rates.base.clone().filter(|_| !options.rates.rates.is_empty()),
        converted: cur.converted.clone(),
        by_currency,
    }
}
