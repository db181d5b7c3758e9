//! Input problems as data: every bad value is counted and (up to a cap) listed with
//! its file, row, column and raw value; the rest of the row and file is still analysed.

use serde::{Deserialize, Serialize};

/// How many problems are listed in a report; all of them are counted.
pub const LISTED_PROBLEMS: usize = 1000;
/// Raw values are cut to this many characters in the list.
const MAX_VALUE_CHARS: usize = 120;

/// One bad value (or bad row).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub file: String,
    /// Row number as a spreadsheet shows it: the header is row 1.
    pub row: u64,
    /// Header text of the column, or empty for a whole-row problem.
    pub column: String,
    /// The raw value as written in the file.
    pub value: String,
    pub reason: String,
}

/// A capped, ordered list of problems plus the total count. Mergeable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Problems {
    pub total: u64,
    pub items: Vec<Problem>,
}

impl Problems {
    pub fn push(&mut self, file: &str, row: u64, column: &str, value: &str, reason: impl Into<String>) {
        self.total += 1;
        if self.items.len() < LISTED_PROBLEMS {
            let value: String = value.chars().take(MAX_VALUE_CHARS).collect();
            self.items.push(Problem {
                file: file.to_string(),
                row,
                column: column.to_string(),
                value,
                reason: reason.into(),
            });
        }
    }

    /// Appends `other`'s problems after ours (the order of the parts is kept).
    pub fn merge(&mut self, other: Problems) {
        self.total += other.total;
        let room = LISTED_PROBLEMS.saturating_sub(self.items.len());
        self.items.extend(other.items.into_iter().take(room));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_the_list_but_counts_all() {
        let mut a = Problems::default();
        for i in 0..(LISTED_PROBLEMS as u64 + 5) {
            a.push("f.csv", i + 2, "amount", "x", "not a number");
        }
        assert_eq!(a.total, LISTED_PROBLEMS as u64 + 5);
        assert_eq!(a.items.len(), LISTED_PROBLEMS);
        let mut b = Problems::default();
        b.push("g.csv", 2, "amount", "y", "not a number");
        a.merge(b);
        assert_eq!(a.total, LISTED_PROBLEMS as u64 + 6);
        assert_eq!(a.items.len(), LISTED_PROBLEMS);
    }
}
