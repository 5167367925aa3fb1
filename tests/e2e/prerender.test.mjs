// The prerendered home page that index.html shows while the wasm loads
// (src/shell/prerendered.rs, scripts/lib/patch.mjs): usable before the app runs,
// identical to the app's own rendering, and swapped for it without losing
// the keyboard focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_HEADING, browser, closeClean, expectNoAxeViolations, server, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

/** A page whose wasm shell is held back until `release()` is called. */
async function pageWithWasmHeld(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/deskaid-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return { page, release };
}

test('before the wasm runs, the home page is there, passes axe, and its links work', async () => {
  const context = await browser.newContext();
  const { page, release } = await pageWithWasmHeld(context);
  await page.goto(server.base + '#/');
  await page.waitForSelector('#prerendered main h1');
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Deskaid');
  assert.equal(await page.locator('.tool-list a').count(), 6, 'My queue and Settings are linked too');
  await expectNoAxeViolations(page, 'prerendered home page');

  // The skip link moves focus to <main> and leaves the route alone.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main-content');
  assert.equal(new URL(page.url()).hash, '#/');

  // A tool link followed now shows "Loading…" (not the home page), then the tool.
  await page.locator('.tool-list a', { hasText: 'SLA calculator' }).click();
  // The browser dispatches hashchange in a later task than the click.
  await page.waitForFunction(() => document.documentElement.dataset.boot === 'page');
  assert.equal(await page.locator('#prerendered main h1').isVisible(), false);
  release();
  await page.locator(APP_HEADING, { hasText: 'SLA calculator' }).waitFor();
  await closeClean(context, page);
});

test('a link to a tool shows "Loading…" rather than the home page until the app runs', async () => {
  const context = await browser.newContext();
  const { page, release } = await pageWithWasmHeld(context);
  await page.goto(server.base + '#/quiz');
  await page.waitForSelector('#prerendered', { state: 'attached' });
  assert.equal(await page.locator('#prerendered main h1').isVisible(), false);
  assert.equal(await page.locator('.nav-list').isVisible(), true);
  release();
  await page.locator(APP_HEADING, { hasText: 'Training quiz' }).waitFor();
  await context.close();
});

test('a saved theme applies before the app runs', async () => {
  // No service worker: after the first visit it would serve the wasm from its
  // cache, past the route that holds the wasm back, and the app would run
  // before the check (a race the test lost on a busy machine).
  const context = await browser.newContext({ colorScheme: 'light', serviceWorkers: 'block' });
  // The app records the choice under deskaid.theme for the boot script.
  const chooser = await context.newPage();
  await chooser.goto(server.base + '#/settings');
  await chooser.waitForSelector(APP_HEADING);
  await chooser.getByLabel('Dark').check();
  assert.equal(await chooser.evaluate(() => localStorage.getItem('deskaid.theme')), 'dark');
  await chooser.close();
  const { page, release } = await pageWithWasmHeld(context);
  await page.goto(server.base + '#/');
  await page.waitForSelector('#prerendered main h1');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  release();
  await page.waitForSelector(APP_HEADING);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await context.close();
});

test('the app replaces the prerendered page with the same markup and keeps the focus', async () => {
  const context = await browser.newContext();
  const { page, release } = await pageWithWasmHeld(context);
  await page.goto(server.base + '#/');
  await page.waitForSelector('#prerendered main h1');
  // Elements, attributes (sorted) and text; the empty comments SSR leaves are not content.
  const canonical = () =>
    page.evaluate(() => {
      const walk = (node) => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent;
        if (node.nodeType !== Node.ELEMENT_NODE) return '';
        const attributes = [...node.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
        return `<${node.localName} ${attributes}>${[...node.childNodes].map(walk).join('')}</${node.localName}>`;
      };
      const root = document.getElementById('prerendered') ?? document.body;
      return [...root.children].filter((e) => !['SCRIPT', 'NOSCRIPT', 'DIV'].includes(e.tagName) || e.classList.contains('notices')).map(walk).join('');
    });
  const prerendered = await canonical();
  for (const part of ['<a class="skip-link"', '<header class="site-header">', '<div class="notices">', '<main ', '<footer ']) {
    assert.ok(prerendered.includes(part), part);
  }
  await page.locator('.nav-list a', { hasText: 'Quiz' }).focus();
  release();
  await page.waitForSelector(APP_HEADING);
  assert.equal(await canonical(), prerendered);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Quiz');
  assert.equal(await page.evaluate(() => document.getElementById('prerendered')), null);
  await closeClean(context, page);
});
