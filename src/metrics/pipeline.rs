//! Open pipeline as of the period's end: `pipeline_value` (total and per stage) and
//! `stalled_deals` (METRICS.md "Deal metrics").
//!
//! Memory does not grow with the number of open deals: they are counted per (created
//! date, stage), which answers both metrics for any as-of date and threshold, and only
//! the oldest [`LISTED_STALLED`] are kept for the list (the most stalled deals are the
//! oldest ones).

use super::groups::{Groups, Merge};
use super::stats::Tally;
use crate::model::Deal;
use crate::reason::Reason;
use crate::report::{money, number, row, Metric, Table};
use crate::stages::Status;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BinaryHeap;

/// Stalled deals listed in the report (all are counted).
pub const LISTED_STALLED: usize = 500;
/// Stage shown for deals open at `to` that have closed since.
pub const CLOSED_LATER: &str = "(closed after period end)";

pub const PIPELINE_FORMULA: &str = "Σ amount of open deals as of `to`, total and per stage";
pub const STALLED_FORMULA: &str =
    "open deals with age (as-of − created_date) > sales_cycle_days (or a fixed number of days); list + count + value";

/// One of the oldest open deals, kept for the stalled list. Ordered oldest first, then
/// by deal id (a max-heap of these holds the newest of the kept ones at its top).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct OldDeal {
    created: NaiveDate,
    deal_id: Box<str>,
    owner: Box<str>,
    account: Box<str>,
    stage: Box<str>,
    amount: Option<Decimal>,
}

/// Open deals of one (created date, stage): counted, and weighted by probability where
/// the file gives one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub all: Tally,
    /// Σ amount × probability of the deals that have both.
    #[serde(with = "super::stats::decimal_bytes")]
    pub weighted: Decimal,
    /// Deals with an amount but no probability (the stage's default applies).
    pub without_probability: Tally,
}

impl Cell {
    /// Adds an open deal.
    pub fn add(&mut self, d: &Deal<'_>) {
        self.add_parts(d.amount, d.probability);
    }

    fn add_parts(&mut self, amount: Option<Decimal>, probability: Option<Decimal>) {
        self.all.add(amount);
        match (amount, probability) {
            (Some(a), Some(p)) => self.weighted += a * p,
            (Some(_), None) => self.without_probability.add(amount),
            _ => {}
        }
    }
}

impl Merge for Cell {
    fn merge(&mut self, o: Self) {
        self.all.merge(o.all);
        self.weighted += o.weighted;
        self.without_probability.merge(o.without_probability);
    }
}

pub const WEIGHTED_FORMULA: &str =
    "Σ amount × probability of open deals (probability column, else per-stage defaults the user can edit)";

/// The win probability of a stage: the user's (matched as owners are), else the default
/// by its place in a sales process; and which of the two it is.
pub fn stage_probability(stage: &str, user: &std::collections::BTreeMap<String, f64>) -> (Decimal, &'static str) {
    use crate::text::group_key;
    let mine = user.iter().find(|(s, _)| group_key(s) == group_key(stage)).map(|(_, p)| *p);
    match mine.and_then(rust_decimal::prelude::FromPrimitive::from_f64) {
        Some(p) => (p, "user"),
        None => (Decimal::from(crate::stages::default_probability(stage)) / Decimal::ONE_HUNDRED, "default"),
    }
}

/// The stage a deal is counted under in the pipeline at `to` (the period's end): its
/// stage when open, [`CLOSED_LATER`] when it closed on or after `to` and was created
/// before it; None when it is not in the pipeline. Whether it is open at the as-of date
/// is [`open_at`]'s.
pub fn open_stage<'a>(to: Option<NaiveDate>, d: &Deal<'a>) -> Option<&'a str> {
    match (d.status, to, d.closed, d.created) {
        (Status::Open, ..) => Some(d.stage),
        (_, Some(to), Some(closed), Some(created)) if closed >= to && created < to => Some(CLOSED_LATER),
        _ => None,
    }
}

/// Whether a deal created on `created` counts as open at `as_of` (created before it, or
/// with no created date).
pub fn open_at(created: Option<NaiveDate>, as_of: NaiveDate) -> bool {
    created.is_none_or(|c| c < as_of)
}

/// A deal open at `to` that closed since: its stage at `to` is known only from a stage
/// history, read at the finish.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
struct LaterDeal {
    /// `id_hash` of its id (0: no id).
    id: u64,
    created: Option<NaiveDate>,
    amount: Option<Decimal>,
    probability: Option<Decimal>,
}

/// Each deal's stage at the period's end, by `id_hash` of its id (from a stage history).
pub type StagesAt = FxHashMap<u64, Box<str>>;

/// Deals that may be open at the end of the period.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PipelineAgg {
    to: Option<NaiveDate>,
    #[serde(default)]
    closed_later: Vec<LaterDeal>,
    /// Stage names in the order first seen; the counts below refer to them by index.
    stage_index: FxHashMap<Box<str>, u32>,
    stage_names: Vec<Box<str>>,
    by_created: FxHashMap<(Option<NaiveDate>, u32), Cell>,
    oldest: BinaryHeap<OldDeal>,
}

impl PartialEq for PipelineAgg {
    fn eq(&self, other: &Self) -> bool {
        let sorted = |h: &BinaryHeap<OldDeal>| h.clone().into_sorted_vec();
        self.to == other.to && self.counts() == other.counts() && sorted(&self.oldest) == sorted(&other.oldest)
    }
}

/// The rule that makes a deal stalled: older than `days`, a number the user fixed or
/// the period's mean sales cycle.
pub struct StallRule {
    pub days: f64,
    pub fixed: bool,
}

impl StallRule {
    /// In English: "age > 30 days (fixed by option)".
    pub fn text(&self) -> String {
        if self.fixed {
            format!("age > {} days (fixed by option)", self.days)
        } else {
            format!("age > {:.1} days (mean sales cycle of the period)", self.days)
        }
    }

    /// As the page words it (`stalled.rule.<code>`).
    pub fn code(&self) -> Value {
        json!({ "code": if self.fixed { "fixed" } else { "mean" }, "params": { "days": self.days } })
    }
}

impl PipelineAgg {
    pub fn new(to: Option<NaiveDate>) -> Self {
        PipelineAgg { to, ..PipelineAgg::default() }
    }

    fn stage_id(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.stage_index.get(name) {
            return i;
        }
        let i = self.stage_names.len() as u32;
        self.stage_names.push(name.into());
        self.stage_index.insert(name.into(), i);
        i
    }

    /// Counts deals open now, and deals closed on or after `to` that were created before
    /// it (they were open at `to`; their stage then is unknown).
    pub fn observe(&mut self, d: &Deal<'_>) {
        let Some(stage) = open_stage(self.to, d) else { return };
        if stage == CLOSED_LATER {
            let id = crate::hashing::id_key(d.deal_id);
            self.closed_later.push(LaterDeal { id, created: d.created, amount: d.amount, probability: d.probability });
        } else {
            let id = self.stage_id(stage);
            self.by_created.entry((d.created, id)).or_default().add(d);
        }
        if let Some(created) = d.created {
            self.keep_if_old(OldDeal {
                created,
                deal_id: d.deal_id.into(),
                owner: d.owner.into(),
                account: d.account.into(),
                stage: stage.into(),
                amount: d.amount,
            });
        }
    }

    fn keep_if_old(&mut self, deal: OldDeal) {
        if self.oldest.len() < LISTED_STALLED {
            self.oldest.push(deal);
        } else if self.oldest.peek().is_some_and(|newest| deal < *newest) {
            self.oldest.pop();
            self.oldest.push(deal);
        }
    }

    /// The pipeline with the deals that closed after `to` placed in their stage at `to`
    /// (from `stages`), or under [`CLOSED_LATER`] when no history says.
    pub fn at_end(&self, stages: &StagesAt) -> PipelineAgg {
        let mut p = self.clone();
        for d in std::mem::take(&mut p.closed_later) {
            let stage = stages.get(&d.id).filter(|_| d.id != 0).map_or(CLOSED_LATER, |s| &**s);
            let id = p.stage_id(stage);
            p.by_created.entry((d.created, id)).or_default().add_parts(d.amount, d.probability);
        }
        p.oldest = p
            .oldest
            .drain()
            .map(|mut o| {
                if &*o.stage == CLOSED_LATER {
                    if let Some(s) = stages.get(&crate::hashing::id_hash(&o.deal_id)) {
                        o.stage = s.clone();
                    }
                }
                o
            })
            .collect();
        p
    }

    pub fn merge(&mut self, mut other: PipelineAgg) {
        self.closed_later.append(&mut other.closed_later);
        for ((created, id), t) in other.counts_by_name() {
            let mine = self.stage_id(id);
            self.by_created.entry((created, mine)).or_default().merge(t);
        }
        for d in other.oldest {
            self.keep_if_old(d);
        }
    }

    /// Counts keyed by stage name (for merging and comparing), in a stable order.
    fn counts_by_name(&self) -> Vec<((Option<NaiveDate>, &str), Cell)> {
        let mut v: Vec<_> = self
            .by_created
            .iter()
            .map(|((c, id), t)| ((*c, self.stage_names.get(*id as usize).map_or("", |s| s)), *t))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    fn counts(&self) -> Vec<((Option<NaiveDate>, String), Cell)> {
        self.counts_by_name().into_iter().map(|((c, s), t)| ((c, s.to_string()), t)).collect()
    }

    /// Counts of deals open at `as_of` (created before it, or with no created date).
    fn open_at(&self, as_of: NaiveDate) -> impl Iterator<Item = (Option<NaiveDate>, &str, &Cell)> {
        self.by_created
            .iter()
            .filter(move |((c, _), _)| open_at(*c, as_of))
            .map(|((c, id), t)| (*c, self.stage_names.get(*id as usize).map_or("", |s| s), t))
    }

    /// `pipeline_value` metric and per-stage table.
    /// `pipeline_value`, its table by stage, and its value (None when no open deal has an amount).
    pub fn pipeline(&self, as_of: NaiveDate) -> (Metric, Table, Option<Decimal>) {
        let mut total = Tally::default();
        let mut by_stage: Groups<Tally> = Groups::default();
        // first spellings first, so each stage shows as it was first written
        for name in &self.stage_names {
            by_stage.entry(name, "(no stage)");
        }
        for (_, stage, c) in self.open_at(as_of) {
            total.merge(c.all);
            by_stage.entry(stage, "(no stage)").merge(c.all);
        }
        let value = (total.count == 0 || total.with_amount > 0).then_some(total.sum);
        let metric = if value.is_none() {
            Metric::missing(Reason::OpenWithoutAmounts(total.count), PIPELINE_FORMULA)
        } else {
            Metric::new(money(total.sum), total.count, PIPELINE_FORMULA)
        }
        .with("deals", json!(total.count))
        .with("deals_with_amount", json!(total.with_amount))
        .with("as_of", json!(as_of));
        let mut stages: Vec<(&str, &Tally)> = by_stage.sorted().into_iter().filter(|(_, t)| t.count > 0).collect();
        stages.sort_by(|a, b| b.1.sum.cmp(&a.1.sum).then_with(|| a.0.cmp(b.0)));
        let rows = stages.into_iter().map(|(stage, t)| {
            let value = if t.with_amount == 0 { Value::Null } else { money(t.sum) };
            row(&[("stage", json!(stage)), ("deals", json!(t.count)), ("value", value)])
        });
        (metric, Table::capped(vec!["stage", "deals", "value"], rows, &["deals", "value"], PIPELINE_FORMULA), value)
    }

    /// `weighted_pipeline`: the probability column where given, else the user's
    /// probability for the stage, else the stage's default.
    pub fn weighted(&self, as_of: NaiveDate, user: &std::collections::BTreeMap<String, f64>) -> Metric {
        let mut total = Decimal::ZERO;
        let mut deals = 0;
        let mut used: Groups<Vec<(String, String)>> = Groups::default();
        // why no stage probability may be in use: the file gives each deal its own, or no
        // open deal has an amount to weight
        let (mut open, mut from_file, mut without_amount) = (0u64, 0u64, 0u64);
        for (_, stage, c) in self.open_at(as_of) {
            open += c.all.count;
            from_file += c.all.with_amount - c.without_probability.count;
            without_amount += c.all.count - c.all.with_amount;
            deals += c.all.with_amount;
            total += c.weighted;
            if c.without_probability.with_amount == 0 {
                continue;
            }
            let (p, source) = stage_probability(stage, user);
            total += c.without_probability.sum * p;
            let slot = used.entry(stage, "(no stage)");
            if slot.is_empty() {
                slot.push((p.normalize().to_string(), source.to_string()));
            }
        }
        let probabilities: serde_json::Map<String, Value> = used
            .sorted()
            .into_iter()
            .filter_map(|(stage, v)| {
                v.first().map(|(p, src)| (stage.to_string(), json!({ "probability": p, "source": src })))
            })
            .collect();
        let mut value = total.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        value.rescale(2);
        Metric::new(money(value), deals, WEIGHTED_FORMULA)
            .with("stage_probabilities", Value::Object(probabilities))
            .with("open_deals", json!(open))
            .with("with_file_probability", json!(from_file))
            .with("without_amount", json!(without_amount))
            .with("as_of", json!(as_of))
    }

    /// `stalled_deals` metric and list, under `rule` (Err: no rule could be set), and the
    /// stalled deals' value (None: not computable, or none has an amount).
    pub fn stalled(&self, as_of: NaiveDate, rule: Result<StallRule, Reason>) -> (Metric, Table, Option<Decimal>) {
        const COLUMNS: [&str; 7] = ["deal_id", "owner", "account", "stage", "amount", "created_date", "age_days"];
        let rule = match rule {
            Ok(r) => r,
            Err(reason) => {
                return (
                    Metric::missing(reason.clone(), STALLED_FORMULA),
                    Table::missing(COLUMNS.to_vec(), reason, STALLED_FORMULA),
                    None,
                )
            }
        };
        let age = |created: NaiveDate| (as_of - created).num_days();
        let (mut judged, mut total) = (0u64, Tally::default());
        for (created, _, c) in self.open_at(as_of) {
            let Some(created) = created else { continue };
            judged += c.all.count;
            if age(created) as f64 > rule.days {
                total.merge(c.all);
            }
        }
        let listed = self.oldest.clone().into_sorted_vec();
        let rows: Vec<_> = listed
            .iter()
            .filter(|d| d.created < as_of && age(d.created) as f64 > rule.days)
            .map(|d| {
                row(&[
                    ("deal_id", json!(d.deal_id)),
                    ("owner", json!(d.owner)),
                    ("account", json!(d.account)),
                    ("stage", json!(d.stage)),
                    ("amount", d.amount.map_or(Value::Null, money)),
                    ("created_date", json!(d.created)),
                    ("age_days", json!(age(d.created))),
                ])
            })
            .collect();
        let value = (total.with_amount > 0).then_some(total.sum);
        let metric = Metric::new(json!(total.count), judged, STALLED_FORMULA)
            .with("value_sum", value.map_or(Value::Null, money))
            .with("threshold_days", number(rule.days))
            .with("rule", json!(rule.text()))
            .with("rule_code", rule.code())
            .with("as_of", json!(as_of));
        let mut table = Table::new(COLUMNS.to_vec(), rows, STALLED_FORMULA)
            .with("rule", json!(rule.text()))
            .with("rule_code", rule.code());
        table.total_rows = total.count;
        (metric, table, value)
    }
}
