// Shared set-up for the end-to-end tests: a static server for dist/ under a
// sub-path (as a trainer's static host would), Debian's Chromium driven by
// playwright-core, and an axe-core check.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
// DESKAID_DIST lets several builds be tested side by side (default: dist/).
export const DIST = resolve(process.env.DESKAID_DIST ?? new URL('../../dist', import.meta.url).pathname);
export const SUB_PATH = '/team/deskaid/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves dist/ at http://127.0.0.1:<port>/team/deskaid/ and nothing else. */
export async function startServer({ gzip = false } = {}) {
  // Files a test replaces to simulate a new deployment: relative path → body.
  const overrides = new Map();
  // With `gzip` (the benchmark), text and wasm go out compressed to a
  // browser that accepts it, as static hosts send them; made once per file.
  const compressed = new Map();
  const encode = (req, path, body) => {
    if (!gzip || !/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') || !/\.(wasm|js|css|html|json|webmanifest)$/.test(path)) return { body, headers: {} };
    if (!compressed.has(path)) compressed.set(path, gzipSync(body, { level: 9 }));
    return { body: compressed.get(path), headers: { 'content-encoding': 'gzip', vary: 'accept-encoding' } };
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end('not here');
      return;
    }
    const relative = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    if (overrides.has(relative)) {
      res.writeHead(200, { 'content-type': MIME[extname(relative)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(overrides.get(relative));
      return;
    }
    const file = normalize(join(DIST, relative));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      const sent = encode(req, path, await readFile(path));
      res.writeHead(200, {
        'content-type': MIME[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...sent.headers,
      });
      res.end(sent.body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    server,
    base: `http://127.0.0.1:${port}${SUB_PATH}`,
    override: (path, body) => overrides.set(path, body),
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** The server and browser of the running test file (see `useServerAndBrowser`). */
export let server;
export let browser;

/**
 * Starts the server and the browser before a test file's tests, then runs
 * the file's own `setUp`, if any; stops them after.
 */
export function useServerAndBrowser(setUp = async () => {}) {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await setUp();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * "Now" for tests whose meaning depends on the date: Monday 30 November 2026,
 * 10:00 in New York. After every date the tests type, so nothing they log is
 * "in the future", whatever the machine's clock says.
 */
export const TEST_NOW = new Date('2026-11-30T15:00:00Z');

/**
 * A browser context whose clock starts at `time` (default TEST_NOW) and then
 * runs at normal speed, so the app's "now" is the same on any date.
 */
export async function contextAt(browser, options = {}, time = TEST_NOW) {
  const context = await browser.newContext(options);
  await context.clock.install({ time });
  return context;
}

/**
 * A new browser context (with `options`; `at` starts its clock there, as
 * `contextAt` does) and the app open in it at `hash`.
 */
export async function openFresh(hash, { at, ...options } = {}) {
  const context = at ? await contextAt(browser, options, at) : await browser.newContext(options);
  const page = await openApp(context, server.base, hash);
  return { context, page };
}

/** Ends a test: none of `pages` raised an error; closes the context. */
export async function closeClean(context, ...pages) {
  for (const page of pages) assert.deepEqual(page.errors, []);
  await context.close();
}

/** Fills and submits the add-case form. */
export async function addCase(page, { number, customer, type = 'general', received, status, next = '' }) {
  await page.fill('#sla-add-number', number);
  await page.fill('#sla-add-customer', customer);
  await page.selectOption('#sla-add-type', type);
  await page.fill('#sla-add-received', received);
  if (status) await page.selectOption('#sla-add-status', { label: status });
  await page.fill('#sla-add-next', next);
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.getByTestId('add-case-status').getByText(`Added case ${number}.`).waitFor();
}

/** The option input whose text is exactly `text`. */
export async function option(page, text) {
  const index = await page.evaluate((wanted) => {
    const spans = [...document.querySelectorAll('.quiz-option label span:nth-child(2)')];
    return spans.findIndex((s) => s.textContent === wanted);
  }, text);
  assert.ok(index >= 0, `option "${text}" is shown`);
  return page.locator(`#quiz-option-${index}`);
}

/** The question on screen (`.quiz-card`), looked up in `bank` (a bank file's JSON). */
export async function questionOnScreen(page, bank) {
  const id = await page.locator('.quiz-card').getAttribute('data-question-id');
  const question = bank.questions.find((q) => q.id === id);
  assert.ok(question, `question ${id} is in the bank`);
  return question;
}

/** The text of option `id` of `question`. */
export const textOf = (question, id) => question.choices.find((c) => c.id === id).text;

/** Gives the right answer to the question on screen (not yet submitted). */
export async function answerRightFrom(page, bank) {
  const q = await questionOnScreen(page, bank);
  switch (q.kind) {
    case 'single':
    case 'multiple':
      for (const id of q.correct) await (await option(page, textOf(q, id))).check();
      break;
    case 'pick-any':
      for (const id of q.correct.slice(0, q.pick)) await (await option(page, textOf(q, id))).check();
      break;
    case 'fill-in':
      await page.locator('#quiz-fill').fill(q.accepted[0]);
      break;
    case 'ordering':
      for (let target = 0; target < q.correct.length; target += 1) {
        const text = textOf(q, q.correct[target]);
        for (;;) {
          const order = await page.locator('.quiz-order-text').allTextContents();
          if (order.indexOf(text) <= target) break;
          await page.getByRole('button', { name: `Move up: ${text}` }).click();
        }
      }
      break;
    default:
      throw new Error(`unknown kind ${q.kind}`);
  }
  return q;
}

/** Resolves after the browser has painted twice: the view has redrawn. */
export async function afterPaint(page) {
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
}

/**
 * The live app's page heading. Trunk builds also show a prerendered home
 * page (src/prerendered.rs) until the wasm runs; tests wait for the app.
 */
export const APP_HEADING = 'main h1:not(#prerendered *)';

/**
 * Opens a page at `hash` and waits until the app has rendered its h1.
 * Page errors (panics, uncaught exceptions) are collected on `page.errors`.
 */
export async function openApp(context, base, hash = '#/') {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  await page.goto(base + hash);
  await page.waitForSelector(APP_HEADING);
  return page;
}

let axeScript;
async function axeSource() {
  axeScript ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeScript;
}

/** Runs axe-core on the page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page, label) {
  // Evaluated through the DevTools protocol: a <script> tag would be blocked
  // by the app's Content-Security-Policy, as it should be.
  await page.evaluate(await axeSource());
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(violations, [], `axe violations on ${label}`);
}
