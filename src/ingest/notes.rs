//! What the page says of a file: why it was not read ([`FileErrorKind`]) and how it was
//! read ([`FileNote`]), each a code with its values (worded by the page as
//! `file_error.<code>` / `file_note.<code>`) and an English sentence.

use super::file_options::ChoiceError;
use crate::problems::Code;

/// Why a file was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum FileErrorKind {
    /// An Excel workbook (`.xlsx`) or another zipped file.
    Xlsx,
    /// An old Excel workbook (`.xls`).
    Xls,
    /// A PDF.
    Pdf,
    /// Binary data, not text.
    Binary,
    /// No header row and no data.
    Empty,
    /// Only blank lines.
    Blank,
    /// The headers of no known table: the headers found, and a deals file's required
    /// fields with those missing.
    Columns {
        /// The headers found.
        found: Vec<String>,
        /// The kind the columns come nearest to (`deals` when none is near).
        kind: &'static str,
        /// Its required fields.
        needs: Vec<String>,
        /// Those of them with no column.
        missing: Vec<String>,
    },
    /// A deals file whose stage, status and flags say no deal's status.
    NeedsStatus,
    /// Two kinds fit the columns about equally: the likelier (whose mapping the file
    /// shows) and the other. The user says which.
    Uncertain {
        /// The likelier kind.
        kind: &'static str,
        /// The other.
        other: &'static str,
    },
}

impl FileErrorKind {
    /// One of each, for the test that every code is worded in every language.
    pub fn examples() -> Vec<FileErrorKind> {
        use FileErrorKind::*;
        let columns = Columns { found: vec![], kind: "deals", needs: vec![], missing: vec![] };
        vec![Xlsx, Xls, Pdf, Binary, Empty, Blank, columns, NeedsStatus, Uncertain { kind: "orders", other: "deals" }]
    }

    /// The report's `error.code` (what kind of failure).
    pub fn group(&self) -> &'static str {
        match self {
            FileErrorKind::Xlsx | FileErrorKind::Xls | FileErrorKind::Pdf | FileErrorKind::Binary => "not_csv",
            FileErrorKind::Empty | FileErrorKind::Blank => "empty",
            FileErrorKind::Columns { .. } => "unrecognised_columns",
            FileErrorKind::NeedsStatus => "needs_status",
            FileErrorKind::Uncertain { .. } => "uncertain_kind",
        }
    }

    /// Its code and values, as the page words it (`file_error.<code>`).
    pub fn code(&self) -> Code {
        let (code, params): (&str, Vec<(&str, String)>) = match self {
            FileErrorKind::Xlsx => ("xlsx", vec![]),
            FileErrorKind::Xls => ("xls", vec![]),
            FileErrorKind::Pdf => ("pdf", vec![]),
            FileErrorKind::Binary => ("binary", vec![]),
            FileErrorKind::Empty => ("empty", vec![]),
            FileErrorKind::Blank => ("blank", vec![]),
            FileErrorKind::Columns { found, kind, needs, missing } => (
                "columns",
                vec![
                    ("found", if found.is_empty() { "—".into() } else { found.join(", ") }),
                    ("kind", kind.to_string()),
                    ("needs", needs.join(", ")),
                    ("missing", missing.join(", ")),
                ],
            ),
            FileErrorKind::NeedsStatus => ("needs_status", vec![]),
            FileErrorKind::Uncertain { kind, other } => {
                ("uncertain", vec![("kind", kind.to_string()), ("other", other.to_string())])
            }
        };
        Code::new(code, params)
    }

    /// The English sentence.
    pub fn text(&self) -> String {
        const SAVE_AS: &str =
            "In Excel choose File › Save As › \"CSV UTF-8 (Comma delimited)\" and drop the .csv file.";
        match self {
            FileErrorKind::Xlsx => format!("This is an Excel workbook (.xlsx) or another zipped file, not a CSV. {SAVE_AS}"),
            FileErrorKind::Xls => format!("This is an old Excel workbook (.xls), not a CSV. {SAVE_AS}"),
            FileErrorKind::Pdf => "This is a PDF document, not a CSV. Export the data from your CRM or spreadsheet as CSV.".into(),
            FileErrorKind::Binary => "This file holds binary data, not CSV text.".into(),
            FileErrorKind::Empty => "The file is empty: it has no header row and no data.".into(),
            FileErrorKind::Blank => "The file is empty: it holds only blank lines.".into(),
            FileErrorKind::Columns { found, kind, needs, missing } => format!(
                "The columns were not recognised as a known table. Found: {}. They come nearest to the {kind} table, which needs: {} (missing: {}).",
                if found.is_empty() { "(none)".to_string() } else { found.join(", ") },
                needs.join(", "),
                missing.join(", ")
            ),
            FileErrorKind::Uncertain { kind, other } => format!("The columns fit the {kind} table and the {other} table about equally well. The mapping below reads them as {kind}: check it, pick the table kind and press Apply."),
            FileErrorKind::NeedsStatus => "A deals table needs a stage or status column (or Won / Closed flags) to tell open, won and lost deals apart: map one of the columns to stage or status.".into(),
        }
    }
}

/// How a file was read: what the user should know of it.
#[derive(Clone, Debug, PartialEq)]
pub enum FileNote {
    /// The user's choices for the file were not used: which option, and its value.
    BadChoices(ChoiceError),
    /// A lookup table keyed by `key` (owner, account, product), grouping by `columns`.
    Lookup {
        /// The field the table is keyed by.
        key: String,
        /// Its columns that group.
        columns: Vec<String>,
    },
    /// A lookup table longer than the rows kept of it.
    LookupCut {
        /// Rows kept.
        max: usize,
        /// Rows left out.
        left_out: u64,
    },
    /// Columns decided or guessed from their values (`header → field`).
    Decided(Vec<String>),
    /// Columns guessed from their values, to be checked (`header → field`).
    Guessed(Vec<String>),
    /// A kind of table whose metrics are not computed.
    NotComputed(&'static str),
    /// Every row is an MQL (its id column says so): the created date is the MQL date.
    MqlFile,
    /// Files with the same bytes as this one, not read again (a file dropped twice).
    SameBytes(Vec<String>),
    /// A column that may be the deal amount, not taken for it: its header names something
    /// else (`words`) or most of its first values are zero.
    AmountUnsure {
        /// Its header.
        header: String,
        /// The header's words that name something else (empty: its values said it).
        words: Vec<String>,
        /// Zeros among its first values.
        zeros: usize,
        /// Its first values.
        values: usize,
    },
    /// The amount column holds each order's total, written on each of its lines: it
    /// counts once per order.
    OrderTotals {
        /// The amount column's header.
        header: String,
    },
    /// Order lines left out of every orders metric.
    OrdersLeftOut {
        /// Lines of cancelled, voided or failed orders.
        cancelled: u64,
        /// Lines of orders refunded in full.
        refunded: u64,
    },
    /// Dates read as Solar Hijri (a year of 1300–1499 first).
    SolarHijri {
        /// How many.
        n: u64,
        /// The spreadsheet row of the first.
        row: u64,
    },
    /// NUL bytes dropped from the text.
    Nul {
        /// How many.
        n: u64,
        /// The spreadsheet row of the first.
        row: u64,
    },
    /// Byte sequences the encoding could not read (shown as U+FFFD).
    Replaced {
        /// How many.
        n: u64,
        /// The encoding.
        encoding: String,
        /// The spreadsheet row of the first.
        row: u64,
    },
    /// A file read in a legacy encoding that reads as UTF-8 from a row on.
    LateUtf8 {
        /// The row.
        row: u64,
        /// The encoding its head gave.
        encoding: String,
    },
    /// Rows holding bytes that are not valid UTF-8 (shown as U+FFFD).
    InvalidText {
        /// How many.
        n: u64,
        /// The spreadsheet row of the first.
        row: u64,
    },
}

impl FileNote {
    /// Its code and values, as the page words it (`file_note.<code>`).
    pub fn code(&self) -> Code {
        let (code, params): (&str, Vec<(&str, String)>) = match self {
            FileNote::BadChoices(e) => match e.option {
                "encoding" => ("bad_choices.encoding", vec![("value", e.value.clone())]),
                "delimiter" => ("bad_choices.delimiter", vec![("value", e.value.clone())]),
                "kind" => ("bad_choices.kind", vec![("value", e.value.clone())]),
                "field" => ("bad_choices.field", vec![("value", e.value.clone()), ("kind", e.kind.to_string())]),
                "date_order" => ("bad_choices.date_order", vec![("value", e.value.clone())]),
                "decimal_separator" => ("bad_choices.decimal_separator", vec![("value", e.value.clone())]),
                _ => ("bad_choices.headers", vec![]),
            },
            FileNote::Lookup { key, columns } if columns.is_empty() => ("lookup_no_groups", vec![("key", key.clone())]),
            FileNote::Lookup { key, columns } => {
                ("lookup", vec![("key", key.clone()), ("columns", columns.join(", "))])
            }
            FileNote::LookupCut { max, left_out } => {
                ("lookup_cut", vec![("max", max.to_string()), ("n", left_out.to_string())])
            }
            FileNote::Decided(list) => ("decided", vec![("list", list.join(", "))]),
            FileNote::Guessed(list) => ("guessed", vec![("list", list.join(", "))]),
            FileNote::NotComputed(kind) => ("not_computed", vec![("kind", kind.to_string())]),
            FileNote::MqlFile => ("mql_file", vec![]),
            FileNote::SameBytes(files) => ("same_bytes", vec![("files", files.join(", "))]),
            FileNote::AmountUnsure { header, words, .. } if !words.is_empty() => {
                ("amount_unsure.words", vec![("header", header.clone()), ("words", words.join(" "))])
            }
            FileNote::AmountUnsure { header, zeros, values, .. } => (
                "amount_unsure.zeros",
                vec![("header", header.clone()), ("zeros", zeros.to_string()), ("n", values.to_string())],
            ),
            FileNote::OrderTotals { header } => ("order_totals", vec![("header", header.clone())]),
            FileNote::OrdersLeftOut { cancelled, refunded } => {
                ("orders_left_out", vec![("cancelled", cancelled.to_string()), ("refunded", refunded.to_string())])
            }
            FileNote::Nul { n, row } => ("nul", vec![("n", n.to_string()), ("row", row.to_string())]),
            FileNote::SolarHijri { n, row } => ("solar_hijri", vec![("n", n.to_string()), ("row", row.to_string())]),
            FileNote::Replaced { n, encoding, row } => {
                ("replaced", vec![("n", n.to_string()), ("encoding", encoding.clone()), ("row", row.to_string())])
            }
            FileNote::LateUtf8 { row, encoding } => {
                ("late_utf8", vec![("row", row.to_string()), ("encoding", encoding.clone())])
            }
            FileNote::InvalidText { n, row } => ("invalid_text", vec![("n", n.to_string()), ("row", row.to_string())]),
        };
        Code::new(code, params)
    }

    /// The English sentence.
    pub fn text(&self) -> String {
        const CHOOSE: &str = "they show as \u{FFFD}. If names look wrong, choose the file's encoding.";
        match self {
            FileNote::BadChoices(e) => {
                format!("The choices given for this file were not used ({}): it was read as detected.", e.text())
            }
            FileNote::Lookup { key, columns } => format!(
                "Lookup table of {key}: deal tables are grouped by {}.",
                if columns.is_empty() { "(no column of categories)".to_string() } else { columns.join(", ") }
            ),
            FileNote::LookupCut { max, left_out } => {
                format!("Only the first {max} rows of the lookup table are used: {left_out} more were left out.")
            }
            FileNote::Decided(list) => format!("Columns decided by their values: {}.", list.join(", ")),
            FileNote::Guessed(list) => format!("Columns guessed from their values: {}.", list.join(", ")),
            FileNote::NotComputed(kind) => {
                format!("Recognised as a {kind} table; metrics from this kind of table are not computed yet.")
            }
            FileNote::MqlFile => "Every row is an MQL (the id column says so): its created date is its MQL date.".into(),
            FileNote::SameBytes(files) => {
                format!("{} holds the same bytes as this file: it was not read again.", files.join(", "))
            }
            FileNote::AmountUnsure { header, words, .. } if !words.is_empty() => format!(
                "\"{header}\" may be the deal amount, but \"{}\" says it is something else: it was not used. Map it to amount if it is what the deals are worth.",
                words.join(" ")
            ),
            FileNote::AmountUnsure { header, zeros, values, .. } => format!(
                "\"{header}\" may be the deal amount, but {zeros} of its first {values} values are 0: it was not used. Map it to amount if it is what the deals are worth."
            ),
            FileNote::OrderTotals { header } => format!("{header} holds each order's total, written on each of its lines: it is counted once per order."),
            FileNote::OrdersLeftOut { cancelled, refunded } => format!("Left out of every orders metric: {cancelled} lines of cancelled, voided or failed orders and {refunded} lines of orders refunded in full."),
            FileNote::Nul { n, row } => format!("{n} NUL bytes were dropped (the first in row {row})."),
            FileNote::SolarHijri { n, row } => format!(
                "{n} dates with a year of 1300 to 1499 were read as Solar Hijri (the first in row {row}): if they are typos of Gregorian years, correct them in the file."
            ),
            FileNote::Replaced { n, encoding, row } => {
                format!("{n} characters could not be read as {encoding} (the first at row {row}); {CHOOSE}")
            }
            FileNote::LateUtf8 { row, encoding } => format!(
                "From row {row} the bytes read as UTF-8, not as {encoding}: names there may look wrong (Ã© for é). If they do, choose the encoding UTF-8."
            ),
            FileNote::InvalidText { n, row } => {
                format!("{n} rows hold bytes that are not valid UTF-8 (the first at row {row}); {CHOOSE}")
            }
        }
    }

    /// One of each, for the test that every code is worded in every language.
    pub fn examples() -> Vec<FileNote> {
        let bad = |option, value: &str| ChoiceError { option, value: value.into(), kind: "" };
        vec![
            FileNote::BadChoices(bad("encoding", "latin-9x")),
            FileNote::BadChoices(bad("delimiter", "ab")),
            FileNote::BadChoices(bad("kind", "invoices")),
            FileNote::BadChoices(ChoiceError { kind: "deals", ..bad("field", "margin") }),
            FileNote::BadChoices(bad("date_order", "year_first")),
            FileNote::BadChoices(bad("decimal_separator", ";")),
            FileNote::BadChoices(bad("headers", "")),
            FileNote::Lookup { key: "owner".into(), columns: vec!["manager".into()] },
            FileNote::Lookup { key: "owner".into(), columns: vec![] },
            FileNote::LookupCut { max: 100_000, left_out: 3 },
            FileNote::Decided(vec!["Amount → amount".into()]),
            FileNote::Guessed(vec!["Col3 → created_date".into()]),
            FileNote::NotComputed("accounts"),
            FileNote::MqlFile,
            FileNote::SameBytes(vec!["deals (1).csv".into()]),
            FileNote::OrderTotals { header: "Order Total".into() },
            FileNote::OrdersLeftOut { cancelled: 2, refunded: 1 },
            FileNote::Nul { n: 1, row: 3 },
            FileNote::SolarHijri { n: 2, row: 4 },
            FileNote::Replaced { n: 2, encoding: "GBK".into(), row: 5 },
            FileNote::LateUtf8 { row: 9, encoding: "windows-1252".into() },
            FileNote::InvalidText { n: 2, row: 4 },
        ]
    }
}
