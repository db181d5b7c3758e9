//! What CRM words mean, in English, Chinese and Persian: an activity's type, a lead
//! source that is a referral, a lead status that says it converted, a lead's direction, a deal type that
//! sells more to an account, a survey's scale. A leaf of text
//! vocabulary (it uses only `text`), beside `stages` (won, lost and open stage words).

use crate::text::normalize_label;

/// The activity types of METRICS.md, in order.
pub const TYPES: [&str; 10] =
    ["call", "email", "meeting", "demo", "proposal", "follow_up", "event", "social", "referral", "other"];

/// The type an activity's label means (English, Chinese, Persian and common CRM words).
pub fn activity_type(label: &str) -> &'static str {
    let l = normalize_label(label);
    const WORDS: [(&str, &[&str]); 9] = [
        ("follow_up", &["follow", "跟进", "回访", "پیگیری"]),
        ("call", &["call", "phone", "电话", "通话", "تماس", "تلفن"]),
        ("email", &["email", "e mail", "mail", "邮件", "ایمیل"]),
        ("meeting", &["meeting", "visit", "会议", "拜访", "جلسه", "ملاقات"]),
        ("demo", &["demo", "presentation", "演示", "دمو", "ارائه"]),
        ("proposal", &["proposal", "quote", "方案", "报价", "پیشنهاد"]),
        ("event", &["event", "webinar", "conference", "活动", "展会", "رویداد"]),
        ("social", &["social", "linkedin", "wechat", "社交", "微信", "شبکه اجتماعی"]),
        ("referral", &["referral", "推荐", "معرفی"]),
    ];
    WORDS.iter().find(|(_, words)| words.iter().any(|w| l.contains(w))).map_or("other", |(t, _)| t)
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

/// Whether a lead's direction says inbound (`Some(true)`) or outbound (`Some(false)`).
pub fn inbound(direction: &str) -> Option<bool> {
    let d = normalize_label(direction);
    if d.starts_with("in") || d.contains("入") || d.contains("ورود") {
        Some(true)
    } else if d.starts_with("out") || d.contains("外") || d.contains("خروج") {
        Some(false)
    } else {
        None
    }
}

/// Whether a deal type means selling more to an existing account.
pub fn is_expansion(deal_type: &str) -> bool {
    let t = normalize_label(deal_type);
    ["upsell", "up sell", "cross sell", "crosssell", "expansion", "add on", "addon", "增购", "交叉销售", "فروش بیشتر"]
        .iter()
        .any(|w| t.contains(w))
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
