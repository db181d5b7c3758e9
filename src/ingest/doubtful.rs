//! A deal amount the header names only in part (`declared_monthly_revenue` holds
//! `revenue`) is left for the user to map when its other words or its values say it is
//! something else: a plan, a target or a figure of the customer rather than what the deal
//! is worth (`Annual Revenue`, `Budget Amount`; not `Expected Revenue`, which is Odoo's amount), or a column that is
//! mostly zero (Olist's closed deals: 797 of 842). A header that is a name of the amount
//! (`Amount`, `Deal Value`) is kept whatever its values: many open deals have no amount yet.

use super::columns::{named_by, Mapping};
use super::file_info::TakenBy;
use super::money::parse_money;
use super::schema::Kind;
use super::tokens::tokens_as_written;
use rust_decimal::Decimal;

/// Words that make a money header name a plan, a target or a period's figure, not the
/// value of a sale.
const NOT_THE_SALE: &[&str] = &[
    "declared",
    "budget",
    "budgeted",
    "planned",
    "potential",
    "forecast",
    "forecasted",
    "target",
    "goal",
    "quota",
    "annual",
    "yearly",
    "monthly",
    "weighted",
    "预计",
    "预算",
    "目标",
    "年度",
    "每月",
    "بودجه",
    "هدف",
    "سالانه",
    "ماهانه",
];

/// Why a column was not taken for the amount: its header, the words that name something
/// else (empty when its values said it), and how many of its first values are zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Doubt {
    pub header: String,
    pub words: Vec<String>,
    pub zeros: usize,
    pub values: usize,
}

/// Leaves the deal amount unmapped when the header names it only in part and its other
/// words or its values (`rows`, the first rows) say it is something else; `fixed`
/// columns (the user's) are kept.
pub fn doubtful_amount(
    mapping: &mut Mapping,
    headers: &[String],
    rows: &[Vec<String>],
    fixed: &[usize],
) -> Option<Doubt> {
    if mapping.kind.kind != Kind::Deals {
        return None;
    }
    let col = mapping.column("amount").filter(|c| !fixed.contains(c))?;
    let header = headers.get(col)?;
    let (by, _) = named_by(mapping.kind, header, "amount")?;
    if by != TakenBy::Part {
        return None;
    }
    let words: Vec<String> = tokens_as_written(header)
        .into_iter()
        .filter(|(w, _)| NOT_THE_SALE.contains(&w.as_str()))
        .map(|(_, written)| written)
        .collect();
    let amounts: Vec<Decimal> =
        rows.iter().filter_map(|r| r.get(col)).filter_map(|v| parse_money(v.trim()).ok().flatten()).collect();
    let zeros = amounts.iter().filter(|a| a.is_zero()).count();
    let mostly_zero = !amounts.is_empty() && zeros * 2 > amounts.len();
    if words.is_empty() && !mostly_zero {
        return None;
    }
    mapping.unset(col);
    Some(Doubt { header: header.clone(), words, zeros, values: amounts.len() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::schema::DEALS;

    fn doubt(headers: &[&str], rows: &[&[&str]]) -> (Option<Doubt>, bool) {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|v| v.to_string()).collect()).collect();
        let mut m = Mapping::new(&DEALS, &headers, &[]);
        let d = doubtful_amount(&mut m, &headers, &rows, &[]);
        (d, m.has("amount"))
    }

    #[test]
    fn a_part_named_amount_that_says_something_else_is_not_taken() {
        let h = ["deal_id", "stage", "declared_monthly_revenue"];
        let (d, kept) = doubt(&h, &[&["1", "Won", "0.0"], &["2", "Won", "0.0"], &["3", "Won", "5000.0"]]);
        assert!(!kept);
        let d = d.unwrap();
        assert_eq!((d.words, d.zeros, d.values), (vec!["declared".to_string(), "monthly".to_string()], 2, 3));
        // a plan word alone is enough; mostly zero alone is enough
        assert!(!doubt(&["Deal ID", "Stage", "Annual Revenue"], &[&["1", "Won", "10"]]).1);
        // Odoo's `Expected Revenue` is what the deal is worth
        assert!(doubt(&["Deal ID", "Stage", "Expected Revenue"], &[&["1", "Won", "10"]]).1);
        let (d, kept) =
            doubt(&["Deal ID", "Stage", "Gross Sales"], &[&["1", "Won", "0"], &["2", "Won", "0"], &["3", "Won", "9"]]);
        assert!(!kept && d.unwrap().words.is_empty());
    }

    #[test]
    fn a_named_amount_or_a_part_with_values_stays() {
        // `Amount` is the amount even when most open deals have none yet
        assert_eq!(doubt(&["Deal ID", "Stage", "Amount"], &[&["1", "Open", "0"], &["2", "Open", "0"]]), (None, true));
        assert_eq!(
            doubt(&["Deal ID", "Stage", "Gross Sales"], &[&["1", "Won", "10"], &["2", "Won", "0"]]),
            (None, true)
        );
    }
}
