// Nothing leaves the device: after the page has loaded, the widget makes no request at all,
// and no request ever goes to another origin.
import { test, expect } from '@playwright/test';
import { RU_CAN_PICKET, answer, open, wizard } from './helpers.mjs';

test('no request after load, none to another origin, no cookies, no storage', async ({ context, page, baseURL }) => {
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    // Anything not from the demo's own origin is blocked, and the test below fails on it.
    if (new URL(url).origin !== new URL(baseURL).origin) return route.abort();
    return route.continue();
  });
  await open(page);
  const atLoad = requests.length;
  expect(requests.map((u) => new URL(u).pathname).sort()).toEqual(
    ['/', '/dist/zanger.js', '/dist/zanger.wasm'].sort(),
  );
  for (const a of RU_CAN_PICKET) await answer(page, a);
  await expect(wizard(page).locator('.zw-result')).toHaveAttribute('data-outcome', 'can-picket');
  // The notice: typed into, printed and saved, all inside the page.
  await wizard(page).locator('.zw-doc-version:not([hidden]) input[data-field=full-name]').fill('Иванова Айгуль');
  await wizard(page).getByRole('button', { name: 'Распечатать документ' }).click();
  await Promise.all([page.waitForEvent('download'), wizard(page).getByRole('button', { name: 'Сохранить файлом' }).click()]);
  await wizard(page).getByRole('button', { name: 'Назад' }).click();
  await wizard(page).locator('select').selectOption('en');
  await wizard(page).getByRole('button', { name: 'Next' }).click();
  await wizard(page).getByRole('button', { name: 'Start over' }).click();
  expect(requests.slice(atLoad)).toEqual([]);
  for (const url of requests) expect(new URL(url).origin).toBe(new URL(baseURL).origin);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

test('quick exit clears the widget and leaves the page with no way Back into it', async ({ page }) => {
  await open(page);
  await answer(page, { option: 'Пикет: один гражданин стоит на месте, без звукоусиления (с плакатом или без)' });
  await wizard(page).getByRole('button', { name: 'Быстрый выход' }).click();
  await expect(page).toHaveURL('about:blank');
  expect(await page.goBack()).toBeNull();
  await expect(page).toHaveURL('about:blank');
});
