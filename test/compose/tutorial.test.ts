/**
 * test/tutorials/compose-three-services.yaml passes `vethlab check`: a compose
 * project's DNS between services, a dropped cross-network packet and a published
 * port, each step with its expectation.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

const FILE = fileURLToPath(new URL('../tutorials/compose-three-services.yaml', import.meta.url));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the compose tutorial', () => {
  it('passes vethlab check, every step', () => {
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      stdout += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
      return true;
    }) as typeof process.stdout.write);
    vi.spyOn(process.stderr, 'write').mockImplementation((() => true) as typeof process.stderr.write);
    expect(main(['check', FILE])).toBe(0);
    expect(stdout).toMatch(/7 steps: 7 passed, 0 failed/);
  });
});
