// Class results with no server: three trainees take the same trainer link
// in three browsers and send their results; the trainer imports two codes
// (one wrapped by a mail client) and a link (with bad input beside them),
// checks the table, pass or fail and what the class misses, opens a missed
// question, catches a code edited to claim 100%, downloads both CSVs, and
// axe-core finds nothing in any state.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateRawSync, deflateRawSync } from 'node:zlib';
import { browser, closeClean, contextAt, expectNoAxeViolations, openApp, option, server, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

/** Three deadline questions with seed 7, pass mark 60%: every one a choice question. */
const TRAINER_LINK = '#/quiz?mode=exam&topics=deadlines&count=3&seed=7&pass=60';

/** Exports the shipped bank through the UI, to look questions up by id. */
async function shippedBank(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this bank' }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

/**
 * Takes the exam of the trainer link as `name` in a browser of its own,
 * starting at `start` and finishing `minutes` later; `right[i]` says whether
 * question i is answered right (every right choice) or wrong (one wrong
 * choice only, which scores 0). Returns the question ids asked, the result
 * code, the result link and the page.
 */
async function takeExam(bank, name, start, minutes, right) {
  const context = await contextAt(browser, { timezoneId: 'UTC', acceptDownloads: true });
  const page = await openApp(context, server.base, TRAINER_LINK);
  await context.clock.pauseAt(start);
  await page.getByTestId('quiz-linked').getByRole('button', { name: /^Start the (new )?quiz$/ }).click();
  await page.waitForSelector('#quiz-question-heading');
  const asked = [];
  for (const [i, answerRight] of right.entries()) {
    const id = await page.locator('.quiz-card').getAttribute('data-question-id');
    const question = bank.questions.find((q) => q.id === id);
    assert.ok(['single', 'multiple'].includes(question.kind), `${id} is a choice question`);
    asked.push(id);
    const picks = answerRight ? question.correct : [question.choices.find((c) => !question.correct.includes(c.id)).id];
    for (const pick of picks) await (await option(page, question.choices.find((c) => c.id === pick).text)).check();
    // The last press is "Finish exam": the exam ends `minutes` after the start.
    if (i === right.length - 1) await context.clock.runFor(minutes * 60_000);
    await page.getByTestId('quiz-primary').click();
  }
  await page.getByTestId('quiz-score').waitFor();
  await context.clock.resume();
  const send = page.getByTestId('quiz-send');
  await send.getByText('Type your name to get your result as a link, a code and a file.').waitFor();
  await page.getByLabel('Your name, as your trainer will see it').fill(name);
  const code = await page.getByTestId('quiz-result-code').textContent();
  const link = await page.getByTestId('quiz-result-link').textContent();
  assert.match(code, /^DESKAID-RESULT-1\.[A-Za-z0-9_-]+$/);
  assert.equal(link, `${server.base}#/results?r=${code}`);
  return { context, page, asked, code, link };
}

/** The result inside a code, as JSON (format 1: deflate + base64url). */
function unpack(code) {
  const payload = code.slice('DESKAID-RESULT-1.'.length);
  return JSON.parse(inflateRawSync(Buffer.from(payload, 'base64url')).toString('utf8'));
}

/** A code holding `result`. */
function pack(result) {
  return `DESKAID-RESULT-1.${deflateRawSync(Buffer.from(JSON.stringify(result))).toString('base64url')}`;
}

/** The class table's rows as their cells' text, Delete button left out. */
async function tableRows(page) {
  return page.getByTestId('results-row').evaluateAll((rows) =>
    rows.map((row) => [...row.cells].slice(0, 6).map((cell) => cell.textContent)));
}

/** The questions of "what the class misses", in order: [id, missed line]. */
async function missedQuestions(page) {
  return page.getByTestId('results-question').evaluateAll((items) =>
    items.map((item) => [item.dataset.question, item.querySelectorAll('p')[1].textContent]));
}

describe('class results', () => {
  test('three trainees send results; the trainer imports codes and a link and sees the class', async () => {
    const bankContext = await contextAt(browser, { acceptDownloads: true });
    const bankPage = await openApp(bankContext, server.base, '#/quiz');
    const bank = await shippedBank(bankPage);
    await closeClean(bankContext, bankPage);

    // Ann gets all three right, Bob only the first, Cy the first two.
    const ann = await takeExam(bank, 'Ann', new Date('2026-11-30T15:10:00Z'), 4, [true, true, true]);
    await expectNoAxeViolations(ann.page, 'exam results with Send your result');
    const bob = await takeExam(bank, 'Bob', new Date('2026-11-30T15:20:00Z'), 7, [true, false, false]);
    const cy = await takeExam(bank, 'Cy', new Date('2026-11-30T15:30:00Z'), 5, [true, true, false]);
    // The same trainer link asks everyone the same questions in the same order.
    assert.deepEqual(bob.asked, ann.asked);
    assert.deepEqual(cy.asked, ann.asked);
    const [first, second, third] = ann.asked;

    // The name is remembered in the trainee's browser for the next exam.
    await ann.page.reload();
    await ann.page.getByTestId('quiz-result-code').waitFor();
    assert.equal(await ann.page.getByLabel('Your name, as your trainer will see it').inputValue(), 'Ann');
    const [annFile] = await Promise.all([
      ann.page.waitForEvent('download'),
      ann.page.getByRole('button', { name: 'Download result file' }).click(),
    ]);
    assert.equal(annFile.suggestedFilename(), 'deskaid-result-ann.txt');
    const annFileText = await readFile(await annFile.path(), 'utf8');
    assert.ok(annFileText.includes(ann.code), annFileText);

    const trainer = await contextAt(browser, { timezoneId: 'UTC', acceptDownloads: true });
    const page = await openApp(trainer, server.base, '#/results');
    await page.getByTestId('results-empty').waitFor();
    await expectNoAxeViolations(page, 'class results, empty');

    // Two codes pasted in chat messages, with a cut-off code and one from a
    // newer Deskaid beside them: each gets its own line, the good ones come in.
    const cut = bob.code.slice(0, Math.floor(bob.code.length / 2));
    const newer = ann.code.replace('DESKAID-RESULT-1.', 'DESKAID-RESULT-2.');
    // Bob's came by e-mail: wrapped at 72 characters and quoted.
    const bobMail = bob.code.match(/.{1,72}/g).join('\r\n> ');
    await page.getByLabel('Result codes').fill(
      `Ann: here is mine ${ann.code}\n> Bob: ${bobMail}.\nDan: ${cut}\nEve: ${newer}`,
    );
    await page.getByRole('button', { name: 'Import codes' }).click();
    const report = page.getByTestId('results-report');
    await report.getByText("Added Bob's result: 33.3%.").waitFor();
    assert.deepEqual(await report.locator('li').allTextContents(), [
      "Added Ann's result: 100%.",
      "Added Bob's result: 33.3%.",
      'Code 3 of the pasted text is damaged: it was probably cut off or changed when it was copied; ask the trainee to send it again.',
      'Code 4 of the pasted text was made by a newer Deskaid (result format 2; this one reads format 1): open the newest Deskaid to import it.',
    ]);

    // Files: Ann's again (counted once) and a foreign one.
    await page.getByLabel('Result files').setInputFiles([
      { name: 'deskaid-result-ann.txt', mimeType: 'text/plain', buffer: Buffer.from(annFileText) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the team meeting') },
    ]);
    await report.getByText(/^File notes\.txt/).waitFor();
    assert.deepEqual(await report.locator('li').allTextContents(), [
      "Ann's result is already in the table (as Ann), so it counts once.",
      'File notes.txt holds no Deskaid result code (it may be another kind of file or text).',
    ]);

    // Cy's link: the result is added only once the trainer confirms.
    await page.goto(cy.link);
    const pending = page.getByTestId('results-pending');
    await pending.getByRole('heading', { name: "Add Cy's result?" }).waitFor();
    assert.equal(await page.evaluate(() => location.hash), '#/results');
    assert.equal(await page.getByTestId('results-row').count(), 2);
    await expectNoAxeViolations(page, 'class results, a link waiting for confirmation');
    await pending.getByRole('button', { name: 'Add result' }).click();
    await report.getByText("Added Cy's result: 66.7%.").waitFor();

    // Import order; scores from the answers: 3, 1 and 2 of 3 right.
    assert.deepEqual(await tableRows(page), [
      ['Ann', '100%', 'Passed (pass mark 60%)', '4 min 00 s', '30 Nov 2026, 15:14', 'Scores as claimed'],
      ['Bob', '33.3%', 'Not passed (pass mark 60%)', '7 min 00 s', '30 Nov 2026, 15:27', 'Scores as claimed'],
      ['Cy', '66.7%', 'Passed (pass mark 60%)', '5 min 00 s', '30 Nov 2026, 15:35', 'Scores as claimed'],
    ]);
    await page.getByRole('button', { name: 'Score' }).click();
    assert.deepEqual((await tableRows(page)).map((row) => row[0]), ['Bob', 'Cy', 'Ann']);
    assert.equal(await page.locator('th[aria-sort=ascending]').textContent(), 'Score ▲');
    await page.getByRole('button', { name: 'Score' }).click();
    assert.deepEqual((await tableRows(page)).map((row) => row[0]), ['Ann', 'Cy', 'Bob']);

    // Missed: the third question by Bob and Cy, the second by Bob, the first by nobody.
    assert.deepEqual(await missedQuestions(page), [
      [third, 'Missed by 2 of 3 trainees (66.7%) · Contact and resolution deadlines'],
      [second, 'Missed by 1 of 3 trainees (33.3%) · Contact and resolution deadlines'],
      [first, 'Missed by 0 of 3 trainees (0%) · Contact and resolution deadlines'],
    ]);
    const topics = await page.getByTestId('results-topics').locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
    assert.deepEqual(topics, [['Contact and resolution deadlines', '9', '3', '33.3%']]);
    // The wrong choice both picked, and the SLA rule the question trains.
    const worst = page.getByTestId('results-question').first();
    const thirdQuestion = bank.questions.find((q) => q.id === third);
    const wrongText = thirdQuestion.choices.find((c) => !thirdQuestion.correct.includes(c.id)).text;
    assert.match(await worst.textContent(), new RegExp(`Most often given instead: ${wrongText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(2\\)`));
    assert.ok((await worst.getByRole('link', { name: /SLA calculator/ }).getAttribute('href')).startsWith('#/sla'));
    const chart = page.getByRole('img', { name: /Share of answers missed per topic/ });
    assert.equal(await chart.locator('rect.chart-bar').count(), 1);
    await expectNoAxeViolations(page, 'class results with three trainees');

    // CSV of the table (in the order shown) and of the miss rates.
    const [tableCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download table (CSV)' }).click(),
    ]);
    assert.equal(tableCsv.suggestedFilename(), 'class-results.csv');
    const quiz = '3 questions, seed 7, pass mark 60%';
    assert.deepEqual((await readFile(await tableCsv.path(), 'utf8')).split('\r\n'), [
      'Name,Quiz,Score (%),Pass mark (%),Result,Time taken,Started,Finished,Warnings',
      `Ann,"${quiz}",100,60,Passed,0:04:00,2026-11-30T15:10:00+00:00,2026-11-30T15:14:00+00:00,`,
      `Cy,"${quiz}",66.7,60,Passed,0:05:00,2026-11-30T15:30:00+00:00,2026-11-30T15:35:00+00:00,`,
      `Bob,"${quiz}",33.3,60,Not passed,0:07:00,2026-11-30T15:20:00+00:00,2026-11-30T15:27:00+00:00,`,
      '',
    ]);
    const [missesCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download miss rates (CSV)' }).click(),
    ]);
    assert.equal(missesCsv.suggestedFilename(), 'class-misses.csv');
    const missLines = (await readFile(await missesCsv.path(), 'utf8')).split('\r\n');
    assert.equal(missLines[1], 'Topic,deadlines,Contact and resolution deadlines,,9,3,33.3,');
    assert.ok(missLines[2].startsWith(`Question,${third},Contact and resolution deadlines,`), missLines[2]);
    assert.ok(missLines[2].endsWith(`,3,2,66.7,${wrongText} (2)`), missLines[2]);
    assert.ok(missLines[4].startsWith(`Question,${first},`), missLines[4]);

    // The worst question's prompt opens it on its own, as the quiz shows it,
    // with its answer; Back returns to the class.
    const prompt = worst.getByRole('link', { name: thirdQuestion.prompt });
    assert.equal(await prompt.getAttribute('href'), `#/quiz?question=${third}`);
    await prompt.click();
    const linked = page.getByTestId('quiz-linked-question');
    await linked.getByRole('heading', { name: 'A question of the bank in use' }).waitFor();
    assert.equal(await linked.locator('#quiz-prompt').textContent(), thirdQuestion.prompt);
    const rightText = thirdQuestion.correct.map((id) => thirdQuestion.choices.find((c) => c.id === id).text).join('; ');
    assert.ok((await linked.textContent()).includes(`Right answer: ${rightText}`));
    assert.equal(await linked.locator('input:not([disabled])').count(), 0);
    await expectNoAxeViolations(page, 'a missed question on its own');
    await page.goBack();
    await page.getByTestId('results-questions').waitFor();

    // Bob edits his code to claim 100%: once his real result is deleted,
    // the edited one comes in at its real score, and is marked.
    await page.getByRole('button', { name: "Delete Bob's result" }).click();
    assert.equal(await page.getByTestId('results-row').count(), 2);
    const edited = pack({ ...unpack(bob.code), claimed_percent: 100 });
    await page.getByLabel('Result codes').fill(edited);
    await page.getByRole('button', { name: 'Import codes' }).click();
    await report.getByText(/^Added Bob's result: 33\.3%\. Check it: the code claims 100% but its answers give 33\.3%/).waitFor();
    const bobRow = page.getByTestId('results-row').filter({ hasText: 'Bob' });
    assert.match(await bobRow.textContent(), /33\.3%.*Not passed.*Check: The code claims 100% but its answers give 33\.3%: the code was edited after the exam\./);
    assert.equal(await bobRow.getAttribute('class'), 'results-row-marked');
    await expectNoAxeViolations(page, 'class results with an edited code marked');

    // Results stay in the trainer's browser, and Clear deletes them all after asking.
    await page.reload();
    await page.getByTestId('results-table').waitFor();
    assert.equal(await page.getByTestId('results-row').count(), 3);
    await page.getByRole('button', { name: 'Delete all class results…' }).click();
    await page.getByRole('button', { name: 'Yes, delete all results' }).click();
    await page.getByTestId('results-empty').waitFor();
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('deskaid.results')).data.results.length), 0);

    await closeClean(trainer, page);
    for (const trainee of [ann, bob, cy]) await closeClean(trainee.context, trainee.page);
  });
});
