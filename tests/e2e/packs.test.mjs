// Content packs at run time: the app reads content/pack.json from the host,
// so a team deploys new procedures by replacing that one file; a broken one
// never blanks the app; and a pack's text is untrusted and stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_HEADING, closeClean, DIST, expectNoAxeViolations, openFresh, server, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

const PACK = 'content/pack.json';
const shippedText = await readFile(join(DIST, PACK), 'utf8');
const shipped = () => JSON.parse(shippedText);
const stepHash = '#/escalation/leadership/asked-to-escalate';

/** The shipped pack with the first leadership step's title replaced, as version `version`. */
function editedPack(title, version) {
  const pack = shipped();
  pack.version = version;
  pack.change_note = 'Reworded the first leadership question.';
  pack.flows.find((flow) => flow.id === 'leadership').steps[0].title = title;
  return JSON.stringify(pack, null, 2);
}

test('a pack replaced on the host reaches users on their next load, and offline too', async () => {
  const { context, page } = await openFresh(stepHash);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForSelector(APP_HEADING);
  const original = await page.locator('main h2').first().textContent();

  const title = 'Did the customer ask for a leader, or to escalate? (edited)';
  server.override(PACK, editedPack(title, 2));
  try {
    // Offline first: the cached pack shows at once; the worker finds the new
    // one meanwhile and offers it.
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    assert.equal(await page.locator('main h2').first().textContent(), original);
    const banner = page.getByRole('status').filter({ hasText: "An update of Deskaid's content is available" });
    await banner.waitFor();
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    await page.getByText('Content pack: Homeowner support', { exact: false }).first().waitFor();
    assert.match(await page.locator('.pack-note').first().textContent(), /version 2 of/);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    await context.setOffline(false);
  } finally {
    server.override(PACK, shippedText);
  }
  await closeClean(context, page);
});

test('a broken deploy falls back on the last pack that worked on this device, even with no service worker', async () => {
  const title = 'Did the customer ask for a leader, or to escalate? (version 2)';
  server.override(PACK, editedPack(title, 2));
  try {
    // No service worker: nothing is cached but what the app keeps itself.
    const { context, page } = await openFresh(stepHash, { serviceWorkers: 'block' });
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    await page.waitForFunction(() => localStorage.getItem('deskaid.last-good-pack') !== null);

    const broken = JSON.parse(editedPack(title, 3));
    broken.questions.questions[0].correct = [];
    server.override(PACK, JSON.stringify(broken));
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: "This site's content pack could not be used" });
    await notice.waitFor();
    assert.match(await notice.textContent(), /the last of this site's content that worked on this device instead \(Homeowner support[^)]*version 2 of/);
    assert.match(await notice.textContent(), /needs at least one correct answer/);
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    await expectNoAxeViolations(page, 'a step, on the last good pack');

    // Once the site's pack is the shipped one again, the copy is dropped.
    server.override(PACK, shippedText);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: shipped().flows.find((f) => f.id === 'leadership').steps[0].title }).waitFor();
    await page.waitForFunction(() => localStorage.getItem('deskaid.last-good-pack') === null);
    await closeClean(context, page);
  } finally {
    server.override(PACK, shippedText);
  }
});

test('a truncated pack: the app starts on the content it shipped with and says why', async () => {
  server.override(PACK, shippedText.slice(0, shippedText.length / 2));
  try {
    const { context, page } = await openFresh(stepHash);
    const notice = page.getByRole('status').filter({ hasText: "This site's content pack could not be used" });
    await notice.waitFor();
    assert.match(await notice.textContent(), /content\/pack\.json/);
    assert.match(await notice.textContent(), /the file: not readable JSON at line \d+, column \d+ \(it ends too early: the file was probably cut off\)/);
    // The shipped step is there, and so is every other tool.
    await page.getByRole('heading', { level: 2, name: shipped().flows[0].steps[0].title }).waitFor();
    await expectNoAxeViolations(page, 'a step, with the bad-pack notice');
    await page.goto(server.base + '#/quiz');
    await page.getByRole('button', { name: /^Start/ }).first().waitFor();
    await closeClean(context, page);
  } finally {
    server.override(PACK, shippedText);
  }
});

test('a broken pack: each problem is listed by the flow, step or question it is in', async () => {
  const pack = shipped();
  const leadership = pack.flows.find((flow) => flow.id === 'leadership');
  leadership.steps.push({ ...leadership.steps.at(-1), id: 'orphan', title: 'A step no choice leads to' });
  pack.questions.questions[0].correct = [];
  server.override(PACK, JSON.stringify(pack));
  try {
    const { context, page } = await openFresh('#/escalation');
    const problems = page.locator('.pack-notice li');
    await problems.first().waitFor();
    const listed = await problems.allTextContents();
    assert.ok(listed.includes('flow "leadership", step "orphan": is not reachable from the start step'), listed.join('\n'));
    assert.ok(listed.some((text) => text.startsWith('questions:') && text.includes('q000-expected-action')), listed.join('\n'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'the flow list, with a broken pack listed');
    await closeClean(context, page);
  } finally {
    server.override(PACK, shippedText);
  }
});

test("a pack's texts are shown as text: no script, no image, no javascript: link runs", async () => {
  const pack = shipped();
  const step = pack.flows.find((flow) => flow.id === 'leadership').steps[0];
  const hostile = [
    '<script>window.pwned = "script"</script>',
    '<img src=x onerror="window.pwned = \'img\'">',
    '<a href="javascript:window.pwned = \'link\'">Open the policy</a>',
  ];
  step.title = hostile[0];
  step.body = [hostile[1], hostile[2]];
  pack.title = '<img src=x onerror="window.pwned = \'title\'">';
  server.override(PACK, JSON.stringify(pack));
  try {
    const { context, page } = await openFresh(stepHash);
    await page.getByRole('heading', { level: 2, name: hostile[0] }).waitFor();
    const main = await page.locator('main').textContent();
    for (const text of hostile) assert.ok(main.includes(text), `shown as typed: ${text}`);
    assert.equal(await page.locator('main img, main script, main a[href^="javascript:"]').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    await closeClean(context, page);
  } finally {
    server.override(PACK, shippedText);
  }
});
