// A registered legal entity may organise (Art. 1(4)): no personal questions, and the notice
// names the entity; an unregistered organisation may not (Art. 5(6)(3)).
import { test, expect } from '@playwright/test';
import { answer, open, wizard } from './helpers.mjs';

const RU_RALLY = 'Митинг: граждане собираются в одном месте, чтобы публично выразить мнение (можно со звукоусилением, плакатами)';

test('an NGO notifies a rally: the notice names the legal entity, with its BIN, and no IIN', async ({ page }) => {
  await open(page);
  await answer(page, { option: RU_RALLY });
  await answer(page, '2025-03-27');
  await answer(page, { option: 'Организация, зарегистрированная в Казахстане как юридическое лицо (общественное объединение, партия, профсоюз, фонд…)' });
  await answer(page, { option: 'Нет' }); // not suspended or banned
  await expect(wizard(page).locator('legend')).toContainText('специализированном месте');
  await answer(page, { option: 'Да' });
  await answer(page, '10:00');
  await answer(page, '12:00');
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'can-notify');
  await expect(result).toContainText('Организация действует через руководителя или представителя');
  const paper = result.locator('.zw-doc[data-document=assembly-notice] .zw-doc-version[data-lang=ru] .zw-paper');
  await expect(paper).toContainText('3) Организатор — юридическое лицо: наименование');
  await expect(paper).not.toContainText('ИИН');
  await expect(paper.locator('input[data-field=bin]')).toBeVisible();
  await expect(paper.locator('input[data-field=iin]')).toHaveCount(0);
  // The legal entity's own fine is shown beside the individual's.
  await expect(result.locator('.zw-fine')).toHaveText(['30 МРП = 117 960 тенге', '50 МРП = 196 600 тенге']);
});

test('an organisation not registered in Kazakhstan cannot organise, and is told who can', async ({ page }) => {
  await open(page);
  await answer(page, { option: RU_RALLY });
  await answer(page, '2025-03-27');
  await answer(page, { option: 'Организация, не зарегистрированная в Казахстане как юридическое лицо (например, иностранная или ещё не прошедшая регистрацию)' });
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'unregistered-organiser');
  await expect(result).toContainText('члены вашей организации от своего имени');
});
