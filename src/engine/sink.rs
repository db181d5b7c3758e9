//! Where the rows of every file go: the period's and the comparison period's aggregates,
//! after the filters, or a drill's list.

use super::period::PeriodAggs;
use crate::choices::Choices;
use crate::drill::Drill;
use crate::ingest::file::RowSink;
use crate::ingest::lookup::LookupTable;
use crate::ingest::record::Entry;
use crate::ingest::typed_row::Row;
use crate::metrics::currency::Rates;
use crate::model::Deal;
use crate::options::Filters;
use crate::problems::ProblemKind;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The aggregates rows are folded into: the period's, and the comparison period's.
#[derive(Serialize, Deserialize)]
pub(super) struct Aggregates {
    pub(super) main: PeriodAggs,
    pub(super) earlier: Option<PeriodAggs>,
    /// Owners, sources and pipelines before filters.
    pub(super) choices: Choices,
    /// Lookup tables (accounts, products, teams) whose columns group the deal tables.
    #[serde(default)]
    pub(super) lookups: Vec<LookupTable>,
    #[serde(skip)]
    pub(super) rates: Rates,
    #[serde(skip)]
    pub(super) filters: Filters,
    /// A drill-down: its rows are listed instead of folded into the metrics.
    #[serde(skip)]
    pub(super) drill: Option<Drill>,
    /// The file being read (its index), for the rows a drill lists.
    #[serde(skip)]
    pub(super) file: u32,
}

impl RowSink for Aggregates {
    fn deal(&mut self, deal: &Deal<'_>, at: u64) {
        self.choices.deal(deal);
        if !self.filters.keeps_deal(deal.owner, deal.source, deal.pipeline, deal.product, deal.account) {
            return;
        }
        let Aggregates { main, earlier, rates, .. } = self;
        let (code, amount) = rates.apply(deal.currency, deal.amount, &mut main.currencies);
        let deal =
            if amount == deal.amount { Cow::Borrowed(deal) } else { Cow::Owned(Deal { amount, ..deal.clone() }) };
        if let Some(drill) = self.drill.as_mut() {
            return drill.deal(&deal, &code, self.file, at);
        }
        main.deal(&deal, &code);
        if let Some(e) = earlier.as_mut() {
            e.deal(&deal, &code);
        }
    }

    fn lookup(&mut self, table: LookupTable) {
        self.filters.lookup(&table);
        self.lookups.push(table);
    }

    fn row(&mut self, entry: &Entry<'_>, cells: &Row<'_>, at: u64, bad: &mut dyn FnMut(&str, ProblemKind)) {
        if let Entry::Lead(l) = entry {
            self.choices.lead(l.owner, l.source);
        }
        if !self.filters.is_empty() && !kept(&mut self.filters, entry) {
            return;
        }
        // A cancelled or fully refunded order is in no orders metric (its file says how many).
        if matches!(entry, Entry::Order(o) if o.left_out.is_some()) {
            return;
        }
        let Aggregates { main, earlier, rates, .. } = self;
        let (code, amount) = match entry {
            Entry::Order(o) => rates.apply(o.currency, o.amount, &mut main.currencies),
            _ => (Cow::Borrowed(""), None),
        };
        if let Some(drill) = self.drill.as_mut() {
            return drill.row(entry, cells, (amount, &code), self.file, at);
        }
        if let Entry::Order(o) = entry {
            main.order(o, &code, amount);
            if let Some(e) = earlier.as_mut() {
                e.order(o, &code, amount);
            }
            return;
        }
        main.row(entry, bad);
        if let Some(e) = earlier.as_mut() {
            // bad values are reported once, by the main period
            e.row(entry, &mut |_, _| {});
        }
    }
}

/// Whether a row belongs to the owners and sources kept (kinds without an owner or
/// source column are all kept).
pub(super) fn kept(filters: &mut Filters, entry: &Entry<'_>) -> bool {
    match entry {
        Entry::Lead(l) => filters.keeps_owner(l.owner) && filters.keeps_source(l.source),
        Entry::Activity(a) => filters.keeps_owner(a.owner),
        Entry::Quota(q) => filters.keeps_owner(q.owner),
        Entry::Ticket(t) => filters.keeps_owner(t.owner),
        _ => true,
    }
}
