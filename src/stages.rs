//! Deal status and stage words: won/lost/open from a status or stage name (English,
//! Chinese, Persian), and the default order of funnel stages.

use crate::text::normalize_label;
use serde::Serialize;

/// Where a deal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Still open.
    Open,
    /// Won.
    Won,
    /// Lost.
    Lost,
}

const WON_WORDS: &[&str] = &[
    "won",
    "win",
    "closed won",
    "close won",
    "closedwon",
    "deal won",
    "signed",
    "成交",
    "赢单",
    "已成交",
    "赢得",
    "已赢单",
    "签约",
    "已签约",
    "贏單",
    "已贏單",
    "簽約",
    "برنده",
    "موفق",
    "بسته شده برنده",
    "برد",
    "قرارداد بسته شد",
];
const LOST_WORDS: &[&str] = &[
    "lost",
    "lose",
    "loss",
    "closed lost",
    "close lost",
    "closedlost",
    "deal lost",
    "输单",
    "丢单",
    "失败",
    "已输单",
    "已丢单",
    "輸單",
    "丟單",
    "失敗",
    "流失",
    "بازنده",
    "از دست رفته",
    "ناموفق",
    "بسته شده بازنده",
    "باخت",
    "شکست",
];
const OPEN_WORDS: &[&str] = &[
    "open",
    "in progress",
    "active",
    "pending",
    "进行中",
    "跟进中",
    "打开",
    "باز",
    "در جریان",
    "فعال",
    "offen",
    "ouvert",
    "ouverte",
    "abierto",
    "abierta",
    "aberto",
    "aberta",
    "открыта",
    "открыто",
    "в работе",
    "商談中",
];

/// Words that make a stage or status won or lost wherever they stand in it (English,
/// German, French, Spanish, Portuguese, Russian, Japanese as Salesforce and Pipedrive
/// write them).
const WON_TOKENS: &[&str] = &[
    "won",
    "gewonnen",
    "gagné",
    "gagnée",
    "ganada",
    "ganado",
    "ganho",
    "ganha",
    "выиграна",
    "выиграно",
    "успешно",
    "成立",
    "受注",
];
const LOST_TOKENS: &[&str] =
    &["lost", "verloren", "perdu", "perdue", "perdida", "perdido", "perda", "проиграна", "проиграно", "不成立", "失注"];

/// Won or lost when one of `words` (a header's) is a won or lost word in one of our
/// languages (`Hora de ganado`, `Zeitpunkt verloren`).
pub fn says_won_or_lost<S: AsRef<str>>(words: &[S]) -> Option<Status> {
    if words.iter().any(|w| WON_TOKENS.contains(&w.as_ref())) {
        Some(Status::Won)
    } else if words.iter().any(|w| LOST_TOKENS.contains(&w.as_ref())) {
        Some(Status::Lost)
    } else {
        None
    }
}

/// Status from a stage name: won words → won, lost words → lost, anything else open.
pub fn status_from_stage(stage: &str) -> Status {
    classify(stage).unwrap_or(Status::Open)
}

/// Status from a status cell; `None` when the word is not known.
pub fn status_from_status(cell: &str) -> Option<Status> {
    let l = normalize_label(cell);
    if OPEN_WORDS.contains(&l.as_str()) {
        return Some(Status::Open);
    }
    classify(cell)
}

fn classify(s: &str) -> Option<Status> {
    let l = normalize_label(s);
    if WON_WORDS.contains(&l.as_str()) {
        return Some(Status::Won);
    }
    if LOST_WORDS.contains(&l.as_str()) {
        return Some(Status::Lost);
    }
    // "Closed Won", "6 - Won", "Won (signed)", "Geschlossen und gewonnen", "Fermée gagnée"…
    says_won_or_lost(&l.split(' ').collect::<Vec<_>>())
}

/// Rank of a stage name in a typical sales process, for the default funnel order;
/// `None` when the name is not recognised.
pub fn stage_rank(stage: &str) -> Option<u32> {
    let l = normalize_label(stage);
    // A leading number ("1. Prospecting", "Stage 3") is the user's own order.
    let digits: String = l.trim_start_matches("stage ").chars().take_while(char::is_ascii_digit).collect();
    if let Ok(n) = digits.parse::<u32>() {
        return Some(n.saturating_mul(10));
    }
    const RANKS: &[(u32, &[&str])] = &[
        (1, &["lead", "new", "prospect", "线索", "潜在", "新建", "سرنخ", "جدید"]),
        (2, &["contact", "initial", "接触", "初步", "تماس"]),
        (3, &["qualif", "discovery", "engag", "资格", "需求", "确认", "ارزیابی", "واجد"]),
        (4, &["needs analysis", "analysis", "meeting", "会议", "分析", "جلسه", "تحلیل"]),
        (5, &["demo", "presentation", "trial", "演示", "试用", "دمو", "ارائه", "نمایش"]),
        (6, &["proposal", "quote", "pricing", "方案", "报价", "پیشنهاد", "پیش فاکتور"]),
        (7, &["negotiat", "review", "谈判", "商务", "مذاکره"]),
        (8, &["contract", "commit", "closing", "verbal", "合同", "قرارداد"]),
    ];
    RANKS.iter().find(|(_, keys)| keys.iter().any(|k| l.contains(k))).map(|(r, _)| *r)
}

/// Default win probability of an open stage, for the weighted pipeline: by its place in
/// a typical sales process (lead 10 %, contact 15 %, qualification 20 %, analysis 30 %,
/// demo 40 %, proposal 50 %, negotiation 70 %, contract 90 %; a numbered stage n: n × 10 %,
/// at most 90 %), and 50 % for a stage not recognised.
pub fn default_probability(stage: &str) -> u32 {
    const BY_RANK: [u32; 8] = [10, 15, 20, 30, 40, 50, 70, 90];
    match stage_rank(stage) {
        Some(r @ 1..=8) => BY_RANK[r as usize - 1],
        Some(r) => r.min(90),
        None => 50,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(status_from_stage("Won"), Status::Won);
        assert_eq!(status_from_stage("Closed Won"), Status::Won);
        assert_eq!(status_from_stage("closed_lost"), Status::Lost);
        assert_eq!(status_from_stage("赢单"), Status::Won);
        assert_eq!(status_from_stage("输单"), Status::Lost);
        assert_eq!(status_from_stage("برنده"), Status::Won);
        assert_eq!(status_from_stage("از دست رفته"), Status::Lost);
        assert_eq!(status_from_stage("Engaging"), Status::Open);
        assert_eq!(status_from_status("Open"), Some(Status::Open));
        assert_eq!(status_from_status("LOST"), Some(Status::Lost));
        assert_eq!(status_from_status("maybe"), None);
    }

    #[test]
    fn default_probabilities() {
        assert_eq!(default_probability("Prospecting"), 10);
        assert_eq!(default_probability("Negotiation/Review"), 70);
        assert_eq!(default_probability("3. Proposal"), 30);
        assert_eq!(default_probability("Blue"), 50);
    }

    #[test]
    fn ranks() {
        assert!(stage_rank("Prospecting") < stage_rank("Engaging"));
        assert!(stage_rank("Qualification") < stage_rank("Proposal/Price Quote"));
        assert!(stage_rank("Proposal") < stage_rank("Negotiation/Review"));
        assert_eq!(stage_rank("2. Something"), Some(20));
        assert_eq!(stage_rank("Blue"), None);
        assert!(stage_rank("线索") < stage_rank("谈判"));
    }
}
