//! The input tables of METRICS.md ("Input tables"): every kind, its canonical fields, the
//! type of each, which are required, and the header words (English, Chinese, Persian and
//! the names common CRM exports use) that name them. Synonyms are in normal form (see
//! [`crate::text::normalize_label`]).

/// How a field's cells are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    Text,
    Money,
    Number,
    Percent,
    Date,
    DateTime,
}

/// One canonical field of a table kind.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub value: ValueType,
    pub required: bool,
    pub synonyms: &'static [&'static str],
    /// Fields that together stand in for this one when it has no column (an order line's
    /// amount is its quantity × unit price).
    pub instead: &'static [&'static str],
}

/// The kinds of table the engine reads, as it routes their rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Deals,
    StageHistory,
    Leads,
    Activities,
    Customers,
    Orders,
    Subscriptions,
    Spend,
    Quotas,
    Surveys,
    Traffic,
    Tickets,
}

impl Kind {
    /// Its spec: fields and signature.
    pub fn spec(self) -> &'static KindSpec {
        match self {
            Kind::Deals => &DEALS,
            Kind::StageHistory => &STAGE_HISTORY,
            Kind::Leads => &LEADS,
            Kind::Activities => &ACTIVITIES,
            Kind::Customers => &CUSTOMERS,
            Kind::Orders => &ORDERS,
            Kind::Subscriptions => &SUBSCRIPTIONS,
            Kind::Spend => &SPEND,
            Kind::Quotas => &QUOTAS,
            Kind::Surveys => &SURVEYS,
            Kind::Traffic => &TRAFFIC,
            Kind::Tickets => &TICKETS,
        }
    }

    /// Its name in the report and the options (`deals`, `stage_history`…).
    pub fn name(self) -> &'static str {
        self.spec().name
    }
}

/// A table kind: its fields, and the fields that must be present to recognise it.
#[derive(Debug)]
pub struct KindSpec {
    pub kind: Kind,
    pub name: &'static str,
    pub fields: &'static [FieldSpec],
    /// Each inner list is a choice: one of its fields must be present.
    pub signature: &'static [&'static [&'static str]],
    /// Words exports put beside a field's own words to say whose field it is (`Deal -
    /// Value`, `Order Total Amount`, `商机金额`): a header is its field's synonym with them.
    pub context: &'static [&'static str],
}

impl KindSpec {
    pub fn field(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}

const fn f(name: &'static str, value: ValueType, required: bool, synonyms: &'static [&'static str]) -> FieldSpec {
    FieldSpec { name, value, required, synonyms, instead: &[] }
}

use ValueType::*;

const DEAL_ID: &[&str] = &[
    "deal id",
    "(do not modify) opportunity",
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
    "商機編號",
    "編號",
    "شناسه معامله",
    "کد معامله",
    "شناسه فرصت",
    "شناسه",
    "deal id",
    "deal nummer",
    "id de oportunidad",
    "id da oportunidade",
    "identifiant",
    "商談id",
];
const OWNER: &[&str] = &[
    "owner",
    "deal owner",
    "opportunity owner",
    "lead owner",
    "sales agent",
    "sales rep",
    "salesperson",
    "sales person",
    "sales representative",
    "rep",
    "account executive",
    "assigned to",
    "person",
    "responsible",
    "responsible person",
    "owner name",
    "deal owner name",
    "user",
    "agent",
    "负责人",
    "销售",
    "销售员",
    "销售代表",
    "业务员",
    "所有者",
    "商机负责人",
    "負責人",
    "銷售",
    "業務員",
    "فروشنده",
    "مسئول",
    "کارشناس فروش",
    "مالک",
    "نماینده فروش",
    "کارشناس",
    "besitzer",
    "inhaber",
    "verantwortlich",
    "vertriebsmitarbeiter",
    "propriétaire",
    "responsable",
    "propietario",
    "proprietário",
    "responsável",
    "vendedor",
    "commercial",
    "владелец",
    "ответственный",
    "менеджер",
    "المالك",
    "المسؤول",
    "所有者",
    "担当者",
    "商談 所有者",
];
const ACCOUNT: &[&str] = &[
    "account",
    "account name",
    "company",
    "company name",
    "organization",
    "organization name",
    "organisation",
    "customer",
    "customer name",
    "potential customer",
    "client",
    "client name",
    "associated company",
    "客户",
    "客户名称",
    "公司",
    "公司名称",
    "客戶",
    "客戶名稱",
    "حساب",
    "مشتری",
    "نام مشتری",
    "شرکت",
    "نام شرکت",
    "organización",
    "organização",
    "firma",
    "unternehmen",
    "kunde",
    "firmenname",
    "entreprise",
    "société",
    "compte",
    "nom du compte",
    "empresa",
    "cuenta",
    "nombre de la cuenta",
    "conta",
    "nome da conta",
    "компания",
    "организация",
    "клиент",
    "الشركة",
    "العميل",
    "取引先",
    "取引先名",
    "会社名",
];
const STAGE: &[&str] = &[
    "stage",
    "deal stage",
    "pipeline stage",
    "pipeline phase",
    "sales stage",
    "opportunity stage",
    "stage name",
    "阶段",
    "销售阶段",
    "階段",
    "銷售階段",
    "商机阶段",
    "مرحله",
    "مرحله فروش",
    "مرحله معامله",
    "phase",
    "stufe",
    "deal phase",
    "étape",
    "etapa",
    "fase",
    "estágio",
    "этап",
    "стадия",
    "المرحلة",
    "フェーズ",
    "段階",
];
const STATUS: &[&str] = &[
    "status",
    "deal status",
    "opportunity status",
    "lead status",
    "won lost",
    "result",
    "状态",
    "赢单状态",
    "狀態",
    "商机状态",
    "线索状态",
    "وضعیت",
    "وضعیت معامله",
    "statut",
    "état",
    "estado",
    "situação",
    "статус",
    "الحالة",
    "状況",
    "ステータス",
];
const AMOUNT: &[&str] = &[
    "amount",
    "value",
    "deal value",
    "close value",
    "deal amount",
    "opportunity amount",
    "amount usd",
    "total",
    "total amount",
    "est revenue",
    "estimated revenue",
    "deal size",
    "price",
    "sales",
    "revenue",
    "金额",
    "合同金额",
    "商机金额",
    "销售额",
    "成交金额",
    "金額",
    "銷售額",
    "总额",
    "مبلغ",
    "ارزش",
    "مبلغ معامله",
    "ارزش معامله",
    "مبلغ کل",
    "فروش",
    "wert",
    "betrag",
    "montant",
    "valeur",
    "importe",
    "monto",
    "valor",
    "сумма",
    "القيمة",
    "المبلغ",
    "金額",
];
const CREATED: &[&str] = &[
    "created date",
    "added on",
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
    "deal created on",
    "add time",
    "创建日期",
    "创建时间",
    "建立日期",
    "建立時間",
    "創建日期",
    "تاریخ ایجاد",
    "تاریخ ثبت",
    "زمان ایجاد",
    "erstellt",
    "erstellt am",
    "erstelldatum",
    "erstellungsdatum",
    "deal erstellt",
    "date de création",
    "créé le",
    "fecha de creación",
    "creado",
    "data de criação",
    "criado em",
    "дата создания",
    "создано",
    "تاريخ الإنشاء",
    "作成日",
];
const CLOSED: &[&str] = &[
    "close date",
    "closed date",
    "closed at",
    "close time",
    "closed on",
    "date closed",
    "actual close date",
    "closing date",
    "关闭日期",
    "成交日期",
    "结束日期",
    "關閉日期",
    "won lost date",
    "تاریخ بستن",
    "تاریخ بسته شدن",
    "تاریخ اتمام",
    "abschlussdatum",
    "schlusstermin",
    "geschlossen am",
    "date de clôture",
    "fecha de cierre",
    "data de fechamento",
    "дата закрытия",
    "تاريخ الإغلاق",
    "完了予定日",
    "クローズ日",
];
const SOURCE: &[&str] = &[
    "source",
    "lead source",
    "deal source",
    "origin",
    "original source",
    "来源",
    "线索来源",
    "渠道来源",
    "منبع",
    "منبع سرنخ",
    "quelle",
    "lead quelle",
    "origine",
    "source du prospect",
    "origen",
    "origem",
    "источник",
    "المصدر",
    "リードソース",
];
const CUSTOMER_ID: &[&str] = &[
    "customer id",
    "customerid",
    "customer",
    "customer number",
    "client id",
    "account id",
    "customer unique id",
    "客户id",
    "客户编号",
    "客户",
    "شناسه مشتری",
    "کد مشتری",
    "مشتری",
    "kundennummer",
    "kunden id",
    "id client",
    "id cliente",
    "código de cliente",
    "id клиента",
    "رقم العميل",
    "顧客id",
];
const CHANNEL: &[&str] = &["channel", "marketing channel", "utm source", "medium", "渠道", "کانال"];
const DATE: &[&str] = &[
    "date",
    "day",
    "month",
    "period",
    "week",
    "日期",
    "月份",
    "تاریخ",
    "ماه",
    "datum",
    "fecha",
    "data",
    "дата",
    "التاريخ",
    "日付",
];
const CURRENCY: &[&str] = &[
    "currency",
    "currency code",
    "币种",
    "货币",
    "ارز",
    "واحد پول",
    "währung",
    "devise",
    "moneda",
    "moeda",
    "валюта",
    "العملة",
    "通貨",
];
const PRODUCT: &[&str] = &[
    "product",
    "product name",
    "item",
    "sku",
    "产品",
    "产品名称",
    "商品",
    "محصول",
    "کالا",
    "produkt",
    "artikel",
    "produit",
    "article",
    "producto",
    "artículo",
    "produto",
    "товар",
    "продукт",
    "المنتج",
    "商品名",
    "製品",
    "description",
    "lineitem name",
    "item name",
    "product code",
];
const FIRST_RESPONSE: &[&str] = &[
    "first response date",
    "first response",
    "first response time",
    "first response at",
    "first contact date",
    "first touch",
    "responded at",
    "首次响应时间",
    "首次回复时间",
    "首次跟进时间",
    "زمان اولین پاسخ",
    "اولین پاسخ",
];
const LEAD_ID: &[&str] = &["lead id", "lead", "mql id", "prospect id", "线索id", "线索编号", "شناسه سرنخ", "کد سرنخ"];

/// Deals fields any of which tells open, won and lost deals apart (a deals table without
/// one is refused).
pub const STATUS_FIELDS: [&str; 5] = ["stage", "status", "won_flag", "won_date", "lost_date"];
/// Deals fields that give a close date (to the deals they are filled for).
pub const CLOSE_DATE_FIELDS: [&str; 2] = ["won_date", "lost_date"];

pub const DEALS: KindSpec = KindSpec {
    kind: Kind::Deals,
    name: "deals",
    context: &[
        "deal",
        "opportunité",
        "deals",
        "opportunity",
        "opp",
        "商机",
        "交易",
        "معامله",
        "geschäft",
        "affaire",
        "oportunidad",
        "oportunidade",
        "trato",
        "negocio",
        "negócio",
        "сделка",
        "صفقة",
        "商談",
    ],
    fields: &[
        f("deal_id", Text, true, DEAL_ID),
        f("owner", Text, true, OWNER),
        f("account", Text, true, ACCOUNT),
        f("stage", Text, true, STAGE),
        f("status", Text, false, STATUS),
        f("amount", Money, true, AMOUNT),
        f("created_date", Date, true, CREATED),
        f("closed_date", Date, false, CLOSED),
        f(
            "lost_reason",
            Text,
            false,
            &[
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
                "verlustgrund",
                "grund für verlust",
                "raison de la perte",
                "motivo de pérdida",
                "motivo da perda",
                "причина проигрыша",
                "失注理由",
            ],
        ),
        f("source", Text, false, SOURCE),
        f("type", Text, false, &["type", "deal type", "opportunity type", "类型", "商机类型", "نوع", "نوع معامله"]),
        f(
            "probability",
            Percent,
            false,
            &[
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
                "wahrscheinlichkeit",
                "probabilité",
                "probabilidad",
                "probabilidade",
                "вероятность",
                "確度",
            ],
        ),
        f(
            "expected_close_date",
            Date,
            false,
            &[
                "expected close date",
                "expected close",
                "expected closing date",
                "expected closing",
                "est close date",
                "estimated close date",
                "预计成交日期",
                "预计关闭日期",
                "تاریخ بستن مورد انتظار",
                "تاریخ پیش بینی بستن",
                "erwartetes abschlussdatum",
                "date de clôture prévue",
                "fecha de cierre prevista",
                "data de fechamento esperada",
                "ожидаемая дата закрытия",
            ],
        ),
        f("currency", Text, false, CURRENCY),
        f("product", Text, false, PRODUCT),
        f("lost_stage", Text, false, &["lost stage", "stage lost", "lost at stage", "输单阶段", "مرحله شکست"]),
        f(
            "pipeline",
            Text,
            false,
            &[
                "pipeline",
                "deal pipeline",
                "sales pipeline",
                "pipeline name",
                "管道",
                "销售管道",
                "商机管道",
                "銷售管道",
                "پایپ لاین",
                "پایپلاین",
                "قیف فروش",
            ],
        ),
        f("won_flag", Text, false, &["won", "is won", "won?", "赢单", "是否赢单", "برنده"]),
        f("closed_flag", Text, false, &["closed", "is closed", "closed?", "已关闭", "是否关闭", "بسته"]),
        f(
            "won_date",
            Date,
            false,
            &[
                "won time",
                "won date",
                "date won",
                "won on",
                "won at",
                "赢单日期",
                "تاریخ برد",
                "gewonnen am",
                "zeitpunkt gewonnen",
                "date de gain",
                "fecha de ganado",
            ],
        ),
        f("lead_id", Text, false, LEAD_ID),
        f(
            "lost_date",
            Date,
            false,
            &[
                "lost time",
                "lost date",
                "date lost",
                "lost on",
                "lost at",
                "输单日期",
                "تاریخ شکست",
                "verloren am",
                "zeitpunkt verloren",
                "date de perte",
                "fecha de perdido",
            ],
        ),
        f(
            "won_amount",
            Money,
            false,
            &["actual revenue", "actual amount", "actual value", "won amount", "实际收入", "实际金额", "درآمد واقعی"],
        ),
    ],
    signature: &[&["stage", "status", "won_flag", "won_date"], &["amount", "created_date", "closed_date", "won_date"]],
};

pub const STAGE_HISTORY: KindSpec = KindSpec {
    kind: Kind::StageHistory,
    name: "stage_history",
    context: &["deal", "opportunity", "history", "商机", "معامله"],
    fields: &[
        f("deal_id", Text, true, DEAL_ID),
        f(
            "stage",
            Text,
            true,
            &["stage", "new stage", "to stage", "stage name", "阶段", "新阶段", "مرحله", "مرحله جدید"],
        ),
        f(
            "entered_date",
            DateTime,
            true,
            &[
                "entered date",
                "entered at",
                "entered",
                "date entered",
                "stage date",
                "changed at",
                "change date",
                "timestamp",
                "进入日期",
                "进入时间",
                "变更时间",
                "تاریخ ورود",
                "تاریخ تغییر",
            ],
        ),
    ],
    signature: &[&["deal_id"], &["stage"], &["entered_date"]],
};

pub const LEADS: KindSpec = KindSpec {
    kind: Kind::Leads,
    name: "leads",
    context: &["lead", "leads", "prospect", "线索", "سرنخ", "interessent", "piste", "prospecto", "лид", "リード"],
    fields: &[
        f("lead_id", Text, true, LEAD_ID),
        f(
            "created_date",
            DateTime,
            true,
            &[
                "created date",
                "create date",
                "created",
                "created at",
                "created on",
                "lead created",
                "first contact date",
                "创建日期",
                "创建时间",
                "تاریخ ایجاد",
                "تاریخ ثبت",
            ],
        ),
        f("source", Text, false, SOURCE),
        f("direction", Text, false, &["direction", "inbound outbound", "lead type", "方向", "类型", "جهت"]),
        f("owner", Text, false, OWNER),
        f("status", Text, false, STATUS),
        f("mql_date", Date, false, &["mql date", "became mql", "marketing qualified date", "mql", "تاریخ mql"]),
        f("sql_date", Date, false, &["sql date", "became sql", "sales qualified date", "sql", "تاریخ sql"]),
        f("first_response_date", DateTime, false, FIRST_RESPONSE),
        f(
            "converted_date",
            Date,
            false,
            &["converted date", "conversion date", "converted at", "won date", "转化日期", "تاریخ تبدیل"],
        ),
        f("deal_id", Text, false, &["deal id", "opportunity id", "商机id", "شناسه معامله"]),
        f("customer_id", Text, false, CUSTOMER_ID),
    ],
    signature: &[&["lead_id"], &["created_date"]],
};

pub const ACTIVITIES: KindSpec = KindSpec {
    kind: Kind::Activities,
    name: "activities",
    context: &["activity", "task", "活动", "فعالیت", "aktivität", "activité", "actividad", "atividade"],
    fields: &[
        f("owner", Text, true, OWNER),
        f(
            "type",
            Text,
            true,
            &["type", "activity type", "activity", "task type", "活动类型", "类型", "نوع فعالیت", "نوع"],
        ),
        f("date", DateTime, true, &["date", "activity date", "due date", "done date", "日期", "活动日期", "تاریخ"]),
        f(
            "duration_minutes",
            Number,
            false,
            &["duration", "duration minutes", "duration (min)", "minutes", "时长", "مدت", "مدت زمان"],
        ),
        f("deal_id", Text, false, &["deal id", "opportunity id", "商机id", "شناسه معامله"]),
        f("lead_id", Text, false, LEAD_ID),
        f("outcome", Text, false, &["outcome", "result", "结果", "نتیجه"]),
    ],
    signature: &[&["owner"], &["type"], &["date"]],
};

pub const CUSTOMERS: KindSpec = KindSpec {
    kind: Kind::Customers,
    name: "customers",
    context: &["customer", "client", "客户", "مشتری"],
    fields: &[
        f("customer_id", Text, true, CUSTOMER_ID),
        f(
            "acquired_date",
            Date,
            true,
            &[
                "acquired date",
                "acquisition date",
                "customer since",
                "signup date",
                "sign up date",
                "start date",
                "first purchase date",
                "获客日期",
                "注册日期",
                "تاریخ جذب",
                "تاریخ عضویت",
            ],
        ),
        f(
            "churned_date",
            Date,
            false,
            &["churned date", "churn date", "cancel date", "cancellation date", "end date", "流失日期", "تاریخ ریزش"],
        ),
        f("segment", Text, false, &["segment", "tier", "细分", "客户类型", "بخش"]),
        f("channel", Text, false, CHANNEL),
        f("annual_profit", Money, false, &["annual profit", "profit per year", "年利润", "سود سالانه"]),
    ],
    signature: &[&["customer_id"], &["acquired_date"]],
};

/// An order line's amount (line amounts, or the order's total on its lines).
const ORDER_AMOUNT: &[&str] = &[
    "amount",
    "total",
    "total amount",
    "gross",
    "gross amount",
    "order total",
    "order amount",
    "grand total",
    "line total",
    "line amount",
    "sales",
    "sales amount",
    "revenue",
    "net amount",
    "gross amount",
    "value",
    "金额",
    "订单金额",
    "销售额",
    "实付金额",
    "总价",
    "总额",
    "金額",
    "合計",
    "مبلغ",
    "مبلغ کل",
    "فروش",
    "جمع کل",
    "betrag",
    "gesamtbetrag",
    "umsatz",
    "bruttobetrag",
    "montant",
    "montant total",
    "total ttc",
    "importe",
    "monto",
    "valor",
    "valor total",
    "сумма",
    "итого",
    "المبلغ",
    "الإجمالي",
    "売上金額",
];

pub const ORDERS: KindSpec = KindSpec {
    kind: Kind::Orders,
    name: "orders",
    context: &[
        "order",
        "orders",
        "invoice",
        "line",
        "item",
        "lineitem",
        "sale",
        "transaction",
        "charge",
        "payment",
        "订单",
        "销售",
        "سفارش",
        "فاکتور",
        "bestellung",
        "auftrag",
        "rechnung",
        "commande",
        "facture",
        "pedido",
        "factura",
        "fatura",
        "заказ",
        "счет",
        "طلب",
        "فاتورة",
        "注文",
        "受注",
        "売上",
    ],
    fields: &[
        f(
            "order_id",
            Text,
            true,
            &[
                "order id",
                "order",
                "invoice",
                "invoice id",
                "id",
                "transaction id",
                "charge id",
                "payment id",
                "receipt id",
                "sales order",
                "订单id",
                "订单号",
                "订单编号",
                "单号",
                "شماره سفارش",
                "شناسه سفارش",
                "شماره فاکتور",
                "bestellnummer",
                "bestellnr",
                "rechnungsnr",
                "auftragsnr",
                "auftragsnummer",
                "rechnungsnummer",
                "numéro de commande",
                "número de pedido",
                "número do pedido",
                "номер заказа",
                "رقم الطلب",
                "注文番号",
                "受注番号",
            ],
        ),
        f(
            "customer_id",
            Text,
            true,
            &[
                "customer id",
                "customer",
                "customer number",
                // SAP Business One's business partner
                "card code",
                "bp code",
                "client id",
                "account id",
                "customer unique id",
                "customer name",
                "customer email",
                "email",
                "buyer",
                "buyer id",
                "buyer user id",
                "contact name",
                "contact",
                "client",
                "客户id",
                "客户编号",
                "客户",
                "客户名称",
                "买家",
                "شناسه مشتری",
                "کد مشتری",
                "مشتری",
                "نام مشتری",
                "kunde",
                "kundennummer",
                "id client",
                "cliente",
                "id cliente",
                "покупатель",
                "клиент",
                "العميل",
                "顧客",
                "顧客id",
            ],
        ),
        f(
            "order_date",
            Date,
            true,
            &[
                "order date",
                "date",
                "purchase date",
                "invoice date",
                "created",
                "created at",
                "created date",
                "transaction date",
                "sale date",
                "订单日期",
                "下单日期",
                "下单时间",
                "付款时间",
                "日期",
                "تاریخ سفارش",
                "تاریخ",
                "bestelldatum",
                "rechnungsdatum",
                "datum",
                "date de commande",
                "fecha",
                "fecha de pedido",
                "data",
                "data do pedido",
                "дата",
                "дата заказа",
                "التاريخ",
                "تاريخ الطلب",
                "注文日",
                "日付",
            ],
        ),
        FieldSpec { instead: &["quantity", "unit_price"], ..f("amount", Money, true, ORDER_AMOUNT) },
        f("product", Text, false, PRODUCT),
        f("currency", Text, false, CURRENCY),
        f(
            "quantity",
            Number,
            false,
            &[
                "quantity",
                "qty",
                "quantity ordered",
                "units",
                "lineitem quantity",
                "数量",
                "تعداد",
                "menge",
                "anzahl",
                "quantité",
                "cantidad",
                "quantidade",
                "количество",
                "الكمية",
            ],
        ),
        f(
            "unit_price",
            Money,
            false,
            &[
                "unit price",
                "price",
                "price each",
                "lineitem price",
                "item price",
                "单价",
                "قیمت واحد",
                "قیمت",
                "einzelpreis",
                "preis",
                "prix unitaire",
                "prix",
                "precio unitario",
                "precio",
                "preço unitário",
                "preço",
                "цена",
                "سعر الوحدة",
                "単価",
            ],
        ),
        f(
            "discount",
            Money,
            false,
            &[
                "discount",
                "discount amount",
                "lineitem discount",
                "折扣",
                "优惠",
                "تخفیف",
                "rabatt",
                "remise",
                "descuento",
                "desconto",
                "скидка",
                "خصم",
                "割引",
            ],
        ),
        f(
            "status",
            Text,
            false,
            &[
                "status",
                "order status",
                "financial status",
                "payment status",
                "state",
                "订单状态",
                "状态",
                "交易状态",
                "وضعیت",
                "وضعیت سفارش",
                "bestellstatus",
                "statut",
                "état",
                "estado",
                "situação",
                "статус",
                "الحالة",
                "ステータス",
            ],
        ),
        f(
            "refunded_amount",
            Money,
            false,
            &[
                "refunded amount",
                "amount refunded",
                "refund amount",
                "refund",
                "refunds",
                "refunded",
                "退款金额",
                "مبلغ مسترد",
                "erstattungsbetrag",
                "montant remboursé",
                "reembolso",
                "сумма возврата",
            ],
        ),
    ],
    signature: &[&["order_id"], &["order_date"], &["amount", "unit_price"]],
};

pub const SUBSCRIPTIONS: KindSpec = KindSpec {
    kind: Kind::Subscriptions,
    name: "subscriptions",
    context: &["subscription", "订阅", "اشتراک"],
    fields: &[
        f("customer_id", Text, true, CUSTOMER_ID),
        f("start_date", Date, true, &["start date", "started", "start", "开始日期", "تاریخ شروع"]),
        f("end_date", Date, false, &["end date", "ended", "end", "cancel date", "结束日期", "تاریخ پایان"]),
        f(
            "mrr",
            Money,
            true,
            &[
                "mrr",
                "monthly charges",
                "monthlycharges",
                "monthly charge",
                "monthly amount",
                "monthly recurring revenue",
                "monthly fee",
                "月费",
                "月经常性收入",
                "مبلغ ماهانه",
            ],
        ),
        f(
            "churned",
            Text,
            false,
            &["churn", "churned", "is churned", "churn flag", "exited", "流失", "是否流失", "ریزش"],
        ),
        f(
            "tenure_months",
            Number,
            false,
            &["tenure", "tenure months", "tenure (months)", "在网时长", "在网月数", "مدت عضویت"],
        ),
    ],
    // A snapshot with a churn flag needs no start date (see metrics/churn_flag.rs).
    signature: &[&["customer_id"], &["start_date", "churned"], &["mrr"]],
};

pub const SPEND: KindSpec = KindSpec {
    kind: Kind::Spend,
    name: "spend",
    context: &["marketing", "ad", "ads", "campaign", "营销", "تبلیغات"],
    fields: &[
        f("date", Date, true, DATE),
        f(
            "amount",
            Money,
            true,
            &["amount", "spend", "cost", "spent", "marketing spend", "花费", "费用", "成本", "هزینه", "مبلغ"],
        ),
        f("channel", Text, false, CHANNEL),
    ],
    signature: &[&["date"], &["amount"]],
};

pub const QUOTAS: KindSpec = KindSpec {
    kind: Kind::Quotas,
    name: "quotas",
    context: &["sales", "rep", "销售", "فروش"],
    fields: &[
        f("owner", Text, true, OWNER),
        f("period", Text, true, &["period", "month", "quarter", "year", "周期", "期间", "دوره"]),
        f(
            "quota",
            Money,
            true,
            &["quota", "target", "goal", "sales target", "定额", "目标", "指标", "销售目标", "سهمیه", "هدف"],
        ),
    ],
    signature: &[&["owner"], &["quota"]],
};

pub const SURVEYS: KindSpec = KindSpec {
    kind: Kind::Surveys,
    name: "surveys",
    context: &["survey", "response", "调查", "نظرسنجی"],
    fields: &[
        f("date", Date, true, &["date", "response date", "submitted at", "survey date", "日期", "تاریخ"]),
        f(
            "score",
            Number,
            true,
            &["score", "nps", "nps score", "csat", "rating", "likelihood to recommend", "评分", "分数", "امتیاز"],
        ),
        f("type", Text, false, &["type", "survey type", "类型", "نوع"]),
        f("customer_id", Text, false, CUSTOMER_ID),
    ],
    signature: &[&["score"], &["date"]],
};

pub const TRAFFIC: KindSpec = KindSpec {
    kind: Kind::Traffic,
    name: "traffic",
    context: &["web", "site", "website", "网站", "سایت"],
    fields: &[
        f("date", Date, true, DATE),
        f(
            "visitors",
            Number,
            true,
            &["visitors", "visits", "sessions", "users", "访客", "访问量", "بازدیدکننده", "بازدید"],
        ),
        f("conversions", Number, true, &["conversions", "orders", "signups", "转化", "转化数", "تبدیل"]),
        f("channel", Text, false, CHANNEL),
    ],
    signature: &[&["visitors"], &["conversions"]],
};

pub const TICKETS: KindSpec = KindSpec {
    kind: Kind::Tickets,
    name: "tickets",
    context: &["ticket", "case", "工单", "تیکت"],
    fields: &[
        f(
            "created_date",
            DateTime,
            true,
            &["created date", "created at", "created", "opened at", "ticket created", "创建时间", "تاریخ ایجاد"],
        ),
        f("first_response_date", DateTime, true, FIRST_RESPONSE),
        f("customer_id", Text, false, CUSTOMER_ID),
        f("owner", Text, false, OWNER),
    ],
    signature: &[&["created_date"], &["first_response_date"]],
};

/// Every kind, in the order ties are broken (deals first: it is what most files are).
pub const KINDS: [&KindSpec; 12] = [
    &DEALS,
    &LEADS,
    &STAGE_HISTORY,
    &ACTIVITIES,
    &CUSTOMERS,
    &ORDERS,
    &SUBSCRIPTIONS,
    &SPEND,
    &QUOTAS,
    &SURVEYS,
    &TRAFFIC,
    &TICKETS,
];

pub fn kind(name: &str) -> Option<&'static KindSpec> {
    KINDS.iter().copied().find(|k| k.name == name)
}

/// Where each field of a kind sits in a typed row (`Row::text(at::leads::OWNER)`): rows are
/// read by name, and a test checks every position against the kind's fields.
pub mod at {
    // Every field's position, checked against the schema by one test; not all are read.
    #![allow(dead_code)]
    /// Fields of `leads` rows.
    pub mod leads {
        pub const LEAD_ID: usize = 0;
        pub const CREATED_DATE: usize = 1;
        pub const SOURCE: usize = 2;
        pub const DIRECTION: usize = 3;
        pub const OWNER: usize = 4;
        pub const STATUS: usize = 5;
        pub const MQL_DATE: usize = 6;
        pub const SQL_DATE: usize = 7;
        pub const FIRST_RESPONSE_DATE: usize = 8;
        pub const CONVERTED_DATE: usize = 9;
        pub const DEAL_ID: usize = 10;
        pub const CUSTOMER_ID: usize = 11;
    }
    /// Fields of `activities` rows.
    pub mod activities {
        pub const OWNER: usize = 0;
        pub const TYPE: usize = 1;
        pub const DATE: usize = 2;
        pub const DURATION_MINUTES: usize = 3;
        pub const DEAL_ID: usize = 4;
        pub const LEAD_ID: usize = 5;
        pub const OUTCOME: usize = 6;
    }
    /// Fields of `orders` rows.
    pub mod orders {
        pub const ORDER_ID: usize = 0;
        pub const CUSTOMER_ID: usize = 1;
        pub const ORDER_DATE: usize = 2;
        pub const AMOUNT: usize = 3;
        pub const PRODUCT: usize = 4;
        pub const CURRENCY: usize = 5;
        pub const QUANTITY: usize = 6;
        pub const UNIT_PRICE: usize = 7;
        pub const DISCOUNT: usize = 8;
        pub const STATUS: usize = 9;
        pub const REFUNDED_AMOUNT: usize = 10;
    }
    /// Fields of `quotas` rows.
    pub mod quotas {
        pub const OWNER: usize = 0;
        pub const PERIOD: usize = 1;
        pub const QUOTA: usize = 2;
    }
    /// Fields of `tickets` rows.
    pub mod tickets {
        pub const CREATED_DATE: usize = 0;
        pub const FIRST_RESPONSE_DATE: usize = 1;
        pub const CUSTOMER_ID: usize = 2;
        pub const OWNER: usize = 3;
    }
    /// Fields of `customers` rows.
    pub mod customers {
        pub const CUSTOMER_ID: usize = 0;
        pub const ACQUIRED_DATE: usize = 1;
        pub const CHURNED_DATE: usize = 2;
        pub const SEGMENT: usize = 3;
        pub const CHANNEL: usize = 4;
        pub const ANNUAL_PROFIT: usize = 5;
    }
    /// Fields of `subscriptions` rows.
    pub mod subscriptions {
        pub const CUSTOMER_ID: usize = 0;
        pub const START_DATE: usize = 1;
        pub const END_DATE: usize = 2;
        pub const MRR: usize = 3;
        pub const CHURNED: usize = 4;
        pub const TENURE_MONTHS: usize = 5;
    }
    /// Fields of `spend` rows.
    pub mod spend {
        pub const DATE: usize = 0;
        pub const AMOUNT: usize = 1;
    }
    /// Fields of `surveys` rows.
    pub mod surveys {
        pub const DATE: usize = 0;
        pub const SCORE: usize = 1;
        pub const TYPE: usize = 2;
    }
    /// Fields of `traffic` rows.
    pub mod traffic {
        pub const DATE: usize = 0;
        pub const VISITORS: usize = 1;
        pub const CONVERSIONS: usize = 2;
        pub const CHANNEL: usize = 3;
    }
    /// Fields of `stage_history` rows.
    pub mod stage_history {
        pub const DEAL_ID: usize = 0;
        pub const STAGE: usize = 1;
        pub const ENTERED_DATE: usize = 2;
    }
}

#[cfg(test)]
mod positions {
    use super::*;

    #[test]
    fn every_position_is_its_fields() {
        assert_eq!(LEADS.field("lead_id"), Some(at::leads::LEAD_ID));
        assert_eq!(LEADS.field("created_date"), Some(at::leads::CREATED_DATE));
        assert_eq!(LEADS.field("source"), Some(at::leads::SOURCE));
        assert_eq!(LEADS.field("direction"), Some(at::leads::DIRECTION));
        assert_eq!(LEADS.field("owner"), Some(at::leads::OWNER));
        assert_eq!(LEADS.field("status"), Some(at::leads::STATUS));
        assert_eq!(LEADS.field("mql_date"), Some(at::leads::MQL_DATE));
        assert_eq!(LEADS.field("sql_date"), Some(at::leads::SQL_DATE));
        assert_eq!(LEADS.field("first_response_date"), Some(at::leads::FIRST_RESPONSE_DATE));
        assert_eq!(LEADS.field("converted_date"), Some(at::leads::CONVERTED_DATE));
        assert_eq!(LEADS.field("deal_id"), Some(at::leads::DEAL_ID));
        assert_eq!(LEADS.field("customer_id"), Some(at::leads::CUSTOMER_ID));
        assert_eq!(ACTIVITIES.field("owner"), Some(at::activities::OWNER));
        assert_eq!(ACTIVITIES.field("type"), Some(at::activities::TYPE));
        assert_eq!(ACTIVITIES.field("date"), Some(at::activities::DATE));
        assert_eq!(ACTIVITIES.field("duration_minutes"), Some(at::activities::DURATION_MINUTES));
        assert_eq!(ACTIVITIES.field("deal_id"), Some(at::activities::DEAL_ID));
        assert_eq!(ACTIVITIES.field("lead_id"), Some(at::activities::LEAD_ID));
        assert_eq!(ACTIVITIES.field("outcome"), Some(at::activities::OUTCOME));
        assert_eq!(ORDERS.field("order_id"), Some(at::orders::ORDER_ID));
        assert_eq!(ORDERS.field("customer_id"), Some(at::orders::CUSTOMER_ID));
        assert_eq!(ORDERS.field("order_date"), Some(at::orders::ORDER_DATE));
        assert_eq!(ORDERS.field("amount"), Some(at::orders::AMOUNT));
        assert_eq!(ORDERS.field("product"), Some(at::orders::PRODUCT));
        assert_eq!(ORDERS.field("currency"), Some(at::orders::CURRENCY));
        assert_eq!(ORDERS.field("quantity"), Some(at::orders::QUANTITY));
        assert_eq!(ORDERS.field("unit_price"), Some(at::orders::UNIT_PRICE));
        assert_eq!(ORDERS.field("discount"), Some(at::orders::DISCOUNT));
        assert_eq!(ORDERS.field("status"), Some(at::orders::STATUS));
        assert_eq!(ORDERS.field("refunded_amount"), Some(at::orders::REFUNDED_AMOUNT));
        assert_eq!(QUOTAS.field("owner"), Some(at::quotas::OWNER));
        assert_eq!(QUOTAS.field("period"), Some(at::quotas::PERIOD));
        assert_eq!(QUOTAS.field("quota"), Some(at::quotas::QUOTA));
        assert_eq!(TICKETS.field("created_date"), Some(at::tickets::CREATED_DATE));
        assert_eq!(TICKETS.field("first_response_date"), Some(at::tickets::FIRST_RESPONSE_DATE));
        assert_eq!(TICKETS.field("customer_id"), Some(at::tickets::CUSTOMER_ID));
        assert_eq!(TICKETS.field("owner"), Some(at::tickets::OWNER));
        assert_eq!(CUSTOMERS.field("customer_id"), Some(at::customers::CUSTOMER_ID));
        assert_eq!(CUSTOMERS.field("acquired_date"), Some(at::customers::ACQUIRED_DATE));
        assert_eq!(CUSTOMERS.field("churned_date"), Some(at::customers::CHURNED_DATE));
        assert_eq!(CUSTOMERS.field("segment"), Some(at::customers::SEGMENT));
        assert_eq!(CUSTOMERS.field("channel"), Some(at::customers::CHANNEL));
        assert_eq!(CUSTOMERS.field("annual_profit"), Some(at::customers::ANNUAL_PROFIT));
        assert_eq!(SUBSCRIPTIONS.field("customer_id"), Some(at::subscriptions::CUSTOMER_ID));
        assert_eq!(SUBSCRIPTIONS.field("start_date"), Some(at::subscriptions::START_DATE));
        assert_eq!(SUBSCRIPTIONS.field("end_date"), Some(at::subscriptions::END_DATE));
        assert_eq!(SUBSCRIPTIONS.field("mrr"), Some(at::subscriptions::MRR));
        assert_eq!(SUBSCRIPTIONS.field("churned"), Some(at::subscriptions::CHURNED));
        assert_eq!(SUBSCRIPTIONS.field("tenure_months"), Some(at::subscriptions::TENURE_MONTHS));
        assert_eq!(SPEND.field("date"), Some(at::spend::DATE));
        assert_eq!(SPEND.field("amount"), Some(at::spend::AMOUNT));
        assert_eq!(SURVEYS.field("date"), Some(at::surveys::DATE));
        assert_eq!(SURVEYS.field("score"), Some(at::surveys::SCORE));
        assert_eq!(SURVEYS.field("type"), Some(at::surveys::TYPE));
        assert_eq!(TRAFFIC.field("date"), Some(at::traffic::DATE));
        assert_eq!(TRAFFIC.field("visitors"), Some(at::traffic::VISITORS));
        assert_eq!(TRAFFIC.field("conversions"), Some(at::traffic::CONVERSIONS));
        assert_eq!(TRAFFIC.field("channel"), Some(at::traffic::CHANNEL));
        assert_eq!(STAGE_HISTORY.field("deal_id"), Some(at::stage_history::DEAL_ID));
        assert_eq!(STAGE_HISTORY.field("stage"), Some(at::stage_history::STAGE));
        assert_eq!(STAGE_HISTORY.field("entered_date"), Some(at::stage_history::ENTERED_DATE));
    }
}
