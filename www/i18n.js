// The page's languages: English, Simplified Chinese and Persian (right to left). Texts
// live in messages/<locale>.js under shared keys; numbers and dates go through Intl.
// English (the fallback of every key) comes with the page; another language's texts
// are fetched when it is chosen, so that nobody downloads the languages they do not read.
import en from './messages/en.js';

export const LOCALES = {
  en: { name: 'English', dir: 'ltr', intl: 'en', messages: en },
  zh: { name: '简体中文', dir: 'ltr', intl: 'zh-CN', messages: null, load: () => import('./messages/zh.js') },
  fa: { name: 'فارسی', dir: 'rtl', intl: 'fa-IR', messages: null, load: () => import('./messages/fa.js') },
};

/** Fetches the texts of `locale` once; resolves when `translator(locale)` has them. */
export async function loadLocale(locale) {
  const l = LOCALES[locale];
  if (l && !l.messages) l.messages = (await l.load()).default;
}

/** The first of the browser's languages we have, else English. */
export function pickLocale(languages = navigator.languages ?? [navigator.language]) {
  for (const l of languages) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LOCALES[base]) return base;
  }
  return 'en';
}

/** `t(key, params)`: the text of `key` in `locale` (English when missing), `{name}` filled in. */
export function translator(locale) {
  const own = LOCALES[locale]?.messages ?? en;
  // `key.one` (where a language has it) words a count of one: "1 rep", not "1 reps"
  const one = (v) => v === 1 || v === '1' || v === '۱';
  const t = (key, params = {}) => {
    const singular = one(params.n) ? own[`${key}.one`] : undefined;
    const text = singular ?? own[key] ?? en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined || params[name] === null ? m : String(params[name])));
  };
  t.locale = locale;
  t.has = (key) => key in own;
  return t;
}

/** Fills `[data-i18n]` (text) and `[data-i18n-aria-label]` (attribute) under `root`. */
export function applyStatic(root, t) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
}
