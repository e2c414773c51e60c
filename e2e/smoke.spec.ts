/**
 * Smoke test of the built app: the page a visitor opens shows what vethlab is,
 * without console errors, page errors or failed requests. Saves a screenshot to
 * e2e-artifacts/smoke-home.png.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('the home page says what vethlab is, without console errors', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });

  await page.goto('/', { waitUntil: 'networkidle' });

  await expect(page).toHaveTitle('vethlab');
  await expect(page.getByRole('heading', { level: 1, name: 'vethlab' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('A browser playground for Docker container networking');
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('The simulator core');

  const shot = path.join(testInfo.project.outputDir, 'smoke-home.png');
  await page.screenshot({ path: shot, fullPage: true });

  expect(problems).toEqual([]);
});
