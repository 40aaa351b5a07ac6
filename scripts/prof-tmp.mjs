import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto('http://localhost:8080/');
await page.waitForFunction(() => performance.getEntriesByName('zanger:first-screen').length > 0);
await page.evaluate(() => {
  const root = document.querySelector('zanger-wizard').shadowRoot;
  root.querySelector('input[value="yes"]').checked = true;
  root.querySelector('button[type=submit]').click();
  void root.querySelector('.zw-body').getBoundingClientRect();
});
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]); const key = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop();
  self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
}
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => v.toFixed(1) + ' ms ' + k).join('\n'));
await browser.close();
