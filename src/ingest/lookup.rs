//! Lookup tables: a file keyed by a name that deals use, with facts about each name —
//! Maven CRM's `accounts.csv` (account → sector, office), `products.csv` (product →
//! series, price), `sales_teams.csv` (sales agent → manager, regional office). Recognised
//! by a first column named like a deals owner, account or product whose values do not
//! repeat; kept whole (up to [`MAX_ROWS`]) so that deal tables can be grouped by its
//! columns.

use super::columns::Mapping;
use super::money::parse_money;
use super::schema::DEALS;
use crate::text::fold_letter;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Rows kept of one lookup table (a bigger one is an entity list, not a dimension).
pub const MAX_ROWS: usize = 100_000;
/// Distinct values a column may have to be grouped by.
const MAX_GROUPS: usize = 200;
/// The deals fields a lookup table can be keyed by.
pub const KEYS: [&str; 3] = ["owner", "account", "product"];

/// One lookup table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LookupTable {
    pub file: String,
    /// The deals field its first column names: `owner`, `account` or `product`.
    pub key: String,
    /// Headers of the other columns.
    pub headers: Vec<String>,
    /// Key as written, and the other cells.
    pub rows: Vec<(String, Vec<String>)>,
    /// Rows beyond [`MAX_ROWS`], counted only.
    pub left_out: u64,
    /// Per other column: whether it is a category to group by (text with repeated values,
    /// not numbers); decided by [`LookupTable::settle`].
    pub groupable: Vec<bool>,
}

impl LookupTable {
    pub fn new(file: &str, key: &str, headers: &[String]) -> Self {
        LookupTable {
            file: file.to_string(),
            key: key.to_string(),
            headers: headers.iter().skip(1).cloned().collect(),
            ..LookupTable::default()
        }
    }

    pub fn push(&mut self, cells: Vec<String>) {
        if self.rows.len() >= MAX_ROWS {
            self.left_out += 1;
            return;
        }
        let mut cells = cells.into_iter();
        let key = cells.next().unwrap_or_default();
        let mut rest: Vec<String> = cells.collect();
        rest.resize(self.headers.len(), String::new());
        self.rows.push((key, rest));
    }

    /// Decides which columns are categories.
    pub fn settle(&mut self) {
        self.groupable = (0..self.headers.len())
            .map(|c| {
                let values: Vec<&str> =
                    self.rows.iter().map(|(_, r)| r[c].as_str()).filter(|v| !v.is_empty()).collect();
                let numbers = values.iter().filter(|v| matches!(parse_money(v), Ok(Some(_)))).count();
                let distinct: BTreeSet<String> = values.iter().map(|v| join_key(v)).collect();
                !values.is_empty()
                    && numbers * 2 < values.len()
                    && distinct.len() < values.len()
                    && distinct.len() <= MAX_GROUPS
            })
            .collect();
    }
}

/// The deals field a header row and its first rows make a lookup table of, if any: its
/// first column names an owner, account or product, it has other columns, and the first
/// column's values do not repeat.
pub fn lookup_key(headers: &[String], rows: &[Vec<String>]) -> Option<&'static str> {
    if headers.len() < 2 {
        return None;
    }
    let first = Mapping::new(&DEALS, &headers[..1], &[]);
    let key = KEYS.into_iter().find(|k| first.column(k) == Some(0))?;
    let keys: Vec<String> =
        rows.iter().filter_map(|r| r.first()).filter(|v| !v.is_empty()).map(|v| join_key(v)).collect();
    let distinct: BTreeSet<&String> = keys.iter().collect();
    (!keys.is_empty() && distinct.len() == keys.len()).then_some(key)
}

/// The form in which names join across files: letters and digits only, lower case,
/// Persian letters for their Arabic forms (`GTX Pro` and `GTXPro` are one product).
pub fn join_key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).map(fold_letter).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::test_rows as strings;

    #[test]
    fn maven_lookup_tables_are_recognised() {
        let h = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
        let accounts = h("account,sector,year_established,revenue,employees,office_location,subsidiary_of");
        let rows = strings(&[
            "Acme Corporation,technolgy,1996,1100.04,2822,United States,",
            "Betasoloin,medical,1999,251.41,495,United States,",
        ]);
        assert_eq!(lookup_key(&accounts, &rows), Some("account"));
        assert_eq!(lookup_key(&h("product,series,sales_price"), &strings(&["GTX Basic,GTX,550"])), Some("product"));
        assert_eq!(
            lookup_key(&h("sales_agent,manager,regional_office"), &strings(&["Anna,Dustin,Central"])),
            Some("owner")
        );
        // a repeated key is a list of events, not a lookup table
        assert_eq!(lookup_key(&h("account,note"), &strings(&["A,x", "a,y"])), None);
        assert_eq!(lookup_key(&h("name,email"), &strings(&["A,x"])), None);
    }

    #[test]
    fn categories_are_repeated_text() {
        let mut t = LookupTable::new(
            "a.csv",
            "account",
            &"account,sector,revenue,city".split(',').map(String::from).collect::<Vec<_>>(),
        );
        for r in ["A,tech,10,Paris", "B,tech,20,Rome", "C,retail,30,Oslo"] {
            t.push(r.split(',').map(String::from).collect());
        }
        t.settle();
        assert_eq!(t.groupable, [true, false, false]);
        assert_eq!(join_key(" GTX Pro "), join_key("GTXPro"));
    }
}
