/**
 * `vethlab`: the simulator headless. `run FILE|-` prints a transcript in the
 * real-docker tool's format (`--json` adds each command's Traces; `--images
 * playground` gives the host the official alpine, nginx, python and ubuntu images
 * besides the rig's busybox, httpd and redis), `trace LINE [FILE]` runs FILE and
 * then prints LINE's packet traces as text.
 */
import { readFileSync } from 'node:fs';
import type { ImageSet } from '../sim/docker/images.ts';
import { formatTrace } from '../sim/net/index.ts';
import { formatTranscript, runScript } from './transcript.ts';

const USAGE = `usage: vethlab run [--json] [--images rig|playground] FILE|-
       vethlab trace 'LINE' [FILE]
`;

function readScript(path: string | undefined): string {
  if (path === undefined) return '';
  return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'run') {
      let json = false;
      let images: ImageSet = 'rig';
      const files: string[] = [];
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i]!;
        const value = a === '--images' ? rest[++i] : a.startsWith('--images=') ? a.slice('--images='.length) : undefined;
        if (a === '--json') json = true;
        else if (value === 'rig' || value === 'playground') images = value;
        else if (a === '--images' || a.startsWith('--images=')) {
          process.stderr.write(`vethlab: --images must be rig or playground\n${USAGE}`);
          return 2;
        } else files.push(a);
      }
      if (files.length !== 1) {
        process.stderr.write(USAGE);
        return 2;
      }
      const { entries } = runScript(readScript(files[0]), 1, images);
      if (json) {
        const out = entries.map((e) => ({ line: e.line, stdout: e.output.stdout, stderr: e.output.stderr, exitCode: e.output.exitCode, traces: e.output.traces ?? [] }));
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        process.stdout.write(formatTranscript(entries));
      }
      return 0;
    }
    if (command === 'trace') {
      const [line, file] = rest;
      if (line === undefined) {
        process.stderr.write(USAGE);
        return 2;
      }
      const { simulator } = runScript(readScript(file));
      const output = simulator.runScriptLine(line);
      process.stdout.write(output.stdout + output.stderr);
      for (const trace of output.traces ?? []) process.stdout.write(`\n${formatTrace(trace)}`);
      if ((output.traces ?? []).length === 0) process.stdout.write('(no packets)\n');
      return 0;
    }
    process.stderr.write(USAGE);
    return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  } catch (e) {
    process.stderr.write(`vethlab: ${(e as Error).message}\n`);
    return 1;
  }
}
