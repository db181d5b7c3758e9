//! Column fields guessed from values where no header word names them: a column of
//! won/lost words is the stage, a column of amounts the amount, columns of dates the
//! created and closed dates (in that order).

use super::columns::{field_words, names_a_field, Mapping};
use super::dates::{parse_date, DateOrder};
use super::profile::{fit, is_date, is_number, Expect, Profile};
use crate::stages::{status_from_status, Status};
use crate::text::{clip, parse_flag, MAX_HEADER};

/// Header words that name different fields in different exports (`Closed` holds dates in
/// one, 1/0 in another): the column's first values decide.
const AMBIGUOUS: &[&str] = &[
    "closed",
    "is closed",
    "won",
    "is won",
    "lost",
    "open",
    "date",
    "value",
    "status",
    "total",
    "price",
    "sales",
    "result",
];

/// What a column's values look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Flags,
    Dates,
    Money,
    Statuses,
    Other,
}

impl Shape {
    fn test(self) -> fn(&str) -> bool {
        match self {
            Shape::Flags => |v| parse_flag(v).is_some(),
            Shape::Dates => is_date,
            Shape::Money => is_number,
            Shape::Statuses => |v| status_from_status(v).is_some(),
            Shape::Other => |_| true,
        }
    }

    /// Share of `values` of this shape.
    fn share(self, values: &[&str]) -> f64 {
        let test = self.test();
        values.iter().filter(|v| test(v)).count() as f64 / values.len().max(1) as f64
    }

    /// The shape at least 4 values in 5 have (flags first: `1`/`0` are numbers too).
    fn of(values: &[&str]) -> Shape {
        [Shape::Flags, Shape::Dates, Shape::Money, Shape::Statuses]
            .into_iter()
            .find(|s| s.share(values) >= 0.8)
            .unwrap_or(Shape::Other)
    }
}

/// The non-blank values of column `col` of `rows`, trimmed.
fn column_values(rows: &[Vec<String>], col: usize) -> Vec<&str> {
    rows.iter().filter_map(|r| r.get(col)).map(|v| v.trim()).filter(|v| !v.is_empty()).collect()
}

/// True when some column of `rows` holds dates or won/lost words: records of events
/// (deals, orders…), not facts about names (a lookup table).
pub fn holds_events(width: usize, rows: &[Vec<String>]) -> bool {
    (0..width).any(|col| {
        let values = column_values(rows, col);
        !values.is_empty() && matches!(Shape::of(&values), Shape::Dates | Shape::Statuses)
    })
}

/// Checks the columns mapped from an ambiguous header word against their values: a
/// column whose values do not fit its field moves to the field they fit (`Closed` of
/// dates → closed_date, of 1/0 → closed_flag) or is left unused. `fixed` columns (chosen
/// by the user) are kept. Returns `header → field` (`—` for unused) for the file's notes.
pub fn decide_by_values(
    mapping: &mut Mapping,
    headers: &[String],
    rows: &[Vec<String>],
    profiles: &[Profile],
    fixed: &[usize],
) -> Vec<String> {
    let mut decided = Vec::new();
    // Columns left unused here, or fixed: not mapped again by their header words.
    let mut settled: Vec<bool> = (0..headers.len()).map(|c| fixed.contains(&c)).collect();
    for (col, header) in headers.iter().enumerate() {
        // An ambiguous column left unmapped (its values fit no field its word names at
        // first sight: `Closed` of dates is no closed flag) is placed here too.
        let field = mapping.field_of(col);
        let words = field_words(mapping.kind, header);
        let word = words.as_str();
        if fixed.contains(&col) || !AMBIGUOUS.contains(&word) {
            continue;
        }
        let values = column_values(rows, col);
        // Few values decide only when they all agree (Shape::of wants 4 in 5).
        if values.is_empty() {
            continue;
        }
        // Half the values of the field's kind keep the column (the rest are bad values,
        // listed as problems); a move needs 4 in 5 of the other kind.
        let profile = profiles.get(col).copied().unwrap_or_default();
        if let Some(field) = field {
            let spec = mapping.kind.field(field).map(|i| &mapping.kind.fields[i]);
            if spec.is_none_or(|spec| fit(&profile, Expect::of(mapping.kind.kind, spec)) >= 0.5) {
                continue;
            }
        }
        let shape = Shape::of(&values);
        mapping.unset(col);
        let instead = match (word, shape) {
            ("closed", Shape::Dates) => Some("closed_date"),
            ("won", Shape::Dates) => Some("won_date"),
            ("lost", Shape::Dates) => Some("lost_date"),
            ("closed" | "is closed", Shape::Flags) => Some("closed_flag"),
            ("won" | "is won", Shape::Flags) => Some("won_flag"),
            // Odoo's "Is Won" holds Won / Lost / Pending.
            ("status" | "result" | "won" | "is won", Shape::Statuses) => Some("status"),
            ("value" | "total" | "price" | "sales", Shape::Money) => Some("amount"),
            _ => None,
        };
        match instead.filter(|f| mapping.set(f, col)) {
            Some(f) => decided.push(format!("{} → {f}", clip(header.trim(), MAX_HEADER))),
            // a column its header names but its values do not: said unused
            None if field.is_some() || names_a_field(mapping.kind, header) => {
                decided.push(format!("{} → —", clip(header.trim(), MAX_HEADER)))
            }
            None => continue,
        }
        settled[col] = true;
    }
    if !decided.is_empty() {
        // A field freed here may be named by another column (`Value` of words, `Amount`)
        // whose values fit it.
        mapping.fill(headers, &settled, Some(profiles));
    }
    decided
}

/// Values a column needs before its values are trusted.
const MIN_VALUES: usize = 3;

/// Fills the deals fields `mapping` lacks from the values of its unmapped columns.
/// Returns the (field, header) pairs guessed.
pub fn fill_deal_fields(
    mapping: &mut Mapping,
    headers: &[String],
    rows: &[Vec<String>],
) -> Vec<(&'static str, String)> {
    let mut guessed = Vec::new();
    let mut dates = Vec::new();
    for (col, header) in headers.iter().enumerate() {
        if mapping.field_of(col).is_some() {
            continue;
        }
        let values = column_values(rows, col);
        if values.len() < MIN_VALUES {
            continue;
        }
        let closed_words =
            values.iter().filter(|v| matches!(status_from_status(v), Some(Status::Won | Status::Lost))).count();
        let field = if closed_words * 3 >= values.len() && !mapping.has("stage") && !mapping.has("status") {
            Some("stage")
        } else if values.iter().all(|v| parse_date(v, DateOrder::MonthFirst).is_ok() && v.len() >= 6) {
            dates.push(col);
            None
        } else if values.iter().all(|v| is_number(v)) && !mapping.has("amount") {
            Some("amount")
        } else {
            None
        };
        if let Some(f) = field {
            if mapping.set(f, col) {
                guessed.push((f, header.clone()));
            }
        }
    }
    let unset: Vec<&'static str> = ["created_date", "closed_date"].into_iter().filter(|f| !mapping.has(f)).collect();
    for (f, col) in unset.into_iter().zip(dates) {
        if mapping.set(f, col) {
            guessed.push((f, headers[col].clone()));
        }
    }
    guessed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::schema::DEALS;
    use crate::ingest::test_rows as strings;

    #[test]
    fn guesses_stage_amount_and_dates_from_values() {
        let headers: Vec<String> = ["Rep", "Step", "Money", "Opened", "Finished"].map(String::from).to_vec();
        let rows = strings(&[
            "Ann,Won,100,2024-01-01,2024-01-11",
            "Bob,Lost,50,2024-01-02,2024-01-05",
            "Ann,Talking,70,2024-01-03,",
            "Cy,Won,1.5,2024-01-04,2024-01-09",
        ]);
        let mut m = Mapping::new(&DEALS, &headers, &[]);
        let guessed = fill_deal_fields(&mut m, &headers, &rows);
        let fields: Vec<_> = guessed.iter().map(|(f, h)| format!("{h}→{f}")).collect();
        assert_eq!(fields, ["Step→stage", "Money→amount", "Opened→created_date", "Finished→closed_date"]);
        assert_eq!(m.column("owner"), Some(0)); // "Rep" is a header word already
    }

    #[test]
    fn too_few_values_guess_nothing() {
        let headers: Vec<String> = ["x", "y"].map(String::from).to_vec();
        let mut m = Mapping::new(&DEALS, &headers, &[]);
        assert!(fill_deal_fields(&mut m, &headers, &strings(&["Won,1", "Lost,2"])).is_empty());
    }

    #[test]
    fn ambiguous_headers_follow_their_values() {
        let headers: Vec<String> = ["Stage", "Value", "Created", "Closed", "Won"].map(String::from).to_vec();
        // EU Excel: Closed holds dates. Salesforce: Closed and Won hold 1/0.
        let eu = strings(&[
            "Won,1.234,2024-01-01,2024-02-01,",
            "Lost,50,2024-01-02,2024-02-05,",
            "Won,9,2024-01-04,2024-03-05,",
            "Open,70,2024-01-03,,",
        ]);
        let sf =
            strings(&["Closed Won,10,2024-01-01,1,1", "Closed Lost,5,2024-01-02,1,0", "Proposal,7,2024-01-03,0,0"]);
        let mut m = Mapping::new(&DEALS, &headers, &[]);
        assert_eq!(m.column("closed_flag"), Some(3)); // by header alone
        let notes = decide_by_values(&mut m, &headers, &eu, &Profile::all(headers.len(), &eu), &[]);
        assert_eq!(notes, ["Closed → closed_date"]);
        assert_eq!((m.column("closed_date"), m.column("closed_flag"), m.column("amount")), (Some(3), None, Some(1)));
        let mut m = Mapping::new(&DEALS, &headers, &[]);
        assert!(decide_by_values(&mut m, &headers, &sf, &Profile::all(headers.len(), &sf), &[]).is_empty());
        assert_eq!((m.column("closed_flag"), m.column("won_flag")), (Some(3), Some(4)));
        // A column the user fixed is kept whatever its values.
        let mut m = Mapping::new(&DEALS, &headers, &[("closed_flag", 3)]);
        assert!(decide_by_values(&mut m, &headers, &eu, &Profile::all(headers.len(), &eu), &[3]).is_empty());
        assert_eq!(m.column("closed_flag"), Some(3));
    }

    #[test]
    fn a_value_column_of_words_is_not_the_amount() {
        let headers: Vec<String> = ["Stage", "Value", "Price"].map(String::from).to_vec();
        let rows = strings(&["Won,High,10", "Lost,Low,5", "Open,High,7"]);
        let mut m = Mapping::new(&DEALS, &headers, &[]);
        assert_eq!(m.column("amount"), Some(1));
        assert_eq!(
            decide_by_values(&mut m, &headers, &rows, &Profile::all(headers.len(), &rows), &[]),
            ["Value → —", "Price → amount"]
        );
        assert_eq!(m.column("amount"), Some(2));
    }
}
