//! One period's metric families: rows routed to them, their states merged, and the
//! period's metrics finished into a report, with what later steps take from them.

use crate::alert::{Facts, Latest};
use crate::ingest::record::Entry;
use crate::metrics::activities::ActivitiesAgg;
use crate::metrics::comparison::Revenues;
use crate::metrics::currency::Currencies;
use crate::metrics::customers::CustomersAgg;
use crate::metrics::forecast;
use crate::metrics::history::HistoryAgg;
use crate::metrics::leads::LeadsAgg;
use crate::metrics::satisfaction::{SurveysAgg, TicketsAgg, TrafficAgg};
use crate::metrics::team::QuotasAgg;
use crate::metrics::withheld::Withheld;
use crate::metrics::DealsAgg;
use crate::model::{Deal, Order};
use crate::options::Options;
use crate::period::Period;
use crate::problems::ProblemKind;
use crate::report::Report;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Every metric family's state over one period.
#[derive(Serialize, Deserialize)]
pub(super) struct PeriodAggs {
    pub(super) deals: DealsAgg,
    pub(super) leads: LeadsAgg,
    pub(super) activities: ActivitiesAgg,
    pub(super) quotas: QuotasAgg,
    pub(super) surveys: SurveysAgg,
    pub(super) traffic: TrafficAgg,
    pub(super) tickets: TicketsAgg,
    pub(super) customers: CustomersAgg,
    pub(super) history: HistoryAgg,
    pub(super) currencies: Currencies,
}

impl PeriodAggs {
    pub(super) fn new(options: &Options, period: Period) -> Self {
        let g = options.granularity;
        PeriodAggs {
            deals: DealsAgg::new(period, g).keep_won_ids(options.link_leads),
            leads: LeadsAgg::new(period).keep_links(options.link_leads),
            activities: ActivitiesAgg::new(period, g),
            quotas: QuotasAgg::new(period),
            surveys: SurveysAgg::new(period),
            traffic: TrafficAgg::new(period),
            tickets: TicketsAgg::new(period),
            customers: CustomersAgg::new(period, g),
            history: HistoryAgg::new(period),
            currencies: Currencies::default(),
        }
    }

    pub(super) fn deal(&mut self, deal: &Deal<'_>, code: &str) {
        self.currencies.deal(&mut self.deals, deal, code);
    }

    pub(super) fn order(&mut self, order: &Order<'_>, code: &str, amount: Option<Decimal>) {
        if let Some(first) = self.customers.observe_order(order, amount) {
            self.currencies.order(code, amount, first);
        }
    }

    pub(super) fn row(&mut self, entry: &Entry<'_>, bad: &mut dyn FnMut(&str, ProblemKind)) {
        match entry {
            Entry::Lead(l) => self.leads.observe(l, bad),
            Entry::Activity(a) => self.activities.observe(a),
            Entry::Quota(q) => self.quotas.observe(q, bad),
            Entry::Survey(s) => self.surveys.observe(s, bad),
            Entry::Visits(v) => self.traffic.observe(v, bad),
            Entry::Ticket(t) => self.tickets.observe(t, bad),
            Entry::Customer(c) => self.customers.observe_customer(c, bad),
            Entry::Spend(s) => self.customers.observe_spend(s),
            Entry::Subscription(s) => self.customers.observe_subscription(s, bad),
            Entry::StageChange(c) => self.history.observe(c),
            Entry::Order(_) => {}
        }
    }

    pub(super) fn merge(&mut self, o: PeriodAggs) {
        self.currencies.merge(o.currencies, &self.deals, &o.deals);
        self.deals.merge(o.deals);
        self.leads.merge(o.leads);
        self.activities.merge(o.activities);
        self.quotas.merge(o.quotas);
        self.surveys.merge(o.surveys);
        self.traffic.merge(o.traffic);
        self.tickets.merge(o.tickets);
        self.customers.merge(o.customers);
        self.history.merge(o.history);
    }

    /// Every metric of the period into `report`, open items judged at `as_of`, money as
    /// `withheld` says; returns what the comparison and the alert rules take.
    pub(super) fn finish(
        &self,
        options: &Options,
        as_of: NaiveDate,
        withheld: &Withheld,
        report: &mut Report,
    ) -> PeriodSummary {
        let deals = &self.deals;
        let stages = self.history.stages_at(deals.period().to);
        let summary = deals.finish_with(options, as_of, &stages, withheld, report);
        let response_median = self.leads.finish(options.response_target_minutes, deals.lead_links(), withheld, report);
        self.activities.finish(summary.won, &|name: &str| deals.won_by_owner(name), report);
        let ledger = |owner: &str| deals.ledger(owner);
        let reps_at_quota =
            self.quotas.finish(&ledger, deals.read_any(), deals.revenue(), summary.pipeline, withheld, report);
        self.surveys.finish(report);
        self.traffic.finish(report);
        self.tickets.finish(options.response_target_minutes, report);
        let from_deals = deals.read_any().then(|| deals.new_accounts());
        let deal_revenue = deals.read_any().then(|| deals.revenue());
        let margin = options.gross_margin;
        let customers = self.customers.finish(from_deals, deal_revenue, margin, as_of, withheld, report);
        self.history.finish(&options.stage_order, report);
        PeriodSummary {
            revenues: Revenues { deals: summary.revenue, orders: customers.order_revenue },
            facts: Facts {
                win_rate: summary.win_rate,
                response_median,
                reps_at_quota,
                ltv_cac: customers.ltv_cac,
                stalled_value: summary.stalled_value,
                pipeline_value: summary.pipeline.filter(|_| !withheld.deals()),
                ..Facts::default()
            },
            new_customers_from: customers.new_customers_from,
        }
    }

    /// `forecast_revenue` from won deals, else from orders (the main period only: a
    /// forecast looks ahead of the as-of date).
    /// `filtered`: filters are set; orders cannot be filtered by owner, source or
    /// pipeline, so the forecast then stays with the (filtered) deals.
    /// Returns the latest bucket's check, as the report shows it.
    pub(super) fn forecast(
        &self,
        as_of: NaiveDate,
        today: Option<NaiveDate>,
        filtered: bool,
        w: &Withheld,
        report: &mut Report,
    ) -> Option<Latest> {
        let from_orders = self.deals.history().is_empty() && !self.customers.order_history().is_empty();
        let (history, source) = if from_orders && !filtered {
            (self.customers.order_history(), "orders")
        } else {
            (self.deals.history(), "deals")
        };
        let (metric, series, latest) = forecast::revenue(history, as_of, today, source);
        let (metric, series) = w.forecast(source, metric, series);
        let latest = latest.filter(|_| !metric.value.is_null());
        report.metrics.insert("forecast_revenue", metric);
        report.series.insert("forecast_revenue", series);
        latest
    }
}

/// What a period's families hand the comparison, the alert rules and the filters' marks.
pub(super) struct PeriodSummary {
    pub(super) revenues: Revenues,
    pub(super) facts: Facts,
    /// Where new customers were counted from.
    pub(super) new_customers_from: Option<&'static str>,
}
