//! A drill's page: the rows kept, their order, and the answer (as JSON or CSV).

use super::query::{Set, Sort};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use std::cmp::Ordering;

/// One row kept: where it is in the files, its cells, and its sort value.
#[derive(Clone, Debug)]
pub(super) struct Hit {
    pub(super) file: u32,
    pub(super) row: u64,
    pub(super) cells: Vec<String>,
    pub(super) key: Key,
}

/// A row's value in the sort column.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Key {
    None,
    Number(Option<Decimal>),
    Text(String),
}

/// Sort order of two kept rows: by the sort value (blanks last either way), then by
/// place in the files.
pub(super) fn compare(sort: Sort, a: &Hit, b: &Hit) -> Ordering {
    let by_value = match (&a.key, &b.key) {
        (Key::Number(Some(x)), Key::Number(Some(y))) => x.cmp(y),
        (Key::Text(x), Key::Text(y)) if !x.is_empty() && !y.is_empty() => x.cmp(y),
        (Key::Number(None), Key::Number(None)) | (Key::Text(_), Key::Text(_)) | (Key::None, Key::None) => {
            let blank = |k: &Key| matches!(k, Key::Number(None)) || matches!(k, Key::Text(t) if t.is_empty());
            // blanks last, whatever the direction
            return blank(&a.key).cmp(&blank(&b.key)).then((a.file, a.row).cmp(&(b.file, b.row)));
        }
        (Key::Number(None), _) => return Ordering::Greater,
        (_, Key::Number(None)) => return Ordering::Less,
        _ => Ordering::Equal,
    };
    let by_value = if sort.descending { by_value.reverse() } else { by_value };
    by_value.then((a.file, a.row).cmp(&(b.file, b.row)))
}

/// A page of a drill: its rows (objects by column, with `file` and `row`: the row's
/// number in its file, the header being row 1) and what all the matches add up to.
#[derive(Debug, Serialize)]
pub struct DrillResult {
    /// The set drilled.
    pub set: Set,
    /// The kind of table its rows come from.
    pub kind: &'static str,
    /// The columns of the rows, in order.
    pub columns: Vec<&'static str>,
    /// The columns holding numbers.
    pub numeric: Vec<&'static str>,
    /// Rows matching, over every page.
    pub total: u64,
    /// Σ amount of the matches that have one (deals, order lines); null when none has,
    /// or when they are in several currencies.
    pub amount: Option<String>,
    /// Matches with an amount.
    pub with_amount: u64,
    /// The currencies of those amounts (blank: none written), up to 20.
    pub currencies: Vec<String>,
    /// The page's first match, counted from 0.
    pub offset: u64,
    /// The page's rows.
    pub rows: Vec<Map<String, Value>>,
}

/// Text a spreadsheet would run as a formula, unless a plain number (see `www/export.js`).
fn csv_cell(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
    let number = {
        let digits = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, "1"));
        !int.is_empty() && !frac.is_empty() && (int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
    };
    let s = if formula && !number { format!("'{s}") } else { s.to_string() };
    if s.contains(['"', ',', ';', '\t', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

impl DrillResult {
    /// The rows as CSV (with a BOM, for Excel): file, row, then the columns.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}file,row");
        for c in &self.columns {
            out.push(',');
            out.push_str(&csv_cell(c));
        }
        out.push_str("\r\n");
        for r in &self.rows {
            let text = |k: &str| match r.get(k) {
                Some(Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
                None => String::new(),
            };
            out.push_str(&csv_cell(&text("file")));
            out.push(',');
            out.push_str(&text("row"));
            for c in &self.columns {
                out.push(',');
                out.push_str(&csv_cell(&text(c)));
            }
            out.push_str("\r\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_as_the_page_writes_them() {
        assert_eq!(csv_cell("=cmd|x"), "'=cmd|x");
        assert_eq!(csv_cell("-12.5"), "-12.5");
        assert_eq!(csv_cell("Bob;=x"), "\"Bob;=x\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("－1"), "'－1");
    }
}
