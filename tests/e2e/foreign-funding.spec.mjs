// Money from abroad: the notification deadline on the working-day calendar, the fines for the
// recipient's category, the checklist; the same answers read in Kazakh and English too.
import { test, expect } from '@playwright/test';
import { answerValue, open, wizard } from './helpers.mjs';

test('an NGO\'s grant before Nauryz: the deadline, its fines and the checklist, in three languages', async ({ page }) => {
  await open(page, '2025-03-20T10:00:00+05:00', 'foreign-funding');
  for (const v of ['ngo', 'none', 'foreign-org', 'legal-aid', 1500000, '2025-03-20']) await answerValue(page, v);
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'must-notify');
  await expect(result.locator('h3')).toHaveText('Да: уведомите орган государственных доходов');
  await expect(result.locator('time[data-date=notice-deadline]')).toHaveText('вт, 8 апреля 2025 г.');
  await expect(result.locator('.zw-fine').first()).toHaveText('100 МРП = 393 200 тенге');
  const paper = result.locator('.zw-doc[data-document=funding-checklist] .zw-doc-version[data-lang=ru] .zw-paper');
  await expect(paper).toContainText('Дата получения: 20 марта 2025 г.; сумма: 1 500 000 тенге');
  await expect(paper).toContainText('Последний день: 8 апреля 2025 г.');
  await expect(paper).not.toContainText('новый Налоговый кодекс');
  // The 2025 Tax Code is listed without an article; the 2017 one with its article, both unverified.
  const code2017 = result.locator('.zw-sources li', { hasText: '№ 120-VI' });
  await expect(code2017.locator('.zw-badge')).toBeVisible();
  await expect(code2017.locator('.zw-cite')).toContainText('ст. 29, п. 1, пп. 1)');
  await wizard(page).locator('select').selectOption('kk');
  await expect(result.locator('h3')).toHaveText('Иә: мемлекеттік кірістер органын хабардар етіңіз');
  await expect(result.locator('.zw-fine').first()).toHaveText('100 АЕК = 393 200 теңге');
  await wizard(page).locator('select').selectOption('en');
  await expect(result.locator('h3')).toHaveText('Yes: notify the state revenue body');
  await expect(result.locator('time[data-date=notice-deadline]')).toHaveText('Tue, 8 April 2025');
  await expect(result.locator('.zw-fine').first()).toHaveText('100 MRP = 393,200 tenge');
});

test('a receipt in January 2026 falls under the new Tax Code, shown as not identified', async ({ page }) => {
  await open(page, '2026-01-05T10:00:00+05:00', 'foreign-funding');
  for (const v of ['individual', 'none', 'foreigner', 'information', 'no', 500000, '2026-01-05']) await answerValue(page, v);
  const result = wizard(page).locator('.zw-result');
  await expect(result.locator('time[data-date=notice-deadline]')).toHaveAttribute('datetime', '2026-01-20');
  await expect(result).toContainText('Какая его статья теперь устанавливает эту обязанность, в наших источниках нет');
  await expect(result.locator('.zw-warning')).toBeVisible();
  const code2025 = result.locator('.zw-sources li', { hasText: '№ 214-VIII' });
  await expect(code2025.locator('.zw-cite')).toHaveCount(0);
  await expect(result.locator('.zw-doc-version[data-lang=ru] .zw-paper')).toContainText('с 1 января 2026 года действует новый Налоговый кодекс');
});
