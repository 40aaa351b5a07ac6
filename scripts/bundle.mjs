// Makes the two files the browser loads: www/dist/zanger.js (wasm-bindgen's glue with the
// custom element appended, so one request instead of two) and www/dist/zanger.wasm (optimised
// by npm's binaryen: about 30% smaller, and faster to compile). Nothing is exported: the
// module's only effect is defining <zanger-wizard>.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const glue = readFileSync('target/pkg/zanger_widget.js', 'utf8');
const element = readFileSync('widget/element.js', 'utf8');
const exports = /^export (function|\{[^}]*\};?$)/gm;
if (!glue.includes('async function __wbg_init(')) throw new Error('unexpected wasm-bindgen glue: no __wbg_init');
const body = glue.replace(exports, (m, what) => (what.startsWith('{') ? '' : 'function'));
mkdirSync('www/dist', { recursive: true });
writeFileSync('www/dist/zanger.js', `${body}\n${element}`);
// Debian's wasm-opt 108 emits modules Chromium rejects; npm's binaryen (pinned) does not.
// It reads the enabled wasm features from the module's target_features section.
execFileSync('node_modules/.bin/wasm-opt', ['-O3', 'target/pkg/zanger_widget_bg.wasm', '-o', 'www/dist/zanger.wasm'], { stdio: 'inherit' });
