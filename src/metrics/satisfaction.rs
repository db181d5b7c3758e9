//! Satisfaction and traffic (METRICS.md "Team and satisfaction", "Activity metrics"):
//! `nps`, `csat` (surveys), `conversion_rate` (traffic), `inquiry_response_minutes`
//! (tickets).

use super::groups::{Groups, Merge};
use super::stats::Histogram;
use crate::model::{self, Survey, Ticket};
use crate::period::Period;
use crate::problems::ProblemKind;
use crate::reason::Reason;
use crate::report::{number, row, Metric, Report, Table};
use crate::vocabulary::Scale;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const NPS: &str = "% promoters (9–10) − % detractors (0–6), −100..100, on 0–10 scores";
const CSAT: &str = "responses scoring 4–5 / responses, on a 1–5 scale; the mean score beside it";
const CONVERSION: &str = "Σ conversions / Σ visitors, per channel when present";
const INQUIRY: &str =
    "mean and median first response time of tickets created in period, in minutes; share within target";

/// Survey scores of the period, by scale. Untyped scores wait until the file's scale is
/// known (any score above 5 means 0–10).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SurveysAgg {
    period: Period,
    rows: u64,
    nps: [u64; 11],
    csat: [u64; 6],
    untyped: [u64; 11],
}

impl SurveysAgg {
    pub fn new(period: Period) -> Self {
        SurveysAgg { period, ..SurveysAgg::default() }
    }

    pub fn observe(&mut self, r: &Survey, bad: &mut dyn FnMut(&str, ProblemKind)) {
        self.rows += 1;
        if !self.period.contains(r.date) {
            return;
        }
        let Some(score) = r.score else { return };
        let whole = score.fract().is_zero().then(|| score.to_i64()).flatten();
        let (scale, max) = match r.scale {
            Some(Scale::Nps) => ("nps", 10),
            Some(Scale::Csat) => ("csat", 5),
            None => ("", 10),
        };
        let min = if scale == "csat" { 1 } else { 0 };
        match whole {
            Some(s) if (min..=max).contains(&s) => match scale {
                "nps" => self.nps[s as usize] += 1,
                "csat" => self.csat[s as usize] += 1,
                _ => self.untyped[s as usize] += 1,
            },
            _ => bad("score", ProblemKind::Score { min: min.to_string(), max: max.to_string() }),
        }
    }

    pub fn merge(&mut self, o: SurveysAgg) {
        self.rows += o.rows;
        for i in 0..11 {
            self.nps[i] += o.nps[i];
            self.untyped[i] += o.untyped[i];
        }
        for i in 0..6 {
            self.csat[i] += o.csat[i];
        }
    }

    pub fn finish(&self, report: &mut Report) {
        let m = &mut report.metrics;
        if self.rows == 0 {
            m.insert("nps", Metric::missing(Reason::NeedsFile { kind: "surveys", fields: "date, score" }, NPS));
            m.insert("csat", Metric::missing(Reason::NeedsFile { kind: "surveys", fields: "date, score" }, CSAT));
            return;
        }
        let mut nps = self.nps;
        let mut csat = self.csat;
        let untyped_is_nps = self.untyped[6..].iter().any(|&n| n > 0) || self.untyped[0] > 0;
        if untyped_is_nps {
            for (a, b) in nps.iter_mut().zip(self.untyped) {
                *a += b;
            }
        } else {
            for (a, b) in csat.iter_mut().zip(self.untyped) {
                *a += b;
            }
        }
        let n: u64 = nps.iter().sum();
        m.insert(
            "nps",
            if n == 0 {
                Metric::missing(Reason::NoNps, NPS)
            } else {
                let promoters = nps[9] + nps[10];
                let detractors: u64 = nps[..7].iter().sum();
                Metric::new(number((promoters as f64 - detractors as f64) * 100.0 / n as f64), n, NPS)
                    .with("promoters", json!(promoters))
                    .with("passives", json!(nps[7] + nps[8]))
                    .with("detractors", json!(detractors))
            },
        );
        let n: u64 = csat.iter().sum();
        m.insert(
            "csat",
            if n == 0 {
                Metric::missing(Reason::NoCsat, CSAT)
            } else {
                let satisfied = csat[4] + csat[5];
                let sum: u64 = csat.iter().enumerate().map(|(s, c)| s as u64 * c).sum();
                Metric::new(number(satisfied as f64 / n as f64), n, CSAT)
                    .fraction(json!(satisfied), json!(n))
                    .with("mean_score", number(sum as f64 / n as f64))
            },
        );
    }
}

/// Visitors and conversions of one channel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Visits {
    #[serde(with = "super::stats::decimal_bytes")]
    visitors: Decimal,
    #[serde(with = "super::stats::decimal_bytes")]
    conversions: Decimal,
}

impl Merge for Visits {
    fn merge(&mut self, o: Self) {
        self.visitors += o.visitors;
        self.conversions += o.conversions;
    }
}

/// Web traffic of the period, per channel.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TrafficAgg {
    period: Period,
    rows: u64,
    channels: Groups<Visits>,
}

impl TrafficAgg {
    pub fn new(period: Period) -> Self {
        TrafficAgg { period, ..TrafficAgg::default() }
    }

    pub fn observe(&mut self, r: &model::Visits<'_>, bad: &mut dyn FnMut(&str, ProblemKind)) {
        self.rows += 1;
        if !self.period.contains(r.date) {
            return;
        }
        let (Some(v), Some(c)) = (r.visitors, r.conversions) else { return };
        if v < Decimal::ZERO || c < Decimal::ZERO {
            bad("visitors", ProblemKind::Negative);
            return;
        }
        let slot = self.channels.entry(r.channel, "(all)");
        slot.visitors += v;
        slot.conversions += c;
    }

    pub fn merge(&mut self, o: TrafficAgg) {
        self.rows += o.rows;
        self.channels.merge(o.channels);
    }

    pub fn finish(&self, report: &mut Report) {
        if self.rows == 0 {
            report.metrics.insert(
                "conversion_rate",
                Metric::missing(
                    Reason::NeedsFile { kind: "traffic", fields: "date, visitors, conversions" },
                    CONVERSION,
                ),
            );
            return;
        }
        let rate = |v: &Visits| {
            if v.visitors.is_zero() {
                Value::Null
            } else {
                (v.conversions / v.visitors).to_f64().map_or(Value::Null, number)
            }
        };
        let mut total = Visits::default();
        let mut rows = Vec::new();
        for (name, v) in self.channels.sorted() {
            total.merge(*v);
            rows.push(row(&[
                ("channel", json!(name)),
                ("visitors", v.visitors.to_f64().map_or(Value::Null, number)),
                ("conversions", v.conversions.to_f64().map_or(Value::Null, number)),
                ("rate", rate(v)),
            ]));
        }
        report.metrics.insert(
            "conversion_rate",
            if total.visitors.is_zero() {
                Metric::missing(Reason::zero(Reason::NoVisitors), CONVERSION)
            } else {
                let n = total.visitors.to_u64().unwrap_or(0);
                Metric::new(rate(&total), n, CONVERSION)
                    .fraction(json!(total.conversions.to_f64()), json!(total.visitors.to_f64()))
            },
        );
        report.tables.insert(
            "conversion_rate",
            Table::capped(
                vec!["channel", "visitors", "conversions", "rate"],
                rows,
                &["visitors", "conversions"],
                CONVERSION,
            ),
        );
    }
}

/// First response times of tickets created in the period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TicketsAgg {
    period: Period,
    rows: u64,
    /// First response times, in seconds, and their sum.
    seconds: Histogram<i64>,
    sum: i64,
}

impl TicketsAgg {
    pub fn new(period: Period) -> Self {
        TicketsAgg { period, ..TicketsAgg::default() }
    }

    pub fn observe(&mut self, r: &Ticket<'_>, bad: &mut dyn FnMut(&str, ProblemKind)) {
        self.rows += 1;
        let (Some(created), Some(first)) = (r.created, r.first_response) else { return };
        if !self.period.contains(Some(created.date())) {
            return;
        }
        // In seconds (see leads): whole minutes per row would bias the mean down.
        let seconds = (first - created).num_seconds();
        if seconds < 0 {
            bad("first_response_date", ProblemKind::RespondedBefore(created.to_string()));
            return;
        }
        self.seconds.add(seconds);
        self.sum += seconds;
    }

    pub fn merge(&mut self, o: TicketsAgg) {
        self.rows += o.rows;
        self.seconds.merge(o.seconds);
        self.sum += o.sum;
    }

    pub fn finish(&self, target: i64, report: &mut Report) {
        let n = self.seconds.len();
        let metric = if self.rows == 0 {
            Metric::missing(Reason::NeedsFile { kind: "tickets", fields: "created_date, first_response_date" }, INQUIRY)
        } else if n == 0 {
            Metric::missing(Reason::NoTickets, INQUIRY)
        } else {
            let minutes = self.sum as f64 / 60.0;
            Metric::new(number(minutes / n as f64), n, INQUIRY)
                .fraction(number(minutes), json!(n))
                .with("median", super::stats::median_whole(&self.seconds).map_or(Value::Null, |s| number(s / 60.0)))
                .with("within_target", number(self.seconds.count_at_most(target.saturating_mul(60)) as f64 / n as f64))
                .with("target_minutes", json!(target))
        };
        report.metrics.insert("inquiry_response_minutes", metric);
    }
}
