// The period shown: what it is and how it was judged (as-of date, the data's span), the
// anchor of the presets, and an empty period's notice with the nearest period of data.
import { presetRange, localDay } from '../periods.js';

/** "2024-01-01 to 2024-04-01 (exclusive)", or all data. */
export function periodText(p, fmt, t) {
  return p.from || p.to
    ? t('period.range', { from: p.from ? fmt.date(p.from) : t('period.start'), to: p.to ? fmt.date(p.to) : t('period.now') })
    : t('period.all');
}

/**
 * The report's period `p` in the controls' notes: the as-of date and why, the presets'
 * anchor, the period with the data's span, and a notice when the period holds no data
 * (`onNearest()` runs the nearest period of data).
 */
export function renderPeriod($, p, dataSpan, fmt, t, onNearest) {
  // The date open deals, customers and the forecast are judged at, and why.
  $('as-of-note').textContent = p.as_of
    ? t(p.to ? 'asof.period_end' : $('as-of').value ? 'asof.chosen' : 'asof.data_end', { date: fmt.date(p.as_of) })
    : '';
  $('anchor-data').textContent = dataSpan ? t('anchor.data_until', { date: fmt.date(dataSpan.last) }) : t('anchor.data');
  const span = dataSpan ? t('period.data_span', { first: fmt.date(dataSpan.first), last: fmt.date(dataSpan.last) }) : '';
  $('period-label').textContent = p.from || p.to
    ? [periodText(p, fmt, t), span].filter(Boolean).join(' · ')
    : p.first_date ? t('period.span', { first: fmt.date(p.first_date), last: fmt.date(p.last_date) }) : t('period.all');
  showEmptyPeriod($, p, dataSpan, fmt, t, onNearest);
}

/** The chosen preset over the data's last day `last` (['', ''] for none or all data). */
export function presetOfData($, last) {
  const preset = $('preset').value;
  return preset && preset !== 'all' && last ? presetRange(preset, localDay(last)) : ['', ''];
}

/** A period outside the data says so, and offers the same preset over the data's end
 *  (or all data); `onNearest()` runs it. */
function showEmptyPeriod($, p, dataSpan, fmt, t, onNearest) {
  const outside = (p.from || p.to) && dataSpan && ((p.to && p.to <= dataSpan.first) || (p.from && p.from > dataSpan.last));
  $('period-empty').hidden = !outside;
  if (!outside) return;
  $('period-empty-text').textContent = t('period.empty', { first: fmt.date(dataSpan.first), last: fmt.date(dataSpan.last) });
  const preset = $('preset').value;
  const [from, to] = presetOfData($, dataSpan.last);
  const button = $('period-nearest');
  button.textContent = from
    ? t('period.nearest', { preset: t(`preset.${preset}`), from: fmt.date(from), to: fmt.date(to) })
    : t('period.show_all');
  button.onclick = () => {
    $('anchor').value = 'data';
    [$('from').value, $('to').value] = [from, to];
    onNearest();
  };
}
