// Authoring in the browser: a trainer writes a flow and questions with the
// keyboard alone, sees problems beside what they concern, undoes and redoes,
// publishes, downloads the pack, and a colleague opens that file in a fresh
// browser, previews it, uses it on their device, walks the flow and answers
// the questions. axe-core runs in every author state reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerRightFrom, closeClean, expectNoAxeViolations, openFresh, useServerAndBrowser } from './harness.mjs';

let dir;
useServerAndBrowser(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskaid-author-'));
});

/** Puts focus on `locator` and replaces what it holds by typing `text`. */
async function typeInto(page, locator, text) {
  await locator.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Presses the button named `name` within `scope` with the Enter key. */
async function press(page, scope, name) {
  await scope.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

/** Moves a focused `<select>` down with the arrow key until its chosen option starts with `words`. */
async function choose(page, select, words) {
  await select.focus();
  for (let step = 0; step < 60; step += 1) {
    const chosen = await select.evaluate((element) => element.selectedOptions[0]?.textContent ?? '');
    if (chosen.startsWith(words)) return;
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`no option starting "${words}"`);
}

const field = (page, id) => page.locator(`#${id}`);

test('a flow and two questions written with the keyboard alone publish as a pack that works in a fresh browser', async () => {
  const { context, page } = await openFresh('#/author', { acceptDownloads: true });
  await page.getByRole('heading', { name: 'Escalation flows' }).waitFor();
  await expectNoAxeViolations(page, 'author page');
  const problems = page.locator('.author-problems');
  await problems.getByText('None: this draft can be published.').waitFor();

  // A new flow: problems appear beside it until it is written.
  const flows = page.locator('section[aria-labelledby="author-flows-heading"]');
  await press(page, flows, 'Add flow');
  await page.waitForFunction(() => document.activeElement?.id === 'author-flow-title');
  await problems.getByText(/problems? to fix before publishing/).waitFor();
  assert.ok(await page.locator('#author-step-problems li').count() > 0, 'the new step lists its own problems');
  await expectNoAxeViolations(page, 'author page with problems');
  await page.keyboard.type('Call back a homeowner');
  await typeInto(page, field(page, 'author-flow-id'), 'call-back');
  await typeInto(page, field(page, 'author-flow-summary'), 'When a homeowner asks to be called back.');
  await typeInto(page, field(page, 'author-flow-audience'), 'Tier 1 agents');

  // The first step, and two choices that each make a step in place.
  await typeInto(page, field(page, 'author-step-title'), 'Is the homeowner on the line?');
  await press(page, page.locator('main'), 'Add choice to a new step');
  await typeInto(page, field(page, 'author-choice-0-label'), 'Yes');
  await choose(page, field(page, 'author-choice-new-kind'), 'Outcome');
  await press(page, page.locator('main'), 'Add choice to a new step');
  await typeInto(page, field(page, 'author-choice-1-label'), 'No');

  // The action step: a two-minute timer, a template, a choice to the outcome.
  await choose(page, field(page, 'author-step'), '(no title yet) (step)');
  await typeInto(page, field(page, 'author-step-title'), 'Hold for the Tier 2 lead');
  await typeInto(page, field(page, 'author-step-wait'), '120');
  await typeInto(page, field(page, 'author-step-template'), 'Held {minutes} minutes for the lead.');
  await press(page, page.locator('main'), 'Add choice to a step of this flow');
  await choose(page, field(page, 'author-choice-0-to'), '(no title yet) (step-2)');
  await typeInto(page, field(page, 'author-choice-0-label'), 'Lead answered');

  // The outcome.
  await choose(page, field(page, 'author-step'), '(no title yet) (step-2)');
  await typeInto(page, field(page, 'author-step-title'), 'Call back promised');
  await typeInto(page, field(page, 'author-step-outcome'), 'Call back promised');

  // A single-choice question.
  const questions = page.locator('section[aria-labelledby="author-questions-heading"]');
  await press(page, questions, 'Add question');
  await page.waitForFunction(() => document.activeElement?.id === 'author-q-prompt');
  await page.keyboard.type('Who takes a warm transfer first?');
  await typeInto(page, field(page, 'author-q-choice-a'), 'The Tier 2 lead');
  await field(page, 'author-q-choice-a-right').focus();
  await page.keyboard.press('Space');
  await typeInto(page, field(page, 'author-q-choice-b'), 'The account manager');
  await typeInto(page, field(page, 'author-q-explanation'), 'The lead takes it first.');

  // An ordering question.
  await choose(page, field(page, 'author-new-question-kind'), 'Put items in order');
  await press(page, questions, 'Add question');
  await page.waitForFunction(() => document.activeElement?.id === 'author-q-prompt');
  await page.keyboard.type('Put the call-back steps in order.');
  await typeInto(page, field(page, 'author-q-choice-a'), 'Hold for the lead');
  await typeInto(page, field(page, 'author-q-choice-b'), 'Promise a call back');
  await typeInto(page, field(page, 'author-q-explanation'), 'Hold first, then promise.');

  // Undo takes back the last field's typing as one edit; redo brings it back.
  const toolbar = page.getByRole('toolbar', { name: 'Draft' });
  await press(page, toolbar, 'Undo');
  assert.equal(await field(page, 'author-q-explanation').inputValue(), '');
  await press(page, toolbar, 'Redo');
  assert.equal(await field(page, 'author-q-explanation').inputValue(), 'Hold first, then promise.');

  await problems.getByText('None: this draft can be published.').waitFor();
  await expectNoAxeViolations(page, 'author page with a written flow and questions');

  // Try this flow: the walker walks the draft in this tab, until stopped.
  await Promise.all([page.waitForEvent('load'), press(page, flows, 'Try this flow')]);
  await page.getByRole('heading', { level: 2, name: 'Is the homeowner on the line?' }).waitFor();
  await page.getByRole('heading', { name: 'You are trying your draft in this tab' }).waitFor();
  await expectNoAxeViolations(page, 'a draft tried in the walker');
  await page.locator('.esc-choices').getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Hold for the Tier 2 lead' }).waitFor();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Stop trying and go back to the draft' }).click()]);
  await page.getByRole('heading', { name: 'Escalation flows' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'You are trying your draft in this tab' }).count(), 0);
  await problems.getByText('None: this draft can be published.').waitFor();
  assert.ok((await page.locator('#author-flow option').allTextContents()).includes('Call back a homeowner (call-back)'));

  // Publishing needs a change note, then gives the next version.
  const publishing = page.locator('section[aria-labelledby="author-publish-heading"]');
  await press(page, publishing, 'Publish version 2');
  await page.getByText('Say what changed in this version').waitFor();
  await typeInto(page, field(page, 'author-change-note'), 'Adds the call-back flow.');
  await press(page, publishing, 'Publish version 2');
  await page.getByRole('heading', { name: 'Version 2 published' }).waitFor();
  await expectNoAxeViolations(page, 'author page after publishing');
  const link = await field(page, 'author-share-link').inputValue();
  assert.match(link, /#\/pack\?pack=[A-Za-z0-9_-]+$/);
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, publishing, 'Download pack')]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const published = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(published.version, 2);
  assert.equal(published.change_note, 'Adds the call-back flow.');
  const flow = published.flows.find((f) => f.id === 'call-back');
  assert.deepEqual(flow.steps.map((s) => [s.id, s.kind, s.choices.map((c) => c.to)]), [
    ['start', 'question', ['step', 'step-2']],
    ['step', 'action', ['step-2']],
    ['step-2', 'outcome', []],
  ]);
  assert.equal(flow.steps[1].wait_seconds, 120);
  assert.equal(flow.steps[1].template, 'Held {minutes} minutes for the lead.');
  const ordering = published.questions.questions.find((q) => q.prompt === 'Put the call-back steps in order.');
  assert.deepEqual(ordering.correct, ['a', 'b']);
  await closeClean(context, page);

  // A colleague opens the file in a fresh browser, previews it, and uses it.
  const fresh = await openFresh('#/pack');
  const other = fresh.page;
  await other.locator('#open-pack-file').setInputFiles(path);
  const preview = other.locator('.pack-preview');
  await preview.getByRole('heading', { name: /, version 2$/ }).waitFor();
  assert.match(await preview.textContent(), /Adds the call-back flow\./);
  assert.match(await preview.textContent(), /1 flow added/);
  await expectNoAxeViolations(other, 'a pack previewed before use');
  await Promise.all([other.waitForEvent('load'), press(other, preview, 'Use on this device')]);
  await other.getByRole('heading', { name: 'This device uses its own content pack' }).waitFor();

  // The flow walks as written, its timer and template included.
  await other.goto(other.url().replace(/#.*$/, '#/escalation/call-back/start'));
  await other.getByRole('heading', { level: 2, name: 'Is the homeowner on the line?' }).waitFor();
  await expectNoAxeViolations(other, 'a step of the authored flow');
  await other.locator('.esc-choices').getByRole('button', { name: 'Yes', exact: true }).click();
  await other.getByRole('heading', { level: 2, name: 'Hold for the Tier 2 lead' }).waitFor();
  await other.getByRole('button', { name: 'Start timer' }).waitFor();
  await other.getByLabel('Minutes').fill('5');
  await other.waitForFunction(() => /Held 5 minutes for the lead\./.test([...document.querySelectorAll('textarea')].map((t) => t.value).join(' ')));
  await other.locator('.esc-choices').getByRole('button', { name: 'Lead answered', exact: true }).click();
  await other.getByText('Call back promised').first().waitFor();

  // The questions answer as written: a practice quiz of their topic asks
  // every question of it, the two new ones among them.
  const topic = published.questions.topics[0].id;
  const inTopic = published.questions.questions.filter((q) => q.topic === topic);
  await other.goto(other.url().replace(/#.*$/, `#/quiz?mode=practice&topics=${topic}&count=${inTopic.length}&seed=1`));
  await other.getByTestId('quiz-linked').getByRole('button', { name: /^Start the (new )?quiz$/ }).click();
  const asked = [];
  const feedback = other.getByTestId('quiz-feedback');
  for (let n = 0; n < inTopic.length; n += 1) {
    await other.locator('.quiz-card').waitFor();
    const question = await answerRightFrom(other, published.questions);
    asked.push(question.id);
    await other.getByTestId('quiz-primary').click();
    assert.match(await feedback.textContent(), /Correct/);
    assert.ok((await feedback.textContent()).includes(question.explanation));
    await other.getByTestId('quiz-primary').click();
  }
  assert.ok(asked.includes('question') && asked.includes('question-2'), `asked ${asked}`);
  await other.getByTestId('quiz-score').waitFor();

  // The same version from the link, on the pack page: previewed, taken
  // as the draft on the author page, then opened again and used.
  const third = await openFresh('#/');
  const fetchedParts = [];
  third.page.on('request', (request) => fetchedParts.push(new URL(request.url()).pathname));
  await third.page.goto(link);
  const linked = third.page.locator('.pack-preview');
  await linked.getByRole('heading', { name: /, version 2$/ }).waitFor();
  assert.equal(new URL(third.page.url()).hash, '#/pack');
  // Whoever follows a pack link does not download the author page's part.
  assert.equal(fetchedParts.some((path) => /\/split_trainer_tools_[^/]*\.wasm$/.test(path)), false, 'no trainers\' part for a pack link');
  await expectNoAxeViolations(third.page, 'a pack link previewed');
  await press(third.page, linked, 'Edit it as the draft');
  await third.page.getByRole('heading', { level: 1, name: 'Author content' }).waitFor();
  assert.equal(new URL(third.page.url()).hash, '#/author');
  await third.page.waitForFunction(() => document.activeElement?.id === 'author-heading');
  await third.page.getByText('Version 2 was published').waitFor();
  await third.page.goto(link);
  await linked.getByRole('heading', { name: /, version 2$/ }).waitFor();
  await Promise.all([third.page.waitForEvent('load'), press(third.page, linked, 'Use on this device')]);
  await third.page.goto(third.page.url().replace(/#.*$/, '#/escalation/call-back/start'));
  await third.page.getByRole('heading', { level: 2, name: 'Is the homeowner on the line?' }).waitFor();
  await closeClean(third.context, third.page);

  // And back to the site's content at any time.
  await other.goto(other.url().replace(/#.*$/, '#/'));
  await Promise.all([other.waitForEvent('load'), other.getByRole('button', { name: "Use this site's content" }).click()]);
  await other.locator('main h1').waitFor();
  assert.equal(await other.getByRole('heading', { name: 'This device uses its own content pack' }).count(), 0);
  await closeClean(fresh.context, other);
});

test('a file that is not a pack, and a cut link, are refused with their problems, and nothing changes', async () => {
  const cut = await openFresh('#/pack?pack=eJyrVkrLz1eyUlBKzs8rzs9JVajJzAMAQxsGqQ');
  await cut.page.getByRole('heading', { name: 'The pack in this link cannot be used' }).waitFor();
  assert.match(await cut.page.locator('main').textContent(), /probably cut off or changed when it was copied/);
  await expectNoAxeViolations(cut.page, 'a refused pack link');
  await closeClean(cut.context, cut.page);
  const { context, page } = await openFresh('#/author');
  // The author page opens packs too.
  await page.locator('#open-pack-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"deskaid_pack": 1, "title": ') });
  await page.getByRole('heading', { name: 'notes.json cannot be used' }).waitFor();
  assert.match(await page.locator('main').textContent(), /cut off/);
  await expectNoAxeViolations(page, 'a refused pack file');
  await closeClean(context, page);
});

test('compare: the leadership procedure as SOP 002 had it against the pack in use shows what 004 changed, word by word', async () => {
  const { context, page } = await openFresh('#/author');
  const compare = page.locator('section[aria-labelledby="author-compare-heading"]');
  await compare.locator('.change-headline').waitFor();
  assert.match(await compare.locator('.change-headline').textContent(), /^1 flow changed; \d+ steps changed, \d+ added/);
  const transfer = compare.locator('li', { hasText: 'Warm transfer to' }).filter({ hasText: 'Phone-HO Tier 2' }).first();
  assert.equal(await transfer.locator('del').first().textContent(), 'removed: a Resolution Specialist');
  assert.equal(await transfer.locator('ins').first().textContent(), 'added: "Phone-HO Tier 2"');
  await expectNoAxeViolations(page, 'a comparison of two packs');

  // The draft against the pack in use: an edit shows at once.
  await page.selectOption('#author-compare-old', 'in-use');
  await page.selectOption('#author-compare-new', 'draft');
  await compare.getByText('The two packs teach the same content.').waitFor();
  await page.locator('#author-step-title').fill('Did the customer ask for a leader?');
  await compare.locator('ins', { hasText: 'a leader?' }).waitFor();
  await closeClean(context, page);
});
