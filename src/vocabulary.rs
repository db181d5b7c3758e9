//! What CRM words mean, in English, Chinese and Persian: an activity's type, a lead
//! source that is a referral, a lead status that says it converted, a lead's direction, a deal type that
//! sells more to an account, a survey's scale. A leaf of text
//! vocabulary (it uses only `text`), beside `stages` (won, lost and open stage words).

use crate::text::normalize_label;

/// The activity types of METRICS.md, in order.
pub const TYPES: [&str; 10] =
    ["call", "email", "meeting", "demo", "proposal", "follow_up", "event", "social", "referral", "other"];

/// An activity's type, one of METRICS.md's (in the order of [`TYPES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivityType {
    /// A phone call.
    Call,
    /// An email.
    Email,
    /// A meeting or visit.
    Meeting,
    /// A demonstration.
    Demo,
    /// A proposal or quote.
    Proposal,
    /// A follow-up.
    FollowUp,
    /// An event, webinar or conference.
    Event,
    /// A social-media touch.
    Social,
    /// A referral.
    Referral,
    /// Anything else.
    Other,
}

impl ActivityType {
    /// Its index in [`TYPES`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its name in the report (`call`, `follow_up`…).
    pub fn name(self) -> &'static str {
        TYPES[self.index()]
    }
}

/// The type an activity's label means (English, Chinese and Persian, and common CRM words).
pub fn activity_type(label: &str) -> ActivityType {
    use ActivityType::*;
    let l = normalize_label(label);
    const WORDS: [(ActivityType, &[&str]); 9] = [
        (FollowUp, &["follow", "跟进", "回访", "پیگیری"]),
        (Call, &["call", "phone", "电话", "通话", "تماس", "تلفن"]),
        (Email, &["email", "e mail", "mail", "邮件", "ایمیل"]),
        (Meeting, &["meeting", "visit", "会议", "拜访", "جلسه", "ملاقات"]),
        (Demo, &["demo", "presentation", "演示", "دمو", "ارائه"]),
        (Proposal, &["proposal", "quote", "方案", "报价", "پیشنهاد"]),
        (Event, &["event", "webinar", "conference", "活动", "展会", "رویداد"]),
        (Social, &["social", "linkedin", "wechat", "社交", "微信", "شبکه اجتماعی"]),
        (Referral, &["referral", "推荐", "معرفی"]),
    ];
    WORDS.iter().find(|(_, words)| words.iter().any(|w| l.contains(w))).map_or(Other, |(t, _)| *t)
}

/// Whether a lead source is a referral (`referrals` counts them).
pub fn is_referral(source: &str) -> bool {
    let s = normalize_label(source);
    ["referral", "referred", "word of mouth", "推荐", "转介绍", "معرفی", "ارجاع"].iter().any(|w| s.contains(w))
}

/// Whether a lead status says it converted.
pub fn converted_status(status: &str) -> bool {
    matches!(
        normalize_label(status).as_str(),
        "converted" | "won" | "customer" | "已转化" | "转化" | "成交" | "تبدیل شده"
    )
}

/// Which way a lead came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The lead came to us.
    Inbound,
    /// We went to the lead.
    Outbound,
    /// Written, but neither word.
    Unknown,
}

/// The direction a lead's direction cell says (blank is [`Direction::Unknown`] too).
pub fn direction(written: &str) -> Direction {
    let d = normalize_label(written);
    if d.starts_with("in") || d.contains("入") || d.contains("ورود") {
        Direction::Inbound
    } else if d.starts_with("out") || d.contains("外") || d.contains("خروج") {
        Direction::Outbound
    } else {
        Direction::Unknown
    }
}

/// Whether a deal type means selling more to an existing account.
pub fn is_expansion(deal_type: &str) -> bool {
    let t = normalize_label(deal_type);
    ["upsell", "up sell", "cross sell", "crosssell", "expansion", "add on", "addon", "增购", "交叉销售", "فروش بیشتر"]
        .iter()
        .any(|w| t.contains(w))
}

/// What an order's status says of its money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderStatus {
    /// Paid, shipped, completed, pending, on hold… (or blank): the order counts.
    Counts,
    /// Cancelled, voided, failed, declined: left out of every orders metric.
    Cancelled,
    /// Refunded in full: left out like a cancelled order.
    Refunded,
}

/// Status words of orders and payments, in the languages of METRICS.md's users: those that
/// leave an order out, and those that keep it.
const CANCELLED_WORDS: &[&str] = &[
    "cancelled",
    "canceled",
    "cancel",
    "void",
    "voided",
    "failed",
    "declined",
    "denied",
    "rejected",
    "expired",
    "abandoned",
    "deleted",
    "已取消",
    "取消",
    "作废",
    "已作废",
    "失败",
    "交易关闭",
    "已关闭",
    "لغو شده",
    "لغو",
    "ناموفق",
    "باطل شده",
    "storniert",
    "abgebrochen",
    "fehlgeschlagen",
    "annulé",
    "annulée",
    "échoué",
    "cancelado",
    "cancelada",
    "anulado",
    "fallido",
    "отменен",
    "отменён",
    "отменено",
    "ملغى",
    "ملغي",
    "キャンセル",
    "取消済み",
];
const REFUNDED_WORDS: &[&str] = &[
    "refunded",
    "fully refunded",
    "returned",
    "reversed",
    "charged back",
    "chargeback",
    "已退款",
    "退款",
    "已退货",
    "退货",
    "مرجوع شده",
    "مسترد شده",
    "بازپرداخت شده",
    "erstattet",
    "zurückerstattet",
    "remboursé",
    "remboursée",
    "reembolsado",
    "reembolsada",
    "возврат",
    "возвращен",
    "مسترد",
    "返金済み",
];
const COUNTED_WORDS: &[&str] = &[
    "paid",
    "succeeded",
    "success",
    "successful",
    "completed",
    "complete",
    "shipped",
    "delivered",
    "fulfilled",
    "unfulfilled",
    "processing",
    "in process",
    "pending",
    "on hold",
    "resolved",
    "disputed",
    "open",
    "closed",
    "invoiced",
    "authorized",
    "partially refunded",
    "partially paid",
    "unpaid",
    "captured",
    "settled",
    "approved",
    "已付款",
    "已支付",
    "已发货",
    "已完成",
    "已签收",
    "交易成功",
    "待发货",
    "待付款",
    "处理中",
    "پرداخت شده",
    "ارسال شده",
    "تحویل شده",
    "تکمیل شده",
    "در حال پردازش",
    "bezahlt",
    "versendet",
    "abgeschlossen",
    "payé",
    "expédié",
    "pagado",
    "enviado",
    "completado",
    "pago",
    "оплачен",
    "доставлен",
    "выполнен",
    "مدفوع",
    "تم الشحن",
    "支払済み",
    "発送済み",
];

/// What an order's status cell means; `None` when the word is none of ours (kept, as a
/// blank status is).
pub fn order_status(written: &str) -> Option<OrderStatus> {
    // the lists in the normal form cells are compared in (Arabic letters as Persian ones),
    // made once
    static WORDS: std::sync::OnceLock<std::collections::HashMap<String, OrderStatus>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let lists = [
            (COUNTED_WORDS, OrderStatus::Counts),
            (REFUNDED_WORDS, OrderStatus::Refunded),
            (CANCELLED_WORDS, OrderStatus::Cancelled),
        ];
        lists.iter().flat_map(|(words, s)| words.iter().map(move |w| (normalize_label(w), *s))).collect()
    });
    words.get(&normalize_label(written)).copied()
}

/// The scale a survey's type names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    /// Net promoter score, 0 to 10.
    Nps,
    /// Customer satisfaction, 1 to 5.
    Csat,
}

/// The scale of a survey whose type is written `kind` (None: not said).
pub fn survey_scale(kind: &str) -> Option<Scale> {
    let k = normalize_label(kind);
    if k.contains("nps") || k.contains("promoter") {
        Some(Scale::Nps)
    } else if k.contains("csat") || k.contains("satisf") || k.contains("满意") || k.contains("رضایت") {
        Some(Scale::Csat)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_types() {
        assert_eq!(activity_type("Outbound call").name(), "call");
        assert_eq!(activity_type("Follow-up call").name(), "follow_up");
        assert_eq!(activity_type("电话").name(), "call");
        assert_eq!(activity_type("جلسه").name(), "meeting");
        assert_eq!(activity_type("Lunch").name(), "other");
    }

    #[test]
    fn order_statuses() {
        assert_eq!(order_status("Cancelled"), Some(OrderStatus::Cancelled));
        assert_eq!(order_status("已取消"), Some(OrderStatus::Cancelled));
        assert_eq!(order_status("Refunded"), Some(OrderStatus::Refunded));
        assert_eq!(order_status("Partially refunded"), Some(OrderStatus::Counts));
        assert_eq!(order_status("Shipped"), Some(OrderStatus::Counts));
        assert_eq!(order_status("Won"), None);
    }

    #[test]
    fn directions() {
        assert_eq!(direction("Inbound"), Direction::Inbound);
        assert_eq!(direction("outbound"), Direction::Outbound);
        assert_eq!(direction("呼入"), Direction::Inbound);
        assert_eq!(direction("partner"), Direction::Unknown);
    }
}
