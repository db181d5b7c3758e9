//! Column fields guessed from values where no header word names them: a column of
//! won/lost words is the stage, a column of amounts the amount, columns of dates the
//! created and closed dates (in that order).

use super::columns::Mapping;
use super::dates::{parse_date, DateOrder};
use super::money::parse_money;
use crate::stages::{status_from_status, Status};

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
        let values: Vec<&str> =
            rows.iter().filter_map(|r| r.get(col)).map(|v| v.trim()).filter(|v| !v.is_empty()).collect();
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
        } else if values.iter().all(|v| matches!(parse_money(v), Ok(Some(_)))) && !mapping.has("amount") {
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

    fn strings(rows: &[&str]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.split(',').map(String::from).collect()).collect()
    }

    #[test]
    fn guesses_stage_amount_and_dates_from_values() {
        let headers: Vec<String> = ["Rep", "Phase", "Money", "Opened", "Finished"].map(String::from).to_vec();
        let rows = strings(&[
            "Ann,Won,100,2024-01-01,2024-01-11",
            "Bob,Lost,50,2024-01-02,2024-01-05",
            "Ann,Talking,70,2024-01-03,",
            "Cy,Won,1.5,2024-01-04,2024-01-09",
        ]);
        let mut m = Mapping::new(&DEALS, &headers, &[]);
        let guessed = fill_deal_fields(&mut m, &headers, &rows);
        let fields: Vec<_> = guessed.iter().map(|(f, h)| format!("{h}→{f}")).collect();
        assert_eq!(fields, ["Phase→stage", "Money→amount", "Opened→created_date", "Finished→closed_date"]);
        assert_eq!(m.column("owner"), Some(0)); // "Rep" is a header word already
    }

    #[test]
    fn too_few_values_guess_nothing() {
        let headers: Vec<String> = ["x", "y"].map(String::from).to_vec();
        let mut m = Mapping::new(&DEALS, &headers, &[]);
        assert!(fill_deal_fields(&mut m, &headers, &strings(&["Won,1", "Lost,2"])).is_empty());
    }
}
