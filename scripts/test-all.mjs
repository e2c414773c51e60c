#!/usr/bin/env node
// `npm test`: every check of the project, in order, each step's output streamed:
//
//   lint       eslint . --max-warnings 0
//   typecheck  tsc --noEmit
//   unit       vitest, project unit
//   kernel     vitest, project kernel (the real-Linux differential suite; its tests
//              skip themselves where the machine lacks root, ip netns or iptables)
//   build      vite build
//   e2e        playwright test against the built app (not run when build failed)
//
// Two lanes run at the same time: the browser lane (build, then e2e, which mostly waits
// on the app's animations and timers) and the Node lane (lint beside typecheck, then unit
// beside kernel: the kernel suite waits on `ip` and iptables more than it computes).
// While more than one step runs, each step's output is kept and printed when it ends.
// All steps run even when one fails, so CI shows everything; a step that runs past
// its time limit is stopped and counted as failed (the limits keep the whole run under
// 10 minutes: e2e, which starts after the build, may take 9.5). At the end: a table of steps
// (result, time, test counts) and one closing line `Tests: N passed, N failed, N skipped`
// (a failed step without test counts, e.g. lint, counts as one failure). Exit code 1
// if any step failed.
//
//   node scripts/test-all.mjs [step...]   run only the named steps, e.g. `unit e2e`
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { living, recordTree, signalTree } from './process-tree.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (rel) => path.join(ROOT, 'node_modules', rel);
const MIN = 60_000;

/**
 * `lane`: steps of one lane run in order, lanes at the same time; `beside`: runs at the
 * same time as the step before it in its lane.
 * @type {{ name: string, lane: 'node' | 'browser', argv: string[], timeoutMs: number, needs?: string, beside?: boolean }[]}
 */
const STEPS = [
  { name: 'lint', lane: 'node', argv: [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0'], timeoutMs: 4 * MIN },
  { name: 'typecheck', lane: 'node', argv: [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], timeoutMs: 4 * MIN, beside: true },
  { name: 'unit', lane: 'node', argv: [bin('vitest/vitest.mjs'), 'run', '--project', 'unit'], timeoutMs: 8 * MIN },
  // --passWithNoTests: the kernel suite may have no files yet (vitest exits 1 otherwise).
  { name: 'kernel', lane: 'node', argv: [bin('vitest/vitest.mjs'), 'run', '--project', 'kernel', '--passWithNoTests'], timeoutMs: 8 * MIN, beside: true },
  { name: 'build', lane: 'browser', argv: [bin('vite/bin/vite.js'), 'build'], timeoutMs: 2 * MIN },
  { name: 'e2e', lane: 'browser', argv: [bin('@playwright/test/cli.js'), 'test'], timeoutMs: 9.5 * MIN, needs: 'build' },
];

const CLOSING = /^(\w+): (\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

const env = { ...process.env };
if (process.env.CI) {
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
} else if (process.stdout.isTTY && !process.env.NO_COLOR) {
  env.FORCE_COLOR = '1'; // children write to a pipe (we read their counts) but keep colours
}

function banner(text) {
  process.stdout.write(`\n${'='.repeat(8)} ${text} ${'='.repeat(Math.max(8, 70 - text.length))}\n`);
}

/** Runs one step, streaming its output; resolves with its exit code, time and test counts. */
const running = new Set(); // the running steps' children, stopped with us on Ctrl-C
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Each step's whole tree, with what it started in groups of its own (e.g. a web server).
    for (const child of running) signalTree(recordTree(child.pid), signal);
    process.exit(130);
  });
}

/** Runs one step; `out` receives its output (the terminal, or a buffer printed later). */
function run(step, out = { stdout: (d) => process.stdout.write(d), stderr: (d) => process.stderr.write(d) }) {
  return new Promise((resolve) => {
    const started = Date.now();
    // detached: the step gets its own process group, so a timeout stops all of it
    const child = spawn(process.execPath, step.argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    let counts;
    let pending = '';
    let timedOut = false;
    const scan = (chunk) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // eslint-disable-next-line no-control-regex -- strip ANSI colours before matching
        const m = CLOSING.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
        if (m) counts = { passed: +m[2], failed: +m[3], skipped: +(m[4] ?? 0) };
      }
    };
    child.stdout.on('data', (d) => {
      out.stdout(d);
      scan(d);
    });
    child.stderr.on('data', (d) => out.stderr(d));
    // The step's processes, recorded when it runs past its time, while its tree is whole.
    const tree = new Map();
    const stop = (signal) => signalTree(recordTree(child.pid, tree), signal);
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(`\n[test-all] ${step.name}: no result after ${step.timeoutMs / 1000} s, stopping it\n`);
      recordTree(child.pid, tree);
      // SIGINT to the runner first: Playwright then closes its browsers and, given time, the
      // preview server it started in a process group of its own; then every recorded
      // process and its group, harder (a group-wide signal alone left that server holding the port).
      try {
        child.kill('SIGINT');
      } catch {
        /* already gone */
      }
      setTimeout(() => stop('SIGTERM'), 15_000).unref();
      setTimeout(() => stop('SIGKILL'), 25_000).unref();
    }, step.timeoutMs);
    const finish = async (code) => {
      running.delete(child);
      clearTimeout(timer);
      scan('\n');
      // A stopped step's runner may end before what it started: nothing of it outlives the step.
      if (timedOut && signalTree(tree, 'SIGTERM') > 0) {
        for (let waited = 0; waited < 5_000 && living(tree).length > 0; waited += 100) await new Promise((r) => setTimeout(r, 100));
        signalTree(tree, 'SIGKILL');
      }
      resolve({ code: timedOut ? 124 : code, timedOut, ms: Date.now() - started, counts });
    };
    child.on('error', (err) => {
      process.stderr.write(`[test-all] ${step.name}: ${err.message}\n`);
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !STEPS.some((s) => s.name === w));
if (unknown.length) {
  console.error(`test-all: unknown step ${unknown.join(', ')}; steps: ${STEPS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const steps = wanted.length ? STEPS.filter((s) => wanted.includes(s.name)) : STEPS;

/** A lane's groups: a step and the ones `beside` it run together. */
function groupsOf(laneSteps) {
  const groups = [];
  for (const step of laneSteps) {
    if (step.beside && groups.length > 0) groups[groups.length - 1].push(step);
    else groups.push([step]);
  }
  return groups;
}
const lanes = [...new Set(steps.map((s) => s.lane))].map((lane) => groupsOf(steps.filter((s) => s.lane === lane)));

const title = (step) => `${step.name}: ${['node', ...step.argv.map((a) => path.relative(ROOT, a) || a)].join(' ')}`;
const results = [];
/** Runs one step: streamed when it runs alone, else kept and printed when it ends. */
async function runStep(step, alone) {
  if (alone) {
    banner(title(step));
    return run(step);
  }
  const output = [];
  const ended = await run(step, { stdout: (d) => output.push(['out', d]), stderr: (d) => output.push(['err', d]) });
  banner(`${title(step)} (ran beside other steps; ${(ended.ms / 1000).toFixed(1)} s)`);
  for (const [fd, d] of output) (fd === 'out' ? process.stdout : process.stderr).write(d);
  return ended;
}
async function runLane(groups) {
  for (const group of groups) {
    const runnable = [];
    for (const step of group) {
      const dep = step.needs && results.find((r) => r.name === step.needs);
      if (dep && dep.code !== 0) {
        banner(`${step.name}: not run (${step.needs} failed)`);
        results.push({ name: step.name, code: 1, ms: 0, note: `not run: ${step.needs} failed` });
      } else runnable.push(step);
    }
    const alone = lanes.length === 1 && runnable.length === 1;
    if (!alone) process.stdout.write(`\n[test-all] started: ${runnable.map((s) => s.name).join(', ')}\n`);
    const ended = await Promise.all(runnable.map((step) => runStep(step, alone)));
    runnable.forEach((step, i) => results.push({ name: step.name, ...ended[i] }));
  }
}
const t0 = Date.now();
await Promise.all(lanes.map(runLane));
results.sort((a, b) => steps.findIndex((s) => s.name === a.name) - steps.findIndex((s) => s.name === b.name));
const totalMs = Date.now() - t0;

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rows = results.map((r) => {
  const result = r.code === 0 ? 'pass' : r.timedOut ? 'TIMEOUT' : 'FAIL';
  const detail = r.note ?? (r.counts ? `${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped` : '');
  return [r.name, result, secs(r.ms), detail];
});
const failedSteps = results.filter((r) => r.code !== 0);
rows.push(['total', failedSteps.length ? 'FAIL' : 'pass', secs(totalMs), failedSteps.length ? `failed: ${failedSteps.map((r) => r.name).join(', ')}` : '']);
const header = ['step', 'result', 'time', 'tests'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const fmt = (row) => row.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();

banner('summary');
console.log(fmt(header));
console.log(fmt(widths.map((w) => '-'.repeat(w))));
for (let i = 0; i < rows.length; i++) {
  if (i === rows.length - 1) console.log(fmt(widths.map((w) => '-'.repeat(w))));
  console.log(fmt(rows[i]));
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) {
  if (r.counts) {
    total.passed += r.counts.passed;
    total.failed += r.counts.failed;
    total.skipped += r.counts.skipped;
  }
  if (r.code !== 0 && !(r.counts && r.counts.failed > 0)) total.failed += 1;
}
console.log(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
