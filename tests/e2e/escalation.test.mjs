// The escalation flowchart: list, search, scanner, walker (paths, timer,
// checklist, deep links, reload, Back, changed answers), case notes and diagram.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { afterPaint, APP_HEADING, browser, closeClean, contextAt, expectNoAxeViolations, openApp, openFresh, server, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

const FLOW = 'Customer asks for leadership or special handling';

/** The heading of the step on screen. */
function stepHeading(page) {
  return page.locator('.esc-step h2');
}

/** Takes the choice `label` and waits for the step titled `next`. */
async function choose(page, label, next) {
  await page.locator('.esc-choices').getByRole('button', { name: label, exact: true }).click();
  await page.locator('.esc-step h2', { hasText: next }).waitFor();
}

/** From the start of `leadership` to "Will the customer wait for a follow-up?". */
async function walkToFollowUp(page) {
  await choose(page, 'Yes, the customer asked to escalate', 'Does the concern qualify for additional review?');
  await choose(page, 'No qualifier applies', 'Try to de-escalate');
  await choose(page, 'Continue', "Has the customer's case been updated?");
  await choose(page, 'No update yet, or there is no case', 'Will the customer wait for a follow-up?');
}

/** The step part of the URL. */
function hashOf(page) {
  return new URL(page.url()).hash;
}

describe('flow list', () => {
  test('lists every flow with its source and passes axe', async () => {
    const { context, page } = await openFresh('#/escalation');
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Escalation flowchart');
    const cards = page.locator('.esc-flow-card');
    assert.equal(await cards.count(), 8);
    assert.match(await cards.first().textContent(), /Source: doc 004, lines 1-61 \(Escalation SOP \(current version\)\)/);
    await page.getByRole('link', { name: 'Qualifiers for additional review' }).click();
    await page.locator('main h1', { hasText: 'Qualifiers for additional review' }).waitFor();
    assert.equal(await stepHeading(page).textContent(), 'Which qualifiers apply?');
    await page.goBack();
    await page.locator('main h1', { hasText: 'Escalation flowchart' }).waitFor();
    await expectNoAxeViolations(page, 'flow list');
    await closeClean(context, page);
  });

  test('search finds "Case Voided" live and jumps to the step', async () => {
    const { context, page } = await openFresh('#/escalation');
    await page.getByLabel('Search all flows').fill('case voided');
    const results = page.locator('.esc-search-results li');
    await results.first().waitFor();
    assert.match(await page.locator('#esc-search-heading ~ [role=status]').textContent(), /steps? match/);
    assert.equal((await results.first().getByRole('link').textContent()).trim(), 'Close the case as voided');
    assert.match(await results.first().textContent(), /"Case Voided"/);
    await page.getByLabel('Search all flows').fill('voided zebra');
    await page.getByText('No steps match your search').waitFor();
    assert.equal(await results.count(), 0);
    await page.getByLabel('Search all flows').fill('case voided');
    await results.first().getByRole('link').click();
    await page.locator('.esc-step h2', { hasText: 'Close the case as voided' }).waitFor();
    assert.equal(hashOf(page), '#/escalation/leadership/case-voided');
    assert.match(await page.locator('.esc-warning').textContent(), /Case Voided/);
    await context.close();
  });

  test('the scanner flags a lawyer and Facebook, explains them and links to the step', async () => {
    const { context, page } = await openFresh('#/escalation');
    await page.getByLabel("Paste the customer's message").fill('I already called my lawyer and posted on Facebook');
    const hits = page.locator('.esc-hit');
    await hits.nth(1).waitFor();
    assert.equal(await hits.count(), 2);
    assert.match(await page.getByTestId('scan-results').getByRole('status').textContent(), /2 to flag: Lawyer or legal counsel; Social media complaint/);
    assert.match(await hits.nth(0).textContent(), /Lawyer or legal counsel.*Qualifier for additional review.*“lawyer”.*doc 002, line 78/s);
    assert.match(await hits.nth(1).textContent(), /Social media complaint.*“Facebook”/s);
    await expectNoAxeViolations(page, 'scanner with results');
    await hits.nth(0).getByRole('link').click();
    await page.locator('.esc-step h2', { hasText: 'Which qualifiers apply?' }).waitFor();
    await page.goBack();
    // The message and its flags are still there, to work through the others.
    await hits.nth(1).waitFor();
    assert.equal(await page.getByLabel("Paste the customer's message").inputValue(), 'I already called my lawyer and posted on Facebook');
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('lawyer')), false);
    await page.getByLabel("Paste the customer's message").fill('Thanks for your help today');
    await page.getByText('Nothing to flag').waitFor();
    await context.close();
  });
});

describe('walker', () => {
  test('refuse to wait: from the start to the Resolution Lead voicemail, with timers', async () => {
    const context = await browser.newContext();
    await context.clock.install();
    const page = await openApp(context, server.base, '#/escalation/leadership');
    assert.equal((await page.locator('main h1').textContent()).trim(), FLOW);
    assert.equal(
      await stepHeading(page).textContent(),
      'Did the customer ask for leadership or for their situation to be escalated?',
    );
    // Every step names the content pack it came from.
    assert.equal(
      await page.getByTestId('pack-note').textContent(),
      'Content pack: Homeowner support: escalations, SLAs and training, version 1 of 2026-12-04.',
    );
    await expectNoAxeViolations(page, 'first step');
    await walkToFollowUp(page);
    await choose(page, 'Refuses to wait', 'Is a "Phone-HO Tier 2" agent available?');
    assert.match(await page.locator('.esc-warning').textContent(), /Do NOT transfer/);
    await choose(page, 'A Tier 2 agent is available', 'Warm transfer to "Phone-HO Tier 2" and wait 30 seconds');

    const timer = page.getByRole('timer');
    assert.equal((await timer.textContent()).trim(), '0:30');
    await expectNoAxeViolations(page, 'step with a timer');
    await page.getByRole('button', { name: 'Start timer' }).click();
    await page.clock.runFor(3000);
    await page.waitForFunction(() => document.querySelector('[role=timer]').textContent !== '0:30');
    await page.getByRole('button', { name: 'Stop timer' }).click();
    const stopped = await timer.textContent();
    await page.clock.runFor(3000);
    assert.equal(await timer.textContent(), stopped);
    await page.getByRole('button', { name: 'Start timer' }).click();
    await page.clock.runFor(30000);
    await page.locator('.esc-timer [role=status]', { hasText: '30 seconds are up' }).waitFor();
    assert.equal((await timer.textContent()).trim(), '0:00');
    await page.getByRole('button', { name: 'Reset timer' }).click();
    assert.equal((await timer.textContent()).trim(), '0:30');

    await choose(page, 'No response within 30 seconds, or Tier 2 did not accept the concern', 'Explain that a voicemail may follow');
    assert.match(await page.getByLabel('The text').inputValue(), /prompted to leave a voicemail/);
    // Still holding the unanswered Tier 2 transfer: 004's note again (issue 17 item 9).
    assert.match(await page.locator('.esc-warning').textContent(), /Do NOT complete the transfer to "Phone-HO Tier 2": that skill has no voicemail/);
    await choose(page, 'Customer informed', 'Is a "Resolution Lead" available?');
    await choose(page, 'A Resolution Lead is available', 'Warm transfer to "Resolution Lead" and wait 30 seconds');
    assert.equal((await page.getByRole('timer').textContent()).trim(), '0:30');
    await choose(page, 'No answer within 30 seconds', 'Complete the transfer to voicemail');
    assert.match(await page.locator('.esc-outcome').textContent(), /Transferred to the Resolution Lead voicemail/);
    assert.equal(await page.locator('.esc-choices').count(), 0);
    assert.equal(hashOf(page), '#/escalation/leadership/resolution-lead-voicemail');
    assert.match(await page.getByLabel('Your walk so far, ready to paste into the case').inputValue(), /Outcome \(.*\): Transferred to the Resolution Lead voicemail/);
    await closeClean(context, page);
  });

  test('agree to wait: case creation with its checklist and note, kept across a reload', async () => {
    const { context, page } = await openFresh('#/escalation/leadership');
    await walkToFollowUp(page);
    await choose(page, 'Agrees to wait for a follow-up', 'Convert the CXOne interaction to an EBH ticket');
    await choose(page, 'Converted, or the contact came by e-mail', 'Create the case in Salesforce');
    await page.getByLabel('Customer Request Type').check();
    await page.getByLabel('Reviewed the Certificate of Completion').check();
    await page.getByLabel('Draft the case description here').fill('Customer wants a manager about the install delay');
    await page.getByText('2 of 11 done').waitFor();
    await expectNoAxeViolations(page, 'step with a checklist');
    const notes = page.getByLabel('Your walk so far, ready to paste into the case');
    assert.match(await notes.inputValue(), /Done: Customer Request Type\n\s+Done: Reviewed the Certificate of Completion\n\s+Note: Customer wants a manager about the install delay/);

    await page.reload();
    await stepHeading(page).filter({ hasText: 'Create the case in Salesforce' }).waitFor();
    assert.equal(await page.getByLabel('Customer Request Type').isChecked(), true);
    assert.equal(await page.getByLabel('Primary Reason').isChecked(), false);
    assert.equal(await page.getByLabel('Draft the case description here').inputValue(), 'Customer wants a manager about the install delay');
    assert.equal(await page.locator('.esc-breadcrumb li').count(), 6);

    // A closed tab: a new page in the same browser profile resumes from the list.
    await page.close();
    const again = await openApp(context, server.base, '#/escalation');
    const card = again.locator('.esc-flow-card[data-flow=leadership]');
    assert.match(await card.textContent(), /Walk in progress \(step 7: Create the case in Salesforce\)/);
    await card.getByRole('link', { name: 'Resume' }).click();
    await stepHeading(again).filter({ hasText: 'Create the case in Salesforce' }).waitFor();
    await choose(again, 'Case created', 'Create the Case Assignment');
    await choose(again, 'The assignment was rejected or returned', 'Close the case as voided');

    // Finished: the list says so and starts the next call's walk afresh.
    await again.goto(`${server.base}#/escalation`);
    await card.locator('.esc-in-progress').waitFor();
    assert.match(await card.textContent(), /Last walk finished \(step 9: Close the case as voided\)/);
    await expectNoAxeViolations(again, 'flow list with a finished walk');
    await card.getByRole('button', { name: 'Start a new walk' }).click();
    await stepHeading(again).filter({ hasText: 'Did the customer ask for leadership' }).waitFor();
    assert.equal(await again.locator('.esc-breadcrumb li').count(), 0);
    assert.doesNotMatch(await again.getByLabel('Your walk so far, ready to paste into the case').inputValue(), /Case Voided/);
    assert.deepEqual(again.errors, []);
    await context.close();
  });

  test('a deep link opened cold shows that step; unknown steps and flows say so', async () => {
    const { context, page } = await openFresh('#/escalation/leadership/tier2-transfer');
    assert.equal(await stepHeading(page).textContent(), 'Warm transfer to "Phone-HO Tier 2" and wait 30 seconds');
    assert.match(await page.locator('.esc-step .source-ref').textContent(), /Source: doc 004, lines 43-44 \(Escalation SOP \(current version\)\)/);
    assert.equal(await page.getByRole('timer').count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Back' }).isDisabled(), true);

    await page.goto(`${server.base}#/escalation/leadership/nope`);
    await page.locator('main h2', { hasText: 'Step not found' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Go to the start of this flow' }).count(), 1);
    await expectNoAxeViolations(page, 'unknown step');

    await page.goto(`${server.base}#/escalation/nowhere`);
    await page.locator('main h1', { hasText: 'Flow not found' }).waitFor();
    assert.equal(await page.getByRole('link', { name: FLOW }).count(), 1);
    await closeClean(context, page);
  });

  test('Back, the browser Back button and changing an earlier answer', async () => {
    const { context, page } = await openFresh('#/escalation/leadership');
    await walkToFollowUp(page);

    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await stepHeading(page).filter({ hasText: "Has the customer's case been updated?" }).waitFor();
    assert.equal(hashOf(page), '#/escalation/leadership/case-updated');
    assert.equal(await page.locator('.esc-breadcrumb li').count(), 3);

    await page.goBack();
    await stepHeading(page).filter({ hasText: 'Try to de-escalate' }).waitFor();
    assert.equal(await page.locator('.esc-breadcrumb li').count(), 2);
    await page.goForward();
    await stepHeading(page).filter({ hasText: "Has the customer's case been updated?" }).waitFor();
    assert.equal(await page.locator('.esc-breadcrumb li').count(), 3);

    const first = page.locator('.esc-breadcrumb li').first();
    const change = first.getByRole('button', { name: /Change/ });
    await change.click();
    assert.equal(await change.getAttribute('aria-expanded'), 'true');
    // Escape closes the answers again and returns to the Change button.
    await first.getByRole('button', { name: 'No, they did not ask' }).focus();
    await page.keyboard.press('Escape');
    assert.equal(await change.getAttribute('aria-expanded'), 'false');
    assert.equal(await change.evaluate((button) => button === document.activeElement), true);
    await change.click();
    await first.getByRole('button', { name: 'No, they did not ask' }).click();
    await stepHeading(page).filter({ hasText: 'Do not offer escalation' }).waitFor();
    assert.equal(await page.locator('.esc-breadcrumb li').count(), 1);
    assert.match(await page.locator('.esc-breadcrumb li').textContent(), /Answer: No, they did not ask/);
    assert.equal(hashOf(page), '#/escalation/leadership/no-escalation');

    // Back now leads to a step of the dropped branch: the walk is kept and the agent asked.
    // The changed answer is written on the store's interval, not at the click.
    await page.waitForFunction(() => localStorage.getItem('deskaid.walks')?.includes('"label":"No, they did not ask"'));
    const saved = await page.evaluate(() => localStorage.getItem('deskaid.walks'));
    await page.goBack();
    await page.locator('main h2', { hasText: 'Start a new walk at this step?' }).waitFor();
    assert.equal(hashOf(page), '#/escalation/leadership/case-updated');
    assert.match(await page.locator('.esc-link-question').textContent(), /2 steps, last at “Do not offer escalation”/);
    assert.equal(await page.evaluate(() => localStorage.getItem('deskaid.walks')), saved);
    await expectNoAxeViolations(page, 'a link off the walk in progress');
    await page.getByRole('button', { name: 'Go back to my walk' }).click();
    await stepHeading(page).filter({ hasText: 'Do not offer escalation' }).waitFor();
    assert.equal(hashOf(page), '#/escalation/leadership/no-escalation');
    assert.equal(await page.locator('.esc-breadcrumb li').count(), 1);

    await page.getByRole('button', { name: 'Restart' }).click();
    await page.getByRole('button', { name: 'Yes, restart' }).click();
    await stepHeading(page).filter({ hasText: 'Did the customer ask' }).waitFor();
    assert.equal(await page.locator('.esc-breadcrumb li').count(), 0);
    await context.close();
  });

  test('case notes: Copy puts them on the clipboard, Download saves a text file', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openApp(context, server.base, '#/escalation/leadership');
    await choose(page, 'Yes, the customer asked to escalate', 'Does the concern qualify for additional review?');
    await choose(page, 'No qualifier applies', 'Try to de-escalate');
    await page.getByLabel('How did the customer respond? (optional)').fill('Calmer after an apology');
    const notes = await page.getByLabel('Your walk so far, ready to paste into the case').inputValue();
    assert.match(notes, /^Customer asks for leadership or special handling\nStarted /);
    assert.match(notes, /Answer: Yes, the customer asked to escalate/);
    assert.match(notes, /Note: Calmer after an apology/);

    const copyStatus = page.locator('.esc-case-notes .copy-status');
    await page.getByRole('button', { name: 'Copy case notes' }).click();
    await copyStatus.filter({ hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), notes);
    // Changed notes are no longer what was copied; each copy says so afresh.
    await page.getByLabel('How did the customer respond? (optional)').fill('Calmer after an apology, still upset');
    await page.waitForFunction(() => document.querySelector('.esc-case-notes .copy-status').textContent === '');
    await page.getByRole('button', { name: 'Copy case notes' }).click();
    await copyStatus.filter({ hasText: 'Copied' }).waitFor();
    const copied = await page.getByLabel('Your walk so far, ready to paste into the case').inputValue();
    assert.match(copied, /Note: Calmer after an apology, still upset/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), copied);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as a text file' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^case-notes-leadership-\d{4}-\d{2}-\d{2}\.txt$/);
    assert.equal(await readFile(await download.path(), 'utf8'), copied);
    await context.close();
  });

  test('case notes written on a July day in New York keep July\'s offset when read in December', async () => {
    const context = await contextAt(browser, { timezoneId: 'America/New_York' }, new Date('2026-07-15T14:30:00Z'));
    const page = await openApp(context, server.base, '#/escalation/leadership');
    await choose(page, 'Yes, the customer asked to escalate', 'Does the concern qualify for additional review?');
    const notes = () => page.getByLabel('Your walk so far, ready to paste into the case').inputValue();
    assert.match(await notes(), /\nStarted 2026-07-15 10:30 \(UTC-04:00\)\n\n1\. \[2026-07-15 10:30\] /);

    // December: New York is at UTC-05:00 now, but July's times are July's.
    await context.clock.setSystemTime(new Date('2026-12-03T15:00:00Z'));
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    assert.match(await notes(), /\nStarted 2026-07-15 10:30 \(UTC-04:00\)\n\n1\. \[2026-07-15 10:30\] .*\n\n2\. \[2026-07-15 10:30\] /s);
    await closeClean(context, page);
  });

  test('case notes in a zone Deskaid ships no data for are in that zone, from the browser\'s own rules', async () => {
    const context = await contextAt(browser, { timezoneId: 'Asia/Ulaanbaatar' }, new Date('2026-07-15T14:30:00Z'));
    const page = await openApp(context, server.base, '#/escalation/leadership');
    await choose(page, 'Yes, the customer asked to escalate', 'Does the concern qualify for additional review?');
    const notes = await page.getByLabel('Your walk so far, ready to paste into the case').inputValue();
    assert.match(notes, /\nStarted 2026-07-15 22:30 \(UTC\+08:00\)\n/);
    await closeClean(context, page);
  });

  test('a filled-in template goes into the case notes', async () => {
    const { context, page } = await openFresh('#/escalation/dsar/close-case');
    const notes = () => page.getByLabel('Your walk so far, ready to paste into the case').inputValue();
    assert.doesNotMatch(await notes(), /Text used/);
    assert.match(await notes(), /\nOpened at step 1 from a link; earlier steps not recorded\.\n/);
    // Typed with or without its "PR-", the number is written once.
    await page.getByLabel('PR number', { exact: true }).fill('PR-4321');
    await page.waitForFunction(() => document.querySelector('#esc-case-notes').value.includes('PR-4321'));
    assert.match(await notes(), /\n {3}Text used: Created privacy request: PR-4321\n/);
    await page.getByLabel('PR number', { exact: true }).fill('4322');
    await page.waitForFunction(() => document.querySelector('#esc-case-notes').value.includes('PR-4322'));
    await closeClean(context, page);
  });

  test('the diagram links every step and marks the path', async () => {
    const { context, page } = await openFresh('#/escalation/leadership');
    await choose(page, 'Yes, the customer asked to escalate', 'Does the concern qualify for additional review?');
    await choose(page, 'No qualifier applies', 'Try to de-escalate');
    // The diagram's code is a part of its own, which a walk does not fetch.
    const diagramPartFetched = () =>
      page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /\/split_flow_diagrams_[^/]*\.wasm$/.test(new URL(entry.name).pathname)));
    assert.equal(await diagramPartFetched(), false, 'a walk fetches no diagram part');
    await page.getByRole('link', { name: 'Show diagram' }).click();
    const svg = page.locator('svg.esc-diagram');
    await svg.waitFor();
    assert.equal(await diagramPartFetched(), true, 'the diagram part is fetched when the diagram opens');
    assert.match(hashOf(page), /view=diagram/);
    // 24 steps of the flow, plus one box for the detour into the qualifiers flow.
    assert.equal(await svg.locator('a').count(), 25);
    assert.equal(await svg.locator('.esc-node.esc-on-path').count(), 3);
    assert.equal(await svg.locator('.esc-edge.esc-on-path').count(), 2);
    const here = svg.locator('.esc-node.esc-here a');
    assert.match(await here.getAttribute('aria-label'), /Try to de-escalate \(action\), on your path as step 3, you are here\. Leads to: Continue/);
    assert.equal(await svg.getByRole('link', { name: /on your path as step 1/ }).count(), 1);
    await expectNoAxeViolations(page, 'diagram');

    // Node links are keyboard focusable and open their step.
    await svg.locator('a').first().focus();
    assert.equal(await page.evaluate(() => document.activeElement.closest('svg') !== null), true);
    await svg.getByRole('link', { name: /^Does the concern qualify/ }).click();
    await stepHeading(page).filter({ hasText: 'Does the concern qualify for additional review?' }).waitFor();
    assert.equal(await page.locator('.esc-breadcrumb li').count(), 1);

    // The page itself never scrolls sideways on a phone, even with the diagram.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${server.base}#/escalation/leadership?view=diagram`);
    await svg.waitFor();
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.equal(widths[0], widths[1]);
    await closeClean(context, page);
  });

  test('arrow labels are drawn whole; a wide diagram scrolls only as far as "you are here" needs', async () => {
    const { context, page } = await openFresh('#/escalation/leadership', { viewport: { width: 1024, height: 800 } });
    await stepHeading(page).waitFor();
    await page.getByRole('link', { name: 'Show diagram' }).click();
    const svg = page.locator('svg.esc-diagram');
    await svg.waitFor();
    await afterPaint(page);
    // Each label's lines read as the choice itself: nothing is cut off.
    const labels = await svg.locator('.esc-edge').evaluateAll((edges) =>
      edges.map((edge) => [edge.querySelector('title').textContent, [...edge.querySelectorAll('.esc-edge-label tspan')].map((t) => t.textContent).join(' ')]));
    assert.ok(labels.length > 20);
    for (const [full, drawn] of labels) assert.equal(drawn, full);
    assert.ok(labels.some(([full]) => full === 'Yes, the customer asked to escalate'));
    assert.equal(await svg.locator('text', { hasText: '…' }).count(), 0);
    // The scroller's width, where it is scrolled to, and where "you are here" is in it.
    const where = () => page.locator('#esc-diagram-scroll').evaluate((box) => {
      const here = box.querySelector('.esc-here rect').getBoundingClientRect();
      const view = box.getBoundingClientRect();
      return { wide: box.scrollWidth > box.clientWidth, left: box.scrollLeft, hereLeft: here.left - view.left, hereRight: here.right - view.left, shown: box.clientWidth };
    });
    // On a desk the first step is in view as drawn: nothing scrolls sideways.
    const desk = await where();
    assert.equal(desk.left, 0, JSON.stringify(desk));
    assert.ok(desk.hereLeft >= 0 && desk.hereRight <= desk.shown, JSON.stringify(desk));
    await expectNoAxeViolations(page, 'diagram on a desk');
    // On a phone the drawing is wider than the screen: it scrolls just far
    // enough to show the first step, and no further.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await svg.waitFor();
    await afterPaint(page);
    await page.waitForFunction(() => document.getElementById('esc-diagram-scroll').scrollLeft > 0);
    const phone = await where();
    assert.ok(phone.wide, JSON.stringify(phone));
    assert.ok(phone.hereLeft >= 0 && phone.hereRight <= phone.shown, JSON.stringify(phone));
    assert.ok(phone.hereRight >= phone.shown - 20, `scrolled no further than needed: ${JSON.stringify(phone)}`);
    await expectNoAxeViolations(page, 'diagram on a phone');
    await closeClean(context, page);
  });
});
