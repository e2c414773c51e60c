/**
 * Every tutorial under test/tutorials/ passes `vethlab check`: each is a scenario
 * file of the kind a tutorial author writes (a reverse proxy, a database on an
 * internal network, a shared alias, a loopback-only port, a UDP service, a compose
 * project, Docker's Compose quickstart, WordPress with a healthcheck, a debugging
 * session), and each of its steps must meet its expectation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the tutorials', () => {
  it('are all here', () => {
    expect(FILES).toEqual(expect.arrayContaining(['build-web-app.yaml', 'compose-getting-started.yaml', 'compose-three-services.yaml', 'db-internal.yaml', 'debug-container-network.yaml', 'publish-localhost.yaml', 'shared-alias.yaml', 'udp-service.yaml', 'wordpress-mysql.yaml']));
  });

  for (const file of FILES) {
    it(`${file} passes vethlab check, every step`, async () => {
      const steps = (readFileSync(`${DIR}/${file}`, 'utf8').match(/^ {2}- (text|run):/gm) ?? []).length;
      let stdout = '';
      vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
        stdout += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
        return true;
      }) as typeof process.stdout.write);
      vi.spyOn(process.stderr, 'write').mockImplementation((() => true) as typeof process.stderr.write);
      expect(await main(['check', `${DIR}/${file}`])).toBe(0);
      expect(steps).toBeGreaterThan(3);
      expect(stdout).toContain(`${steps} steps: ${steps} passed, 0 failed`);
    }, 60_000);
  }
});
