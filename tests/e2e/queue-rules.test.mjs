// My queue, by doc 001: the High Priority flag (lines 21-25) ranks a case
// first among equal deadlines, and the end-of-shift check wants every open
// case in Pending on (line 59), not only none in Assigned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_HEADING, TEST_NOW, addCase, browser, closeClean, contextAt, expectNoAxeViolations, openApp, openFresh, server, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

/** The queue's case numbers, in the order shown. */
function order(page) {
  return page.getByTestId('queue-case').evaluateAll((els) => els.map((e) => e.dataset.case));
}

test('a high-priority case is shown as such and leads among equal deadlines, after a reload too', async () => {
  const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
  await addCase(page, { number: 'A-1', customer: 'Plain Case', received: '2026-11-30T09:00' });
  await page.check('#sla-add-high-priority');
  await addCase(page, { number: 'H-2', customer: 'Legal Case', received: '2026-11-30T09:00' });
  assert.equal(await page.locator('#sla-add-high-priority').isChecked(), false, 'the form starts afresh');
  const flagged = page.locator('[data-case="H-2"]');
  await flagged.getByTestId('high-priority').waitFor();
  assert.equal(await page.locator('[data-case="A-1"]').getByTestId('high-priority').count(), 0);
  assert.deepEqual(await order(page), ['H-2', 'A-1']);
  await expectNoAxeViolations(page, 'queue with a high-priority case');

  // The edit panel sets the flag too; both flagged, the case number decides.
  const plain = page.locator('[data-case="A-1"]');
  await plain.getByText('Edit status, next action and notes').click();
  await plain.getByLabel('High priority').check();
  await expectNoAxeViolations(page, 'edit panel with the high-priority box');
  await plain.getByRole('button', { name: 'Save changes' }).click();
  await plain.getByTestId('high-priority').waitFor();
  await page.reload();
  await page.waitForSelector(APP_HEADING);
  await page.locator('[data-case="A-1"]').getByTestId('high-priority').waitFor();
  assert.deepEqual(await order(page), ['A-1', 'H-2']);
  await closeClean(context, page);
});

test('the end-of-shift check warns about cases left in Acknowledged and says what it does not count', async () => {
  const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
  await addCase(page, { number: 'E-1', customer: 'Seen Only', received: '2026-11-30T09:00', status: 'Acknowledged' });
  const warning = page.getByTestId('end-of-shift-warning');
  await warning.getByText('1 case still in Acknowledged (E-1): move it to Pending on').waitFor();
  assert.match(await warning.getByTestId('end-of-shift-reading').textContent(), /does not count cases in ESL QA/);
  await expectNoAxeViolations(page, 'end-of-shift warning for Acknowledged');
  await addCase(page, { number: 'R-2', customer: 'Resolved', received: '2026-11-30T09:00', status: 'ESL QA' });
  await warning.getByText('1 case still in Acknowledged (E-1)').waitFor();
  const row = page.locator('[data-case="E-1"]');
  await row.getByText('Edit status, next action and notes').click();
  await row.getByTestId('edit-status').selectOption('Pending on');
  await row.getByRole('button', { name: 'Save changes' }).click();
  const ok = page.getByTestId('end-of-shift-ok');
  await ok.getByText('Every open case is in Pending on').waitFor();
  assert.match(await ok.getByTestId('end-of-shift-reading').textContent(), /ESL QA/);
  await expectNoAxeViolations(page, 'end-of-shift check passed');
  await closeClean(context, page);
});

test('a queue of years lists its 100 most urgent cases first, and more on request', async () => {
  // 150 cases stored as a queue kept for years holds them, received a
  // minute apart: the oldest receipt is the most urgent.
  const cases = Array.from({ length: 150 }, (_, i) => ({
    number: `Y-${String(i).padStart(3, '0')}`,
    customer: `Customer ${i}`,
    case_type: 'general',
    received: new Date(Date.parse('2026-11-27T14:00:00Z') + i * 60_000).toISOString(),
    zone: 'America/New_York',
    status: 'pending_on',
  }));
  const context = await contextAt(browser);
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('deskaid.queue')) localStorage.setItem('deskaid.queue', raw);
  }, JSON.stringify({ version: 1, data: { cases } }));
  const page = await openApp(context, server.base, '#/queue');
  const count = page.getByTestId('queue-count');
  await count.getByText('150 cases; the 100 most urgent are listed.').waitFor();
  assert.equal(await page.getByTestId('queue-case').count(), 100);
  assert.deepEqual((await order(page)).slice(0, 2), ['Y-000', 'Y-001']);
  await expectNoAxeViolations(page, 'a long queue, partly listed');
  const more = page.getByRole('button', { name: 'Show 50 more (50 not listed)' });
  await more.click();
  await count.getByText('150 cases.').waitFor();
  assert.equal(await page.getByTestId('queue-case').count(), 150);
  assert.equal(await more.count(), 0);
  // A filter starts from the top again.
  await page.getByLabel('Show status').selectOption({ label: 'Pending on' });
  await count.getByText('150 cases; the 100 most urgent are listed.').waitFor();
  assert.equal(await page.getByTestId('queue-case').count(), 100);
  await closeClean(context, page);
});
