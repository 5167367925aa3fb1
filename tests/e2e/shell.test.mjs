// The app shell: routes, not-found, storage recovery, export/import, tabs, axe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_HEADING, browser, expectNoAxeViolations, openApp, server, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

const ROUTES = [
  ['#/', 'Deskaid'],
  ['#/escalation', 'Escalation flowchart'],
  ['#/sla', 'SLA calculator'],
  ['#/queue', 'My queue'],
  ['#/quiz', 'Training quiz'],
  ['#/settings', 'Settings'],
];

describe('routes', () => {
  for (const [hash, heading] of ROUTES) {
    test(`${hash} renders its h1 from a sub-path with no axe violations`, async () => {
      const context = await browser.newContext();
      const page = await openApp(context, server.base, hash);
      assert.equal(await page.locator('main h1').count(), 1);
      assert.equal((await page.locator('main h1').textContent()).trim(), heading);
      await expectNoAxeViolations(page, hash);
      assert.deepEqual(page.errors, []);
      await context.close();
    });
  }

  test('an unknown hash shows the not-found view', async () => {
    const context = await browser.newContext();
    const page = await openApp(context, server.base, '#/no/such/page');
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Page not found');
    assert.match(await page.locator('main').textContent(), /\/no\/such\/page/);
    await expectNoAxeViolations(page, 'not found');
    await context.close();
  });

  test('a path typed in capitals opens the same view', async () => {
    const context = await browser.newContext();
    const page = await openApp(context, server.base, '#/Escalation/DSAR/Close-Case');
    await page.locator('.esc-step h2').waitFor();
    assert.equal((await page.locator('main h1').textContent()).trim(), 'DSAR privacy request');
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('navigation marks the current page and follows links', async () => {
    const context = await browser.newContext();
    const page = await openApp(context, server.base, '#/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Settings');
    const current = page.locator('nav a[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal((await current.textContent()).trim(), 'Settings');
    await context.close();
  });
});

describe('storage', () => {
  test('corrupt Deskaid keys and a foreign key: the app starts with one plain notice and sets the data aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskaid-'));
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await openApp(context, server.base, '#/settings');
    await page.evaluate(() => {
      for (const key of ['deskaid.settings', 'deskaid.walks', 'deskaid.queue', 'deskaid.quiz']) {
        localStorage.setItem(key, '{this is not json');
      }
      localStorage.setItem('someone-elses-app', JSON.stringify({ version: 99, data: 'x' }));
    });
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    const notices = page.getByTestId('notice');
    assert.equal(await notices.count(), 4);
    assert.match(
      await notices.first().textContent(),
      /Your saved settings could not be read: the stored text is damaged \(it is not complete JSON\)\. Deskaid is using the defaults instead\. A copy is kept aside/,
    );
    const stored = await page.evaluate(() => ({
      backup: localStorage.getItem('deskaid.settings.backup'),
      queue: localStorage.getItem('deskaid.queue'),
      foreign: localStorage.getItem('someone-elses-app'),
    }));
    assert.deepEqual(stored, { backup: '{this is not json', queue: null, foreign: JSON.stringify({ version: 99, data: 'x' }) });
    assert.deepEqual(page.errors, []);
    await expectNoAxeViolations(page, 'settings with notices and data set aside');

    const setAside = page.getByTestId('set-aside');
    assert.equal(await setAside.locator('li').count(), 4);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      setAside.getByRole('button', { name: 'Download the unreadable copy of your case queue' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'deskaid-unreadable-queue.json');
    const savedPath = join(dir, download.suggestedFilename());
    await download.saveAs(savedPath);
    assert.equal(await readFile(savedPath, 'utf8'), '{this is not json');
    await setAside.getByRole('button', { name: 'Delete the unreadable copy of your case queue' }).click();
    assert.equal(await setAside.locator('li').count(), 3);
    assert.equal(await page.evaluate(() => localStorage.getItem('deskaid.queue.backup')), null);

    // Shown once: the damaged data is no longer in place.
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    await page.getByTestId('set-aside').waitFor();
    assert.equal(await page.getByTestId('notice').count(), 0);
    await context.close();
  });

  test('data from a newer Deskaid is refused with a notice, not a panic, and left for that version', async () => {
    const context = await browser.newContext();
    const page = await openApp(context, server.base, '#/');
    const newer = JSON.stringify({ version: 999, data: { theme: 'dark' } });
    await page.evaluate((newer) => localStorage.setItem('deskaid.settings', newer), newer);
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    assert.match(await page.getByTestId('notice').first().textContent(), /saved by a newer version of Deskaid/);
    assert.equal(await page.evaluate(() => localStorage.getItem('deskaid.settings')), newer);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('export then import restores the data; a bad import changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskaid-'));
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await openApp(context, server.base, '#/settings');
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

  test('reset deletes everything after confirmation', async () => {
    const context = await browser.newContext();
    const page = await openApp(context, server.base, '#/settings');
    await page.getByLabel('Dark').check();
    await page.getByRole('button', { name: 'Reset all data…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem('deskaid.settings')), null);
    assert.equal(await page.getByLabel('Follow the system').isChecked(), true);
    await context.close();
  });
});

describe('storage failures', () => {
  test('a full storage shows an error and keeps the change in this tab; the saved copy is untouched', async () => {
    const context = await browser.newContext();
    const page = await openApp(context, server.base, '#/settings');
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
    assert.deepEqual(page.errors, []);
    await context.close();
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
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});
