// The quick reference (content/reference.toml): reachable from Home, found by
// the search on the escalation page, and My queue linked from Home.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_HEADING, closeClean, expectNoAxeViolations, openFresh, useServerAndBrowser } from './harness.mjs';

useServerAndBrowser();

test('Home opens the quick reference with the credit limit, and links to My queue', async () => {
  const { context, page } = await openFresh('#/');
  const reference = page.locator('main section.sla-reference:not(#prerendered *)');
  await reference.getByText(/Case types, statuses, metrics, credit limits/).click();
  const limit = reference.getByText(/Your credit limit: up to \$300\.00/);
  await limit.waitFor();
  assert.match(await limit.textContent(), /the source names no approver/);
  assert.match(await limit.textContent(), /doc 001, lines 31-32/);
  assert.equal(await reference.getByText('Leadership is required').count(), 0);
  await expectNoAxeViolations(page, 'home with the quick reference open');
  await page.locator('main:not(#prerendered *)').getByRole('link', { name: 'My queue' }).click();
  await page.locator(APP_HEADING, { hasText: 'My queue' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/queue');
  await closeClean(context, page);
});

test('the flow search finds the credit facts in the quick reference', async () => {
  const { context, page } = await openFresh('#/escalation');
  const facts = page.locator('.esc-reference-results li');
  const status = page.locator('#esc-search-heading ~ [role=status]');
  for (const query of ['credit limit', '300', 'approval']) {
    await page.getByLabel('Search all flows').fill(query);
    await facts.filter({ hasText: 'Your credit limit: up to $300.00' }).waitFor();
    assert.match(await status.textContent(), /reference facts? match/, query);
  }
  await page.getByLabel('Search all flows').fill('approval');
  const nod = facts.filter({ hasText: 'Required on NOD cases for credits over $500.00' });
  await nod.waitFor();
  assert.match(await nod.textContent(), /names no approver/);
  await expectNoAxeViolations(page, 'search with reference facts');
  await page.getByLabel('Search all flows').fill('credit zebra');
  await page.getByText('No steps match your search').waitFor();
  assert.equal(await facts.count(), 0);
  await closeClean(context, page);
});
