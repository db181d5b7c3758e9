//! The engine: files are pushed in as byte chunks, their rows routed to the metric
//! aggregates, and [`Engine::finish`] assembles the [`Report`].

mod period;
mod sink;
mod unfiltered;

use period::{PeriodAggs, PeriodSummary};
use sink::Aggregates;
use unfiltered::mark_unfiltered;

use crate::choices::Choices;
use crate::drill::{Drill, DrillQuery, DrillResult};
use crate::ingest::file::FileIngest;
use crate::ingest::file_info::FileInfo;
use crate::ingest::notes::FileNote;
use crate::metrics::comparison::compare;
use crate::metrics::currency::{self};
use crate::metrics::withheld::Withheld;
use crate::options::Options;
use crate::problems::Problems;
use crate::report::{kinds, PeriodInfo, Report, REPORT_VERSION};
use chrono::Days;
use serde::{Deserialize, Serialize};

/// Handle of a file inside an [`Engine`].
pub type FileId = usize;

/// What one engine read of one part of a file, to be merged by another engine: how a
/// large file is split between workers (see `docs/PARALLEL.md`).
#[derive(Serialize, Deserialize)]
struct PartState {
    aggregates: Aggregates,
    info: FileInfo,
    problems: Problems,
}

/// A streaming analysis over any number of files.
pub struct Engine {
    options: Options,
    open: Vec<Option<FileIngest>>,
    done: Vec<(FileId, FileInfo, Problems)>,
    aggregates: Aggregates,
    /// Row number before the next imported part's first record.
    next_part_row: u64,
    /// The files' names, by handle.
    names: Vec<String>,
}

impl Engine {
    /// An engine over validated options (see [`RawOptions::validate`](crate::RawOptions)).
    pub fn new(options: Options) -> Self {
        let earlier = options
            .comparison
            .zip(options.period.to.or(options.as_of).or(options.today))
            .and_then(|(c, as_of)| c.of(options.period, as_of))
            .map(|p| PeriodAggs::new(&options, p));
        let main = PeriodAggs::new(&options, options.period);
        let rates = options.rates.clone();
        let filters = options.filters.clone();
        Engine {
            options,
            open: Vec::new(),
            done: Vec::new(),
            aggregates: Aggregates {
                main,
                earlier,
                choices: Choices::default(),
                lookups: Vec::new(),
                rates,
                filters,
                drill: None,
                file: 0,
            },
            names: Vec::new(),
            next_part_row: 0,
        }
    }

    /// Starts a file; its chunks are then pushed with [`Engine::push`].
    pub fn begin_file(&mut self, name: &str) -> FileId {
        let choices = self.options.files.get(name).cloned().unwrap_or_default();
        let mut file = FileIngest::new(name, choices);
        if let Some(why) = self.options.file_option_errors.get(name) {
            file.note(FileNote::BadChoices(why.clone()));
        }
        self.open.push(Some(file));
        self.names.push(name.to_string());
        self.open.len() - 1
    }

    /// An engine that lists the rows behind a figure ([`DrillQuery`]) instead of
    /// computing the report; files are pushed as for an analysis, then [`Engine::drill`].
    pub fn drilling(options: Options, query: DrillQuery) -> Self {
        let mut engine = Engine::new(options);
        engine.aggregates.drill = Some(Drill::new(query));
        engine
    }

    /// Ends every file still open and returns the drill's page (None without a drill).
    pub fn drill(mut self) -> Option<DrillResult> {
        for id in 0..self.open.len() {
            self.end_file(id);
        }
        self.aggregates.drill.take().map(|d| d.finish(&self.names))
    }

    /// Pushes the next chunk of a file. Chunks may split records anywhere.
    pub fn push(&mut self, file: FileId, chunk: &[u8]) {
        if let Some(Some(f)) = self.open.get_mut(file) {
            self.aggregates.file = file as u32;
            f.push(chunk, &mut self.aggregates);
        }
    }

    /// Ends a file.
    pub fn end_file(&mut self, file: FileId) {
        if let Some(f) = self.open.get_mut(file).and_then(Option::take) {
            self.aggregates.file = file as u32;
            let (info, problems) = f.finish(&mut self.aggregates);
            if info.kind.as_deref() == Some("deals") && info.error.is_none() {
                let fields = info.columns.iter().filter_map(|c| c.field.clone());
                let fields: Vec<String> = fields.collect();
                if let Some(e) = self.aggregates.earlier.as_mut() {
                    e.deals.note_columns(fields.clone());
                }
                self.aggregates.main.deals.note_columns(fields);
            }
            self.done.push((file, info, problems));
        }
    }

    /// True when the bytes of `file` pushed so far end at a record boundary: a part of
    /// a file that ends here may be followed by a part read elsewhere.
    pub fn at_record_start(&mut self, file: FileId) -> bool {
        match self.open.get_mut(file) {
            Some(Some(f)) => {
                self.aggregates.file = file as u32;
                f.at_record_start(&mut self.aggregates)
            }
            _ => false,
        }
    }

    /// Ends the engine's one file and returns its state, for [`Engine::import_part`].
    pub fn export_part(mut self) -> Vec<u8> {
        for id in 0..self.open.len() {
            self.end_file(id);
        }
        let (info, problems) = self.done.pop().map(|(_, i, p)| (i, p)).unwrap_or_default();
        let state = PartState { aggregates: self.aggregates, info, problems };
        postcard::to_allocvec(&state).unwrap_or_default()
    }

    /// Merges the next part of a file read by another engine ([`Engine::export_part`]).
    /// Parts must come in file order; the first one carries the header. Row numbers of
    /// later parts' problems are shifted to count from the top of the file.
    pub fn import_part(&mut self, bytes: &[u8]) -> Result<(), String> {
        let part: PartState = postcard::from_bytes(bytes).map_err(|e| format!("not a part state: {e}"))?;
        let theirs = part.aggregates;
        self.aggregates.choices.merge(theirs.choices);
        self.aggregates.lookups.extend(theirs.lookups);
        self.aggregates.main.merge(theirs.main);
        if let (Some(mine), Some(theirs)) = (self.aggregates.earlier.as_mut(), theirs.earlier) {
            mine.merge(theirs);
        }
        let mut problems = part.problems;
        let records = |i: &FileInfo| i.rows + i.skipped.total();
        match self.done.last_mut() {
            None => {
                self.next_part_row = part.info.header_row + records(&part.info);
                self.done.push((self.open.len(), part.info, problems));
            }
            Some((_, info, all)) => {
                if self.next_part_row == 0 {
                    // This engine read the first part itself.
                    self.next_part_row = info.header_row + records(info);
                }
                for p in &mut problems.items {
                    p.row += self.next_part_row;
                }
                self.next_part_row += records(&part.info);
                info.rows += part.info.rows;
                info.bytes += part.info.bytes;
                info.skipped.merge(&part.info.skipped);
                // rows of the part count from its first record: shift them as problems are
                let shift = |row: Option<u64>| row.map(|r| r + self.next_part_row - records(&part.info));
                info.first_nul_row = info.first_nul_row.or(shift(part.info.first_nul_row));
                info.nul_bytes += part.info.nul_bytes;
                info.first_invalid_row = info.first_invalid_row.or(shift(part.info.first_invalid_row));
                info.invalid_text_rows += part.info.invalid_text_rows;
                info.first_replaced_row = info.first_replaced_row.or(shift(part.info.first_replaced_row));
                info.replaced_chars += part.info.replaced_chars;
                info.utf8_from_row = info.utf8_from_row.or(shift(part.info.utf8_from_row));
                info.first_solar_hijri_row = info.first_solar_hijri_row.or(shift(part.info.first_solar_hijri_row));
                info.solar_hijri_dates += part.info.solar_hijri_dates;
                for (k, n) in part.info.blanks {
                    *info.blanks.entry(k).or_insert(0) += n;
                }
                all.merge(problems);
            }
        }
        Ok(())
    }

    /// The columns of names held so far, most distinct values first: `(kind, field,
    /// distinct values)` — what to name when memory runs short (an id column mapped as
    /// the owner makes one group per row).
    pub fn distinct_names(&self) -> Vec<(&'static str, &'static str, u64)> {
        let p = &self.aggregates.main;
        let mut out: Vec<(&'static str, &'static str, u64)> =
            p.deals.distinct_names().into_iter().map(|(field, n)| ("deals", field, n as u64)).collect();
        out.push(("orders", "customer", p.customers.distinct_customers() as u64));
        out.push(("activities", "owner", p.activities.distinct_owners() as u64));
        out.push(("leads", "source", p.leads.distinct_sources() as u64));
        out.retain(|e| e.2 > 0);
        out.sort_by_key(|e| std::cmp::Reverse(e.2));
        out
    }

    /// Data rows read so far, over all files (for progress).
    pub fn rows(&self) -> u64 {
        let open: u64 = self.open.iter().flatten().map(FileIngest::rows).sum();
        open + self.done.iter().map(|(_, i, _)| i.rows).sum::<u64>()
    }

    /// Ends every file still open and computes the report.
    pub fn finish(mut self) -> Report {
        for id in 0..self.open.len() {
            self.end_file(id);
        }
        self.done.sort_by_key(|(id, _, _)| *id);
        let deals = &self.aggregates.main.deals;
        // One as-of date for every family: `to`, else the user's, else the day after the
        // latest date in the data (so that data from the past is not judged against today).
        let customers = &self.aggregates.main.customers;
        let data_start = [deals.first_date(), customers.first_date()].into_iter().flatten().min();
        let data_end = [deals.last_date(), customers.last_date()].into_iter().flatten().max();
        // Data without a date is judged as of no date (the report says none); its families
        // still need one, and nothing dated is there to be judged by it.
        let judged = self
            .options
            .period
            .to
            .or(self.options.as_of)
            .or_else(|| data_end.and_then(|d| d.checked_add_days(Days::new(1))));
        let as_of = judged.or(self.options.today).unwrap_or_default();
        let mut report = Report {
            version: REPORT_VERSION,
            period: PeriodInfo {
                from: self.options.period.from,
                to: self.options.period.to,
                as_of: judged,
                first_date: data_start,
                last_date: data_end,
            },
            kinds: kinds(),
            filter_choices: self.aggregates.choices.report(&self.aggregates.lookups),
            ..Report::default()
        };
        // Money in several currencies is never added: decided before anything is written.
        let main = &self.aggregates.main;
        let before = self.aggregates.earlier.as_ref().map(|e| (&e.deals, &e.currencies));
        let (deal_codes, order_codes) = currency::codes(&main.currencies, before.map(|b| b.1));
        let withheld = Withheld::new(&deal_codes, &order_codes);
        let PeriodSummary { revenues, mut facts, new_customers_from } =
            main.finish(&self.options, as_of, &withheld, &mut report);
        let filtered = !self.options.filters.is_empty();
        facts.latest = main.forecast(as_of, self.options.today, filtered, &withheld, &mut report);
        // A shop with orders and no deals: its trend is its order revenue (unless filters
        // are set, which orders cannot follow); with both, the orders' trend beside.
        if let Some(orders) = main.customers.order_trend().filter(|_| !filtered) {
            let key = if main.deals.read_any() { "order_revenue_trend" } else { "revenue_trend" };
            report.series.insert(key, withheld.order_series(orders));
        }
        report.dimensions = crate::metrics::dimensions::tables(&main.deals, &self.aggregates.lookups);
        let earlier = self.aggregates.earlier.as_ref().map(|e| {
            let period = e.deals.period();
            let options = Options { period, ..self.options.clone() };
            let mut r = Report::default();
            let summary = e.finish(&options, period.to.unwrap_or(as_of), &Withheld::default(), &mut r);
            facts.win_rate_before = summary.facts.win_rate.map(|w| (w, period));
            (period, r)
        });
        // Sales growth by default: against the previous period of equal length.
        let previous = main.deals.previous_revenue(as_of);
        let growth_from = compare(&self.options, earlier.as_ref(), (revenues, previous), &withheld, &mut report);
        let codes = (deal_codes, order_codes);
        report.currencies = currency::report(&self.options, as_of, (&main.deals, &main.currencies), before, codes);
        // new customers from customers or orders, growth of order revenue: no filter reaches them
        let unreached = [
            ("new_customers", matches!(new_customers_from, Some("customers" | "orders"))),
            ("sales_growth", growth_from == Some("orders")),
        ];
        let also: Vec<&str> = unreached.iter().filter(|(_, out)| *out).map(|(id, _)| *id).collect();
        mark_unfiltered(&self.options.filters, &also, &mut report);
        let o = &self.options;
        report.alerts = crate::metrics::alerts::evaluate(&facts, &o.alert_thresholds, o.response_target_minutes);
        report.alert_thresholds = o.alert_thresholds.clone();
        report.alert_thresholds.lead_response_minutes.get_or_insert(o.response_target_minutes as f64);
        for (_, mut info, problems) in self.done {
            info.add_count_notes();
            if let Some(copies) = self.options.same_files.get(&info.name) {
                info.note(FileNote::SameBytes(copies.clone()));
            }
            report.diagnostics.bytes += info.bytes;
            report.diagnostics.rows += info.rows;
            report.diagnostics.files += 1;
            report.problems.merge(problems);
            report.files.push(info);
        }
        report
    }
}
