// Prints browser figures for the widget in Debian's Chromium, without asserting anything:
// when zanger.js starts, how long after that the first question is on screen (the build-time
// first screen) and when it can be answered (wasm mounted), and the time from an answer
// to the next screen (handler + DOM + style and layout, after the idle warm-up), each with
// no throttling and with a 4× CPU slowdown (a phone-class CPU). Median of 5 fresh pages.
// Run after scripts/build.sh:  node scripts/measure.mjs
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { parse } from 'smol-toml';

const port = 4174;
const server = spawn(process.execPath, ['scripts/serve.mjs', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => `${x.toFixed(1)} ms`;

// The picket flow of a scenario file: its answers by question id, given as the page asks.
const scenario = parse(readFileSync('tests/scenarios/nauryz-2025-deadline.toml', 'utf8'));
const FLOW = Object.fromEntries(Object.entries(scenario.answers)
  .map(([id, v]) => [id, v instanceof Date ? v.toISOString().slice(0, 10) : String(v)]));

async function run(rate) {
  const first = [];
  const steps = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`http://localhost:${port}/`);
    await page.waitForFunction(() => performance.getEntriesByName('zanger:first-screen').length > 0);
    first.push(await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0].startTime;
      return [at('zanger:start'), at('zanger:first-question'), at('zanger:wasm-ready'), at('zanger:first-screen')];
    }));
    // A person reads the first question for a while; by then the idle warm-up has run.
    await page.waitForFunction(() => performance.getEntriesByName('zanger:warm').length > 0);
    const times = await page.evaluate((flow) => {
      const root = document.querySelector('zanger-wizard').shadowRoot;
      const out = [];
      for (let form; (form = root.querySelector('form.zw-q'));) {
        const value = flow[form.dataset.question];
        if (value === undefined) throw new Error(`the scenario has no answer to ${form.dataset.question}`);
        const radio = root.querySelector(`input[type=radio][value="${value}"]`);
        if (radio) radio.checked = true;
        else root.querySelector('input[name=a]').value = value;
        const t0 = performance.now();
        root.querySelector('button[type=submit]').click();
        void root.querySelector('.zw-body').getBoundingClientRect(); // style + layout of the new screen
        out.push(performance.now() - t0);
      }
      if (!root.querySelector('.zw-result')) throw new Error('the flow did not reach a result');
      return out;
    }, FLOW);
    steps.push(...times);
    await context.close();
  }
  const part = (i) => median(first.map((f) => f[i]));
  return {
    start: part(0), question: part(1), wasm: part(2), interactive: part(3),
    fromStart: median(first.map((f) => f[1] - f[0])), step: median(steps), worst: Math.max(...steps),
  };
}

try {
  for (const rate of [1, 4]) {
    const r = await run(rate);
    console.log(`chromium, CPU ${rate}×: zanger.js starts ${fmt(r.start)} after navigation; first question on screen `
      + `${fmt(r.fromStart)} after that (budget 100 ms at 4×), answerable (wasm mounted) at ${fmt(r.interactive)} `
      + `(wasm ready ${fmt(r.wasm)}); answer → next screen median ${fmt(r.step)}, worst ${fmt(r.worst)} `
      + `(budget 4 ms at 1×, 16 ms at 4×)`);
  }
} finally {
  await browser.close();
  server.kill();
}
