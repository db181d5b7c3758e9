// The input shapes of the benchmark matrix: how each file is written (examples/generate.rs
// writes them) and what a contender needs to read it. Shared by bench/run.mjs (Node) and
// bench/contenders.mjs (the page).

const EN = {
  id: 'deal_id', owner: 'owner', status: 'status', amount: 'amount',
  created: 'created_date', closed: 'closed_date',
};
const ZH = {
  id: '商机编号', owner: '负责人', status: '状态', amount: '金额',
  created: '创建日期', closed: '成交日期',
};
const deals = { kind: 'deals', cols: EN, won: 'won', lost: 'lost', delimiter: ',', encoding: 'utf-8', dates: 'iso', decimal: '.' };

/** Style name → { label, kind, cols, won, lost, delimiter, encoding, dates: iso|mdy|dmy|ymd, decimal, unit? }. */
export const STYLES = {
  'deals-plain': { ...deals, label: '(a) plain, nothing quoted' },
  'deals-quoted': { ...deals, label: '(b) quoted where needed' },
  'deals-salesforce': { ...deals, label: '(c) all quoted, CRLF (Salesforce)', dates: 'mdy' },
  'deals-salesforce-usd': { ...deals, label: '(c2) Salesforce, amounts as USD 1,234.56', dates: 'mdy', unit: 'USD ' },
  'deals-excel-eu': { ...deals, label: '(d) Excel EU: ; 1.234,56 D.M.Y BOM', delimiter: ';', dates: 'dmy', decimal: ',' },
  'deals-utf16': { ...deals, label: '(e) UTF-16LE tab (Unicode text)', delimiter: '\t', encoding: 'utf-16le', dates: 'mdy' },
  'deals-gbk': { ...deals, label: '(f) GBK, Chinese names and stages', cols: ZH, won: '赢单', lost: '输单', encoding: 'gbk', dates: 'ymd' },
  orders: {
    label: '(g) orders, Chinese product names', kind: 'orders', cols: { order: '订单 ID', amount: '销售额' },
    delimiter: ',', encoding: 'utf-8', dates: 'ymd', decimal: '.',
  },
};

/** Days since 1970 of a date as the style writes it (NaN when blank). */
export function dayOf(text, dates) {
  if (!text) return NaN;
  let y, m, d;
  if (dates === 'iso') [y, m, d] = text.split('-');
  else if (dates === 'mdy') [m, d, y] = text.split('/');
  else if (dates === 'dmy') [d, m, y] = text.split('.');
  else [y, m, d] = text.split('/');
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86400000;
}

/** An amount as the style writes it (`USD 1,234.56` too), in units of 10^-scale (exact for up to 15 digits). */
export function unitsOf(text, decimal, scale = 2) {
  if (!text) return 0;
  const bare = text.replace(/^[A-Z]{3} /, '');
  const plain = decimal === ',' ? bare.replaceAll('.', '').replace(',', '.') : bare.replaceAll(',', '');
  const negative = plain.startsWith('-');
  const [whole, frac = ''] = (negative ? plain.slice(1) : plain).split('.');
  const units = Number(whole) * 10 ** scale + Number((frac + '000000').slice(0, scale));
  return negative ? -units : units;
}

/** The same figures from our report. */
export function ours(report, style) {
  const m = report.metrics;
  if (style.kind === 'orders') {
    const aov = m.average_order_value;
    return { lines: report.files[0].rows, orders: aov.denominator, revenue: unitsOf(String(aov.numerator), '.', 3) };
  }
  return {
    won: m.deals_won.value, lost: m.deals_lost.value,
    revenue: unitsOf(String(m.revenue.value), '.', 2), cycle: m.sales_cycle_days.value,
  };
}
