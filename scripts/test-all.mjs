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
// lint and typecheck run side by side, and so do unit and kernel (the kernel suite waits
// on `ip` and iptables more than it computes); a step that runs beside another prints
// its output when it ends. All steps run even when one fails, so CI shows everything; a step that runs past
// its time limit is stopped and counted as failed. At the end: a table of steps
// (result, time, test counts) and one closing line `Tests: N passed, N failed, N skipped`
// (a failed step without test counts, e.g. lint, counts as one failure). Exit code 1
// if any step failed.
//
//   node scripts/test-all.mjs [step...]   run only the named steps, e.g. `unit e2e`
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (rel) => path.join(ROOT, 'node_modules', rel);
const MIN = 60_000;

/** `beside`: runs at the same time as the step before it. @type {{ name: string, argv: string[], timeoutMs: number, needs?: string, beside?: boolean }[]} */
const STEPS = [
  { name: 'lint', argv: [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0'], timeoutMs: 3 * MIN },
  { name: 'typecheck', argv: [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], timeoutMs: 3 * MIN, beside: true },
  { name: 'unit', argv: [bin('vitest/vitest.mjs'), 'run', '--project', 'unit'], timeoutMs: 3 * MIN },
  // --passWithNoTests: the kernel suite may have no files yet (vitest exits 1 otherwise).
  { name: 'kernel', argv: [bin('vitest/vitest.mjs'), 'run', '--project', 'kernel', '--passWithNoTests'], timeoutMs: 8 * MIN, beside: true },
  { name: 'build', argv: [bin('vite/bin/vite.js'), 'build'], timeoutMs: 2 * MIN },
  { name: 'e2e', argv: [bin('@playwright/test/cli.js'), 'test'], timeoutMs: 9 * MIN, needs: 'build' },
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
    for (const child of running) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    }
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
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal); // the step's whole process group (browsers, servers)
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(`\n[test-all] ${step.name}: no result after ${step.timeoutMs / 1000} s, stopping it\n`);
      // SIGINT to the runner first: Playwright then closes its browsers and the preview
      // server it started in a process group of its own (a group-wide SIGTERM left that
      // server holding the port); then the whole group, harder.
      try {
        child.kill('SIGINT');
      } catch {
        /* already gone */
      }
      setTimeout(() => kill('SIGTERM'), 15_000).unref();
      setTimeout(() => kill('SIGKILL'), 25_000).unref();
    }, step.timeoutMs);
    const finish = (code) => {
      running.delete(child);
      clearTimeout(timer);
      scan('\n');
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

// Groups of steps that run together: a step and the ones `beside` it.
const groups = [];
for (const step of steps) {
  if (step.beside && groups.length > 0) groups[groups.length - 1].push(step);
  else groups.push([step]);
}

const title = (step) => `${step.name}: ${['node', ...step.argv.map((a) => path.relative(ROOT, a) || a)].join(' ')}`;
const results = [];
const t0 = Date.now();
for (const group of groups) {
  const runnable = [];
  for (const step of group) {
    const dep = step.needs && results.find((r) => r.name === step.needs);
    if (dep && dep.code !== 0) {
      banner(`${step.name}: not run (${step.needs} failed)`);
      results.push({ name: step.name, code: 1, ms: 0, note: `not run: ${step.needs} failed` });
    } else runnable.push(step);
  }
  if (runnable.length === 1) {
    banner(title(runnable[0]));
    results.push({ name: runnable[0].name, ...(await run(runnable[0])) });
    continue;
  }
  // Side by side: each step's output is kept and printed, in order, once it has ended.
  banner(`${runnable.map((s) => s.name).join(' + ')}: side by side`);
  const outputs = runnable.map(() => []);
  const ended = await Promise.all(runnable.map((step, i) => run(step, { stdout: (d) => outputs[i].push(['out', d]), stderr: (d) => outputs[i].push(['err', d]) })));
  runnable.forEach((step, i) => {
    banner(title(step));
    for (const [fd, d] of outputs[i]) (fd === 'out' ? process.stdout : process.stderr).write(d);
    results.push({ name: step.name, ...ended[i] });
  });
}
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
