//! The mapped cells of a record as text, what every kind's reader starts from: each
//! field's cell trimmed and borrowed from the record; a record that is not valid UTF-8 is
//! read from copies with the bad bytes replaced, in buffers reused row after row (a row
//! then costs no allocation once they have grown).

use super::csv_stream::Record;
use crate::problems::{ProblemKind, Problems};
use crate::text::{field_text, trim_cell};

/// Reads the cells of one file's fields.
pub struct Cells {
    /// (field position, column) of each field that has a column.
    mapped: Vec<(usize, usize)>,
    /// Fields of the header, which every record should have.
    header_len: usize,
    /// Copies of a record's cells (by field) when it is not valid UTF-8.
    text: Vec<String>,
}

impl Cells {
    /// Cells of the fields `mapped` as (field position, column), under a header of
    /// `header_len` fields.
    pub fn new(mapped: Vec<(usize, usize)>, header_len: usize) -> Self {
        let fields = mapped.iter().map(|(f, _)| f + 1).max().unwrap_or(0);
        Cells { mapped, header_len, text: vec![String::new(); fields] }
    }

    /// Puts each mapped field's cell of `rec` (spreadsheet row `row` of `file`) at its
    /// position in `out`; a record with more or fewer fields than the header is a problem.
    #[inline]
    pub fn read<'a>(
        &'a mut self,
        rec: &Record<'a>,
        row: u64,
        file: &str,
        problems: &mut Problems,
        out: &mut [&'a str],
    ) {
        if rec.len() != self.header_len {
            problems.push(file, row, "", "", ProblemKind::Fields { n: rec.len(), header: self.header_len });
        }
        match rec.as_str() {
            Some(whole) => {
                for &(f, col) in &self.mapped {
                    out[f] = trim_cell(rec.field_str(whole, col).unwrap_or(""));
                }
            }
            None => {
                for &(f, col) in &self.mapped {
                    self.text[f].clear();
                    self.text[f].push_str(&field_text(rec.get(col).unwrap_or(b"")));
                }
                let this: &'a Self = self;
                for &(f, _) in &this.mapped {
                    out[f] = this.text[f].as_str();
                }
            }
        }
    }
}
