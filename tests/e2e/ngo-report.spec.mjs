// The NGO database report: the deadline from today, how many days are left or gone, and the
// accountant's checklist with only the lines that apply.
import { test, expect } from '@playwright/test';
import { answer, open, wizard } from './helpers.mjs';

test('a late report: the missed and the next deadline with days counted, and the checklist', async ({ page }) => {
  await open(page, '2026-11-29T10:00:00+05:00', 'ngo-report');
  await expect(wizard(page).locator('legend')).toHaveText('В какой форме создана ваша организация?');
  await answer(page, { option: 'Общественный, корпоративный или частный фонд' });
  await answer(page, { option: 'Нет' }); // not filed
  await answer(page, { option: 'Да' }); // charitable
  await answer(page, { option: 'Нет' }); // no money from abroad for charity
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'report-late');
  await expect(result.locator('.zw-date', { has: page.locator('time[data-date=this-deadline]') })).toContainText('(243 дня назад)');
  await expect(result.locator('.zw-date', { has: page.locator('time[data-date=next-deadline]') })).toContainText('(через 122 дня)');
  await expect(result.locator('.zw-fine')).toHaveText('25 МРП = 108 125 тенге');
  const paper = result.locator('.zw-doc[data-document=reporting-checklist] .zw-doc-version[data-lang=ru] .zw-paper');
  await expect(paper).toContainText('срок (31 марта 2026 г.) прошёл — сдать немедленно. Последний день следующих: 31 марта 2027 г.');
  await expect(paper).toContainText('Отчёт о выполненной благотворительной программе');
  await expect(paper).not.toContainText('безвозмездно полученных из-за рубежа');
  await expect(paper).not.toContainText('Сведения этого года в базу данных НПО сданы');
  // The same result in Kazakh and English.
  await wizard(page).locator('select').selectOption('kk');
  await expect(result.locator('h3')).toHaveText('Биылғы мерзім өтіп кетті: есепті қазір тапсырыңыз');
  await expect(result.locator('.zw-date', { has: page.locator('time[data-date=next-deadline]') })).toContainText('(122 күннен кейін)');
  await wizard(page).locator('select').selectOption('en');
  await expect(result.locator('h3')).toHaveText('This year\'s deadline has passed: file the report now');
  await expect(result.locator('.zw-date', { has: page.locator('time[data-date=this-deadline]') })).toContainText('(243 days ago)');
});

test('the demo page switches topics by its menu', async ({ page }) => {
  await open(page);
  await page.getByRole('link', { name: 'Отчёт НПО в базу данных' }).click();
  await expect(wizard(page).locator('legend')).toHaveText('В какой форме создана ваша организация?');
  await expect(page.getByRole('link', { name: 'Отчёт НПО в базу данных' })).toHaveAttribute('aria-current', 'page');
});
