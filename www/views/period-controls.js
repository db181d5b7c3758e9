// The period controls: presets (this month, last quarter…) anchored on the data's last day
// or today, the from/to dates, the as-of date, "all data", and the trend's buckets.
import { presetRange, localDay } from '../periods.js';
import { presetOfData } from './period.js';

/** The trend's buckets: months are Solar Hijri months when Solar Hijri dates are shown. */
export function granularity($) {
  const g = $('granularity').value;
  return g === 'month' && $('hijri').checked ? 'persian_month' : g;
}

/** A preset of the data's period chosen before the data was known (or new files): set it
 *  from the data's last day; true when the period changed and wants a new run. */
export function followData($, report) {
  if ($('anchor').value !== 'data') return false;
  const [from, to] = presetOfData($, report.period.last_date);
  if (!from || from === $('from').value && to === $('to').value) return false;
  [$('from').value, $('to').value] = [from, to];
  return true;
}

/** Wires the controls: `rerun()` when one changes the period; `lastDay()` the data's
 *  last day (null before any data), which presets anchored on the data count from. */
export function wirePeriodControls($, { lastDay, rerun }) {
  const anchorDay = () => ($('anchor').value !== 'today' && lastDay() ? localDay(lastDay()) : new Date());
  const applyPreset = () => {
    if (!$('preset').value) return;
    [$('from').value, $('to').value] = presetRange($('preset').value, anchorDay());
    rerun();
  };
  $('preset').addEventListener('change', applyPreset);
  $('anchor').addEventListener('change', applyPreset);
  for (const id of ['from', 'to']) $(id).addEventListener('input', () => { $('preset').value = ''; });
  $('as-of-today').addEventListener('click', () => {
    const d = new Date();
    $('as-of').value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    rerun();
  });
  $('all-data').addEventListener('click', () => {
    $('from').value = '';
    $('to').value = '';
    rerun();
  });
}
