//! Reading one deals record into a typed [`Deal`], reporting every bad value.

use super::columns::Mapping;
use super::csv_stream::Record;
use super::dates::{parse_date, DateOrder};
use super::money::{parse_money_with, DecimalSeparator};
use super::schema::DEALS;
use super::text::field_text;
use crate::model::Deal;
use crate::problems::Problems;
use crate::stages::{status_from_stage, status_from_status};
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
}

impl DealField {
    pub const ALL: [DealField; 16] = [
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
    ];

    pub fn name(self) -> &'static str {
        DEALS.fields[self as usize].name
    }

    fn required(self) -> bool {
        DEALS.fields[self as usize].required
    }
}

/// Turns records of one deals file into [`Deal`]s. Reuses its text buffers, so a row
/// costs no allocation once the buffers have grown.
pub struct DealReader {
    cols: Mapping,
    headers: Vec<String>,
    date_order: DateOrder,
    decimal: DecimalSeparator,
    has_status: bool,
    has_lost_reason: bool,
    text: [String; 16],
    /// Blank cells per required field, for the file's notes.
    pub blanks: BTreeMap<&'static str, u64>,
}

impl DealReader {
    pub fn new(cols: Mapping, headers: Vec<String>, date_order: DateOrder, decimal: DecimalSeparator) -> Self {
        DealReader {
            has_status: cols.has("status"),
            has_lost_reason: cols.has("lost_reason"),
            cols,
            headers,
            date_order,
            decimal,
            text: Default::default(),
            blanks: BTreeMap::new(),
        }
    }

    fn header(&self, f: DealField) -> &str {
        self.cols.column_at(f as usize).and_then(|i| self.headers.get(i)).map_or("", String::as_str)
    }

    /// Reads `rec` (spreadsheet row number `row` of `file`); bad values go to `problems`.
    pub fn read(&mut self, rec: &Record<'_>, row: u64, file: &str, problems: &mut Problems) -> Deal<'_> {
        if rec.len() != self.headers.len() {
            problems.push(
                file,
                row,
                "",
                "",
                format!("row has {} fields, the header has {}", rec.len(), self.headers.len()),
            );
        }
        for f in DealField::ALL {
            let t = &mut self.text[f as usize];
            t.clear();
            if let Some(i) = self.cols.column_at(f as usize) {
                t.push_str(&field_text(rec.get(i).unwrap_or(b"")));
                if t.is_empty() && f.required() {
                    *self.blanks.entry(f.name()).or_insert(0) += 1;
                }
            }
        }
        let text = |f: DealField| self.text[f as usize].as_str();

        let amount = match parse_money_with(text(DealField::Amount), self.decimal) {
            Ok(v) => v,
            Err(why) => {
                problems.push(file, row, self.header(DealField::Amount), text(DealField::Amount), why);
                None
            }
        };
        let mut date = |f: DealField, order: DateOrder| match parse_date(text(f), order) {
            Ok(v) => v,
            Err(why) => {
                problems.push(file, row, self.header(f), text(f), why);
                None
            }
        };
        let created = date(DealField::CreatedDate, self.date_order);
        let closed = date(DealField::ClosedDate, self.date_order);
        if let (Some(c), Some(d)) = (created, closed) {
            if d < c {
                problems.push(
                    file,
                    row,
                    self.header(DealField::ClosedDate),
                    text(DealField::ClosedDate),
                    format!("closed before created ({c}): left out of the sales cycle"),
                );
            }
        }
        let stage = text(DealField::Stage);
        let status = if self.has_status && !text(DealField::Status).is_empty() {
            status_from_status(text(DealField::Status)).unwrap_or_else(|| {
                problems.push(
                    file,
                    row,
                    self.header(DealField::Status),
                    text(DealField::Status),
                    "unknown status (expected open, won or lost): taken from the stage",
                );
                status_from_stage(stage)
            })
        } else {
            status_from_stage(stage)
        };
        Deal {
            deal_id: text(DealField::DealId),
            owner: text(DealField::Owner),
            account: text(DealField::Account),
            stage,
            status,
            amount,
            created,
            closed,
            lost_reason: self.has_lost_reason.then(|| text(DealField::LostReason)),
            lost_stage: text(DealField::LostStage),
        }
    }
}
