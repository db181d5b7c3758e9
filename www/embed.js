// Embedding: `<sales-metrics-analyzer>` and `mount(element, options)`. The dashboard lives
// in a shadow root with its own stylesheet, so neither the host page's CSS nor ours leaks
// across; nothing is added to the host's globals but the element's name.
//
//   <script type="module" src="/sales-metrics/embed.js"></script>
//   <sales-metrics-analyzer locale="fa" theme="light" currency="EUR"
//                           sections="alerts,kpi,forecast,funnel"></sales-metrics-analyzer>
//
//   import { mount } from '/sales-metrics/embed.js';
//   const app = mount(document.querySelector('#sales'), { locale: 'zh', sections: ['kpi', 'trend'] });
import { mountApp } from './app.js';
import { STYLESHEET_URL } from './assets.js';

/**
 * Draws the dashboard into `element` (in its shadow root).
 * @param {HTMLElement} element
 * @param {{locale?: 'en'|'zh'|'fa', theme?: 'light'|'dark', currency?: string, sections?: string[],
 *          memoryLimitMb?: number}} [options]
 *   `sections`: the `data-section` names of ui.js to show (listed in the README); default all.
 * @returns {{setLocale(locale: string): void, configure(options: object): void}}
 */
export function mount(element, options = {}) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLESHEET_URL;
  const root = document.createElement('div');
  root.className = 'sma-root';
  shadow.replaceChildren(link, root);
  return mountApp(root, { ...options, host: element });
}

const list = (v) => (v ? v.split(/[\s,]+/).filter(Boolean) : undefined);

export class SalesMetricsAnalyzer extends HTMLElement {
  static observedAttributes = ['locale', 'theme', 'sections', 'currency', 'memory-limit-mb'];

  options() {
    return {
      locale: this.getAttribute('locale') || undefined,
      theme: this.getAttribute('theme') || undefined,
      currency: this.getAttribute('currency') || undefined,
      sections: list(this.getAttribute('sections')),
      memoryLimitMb: Number(this.getAttribute('memory-limit-mb')) || undefined,
    };
  }

  connectedCallback() {
    if (!this.app) this.app = mount(this, this.options());
  }

  attributeChangedCallback() {
    this.app?.configure(this.options());
  }
}

if (!customElements.get('sales-metrics-analyzer')) customElements.define('sales-metrics-analyzer', SalesMetricsAnalyzer);
