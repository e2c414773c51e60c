/**
 * A container's console as the terminal shows it: the prompt its interactive
 * shell draws (from the image's shells, userland.ts), and the line a session
 * records when the user ends a container's main shell at its terminal (`exit`
 * in the tab of `docker run -it IMAGE sh`): `docker attach C # exit N`. On a
 * real host that is how one reaches the main process (PID 1) from the host's
 * shell, then `exit N` typed at its prompt; the comment carries that typed line,
 * so the session stays a script of host lines and replays to the same world
 * (ARCHITECTURE.md, principle 2). The Simulator reads this form before the
 * shell, which would drop the comment. Pure.
 */
import type { Engine } from '../docker/engine.ts';
import type { Image } from '../docker/images.ts';
import { HOST_HOSTNAME } from '../docker/world.ts';
import type { ExecSettings } from './types.ts';

const ATTACH_EXIT = /^docker\s+attach\s+([A-Za-z0-9][A-Za-z0-9_.-]*)\s+#\s*exit(?:\s+(\d+))?\s*$/;
const REPL_LINE = /^docker\s+(?:attach\s+([A-Za-z0-9][A-Za-z0-9_.-]*)|exec\s+-it\s+([A-Za-z0-9][A-Za-z0-9_.-]*)\s+\S+)\s+# >>> (.*)$/s;

/**
 * A line typed into a Python REPL on a container's terminal, as a session
 * records it: `docker exec -it C python3 # >>> LINE` (a REPL the user started
 * with exec or from a shell), `docker attach C # >>> LINE` (the container's
 * main process). Like `attachExitLine`, the comment carries what was typed.
 */
export function replLineOf(container: string, main: boolean, program: string, line: string): string {
  return main ? `docker attach ${container} # >>> ${line}` : `docker exec -it ${container} ${program} # >>> ${line}`;
}

/** The container, REPL kind and typed text of a `replLineOf` line, or undefined for any other line. */
export function parseReplLine(line: string): { container: string; main: boolean; typed: string } | undefined {
  const m = REPL_LINE.exec(line);
  if (!m) return undefined;
  return { container: (m[1] ?? m[2])!, main: m[1] !== undefined, typed: m[3]! };
}

/** Quotes a word for a POSIX shell: bare when safe, else in single quotes (`'` as `'\\''`). */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The words of a line `shellQuote` wrote (blanks between words, single quotes, backslashes). */
function unquoteWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (c === '\\' && i + 1 < text.length) word = (word ?? '') + text[++i];
    else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Which interactive shell a typed line belongs to: a container's main shell, or the `docker exec -it` session numbered `session`. */
export interface ShellSessionRef {
  container: string;
  shell: string;
  main: boolean;
  /** Tells one `docker exec -it` tab from another (each is a shell of its own). */
  session?: number;
  exec?: ExecSettings;
}

/**
 * A line typed into an interactive shell of a container, as a session records
 * it: `docker exec -t [-e K=V] [-w DIR] [-u USER] C SHELL -c 'LINE' # session N`
 * (a shell exec'd in a tab, numbered so that two tabs are two shells) or `...
 * # session main` (the container's main shell, `docker run -it`). Run on a real
 * host it runs LINE as the tab did; the simulator reads the comment and runs
 * LINE in that shell, which keeps its variables, functions, aliases, directory
 * and `$?` from one line to the next, as a shell at a terminal does. LINE is
 * quoted, so a line of several lines (a loop) stays one command of the script.
 */
export function shellLineOf(ref: ShellSessionRef, line: string): string {
  const flags = ['-t'];
  for (const e of ref.exec?.env ?? []) flags.push('-e', shellQuote(e));
  if (ref.exec?.workdir !== undefined) flags.push('-w', shellQuote(ref.exec.workdir));
  if (ref.exec?.user !== undefined) flags.push('-u', shellQuote(ref.exec.user));
  const shell = ref.shell.split(' ').map(shellQuote).join(' ');
  return `docker exec ${flags.join(' ')} ${shellQuote(ref.container)} ${shell} -c ${shellQuote(line)} # session ${ref.main ? 'main' : (ref.session ?? 1)}`;
}

const SHELL_LINE = /^(docker\s+exec\s+-t\s.*)\s# session (main|\d+)$/s;

/**
 * A `shellLineOf` line: the docker command that reaches its shell (`docker exec -it
 * ... C SHELL`, or `docker attach C` for the main shell), the session and the typed
 * text; undefined for any other line.
 */
export function parseShellLine(line: string): { reach: string[]; session: number | 'main'; typed: string } | undefined {
  const m = SHELL_LINE.exec(line);
  if (!m) return undefined;
  const words = unquoteWords(m[1]!);
  if (words.length < 6 || words.at(-2) !== '-c') return undefined;
  const exec = ['docker', 'exec', '-it', ...words.slice(3, -2)];
  const session = m[2] === 'main' ? 'main' : Number(m[2]);
  const container = words.slice(3, -2).find((w, i, all) => !w.startsWith('-') && !['-e', '-w', '-u'].includes(all[i - 1] ?? ''));
  return { reach: session === 'main' ? ['docker', 'attach', container ?? ''] : exec, session, typed: words.at(-1)! };
}

/** The highest session number among these lines' `shellLineOf` forms (0: none). */
export function lastShellSession(lines: readonly string[]): number {
  let last = 0;
  for (const line of lines) {
    const session = parseShellLine(line)?.session;
    if (typeof session === 'number') last = Math.max(last, session);
  }
  return last;
}

/** `docker attach C # exit N`, with N as the shell gives it to the kernel (0-255). */
export function attachExitLine(container: string, status: number): string {
  return `docker attach ${container} # exit ${status & 255}`;
}

/** The container and status of an `attachExitLine` (bare `exit` at a fresh prompt: 0), or undefined for any other line. */
export function parseAttachExit(line: string): { container: string; status: number } | undefined {
  const m = ATTACH_EXIT.exec(line.trim());
  if (!m) return undefined;
  return { container: m[1]!, status: m[2] === undefined ? 0 : Number(m[2]) & 255 };
}

// ---- the prompt of a container's interactive shell ------------------------------

/** The Docker host's bash prompt (Debian's PS1 `\\u@\\h:\\w\\$ ` for root in HOME /root), plain and in Debian's colours. */
export function hostPrompt(cwd: string, hostname: string): { plain: string; styled: string } {
  const w = renderPs1('\\w', { hostname, cwd, home: '/root', shell: 'bash' });
  return { plain: `root@${hostname}:${w}# `, styled: `\x1b[1;32mroot@${hostname}\x1b[0m:\x1b[1;34m${w}\x1b[0m# ` };
}

/** busybox ash's default PS1 (lineedit: `\w \$ `), also Alpine's for a non-login `sh`. */
const ASH_PS1 = '\\w \\$ ';

/** Who the shell runs as, for the prompt: the name /etc/passwd gives the uid (none: a uid it lacks). */
export interface PromptUser {
  name: string | undefined;
  uid: number;
}

const ROOT: PromptUser = { name: 'root', uid: 0 };

/**
 * A PS1 as bash and busybox ash expand it: `\u` user (bash's `I have no name!`
 * for a uid /etc/passwd lacks), `\h` host up to the first dot, `\H` host, `\w`
 * the directory with HOME as `~`, `\W` its last part, `\$` `#` for root and `$`
 * for anyone else, `\s` the shell's name, `\v` bash's version.
 */
export function renderPs1(ps1: string, p: { hostname: string; cwd: string; home: string; shell: string; version?: string; user?: PromptUser }): string {
  const user = p.user ?? ROOT;
  const w = p.cwd === p.home ? '~' : p.cwd.startsWith(`${p.home}/`) && p.home !== '/' ? `~${p.cwd.slice(p.home.length)}` : p.cwd;
  return ps1.replace(/\\([uhHwW$sv])/g, (_m, c: string) => {
    switch (c) {
      case 'u':
        return user.name ?? 'I have no name!';
      case 'h':
        return p.hostname.split('.')[0]!;
      case 'H':
        return p.hostname;
      case 'w':
        return w;
      case 'W':
        return w === '/' || w === '~' ? w : w.slice(w.lastIndexOf('/') + 1);
      case '$':
        return user.uid === 0 ? '#' : '$';
      case 's':
        return p.shell;
      default:
        return p.version ?? '';
    }
  });
}

/**
 * The prompt the shell of an image draws at start, by what runs (`bash`,
 * `/bin/sh`, `ash`, `dash`): bash with its base's PS1 (Debian's and Ubuntu's
 * bash.bashrc `\u@\h:\w\$ ` -> `root@3f4d5c1b2a6e:/# `, Alpine's bashrc
 * `\h:\w\$ `, bash's own `\s-\v\$ ` on Oracle Linux -> `bash-5.1# `); `sh` as
 * the image has it (busybox ash `/ # `, dash `# `, bash as sh `sh-5.1# `). The
 * rig's images have busybox ash only. Data: the image's `shells` (userland.ts).
 */
export function shellPrompt(image: Pick<Image, 'shells' | 'workingDir'>, command: string, where: { hostname: string; home: string; cwd?: string; user?: PromptUser }): string {
  const shells = image.shells ?? { sh: 'ash' };
  const name = (command.trim().split(/\s+/)[0] ?? 'sh').replace(/^.*\//, '');
  const cwd = where.cwd ?? (image.workingDir || '/');
  const at = { hostname: where.hostname, cwd, home: where.home, ...(where.user ? { user: where.user } : {}) };
  const kind = name === 'bash' ? 'bash' : name === 'sh' ? shells.sh : name === 'ash' || name === 'dash' ? name : shells.sh;
  // dash's PS1: `# ` for root, `$ ` for anyone else.
  if (kind === 'dash') return (where.user?.uid ?? 0) === 0 ? '# ' : '$ ';
  if (kind === 'ash') return renderPs1(ASH_PS1, { ...at, shell: name });
  const bash = shells.bash ?? { ps1: '\\s-\\v\\$ ', version: '5.2' };
  // bash started as `sh` reads no bashrc: its compiled-in `\s-\v\$ `.
  const ps1 = name === 'bash' ? bash.ps1 : '\\s-\\v\\$ ';
  return renderPs1(ps1, { ...at, shell: name, version: bash.version });
}

/**
 * The prompt of an interactive session the client handed over (`docker run -it
 * IMAGE bash`, `docker exec -it C sh`): in the container's working directory
 * as its user, or where and as whom `docker exec -w -u` put it, with its HOME;
 * `cwd`: where the shell's last line left it.
 */
export function sessionPrompt(engine: Engine, session: { container: string; shell: string; exec?: ExecSettings; cwd?: string }): string {
  const c = engine.findContainer(session.container);
  if (!c) return ASH_PS1.replace('\\w', '/').replace('\\$', '#');
  const found = engine.processUser(c, session.exec?.user);
  const user = found && 'uid' in found ? found : undefined;
  const env = engine.containerEnv(c, { env: session.exec?.env ?? [], ...(user ? { home: user.home } : {}) });
  const home = env.find((e) => e.startsWith('HOME='))?.slice(5) ?? '/root';
  const cwd = session.cwd ?? session.exec?.workdir ?? (c.workingDir || '/');
  const passwd = user ? (engine.accounts?.(c).passwd ?? '') : '';
  const name = passwd.split('\n').map((l) => l.split(':')).find((f) => f.length > 2 && Number(f[2]) === user?.uid)?.[0];
  // The prompt's `\h` is gethostname(): under --uts host the host's name (golden run-uts-host-uname), /etc/hostname aside.
  const hostname = c.settings.utsMode === 'host' ? HOST_HOSTNAME : c.hostname;
  return shellPrompt(engine.imageOf(c), session.shell, { hostname, home, cwd, ...(user ? { user: { name, uid: user.uid } } : {}) });
}
