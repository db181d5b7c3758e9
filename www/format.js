// Number, money, percent and date display through Intl. Values arrive as the report
// carries them: money as decimal strings, ratios as fractions, counts as numbers.

export function formatter(locale = navigator.language) {
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Whole amounts without decimals, others with cents: 1,000 and 3,500.50.
  const money = { format: (n) => (Number.isInteger(n) ? whole : cents).format(n) };
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dec1 = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const missing = '–';
  const ok = (v) => v !== null && v !== undefined && v !== '';
  return {
    count: (v) => (ok(v) ? num.format(v) : missing),
    money: (v) => (ok(v) ? money.format(Number(v)) : missing),
    ratio: (v) => (ok(v) ? pct.format(v) : missing),
    days: (v) => (ok(v) ? `${dec1.format(v)} d` : missing),
    minutes: (v) => (ok(v) ? `${dec1.format(v)} min` : missing),
    days1: (v) => (ok(v) ? dec1.format(v) : missing),
    text: (v) => (ok(v) ? String(v) : missing),
    bytes: (v) => (v >= 1e6 ? `${dec1.format(v / 1e6)} MB` : `${dec1.format(v / 1e3)} kB`),
    date: (v) => (ok(v) ? String(v) : missing),
  };
}

/** Formats a cell by its kind. */
export function formatAs(fmt, kind, value) {
  return (fmt[kind] ?? fmt.text)(value);
}
