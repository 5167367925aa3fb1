// The browser half of scripts/bench: sizes of dist/, cold-load time of the
// app against a static page of the same visible content, choice-to-paint in
// the escalation walker, 100,000 SLA deadlines computed in wasm, the shared
// links against static copies and on a slow mobile network, and the
// 2,000-case queue of examples/growth.rs in the browser (opened cold, one
// edit saved). `node scripts/bench.mjs --growth` runs only that last part,
// which needs no bench build (DESKAID_DIST picks the build, see harness.mjs).
import { access, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { APP_HEADING, DIST, launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const RUNS = 15;
const STATIC_PAGE = 'bench-static.html';
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const growthOnly = process.argv.includes('--growth');

async function totalBytes(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await totalBytes(path) : (await stat(path)).size;
  }
  return total;
}

/** A file of dist/ gzip-compressed as a static host serves it, in bytes. */
const gzipSize = async (name) => gzipSync(await readFile(join(DIST, name)), { level: 9 }).length;

async function sizes() {
  // Trunk's wasm is the shell every page loads; scripts/bin/wasm-bindgen split
  // each page's own code into parts fetched when the page is first opened.
  const wasmFiles = (await readdir(DIST)).filter((name) => name.endsWith('.wasm'));
  const shellName = wasmFiles.find((name) => name.startsWith('deskaid-'));
  const wasm = await readFile(join(DIST, shellName));
  console.log(`wasm shell (what the home page loads): ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzip, ${kb(
    brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  )} brotli`);
  let partsRaw = 0;
  let partsGzip = 0;
  for (const name of wasmFiles.filter((n) => n !== shellName)) {
    partsRaw += (await stat(join(DIST, name))).size;
    partsGzip += await gzipSize(name);
  }
  console.log(`wasm parts loaded on demand: ${wasmFiles.length - 1} files, ${kb(partsRaw)} raw, ${kb(partsGzip)} gzip`);
  console.log(`dist/ total: ${kb(await totalBytes(DIST))}`);
}
if (!growthOnly) await sizes();

/** The page as rendered, as a static HTML file: same markup and CSS, no scripts. */
const staticCopyOf = (page) =>
  page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], meta[http-equiv]').forEach((n) => n.remove());
    return '<!doctype html>\n' + copy.outerHTML;
  });

async function browserFigures() {
  // A static copy of the rendered home page: same markup and CSS, no scripts.
  const first = await browser.newContext({ serviceWorkers: 'block' });
  const home = await first.newPage();
  await home.goto(server.base + '#/');
  await home.waitForSelector(APP_HEADING);
  const rendered = await staticCopyOf(home);
  await first.close();
  await writeFile(join(DIST, STATIC_PAGE), rendered);

  // From navigation start: `shown` when the page's h1 is in the document and
  // the DOM is ready (for the app, the prerendered home page: its links work),
  // and `running` when the live app has rendered its own h1.
  async function coldLoad(url) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const mark = () => {
        if (!window.__h1At && document.querySelector('main h1')) window.__h1At = performance.now();
        if (!window.__appAt && document.querySelector('main h1') && !document.getElementById('prerendered')) {
          window.__appAt = performance.now();
        }
      };
      new MutationObserver(mark).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__appAt && document.readyState !== 'loading');
    const times = await page.evaluate(() => {
      const ready = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
      return { shown: Math.max(window.__h1At, ready), running: Math.max(window.__appAt, ready) };
    });
    await context.close();
    return times;
  }
  const appTimes = [];
  const staticTimes = [];
  for (let i = 0; i < RUNS; i++) {
    appTimes.push(await coldLoad(server.base + '#/'));
    staticTimes.push((await coldLoad(server.base + STATIC_PAGE)).shown);
  }
  const shown = median(appTimes.map((t) => t.shown));
  const running = median(appTimes.map((t) => t.running));
  const plain = median(staticTimes);
  console.log(`cold load to interactive (median of ${RUNS}): static page ${ms(plain)}`);
  console.log(`  app home page shown, links working (prerendered): ${ms(shown)}, ratio ${(shown / plain).toFixed(2)}`);
  console.log(`  app running (wasm mounted): ${ms(running)}, ratio ${(running / plain).toFixed(2)}`);

  // The wasm each page needs when it is the first one opened, and the
  // content pack it shows (read at run time since the pack left the wasm).
  for (const route of ['#/escalation', '#/sla', '#/queue', '#/quiz', '#/settings']) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const fetched = new Set();
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname.slice(new URL(server.base).pathname.length);
      if (name.endsWith('.wasm') || name.startsWith('content/')) fetched.add(name);
    });
    await page.goto(server.base + route);
    await page.waitForSelector(APP_HEADING);
    await page.waitForLoadState('networkidle');
    let total = 0;
    for (const name of fetched) total += await gzipSize(name);
    await context.close();
    const times = [];
    for (let i = 0; i < 5; i++) times.push((await coldLoad(server.base + route)).running);
    console.log(`  ${route} opened first loads ${fetched.size} files (wasm and content), ${kb(total)} gzip; cold load ${ms(median(times))} (median of 5)`);
  }

  // Click on a flow choice until the next step is in the DOM, and until the
  // next animation frame (when the browser paints it).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const domTimes = [];
  const frameTimes = [];
  while (domTimes.length < RUNS) {
    await page.goto(server.base + '#/escalation/leadership');
    await page.evaluate(() => localStorage.removeItem('deskaid.walks'));
    await page.reload();
    await page.waitForSelector('.esc-choice');
    while (domTimes.length < RUNS && (await page.locator('.esc-choice').count()) > 0) {
      const [dom, frame] = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const main = document.querySelector('main');
            const before = main.querySelector('h2')?.textContent;
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (main.querySelector('h2')?.textContent === before) return;
              observer.disconnect();
              const dom = performance.now() - start;
              requestAnimationFrame(() => resolve([dom, performance.now() - start]));
            });
            observer.observe(main, { childList: true, subtree: true, characterData: true });
            document.querySelector('.esc-choice').click();
          }),
      );
      domTimes.push(dom);
      frameTimes.push(frame);
    }
  }
  console.log(`flow choice to next step (median of ${RUNS}): DOM updated ${ms(median(domTimes))}, painted (next frame) ${ms(median(frameTimes))}`);

  // The first run also pays for loading the engine's wasm part and for V8
  // compiling it to optimised code; a queue recomputed on every tick runs warm.
  const slaRuns = [];
  for (let i = 0; i < 6; i++) slaRuns.push(await page.evaluate(() => window.wasmBindings.bench_sla_deadlines(100000)));
  console.log(`browser: 100000 deadline computations in ${ms(median(slaRuns.slice(1)))} (median of 5 warm runs; the first run took ${ms(slaRuns[0])})`);
  await context.close();
}

// The links a team shares, opened cold on a slow phone network (issue 13's
// profile: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, through
// Chromium's network emulation), until what the link is for shows: the
// initial-contact deadline, the quiz's Start button, the step.
const SLOW_MOBILE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const SHARED_LINKS = [
  ['SLA link', '#/sla?type=general&received=2026-03-06T15:01&tz=America/New_York&holidays=&agency_days=30', (page) => page.getByTestId('initial-contact-due')],
  ['quiz link', '#/quiz?mode=practice&count=10&seed=1', (page) => page.getByTestId('quiz-linked').getByRole('button', { name: /^Start the (new )?quiz$/ })],
  ['step link', '#/escalation/leadership/tier2-transfer', (page) => page.locator('main h2').first()],
];

async function slowMobile() {
  console.log('shared links on the slow mobile profile (gzip, median of 3), from navigation start:');
  for (const [name, route, shows] of SHARED_LINKS) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_MOBILE);
      let received = 0;
      cdp.on('Network.loadingFinished', (event) => (received += event.encodedDataLength));
      await page.goto(server.base + route);
      await shows(page).waitFor({ timeout: 60000 });
      times.push(await page.evaluate(() => performance.now()));
      bytes = received;
      await context.close();
    }
    console.log(`  ${name} (${route.split('?')[0]}): shown at ${ms(median(times))}; ${kb(bytes)} over the wire by then and after`);
  }
}

// Each shared link against a static copy of the page it shows (same markup
// and CSS, no scripts), same server, same run: from navigation start until
// what the link is for is in the page, median of 9 cold loads each.
const linkCopy = (index) => `bench-static-link-${index}.html`;

async function linkRatios() {
  console.log('shared links against static copies of their pages (gzip, median of 9), from navigation start:');
  const shownAt = async (url, shows) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await shows(page).waitFor();
    const at = await page.evaluate(() => performance.now());
    await context.close();
    return at;
  };
  for (const [index, [name, route, shows]] of SHARED_LINKS.entries()) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.base + route);
    await shows(page).waitFor();
    const rendered = await staticCopyOf(page);
    await context.close();
    await writeFile(join(DIST, linkCopy(index)), rendered);
    const app = [];
    const copy = [];
    for (let i = 0; i < 9; i++) {
      app.push(await shownAt(server.base + route, shows));
      copy.push(await shownAt(server.base + linkCopy(index), shows));
    }
    const ratio = median(app) / median(copy);
    console.log(`  ${name}: app ${ms(median(app))}, static copy ${ms(median(copy))}, ratio ${ratio.toFixed(2)}`);
  }
}

// The queue of examples/growth.rs (2,000 cases) in the browser: seeded into
// storage before the app starts, `#/queue` opened cold until every row is in
// the document, and one case's next action edited and saved.
const QUEUE_FILE = new URL('../target/growth/queue.json', import.meta.url).pathname;
const GROWTH_CASES = 2000;

async function queueGrowth() {
  try {
    await access(QUEUE_FILE);
  } catch {
    console.log(`queue of ${GROWTH_CASES} cases in the browser: skipped, ${QUEUE_FILE} is missing (cargo run --release --example growth writes it)`);
    return;
  }
  const stored = await readFile(QUEUE_FILE, 'utf8');
  const cases = JSON.parse(stored).data.cases;
  if (cases.length !== GROWTH_CASES) throw new Error(`${QUEUE_FILE} holds ${cases.length} cases, not ${GROWTH_CASES}`);

  // A new context per load: storage seeded, the queue as the first page.
  async function openQueue() {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript((raw) => {
      if (!localStorage.getItem('deskaid.queue')) localStorage.setItem('deskaid.queue', raw);
      const list = () => document.querySelector('[data-testid=queue-list]');
      const mark = () => {
        // The page lists the 100 most urgent cases and counts them all.
        const counted = document.querySelector('[data-testid=queue-count]')?.textContent.startsWith('2000 cases');
        if (!window.__rowsAt && counted && list()?.children.length === 100) {
          window.__rowsAt = performance.now();
          requestAnimationFrame(() => (window.__paintedAt = performance.now()));
        }
      };
      new MutationObserver(mark).observe(document, { childList: true, subtree: true });
    }, stored);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    // Not until `load`: the first render of 2,000 rows can hold it back past
    // the default time-out on a loaded machine.
    await page.goto(server.base + '#/queue', { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__paintedAt, null, { polling: 250, timeout: 300_000 });
    const times = await page.evaluate(() => ({ rows: window.__rowsAt, painted: window.__paintedAt }));
    const count = await page.getByTestId('queue-count').textContent();
    if (count !== `${GROWTH_CASES} cases; the 100 most urgent are listed.`) throw new Error(`the queue says "${count}"`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { context, page, times };
  }

  const LOADS = 3;
  const SAVES = 5;
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    const { context, times } = await openQueue();
    loads.push(times);
    await context.close();
  }
  console.log(
    `queue of ${GROWTH_CASES} cases (${kb(stored.length)} stored), #/queue opened cold (median of ${LOADS}): the 100 most urgent rows in the document ${ms(
      median(loads.map((t) => t.rows)),
    )}, painted ${ms(median(loads.map((t) => t.painted)))} after navigation start`,
  );

  // One edit at a time, each after a quiet spell so it is written at once:
  // from the click on Save changes until storage holds the edit.
  const { context, page } = await openQueue();
  const saves = [];
  for (let i = 0; i < SAVES; i++) {
    const number = await page.getByTestId('queue-case').nth(i * 19).getAttribute('data-case');
    const row = page.locator(`[data-testid=queue-case][data-case="${number}"]`);
    await row.getByText('Edit status, next action and notes').click();
    const wanted = `Call back, edit ${i}`;
    await row.getByLabel('Next action').fill(wanted);
    await page.waitForTimeout(600);
    const save = row.getByRole('button', { name: 'Save changes' });
    // The save is synchronous after a quiet spell; polled in case it waits.
    const saved = await save.evaluate(
      (button, wanted) =>
        new Promise((resolve) => {
          const start = performance.now();
          button.click();
          const check = () => {
            if (localStorage.getItem('deskaid.queue').includes(wanted)) resolve(performance.now() - start);
            else setTimeout(check, 1);
          };
          check();
        }),
      wanted,
    );
    const kept = await page.evaluate(
      ({ number }) => JSON.parse(localStorage.getItem('deskaid.queue')).data.cases.find((c) => c.number === number).next_action,
      { number },
    );
    if (kept !== wanted) throw new Error(`case ${number}: stored next action "${kept}", not "${wanted}"`);
    saves.push(saved);
  }
  await context.close();
  console.log(
    `  one case's next action saved (median of ${SAVES}): from the click on Save changes until storage holds it ${ms(median(saves))}`,
  );
}

// Files go out gzip-compressed, as a static host sends them.
const server = await startServer({ gzip: true });
const browser = await launchBrowser();
try {
  if (!growthOnly) {
    await browserFigures();
    await linkRatios();
    await slowMobile();
  }
  await queueGrowth();
} finally {
  await rm(join(DIST, STATIC_PAGE), { force: true });
  for (const index of SHARED_LINKS.keys()) await rm(join(DIST, linkCopy(index)), { force: true });
  await browser.close();
  await server.close();
}
