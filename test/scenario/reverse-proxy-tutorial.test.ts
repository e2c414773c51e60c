/**
 * test/tutorials/reverse-proxy.yaml passes `vethlab check`: nginx published on
 * 8080 proxies two httpd apps serving bind-mounted pages written with
 * here-documents; the proxied request's last leg is delivered to the app, and a
 * stopped app gives nginx's 502 and its error log line.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

const FILE = fileURLToPath(new URL('../tutorials/reverse-proxy.yaml', import.meta.url));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the reverse-proxy tutorial', () => {
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
