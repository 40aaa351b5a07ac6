// A date before 6 June 2020 shows the 1995 law, marked as not verified against its text.
import { test, expect } from '@playwright/test';
import { RU_ME, answer, open, wizard } from './helpers.mjs';

test('a rally in 2019 gets the 1995 law: an application 10 calendar days ahead, marked unverified', async ({ page }) => {
  await open(page);
  await answer(page, { option: 'Митинг: граждане собираются в одном месте, чтобы публично выразить мнение (можно со звукоусилением, плакатами)' });
  await answer(page, '2019-05-20');
  await answer(page, { option: 'Да' });
  await answer(page, 30);
  await answer(page, { option: 'Группа граждан старше 18 лет (я один из них)' });
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'apply-1995');
  await expect(result.locator('h3')).toHaveText('По Закону 1995 года: письменное заявление в акимат за 10 дней');
  await expect(result.locator('time[data-date=application-deadline-1995]')).toHaveAttribute('datetime', '2019-05-10');
  await expect(result.locator('time[data-date=decision-by-1995]')).toHaveAttribute('datetime', '2019-05-15');
  await expect(result).toContainText('Этот срок прошёл: так закон действовал тогда.');
  await expect(result.locator('.zw-unverified').first()).toContainText('Закон 1995 года описан не по его тексту');
  // The fines of the time, in the MRP of 2019; the 1995 law is listed without a link, as not verified.
  await expect(result.locator('.zw-fine').first()).toHaveText('20 МРП = 50 500 тенге');
  const law1995 = result.locator('.zw-sources li', { hasText: 'от 17 марта 1995 года' });
  await expect(law1995.locator('.zw-badge')).toBeVisible();
  await expect(law1995.locator('a')).toHaveCount(0);
});

test('one person alone could not apply before 6 June 2020, and the result says what changed', async ({ page }) => {
  await open(page);
  await answer(page, { option: 'Пикет: один гражданин стоит на месте, без звукоусиления (с плакатом или без)' });
  await answer(page, '2020-06-05');
  await answer(page, { option: 'Да' });
  await answer(page, 30);
  await answer(page, { option: 'Только я сам, один' });
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'alone-1995');
  await expect(result).toContainText('С 6 июня 2020 года один гражданин может выйти на пикет после уведомления');
  // A day later, the 2020 law: the same answers lead to its questions instead.
  await wizard(page).getByRole('button', { name: 'Назад' }).click();
  for (let i = 0; i < 3; i++) await wizard(page).getByRole('button', { name: 'Назад' }).click();
  await answer(page, '2020-06-06');
  await answer(page, { option: RU_ME });
  await answer(page, { option: 'Да' });
  await answer(page, 30);
  await expect(wizard(page).locator('legend')).toHaveText('Относится ли к вам что-то из перечисленного?');
});
