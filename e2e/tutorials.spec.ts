/**
 * The tutorials under test/tutorials/ replay in the app as in `vethlab check`:
 * opened as a scenario file from the gallery, each step run with its Run button
 * says it did what the file expects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';

const DIR = fileURLToPath(new URL('../test/tutorials/', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

interface TutorialDoc {
  title: string;
  steps: { run: string; expect?: unknown }[];
}

// One page for all of them: opening a file replaces the world, as a tutorial reader would.
test('the tutorials replay in the app, every step as expected', async ({ page, lab }) => {
  test.setTimeout(60_000 * FILES.length);
  await lab.open();
  for (const file of FILES) {
    await test.step(file, async () => {
      const doc = parse(readFileSync(`${DIR}${file}`, 'utf8')) as TutorialDoc;
      await page.getByRole('button', { name: 'Gallery', exact: true }).click();
      await page.getByTestId('open-file').setInputFiles(`${DIR}${file}`);
      await expect(page.locator('.scenario-title')).toHaveText(doc.title);
      for (const [i, step] of doc.steps.entries()) {
        const n = i + 1;
        const item = page.getByRole('region', { name: 'Steps of the scenario' }).locator(`li[data-step="${n}"]`);
        await item.getByRole('button', { name: `Run step ${n}: ${step.run}`, exact: true }).click();
        await expect(item).toHaveClass(/is-done/);
        // On a miss, the verdict's text says which expectation failed and what happened.
        if (step.expect) await expect(item.getByTestId('step-verdict'), `${file} step ${n}: ${step.run}`).toHaveText('✓ As the scenario expects');
      }
      await expect(page.locator('.guide-all-done')).toBeVisible();
    });
  }
});

test('a step that does not do what its file expects says how it differed', async ({ page, lab }, testInfo) => {
  const file = testInfo.outputPath('wrong.vethlab.yaml');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    file,
    [
      'vethlab: 1',
      'title: A wrong expectation',
      'setup:',
      '  - docker network create n1',
      'steps:',
      '  - text: Nothing listens on this name.',
      '    run: docker run --rm --network n1 busybox ping -c 1 -W 1 nobody',
      '    expect:',
      '      exit: 0',
      '',
    ].join('\n'),
  );
  await lab.open();
  await page.getByRole('button', { name: 'Gallery', exact: true }).click();
  await page.getByTestId('open-file').setInputFiles(file);
  const item = page.getByRole('region', { name: 'Steps of the scenario' }).locator('li[data-step="1"]');
  await item.getByRole('button', { name: /^Run step 1/ }).click();
  const verdict = item.getByTestId('step-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'unexpected');
  await expect(verdict).toContainText('✗ Not what the scenario expects:expected exit status 0, got 1');
});
