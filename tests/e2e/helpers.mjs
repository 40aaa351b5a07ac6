// Shared steps for the end-to-end tests. Playwright's locators pierce the open shadow root.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { parse } from 'smol-toml';

/** Whether the site build carries a topic (its rules file may say `site_build = false`); the
 *  workshop build carries every topic. */
export const inSiteBuild = (topic) =>
  parse(readFileSync(new URL(`../../rules/topics/${topic}.toml`, import.meta.url), 'utf8')).site_build !== false;

/** Fixes the browser clock at a moment given in Kazakhstan time (UTC+5), then opens the demo
 *  (on a topic other than the first, if given). `workshop`: the workshop build's page (every
 *  topic); `trainer`: that page in trainer mode. */
export async function open(page, kzTime = '2025-03-14T10:00:00+05:00', topic = '', { trainer = false, workshop = trainer } = {}) {
  await page.clock.setFixedTime(new Date(kzTime));
  const query = [topic && `topic=${topic}`, trainer && 'trainer'].filter(Boolean).join('&');
  await page.goto(`${workshop ? '/dist/trainer.html' : '/'}${query ? `?${query}` : ''}`);
  await expect(legend(page)).toBeVisible();
}

export const wizard = (page) => page.locator('zanger-wizard');
export const legend = (page) => wizard(page).locator('legend');

/** Answers the question on screen with the mouse: a radio label, or text typed into the input. */
export async function answer(page, value, next = 'Далее') {
  const w = wizard(page);
  if (typeof value === 'object' && value.option) {
    await w.getByRole('radio', { name: value.option, exact: true }).click();
  } else {
    await w.locator('input[name=a]').fill(String(value));
  }
  await w.getByRole('button', { name: next }).click();
}

/** Answers by option id or by typing, whatever the language on screen (as scenario files do). */
export async function answerValue(page, value) {
  const w = wizard(page);
  const radio = w.locator(`input[type=radio][value="${value}"]`);
  if (await radio.count()) await radio.check();
  else await w.locator('input[name=a]').fill(String(value));
  await w.locator('form.zw-q button[type=submit]').click();
}

export const RU_PICKET = 'Пикет: один гражданин стоит на месте, без звукоусиления (с плакатом или без)';
export const RU_ME = 'Я как гражданин (один или вместе с другими гражданами)';
export const RU_FIRST_QUESTION = 'Что вы хотите провести?';

/** The picket answers that lead to "can picket" on Thursday 27 March 2025 (after Nauryz). */
export const RU_CAN_PICKET = [
  { option: RU_PICKET },
  '2025-03-27',
  { option: RU_ME },
  { option: 'Да' },
  30,
  { option: 'Ничего из этого' },
  { option: 'В другом общественном месте: на улице, площади, у здания' },
  { option: 'Нет' }, // nobody else pickets the same spot
  '10:00',
  '11:00',
];

/** The element inside the shadow root that has focus, described for assertions. */
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type'), value: el.value, text: el.textContent?.trim() };
  });
}
