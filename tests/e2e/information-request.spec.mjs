// Asking a state body for information: silence past the deadline counts as a refusal, and the
// complaint letter carries the dates; in Russian, Kazakh and English.
import { test, expect } from '@playwright/test';
import { answer, open, wizard } from './helpers.mjs';

test('no answer in 15 days: the complaint and its dates, pre-filled, in three languages', async ({ page }) => {
  await open(page, '2026-01-10T10:00:00+05:00', 'information-request');
  await answer(page, { option: 'Я, как физическое лицо' });
  await answer(page, { option: 'Я отправил письменный запрос и жду ответа (или ответа нет)' });
  await answer(page, '2025-11-17');
  await answer(page, { option: 'Нет' }); // not extended
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'no-answer');
  await expect(result.locator('time[data-date=complaint-by-silence]')).toHaveAttribute('datetime', '2026-03-03');
  await expect(result.locator('time[data-date=court-by]')).toHaveAttribute('datetime', '2026-03-06');
  const paper = result.locator('.zw-doc[data-document=complaint-letter] .zw-doc-version[data-lang=ru] .zw-paper');
  await expect(paper).toContainText('Мой письменный запрос поступил к обладателю информации 17 ноября 2025 г.');
  await expect(paper).toContainText('истёк 2 декабря 2025 г.; ответа нет');
  await expect(paper).not.toContainText('Об отказе я узнал');
  await expect(paper).not.toContainText('БИН');
  await wizard(page).locator('select').selectOption('kk');
  await expect(result.locator('h3')).toHaveText('Жауап мерзімі өтті: шағым беруге болады');
  await wizard(page).locator('select').selectOption('en');
  await expect(result.locator('h3')).toHaveText('The answer is overdue: you may complain');
});
