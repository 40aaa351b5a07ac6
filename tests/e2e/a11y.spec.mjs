// axe-core finds no accessibility violations on the question screens and the result.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { RU_CAN_PICKET, answer, open, wizard } from './helpers.mjs';

async function violations(page) {
  const { violations } = await new AxeBuilder({ page }).include('zanger-wizard').analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
}

test('no axe-core violations on questions, errors and the result', async ({ page }) => {
  await open(page);
  expect(await violations(page)).toEqual([]);
  for (const a of RU_CAN_PICKET.slice(0, 4)) await answer(page, a);
  await answer(page, 200); // an error message on screen
  expect(await violations(page)).toEqual([]);
  await answer(page, 30);
  await answer(page, RU_CAN_PICKET[5]);
  expect(await violations(page)).toEqual([]); // a long choice question
  for (const a of RU_CAN_PICKET.slice(6)) await answer(page, a);
  await expect(wizard(page).locator('.zw-result')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
