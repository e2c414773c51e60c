/**
 * The repository stands alone: a clone with nothing beside it runs every test.
 * No source, test or script may read the workspace's `../shared` folder (its
 * fixtures are copied into test/fixtures, see its README), and the copied
 * fixtures are all there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
const SCANNED = ['src', 'test', 'scripts', 'e2e', 'bin', '.ci'];
const SKIPPED = new Set(['test/golden/transcripts', 'test/fixtures/reference']);

function files(dir: string): string[] {
  const rel = path.relative(ROOT, dir).split(path.sep).join('/');
  if (SKIPPED.has(rel) || !existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('the repository stands alone', () => {
  it('reads nothing from ../shared', () => {
    const offenders = SCANNED.flatMap((d) => files(path.join(ROOT, d)))
      .filter((f) => /\.(m?[jt]sx?|sh|json)$/.test(f) || path.basename(f) === 'run')
      .filter((f) => f !== import.meta.filename)
      .filter((f) => /['"`]\.\.\/(\.\.\/)*shared\/|\.\.\/\.\.\/\.\.\/shared/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f));
    expect(offenders, 'copy what they need into test/fixtures (its README says how)').toEqual([]);
  });

  it('has the fixtures the tests compare with', () => {
    for (const state of ['a-fresh', 'b-publish', 'c-internal-noicc']) {
      for (const file of ['iptables-save.txt', 'iptables-save-c.txt', 'ip6tables-save.txt', 'ip-addr.txt', 'ip-route.txt', 'docker-network-inspect.json']) {
        const full = path.join(ROOT, 'test/fixtures/reference', state, file);
        expect(existsSync(full), `${state}/${file}`).toBe(true);
        expect(statSync(full).size, `${state}/${file}`).toBeGreaterThan(0);
      }
    }
    expect(readFileSync(path.join(ROOT, 'test/fixtures/normalize.mjs'), 'utf8')).toContain('export function normalizeTranscript');
  });
});
