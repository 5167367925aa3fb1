// The training quiz: practice feedback, exams from trainer links, reload
// mid-exam, time limits, review of missed questions, FSRS spaced review on a
// fake clock, custom banks through files and links, keyboard answering, and
// axe-core on every view.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerRightFrom, APP_HEADING, browser, closeClean, contextAt, expectNoAxeViolations, openApp, openFresh, option, questionOnScreen, server, TEST_NOW, textOf, useServerAndBrowser } from './harness.mjs';

let dir;
/** The shipped bank, as exported through the UI. */
let shipped;

useServerAndBrowser(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskaid-quiz-'));
  const { context, page } = await openFresh('#/quiz', { acceptDownloads: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this bank' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'deskaid-question-bank.json');
  const path = join(dir, 'shipped.json');
  await download.saveAs(path);
  shipped = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(shipped.questions.length, 90);
  // Written out by hand from content/questions/q001.toml (001 lines 7-8), so
  // the export is checked against more than the content it was made from.
  const regulatory = shipped.questions.find((q) => q.id === 'q001-regulatory-case-definition');
  assert.equal(regulatory.prompt, 'What is a Regulatory case?');
  assert.deepEqual(regulatory.correct, ['formal-complaint']);
  assert.equal(regulatory.choices.find((c) => c.id === 'formal-complaint').text, 'A formal customer complaint filed against the company');
  await context.close();
});

/** The question on screen, looked up in `bank` (default: the shipped one). */
const currentQuestion = (page, bank = shipped) => questionOnScreen(page, bank);

/** Gives the right answer to the question on screen (not yet submitted). */
const answerRight = (page, bank = shipped) => answerRightFrom(page, bank);

/** Gives a wrong answer to the question on screen (not yet submitted). */
async function answerWrong(page, bank = shipped) {
  const q = await currentQuestion(page, bank);
  if (q.kind === 'fill-in') {
    await page.locator('#quiz-fill').fill('certainly not this');
  } else if (q.kind !== 'ordering') {
    const wrong = q.choices.find((c) => !q.correct.includes(c.id));
    await (await option(page, wrong.text)).check();
  }
  return q;
}

const primary = (page) => page.getByTestId('quiz-primary');
/** Presses Start on the screen a trainer's link opens. */
const startFromLink = (page) =>
  page.getByTestId('quiz-linked').getByRole('button', { name: /^Start the (new )?quiz$/ }).click();
const heading = (page) => page.locator('#quiz-question-heading');
/** Sets the options to an exam on the deadlines topic alone, of `count` questions with `seed`. */
async function chooseDeadlinesExam(page, count, seed) {
  await page.getByLabel('Exam').check();
  await page.getByRole('button', { name: 'Select none' }).click();
  await page.getByLabel('Contact and resolution deadlines (8)').check();
  await page.getByLabel('Number of questions').fill(count);
  await page.getByLabel('Seed (optional)').fill(seed);
}
/** Opens a trainer's link on a fresh page and presses Start. */
async function openStarted(hash) {
  const opened = await openFresh(hash);
  await startFromLink(opened.page);
  await opened.page.waitForSelector('#quiz-question-heading');
  return opened;
}

describe('practice', () => {
  test('a right answer and a wrong one get feedback, then the results', async () => {
    const { context, page } = await openFresh('#/quiz');
    await expectNoAxeViolations(page, 'start screen');
    await page.goto(`${server.base}#/quiz?mode=practice&topics=deadlines&count=2&seed=3`);
    await startFromLink(page);
    await page.waitForSelector('#quiz-question-heading');
    assert.equal(await heading(page).textContent(), 'Question 1 of 2');
    assert.match(await page.getByTestId('pack-note').textContent(), /^Content pack: Homeowner support: escalations, SLAs and training, version 1 of /);
    await expectNoAxeViolations(page, 'a practice question');

    const first = await answerRight(page);
    await primary(page).click();
    const feedback = page.getByTestId('quiz-feedback');
    assert.match(await feedback.textContent(), /Correct/);
    assert.ok((await feedback.textContent()).includes(first.explanation));
    assert.match(await feedback.textContent(), /Source: doc \d{3}/);
    await expectNoAxeViolations(page, 'feedback (correct)');

    await primary(page).click();
    assert.equal(await heading(page).textContent(), 'Question 2 of 2');
    // Focus moves to the new question's heading.
    await page.waitForFunction(() => document.activeElement?.id === 'quiz-question-heading', null, { timeout: 2000 });
    const second = await answerWrong(page);
    await primary(page).click();
    assert.match(await feedback.textContent(), second.kind === 'ordering' ? /Partly right|Incorrect/ : /Incorrect/);
    assert.match(await feedback.textContent(), /Right answer:/);
    await expectNoAxeViolations(page, 'feedback (incorrect)');

    await primary(page).click();
    const score = page.getByTestId('quiz-score');
    await score.waitFor();
    assert.match(await score.textContent(), /2 answered of 2 questions/);
    await expectNoAxeViolations(page, 'practice results');
    await closeClean(context, page);
  });

  test('keyboard: a number key chooses an option and Enter checks and continues', async () => {
    const context = await browser.newContext();
    // Find a single-choice question: try seeds until one comes first.
    const page = await openApp(context, server.base, '#/quiz');
    let q;
    for (let seed = 1; seed < 40; seed += 1) {
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${server.base}#/quiz?mode=practice&topics=deadlines&count=1&seed=${seed}`);
      await page.reload();
      await startFromLink(page);
      await page.waitForSelector('#quiz-question-heading');
      q = await currentQuestion(page);
      if (q.kind === 'single') break;
    }
    assert.equal(q.kind, 'single');
    const texts = await page.locator('.quiz-option label span:nth-child(2)').allTextContents();
    const number = texts.indexOf(textOf(q, q.correct[0])) + 1;
    await heading(page).focus();
    await page.keyboard.press(String(number));
    assert.equal(await page.locator(`#quiz-option-${number - 1}`).isChecked(), true);
    await page.keyboard.press('Enter');
    assert.match(await page.getByTestId('quiz-feedback').textContent(), /Correct/);
    await page.keyboard.press('Enter');
    await page.getByTestId('quiz-score').waitFor();
    assert.match(await page.getByTestId('quiz-score').textContent(), /100%/);
    await context.close();
  });

  test('review missed asks only the questions answered wrong', async () => {
    const { context, page } = await openFresh('#/quiz');
    await page.goto(`${server.base}#/quiz?mode=practice&topics=deadlines&count=3&seed=11`);
    await startFromLink(page);
    await page.waitForSelector('#quiz-question-heading');
    const missed = [];
    for (let i = 0; i < 3; i += 1) {
      const q = i === 1 ? await answerRight(page) : await answerWrong(page);
      if (i !== 1) missed.push(q.id);
      await primary(page).click();
      await page.getByTestId('quiz-feedback').waitFor();
      await primary(page).click();
    }
    await page.getByTestId('quiz-score').waitFor();
    await page.getByRole('button', { name: 'Review missed' }).click();
    assert.equal(await heading(page).textContent(), 'Question 1 of 2');
    const asked = [];
    for (let i = 0; i < 2; i += 1) {
      asked.push((await answerRight(page)).id);
      await primary(page).click();
      assert.match(await page.getByTestId('quiz-feedback').textContent(), /Correct/);
      await primary(page).click();
    }
    assert.deepEqual(asked.sort(), missed.sort());
    await page.getByTestId('quiz-score').waitFor();
    // Everything is right now: the start screen says there is nothing to review.
    await page.getByRole('button', { name: 'New quiz' }).click();
    await page.getByLabel('Review missed').check();
    assert.match(await page.locator('.quiz-mode-note').textContent(), /Nothing to review/);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    assert.match(await page.getByTestId('quiz-start-error').textContent(), /No missed questions to review/);
    await context.close();
  });
});

/** `TEST_NOW` plus `minutes`. */
const minutesAfterNow = (minutes) => new Date(TEST_NOW.getTime() + minutes * 60_000);

/** Checks the answer on screen and waits for its feedback. */
async function check(page) {
  await primary(page).click();
  await page.getByTestId('quiz-feedback').waitFor();
}

/** The rows of the review schedule: [prompt, next review]. */
async function reviewSchedule(page) {
  return page.locator('.quiz-schedule tbody tr').evaluateAll((rows) =>
    rows.map((row) => [row.cells[0].textContent, row.cells[3].textContent]));
}

/**
 * The next reviews after the spaced review below, worked out by hand from
 * FSRS's default weights (rs-fsrs 1.2.1: w0 = 0.4072, w2 = 3.1262,
 * w17 = 0.5034, w18 = 0.6567) at 90% retention, where the interval in days is
 * the stability rounded. A learning card answered right graduates with
 * stability S * e^(w17 * w18) = S * 1.392: after a wrong first answer
 * 0.4072 * 1.392 = 0.57, so 1 day; after a right one 3.1262 * 1.392 = 4.35, so
 * 4 days (as in src/domain/quiz/schedule.rs, right then right: 4 days).
 */
const NEXT_REVIEWS = [
  'Next review of this question: 3 Dec 2026, 16:00',
  'Next review of this question: 6 Dec 2026, 16:00',
  'Next review of this question: 6 Dec 2026, 16:00',
];

describe('spaced review (FSRS)', () => {
  test('answers schedule their questions; days later the due ones come back most overdue first, each with its next review', async () => {
    // Browser times in UTC, so the dates on screen read as the clock's.
    const context = await contextAt(browser, { timezoneId: 'UTC' });
    const page = await openApp(context, server.base, '#/quiz?mode=practice&topics=deadlines&count=3&seed=3');
    await startFromLink(page);
    await page.waitForSelector('#quiz-question-heading');
    // While answers are given the clock stands still and moves only when the
    // test moves it, so every answer is given at a known minute. (axe waits
    // on timers, so it runs only while the clock runs.)
    await context.clock.pauseAt(new Date('2026-11-30T15:10:00Z'));

    // Practice on 30 Nov 2026: right at 15:10, wrong at 15:11, right at 15:12.
    const first = await answerRight(page);
    await check(page);
    await primary(page).click();
    await context.clock.runFor(60_000);
    const second = await answerWrong(page);
    await check(page);
    await primary(page).click();
    await context.clock.runFor(60_000);
    const third = await answerRight(page);
    await check(page);
    // Seed 3 asks these three (content/questions/q001.toml).
    assert.deepEqual([first.id, second.id, third.id], ['q001-resolution-times', 'q001-initial-contact-executive', 'q001-initial-contact-general-after-3pm']);
    await primary(page).click();
    await page.getByTestId('quiz-score').waitFor();
    await page.getByRole('button', { name: 'New quiz' }).click();

    // FSRS short-term steps: a right answer comes back 10 minutes later, a
    // wrong one after 1 minute (src/domain/quiz/schedule.rs); soonest first.
    await page.getByText(/^Review schedule \(3 questions\)$/).click();
    assert.deepEqual(await reviewSchedule(page), [
      ['What is the initial contact time for an Executive case?', '30 Nov 2026, 15:12'],
      ['How much time are you given to resolve each case type? Select every true statement.', '30 Nov 2026, 15:20'],
      ['A General case reaches you at 4:15pm on a Tuesday (a business day, and Wednesday is one too). By when must initial contact be made?', '30 Nov 2026, 15:22'],
    ]);
    // At 15:12 the wrong answer's question is already due again.
    assert.match(await page.getByTestId('quiz-stats').textContent(), /Questions seen3 of 90.*Due for review1 question/s);
    await context.clock.resume();
    await expectNoAxeViolations(page, 'start screen with a review schedule');

    // Two days later all three are due.
    await context.clock.fastForward('48:00:00');
    await page.reload();
    await page.waitForSelector(APP_HEADING);
    await page.getByTestId('quiz-stats').waitFor();
    assert.match(await page.getByTestId('quiz-stats').textContent(), /Due for review3 questions/);
    await page.getByLabel('Spaced review').check();
    assert.equal(await page.locator('.quiz-mode-note').textContent(), '3 questions due for review now, 87 not seen yet; an empty count asks 20.');
    await page.getByRole('button', { name: 'Select none' }).click();
    await page.getByLabel('Contact and resolution deadlines (8)').check();
    await page.getByLabel('Number of questions').fill('3');
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.waitForSelector('#quiz-question-heading');
    assert.match(await page.locator('.quiz-meta').textContent(), /^Spaced review/);
    await expectNoAxeViolations(page, 'a spaced review question');

    // Most overdue first: the wrong answer's question, then the others by
    // due time (not the order they were practised in). All three answered
    // right at 16:00 on 2 December.
    await context.clock.pauseAt(new Date('2026-12-02T16:00:00Z'));
    const asked = [];
    const nextReviews = [];
    for (let i = 0; i < 3; i += 1) {
      if (i > 0) await primary(page).click();
      assert.equal(await heading(page).textContent(), `Question ${i + 1} of 3`);
      asked.push((await answerRight(page)).id);
      await check(page);
      assert.match(await page.getByTestId('quiz-feedback').textContent(), /Correct/);
      nextReviews.push(await page.getByTestId('quiz-next-review').textContent());
    }
    assert.deepEqual(asked, [second.id, first.id, third.id]);
    assert.deepEqual(nextReviews, NEXT_REVIEWS);
    await context.clock.resume();
    await expectNoAxeViolations(page, 'spaced review feedback with the next review');
    await primary(page).click();
    await page.getByTestId('quiz-score').waitFor();
    await page.getByRole('button', { name: 'New quiz' }).click();
    assert.match(await page.getByTestId('quiz-stats').textContent(), /Due for review0 questions/);
    await closeClean(context, page);
  });
});

describe('exams', () => {
  test('a trainer link starts the exam; a reload keeps the question and answers; the score is shown', async () => {
    const { context, page } = await openFresh('#/quiz?mode=exam&topics=deadlines&count=3&seed=7&pass=80');
    await startFromLink(page);
    await page.waitForSelector('#quiz-question-heading');
    assert.equal(await heading(page).textContent(), 'Question 1 of 3');
    assert.equal(await page.getByTestId('quiz-feedback').count(), 0);
    await answerRight(page);
    await primary(page).click();
    assert.equal(await heading(page).textContent(), 'Question 2 of 3');
    const second = await answerRight(page);
    await expectNoAxeViolations(page, 'an exam question');

    await page.reload();
    await page.waitForSelector('#quiz-question-heading');
    assert.equal(await heading(page).textContent(), 'Question 2 of 3');
    assert.equal((await currentQuestion(page)).id, second.id);
    // Seed 7 puts a choice question second, so the restored ticks can be read.
    assert.ok(['single', 'multiple'].includes(second.kind), `question 2 is ${second.kind}: pick a seed where it is a choice question`);
    for (const id of second.correct) assert.equal(await (await option(page, textOf(second, id))).isChecked(), true);
    await page.getByRole('button', { name: 'Back' }).click();
    assert.equal(await heading(page).textContent(), 'Question 1 of 3');
    await primary(page).click();
    await primary(page).click();
    assert.equal(await heading(page).textContent(), 'Question 3 of 3');
    assert.equal(await primary(page).textContent(), 'Finish exam');
    await primary(page).click();
    // One question unanswered: the exam asks first.
    await page.getByRole('button', { name: 'Keep answering' }).click();
    await answerRight(page);
    await primary(page).click();
    const score = page.getByTestId('quiz-score');
    await score.waitFor();
    assert.match(await score.textContent(), /100%/);
    assert.match(await score.textContent(), /Passed \(pass mark 80%\)/);
    assert.equal(await page.locator('.quiz-review-list li').count(), 3);
    await expectNoAxeViolations(page, 'exam results');

    await page.getByRole('button', { name: 'New quiz' }).click();
    const history = page.getByTestId('quiz-exam-history');
    assert.match(await history.textContent(), /100%.*80%.*Passed/s);
    await closeClean(context, page);
  });

  test('exam results cite each question\'s source, wrong answers included, as practice feedback does', async () => {
    const { context, page } = await openStarted('#/quiz?mode=exam&topics=deadlines&count=2&seed=7');
    const first = await answerWrong(page);
    await primary(page).click();
    const second = await answerWrong(page);
    await primary(page).click();
    await page.getByTestId('quiz-score').waitFor();
    const items = page.locator('.quiz-review-list li');
    assert.equal(await items.count(), 2);
    for (const [i, q] of [first, second].entries()) {
      const item = items.nth(i);
      assert.ok((await item.textContent()).includes(q.prompt));
      assert.match(await item.locator('.source-ref').textContent(), new RegExp(`^Source: doc ${q.source.doc}, lines? ${q.source.lines} \\(`));
      if (q.link) assert.equal(await item.getByRole('link').count(), 1, `${q.id} links to what it trains`);
    }
    await expectNoAxeViolations(page, 'exam results with sources');
    await closeClean(context, page);
  });

  test('the trainer link follows the options and starts exactly that exam', async () => {
    const { context, page } = await openFresh('#/quiz');
    await page.getByLabel('Exam').check();
    await page.getByRole('button', { name: 'Select none' }).click();
    assert.match(await page.locator('#quiz-topics-error').textContent(), /Choose at least one topic/);
    await page.getByLabel('Contact and resolution deadlines (8)').check();
    await page.getByLabel('Number of questions').fill('3');
    await page.getByLabel('Number of questions').fill('3');
    const unseeded = await page.getByTestId('quiz-trainer-link').textContent();
    const picked = /&seed=(\d+)(&|$)/.exec(unseeded)?.[1];
    assert.ok(picked, unseeded);
    assert.match(await page.getByTestId('quiz-link-seed').textContent(), new RegExp(`uses seed ${picked}\\.`));
    await page.getByLabel('Seed (optional)').fill('7');
    await page.getByLabel('Pass mark (%)').fill('150');
    assert.match(await page.locator('#quiz-pass-error').textContent(), /from 1 to 100/);
    await page.getByLabel('Pass mark (%)').fill('90');
    await page.getByLabel('Time limit (minutes, optional)').fill('20');
    const link = await page.getByTestId('quiz-trainer-link').textContent();
    assert.equal(link, `${server.base}#/quiz?mode=exam&topics=deadlines&count=3&seed=7&pass=90&time=20`);
    await expectNoAxeViolations(page, 'start screen, exam options');

    const learner = await browser.newContext();
    const other = await openApp(learner, server.base, link.slice(server.base.length));
    // The link states the quiz and waits for Start; the clock has not started.
    await other.getByTestId('quiz-linked').waitFor();
    assert.equal(
      await other.getByTestId('quiz-linked-spec').textContent(),
      'Exam: 3 questions on Contact and resolution deadlines, time limit 20 minutes, pass mark 90%, seed 7',
    );
    assert.equal(await other.locator('.quiz-timer').count(), 0);
    assert.equal(new URL(other.url()).hash, link.slice(link.indexOf('#')));
    await expectNoAxeViolations(other, 'a quiz link before Start');
    await startFromLink(other);
    await other.waitForSelector('#quiz-question-heading');
    assert.equal(new URL(other.url()).hash, '#/quiz');
    assert.equal(await heading(other).textContent(), 'Question 1 of 3');
    assert.match(await other.locator('.quiz-timer').textContent(), /Time remaining: (19|20) min/);
    await learner.close();
    await context.close();
  });

  test('a count the topics cannot fill is said as it is typed, and a link asking too much says what Start will do', async () => {
    const { context, page } = await openFresh('#/quiz');
    await chooseDeadlinesExam(page, '10', '7');
    assert.equal(
      await page.getByTestId('quiz-shortfall').textContent(),
      '10 questions asked for but the chosen topics have only 8, so the quiz asks all 8. The trainer link asks for 8 too.',
    );
    assert.equal(await page.getByTestId('quiz-trainer-link').textContent(), `${server.base}#/quiz?mode=exam&topics=deadlines&count=8&seed=7`);
    await expectNoAxeViolations(page, 'start screen, a count the topics cannot fill');
    await page.getByLabel('Number of questions').fill('8');
    assert.equal(await page.getByTestId('quiz-shortfall').textContent(), '');

    // A link made by hand (or for another bank) asking 10 of the 8.
    await page.goto(`${server.base}#/quiz?mode=exam&topics=deadlines&count=10&seed=7`);
    await page.getByTestId('quiz-linked').waitFor();
    assert.equal(
      await page.getByTestId('quiz-linked-shortfall').textContent(),
      'This link asks for 10 questions but the chosen topics have only 8 in the question bank in use, so the exam asks all 8.',
    );
    assert.match(await page.getByTestId('quiz-linked-spec').textContent(), /^Exam: 8 questions on Contact and resolution deadlines/);
    await expectNoAxeViolations(page, 'a link asking more than its topics hold');
    await startFromLink(page);
    await page.waitForSelector('#quiz-question-heading');
    assert.equal(await heading(page).textContent(), 'Question 1 of 8');
    assert.match(await page.locator('.quiz-meta').textContent(), /^Exam/);
    assert.equal(await page.getByTestId('quiz-link-error').count(), 0);
    await closeClean(context, page);
  });

  test('with no seed typed, the trainer\'s own Start asks what the link asks, and the link keeps its seed when the form is drawn again', async () => {
    const { context, page } = await openFresh('#/quiz');
    await page.getByLabel('Exam').check();
    await page.getByLabel('Number of questions').fill('3');
    const link = await page.getByTestId('quiz-trainer-link').textContent();
    const seed = /&seed=(\d+)(&|$)/.exec(link)?.[1];
    assert.ok(seed, link);
    assert.match(await page.getByTestId('quiz-link-seed').textContent(), new RegExp(`Start, like this link, uses seed ${seed}\\.`));
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.waitForSelector('#quiz-question-heading');
    const previewed = [];
    for (let i = 0; i < 3; i += 1) {
      if (i > 0) await primary(page).click();
      previewed.push((await currentQuestion(page)).id);
    }
    // The start screen is drawn again: the link keeps its seed.
    await page.getByRole('button', { name: 'Pause and go to the start screen' }).click();
    const again = await page.getByTestId('quiz-trainer-link').textContent();
    assert.equal(/&seed=(\d+)(&|$)/.exec(again)?.[1], seed, again);
    await expectNoAxeViolations(page, 'start screen after a pause');

    const learner = await browser.newContext();
    const other = await openApp(learner, server.base, link.slice(server.base.length));
    await startFromLink(other);
    await other.waitForSelector('#quiz-question-heading');
    const asked = [];
    for (let i = 0; i < 3; i += 1) {
      if (i > 0) await primary(other).click();
      asked.push((await currentQuestion(other)).id);
    }
    assert.deepEqual(asked, previewed);
    await learner.close();
    await closeClean(context, page);
  });

  test('pausing keeps the quiz set-up, whether it came from the options or from a link', async () => {
    const { context, page } = await openFresh('#/quiz');
    await chooseDeadlinesExam(page, '3', '7');
    await page.getByLabel('Pass mark (%)').fill('90');
    await page.getByLabel('Time limit (minutes, optional)').fill('20');
    const link = await page.getByTestId('quiz-trainer-link').textContent();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.waitForSelector('#quiz-question-heading');
    await page.getByRole('button', { name: 'Pause and go to the start screen' }).click();
    /** The options on screen. */
    const options = async () => ({
      exam: await page.getByLabel('Exam').isChecked(),
      deadlines: await page.getByLabel('Contact and resolution deadlines (8)').isChecked(),
      ticked: await page.locator('[data-testid=quiz-topics] input:checked').count(),
      count: await page.getByLabel('Number of questions').inputValue(),
      seed: await page.getByLabel('Seed (optional)').inputValue(),
    });
    assert.deepEqual(await options(), { exam: true, deadlines: true, ticked: 1, count: '3', seed: '7' });
    assert.equal(await page.getByLabel('Pass mark (%)').inputValue(), '90');
    assert.equal(await page.getByLabel('Time limit (minutes, optional)').inputValue(), '20');
    assert.equal(await page.getByTestId('quiz-trainer-link').textContent(), link);
    await expectNoAxeViolations(page, 'start screen of a paused exam');

    // A quiz started from a link, and paused after a reload: its set-up too.
    await page.goto(`${server.base}#/quiz?mode=exam&topics=dsar&count=2&seed=5`);
    await page.getByRole('button', { name: 'Start the new quiz' }).click();
    await page.waitForSelector('#quiz-question-heading');
    await page.reload();
    await page.waitForSelector('#quiz-question-heading');
    await page.getByRole('button', { name: 'Pause and go to the start screen' }).click();
    assert.equal(await page.getByLabel('Number of questions').inputValue(), '2');
    assert.equal(await page.getByLabel('Seed (optional)').inputValue(), '5');
    assert.equal(await page.getByLabel('Exam').isChecked(), true);
    assert.equal(await page.locator('[data-testid=quiz-topics] input:checked').count(), 1);
    assert.equal(await page.getByTestId('quiz-trainer-link').textContent(), `${server.base}#/quiz?mode=exam&topics=dsar&count=2&seed=5`);
    await closeClean(context, page);
  });

  test('an exam whose time ran out ends and shows its results', async () => {
    const { context, page } = await openFresh('#/quiz?mode=exam&topics=deadlines&count=2&seed=1&time=5');
    await startFromLink(page);
    await page.waitForSelector('#quiz-question-heading');
    await answerRight(page);
    // The answer is written within the store's half-second interval; the
    // deadline is moved only once it is, as if the time had passed since.
    await page.waitForFunction(
      () => Object.keys(JSON.parse(localStorage.getItem('deskaid.quiz')).data.session.responses).length === 1,
    );
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('deskaid.quiz'));
      const past = new Date(Date.now() - 60_000).toISOString();
      stored.data.session.deadline = past;
      localStorage.setItem('deskaid.quiz', JSON.stringify(stored));
    });
    await page.reload();
    const score = page.getByTestId('quiz-score');
    await score.waitFor();
    assert.match(await score.textContent(), /The time limit ended the exam/);
    assert.match(await score.textContent(), /50%/);

    await page.getByRole('button', { name: 'New quiz' }).click();
    assert.match(await page.getByTestId('quiz-stats').textContent(), /Exams taken1/);
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Yes, reset my progress' }).click();
    assert.match(await page.getByTestId('quiz-stats').textContent(), /Questions seen0 of 90.*Exams taken0/s);
    await context.close();
  });

  test('an exam whose time runs out while the page is open ends there and shows its results', async () => {
    const { context, page } = await openFresh('#/quiz?mode=exam&topics=deadlines&count=2&seed=1&time=1', { at: TEST_NOW });
    await startFromLink(page);
    await page.waitForSelector('#quiz-question-heading');
    const timer = page.locator('.quiz-timer');
    // The fake clock runs at normal speed until the test moves it.
    assert.match(await timer.textContent(), /^Time remaining: (1 min 00 s|0 min [3-5]\d s)$/);
    await answerRight(page);
    await primary(page).click();
    assert.equal(await heading(page).textContent(), 'Question 2 of 2');

    // The countdown ticks with the clock...
    await context.clock.runFor(30_000);
    await page.waitForFunction(() => /^Time remaining: 0 min [0-2]\d s$/.test(document.querySelector('.quiz-timer')?.textContent));
    await expectNoAxeViolations(page, 'a timed exam question');
    // ...and past the minute the exam ends on its own, with no reload.
    await context.clock.runFor(31_000);
    const score = page.getByTestId('quiz-score');
    await score.waitFor();
    assert.match(await score.textContent(), /The time limit ended the exam/);
    // One of the two questions was answered, and right.
    assert.match(await score.textContent(), /50%/);
    assert.match(await page.getByTestId('notice').filter({ hasText: 'Time is up' }).textContent(), /Time is up: the exam has ended and your answers so far were scored\./);
    assert.equal(await page.locator('.quiz-timer').count(), 0);
    await expectNoAxeViolations(page, 'results of an exam ended by its time limit');
    await closeClean(context, page);
  });

  test('a link for another quiz asks before replacing the one in progress; a bad link shows why', async () => {
    const { context, page } = await openStarted('#/quiz?mode=exam&topics=deadlines&count=3&seed=7');
    await page.goto(`${server.base}#/quiz?mode=exam&topics=dsar&count=2`);
    await page.getByRole('heading', { name: 'Start the quiz from this link?' }).waitFor();
    await expectNoAxeViolations(page, 'replace question');
    await page.getByRole('button', { name: 'Resume my quiz' }).click();
    assert.equal(await heading(page).textContent(), 'Question 1 of 3');
    await page.goto(`${server.base}#/quiz?mode=exam&topics=dsar&count=2`);
    await page.getByRole('button', { name: 'Start the new quiz' }).click();
    assert.equal(await heading(page).textContent(), 'Question 1 of 2');

    await page.goto(`${server.base}#/quiz?mode=exam&topics=nope&count=2`);
    assert.match(await page.getByTestId('quiz-link-error').textContent(), /no topic "nope"/);
    assert.equal(await page.getByTestId('quiz-topics').count(), 1);
    await context.close();
  });
});

/** A small bank with one question of every kind. */
const CUSTOM = {
  topics: [{ id: 'onboarding', title: 'Onboarding basics' }],
  questions: [
    { id: 'c-single', topic: 'onboarding', kind: 'single', prompt: 'Which colour is the escalation badge?',
      choices: [{ id: 'red', text: 'Red' }, { id: 'blue', text: 'Blue' }, { id: 'green', text: 'Green' }],
      correct: ['red'], explanation: 'Red marks escalations.' },
    { id: 'c-multiple', topic: 'onboarding', kind: 'multiple', prompt: 'Which days is the desk open?',
      choices: [{ id: 'mon', text: 'Monday' }, { id: 'tue', text: 'Tuesday' }, { id: 'sun', text: 'Sunday' }],
      correct: ['mon', 'tue'], explanation: 'Weekdays only.' },
    { id: 'c-pick', topic: 'onboarding', kind: 'pick-any', pick: 2, prompt: 'Name two channels we support.',
      choices: [{ id: 'chat', text: 'Chat' }, { id: 'mail', text: 'Email' }, { id: 'phone', text: 'Phone' }, { id: 'fax', text: 'Fax' }],
      correct: ['chat', 'mail', 'phone'], explanation: 'Fax is retired.' },
    { id: 'c-fill', topic: 'onboarding', kind: 'fill-in', prompt: 'Which tool holds the case notes?',
      accepted: ['Case Tracker'], explanation: 'Notes live in Case Tracker.' },
    { id: 'c-order', topic: 'onboarding', kind: 'ordering', prompt: 'Put the greeting steps in order.',
      choices: [{ id: 'hello', text: 'Say hello' }, { id: 'name', text: 'Give your name' }, { id: 'ask', text: 'Ask how to help' }],
      correct: ['hello', 'name', 'ask'], explanation: 'Greet, introduce, then ask.' },
  ],
};

describe('custom banks', () => {
  test('a bank kept in the quiz record by an older Deskaid moves to a key of its own, progress intact', async () => {
    const { context, page } = await openFresh('#/');
    const legacy = {
      version: 1,
      data: { progress: { questions: {}, exams: [], active_days: ['2026-11-27'] }, session: null, custom_bank: JSON.stringify(CUSTOM) },
    };
    await page.evaluate((legacy) => localStorage.setItem('deskaid.quiz', JSON.stringify(legacy)), legacy);
    await page.goto(`${server.base}#/quiz`);
    await page.getByTestId('quiz-bank-in-use').getByText('A custom question bank: 5 questions in 1 topic.').waitFor();
    const stored = await page.evaluate(() => ({
      bank: JSON.parse(localStorage.getItem('deskaid.quiz-bank')),
      quiz: JSON.parse(localStorage.getItem('deskaid.quiz')),
    }));
    assert.deepEqual(JSON.parse(stored.bank.data.json), CUSTOM);
    assert.equal('custom_bank' in stored.quiz.data, false);
    assert.deepEqual(stored.quiz.data.progress.active_days, ['2026-11-27']);
    await closeClean(context, page);
  });

  test('a bank imported from a file round-trips through a link, and every kind of question works', async () => {
    const path = join(dir, 'custom.json');
    await writeFile(path, JSON.stringify(CUSTOM));
    const trainer = await browser.newContext();
    const page = await openApp(trainer, server.base, '#/quiz');
    await page.getByLabel('Import a question bank (JSON)').setInputFiles(path);
    const inUse = page.getByTestId('quiz-bank-in-use');
    await page.waitForFunction(() => document.querySelector('[data-testid=quiz-bank-in-use]').textContent.startsWith('A custom'));
    assert.equal(await inUse.textContent(), 'A custom question bank: 5 questions in 1 topic.');
    await page.getByRole('button', { name: 'Share this bank by link' }).click();
    const link = await page.getByTestId('quiz-share-link').inputValue();
    assert.match(link, /#\/quiz\?bank=[A-Za-z0-9_-]+$/);
    assert.match(await page.locator('.quiz-share .hint').textContent(), /characters of the 32000/);
    await expectNoAxeViolations(page, 'start screen with a custom bank');
    await trainer.close();

    const learner = await browser.newContext();
    const other = await learner.newPage();
    other.errors = [];
    other.on('pageerror', (e) => other.errors.push(String(e)));
    await other.goto(link);
    await other.getByRole('heading', { name: 'A shared question bank' }).waitFor();
    assert.match(await other.getByTestId('quiz-offer-topics').textContent(), /Onboarding basics \(5 questions\)/);
    await expectNoAxeViolations(other, 'bank offer');
    await other.getByRole('button', { name: 'Use this bank' }).click();
    assert.equal(await other.getByTestId('quiz-bank-in-use').textContent(), 'A custom question bank: 5 questions in 1 topic.');
    await other.getByLabel('Number of questions').fill('');
    await other.getByRole('button', { name: 'Start the quiz' }).click();
    const seen = [];
    for (let i = 0; i < 5; i += 1) {
      const q = await currentQuestion(other, CUSTOM);
      seen.push(q.kind);
      assert.equal(await other.locator('#quiz-prompt').textContent(), q.prompt);
      assert.equal(
        await other.getByTestId('pack-note').textContent(),
        'From the custom question bank imported in this browser, not from a content pack.',
      );
      await expectNoAxeViolations(other, `a ${q.kind} question`);
      if (q.kind === 'pick-any') assert.match(await other.locator('.quiz-instruction').textContent(), /Choose 2\./);
      await answerRight(other, CUSTOM);
      await primary(other).click();
      assert.match(await other.getByTestId('quiz-feedback').textContent(), /Correct/, q.kind);
      await primary(other).click();
    }
    assert.deepEqual(seen.sort(), ['fill-in', 'multiple', 'ordering', 'pick-any', 'single']);
    assert.match(await other.getByTestId('quiz-score').textContent(), /100%/);
    assert.deepEqual(other.errors, []);
    await learner.close();
  });

  test('a bad bank file names the question and keeps the bank in use', async () => {
    const bad = structuredClone(CUSTOM);
    bad.questions[0].correct = ['purple'];
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify(bad));
    const { context, page } = await openFresh('#/quiz');
    const before = await page.getByTestId('quiz-bank-in-use').textContent();
    await page.getByLabel('Import a question bank (JSON)').setInputFiles(path);
    const error = page.getByTestId('quiz-bank-error');
    await error.waitFor();
    assert.match(await error.textContent(), /question c-single: correct choice "purple" does not exist/);
    assert.equal(await page.getByTestId('quiz-bank-in-use').textContent(), before);
    assert.match(before, /shipped with Deskaid: 90 questions/);
    await expectNoAxeViolations(page, 'bank import error');
    await context.close();
  });
});
