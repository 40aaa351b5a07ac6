// Prints what the browser downloads for the widget: each file raw and gzipped, and the total.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const files = ['www/dist/zanger.js', 'www/dist/zanger.wasm'];
let raw = 0;
let gz = 0;
for (const f of files) {
  const bytes = readFileSync(f);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`${f.padEnd(24)} ${String(bytes.length).padStart(8)} B  ${String(zipped).padStart(7)} B gzip`);
}
console.log(`${'total'.padEnd(24)} ${String(raw).padStart(8)} B  ${String(gz).padStart(7)} B gzip  (budget 153600 B gzip)`);

// The workshop build (trainer mode) is loaded only by trainers' pages, not by a site's visitors.
const trainer = ['www/dist/trainer/zanger.js', 'www/dist/trainer/zanger.wasm'].map((f) => readFileSync(f));
const trainerGz = trainer.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
console.log(`${'www/dist/trainer/ (both)'.padEnd(24)} ${String(trainer.reduce((n, b) => n + b.length, 0)).padStart(8)} B  ${String(trainerGz).padStart(7)} B gzip  (workshop build, not part of the budget)`);

// The workshop file is not downloaded by a site's visitors; its size is shown for the USB stick.
const offline = readFileSync('www/dist/zanger-offline.html');
console.log(`${'www/dist/zanger-offline.html'.padEnd(24)} ${String(offline.length).padStart(8)} B  (one file for file://, not part of the budget)`);
