// Number, money, percent and date display through Intl, in the chosen locale (Persian
// digits for fa). Values arrive as the report carries them: money as decimal strings,
// ratios as fractions, counts as numbers, dates as YYYY-MM-DD. English keeps ISO dates
// (unambiguous everywhere); Chinese and Persian get their own date forms, and Persian
// may show the Solar Hijri calendar.

export function formatter(locale = navigator.language, { calendar = 'gregory', t = null } = {}) {
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Whole amounts without decimals, others with cents: 1,000 and 3,500.50.
  const money = { format: (n) => (Number.isInteger(n) ? num : cents).format(n) };
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dec1 = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const iso = locale.startsWith('en') && calendar === 'gregory';
  const day = new Intl.DateTimeFormat(locale, { calendar, timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { calendar, timeZone: 'UTC', year: 'numeric', month: 'short' });
  const asDate = (v) => {
    const d = new Date(`${String(v).slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  const unit = (key, n, fallback) => (t ? t(key, { n }) : `${n} ${fallback}`);
  const missing = '–';
  const ok = (v) => v !== null && v !== undefined && v !== '';
  const text = (v) => (ok(v) ? String(v) : missing);
  return {
    locale,
    count: (v) => (ok(v) ? num.format(v) : missing),
    money: (v) => (ok(v) ? money.format(Number(v)) : missing),
    ratio: (v) => (ok(v) ? pct.format(v) : missing),
    days: (v) => (ok(v) ? unit('unit.days', dec1.format(v), 'd') : missing),
    minutes: (v) => (ok(v) ? unit('unit.minutes', dec1.format(v), 'min') : missing),
    days1: (v) => (ok(v) ? dec1.format(v) : missing),
    text,
    /** An activity type (`call`, `follow_up`…) in the page's language. */
    activity: (v) => (ok(v) && t?.has(`activity.${v}`) ? t(`activity.${v}`) : text(v)),
    bytes: (v) => (v >= 1e6 ? `${dec1.format(v / 1e6)} MB` : `${dec1.format(v / 1e3)} kB`),
    date: (v) => {
      if (!ok(v)) return missing;
      const d = asDate(v);
      return !d || iso ? String(v) : day.format(d);
    },
    month: (v) => {
      const d = ok(v) && asDate(v);
      return !d || iso ? String(v ?? '').slice(0, 7) : month.format(d);
    },
  };
}

/** Formats a cell by its kind. */
export function formatAs(fmt, kind, value) {
  return (fmt[kind] ?? fmt.text)(value);
}
