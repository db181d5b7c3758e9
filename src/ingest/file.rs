//! One file's way through ingest: sniff the head, read the header, look at the first
//! rows to settle value formats, then stream typed rows into a [`RowSink`].

use super::columns::{recognise, DealColumns, DealField, Recognised};
use super::csv_stream::{OwnedRecord, Record, RecordSplitter};
use super::dates::{DateOrder, OrderVotes};
use super::deal_row::DealReader;
use super::sniff::{has_enough, sniff, Sniffed};
use super::text::field_text;
use crate::model::Deal;
use crate::problems::Problems;
use serde::Serialize;
use std::collections::BTreeMap;

/// Rows looked at before value formats (such as day/month order) are settled.
const PREVIEW_ROWS: usize = 500;

/// Where typed rows go. The engine implements it; ingest knows no metric.
pub trait RowSink {
    fn deal(&mut self, deal: &Deal<'_>);
}

/// A file-level failure shown to the user instead of a dashboard for that file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileError {
    /// `not_csv`, `empty` or `unrecognised_columns`.
    pub code: &'static str,
    pub message: String,
}

/// One header column and the canonical field it was mapped to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnInfo {
    pub header: String,
    pub field: Option<&'static str>,
}

/// What was detected about a file: the schema part of the report.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FileInfo {
    pub name: String,
    /// `deals`, or `None` when the file was not recognised.
    pub kind: Option<&'static str>,
    pub bytes: u64,
    /// Data rows (records after the header).
    pub rows: u64,
    pub encoding: &'static str,
    pub delimiter: String,
    pub columns: Vec<ColumnInfo>,
    /// Required fields with no column.
    pub missing: Vec<&'static str>,
    /// Blank cells per required field.
    pub blanks: BTreeMap<&'static str, u64>,
    /// Day/month order used for `a/b/yyyy` dates, per date field.
    pub date_order: BTreeMap<&'static str, &'static str>,
    pub error: Option<FileError>,
}

enum Stage {
    /// Collecting the head until the first line break.
    Sniffing(Vec<u8>),
    /// Splitting records; the first one is the header.
    Header,
    /// Keeping the first rows until value formats are settled.
    Preview(Vec<(u64, OwnedRecord)>),
    /// Streaming rows.
    Rows(Box<DealReader>),
    /// The file cannot be analysed; the rest of its bytes are only counted.
    Rejected,
}

/// State of one file being read.
pub struct FileIngest {
    info: FileInfo,
    splitter: Option<RecordSplitter>,
    stage: Stage,
    headers: Vec<String>,
    cols: DealColumns,
    /// Spreadsheet row number of the last record (header = 1).
    row: u64,
    problems: Problems,
}

impl FileIngest {
    pub fn new(name: &str) -> Self {
        FileIngest {
            info: FileInfo { name: name.to_string(), encoding: "utf-8", ..FileInfo::default() },
            splitter: None,
            stage: Stage::Sniffing(Vec::new()),
            headers: Vec::new(),
            cols: DealColumns::default(),
            row: 0,
            problems: Problems::default(),
        }
    }

    /// Data rows read so far.
    pub fn rows(&self) -> u64 {
        self.info.rows
    }

    /// Feeds the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8], sink: &mut dyn RowSink) {
        self.info.bytes += chunk.len() as u64;
        match &mut self.stage {
            Stage::Rejected => {}
            Stage::Sniffing(head) => {
                head.extend_from_slice(chunk);
                if has_enough(head) {
                    let head = std::mem::take(head);
                    self.start(&head, sink);
                }
            }
            _ => self.split(chunk, false, sink),
        }
    }

    /// Ends the file and returns what was detected and the problems found.
    pub fn finish(mut self, sink: &mut dyn RowSink) -> (FileInfo, Problems) {
        if let Stage::Sniffing(head) = &mut self.stage {
            let head = std::mem::take(head);
            self.start(&head, sink);
        }
        self.split(&[], true, sink);
        if let Stage::Preview(rows) = &mut self.stage {
            let rows = std::mem::take(rows);
            self.settle(rows, sink);
        }
        if let Stage::Rows(reader) = &self.stage {
            self.info.blanks = reader.blanks.clone();
        }
        if self.info.error.is_none() && self.info.kind.is_none() {
            self.reject("empty", "The file is empty: it has no header row and no data.".into());
        }
        (self.info, self.problems)
    }

    fn reject(&mut self, code: &'static str, message: String) {
        self.info.error = Some(FileError { code, message });
        self.stage = Stage::Rejected;
    }

    fn start(&mut self, head: &[u8], sink: &mut dyn RowSink) {
        if head.iter().all(|b| b.is_ascii_whitespace()) {
            if !head.is_empty() {
                self.reject("empty", "The file holds only blank lines.".into());
            }
            return;
        }
        match sniff(head) {
            Sniffed::NotCsv(message) => self.reject("not_csv", message),
            Sniffed::Text { bom_len, delimiter } => {
                self.info.delimiter = (delimiter as char).to_string();
                self.splitter = Some(RecordSplitter::new(delimiter));
                self.stage = Stage::Header;
                self.split(&head[bom_len..], false, sink);
            }
        }
    }

    fn split(&mut self, bytes: &[u8], end: bool, sink: &mut dyn RowSink) {
        let Some(mut splitter) = self.splitter.take() else { return };
        let mut on_record = |rec: Record<'_>| self.record(rec, sink);
        if end {
            splitter.feed(bytes, &mut on_record);
            splitter.finish(&mut on_record);
        } else {
            splitter.feed(bytes, &mut on_record);
        }
        self.splitter = Some(splitter);
    }

    fn record(&mut self, rec: Record<'_>, sink: &mut dyn RowSink) {
        self.row += 1;
        match &mut self.stage {
            Stage::Header => self.header(&rec),
            Stage::Preview(rows) => {
                self.info.rows += 1;
                rows.push((self.row, OwnedRecord::from_record(&rec)));
                if rows.len() >= PREVIEW_ROWS {
                    let rows = std::mem::take(rows);
                    self.settle(rows, sink);
                }
            }
            Stage::Rows(reader) => {
                self.info.rows += 1;
                sink.deal(&reader.read(&rec, self.row, &self.info.name, &mut self.problems));
            }
            Stage::Sniffing(_) | Stage::Rejected => {}
        }
    }

    fn header(&mut self, rec: &Record<'_>) {
        self.headers = rec.iter().map(|f| field_text(f).into_owned()).collect();
        match recognise(&self.headers) {
            Recognised::Unknown(message) => self.reject("unrecognised_columns", message),
            Recognised::Deals(cols) => {
                self.info.kind = Some("deals");
                self.info.columns = self
                    .headers
                    .iter()
                    .enumerate()
                    .map(|(i, h)| ColumnInfo {
                        header: h.clone(),
                        field: DealField::ALL.into_iter().find(|f| cols.get(*f) == Some(i)).map(DealField::name),
                    })
                    .collect();
                self.info.missing = cols.missing().into_iter().map(DealField::name).collect();
                self.cols = *cols;
                self.stage = Stage::Preview(Vec::new());
            }
        }
    }

    /// Decides value formats from the preview rows, then reads them as rows.
    fn settle(&mut self, rows: Vec<(u64, OwnedRecord)>, sink: &mut dyn RowSink) {
        // One export writes all its dates alike: the date columns vote together.
        let mut votes = OrderVotes::default();
        for f in [DealField::CreatedDate, DealField::ClosedDate, DealField::ExpectedCloseDate] {
            if let Some(i) = self.cols.get(f) {
                for (_, r) in &rows {
                    votes.observe(&field_text(r.as_record().get(i).unwrap_or(b"")));
                }
            }
        }
        let order = votes.decide();
        for f in [DealField::CreatedDate, DealField::ClosedDate] {
            if self.cols.has(f) {
                let name = if order == DateOrder::DayFirst { "day_first" } else { "month_first" };
                self.info.date_order.insert(f.name(), name);
            }
        }
        let (created, closed) = (order, order);
        let mut reader = Box::new(DealReader::new(self.cols.clone(), self.headers.clone(), created, closed));
        for (row, r) in &rows {
            sink.deal(&reader.read(&r.as_record(), *row, &self.info.name, &mut self.problems));
        }
        self.stage = Stage::Rows(reader);
    }
}
