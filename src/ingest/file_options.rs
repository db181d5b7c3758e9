//! What the user fixed about one file (its kind, encoding, delimiter, columns, date order,
//! decimal separator, headers), overriding detection: as it arrives, and validated.

use super::dates::DateOrder;
use super::decode::for_label;
use super::money::DecimalSeparator;
use super::schema::{kind, KindSpec};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A file option that cannot be used: which one (`encoding`, `delimiter`, `kind`,
/// `field`, `date_order`, `decimal_separator`, `headers`) and the value given (for
/// `field`, the field name, and `kind` the kind it was given for).
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceError {
    /// The option.
    pub option: &'static str,
    /// The value given.
    pub value: String,
    /// For a field: the kind of table it was given for.
    pub kind: &'static str,
}

impl ChoiceError {
    fn new(option: &'static str, value: &str) -> Self {
        ChoiceError { option, value: value.to_string(), kind: "" }
    }

    /// Why, in English: `unknown delimiter "ab"`.
    pub fn text(&self) -> String {
        match self.option {
            "headers" => "headers need a kind".to_string(),
            "field" => format!("unknown {} field {}", self.kind, crate::text::quoted(&self.value)),
            option => format!("unknown {} {}", option.replace('_', " "), crate::text::quoted(&self.value)),
        }
    }
}

/// What the user fixed about one file, overriding detection. All optional.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct RawFileOptions {
    /// An encoding label: `utf-8`, `utf-16le`, `gbk`, `gb18030`, `big5`, `windows-1252`, `windows-1256`…
    pub encoding: Option<String>,
    /// One character: `,` `;` `|` or `\t`.
    pub delimiter: Option<String>,
    /// Table kind, e.g. `deals`.
    pub kind: Option<String>,
    /// Header text → canonical field (`""` leaves the column unused).
    pub columns: Option<BTreeMap<String, String>>,
    /// `day_first` or `month_first`, for `a/b/yyyy` dates.
    pub date_order: Option<String>,
    /// `.` or `,`.
    pub decimal_separator: Option<String>,
    /// The bytes are a later part of a file with no header row of their own: these
    /// are its columns (used to split one large file between workers).
    pub headers: Option<Vec<String>>,
}

/// Validated per-file choices.
#[derive(Clone, Debug, Default)]
pub struct FileOptions {
    pub encoding: Option<crate::ingest::codec::TextEncoding>,
    pub delimiter: Option<u8>,
    pub kind: Option<&'static KindSpec>,
    pub columns: BTreeMap<String, String>,
    pub date_order: Option<DateOrder>,
    pub decimal_separator: Option<DecimalSeparator>,
    pub headers: Option<Vec<String>>,
}

impl RawFileOptions {
    /// The options checked: an unknown encoding, kind or field is an error.
    pub fn validate(&self) -> Result<FileOptions, ChoiceError> {
        let bad = ChoiceError::new;
        let encoding = match self.encoding.as_deref().filter(|s| !s.is_empty()) {
            Some(l) => Some(for_label(l).ok_or_else(|| bad("encoding", l))?),
            None => None,
        };
        let delimiter = match self.delimiter.as_deref().filter(|s| !s.is_empty()) {
            Some("\\t") | Some("\t") | Some("tab") => Some(b'\t'),
            Some(d) if d.len() == 1 => Some(d.as_bytes()[0]),
            Some(d) => return Err(bad("delimiter", d)),
            None => None,
        };
        let kind = match self.kind.as_deref().filter(|s| !s.is_empty()) {
            Some(k) => Some(kind(k).ok_or_else(|| bad("kind", k))?),
            None => None,
        };
        let columns = self.columns.clone().unwrap_or_default();
        if let Some(k) = kind {
            if let Some((_, f)) = columns.iter().find(|(_, f)| !f.is_empty() && k.field(f).is_none()) {
                return Err(ChoiceError { kind: k.name, ..bad("field", f) });
            }
        }
        let date_order = match self.date_order.as_deref().filter(|s| !s.is_empty()) {
            Some("day_first") => Some(DateOrder::DayFirst),
            Some("month_first") => Some(DateOrder::MonthFirst),
            Some(o) => return Err(bad("date_order", o)),
            None => None,
        };
        let decimal_separator = match self.decimal_separator.as_deref().filter(|s| !s.is_empty()) {
            Some(".") => Some(DecimalSeparator::Point),
            Some(",") => Some(DecimalSeparator::Comma),
            Some(o) => return Err(bad("decimal_separator", o)),
            None => None,
        };
        if self.headers.is_some() && kind.is_none() {
            return Err(bad("headers", ""));
        }
        Ok(FileOptions {
            encoding,
            delimiter,
            kind,
            columns,
            date_order,
            decimal_separator,
            headers: self.headers.clone(),
        })
    }
}
