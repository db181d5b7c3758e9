//! Deterministic generator of large sales CSVs for the benchmark.
//!
//! `cargo run --release --example generate -- KIND ROWS [SEED] > file.csv`
//!
//! KIND is `leads`, `activities`, `orders` (a Superstore-style order-lines file with
//! Chinese headers and product names, UTF-8 with BOM, CRLF, several lines per order) or
//! `deals` written in one of the export styles real tools use (`deals` = `deals-plain`):
//!
//! | kind | written as |
//! |---|---|
//! | `deals-plain` | `,`, LF, ISO dates, nothing quoted (about 91 bytes a row) |
//! | `deals-quoted` | `,`, LF, ISO dates; an account or lost reason quoted where it holds a comma or a quote |
//! | `deals-salesforce` | every field quoted, CRLF, `M/D/YYYY` dates (Salesforce and HubSpot exports) |
//! | `deals-salesforce-usd` | the same with amounts as `USD 1,234.56` (a multi-currency Salesforce org) |
//! | `deals-excel-eu` | BOM, `;`, CRLF, `1.234,56`, `D.M.YYYY` (Excel "CSV" on a German Windows) |
//! | `deals-utf16` | UTF-16LE with BOM, tab, CRLF, `M/D/YYYY` (Excel "Unicode text") |
//! | `deals-gbk` | GBK, Chinese headers, names, stages and statuses, `yyyy/m/d`, CRLF (Excel on zh-CN Windows) |
//!
//! Every deals style holds the same deals (same draws): the same won, lost, revenue and
//! cycle, whatever the style. Same arguments, same bytes.

use std::io::{BufWriter, Write};

/// SplitMix64: tiny, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.index(items.len())]
    }
}

const OWNERS: [&str; 24] = [
    "Ana Lima",
    "Ben Okafor",
    "Chen Wei",
    "Dara Rahimi",
    "Eva Novak",
    "Farid Haddad",
    "Grace Kim",
    "Hugo Martin",
    "Ines Duarte",
    "Jamal Reed",
    "Kira Sato",
    "Leo Rossi",
    "Mia Berg",
    "Nils Dahl",
    "Omar Aziz",
    "Paula Gomez",
    "Quinn Shaw",
    "Rosa Diaz",
    "Sam Cole",
    "Tara Nair",
    "Umar Khan",
    "Vera Lund",
    "Wes Park",
    "Yara Said",
];
const OWNERS_ZH: [&str; 24] = [
    "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴霞", "徐明", "孙丽", "马超", "朱婷",
    "胡斌", "郭华", "何平", "高峰", "林琳", "罗军", "郑爽", "梁宇", "谢娟", "宋涛",
];
const STAGES: [&str; 5] = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Contract"];
const STAGES_ZH: [&str; 5] = ["初步接洽", "需求确认", "方案报价", "商务谈判", "合同审批"];
const REASONS: [&str; 6] = ["Price", "Competitor", "No budget", "Timing", "No decision", ""];
/// The same reasons as a CRM user would type them, commas included.
const REASONS_TYPED: [&str; 6] = ["Price, too high", "Competitor", "No budget", "Timing, not now", "No decision", ""];
const REASONS_ZH: [&str; 6] = ["价格太高, 超出预算", "竞争对手", "没有预算", "时机不对", "未做决定", ""];
const SOURCES: [&str; 5] = ["Inbound", "Outbound", "Referral", "Partner", "Event"];
const SOURCES_ZH: [&str; 5] = ["网络咨询", "电话拓展", "客户推荐", "合作伙伴", "展会"];
const TYPES: [&str; 6] = ["call", "email", "meeting", "demo", "proposal", "follow_up"];

fn day(day: u64) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default() + chrono::Days::new(day)
}

fn date(d: u64) -> String {
    day(d).format("%Y-%m-%d").to_string()
}

/// One export style of the deals file.
struct Style {
    delimiter: char,
    crlf: bool,
    quote_all: bool,
    /// `iso`, `mdy` (M/D/YYYY), `dmy` (D.M.YYYY) or `ymd` (YYYY/M/D).
    dates: &'static str,
    /// Amounts as `1.234,56`.
    decimal_comma: bool,
    /// Amounts as `USD 1,234.56` (a Salesforce report of a multi-currency org).
    currency_code: bool,
    /// Names and reasons as users type them (commas, quotes).
    typed_names: bool,
    chinese: bool,
    /// `utf-8`, `utf-8-bom`, `utf-16le` or `gbk`.
    encoding: &'static str,
}

fn style(name: &str) -> Option<Style> {
    let plain = Style {
        delimiter: ',',
        crlf: false,
        quote_all: false,
        dates: "iso",
        decimal_comma: false,
        currency_code: false,
        typed_names: false,
        chinese: false,
        encoding: "utf-8",
    };
    Some(match name {
        "deals" | "deals-plain" => plain,
        "deals-quoted" => Style { typed_names: true, ..plain },
        "deals-salesforce" => Style { quote_all: true, crlf: true, dates: "mdy", typed_names: true, ..plain },
        "deals-salesforce-usd" => {
            Style { quote_all: true, crlf: true, dates: "mdy", typed_names: true, currency_code: true, ..plain }
        }
        "deals-excel-eu" => Style {
            delimiter: ';',
            crlf: true,
            dates: "dmy",
            decimal_comma: true,
            typed_names: true,
            encoding: "utf-8-bom",
            ..plain
        },
        "deals-utf16" => {
            Style { delimiter: '\t', crlf: true, dates: "mdy", typed_names: true, encoding: "utf-16le", ..plain }
        }
        "deals-gbk" => Style { crlf: true, dates: "ymd", chinese: true, encoding: "gbk", ..plain },
        _ => return None,
    })
}

impl Style {
    fn date(&self, d: u64) -> String {
        let d = day(d);
        match self.dates {
            "mdy" => d.format("%-m/%-d/%Y").to_string(),
            "dmy" => d.format("%-d.%-m.%Y").to_string(),
            "ymd" => d.format("%Y/%-m/%-d").to_string(),
            _ => d.format("%Y-%m-%d").to_string(),
        }
    }

    fn amount(&self, cents: u64) -> String {
        let (whole, frac) = (cents / 100, cents % 100);
        if !self.decimal_comma && !self.currency_code {
            return format!("{whole}.{frac:02}");
        }
        let (group, point) = if self.decimal_comma { ('.', ',') } else { (',', '.') };
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(c);
        }
        let code = if self.currency_code { "USD " } else { "" };
        format!("{code}{grouped}{point}{frac:02}")
    }

    /// Appends a record: fields quoted as the style quotes them.
    fn record(&self, out: &mut String, fields: &[&str]) {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(self.delimiter);
            }
            let needs = f.contains(self.delimiter) || f.contains('"') || f.contains('\n') || f.contains('\r');
            if self.quote_all || needs {
                out.push('"');
                out.push_str(&f.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(f);
            }
        }
        out.push_str(if self.crlf { "\r\n" } else { "\n" });
    }

    /// Appends a record to `text`, written out (and emptied) once it holds a megabyte.
    fn emit(&self, w: &mut impl Write, text: &mut String, fields: &[&str]) -> std::io::Result<()> {
        self.record(text, fields);
        if text.len() > 1 << 20 {
            self.write(w, text)?;
            text.clear();
        }
        Ok(())
    }

    fn write(&self, w: &mut impl Write, text: &str) -> std::io::Result<()> {
        match self.encoding {
            "utf-16le" => {
                let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
                w.write_all(&bytes)
            }
            "gbk" => w.write_all(&encoding_rs::GBK.encode(text).0),
            _ => w.write_all(text.as_bytes()),
        }
    }

    fn start(&self, w: &mut impl Write) -> std::io::Result<()> {
        match self.encoding {
            "utf-8-bom" => w.write_all(b"\xEF\xBB\xBF"),
            "utf-16le" => w.write_all(b"\xFF\xFE"),
            _ => Ok(()),
        }
    }
}

fn account_name(i: usize, s: &Style) -> String {
    if s.chinese {
        const CITIES: [&str; 8] = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京"];
        return format!("{}客户{i:04}有限公司", CITIES[i % CITIES.len()]);
    }
    match (s.typed_names, i % 50, i % 7) {
        (true, 0, _) => format!("Account {i:04} \"The Best\""),
        (true, _, 0) => format!("Account {i:04}, Inc."),
        _ => format!("Account {i:04}"),
    }
}

fn deals(w: &mut impl Write, rows: u64, rng: &mut Rng, s: &Style) -> std::io::Result<()> {
    let accounts: Vec<String> = (0..2000).map(|i| account_name(i, s)).collect();
    let (owners, stages, reasons, sources) = if s.chinese {
        (&OWNERS_ZH, &STAGES_ZH, &REASONS_ZH, &SOURCES_ZH)
    } else {
        (&OWNERS, &STAGES, if s.typed_names { &REASONS_TYPED } else { &REASONS }, &SOURCES)
    };
    let (won, lost, open, won_stage, lost_stage) = if s.chinese {
        ("赢单", "输单", "进行中", "赢单", "输单")
    } else {
        ("won", "lost", "open", "Closed Won", "Closed Lost")
    };
    let header: [&str; 10] = if s.chinese {
        ["商机编号", "负责人", "客户名称", "阶段", "状态", "金额", "创建日期", "成交日期", "输单原因", "来源"]
    } else {
        [
            "deal_id",
            "owner",
            "account",
            "stage",
            "status",
            "amount",
            "created_date",
            "closed_date",
            "lost_reason",
            "source",
        ]
    };
    s.start(w)?;
    let mut text = String::with_capacity(1 << 20);
    s.record(&mut text, &header);
    for i in 0..rows {
        let created = rng.below(1000);
        let fate = rng.below(100);
        let (stage, status, closed, reason) = if fate < 35 {
            (won_stage, won, s.date(created + 5 + rng.below(150)), "")
        } else if fate < 65 {
            (lost_stage, lost, s.date(created + 1 + rng.below(120)), reasons[rng.index(reasons.len())])
        } else {
            (stages[rng.index(stages.len())], open, String::new(), "")
        };
        let cents = 50_000 + rng.below(5_000_000);
        let owner = owners[rng.index(owners.len())];
        let account = &accounts[rng.index(2000)];
        let source = sources[rng.index(sources.len())];
        let (id, amount, created) = (format!("D{:07}", i + 1), s.amount(cents), s.date(created));
        let fields = [id.as_str(), owner, account, stage, status, &amount, &created, &closed, reason, source];
        s.emit(w, &mut text, &fields)?;
    }
    s.write(w, &text)
}

/// Order lines as Tableau's Chinese Superstore writes them (its 20 columns), one line
/// per product, 1–6 lines per order, amounts with up to three decimals.
fn orders(w: &mut impl Write, rows: u64, rng: &mut Rng) -> std::io::Result<()> {
    const SURNAMES: [&str; 20] = [
        "曾", "许", "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
        "何", "林",
    ];
    const GIVEN: [&str; 20] = [
        "惠", "安", "磊", "娜", "伟", "芳", "静", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚",
        "桂英", "建华",
    ];
    const PLACES: [(&str, &str, &str); 8] = [
        ("杭州", "浙江", "华东"),
        ("内江", "四川", "西南"),
        ("镇江", "江苏", "华东"),
        ("汕头", "广东", "中南"),
        ("景德镇", "江西", "华东"),
        ("榆林", "陕西", "西北"),
        ("哈尔滨", "黑龙江", "东北"),
        ("北京", "北京", "华北"),
    ];
    const ITEMS: [(&str, &str, &str); 9] = [
        ("办公用品", "用品", "剪刀"),
        ("办公用品", "信封", "搭扣信封"),
        ("办公用品", "装订机", "订书机"),
        ("办公用品", "标签", "可去除的标签"),
        ("技术", "电话", "无线电话"),
        ("技术", "复印机", "激光复印机"),
        ("家具", "椅子", "办公椅"),
        ("家具", "书架", "书架"),
        ("家具", "桌子", "会议桌"),
    ];
    const BRANDS: [&str; 8] = ["Fiskars", "GlobeWeis", "Cardinal", "Ibico", "Avery", "诺基亚", "Hon", "Bush"];
    const COLOURS: [&str; 6] = ["蓝色", "红色", "黑色", "白色", "每套 10 个", "可调"];
    const MODES: [&str; 4] = ["标准级", "二级", "一级", "当日"];
    const SEGMENTS: [&str; 3] = ["公司", "消费者", "小型企业"];
    let customers: Vec<(String, String)> = (0..800)
        .map(|i| {
            let name = format!("{}{}", SURNAMES[i % 20], GIVEN[(i / 20) % 20]);
            (format!("{name}-{}", 10_000 + i * 7), name)
        })
        .collect();
    let header = [
        "行 ID",
        "订单 ID",
        "订单日期",
        "发货日期",
        "邮寄方式",
        "客户 ID",
        "客户名称",
        "细分",
        "城市",
        "省/自治区",
        "国家",
        "地区",
        "产品 ID",
        "类别",
        "子类别",
        "产品名称",
        "销售额",
        "数量",
        "折扣",
        "利润",
    ];
    let s = Style {
        delimiter: ',',
        crlf: true,
        quote_all: false,
        dates: "ymd",
        decimal_comma: false,
        currency_code: false,
        typed_names: false,
        chinese: true,
        encoding: "utf-8-bom",
    };
    s.start(w)?;
    let mut text = String::with_capacity(1 << 20);
    s.record(&mut text, &header);
    let (mut line, mut order) = (0u64, 0u64);
    // Thousandths without trailing zeros, as Excel writes 129.696, 125.44, 42.56.
    let milli = |m: i64| {
        let sign = if m < 0 { "-" } else { "" };
        let (whole, frac) = (m.unsigned_abs() / 1000, m.unsigned_abs() % 1000);
        let frac = format!("{frac:03}");
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{frac}")
        }
    };
    while line < rows {
        order += 1;
        let placed = rng.below(1461);
        let shipped = placed + rng.below(7);
        let mode = rng.pick(&MODES);
        let (customer_id, customer) = &customers[rng.index(customers.len())];
        let segment = rng.pick(&SEGMENTS);
        let (city, province, region) = PLACES[rng.index(PLACES.len())];
        let order_id =
            format!("{}-{}-{}", if order % 3 == 0 { "US" } else { "CN" }, 2022 + placed / 366, 1_000_000 + order);
        let lines = 1 + rng.below(6);
        for _ in 0..lines.min(rows - line) {
            line += 1;
            let item = rng.index(ITEMS.len());
            let (category, sub, thing) = ITEMS[item];
            let product_no = 10_000_000 + rng.below(5000);
            let product = format!("{} {}, {}", rng.pick(&BRANDS), thing, rng.pick(&COLOURS));
            let quantity = 1 + rng.below(9);
            let discount = [0, 1, 2, 4][rng.index(4)];
            let price_cents = 100 + rng.below(200_000) as i64;
            let sales = price_cents * quantity as i64 * (10 - discount);
            let profit = sales * (rng.below(90) as i64 - 30) / 100;
            let (line_no, placed_on, shipped_on) = (line.to_string(), s.date(placed), s.date(shipped));
            let product_id = format!("{category}-{sub}-{product_no}");
            let (sales, quantity, discount, profit) =
                (milli(sales), quantity.to_string(), milli(discount * 100), milli(profit));
            let fields = [
                line_no.as_str(),
                &order_id,
                &placed_on,
                &shipped_on,
                mode,
                customer_id,
                customer,
                segment,
                city,
                province,
                "中国",
                region,
                &product_id,
                category,
                sub,
                &product,
                &sales,
                &quantity,
                &discount,
                &profit,
            ];
            s.emit(w, &mut text, &fields)?;
        }
    }
    s.write(w, &text)
}

fn leads(w: &mut impl Write, rows: u64, rng: &mut Rng) -> std::io::Result<()> {
    writeln!(w, "lead_id,created_date,source,direction,owner,status,mql_date,sql_date,first_response_date")?;
    for i in 0..rows {
        let created = rng.below(1000);
        let mql = if rng.below(2) == 0 { date(created + rng.below(20)) } else { String::new() };
        let sql = if !mql.is_empty() && rng.below(2) == 0 { date(created + 20 + rng.below(20)) } else { String::new() };
        let minutes = rng.below(600);
        writeln!(
            w,
            "L{:07},{},{},{},{},{},{},{},{} {:02}:{:02}",
            i + 1,
            date(created),
            rng.pick(&SOURCES),
            if rng.below(3) == 0 { "outbound" } else { "inbound" },
            rng.pick(&OWNERS),
            rng.pick(&["new", "working", "qualified", "converted", "lost"]),
            mql,
            sql,
            date(created),
            9 + minutes / 60,
            minutes % 60
        )?;
    }
    Ok(())
}

fn activities(w: &mut impl Write, rows: u64, rng: &mut Rng) -> std::io::Result<()> {
    writeln!(w, "owner,type,date,duration_minutes,deal_id,outcome")?;
    for _ in 0..rows {
        writeln!(
            w,
            "{},{},{},{},D{:07},{}",
            rng.pick(&OWNERS),
            rng.pick(&TYPES),
            date(rng.below(1000)),
            5 + rng.below(90),
            1 + rng.below(rows.max(1)),
            rng.pick(&["done", "no answer", "scheduled"])
        )?;
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let kind = args.get(1).map_or("deals", String::as_str);
    let rows: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let mut rng = Rng(args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42));
    let out = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, out.lock());
    match kind {
        "leads" => leads(&mut w, rows, &mut rng)?,
        "activities" => activities(&mut w, rows, &mut rng)?,
        "orders" => orders(&mut w, rows, &mut rng)?,
        other => match style(other) {
            Some(s) => deals(&mut w, rows, &mut rng, &s)?,
            None => {
                eprintln!("unknown kind {other}: deals[-plain|-quoted|-salesforce|-salesforce-usd|-excel-eu|-utf16|-gbk], orders, leads or activities");
                std::process::exit(2);
            }
        },
    }
    w.flush()
}
