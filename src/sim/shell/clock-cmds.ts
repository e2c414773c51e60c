/**
 * Time, from the kernel's virtual clock (never a real one): date (the default
 * `Sun Dec  6 17:57:53 UTC 2026`, +FORMAT with strftime's conversions, -u,
 * -d/--date @SECONDS, YYYY-MM-DD[ HH:MM[:SS]] or now, -R, -I[SPEC]) and sleep,
 * which moves the clock on. Machines and containers keep UTC, as the rig's
 * do. Setting the clock is refused as a container is (no CAP_SYS_TIME).
 */
import { appletUsage } from './busybox-help.ts';
import { isOutput, toolOptions, usageError } from './text-cmds.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail, ok } from './types.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime in UTC, for the conversions date(1) users write. */
export function strftime(format: string, ms: number, gnu: boolean): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  const conv: Record<string, () => string> = {
    a: () => DAYS[w]!.slice(0, 3),
    A: () => DAYS[w]!,
    b: () => MONTHS[m]!.slice(0, 3),
    h: () => MONTHS[m]!.slice(0, 3),
    B: () => MONTHS[m]!,
    c: () => `${DAYS[w]!.slice(0, 3)} ${MONTHS[m]!.slice(0, 3)} ${String(day).padStart(2)} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`,
    C: () => p2(Math.floor(Y / 100)),
    d: () => p2(day),
    D: () => `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`,
    e: () => String(day).padStart(2),
    F: () => `${Y}-${p2(m + 1)}-${p2(day)}`,
    H: () => p2(H),
    I: () => p2(H % 12 === 0 ? 12 : H % 12),
    j: () => String(yday).padStart(3, '0'),
    k: () => String(H).padStart(2),
    l: () => String(H % 12 === 0 ? 12 : H % 12).padStart(2),
    m: () => p2(m + 1),
    M: () => p2(M),
    n: () => '\n',
    N: () => (gnu ? String((ms % 1000) * 1_000_000).padStart(9, '0') : '%N'),
    p: () => (H < 12 ? 'AM' : 'PM'),
    P: () => (H < 12 ? 'am' : 'pm'),
    r: () => `${p2(H % 12 === 0 ? 12 : H % 12)}:${p2(M)}:${p2(S)} ${H < 12 ? 'AM' : 'PM'}`,
    R: () => `${p2(H)}:${p2(M)}`,
    s: () => String(Math.floor(ms / 1000)),
    S: () => p2(S),
    t: () => '\t',
    T: () => `${p2(H)}:${p2(M)}:${p2(S)}`,
    u: () => String(w === 0 ? 7 : w),
    w: () => String(w),
    x: () => `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`,
    X: () => `${p2(H)}:${p2(M)}:${p2(S)}`,
    y: () => p2(Y % 100),
    Y: () => String(Y),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  };
  return format.replace(/%(.)/g, (all, c: string) => conv[c]?.() ?? all);
}

/** A date operand of -d: @SECONDS, now, YYYY-MM-DD[ HH:MM[:SS]], or undefined when unreadable. */
function parseDate(text: string, now: number): number | undefined {
  const t = text.trim();
  if (t === '' || t === 'now') return now;
  let m = /^@(-?\d+(?:\.\d+)?)$/.exec(t);
  if (m) return Math.floor(Number(m[1]) * 1000);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  }
  return undefined;
}

export const dateCommand: Command = (argv, ctx) => {
  const busybox = ctx.userland === 'busybox';
  // -I[SPEC] takes an attached spec only (-Iseconds): take it out before getopt.
  const iso = argv.find((a) => /^-I/.test(a) || a.startsWith('--iso-8601'));
  const parsed = toolOptions('date', argv.filter((a) => a !== iso), ctx, {
    flags: 'uR',
    valued: busybox ? 'dDrs' : 'drs',
    long: { utc: { key: 'u' }, universal: { key: 'u' }, date: { key: 'd', value: 'required' }, 'rfc-email': { key: 'R' }, set: { key: 's', value: 'required' }, reference: { key: 'r', value: 'required' } },
  });
  if (isOutput(parsed)) return parsed;
  const now = ctx.kernel.now;
  let when = now;
  let format: string | undefined;
  const { options, operands } = parsed;
  for (const [k, v] of options) {
    if (k === 'd') {
      const t = parseDate(v!, now);
      if (t === undefined) return fail(busybox ? `date: invalid date '${v}'\n` : `date: invalid date \u2018${v}\u2019\n`, 1);
      when = t;
    } else if (k === 's') return fail(busybox ? "date: can't set date: Operation not permitted\n" : 'date: cannot set date: Operation not permitted\n', 1);
    else if (k === 'R') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (k === 'r') {
      if (ctx.fs.stat(v!) === undefined) return fail(busybox ? `date: can't stat '${v}': No such file or directory\n` : `date: ${v}: No such file or directory\n`, 1);
    }
  }
  if (iso) {
    const spec = iso.replace(/^(-I|--iso-8601=?)/, '') || 'date';
    format = spec.startsWith('d') ? '%Y-%m-%d' : spec.startsWith('h') ? '%Y-%m-%dT%H+00:00' : spec.startsWith('m') ? '%Y-%m-%dT%H:%M+00:00' : '%Y-%m-%dT%H:%M:%S+00:00';
  }
  for (const op of operands) {
    if (op.startsWith('+')) {
      if (format !== undefined && !busybox) return fail(`date: multiple output formats specified\n`, 1);
      format = op.slice(1);
    } else if (busybox || /^\d{8,12}(\.\d\d)?$/.test(op)) return fail(busybox ? "date: can't set date: Operation not permitted\n" : 'date: cannot set date: Operation not permitted\n', 1);
    else return fail(`date: invalid date \u2018${op}\u2019\n`, 1);
  }
  return ok(`${strftime(format ?? '%a %b %e %H:%M:%S %Z %Y', when, !busybox)}\n`);
};

/** sleep N[smhd]...: the virtual clock moves on by the sum (in the background: the process wakes after it). */
export const sleepCommand: Command = (argv, ctx: CommandContext) => {
  const busybox = ctx.userland === 'busybox';
  if (argv.length === 0) return busybox ? fail(appletUsage('sleep'), 1) : usageError('sleep', ctx, 'sleep: missing operand\n');
  const forever = (): CommandOutput => {
    if (ctx.background) return { ...ok(), running: { process: 'sleep', argv: ['sleep', ...argv], listens: [], wakeAt: Infinity } };
    return fail(`vethlab: sleep ${argv.join(' ')} would never end here\n`, 1);
  };
  // busybox sleep (coreutils/sleep.c) loops forever when its first argument starts with "inf", in any
  // case (strncasecmp(argv[0], "inf", 3)), whatever follows (rig: `sleep infinityx` keeps running).
  if (busybox && /^inf/i.test(argv[0]!)) return forever();
  const unit: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  let total = 0;
  for (const a of argv) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    // GNU sleep reads each argument with strtod, which takes inf and infinity in any case.
    if (!m && !busybox && /^inf(inity)?[smhd]?$/i.test(a)) total = Infinity;
    else if (!m) {
      if (!busybox && /^-./.test(a)) return usageError('sleep', ctx, `sleep: invalid option -- '${a[1]}'\n`);
      return busybox ? fail(`sleep: invalid number '${a}'\n`, 1) : usageError('sleep', ctx, `sleep: invalid time interval \u2018${a}\u2019\n`);
    }
    else total += Number(m[1]) * unit[m[2]!]!;
  }
  if (total === Infinity) return forever();
  const ms = Math.round(total * 1000);
  // In the background the sleep is a process that wakes later; in the foreground the clock moves on at once.
  if (ctx.background) return { ...ok(), running: { process: 'sleep', argv: ['sleep', ...argv], listens: [], wakeAt: ctx.kernel.now + ms } };
  ctx.kernel.advance(ms);
  return ok();
};
