/**
 * The docker client against golden transcripts from the real engine, for the
 * scripts' leading lines that are plain `docker ...` commands (no shell syntax):
 * each command's normalized output and exit status must match. The full runner
 * (`vethlab run`, with the shell) will replay whole scripts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/docker/engine.ts';
import { Kernel } from '../../src/sim/net/index.ts';
import { dockerCommand } from '../../src/sim/shell/docker/cli.ts';
// @ts-expect-error: the shared normalizer is plain JavaScript without types.
import { normalizeTranscript } from '../../../shared/tools/real-docker/normalize.mjs';

const GOLDEN = new URL('../golden/', import.meta.url);
const PLAIN_DOCKER = /^docker [A-Za-z0-9 ._:/=,-]+$/;

/** The script's lines up to the first one this test cannot run without a shell. */
function leadingDockerLines(script: string, limit: number): string[] {
  const lines = script.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const out: string[] = [];
  for (const line of lines) {
    if (!PLAIN_DOCKER.test(line) || line.includes('--format') || line.startsWith('docker exec') || line.startsWith('docker inspect') || line.startsWith('docker network inspect')) break;
    out.push(line);
    if (out.length === limit) break;
  }
  return out;
}

function transcriptOf(lines: string[]): string {
  const docker = dockerCommand(new Engine(new Kernel()), { tty: false });
  return lines
    .map((line) => {
      const r = docker(line.split(' ').slice(1));
      const body = r.stdout + r.stderr;
      return `$ ${line}\n${body}${body === '' || body.endsWith('\n') ? '' : '\n'}${r.exitCode !== 0 ? `[exit ${r.exitCode}]\n` : ''}`;
    })
    .join('');
}

function goldenBlocks(name: string, count: number): string {
  const text = readFileSync(new URL(`transcripts/${name}.txt`, GOLDEN), 'utf8');
  const blocks = text.split(/^(?=\$ )/m);
  return blocks.slice(0, count).join('');
}

const CASES: [string, number][] = [
  ['41-errors-networks', 20],
  ['15-ipam-order', 40],
  ['21-ports-forms', 20],
  ['42-errors-ports-links', 4],
  ['31-pause-stop-restart', 5],
];

describe('docker commands agree with the real engine', () => {
  for (const [name, limit] of CASES) {
    it(name, () => {
      const script = readFileSync(new URL(`scripts/${name}.sh`, GOLDEN), 'utf8');
      const lines = leadingDockerLines(script, limit);
      expect(lines.length).toBeGreaterThan(2);
      const ours = normalizeTranscript(transcriptOf(lines)) as string;
      const real = normalizeTranscript(goldenBlocks(name, lines.length)) as string;
      expect(ours).toBe(real);
    });
  }
});
