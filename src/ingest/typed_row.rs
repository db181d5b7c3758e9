//! Reading a record of any table kind but deals into typed cells, by the kind's schema
//! (the cells' text read as every kind's is, by [`super::cells`]): text as written,
//! money and numbers as exact decimals, dates and date-times. Every bad value is
//! reported; the rest of the row is still used.

use super::cells::Cells;
use super::columns::Mapping;
use super::csv_stream::Record;
use super::dates::{parse_datetime, DateOrder, SolarHijri};
use super::money::{parse_money_with, parse_probability, DecimalSeparator};
use super::schema::ValueType;
use crate::problems::Problems;
use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

/// Most fields a kind has.
const MAX_FIELDS: usize = 16;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Parsed {
    #[default]
    None,
    Number(Decimal),
    Time(NaiveDateTime),
}

/// One row of a table, its cells by the kind's field position.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    texts: [&'a str; MAX_FIELDS],
    values: [Parsed; MAX_FIELDS],
}

impl<'a> Row<'a> {
    /// The cell as written (trimmed); empty when blank or when the file has no column.
    pub fn text(&self, field: usize) -> &'a str {
        self.texts.get(field).copied().unwrap_or("")
    }

    /// A money, number or percent cell (percent as a fraction).
    pub fn number(&self, field: usize) -> Option<Decimal> {
        match self.values.get(field) {
            Some(Parsed::Number(d)) => Some(*d),
            _ => None,
        }
    }

    pub fn datetime(&self, field: usize) -> Option<NaiveDateTime> {
        match self.values.get(field) {
            Some(Parsed::Time(t)) => Some(*t),
            _ => None,
        }
    }

    pub fn date(&self, field: usize) -> Option<NaiveDate> {
        self.datetime(field).map(|t| t.date())
    }
}

/// Reads the records of one file of any kind.
pub struct TypedReader {
    cells: Cells,
    headers: Vec<String>,
    date_order: DateOrder,
    decimal: DecimalSeparator,
    /// (field position, column, type) of the fields that have a column and are parsed
    /// (not text).
    parsed: Vec<(usize, usize, ValueType)>,
    /// Position of the first money field with a column.
    money: Option<usize>,
    /// Dates read as Solar Hijri.
    solar: SolarHijri,
}

impl TypedReader {
    /// A reader of the fields `mapping` gives a column, but those at `unused` positions
    /// (an order line's quantity, unit price and discount where the file has an amount
    /// column): they are neither read nor checked.
    pub fn new(
        mapping: &Mapping,
        headers: Vec<String>,
        date_order: DateOrder,
        decimal: DecimalSeparator,
        unused: &[usize],
    ) -> Self {
        let mapped: Vec<(usize, usize, ValueType)> = (0..mapping.kind.fields.len().min(MAX_FIELDS))
            .filter(|i| !unused.contains(i))
            .filter_map(|i| mapping.column_at(i).map(|c| (i, c, mapping.kind.fields[i].value)))
            .collect();
        let money = mapped.iter().find(|(_, _, v)| *v == ValueType::Money).map(|(f, _, _)| *f);
        let cells = Cells::new(mapped.iter().map(|&(f, col, _)| (f, col)).collect(), headers.len());
        let parsed = mapped.into_iter().filter(|(_, _, v)| *v != ValueType::Text).collect();
        TypedReader { cells, headers, date_order, decimal, parsed, money, solar: SolarHijri::default() }
    }

    /// Position of the kind's first money field that has a column (the amount a summary
    /// row would total).
    pub fn money_field(&self) -> Option<usize> {
        self.money
    }

    /// The dates read as Solar Hijri.
    pub fn solar_hijri(&self) -> SolarHijri {
        self.solar
    }

    /// Reads `rec` (spreadsheet row `row` of `file`); bad values go to `problems`.
    pub fn read<'a>(&'a mut self, rec: &Record<'a>, row: u64, file: &str, problems: &mut Problems) -> Row<'a> {
        let TypedReader { cells, headers, date_order, decimal, parsed, solar, .. } = self;
        let mut out = Row { texts: [""; MAX_FIELDS], values: [Parsed::None; MAX_FIELDS] };
        cells.read(rec, row, file, problems, &mut out.texts);
        for &(f, col, value) in parsed.iter() {
            let t = out.texts[f];
            let parsed = match value {
                ValueType::Text => continue,
                ValueType::Money | ValueType::Number => parse_money_with(t, *decimal).map(|v| v.map(Parsed::Number)),
                ValueType::Percent => parse_probability(t).map(|v| v.map(Parsed::Number)),
                ValueType::Date | ValueType::DateTime => parse_datetime(t, *date_order).map(|v| v.map(Parsed::Time)),
            };
            match parsed {
                Ok(v) => {
                    if matches!(v, Some(Parsed::Time(_))) {
                        solar.see(t, row);
                    }
                    out.values[f] = v.unwrap_or_default();
                }
                Err(why) => problems.push(file, row, headers.get(col).map_or("", String::as_str), t, why),
            }
        }
        out
    }
}
