// <zanger-wizard topic="assembly" lang="ru"></zanger-wizard>
//
// Defines the custom element and hands its shadow root to the wasm widget, which renders
// every screen. scripts/bundle.mjs appends this file to wasm-bindgen's generated glue, with
// the constants STYLE (widget/style.css) and FIRST_SCREENS (each topic's first screen in
// each language, rendered at build time by the same wasm), to make www/dist/zanger.js; so
// `__wbg_init`, `mount`, `set_lang` and `warm_up` below are the glue's own functions.
// The page loads this one module and zanger.wasm: the only network traffic. Answers never
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
// The offline file carries the wasm's bytes inline (WASM_INLINE); the site bundle fetches it.
const ready = __wbg_init({ module_or_path: WASM_INLINE ?? new URL('zanger.wasm', import.meta.url) })
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

const langOf = (el) => {
  const code = (el.getAttribute('lang') || '').slice(0, 2).toLowerCase();
  return code in LOAD_FAILED ? code : 'ru';
};

class ZangerWizard extends HTMLElement {
  static observedAttributes = ['lang', 'trainer'];
  // Only the workshop build has trainer mode; the site build ignores the attribute.
  static trainerBuild = typeof set_trainer === 'function';

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.addEventListener('click', this);
    const topic = this.getAttribute('topic') || '';
    // The first question, as the wasm would render it, right away. Until the wasm takes over,
    // choices can be made but not submitted; the wasm keeps them when it does.
    const first = FIRST_SCREENS[topic]?.[langOf(this)] ?? '';
    root.innerHTML = `<style>${STYLE}</style><div class="zw-root">${first}</div>`;
    performance.mark('zanger:first-question');
    const holdUntilReady = (event) => {
      if (this.widgetId === undefined && (event.type === 'submit' || event.target.closest?.('button'))) event.preventDefault();
    };
    root.addEventListener('submit', holdUntilReady);
    root.addEventListener('click', holdUntilReady);
    ready.then(
      () => {
        this.widgetId = mount(root, topic, this.getAttribute('lang') || '');
        if (this.hasAttribute('trainer') && ZangerWizard.trainerBuild) set_trainer(this.widgetId, true);
        performance.mark('zanger:first-screen');
        warmUpWhenIdle(this.widgetId);
      },
      (error) => {
        console.error(error);
        const p = document.createElement('p');
        p.setAttribute('role', 'alert');
        p.textContent = LOAD_FAILED[langOf(this)];
        root.replaceChildren(p);
      },
    );
  }

  // Quick exit: for someone who may be watched. Works before the wasm has loaded too: the
  // widget's content goes at once, then the page is replaced (no Back into it) by the host's
  // `exit-url`, or a blank page.
  handleEvent(e) {
    if (!e.target.closest?.('[data-action=exit]')) return;
    this.shadowRoot.innerHTML = '';
    location.replace(this.getAttribute('exit-url') || 'about:blank');
  }

  attributeChangedCallback(name, _old, value) {
    if (this.widgetId === undefined) return;
    if (name === 'lang') set_lang(this.widgetId, value || '');
    if (name === 'trainer' && ZangerWizard.trainerBuild) set_trainer(this.widgetId, value !== null);
  }
}

if (!customElements.get('zanger-wizard')) customElements.define('zanger-wizard', ZangerWizard);
