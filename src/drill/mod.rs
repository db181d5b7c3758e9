//! Drill-down: the rows of the files behind a figure of the report — the won deals behind
//! revenue, one owner's closed deals, the deals that reached a funnel step, the order
//! lines of one month. The engine keeps no rows, so a drill reads the files again with a
//! [`DrillQuery`]: each row is tested by the rule its metric counts by (the same
//! functions the metrics call), and only one page of the matches is kept — sorted when
//! asked, by a bounded selection — with the count and the summed amount of them all.
//! See docs/DRILL.md.
mod page;
mod query;

pub use page::DrillResult;
pub use query::{DrillQuery, RawDrill, Set, MAX_PAGE};

use crate::hashing::{id_hash, id_key};
use crate::ingest::record::Entry;
use crate::ingest::schema::{Kind, ValueType};
use crate::ingest::typed_row::Row;
use crate::metrics::activities::activity_in;
use crate::metrics::customers::{order_in, CustomerPlace};
use crate::metrics::history::HistoryAgg;
use crate::metrics::leads::{created_in, linked_to_won, qualified_in};
use crate::metrics::pipeline::{StagesAt, CLOSED_LATER};
use crate::metrics::stats::Tally;
use crate::model::Deal;
use crate::stages::Status;
use chrono::{NaiveDate, Timelike};
use page::{compare, Hit, Key};
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use serde_json::{Map, Value};

/// The rows of a drill as they are read.
#[derive(Debug)]
pub struct Drill {
    query: DrillQuery,
    total: u64,
    amounts: Tally,
    hits: Vec<Hit>,
    /// Open deals at a period's end that closed since are listed under their stage then,
    /// from a stage history read before the deals (the page sends it first).
    history: HistoryAgg,
    stages_at: Option<StagesAt>,
    /// The currencies of the amounts summed (several: no sum, as the report's money).
    currencies: Vec<String>,
    /// `converted_leads`: the ids of won deals and of their leads, from deals read before
    /// the leads (the page sends deals first), as the lead metrics link them.
    won_deals: FxHashSet<u64>,
    won_leads: FxHashSet<u64>,
}

/// Currencies listed at most.
const MAX_CODES: usize = 20;

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

impl Drill {
    pub fn new(query: DrillQuery) -> Self {
        Drill {
            query,
            total: 0,
            amounts: Tally::default(),
            hits: Vec::new(),
            history: HistoryAgg::default(),
            stages_at: None,
            currencies: Vec::new(),
            won_deals: FxHashSet::default(),
            won_leads: FxHashSet::default(),
        }
    }

    /// The table kind whose rows this drill reads.
    pub fn kind(&self) -> Kind {
        self.query.set.kind()
    }

    /// A deal (amount and currency as the analysis took them: converted when a rate was
    /// given), row `row` of file `file`.
    pub fn deal(&mut self, d: &Deal<'_>, currency: &str, file: u32, row: u64) {
        if self.query.set == Set::ConvertedLeads && d.status == Status::Won {
            for (ids, id) in [(&mut self.won_deals, d.deal_id), (&mut self.won_leads, d.lead_id)] {
                if !id.is_empty() {
                    ids.insert(id_hash(id));
                }
            }
        }
        if self.kind() != Kind::Deals {
            return;
        }
        let Some(stage) = self.query.deal_stage(d) else { return };
        let mut at_end = None;
        if stage == CLOSED_LATER && !d.deal_id.is_empty() {
            let history = &self.history;
            let stages = self.stages_at.get_or_insert_with(|| history.stages_at(self.query.period.to));
            at_end = stages.get(&id_hash(d.deal_id)).map(|s| s.to_string());
        }
        let stage = at_end.as_deref().unwrap_or(stage);
        for by in &mut self.query.by {
            let value = match by.field.as_str() {
                "owner" => d.owner,
                "account" => d.account,
                "product" => d.product,
                "stage" => stage,
                "source" => d.source,
                "pipeline" => d.pipeline,
                "lost_reason" => match d.lost_reason {
                    Some(r) => r,
                    None => return,
                },
                _ => return,
            };
            if !by.matches(value, None) {
                return;
            }
        }
        let status = match d.status {
            Status::Won => "won",
            Status::Lost => "lost",
            Status::Open => "open",
        };
        let cells = || {
            vec![
                d.deal_id.to_string(),
                d.account.to_string(),
                d.owner.to_string(),
                stage.to_string(),
                status.to_string(),
                d.amount.map(|a| a.to_string()).unwrap_or_default(),
                currency.to_string(),
                date_text(d.created),
                date_text(d.closed),
                d.lost_reason.unwrap_or("").to_string(),
                d.product.to_string(),
                d.source.to_string(),
                d.pipeline.to_string(),
            ]
        };
        self.keep(cells, d.amount, currency, file, row);
    }

    /// A row of another kind, with its cells; `amount`: an order line's (converted)
    /// amount and its currency.
    pub fn row(&mut self, entry: &Entry<'_>, r: &Row<'_>, amount: (Option<Decimal>, &str), file: u32, row: u64) {
        let kind = entry.kind();
        if let Entry::StageChange(c) = entry {
            if self.query.set == Set::Open && self.query.period.to.is_some() {
                self.history.observe(c);
            }
            return;
        }
        if kind != self.kind() {
            return;
        }
        let q = &self.query;
        let (inside, date) = match (q.set, entry) {
            (Set::Leads, Entry::Lead(l)) => (created_in(q.period, l), l.created.map(|c| c.date())),
            (Set::ConvertedLeads, Entry::Lead(l)) => {
                // converted by its own columns, or linked to a won deal (metrics::leads)
                let (deal, lead) = (id_key(l.deal_id), id_key(l.lead_id));
                let linked = (deal != 0 || q.link_leads) && linked_to_won(&self.won_deals, &self.won_leads, deal, lead);
                (created_in(q.period, l) && (l.converted || linked), l.created.map(|c| c.date()))
            }
            (Set::QualifiedLeads, Entry::Lead(l)) => (qualified_in(q.period, l), l.mql.or(l.sql)),
            (Set::ReferralLeads, Entry::Lead(l)) => {
                (created_in(q.period, l) && l.referral, l.created.map(|c| c.date()))
            }
            (Set::NewCustomers | Set::CustomersAtStart | Set::ChurnedCustomers, Entry::Customer(c)) => {
                let Some(acquired) = c.acquired else { return };
                let churned = c.churned;
                // a customer churned before acquired is a problem, counted nowhere
                if churned.is_some_and(|c| c < acquired) {
                    return;
                }
                let place = CustomerPlace::of(q.period, acquired, churned);
                match q.set {
                    Set::NewCustomers => (place.new, Some(acquired)),
                    Set::CustomersAtStart => (place.at_start, None),
                    _ => (place.churned, churned),
                }
            }
            (Set::Orders, Entry::Order(o)) => (order_in(q.period, o), o.date),
            (Set::Activities, Entry::Activity(a)) => (activity_in(q.period, a), a.date),
            _ => (false, None),
        };
        if !inside || !q.in_bucket(date) {
            return;
        }
        let activity = match entry {
            Entry::Activity(a) => Some(a.kind),
            _ => None,
        };
        if !self.query.by.iter_mut().all(|by| by.matches(r.text(by.at), activity)) {
            return;
        }
        let spec = kind.spec();
        let cells = || {
            spec.fields
                .iter()
                .enumerate()
                .map(|(i, f)| match f.value {
                    ValueType::Money | ValueType::Number | ValueType::Percent => {
                        r.number(i).map(|n| n.to_string()).unwrap_or_else(|| r.text(i).to_string())
                    }
                    ValueType::Date => r.date(i).map(|d| d.to_string()).unwrap_or_else(|| r.text(i).to_string()),
                    ValueType::DateTime => match r.datetime(i) {
                        Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
                        Some(t) => format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute()),
                        None => r.text(i).to_string(),
                    },
                    ValueType::Text => r.text(i).to_string(),
                })
                .collect()
        };
        self.keep(cells, amount.0, amount.1, file, row);
    }

    /// Counts a match (its amount in `currency`) and keeps it if it may be on the page.
    /// Its cells are made only when needed: a match past the page costs no text.
    fn keep(
        &mut self,
        cells: impl FnOnce() -> Vec<String>,
        amount: Option<Decimal>,
        currency: &str,
        file: u32,
        row: u64,
    ) {
        let mut cells = Some(cells);
        let mut made = None;
        if let Some(needle) = &self.query.needle {
            let all = cells.take().map(|c| c()).unwrap_or_default();
            if !all.iter().any(|c| c.to_lowercase().contains(needle.as_str())) {
                return;
            }
            made = Some(all);
        }
        let mut cells = move || made.take().or_else(|| cells.take().map(|c| c())).unwrap_or_default();
        let index = self.total;
        self.total += 1;
        self.amounts.add(amount);
        if amount.is_some() && !self.currencies.iter().any(|c| c == currency) && self.currencies.len() < MAX_CODES {
            self.currencies.push(currency.to_string());
        }
        let q = &self.query;
        let Some(sort) = q.sort else {
            // file order: only the page's rows are kept
            if index >= q.offset && q.limit.is_none_or(|l| index < q.offset + l) {
                self.hits.push(Hit { file, row, cells: cells(), key: Key::None });
            }
            return;
        };
        let cells = cells();
        let cell = &cells[sort.column];
        let key = if sort.numeric { Key::Number(cell.parse().ok()) } else { Key::Text(cell.to_lowercase()) };
        self.hits.push(Hit { file, row, cells, key });
        // Sorted: keep the best `offset + limit`, trimming when twice as many are held.
        if let Some(end) = q.limit.map(|l| (q.offset + l) as usize) {
            if self.hits.len() >= 2 * end.max(64) {
                // one sort for this and the page's (each kind of sort adds to the wasm)
                self.hits.sort_unstable_by(|a, b| compare(sort, a, b));
                self.hits.truncate(end);
            }
        }
    }

    /// The page, with the count and summed amount of every match; `files`: the names of
    /// the files by their index.
    pub fn finish(mut self, files: &[String]) -> DrillResult {
        let q = &self.query;
        if let Some(sort) = q.sort {
            self.hits.sort_unstable_by(|a, b| compare(sort, a, b));
            let start = (q.offset as usize).min(self.hits.len());
            self.hits.drain(..start);
            if let Some(l) = q.limit {
                self.hits.truncate(l as usize);
            }
        }
        let rows = self
            .hits
            .into_iter()
            .map(|h| {
                let mut m = Map::new();
                m.insert("file".into(), Value::from(files.get(h.file as usize).cloned().unwrap_or_default()));
                m.insert("row".into(), Value::from(h.row));
                for (c, v) in q.columns.iter().zip(h.cells) {
                    m.insert((*c).into(), Value::from(v));
                }
                m
            })
            .collect();
        DrillResult {
            set: q.set,
            kind: q.set.kind().name(),
            columns: q.columns.clone(),
            numeric: q.columns.iter().zip(&q.numeric).filter(|(_, n)| **n).map(|(c, _)| *c).collect(),
            total: self.total,
            // amounts in several currencies are never added together
            amount: (self.amounts.with_amount > 0 && self.currencies.len() <= 1).then(|| self.amounts.sum.to_string()),
            with_amount: self.amounts.with_amount,
            currencies: self.currencies,
            offset: q.offset,
            rows,
        }
    }
}
