// Trainer mode (the workshop build): a preset case loads its answers and its day; the date
// control shows what changes from another day; reset clears everything between demonstrations;
// the topic's map, jumping to any question, "what if", shortcuts, and the map on A4.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { RU_PICKET, answer, legend, open, wizard } from './helpers.mjs';

test('a trainer loads a case, moves the date, and resets', async ({ page }) => {
  await open(page);
  // The site build has no trainer mode: the box reloads the demo with the workshop build.
  await page.getByLabel('Режим тренера').click();
  await page.waitForURL(/[?&]trainer/);
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
  // Trainer mode off, in the same page: no toolbar, normal type.
  await page.getByLabel('Режим тренера').uncheck();
  await expect(w.locator('.zw-trainer')).toHaveCount(0);
});

test('each topic offers its own cases', async ({ page }) => {
  await open(page, '2026-11-29T10:00:00+05:00', 'information-request');
  await page.getByLabel('Режим тренера').click();
  await page.waitForURL(/topic=information-request&trainer/);
  await wizard(page).getByLabel('Пример').selectOption({ label: 'Акимат молчит на запрос информации' });
  await expect(wizard(page).locator('.zw-result')).toHaveAttribute('data-outcome', 'no-answer');
  await expect(wizard(page).getByLabel('Пример').locator('option')).toHaveCount(2);
});

test('the workshop-only topics have cases too, and a map', async ({ page }) => {
  await open(page, '2026-11-29T10:00:00+05:00', 'religion', { trainer: true });
  const w = wizard(page);
  await w.getByLabel('Пример').selectOption({ label: 'Зарегистрированная община приглашает проповедника из-за рубежа' });
  await expect(w.locator('.zw-result')).toHaveAttribute('data-outcome', 'missionary-register');
  await expect(w.locator('svg.zw-map g.zw-here')).toContainText('Да, после регистрации');
  await open(page, '2026-11-29T10:00:00+05:00', 'association', { trainer: true });
  await w.getByLabel('Пример').selectOption({ label: 'Девять волонтёров хотят создать общественное объединение' });
  await expect(w.locator('.zw-result')).toHaveAttribute('data-outcome', 'fewer-than-ten');
});

test('the map shows the path, and a trainer jumps to any question from it or from the list', async ({ page }) => {
  await open(page, '2025-03-14T10:00:00+05:00', 'assembly', { trainer: true });
  const w = wizard(page);
  await answer(page, { option: RU_PICKET });
  await answer(page, '2025-03-27');
  const map = w.locator('svg.zw-map');
  await expect(map).toBeVisible();
  // Form and date answered, the organiser question on screen.
  await expect(map.locator('g.zw-on')).toHaveCount(3);
  await expect(map.locator('g.zw-here')).toHaveAttribute('data-q', '2');
  await expect(map.locator('g.zw-on .zw-ans').first()).toContainText('Пикет');
  await expect(map.locator('path.zw-on')).toHaveCount(2);
  // A question off the path: the map gives the answers that lead there.
  const endQuestion = map.locator('g[data-action=jump]').filter({ hasText: 'Во сколько оно закончится?' });
  const q = await endQuestion.getAttribute('data-q');
  await endQuestion.click();
  await expect(legend(page)).toHaveText('Во сколько оно закончится?');
  await expect(map.locator('g.zw-here')).toHaveAttribute('data-q', q);
  // Back along the path from the list: the answers stay.
  await w.getByLabel('Перейти к вопросу').selectOption({ index: 1 });
  await expect(legend(page)).toHaveText('Что вы хотите провести?');
  await expect(w.getByRole('radio', { name: RU_PICKET, exact: true })).toBeChecked();
  // The result is on the map too, and the map can be put away.
  await w.getByLabel('Пример').selectOption({ label: 'Студент хочет выйти на пикет у акимата завтра' });
  await expect(map.locator('g.zw-here')).toContainText('Для этой даты срок подачи');
  await w.getByRole('button', { name: 'Карта темы' }).click();
  await expect(map).toHaveCount(0);
  await expect(w.getByRole('button', { name: 'Карта темы' })).toHaveAttribute('aria-pressed', 'false');
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([]);
});

test('what if: one answer changed shows the other result and its dates, and can be switched to', async ({ page }) => {
  await open(page, '2025-03-14T10:00:00+05:00', 'assembly', { trainer: true });
  const w = wizard(page);
  await w.getByLabel('Пример').selectOption({ label: 'Студент хочет выйти на пикет у акимата завтра' });
  await expect(w.locator('.zw-result')).toHaveAttribute('data-outcome', 'too-late');
  const whatIf = w.locator('.zw-whatif');
  await expect(whatIf.getByRole('heading')).toHaveText('Что если ответить иначе?');
  // A choice: a non-citizen would be refused for another reason.
  const citizen = whatIf.locator('li[data-q]').filter({ hasText: 'Вы гражданин Республики Казахстан?' });
  await expect(citizen.locator('li')).toHaveCount(1);
  await expect(citizen.locator('li')).toContainText('Нет: Мирное собрание могут проводить только граждане Казахстана');
  // A typed date: on 28 March the picket is in time, with its notice deadline.
  const date = whatIf.locator('li[data-q]').filter({ hasText: 'В какой день вы хотите его провести?' });
  await date.locator('input[type=date]').fill('2025-03-28');
  await date.getByRole('button', { name: 'Проверить' }).click();
  const tried = date.locator('li').filter({ has: page.locator('[data-v="2025-03-28"]') });
  await expect(tried).toContainText('Да, при соблюдении условий');
  await expect(tried).toContainText('18 марта 2025');
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([]);
  await tried.locator('[data-v="2025-03-28"]').click();
  await expect(w.locator('.zw-result')).toHaveAttribute('data-outcome', 'can-picket');
  await expect(w.locator('time[data-date=notice-deadline]')).toHaveAttribute('datetime', '2025-03-18');
});

test('keyboard shortcuts: digits choose, Enter goes on, Backspace goes back, M and R', async ({ page }) => {
  await open(page, '2025-03-14T10:00:00+05:00', 'information-request', { trainer: true });
  const w = wizard(page);
  await expect(w.locator('.zw-keys')).toContainText('1–9');
  await w.locator('legend').click();
  await page.keyboard.press('2');
  await expect(w.getByRole('radio').nth(1)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(legend(page)).toHaveText('На каком вы этапе?');
  await page.keyboard.press('Backspace');
  await expect(legend(page)).toHaveText('Кто запрашивает информацию?');
  await page.keyboard.press('KeyM');
  await expect(w.locator('svg.zw-map')).toHaveCount(0);
  await page.keyboard.press('KeyM');
  await expect(w.locator('svg.zw-map')).toBeVisible();
  // Typing in a field is never taken over: digits and letters go into it.
  await w.getByLabel('Дата расчёта («сегодня»)').focus();
  await page.keyboard.press('KeyR');
  await expect(w.getByRole('radio').nth(1)).toBeChecked();
  await w.locator('legend').click();
  await page.keyboard.press('KeyR');
  await expect(w.getByRole('radio').nth(1)).not.toBeChecked();
});

for (const [topic, lang] of [['assembly', 'kk'], ['foreign-funding', 'ru']]) {
  test(`the ${topic} map prints on one A4 page (${lang})`, async ({ page, context }) => {
    await open(page, '2025-03-14T10:00:00+05:00', topic, { trainer: true });
    await page.evaluate(() => { window.print = () => {}; });
    const w = wizard(page);
    await w.locator('select[data-change=lang]').selectOption(lang);
    await w.locator('[data-action=map-print]').click();
    const html = await expect.poll(() => w.evaluate((el) => el.shadowRoot.querySelector('iframe.zw-print')?.srcdoc ?? ''))
      .toContain('<svg').then(() => w.evaluate((el) => el.shadowRoot.querySelector('iframe.zw-print').srcdoc));
    const paper = await context.newPage();
    await paper.setViewportSize({ width: 794, height: 1123 });
    await paper.setContent(html);
    await paper.emulateMedia({ media: 'print' });
    const overflow = await paper.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = (await paper.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBe(1);
    await paper.close();
  });
}

test('the widget NGO sites embed has no trainer mode and loads no trainer code', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await open(page);
  await wizard(page).evaluate((el) => el.setAttribute('trainer', ''));
  await expect(wizard(page).locator('.zw-trainer')).toHaveCount(0);
  expect(await page.evaluate(() => customElements.get('zanger-wizard').trainerBuild)).toBe(false);
  expect(requests.filter((p) => p.includes('/trainer/'))).toEqual([]);
});
