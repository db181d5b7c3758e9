// The view a link keeps: period, anchor, as-of date, comparison, granularity and filters
// in the URL's hash (never the data), written after each analysis of the standalone page
// and read when it opens.
import { FILTERS } from './views/filters.js';

/** The view a link keeps in the URL's hash (never the data): hash key → control id; the
 *  filters' names as `owner=…&owner=…` (and source, pipeline). */
const VIEW_IN_HASH = [['preset', 'preset'], ['of', 'anchor'], ['from', 'from'], ['to', 'to'], ['as_of', 'as-of'],
  ['compare', 'comparison'], ['by', 'granularity']];

/** The period, comparison, granularity and filters into the URL's hash, so that a link
 *  or a bookmark opens the same view (of the files the user drops then). */
export function writeViewToHash($, picked) {
  const params = new URLSearchParams();
  for (const [key, id] of VIEW_IN_HASH) if ($(id).value) params.set(key, $(id).value);
  for (const [key, , , word] of FILTERS) for (const name of picked[key]) params.append(word, name);
  const hash = params.toString();
  if (hash !== location.hash.slice(1)) history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

/** The view from the URL's hash (on opening the page): the controls set, `picked` filled. */
export function readViewFromHash($, picked) {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const [key, id] of VIEW_IN_HASH) {
    const value = params.get(key);
    if (value === null) continue;
    const control = $(id);
    if (control.tagName === 'SELECT' && ![...control.options].some((o) => o.value === value)) continue;
    control.value = value;
  }
  for (const [key, , , word] of FILTERS) picked[key] = params.getAll(word);
}
