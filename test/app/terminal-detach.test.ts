/**
 * A container's terminal beyond its shell: Docker's detach keys (Ctrl-P
 * Ctrl-Q; a lone Ctrl-P passes on, as docker's escape proxy releases it), a
 * REPL's own prompt and Ctrl-D, and output printed above the host's prompt.
 * The texts of detaching were recorded on the rig with script(1) around
 * `docker run -it`, `docker attach` and `docker exec -it` (client 28.2.2):
 * run prints nothing; attach and exec print `read escape sequence`.
 */
import { describe, expect, it } from 'vitest';
import { imageCompletions } from '../../src/app/terminal/complete.ts';
import { type LineOutcome, ShellSession, type SessionHost } from '../../src/app/terminal/session.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function terminal(run: (line: string) => LineOutcome, extra: Partial<SessionHost> = {}) {
  let screen = '';
  const ran: string[] = [];
  const s = new ShellSession(
    {
      write: (d) => {
        screen += d;
      },
      cols: () => 80,
      run: (line) => {
        ran.push(line);
        return run(line);
      },
      complete: () => ({ candidates: [], start: 0, end: 0 }) as never,
      clear: () => undefined,
      ...extra,
    },
    '/ # ',
  );
  s.start();
  return { s, ran, screen: () => screen };
}

describe('Docker’s detach keys on a container’s terminal', () => {
  it('detaches on Ctrl-P then Ctrl-Q, typed apart or together, and runs nothing more', () => {
    let detached = 0;
    const { s, ran } = terminal(() => ({ output: '' }), { onDetach: () => detached++ });
    s.handleData('echo hi');
    s.handleData('\x10');
    expect(detached).toBe(0);
    s.handleData('\x11');
    expect(detached).toBe(1);
    s.handleData('\r');
    expect(ran).toEqual([]);

    let again = 0;
    const second = terminal(() => ({ output: '' }), { onDetach: () => again++ });
    second.s.handleData('\x10\x11ls\r');
    expect(again).toBe(1);
    expect(second.ran).toEqual([]);
  });

  it('releases a held Ctrl-P with the next key (readline’s previous-history), as docker does', () => {
    let detached = 0;
    const { s, ran } = terminal((line) => ({ output: `ran ${line}\n` }), { onDetach: () => detached++ });
    s.handleData('first\r');
    s.handleData('\x10');
    s.handleData('\r');
    expect(detached).toBe(0);
    expect(ran).toEqual(['first', 'first']);
  });

  it('leaves Ctrl-P to the line editor where nothing can detach (the host’s shell)', () => {
    const { s } = terminal((line) => ({ output: `ran ${line}\n` }));
    s.handleData('one\r');
    s.handleData('\x10');
    expect(s.text).toBe('one');
  });
});

describe('a program with its own prompt on the terminal', () => {
  it('takes its prompt, leaves shell constructs to it, and gives the shell back', () => {
    const { s, ran, screen } = terminal((line) => ({ output: line === 'print(1,' ? '' : 'ok\n' }));
    s.setProgram({ prompt: '>>> ', styled: '\x1b[1;35m>>>\x1b[0m ', shellContinuation: false });
    s.start();
    expect(screen().endsWith('\x1b[1;35m>>>\x1b[0m ')).toBe(true);
    // An open quote is Python's to judge, not a shell's PS2.
    s.handleData("x = 'a\r");
    expect(ran).toEqual(["x = 'a"]);
    s.setProgram();
    s.handleData("echo 'a\r");
    expect(ran).toEqual(["x = 'a"]);
    expect(screen().endsWith('> ')).toBe(true);
  });

  it('hands Ctrl-D at an empty prompt to the program when it ends its own way', () => {
    let eofs = 0;
    const { s, ran } = terminal(() => ({ output: '' }), {
      eof: () => {
        eofs++;
        return { output: '\n' };
      },
    });
    s.handleData('\x04');
    expect(eofs).toBe(1);
    expect(ran).toEqual([]);
  });

  it('prints above the prompt and keeps what was typed', () => {
    const { s, screen } = terminal(() => ({ output: '' }));
    s.handleData('docker p');
    s.print('read escape sequence');
    expect(screen()).toContain('\r\x1b[Jread escape sequence\r\n\r\x1b[J/ # docker p');
    expect(s.text).toBe('docker p');
  });
});

describe('image names for Tab completion', () => {
  // The simulator's first world takes seconds to build on a loaded machine.
  it('are the images’ RepoTags, as docker images lists them', { timeout: 30_000 }, () => {
    const sim = new Simulator({ images: 'playground' });
    sim.runScriptLine('docker pull redis:7');
    sim.runScriptLine('docker tag busybox mybox:1.0');
    const names = imageCompletions(sim.engine.images, (id) => sim.engine.imageService.store.repoTags(id));
    expect(names).toContain('redis:7');
    expect(names).toContain('mybox:1.0');
    expect(names).toContain('busybox:latest');
    expect(names).toEqual([...names].sort());
  });
});
