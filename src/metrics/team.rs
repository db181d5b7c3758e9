//! Team metrics from a quotas file (METRICS.md "Team and satisfaction"):
//! `quota_attainment`, `reps_at_quota`, `target_achievement`, and `pipeline_coverage`.

use super::groups::{Groups, Merge};
use super::withheld::Withheld;
use crate::model::Quota as QuotaRow;
use crate::period::Period;
use crate::problems::ProblemKind;
use crate::reason::Reason;
use crate::report::{money, number, row, Metric, Report, Table};
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const ATTAINMENT: &str = "per owner: revenue in quota period / quota";
const AT_QUOTA: &str = "owners with attainment ≥ 100% / owners with a quota";
const TARGET: &str = "Σ revenue / Σ quota (team)";
const COVERAGE: &str = "open pipeline value / (Σ quota of the period − revenue so far)";

/// Won revenue of one owner by close date, for revenue in any quota period.
///
/// Most owners of a large file win a deal or two, so this is a plain list (24 bytes and
/// one entry each, where a tree map took a node of 240), appended to and folded by day
/// whenever it is full, so that it holds at most twice the owner's distinct days.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger(Vec<(NaiveDate, Decimal)>);

impl Ledger {
    pub fn add(&mut self, day: NaiveDate, amount: Decimal) {
        if self.0.len() == self.0.capacity() && self.0.len() >= 8 {
            self.0.sort_unstable_by_key(|e| e.0);
            self.0.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 = kept.1.checked_add(later.1).unwrap_or(kept.1);
                }
                same
            });
            // room for as many entries again, so that the next fold is as far away
            self.0.reserve(self.0.len());
        }
        if self.0.capacity() == 0 {
            // most owners win once: room for one entry, not the four a first push makes
            self.0.reserve_exact(1);
        }
        self.0.push((day, amount));
    }

    /// Won revenue closed in `[from, to)`.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> Decimal {
        self.0.iter().filter(|(d, _)| (from..to).contains(d)).map(|(_, a)| *a).sum()
    }
}

impl Merge for Ledger {
    fn merge(&mut self, o: Self) {
        for (d, a) in o.0 {
            self.add(d, a);
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Quota {
    owner: String,
    from: NaiveDate,
    to: NaiveDate,
    quota: Decimal,
}

/// One owner's quota periods overlapping the report's: how many, from the first's start to
/// the last's end, their quotas and the revenue won in each, summed.
#[derive(Clone, Debug, Default)]
struct OwnerQuota {
    periods: u64,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    quota: Decimal,
    won: Decimal,
}

impl OwnerQuota {
    fn add(&mut self, q: &Quota, won: Decimal) {
        self.periods += 1;
        self.from = Some(self.from.map_or(q.from, |f| f.min(q.from)));
        self.to = Some(self.to.map_or(q.to, |t| t.max(q.to)));
        self.quota += q.quota;
        self.won += won;
    }
}

impl Merge for OwnerQuota {
    fn merge(&mut self, o: Self) {
        self.periods += o.periods;
        self.from = [self.from, o.from].into_iter().flatten().min();
        self.to = [self.to, o.to].into_iter().flatten().max();
        self.quota += o.quota;
        self.won += o.won;
    }
}

/// Quota rows (few: one per owner and period). Mergeable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuotasAgg {
    period: Period,
    rows: u64,
    quotas: Vec<Quota>,
}

impl QuotasAgg {
    pub fn new(period: Period) -> Self {
        QuotasAgg { period, ..QuotasAgg::default() }
    }

    pub fn observe(&mut self, q: &QuotaRow<'_>, bad: &mut dyn FnMut(&str, ProblemKind)) {
        self.rows += 1;
        let Some((from, to)) = q.period else {
            bad("period", ProblemKind::NotPeriod);
            return;
        };
        let Some(quota) = q.quota else { return };
        if quota <= Decimal::ZERO {
            bad("quota", ProblemKind::QuotaZero);
            return;
        }
        // A quota counts when its period overlaps the report's.
        let overlaps = self.period.from.is_none_or(|f| to > f) && self.period.to.is_none_or(|t| from < t);
        if overlaps {
            self.quotas.push(Quota { owner: q.owner.to_string(), from, to, quota });
        }
    }

    pub fn merge(&mut self, o: QuotasAgg) {
        self.rows += o.rows;
        self.quotas.extend(o.quotas);
    }

    /// `revenue_of(owner, from, to)`: won revenue of an owner in `[from, to)` (None when
    /// no deals were read); `revenue` and `pipeline`: the period's. Returns the reps at
    /// quota as the report shows them: share, count, reps with a quota.
    pub fn finish<'a>(
        &self,
        ledger: &dyn Fn(&str) -> Option<&'a Ledger>,
        deals_read: bool,
        revenue: Decimal,
        pipeline: Option<Decimal>,
        withheld: &Withheld,
        report: &mut Report,
    ) -> Option<(f64, u64, u64)> {
        let mut put = |id: &'static str, m: Metric| report.metrics.insert(id, withheld.deal_metric(id, m));
        if self.rows == 0 || !deals_read {
            let why = if self.rows == 0 {
                Reason::NeedsFile { kind: "quotas", fields: "owner, period, quota" }
            } else {
                Reason::NeedsFile { kind: "deals", fields: "deal_id, owner, account, stage, amount, created_date" }
            };
            for (id, formula) in [
                ("quota_attainment", ATTAINMENT),
                ("reps_at_quota", AT_QUOTA),
                ("target_achievement", TARGET),
                ("pipeline_coverage", COVERAGE),
            ] {
                put(id, Metric::missing(why.clone(), formula));
            }
            return None;
        }
        // Per owner, every quota period overlapping the report's: revenue in each, summed.
        let mut owners: Groups<OwnerQuota> = Groups::default();
        for q in &self.quotas {
            let won = ledger(&q.owner).map_or(Decimal::ZERO, |l| l.between(q.from, q.to));
            owners.entry(&q.owner, "(no owner)").add(q, won);
        }
        let rows: Vec<_> = owners
            .sorted()
            .into_iter()
            .map(|(name, o)| {
                row(&[
                    ("owner", json!(name)),
                    ("periods", json!(o.periods)),
                    ("from", json!(o.from)),
                    ("to", json!(o.to)),
                    ("quota", money(o.quota)),
                    ("revenue", money(o.won)),
                    ("attainment", (o.won / o.quota).to_f64().map_or(Value::Null, number)),
                ])
            })
            .collect();
        let n = owners.len() as u64;
        let at = owners.values().filter(|o| o.won >= o.quota).count() as u64;
        let (won_sum, quota_sum) =
            owners.values().fold((Decimal::ZERO, Decimal::ZERO), |(a, b), o| (a + o.won, b + o.quota));
        let attainment = |w: Decimal, q: Decimal| (w / q).to_f64().map_or(Value::Null, number);
        if n == 0 {
            for (id, formula) in [
                ("quota_attainment", ATTAINMENT),
                ("reps_at_quota", AT_QUOTA),
                ("target_achievement", TARGET),
                ("pipeline_coverage", COVERAGE),
            ] {
                put(id, Metric::missing(Reason::NoQuota, formula));
            }
        } else {
            put(
                "quota_attainment",
                Metric::new(attainment(won_sum, quota_sum), n, ATTAINMENT).fraction(money(won_sum), money(quota_sum)),
            );
            put("reps_at_quota", Metric::new(number(at as f64 / n as f64), n, AT_QUOTA).fraction(json!(at), json!(n)));
            put(
                "target_achievement",
                Metric::new(attainment(won_sum, quota_sum), n, TARGET).fraction(money(won_sum), money(quota_sum)),
            );
            let gap = quota_sum - revenue;
            let coverage = match pipeline {
                None => Metric::missing(Reason::NoOpenValue, COVERAGE),
                Some(_) if gap <= Decimal::ZERO => Metric::missing(Reason::QuotaMet, COVERAGE),
                Some(p) => Metric::new((p / gap).to_f64().map_or(Value::Null, number), n, COVERAGE)
                    .fraction(money(p), money(gap)),
            };
            put("pipeline_coverage", coverage);
        }
        let columns = vec!["owner", "periods", "from", "to", "quota", "revenue", "attainment"];
        let table = Table::capped(columns, rows, &["periods", "quota", "revenue"], ATTAINMENT);
        report.tables.insert("quota_attainment", withheld.deal_table("quota_attainment", table));
        (n > 0 && !withheld.deals()).then(|| (at as f64 / n as f64, at, n))
    }
}
