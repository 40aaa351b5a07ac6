// <zanger-wizard topic="picket" lang="ru"></zanger-wizard>
//
// Defines the custom element and hands its shadow root to the wasm widget, which renders
// every screen. scripts/bundle.mjs appends this file to wasm-bindgen's generated glue to make
// www/dist/zanger.js, so `__wbg_init`, `mount` and `set_lang` below are the glue's own functions,
// and the page loads one module and one wasm file: the only network traffic. Answers never
// leave the page, and nothing is stored.

// Shown only if the widget itself cannot load (then its own strings are unavailable).
const LOAD_FAILED = {
  kk: 'Құрал жүктелмеді. Бетті қайта ашып көріңіз.',
  ru: 'Не удалось загрузить мастер. Попробуйте открыть страницу заново.',
  en: 'The wizard could not load. Try opening the page again.',
};

// Local timing marks (they go nowhere), read by scripts/measure.mjs.
performance.mark('zanger:start');

// Start fetching and compiling the wasm as soon as the module runs, before any element connects.
const ready = __wbg_init({ module_or_path: new URL('zanger.wasm', import.meta.url) })
  .then(() => performance.mark('zanger:wasm-ready'));

// Once per page, when the browser is idle: compile the code paths of later screens ahead of time.
let warmed = false;
function warmUpWhenIdle(id) {
  if (warmed) return;
  warmed = true;
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
  idle(() => {
    warm_up(id);
    performance.mark('zanger:warm');
  });
}

class ZangerWizard extends HTMLElement {
  static observedAttributes = ['lang'];

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    ready.then(
      () => {
        this.widgetId = mount(root, this.getAttribute('topic') || '', this.getAttribute('lang') || '');
        performance.mark('zanger:first-screen');
        warmUpWhenIdle(this.widgetId);
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
