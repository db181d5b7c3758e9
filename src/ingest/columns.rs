//! Header recognition: which table kind a file is (see [`super::schema`]) and which
//! column holds which canonical field.

use super::notes::FileErrorKind;
use super::schema::{KindSpec, KINDS};
use crate::text::normalize_label;

/// Prefixes CRM exports put before field names (`Deal - Value`, `Opportunity Owner`).
pub const PREFIXES: [&str; 6] = ["deal ", "opportunity ", "lead ", "商机", "线索", "معامله "];

/// A header row mapped onto one kind's fields.
#[derive(Clone, Debug)]
pub struct Mapping {
    pub kind: &'static KindSpec,
    /// Column index of each field, in the kind's field order.
    index: Vec<Option<usize>>,
}

impl PartialEq for Mapping {
    fn eq(&self, other: &Self) -> bool {
        self.kind.kind == other.kind.kind && self.index == other.index
    }
}

impl Mapping {
    /// Column of the field at position `field` of the kind.
    pub fn column_at(&self, field: usize) -> Option<usize> {
        self.index.get(field).copied().flatten()
    }

    /// Column of the named field.
    pub fn column(&self, field: &str) -> Option<usize> {
        self.kind.field(field).and_then(|i| self.column_at(i))
    }

    pub fn has(&self, field: &str) -> bool {
        self.column(field).is_some()
    }

    /// Field a column is mapped to.
    pub fn field_of(&self, column: usize) -> Option<&'static str> {
        self.index.iter().position(|c| *c == Some(column)).map(|i| self.kind.fields[i].name)
    }

    /// Required fields with no column.
    pub fn missing(&self) -> Vec<&'static str> {
        self.kind
            .fields
            .iter()
            .zip(&self.index)
            .filter(|(f, c)| f.required && c.is_none())
            .map(|(f, _)| f.name)
            .collect()
    }

    /// Maps `headers` onto `kind` by synonyms; `fixed` (field, column) pairs chosen by the
    /// user come first.
    pub fn new(kind: &'static KindSpec, headers: &[String], fixed: &[(&str, usize)]) -> Self {
        let mut index = vec![None; kind.fields.len()];
        let mut taken = vec![false; headers.len()];
        for (field, column) in fixed {
            let Some(t) = taken.get_mut(*column) else { continue };
            // A column fixed to no field (the user's "unused") is taken too.
            *t = true;
            if let Some(i) = kind.field(field) {
                index[i] = Some(*column);
            }
        }
        let mut m = Mapping { kind, index };
        m.fill(headers, &taken);
        m
    }

    /// Maps the columns not `taken` by their header words onto fields still free.
    pub fn fill(&mut self, headers: &[String], taken: &[bool]) {
        let kind = self.kind;
        for (col, header) in headers.iter().enumerate() {
            if taken.get(col).copied().unwrap_or(true) || self.field_of(col).is_some() {
                continue;
            }
            let label = normalize_label(header);
            let find = |l: &str| kind.fields.iter().position(|f| f.synonyms.contains(&l));
            let found = find(&label).or_else(|| PREFIXES.iter().find_map(|p| label.strip_prefix(p).and_then(find)));
            if let Some(i) = found {
                if self.index[i].is_none() {
                    self.index[i] = Some(col);
                }
            }
        }
    }

    /// Maps `field` to `column` when neither is taken; true if it was set.
    pub fn set(&mut self, field: &str, column: usize) -> bool {
        match self.kind.field(field) {
            Some(i) if self.index[i].is_none() && !self.index.contains(&Some(column)) => {
                self.index[i] = Some(column);
                true
            }
            _ => false,
        }
    }

    /// Maps `field` to `column` too, beside the field the column holds already (a list of
    /// MQLs: its created date is its MQL date).
    pub fn alias(&mut self, field: &str, column: usize) {
        if let Some(i) = self.kind.field(field) {
            self.index[i] = Some(column);
        }
    }

    /// Leaves `column` unmapped.
    pub fn unset(&mut self, column: usize) {
        for c in &mut self.index {
            if *c == Some(column) {
                *c = None;
            }
        }
    }

    pub fn satisfies_signature(&self) -> bool {
        self.kind.signature.iter().all(|choice| choice.iter().any(|f| self.has(f)))
    }

    /// (share of required fields present, fields mapped): higher is a better fit.
    fn score(&self) -> (u64, usize) {
        let required = self.kind.fields.iter().filter(|f| f.required).count().max(1) as u64;
        let present = required - self.missing().len() as u64;
        (present * 1000 / required, self.index.iter().flatten().count())
    }

    /// Number of columns mapped.
    pub fn mapped(&self) -> usize {
        self.index.iter().flatten().count()
    }
}

/// The best-fitting kind for a header row, or a message listing what was found and what
/// a deals file needs.
pub fn recognise(headers: &[String]) -> Result<Mapping, FileErrorKind> {
    let mut best: Option<Mapping> = None;
    for kind in KINDS {
        let m = Mapping::new(kind, headers, &[]);
        if m.satisfies_signature() && best.as_ref().is_none_or(|b| m.score() > b.score()) {
            best = Some(m);
        }
    }
    best.ok_or_else(|| unrecognised(headers))
}

/// Why `headers` are no known table's: what was found, and what a deals file needs.
pub fn unrecognised(headers: &[String]) -> FileErrorKind {
    let deals = Mapping::new(&super::schema::DEALS, headers, &[]);
    let found = headers.iter().map(|h| h.trim()).filter(|h| !h.is_empty()).map(String::from).collect();
    let needs = deals.kind.fields.iter().filter(|f| f.required).map(|f| f.name.to_string()).collect();
    let missing = deals.missing().into_iter().map(String::from).collect();
    FileErrorKind::Columns { found, needs, missing }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(s: &str) -> Vec<String> {
        s.split(',').map(String::from).collect()
    }

    fn kind_of(s: &str) -> &'static str {
        recognise(&headers(s)).map(|m| m.kind.name).unwrap_or("?")
    }

    #[test]
    fn maven_crm_names() {
        let m = recognise(&headers(
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
        ))
        .unwrap();
        assert_eq!(m.kind.name, "deals");
        let cols: Vec<_> = ["deal_id", "owner", "product", "stage", "created_date", "closed_date", "amount"]
            .iter()
            .map(|f| m.column(f))
            .collect();
        assert_eq!(cols, [Some(0), Some(1), Some(2), Some(4), Some(5), Some(6), Some(7)]);
        assert!(m.missing().is_empty());
    }

    #[test]
    fn crm_exports_and_languages() {
        let sf = recognise(&headers("Opportunity Owner,Account Name,Stage,Amount,Created Date,Close Date")).unwrap();
        assert_eq!(sf.column("owner"), Some(0));
        let pd = recognise(&headers("Deal - Title,Deal - Value,Deal - Owner,Deal - Stage,Deal - Won time")).unwrap();
        assert_eq!((pd.column("amount"), pd.column("won_date")), (Some(1), Some(4)));
        let zh = recognise(&headers("商机编号,负责人,客户名称,阶段,金额,创建日期,成交日期")).unwrap();
        assert!(zh.missing().is_empty());
        let fa = recognise(&headers("شناسه معامله,فروشنده,مشتری,مرحله,مبلغ,تاریخ ایجاد,تاریخ بستن")).unwrap();
        assert!(fa.missing().is_empty());
    }

    #[test]
    fn every_kind_is_recognised() {
        assert_eq!(kind_of("deal_id,stage,entered_date"), "stage_history");
        assert_eq!(kind_of("Lead ID,Created Date,Lead Source,Lead Status,Lead Owner"), "leads");
        assert_eq!(kind_of("owner,activity type,date,duration"), "activities");
        assert_eq!(kind_of("customer_id,acquired_date,churned_date,segment"), "customers");
        assert_eq!(kind_of("Order ID,Customer ID,Order Date,Amount,Product"), "orders");
        assert_eq!(kind_of("customer_id,start_date,end_date,mrr"), "subscriptions");
        assert_eq!(kind_of("month,spend,channel"), "spend");
        assert_eq!(kind_of("owner,period,quota"), "quotas");
        assert_eq!(kind_of("date,score,customer_id"), "surveys");
        assert_eq!(kind_of("date,visitors,conversions,channel"), "traffic");
        assert_eq!(kind_of("created_at,first_response_at,customer_id"), "tickets");
        assert_eq!(kind_of("销售员,周期,目标"), "quotas");
    }

    #[test]
    fn user_choices_come_first() {
        let h = headers("Rep,Phase,Money,Opened");
        assert!(recognise(&h).is_err());
        let m = Mapping::new(&crate::ingest::schema::DEALS, &h, &[("stage", 1), ("amount", 2), ("created_date", 3)]);
        assert_eq!((m.column("stage"), m.column("owner")), (Some(1), Some(0)));
    }

    #[test]
    fn unknown_lists_found_and_missing() {
        let msg = recognise(&headers("name,email,phone")).unwrap_err().text();
        assert!(msg.contains("Found: name, email, phone"), "{msg}");
        assert!(msg.contains("missing: deal_id, owner, account, stage, amount, created_date"), "{msg}");
    }
}
