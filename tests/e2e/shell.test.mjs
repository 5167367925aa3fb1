// The app shell: routes, not-found, storage recovery, export/import, reset, tabs,
// the panic banner, axe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCase, APP_HEADING, browser, closeClean, contextAt, expectNoAxeViolations, openApp, openFresh, server, TEST_NOW, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

const ROUTES = [
  ['#/', 'Deskaid'],
  ['#/escalation', 'Escalation flowchart'],
  ['#/sla', 'SLA calculator'],
  ['#/queue', 'My queue'],
  ['#/quiz', 'Training quiz'],
  ['#/author', 'Author content'],
  ['#/settings', 'Settings'],
];

describe('routes', () => {
  for (const [hash, heading] of ROUTES) {
    test(`${hash} renders its h1 from a sub-path with no axe violations`, async () => {
      const { context, page } = await openFresh(hash);
      assert.equal(await page.locator('main h1').count(), 1);
      assert.equal((await page.locator('main h1').textContent()).trim(), heading);
      await expectNoAxeViolations(page, hash);
      await closeClean(context, page);
    });
  }

  test('an unknown hash shows the not-found view', async () => {
    const { context, page } = await openFresh('#/no/such/page');
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Page not found');
    assert.match(await page.locator('main').textContent(), /\/no\/such\/page/);
    await expectNoAxeViolations(page, 'not found');
    await context.close();
  });

  test('a path typed in capitals opens the same view', async () => {
    const { context, page } = await openFresh('#/Escalation/DSAR/Close-Case');
    await page.locator('.esc-step h2').waitFor();
    assert.equal((await page.locator('main h1').textContent()).trim(), 'DSAR privacy request');
    await closeClean(context, page);
  });

  test('navigation marks the current page and follows links', async () => {
    const { context, page } = await openFresh('#/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Settings');
    const current = page.locator('nav a[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal((await current.textContent()).trim(), 'Settings');
    // Class results, a trainer's page, has its own entry.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Class results' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Class results');
    assert.deepEqual(await page.locator('nav a').allTextContents(), ['Home', 'Escalation', 'SLA', 'Quiz', 'Class results', 'Author', 'Settings']);
    assert.equal(await current.count(), 1);
    assert.equal((await current.textContent()).trim(), 'Class results');
    await context.close();
  });
});

/**
 * Closes the tab with its unload events (`pagehide`), as closing it by hand
 * does, and resolves once it is closed.
 */
async function closeAsAUserWould(page) {
  await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);
}

/**
 * Opens the pages that read the queue and the quiz, then Settings: each
 * concern is read, and any damage found, on the first page that uses it.
 */
async function visitQueueQuizAndSettings(page) {
  for (const [hash, heading] of [['#/queue', 'My queue'], ['#/quiz', 'Training quiz'], ['#/settings', 'Settings']]) {
    await page.evaluate((hash) => { location.hash = hash; }, hash);
    await page.locator(APP_HEADING, { hasText: heading }).waitFor();
  }
}

describe('storage', () => {
  test('corrupt Deskaid keys and a foreign key: the app starts with one plain notice and sets the data aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskaid-'));
    const { context, page } = await openFresh('#/settings', { acceptDownloads: true });
    await page.evaluate(() => {
      for (const key of ['deskaid.settings', 'deskaid.walks', 'deskaid.queue', 'deskaid.quiz']) {
        localStorage.setItem(key, '{this is not json');
      }
      localStorage.setItem('someone-elses-app', JSON.stringify({ version: 99, data: 'x' }));
    });
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    await visitQueueQuizAndSettings(page);
    const notices = page.getByTestId('notice');
    assert.equal(await notices.count(), 4);
    assert.match(
      await notices.first().textContent(),
      /Your saved settings could not be read: the stored text is damaged \(it is not complete JSON\)\. Deskaid is using the defaults instead\. A copy is kept aside/,
    );
    const stored = await page.evaluate(() => {
      const copies = Object.keys(localStorage).filter((key) => key.startsWith('deskaid.settings.unreadable.'));
      return {
        copies: copies.map((key) => localStorage.getItem(key)),
        queue: localStorage.getItem('deskaid.queue'),
        foreign: localStorage.getItem('someone-elses-app'),
      };
    });
    assert.deepEqual(stored, { copies: ['{this is not json'], queue: null, foreign: JSON.stringify({ version: 99, data: 'x' }) });
    assert.deepEqual(page.errors, []);
    await expectNoAxeViolations(page, 'settings with notices and data set aside');

    const setAside = page.getByTestId('set-aside');
    assert.equal(await setAside.locator('li').count(), 4);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      setAside.getByRole('button', { name: 'Download the unreadable copy of your case queue' }).click(),
    ]);
    // Named by concern and the moment it was set aside (the test's clock).
    assert.match(download.suggestedFilename(), /^deskaid-unreadable-queue-\d{8}T\d{6}Z\.json$/);
    const savedPath = join(dir, download.suggestedFilename());
    await download.saveAs(savedPath);
    assert.equal(await readFile(savedPath, 'utf8'), '{this is not json');
    await setAside.getByRole('button', { name: 'Delete the unreadable copy of your case queue' }).click();
    assert.equal(await setAside.locator('li').count(), 3);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('deskaid.queue.'))), []);

    // Shown once: the damaged data is no longer in place.
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    await page.getByTestId('set-aside').waitFor();
    assert.equal(await page.getByTestId('notice').count(), 0);
    await context.close();
  });

  test('unreadable twice: both copies are kept and listed, with an older Deskaid\'s copy', async () => {
    const { context, page } = await openFresh('#/', { at: TEST_NOW });
    const firstValue = '{"version":1,"data":{"cases":"first"}}';
    const secondValue = '{the second bad value';
    await page.evaluate((firstValue) => {
      localStorage.setItem('deskaid.queue.backup', 'kept by an older Deskaid');
      localStorage.setItem('deskaid.queue', firstValue);
    }, firstValue);
    await page.goto(`${server.base}#/queue`);
    await page.getByTestId('notice').filter({ hasText: 'Your saved case queue could not be read' }).waitFor();
    await page.evaluate((secondValue) => localStorage.setItem('deskaid.queue', secondValue), secondValue);
    await page.reload();
    await page.getByTestId('notice').filter({ hasText: 'Your saved case queue could not be read' }).waitFor();

    const copies = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('deskaid.queue.unreadable.'))
        .sort()
        .map((key) => localStorage.getItem(key)),
    );
    assert.deepEqual(copies, [firstValue, secondValue]);

    await page.goto(`${server.base}#/settings`);
    const items = page.getByTestId('set-aside').locator('li');
    await items.first().waitFor();
    const listed = await items.allTextContents();
    assert.equal(listed.length, 3);
    assert.match(listed[0], /^Your case queue, set aside before Deskaid recorded times \(24 bytes\)/);
    assert.match(listed[1], /^Your case queue, set aside on 30 Nov 2026, \d\d:\d\d:\d\d \(38 bytes\)/);
    assert.match(listed[2], /^Your case queue, set aside on 30 Nov 2026, \d\d:\d\d:\d\d \(21 bytes\)/);
    // The space used counts the copies with their keys: 44 + 76 + 59 bytes.
    const queueRow = page.getByTestId('space-used').getByRole('row', { name: /Your case queue/ });
    assert.equal(await queueRow.getByRole('cell').textContent(), '179 bytes');
    assert.match(await page.getByTestId('space-total').textContent(), /^In all [\d.]+ (bytes|kB), of about 5\.0 MB browsers usually allow a site here \(1% used\)\.$/);
    await expectNoAxeViolations(page, 'settings listing three copies of one concern');
    await closeClean(context, page);
  });

  test('at most five copies per concern: the user is told at the fifth, and the oldest goes at the sixth', async () => {
    const { context, page } = await openFresh('#/', { at: TEST_NOW });
    await page.evaluate(() => {
      // Four copies set aside a day apart, the oldest on 20 November 2026.
      for (let day = 0; day < 4; day += 1) {
        localStorage.setItem(`deskaid.walks.unreadable.${Date.UTC(2026, 10, 20 + day, 12)}`, `bad ${day}`);
      }
      localStorage.setItem('deskaid.walks', 'bad 4');
    });
    await page.goto(`${server.base}#/escalation`);
    const notice = page.getByTestId('notice').filter({ hasText: 'Your saved escalation walks could not be read' });
    await notice.waitFor();
    assert.match(await notice.textContent(), /This is the 5th copy kept, the most Deskaid keeps: the next one will replace the oldest/);

    await page.evaluate(() => localStorage.setItem('deskaid.walks', 'bad 5'));
    await page.reload();
    await notice.waitFor();
    assert.match(await notice.textContent(), /To keep at most 5 copies, the oldest one \(set aside 10 days ago\) was deleted\./);
    const copies = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('deskaid.walks.unreadable.'))
        .sort()
        .map((key) => localStorage.getItem(key)),
    );
    assert.deepEqual(copies, ['bad 1', 'bad 2', 'bad 3', 'bad 4', 'bad 5']);
    await closeClean(context, page);
  });

  test('data from a newer Deskaid is refused with a notice, not a panic, and left for that version', async () => {
    const { context, page } = await openFresh('#/');
    const newer = JSON.stringify({ version: 999, data: { theme: 'dark' } });
    await page.evaluate((newer) => localStorage.setItem('deskaid.settings', newer), newer);
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    assert.match(await page.getByTestId('notice').first().textContent(), /saved by a newer version of Deskaid/);
    assert.equal(await page.evaluate(() => localStorage.getItem('deskaid.settings')), newer);
    // Met again at the next load, it is not copied aside a second time.
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    const copies = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('deskaid.settings.unreadable.')));
    assert.equal(copies.length, 1);
    await closeClean(context, page);
  });

  test('export then import restores the data; a bad import changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskaid-'));
    const { context, page } = await openFresh('#/settings', { acceptDownloads: true });
    await page.getByLabel('Dark').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export all data' }).click(),
    ]);
    const exportPath = join(dir, download.suggestedFilename());
    await download.saveAs(exportPath);
    const exported = JSON.parse(await readFile(exportPath, 'utf8'));
    assert.equal(exported.deskaid_export, 1);
    assert.equal(exported.records['deskaid.settings'].data.theme, 'dark');

    await page.getByLabel('Light').check();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    // Written within the store's half-second interval.
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('deskaid.settings')).data.theme === 'light');

    const before = await page.evaluate(() => JSON.stringify(localStorage));
    const badPath = join(dir, 'bad.json');
    await writeFile(badPath, JSON.stringify({ deskaid_export: 1, exported_at: '', records: { 'deskaid.settings': { version: 1, data: { theme: 'purple' } } } }));
    await page.getByLabel('Import data from an export file').setInputFiles(badPath);
    await page.getByTestId('import-error').waitFor();
    assert.match(await page.getByTestId('import-error').textContent(), /deskaid\.settings.*Nothing was changed/s);
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before);

    await page.getByLabel('Import data from an export file').setInputFiles(exportPath);
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('deskaid.settings'))).data.theme, 'dark');
    await context.close();
  });

  test('two tabs see each other\'s changes', async () => {
    const context = await browser.newContext();
    const first = await openApp(context, server.base, '#/settings');
    const second = await openApp(context, server.base, '#/settings');
    await first.getByLabel('Dark').check();
    await second.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.equal(await second.getByLabel('Dark').isChecked(), true);
    await context.close();
  });

  test('a case added, edited and removed in one tab follows in the other tab\'s queue', async () => {
    // Both tabs share the fixed clock, so the deadline is the same on any date.
    const context = await contextAt(browser);
    const first = await openApp(context, server.base, '#/queue');
    const second = await openApp(context, server.base, '#/queue');
    const count = second.getByTestId('queue-count');
    assert.equal(await count.textContent(), 'Your queue is empty: add a case below.');
    await first.fill('#sla-add-number', 'TAB-1');
    await first.fill('#sla-add-customer', 'Two Tabs');
    await first.fill('#sla-add-received', '2026-11-30T09:00');
    await first.getByRole('button', { name: 'Add case' }).click();

    const item = second.locator('[data-testid=queue-case][data-case="TAB-1"]');
    await item.waitFor();
    assert.equal(await count.textContent(), '1 case.');
    assert.match(await item.textContent(), /Case TAB-1 — Two Tabs/);
    // Received Monday 09:00, before the cut-off: contact by 17:00 that day.
    assert.equal(await item.getByTestId('case-due').getAttribute('datetime'), '2026-11-30T17:00:00-05:00');
    assert.equal(await item.getByTestId('case-status').textContent(), 'Assigned');
    await expectNoAxeViolations(second, 'queue with a case from another tab');

    const original = first.locator('[data-testid=queue-case][data-case="TAB-1"]');
    await original.getByText('Edit status, next action and notes').click();
    await original.getByTestId('edit-status').selectOption('Pending on');
    await original.getByRole('button', { name: 'Save changes' }).click();
    await item.getByTestId('case-status').getByText('Pending on').waitFor();

    await original.getByRole('button', { name: 'Remove case TAB-1' }).click();
    await count.getByText('Your queue is empty: add a case below.').waitFor();
    assert.equal(await second.getByTestId('queue-case').count(), 0);
    assert.deepEqual([...first.errors, ...second.errors], []);
    await context.close();
  });

  test('a walk advanced in one tab shows in the other tab\'s list of flows, ready to resume', async () => {
    const context = await browser.newContext();
    const list = await openApp(context, server.base, '#/escalation');
    const walker = await openApp(context, server.base, '#/escalation/leadership');
    const card = list.locator('.esc-flow-card[data-flow="leadership"]');
    await card.getByRole('link', { name: 'Start this flow' }).waitFor();

    const choose = async (label, next) => {
      await walker.locator('.esc-choices').getByRole('button', { name: label, exact: true }).click();
      await walker.locator('.esc-step h2', { hasText: next }).waitFor();
    };
    await choose('Yes, the customer asked to escalate', 'Does the concern qualify for additional review?');
    const progress = card.locator('.esc-in-progress');
    await progress.waitFor();
    assert.equal(await progress.textContent(), 'Walk in progress (step 2: Does the concern qualify for additional review?). Resume · Start over');
    assert.equal(await card.getByRole('link', { name: 'Start this flow' }).count(), 0);
    await expectNoAxeViolations(list, 'flow list with a walk from another tab');

    await choose('No qualifier applies', 'Try to de-escalate');
    await progress.getByText('(step 3: Try to de-escalate)').waitFor();
    assert.equal(await progress.getByRole('link', { name: 'Resume' }).getAttribute('href'), new URL(walker.url()).hash);
    await progress.getByRole('link', { name: 'Resume' }).click();
    await list.locator('.esc-step h2', { hasText: 'Try to de-escalate' }).waitFor();
    assert.deepEqual([...list.errors, ...walker.errors], []);
    await context.close();
  });

  test('a quiz answered in one tab updates the other tab\'s progress and quiz in progress', async () => {
    // The streak counts days, so both tabs share the fixed clock.
    const context = await contextAt(browser);
    const quizTab = await openApp(context, server.base, '#/quiz?mode=practice&topics=deadlines&count=2&seed=3');
    await quizTab.getByTestId('quiz-linked').getByRole('button', { name: 'Start the quiz' }).click();
    await quizTab.locator('#quiz-question-heading').getByText('Question 1 of 2').waitFor();

    // The second tab opens on the same quiz; it steps out to the start screen.
    const other = await openApp(context, server.base, '#/quiz');
    await other.locator('#quiz-question-heading').getByText('Question 1 of 2').waitFor();
    await other.getByRole('button', { name: 'Pause and go to the start screen' }).click();
    const resume = other.getByRole('region', { name: 'Quiz in progress' });
    const stats = other.getByTestId('quiz-stats');
    assert.match(await resume.textContent(), /You have a quiz in progress: Practice — question 1 of 2\./);
    assert.match(await stats.textContent(), /Questions seen0 of 90.*Streak0 days/s);

    // Any answer counts as seen.
    await quizTab.locator('#quiz-option-0').check();
    await quizTab.getByTestId('quiz-primary').click();
    await quizTab.getByTestId('quiz-feedback').waitFor();
    await stats.getByText('1 of 90').waitFor();
    assert.match(await stats.textContent(), /Questions seen1 of 90.*Streak1 day/s);
    await other.getByText(/^Review schedule \(1 question\)$/).waitFor();
    await expectNoAxeViolations(other, 'quiz start screen updated from another tab');

    await quizTab.getByTestId('quiz-primary').click();
    await quizTab.locator('#quiz-question-heading').getByText('Question 2 of 2').waitFor();
    await resume.getByText('Practice — question 2 of 2.').waitFor();
    assert.deepEqual([...quizTab.errors, ...other.errors], []);
    await context.close();
  });

  test('close mid-typing: a note typed and the page closed at once is there on reopening', async () => {
    const context = await contextAt(browser);
    const page = await openApp(context, server.base, '#/escalation/leadership/de-escalate');
    const note = page.getByLabel('How did the customer respond? (optional)');
    // Key by key: the first is written at once, the rest wait for the
    // half-second interval, which closing the page does not wait for.
    await note.pressSequentially('Calmer after an apology');
    await closeAsAUserWould(page);

    const reopened = await openApp(context, server.base, '#/escalation/leadership/de-escalate');
    assert.equal(await reopened.getByLabel('How did the customer respond? (optional)').inputValue(), 'Calmer after an apology');
    await closeClean(context, reopened);
  });

  test('a page hidden mid-typing writes the note at once', async () => {
    const context = await contextAt(browser);
    const page = await openApp(context, server.base, '#/escalation/leadership/de-escalate');
    await page.getByLabel('How did the customer respond? (optional)').pressSequentially('Still upset');
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    const stored = await page.evaluate(() => localStorage.getItem('deskaid.walks'));
    assert.match(stored, /"note":"Still upset"/);
    await closeClean(context, page);
  });

  test('two tabs that never hear each other: cases and walk notes added, edited and removed in turn are all kept', async () => {
    const context = await contextAt(browser);
    // The worst case: neither tab gets the other's storage events, so each
    // only learns of the other's changes when it writes.
    await context.addInitScript(() => {
      window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true);
    });
    const first = await openApp(context, server.base, '#/queue');
    const second = await openApp(context, server.base, '#/queue');
    const add = (page, number) =>
      addCase(page, { number, customer: `Customer ${number}`, received: '2026-11-30T09:00' });
    const item = (page, number) => page.locator(`[data-testid=queue-case][data-case="${number}"]`);

    await add(first, 'A-1');
    await add(second, 'B-1');
    await add(first, 'A-2');
    // The second tab learnt of A-1 when it wrote B-1; it edits A-1.
    await item(second, 'A-1').getByText('Edit status, next action and notes').click();
    await item(second, 'A-1').getByTestId('edit-status').selectOption('Pending on');
    await item(second, 'A-1').getByRole('button', { name: 'Save changes' }).click();
    // The first tab learnt of B-1 when it wrote A-2; it removes B-1.
    await item(first, 'B-1').getByRole('button', { name: 'Remove case B-1' }).click();
    await add(second, 'B-2');

    // Walk notes in two flows, typed in turn in the two tabs.
    await first.goto(`${server.base}#/escalation/leadership/de-escalate`);
    await second.goto(`${server.base}#/escalation/booking-refund/repeat-refund`);
    await first.getByLabel('How did the customer respond? (optional)').fill('Calmer');
    await second.getByLabel('The booking and the earlier refunds').fill('Booking 77, refunded twice');
    await first.getByLabel('How did the customer respond? (optional)').fill('Calmer after an apology');
    await closeAsAUserWould(first);
    await closeAsAUserWould(second);

    const check = await openApp(context, server.base, '#/queue');
    const stored = await check.evaluate(() => ({
      cases: JSON.parse(localStorage.getItem('deskaid.queue')).data.cases.map((c) => [c.number, c.status]),
      notes: Object.values(JSON.parse(localStorage.getItem('deskaid.walks')).data.by_flow)
        .flatMap((walk) => walk.visits.map((visit) => visit.note))
        .filter(Boolean)
        .sort(),
    }));
    assert.deepEqual(stored.cases.map(([number]) => number).sort(), ['A-1', 'A-2', 'B-2']);
    assert.notEqual(stored.cases.find(([number]) => number === 'A-1')[1], stored.cases.find(([number]) => number === 'A-2')[1]);
    assert.deepEqual(stored.notes, ['Booking 77, refunded twice', 'Calmer after an apology']);
    await item(check, 'A-1').getByTestId('case-status').getByText('Pending on').waitFor();
    await closeClean(context, check);
  });

  test('reset also deletes the copies set aside, and the list of them goes', async () => {
    const { context, page } = await openFresh('#/settings');
    await page.evaluate(() => {
      for (const key of ['deskaid.settings', 'deskaid.walks', 'deskaid.queue', 'deskaid.quiz']) {
        localStorage.setItem(key, '{this is not json');
      }
      localStorage.setItem('deskaid.quiz.backup', 'kept by an older Deskaid');
      localStorage.setItem('someone-elses-app', 'theirs');
    });
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    await visitQueueQuizAndSettings(page);
    const setAside = page.getByTestId('set-aside');
    await setAside.waitFor();
    assert.equal(await setAside.locator('li').count(), 5);
    const keys = () => page.evaluate(() => Object.keys(localStorage).sort());
    const copyKeys = (await keys()).map((key) => key.replace(/\.unreadable\.\d+$/, '.unreadable.<millis>'));
    assert.deepEqual(copyKeys, [
      'deskaid.queue.unreadable.<millis>',
      'deskaid.quiz.backup',
      'deskaid.quiz.unreadable.<millis>',
      'deskaid.settings.unreadable.<millis>',
      'deskaid.walks.unreadable.<millis>',
      'someone-elses-app',
    ]);

    await page.getByRole('button', { name: 'Reset all data…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByTestId('notice').filter({ hasText: 'All Deskaid data in this browser was deleted.' }).waitFor();
    await setAside.waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('heading', { name: 'Unreadable data set aside' }).count(), 0);
    // Only the other site's key is left.
    assert.deepEqual(await keys(), ['someone-elses-app']);
    await expectNoAxeViolations(page, 'settings after a reset');

    await page.reload();
    await page.waitForSelector(APP_HEADING);
    assert.equal(await page.getByTestId('set-aside').count(), 0);
    assert.equal(await page.getByTestId('notice').count(), 0);
    await closeClean(context, page);
  });

  test('reset deletes everything after confirmation', async () => {
    const { context, page } = await openFresh('#/settings');
    await page.getByLabel('Dark').check();
    // Concerns Settings does not read go too: the queue and the class results.
    await page.evaluate(() => {
      localStorage.setItem('deskaid.queue', JSON.stringify({ version: 1, data: { cases: [] } }));
      localStorage.setItem('deskaid.results', JSON.stringify({ version: 1, data: {} }));
    });
    await page.getByRole('button', { name: 'Reset all data…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByTestId('notice').filter({ hasText: 'All Deskaid data in this browser was deleted.' }).waitFor();
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('deskaid.'))), []);
    assert.equal(await page.getByLabel('Follow the system').isChecked(), true);
    await context.close();
  });
});

describe('storage failures', () => {
  test('a full storage shows an error and keeps the change in this tab; the saved copy is untouched', async () => {
    const { context, page } = await openFresh('#/settings');
    await page.getByLabel('Dark').check();
    const saved = await page.evaluate(() => localStorage.getItem('deskaid.settings'));
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByLabel('Light').check();
    const error = page.getByTestId('notice').filter({ hasText: 'could not be saved' });
    await error.waitFor();
    assert.match(await error.textContent(), /storage for this site is full/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    assert.equal(await page.evaluate(() => localStorage.getItem('deskaid.settings')), saved);
    await closeClean(context, page);
  });

  test('storage blocked by the browser: the app still runs and says changes will not last', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const page = await openApp(context, server.base, '#/settings');
    assert.match(await page.getByTestId('notice').first().textContent(), /does not let Deskaid store data/);
    await page.getByLabel('Dark').check();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await closeClean(context, page);
  });
});

describe('panic banner', () => {
  test('a Rust panic shows the banner in words instead of a dead page; a reload recovers', async () => {
    // The one panic reachable from the page today (a bug, see below): Remove
    // in the queue asks the next animation frame to focus Undo through a
    // NodeRef of the queue page; leave the page before that frame and the
    // frame reads the disposed NodeRef, which panics. The fake clock holds
    // the frame back so the second click lands first, as a quick hand or a
    // busy machine can. When that bug is fixed, this test needs another panic.
    const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
    await addCase(page, { number: 'P-1', customer: 'Panic Banner', received: '2026-11-30T09:00' });
    assert.equal(await page.locator('.panic-banner').count(), 0);

    await context.clock.pauseAt(new Date('2026-11-30T15:30:00Z'));
    await page.getByRole('button', { name: 'Remove case P-1' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.locator(APP_HEADING, { hasText: 'Settings' }).waitFor();
    // The held-back frame runs and the wasm stops (release builds abort on a panic).
    await assert.rejects(context.clock.runFor(100), /RuntimeError: unreachable/);
    await context.clock.resume();

    const banner = page.locator('.panic-banner');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('role'), 'alert');
    const text = await banner.textContent();
    assert.match(text, /^Deskaid hit an unexpected error and stopped working: panicked at /);
    assert.match(text, /Tried to access a reactive value that has already been disposed\./);
    assert.match(text, /Your saved data is safe\. Reload the page to continue\.$/);
    // The banner comes first in the page, above the header.
    assert.equal(await page.evaluate(() => document.body.firstElementChild.className), 'panic-banner');
    await expectNoAxeViolations(page, 'the panic banner');

    // The removal was saved before the panic, and a reload starts afresh.
    await page.goto(`${server.base}#/queue`);
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    assert.equal(await page.locator('.panic-banner').count(), 0);
    assert.equal(await page.getByTestId('queue-count').textContent(), 'Your queue is empty: add a case below.');
    await context.close();
  });
});
