//! Text encodings: detected from the head of a file (byte-order mark, UTF-16 zero bytes,
//! UTF-8 validity, then which legacy encoding reads as plausible text), and decoded to
//! UTF-8 as a stream across chunk boundaries (by [`super::codec`]).
//!
//! Candidates: UTF-8, UTF-16 LE/BE, GB18030 (GBK), Big5, Windows-1252, Windows-1256.

use super::codec::{
    decode_all, StreamDecoder, TextEncoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, WINDOWS_1256,
};

/// The encoding of a file and how it was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detected {
    pub encoding: TextEncoding,
    /// Bytes of byte-order mark at the start.
    pub bom_len: usize,
    /// `bom`, `utf16-pattern`, `valid-utf8`, `text-statistics`, `user`.
    pub how: &'static str,
}

/// Frequent characters of Chinese business text, simplified and traditional forms.
const COMMON_HANZI: &str = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新打便位因重被走电四第门相次东海口使教西再平真世气信北少关并内加化由代产入先山五太水万市体别处总才场书比住员九性通目华报立马命张活数件安表原车白应路期金何更反合放做系计或司利受光王果界及今京务制解各任至清物台记边共接许八特直服林题建南度统色字请交让认算百元社术结六功指流每青管夫连远资队带花快条院变联言权往展该领传近留红治决周保达办运半七必城父强步完深区即求品士转量空众技程告江语英基派满式李息写识极令黄德收钱未持取设始版双历越史商千片容研像找友站广改议形委早房音火际则首单据导影失拿网香似专石若兵弟谁校读志飞观争究包组造落视济喜离虽兴切支销售客户额订阶段总姓址话号码类型状态负责创建份渠道這來國個說們為時會著過學對裡後麼沒於還發當無開見經頭從動兩長樣現將與進實點種聲話兒問機給幾業間電門東氣關內產體別處總場書員華報馬張數車應務邊許統請讓認術結條變聯權該領傳紅決週達辦運強區轉眾輕語滿寫識極黃錢黨設雙歷廣議際則單據導網專誰讀飛觀爭組視濟離雖興銷戶額訂階計類狀態負責創";

/// [`COMMON_HANZI`] sorted, for a lookup in time independent of the list's length.
fn common_hanzi() -> &'static [char] {
    static SORTED: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v: Vec<char> = COMMON_HANZI.chars().collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// Detects the encoding from the head of a file (`at_eof`: the head is the whole file).
pub fn detect(head: &[u8], at_eof: bool) -> Detected {
    let found = |encoding, bom_len, how| Detected { encoding, bom_len, how };
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return found(UTF_8, 3, "bom");
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return found(UTF_16LE, 2, "bom");
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return found(UTF_16BE, 2, "bom");
    }
    let sample = &head[..head.len().min(4096)];
    let zeros_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    if half >= 2 {
        let (even, odd) = (zeros_at(0), zeros_at(1));
        if odd * 10 > half * 3 && even * 10 < half {
            return found(UTF_16LE, 0, "utf16-pattern");
        }
        if even * 10 > half * 3 && odd * 10 < half {
            return found(UTF_16BE, 0, "utf16-pattern");
        }
    }
    match std::str::from_utf8(head) {
        Ok(_) => return found(UTF_8, 0, "valid-utf8"),
        Err(e) if e.error_len().is_none() && !at_eof => return found(UTF_8, 0, "valid-utf8"),
        Err(_) => {}
    }
    found(best_legacy(head), 0, "text-statistics")
}

/// Which legacy encoding reads the bytes as the most plausible text.
fn best_legacy(head: &[u8]) -> TextEncoding {
    // Chinese: the share of decoded ideographs that are common characters. Other text
    // decoded as GBK or Big5 gives ideographs too, but rarely common ones.
    let frequent = common_hanzi();
    let hanzi_score = |enc: TextEncoding| {
        let text = decode_all(enc, head);
        let malformed = text.contains('\u{FFFD}');
        let (mut cjk, mut common) = (0usize, 0usize);
        for c in text.chars() {
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                cjk += 1;
                if frequent.binary_search(&c).is_ok() {
                    common += 1;
                }
            }
        }
        if cjk < 2 || malformed && text.matches('\u{FFFD}').count() * 20 > cjk {
            0.0
        } else {
            common as f64 / cjk as f64
        }
    };
    let (gbk, big5) = (hanzi_score(GB18030), hanzi_score(BIG5));
    if gbk.max(big5) > 0.35 {
        return if big5 > gbk { BIG5 } else { GB18030 };
    }
    // Arabic script comes in words (runs of Arabic letters). Western accents sit inside
    // words of ASCII letters (`José`, `Müller`, `été`); Arabic bytes read as Windows-1252
    // give runs of accented letters with no ASCII letter beside them (`Úáí` for `علي`).
    let text_1256 = decode_all(WINDOWS_1256, head);
    let text_1252 = decode_all(WINDOWS_1252, head);
    let arabic_words = letters_beside(&text_1256, arabic, arabic);
    let latin_words = letters_beside(&text_1252, latin, |c| c.is_ascii_alphabetic());
    if arabic_words > latin_words {
        WINDOWS_1256
    } else {
        WINDOWS_1252
    }
}

fn arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

fn latin(c: char) -> bool {
    ('\u{00C0}'..='\u{00FF}').contains(&c) && c != '×' && c != '÷'
}

/// Letters (`is_letter`) with a `beside` letter just before or after them.
fn letters_beside(text: &str, is_letter: fn(char) -> bool, beside: fn(char) -> bool) -> usize {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            is_letter(chars[i]) && (i > 0 && beside(chars[i - 1]) || chars.get(i + 1).is_some_and(|&n| beside(n)))
        })
        .count()
}

/// The encoding for a user's label (`gbk`, `big5`, `windows-1256`, `utf-16le`…).
pub fn for_label(label: &str) -> Option<TextEncoding> {
    TextEncoding::for_label(label)
}

/// Streaming decoder to UTF-8. UTF-8 input passes through untouched (invalid bytes are
/// replaced field by field later); other encodings are decoded.
pub struct Decoder {
    inner: Option<StreamDecoder>,
    out: Vec<u8>,
}

impl Decoder {
    pub fn new(encoding: TextEncoding) -> Self {
        let inner = (encoding != UTF_8).then(|| StreamDecoder::new(encoding));
        Decoder { inner, out: Vec::new() }
    }

    /// Decodes the next chunk (`last`: the stream ends after it).
    pub fn decode<'a>(&'a mut self, input: &'a [u8], last: bool) -> &'a [u8] {
        let Some(dec) = self.inner.as_mut() else { return input };
        self.out.clear();
        dec.decode(input, last, &mut self.out);
        &self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(enc: TextEncoding, s: &str) -> Vec<u8> {
        let e = encoding_rs::Encoding::for_label(enc.name().as_bytes()).unwrap_or(encoding_rs::UTF_8);
        e.encode(s).0.into_owned()
    }

    #[test]
    fn boms_and_utf16() {
        assert_eq!(detect(b"\xEF\xBB\xBFa,b", false).encoding, UTF_8);
        assert_eq!(detect(b"\xFF\xFEa\0", false), Detected { encoding: UTF_16LE, bom_len: 2, how: "bom" });
        let le: Vec<u8> = "deal_id\tamount\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(detect(&le, true).encoding, UTF_16LE);
        let be: Vec<u8> = "deal_id\tamount\r\n".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(detect(&be, true).encoding, UTF_16BE);
    }

    #[test]
    fn utf8_cut_mid_character_is_still_utf8() {
        let s = "负责人,金额\n张伟,100\n".as_bytes();
        assert_eq!(detect(&s[..s.len() - 8], false).encoding, UTF_8);
    }

    #[test]
    fn legacy_encodings_by_statistics() {
        let zh = "商机编号,负责人,客户名称,阶段,金额,创建日期\nA1,张伟,北京科技有限公司,谈判,12000,2024-01-05\nA2,李娜,上海贸易公司,赢单,8000,2024-02-01\n";
        assert_eq!(detect(&encode(GB18030, zh), true).encoding, GB18030);
        let tw = "商機編號,負責人,客戶名稱,階段,金額\nA1,陳大文,台北科技有限公司,談判,12000\nA2,林小美,高雄貿易公司,贏單,8000\n";
        assert_eq!(detect(&encode(BIG5, tw), true).encoding, BIG5);
        let fa = "شناسه معامله,فروشنده,مشتری,مرحله,مبلغ\n1,علی رضایی,شرکت پارس,مذاکره,12000\n2,سارا محمدی,بازرگانی نور,برنده,8000\n";
        assert_eq!(detect(&encode(WINDOWS_1256, fa), true).encoding, WINDOWS_1256);
        let fr = "deal_id,owner,account,stage,amount\n1,Hélène Müller,Société Générale,Négociation,1200\n2,José Núñez,Café Olé,Gagné,300\n";
        assert_eq!(detect(&encode(WINDOWS_1252, fr), true).encoding, WINDOWS_1252);
    }

    #[test]
    fn decodes_across_chunks() {
        let zh = "负责人,金额\n张伟,100\n";
        let bytes = encode(GB18030, zh);
        for cut in 0..bytes.len() {
            let mut d = Decoder::new(GB18030);
            let mut out = d.decode(&bytes[..cut], false).to_vec();
            out.extend_from_slice(d.decode(&bytes[cut..], true));
            assert_eq!(String::from_utf8(out).unwrap(), zh, "cut at {cut}");
        }
        assert!(for_label("GBK").is_some() && for_label("windows-1256").is_some() && for_label("nope").is_none());
        assert_eq!(for_label(" gb2312 "), for_label("gbk"));
        assert_eq!(for_label("utf-16"), Some(UTF_16LE));
        assert_eq!(for_label("gb18030"), Some(GB18030));
    }

    /// `rows` rows of a deals export as people write it in each language.
    fn export(lang: &str, rows: usize) -> String {
        let (header, names, accounts, stages): (&str, &[&str], &[&str], &[&str]) = match lang {
            // Arabic yeh and kaf, as Windows keyboards type them (all Windows-1256 holds)
            "fa" => (
                "شناسه,فروشنده,مشتري,مرحله,مبلغ,تاريخ ايجاد",
                &["علي رضايي", "سارا كريمي", "مريم احمدي", "حسين نيكو"],
                &["شركت پارس", "بازرگاني نور", "صنايع كاوه", "تجارت سبز"],
                &["مذاكره", "برنده", "بازنده", "پيشنهاد"],
            ),
            "fr" => (
                "deal_id;owner;account;stage;amount;created_date",
                &["Hélène Dupré", "José Núñez", "François Lefèvre", "Zoë Brühl"],
                &["Société Générale", "Café Olé", "Crédit Agricole", "Électricité SA"],
                &["Négociation", "Gagné", "Perdu", "Qualifié"],
            ),
            "de" => (
                "ID;Verantwortlicher;Firma;Phase;Betrag;Erstellt",
                &["Jürgen Weiß", "Günther Müller", "Björn Schäfer", "Anna Groß"],
                &["Bäckerei König", "Müller & Söhne", "Straßenbau AG", "Öko Möbel"],
                &["Verhandlung", "Gewonnen", "Verloren", "Angebot"],
            ),
            "zh" => (
                "商机编号,负责人,客户名称,阶段,金额,创建日期",
                &["张伟", "李娜", "王芳", "刘洋"],
                &["北京科技有限公司", "上海贸易公司", "深圳电子", "广州食品"],
                &["谈判", "赢单", "输单", "方案"],
            ),
            _ => (
                "商機編號,負責人,客戶名稱,階段,金額,建立日期",
                &["陳大文", "林小美", "黃志明", "張家豪"],
                &["台北科技有限公司", "高雄貿易公司", "新竹電子", "台中食品"],
                &["談判", "贏單", "輸單", "提案"],
            ),
        };
        let sep = if header.contains(';') { ";" } else { "," };
        let mut out = format!("{header}\n");
        for i in 0..rows {
            let row = [
                format!("{}", 1000 + i),
                names[i % 4].to_string(),
                accounts[(i / 4) % 4].to_string(),
                stages[(i / 2) % 4].to_string(),
                format!("{}", 1200 + 37 * i),
                format!("2024-0{}-1{}", 1 + i % 9, i % 10),
            ];
            out.push_str(&row.join(sep));
            out.push('\n');
        }
        out
    }

    #[test]
    fn short_and_long_legacy_files() {
        for rows in [5, 25, 1000] {
            for (lang, enc) in
                [("fa", WINDOWS_1256), ("fr", WINDOWS_1252), ("de", WINDOWS_1252), ("zh", GB18030), ("tw", BIG5)]
            {
                let bytes = encode(enc, &export(lang, rows));
                let head = &bytes[..bytes.len().min(64 * 1024)];
                assert_eq!(detect(head, bytes.len() <= head.len()).encoding, enc, "{lang}, {rows} rows");
            }
        }
    }

    #[test]
    fn a_few_words_suffice() {
        // One Persian name in an otherwise ASCII file; one accented name in another.
        let fa = "deal_id,owner,stage,amount\n1,Ali,Won,10\n2,\u{0639}\u{0644}\u{064A},Lost,20\n";
        assert_eq!(detect(&encode(WINDOWS_1256, fa), true).encoding, WINDOWS_1256);
        let fr = "deal_id,owner,stage,amount\n1,Ann,Won,10\n2,José,Lost,20\n";
        assert_eq!(detect(&encode(WINDOWS_1252, fr), true).encoding, WINDOWS_1252);
    }
}
