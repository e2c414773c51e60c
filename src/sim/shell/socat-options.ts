/**
 * socat 1.8's command-line options (socat.c main): the direction (-u, -U), the
 * diagnostics (-d forms, -l?), the data dumps (-v, -x), the IP version (-4, -6,
 * -0) and the timeouts and buffer size, which do not change what a conversation
 * in vethlab shows (-t, -b; -T only ends a client whose stdio has ignoreeof). A letter socat knows and vethlab does not model
 * is refused in one `vethlab:` line; merged single letters get socat's hint;
 * -h prints socat's help (socat-help.ts).
 * Source: socat 1.8.0.1's socat.c (option loop, socat_opt_hint), error.c; the -d forms
 * (strtol numbers, the usage for a stray letter) as 1.8.0.3's socat.c reads them.
 */
import { SOCAT_ADDRESS_HELP, SOCAT_USAGE } from './socat-help.ts';
import { socatLongHelp } from './socat-help-long.ts';
import { DEFAULT_LOG, debugOption, LEVEL, type LogSettings } from './socat-log.ts';

export interface SocatSettings {
  toRight: boolean;
  toLeft: boolean;
  log: LogSettings;
  /** -v: a text dump of each block on stderr; -x: a hex dump (both: the combined form). */
  dump: { text: boolean; hex: boolean };
  /** -T: the total inactivity timeout in seconds; undefined without one (or negative, socat's "infinite"). */
  totalTimeout?: number;
}

/**
 * The options read, or why socat stops there. What socat wrote to stderr and went
 * on (the usage, after a malformed -d) comes beside it, as `printed`.
 */
export type ParsedOptions =
  | { ok: true; settings: SocatSettings; addresses: string[] }
  /** socat's own error (logged as `E` with the log settings read so far), its plain stderr text (the hint), or a `vethlab:` line. */
  | { ok: false; error: string; log?: LogSettings }
  | { ok: false; stderr: string }
  | { ok: false; vethlab: string }
  /** What socat prints and exits with before reading any address (-h). */
  | { ok: false; printed: { stdout: string; stderr: string; exitCode: number } };

/** Options without an argument: a letter after them is socat's "Do not merge" hint. */
const SINGLE = 'uUvxsgD0';
/** Options taking an argument (joined or the next word) that change nothing vethlab shows. */
const TIMING = 't T b'.split(' ');
/** socat.c's other letters: known, not modelled. */
const UNMODELLED = 'HDsSgLWrR';

/**
 * `threshold`: what is printed without -d; 1.8 prints warnings, 1.7 (Debian 12's
 * 1.7.4.4) errors only (1.8.0.0's CHANGES: "Now warning messages are printed by default").
 */
export function parseOptions(argv: readonly string[], threshold: number = DEFAULT_LOG.threshold): { parsed: ParsedOptions; printed: string } {
  const out = { printed: '' };
  const parsed = readOptions(argv, threshold, out);
  return { parsed, printed: out.printed };
}

/** The option loop; `out.printed` collects what it writes to stderr and goes on. */
function readOptions(argv: readonly string[], threshold: number, out: { printed: string }): ParsedOptions {
  const settings: SocatSettings = { toRight: true, toLeft: true, log: { ...DEFAULT_LOG, threshold }, dump: { text: false, hex: false } };
  // socat.c's msglevel: -d options raise it, the threshold is 4 - msglevel.
  let level = 0;
  // 1.7.4.4 (Debian 12) reads -d its own way: only its plain forms are modelled.
  const older = threshold === LEVEL.error;
  let i = 0;
  // Options end at the first word that is not one ("-" alone, "-:" or "-," is the stdio address).
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-' || /^-[:,]/.test(a)) break;
    const letter = a[1]!;
    if ((SINGLE.includes(letter) || letter === '4' || letter === '6') && a.length > 2) return { ok: false, stderr: `Do not merge single character options, i.e. use "-${letter} -${a[2]}" instead of "-${letter}${a[2]}"\n` };
    if (letter === 'h' || letter === '?' || letter === 'V') {
      const done = helpOrVersion(a);
      if (done) return done;
    }
    if (letter === 'u') settings.toLeft = false;
    else if (letter === 'U') settings.toRight = false;
    else if (letter === 'v') settings.dump.text = true;
    else if (letter === 'x') settings.dump.hex = true;
    else if (letter === '4') continue; // IPv4 is what an address without a version uses already (1.8.0.1's default)
    else if (letter === '6' || letter === '0') return { ok: false, vethlab: `vethlab: socat ${a}: socat over IPv6 is not modelled yet\n` };
    else if (letter === 'd') {
      const next = debugOption(a, level);
      if (older && !('level' in next && /^-d(d*|[0-4])$/.test(a))) return { ok: false, vethlab: `vethlab: socat ${a} is not modelled for socat 1.7 (only -d, -dd... and -d0 to -d4)\n` };
      if ('error' in next) return { ok: false, error: next.error, log: { ...settings.log } };
      if ('usage' in next) {
        if (next.usage === 'exit') return { ok: false, printed: { stdout: '', stderr: SOCAT_USAGE, exitCode: 1 } };
        out.printed += SOCAT_USAGE;
        continue;
      }
      level = next.level;
      settings.log.threshold = LEVEL.error - level;
    } else if (letter === 'l') {
      const logged = logOption(a, argv[i + 1], settings.log);
      if (typeof logged === 'object') return logged;
      i += logged;
    } else if (TIMING.includes(letter)) {
      const value = a.length > 2 ? a.slice(2) : argv[++i];
      if (value === undefined) return { ok: false, error: `option -${letter} requires an argument; use option "-h" for help` };
      const seconds = Number(value);
      if (letter === 'T') {
        if (Number.isFinite(seconds) && seconds >= 0) settings.totalTimeout = seconds;
        else delete settings.totalTimeout;
      }
    } else if (a === '--experimental' || a === '--statistics') return { ok: false, vethlab: `vethlab: socat option ${a} is not modelled\n` };
    else if (letter === '-') return { ok: false, error: `unknown option "${a}"; use option "-h" for help` };
    else if (UNMODELLED.includes(letter)) return { ok: false, vethlab: `vethlab: socat option ${a} is not modelled\n` };
    else return { ok: false, error: `unknown option "${a}"; use option "-h" for help` };
  }
  return { ok: true, settings, addresses: argv.slice(i) };
}

/**
 * socat.c's -V and -h: `-h` (or `-?`, or either with other letters after) prints
 * the usage and the address list and exits 0; a second `h` or `?` (`-hh`, `-h?`)
 * adds the address options, a third (`-hhh`, and any letters after it) every
 * alias too (socat-help-long.ts). `-V` prints the build's date, uname and
 * #defines: Alpine's package's build date is not known here, so it is refused.
 * `-V` with letters after is the usage on stderr and exit 1.
 */
function helpOrVersion(a: string): Extract<ParsedOptions, { ok: false }> | undefined {
  if (a[1] === 'V') {
    if (a.length > 2) return { ok: false, printed: { stdout: '', stderr: SOCAT_USAGE, exitCode: 1 } };
    return { ok: false, vethlab: "vethlab: socat -V is not modelled (its build date, the kernel's uname and the build's feature list are the package's, which vethlab has not seen)\n" };
  }
  const more = (c: string | undefined) => c === 'h' || c === '?';
  if (more(a[2])) return { ok: false, printed: { stdout: socatLongHelp(more(a[3]) ? 2 : 1), stderr: '', exitCode: 0 } };
  return { ok: false, printed: { stdout: SOCAT_USAGE + SOCAT_ADDRESS_HELP, stderr: '', exitCode: 0 } };
}

/**
 * -ly[FACILITY] (syslog), -ls (stderr), -lf FILE (a file), -lu (microseconds),
 * -lp NAME (program name), -lh (host name); -lm is refused. Returns how many extra
 * words it took.
 */
function logOption(a: string, next: string | undefined, log: LogSettings): number | Extract<ParsedOptions, { ok: false }> {
  switch (a[2]) {
    case 'y':
      log.syslog = true;
      log.file = undefined;
      return 0;
    case 's':
      log.syslog = false;
      log.file = undefined;
      return 0;
    case 'h':
      log.withHostname = true;
      return 0;
    case 'u':
      log.micros = true;
      return 0;
    case 'p':
    case 'f': {
      const value = a.length > 3 ? a.slice(3) : next;
      if (value === undefined) return { ok: false, error: `option -l${a[2]} requires an argument; use option "-h" for help` };
      if (a[2] === 'p') log.name = value;
      else {
        log.file = value;
        log.syslog = false;
      }
      return a.length > 3 ? 0 : 1;
    }
    case 'm':
      return { ok: false, vethlab: `vethlab: socat option ${a.slice(0, 3)} is not modelled\n` };
    default:
      return { ok: false, error: `unknown log option "${a}"; use option "-h" for help` };
  }
}
