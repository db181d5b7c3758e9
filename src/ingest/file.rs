//! One file's way through ingest: sniff the head (format, encoding, delimiter), find the
//! header row, look at the first rows to settle value formats, then stream typed rows
//! into a [`RowSink`]. Title lines, repeated headers and summary rows are skipped.

use super::columns::{recognise, Mapping};
use super::csv_stream::{OwnedRecord, Record, RecordSplitter};
use super::dates::{DateOrder, OrderVotes};
use super::deal_row::DealReader;
use super::decode::{detect, Decoder};
use super::hints::fill_deal_fields;
use super::money::{DecimalSeparator, SeparatorVotes};
use super::schema::{ValueType, DEALS};
use super::sniff::{delimiter_of, not_csv, sep_line, SNIFF_BYTES};
use super::text::{field_text, normalize_label};
use super::typed_row::{Row, TypedReader};
use crate::model::Deal;
use crate::options::FileOptions;
use crate::problems::Problems;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Rows looked at before value formats (day/month order, decimal separator) are settled.
const PREVIEW_ROWS: usize = 1000;
/// Records searched for the header row (title lines may stand above it).
const HEADER_SCAN: usize = 20;
/// Data rows shown in the report's preview of a file.
const SAMPLE_ROWS: usize = 5;
/// First cells that mark a summary row ("Total", "合计", "جمع"…), in normal form.
const SUMMARY_WORDS: &[&str] = &[
    "total",
    "totals",
    "grand total",
    "grand totals",
    "sum",
    "subtotal",
    "sub total",
    "合计",
    "总计",
    "小计",
    "總計",
    "合計",
    "总和",
    "جمع",
    "جمع کل",
    "مجموع",
    "کل",
];

/// Where typed rows go. The engine implements it; ingest knows no metric.
pub trait RowSink {
    fn deal(&mut self, deal: &Deal<'_>);
    /// A row of another kind of table (`leads`, `activities`…). `bad(field, reason)`
    /// reports a value the metrics cannot use (listed with the row's file and number).
    fn row(&mut self, kind: &'static str, row: &Row<'_>, bad: &mut dyn FnMut(&str, String));
}

/// Kinds whose rows feed metrics (others are recognised and counted).
const COMPUTED_KINDS: [&str; 12] = [
    "deals",
    "leads",
    "activities",
    "quotas",
    "surveys",
    "traffic",
    "tickets",
    "customers",
    "orders",
    "subscriptions",
    "spend",
    "stage_history",
];

/// A file-level failure shown to the user instead of a dashboard for that file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileError {
    /// `not_csv`, `empty` or `unrecognised_columns`.
    pub code: String,
    pub message: String,
}

/// One header column and the canonical field it was mapped to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnInfo {
    pub header: String,
    pub field: Option<String>,
}

/// Rows that were not data, by reason.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// Title and blank-ish lines above the header row.
    pub above_header: u64,
    /// Copies of the header inside the file (concatenated exports).
    pub repeated_headers: u64,
    /// "Total" rows.
    pub summary_rows: u64,
}

/// What was detected about a file: the schema part of the report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FileInfo {
    pub name: String,
    /// Table kind (`deals`, `leads`…), or `None` when the file was not recognised.
    pub kind: Option<String>,
    pub bytes: u64,
    /// Data rows (records after the header, not counting skipped rows).
    pub rows: u64,
    /// Encoding name (`UTF-8`, `UTF-16LE`, `gb18030`, `Big5`, `windows-1252`…).
    pub encoding: String,
    /// How the encoding was decided: `bom`, `utf16-pattern`, `valid-utf8`, `text-statistics`, `user`.
    pub encoding_source: String,
    pub delimiter: String,
    /// Spreadsheet row of the header (1 unless title lines stand above it).
    pub header_row: u64,
    pub columns: Vec<ColumnInfo>,
    /// Required fields with no column.
    pub missing: Vec<String>,
    /// Blank cells per required field.
    pub blanks: BTreeMap<String, u64>,
    /// Day/month order used for `a/b/yyyy` dates, per date field.
    pub date_order: BTreeMap<String, String>,
    /// Decimal separator used, per money field.
    pub decimal_separator: BTreeMap<String, String>,
    pub skipped: Skipped,
    /// The first data rows as written, for the mapping preview.
    pub sample: Vec<Vec<String>>,
    pub notes: Vec<String>,
    pub error: Option<FileError>,
}

enum Stage {
    /// Collecting the head of the file.
    Sniffing(Vec<u8>),
    /// Looking for the header among the first records.
    Header(Vec<OwnedRecord>),
    /// Keeping the first rows until value formats are settled.
    Preview(Vec<(u64, OwnedRecord)>),
    /// Streaming deal rows.
    Deals(Box<DealReader>),
    /// Streaming rows of another kind.
    Rows(Box<TypedReader>),
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
    splitter: Option<RecordSplitter>,
    stage: Stage,
    headers: Vec<String>,
    header_key: Vec<String>,
    mapping: Option<Mapping>,
    /// Spreadsheet row number of the last record (first record = 1).
    row: u64,
    /// First bytes (lower case) a repeated header or a summary row may start with.
    may_start_skipped: [bool; 256],
    problems: Problems,
}

impl FileIngest {
    pub fn new(name: &str, choices: FileOptions) -> Self {
        FileIngest {
            info: FileInfo { name: name.to_string(), ..FileInfo::default() },
            choices,
            decoder: None,
            splitter: None,
            stage: Stage::Sniffing(Vec::new()),
            headers: Vec::new(),
            header_key: Vec::new(),
            mapping: None,
            row: 0,
            may_start_skipped: [false; 256],
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
        if let Stage::Deals(reader) = &self.stage {
            self.info.blanks = reader.blanks();
        }
        if self.info.error.is_none() && self.info.kind.is_none() {
            self.reject("empty", "The file is empty: it has no header row and no data.".into());
        }
        (self.info, self.problems)
    }

    fn reject(&mut self, code: &'static str, message: String) {
        self.info.error = Some(FileError { code: code.to_string(), message });
        self.stage = Stage::Rejected;
    }

    fn start(&mut self, head: &[u8], at_eof: bool, sink: &mut dyn RowSink) {
        if let Some(message) = not_csv(head) {
            return self.reject("not_csv", message.into());
        }
        let detected = match self.choices.encoding {
            Some(encoding) => super::decode::Detected { encoding, bom_len: 0, how: "user" },
            None => detect(head, at_eof),
        };
        self.info.encoding = detected.encoding.name().to_string();
        self.info.encoding_source = detected.how.to_string();
        let body = head.get(detected.bom_len..).unwrap_or_default();
        let mut decoder = Decoder::new(detected.encoding);
        let text = decoder.decode(body, at_eof).to_vec();
        self.decoder = Some(decoder);
        if text.iter().take(SNIFF_BYTES).any(|&b| b == 0) {
            return self.reject("not_csv", "This file holds binary data, not CSV text.".into());
        }
        if text.iter().all(|b| b.is_ascii_whitespace()) {
            if !text.is_empty() || at_eof {
                let what =
                    if text.is_empty() { "it has no header row and no data" } else { "it holds only blank lines" };
                self.reject("empty", format!("The file is empty: {what}."));
            }
            return;
        }
        let (delimiter, skip) = match (self.choices.delimiter, sep_line(&text)) {
            (Some(d), sep) => (d, sep.map_or(0, |s| s.1)),
            (None, Some(sep)) => sep,
            (None, None) => (delimiter_of(&text), 0),
        };
        self.info.delimiter = (delimiter as char).to_string();
        self.splitter = Some(RecordSplitter::new(delimiter));
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
        self.set_header(headers, at, mapping);
    }

    fn feed(&mut self, bytes: &[u8], last: bool, sink: &mut dyn RowSink) {
        let Some(mut decoder) = self.decoder.take() else { return };
        self.split(decoder.decode(bytes, last), last, sink);
        self.decoder = Some(decoder);
    }

    fn split(&mut self, text: &[u8], last: bool, sink: &mut dyn RowSink) {
        let Some(mut splitter) = self.splitter.take() else { return };
        let mut on_record = |rec: Record<'_>| self.record(rec, sink);
        splitter.feed(text, &mut on_record);
        if last {
            splitter.finish(&mut on_record);
        }
        self.splitter = Some(splitter);
    }

    fn record(&mut self, rec: Record<'_>, sink: &mut dyn RowSink) {
        self.row += 1;
        match &mut self.stage {
            Stage::Header(records) => {
                records.push(OwnedRecord::from_record(&rec));
                if records.len() >= HEADER_SCAN {
                    let records = std::mem::take(records);
                    self.choose_header(records, sink);
                }
            }
            Stage::Sniffing(_) | Stage::Rejected => {}
            _ => self.data_record(rec, self.row, sink),
        }
    }

    /// A record after the header: skipped, kept for the preview, or read.
    fn data_record(&mut self, rec: Record<'_>, row: u64, sink: &mut dyn RowSink) {
        // Most rows start with a byte no header or summary word starts with.
        let first = rec.get(0).and_then(|f| f.first()).map_or(0, |b| b.to_ascii_lowercase());
        if first == 0 || self.may_start_skipped[first as usize] {
            if self.is_repeated_header(&rec) {
                self.info.skipped.repeated_headers += 1;
                return;
            }
            if is_summary(&rec) {
                self.info.skipped.summary_rows += 1;
                return;
            }
        }
        self.info.rows += 1;
        if self.info.sample.len() < SAMPLE_ROWS {
            self.info.sample.push(rec.iter().map(|f| field_text(f).into_owned()).collect());
        }
        match &mut self.stage {
            Stage::Preview(rows) => {
                rows.push((row, OwnedRecord::from_record(&rec)));
                if rows.len() >= PREVIEW_ROWS {
                    let rows = std::mem::take(rows);
                    self.settle(rows, sink);
                }
            }
            Stage::Deals(reader) => sink.deal(&reader.read(&rec, row, &self.info.name, &mut self.problems)),
            Stage::Rows(reader) => {
                let ctx = RowContext { file: &self.info.name, mapping: self.mapping.as_ref(), headers: &self.headers };
                read_typed(reader, &rec, row, &ctx, &mut self.problems, sink);
            }
            _ => {}
        }
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
        for (i, headers) in texts.iter().enumerate() {
            let fixed = fixed_for(headers);
            let fixed: Vec<(&str, usize)> = fixed.iter().map(|(f, c)| (f.as_str(), *c)).collect();
            let attempt = match user_kind {
                Some(kind) if !fixed.is_empty() || i == 0 => Some(Mapping::new(kind, headers, &fixed)),
                Some(_) => None,
                None => recognise(headers).ok(),
            };
            if let Some(m) = attempt.filter(|m| m.mapped() > 0) {
                found = Some((i, m));
                break;
            }
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
            if m.kind.name == DEALS.name {
                let guessed = fill_deal_fields(m, &texts[*i], &texts[*i + 1..]);
                self.note_guesses(&guessed);
            }
        }
        let Some((at, mapping)) = found else {
            // Show the likeliest header so the user can map its columns by hand.
            if let Some(i) = best {
                self.info.header_row = i as u64 + 1;
                self.info.columns = texts[i].iter().map(|h| ColumnInfo { header: h.clone(), field: None }).collect();
            }
            let message = recognise(best.map_or(&[][..], |i| &texts[i])).err().unwrap_or_default();
            return self.reject("unrecognised_columns", message);
        };
        self.set_header(texts[at].clone(), at, mapping);
        for (i, r) in records.iter().enumerate().skip(at + 1) {
            self.data_record(r.as_record(), i as u64 + 1, sink);
        }
    }

    fn set_header(&mut self, headers: Vec<String>, at: usize, mapping: Mapping) {
        let starts = SUMMARY_WORDS.iter().copied().chain(headers.first().map(String::as_str));
        for word in starts {
            if let Some(&b) = word.trim().as_bytes().first() {
                self.may_start_skipped[b.to_ascii_lowercase() as usize] = true;
            }
        }
        // Cells may hold spaces or a quote before the word.
        for b in [b' ', b'\t', b'"', 0xC2, 0xE2, 0xE3] {
            self.may_start_skipped[b as usize] = true;
        }
        self.info.header_row = at as u64 + 1;
        self.info.skipped.above_header = at as u64;
        self.headers = headers;
        self.header_key = self.headers.iter().map(|h| normalize_label(h)).collect();
        self.info.kind = Some(mapping.kind.name.to_string());
        self.info.columns = self
            .headers
            .iter()
            .enumerate()
            .map(|(i, h)| ColumnInfo { header: h.clone(), field: mapping.field_of(i).map(String::from) })
            .collect();
        self.info.missing = mapping.missing().into_iter().map(String::from).collect();
        if COMPUTED_KINDS.contains(&mapping.kind.name) {
            self.stage = Stage::Preview(Vec::new());
        } else {
            self.info.notes.push(format!(
                "Recognised as a {} table; metrics from this kind of table are not computed yet.",
                mapping.kind.name
            ));
            self.stage = Stage::Counting;
        }
        self.mapping = Some(mapping);
    }

    fn note_guesses(&mut self, guessed: &[(&'static str, String)]) {
        if !guessed.is_empty() {
            let list: Vec<String> = guessed.iter().map(|(f, h)| format!("{h} → {f}")).collect();
            self.info.notes.push(format!("Columns guessed from their values: {}.", list.join(", ")));
        }
    }

    /// Decides value formats from the preview rows, then reads them as rows.
    fn settle(&mut self, rows: Vec<(u64, OwnedRecord)>, sink: &mut dyn RowSink) {
        let Some(mapping) = self.mapping.clone() else { return };
        let cells = |col: usize| rows.iter().map(move |(_, r)| field_text(r.as_record().get(col).unwrap_or(b"")));
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
        if mapping.kind.name != DEALS.name {
            let first = separators.values().next().copied().unwrap_or(DecimalSeparator::Point);
            let mut reader = Box::new(TypedReader::new(mapping, self.headers.clone(), order, first));
            let ctx = RowContext { file: &self.info.name, mapping: self.mapping.as_ref(), headers: &self.headers };
            for (row, rec) in &rows {
                read_typed(&mut reader, &rec.as_record(), *row, &ctx, &mut self.problems, sink);
            }
            self.stage = Stage::Rows(reader);
            return;
        }
        let mut reader = Box::new(DealReader::new(mapping, self.headers.clone(), order, amount_sep));
        for (row, r) in &rows {
            sink.deal(&reader.read(&r.as_record(), *row, &self.info.name, &mut self.problems));
        }
        self.stage = Stage::Deals(reader);
    }
}

/// Where a typed row comes from, for reporting its bad values.
struct RowContext<'a> {
    file: &'a str,
    mapping: Option<&'a Mapping>,
    headers: &'a [String],
}

/// Reads a record of a non-deal kind and hands it to the sink; a value the metrics cannot
/// use is listed with its column's header and the cell as written.
fn read_typed(
    reader: &mut TypedReader,
    rec: &Record<'_>,
    row: u64,
    ctx: &RowContext<'_>,
    problems: &mut Problems,
    sink: &mut dyn RowSink,
) {
    let kind = reader.kind();
    let r = reader.read(rec, row, ctx.file, problems);
    let mut bad = |field: &str, reason: String| {
        let column = ctx.mapping.and_then(|m| m.column(field));
        let header = column.and_then(|c| ctx.headers.get(c)).map_or("", String::as_str);
        let value = ctx.mapping.and_then(|m| m.kind.field(field)).map_or("", |i| r.text(i));
        problems.push(ctx.file, row, header, value, reason);
    };
    sink.row(kind, &r, &mut bad);
}

/// A "Total" row: its first non-empty cell is a summary word.
fn is_summary(rec: &Record<'_>) -> bool {
    let Some(first) = rec.iter().map(field_text).find(|t| !t.is_empty()) else { return false };
    // Cheap test first: the cell must start as some summary word does.
    let start = first.chars().next().map(|c| c.to_ascii_lowercase());
    let may_be = SUMMARY_WORDS.iter().any(|w| w.chars().next() == start);
    may_be && first.chars().count() <= 16 && SUMMARY_WORDS.contains(&normalize_label(&first).as_str())
}
