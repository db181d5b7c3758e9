//! One file's way through ingest: sniff the head (format, encoding, delimiter), find the
//! header row, look at the first rows to settle value formats, then stream typed rows
//! into a [`RowSink`]. Title lines, repeated headers and summary rows are skipped.

use super::codec::{UTF_16BE, UTF_16LE, UTF_8};
use super::columns::{recognise, status_flag, unrecognised, why_taken, Mapping, Recognised};
use super::csv_stream::{OwnedRecord, Record, RecordSplitter};
use super::dates::{DateOrder, OrderVotes};
use super::deal_row::DealReader;
use super::decode::{detect, Decoder};
use super::doubtful::doubtful_amount;
use super::file_info::{ColumnInfo, FileError, FileInfo, TakenBy};
use super::file_options::FileOptions;
use super::footer::{first_bytes, opening, Opening};
use super::grouped::{as_recognised, grouped_column};
use super::hints::{decide_by_values, fill_deal_fields, holds_events};
use super::lookup::{lookup_key, LookupTable};
use super::money::{DecimalSeparator, SeparatorVotes};
use super::notes::{FileErrorKind, FileNote};
use super::profile::Profile;
use super::record::{Entry, EntryReader, OrderLayout};
use super::schema::{Kind, ValueType, DEALS, STATUS_FIELDS};
use super::sniff::{delimiter_of, not_csv, sep_line, SNIFF_BYTES};
use super::typed_row::{Row, TypedReader};
use crate::memo::Memo;
use crate::model::Deal;
use crate::problems::ProblemKind;
use crate::problems::Problems;
use crate::text::{field_text, normalize_label};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Rows looked at before value formats (day/month order, decimal separator) are settled.
const PREVIEW_ROWS: usize = 1000;
/// Records searched for the header row (title lines may stand above it).
const HEADER_SCAN: usize = 20;
/// Data rows shown in the report's preview of a file.
const SAMPLE_ROWS: usize = 5;

/// Where typed rows go. The engine implements it; ingest knows no metric.
pub trait RowSink {
    /// A deal, read from row `at` of its file (the header is row 1).
    fn deal(&mut self, deal: &Deal<'_>, at: u64);
    /// A row of another kind of table (`leads`, `activities`…), typed, with its cells (which
    /// a drill lists), from row `at` of its file. `bad(field, reason)` reports a value the
    /// metrics cannot use (listed with the row's file and number).
    fn row(&mut self, entry: &Entry<'_>, cells: &Row<'_>, at: u64, bad: &mut dyn FnMut(&str, ProblemKind));
    /// A whole lookup table (at the end of its file).
    fn lookup(&mut self, _table: LookupTable) {}
}

/// Kinds whose rows feed metrics (others are recognised and counted).
const COMPUTED_KINDS: [Kind; 12] = [
    Kind::Deals,
    Kind::Leads,
    Kind::Activities,
    Kind::Quotas,
    Kind::Surveys,
    Kind::Traffic,
    Kind::Tickets,
    Kind::Customers,
    Kind::Orders,
    Kind::Subscriptions,
    Kind::Spend,
    Kind::StageHistory,
];

enum Stage {
    /// Collecting the head of the file.
    Sniffing(Vec<u8>),
    /// Looking for the header among the first records.
    Header(Vec<OwnedRecord>),
    /// Keeping the first rows until value formats are settled.
    /// (`None` marks a summary row, where the running sum restarts.)
    Preview(Vec<(u64, Option<OwnedRecord>)>),
    /// Streaming deal rows.
    Deals(Box<DealReader>),
    /// Streaming rows of another kind.
    Rows(Box<(TypedReader, EntryReader)>),
    /// Collecting a lookup table.
    Lookup(Box<LookupTable>),
    /// A recognised kind whose metrics are not computed: rows are counted.
    Counting,
    /// The file cannot be analysed; the rest of its bytes are only counted.
    Rejected,
}

/// State of one file being read.
pub struct FileIngest {
    info: FileInfo,
    choices: FileOptions,
    decoder: Option<Decoder>,
    /// The file is read in a legacy encoding (not UTF-8 or UTF-16): its text is checked
    /// as it streams for what that encoding could not read, and for UTF-8.
    legacy: bool,
    splitter: Option<RecordSplitter>,
    /// The splitter's expected field count, set when the header is known.
    expected_fields: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    stage: Stage,
    headers: Vec<String>,
    header_key: Vec<String>,
    mapping: Option<Mapping>,
    /// Spreadsheet row number of the last record (first record = 1).
    row: u64,
    /// Per first byte (lower case) of a row: [`HEADER_START`] when the header starts with
    /// it, [`WORD_START`] when a summary or footer word may.
    may_start: [u8; 256],
    /// What a row's first value says (summary or footer word), decided once per spelling:
    /// a column of names starts many rows with a word's first letter.
    openings: Memo<Opening>,
    /// Columns that name a record (a deal's id, owner, account, stage, status; another
    /// kind's required text fields): a row with all of them blank is no record.
    identity: Vec<usize>,
    /// The column of the amount (a deal's; another kind's first money field).
    money_col: Option<usize>,
    /// The spreadsheet row of each record read before the header is known.
    header_rows: Vec<u64>,
    /// Columns that say something of a record (its stage, status and dates): a row with
    /// a name and none of them is a summary (its amount the running sum) or not read.
    facts: Vec<usize>,
    /// A report footer has begun: single values below it belong to it.
    in_footer: bool,
    /// Single-value rows waiting for what follows: a footer or the end of the file makes
    /// them footer lines, data makes them stray rows.
    pending: Vec<(u64, OwnedRecord)>,
    /// A report grouped by this column (see [`super::grouped`]), the name above the lines
    /// being read, and whether a line was read under it.
    group: Option<(usize, String, bool)>,
    sums: RunningSum,
    problems: Problems,
}

/// [`FileIngest::may_start`] flags.
const HEADER_START: u8 = 1;
const WORD_START: u8 = 2;

/// A field that is empty once trimmed: fast unless it starts with a byte white space may
/// start with (ASCII space or control, or the lead byte of U+0085, U+00A0, U+1680,
/// U+2000–U+205F or U+3000).
fn is_blank(field: &[u8]) -> bool {
    match field.first() {
        None => true,
        Some(&b) if b.is_ascii_graphic() || (b >= 0xC0 && !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)) => false,
        Some(_) => field_text(field).is_empty(),
    }
}

/// What a row below the header is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Judged {
    Data,
    Blank,
    /// One value in a file of three columns or more.
    Single,
    /// A name alone in a grouped report's first column: the lines below are its.
    Group,
    Summary,
    Footer,
}

/// The sum of the amounts read, and its value at the last summary row: a row that names
/// nothing and holds either is a summary row. Amounts of at most two decimals are summed
/// as whole cents (an integer add a row), others as decimals.
#[derive(Default)]
struct RunningSum {
    cents: i128,
    rest: Decimal,
    at_summary: Decimal,
}

impl RunningSum {
    fn add(&mut self, amount: Decimal) {
        let scale = amount.scale();
        if scale <= 2 {
            let cents = amount.mantissa().checked_mul(10i128.pow(2 - scale));
            if let Some(sum) = cents.and_then(|c| self.cents.checked_add(c)) {
                self.cents = sum;
                return;
            }
        }
        // A sum past Decimal's range stops growing (it then matches no row).
        self.rest = self.rest.checked_add(amount).unwrap_or(self.rest);
    }

    fn all(&self) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(self.cents, 2).ok()?.checked_add(self.rest)
    }

    fn is_sum(&self, amount: Decimal) -> bool {
        let Some(all) = self.all() else { return false };
        amount == all || Some(amount) == all.checked_sub(self.at_summary)
    }

    fn summary(&mut self) {
        self.at_summary = self.all().unwrap_or_default();
    }
}

impl FileIngest {
    pub fn new(name: &str, choices: FileOptions) -> Self {
        FileIngest {
            info: FileInfo { name: name.to_string(), ..FileInfo::default() },
            choices,
            decoder: None,
            legacy: false,
            splitter: None,
            expected_fields: Default::default(),
            stage: Stage::Sniffing(Vec::new()),
            headers: Vec::new(),
            header_key: Vec::new(),
            mapping: None,
            row: 0,
            may_start: [0; 256],
            openings: Memo::default(),
            identity: Vec::new(),
            money_col: None,
            facts: Vec::new(),
            header_rows: Vec::new(),
            in_footer: false,
            pending: Vec::new(),
            group: None,
            sums: RunningSum::default(),
            problems: Problems::default(),
        }
    }

    /// Adds a note on how the file was read.
    pub fn note(&mut self, note: FileNote) {
        self.info.note(note);
    }

    /// Data rows read so far.
    pub fn rows(&self) -> u64 {
        self.info.rows
    }

    /// Feeds the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8], sink: &mut dyn RowSink) {
        self.info.bytes += chunk.len() as u64;
        match &mut self.stage {
            // A refused file's rows are still counted once its header is known.
            Stage::Rejected if self.splitter.is_none() || self.info.header_row == 0 => {}
            Stage::Sniffing(head) => {
                head.extend_from_slice(chunk);
                if head.len() >= SNIFF_BYTES {
                    let head = std::mem::take(head);
                    self.start(&head, false, sink);
                }
            }
            _ => self.feed(chunk, false, sink),
        }
    }

    /// Ends the file and returns what was detected and the problems found.
    pub fn finish(mut self, sink: &mut dyn RowSink) -> (FileInfo, Problems) {
        if let Stage::Sniffing(head) = &mut self.stage {
            let head = std::mem::take(head);
            self.start(&head, true, sink);
        } else {
            self.feed(&[], true, sink);
        }
        if let Stage::Header(records) = &mut self.stage {
            let records = std::mem::take(records);
            self.choose_header(records, sink);
        }
        if let Stage::Preview(rows) = &mut self.stage {
            let rows = std::mem::take(rows);
            self.settle(rows, sink);
        }
        // Empty lines after the last record are rows too (a later part's rows count on).
        let trailing = self.splitter.as_mut().map_or(0, RecordSplitter::take_blank);
        if self.mapping.is_some() || matches!(self.stage, Stage::Lookup(_)) {
            self.info.skipped.blank_rows += trailing;
        }
        // Single values after the last data row: a report's closing lines.
        self.info.skipped.footer_rows += self.pending.len() as u64;
        self.pending.clear();
        // A name with no lines below it at the end: the report's closing line.
        if let Some((_, _, false)) = self.group {
            self.info.skipped.group_rows -= 1;
            self.info.skipped.footer_rows += 1;
        }
        if let Stage::Deals(reader) = &self.stage {
            self.info.blanks = reader.blanks();
        }
        let solar = match &self.stage {
            Stage::Deals(reader) => reader.solar_hijri(),
            Stage::Rows(readers) => readers.0.solar_hijri(),
            _ => Default::default(),
        };
        (self.info.solar_hijri_dates, self.info.first_solar_hijri_row) = (solar.n, solar.first_row);
        if let Stage::Rows(readers) = &self.stage {
            let (cancelled, refunded) = readers.1.left_out;
            if cancelled + refunded > 0 {
                self.info.note(FileNote::OrdersLeftOut { cancelled, refunded });
            }
        }
        if let Stage::Lookup(table) = std::mem::replace(&mut self.stage, Stage::Counting) {
            let mut table = *table;
            table.settle();
            let groups: Vec<&str> =
                table.headers.iter().zip(&table.groupable).filter(|(_, g)| **g).map(|(h, _)| h.trim()).collect();
            let columns = groups.iter().map(|g| g.to_string()).collect();
            self.info.note(FileNote::Lookup { key: table.key.clone(), columns });
            if table.left_out > 0 {
                self.info.note(FileNote::LookupCut { max: super::lookup::MAX_ROWS, left_out: table.left_out });
            }
            sink.lookup(table);
        }
        if self.info.error.is_none() && self.info.kind.is_none() {
            self.reject(FileErrorKind::Empty);
        }
        (self.info, self.problems)
    }

    fn reject(&mut self, kind: FileErrorKind) {
        self.info.error =
            Some(FileError { code: kind.group().to_string(), message: kind.text(), reason_code: kind.code() });
        self.stage = Stage::Rejected;
    }

    fn start(&mut self, head: &[u8], at_eof: bool, sink: &mut dyn RowSink) {
        if let Some(kind) = not_csv(head) {
            return self.reject(kind);
        }
        let detected = match self.choices.encoding {
            Some(encoding) => super::decode::Detected { encoding, bom_len: 0, how: "user" },
            None => detect(head, at_eof),
        };
        self.info.encoding = detected.encoding.name().to_string();
        self.info.encoding_source = detected.how.to_string();
        let body = head.get(detected.bom_len..).unwrap_or_default();
        let mut decoder = Decoder::new(detected.encoding);
        self.legacy = !matches!(detected.encoding, UTF_8 | UTF_16LE | UTF_16BE);
        let text = decoder.decode(body, at_eof).to_vec();
        self.decoder = Some(decoder);
        // Binary data has many NUL bytes; a text file with a stray one is read without it.
        let head = &text[..text.len().min(SNIFF_BYTES)];
        if head.iter().filter(|&&b| b == 0).count() * 100 > head.len().max(1) || is_binary(head) {
            return self.reject(FileErrorKind::Binary);
        }
        if text.iter().all(|b| b.is_ascii_whitespace()) {
            if !text.is_empty() || at_eof {
                self.reject(if text.is_empty() { FileErrorKind::Empty } else { FileErrorKind::Blank });
            }
            return;
        }
        let (delimiter, skip) = match (self.choices.delimiter, sep_line(&text)) {
            (Some(d), sep) => (d, sep.map_or(0, |s| s.1)),
            (None, Some(sep)) => sep,
            (None, None) => (delimiter_of(&text), 0),
        };
        self.info.delimiter = (delimiter as char).to_string();
        let splitter = RecordSplitter::new(delimiter);
        self.expected_fields = splitter.expected_fields();
        self.splitter = Some(splitter);
        self.stage = Stage::Header(Vec::new());
        if let Some(headers) = self.choices.headers.clone() {
            // A later part of a file: its header is known, its first byte starts a record.
            self.use_header(headers, 0);
        }
        self.split(&text[skip..], at_eof, sink);
    }

    /// True when the bytes pushed so far end at a record boundary (a head still being
    /// sniffed is read first: the caller has pushed all it will).
    pub fn at_record_start(&mut self, sink: &mut dyn RowSink) -> bool {
        if let Stage::Sniffing(head) = &mut self.stage {
            let head = std::mem::take(head);
            self.start(&head, false, sink);
        }
        self.splitter.as_ref().is_none_or(RecordSplitter::at_record_start)
    }

    /// Takes `headers` (found at record `at`) as the header row, mapped as the user
    /// fixed it or by synonyms.
    fn use_header(&mut self, headers: Vec<String>, at: usize) {
        let kind = self.choices.kind.unwrap_or(&DEALS);
        let fixed: Vec<(String, usize)> = headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| self.choices.columns.get(h.trim()).map(|f| (f.clone(), i)))
            .collect();
        let fixed: Vec<(&str, usize)> = fixed.iter().map(|(f, c)| (f.as_str(), *c)).collect();
        let mapping = Mapping::new(kind, &headers, &fixed);
        self.set_header(headers, at, mapping, &[]);
    }

    fn feed(&mut self, bytes: &[u8], last: bool, sink: &mut dyn RowSink) {
        let Some(mut decoder) = self.decoder.take() else { return };
        if self.legacy && self.info.utf8_from_row.is_none() && reads_as_utf8(bytes) {
            self.info.utf8_from_row = Some(self.row + 1);
        }
        self.split(decoder.decode(bytes, last), last, sink);
        self.decoder = Some(decoder);
    }

    fn split(&mut self, text: &[u8], last: bool, sink: &mut dyn RowSink) {
        // NUL bytes are no text: dropped, counted, and said in the notes.
        let without_nul;
        let text = if let Some(at) = memchr::memchr(0, text) {
            self.info.nul_bytes += text.iter().filter(|&&b| b == 0).count() as u64;
            // its line: the records so far and the line breaks before it in this text
            let line = self.row + memchr::memchr_iter(b'\n', &text[..at]).count() as u64 + 1;
            self.info.first_nul_row.get_or_insert(line);
            without_nul = text.iter().copied().filter(|&b| b != 0).collect::<Vec<u8>>();
            &without_nul[..]
        } else {
            text
        };
        // What a legacy encoding could not read came out as U+FFFD: counted, and said.
        if self.legacy {
            let mut found = memchr::memmem::find_iter(text, "\u{FFFD}".as_bytes());
            if let Some(at) = found.next() {
                self.info.replaced_chars += 1 + found.count() as u64;
                let line = self.row + memchr::memchr_iter(b'\n', &text[..at]).count() as u64 + 1;
                self.info.first_replaced_row.get_or_insert(line);
            }
        }
        let Some(mut splitter) = self.splitter.take() else { return };
        let mut on_record = |rec: Record<'_>| self.record(rec, sink);
        splitter.feed(text, &mut on_record);
        if last {
            splitter.finish(&mut on_record);
        }
        self.splitter = Some(splitter);
    }

    fn record(&mut self, rec: Record<'_>, sink: &mut dyn RowSink) {
        // each empty line before it is a row of the spreadsheet
        let blank = rec.blank_before();
        self.row += 1 + blank;
        match &mut self.stage {
            Stage::Header(records) => {
                self.header_rows.push(self.row);
                // Until the header is known, rows are expected to be as wide as the first
                // row of several fields (for a quote left open in the first rows).
                if rec.len() >= 2 {
                    let _ = self.expected_fields.compare_exchange(
                        0,
                        rec.len(),
                        std::sync::atomic::Ordering::Relaxed,
                        std::sync::atomic::Ordering::Relaxed,
                    );
                }
                records.push(OwnedRecord::from_record(&rec));
                if records.len() >= HEADER_SCAN {
                    let records = std::mem::take(records);
                    self.choose_header(records, sink);
                }
            }
            Stage::Sniffing(_) => {}
            // A refused file still says how many rows it holds.
            Stage::Rejected => {
                if self.info.header_row > 0 && rec.iter().any(|f| !is_blank(f)) {
                    self.info.rows += 1;
                }
            }
            _ => {
                self.info.skipped.blank_rows += blank;
                self.data_record(rec, self.row, sink)
            }
        }
    }

    /// The spreadsheet row of the `i`-th record read before the header was known.
    fn row_of(&self, i: usize) -> u64 {
        self.header_rows.get(i).copied().unwrap_or(i as u64 + 1)
    }

    /// Reads the records after the header (at `at`) among the first ones, counting the
    /// empty lines between them.
    fn read_after_header(&mut self, records: &[OwnedRecord], at: usize, sink: &mut dyn RowSink) {
        for (i, r) in records.iter().enumerate().skip(at + 1) {
            self.info.skipped.blank_rows += self.row_of(i) - self.row_of(i - 1) - 1;
            self.data_record(r.as_record(), self.row_of(i), sink);
        }
    }

    /// A record after the header: skipped, kept for the preview, or read.
    fn data_record(&mut self, rec: Record<'_>, row: u64, sink: &mut dyn RowSink) {
        if let Some(col) = rec.unclosed_quote() {
            let header = self.headers.get(col).cloned().unwrap_or_default();
            let value = rec.get(col).map(field_text).unwrap_or_default();
            self.problems.push(&self.info.name, row, &header, &format!("\"{value}"), ProblemKind::UnclosedQuote);
        }
        // Most rows start with a byte no header, summary or footer word starts with, and
        // have as many fields as the header.
        let first = rec.get(0).and_then(|f| f.first()).map_or(0, |b| b.to_ascii_lowercase());
        let starts = self.may_start[first as usize];
        if (first == 0 || starts & HEADER_START != 0) && self.is_repeated_header(&rec) {
            self.info.skipped.repeated_headers += 1;
            return;
        }
        if first == 0
            || starts & WORD_START != 0
            || rec.len() != self.headers.len()
            || self.in_footer
            || !self.pending.is_empty()
            || self.group.is_some()
        {
            match self.judge(&rec) {
                Judged::Data => {
                    self.in_footer = false;
                    self.release_pending();
                }
                Judged::Blank => return self.info.skipped.blank_rows += 1,
                Judged::Summary => {
                    match &mut self.stage {
                        Stage::Preview(rows) => rows.push((row, None)),
                        _ => self.sums.summary(),
                    }
                    return self.info.skipped.summary_rows += 1;
                }
                Judged::Footer => {
                    self.in_footer = true;
                    self.info.skipped.footer_rows += 1 + self.pending.len() as u64;
                    return self.pending.clear();
                }
                Judged::Group => {
                    if let Some((c, g, used)) = &mut self.group {
                        *g = rec.get(*c).map(field_text).unwrap_or_default().trim().to_string();
                        *used = false;
                    }
                    return self.info.skipped.group_rows += 1;
                }
                Judged::Single if self.in_footer => return self.info.skipped.footer_rows += 1,
                Judged::Single => return self.pending.push((row, OwnedRecord::from_record(&rec))),
            }
        }
        self.data_row(rec, row, sink);
    }

    /// Single-value rows followed by data: stray rows, listed.
    fn release_pending(&mut self) {
        for (row, rec) in std::mem::take(&mut self.pending) {
            let rec = rec.as_record();
            let value = rec.iter().map(field_text).find(|t| !t.is_empty()).unwrap_or_default();
            self.info.skipped.unnamed_rows += 1;
            self.problems.push(&self.info.name, row, "", &value, ProblemKind::SingleValue);
        }
    }

    /// Judges a row that may not be data by its first value and its shape.
    fn judge(&mut self, rec: &Record<'_>) -> Judged {
        let mut filled = rec.iter().enumerate().filter(|(_, f)| !is_blank(f)).map(|(i, _)| i);
        let Some(col) = filled.next() else { return Judged::Blank };
        let single = filled.next().is_none() && self.headers.len() >= 3;
        let said = self.openings.get(&field_text(rec.get(col).unwrap_or_default()), opening);
        let names_nothing_else = || self.identity.iter().all(|&c| c == col || rec.get(c).is_none_or(is_blank));
        let in_group = self.group.as_ref().is_some_and(|(c, ..)| *c == col);
        match said {
            Opening::Footer if single || names_nothing_else() => Judged::Footer,
            Opening::Summary if names_nothing_else() => Judged::Summary,
            Opening::Other if single && in_group => Judged::Group,
            // a grouped report's row with a name and no line's id: a subtotal or the total,
            // in whatever words (`Total for Ann Lee`, `Ann Lee 合计`, `Gesamtsumme`)
            _ if in_group && names_nothing_else() => Judged::Summary,
            // A lone amount may total the rows above it: read it to know.
            _ if single && Some(col) != self.money_col => Judged::Single,
            _ => Judged::Data,
        }
    }

    /// True when every column that names a record is blank in `rec`.
    fn names_nothing(&self, rec: &Record<'_>) -> bool {
        !self.identity.is_empty() && self.identity.iter().all(|&c| rec.get(c).is_none_or(is_blank))
    }

    /// A data row: kept for the preview, or read.
    fn data_row(&mut self, rec: Record<'_>, row: u64, sink: &mut dyn RowSink) {
        self.info.rows += 1;
        // A grouped report's line: its blank first cell is the name above it.
        let filled;
        let rec = match &mut self.group {
            Some((c, name, used)) if !name.is_empty() && rec.get(*c).is_some_and(is_blank) => {
                *used = true;
                filled = OwnedRecord::with_field(&rec, *c, name.as_bytes());
                filled.as_record()
            }
            _ => rec,
        };
        // Checked once here; the readers then take the text as it is.
        let (rec, valid) = rec.checked();
        if !valid {
            // Not valid UTF-8: read with the bad bytes replaced, and said.
            self.info.invalid_text_rows += 1;
            self.info.first_invalid_row.get_or_insert(row);
        }
        if self.info.sample.len() < SAMPLE_ROWS {
            self.info.sample.push(rec.iter().map(|f| field_text(f).into_owned()).collect());
        }
        match &mut self.stage {
            Stage::Preview(rows) => {
                rows.push((row, Some(OwnedRecord::from_record(&rec))));
                if rows.len() >= PREVIEW_ROWS {
                    let rows = std::mem::take(rows);
                    self.settle(rows, sink);
                }
            }
            Stage::Deals(_) | Stage::Rows(_) => self.read_row(&rec, row, sink),
            Stage::Lookup(table) => table.push(rec.iter().map(|f| field_text(f).into_owned()).collect()),
            _ => {}
        }
    }

    /// Reads a data row with the stage's reader. A row that names nothing, or names one
    /// thing and says nothing of it (no stage, status or date: `Summe,,,,2450.50`), is a
    /// summary when its amount is a running sum; else it is not read, and listed. A deal
    /// row with names and nothing said of it is not read either (it would be an open deal
    /// invented), and listed.
    fn read_row(&mut self, rec: &Record<'_>, row: u64, sink: &mut dyn RowSink) {
        let unnamed = self.names_nothing(rec);
        let file = &self.info.name;
        let (amount, named) = match &mut self.stage {
            Stage::Deals(reader) => {
                let deal = reader.read(rec, row, file, &mut self.problems);
                let bare = !unnamed && deal.stage.is_empty() && says_nothing(&self.facts, rec);
                if !unnamed && !bare {
                    if let Some(a) = deal.amount {
                        self.sums.add(a);
                    }
                    return sink.deal(&deal, row);
                }
                (deal.amount, bare)
            }
            Stage::Rows(readers) => {
                let bare = !unnamed && says_nothing(&self.facts, rec) && one_name(&self.identity, rec);
                let ctx = RowContext { file, mapping: self.mapping.as_ref(), headers: &self.headers, bare };
                let (reader, entries) = &mut **readers;
                if !unnamed {
                    if read_typed((reader, entries), rec, row, &ctx, &mut self.problems, &mut self.sums, sink) {
                        self.info.rows -= 1;
                        self.summary_row();
                    }
                    return;
                }
                let money = reader.money_field();
                (money.and_then(|f| reader.read(rec, row, file, &mut self.problems).number(f)), false)
            }
            _ => return,
        };
        self.info.rows -= 1;
        if amount.is_some_and(|a| self.sums.is_sum(a)) && (!named || one_name(&self.identity, rec)) {
            self.summary_row();
        } else {
            self.info.skipped.unnamed_rows += 1;
            let value = self.money_col.and_then(|c| rec.get(c)).map(field_text).unwrap_or_default();
            let (column, value, why) = match named {
                // the name the row gives, and why it is not read
                true => {
                    let c = self.identity.iter().copied().find(|&c| rec.get(c).is_some_and(|f| !is_blank(f)));
                    let header = c.and_then(|c| self.headers.get(c)).cloned().unwrap_or_default();
                    (header, c.and_then(|c| rec.get(c)).map(field_text).unwrap_or_default(), ProblemKind::NothingSaid)
                }
                false => (String::new(), value, ProblemKind::Unnamed),
            };
            self.problems.push(&self.info.name, row, &column, &value, why);
        }
    }

    /// A summary row read: the running sum's subtotal starts again from here.
    fn summary_row(&mut self) {
        self.sums.summary();
        self.info.skipped.summary_rows += 1;
    }

    fn is_repeated_header(&self, rec: &Record<'_>) -> bool {
        // Cheap test first: the first cell must read like the first header.
        let first_matches = match (rec.get(0), self.headers.first()) {
            (Some(cell), Some(h)) => field_text(cell).eq_ignore_ascii_case(h.trim()) || !h.is_ascii(),
            _ => false,
        };
        first_matches
            && rec.len() == self.header_key.len()
            && rec.iter().zip(&self.header_key).all(|(f, h)| normalize_label(&field_text(f)) == *h)
    }

    /// Picks the header among the first records: the first one recognised as a table
    /// (or mapped as the user asked); rows above it are title lines.
    fn choose_header(&mut self, records: Vec<OwnedRecord>, sink: &mut dyn RowSink) {
        let texts: Vec<Vec<String>> =
            records.iter().map(|r| r.as_record().iter().map(|f| field_text(f).into_owned()).collect()).collect();
        let user_kind = self.choices.kind;
        let fixed_for = |headers: &[String]| -> Vec<(String, usize)> {
            headers
                .iter()
                .enumerate()
                .filter_map(|(i, h)| self.choices.columns.get(h.trim()).map(|f| (f.clone(), i)))
                .collect()
        };
        let mut found = None;
        // Two kinds fit the header about equally: the user is asked.
        let mut uncertain = None;
        // What the values below the header found look like (the header at `profiled`).
        let mut profiles = Vec::new();
        let mut profiled = 0;
        let mut group = None;
        for (i, real) in texts.iter().enumerate() {
            let fixed = fixed_for(real);
            let fixed: Vec<(&str, usize)> = fixed.iter().map(|(f, c)| (f.as_str(), *c)).collect();
            profiles = Profile::all(real.len(), &texts[i + 1..]);
            profiled = i;
            group = grouped_column(real, &texts[i + 1..]);
            let headers = &as_recognised(real, group);
            let attempt = match user_kind {
                Some(kind) if !fixed.is_empty() || i == 0 => Some(Mapping::new(kind, headers, &fixed)),
                Some(_) => None,
                None => match recognise(headers, &profiles) {
                    Ok(Recognised::Kind(m)) => Some(m),
                    Ok(Recognised::Uncertain(m, other)) => {
                        uncertain = Some(FileErrorKind::Uncertain { kind: m.kind.name, other: other.name });
                        Some(m)
                    }
                    Err(_) => None,
                },
            };
            if let Some(m) = attempt.filter(|m| m.mapped() > 0) {
                found = Some((i, m));
                break;
            }
            uncertain = None;
        }
        let filled = |t: &Vec<String>| t.iter().filter(|h| !h.is_empty()).count();
        let best = texts.iter().enumerate().max_by_key(|(i, t)| (filled(t), usize::MAX - i)).map(|(i, _)| i);
        // No header word named the table: let the values of the likeliest header's
        // columns say whether it is a deals table.
        if let (None, None, Some(i)) = (&found, user_kind, best) {
            let mut m = Mapping::new(&DEALS, &texts[i], &[]);
            let guessed = fill_deal_fields(&mut m, &texts[i], &texts[i + 1..]);
            if m.satisfies_signature() {
                self.note_guesses(&guessed);
                found = Some((i, m));
            }
        } else if let (Some((i, m)), None) = (&mut found, user_kind) {
            if m.kind.kind == Kind::Deals {
                let guessed = fill_deal_fields(m, &texts[*i], &texts[*i + 1..]);
                self.note_guesses(&guessed);
            }
        }
        if let Some((i, m)) = &mut found {
            if profiled != *i {
                // the loop above went past the header taken
                profiles = Profile::all(texts[*i].len(), &texts[*i + 1..]);
            }
            let fixed: Vec<usize> = texts[*i]
                .iter()
                .enumerate()
                .filter(|(_, h)| self.choices.columns.contains_key(h.trim()))
                .map(|(c, _)| c)
                .collect();
            let decided = decide_by_values(m, &texts[*i], &texts[*i + 1..], &profiles, &fixed);
            if !decided.is_empty() {
                self.info.note(FileNote::Decided(decided));
            }
            if let Some(d) = doubtful_amount(m, &texts[*i], &texts[*i + 1..], &fixed) {
                let header = crate::text::clip(&d.header, crate::text::MAX_HEADER).into_owned();
                self.info.note(FileNote::AmountUnsure { header, words: d.words, zeros: d.zeros, values: d.values });
            }
        }
        let lookup = match (&found, user_kind, best) {
            (None, None, Some(i)) if !holds_events(texts[i].len(), &texts[i + 1..]) => {
                lookup_key(&texts[i], &texts[i + 1..]).map(|key| (i, key))
            }
            _ => None,
        };
        if let Some((at, key)) = lookup {
            self.set_lookup(texts[at].clone(), at, key, &Profile::all(1, &texts[at + 1..]));
            return self.read_after_header(&records, at, sink);
        }
        let Some((at, mapping)) = found else {
            // Show the likeliest header so the user can map its columns by hand.
            if let Some(i) = best {
                self.info.header_row = self.row_of(i);
                self.info.columns =
                    texts[i].iter().map(|h| ColumnInfo { header: h.clone(), field: None, why: None }).collect();
            }
            let (headers, rows) = best.map_or((&[][..], &[][..]), |i| (&texts[i][..], &texts[i + 1..]));
            let forced = user_kind.filter(|_| !headers.is_empty());
            self.reject(unrecognised(headers, &Profile::all(headers.len(), rows), forced));
            self.info.rows = rows.iter().filter(|r| r.iter().any(|c| !c.is_empty())).count() as u64;
            return;
        };
        if let Some(c) = group.filter(|c| mapping.field_of(*c).is_some()) {
            self.group = Some((c, String::new(), true));
            self.info.in_order = true;
        }
        self.set_header(texts[at].clone(), at, mapping, &profiles);
        if let Some(why) = uncertain {
            self.reject(why);
        }
        self.read_after_header(&records, at, sink);
    }

    /// What every header row sets: where it is, and what a row to skip may start with.
    fn header_basics(&mut self, headers: Vec<String>, at: usize) {
        if let Some(b) = headers.first().and_then(|h| h.trim().as_bytes().first().copied()) {
            self.may_start[b.to_ascii_lowercase() as usize] |= HEADER_START;
        }
        for b in first_bytes() {
            self.may_start[b.to_ascii_lowercase() as usize] |= WORD_START;
        }
        // Cells may hold spaces or a quote before the word.
        for b in [b' ', b'\t', b'"', 0xC2, 0xE2, 0xE3] {
            self.may_start[b as usize] |= HEADER_START | WORD_START;
        }
        // title lines and empty lines above it
        self.info.header_row = self.row_of(at);
        self.info.skipped.above_header = self.info.header_row - 1;
        self.headers = headers;
        self.header_key = self.headers.iter().map(|h| normalize_label(h)).collect();
        self.expected_fields.store(self.headers.len(), std::sync::atomic::Ordering::Relaxed);
    }

    /// Takes `headers` as the header of a lookup table keyed by its first column.
    fn set_lookup(&mut self, headers: Vec<String>, at: usize, key: &'static str, profiles: &[Profile]) {
        self.header_basics(headers, at);
        self.info.kind = Some("lookup".to_string());
        self.info.columns = self
            .headers
            .iter()
            .enumerate()
            .map(|(i, h)| ColumnInfo {
                header: h.clone(),
                field: (i == 0).then(|| key.to_string()),
                why: (i == 0).then(|| why_taken(&DEALS, h, key, profiles.first(), None)),
            })
            .collect();
        self.identity = vec![0];
        self.stage = Stage::Lookup(Box::new(LookupTable::new(&self.info.name, key, &self.headers)));
    }

    /// Takes `headers` as the header row, mapped by `mapping`; `profiles` are what the
    /// values below each header look like (empty when not known).
    fn set_header(&mut self, headers: Vec<String>, at: usize, mut mapping: Mapping, profiles: &[Profile]) {
        self.header_basics(headers, at);
        // A file of MQLs (its id column says so, e.g. Olist's `mql_id`): every row is an
        // MQL at its created date.
        if mapping.kind.kind == Kind::Leads && !mapping.has("mql_date") {
            let id_header = mapping.column("lead_id").and_then(|c| self.headers.get(c)).map(|h| normalize_label(h));
            if let (Some("mql id" | "mql"), Some(created)) = (id_header.as_deref(), mapping.column("created_date")) {
                mapping.alias("mql_date", created);
                self.info.note(FileNote::MqlFile);
            }
        }
        self.info.kind = Some(mapping.kind.name.to_string());
        self.info.columns = self
            .headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let field = mapping.field_of(i);
                let given = if self.choices.columns.contains_key(h.trim()) {
                    Some(TakenBy::User)
                } else {
                    self.group.as_ref().filter(|g| g.0 == i).map(|_| TakenBy::Group)
                };
                let why = field.map(|f| why_taken(mapping.kind, h, f, profiles.get(i), given));
                ColumnInfo { header: h.clone(), field: field.map(String::from), why }
            })
            .collect();
        self.info.missing = mapping.missing().into_iter().map(String::from).collect();
        self.identity = identity_columns(&mapping);
        self.facts = fact_columns(&mapping);
        self.money_col =
            mapping.kind.fields.iter().find(|f| f.value == ValueType::Money).and_then(|f| mapping.column(f.name));
        if COMPUTED_KINDS.contains(&mapping.kind.kind) {
            self.stage = Stage::Preview(Vec::new());
        } else {
            self.info.note(FileNote::NotComputed(mapping.kind.name));
            self.stage = Stage::Counting;
        }
        let no_status = !STATUS_FIELDS.iter().any(|f| mapping.has(f));
        self.mapping = Some(mapping);
        if self.info.kind.as_deref() == Some(DEALS.name) && no_status {
            // Read without one, every deal would be open: the pipeline would hold them all.
            self.reject(FileErrorKind::NeedsStatus);
        }
    }

    fn note_guesses(&mut self, guessed: &[(&'static str, String)]) {
        if !guessed.is_empty() {
            let list: Vec<String> = guessed
                .iter()
                .map(|(f, h)| format!("{} → {f}", crate::text::clip(h, crate::text::MAX_HEADER)))
                .collect();
            self.info.note(FileNote::Guessed(list));
        }
    }

    /// Decides value formats from the preview rows, then reads them as rows.
    fn settle(&mut self, rows: Vec<(u64, Option<OwnedRecord>)>, sink: &mut dyn RowSink) {
        let Some(mapping) = self.mapping.clone() else { return };
        let records = || rows.iter().filter_map(|(_, r)| r.as_ref());
        let cells = |col: usize| records().map(move |r| field_text(r.as_record().get(col).unwrap_or(b"")));
        // One export writes all its dates alike: the date columns vote together.
        let mut votes = OrderVotes::default();
        let mut money: Vec<(usize, &'static str)> = Vec::new();
        let mut dates: Vec<&'static str> = Vec::new();
        for (i, spec) in mapping.kind.fields.iter().enumerate() {
            let Some(col) = mapping.column_at(i) else { continue };
            match spec.value {
                ValueType::Date | ValueType::DateTime => {
                    cells(col).for_each(|c| votes.observe(&c));
                    dates.push(spec.name);
                }
                ValueType::Money | ValueType::Number => money.push((col, spec.name)),
                _ => {}
            }
        }
        let order = self.choices.date_order.unwrap_or_else(|| votes.decide());
        for name in dates {
            let order_name = if order == DateOrder::DayFirst { "day_first" } else { "month_first" };
            self.info.date_order.insert(name.to_string(), order_name.to_string());
        }
        let mut separators = BTreeMap::new();
        for (col, name) in money {
            let sep = self.choices.decimal_separator.unwrap_or_else(|| {
                let mut v = SeparatorVotes::default();
                cells(col).for_each(|c| v.observe(&c));
                v.decide()
            });
            separators.insert(name, sep);
            self.info.decimal_separator.insert(name.to_string(), sep.name().to_string());
        }
        let amount_sep = separators.get("amount").copied().unwrap_or(DecimalSeparator::Point);
        if mapping.kind.kind != Kind::Deals {
            let first = separators.values().next().copied().unwrap_or(DecimalSeparator::Point);
            let (entries, unused) = if mapping.kind.kind == Kind::Orders {
                let layout = order_layout(&mapping, &self.headers, records().map(OwnedRecord::as_record));
                if let (true, Some(col)) = (layout.total_on_each_line, mapping.column("amount")) {
                    // an order's total counts on its first line: its lines are read together
                    self.info.in_order = true;
                    let header = self.headers.get(col).map_or("", |h| h.trim()).to_string();
                    self.info.note(FileNote::OrderTotals { header });
                }
                use super::schema::at::orders as f;
                // the line's fields only make an amount where the file gives none
                let unused = if layout.amount_column { vec![f::QUANTITY, f::UNIT_PRICE, f::DISCOUNT] } else { vec![] };
                (EntryReader::orders(layout), unused)
            } else {
                (EntryReader::new(mapping.kind.kind), vec![])
            };
            let cells = TypedReader::new(&mapping, self.headers.clone(), order, first, &unused);
            self.stage = Stage::Rows(Box::new((cells, entries)));
        } else {
            self.stage = Stage::Deals(Box::new(DealReader::new(mapping, self.headers.clone(), order, amount_sep)));
        }
        for (row, rec) in &rows {
            match rec {
                Some(rec) => self.read_row(&rec.as_record(), *row, sink),
                None => self.sums.summary(),
            }
        }
    }
}

/// How an orders file writes its amounts, from its first rows: an amount column whose value
/// is the same on every line of each order that has several lines (and differs between
/// some orders) holds the orders' totals, not the lines' amounts.
fn order_layout<'r>(mapping: &Mapping, headers: &[String], records: impl Iterator<Item = Record<'r>>) -> OrderLayout {
    let status_flag = mapping.column("status").and_then(|c| headers.get(c)).and_then(|h| status_flag(h));
    let (Some(id), Some(amount)) = (mapping.column("order_id"), mapping.column("amount")) else {
        return OrderLayout { amount_column: mapping.has("amount"), total_on_each_line: false, status_flag };
    };
    let (mut same, mut differ) = (0u32, 0u32);
    let mut run: Option<(String, Vec<String>)> = None;
    let mut close = |run: Option<(String, Vec<String>)>| {
        if let Some((_, amounts)) = run.filter(|(_, a)| a.len() >= 2) {
            let filled: Vec<&String> = amounts.iter().filter(|a| !a.is_empty()).collect();
            if filled.len() == amounts.len() && filled.windows(2).all(|w| w[0] == w[1]) {
                same += 1;
            } else if filled.len() >= 2 {
                differ += 1;
            }
        }
    };
    for rec in records {
        let cell = |c: usize| rec.get(c).map(|f| field_text(f).into_owned()).unwrap_or_default();
        let (order, value) = (cell(id), cell(amount));
        match &mut run {
            Some((o, amounts)) if *o == order && !order.is_empty() => amounts.push(value),
            _ => {
                close(run.take());
                run = Some((order, vec![value]));
            }
        }
    }
    close(run);
    OrderLayout { amount_column: true, total_on_each_line: same >= 2 && differ == 0, status_flag }
}

/// True when `rec` says nothing of a record: there are columns that would (`facts`: its
/// stage, status and dates), and all are blank.
fn says_nothing(facts: &[usize], rec: &Record<'_>) -> bool {
    !facts.is_empty() && facts.iter().all(|&c| rec.get(c).is_none_or(is_blank))
}

/// True when at most one of the columns that name a record is filled in `rec` (`Summe` in
/// the id column, `Итого` in the owner's): a summary's word, where we do not know it.
fn one_name(identity: &[usize], rec: &Record<'_>) -> bool {
    identity.iter().filter(|&&c| rec.get(c).is_some_and(|f| !is_blank(f))).count() <= 1
}

/// The columns that say something of a record: a deal's stage and status columns, and
/// every date.
fn fact_columns(mapping: &Mapping) -> Vec<usize> {
    let kind = mapping.kind;
    let facts = kind.fields.iter().filter(|f| {
        matches!(f.value, ValueType::Date | ValueType::DateTime)
            || (kind.kind == Kind::Deals && STATUS_FIELDS.contains(&f.name))
    });
    facts.filter_map(|f| mapping.column(f.name)).collect()
}

/// Columns that name a record: a deal's id, owner, account, stage and status; another
/// kind's required text fields.
fn identity_columns(mapping: &Mapping) -> Vec<usize> {
    let kind = mapping.kind;
    let names = kind.fields.iter().filter(|f| {
        if kind.kind == Kind::Deals {
            matches!(f.name, "deal_id" | "owner" | "account" | "stage" | "status")
        } else {
            f.required && f.value == ValueType::Text
        }
    });
    names.filter_map(|f| mapping.column(f.name)).collect()
}

/// Where a typed row comes from, for reporting its bad values.
struct RowContext<'a> {
    file: &'a str,
    mapping: Option<&'a Mapping>,
    headers: &'a [String],
    /// The row names one thing and has no date: a summary if its amount is the running sum.
    bare: bool,
}

/// Reads a record of a non-deal kind and hands it to the sink; a value the metrics cannot
/// use is listed with its column's header and the cell as written. A bare row (one
/// name, no date: `ctx.bare`) whose amount is the running sum is a summary: true, and not read.
fn read_typed(
    (reader, entries): (&mut TypedReader, &mut EntryReader),
    rec: &Record<'_>,
    row: u64,
    ctx: &RowContext<'_>,
    problems: &mut Problems,
    sums: &mut RunningSum,
    sink: &mut dyn RowSink,
) -> bool {
    let money = reader.money_field();
    let r = reader.read(rec, row, ctx.file, problems);
    let amount = money.and_then(|f| r.number(f));
    if ctx.bare && amount.is_some_and(|a| sums.is_sum(a)) {
        // a summary row in words we do not know: one name, no date, the running sum
        return true;
    }
    let Some(entry) = entries.read(&r) else { return false };
    if let Some(a) = amount {
        sums.add(a);
    }
    let mut bad = |field: &str, reason: ProblemKind| {
        let column = ctx.mapping.and_then(|m| m.column(field));
        let header = column.and_then(|c| ctx.headers.get(c)).map_or("", String::as_str);
        let value = ctx.mapping.and_then(|m| m.kind.field(field)).map_or("", |i| r.text(i));
        problems.push(ctx.file, row, header, value, reason);
    };
    sink.row(&entry, &r, row, &mut bad);
    false
}

/// Binary data (random bytes, an image, a zip renamed `.csv`): control characters, which
/// text holds none of but tab, line breaks and a stray one or two, are over 1% of it.
fn is_binary(text: &[u8]) -> bool {
    let control = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f;
    let n = text.iter().filter(|&&b| control(b)).count();
    n >= 8 && n * 100 > text.len()
}

/// Whether a chunk of a file read in a legacy encoding is UTF-8 text instead: it holds
/// several multi-byte characters and nothing that is not UTF-8 (a character cut at
/// either end of the chunk aside). Text in Windows-1252, GBK or Big5 with letters
/// beyond ASCII is almost never valid UTF-8.
fn reads_as_utf8(bytes: &[u8]) -> bool {
    // continuation bytes of a character cut by the chunk's start
    let start = bytes.iter().take(3).take_while(|&&b| b & 0xC0 == 0x80).count();
    let bytes = &bytes[start..];
    // A legacy file's chunk fails this at its first letter beyond ASCII, so it is checked
    // before the letters are counted.
    let valid = match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // a character cut by the chunk's end
        Err(e) => e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4,
    };
    valid && bytes.iter().filter(|&&b| b >= 0xC2).nth(1).is_some()
}
