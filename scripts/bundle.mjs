// Makes the two files the browser loads, and the offline file for workshops:
// - www/dist/zanger.js: wasm-bindgen's glue, the widget's styles, the first screen of every
//   topic in every language (rendered now, by the same wasm, so the page shows the first
//   question before the wasm has even downloaded), then the custom element. One request.
// - www/dist/zanger.wasm: optimised by npm's binaryen (about 30% smaller).
// - www/dist/zanger-offline.html: the demo page with the same module inline and the wasm's
//   bytes in it (base64), under a Content-Security-Policy that forbids every connection, for
//   opening straight from a USB stick (file://).
// Nothing is exported: the module's only effect is defining <zanger-wizard>.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const gluePath = 'target/pkg/zanger_widget.js';
const glue = readFileSync(gluePath, 'utf8');
if (!glue.includes('async function __wbg_init(')) throw new Error('unexpected wasm-bindgen glue: no __wbg_init');

// Render the first screens with the wasm itself, in Node.
const widget = await import(pathToFileURL(gluePath).href);
widget.initSync({ module: readFileSync('target/pkg/zanger_widget_bg.wasm') });
const firstScreens = {};
for (const topic of widget.topic_ids()) {
  firstScreens[topic] = {};
  for (const lang of ['kk', 'ru', 'en']) firstScreens[topic][lang] = widget.first_screen(topic, lang);
}

const body = glue.replace(/^export (function|\{[^}]*\};?$)/gm, (m, what) => (what.startsWith('{') ? '' : 'function'));
const style = readFileSync('widget/style.css', 'utf8');
const element = readFileSync('widget/element.js', 'utf8');
/** The module: the glue, the styles, the first screens, the element; `wasmInline` is null for
 *  the site (the wasm is fetched next to the module) or a JS expression making its bytes. */
const moduleText = (wasmInline) => [
  body,
  `const STYLE = ${JSON.stringify(style)};`,
  `const FIRST_SCREENS = ${JSON.stringify(firstScreens)};`,
  `const WASM_INLINE = ${wasmInline};`,
  element,
].join('\n');
mkdirSync('www/dist', { recursive: true });
writeFileSync('www/dist/zanger.js', moduleText('null'));

// Debian's wasm-opt 108 emits modules Chromium rejects; npm's binaryen (pinned) does not.
// It reads the enabled wasm features from the module's target_features section.
execFileSync('node_modules/.bin/wasm-opt', ['-O3', 'target/pkg/zanger_widget_bg.wasm', '-o', 'www/dist/zanger.wasm'], { stdio: 'inherit' });

// The offline file: the demo page, its module inline (with the wasm as base64) instead of the
// script tag. The CSP allows only this page's own inline scripts (by hash) and wasm compilation;
// every fetch, frame source, image or font from anywhere is refused.
const wasmBase64 = readFileSync('www/dist/zanger.wasm').toString('base64');
const offlineModule = moduleText(`Uint8Array.from(atob(${JSON.stringify(wasmBase64)}), (c) => c.charCodeAt(0))`)
  .replaceAll('</script', '<\\/script');
let page = readFileSync('www/index.html', 'utf8');
const tag = '<script type="module" src="dist/zanger.js"></script>';
if (!page.includes(tag)) throw new Error(`www/index.html has no ${tag}`);
page = page.replace(tag, () => `<script type="module">${offlineModule}</script>`);
const hashes = [...page.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)]
  .map(([, code]) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
const csp = [
  "default-src 'none'", `script-src ${hashes.join(' ')} 'wasm-unsafe-eval'`, "style-src 'unsafe-inline'",
  "img-src data:", "connect-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');
page = page.replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
writeFileSync('www/dist/zanger-offline.html', page);
