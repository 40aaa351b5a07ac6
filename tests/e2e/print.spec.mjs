// Each document, saved as a file in Kazakh and in Russian, prints on A4: at most two pages, and
// nothing wider than the page (long blanks wrap instead of running off the edge).
import { test, expect } from '@playwright/test';
import { RU_CAN_PICKET, RU_ME, answer, inSiteBuild, open, wizard } from './helpers.mjs';

const RALLY = [
  { option: 'Митинг: граждане собираются в одном месте, чтобы публично выразить мнение (можно со звукоусилением, плакатами)' },
  '2025-03-27', { option: RU_ME }, { option: 'Да' }, 30, { option: 'Ничего из этого' }, { option: 'Да' }, '10:00', '12:00',
];
const MARCH = [
  { option: 'Шествие: гражданин или группа граждан идут по определённому маршруту без транспортных средств' },
  '2025-04-10', { option: RU_ME }, { option: 'Да' }, 30, { option: 'Ничего из этого' }, { option: 'Да' }, '11:00', '13:00',
];
const NGO_LATE = [{ option: 'Общественный, корпоративный или частный фонд' }, { option: 'Нет' }, { option: 'Да' }, { option: 'Да' }];
const FUNDING = [
  { option: 'Некоммерческая организация (НПО, фонд, общественное объединение…)' }, { option: 'Ничего из этого' },
  { option: 'Иностранная организация (например, зарубежный фонд)' },
  { option: 'Юридическая помощь: правовая информация, защита и представительство интересов граждан и организаций, консультирование' },
  1500000, '2025-03-20',
];
const REQUEST = [{ option: 'Я, как физическое лицо' }, { option: 'Готовлю запрос' }];
const NO_ANSWER = [
  { option: 'Я, как физическое лицо' }, { option: 'Я отправил письменный запрос и жду ответа (или ответа нет)' }, '2025-11-17', { option: 'Нет' },
];
const FOUNDING = [12, { option: 'Республиканское: филиалы более чем в половине областей' }, '2026-11-20'];
const LONG = 'Ахметова-Сулейменова Гульнар Жанатовна, город Алматы, Медеуский район, улица Достык, дом 123, квартира 45';

const DOCUMENTS = [
  // document, answers, topic, today (Kazakhstan time), the blank to fill with a long text
  ['picket-notice', RU_CAN_PICKET, 'assembly', '2025-03-14T10:00:00+05:00', 'address'],
  ['assembly-notice', RALLY, 'assembly', '2025-03-14T10:00:00+05:00', 'address'],
  ['assembly-application', MARCH, 'assembly', '2025-03-14T10:00:00+05:00', 'address'],
  ['reporting-checklist', NGO_LATE, 'ngo-report', '2026-11-29T10:00:00+05:00', 'organisation'],
  ['funding-checklist', FUNDING, 'foreign-funding', '2025-03-20T10:00:00+05:00', 'recipient-name'],
  ['information-request-letter', REQUEST, 'information-request', '2025-11-20T10:00:00+05:00', 'information'],
  ['complaint-letter', NO_ANSWER, 'information-request', '2026-01-10T10:00:00+05:00', 'demand'],
  ['founding-minutes', FOUNDING, 'association', '2026-11-29T10:00:00+05:00', 'address'],
  ['registration-checklist', FOUNDING, 'association', '2026-11-29T10:00:00+05:00', 'name'],
];

for (const [doc, flow, topic, today, field] of DOCUMENTS) {
  test(`${doc} prints on A4 in Kazakh and Russian`, async ({ page, context }) => {
    // A topic the site build leaves out is printed from the workshop build.
    await open(page, today, topic, { workshop: !inSiteBuild(topic) });
    for (const a of flow) await answer(page, a);
    const d = wizard(page).locator(`.zw-doc[data-document=${doc}]`);
    await d.locator(`.zw-doc-version:not([hidden]) input[data-field=${field}]`).fill(LONG);
    for (const [lang, button] of [['ru', null], ['kk', 'Қазақша']]) {
      if (button) await d.getByRole('button', { name: button }).click();
      await expect(d.locator(`.zw-doc-version[data-lang=${lang}]`)).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent('download'), d.getByRole('button', { name: 'Сохранить файлом' }).click()]);
      const html = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
      expect(html).toContain(LONG);
      const paper = await context.newPage();
      await paper.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      await paper.setContent(html);
      await paper.emulateMedia({ media: 'print' });
      const overflow = await paper.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${doc} (${lang}) is wider than A4`).toBeLessThanOrEqual(0);
      const pdf = (await paper.pdf({ preferCSSPageSize: true })).toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      expect(pages, `${doc} (${lang}) pages`).toBeGreaterThanOrEqual(1);
      expect(pages, `${doc} (${lang}) pages`).toBeLessThanOrEqual(2);
      await paper.close();
    }
  });
}

// The result page itself is a handout: printed from the page (also in trainer mode), it fits A4's
// width, and buttons, the language switch and the trainer's tools, map and "what if" stay off paper.
for (const trainer of [false, true]) {
  test(`the result page prints on A4${trainer ? ' from trainer mode' : ''}`, async ({ page }) => {
    await open(page, '2025-03-14T10:00:00+05:00', 'assembly', { trainer });
    for (const a of RU_CAN_PICKET) await answer(page, a);
    const w = wizard(page);
    await expect(w.locator('.zw-result')).toHaveAttribute('data-outcome', 'can-picket');
    if (trainer) await expect(w.locator('svg.zw-map')).toBeVisible();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.zw-nav', '.zw-lang', '.zw-exit', '.zw-trainer', '.zw-extra']) {
      for (const el of await w.locator(hidden).all()) await expect(el).toBeHidden();
    }
    await expect(w.locator('.zw-result h3')).toBeVisible();
    expect(await w.locator('.zw').evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the result is wider than A4').toBeLessThanOrEqual(0);
    const pdf = (await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    console.log(`result page (${trainer ? 'trainer' : 'site'}): ${pages} A4 pages`);
    expect(pages).toBeGreaterThanOrEqual(1);
  });
}
