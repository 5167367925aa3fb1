// Offline use, installability, CSP and privacy, and static hosts and browsers
// without streaming wasm: the app as agents run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_HEADING, browser, closeClean, DIST, openApp, openFresh, server, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

const ROUTES = ['#/', '#/escalation', '#/sla', '#/queue', '#/quiz', '#/settings'];

test('after one visit every route works offline, with state intact', async () => {
  const { context, page } = await openFresh('#/settings');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByLabel('Dark').check();

  await context.setOffline(true);
  for (const hash of ROUTES) {
    await page.goto(server.base + hash);
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    assert.equal(await page.locator('main h1').count(), 1, hash);
  }
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await closeClean(context, page);
});

test('a new deployment shows an update notice, and reloading activates it', async () => {
  const { context, page } = await openFresh('#/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  const current = await readFile(join(DIST, 'sw.js'), 'utf8');
  server.override('sw.js', current.replace(/const CACHE = 'deskaid-[0-9a-f]+'/, "const CACHE = 'deskaid-next-deploy'"));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.getByRole('status').filter({ hasText: 'An update of Deskaid is available' });
  await banner.waitFor();
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
  await page.waitForSelector(APP_HEADING);
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches, ['deskaid-next-deploy']);
  server.override('sw.js', current);
  await context.close();
});

test('the manifest makes the app installable', async () => {
  const { context, page } = await openFresh('#/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(new URL(href, page.url()).href)).json();
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.theme_color);
  const sizes = manifest.icons.map((icon) => icon.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'));
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, new URL(href, page.url())).href);
    assert.equal(response.status(), 200, icon.src);
  }
  await context.close();
});

test('a tour of the app sends no request outside its origin and breaks no CSP rule', async () => {
  const context = await browser.newContext();
  const requests = [];
  const cspErrors = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  await page.goto(server.base + '#/');
  await page.waitForSelector(APP_HEADING);
  const tour = [
    ...ROUTES,
    '#/escalation/leadership?view=diagram',
    '#/sla?type=executive&received=2026-03-06T15:01&tz=America/New_York&holidays=',
    '#/quiz?mode=exam&topics=deadlines&count=3&seed=7&pass=80',
  ];
  for (const hash of tour) {
    await page.goto(server.base + hash);
    await page.waitForSelector(APP_HEADING);
  }
  await page.goto(server.base + '#/escalation/leadership');
  await page.locator('.esc-choice').first().click();
  await page.waitForFunction(() => !location.hash.endsWith('/leadership'));
  const origin = new URL(server.base).origin;
  const outside = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(outside, []);
  assert.deepEqual(cspErrors, []);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  // Two inline scripts (Trunk's loader and the boot script), each by its hash.
  const [self, wasm, ...hashes] = directives['script-src'];
  assert.deepEqual([self, wasm], ["'self'", "'wasm-unsafe-eval'"]);
  assert.equal(hashes.length, 2);
  for (const hash of hashes) assert.match(hash, /^'sha256-[A-Za-z0-9+/]{43}='$/);
  delete directives['script-src'];
  assert.deepEqual(directives, {
    'default-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  });
  await context.close();
});

test('the home page loads only the shell; a shared link fetches what its panel needs early, and each part once', async () => {
  const shell = (await readdir(DIST)).filter((name) => name.endsWith('.wasm') && name.startsWith('deskaid-'));
  assert.equal(shell.length, 1);
  const wasmFetched = async (hash) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const fetched = [];
    context.on('request', (request) => {
      const name = new URL(request.url()).pathname.split('/').pop();
      if (name.endsWith('.wasm')) fetched.push(name);
    });
    const page = await openApp(context, server.base, hash);
    await page.waitForLoadState('networkidle');
    const preloaded = await page.locator('link[rel="preload"][href$=".wasm"]').evaluateAll((links) =>
      links.map((link) => link.getAttribute('href').slice(2)),
    );
    await closeClean(context, page);
    return { fetched, preloaded };
  };

  const home = await wasmFetched('#/');
  assert.deepEqual(home.fetched, shell);

  const quiz = await wasmFetched('#/quiz?mode=practice');
  assert.equal(new Set(quiz.fetched).size, quiz.fetched.length, 'each part is fetched once');
  assert.ok(quiz.fetched.some((name) => name.startsWith('split_quiz_page_')), quiz.fetched.join(' '));
  assert.ok(!quiz.fetched.some((name) => name.startsWith('split_sla_tools_')), 'no other page is loaded');
  // Every part the link's panel needs was asked for by the preloader in
  // index.html; the quiz's screens, which the panel does not need, follow
  // once it is drawn, with the chunks they share with nothing fetched yet.
  const preloaded = quiz.preloaded.filter((name) => !shell.includes(name));
  const later = quiz.fetched.filter((name) => !shell.includes(name) && !preloaded.includes(name));
  assert.ok(preloaded.every((name) => quiz.fetched.includes(name)), `preloaded but never used: ${preloaded.join(' ')}`);
  assert.ok(later.some((name) => name.startsWith('split_quiz_screens_')), later.join(' '));
  assert.deepEqual(later.filter((name) => name.startsWith('split_')), later.filter((name) => name.startsWith('split_quiz_screens_')));
  assert.ok(!preloaded.some((name) => name.startsWith('split_quiz_screens_')), 'the screens are not preloaded for a link');

  // The quiz opened without a link shows its screens: the preloader asks for
  // them with the page, and every part it asks for is used.
  const plain = await wasmFetched('#/quiz');
  const plainPreloaded = plain.preloaded.filter((name) => !shell.includes(name));
  assert.ok(plainPreloaded.some((name) => name.startsWith('split_quiz_screens_')), plainPreloaded.join(' '));
  assert.deepEqual(plain.fetched.filter((name) => !shell.includes(name)).sort(), [...plainPreloaded].sort());
});

/** Opens home in `context`, follows links to tools whose wasm parts load on demand, and returns the page errors. */
async function visitTools(context) {
  const page = await openApp(context, server.base, '#/');
  for (const [link, heading] of [['SLA', 'SLA calculator'], ['Quiz', 'Training quiz'], ['Escalation', 'Escalation flowchart']]) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await page.locator(APP_HEADING, { hasText: heading }).waitFor();
  }
  return page.errors;
}

test('a host that serves .wasm with another MIME type still runs every page', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const served = [];
  await context.route(/\.wasm$/, async (route) => {
    const response = await route.fetch();
    served.push(new URL(route.request().url()).pathname.split('/').pop());
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  assert.deepEqual(await visitTools(context), []);
  assert.ok(served.some((name) => name.startsWith('split_')), served.join(' '));
  await context.close();
});

test('a browser without streaming wasm compilation still runs every page', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    delete WebAssembly.compileStreaming;
    delete WebAssembly.instantiateStreaming;
  });
  assert.deepEqual(await visitTools(context), []);
  await context.close();
});
