/**
 * Multi-line constructs at the terminal and in the session: a line that opens
 * a loop, an `if`, a quote or a here-document gets the shell's PS2 (`> `) and
 * waits for its continuation; the construct then runs, is recorded, saved and
 * replayed as ONE command (a string with newlines), comes back from history as
 * such, and prints in a transcript with its further lines after `> `.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/app/state/store.ts';
import { loadSession } from '../../src/app/state/persist.ts';
import { MemoryStorage } from '../../src/app/state/memory-storage.ts';
import { awaitsMore, type LineOutcome, PS2, ShellSession } from '../../src/app/terminal/session.ts';
import { formatEntry, runLines } from '../../src/cli/transcript.ts';
import { replay } from '../../src/scenario/scenario.ts';

const CSI = new RegExp(`^${String.fromCharCode(27)}\\[(\\d*)([A-Za-z])`);

/** What the terminal shows: a VT100 reduced to what the session writes. */
class Screen {
  lines: string[] = [''];
  row = 0;
  col = 0;
  constructor(readonly cols = 60) {}
  write(data: string) {
    for (let i = 0; i < data.length; i++) {
      const csi = CSI.exec(data.slice(i));
      if (csi) {
        const n = Number(csi[1] || 1);
        if (csi[2] === 'A') this.row = Math.max(0, this.row - n);
        if (csi[2] === 'B') this.row += n;
        if (csi[2] === 'C') this.col = Math.min(this.cols - 1, this.col + n);
        if (csi[2] === 'J') {
          this.lines[this.row] = (this.lines[this.row] ?? '').slice(0, this.col);
          this.lines.length = this.row + 1;
        }
        i += csi[0].length - 1;
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
    }
  }
  /** The screen's lines, trailing blanks trimmed (so a prompt `> ` shows as `>`). */
  text() {
    return this.lines.map((l) => l.trimEnd()).join('\n');
  }
}

function terminal(run: (line: string) => LineOutcome = (line) => ({ output: `ran ${JSON.stringify(line)}\n` }), history: string[] = []) {
  const screen = new Screen();
  const ran: string[] = [];
  const s = new ShellSession(
    {
      write: (d) => screen.write(d),
      cols: () => screen.cols,
      run: (line) => {
        ran.push(line);
        return run(line);
      },
      complete: (_line, cursor) => ({ start: cursor, end: cursor, candidates: [] }),
      clear: () => undefined,
    },
    '# ',
    '# ',
    history,
  );
  s.start();
  return { s, screen, ran };
}

describe('the terminal’s continuation lines', () => {
  it('prompts with PS2 until the construct is complete, then runs it as one command', () => {
    const { s, screen, ran } = terminal();
    s.handleData('for i in 1 2; do\r');
    expect(ran).toEqual([]);
    expect(screen.text()).toBe('# for i in 1 2; do\n>');
    s.handleData('echo $i\r');
    s.handleData('done\r');
    expect(ran).toEqual(['for i in 1 2; do\necho $i\ndone']);
    expect(screen.text()).toBe(`# for i in 1 2; do\n> echo $i\n> done\nran ${JSON.stringify('for i in 1 2; do\necho $i\ndone')}\n#`);
  });

  it('waits for a here-document’s delimiter, a closing quote, and after |, && or a backslash', () => {
    const { s, ran } = terminal();
    s.handleData("cat > /tmp/f <<'EOF'\rline one\rEOF\r");
    s.handleData('echo "a\rb"\r');
    s.handleData('echo a |\rtr a b\r');
    s.handleData('echo a \\\rb\r');
    expect(ran).toEqual(["cat > /tmp/f <<'EOF'\nline one\nEOF", 'echo "a\nb"', 'echo a |\ntr a b', 'echo a \\\nb']);
  });

  it('runs a pasted multi-line script construct by construct', () => {
    const { s, ran } = terminal();
    s.handleData('x=1\nif [ $x = 1 ]; then\n  echo one\nfi\necho done\n');
    expect(ran).toEqual(['x=1', 'if [ $x = 1 ]; then\n  echo one\nfi', 'echo done']);
  });

  it('drops the open construct on Ctrl-C, and runs it as it is on Ctrl-D (the shell says what is missing)', () => {
    const { s, screen, ran } = terminal();
    s.handleData('while true; do\r\x03');
    expect(screen.text().endsWith('> ^C\n#')).toBe(true);
    s.handleData('echo after\r');
    expect(ran).toEqual(['echo after']);
    s.handleData('if true; then\r\x04');
    expect(ran).toEqual(['echo after', 'if true; then\n']);
  });

  it('keeps the construct as one history entry and draws it again over several lines', () => {
    const { s, screen } = terminal();
    s.handleData('for i in 1; do\recho $i\rdone\r');
    s.handleData('\x1b[A');
    expect(s.text).toBe('for i in 1; do\necho $i\ndone');
    expect(screen.text().split('\n').slice(-3)).toEqual(['# for i in 1; do', '> echo $i', '> done']);
    expect(s.historyLines).toEqual(['for i in 1; do\necho $i\ndone']);
  });

  it('knows a machine line’s construct (lan$, gw$) and leaves complete lines alone', () => {
    expect(awaitsMore('lan$ for i in 1 2; do')).toBe(true);
    expect(awaitsMore('docker ps')).toBe(false);
    expect(awaitsMore('echo a; done')).toBe(false);
    expect(awaitsMore('   ')).toBe(false);
    expect(PS2).toBe('> ');
  });
});

describe('a multi-line command in the session', () => {
  const loop = 'for n in 1 2 3; do\n  echo "n=$n"\ndone';
  const heredoc = "cat > /root/notes.txt <<'EOF'\nfirst $HOME\nsecond\nEOF";

  it('is one entry of the store’s list, saved and replayed as such', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage, scenario: { id: 't', titleKey: 't', notesKey: 't', commands: [] } });
    expect(store.getState().runHost(loop).stdout).toBe('n=1\nn=2\nn=3\n');
    store.getState().runHost(heredoc);
    expect(store.getState().runHost('cat /root/notes.txt').stdout).toBe('first $HOME\nsecond\n');
    expect(store.getState().commands).toEqual([loop, heredoc, 'cat /root/notes.txt']);
    const saved = loadSession(storage);
    expect(saved.kind === 'loaded' && saved.session.commands).toEqual([loop, heredoc, 'cat /root/notes.txt']);
    const again = createAppStore({ storage });
    expect(again.getState().commands).toEqual([loop, heredoc, 'cat /root/notes.txt']);
    expect(again.getState().sim.runShellOn('host', 'cat /root/notes.txt').stdout).toBe('first $HOME\nsecond\n');
  });

  it('replays in a container’s shell, where it was typed (docker exec C sh -c with the newlines inside)', () => {
    const store = createAppStore({ scenario: { id: 't', titleKey: 't', notesKey: 't', commands: ['docker run -dit --name b1 busybox'] } });
    const out = store.getState().runInContainer({ container: 'b1', shell: 'sh', main: false, session: 1 }, 'i=0\nwhile [ $i -lt 2 ]; do i=$((i+1)); echo $i; done');
    expect(out.stdout).toBe('1\n2\n');
    const line = store.getState().commands[1]!;
    expect(line).toBe("docker exec -t b1 sh -c 'i=0\nwhile [ $i -lt 2 ]; do i=$((i+1)); echo $i; done' # session 1");
    expect(replay(store.getState().commands).outputs[1]!.stdout).toBe('1\n2\n');
  });

  it('prints in a transcript with its further lines after the shell’s `> `', () => {
    const { entries } = runLines([loop]);
    expect(formatEntry(entries[0]!)).toBe('$ for n in 1 2 3; do\n>   echo "n=$n"\n> done\nn=1\nn=2\nn=3\n');
    const lan = runLines(['lan$ for i in a b; do\necho $i; done']).entries[0]!;
    expect(lan.output.stdout).toBe('a\nb\n');
  });
});
