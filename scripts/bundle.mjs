// Makes the two files the browser loads:
// - www/dist/zanger.js: wasm-bindgen's glue, the widget's styles, the first screen of every
//   topic in every language (rendered now, by the same wasm, so the page shows the first
//   question before the wasm has even downloaded), then the custom element. One request.
// - www/dist/zanger.wasm: optimised by npm's binaryen (about 30% smaller).
// Nothing is exported: the module's only effect is defining <zanger-wizard>.
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
mkdirSync('www/dist', { recursive: true });
writeFileSync('www/dist/zanger.js', [
  body,
  `const STYLE = ${JSON.stringify(style)};`,
  `const FIRST_SCREENS = ${JSON.stringify(firstScreens)};`,
  element,
].join('\n'));

// Debian's wasm-opt 108 emits modules Chromium rejects; npm's binaryen (pinned) does not.
// It reads the enabled wasm features from the module's target_features section.
execFileSync('node_modules/.bin/wasm-opt', ['-O3', 'target/pkg/zanger_widget_bg.wasm', '-o', 'www/dist/zanger.wasm'], { stdio: 'inherit' });
