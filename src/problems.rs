//! Input problems as data: every bad value is counted and (up to a cap) listed with
//! its file, row, column and raw value; the rest of the row and file is still analysed.

use crate::coded::coded_enum;
use crate::text::{clip, MAX_HEADER};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many problems are listed in a report; all of them are counted.
pub const LISTED_PROBLEMS: usize = 1000;
/// Raw values are cut to this many characters in the list (the cut said by `…`).
const MAX_VALUE_CHARS: usize = 120;

coded_enum! {
    /// What is wrong with a value or a row.
    ProblemKind;
    /// A row with `n` fields under a header of `header`.
    Fields {
        /// Fields in the row.
        n: usize,
        /// Fields in the header.
        header: usize,
    },
    /// Closed before it was created (the created date).
    ClosedBefore(String),
    /// Churned before it was acquired (the acquired date).
    ChurnedBefore(String),
    /// Ends before it started (the start date).
    EndsBefore(String),
    /// Answered before it was created (the created date and time).
    RespondedBefore(String),
    /// A score outside its scale.
    Score {
        /// The scale's lowest score.
        min: String,
        /// The scale's highest score.
        max: String,
    },
    ;
    NotNumber => "not_number", "not a number";
    NotDate => "not_date", "not a date";
    NotTime => "not_time", "not a time";
    NotFlag => "not_flag", "not a yes/no value";
    DateWindow => "date_window", "date outside the years 1900 to 2100";
    UnknownUnit => "unknown_unit", "not an amount: the word beside it is not a currency";
    TooLarge => "too_large", "amount too large";
    Probability => "probability", "probability out of range (0 to 100%)";
    QuotaZero => "quota_zero", "a quota must be above zero";
    Negative => "negative", "negative counts";
    NotPeriod => "not_period", "not a period (2025-03, 2025-Q2, 2025, or 2025-01-01 to 2025-03-31)";
    Status => "status", "unknown status (expected open, won or lost): taken from the stage";
    WonNoAmount => "won_no_amount", "won deal without an amount: left out of revenue";
    SingleValue => "single_value", "a single value on a row of its own: not read";
    UnclosedQuote => "unclosed_quote", "quote not closed: the row was read to the end of its line, the rows after it on their own";
    Unnamed => "unnamed", "the row names nothing (no id, owner, account or stage): not read";
    NothingSaid => "nothing_said", "the row says nothing of its deal (no stage, status or date): not read";
}

impl ProblemKind {
    /// One of each, for the test that every code is worded in every language.
    pub fn examples() -> Vec<ProblemKind> {
        use ProblemKind::*;
        let mut all = vec![
            Fields { n: 6, header: 7 },
            ClosedBefore("2024-01-02".into()),
            ChurnedBefore("2024-01-02".into()),
            EndsBefore("2024-01-02".into()),
            RespondedBefore("2024-01-02 09:00:00".into()),
            Score { min: "0".into(), max: "10".into() },
        ];
        all.extend(ProblemKind::units());
        all
    }

    /// The page's code: `problem.<code>` in `www/messages/*`.
    pub fn code(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            Fields { .. } => "fields",
            ClosedBefore(_) => "closed_before",
            ChurnedBefore(_) => "churned_before",
            EndsBefore(_) => "ends_before",
            RespondedBefore(_) => "responded_before",
            Score { .. } => "score",
            plain => plain.plain().map_or("", |(code, _)| code),
        }
    }
    /// The values its wording names.
    pub fn params(&self) -> BTreeMap<String, String> {
        use ProblemKind::*;
        let pairs: Vec<(&str, String)> = match self {
            Fields { n, header } => vec![("n", n.to_string()), ("header", header.to_string())],
            ClosedBefore(d) | ChurnedBefore(d) | EndsBefore(d) | RespondedBefore(d) => vec![("date", d.clone())],
            Score { min, max } => vec![("min", min.clone()), ("max", max.clone())],
            _ => Vec::new(),
        };
        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    }

    /// The English sentence.
    pub fn text(&self) -> String {
        use ProblemKind::*;
        let fixed = match self {
            Fields { n, header } => return format!("row has {n} fields, the header has {header}"),
            ClosedBefore(d) => {
                return format!(
                    "closed before created ({d}): left out of won, lost, revenue and every figure dated by its close"
                )
            }
            ChurnedBefore(d) => return format!("churned before acquired ({d})"),
            EndsBefore(d) => return format!("ends before it starts ({d})"),
            RespondedBefore(d) => return format!("responded before created ({d})"),
            Score { min, max } => return format!("score out of range ({min} to {max})"),
            plain => plain.plain().map_or("", |(_, text)| text),
        };
        fixed.to_string()
    }
}

/// A code and its values, as the page words them (`problem.<code>`, `file_note.<code>`…).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Code {
    pub code: String,
    pub params: BTreeMap<String, String>,
}

impl Code {
    pub fn new(code: &str, params: Vec<(&str, String)>) -> Self {
        Code { code: code.to_string(), params: params.into_iter().map(|(k, v)| (k.to_string(), v)).collect() }
    }
}

/// One bad value (or bad row).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// The file's name.
    pub file: String,
    /// Row number as a spreadsheet shows it: the header is row 1.
    pub row: u64,
    /// Header text of the column, or empty for a whole-row problem.
    pub column: String,
    /// The raw value as written in the file.
    pub value: String,
    /// What is wrong, in English.
    pub reason: String,
    /// The same as a code and its values.
    pub reason_code: Code,
}

/// A capped, ordered list of problems plus the total count. Mergeable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Problems {
    /// Problems found, listed or not.
    pub total: u64,
    /// The first of them.
    pub items: Vec<Problem>,
}

impl Problems {
    /// A bad value of `file`'s row `row`, in the column headed `column`.
    pub fn push(&mut self, file: &str, row: u64, column: &str, value: &str, kind: ProblemKind) {
        self.total += 1;
        if self.items.len() < LISTED_PROBLEMS {
            self.items.push(Problem {
                file: file.to_string(),
                row,
                column: clip(column, MAX_HEADER).into_owned(),
                value: clip(value, MAX_VALUE_CHARS).into_owned(),
                reason: kind.text(),
                reason_code: Code { code: kind.code().to_string(), params: kind.params() },
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
            a.push("f.csv", i + 2, "amount", "x", ProblemKind::NotNumber);
        }
        assert_eq!(a.total, LISTED_PROBLEMS as u64 + 5);
        assert_eq!(a.items.len(), LISTED_PROBLEMS);
        let mut b = Problems::default();
        b.push("g.csv", 2, "amount", "y", ProblemKind::NotNumber);
        a.merge(b);
        assert_eq!(a.total, LISTED_PROBLEMS as u64 + 6);
        assert_eq!(a.items.len(), LISTED_PROBLEMS);
    }
}
