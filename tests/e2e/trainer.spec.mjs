// Trainer mode: a preset case loads its answers and its day; the date control shows what
// changes from another day; reset clears everything between demonstrations.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { legend, open, wizard } from './helpers.mjs';

test('a trainer loads a case, moves the date, and resets', async ({ page }) => {
  await open(page);
  await page.getByLabel('Режим тренера').check();
  const w = wizard(page);
  await expect(w.locator('.zw')).toHaveClass(/zw-large/);
  await w.getByLabel('Пример').selectOption({ label: 'Студент хочет выйти на пикет у акимата завтра' });
  const result = w.locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'too-late');
  await expect(result.locator('time[data-date=earliest-date]')).toHaveAttribute('datetime', '2025-03-26');
  await expect(w.getByLabel('Дата расчёта («сегодня»)')).toHaveValue('2025-03-14');
  // What if the student had come a week earlier? On 7 March the notice is still in time.
  await w.getByLabel('Дата расчёта («сегодня»)').fill('2025-03-07');
  await expect(result).toHaveAttribute('data-outcome', 'can-picket');
  await expect(result.locator('time[data-date=notice-deadline]')).toHaveAttribute('datetime', '2025-03-07');
  await expect(result.locator('.zw-today')).toContainText('7 марта 2025 г.');
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([]);
  // The language switch keeps the case and the date.
  await w.locator('select[data-change=lang]').selectOption('en');
  await expect(w.getByLabel('Case')).toHaveValue(/\d+/);
  await expect(w.getByLabel('Date to count from (“today”)')).toHaveValue('2025-03-07');
  await w.getByRole('button', { name: 'Reset' }).click();
  await expect(legend(page)).toHaveText('What do you want to hold?');
  await expect(w.getByLabel('Date to count from (“today”)')).toHaveValue('2025-03-14');
  await expect(w.getByLabel('Case')).toHaveValue('');
  // Trainer mode off: no toolbar, normal type.
  await page.getByLabel('Режим тренера').uncheck();
  await expect(w.locator('.zw-trainer')).toHaveCount(0);
});

test('each topic offers its own cases', async ({ page }) => {
  await open(page, '2026-11-29T10:00:00+05:00', 'information-request');
  await page.getByLabel('Режим тренера').check();
  await wizard(page).getByLabel('Пример').selectOption({ label: 'Акимат молчит на запрос информации' });
  await expect(wizard(page).locator('.zw-result')).toHaveAttribute('data-outcome', 'no-answer');
  await expect(wizard(page).getByLabel('Пример').locator('option')).toHaveCount(2);
});
