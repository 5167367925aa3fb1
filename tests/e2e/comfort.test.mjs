// Accessibility and comfort across the app: narrow screens and zoom, the
// keyboard-only path into the page, and themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_HEADING, browser, expectNoAxeViolations, openApp, openFresh, server, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

const ROUTES = [
  '#/',
  '#/escalation',
  '#/escalation/leadership',
  '#/escalation/leadership?view=diagram',
  '#/sla',
  '#/queue',
  '#/quiz',
  '#/quiz?question=q004-transfer-order',
  '#/results',
  '#/settings',
];

// 360 px is a small phone; 640 px is a 1280 px laptop at 200% zoom.
for (const width of [360, 640]) {
  test(`no horizontal scrolling at ${width} px wide on any route`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    for (const hash of ROUTES) {
      const page = await openApp(context, server.base, hash);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${hash} scrolls sideways by ${overflow}px at ${width}px`);
      await page.close();
    }
    await context.close();
  });
}

test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
  const { context, page } = await openFresh('#/sla');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main-content');
  assert.equal(await page.evaluate(() => location.hash), '#/sla');
  await context.close();
});

test('every page has landmarks and headings in order', async () => {
  const context = await browser.newContext();
  for (const hash of ROUTES) {
    const page = await openApp(context, server.base, hash);
    assert.equal(await page.locator('header').count(), 1, hash);
    assert.equal(await page.locator('main').count(), 1, hash);
    assert.equal(await page.locator('footer').count(), 1, hash);
    const levels = await page.locator('main :is(h1,h2,h3,h4,h5,h6)').evaluateAll((nodes) =>
      nodes.filter((n) => n.offsetParent !== null).map((n) => Number(n.tagName[1])),
    );
    assert.equal(levels[0], 1, `${hash} starts with h1`);
    levels.forEach((level, i) => {
      if (i > 0) assert.ok(level <= levels[i - 1] + 1, `${hash}: h${levels[i - 1]} is followed by h${level}`);
    });
    await page.close();
  }
  await context.close();
});

test('dark theme follows the system and the manual switch overrides it, with no axe violations', async () => {
  const { context, page } = await openFresh('#/settings', { colorScheme: 'dark' });
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(await background(), 'rgb(20, 23, 28)');
  await expectNoAxeViolations(page, 'settings in dark theme');
  await page.getByLabel('Light').check();
  assert.equal(await background(), 'rgb(255, 255, 255)');
  for (const hash of ['#/escalation/leadership', '#/quiz', '#/sla']) {
    await page.goto(server.base + hash);
    await page.waitForSelector(APP_HEADING);
    await expectNoAxeViolations(page, `${hash} in light theme chosen over a dark system`);
  }
  await page.goto(server.base + '#/settings');
  await page.waitForSelector(APP_HEADING);
  await page.getByLabel('Dark').check();
  for (const hash of ['#/escalation/leadership', '#/quiz', '#/sla']) {
    await page.goto(server.base + hash);
    await page.waitForSelector(APP_HEADING);
    await expectNoAxeViolations(page, `${hash} in dark theme`);
  }
  await context.close();
});

test('print shows the case notes of a walk and the SLA result, without the controls', async () => {
  const { context, page } = await openFresh('#/escalation/leadership');
  await page.locator('.esc-choice').first().click();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.esc-notes-print').isVisible(), true);
  assert.match(await page.locator('.esc-notes-print').textContent(), /\S/);
  assert.equal(await page.locator('.esc-choice').first().isVisible(), false);
  assert.equal(await page.locator('nav[aria-label="Main"]').isVisible(), false);

  await page.emulateMedia({ media: 'screen' });
  await page.goto(server.base + '#/sla?type=general&received=2026-03-06T15:01&tz=America/New_York&holidays=');
  await page.getByTestId('initial-contact-due').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('initial-contact-due').isVisible(), true);
  assert.equal(await page.locator('#sla-rules-heading').isVisible(), false);
  await context.close();
});
