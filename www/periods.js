// Date-range presets of the period picker, as [from, to) in the user's local calendar
// (Gregorian: the report's periods are Gregorian dates), relative to an anchor day: today,
// or the last day of the data (exports end in the past: "this quarter" of a file that
// ends in December 2017 is Q4 2017, not an empty quarter of today).

const iso = (y, m, d) => {
  const date = new Date(Date.UTC(y, m, d));
  return date.toISOString().slice(0, 10);
};

/** `[from, to]` (to exclusive) of a preset on the anchor day `today`; `['', '']` for all data. */
export function presetRange(name, today = new Date()) {
  const y = today.getFullYear();
  const m = today.getMonth();
  const q = Math.floor(m / 3) * 3;
  switch (name) {
    case 'this_month': return [iso(y, m, 1), iso(y, m + 1, 1)];
    case 'last_month': return [iso(y, m - 1, 1), iso(y, m, 1)];
    case 'this_quarter': return [iso(y, q, 1), iso(y, q + 3, 1)];
    case 'last_quarter': return [iso(y, q - 3, 1), iso(y, q, 1)];
    case 'year_to_date': return [iso(y, 0, 1), iso(y, m, today.getDate() + 1)];
    case 'this_year': return [iso(y, 0, 1), iso(y + 1, 0, 1)];
    case 'last_year': return [iso(y - 1, 0, 1), iso(y, 0, 1)];
    // the twelve months up to and including the anchor day
    case 'last_12_months': return [iso(y - 1, m, today.getDate() + 1), iso(y, m, today.getDate() + 1)];
    default: return ['', ''];
  }
}

export const PRESETS = ['this_month', 'last_month', 'this_quarter', 'last_quarter', 'year_to_date', 'this_year', 'last_year',
  'last_12_months', 'all'];

/** A report date (`YYYY-MM-DD`) as a local Date, for `presetRange`. */
export function localDay(text) {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y, m - 1, d);
}
