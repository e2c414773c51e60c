/**
 * The terminal without xterm: key parsing, line editing, Tab completion of
 * commands, docker subcommands/flags and names, `docker exec -it` detection, and
 * a ShellSession driven through a fake screen.
 */
import { describe, expect, it } from 'vitest';
import { applyCompletion, complete, type CompletionContext } from '../../src/app/terminal/complete.ts';
import { editLine, parseInput } from '../../src/app/terminal/keys.ts';
import { type LineOutcome, PASTE_LIMITS, pasteSize, ShellSession, toTerminal } from '../../src/app/terminal/session.ts';
import { builtinOf, interactiveExecTarget } from '../../src/app/terminal/shell-lines.ts';

const ctx: CompletionContext = {
  shell: 'host',
  containers: ['bbox1', 'bbox2', 'bbox3', 'web'],
  running: ['bbox1', 'bbox2', 'web'],
  networks: ['bridge', 'host', 'mynet', 'none'],
  images: ['busybox', 'httpd', 'redis'],
};

function candidates(line: string, c: CompletionContext = ctx): string[] {
  return complete(line, line.length, c).candidates;
}

function tab(line: string, c: CompletionContext = ctx) {
  return applyCompletion(line, complete(line, line.length, c));
}

describe('completion', () => {
  it('completes commands, with lan$ and gw$ first on a line', () => {
    expect(candidates('ipt')).toEqual(['iptables', 'iptables-restore', 'iptables-save']);
    expect(tab('dock')).toEqual({ text: 'docker ', cursor: 7 });
    expect(candidates('la')).toEqual(['lan$']);
    expect(candidates('lan$ cu')).toEqual(['curl', 'cut']);
    expect(candidates('docker ps | gr')).toEqual(['grep']);
  });

  it('completes docker subcommands, network subcommands and flags', () => {
    expect(candidates('docker ne')).toEqual(['network']);
    expect(candidates('docker network c')).toEqual(['connect', 'create']);
    expect(candidates('docker run --n')).toEqual(['--name', '--net', '--network', '--network-alias']);
    expect(candidates('docker network create --i')).toEqual(['--internal', '--ip-range']);
    expect(tab('docker exec -i').list).toBeUndefined();
  });

  it('completes container, network and image names where docker takes them', () => {
    expect(candidates('docker exec ')).toEqual(['bbox1', 'bbox2', 'web']);
    expect(candidates('docker exec -it bbox1 ')).toContain('sh');
    expect(candidates('docker stop b')).toEqual(['bbox1', 'bbox2', 'bbox3']);
    expect(candidates('docker run -d --name x --network m')).toEqual(['mynet']);
    expect(candidates('docker run -d --network=my')).toEqual(['--network=mynet']);
    expect(candidates('docker run --network c')).toEqual(['container:bbox1', 'container:bbox2', 'container:bbox3', 'container:web']);
    expect(candidates('docker run -d -p 80:80 --name w h')).toEqual(['httpd']);
    expect(candidates('docker run -d busybox ')).toEqual([]);
    expect(candidates('docker network connect m')).toEqual(['mynet']);
    expect(candidates('docker network connect mynet w')).toEqual(['web']);
    expect(candidates('docker network rm ')).toEqual(['bridge', 'host', 'mynet', 'none']);
    expect(candidates('docker inspect b')).toEqual(['bbox1', 'bbox2', 'bbox3', 'bridge']);
  });

  it('extends to the common prefix, then lists', () => {
    expect(tab('docker exec bb')).toEqual({ text: 'docker exec bbox', cursor: 16 });
    expect(tab('docker exec bbox')).toEqual({ text: 'docker exec bbox', cursor: 16, list: ['bbox1', 'bbox2'] });
    expect(tab('docker run --network contain')).toEqual({ text: 'docker run --network container:', cursor: 31 });
  });

  it('completes busybox applets and names in a container shell', () => {
    const inside = { ...ctx, shell: 'container' as const };
    expect(candidates('ns', inside)).toEqual(['nslookup']);
    expect(candidates('ping bb', inside)).toEqual(['bbox1', 'bbox2', 'bbox3']);
    expect(candidates('dock', inside)).toEqual([]);
  });
});

describe('keys and line editing', () => {
  it('parses keys, escape sequences and pasted text', () => {
    expect(parseInput('ab\x1b[Dc\r')).toEqual([{ kind: 'text', text: 'ab' }, { kind: 'left' }, { kind: 'text', text: 'c' }, { kind: 'enter' }]);
    expect(parseInput('\x1b[A\x1b[B\t\x7f\x03\x0c')).toEqual(['up', 'down', 'tab', 'backspace', 'interrupt', 'clear-screen'].map((kind) => ({ kind })));
    expect(parseInput('one\r\ntwo\n')).toEqual([{ kind: 'text', text: 'one' }, { kind: 'enter' }, { kind: 'text', text: 'two' }, { kind: 'enter' }]);
    expect(parseInput('\x1b[15~x')).toEqual([{ kind: 'text', text: 'x' }]);
  });

  it('edits like readline', () => {
    let s = { text: '', cursor: 0 };
    for (const k of parseInput('docker ps\x1b[D\x1b[Dx')) s = editLine(s, k);
    expect(s).toEqual({ text: 'docker xps', cursor: 8 });
    s = editLine(s, { kind: 'kill-word' });
    expect(s).toEqual({ text: 'docker ps', cursor: 7 });
    s = editLine({ text: 'a b c', cursor: 5 }, { kind: 'word-left' });
    expect(s.cursor).toBe(4);
    expect(editLine({ text: 'abc', cursor: 1 }, { kind: 'kill-after' })).toEqual({ text: 'a', cursor: 1 });
  });

  it('steps over an emoji as one character, never splitting its surrogate pair', () => {
    const type = (keys: string, from = { text: '', cursor: 0 }) => parseInput(keys).reduce(editLine, from);
    expect(type('echo x🐳\x7f')).toEqual({ text: 'echo x', cursor: 6 });
    expect(type('echo 🐳z\x1b[D\x1b[DQ')).toEqual({ text: 'echo Q🐳z', cursor: 6 });
    expect(type('🐳\x1b[H\x1b[3~')).toEqual({ text: '', cursor: 0 });
    expect(type('网桥\x7f')).toEqual({ text: '网', cursor: 1 });
  });
});

describe('shell lines', () => {
  it('recognises docker exec -it C sh', () => {
    expect(interactiveExecTarget('docker exec -it bbox1 sh')).toBe('bbox1');
    expect(interactiveExecTarget('docker exec -ti bbox1 /bin/sh')).toBe('bbox1');
    expect(interactiveExecTarget('docker exec -i -t bbox1 ash')).toBe('bbox1');
    expect(interactiveExecTarget('docker exec --interactive --tty web sh')).toBe('web');
    expect(interactiveExecTarget('docker exec -i bbox1 sh')).toBeUndefined();
    expect(interactiveExecTarget('docker exec -it bbox1 ping x')).toBeUndefined();
    expect(interactiveExecTarget('docker exec -it bbox1 sh -c ls')).toBeUndefined();
    expect(interactiveExecTarget('docker exec -dit bbox1 sh')).toBeUndefined();
    expect(interactiveExecTarget('docker exec -it bbox1 sh | cat')).toBeUndefined();
    expect(builtinOf(' clear ')).toBe('clear');
    // `exit N` ends a shell with N; a word that is not a number is the shell's error to give.
    expect(builtinOf('exit 1')).toBe('exit');
    expect(builtinOf('exit abc')).toBeUndefined();
  });
});

const ESC = String.fromCharCode(27);
const CSI_MOVE = new RegExp(`^${ESC}\\[(\\d*)([A-Za-z])`);
const SGR = new RegExp(`^${ESC}\\[[\\d;]*m`);

/** A tiny screen: enough of a VT100 to check what the user would see. */
class FakeScreen {
  lines: string[] = [''];
  row = 0;
  col = 0;
  constructor(readonly cols = 40) {}
  write(data: string) {
    let i = 0;
    while (i < data.length) {
      const csi = CSI_MOVE.exec(data.slice(i));
      if (csi) {
        const n = Number(csi[1] || 1);
        if (csi[2] === 'A') this.row = Math.max(0, this.row - n);
        if (csi[2] === 'B') this.row += n;
        if (csi[2] === 'C') this.col = Math.min(this.cols - 1, this.col + n);
        if (csi[2] === 'J') {
          this.lines[this.row] = (this.lines[this.row] ?? '').slice(0, this.col);
          this.lines.length = this.row + 1;
        }
        i += csi[0].length;
        continue;
      }
      const esc = SGR.exec(data.slice(i));
      if (esc) {
        i += esc[0].length;
        continue;
      }
      const ch = data[i]!;
      if (ch === '\r') this.col = 0;
      else if (ch === '\n') this.row++;
      else {
        if (this.col >= this.cols) {
          this.row++;
          this.col = 0;
        }
        const line = (this.lines[this.row] ?? '').padEnd(this.col);
        this.lines[this.row] = line.slice(0, this.col) + ch + line.slice(this.col + 1);
        this.col++;
      }
      while (this.lines.length <= this.row) this.lines.push('');
      i++;
    }
  }
  text() {
    return this.lines.map((l) => l.trimEnd()).join('\n');
  }
}

function session(run: (line: string) => LineOutcome, cols = 40) {
  const screen = new FakeScreen(cols);
  const ran: string[] = [];
  let exited = false;
  const s = new ShellSession(
    {
      write: (d) => screen.write(d),
      cols: () => cols,
      run: (line) => {
        ran.push(line);
        return run(line);
      },
      complete: (line, cursor) => complete(line, cursor, ctx),
      clear: () => {
        screen.lines = [''];
        screen.row = 0;
      },
      onExit: () => {
        exited = true;
      },
    },
    '$ ',
    '$ ',
    ['docker ps'],
  );
  s.start();
  return { s, screen, ran, exited: () => exited };
}

describe('ShellSession', () => {
  it('runs lines, prints output with CRLF, keeps history and completes', () => {
    const { s, screen, ran } = session((line) => ({ output: `ran ${line}\n` }));
    s.handleData('docker exec bb\t\t');
    expect(screen.text()).toContain('bbox1  bbox2');
    s.handleData('1\t');
    expect(s.text).toBe('docker exec bbox1 ');
    s.handleData('hostname\r');
    expect(ran).toEqual(['docker exec bbox1 hostname']);
    expect(screen.text().split('\n').slice(-2)).toEqual(['ran docker exec bbox1 hostname', '$']);
    s.handleData('\x1b[A');
    expect(s.text).toBe('docker exec bbox1 hostname');
    s.handleData('\x1b[A\x1b[A');
    expect(s.text).toBe('docker ps');
    s.handleData('\x1b[B\x1b[B');
    expect(s.text).toBe('');
    expect(toTerminal('a\nb')).toBe('a\r\nb\r\n');
  });

  it('redraws wrapped lines and edits in the middle of them', () => {
    const { s, screen } = session(() => ({ output: '' }), 20);
    s.handleData('0123456789abcdefghijklmnopqrstuvwxyz');
    expect(screen.text()).toBe('$ 0123456789abcdefgh\nijklmnopqrstuvwxyz');
    s.handleData('\x01X');
    expect(screen.text()).toBe('$ X0123456789abcdefg\nhijklmnopqrstuvwxyz');
    expect(s.cursor).toBe(1);
  });

  it('Ctrl-C drops the line, clear clears, exit closes', () => {
    const { s, screen, exited } = session((line) => (line === 'exit' ? { output: '', exit: true } : line === 'clear' ? { output: '', clear: true } : { output: '' }));
    s.handleData('abc\x03');
    expect(screen.text()).toBe('$ abc^C\n$');
    s.handleData('clear\r');
    expect(screen.text().trim()).toBe('$');
    s.handleData('exit\r');
    expect(exited()).toBe(true);
  });
});

describe('pasting', () => {
  it('runs each line of a paste, and refuses a runaway paste whole, keeping the line typed', () => {
    const { s, screen, ran } = session(() => ({ output: '' }), 200);
    s.handleData('docker ps\ndocker network ls\r\n');
    expect(ran).toEqual(['docker ps', 'docker network ls']);

    s.handleData('echo ');
    s.handleData('docker ps\n'.repeat(PASTE_LIMITS.lines + 1));
    s.handleData('a'.repeat(PASTE_LIMITS.bytes + 1));
    expect(ran).toEqual(['docker ps', 'docker network ls']);
    expect(screen.text()).toContain(`vethlab: paste too large (${10 * (PASTE_LIMITS.lines + 1)} bytes, ${PASTE_LIMITS.lines + 1} lines); nothing was run`);
    expect(screen.text()).toContain(`vethlab: paste too large (${PASTE_LIMITS.bytes + 1} bytes, 1 lines); nothing was run`);
    expect(s.text).toBe('echo ');
    s.handleData('ok\r');
    expect(ran.at(-1)).toBe('echo ok');
  });

  it('measures a paste in UTF-8 bytes and lines', () => {
    expect(pasteSize('a\nb')).toEqual({ bytes: 3, lines: 2 });
    expect(pasteSize('a\r\nb\r\n')).toEqual({ bytes: 6, lines: 2 });
    expect(pasteSize('网桥')).toEqual({ bytes: 6, lines: 1 });
  });
});

describe('completion from the simulator’s own program lists', () => {
  it('offers what the machine or the container really has', async () => {
    const { Simulator } = await import('../../src/sim/shell/simulator.ts');
    const sim = new Simulator({ images: 'playground' });
    sim.runScriptLine('docker run -itd --name bb busybox');
    sim.runScriptLine('docker run -itd --name ub ubuntu');
    const host = { ...ctx, programs: sim.programNames('host'), programsOf: (c: string) => sim.programNames({ container: c }) };
    expect(candidates('ipt', host)).toEqual(['iptables', 'iptables-restore', 'iptables-save']);
    expect(candidates('brc', host)).toEqual(['brctl']);
    expect(candidates('docker exec bb if', host)).toEqual(['ifconfig']);
    expect(candidates('docker exec ub pi', host)).toEqual([]);
    expect(candidates('p', { ...host, shell: 'container', programs: sim.programNames({ container: 'bb' }) })).toContain('ping');
  });
});
