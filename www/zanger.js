// <zanger-wizard topic="picket" lang="ru"></zanger-wizard>
//
// Defines the custom element and hands its shadow root to the wasm widget, which renders
// every screen. Loading this module and the two files in ./pkg/ is the only network traffic:
// answers never leave the page, and nothing is stored.
import init, { mount, set_lang } from './pkg/zanger_widget.js';

// Shown only if the widget itself cannot load (then its own strings are unavailable).
const LOAD_FAILED = {
  kk: 'Құрал жүктелмеді. Бетті қайта ашып көріңіз.',
  ru: 'Не удалось загрузить мастер. Попробуйте открыть страницу заново.',
  en: 'The wizard could not load. Try opening the page again.',
};

// Local timing marks (they go nowhere), read by scripts/measure.mjs.
performance.mark('zanger:start');

let ready;
function load() {
  ready ??= init({ module_or_path: new URL('./pkg/zanger_widget_bg.wasm', import.meta.url) })
    .then(() => performance.mark('zanger:wasm-ready'));
  return ready;
}

class ZangerWizard extends HTMLElement {
  static observedAttributes = ['lang'];

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    load().then(
      () => {
        this.widgetId = mount(root, this.getAttribute('topic') || '', this.getAttribute('lang') || '');
        performance.mark('zanger:first-screen');
      },
      (error) => {
        console.error(error);
        const lang = (this.getAttribute('lang') || 'ru').slice(0, 2);
        const p = document.createElement('p');
        p.setAttribute('role', 'alert');
        p.textContent = LOAD_FAILED[lang] || LOAD_FAILED.ru;
        root.replaceChildren(p);
      },
    );
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'lang' && this.widgetId !== undefined) set_lang(this.widgetId, value || '');
  }
}

if (!customElements.get('zanger-wizard')) customElements.define('zanger-wizard', ZangerWizard);
