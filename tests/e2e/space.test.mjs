// A full storage and the way out: a refused write names the concern, keeps
// the change in the tab and links to "Free up space" in Settings; each fix
// there (a backup, archiving resolved cases, removing the custom bank) frees
// room, and Deskaid then saves what was refused. Archiving from the queue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { APP_HEADING, TEST_NOW, addCase, closeClean, expectNoAxeViolations, openFresh, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

/**
 * Gives the page a quota of what it stores now plus `room` characters, as a
 * full browser storage behaves: a write that would pass it throws
 * QuotaExceededError and changes nothing; smaller values still fit.
 */
async function fillStorageBut(page, room) {
  await page.evaluate((room) => {
    const size = (storage, key, value) => {
      let total = 0;
      for (let i = 0; i < storage.length; i += 1) {
        const k = storage.key(i);
        total += k.length + (k === key ? value.length : storage.getItem(k).length);
      }
      return storage.getItem(key) === null ? total + key.length + value.length : total;
    };
    const limit = size(localStorage, '', '') + room;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (size(this, key, String(value)) > limit) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  }, room);
}

/** The case numbers stored in the queue's record. */
async function storedCases(page) {
  const raw = await page.evaluate(() => localStorage.getItem('deskaid.queue'));
  return JSON.parse(raw).data.cases.map((c) => c.number);
}

/** Clicks `button` and returns the download it starts, read as text. */
async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('storage full: the queue change waits in the tab, archiving resolved cases makes room, and it is saved', async () => {
  const { context, page } = await openFresh('#/queue', { at: TEST_NOW, acceptDownloads: true });
  await addCase(page, { number: 'R-1', customer: 'Resolved Early', received: '2026-10-01T09:00', status: 'ESL QA' });
  await addCase(page, { number: 'R-2', customer: 'Resolved Too', received: '2026-10-02T09:00', status: 'ESL QA' });
  await addCase(page, { number: 'O-3', customer: 'Still Open', received: '2026-11-30T09:00', status: 'Pending on' });
  // A month later the two resolved cases are due for archiving.
  await context.clock.setSystemTime(new Date('2026-12-31T15:00:00Z'));
  await page.reload();
  await page.waitForSelector(APP_HEADING);
  const archive = page.getByTestId('queue-archive-summary');
  await archive.getByText('2 cases resolved (ESL QA) 30 or more days ago: R-1, R-2.').waitFor();

  await fillStorageBut(page, 100);
  await addCase(page, { number: 'N-4', customer: 'New Today', received: '2026-12-31T09:00' });
  const refused = page.getByTestId('notice').filter({ hasText: 'could not be saved' });
  await refused.waitFor();
  assert.match(
    await refused.textContent(),
    /^Your case queue could not be saved: the browser's storage for this site is full\. The change is kept in this tab only\. Make room and Deskaid saves it: download a backup, clear finished walks, archive resolved cases or remove the custom question bank\. Free up space in Settings/,
  );
  await page.locator('[data-case="N-4"]').waitFor();
  assert.deepEqual(await storedCases(page), ['R-1', 'R-2', 'O-3']);
  await expectNoAxeViolations(page, 'queue with a refused write');

  // The notice's link lands on "Free up space", which says what waits.
  await refused.getByRole('link', { name: 'Free up space in Settings' }).click();
  await page.locator(APP_HEADING, { hasText: 'Settings' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'free-space-heading');
  const space = page.getByTestId('free-space');
  assert.match(await space.getByTestId('unsaved').textContent(), /kept in this tab only: your case queue\./);
  await expectNoAxeViolations(page, 'free up space with a change waiting');

  // A backup holds the change storage refused.
  const backup = await downloadOf(page, () => space.getByRole('button', { name: 'Download a backup' }).click());
  assert.match(backup.name, /^deskaid-export-2026-12-31\.json$/);
  const backedUp = JSON.parse(backup.text).records['deskaid.queue'].data.cases.map((c) => c.number);
  assert.deepEqual(backedUp.sort(), ['N-4', 'O-3', 'R-1', 'R-2']);

  // Archiving, one link away in My queue: the file first, then the cases
  // leave, then the queue is saved.
  await space.getByRole('link', { name: 'Archive resolved cases in My queue' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'queue-archive-heading');
  await archive.getByText('2 cases resolved (ESL QA) 30 or more days ago: R-1, R-2.').waitFor();
  await page.getByRole('button', { name: 'Archive these cases…' }).click();
  await expectNoAxeViolations(page, 'archive confirmation');
  const archived = await downloadOf(page, () => page.getByRole('button', { name: 'Download and remove' }).click());
  assert.equal(archived.name, 'deskaid-archived-cases-2026-12-31.csv');
  const lines = archived.text.trimEnd().split('\r\n');
  assert.equal(lines[0], 'Case number,Customer,Type,Status,High priority,Received,Zone,Resolved,Agency deadline,Next action,Notes,Contact attempts');
  assert.deepEqual(lines.slice(1).map((line) => line.split(',').slice(0, 4).join(',')), [
    'R-1,Resolved Early,General,ESL QA',
    'R-2,Resolved Too,General,ESL QA',
  ]);
  assert.match(lines[1], /,2026-11-30T10:00:\d\d-05:00,/, 'resolved when it was added as ESL QA');
  await page.getByTestId('notice').filter({ hasText: 'Your case queue is saved now.' }).waitFor();
  assert.equal(await refused.count(), 0, 'the refused-write notice is taken back');
  assert.deepEqual((await storedCases(page)).sort(), ['N-4', 'O-3']);
  await archive.getByText('No case in your queue was resolved (ESL QA) 30 or more days ago.').waitFor();
  await expectNoAxeViolations(page, 'queue after archiving');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await space.waitFor();
  assert.equal(await space.getByTestId('unsaved').count(), 0);

  await page.reload();
  await page.waitForSelector(APP_HEADING);
  await page.goto(page.url().replace(/#.*$/, '#/queue'));
  await page.locator('[data-case="N-4"]').waitFor();
  assert.equal(await page.locator('[data-case="R-1"]').count(), 0);
  await closeClean(context, page);
});

test('the queue archives resolved cases after the days typed, and refuses days that are not a whole number', async () => {
  const { context, page } = await openFresh('#/queue', { at: TEST_NOW, acceptDownloads: true });
  await addCase(page, { number: 'R-9', customer: 'Just Resolved', received: '2026-11-30T08:00', status: 'ESL QA' });
  const summary = page.getByTestId('queue-archive-summary');
  await summary.getByText('No case in your queue was resolved (ESL QA) 30 or more days ago.').waitFor();
  const days = page.getByLabel('Resolved at least this many days ago');
  await days.fill('two');
  await page.getByText('"two" is not a whole number of days; enter one such as 30.').waitFor();
  assert.equal(await days.getAttribute('aria-invalid'), 'true');
  await expectNoAxeViolations(page, 'archive days refused');
  await days.fill('0');
  await summary.getByText('1 case resolved (ESL QA) 0 or more days ago: R-9.').waitFor();
  await page.getByRole('button', { name: 'Archive these cases…' }).click();
  const archived = await downloadOf(page, () => page.getByRole('button', { name: 'Download and remove' }).click());
  assert.equal(archived.name, 'deskaid-archived-cases-2026-11-30.csv');
  assert.match(archived.text, /\r\nR-9,Just Resolved,General,ESL QA,no,2026-11-30T08:00:00-05:00,America\/New_York,2026-11-30T10:00:\d\d-05:00,,,,\r\n$/);
  await page.getByTestId('notice').filter({ hasText: 'Archived 1 case to deskaid-archived-cases-2026-11-30.csv and removed them from your queue.' }).waitFor();
  assert.deepEqual(await storedCases(page), []);
  await closeClean(context, page);
});

test('storage full: removing the custom question bank makes room for a refused queue change', async () => {
  const { context, page } = await openFresh('#/quiz', { at: TEST_NOW, acceptDownloads: true });
  // The shipped bank, exported and imported again, as a custom bank.
  const exported = await downloadOf(page, () => page.getByRole('button', { name: 'Export this bank' }).click());
  await page.getByLabel('Import a question bank (JSON)').setInputFiles({
    name: 'team-bank.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported.text),
  });
  await page.getByRole('button', { name: 'Use the shipped bank again' }).waitFor();

  await page.goto(page.url().replace(/#.*$/, '#/queue'));
  await page.waitForSelector('#sla-add-number');
  await fillStorageBut(page, 50);
  await addCase(page, { number: 'B-1', customer: 'Bank Room', received: '2026-11-30T09:00' });
  await page.getByRole('link', { name: 'Free up space in Settings' }).click();
  const space = page.getByTestId('free-space');
  await space.getByText(/^A custom question bank takes \d+\.\d kB\.$/).waitFor();
  await space.getByRole('button', { name: 'Remove the custom question bank…' }).click();
  await space.getByRole('button', { name: 'Yes, remove it' }).click();
  await page.getByTestId('notice').filter({ hasText: 'Your case queue is saved now.' }).waitFor();
  await space.getByText('No custom question bank is stored.').waitFor();
  assert.deepEqual(await storedCases(page), ['B-1']);
  await expectNoAxeViolations(page, 'free up space after removing the bank');
  await closeClean(context, page);
});
