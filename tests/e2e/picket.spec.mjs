// The picket flow in a real browser: mouse, keyboard, language switch, Back, errors.
import { test, expect } from '@playwright/test';
import { RU_CAN_PICKET, RU_FIRST_QUESTION, RU_ME, RU_PICKET, answer, focused, legend, open, wizard } from './helpers.mjs';

/** Types a time into a focused time field; where the browser's field has an AM/PM part, says AM. */
async function typeTime(page, digits) {
  await page.keyboard.type(digits);
  const input = wizard(page).locator('input[name=a]');
  if ((await input.inputValue()) === '') await page.keyboard.type('A');
  await expect(input).not.toHaveValue('');
}

test('a person answers the picket questions in Russian and gets a dated, cited answer', async ({ page }) => {
  await open(page);
  for (const a of RU_CAN_PICKET) await answer(page, a);
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'can-picket');
  await expect(result.locator('.zw-verdict')).toHaveText('Да, при соблюдении условий');
  // Counted back from Thu 27 March 2025 over Nauryz (21–25 March off): Mon 17 March.
  await expect(result.locator('time[data-date=notice-deadline]')).toHaveAttribute('datetime', '2025-03-17');
  await expect(result.locator('time[data-date=notice-deadline]')).toHaveText('пн, 17 марта 2025 г.');
  await expect(result.locator('time[data-date=answer-by]')).toHaveAttribute('datetime', '2025-03-20');
  await expect(result.getByText('Как считаем: отсчитываем назад только рабочие дни').first()).toBeVisible();
  await expect(result.locator('.zw-steps .zw-cite').first()).toContainText('Закон № 333-VI, ст. 10, п. 1');
  await expect(result.locator('.zw-sources a').first()).toHaveAttribute('href', 'https://adilet.zan.kz/rus/docs/Z2000000333');
  await expect(result.locator('.zw-fine')).toHaveText('30 МРП = 117 960 тенге');
  await expect(result.locator('.zw-asof')).toHaveText('Закон проверен по состоянию на 22 ноября 2026 г.');
  await expect(result.locator('.zw-today')).toContainText('14 марта 2025 г.');
  await expect(result.locator('.zw-answers dd')).toHaveText([
    RU_PICKET, 'чт, 27 марта 2025 г.', RU_ME, 'Да', '30', 'Ничего из этого',
    'В другом общественном месте: на улице, площади, у здания', 'Нет', '10:00', '11:00',
  ]);
  // Print hands the result to the browser's print dialog.
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await result.getByRole('button', { name: 'Распечатать', exact: true }).click();
  expect(await page.evaluate(() => window.printed)).toBe(true);
});

test('the whole flow works by keyboard only, and focus moves to each new question', async ({ page }) => {
  await open(page);
  // From the page, Tab passes the demo's header (topic menu, trainer switch), reaches the
  // language switch and the quick exit, then the first answer.
  const before = await page.locator('header a:visible, header input:visible').count();
  for (let i = 0; i <= before; i++) await page.keyboard.press('Tab');
  expect((await focused(page)).tag).toBe('select');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Быстрый выход' });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'input', type: 'radio', value: 'picket' });
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(legend(page)).toHaveText('В какой день вы хотите его провести?');
  await page.keyboard.press('Tab');
  await page.keyboard.type('03272025'); // headless Chromium's date field is month/day/year
  await expect(wizard(page).locator('input[name=a]')).toHaveValue('2025-03-27');
  await page.keyboard.press('Enter');
  await expect(legend(page)).toHaveText('Кто будет организатором?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // "I, as a citizen" is the first option
  await page.keyboard.press('Enter');
  await expect(legend(page)).toHaveText('Вы гражданин Республики Казахстан?');
  expect((await focused(page)).tag).toBe('legend');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'input', type: 'radio', value: 'yes' });
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(legend(page)).toHaveText('Сколько вам полных лет?');
  expect((await focused(page)).tag).toBe('legend');
  await page.keyboard.press('Tab');
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  await expect(legend(page)).toHaveText('Относится ли к вам что-то из перечисленного?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // "none of these" is the first option
  await page.keyboard.press('Enter');
  await expect(legend(page)).toHaveText('Где вы хотите стоять?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // the second option: another public place
  expect(await focused(page)).toMatchObject({ value: 'public' });
  await page.keyboard.press('Enter');
  await expect(legend(page)).toHaveText('Будет ли в том же месте, в то же время, у того же объекта пикет кого-то другого?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // No
  expect(await focused(page)).toMatchObject({ value: 'no' });
  await page.keyboard.press('Enter');
  await expect(legend(page)).toHaveText('Во сколько оно начнётся?');
  await page.keyboard.press('Tab');
  await typeTime(page, '1000');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await typeTime(page, '1100');
  await page.keyboard.press('Enter');
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'can-picket');
  expect((await focused(page)).tag).toBe('h3');
  await expect(wizard(page).locator('.zw-live')).toHaveText(/^Результат: /);
});

test('switching language mid-way keeps every answer, the one being entered too', async ({ page }) => {
  await open(page);
  for (const a of RU_CAN_PICKET.slice(0, 5)) await answer(page, a);
  await wizard(page).getByRole('radio', { name: 'Ничего из этого' }).check();
  await wizard(page).locator('select').selectOption('kk');
  await expect(legend(page)).toHaveText('Төмендегілердің бірі сізге қатысты ма?');
  await expect(wizard(page).getByRole('radio', { name: 'Ешқайсысы қатысты емес' })).toBeChecked();
  await wizard(page).getByRole('button', { name: 'Артқа' }).click();
  await expect(legend(page)).toHaveText('Сіз неше жастасыз (толық жыл)?');
  await expect(wizard(page).locator('input[name=a]')).toHaveValue('30');
  await wizard(page).locator('select').selectOption('en');
  await expect(legend(page)).toHaveText('How old are you, in full years?');
  await expect(wizard(page).locator('input[name=a]')).toHaveValue('30');
  await answer(page, 30, 'Next');
  await answer(page, { option: 'None of these' }, 'Next');
  await answer(page, { option: 'At another public place: a street, a square, outside a building' }, 'Next');
  await answer(page, { option: 'No' }, 'Next');
  await answer(page, '10:00', 'Next');
  await answer(page, '11:00', 'Next');
  const result = wizard(page).locator('.zw-result');
  await expect(result.locator('h3')).toHaveText('Yes, you may picket if you notify the akimat in time');
  await expect(result.locator('time[data-date=notice-deadline]')).toHaveText('Mon, 17 March 2025');
  await expect(wizard(page).locator('.zw')).toHaveAttribute('lang', 'en');
  // The host page may switch the language too, through the attribute.
  await wizard(page).evaluate((el) => el.setAttribute('lang', 'kk'));
  await expect(result.locator('.zw-verdict')).toHaveText('Иә, шарттары орындалса');
});

test('Back keeps every answer, and changing one changes the outcome', async ({ page }) => {
  await open(page);
  for (const a of RU_CAN_PICKET) await answer(page, a);
  await expect(wizard(page).locator('.zw-result')).toHaveAttribute('data-outcome', 'can-picket');
  const back = () => wizard(page).getByRole('button', { name: 'Назад' }).click();
  await back();
  await expect(legend(page)).toHaveText('Во сколько оно закончится?');
  await expect(wizard(page).locator('input[name=a]')).toHaveValue('11:00');
  for (let i = 0; i < 5; i++) await back();
  await expect(legend(page)).toHaveText('Сколько вам полных лет?');
  await expect(wizard(page).locator('input[name=a]')).toHaveValue('30');
  await answer(page, 17);
  await expect(wizard(page).locator('.zw-result')).toHaveAttribute('data-outcome', 'minor');
  await back();
  await answer(page, 30);
  // The later answers were kept: each screen comes back filled in.
  await expect(wizard(page).getByRole('radio', { name: 'Ничего из этого' })).toBeChecked();
  for (let i = 0; i < 5; i++) await wizard(page).getByRole('button', { name: 'Далее' }).click();
  await expect(wizard(page).locator('.zw-result')).toHaveAttribute('data-outcome', 'can-picket');
  await wizard(page).getByRole('button', { name: 'Начать заново' }).click();
  await expect(legend(page)).toHaveText(RU_FIRST_QUESTION);
  await expect(wizard(page).getByRole('radio', { name: RU_PICKET })).not.toBeChecked();
});

test('bad input gets a clear message in the user\'s language and nothing is lost', async ({ page }) => {
  await open(page);
  await wizard(page).getByRole('button', { name: 'Далее' }).click();
  await expect(wizard(page).getByRole('alert')).toHaveText('Выберите ответ.');
  for (const a of RU_CAN_PICKET.slice(0, 4)) await answer(page, a);
  await answer(page, 200);
  await expect(wizard(page).getByRole('alert')).toHaveText('Введите целое число от 0 до 120.');
  await expect(wizard(page).locator('input[name=a]')).toHaveAttribute('aria-invalid', 'true');
  await answer(page, 30);
  await answer(page, { option: 'Ничего из этого' });
  await answer(page, { option: 'В специализированном месте для мирных собраний, определённом маслихатом' });
  await answer(page, '12:00');
  await answer(page, '11:00');
  await expect(wizard(page).getByRole('alert')).toHaveText('Время окончания должно быть позже времени начала (в тот же день).');
  await wizard(page).getByRole('button', { name: 'Назад' }).click();
  await expect(wizard(page).locator('input[name=a]')).toHaveValue('12:00');
});

test('today is the date in Kazakhstan (UTC+5), whatever the device zone', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'America/New_York' });
  const page = await context.newPage();
  // 19:30 UTC on 13 March is already 00:30 on 14 March in Kazakhstan.
  await open(page, '2025-03-13T19:30:00Z');
  await answer(page, { option: RU_PICKET });
  await answer(page, '2025-03-27');
  await answer(page, { option: RU_ME });
  await answer(page, { option: 'Нет' });
  await expect(wizard(page).locator('.zw-today')).toContainText('14 марта 2025 г.');
  await context.close();
});

test('outside the verified calendar years the result warns that the count may be off', async ({ page }) => {
  await open(page, '2026-11-22T12:00:00+05:00');
  await answer(page, RU_CAN_PICKET[0]);
  await answer(page, '2026-12-10');
  for (const a of RU_CAN_PICKET.slice(2)) await answer(page, a);
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'can-picket');
  await expect(result.locator('.zw-warning')).toContainText('Календарь рабочих дней сверен на 2020–2025 годы');
});

test('an unknown topic shows a message, not a blank box', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const el = document.createElement('zanger-wizard');
    el.setAttribute('topic', 'no-such-topic');
    el.setAttribute('lang', 'en');
    el.id = 'second';
    document.body.append(el);
  });
  await expect(page.locator('#second').getByRole('alert')).toHaveText('There is no topic “no-such-topic”.');
  // The first wizard is unaffected.
  await expect(legend(page).first()).toHaveText(RU_FIRST_QUESTION);
});

test('the first question shows before the wasm has loaded, and an early choice is kept', async ({ page }) => {
  let release;
  const wasmHeld = new Promise((r) => { release = r; });
  await page.route('**/zanger.wasm', async (route) => { await wasmHeld; await route.continue(); });
  await page.clock.setFixedTime(new Date('2025-03-14T10:00:00+05:00'));
  await page.goto('/');
  await expect(legend(page)).toHaveText(RU_FIRST_QUESTION);
  const mounted = () => page.evaluate(() => document.querySelector('zanger-wizard').widgetId !== undefined);
  expect(await mounted()).toBe(false);
  await wizard(page).getByRole('radio', { name: RU_PICKET }).check();
  await wizard(page).getByRole('button', { name: 'Далее' }).click(); // held: nothing to submit to yet
  await expect(legend(page)).toHaveText(RU_FIRST_QUESTION);
  release();
  await expect.poll(mounted).toBe(true);
  await expect(wizard(page).getByRole('radio', { name: RU_PICKET })).toBeChecked();
  await wizard(page).getByRole('button', { name: 'Далее' }).click();
  await expect(legend(page)).toHaveText('В какой день вы хотите его провести?');
});

test('a result shows what the user risks, in MRP and in tenge for the picket day', async ({ page }) => {
  await open(page);
  for (const a of RU_CAN_PICKET.slice(0, 6)) await answer(page, a);
  await answer(page, { option: 'В месте массовых захоронений' });
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'forbidden-place');
  await expect(result.locator('h4').nth(1)).toHaveText('Чем вы рискуете');
  await expect(result.locator('.zw-fine').first()).toHaveText('50 МРП = 196 600 тенге');
  await expect(result.locator('.zw-risks .zw-cite').first()).toHaveText('КоАП РК, ст. 488, ч. 7');
  await expect(result.locator('.zw-mrp')).toContainText('Для пересчёта в тенге взят МРП на 27 марта 2025 г.: 3 932 тенге');
  await expect(result.locator('.zw-risks .zw-unverified').first()).toContainText('Действующая редакция ст. 488 КоАП не проверена');
});

test('the notice is pre-filled, its blanks are filled on the page, and it prints and saves alone', async ({ page }) => {
  await open(page);
  for (const a of RU_CAN_PICKET) await answer(page, a);
  const doc = wizard(page).locator('.zw-doc[data-document=picket-notice]');
  const ru = doc.locator('.zw-doc-version[data-lang=ru]');
  await expect(ru).toBeVisible();
  await expect(ru.locator('.zw-paper')).toContainText('5) Дата: 27 марта 2025 г.; время начала: 10:00; время окончания: 11:00.');
  await ru.getByRole('textbox', { name: 'Фамилия, имя, отчество (при наличии)' }).fill('Иванова Айгуль');
  // The same blank in the Kazakh version has the same value.
  await doc.getByRole('button', { name: 'Қазақша' }).click();
  const kk = doc.locator('.zw-doc-version[data-lang=kk]');
  await expect(kk).toBeVisible();
  await expect(ru).toBeHidden();
  await expect(kk.locator('input[data-field=full-name]')).toHaveValue('Иванова Айгуль');
  await expect(kk.locator('.zw-paper')).toContainText('Күні: 2025 жылғы 27 наурыз');
  // Save as a file: the Kazakh version, with the name filled in and the other blanks as lines.
  const [download] = await Promise.all([page.waitForEvent('download'), doc.getByRole('button', { name: 'Сохранить файлом' }).click()]);
  expect(download.suggestedFilename()).toBe('picket-notice-kk.html');
  const saved = await (await download.createReadStream()).toArray();
  const html = Buffer.concat(saved).toString('utf8');
  expect(html).toContain('Иванова Айгуль');
  expect(html).toContain('2025 жылғы 27 наурыз');
  expect(html).toContain('____________________');
  expect(html).toContain('size: A4');
  // Print: the document alone, in a hidden frame inside the widget.
  await doc.getByRole('button', { name: 'Распечатать документ' }).click();
  const frame = () => wizard(page).evaluate((el) => el.shadowRoot.querySelector('iframe.zw-print')?.contentDocument?.body?.textContent ?? '');
  await expect.poll(frame).toContain('ПИКЕТТЕУ НЫСАНЫНДА');
  const printed = await frame();
  expect(printed).toContain('Иванова Айгуль');
  expect(printed).toContain('ПИКЕТТЕУ НЫСАНЫНДА');
  // A language switch and Back keep what was typed, like the answers.
  await wizard(page).locator('select').selectOption('en');
  await expect(wizard(page).locator('.zw-doc-version:not([hidden]) input[data-field=full-name]')).toHaveValue('Иванова Айгуль');
  await wizard(page).getByRole('button', { name: 'Back' }).click();
  await wizard(page).getByRole('button', { name: 'Next' }).click();
  await expect(wizard(page).locator('.zw-doc-version:not([hidden]) input[data-field=full-name]')).toHaveValue('Иванова Айгуль');
  await wizard(page).locator('select').selectOption('ru');
  // Starting over forgets what was typed.
  await wizard(page).getByRole('button', { name: 'Начать заново' }).last().click();
  for (const a of RU_CAN_PICKET) await answer(page, a);
  await expect(wizard(page).locator('input[data-field=full-name]').first()).toHaveValue('');
});

test('a march needs the akimat\'s agreement: ten working days to apply, seven to decide, no silent yes', async ({ page }) => {
  await open(page);
  await answer(page, { option: 'Шествие: гражданин или группа граждан идут по определённому маршруту без транспортных средств' });
  await answer(page, '2025-04-10');
  await answer(page, { option: RU_ME });
  await answer(page, { option: 'Да' });
  await answer(page, 30);
  await answer(page, { option: 'Ничего из этого' });
  await answer(page, { option: 'Да' }); // at a specialised place / route
  await answer(page, '11:00');
  await answer(page, '13:00');
  const result = wizard(page).locator('.zw-result');
  await expect(result).toHaveAttribute('data-outcome', 'can-apply');
  await expect(result.locator('h3')).toHaveText('Да, но только если акимат согласует');
  // 10 Apr 2025 (Thu) ← 9, 8, 7, 4, 3, 2, 1 Apr, 31, 28, 27 Mar (10th working day back).
  await expect(result.locator('time[data-date=application-deadline]')).toHaveAttribute('datetime', '2025-03-27');
  // 27 Mar → 28, 31 Mar, 1, 2, 3, 4, 7 Apr (7th working day after).
  await expect(result.locator('time[data-date=decision-by]')).toHaveAttribute('datetime', '2025-04-07');
  await expect(result).toContainText('закон не предусматривает, что молчание акимата означает согласие');
  // The application of Art. 12(2), pre-filled with the date and times.
  const application = result.locator('.zw-doc[data-document=assembly-application] .zw-paper');
  await expect(application).toContainText('ЗАЯВЛЕНИЕ О ПОЛУЧЕНИИ СОГЛАСОВАНИЯ');
  await expect(application).toContainText('5) Дата: 10 апреля 2025 г.; время начала: 11:00; время окончания: 13:00.');
});
