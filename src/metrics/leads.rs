//! Lead metrics (METRICS.md "Lead metrics" and `lead_funnel`): qualified leads, MQL → SQL,
//! conversion, conversion by source, response time, referrals, and the lead funnel.

use super::groups::{Groups, Merge};
use super::stats::Histogram;
use super::withheld::Withheld;
use crate::hashing::id_key;
use crate::model::Lead;
use crate::period::Period;
use crate::problems::ProblemKind;
use crate::reason::Reason;
use crate::report::{money, number, row, Metric, Report, Table};
use crate::text::group_key;
use crate::vocabulary::Direction;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const QUALIFIED: &str = "leads that reached MQL or SQL in period, split inbound/outbound when direction exists";
const MQL_SQL: &str = "leads with sql_date / leads with mql_date, cohort of MQLs in period";
const CONVERSION: &str =
    "leads converted (converted_date, a converted/won status, or a linked deal won) / leads created in period";
const BY_SOURCE: &str =
    "per source: leads created in period, converted, rate; deals won in period and their revenue per deal source";
const RESPONSE: &str =
    "mean and median of (first_response_date − created_date) in minutes; share answered within the target";
const REFERRALS: &str = "leads whose source means referral, created in period";
const FUNNEL: &str =
    "leads created in period → MQL → SQL → opportunity (deal_id set) → converted; counts, conversion and leakage";

/// Converted and all leads of one source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
struct SourceStats {
    leads: u64,
    converted: u64,
}

impl Merge for SourceStats {
    fn merge(&mut self, o: Self) {
        self.leads += o.leads;
        self.converted += o.converted;
    }
}

/// Lead state. Mergeable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LeadsAgg {
    period: Period,
    rows: u64,
    created: u64,
    converted: u64,
    qualified: [u64; 3],
    has_direction: bool,
    mqls: u64,
    mqls_with_sql: u64,
    sources: Groups<SourceStats>,
    referrals: u64,
    response: Histogram<i64>,
    /// Response times in seconds, and their sum.
    response_sum: i64,
    /// lead, MQL, SQL, opportunity, converted
    funnel: [u64; 5],
    /// Leads of the period not converted by their own columns, to be linked to deals by
    /// the deal id they name or by their own id in the deals' lead_id column.
    linked: Vec<Linked>,
    /// Keep [`LeadsAgg::linked`] (deals may be read: the page's option `link_leads`).
    #[serde(default)]
    keep_links: bool,
    /// A row had an SQL date; a row said whether it converted (date or status).
    #[serde(default)]
    sql_seen: bool,
    #[serde(default)]
    conversion_seen: bool,
}

/// A lead of the period not converted by its own columns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Linked {
    /// Hash of the deal id it names (0: none).
    deal: u64,
    /// Hash of its own id.
    lead: u64,
    source: String,
    /// Funnel steps its own columns reached (bit i: step i).
    reached: u8,
}

/// What the deals say of leads: hashes of won deals' ids, of the lead ids of won deals,
/// and of the lead ids of any deal.
pub struct DealLinks<'a> {
    pub won_deals: &'a FxHashSet<u64>,
    pub won_leads: &'a FxHashSet<u64>,
    pub leads_with_deal: &'a FxHashSet<u64>,
    /// Per lead source the deals name: deals won in the period and their revenue (empty
    /// when the deals have no source).
    pub sources: Vec<(&'a str, u64, Decimal)>,
}

/// What the deals won per source, by the source's group key.
type DealSources<'a> = rustc_hash::FxHashMap<String, (&'a str, u64, Decimal)>;

/// Whether a lead (`deal`: [`id_key`] of the deal it names, `lead`: of its own id) is
/// linked to a deal won: one it names, or one that names it (`won_deals`, `won_leads`).
pub fn linked_to_won(won_deals: &FxHashSet<u64>, won_leads: &FxHashSet<u64>, deal: u64, lead: u64) -> bool {
    won_deals.contains(&deal) || won_leads.contains(&lead)
}

/// Whether a lead was qualified in `period`: its MQL or SQL date is in it (`qualified_leads`).
pub fn qualified_in(period: Period, l: &Lead<'_>) -> bool {
    [l.mql, l.sql].into_iter().flatten().any(|d| period.contains(Some(d)))
}

/// Whether a lead was created in `period` (the leads every lead metric but MQL → SQL counts).
pub fn created_in(period: Period, l: &Lead<'_>) -> bool {
    period.contains(l.created.map(|c| c.date()))
}

impl LeadsAgg {
    /// Distinct sources of the leads (for what made memory grow).
    pub fn distinct_sources(&self) -> usize {
        self.sources.len()
    }

    pub fn new(period: Period) -> Self {
        LeadsAgg { period, ..LeadsAgg::default() }
    }

    /// Keeps the leads deals may convert (when deals are read beside the leads).
    pub fn keep_links(mut self, keep: bool) -> Self {
        self.keep_links = keep;
        self
    }

    pub fn observe(&mut self, l: &Lead<'_>, problems: &mut dyn FnMut(&str, ProblemKind)) {
        self.rows += 1;
        let in_period = |d: Option<chrono::NaiveDate>| self.period.contains(d);
        self.has_direction |= l.direction.is_some();
        let (mql, sql) = (l.mql, l.sql);
        if qualified_in(self.period, l) {
            let slot = match l.direction {
                Some(Direction::Inbound) => 0,
                Some(Direction::Outbound) => 1,
                _ => 2,
            };
            self.qualified[slot] += 1;
        }
        if mql.is_some_and(|d| in_period(Some(d))) {
            self.mqls += 1;
            if sql.is_some() {
                self.mqls_with_sql += 1;
            }
        }
        if !created_in(self.period, l) {
            return;
        }
        self.sql_seen |= sql.is_some();
        self.conversion_seen |= l.conversion_said;
        let converted = l.converted;
        self.created += 1;
        self.converted += converted as u64;
        let src = self.sources.entry(l.source, "(no source)");
        src.leads += 1;
        src.converted += converted as u64;
        self.referrals += u64::from(l.referral);
        if let (Some(c), Some(first)) = (l.created, l.first_response) {
            // In seconds: minutes are whole only in the report (a mean of truncated
            // minutes is too low).
            let seconds = (first - c).num_seconds();
            if seconds < 0 {
                problems("first_response_date", ProblemKind::RespondedBefore(c.to_string()));
            } else {
                self.response.add(seconds);
                self.response_sum += seconds;
            }
        }
        let opportunity = !l.deal_id.is_empty();
        let sql_reached = sql.is_some() || opportunity || converted;
        let steps = [true, mql.is_some() || sql_reached, sql_reached, opportunity || converted, converted];
        for (n, reached) in self.funnel.iter_mut().zip(steps) {
            *n += reached as u64;
        }
        if !converted && (opportunity || self.keep_links) {
            self.linked.push(Linked {
                deal: id_key(l.deal_id),
                lead: id_key(l.lead_id),
                source: l.source.to_string(),
                reached: steps.iter().enumerate().map(|(i, r)| u8::from(*r) << i).sum(),
            });
        }
    }

    pub fn merge(&mut self, o: LeadsAgg) {
        self.rows += o.rows;
        self.created += o.created;
        self.converted += o.converted;
        for i in 0..3 {
            self.qualified[i] += o.qualified[i];
        }
        self.has_direction |= o.has_direction;
        self.mqls += o.mqls;
        self.mqls_with_sql += o.mqls_with_sql;
        self.sources.merge(o.sources);
        self.referrals += o.referrals;
        super::groups::Merge::merge(&mut self.response, o.response);
        self.response_sum += o.response_sum;
        for i in 0..5 {
            self.funnel[i] += o.funnel[i];
        }
        self.linked.extend(o.linked);
        self.keep_links |= o.keep_links;
        self.sql_seen |= o.sql_seen;
        self.conversion_seen |= o.conversion_seen;
    }

    /// `deals`: what the deals say of leads (when deals were read). A lead is an
    /// opportunity when a deal names it (or it names a deal), converted when that deal
    /// was won.
    /// Writes the lead metrics, leads linked to the `deals` read; returns the median
    /// minutes to a first response (None: no response timed).
    pub fn finish(
        &self,
        target_minutes: i64,
        deals: Option<DealLinks<'_>>,
        withheld: &Withheld,
        report: &mut Report,
    ) -> Option<f64> {
        let mut this = self.clone();
        let mut deal_sources = None;
        if let Some(d) = deals {
            for l in &self.linked {
                let won = linked_to_won(d.won_deals, d.won_leads, l.deal, l.lead);
                let opportunity = l.deal != 0 || d.leads_with_deal.contains(&l.lead) || won;
                this.conversion_seen |= opportunity;
                // Steps now reached that the lead's own columns did not reach.
                let steps = [true, opportunity, opportunity, opportunity, won];
                for (i, now) in steps.into_iter().enumerate() {
                    if now && l.reached & (1 << i) == 0 {
                        this.funnel[i] += 1;
                    }
                }
                if won {
                    this.converted += 1;
                    this.sources.entry(&l.source, "(no source)").converted += 1;
                }
            }
            let by_key: DealSources<'_> = d.sources.iter().map(|s| (group_key(s.0), *s)).collect();
            deal_sources = (!by_key.is_empty()).then_some(by_key);
        }
        this.report(target_minutes, report);
        if self.rows > 0 {
            let table = this.by_source(deal_sources);
            report.tables.insert("conversion_by_source", withheld.deal_table("conversion_by_source", table));
        }
        let timed = self.rows > 0 && !self.response.is_empty();
        timed.then(|| super::stats::median_whole(&self.response)).flatten().map(|s| s / 60.0)
    }

    fn report(&self, target_minutes: i64, report: &mut Report) {
        let m = &mut report.metrics;
        if self.rows == 0 {
            let why = Reason::NeedsFile { kind: "leads", fields: "lead_id, created_date" };
            for (id, formula) in [
                ("qualified_leads", QUALIFIED),
                ("mql_to_sql_rate", MQL_SQL),
                ("lead_conversion_rate", CONVERSION),
                ("lead_response_minutes", RESPONSE),
                ("referrals", REFERRALS),
            ] {
                m.insert(id, Metric::missing(why.clone(), formula));
            }
            return;
        }
        let q = self.qualified;
        let mut qualified = Metric::new(json!(q.iter().sum::<u64>()), q.iter().sum(), QUALIFIED);
        if self.has_direction {
            qualified =
                qualified.with("inbound", json!(q[0])).with("outbound", json!(q[1])).with("unknown", json!(q[2]));
        }
        m.insert("qualified_leads", qualified);
        // No SQL date or conversion anywhere is no data, not 0 %.
        m.insert(
            "mql_to_sql_rate",
            if self.sql_seen {
                Metric::ratio(self.mqls_with_sql, self.mqls, Reason::NoMqls, MQL_SQL)
            } else {
                Metric::missing(Reason::needs_column("sql_date"), MQL_SQL)
            },
        );
        m.insert(
            "lead_conversion_rate",
            if self.conversion_seen {
                Metric::ratio(self.converted, self.created, Reason::NoLeads, CONVERSION)
            } else {
                Metric::missing(Reason::NoConversionData, CONVERSION)
            },
        );
        m.insert("referrals", Metric::new(json!(self.referrals), self.created, REFERRALS));
        let n = self.response.len();
        let response = if n == 0 {
            Metric::missing(Reason::NoLeadResponses, RESPONSE)
        } else {
            let within = self.response.count_at_most(target_minutes.saturating_mul(60));
            let minutes = self.response_sum as f64 / 60.0;
            Metric::new(number(minutes / n as f64), n, RESPONSE)
                .fraction(number(minutes), json!(n))
                .with("median", super::stats::median_whole(&self.response).map_or(Value::Null, |s| number(s / 60.0)))
                .with("within_target", number(within as f64 / n as f64))
                .with("target_minutes", json!(target_minutes))
        };
        m.insert("lead_response_minutes", response);

        let names = ["leads", "MQL", "SQL", "opportunity", "converted"];
        let rows = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let here = self.funnel[i];
                let pct = |n: u64, d: u64| if d == 0 { Value::Null } else { number(n as f64 / d as f64) };
                let conversion = if i == 0 { Value::Null } else { pct(here, self.funnel[i - 1]) };
                let (drop, share) = match self.funnel.get(i + 1) {
                    Some(next) => {
                        let d = here.saturating_sub(*next);
                        (json!(d), pct(d, here))
                    }
                    None => (Value::Null, Value::Null),
                };
                row(&[
                    ("stage", json!(name)),
                    ("reached", json!(here)),
                    ("conversion", conversion),
                    ("drop_off", drop),
                    ("drop_off_share", share),
                ])
            })
            .collect();
        let columns = vec!["stage", "reached", "conversion", "drop_off", "drop_off_share"];
        report.tables.insert("lead_funnel", Table::new(columns, rows, FUNNEL));
    }

    /// Conversion by source: the leads' sources by leads, then those only deals name; with
    /// the deals won and their revenue per source when the deals have sources.
    fn by_source(&self, mut deals: Option<DealSources<'_>>) -> Table {
        let mut sources = self.sources.sorted();
        sources.sort_by_key(|s| std::cmp::Reverse(s.1.leads));
        let mut rows: Vec<_> = sources
            .into_iter()
            .map(|(name, s)| {
                let rate = if s.leads == 0 { Value::Null } else { number(s.converted as f64 / s.leads as f64) };
                let won = deals.as_mut().map(|d| d.remove(&group_key(name)).map_or((0, Decimal::ZERO), |w| (w.1, w.2)));
                (name, s.leads, s.converted, rate, won)
            })
            .collect();
        let mut only_deals: Vec<_> = deals.iter().flat_map(|d| d.values()).collect();
        only_deals.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        rows.extend(only_deals.into_iter().map(|w| (w.0, 0, 0, Value::Null, Some((w.1, w.2)))));
        let rows = rows.into_iter().map(|(name, leads, converted, rate, won)| {
            let mut cells =
                vec![("source", json!(name)), ("leads", json!(leads)), ("converted", json!(converted)), ("rate", rate)];
            if let Some((won, revenue)) = won {
                cells.extend([("won_deals", json!(won)), ("revenue", money(revenue))]);
            }
            row(&cells)
        });
        let mut columns = vec!["source", "leads", "converted", "rate"];
        let mut sums = vec!["leads", "converted"];
        if deals.is_some() {
            columns.extend(["won_deals", "revenue"]);
            sums.extend(["won_deals", "revenue"]);
        }
        Table::capped(columns, rows, &sums, BY_SOURCE)
    }
}
