//! Reading one deals record into a typed [`Deal`], reporting every bad value: its cells
//! as every kind's are read ([`super::cells`]), then the deal's own rules (status from a
//! stage, flags or dates; the amount's currency; a won deal's actual amount).

use super::cells::Cells;
use super::columns::Mapping;
use super::csv_stream::Record;
use super::dates::{parse_date, DateOrder, SolarHijri};
use super::money::{amount_unit, parse_money_with, parse_probability, DecimalSeparator};
use super::schema::DEALS;
use crate::memo::Memo;
use crate::model::Deal;
use crate::problems::ProblemKind;
use crate::problems::Problems;
use crate::stages::{status_from_stage, status_from_status, Status};
use crate::text::parse_flag;
use crate::vocabulary::is_expansion;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Fields of the deals table, in the order of [`DEALS`]`.fields`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealField {
    DealId,
    Owner,
    Account,
    Stage,
    Status,
    Amount,
    CreatedDate,
    ClosedDate,
    LostReason,
    Source,
    Type,
    Probability,
    ExpectedCloseDate,
    Currency,
    Product,
    LostStage,
    Pipeline,
    WonFlag,
    ClosedFlag,
    WonDate,
    LeadId,
    LostDate,
    WonAmount,
}

/// How many fields a deal has.
const FIELDS: usize = 23;

impl DealField {
    pub const ALL: [DealField; FIELDS] = [
        DealField::DealId,
        DealField::Owner,
        DealField::Account,
        DealField::Stage,
        DealField::Status,
        DealField::Amount,
        DealField::CreatedDate,
        DealField::ClosedDate,
        DealField::LostReason,
        DealField::Source,
        DealField::Type,
        DealField::Probability,
        DealField::ExpectedCloseDate,
        DealField::Currency,
        DealField::Product,
        DealField::LostStage,
        DealField::Pipeline,
        DealField::WonFlag,
        DealField::ClosedFlag,
        DealField::WonDate,
        DealField::LeadId,
        DealField::LostDate,
        DealField::WonAmount,
    ];

    pub fn name(self) -> &'static str {
        DEALS.fields[self as usize].name
    }

    fn required(self) -> bool {
        DEALS.fields[self as usize].required
    }
}

/// Status from won and closed flags (Salesforce's `Won` and `Closed` 1/0 columns): won
/// when won; lost when closed and not won; open when not closed.
fn status_from_flags(won: &str, closed: &str) -> Option<Status> {
    match (parse_flag(won), parse_flag(closed)) {
        (Some(true), _) => Some(Status::Won),
        (_, Some(false)) => Some(Status::Open),
        (Some(false), Some(true)) | (None, Some(true)) => Some(Status::Lost),
        (Some(false), None) | (None, None) => None,
    }
}

/// Turns records of one deals file into [`Deal`]s. Reuses its text buffers, so a row
/// costs no allocation once the buffers have grown.
pub struct DealReader {
    cells: Cells,
    fields: DealFields,
}

/// What the deals file's columns say, and the words decided so far.
struct DealFields {
    cols: Mapping,
    headers: Vec<String>,
    date_order: DateOrder,
    decimal: DecimalSeparator,
    has_status: bool,
    has_lost_reason: bool,
    has_currency: bool,
    has_expected_close: bool,
    /// A column says when deals closed (a closed, won or lost date).
    has_close: bool,
    has_amount: bool,
    has_flags: bool,
    has_lost_date: bool,
    has_won_date: bool,
    has_won_amount: bool,
    has_stage: bool,
    stages: RefCell<Memo<Status>>,
    statuses: RefCell<Memo<Option<Status>>>,
    /// Whether each deal type written is an expansion, decided once per spelling.
    expansions: RefCell<Memo<bool>>,
    /// The fields that have a column, and the column.
    mapped: Vec<(DealField, usize)>,
    /// Blank cells per field.
    blank_counts: [u64; FIELDS],
    /// Dates read as Solar Hijri.
    solar: SolarHijri,
}

impl DealReader {
    /// The dates read as Solar Hijri.
    pub fn solar_hijri(&self) -> SolarHijri {
        self.fields.solar
    }

    /// Blank cells per required field, for the file's notes.
    pub fn blanks(&self) -> BTreeMap<String, u64> {
        let counts = &self.fields.blank_counts;
        DealField::ALL
            .iter()
            .filter(|f| counts[**f as usize] > 0)
            .map(|f| (f.name().to_string(), counts[*f as usize]))
            .collect()
    }

    pub fn new(cols: Mapping, headers: Vec<String>, date_order: DateOrder, decimal: DecimalSeparator) -> Self {
        let mapped: Vec<(DealField, usize)> =
            DealField::ALL.iter().filter_map(|&f| cols.column_at(f as usize).map(|c| (f, c))).collect();
        let cells = Cells::new(mapped.iter().map(|&(f, c)| (f as usize, c)).collect(), headers.len());
        let fields = DealFields {
            mapped,
            has_status: cols.has("status"),
            has_lost_reason: cols.has("lost_reason"),
            has_currency: cols.has("currency"),
            has_expected_close: cols.has("expected_close_date"),
            has_close: cols.has("closed_date") || cols.has("won_date") || cols.has("lost_date"),
            has_amount: cols.has("amount"),
            has_flags: cols.has("won_flag") || cols.has("closed_flag"),
            has_lost_date: cols.has("lost_date"),
            has_won_date: cols.has("won_date"),
            has_won_amount: cols.has("won_amount"),
            has_stage: cols.has("stage"),
            cols,
            headers,
            date_order,
            decimal,
            stages: RefCell::default(),
            statuses: RefCell::default(),
            expansions: RefCell::default(),
            blank_counts: [0; FIELDS],
            solar: SolarHijri::default(),
        };
        DealReader { cells, fields }
    }

    /// Reads `rec` (spreadsheet row number `row` of `file`); bad values go to `problems`.
    /// The deal borrows its text from the record (or, for invalid UTF-8, from copies with
    /// the bad bytes replaced).
    pub fn read<'a>(&'a mut self, rec: &Record<'a>, row: u64, file: &str, problems: &mut Problems) -> Deal<'a> {
        let mut cells: [&'a str; FIELDS] = [""; FIELDS];
        self.cells.read(rec, row, file, problems, &mut cells);
        self.fields.deal(cells, row, file, problems)
    }
}

impl DealFields {
    /// Status of a stage name, decided once per spelling.
    fn stage_status(&self, stage: &str) -> Status {
        self.stages.borrow_mut().get(stage, status_from_stage)
    }

    /// Whether a deal type is an expansion, decided once per spelling.
    fn expansion(&self, deal_type: &str) -> bool {
        !deal_type.is_empty() && self.expansions.borrow_mut().get(deal_type, is_expansion)
    }

    /// Status of a status cell, decided once per spelling.
    fn status_word(&self, word: &str) -> Option<Status> {
        self.statuses.borrow_mut().get(word, status_from_status)
    }

    fn header(&self, f: DealField) -> &str {
        self.cols.column_at(f as usize).and_then(|i| self.headers.get(i)).map_or("", String::as_str)
    }

    /// The deal of a row's `cells` (by field); bad values go to `problems`.
    fn deal<'a>(&mut self, cells: [&'a str; FIELDS], row: u64, file: &str, problems: &mut Problems) -> Deal<'a> {
        for &(f, _) in &self.mapped {
            if cells[f as usize].is_empty() && f.required() {
                self.blank_counts[f as usize] += 1;
            }
        }
        let mut solar = self.solar;
        let this: &Self = self;
        let text = |f: DealField| cells[f as usize];

        let mut money = |f: DealField| match parse_money_with(text(f), this.decimal) {
            Ok(v) => v,
            Err(why) => {
                problems.push(file, row, this.header(f), text(f), why);
                None
            }
        };
        let estimated = money(DealField::Amount);
        let actual = if this.has_won_amount { money(DealField::WonAmount) } else { None };
        let mut date = |f: DealField, order: DateOrder| match parse_date(text(f), order) {
            Ok(v) => {
                if v.is_some() {
                    solar.see(text(f), row);
                }
                v
            }
            Err(why) => {
                problems.push(file, row, this.header(f), text(f), why);
                None
            }
        };
        let created = date(DealField::CreatedDate, this.date_order);
        let mut closed = date(DealField::ClosedDate, this.date_order);
        // Pipedrive writes a won time and a lost time; Olist's closed deals a won date.
        let won_on = if this.has_won_date { date(DealField::WonDate, this.date_order) } else { None };
        let lost_on = if this.has_lost_date { date(DealField::LostDate, this.date_order) } else { None };
        closed = closed.or(won_on).or(lost_on);
        let mut expected_close = this.has_expected_close.then(|| date(DealField::ExpectedCloseDate, this.date_order));
        if let (Some(c), Some(d)) = (created, closed) {
            if d < c {
                problems.push(
                    file,
                    row,
                    this.header(DealField::ClosedDate),
                    text(DealField::ClosedDate),
                    ProblemKind::ClosedBefore(c.to_string()),
                );
            }
        }
        let probability = match parse_probability(text(DealField::Probability)) {
            Ok(p) => p,
            Err(why) => {
                problems.push(file, row, this.header(DealField::Probability), text(DealField::Probability), why);
                None
            }
        };
        let stage = text(DealField::Stage);
        let status = if this.has_status && !text(DealField::Status).is_empty() {
            this.status_word(text(DealField::Status)).unwrap_or_else(|| {
                problems.push(file, row, this.header(DealField::Status), text(DealField::Status), ProblemKind::Status);
                this.stage_status(stage)
            })
        } else if this.has_flags && (!this.has_stage || stage.is_empty()) {
            status_from_flags(text(DealField::WonFlag), text(DealField::ClosedFlag)).unwrap_or(Status::Open)
        } else if (this.has_won_date || this.has_lost_date) && (!this.has_stage || stage.is_empty()) {
            // No stage: a won date says won, a lost date lost.
            if won_on.is_some() {
                Status::Won
            } else if lost_on.is_some() {
                Status::Lost
            } else {
                Status::Open
            }
        } else {
            this.stage_status(stage)
        };
        // Salesforce and HubSpot keep one "Close Date": on an open deal it is the expected one.
        if status == Status::Open && closed.is_some() {
            if expected_close.flatten().is_none() {
                expected_close = Some(closed);
            }
            closed = None;
        }
        // Airtable's and Notion's pipelines keep an expected close date only: on a closed
        // deal it is the date it closed.
        if status != Status::Open && !this.has_close {
            closed = expected_close.flatten();
        }
        // Dynamics writes an estimated and an actual revenue: a won deal's is the actual one.
        let amount = if status == Status::Won { actual.or(estimated) } else { estimated };
        let blank_amount = text(DealField::Amount).is_empty() && text(DealField::WonAmount).is_empty();
        if status == Status::Won && (this.has_amount || this.has_won_amount) && blank_amount {
            problems.push(file, row, this.header(DealField::Amount), "", ProblemKind::WonNoAmount);
        }
        let deal = Deal {
            deal_id: text(DealField::DealId),
            owner: text(DealField::Owner),
            account: text(DealField::Account),
            stage,
            status,
            amount,
            created,
            closed,
            expected_close,
            lost_reason: this.has_lost_reason.then(|| text(DealField::LostReason)),
            lost_stage: text(DealField::LostStage),
            deal_type: text(DealField::Type),
            expansion: this.expansion(text(DealField::Type)),
            source: text(DealField::Source),
            pipeline: text(DealField::Pipeline),
            product: text(DealField::Product),
            lead_id: text(DealField::LeadId),
            probability,
            currency: if this.has_currency {
                text(DealField::Currency)
            } else if amount.is_some() {
                amount_unit(text(DealField::Amount))
            } else {
                "" // an amount that is not a number names no currency
            },
        };
        self.solar = solar;
        deal
    }
}
