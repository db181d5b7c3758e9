// The page's language and calendar: its words (`t`), its formats (`fmt`), the frame's
// `lang` and `dir`, and the static texts. Switching fetches the language's texts first.
import { LOCALES, pickLocale, translator, applyStatic, loadLocale } from './i18n.js';
import { formatter } from './format.js';

/**
 * The page's language, `initial` if known, else the browser's. `frame` gets `lang`/`dir`;
 * `onApplied()` after each switch (to draw again in the new words).
 * @returns {{locale: string, t: Function, fmt: object, intl: string, set(next: string): Promise<void>}}
 */
export function language({ root, $, frame, standalone, initial, onApplied }) {
  const locale = LOCALES[initial] ? initial : pickLocale();
  const lang = { locale, t: translator(locale), fmt: null, intl: LOCALES[locale].intl };
  lang.fmt = formatter(lang.intl, { t: lang.t });
  /** The latest language asked for: an earlier one that loads later is not applied. */
  let asked = null;
  function apply(next) {
    Object.assign(lang, { locale: next, t: translator(next), intl: LOCALES[next].intl });
    const calendar = $('hijri').checked ? 'persian' : 'gregory';
    lang.fmt = formatter(lang.intl, { calendar, t: lang.t });
    frame.lang = lang.intl;
    frame.dir = LOCALES[next].dir;
    if (standalone) document.title = lang.t('app.title');
    $('locale').value = next;
    applyStatic(root, lang.t);
    onApplied();
  }
  lang.set = (next) => {
    const want = LOCALES[next] ? next : 'en';
    asked = want;
    return loadLocale(want).then(() => want, () => 'en').then((got) => {
      if (asked === want) apply(got);
    });
  };
  return lang;
}
