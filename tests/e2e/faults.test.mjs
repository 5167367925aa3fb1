// Fault injection: one scripted session (a walk with notes, cases added and
// edited, an attempt logged, questions answered, a rule changed, a bank
// imported) run once per write position N, with localStorage refusing the
// Nth write of a Deskaid key and every write after it (QuotaExceededError).
// After each run the failure must have been announced in the page where it
// happened, and a reload must start the app with every change made before
// the failure in storage.
//
// Deterministic despite the half-second write interval: the page's clock is
// paused during the session (a change either is written at once, after a
// quiet spell, or waits), and each step ends with the `pagehide` a closing
// page gets (every waiting write happens then), a second on the clock (what
// the step left to animation frames and timers runs, and the next step
// starts after a quiet spell) and `pagehide` again. So the writes, and which
// step each belongs to, are the same on any machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCase, APP_HEADING, browser, closeClean, contextAt, expectNoAxeViolations, openApp, server, TEST_NOW, useServerAndBrowser } from './harness.mjs';

/** What the notices call each stored concern (`Persist::LABEL`). */
const LABELS = {
  'deskaid.settings': 'settings',
  'deskaid.sla-rules': 'SLA rules',
  'deskaid.walks': 'escalation walks',
  'deskaid.queue': 'case queue',
  'deskaid.quiz': 'quiz progress',
  'deskaid.quiz-bank': 'custom question bank',
};

/** A small custom bank, imported by the last step. */
const BANK = {
  topics: [{ id: 'onboarding', title: 'Onboarding basics' }],
  questions: [
    { id: 'b-single', topic: 'onboarding', kind: 'single', prompt: 'Which colour is the escalation badge?',
      choices: [{ id: 'red', text: 'Red' }, { id: 'blue', text: 'Blue' }],
      correct: ['red'], explanation: 'Red marks escalations.' },
    { id: 'b-fill', topic: 'onboarding', kind: 'fill-in', prompt: 'Which tool holds the case notes?',
      accepted: ['Case Tracker'], explanation: 'Notes live in Case Tracker.' },
  ],
};
let bankPath;

useServerAndBrowser(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'deskaid-faults-'));
  bankPath = join(dir, 'bank.json');
  await writeFile(bankPath, JSON.stringify(BANK));
});

/**
 * Installed in the page before the app: counts the writes of Deskaid keys to
 * localStorage and, from the `failAt`th on (none when 0), throws the
 * browser's quota error instead of writing. Records the script step under way
 * (`window.__step`, set by the test) and the key at the first failure.
 */
function injectFault({ failAt }) {
  const setItem = Storage.prototype.setItem;
  const faults = { failAt, writes: [], failedStep: null, failedKey: null };
  window.__faults = faults;
  window.__step = -1;
  Storage.prototype.setItem = function (key, value) {
    if (this === window.localStorage && String(key).startsWith('deskaid.')) {
      faults.writes.push([window.__step, String(key)]);
      if (failAt > 0 && faults.writes.length >= failAt) {
        if (faults.failedStep === null) {
          faults.failedStep = window.__step;
          faults.failedKey = String(key);
        }
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    }
    return setItem.call(this, key, value);
  };
}

const mainNav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
const caseItem = (page, number) => page.locator(`[data-testid=queue-case][data-case="${number}"]`);
const walkOf = (stored) => stored['deskaid.walks']?.data.by_flow.leadership;
const caseOf = (stored, number) => stored['deskaid.queue']?.data.cases.find((c) => c.number === number);
async function choose(page, label, next) {
  await page.locator('.esc-choices').getByRole('button', { name: label, exact: true }).click();
  await page.locator('.esc-step h2', { hasText: next }).waitFor();
}
/** Answers the quiz question on screen with its first option, and submits. */
async function answerFirstOption(page, seen) {
  seen.push(await page.locator('.quiz-card').getAttribute('data-question-id'));
  await page.locator('#quiz-option-0').check();
  await page.getByTestId('quiz-primary').click();
  await page.getByTestId('quiz-feedback').waitFor();
}

/**
 * The session, step by step: what the user does (`run`, through the UI) and
 * what storage holds once the step's change is saved (`saved`, on the parsed
 * envelopes of every key; nothing a later step does undoes it). `seen`
 * collects the quiz questions answered.
 */
const STEPS = [
  {
    name: 'start the leadership escalation walk',
    run: async (page) => {
      await mainNav(page, 'Escalation');
      await page.locator('.esc-flow-card[data-flow="leadership"]').getByRole('link', { name: 'Start this flow' }).click();
      await page.locator('.esc-step h2', { hasText: 'Did the customer ask for leadership' }).waitFor();
    },
    saved: (stored) => assert.ok(walkOf(stored), 'the leadership walk is stored'),
  },
  {
    name: 'answer the first step of the walk',
    run: (page) => choose(page, 'Yes, the customer asked to escalate', 'Does the concern qualify for additional review?'),
    saved: (stored) => assert.ok(walkOf(stored)?.visits.length >= 2, 'the walk has its second step'),
  },
  {
    name: 'answer the second step of the walk',
    run: (page) => choose(page, 'No qualifier applies', 'Try to de-escalate'),
    saved: (stored) => assert.ok(walkOf(stored)?.visits.some((v) => v.step === 'de-escalate'), 'the walk reached de-escalation'),
  },
  {
    name: 'write a note on the walk',
    run: (page) => page.getByLabel('How did the customer respond? (optional)').fill('Calmer after an apology'),
    saved: (stored) => assert.ok(walkOf(stored)?.visits.some((v) => v.note === 'Calmer after an apology'), 'the note is stored'),
  },
  {
    name: 'add a case',
    run: async (page) => {
      await mainNav(page, 'SLA');
      await page.getByRole('navigation', { name: 'SLA tools' }).getByRole('link', { name: 'My queue' }).click();
      await page.locator(APP_HEADING, { hasText: 'My queue' }).waitFor();
      await addCase(page, { number: 'F-1', customer: 'Fault One', received: '2026-11-30T09:00', next: 'Email the customer' });
    },
    saved: (stored) => assert.equal(caseOf(stored, 'F-1')?.customer, 'Fault One'),
  },
  {
    name: 'add a second case',
    run: (page) => addCase(page, { number: 'F-2', customer: 'Fault Two', type: 'executive', received: '2026-11-30T08:30' }),
    saved: (stored) => assert.equal(caseOf(stored, 'F-2')?.case_type, 'executive'),
  },
  {
    name: 'edit the first case',
    run: async (page) => {
      const item = caseItem(page, 'F-1');
      await item.getByText('Edit status, next action and notes').click();
      await item.getByTestId('edit-status').selectOption('Pending on');
      await item.getByLabel('Next action').fill('Call back after the review');
      await item.getByRole('button', { name: 'Save changes' }).click();
      await item.getByTestId('case-status').getByText('Pending on').waitFor();
    },
    saved: (stored) => {
      assert.equal(caseOf(stored, 'F-1')?.status, 'pending_on');
      assert.equal(caseOf(stored, 'F-1')?.next_action, 'Call back after the review');
    },
  },
  {
    name: 'log a contact attempt',
    run: async (page) => {
      const item = caseItem(page, 'F-1');
      await item.getByText('Contact attempts (0)').click();
      await item.getByLabel('Channel').selectOption('phone');
      await item.getByLabel('When').fill('2026-11-30T09:30');
      await item.getByRole('button', { name: 'Log attempt' }).click();
      await item.getByText('Contact attempts (1)').waitFor();
    },
    saved: (stored) => {
      const attempts = caseOf(stored, 'F-1')?.attempts ?? [];
      assert.deepEqual(attempts.map((a) => [a.channel, Date.parse(a.at)]), [['phone', Date.parse('2026-11-30T14:30:00Z')]]);
    },
  },
  {
    name: 'start a practice quiz from a trainer\'s link and answer the first question',
    run: async (page, seen) => {
      await page.goto(`${server.base}#/quiz?mode=practice&topics=deadlines&count=2&seed=3`);
      await page.getByTestId('quiz-linked').getByRole('button', { name: 'Start the quiz' }).click();
      await page.locator('#quiz-question-heading').getByText('Question 1 of 2').waitFor();
      await answerFirstOption(page, seen);
    },
    saved: (stored, seen) => assert.ok(seen[0] in (stored['deskaid.quiz']?.data.progress.questions ?? {}), `question ${seen[0]} is stored as answered`),
  },
  {
    name: 'answer the second question and finish',
    run: async (page, seen) => {
      await page.getByTestId('quiz-primary').click();
      await page.locator('#quiz-question-heading').getByText('Question 2 of 2').waitFor();
      await answerFirstOption(page, seen);
      await page.getByTestId('quiz-primary').click();
      await page.getByTestId('quiz-score').waitFor();
    },
    saved: (stored, seen) => assert.ok(seen[1] in (stored['deskaid.quiz']?.data.progress.questions ?? {}), `question ${seen[1]} is stored as answered`),
  },
  {
    name: 'change an SLA rule beside the calculator',
    run: async (page) => {
      await mainNav(page, 'SLA');
      await page.getByLabel('Cut-off for same-day contact').fill('14:00');
      await page.getByRole('button', { name: 'Save rules' }).click();
      await page.getByText('Saved. The calculator and your queue now use these rules.').waitFor();
    },
    saved: (stored) => assert.equal(stored['deskaid.sla-rules']?.data.own?.general.cutoff, '14:00'),
  },
  {
    name: 'import a question bank on the quiz start screen',
    run: async (page) => {
      await mainNav(page, 'Quiz');
      // The quiz just finished still shows its results.
      await page.getByRole('button', { name: 'New quiz' }).click();
      await page.getByLabel('Import a question bank (JSON)').setInputFiles(bankPath);
      await page.getByTestId('quiz-bank-in-use').getByText('A custom question bank: 2 questions in 1 topic.').waitFor();
    },
    saved: (stored) => {
      const json = stored['deskaid.quiz-bank']?.data.json;
      assert.ok(json, 'a custom bank is stored');
      assert.deepEqual(JSON.parse(json), BANK);
    },
  },
];

/** The page's `window.__faults`. */
const faultsOf = (page) => page.evaluate(() => window.__faults);

/**
 * Runs the session with the `failAt`th write failing (0: none), then checks
 * it as the file's header says. Returns the writes the page attempted and
 * the step the failure happened in.
 */
async function runSession(failAt, { axe = false } = {}) {
  const context = await contextAt(browser);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error)));
  await page.addInitScript(injectFault, { failAt });
  await page.goto(server.base + '#/');
  await page.waitForSelector(APP_HEADING);
  await context.clock.pauseAt(new Date(TEST_NOW.getTime() + 60_000));
  const seen = [];
  let failed = null;
  for (const [index, step] of STEPS.entries()) {
    await page.evaluate((index) => {
      window.__step = index;
    }, index);
    await step.run(page, seen);
    // What a closing page gets: every write still waiting happens now. Then
    // a second passes, so what the step left for a later animation frame or
    // timer happens too (with its writes), and the page gets it once more.
    const hide = () => page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await hide();
    await context.clock.runFor(1000);
    await hide();
    if (failed === null) {
      const faults = await faultsOf(page);
      if (faults.failedStep !== null) {
        failed = { step: faults.failedStep, key: faults.failedKey };
        // Announced in this page, naming what was not saved.
        const notice = page.getByTestId('notice').filter({ hasText: `Your ${LABELS[failed.key]} could not be saved` });
        await notice.first().waitFor();
        assert.match(await notice.first().textContent(), /could not be saved/);
      }
    }
  }
  const { writes } = await faultsOf(page);
  if (failAt === 0) assert.equal(await page.getByTestId('notice').filter({ hasText: 'could not be saved' }).count(), 0);
  else assert.ok(failed, `write ${failAt} of ${writes.length} failed`);
  await context.clock.resume();
  if (axe) {
    // axe-core waits on timers, so it runs once the clock runs again.
    await page.getByTestId('notice').filter({ hasText: 'could not be saved' }).first().waitFor();
    await expectNoAxeViolations(page, `the notice of a failed write (${failed.key})`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();

  // The reload: a new page, without the fault.
  const reloaded = await openApp(context, server.base, '#/');
  const stored = await reloaded.evaluate((keys) => Object.fromEntries(keys.map((key) => [key, JSON.parse(localStorage.getItem(key))])), Object.keys(LABELS));
  assert.equal(await reloaded.getByTestId('notice').filter({ hasText: 'could not be read' }).count(), 0, 'what was stored reads back');
  const before = failed === null ? STEPS.length : failed.step;
  for (const step of STEPS.slice(0, before)) {
    try {
      step.saved(stored, seen);
    } catch (error) {
      error.message = `after a failure at write ${failAt} (${failed?.key}, step "${STEPS[failed?.step]?.name}"), the change of step "${step.name}" is not in storage: ${error.message}`;
      throw error;
    }
  }
  await closeClean(context, reloaded);
  return { writes, failed };
}

test('a write refused at any point of a session is announced there, and every change before it is in storage after a reload', async () => {
  const started = Date.now();
  const { writes } = await runSession(0);
  const positions = writes.length;
  const perStep = STEPS.map((step, index) => `${step.name}: ${writes.filter(([s]) => s === index).length}`);
  console.log(`fault injection: the session writes ${positions} times (${writes.filter(([s]) => s < 0).length} while starting; ${perStep.join(', ')})`);
  assert.ok(positions >= STEPS.length, 'every step writes');
  for (let failAt = 1; failAt <= positions; failAt += 1) {
    const runStarted = Date.now();
    const { writes: attempted, failed } = await runSession(failAt, { axe: failAt === 1 });
    console.log(`fault injection: write ${failAt} (${failed.key}, step ${failed.step}) refused; run took ${((Date.now() - runStarted) / 1000).toFixed(1)} s`);
    // The same session writes the same keys in the same order each run.
    assert.deepEqual(attempted.slice(0, failAt - 1), writes.slice(0, failAt - 1));
    assert.deepEqual([failed.step, failed.key], writes[failAt - 1]);
  }
  console.log(`fault injection: tried ${positions} write positions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
