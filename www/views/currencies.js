// Money by currency: one set of money cards per currency when the files mix them (never
// added together), and the form that gives conversion rates to one base currency.
import { el, clear } from './dom.js';
import { renderCards, MONEY_CARDS } from './cards.js';

/**
 * Money per currency when amounts come in several (`cur`: the report's `currencies`), and
 * the form of conversion rates; `chosen`: the base and rates given so far; `onRates(base,
 * rates)` when the form is sent. `$(id)` finds where to draw.
 */
export function renderCurrencyForm($, cur, chosen, fmt, t, onRates) {
  const { codes = [], mixed = false, base = null, converted = {} } = cur ?? {};
  const convertedCodes = Object.keys(converted);
  $('currency-note').textContent = mixed
    ? t('currency.note.mixed', { n: fmt.count(codes.length), codes: codes.join(', ') })
    : codes.length === 1
      ? t(convertedCodes.length ? 'currency.note.converted' : 'currency.note.one', { code: codes[0], from: convertedCodes.join(', ') }) : '';
  const section = $('currency-section');
  section.hidden = !mixed && !convertedCodes.length;
  if (section.hidden) return;
  const holder = clear($('by-currency'));
  for (const [code, part] of Object.entries(cur.by_currency)) {
    const cards = el('div', { class: 'cards' });
    renderCards(cards, part, fmt, t, MONEY_CARDS);
    holder.append(el('section', { class: 'currency', 'data-currency': code }, el('h3', { text: code }), cards));
  }
  const form = clear($('rates'));
  const all = [...new Set([...codes, ...convertedCodes])];
  const baseCode = chosen.baseCurrency || base || all[0];
  form.append(el('label', { class: 'field' }, `${t('currency.base')} `,
    el('input', { name: 'base', value: baseCode, size: '5', 'aria-label': t('currency.base') })));
  for (const code of all.filter((c) => c !== baseCode)) {
    form.append(el('label', { class: 'field' }, `${t('currency.rate', { code })} `,
      el('input', { type: 'number', min: '0', step: 'any', name: code, value: chosen.currencyRates[code] ?? '',
        'aria-label': `${t('currency.rate', { code })} ${t('currency.rate.unit')}` }), ` ${t('currency.rate.unit')}`));
  }
  form.append(el('button', { type: 'submit', text: t('currency.convert') }));
  form.onsubmit = (e) => {
    e.preventDefault();
    const rates = {};
    let baseGiven = '';
    for (const input of form.querySelectorAll('input')) {
      if (input.name === 'base') baseGiven = input.value.trim();
      else if (Number(input.value) > 0) rates[input.name] = input.value;
    }
    onRates(baseGiven, rates);
  };
}
