// Every scenario file, walked in the browser: the same answers, typed and clicked on the page,
// must reach the same outcome with the same dates and fines as the engine's scenario test.
import { readFileSync, readdirSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { parse } from 'smol-toml';
import { answerValue, inSiteBuild, open, wizard } from './helpers.mjs';

// One page for all scenarios of a worker: each scenario sets the clock and loads the page
// afresh, which is all a new page would give, at a fraction of the cost.
const test = base.extend({
  shared: [async ({ browser }, use) => {
    const page = await browser.newPage();
    await use(page);
    await page.close();
  }, { scope: 'worker' }],
});

const dir = new URL('../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.toml')).sort();

/** A TOML date (or anything else) as the text a form input takes. */
const asInput = (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

for (const file of files) {
  const s = parse(readFileSync(new URL(file, dir), 'utf8'));
  test(`scenario ${file}`, async ({ shared: page }) => {
    // A topic the site build leaves out is walked in the workshop build.
    await open(page, `${asInput(s.today)}T10:00:00+05:00`, s.topic, { workshop: !inSiteBuild(s.topic) });
    const w = wizard(page);
    const result = w.locator('.zw-result');
    for (let step = 0; !(await result.isVisible()); step++) {
      expect(step, 'more questions than the scenario has answers').toBeLessThan(40);
      const id = await w.locator('form.zw-q').getAttribute('data-question');
      expect(Object.keys(s.answers), `the page asks "${id}"`).toContain(id);
      await answerValue(page, asInput(s.answers[id]));
      await expect(w.locator(`form.zw-q[data-question="${id}"]`)).toHaveCount(0);
    }
    await expect(result).toHaveAttribute('data-outcome', s.expect.outcome);
    for (const [id, date] of Object.entries(s.expect.dates ?? {})) {
      await expect(result.locator(`time[data-date="${id}"]`).first()).toHaveAttribute('datetime', asInput(date));
    }
    if (s.expect.fines) {
      const shown = await result.locator('.zw-fine').allTextContents();
      // Only fines with a known MRP are shown in tenge ("50 МРП = 196 600 тенге").
      const tenge = shown.filter((t) => t.includes('=')).map((t) => Number(t.split('=')[1].replace(/\D/g, '')));
      expect(tenge).toEqual(s.expect.fines);
    }
  });
}
