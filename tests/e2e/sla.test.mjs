// The SLA calculator (#/sla), its rules editor and the queue (#/queue):
// URL-contract links with exact <time datetime> values, inline messages,
// sharing, persistence, contact attempts, the end-of-shift check, CSV and
// iCalendar exports, filters, ticking countdowns, and axe-core on every state.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { addCase, afterPaint, APP_HEADING, browser, closeClean, contextAt, expectNoAxeViolations, openApp, openFresh, server, TEST_NOW, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

const NY = 'America/New_York';

/** The `datetime` of a result, once the calculator has rendered it. */
async function due(page, testid) {
  const time = page.getByTestId(testid);
  await time.waitFor();
  return time.getAttribute('datetime');
}

async function calculator(context, query) {
  return openApp(context, server.base, `#/sla?${query}`);
}

describe('calculator links (URL contract)', () => {
  // Expected values follow the shipped rules (content/sla.toml) and match the
  // domain's known-answer tests in src/domain/sla/mod.rs.
  const CASES = [
    {
      name: 'General after the 15:00 cut-off on Friday, no holidays: Monday noon after the DST change',
      query: `type=general&received=2026-03-06T15:01&tz=${NY}&holidays=`,
      initial: '2026-03-09T12:00:00-04:00',
      resolution: '2026-03-12T15:01:00-04:00',
    },
    {
      name: 'a holiday override closes Monday: Tuesday noon, resolution a day later',
      query: `type=general&received=2026-03-06T15:01&tz=${NY}&holidays=2026-03-09`,
      initial: '2026-03-10T12:00:00-04:00',
      resolution: '2026-03-13T15:01:00-04:00',
    },
    {
      name: 'without an override the saved US federal holidays apply (MLK Day)',
      query: `type=general&received=2026-01-16T16:00&tz=${NY}`,
      initial: '2026-01-20T12:00:00-05:00',
      resolution: '2026-01-23T16:00:00-05:00',
    },
    {
      name: 'Executive: 2 clock hours, 3 business days',
      query: `type=executive&received=2026-03-13T16:30&tz=${NY}`,
      initial: '2026-03-13T18:30:00-04:00',
      resolution: '2026-03-18T16:30:00-04:00',
    },
    {
      name: 'Regulatory with agency_days=30: 24 clock hours, 30 calendar days',
      query: `type=regulatory&received=2026-03-02T10:00&tz=${NY}&agency_days=30`,
      initial: '2026-03-03T10:00:00-05:00',
      resolution: '2026-04-01T10:00:00-04:00',
    },
    {
      name: 'Regulatory with an agency date on a Saturday: close of business the business day before',
      query: `type=regulatory&received=2026-03-02T10:00&tz=${NY}&agency_date=2026-07-04`,
      initial: '2026-03-03T10:00:00-05:00',
      resolution: '2026-07-02T17:00:00-04:00',
    },
    {
      // 15:30 in London is 11:30 in New York (the US is on summer time, the
      // UK not yet): in the team's hours, before the cut-off.
      name: 'another zone: London at 15:30 on Friday is the team\'s morning',
      query: 'type=general&received=2026-03-27T15:30&tz=Europe/London&holidays=',
      initial: '2026-03-27T17:00:00-04:00',
      resolution: '2026-04-02T11:30:00-04:00',
    },
  ];

  for (const c of CASES) {
    test(c.name, async () => {
      const context = await browser.newContext();
      const page = await calculator(context, c.query);
      assert.equal(await due(page, 'initial-contact-due'), c.initial);
      assert.equal(await due(page, 'resolution-due'), c.resolution);
      await closeClean(context, page);
    });
  }

  test('Regulatory without an agency term explains instead of giving a date; results pass axe', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, `type=regulatory&received=2026-03-02T10:00&tz=${NY}`);
    const resolution = page.getByTestId('resolution-due');
    await resolution.waitFor();
    assert.equal(await resolution.getAttribute('datetime'), null);
    assert.match(await resolution.textContent(), /set by the agency/);
    assert.match(await page.locator('.sla-results').textContent(), /the agency sets the resolution deadline/);
    await expectNoAxeViolations(page, 'calculator with results (regulatory)');
    await context.close();
  });

  test('results show the rule, its source and the follow-up windows', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, `type=general&received=2026-03-06T15:01&tz=${NY}&holidays=`);
    await page.getByTestId('initial-contact-due').waitFor();
    const results = await page.locator('.sla-results').textContent();
    assert.match(results, /after the 15:00 cut-off/);
    assert.match(results, /doc 001, lines 9-11/);
    await page.fill('#sla-promised', '2026-03-13T14:00');
    const owner = page.getByTestId('owner-window');
    await page.waitForFunction(() => document.querySelector('[data-testid=owner-window] time')?.getAttribute('datetime') === '2026-03-16T14:00:00-04:00');
    const times = await owner.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    assert.deepEqual(times, ['2026-03-16T14:00:00-04:00', '2026-03-17T14:00:00-04:00']);
    assert.match(await owner.textContent(), /1 to 2 business days/);
    const update = await page.getByTestId('update-window').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    assert.deepEqual(update, ['2026-03-13T14:00:00-04:00', '2026-03-16T14:00:00-04:00']);
    await context.close();
  });

  test('an ambiguous fall-back time is noted', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, `type=executive&received=2026-11-01T01:30&tz=${NY}`);
    assert.equal(await due(page, 'initial-contact-due'), '2026-11-01T02:30:00-05:00');
    assert.match(await page.locator('#sla-received-hint').textContent(), /happens twice/);
    await context.close();
  });
});

describe('calculator input errors', () => {
  const BAD = [
    ['a malformed date', `type=general&received=2026-02-30T10:00&tz=${NY}`, '#sla-received', /is not a date and time in the form YYYY-MM-DDTHH:MM/],
    ['an unknown zone', 'type=general&received=2026-03-06T15:01&tz=America/NewYork', '#sla-zone', /"America\/NewYork" is not among the time zones Deskaid knows/],
    ['a time skipped by the clocks', `type=general&received=2026-03-08T02:30&tz=${NY}`, '#sla-received', /does not exist in America\/New_York/],
    ['impossible agency days', `type=regulatory&received=2026-03-02T10:00&tz=${NY}&agency_days=0`, '#sla-agency-days', /between 1 and 3650/],
    ['a bad holiday', `type=general&received=2026-03-06T15:01&tz=${NY}&holidays=2026-13-01`, '#sla-holidays', /“2026-13-01” is not a date in the form YYYY-MM-DD/],
  ];
  for (const [name, query, field, message] of BAD) {
    test(`${name} gets an inline message next to its field`, async () => {
      const context = await browser.newContext();
      const page = await calculator(context, query);
      const input = page.locator(field);
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-invalid') === 'true', field);
      const errorId = (await input.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
      assert.match(await page.locator(`#${errorId}`).textContent(), message);
      assert.equal(await page.getByTestId('initial-contact-due').count(), 0);
      assert.equal(await page.getByTestId('sla-no-result').count(), 1);
      await context.close();
    });
  }

  test('a real IANA zone that this build leaves out gets the message naming how many zones it has', async () => {
    // Asia/Kabul and Africa/Tunis are IANA zones, but not in
    // CHRONO_TZ_TIMEZONE_FILTER (.cargo/config.toml). (America/Argentina/Cordoba
    // is not in that list either, yet the build has it, as it has every alias
    // of a listed zone, so it would not do here.)
    const context = await browser.newContext();
    const page = await calculator(context, 'type=general&received=2026-03-06T15:01&tz=Asia/Kabul&holidays=');
    const error = page.locator('#sla-zone-error .inline-error');
    await error.waitFor();
    const listed = await page.locator('#sla-zones option').evaluateAll((options) => options.map((o) => o.value));
    assert.ok(listed.includes('America/New_York') && !listed.includes('Asia/Kabul') && !listed.includes('Africa/Tunis'));
    assert.equal(
      (await error.textContent()).trim(),
      `"Asia/Kabul" is not among the time zones Deskaid knows (IANA names such as America/New_York or Europe/London). Deskaid includes ${listed.length} zones; choose one from the list.`,
    );
    assert.equal(await page.locator('#sla-zone').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('initial-contact-due').count(), 0);
    assert.equal(await page.getByTestId('sla-no-result').count(), 1);
    await expectNoAxeViolations(page, 'calculator with a zone not in the build');
    await page.fill('#sla-zone', 'Africa/Tunis');
    await error.getByText('"Africa/Tunis" is not among the time zones Deskaid knows').waitFor();
    // A zone in the build computes: 15:01 in Buenos Aires is 13:01 in New
    // York, before the team's cut-off, so due at the team's close that day.
    await page.fill('#sla-zone', 'America/Argentina/Buenos_Aires');
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-06T17:00:00-05:00');
    assert.equal(await page.locator('#sla-zone').getAttribute('aria-invalid'), null);
    await closeClean(context, page);
  });

  test('the unknown zone stays as typed; fixing it shows results; errors pass axe', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, 'type=general&received=2026-03-06T15:01&tz=America/NewYork&holidays=');
    await page.locator('#sla-zone-error .inline-error').waitFor();
    assert.equal(await page.inputValue('#sla-zone'), 'America/NewYork');
    await expectNoAxeViolations(page, 'calculator with an error');
    await page.fill('#sla-zone', NY);
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-09T12:00:00-04:00');
    assert.equal(await page.locator('#sla-zone').getAttribute('aria-invalid'), null);
    await context.close();
  });
});

describe('calculator editing and sharing', () => {
  test('edits recompute at once and are mirrored in the URL', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, `type=general&received=2026-03-06T15:01&tz=${NY}&holidays=`);
    await page.getByTestId('initial-contact-due').waitFor();
    await page.selectOption('#sla-type', 'executive');
    await page.waitForFunction(() => document.querySelector('[data-testid=initial-contact-due]')?.getAttribute('datetime') === '2026-03-06T17:01:00-05:00');
    await page.fill('#sla-received', '2026-03-13T16:30');
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-13T18:30:00-04:00');
    await page.waitForFunction(() => location.hash.includes('type=executive') && location.hash.includes('2026-03-13T16%3A30'));
    // The mirrored URL opens the same calculation in a new tab.
    const copy = await openApp(context, page.url().split('#')[0], '#' + page.url().split('#')[1]);
    assert.equal(await due(copy, 'initial-contact-due'), '2026-03-13T18:30:00-04:00');
    assert.equal(await copy.locator('#sla-type').inputValue(), 'executive');
    await context.close();
  });

  test('Share copies the full URL of the calculation', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await calculator(context, `type=general&received=2026-03-06T15:01&tz=${NY}&holidays=`);
    await page.getByTestId('initial-contact-due').waitFor();
    await page.fill('#sla-holidays', '2026-03-09');
    await page.getByRole('button', { name: 'Share this calculation' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, page.url());
    assert.match(copied, /#\/sla\?type=general&received=2026-03-06T15%3A01&tz=America%2FNew_York&holidays=2026-03-09$/);
    await context.close();
  });

  test('the West division\'s zone is one click away, and the result follows it', async () => {
    const { context, page } = await openFresh(`#/sla?type=general&received=2026-03-06T15:01&tz=${NY}`);
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-09T12:00:00-04:00');
    const divisions = page.getByRole('group', { name: /Northeast & West divisions/ });
    assert.match(await divisions.textContent(), /doc 001, lines 63-64/);
    const west = divisions.getByRole('button', { name: 'West: America/Los_Angeles' });
    assert.equal(await divisions.getByRole('button', { name: 'Northeast: America/New_York' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await west.getAttribute('aria-pressed'), 'false');
    await west.click();
    assert.equal(await page.locator('#sla-zone').inputValue(), 'America/Los_Angeles');
    assert.equal(await west.getAttribute('aria-pressed'), 'true');
    // The same wall-clock receipt, read in Los Angeles: 15:01 PST is 18:01
    // in New York, and the team's hours apply (the default).
    await page.waitForFunction(() => location.hash.includes('tz=America%2FLos_Angeles'));
    await page.getByTestId('hours-of').getByText(/^Business hours of: the team \(America\/New_York\), not the customer's zone \(America\/Los_Angeles\)/).waitFor();
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-09T12:00:00-04:00');
    assert.equal(await page.getByTestId('customer-clock').first().textContent(), 'That is Mon 9 Mar 2026, 09:00 PDT in America/Los_Angeles.');
    await expectNoAxeViolations(page, 'calculator in the West division\'s zone');
    await closeClean(context, page);
  });

  test('a Los Angeles case gets the team\'s hours by default, the customer\'s when the rules say so', async () => {
    const { context, page } = await openFresh('#/sla?type=general&received=2026-03-10T13:00&tz=America/Los_Angeles');
    // 13:00 in Los Angeles is 16:00 in New York, after the team's 15:00 cut-off.
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-11T12:00:00-04:00');
    assert.match(await page.getByTestId('hours-of').textContent(), /^Business hours of: the team \(America\/New_York\)/);
    assert.equal(await page.getByTestId('customer-clock').first().textContent(), 'That is Wed 11 Mar 2026, 09:00 PDT in America/Los_Angeles.');
    await expectNoAxeViolations(page, 'a case in another zone, team hours');
    const setting = page.getByLabel('For a customer in another zone, business hours are kept in');
    assert.equal(await setting.inputValue(), 'team');
    await setting.selectOption('customer');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved. The calculator and your queue now use these rules.').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=initial-contact-due]')?.getAttribute('datetime') === '2026-03-10T17:00:00-07:00');
    assert.equal(
      await page.getByTestId('hours-of').textContent(),
      "Business hours of: the customer's zone (America/Los_Angeles), as the rules say; the team's zone is America/New_York.",
    );
    assert.equal(await page.getByTestId('customer-clock').count(), 0);
    assert.match(await page.getByTestId('share-note').textContent(), /whose zone business hours are kept in/);
    await expectNoAxeViolations(page, 'a case in another zone, the customer\'s hours');
    await closeClean(context, page);
  });

  test('a resolution that skipped Thanksgiving names it', async () => {
    const { context, page } = await openFresh(`#/sla?type=general&received=2026-11-23T10:00&tz=${NY}`);
    assert.equal(await due(page, 'resolution-due'), '2026-11-30T10:00:00-05:00');
    await page.locator('.sla-result', { hasText: 'Resolution' }).getByText(
      'General case: resolution is due 4 business days after receipt at the same time of day, counted from receipt. Closed day skipped: Thu 26 Nov 2026 (Thanksgiving Day).',
    ).waitFor();
    await closeClean(context, page);
  });

  test('the received time typed stays for the life of the tab', async () => {
    const { context, page } = await openFresh('#/sla');
    await page.fill('#sla-received', '2026-03-10T13:00');
    await page.waitForFunction(() => location.hash.includes('received=2026-03-10T13%3A00'));
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Quiz' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/quiz'));
    await nav.getByRole('link', { name: 'SLA' }).click();
    await page.locator('#sla-received').waitFor();
    assert.equal(await page.locator('#sla-received').inputValue(), '2026-03-10T13:00');
    assert.match(new URL(page.url()).hash, /received=2026-03-10T13%3A00/);
    // A link with its own inputs still wins.
    await page.goto(`${server.base}#/sla?type=general&received=2026-03-06T15:01&tz=${NY}`);
    await page.waitForFunction(() => document.querySelector('#sla-received')?.value === '2026-03-06T15:01');
    await closeClean(context, page);
  });

  test('a receipt in the future is allowed with a warning', async () => {
    const context = await contextAt(browser);
    const page = await calculator(context, `type=general&received=2026-03-06T15:01&tz=${NY}`);
    await page.getByTestId('initial-contact-due').waitFor();
    assert.equal((await page.getByTestId('received-warning').textContent()).trim(), '');
    await page.fill('#sla-received', '2099-03-06T15:01');
    await page.getByTestId('received-warning').getByText('This is in the future: check the date.').waitFor();
    assert.match(await page.locator('#sla-received').getAttribute('aria-describedby'), /sla-received-hint/);
    await page.getByTestId('initial-contact-due').waitFor();
    await expectNoAxeViolations(page, 'calculator with a future receipt');
    await context.close();
  });

  test('the Received hint fits the case type', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, `type=general&received=2026-03-06T15:01&tz=${NY}`);
    const hint = page.locator('#sla-received-hint');
    await page.getByTestId('initial-contact-due').waitFor();
    assert.match(await hint.textContent(), /When the case was received/);
    assert.doesNotMatch(await hint.textContent(), /Regulatory/);
    await page.selectOption('#sla-type', 'regulatory');
    await hint.getByText(/When the ticket was created/).waitFor();
    await page.selectOption('#sla-type', 'executive');
    await hint.getByText(/When the case was received/).waitFor();
    await context.close();
  });

  test('legacy zones are left out of the list and warned about; any capitalisation is accepted', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, `type=general&received=2026-07-06T15:01&tz=${NY}`);
    await page.getByTestId('initial-contact-due').waitFor();
    const listed = await page.locator('#sla-zones option').evaluateAll((options) => options.map((o) => o.value));
    assert.ok(listed.includes('America/New_York') && listed.includes('UTC'));
    assert.deepEqual(listed.filter((name) => name !== 'UTC' && (!name.includes('/') || name.startsWith('Etc/'))), []);
    // EST: either refused with the zone meant, or (where the build has it) warned about.
    await page.fill('#sla-zone', 'EST');
    await page.waitForFunction(() => /America\/New_York/.test(document.querySelector('#sla-zone-error')?.textContent + document.querySelector('[data-testid=zone-warning]')?.textContent));
    // A zone typed in lower case is read, and written back as the zone's own name.
    await page.fill('#sla-zone', 'america/chicago');
    await page.waitForFunction(() => document.querySelector('#sla-zone').value === 'America/Chicago');
    // 15:01 in Chicago is 16:01 in New York: the team's noon the next day.
    assert.equal(await due(page, 'initial-contact-due'), '2026-07-07T12:00:00-04:00');
    await page.waitForFunction(() => location.hash.includes('tz=America%2FChicago'));
    await context.close();
  });

  test('a shared link carries saved closed dates, says which rules it cannot carry, and shows the calendar used', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await calculator(context, `type=general&received=2026-03-06T15:01&tz=${NY}`);
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-09T12:00:00-04:00');
    assert.match(await page.getByTestId('calendar-used').textContent(), /closed on your saved holidays: US federal holidays \(observed dates\)\. Deadlines follow the rules Deskaid ships with\./);
    await page.fill('#sla-rules-new-holiday', '2026-03-09');
    await page.getByRole('button', { name: 'Add date' }).click();
    await page.getByLabel('Cut-off for same-day contact').fill('14:00');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved. The calculator and your queue now use these rules.').waitFor();
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-10T12:00:00-04:00');
    const note = page.getByTestId('share-note');
    assert.match(await note.textContent(), /The link includes your closed dates from receipt to the last deadline\./);
    assert.match(await note.textContent(), /Your own rules \(General case rules\) are not in the link: the person who opens it uses theirs\./);
    await page.getByRole('button', { name: 'Share this calculation' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /&holidays=2026-03-09$/);
    // Someone with the shipped rules opens it and gets the same deadline, and sees the calendar used.
    const other = await browser.newContext();
    const opened = await openApp(other, copied.split('#')[0], '#' + copied.split('#')[1]);
    assert.equal(await due(opened, 'initial-contact-due'), '2026-03-10T12:00:00-04:00');
    assert.match(await opened.getByTestId('calendar-used').textContent(), /closed on this calculation's own dates \(2026-03-09\)/);
    await expectNoAxeViolations(page, 'calculator with a share note');
    await other.close();
    await context.close();
  });

  test('time remaining ticks while the page is open', async () => {
    const context = await browser.newContext();
    await context.clock.install({ time: new Date('2026-03-09T14:00:00Z') }); // 10:00 EDT
    const page = await calculator(context, `type=general&received=2026-03-06T15:01&tz=${NY}&holidays=`);
    const remaining = page.locator('.sla-result').first().locator('.sla-remaining');
    await remaining.waitFor();
    // Loading takes a few moments of the (running) fake clock.
    assert.match((await remaining.textContent()).trim(), /^\(in (2 h|1 h 59 min)\)$/);
    await context.clock.runFor(30 * 60 * 1000);
    await page.waitForFunction(() => /in 1 h (29|30) min/.test(document.querySelector('.sla-result .sla-remaining')?.textContent));
    await context.close();
  });
});

describe('rules and business calendar', () => {
  test('invalid rules are listed and not saved; valid rules are saved and used; defaults restore', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, `type=general&received=2026-03-10T14:30&tz=${NY}`);
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-10T17:00:00-04:00');
    await expectNoAxeViolations(page, 'calculator with the rules editor');

    await page.getByLabel('Monday opens at').fill('18:00');
    const problems = page.getByTestId('sla-rules-problems');
    await problems.getByText('Monday: opening 18:00 is not before closing 17:00').waitFor();
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText(/Not saved: fix the problem listed above first/).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('deskaid.sla-rules')), null);
    assert.equal(await page.getByLabel('Monday opens at').inputValue(), '18:00', 'the draft stays in the form');
    await expectNoAxeViolations(page, 'rules editor with problems');
    await page.getByLabel('Monday opens at').fill('09:00');

    await page.getByLabel('Cut-off for same-day contact').fill('14:00');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved. The calculator and your queue now use these rules.').waitFor();
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-11T12:00:00-04:00');
    await page.reload();
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-11T12:00:00-04:00');
    assert.match(await page.getByTestId('sla-rules-state').textContent(), /Your own rules are saved/);

    await page.getByRole('button', { name: 'Restore shipped defaults' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=initial-contact-due]')?.getAttribute('datetime') === '2026-03-10T17:00:00-04:00');
    assert.match(await page.getByTestId('sla-rules-state').textContent(), /shipped defaults are in use/);
    await context.close();
  });

  test('rules an older Deskaid kept in the settings record move to their own key and stay in force', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, `type=general&received=2026-03-10T14:30&tz=${NY}`);
    await page.getByLabel('Cut-off for same-day contact').fill('14:00');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved. The calculator and your queue now use these rules.').waitFor();
    // What settings format 1 stored: the theme and the rules in one record.
    await page.evaluate(() => {
      const own = JSON.parse(localStorage.getItem('deskaid.sla-rules')).data.own;
      localStorage.removeItem('deskaid.sla-rules');
      localStorage.setItem('deskaid.settings', JSON.stringify({ version: 1, data: { theme: 'dark', sla: own } }));
    });
    await page.reload();
    assert.equal(await due(page, 'initial-contact-due'), '2026-03-11T12:00:00-04:00');
    assert.match(await page.getByTestId('sla-rules-state').textContent(), /Your own rules are saved/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const stored = await page.evaluate(() => ({
      rules: JSON.parse(localStorage.getItem('deskaid.sla-rules')),
      settings: JSON.parse(localStorage.getItem('deskaid.settings')),
    }));
    assert.equal(stored.rules.data.own.general.cutoff, '14:00');
    assert.deepEqual(stored.settings.data, { theme: 'dark' });
    assert.equal(await page.getByTestId('notice').count(), 0);
    await context.close();
  });

  test('rule edits not saved yet survive a look at another page of the tab', async () => {
    const { context, page } = await openFresh('#/sla');
    await page.fill('#sla-rules-new-holiday', '2026-12-28');
    await page.getByRole('button', { name: 'Add date' }).click();
    assert.match(await page.getByTestId('sla-rules-state').textContent(), /You have unsaved changes/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/quiz'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SLA' }).click();
    await page.getByTestId('sla-rules-state').waitFor();
    assert.match(await page.getByTestId('sla-rules-state').textContent(), /You have unsaved changes/);
    assert.match(await page.getByTestId('sla-holiday-list').textContent(), /2026-12-28/);
    assert.equal(await page.evaluate(() => localStorage.getItem('deskaid.sla-rules')), null);
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved. The calculator and your queue now use these rules.').waitFor();
    // Settings links to them: focus lands on their heading.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Edit the rules and business calendar' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'sla-rules-heading');
    assert.match(await page.getByTestId('sla-rules-state').textContent(), /Your own rules are saved and in use/);
    await context.close();
  });

  test('Settings opens without the rules editor and the content pack, and links to the rules', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(server.base + '#/settings');
    await page.waitForSelector(APP_HEADING);
    await page.waitForLoadState('networkidle');
    assert.equal(fetched.some((path) => path.endsWith('/content/pack.json')), false, 'no content pack for Settings');
    assert.equal(await page.getByTestId('sla-rules-state').count(), 0);
    await page.getByRole('link', { name: 'Edit the rules and business calendar' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'sla-rules-heading');
    assert.match(await page.getByTestId('sla-rules-state').textContent(), /shipped defaults are in use/);
    await expectNoAxeViolations(page, 'the rules, reached from Settings');
    await context.close();
  });

  test('the settings page words the rules for the calculator and the queue', async () => {
    const { context, page } = await openFresh('#/settings');
    const intro = page.getByTestId('sla-rules-intro');
    await intro.waitFor();
    assert.doesNotMatch(await intro.textContent(), /above/);
    assert.match(await intro.textContent(), /The SLA calculator and your queue compute every deadline with these rules\./);
    await context.close();
  });

  test('the US federal holiday preset starts at the year it is in the team\'s zone', async () => {
    // 03:00 UTC on 1 January 2027: still 31 December 2026 in New York, the
    // shipped rules' zone, whatever zone the browser is in.
    const context = await contextAt(browser, { timezoneId: 'Asia/Tokyo' }, new Date('2027-01-01T03:00:00Z'));
    const page = await openApp(context, server.base, '#/sla');
    assert.equal(await page.inputValue('#sla-rules-year'), '2026');
    // A team in Tokyo is in 2027 already.
    await page.fill('#sla-rules-zone', 'Asia/Tokyo');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved. The calculator and your queue now use these rules.').waitFor();
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    assert.equal(await page.inputValue('#sla-rules-year'), '2027');
    await closeClean(context, page);
  });

  test('the US federal holiday preset adds observed dates with their names', async () => {
    const context = await browser.newContext();
    const page = await calculator(context, `type=general&received=2026-07-02T15:30&tz=${NY}`);
    await page.getByLabel('Closed on US federal holidays every year (observed dates)').uncheck();
    await page.fill('#sla-rules-year', '2027');
    assert.match(await page.getByTestId('sla-federal-preview').textContent(), /Independence Day: Mon 5 Jul 2027 \(falls on Sun 4 Jul\)/);
    await page.getByRole('button', { name: 'Add these holidays' }).click();
    const list = page.getByTestId('sla-holiday-list');
    await list.getByText('2027-07-05 — Independence Day, observed').waitFor();
    assert.equal(await list.locator('li').count(), 11);
    await page.getByRole('button', { name: 'Remove 2027-07-05' }).click();
    assert.equal(await list.locator('li').count(), 10);
    await context.close();
  });
});


const caseItem = (page, number) => page.locator(`[data-testid=queue-case][data-case="${number}"]`);

describe('my queue', () => {
  test('required fields are checked inline', async () => {
    const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.locator('#sla-add-number-error').getByText('Enter the case number.').waitFor();
    assert.match(await page.locator('#sla-add-customer-error').textContent(), /Enter the customer's name/);
    assert.equal(await page.locator('#sla-add-number').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('queue-case').count(), 0);
    await context.close();
  });

  test('a case survives a reload; attempts, edits, the end-of-shift check, filters, removal and axe', async () => {
    const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
    await addCase(page, { number: 'Q-100', customer: 'Grace Hopper', received: '2026-03-06T15:01', next: 'Email the customer' });
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    const item = caseItem(page, 'Q-100');
    assert.equal(await item.getByTestId('case-due').getAttribute('datetime'), '2026-03-09T12:00:00-04:00');
    assert.match(await item.textContent(), /Email the customer/);
    assert.match(await item.getByTestId('urgency').textContent(), /Overdue/);

    // End-of-shift warning for a case still in Assigned.
    const warning = page.getByTestId('end-of-shift-warning');
    assert.match(await warning.textContent(), /1 case still in Assigned \(Q-100\)/);
    assert.match(await warning.textContent(), /doc 001, lines 58-59/);

    // Three attempts on different business days with both channels.
    await item.getByText('Contact attempts (0)').click();
    const log = async (channel, when) => {
      await item.getByLabel('Channel').selectOption(channel);
      await item.getByLabel('When').fill(when);
      await item.getByRole('button', { name: 'Log attempt' }).click();
    };
    await log('email', '2026-03-09T10:00');
    await item.getByText('Contact attempts (1)').waitFor();
    assert.match(await item.getByTestId('attempts-report').textContent(), /^Still needed: attempts on 2 more business days, by phone\.$/);
    // With an attempt logged, the next deadline is the resolution.
    assert.equal(await item.getByTestId('case-due').getAttribute('datetime'), '2026-03-12T15:01:00-04:00');
    await log('phone', '2026-03-10T10:00');
    await log('email', '2026-03-11T10:00');
    await item.getByText('Contact attempts (3)').waitFor();
    assert.match(await item.getByTestId('attempts-report').textContent(), /^Rule met: attempts on 3 different business days \(3 needed\), by email and phone\.$/);
    assert.equal(await item.getByTestId('attempt-list').locator('li').count(), 3);

    await addCase(page, { number: 'Q-200', customer: 'Alan Turing', type: 'executive', received: '2026-03-13T16:30', status: 'Acknowledged' });
    assert.equal(await caseItem(page, 'Q-200').getByTestId('case-due').getAttribute('datetime'), '2026-03-13T18:30:00-04:00');
    // Most urgent first: Q-100's resolution (12 Mar) before Q-200's contact (13 Mar).
    const order = await page.getByTestId('queue-case').evaluateAll((els) => els.map((e) => e.dataset.case));
    assert.deepEqual(order, ['Q-100', 'Q-200']);
    await expectNoAxeViolations(page, 'queue with cases');

    // Filters.
    await page.selectOption('#sla-filter-type', 'Executive');
    await page.getByTestId('queue-count').getByText('Showing 1 of 2 cases.').waitFor();
    assert.deepEqual(await page.getByTestId('queue-case').evaluateAll((els) => els.map((e) => e.dataset.case)), ['Q-200']);
    await page.selectOption('#sla-filter-type', '');
    await page.selectOption('#sla-filter-status', 'Assigned');
    await page.getByTestId('queue-count').getByText('Showing 1 of 2 cases.').waitFor();
    assert.deepEqual(await page.getByTestId('queue-case').evaluateAll((els) => els.map((e) => e.dataset.case)), ['Q-100']);
    await page.selectOption('#sla-filter-status', '');

    // Editing the statuses to Pending on clears the end-of-shift warning;
    // Acknowledged is not Pending on either (001 line 59).
    const toPendingOn = async (row) => {
      await row.getByText('Edit status, next action and notes').click();
      await row.getByTestId('edit-status').selectOption('Pending on');
      await row.getByRole('button', { name: 'Save changes' }).click();
    };
    await toPendingOn(item);
    await warning.getByText('1 case still in Acknowledged (Q-200)').waitFor();
    assert.equal(await item.getByTestId('case-status').textContent(), 'Pending on');
    await toPendingOn(caseItem(page, 'Q-200'));
    await page.getByTestId('end-of-shift-ok').waitFor();

    // Remove, then undo.
    await caseItem(page, 'Q-200').getByRole('button', { name: 'Remove case Q-200' }).click();
    await page.getByTestId('queue-count').getByText('1 case.').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('queue-count').getByText('2 cases.').waitFor();
    await closeClean(context, page);
  });

  test('an empty Add case says the fields are marked above and focuses the first', async () => {
    const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.getByTestId('add-case-status').getByText('The case was not added: fix the fields marked above.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'sla-add-number');
    await page.fill('#sla-add-number', 'F-1');
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'sla-add-customer');
    await context.close();
  });

  test('a case received in the future is not added', async () => {
    const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
    await page.fill('#sla-add-number', 'F-2');
    await page.fill('#sla-add-customer', 'Future Customer');
    await page.fill('#sla-add-received', '2099-01-05T10:00');
    await page.getByRole('button', { name: 'Add case' }).click();
    await page.locator('#sla-add-received-error').getByText(/cannot be received in the future/).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'sla-add-received');
    assert.equal(await page.getByTestId('queue-case').count(), 0);
    await context.close();
  });

  test('after Add case the type returns to General with the other fields', async () => {
    const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
    await addCase(page, { number: 'T-1', customer: 'Type Reset', type: 'regulatory', received: '2026-03-06T15:01' });
    assert.equal(await page.locator('#sla-add-type').inputValue(), 'general');
    assert.equal(await page.locator('#sla-add-number').inputValue(), '');
    await context.close();
  });

  test('attempts before receipt or in the future are refused next to When; the zone is named', async () => {
    const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
    await addCase(page, { number: 'A-1', customer: 'Attempt Check', received: '2026-11-20T16:30' });
    const item = caseItem(page, 'A-1');
    await item.getByText('Contact attempts (0)').click();
    assert.match(await item.getByText(/Log each attempt/).textContent(), /America\/New_York/);
    const when = item.getByLabel('When');
    assert.match(await when.getAttribute('aria-describedby'), /-at-hint/);
    await when.fill('2026-11-20T16:29');
    await item.getByRole('button', { name: 'Log attempt' }).click();
    await item.getByText('An attempt cannot be before the case was received (Fri 20 Nov 2026, 16:30 EST).').waitFor();
    assert.equal(await when.getAttribute('aria-invalid'), 'true');
    await when.fill('2099-01-05T10:00');
    await item.getByRole('button', { name: 'Log attempt' }).click();
    await item.getByText('An attempt cannot be in the future.').waitFor();
    assert.equal(await item.getByText('Contact attempts (0)').count(), 1);
    assert.match(await item.getByTestId('attempts-report').textContent(), /^Still needed: attempts on 3 more business days, by email and by phone\.$/);
    await expectNoAxeViolations(page, 'queue with a refused attempt');
    // A Saturday attempt after receipt is logged but named as not counting.
    await when.fill('2026-11-21T10:00');
    await item.getByRole('button', { name: 'Log attempt' }).click();
    await item.getByText('Contact attempts (1)').waitFor();
    assert.match(await item.getByTestId('attempts-report').textContent(), /\(1 attempt on a closed day does not count\)\.$/);
    await context.close();
  });

  test('exports the queue as CSV and the deadlines as iCalendar', async () => {
    const context = await contextAt(browser, { acceptDownloads: true });
    const page = await openApp(context, server.base, '#/queue');
    await addCase(page, { number: 'X-1', customer: 'Comma, "Quoted"', received: '2026-03-06T15:01' });
    await addCase(page, { number: 'X-2', customer: 'Ida', type: 'executive', received: '2026-03-13T16:30' });
    const dir = await mkdtemp(join(tmpdir(), 'deskaid-sla-'));
    const save = async (name) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
    };

    const csv = await save('Export CSV');
    assert.match(csv.name, /^deskaid-queue-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.split('\r\n');
    assert.match(lines[0], /^Case number,Customer,Type,Status,Received,Next deadline,Due/);
    assert.ok(lines[1].startsWith('X-1,"Comma, ""Quoted""",General,Assigned,2026-03-06T15:01:00-05:00,Initial contact,2026-03-09T12:00:00-04:00,'), lines[1]);
    assert.ok(lines[2].startsWith('X-2,Ida,Executive,Assigned,'), lines[2]);

    const ics = await save('Export calendar (.ics)');
    assert.match(ics.name, /^deskaid-queue-\d{4}-\d{2}-\d{2}\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(ics.text));
    const events = calendar.getAllSubcomponents('vevent');
    const starts = Object.fromEntries(events.map((e) => [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('dtstart').toString()]));
    assert.deepEqual(starts, {
      'X-1-initial-contact@deskaid': '2026-03-09T16:00:00Z',
      'X-1-resolution@deskaid': '2026-03-12T19:01:00Z',
      'X-2-initial-contact@deskaid': '2026-03-13T22:30:00Z',
      'X-2-resolution@deskaid': '2026-03-18T20:30:00Z',
    });
    for (const event of events) {
      const alarm = event.getFirstSubcomponent('valarm');
      assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
      assert.equal(alarm.getFirstPropertyValue('trigger').toString(), '-PT30M');
    }
    assert.match(events[0].getFirstPropertyValue('summary'), /case X-1 \(General\) - Comma, "Quoted"/);
    await context.close();
  });

  test('the countdowns tick while the page is open, through due soon to overdue', async () => {
    // TEST_NOW is Monday 30 Nov 2026, 10:00 in New York; the fake clock runs from there.
    const { context, page } = await openFresh('#/queue', { at: TEST_NOW });
    // Received at 09:00, before the 15:00 cut-off: contact is due by 17:00 the same day.
    await addCase(page, { number: 'T-9', customer: 'Tick Tock', received: '2026-11-30T09:00' });
    const item = caseItem(page, 'T-9');
    assert.equal(await item.getByTestId('case-due').getAttribute('datetime'), '2026-11-30T17:00:00-05:00');
    const remaining = () => item.locator('.sla-due .sla-remaining').textContent();
    assert.match(await remaining(), /^\(in (7 h|6 h 5\d min)\)$/);
    assert.equal(await item.getByTestId('urgency').textContent(), 'On track');

    // Half an hour later, with the page open all along.
    await context.clock.runFor(30 * 60 * 1000);
    await item.locator('.sla-remaining', { hasText: /^\(in 6 h (2\d|30) min\)$/ }).waitFor();
    assert.equal(await item.getByTestId('urgency').textContent(), 'On track');

    // Within the 2-hour "due soon" window (content/sla.toml).
    await context.clock.fastForward('05:00:00');
    await item.locator('.sla-remaining', { hasText: /^\(in 1 h (2\d|30) min\)$/ }).waitFor();
    assert.equal(await item.getByTestId('urgency').textContent(), 'Due soon');
    await expectNoAxeViolations(page, 'queue with a case due soon');

    // Past 17:00.
    await context.clock.fastForward('02:00:00');
    await item.locator('.sla-remaining', { hasText: /^\(overdue by 3\d min\)$/ }).waitFor();
    assert.equal(await item.getByTestId('urgency').textContent(), 'Overdue');
    await expectNoAxeViolations(page, 'queue with an overdue case');
    await closeClean(context, page);
  });

  test('the queue fits a 360 px wide screen', async () => {
    const context = await contextAt(browser, { viewport: { width: 360, height: 740 } });
    const page = await openApp(context, server.base, '#/queue');
    await addCase(page, { number: 'A-VERY-LONG-CASE-NUMBER-0000000001', customer: 'Narrow Screen', received: '2026-03-06T15:01' });
    for (const hash of ['#/queue', `#/sla?type=regulatory&received=2026-03-02T10:00&tz=${NY}`]) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.locator(APP_HEADING).getByText(hash === '#/queue' ? 'My queue' : 'SLA calculator').waitFor();
      await afterPaint(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${hash} scrolls sideways by ${overflow}px`);
    }
    await context.close();
  });
});
