// The workshop file: www/dist/zanger-offline.html opened straight from disk (file://) works
// with no network at all, and its Content-Security-Policy refuses any connection it might try.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { RU_CAN_PICKET, answer, legend, wizard } from './helpers.mjs';

const offline = pathToFileURL(fileURLToPath(new URL('../../www/dist/zanger-offline.html', import.meta.url))).href;

test('the offline file walks a topic from file://, makes no request and breaks no CSP rule', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
  });
  await page.clock.setFixedTime(new Date('2025-03-14T10:00:00+05:00'));
  await page.goto(offline);
  await expect(legend(page)).toHaveText('Что вы хотите провести?');
  for (const a of RU_CAN_PICKET) await answer(page, a);
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'can-picket');
  const doc = result.locator('.zw-doc[data-document=picket-notice]');
  await expect(doc).toBeVisible();
  // Printing (a srcdoc frame) and saving (a blob made in the page) work under the policy.
  await doc.getByRole('button', { name: 'Распечатать документ' }).click();
  const frame = () => wizard(page).evaluate((el) => el.shadowRoot.querySelector('iframe.zw-print')?.contentDocument?.body?.textContent ?? '');
  await expect.poll(frame).toContain('ПИКЕТИРОВАНИЯ');
  const [download] = await Promise.all([page.waitForEvent('download'), doc.getByRole('button', { name: 'Сохранить файлом' }).click()]);
  expect(download.suggestedFilename()).toBe('picket-notice-ru.html');
  // The topic menu works from disk too.
  await page.getByRole('link', { name: 'Запрос информации' }).click();
  await expect(legend(page)).toHaveText('Кто запрашивает информацию?');
  expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  // And the policy is really there: a fetch from the page is refused.
  const fetched = await page.evaluate(() => fetch('https://example.org/').then(() => 'sent', () => 'refused'));
  expect(fetched).toBe('refused');
  expect(await page.evaluate(() => window.violations)).toContain('connect-src');
});

test('trainer mode works from the offline file: a case, the map, what if, the map printed', async ({ page }) => {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
  });
  await page.clock.setFixedTime(new Date('2025-03-14T10:00:00+05:00'));
  await page.goto(offline);
  await expect(legend(page)).toBeVisible();
  // The offline file carries the workshop build: the box switches trainer mode on in place.
  await page.getByLabel('Режим тренера').check();
  const w = wizard(page);
  await w.getByLabel('Пример').selectOption({ label: 'Студент хочет выйти на пикет у акимата завтра' });
  await expect(w.locator('.zw-result')).toHaveAttribute('data-outcome', 'too-late');
  await expect(w.locator('svg.zw-map g.zw-here')).toHaveCount(1);
  await expect(w.locator('.zw-whatif li[data-q]').first()).toBeVisible();
  await page.evaluate(() => { window.print = () => {}; });
  await w.getByRole('button', { name: 'Распечатать карту' }).click();
  const frame = () => w.evaluate((el) => el.shadowRoot.querySelector('iframe.zw-print')?.contentDocument?.querySelector('svg') ? 'map' : '');
  await expect.poll(frame).toBe('map');
  expect(await page.evaluate(() => window.violations)).toEqual([]);
});
