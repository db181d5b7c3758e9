#!/usr/bin/env python3
"""Writes the ingest corpus: the same four deals, exported the many ways real tools do.

    python3 tests/corpus/make_corpus.py   (rewrites tests/corpus/*.csv|txt and expected.json)

plain.csv is the deals written plainly; every other file must give the same metrics
(tests/corpus.rs, and in Chromium tests/browser/corpus.test.mjs). expected.json records,
per file, what ingest must detect and why the file is in the corpus.

The deals (owner, account, stage, amount, created, closed):
  1 Ann  Acme   won      1234.56  2024-03-05 → 2024-04-10
  2 Bob  Beta   lost      800     2024-01-15 → 2024-02-20
  3 Ann  Gamma  proposal 2500.50  2024-02-01   (open)
  4 Bob  Acme   won        99.90  2024-02-10 → 2024-03-05
so: revenue 1334.46, won 2, lost 1, win rate 2/3, pipeline 2500.50, sales cycle
(36 + 24) / 2 = 30 days.
"""
import json
import os
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
DEALS = [
    ("1", "Ann", "Acme", "won", "1234.56", date(2024, 3, 5), date(2024, 4, 10)),
    ("2", "Bob", "Beta", "lost", "800", date(2024, 1, 15), date(2024, 2, 20)),
    ("3", "Ann", "Gamma", "open", "2500.50", date(2024, 2, 1), None),
    ("4", "Bob", "Acme", "won", "99.90", date(2024, 2, 10), date(2024, 3, 5)),
]
EN_STAGE = {"won": "Won", "lost": "Lost", "open": "Proposal"}
ZH_STAGE = {"won": "赢单", "lost": "输单", "open": "方案"}
TW_STAGE = {"won": "贏單", "lost": "輸單", "open": "方案"}
FA_STAGE = {"won": "برنده", "lost": "بازنده", "open": "پیشنهاد"}
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
EXPECTED = {}


def write(name, text, encoding="utf-8", newline="\n", why="", **facts):
    data = text.replace("\n", newline).encode(encoding)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    EXPECTED[name] = {"why": why, **facts}


def table(header, rows, sep=","):
    def q(v):
        v = str(v)
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in (sep, '"', "\n", "\r")) else v
    return "".join(sep.join(q(c) for c in r) + "\n" for r in [header] + rows)


def grouped(amount, thousands, decimal):
    whole, _, frac = amount.partition(".")
    whole = f"{int(whole):,}".replace(",", thousands)
    return whole + (decimal + frac if frac else "")


def rows(fmt_date, fmt_amount, stages=EN_STAGE, owner=lambda o: o):
    out = []
    for i, o, a, s, amt, c, d in DEALS:
        out.append([i, owner(o), a, stages[s], fmt_amount(amt), fmt_date(c), fmt_date(d) if d else ""])
    return out


def iso(d):
    return d.isoformat()


EN = ["deal_id", "owner", "account", "stage", "amount", "created_date", "closed_date"]

write("plain.csv", table(EN, rows(iso, lambda a: a)), why="the four deals written plainly", delimiter=",", encoding="UTF-8")

write("utf8_bom_semicolon_decimal_comma.csv",
      "\ufeff" + table(EN, rows(lambda d: d.strftime("%d.%m.%Y"), lambda a: grouped(a, ".", ",")), ";"),
      why="European Excel: BOM, semicolons, 1.234,56, D.M.YYYY", delimiter=";", encoding="UTF-8",
      decimal_separator=",", date_order="day_first")

write("excel_sep_line.csv", "sep=;\n" + table(EN, rows(iso, lambda a: a.replace(".", ",")), ";"),
      why="Excel's sep=; first line, decimal comma", delimiter=";", decimal_separator=",")

write("title_lines_and_totals.csv",
      "Pipeline report\nExported 2024-05-01\n\n" + table(EN, rows(iso, lambda a: a)) + "Total,,,,4635.0,,\n",
      why="title lines above the header and a Total row", header_row=4, above_header=3, summary_rows=1)

half = table(EN, rows(iso, lambda a: a)).split("\n")
write("repeated_header.csv", "\n".join(half[:3] + [half[0]] + half[3:]),
      why="two exports pasted together: the header repeats", repeated_headers=1)

write("utf16le_tab.txt", "\ufeff" + table(EN, rows(iso, lambda a: a), "\t"), encoding="utf-16-le", newline="\r\n",
      why="Excel 'Unicode text': UTF-16 LE with BOM, tabs, CRLF", encoding_name="UTF-16LE", delimiter="\t")

write("utf16be.csv", "\ufeff" + table(EN, rows(iso, lambda a: a)), encoding="utf-16-be",
      why="UTF-16 BE with BOM", encoding_name="UTF-16BE")

ZH = ["商机编号", "负责人", "客户名称", "阶段", "金额", "创建日期", "成交日期"]
write("gbk_chinese.csv",
      table(ZH, rows(lambda d: f"{d.year}年{d.month}月{d.day}日", lambda a: "￥" + grouped(a, ",", "."), ZH_STAGE,
                     {"Ann": "安", "Bob": "博"}.get)) + "合计,,,,￥4635.00,,\n",
      encoding="gbk", why="GBK from Chinese Excel/WPS: Chinese headers and stage words, 2024年3月5日, ￥, 合计 row",
      encoding_name="gb18030", summary_rows=1)

TW = ["商機編號", "負責人", "客戶名稱", "階段", "金額", "建立日期", "成交日期"]
write("big5_traditional.csv", table(TW, rows(lambda d: d.strftime("%Y/%m/%d"), lambda a: a, TW_STAGE,
                                            {"Ann": "陳", "Bob": "林"}.get)),
      encoding="big5", why="Big5 with traditional Chinese headers", encoding_name="Big5")


def jalali(d, digits=FA_DIGITS):
    # Gregorian to Solar Hijri by the same 33-year rule as the engine, written independently.
    gy, gm, gd = d.year, d.month, d.day
    g_d_m = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    gy2 = gy + 1 if gm > 2 else gy
    days = 355666 + 365 * gy + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400 + gd + g_d_m[gm - 1]
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    jm = 1 + days // 31 if days < 186 else 7 + (days - 186) // 30
    jd = 1 + (days % 31 if days < 186 else (days - 186) % 30)
    return f"{jy}/{jm:02d}/{jd:02d}".translate(digits)


ARABIC_LETTERS = str.maketrans("یک", "يك")  # what Arabic keyboards (and Windows-1256 files) hold


FA = ["شناسه معامله", "فروشنده", "مشتری", "مرحله", "مبلغ", "تاریخ ایجاد", "تاریخ بستن"]
write("windows1256_persian.csv",
      table(FA, rows(lambda d: jalali(d, {}), lambda a: a, FA_STAGE, {"Ann": "علی", "Bob": "سارا"}.get))
      .translate(ARABIC_LETTERS),
      encoding="cp1256", why="Windows-1256 Persian: Jalali dates, Arabic yeh and kaf for the Persian letters",
      encoding_name="windows-1256")

write("persian_utf8_rial.csv",
      table(FA, rows(jalali, lambda a: grouped(a, "٬", "٫").translate(FA_DIGITS) + " ریال", FA_STAGE,
                     {"Ann": "علی", "Bob": "سارا"}.get)),
      why="UTF-8 Persian: Jalali dates in Persian digits, ٬ and ٫ separators, the currency after the amount")

FR = ["deal_id", "owner", "account", "stage", "amount", "created_date", "closed_date"]
write("windows1252_french.csv",
      table(FR, rows(lambda d: d.strftime("%d/%m/%Y"), lambda a: grouped(a, "\u00a0", ",") + " €", EN_STAGE,
                     {"Ann": "Hélène", "Bob": "José"}.get), ";"),
      encoding="cp1252", why="Windows-1252 French Excel: accents, NBSP grouping, 1 234,56 €, DD/MM/YYYY",
      encoding_name="windows-1252", delimiter=";", decimal_separator=",", date_order="day_first")

write("cr_line_ends.csv", table(EN, rows(iso, lambda a: a)), newline="\r", why="old Mac line ends (CR only)")

write("pipe_month_names.csv", table(EN, rows(lambda d: d.strftime("%b %d, %Y"), lambda a: a), "|"),
      why="pipes, and dates with English month names", delimiter="|")

write("excel_serial_dollars.csv",
      table(EN, rows(lambda d: str((d - date(1899, 12, 30)).days), lambda a: "$" + grouped(a, ",", "."))),
      why="dates as Excel serial numbers, amounts as $1,234.56")

write("unix_timestamps.csv",
      table(EN, rows(lambda d: str(int((d - date(1970, 1, 1)).total_seconds())) if False else
                     str((d - date(1970, 1, 1)).days * 86400), lambda a: a)),
      why="dates as Unix timestamps (seconds)")

write("dmy_slashes.csv", table(EN, rows(lambda d: f"{d.day}/{d.month}/{d.year}", lambda a: a)),
      why="D/M/YYYY: 15/1/2024 settles the order", date_order="day_first")

write("mdy_excel_us.csv", table(EN, rows(lambda d: f"{d.month}/{d.day}/{d.year}", lambda a: a)),
      why="Excel US M/D/YYYY", date_order="month_first")

write("swiss_apostrophes.csv", table(EN, rows(iso, lambda a: "CHF " + grouped(a, "'", "."))),
      why="1'234.56 with the currency code before")

write("accounting_negatives_and_text_marker.csv",
      table(EN, rows(iso, lambda a: "'" + a)),
      why="Excel's leading ' text marker on amounts")

SF = ["Opportunity ID", "Opportunity Owner", "Account Name", "Stage", "Amount", "Created Date", "Close Date"]
sf_stage = {"won": "Closed Won", "lost": "Closed Lost", "open": "Proposal/Price Quote"}
write("salesforce.csv", table(SF, rows(lambda d: f"{d.month}/{d.day}/{d.year}", lambda a: a, sf_stage)),
      why="Salesforce report export names")

HS = ["Record ID", "Deal owner", "Associated Company", "Deal Stage", "Amount", "Create Date", "Close Date"]
hs_stage = {"won": "Closed won", "lost": "Closed lost", "open": "Presentation scheduled"}
write("hubspot.csv", table(HS, rows(lambda d: d.strftime("%Y-%m-%d %H:%M"), lambda a: a, hs_stage)),
      why="HubSpot deals export names, date-times")

PD = ["Deal - ID", "Deal - Owner", "Deal - Organization", "Deal - Stage", "Deal - Status", "Deal - Value",
      "Deal - Deal created", "Deal - Close time"]
pd_rows = []
for i, o, a, s, amt, c, d in DEALS:
    pd_rows.append([i, o, a, "Proposal Made", {"won": "Won", "lost": "Lost", "open": "Open"}[s], amt,
                    c.strftime("%Y-%m-%d 09:30:00"), d.strftime("%Y-%m-%d 17:00:00") if d else ""])
write("pipedrive.csv", table(PD, pd_rows), why="Pipedrive: status column beside the stage")

ZO = ["Deal Name", "Deal Owner", "Account Name", "Stage", "Amount", "Created Time", "Closing Date"]
zo_stage = {"won": "Closed Won", "lost": "Closed Lost", "open": "Proposal/Price Quote"}
write("zoho.csv", table(ZO, [[f"Deal {i}", o, a, zo_stage[s], amt, c.strftime("%d/%m/%Y 10:00"),
                              d.strftime("%d/%m/%Y") if d else ""] for i, o, a, s, amt, c, d in DEALS]),
      why="Zoho CRM names, DD/MM/YYYY with times", date_order="day_first")

ZS = ["ID", "Owner", "Organization", "Stage", "Value", "Added On", "Won/Lost Date"]
write("zendesk_sell.csv", table(ZS, [[i, o, a, EN_STAGE[s], amt, iso(c), iso(d) if d else ""]
                                    for i, o, a, s, amt, c, d in DEALS]),
      why="Zendesk Sell names")

write("quoted_multiline.csv",
      table(EN + ["notes"], [r + [n] for r, n in zip(rows(iso, lambda a: a),
                                                      ['call back\n"after" budget', "", "a, b", "x\r\ny"])]),
      why="notes with quotes, commas and line breaks inside quoted cells")


# --- Vendor layouts, written as each tool documents or writes its export. -----------------


def mdy(d):
    return f"{d.month}/{d.day}/{d.year}"


def usd(a):
    return "USD " + grouped(f"{float(a):.2f}", ",", ".")


SF_REPORT = ["Opportunity Owner", "Account Name", "Opportunity Name", "Stage", "Amount", "Probability (%)",
             "Close Date", "Created Date", "Closed", "Won"]
sf_report = []
for i, o, a, s, amt, c, d in DEALS:
    sf_report.append([o, a, f"{a} - Deal {i}", sf_stage[s], usd(amt), {"won": "100", "lost": "0", "open": "75"}[s],
                      mdy(d) if d else "6/30/2024", mdy(c), "0" if s == "open" else "1", "1" if s == "won" else "0"])


def all_quoted(header, rows):
    return "".join(",".join('"' + str(v).replace('"', '""') + '"' for v in r) + "\n" for r in [header] + rows)


write("salesforce_report_footer.csv",
      all_quoted(SF_REPORT, sf_report)
      + '"Grand Totals (4 records)","","","","USD 4,634.96","","","","",""\n""\n"Opportunity Pipeline"\n'
      + '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."\n'
      + '"Confidential Information - Do Not Distribute"\n"Generated By:  Ann Lee  6/1/2024, 10:22 AM"\n"Acme Corp"\n',
      newline="\r\n",
      why="Salesforce tabular report (Details Only CSV): all quoted, USD amounts, Closed/Won 1/0, "
          "Grand Totals row and the copyright footer", summary_rows=1, footer_rows=5, blank_rows=1)

SF_SUMMARY = ["Stage", "Opportunity Owner", "Account Name", "Amount", "Created Date", "Close Date"]
groups = {}
for i, o, a, s, amt, c, d in DEALS:
    groups.setdefault(sf_stage[s], []).append([sf_stage[s], o, a, usd(amt), mdy(c), mdy(d) if d else ""])
summary_rows = []
for stage, members in groups.items():
    summary_rows += members
    total = sum(float(m[3][4:].replace(",", "")) for m in members)
    summary_rows.append(["Subtotal", "", "", usd(total), "", ""])
summary_rows.append(["Grand Totals (4 records)", "", "", usd(4634.96), "", ""])
write("salesforce_summary_report.csv", all_quoted(SF_SUMMARY, summary_rows), newline="\r\n",
      why="Salesforce summary report grouped by stage: a Subtotal row under each group, Grand Totals",
      summary_rows=len(groups) + 1)

PD_TIMES = ["Deal - ID", "Deal - Title", "Deal - Owner", "Deal - Organization", "Deal - Stage", "Deal - Status",
            "Deal - Value", "Deal - Currency", "Deal - Deal created", "Deal - Won time", "Deal - Lost time",
            "Deal - Lost reason"]
write("pipedrive_won_lost_time.csv",
      table(PD_TIMES, [[i, f"{a} deal", o, a, "Negotiations Started", {"won": "Won", "lost": "Lost", "open": "Open"}[s],
                        amt, "USD", c.strftime("%Y-%m-%d 09:30:00"),
                        d.strftime("%Y-%m-%d 17:00:00") if d and s == "won" else "",
                        d.strftime("%Y-%m-%d 17:00:00") if d and s == "lost" else "",
                        "Price" if s == "lost" else ""] for i, o, a, s, amt, c, d in DEALS]),
      why="Pipedrive: a won time and a lost time instead of one close date")

DYN = ["(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On", "Topic",
       "Potential Customer", "Status", "Est. Close Date", "Est. Revenue", "Actual Close Date", "Actual Revenue",
       "Owner", "Created On"]
dyn_rows = []
for i, o, a, s, amt, c, d in DEALS:
    guid = f"6f1c2a{i}0-0000-4000-8000-00000000000{i}"
    estimated = "1500.00" if s == "won" else amt  # the estimate of a won deal is not its revenue
    dyn_rows.append([guid, "x" * 8, "2024-06-01T10:00:00", f"{a} {i}", a, {"won": "Won", "lost": "Lost", "open": "Open"}[s],
                     mdy(d) if d else "6/30/2024", estimated, mdy(d) if d else "", amt if s == "won" else "",
                     o, mdy(c) + " 9:30 AM"])
write("dynamics365.csv", "\ufeff" + table(DYN, dyn_rows),
      why="Dynamics 365 export: hidden (Do Not Modify) columns, Est. Revenue beside Actual Revenue, Status Open/Won/Lost")

ODOO = ["Opportunity", "Customer", "Salesperson", "Sales Team", "Stage", "Expected Revenue", "Probability",
        "Created on", "Expected Closing", "Closed Date", "Lost Reason", "Is Won"]
write("odoo.csv",
      table(ODOO, [[f"{a} {i}", a, o, "Europe", {"won": "Won", "lost": "Proposition", "open": "Proposition"}[s], amt,
                    {"won": "100", "lost": "0", "open": "70"}[s], c.strftime("%Y-%m-%d 09:30:00"),
                    "2024-06-30", d.strftime("%Y-%m-%d 17:00:00") if d else "", "Too expensive" if s == "lost" else "",
                    {"won": "Won", "lost": "Lost", "open": "Pending"}[s]] for i, o, a, s, amt, c, d in DEALS]),
      why="Odoo CRM export: Expected Revenue, Is Won (Won/Lost/Pending) beside a stage that stays put when lost")

BX = ["ID", "Deal Name", "Responsible person", "Company", "Stage", "Amount", "Currency", "Created", "Closed",
      "Close date"]
write("bitrix24.csv",
      "\ufeff" + table(BX, [[i, f"Deal #{i}", o, a, {"won": "Deal won", "lost": "Deal lost", "open": "In progress"}[s],
                             amt, "USD", c.strftime("%d.%m.%Y %H:%M:%S").replace("00:00:00", "10:15:00"),
                             "N" if s == "open" else "Y", d.strftime("%d.%m.%Y") if d else ""]
                            for i, o, a, s, amt, c, d in DEALS], ";"),
      why="Bitrix24 deal list export: BOM, semicolons, D.M.YYYY H:M:S, Closed Y/N beside the close date", delimiter=";",
      date_order="day_first")

write("excel_de_created_closed.csv",
      table(["Deal", "Owner", "Account", "Stage", "Value", "Created", "Closed"],
            rows(lambda d: d.strftime("%d.%m.%Y"), lambda a: grouped(a, ".", ",")), ";"),
      encoding="cp1252", why="German Excel 'CSV (Trennzeichen-getrennt)': Created;Closed holding dates, Value amounts",
      delimiter=";", decimal_separator=",", date_order="day_first")

write("excel_us_csv_utf8.csv", "\ufeff" + table(EN, rows(mdy, lambda a: "$" + grouped(a, ",", "."))), newline="\r\n",
      why="Excel 'CSV UTF-8 (Comma delimited)' on en-US Windows: BOM, CRLF, M/D/YYYY, $1,234.56")

with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(EXPECTED, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
