//! Header recognition: which table kind a file is (see [`super::schema`]) and which
//! column holds which canonical field.

use super::file_info::{ColumnWhy, TakenBy};
use super::notes::FileErrorKind;
use super::profile::{fit, Expect, Profile};
use super::schema::{Kind, KindSpec, KINDS};
use super::tokens::token_set;
use crate::stages::{says_won_or_lost, Status};
use crate::vocabulary::{order_status, OrderStatus};
use rustc_hash::FxHashMap;

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
            .filter(|(f, c)| {
                f.required && c.is_none() && (f.instead.is_empty() || !f.instead.iter().all(|i| self.has(i)))
            })
            .map(|(f, _)| f.name)
            .collect()
    }

    /// Maps the headers whose words are `words` (see [`header_words`]) onto `kind`, each
    /// weighed by how well the column's values (`profiles`, when known) fit the field.
    fn weighed(kind: &'static KindSpec, words: &[Vec<String>], profiles: Option<&[Profile]>) -> Self {
        let mut m = Mapping { kind, index: vec![None; kind.fields.len()] };
        m.assign(words, &vec![false; words.len()], profiles);
        m
    }

    /// Maps `headers` onto `kind` by their words; `fixed` (field, column) pairs chosen by
    /// the user come first.
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
        m.assign(&header_words(headers), &taken, None);
        m
    }

    /// Maps the columns not `taken` by their header words (weighed by their values, when
    /// `profiles` are known) onto fields still free.
    pub fn fill(&mut self, headers: &[String], taken: &[bool], profiles: Option<&[Profile]>) {
        self.assign(&header_words(headers), taken, profiles);
    }

    /// Every (column, field) pair whose header names the field, best first: each column
    /// to the field it names best, each field to the column that names it best (the
    /// leftmost of equals). An optional status is not given a column whose values are no
    /// status words (a `State` of US states is no order status).
    fn assign(&mut self, words: &[Vec<String>], taken: &[bool], profiles: Option<&[Profile]>) {
        let kind = self.kind;
        let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
        for (col, words) in words.iter().enumerate() {
            if taken.get(col).copied().unwrap_or(true) || self.field_of(col).is_some() {
                continue;
            }
            for Named { field: i, weight: named, by, .. } in
                named_fields(kind, words, without_context(kind, words).as_deref())
            {
                let spec = &kind.fields[i];
                let expect = Expect::of(kind.kind, spec);
                let values = profiles.and_then(|p| p.get(col)).map_or(1.0, |p| fit(p, expect));
                // A column of other words is no status (a `State` of US states), nor is a
                // header that only holds a name (`Price Point Name` of words); a column
                // named by its header and of other values is still its field's, its bad
                // values listed.
                let words = matches!(expect, Expect::DealStatus | Expect::OrderStatus);
                let weak = by == TakenBy::Part;
                if values >= 0.5 || (!weak && (spec.required || !words)) {
                    candidates.push((named * values, i, col));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
        for (_, field, col) in candidates {
            if self.index[field].is_none() && !self.index.contains(&Some(col)) {
                self.index[field] = Some(col);
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

    /// The columns mapped.
    pub fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.index.iter().flatten().copied()
    }

    /// Number of columns mapped.
    pub fn mapped(&self) -> usize {
        self.index.iter().flatten().count()
    }
}

/// The words of each header (see [`token_set`]), made once per header row.
pub fn header_words(headers: &[String]) -> Vec<Vec<String>> {
    headers.iter().map(|h| token_set(h)).collect()
}

/// A field a header names: how well, how, and with which of its words.
#[derive(Clone, Debug)]
struct Named {
    field: usize,
    weight: f32,
    by: TakenBy,
    words: Vec<String>,
}

/// How well a header's words name each field of `kind` they name: 1 for a synonym's
/// words exactly (0.9 for a one-word synonym, which names less, unless it is the field's
/// own name), 0.85 of that for them with the kind's context words (`Deal - Value`, `Order
/// Total Amount`: `bare` is the header's words without them), and less for a header that
/// holds a synonym's words among others (see [`partly_named`]).
fn named_fields(kind: &KindSpec, words: &[String], bare: Option<&[String]>) -> Vec<Named> {
    let index = &synonym_index()[kind_index(kind)];
    let named =
        |field: usize, weight: f32, by: TakenBy, words: &[String]| Named { field, weight, by, words: words.to_vec() };
    let mut out: Vec<Named> =
        index.get(words).into_iter().flatten().map(|&(f, w)| named(f, w, TakenBy::Synonym, words)).collect();
    if let Some(b) = bare {
        for &(field, weight) in index.get(b).into_iter().flatten() {
            if !out.iter().any(|n| n.field == field) {
                out.push(named(field, 0.85 * weight, TakenBy::Context, b));
            }
        }
    }
    if out.is_empty() && kind.kind == Kind::Orders && status_flag(&words.join(" ")).is_some() {
        // `CANCELED` (Y/N): an order's status, written as a flag
        out.extend(kind.field("status").map(|i| named(i, 0.9, TakenBy::Flag, words)));
    }
    if out.is_empty() && kind.kind == Kind::Deals {
        // a header with a won or lost word (`Hora de ganado`): when deals were won or lost,
        // if its values are dates
        let field = match says_won_or_lost(bare.unwrap_or(words)) {
            Some(Status::Won) => kind.field("won_date"),
            Some(Status::Lost) => kind.field("lost_date"),
            _ => None,
        };
        if let Some(i) = field {
            let said: Vec<String> =
                words.iter().filter(|w| says_won_or_lost(std::slice::from_ref(w)).is_some()).cloned().collect();
            out.push(named(i, 0.6, TakenBy::WonLost, if said.is_empty() { words } else { &said }));
        }
    }
    if out.is_empty() {
        // the context words may be part of a synonym (`Order Reference` holds `order`)
        partly_named(index, words, &mut out);
        if let Some(b) = bare {
            partly_named(index, b, &mut out);
        }
    }
    out
}

/// The weight with which a header's words name field `i` of `kind`, if they do.
fn weight_of(kind: &KindSpec, words: &[String], i: usize) -> Option<f32> {
    named_fields(kind, words, without_context(kind, words).as_deref()).iter().find(|n| n.field == i).map(|n| n.weight)
}

/// How `header` names `field` of `kind`, and with which of its words (in the header's
/// order, as written); None when its words do not name it.
pub fn named_by(kind: &KindSpec, header: &str, field: &str) -> Option<(TakenBy, String)> {
    let i = kind.field(field)?;
    let words = token_set(header);
    let named = named_fields(kind, &words, without_context(kind, &words).as_deref());
    let n = named.into_iter().find(|n| n.field == i)?;
    let said: Vec<String> = super::tokens::tokens_as_written(header)
        .into_iter()
        .filter(|(w, _)| n.words.contains(w))
        .map(|(_, written)| written)
        .collect();
    Some((n.by, if said.is_empty() { n.words.join(" ") } else { said.join(" ") }))
}

/// Why `header` was taken for `field` of `kind`: as `given` (`user`, `group`) when the
/// caller knows, else by its words (see [`named_by`]), else by its values; with what its
/// values (`profile`, when known) look like.
pub fn why_taken(
    kind: &KindSpec,
    header: &str,
    field: &str,
    profile: Option<&Profile>,
    given: Option<TakenBy>,
) -> ColumnWhy {
    let (by, words) = match given {
        Some(by) => (by, String::new()),
        None => named_by(kind, header, field).unwrap_or((TakenBy::Values, String::new())),
    };
    let expect = kind.field(field).map_or(Expect::Text, |i| Expect::of(kind.kind, &kind.fields[i]));
    let values = profile.map_or(super::file_info::ValueShape::None, |p| p.shape(expect));
    ColumnWhy { by, words, values }
}

/// The status a header names when it is itself a status that leaves an order out
/// (`Cancelled`, `Refunded`, `已取消`): its column says yes or no to it.
pub fn status_flag(header: &str) -> Option<OrderStatus> {
    order_status(header).filter(|s| *s != OrderStatus::Counts)
}

/// Headers with more words than fit the table this long are not split into their parts.
const MAX_PART_WORDS: usize = 5;

/// The fields a header names with some of its words, when no synonym is all of them
/// (`Gross Sales` holds `sales`, `Total Price` holds `total`, `DocNum` holds `id`): each
/// part weighs 0.4 to 0.7 of its synonym's weight, more the more of the header it is, so
/// a header that is a synonym always names its field better than one that holds it.
fn partly_named(index: &SynonymIndex, words: &[String], out: &mut Vec<Named>) {
    let n = words.len();
    if !(2..=MAX_PART_WORDS).contains(&n) {
        return;
    }
    let mut part: Vec<String> = Vec::with_capacity(n);
    for mask in 1u32..(1 << n) - 1 {
        part.clear();
        part.extend((0..n).filter(|i| mask & (1 << i) != 0).map(|i| words[i].clone()));
        let Some(named) = index.get(&part) else { continue };
        let share = part.len() as f32 / n as f32;
        for &(field, weight) in named {
            let w = weight * (0.4 + 0.3 * share);
            match out.iter_mut().find(|o| o.field == field) {
                Some(o) if o.weight >= w => {}
                Some(o) => {
                    o.weight = w;
                    o.words = part.clone();
                }
                None => out.push(Named { field, weight: w, by: TakenBy::Part, words: part.clone() }),
            }
        }
    }
}

/// Whether `header`'s words name a field of `kind`.
pub fn names_a_field(kind: &KindSpec, header: &str) -> bool {
    let words = token_set(header);
    !named_fields(kind, &words, without_context(kind, &words).as_deref()).is_empty()
}

/// `words` without the kind's context words (and a context word that starts a Chinese
/// word: `商机金额` is `金额`); None when there were none to drop or nothing is left.
fn without_context(kind: &KindSpec, words: &[String]) -> Option<Vec<String>> {
    let mut dropped = false;
    let mut rest: Vec<String> = Vec::new();
    for w in words {
        if kind.context.contains(&w.as_str()) {
            dropped = true;
            continue;
        }
        match kind.context.iter().find_map(|c| w.strip_prefix(c).filter(|r| !r.is_empty() && !c.is_ascii())) {
            Some(r) => {
                dropped = true;
                rest.push(r.to_string());
            }
            None => rest.push(w.clone()),
        }
    }
    rest.sort();
    (dropped && !rest.is_empty()).then_some(rest)
}

/// A header's words without the kind's context words, in order, as one string (`Deal -
/// Is Won` is `is won`): the word an ambiguous header says.
pub fn field_words(kind: &KindSpec, header: &str) -> String {
    let words = super::tokens::tokens(header);
    let kept: Vec<&str> = words.iter().map(String::as_str).filter(|w| !kind.context.contains(w)).collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

fn kind_index(kind: &KindSpec) -> usize {
    KINDS.iter().position(|k| k.kind == kind.kind).unwrap_or(0)
}

/// A synonym's words (sorted) → the fields it names, each with its weight.
type SynonymIndex = FxHashMap<Vec<String>, Vec<(usize, f32)>>;

/// Per kind, its [`SynonymIndex`], made once.
fn synonym_index() -> &'static [SynonymIndex] {
    static INDEX: std::sync::OnceLock<Vec<SynonymIndex>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        KINDS
            .iter()
            .map(|k| {
                let mut index = SynonymIndex::default();
                for (i, f) in k.fields.iter().enumerate() {
                    let own = token_set(&f.name.replace('_', " "));
                    for words in f.synonyms.iter().map(|s| token_set(s)).filter(|w| !w.is_empty()) {
                        let weight = if words.len() == 1 && words != own { 0.9 } else { 1.0 };
                        let named = index.entry(words).or_default();
                        match named.iter_mut().find(|(field, _)| *field == i) {
                            Some(n) => n.1 = n.1.max(weight),
                            None => named.push((i, weight)),
                        }
                    }
                }
                index
            })
            .collect()
    })
}

/// How well the evidence fits `m`: each required field (each choice of the signature)
/// counts by how well its column's header and values name it, and the share of columns
/// the kind explains, so a kind whose every required field has a column of the right
/// values and that explains every column scores 1.
fn evidence(m: &Mapping, words: &[Vec<String>], profiles: &[Profile]) -> f32 {
    let kind = m.kind;
    let strength = |field: &str| -> f32 {
        let Some(i) = kind.field(field) else { return 0.0 };
        let Some(col) = m.column_at(i) else {
            let spec = &kind.fields[i];
            if !spec.instead.is_empty() && spec.instead.iter().all(|f| m.has(f)) {
                return 0.9;
            }
            return 0.0;
        };
        let words = words.get(col).map_or(&[][..], Vec::as_slice);
        let named = weight_of(kind, words, i).map_or(0.5, |w| w.max(0.5));
        named * profiles.get(col).map_or(0.7, |p| fit(p, Expect::of(kind.kind, &kind.fields[i])))
    };
    let required: Vec<&str> = kind.fields.iter().filter(|f| f.required).map(|f| f.name).collect();
    let choice = |c: &&[&str]| c.iter().map(|f| strength(f)).fold(0.0, f32::max);
    let signature = kind.signature.iter().map(choice).sum::<f32>() / kind.signature.len().max(1) as f32;
    let covered = required.iter().map(|f| strength(f)).sum::<f32>() / required.len().max(1) as f32;
    let named = words.iter().filter(|w| !w.is_empty()).count().max(1) as f32;
    let explained = (m.mapped() as f32 / named).min(1.0);
    0.4 * signature + 0.4 * covered + 0.2 * explained
}

/// What the header and the rows below it say the table is.
#[derive(Debug)]
pub enum Recognised {
    /// One kind fits best, by a margin.
    Kind(Mapping),
    /// Two kinds fit about equally: the first is the likelier.
    Uncertain(Mapping, &'static KindSpec),
}

/// Below this, a kind's evidence does not recognise a table.
const ENOUGH: f32 = 0.25;
/// The best kind wins when its evidence is ahead of the next one's by this much.
const MARGIN: f32 = 0.08;

/// The best-fitting kind for a header row (weighing the `profiles` of the values below
/// it), or a message listing what was found and what the nearest kind needs.
pub fn recognise(headers: &[String], profiles: &[Profile]) -> Result<Recognised, FileErrorKind> {
    let words = header_words(headers);
    let mut scored: Vec<(f32, usize, Mapping)> = Vec::new();
    for (order, kind) in KINDS.iter().enumerate() {
        let m = Mapping::weighed(kind, &words, Some(profiles));
        let signed = kind.signature.iter().all(|choice| {
            choice.iter().any(|f| {
                m.column(f).is_some_and(|c| {
                    let spec = &kind.fields[kind.field(f).unwrap_or(0)];
                    profiles.get(c).is_none_or(|p| fit(p, Expect::of(kind.kind, spec)) > 0.5)
                })
            })
        });
        let e = evidence(&m, &words, profiles);
        if signed && e >= ENOUGH {
            scored.push((e, order, m));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut scored = scored.into_iter();
    let Some((best, _, m)) = scored.next() else { return Err(nearest(headers, &words, profiles, None)) };
    match scored.next() {
        // A kind that explains every column the other does, and more, is not in doubt.
        Some((next, _, other)) if best - next < MARGIN && other.columns().any(|c| m.field_of(c).is_none()) => {
            Ok(Recognised::Uncertain(m, other.kind))
        }
        _ => Ok(Recognised::Kind(m)),
    }
}

/// Why `headers` are no known table's: what was found, the kind they come nearest to
/// (`forced` when the user chose one) and what it needs.
pub fn unrecognised(headers: &[String], profiles: &[Profile], forced: Option<&'static KindSpec>) -> FileErrorKind {
    nearest(headers, &header_words(headers), profiles, forced)
}

fn nearest(
    headers: &[String],
    words: &[Vec<String>],
    profiles: &[Profile],
    forced: Option<&'static KindSpec>,
) -> FileErrorKind {
    let nearest = match forced {
        Some(kind) => Mapping::weighed(kind, words, Some(profiles)),
        None => KINDS
            .iter()
            .map(|k| Mapping::weighed(k, words, Some(profiles)))
            .map(|m| (evidence(&m, words, profiles), m))
            .fold(None::<(f32, Mapping)>, |best, (e, m)| match best {
                Some((b, bm)) if b >= e => Some((b, bm)),
                _ if e > 0.0 => Some((e, m)),
                best => best,
            })
            .map_or_else(|| Mapping::new(&super::schema::DEALS, headers, &[]), |(_, m)| m),
    };
    let found = crate::text::header_list(headers.iter().map(|h| h.trim()).filter(|h| !h.is_empty()));
    let needs = nearest.kind.fields.iter().filter(|f| f.required).map(|f| f.name.to_string()).collect();
    let missing = nearest.missing().into_iter().map(String::from).collect();
    FileErrorKind::Columns { found, kind: nearest.kind.name, needs, missing }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(s: &str) -> Vec<String> {
        s.split(',').map(String::from).collect()
    }

    fn recognised(s: &str) -> Option<Mapping> {
        match recognise(&headers(s), &[]) {
            Ok(Recognised::Kind(m)) => Some(m),
            _ => None,
        }
    }

    fn kind_of(s: &str) -> &'static str {
        recognised(s).map(|m| m.kind.name).unwrap_or("?")
    }

    #[test]
    fn maven_crm_names() {
        let m = recognised("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value")
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
        let sf = recognised("Opportunity Owner,Account Name,Stage,Amount,Created Date,Close Date").unwrap();
        assert_eq!(sf.column("owner"), Some(0));
        let pd = recognised("Deal - Title,Deal - Value,Deal - Owner,Deal - Stage,Deal - Won time").unwrap();
        assert_eq!((pd.column("amount"), pd.column("won_date")), (Some(1), Some(4)));
        let zh = recognised("商机编号,负责人,客户名称,阶段,金额,创建日期,成交日期").unwrap();
        assert!(zh.missing().is_empty());
        let fa = recognised("شناسه معامله,فروشنده,مشتری,مرحله,مبلغ,تاریخ ایجاد,تاریخ بستن").unwrap();
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
    fn headers_that_hold_a_synonym() {
        let sq = recognised("Date,Transaction ID,Customer ID,Gross Sales,Net Sales").unwrap();
        assert_eq!((sq.kind.name, sq.column("amount")), ("orders", Some(3)));
        let sap = recognised("DocNum,DocDate,CardCode,DocTotal,CANCELED").unwrap();
        let cols: Vec<_> = ["order_id", "order_date", "customer_id", "amount", "status"].map(|f| sap.column(f)).into();
        assert_eq!(cols, [Some(0), Some(1), Some(2), Some(3), Some(4)]);
        assert_eq!(status_flag("CANCELED"), Some(OrderStatus::Cancelled));
        // the field's own name beats a longer synonym; amount × probability is no amount
        let zoho = recognised("Record Id,Deal Owner,Amount,Stage,Account Name,Expected Revenue,Created Time").unwrap();
        assert_eq!(zoho.column("amount"), Some(2));
        let es =
            recognised("Trato - ID,Trato - Valor,Trato - Propietario,Trato - Etapa,Trato - Hora de ganado").unwrap();
        assert_eq!((es.column("amount"), es.column("won_date")), (Some(1), Some(4)));
    }

    #[test]
    fn why_a_column_was_taken() {
        let why = |kind: &'static KindSpec, header: &str, field: &str| {
            let w = why_taken(kind, header, field, None, None);
            (w.by, w.words)
        };
        let s = |by: TakenBy, words: &str| (by, words.to_string());
        use crate::ingest::schema::{DEALS, ORDERS};
        assert_eq!(why(&DEALS, "Amount", "amount"), s(TakenBy::Synonym, "Amount"));
        assert_eq!(why(&DEALS, "Trato - Valor", "amount"), s(TakenBy::Context, "Valor"));
        assert_eq!(why(&ORDERS, "Gross Sales", "amount"), s(TakenBy::Part, "Gross"));
        assert_eq!(why(&ORDERS, "Total Price", "amount"), s(TakenBy::Part, "Total"));
        assert_eq!(why(&ORDERS, "CANCELED", "status"), s(TakenBy::Flag, "CANCELED"));
        assert_eq!(why(&DEALS, "Hora de ganado", "won_date"), s(TakenBy::WonLost, "ganado"));
        assert_eq!(why(&DEALS, "Col 7", "amount"), s(TakenBy::Values, ""));
        let p = Profile::all(1, &crate::ingest::test_rows(&["$1,200.00", "$90.50"]));
        let user = why_taken(&DEALS, "Col 7", "amount", p.first(), Some(TakenBy::User));
        assert_eq!((user.by, user.values), (TakenBy::User, crate::ingest::file_info::ValueShape::Numbers));
    }

    #[test]
    fn user_choices_come_first() {
        let h = headers("Rep,Step,Money,Opened");
        assert!(recognise(&h, &[]).is_err());
        let m = Mapping::new(&crate::ingest::schema::DEALS, &h, &[("stage", 1), ("amount", 2), ("created_date", 3)]);
        assert_eq!((m.column("stage"), m.column("owner")), (Some(1), Some(0)));
    }

    #[test]
    fn unknown_lists_found_and_missing() {
        let msg = recognise(&headers("name,email,phone"), &[]).unwrap_err().text();
        assert!(msg.contains("Found: name, email, phone"), "{msg}");
        assert!(msg.contains("nearest to the orders table"), "{msg}");
    }
}
