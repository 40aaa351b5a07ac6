// The religion and association topics (in the workshop build while the site build leaves them out,
// see their rules files): a missionary in three languages, founders' thresholds, an association.
import { test, expect } from '@playwright/test';
import { answer, legend, open, wizard } from './helpers.mjs';

test('a foreign missionary: register with the akimat first, in Russian, Kazakh and English', async ({ page }) => {
  await open(page, '2026-11-29T10:00:00+05:00', 'religion', { workshop: true });
  await expect(legend(page)).toHaveText('Что вы хотите сделать?');
  await answer(page, { option: 'Пригласить миссионера или заниматься миссионерской деятельностью' });
  await answer(page, { option: 'Да' });
  await answer(page, { option: 'Иностранец или лицо без гражданства' });
  await answer(page, { option: 'Нет' });
  const w = wizard(page);
  const result = w.locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'missionary-register');
  await expect(result.locator('h3')).toHaveText('Да, после регистрации');
  await expect(result).toContainText('не позднее 30 календарных дней');
  await expect(result).toContainText('апостилированный');
  await expect(result.locator('.zw-fine')).toHaveText(['100 МРП = 432 500 тенге']);
  await expect(result.locator('.zw-risks')).toContainText('административным выдворением');
  await expect(result.locator('.zw-sources')).toContainText('Закон Республики Казахстан от 11 октября 2011 года № 483-IV');
  await w.locator('select[data-change=lang]').selectOption('kk');
  await expect(result.locator('h3')).toHaveText('Иә, тіркелгеннен кейін');
  await expect(result).toContainText('30 күнтізбелік күннен');
  await w.locator('select[data-change=lang]').selectOption('en');
  await expect(result.locator('h3')).toHaveText('Yes, after registration');
  await expect(result).toContainText('an invitation from an association registered in Kazakhstan');
});

test('49 founders are one short of a local association; 50 may apply, with the two-month deadline', async ({ page }) => {
  await open(page, '2026-11-29T10:00:00+05:00', 'religion', { workshop: true });
  await answer(page, { option: 'Зарегистрировать религиозное объединение' });
  await answer(page, { option: 'Местное' });
  await answer(page, 49);
  const w = wizard(page);
  await expect(w.locator('.zw-result')).toHaveAttribute('data-outcome', 'too-few');
  await w.getByRole('button', { name: 'Назад' }).first().click();
  await answer(page, 50);
  await answer(page, '2026-10-15');
  await expect(w.locator('.zw-result')).toHaveAttribute('data-outcome', 'can-register');
  await expect(w.locator('time[data-date=register-by]')).toHaveAttribute('datetime', '2026-12-15');
});

test('the site build leaves the topic out; the workshop page lists it', async ({ page }) => {
  await open(page, '2026-11-29T10:00:00+05:00');
  await expect(page.getByRole('link', { name: 'Религиозная группа' })).toBeHidden();
  await open(page, '2026-11-29T10:00:00+05:00', '', { workshop: true });
  await expect(page.getByRole('link', { name: 'Религиозная группа' })).toBeVisible();
});

test('a public association: ten founders may apply; the minutes are pre-filled, in Kazakh too', async ({ page }) => {
  await open(page, '2026-11-29T10:00:00+05:00', 'association', { workshop: true });
  await expect(legend(page)).toHaveText('Сколько граждан Казахстана — инициаторов создания объединения?');
  await answer(page, 10);
  await answer(page, { option: 'Местное: действует в пределах одной области' });
  await answer(page, '2026-09-30');
  const w = wizard(page);
  const result = w.locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'can-register');
  await expect(result.locator('time[data-date=apply-by]')).toHaveAttribute('datetime', '2026-11-30');
  const minutes = result.locator('.zw-doc[data-document=founding-minutes]');
  await expect(minutes).toContainText('инициаторы создания объединения, всего 10');
  await expect(minutes).toContainText('30 сентября 2026');
  await minutes.getByRole('button', { name: 'Қазақша' }).click();
  await expect(minutes).toContainText('бастамашылары, барлығы 10');
  await w.locator('select[data-change=lang]').selectOption('en');
  await expect(result.locator('h3')).toHaveText('Yes: apply within two months of the founding meeting');
});
