// The filters: owners, sources, pipelines, products and lookup groups, each a select of
// what the data holds, the names chosen shown as removable chips, and the engine's
// `filters` option made from them.
import { el, clear } from './dom.js';

/** Each filter: the engine's key, its select, its "all" label, and its one-name word
 *  (the hash key, and `controls.<word>` for its label). */
export const FILTERS = [
  ['owners', 'owner-filter', 'controls.owner.all', 'owner'],
  ['sources', 'source-filter', 'controls.source.all', 'source'],
  ['pipelines', 'pipeline-filter', 'controls.pipeline.all', 'pipeline'],
  ['products', 'product-filter', 'controls.product.all', 'product'],
  // a lookup table's column (an owner's manager, an account's sector): `key|column|value`
  ['groups', 'group-filter', 'controls.group.all', 'group'],
];

/** A lookup group filter's parts, from its `key|column|value` name. */
export const groupParts = (name) => {
  const [key, column, ...value] = name.split('|');
  return { key, column, value: value.join('|') };
};

/** The engine's `filters` from the names `picked` per filter (null for none). */
export function chosenFilters(picked) {
  const filters = {};
  for (const [key] of FILTERS) if (picked[key].length && key !== 'groups') filters[key] = [...picked[key]];
  // groups: one filter per lookup column, its values any of those picked
  const groups = new Map();
  for (const { key, column, value } of picked.groups.map(groupParts)) {
    const id = `${key}|${column}`;
    if (!groups.has(id)) groups.set(id, { key, column, values: [] });
    groups.get(id).values.push(value);
  }
  if (groups.size) filters.groups = [...groups.values()];
  return Object.keys(filters).length ? filters : null;
}

/** A chip's words: "Owner: Ann", or a lookup column's "manager: Dustin". */
export function chipWords(t, key, word, name) {
  if (key !== 'groups') return [t(`controls.${word}`), name];
  const { column, value } = groupParts(name);
  return [column, value];
}

/** The names `picked` as chips in `holder`; `onRemove(key, name)` when one is removed. */
export function renderFilterChips(holder, picked, t, onRemove) {
  clear(holder);
  for (const [key, , , word] of FILTERS) {
    for (const name of picked[key]) {
      const [kind, shown] = chipWords(t, key, word, name);
      holder.append(el('button', { type: 'button', class: 'chip', 'data-filter': key, 'data-name': name,
        'aria-label': t('filter.remove', { kind, name: shown }), text: `${kind}: ${shown} ×`,
        onclick: () => onRemove(key, name) }));
    }
  }
  holder.hidden = !holder.children.length;
}

/** Each filter lists what the data holds (`choices`: report.filter_choices, whatever the
 *  filters), names sorted for the page's language `intl`; hidden when empty. */
export function renderFilterChoices($, choices = {}, picked, t, intl) {
  for (const [key, id, all] of FILTERS) {
    const select = $(id);
    const names = [...(choices[key] ?? [])];
    const options = key === 'groups'
      // one list per lookup column: "manager (sales_teams.csv)", its values below
      ? names.map((g) => el('optgroup', { label: `${g.column} (${g.file})` },
        g.values.map((v) => el('option', { value: `${g.key}|${g.column}|${v}`, text: v }))))
      : names.sort((a, b) => a.localeCompare(b, intl)).map((o) => el('option', { value: o, text: o }));
    select.replaceChildren(el('option', { value: '', 'data-i18n': all, text: t(all) }), ...options);
    select.value = '';
    select.closest('label').hidden = key !== 'owners' && names.length === 0 && !picked[key].length;
  }
}

/** A name chosen in a filter's select joins `picked` (once); then `onPick()`. */
export function wireFilterChoices($, picked, onPick) {
  for (const [key, id] of FILTERS) {
    $(id).addEventListener('change', (e) => {
      const name = e.target.value;
      e.target.value = '';
      if (!name || picked[key].includes(name)) return;
      picked[key].push(name);
      onPick();
    });
  }
}
