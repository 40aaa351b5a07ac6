// Makes the two files the browser loads, for each build, and the offline file for workshops:
// - www/dist/zanger.js: wasm-bindgen's glue, the widget's styles, the first screen of every
//   topic in every language (rendered now, by the same wasm, so the page shows the first
//   question before the wasm has even downloaded), then the custom element. One request.
// - www/dist/zanger.wasm: optimised by npm's binaryen (about 30% smaller).
//   These two are the widget NGO sites embed (target/pkg-site, built without trainer mode).
// - www/dist/trainer/zanger.js and zanger.wasm: the same with trainer mode (target/pkg-trainer),
//   for workshops; www/dist/trainer.html is the demo page loading them.
// - www/dist/zanger-offline.html: the demo page with the trainer build's module inline and its
//   wasm's bytes in it (base64), under a Content-Security-Policy that forbids every connection,
//   for opening straight from a USB stick (file://).
// Nothing is exported: the module's only effect is defining <zanger-wizard>.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Every topic's first screen in every language, rendered by the build's own wasm, in Node. */
async function firstScreens(pkg) {
  const widget = await import(pathToFileURL(`${pkg}/zanger_widget.js`).href);
  widget.initSync({ module: readFileSync(`${pkg}/zanger_widget_bg.wasm`) });
  const screens = {};
  for (const topic of widget.topic_ids()) {
    screens[topic] = {};
    for (const lang of ['kk', 'ru', 'en']) screens[topic][lang] = widget.first_screen(topic, lang);
  }
  return screens;
}

const style = readFileSync('widget/style.css', 'utf8');
const element = readFileSync('widget/element.js', 'utf8');

/** Writes `out`/zanger.js and `out`/zanger.wasm from a wasm-bindgen output folder; returns the
 *  module's text for a given `wasmInline`: null for a site (the wasm is fetched next to the
 *  module) or a JS expression making its bytes. */
async function bundle(pkg, out) {
  const screens = await firstScreens(pkg);
  const glue = readFileSync(`${pkg}/zanger_widget.js`, 'utf8');
  if (!glue.includes('async function __wbg_init(')) throw new Error(`unexpected wasm-bindgen glue in ${pkg}: no __wbg_init`);
  const body = glue.replace(/^export (function|\{[^}]*\};?$)/gm, (m, what) => (what.startsWith('{') ? '' : 'function'));
  const moduleText = (wasmInline) => [
    body,
    `const STYLE = ${JSON.stringify(style)};`,
    `const FIRST_SCREENS = ${JSON.stringify(screens)};`,
    `const WASM_INLINE = ${wasmInline};`,
    element,
  ].join('\n');
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/zanger.js`, moduleText('null'));
  // Debian's wasm-opt 108 emits modules Chromium rejects; npm's binaryen (pinned) does not.
  // It reads the enabled wasm features from the module's target_features section.
  execFileSync('node_modules/.bin/wasm-opt', ['-O3', `${pkg}/zanger_widget_bg.wasm`, '-o', `${out}/zanger.wasm`], { stdio: 'inherit' });
  return moduleText;
}

await bundle('target/pkg-site', 'www/dist');
const moduleText = await bundle('target/pkg-trainer', 'www/dist/trainer');

// The offline file: the demo page, its module inline (with the wasm as base64) instead of the
// script tag. The CSP allows only this page's own inline scripts (by hash) and wasm compilation;
// every fetch, frame source, image or font from anywhere is refused.
const wasmBase64 = readFileSync('www/dist/trainer/zanger.wasm').toString('base64');
const offlineModule = moduleText(`Uint8Array.from(atob(${JSON.stringify(wasmBase64)}), (c) => c.charCodeAt(0))`)
  .replaceAll('</script', '<\\/script');
let page = readFileSync('www/index.html', 'utf8');
const tag = '<script type="module" src="dist/zanger.js"></script>';
if (!page.includes(tag)) throw new Error(`www/index.html has no ${tag}`);
// The demo page with the workshop build, for trainers online: www/dist/trainer.html.
writeFileSync('www/dist/trainer.html', page.replace(tag, '<script type="module" src="trainer/zanger.js"></script>'));
page = page.replace(tag, () => `<script type="module">${offlineModule}</script>`);
const hashes = [...page.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)]
  .map(([, code]) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
const csp = [
  "default-src 'none'", `script-src ${hashes.join(' ')} 'wasm-unsafe-eval'`, "style-src 'unsafe-inline'",
  "img-src data:", "connect-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');
page = page.replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
writeFileSync('www/dist/zanger-offline.html', page);
