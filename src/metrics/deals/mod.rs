//! Deal metrics (METRICS.md "Deal metrics"): revenue, won/lost counts, win rates, deal
//! size, sales cycle, opportunities created, and the tables by owner, by account and by
//! loss reason; with the pipeline and funnel families it owns.

mod tables;

pub use tables::sales_table;

use super::forecast::weighted::WeightedForecastAgg;
use super::forecast::History;
use super::funnel::FunnelAgg;
use super::groups::{Groups, Merge};
use super::growth::{AccountHistory, GrowthAgg};
use super::pipeline::{PipelineAgg, StagesAt, StallRule};
use super::stats::{median_money, median_whole, Amounts, Histogram, Tally};
use super::team::Ledger;
use super::withheld::Withheld;
use crate::hashing::id_hash;
use crate::model::Deal;
use crate::options::Options;
use crate::period::{Granularity, Period};
use crate::reason::Reason;
use crate::report::{money, money_rounded, number, Metric, Report, DEAL_NEEDS};
use crate::stages::Status;
use crate::text::group_key;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const REVENUE: &str = "Σ amount of deals won (closed_date in period)";
const DEALS_WON: &str = "count of won deals, closed in period";
const DEALS_LOST: &str = "count of lost deals, closed in period";
const WIN_RATE: &str = "won / (won + lost), closed in period";
const WIN_RATE_COHORT: &str = "deals created in period that are won / deals created in period";
const AVG_DEAL: &str = "Σ amount of won deals / count of won deals";
const MEDIAN_DEAL: &str = "median amount of won deals";
const CYCLE: &str = "mean of (closed_date − created_date) in days over won deals closed in period; also median";
const CREATED: &str = "count and Σ amount of deals created in period";
const BY_OWNER: &str = "per owner: revenue, won, lost, win_rate, average_deal_size, sales_cycle_days, share of revenue";
const BY_ACCOUNT: &str = "per account: revenue, won count, share of revenue, sorted desc";
const BY_PRODUCT: &str =
    "per product: revenue, won, lost, win_rate, average_deal_size, sales_cycle_days, share of revenue";
const LOSS: &str = "per lost_reason: count, Σ amount, share of lost; blank → \"(none given)\"";

/// Sales of one owner, account or product: won deals (count and amounts), lost deals,
/// and the days of the won deals' sales cycles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SalesStats {
    pub won: Tally,
    pub lost: u64,
    pub cycle_days: i64,
    pub cycle_n: u64,
}

impl SalesStats {
    fn won(&mut self, d: &Deal<'_>) {
        self.won.add(d.amount);
        if let (Some(c), Some(e)) = (d.created, d.closed) {
            let days = (e - c).num_days();
            if days >= 0 {
                self.cycle_days += days;
                self.cycle_n += 1;
            }
        }
    }
}

impl Merge for SalesStats {
    fn merge(&mut self, o: Self) {
        self.won.merge(o.won);
        self.lost += o.lost;
        self.cycle_days += o.cycle_days;
        self.cycle_n += o.cycle_n;
    }
}

/// An owner's sales in the period, whether it was active in the period (a deal created
/// or closed in it) and its won revenue by day (any period, for quotas): one group per
/// owner, so that a file of a million owners holds each name once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnerStats {
    sales: SalesStats,
    active: bool,
    ledger: Ledger,
}

impl Merge for OwnerStats {
    fn merge(&mut self, o: Self) {
        self.sales.merge(o.sales);
        self.active |= o.active;
        self.ledger.merge(o.ledger);
    }
}

/// An account's sales in the period and what it has won (any period, for new accounts
/// and the upsell rate).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountStats {
    sales: SalesStats,
    history: AccountHistory,
}

impl Merge for AccountStats {
    fn merge(&mut self, o: Self) {
        self.sales.merge(o.sales);
        self.history.merge(o.history);
    }
}

/// Sales of groups with a deal closed in the period, for the tables.
fn closed_sales<T>(groups: &Groups<T>, sales: impl Fn(&T) -> &SalesStats) -> Vec<(&str, &SalesStats)> {
    groups.sorted().into_iter().map(|(n, g)| (n, sales(g))).filter(|(_, s)| s.won.count + s.lost > 0).collect()
}

/// What the deal metrics hand the families finished after them (the same figures as the
/// report's, not read back out of it).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DealsSummary {
    /// Deals won in the period (None: no deals, or no column to tell).
    pub won: Option<u64>,
    /// The open pipeline's value at the as-of date (None: not computable).
    pub pipeline: Option<Decimal>,
    /// Won revenue and the won deals with an amount, as `revenue` computes it whatever
    /// the currencies (None: not computable).
    pub revenue: Option<(Decimal, u64)>,
    /// The win rate (None: no deal closed, or no column to tell).
    pub win_rate: Option<f64>,
    /// The stalled deals' value as the report shows it (None: not computable, none with
    /// an amount, or withheld).
    pub stalled_value: Option<Decimal>,
}

/// All deal metric state. Memory grows with owners, accounts, reasons, stages, distinct
/// won amounts and open deals, not with rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealsAgg {
    period: Period,
    rows: u64,
    columns: BTreeSet<String>,
    won: Tally,
    lost: Tally,
    won_amounts: Amounts,
    cycle: Histogram<i64>,
    cycle_sum: i64,
    created: Tally,
    cohort_won: u64,
    owners: Groups<OwnerStats>,
    accounts: Groups<AccountStats>,
    #[serde(default)]
    products: Groups<SalesStats>,
    /// Sales per lead source of the deals (for conversion by source).
    #[serde(default)]
    sources: Groups<SalesStats>,
    reasons: Groups<Tally>,
    pipeline: PipelineAgg,
    funnel: FunnelAgg,
    growth: GrowthAgg,
    /// Won revenue by month and week (any period), for the revenue forecast.
    history: History,
    weighted_forecast: WeightedForecastAgg,
    /// Hashes of the ids of won deals (any period), for leads linked to deals.
    won_ids: FxHashSet<u64>,
    /// Won revenue per close day before the period's start (when it has one), for sales
    /// growth against the previous period when no comparison was asked for.
    #[serde(default)]
    won_before: std::collections::BTreeMap<NaiveDate, Decimal>,
    /// Hashes of the lead ids of won deals, and of any deal (any period).
    #[serde(default)]
    won_lead_ids: FxHashSet<u64>,
    #[serde(default)]
    lead_ids: FxHashSet<u64>,
    keep_won_ids: bool,
    first_date: Option<NaiveDate>,
    last_date: Option<NaiveDate>,
}

impl DealsAgg {
    /// Distinct names per deals field (for what made memory grow).
    pub fn distinct_names(&self) -> [(&'static str, usize); 4] {
        [
            ("owner", self.owners.len()),
            ("account", self.accounts.len()),
            ("product", self.products.len()),
            ("lost_reason", self.reasons.len()),
        ]
    }

    /// An empty aggregate of `period`, its trend bucketed by `granularity`.
    pub fn new(period: Period, granularity: Granularity) -> Self {
        DealsAgg {
            period,
            rows: 0,
            columns: BTreeSet::new(),
            won: Tally::default(),
            lost: Tally::default(),
            won_amounts: Amounts::default(),
            cycle: Histogram::default(),
            cycle_sum: 0,
            created: Tally::default(),
            cohort_won: 0,
            owners: Groups::default(),
            accounts: Groups::default(),
            products: Groups::default(),
            sources: Groups::default(),
            reasons: Groups::default(),
            pipeline: PipelineAgg::new(period.to),
            funnel: FunnelAgg::default(),
            growth: GrowthAgg::new(period, granularity),
            history: History::default(),
            weighted_forecast: WeightedForecastAgg::new(period.to, granularity),
            won_ids: FxHashSet::default(),
            won_lead_ids: FxHashSet::default(),
            lead_ids: FxHashSet::default(),
            won_before: std::collections::BTreeMap::new(),
            keep_won_ids: true,
            first_date: None,
            last_date: None,
        }
    }

    /// Records which canonical columns a deals file has (metrics name what is missing).
    pub fn note_columns<S: Into<String>>(&mut self, fields: impl IntoIterator<Item = S>) {
        self.columns.extend(fields.into_iter().map(Into::into));
        // A won or lost date is the close date of the deals it is given for.
        if crate::ingest::schema::CLOSE_DATE_FIELDS.iter().any(|f| self.has(f)) {
            self.columns.insert("closed_date".to_string());
        }
        // A file with no close date dates its closed deals by their expected close date
        // (src/ingest/deal_row.rs).
        if self.has("expected_close_date") {
            self.columns.insert("closed_date".to_string());
        }
    }

    fn has(&self, column: &str) -> bool {
        self.columns.contains(column)
    }

    /// Folds one deal in.
    pub fn observe(&mut self, d: &Deal<'_>) {
        self.rows += 1;
        for date in [d.created, d.closed].into_iter().flatten() {
            self.first_date = Some(self.first_date.map_or(date, |f| f.min(date)));
            self.last_date = Some(self.last_date.map_or(date, |l| l.max(date)));
        }
        let closed_in = d.closed_in(self.period);
        match d.status {
            Status::Won if closed_in => {
                self.won.add(d.amount);
                if let Some(a) = d.amount {
                    self.won_amounts.add(a);
                }
                if let (Some(c), Some(e)) = (d.created, d.closed) {
                    let days = (e - c).num_days();
                    if days >= 0 {
                        self.cycle.add(days);
                        self.cycle_sum += days;
                    }
                }
                self.owners.entry(d.owner, "(no owner)").sales.won(d);
                self.accounts.entry(d.account, "(no account)").sales.won(d);
                if !d.product.is_empty() {
                    self.products.entry(d.product, "(no product)").won(d);
                }
                if !d.source.is_empty() {
                    self.sources.entry(d.source, "").won(d);
                }
            }
            Status::Lost if closed_in => {
                self.lost.add(d.amount);
                self.owners.entry(d.owner, "(no owner)").sales.lost += 1;
                self.accounts.entry(d.account, "(no account)").sales.lost += 1;
                if !d.product.is_empty() {
                    self.products.entry(d.product, "(no product)").lost += 1;
                }
                if !d.source.is_empty() {
                    self.sources.entry(d.source, "").lost += 1;
                }
                if let Some(reason) = d.lost_reason {
                    self.reasons.entry(reason, "(none given)").add(d.amount);
                }
            }
            _ => {}
        }
        if self.period.contains(d.created) {
            self.created.add(d.amount);
            if d.status == Status::Won {
                self.cohort_won += 1;
            }
            self.funnel.observe(d);
        }
        self.pipeline.observe(d);
        let (active, account) = self.growth.observe(d);
        if active {
            self.owners.entry(d.owner, "(no owner)").active = true;
        }
        if let Some(history) = account {
            self.accounts.entry(d.account, "(no account)").history.merge(history);
        }
        if let (Status::Won, Some(day), Some(amount)) = (d.status, d.close_day(), d.amount) {
            self.owners.entry(d.owner, "(no owner)").ledger.add(day, amount);
            self.history.add(day, amount);
            if self.period.from.is_some_and(|from| day < from) {
                self.won_before.entry(day).or_default().merge(amount);
            }
        }
        self.weighted_forecast.observe(d);
        if self.keep_won_ids && d.status == Status::Won && !d.deal_id.is_empty() {
            self.won_ids.insert(id_hash(d.deal_id));
        }
        if self.keep_won_ids && !d.lead_id.is_empty() {
            let lead = id_hash(d.lead_id);
            self.lead_ids.insert(lead);
            if d.status == Status::Won {
                self.won_lead_ids.insert(lead);
            }
        }
    }

    /// Adds another part's deals (the two parts read apart, in any order).
    pub fn merge(&mut self, o: DealsAgg) {
        self.rows += o.rows;
        self.columns.extend(o.columns);
        self.won.merge(o.won);
        self.lost.merge(o.lost);
        self.won_amounts.merge(o.won_amounts);
        self.cycle.merge(o.cycle);
        self.cycle_sum += o.cycle_sum;
        self.created.merge(o.created);
        self.cohort_won += o.cohort_won;
        self.owners.merge(o.owners);
        self.accounts.merge(o.accounts);
        self.products.merge(o.products);
        self.sources.merge(o.sources);
        self.reasons.merge(o.reasons);
        self.pipeline.merge(o.pipeline);
        self.funnel.merge(o.funnel);
        self.growth.merge(o.growth);
        self.history.merge(o.history);
        self.weighted_forecast.merge(o.weighted_forecast);
        self.won_ids.extend(o.won_ids);
        self.won_lead_ids.extend(o.won_lead_ids);
        Merge::merge(&mut self.won_before, o.won_before);
        self.lead_ids.extend(o.lead_ids);
        self.first_date = [self.first_date, o.first_date].into_iter().flatten().min();
        self.last_date = [self.last_date, o.last_date].into_iter().flatten().max();
    }

    /// Deals won in period by an owner (grouped as owners are), when deals were read.
    pub fn won_by_owner(&self, owner: &str) -> Option<u64> {
        if self.rows == 0 {
            return None;
        }
        Some(self.owners.get(owner).map_or(0, |o| o.sales.won.count))
    }

    /// Won revenue of an owner by close date, for quota periods.
    pub fn ledger(&self, owner: &str) -> Option<&Ledger> {
        self.owners.get(owner).map(|o| &o.ledger)
    }

    /// Accounts whose first won deal closed in the period.
    pub fn new_accounts(&self) -> u64 {
        self.growth.new_accounts(self.accounts.values().map(|a| &a.history))
    }

    /// Whether to remember won deals' ids for leads linked to them (off when no leads
    /// file can come: it costs a hash per won deal).
    pub fn keep_won_ids(mut self, keep: bool) -> Self {
        self.keep_won_ids = keep;
        self
    }

    /// Hashes of won deals' ids (when deals were read).
    /// The previous period of equal length (ending at the period's start, the period
    /// judged as of `as_of`) and the revenue won in it, for sales growth when no
    /// comparison was asked for; None without a start or deals.
    pub fn previous_revenue(&self, as_of: NaiveDate) -> Option<(Period, Decimal)> {
        let p = crate::period::Comparison::Previous.of(self.period, as_of)?;
        Some((p, self.won_between(p.from?, p.to?)?))
    }

    /// Won revenue closed in `[from, to)`, a window before the period's start (None when
    /// the window reaches into the period or no deal was read).
    fn won_between(&self, from: NaiveDate, to: NaiveDate) -> Option<Decimal> {
        (self.read_any() && self.period.from.is_some_and(|f| to <= f)).then(|| {
            self.won_before.range(from..to).fold(Decimal::ZERO, |mut s, (_, a)| {
                s.merge(*a);
                s
            })
        })
    }

    /// What the deals say of leads (when deals were read).
    pub fn lead_links(&self) -> Option<super::leads::DealLinks<'_>> {
        self.read_any().then(|| super::leads::DealLinks {
            won_deals: &self.won_ids,
            won_leads: &self.won_lead_ids,
            leads_with_deal: &self.lead_ids,
            sources: self.sources.sorted().into_iter().map(|(n, s)| (n, s.won.count, s.won.sum)).collect(),
        })
    }

    /// A copy to stand for one currency's deals: without the won ids kept for leads.
    pub fn currency_copy(&self) -> DealsAgg {
        let mut c = self.clone();
        c.keep_won_ids = false;
        c.won_ids = FxHashSet::default();
        c.won_lead_ids = FxHashSet::default();
        c.lead_ids = FxHashSet::default();
        c
    }

    /// A new aggregate over the same period, granularity and columns, for one currency.
    pub fn empty_like(&self) -> DealsAgg {
        let mut e = DealsAgg::new(self.period, self.growth.granularity()).keep_won_ids(false);
        e.columns = self.columns.clone();
        e
    }

    /// Takes the columns `other` was told of (each currency's aggregate reports what the
    /// files lack as the whole does).
    pub fn copy_columns(&mut self, other: &DealsAgg) {
        self.columns = other.columns.clone();
    }

    /// Whether any deal was read.
    pub fn read_any(&self) -> bool {
        self.rows > 0
    }

    /// Won revenue by month and week, over all time.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Sales per owner, account or product with a deal closed in the period (when a
    /// deals file had that column).
    pub fn sales_by(&self, field: &str) -> Option<Vec<(&str, &SalesStats)>> {
        let sales = match field {
            "owner" => closed_sales(&self.owners, |o| &o.sales),
            "account" => closed_sales(&self.accounts, |a| &a.sales),
            "product" => self.products.sorted(),
            _ => return None,
        };
        self.has(field).then_some(sales)
    }

    /// Won revenue in the period.
    pub fn revenue(&self) -> Decimal {
        self.won.sum
    }

    /// The period this aggregate covers.
    pub fn period(&self) -> Period {
        self.period
    }

    /// The first date of any deal.
    pub fn first_date(&self) -> Option<NaiveDate> {
        self.first_date
    }

    /// The last date of any deal.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.last_date
    }

    /// Writes every deal metric and table into `report`, judging open deals at `as_of`.
    pub fn finish(&self, options: &Options, as_of: NaiveDate, report: &mut Report) -> DealsSummary {
        self.finish_with(options, as_of, &StagesAt::default(), &Withheld::default(), report)
    }

    /// [`DealsAgg::finish`], the deals open at the period's end that closed since placed
    /// in their stage then (`stages`, from a stage history), money written as `withheld`
    /// says.
    pub fn finish_with(
        &self,
        options: &Options,
        as_of: NaiveDate,
        stages: &StagesAt,
        withheld: &Withheld,
        report: &mut Report,
    ) -> DealsSummary {
        if self.rows == 0 && self.columns.is_empty() {
            self.not_computable(report);
            return DealsSummary::default();
        }
        let mut metrics: BTreeMap<&'static str, Metric> = BTreeMap::new();
        let m = &mut metrics;
        let closed = self.won.count + self.lost.count;
        // Won deals whose amounts all failed to read are no revenue of 0.
        let revenue = if self.won.count > 0 && self.won.with_amount == 0 {
            Metric::missing(Reason::WonWithoutAmounts(self.won.count), REVENUE)
        } else {
            Metric::new(money(self.won.sum), self.won.with_amount, REVENUE)
        };
        m.insert("revenue", revenue);
        m.insert("deals_won", Metric::new(json!(self.won.count), self.won.count, DEALS_WON));
        m.insert("deals_lost", Metric::new(json!(self.lost.count), self.lost.count, DEALS_LOST));
        m.insert("win_rate", Metric::ratio(self.won.count, closed, Reason::NoClosed, WIN_RATE));
        m.insert(
            "win_rate_cohort",
            if self.has("created_date") {
                Metric::ratio(self.cohort_won, self.created.count, Reason::NoCreated, WIN_RATE_COHORT)
            } else {
                Metric::missing(Reason::needs_column("created_date"), WIN_RATE_COHORT)
            },
        );
        let (avg, median) = self.deal_size();
        m.insert("average_deal_size", avg);
        m.insert("median_deal_size", median);
        m.insert("sales_cycle_days", self.sales_cycle());
        m.insert(
            "opportunities_created",
            if self.has("created_date") || self.period.is_all() {
                Metric::new(json!(self.created.count), self.created.count, CREATED)
                    .with("amount", money(self.created.sum))
            } else {
                Metric::missing(Reason::needs_column("created_date"), CREATED)
            },
        );
        let at_end = self.pipeline.at_end(stages);
        let (pipeline, by_stage, pipeline_total) = at_end.pipeline(as_of);
        m.insert("pipeline_value", pipeline);
        let (stalled, stalled_list, stalled_value) = at_end.stalled(as_of, self.stall_rule(options));
        m.insert("stalled_deals", stalled);
        m.insert("weighted_pipeline", at_end.weighted(as_of, &options.stage_probabilities));
        m.insert(
            "sales_per_rep",
            self.growth.per_rep(self.won.sum, self.owners.values().filter(|o| o.active).count() as u64),
        );
        let win_rate = (closed > 0).then(|| self.won.count as f64 / closed as f64);
        let avg = (self.won.with_amount > 0).then(|| self.won.sum / Decimal::from(self.won.with_amount));
        m.insert("sales_velocity", self.growth.velocity(win_rate, avg, self.mean_cycle()));
        m.insert("upsell_rate", self.growth.upsell(self.has("type"), self.accounts.values().map(|a| &a.history)));
        report.series.insert("revenue_trend", withheld.deal_series(self.growth.trend()));

        // Pipeline stages in the funnel's order (what a manager reads down), stages the
        // funnel does not hold after them by value.
        let funnel = self.funnel.finish(&options.stage_order);
        let mut by_stage = by_stage;
        let stage_of = |r: &serde_json::Map<String, Value>| r.get("stage").and_then(Value::as_str).map(group_key);
        let order: rustc_hash::FxHashMap<String, usize> =
            funnel.rows.iter().enumerate().filter_map(|(i, r)| Some((stage_of(r)?, i))).collect();
        by_stage.rows.sort_by_cached_key(|r| stage_of(r).and_then(|s| order.get(&s).copied()).unwrap_or(usize::MAX));
        let (forecast, by_bucket) =
            self.weighted_forecast.finish(as_of, &options.stage_probabilities, self.has("expected_close_date"));
        m.insert("forecast_weighted", forecast);
        let tables = [
            ("pipeline_value", by_stage),
            ("stalled_deals", stalled_list),
            ("sales_by_owner", self.by_owner()),
            ("sales_by_account", self.by_account()),
            ("sales_by_product", self.by_product()),
            ("loss_reasons", self.loss_reasons()),
            ("deal_funnel", funnel),
            ("forecast_weighted", by_bucket),
        ];
        for (id, table) in tables {
            report.tables.insert(id, withheld.deal_table(id, table));
        }
        // A figure from a column the file lacks would be a made-up 0; the missing column is
        // also the first reason for one not computable (not "no won deal has an amount").
        for (field, ids) in DEAL_NEEDS.iter().filter(|(f, _)| !self.has(f)) {
            for id in *ids {
                let first_missing = |m: &&mut Metric| !matches!(m.reason_code, Some(Reason::NeedsColumns(_)));
                if let Some(metric) = metrics.get_mut(id).filter(first_missing) {
                    *metric = Metric::missing(Reason::needs_column(field), metric.formula);
                }
            }
        }
        let lacks = |id: &str| DEAL_NEEDS.iter().any(|(f, ids)| !self.has(f) && ids.contains(&id));
        let summary = DealsSummary {
            won: (!lacks("deals_won")).then_some(self.won.count),
            pipeline: pipeline_total.filter(|_| !lacks("pipeline_value")),
            revenue: metrics["revenue"].reason.is_none().then_some((self.won.sum, self.won.with_amount)),
            win_rate: (closed > 0 && !lacks("win_rate")).then(|| self.won.count as f64 / closed as f64),
            stalled_value: stalled_value.filter(|_| !withheld.deals()),
        };
        for (id, metric) in metrics {
            let metric = match id {
                "opportunities_created" => withheld.deal_detail(metric, "amount"),
                "stalled_deals" => withheld.deal_detail(metric, "value_sum"),
                _ => withheld.deal_metric(id, metric),
            };
            report.metrics.insert(id, metric);
        }
        summary
    }

    fn not_computable(&self, report: &mut Report) {
        let why = Reason::NeedsFile { kind: "deals", fields: "deal_id, owner, account, stage, amount, created_date" };
        for (id, formula) in [
            ("revenue", REVENUE),
            ("deals_won", DEALS_WON),
            ("deals_lost", DEALS_LOST),
            ("win_rate", WIN_RATE),
            ("win_rate_cohort", WIN_RATE_COHORT),
            ("average_deal_size", AVG_DEAL),
            ("median_deal_size", MEDIAN_DEAL),
            ("sales_cycle_days", CYCLE),
            ("opportunities_created", CREATED),
            ("pipeline_value", super::pipeline::PIPELINE_FORMULA),
            ("stalled_deals", super::pipeline::STALLED_FORMULA),
            ("weighted_pipeline", super::pipeline::WEIGHTED_FORMULA),
            ("sales_per_rep", super::growth::PER_REP_FORMULA),
            ("sales_velocity", super::growth::VELOCITY_FORMULA),
            ("upsell_rate", super::growth::UPSELL_FORMULA),
            ("forecast_weighted", super::forecast::weighted::FORMULA),
        ] {
            report.metrics.insert(id, Metric::missing(why.clone(), formula));
        }
    }

    fn deal_size(&self) -> (Metric, Metric) {
        let reason = if !self.has("amount") {
            Reason::needs_column("amount")
        } else if self.won.count == 0 {
            Reason::NoWon
        } else {
            Reason::NoWonAmounts
        };
        let n = self.won.with_amount;
        if n == 0 {
            return (Metric::missing(reason.clone(), AVG_DEAL), Metric::missing(reason, MEDIAN_DEAL));
        }
        let avg = Metric::new(money_rounded(self.won.sum / Decimal::from(n)), n, AVG_DEAL)
            .fraction(money(self.won.sum), json!(n));
        let median = median_money(&self.won_amounts).map_or(Value::Null, money_rounded);
        (avg, Metric::new(median, n, MEDIAN_DEAL))
    }

    fn mean_cycle(&self) -> Option<f64> {
        (!self.cycle.is_empty()).then(|| self.cycle_sum as f64 / self.cycle.len() as f64)
    }

    fn sales_cycle(&self) -> Metric {
        if !(self.has("created_date") && self.has("closed_date")) {
            return Metric::missing(Reason::NeedsColumns(vec!["created_date".into(), "closed_date".into()]), CYCLE);
        }
        match self.mean_cycle() {
            None => Metric::missing(Reason::NoWonDates, CYCLE),
            Some(mean) => Metric::new(number(mean), self.cycle.len(), CYCLE)
                .fraction(json!(self.cycle_sum), json!(self.cycle.len()))
                .with("median", median_whole(&self.cycle).map_or(Value::Null, number)),
        }
    }

    fn stall_rule(&self, options: &Options) -> Result<StallRule, Reason> {
        if let Some(days) = options.stalled_after_days {
            return Ok(StallRule { days, fixed: true });
        }
        if !self.has("created_date") {
            return Err(Reason::needs_column("created_date"));
        }
        self.mean_cycle().map(|days| StallRule { days, fixed: false }).ok_or(Reason::StalledRule)
    }
}
