//! Header recognition: which table kind a file is, and which column holds which
//! canonical field (METRICS.md "Input tables"). Synonyms cover English, Chinese and
//! Persian headers and the column names of common CRM exports.

use super::text::normalize_label;
use serde::Serialize;

/// Canonical fields of the `deals` table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DealField {
    DealId,
    Owner,
    Account,
    Stage,
    Status,
    Amount,
    CreatedDate,
    ClosedDate,
    LostReason,
    Source,
    Type,
    Probability,
    ExpectedCloseDate,
    Currency,
    Product,
    LostStage,
}

impl DealField {
    pub const ALL: [DealField; 16] = [
        DealField::DealId,
        DealField::Owner,
        DealField::Account,
        DealField::Stage,
        DealField::Status,
        DealField::Amount,
        DealField::CreatedDate,
        DealField::ClosedDate,
        DealField::LostReason,
        DealField::Source,
        DealField::Type,
        DealField::Probability,
        DealField::ExpectedCloseDate,
        DealField::Currency,
        DealField::Product,
        DealField::LostStage,
    ];

    /// Columns METRICS.md lists as required for a deals table.
    pub const REQUIRED: [DealField; 6] = [
        DealField::DealId,
        DealField::Owner,
        DealField::Account,
        DealField::Stage,
        DealField::Amount,
        DealField::CreatedDate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DealField::DealId => "deal_id",
            DealField::Owner => "owner",
            DealField::Account => "account",
            DealField::Stage => "stage",
            DealField::Status => "status",
            DealField::Amount => "amount",
            DealField::CreatedDate => "created_date",
            DealField::ClosedDate => "closed_date",
            DealField::LostReason => "lost_reason",
            DealField::Source => "source",
            DealField::Type => "type",
            DealField::Probability => "probability",
            DealField::ExpectedCloseDate => "expected_close_date",
            DealField::Currency => "currency",
            DealField::Product => "product",
            DealField::LostStage => "lost_stage",
        }
    }

    /// Header synonyms, in normal form (see [`normalize_label`]).
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            DealField::DealId => &[
                "deal id",
                "id",
                "opportunity id",
                "record id",
                "deal number",
                "deal no",
                "opportunity",
                "opportunity number",
                "商机id",
                "商机编号",
                "商机编码",
                "交易id",
                "交易编号",
                "机会id",
                "编号",
                "شناسه معامله",
                "کد معامله",
                "شناسه فرصت",
                "شناسه",
            ],
            DealField::Owner => &[
                "owner",
                "deal owner",
                "opportunity owner",
                "sales agent",
                "sales rep",
                "salesperson",
                "sales person",
                "sales representative",
                "rep",
                "account executive",
                "assigned to",
                "owner name",
                "deal owner name",
                "user",
                "负责人",
                "销售",
                "销售员",
                "销售代表",
                "业务员",
                "所有者",
                "商机负责人",
                "فروشنده",
                "مسئول",
                "کارشناس فروش",
                "مالک",
                "نماینده فروش",
            ],
            DealField::Account => &[
                "account",
                "account name",
                "company",
                "company name",
                "organization",
                "organization name",
                "organisation",
                "customer",
                "customer name",
                "client",
                "client name",
                "客户",
                "客户名称",
                "公司",
                "公司名称",
                "حساب",
                "مشتری",
                "نام مشتری",
                "شرکت",
                "نام شرکت",
            ],
            DealField::Stage => &[
                "stage",
                "deal stage",
                "pipeline stage",
                "sales stage",
                "opportunity stage",
                "stage name",
                "阶段",
                "销售阶段",
                "商机阶段",
                "مرحله",
                "مرحله فروش",
                "مرحله معامله",
            ],
            DealField::Status => &[
                "status",
                "deal status",
                "opportunity status",
                "won lost",
                "result",
                "状态",
                "赢单状态",
                "商机状态",
                "وضعیت",
                "وضعیت معامله",
            ],
            DealField::Amount => &[
                "amount",
                "value",
                "deal value",
                "close value",
                "deal amount",
                "opportunity amount",
                "amount usd",
                "total",
                "total amount",
                "deal size",
                "price",
                "金额",
                "合同金额",
                "商机金额",
                "销售额",
                "成交金额",
                "مبلغ",
                "ارزش",
                "مبلغ معامله",
                "ارزش معامله",
            ],
            DealField::CreatedDate => &[
                "created date",
                "create date",
                "created",
                "created at",
                "created on",
                "created time",
                "deal created",
                "date created",
                "creation date",
                "engage date",
                "open date",
                "opened date",
                "start date",
                "deal created on",
                "创建日期",
                "创建时间",
                "建立日期",
                "تاریخ ایجاد",
                "تاریخ ثبت",
                "تاریخ شروع",
            ],
            DealField::ClosedDate => &[
                "close date",
                "closed date",
                "closed at",
                "close time",
                "closed on",
                "date closed",
                "actual close date",
                "won time",
                "won date",
                "closing date",
                "关闭日期",
                "成交日期",
                "结束日期",
                "赢单日期",
                "تاریخ بستن",
                "تاریخ بسته شدن",
                "تاریخ اتمام",
            ],
            DealField::LostReason => &[
                "lost reason",
                "loss reason",
                "reason lost",
                "closed lost reason",
                "reason for loss",
                "输单原因",
                "丢单原因",
                "失败原因",
                "دلیل از دست رفتن",
                "دلیل شکست",
                "علت شکست",
            ],
            DealField::Source => {
                &["source", "lead source", "deal source", "origin", "来源", "线索来源", "منبع", "منبع سرنخ"]
            }
            DealField::Type => &["type", "deal type", "opportunity type", "类型", "商机类型", "نوع", "نوع معامله"],
            DealField::Probability => &[
                "probability",
                "probability (%)",
                "probability %",
                "win probability",
                "deal probability",
                "概率",
                "赢率",
                "成交概率",
                "احتمال",
                "احتمال موفقیت",
            ],
            DealField::ExpectedCloseDate => &[
                "expected close date",
                "expected close",
                "expected closing date",
                "预计成交日期",
                "预计关闭日期",
                "تاریخ بستن مورد انتظار",
                "تاریخ پیش بینی بستن",
            ],
            DealField::Currency => &["currency", "currency code", "币种", "货币", "ارز", "واحد پول"],
            DealField::Product => &["product", "product name", "产品", "产品名称", "محصول"],
            DealField::LostStage => &["lost stage", "stage lost", "lost at stage", "输单阶段", "مرحله شکست"],
        }
    }
}

/// Prefixes CRM exports put before field names (`Deal - Value`, `Opportunity Owner`).
const PREFIXES: [&str; 4] = ["deal ", "opportunity ", "商机", "معامله "];

fn field_for(header: &str) -> Option<DealField> {
    let label = normalize_label(header);
    let lookup = |l: &str| DealField::ALL.into_iter().find(|f| f.synonyms().contains(&l));
    lookup(&label).or_else(|| PREFIXES.iter().find_map(|p| label.strip_prefix(p).and_then(lookup)))
}

/// A recognised deals header: the column index of each canonical field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealColumns {
    index: [Option<usize>; 16],
}

impl DealColumns {
    pub fn get(&self, f: DealField) -> Option<usize> {
        self.index[f as usize]
    }

    pub fn has(&self, f: DealField) -> bool {
        self.get(f).is_some()
    }

    /// Required fields with no column.
    pub fn missing(&self) -> Vec<DealField> {
        DealField::REQUIRED.into_iter().filter(|f| !self.has(*f)).collect()
    }
}

/// What a header says the file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recognised {
    Deals(Box<DealColumns>),
    /// No known table: the message lists what was found and what is missing.
    Unknown(String),
}

/// Maps a header row. The first column matching a field wins; a deals table needs a
/// stage or status column and an amount or a date.
pub fn recognise(headers: &[String]) -> Recognised {
    let mut cols = DealColumns::default();
    for (i, h) in headers.iter().enumerate() {
        if let Some(f) = field_for(h) {
            let slot = &mut cols.index[f as usize];
            if slot.is_none() {
                *slot = Some(i);
            }
        }
    }
    let has_outcome = cols.has(DealField::Stage) || cols.has(DealField::Status);
    let has_measure =
        cols.has(DealField::Amount) || cols.has(DealField::CreatedDate) || cols.has(DealField::ClosedDate);
    if has_outcome && has_measure {
        return Recognised::Deals(Box::new(cols));
    }
    let found: Vec<&str> = headers.iter().map(|h| h.trim()).filter(|h| !h.is_empty()).collect();
    let missing: Vec<&str> = DealField::REQUIRED.iter().filter(|f| !cols.has(**f)).map(|f| f.name()).collect();
    Recognised::Unknown(format!(
        "The columns were not recognised as a deals table. Found: {}. A deals file needs: {} (missing: {}).",
        if found.is_empty() { "(none)".to_string() } else { found.join(", ") },
        DealField::REQUIRED.map(|f| f.name()).join(", "),
        missing.join(", "),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(s: &str) -> Vec<String> {
        s.split(',').map(String::from).collect()
    }

    #[test]
    fn maven_crm_names() {
        let h = headers("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value");
        let Recognised::Deals(c) = recognise(&h) else { panic!("not deals") };
        assert_eq!(c.get(DealField::DealId), Some(0));
        assert_eq!(c.get(DealField::Owner), Some(1));
        assert_eq!(c.get(DealField::Product), Some(2));
        assert_eq!(c.get(DealField::Stage), Some(4));
        assert_eq!(c.get(DealField::CreatedDate), Some(5));
        assert_eq!(c.get(DealField::ClosedDate), Some(6));
        assert_eq!(c.get(DealField::Amount), Some(7));
        assert!(c.missing().is_empty());
    }

    #[test]
    fn crm_exports_and_languages() {
        let sf = headers("Opportunity Owner,Account Name,Stage,Amount,Created Date,Close Date");
        assert!(matches!(recognise(&sf), Recognised::Deals(c) if c.get(DealField::Owner) == Some(0)));
        let pd = headers("Deal - Title,Deal - Value,Deal - Owner,Deal - Stage,Deal - Won time");
        let Recognised::Deals(c) = recognise(&pd) else { panic!() };
        assert_eq!((c.get(DealField::Amount), c.get(DealField::ClosedDate)), (Some(1), Some(4)));
        let zh = headers("商机编号,负责人,客户名称,阶段,金额,创建日期,成交日期");
        assert!(matches!(recognise(&zh), Recognised::Deals(c) if c.missing().is_empty()));
        let fa = headers("شناسه معامله,فروشنده,مشتری,مرحله,مبلغ,تاریخ ایجاد,تاریخ بستن");
        assert!(matches!(recognise(&fa), Recognised::Deals(c) if c.missing().is_empty()));
    }

    #[test]
    fn unknown_lists_found_and_missing() {
        let Recognised::Unknown(msg) = recognise(&headers("name,email,phone")) else { panic!() };
        assert!(msg.contains("Found: name, email, phone"), "{msg}");
        assert!(msg.contains("missing: deal_id, owner, account, stage, amount, created_date"), "{msg}");
    }
}
