/**
 * A terminal's shell keeps its state from one line to the next, as a shell at
 * a terminal does: `cd`, variables, exports, functions, aliases and `$?` carry
 * over in the host's tab and in a container's `docker exec -it C sh` tab, the
 * prompt shows the directory (busybox ash `\w # `, bash's `root@dockerhost:\w# `),
 * and the recorded lines replay to the same world. Expected texts: busybox 1.35's
 * `sh -i` and dash 0.5.12 run on this machine (the rig's busybox, Debian's dash):
 * `alias` prints `NAME='VALUE'` by dash's hash buckets, `alias: x not found`, and
 * ash at a terminal names no line in a builtin's error.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/app/state/store.ts';
import { Screen } from '../../src/app/terminal/screen.ts';
import { type OpenedShell, type TabCallbacks, TerminalTab } from '../../src/app/terminal/tab-session.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { MemoryStorage } from './memory-storage.ts';

const text = (screen: Screen): string[] => screen.rows.map((r) => r.cells.map((c) => c.ch).join('').trimEnd());

function terminal() {
  const store = createAppStore({ storage: new MemoryStorage(), now: () => 0 });
  const opened: OpenedShell[] = [];
  const closed: string[] = [];
  const callbacks: { current: TabCallbacks } = {
    current: { openShell: (o) => opened.push(o), close: (id) => closed.push(id), detached: () => undefined, t: ((key: string) => key) as unknown as TabCallbacks['t'] },
  };
  const host = new TerminalTab(store, { id: 'host', kind: 'host' }, callbacks, 100);
  /** Types lines into a tab and returns its screen's rows. */
  const type = (tab: TerminalTab, ...lines: string[]) => {
    for (const line of lines) tab.session.handleData(`${line}\r`);
    return text(tab.screen!).filter(Boolean);
  };
  const openTab = (id: string) => {
    const o = opened.at(-1)!;
    return new TerminalTab(store, { id, kind: 'container', container: o.container, shell: o.shell, ...(o.via ? { via: o.via } : {}), ...(o.main ? { main: true } : {}), ...(o.exec ? { exec: o.exec } : {}) }, callbacks, 100);
  };
  return { store, host, type, openTab, closed };
}

describe("the host's terminal keeps its shell between lines", () => {
  it('cd, variables, exports, functions, aliases and $? carry over; the prompt shows the directory', () => {
    const { store, host, type } = terminal();
    const rows = type(host, 'cd /tmp', 'pwd', 'X=1', 'echo $X', 'export Y=2', 'sh -c \'echo child sees $X $Y\'', 'greet() { echo "hello $1"; }', 'greet you', "alias ll='echo listing'", 'll /etc', 'false', 'echo status $?', 'cd', 'pwd');
    expect(rows).toEqual([
      'terminal.welcome',
      'root@dockerhost:~# cd /tmp',
      'root@dockerhost:/tmp# pwd',
      '/tmp',
      'root@dockerhost:/tmp# X=1',
      'root@dockerhost:/tmp# echo $X',
      '1',
      'root@dockerhost:/tmp# export Y=2',
      "root@dockerhost:/tmp# sh -c 'echo child sees $X $Y'",
      'child sees 2',
      'root@dockerhost:/tmp# greet() { echo "hello $1"; }',
      'root@dockerhost:/tmp# greet you',
      'hello you',
      "root@dockerhost:/tmp# alias ll='echo listing'",
      'root@dockerhost:/tmp# ll /etc',
      'listing /etc',
      'root@dockerhost:/tmp# false',
      'root@dockerhost:/tmp# echo status $?',
      'status 1',
      'root@dockerhost:/tmp# cd',
      'root@dockerhost:~# pwd',
      '/root',
      'root@dockerhost:~#',
    ]);
    // The world is the replay of these lines (the starter's five, then these): a fresh world gets the same answers.
    const { outputs } = replay(store.getState().commands);
    expect(outputs.map((o) => o.stdout).filter(Boolean).slice(-7)).toEqual(['/tmp\n', '1\n', 'child sees 2\n', 'hello you\n', 'listing /etc\n', 'status 1\n', '/root\n']);
  });

  it('a reloaded page draws its prompt where the shell was left', () => {
    const storage = new MemoryStorage();
    const store = createAppStore({ storage, now: () => 0 });
    store.getState().runHost('mkdir -p /srv/app && cd /srv/app');
    const again = createAppStore({ storage, now: () => 0 });
    const callbacks = { current: { openShell: () => undefined, close: () => undefined, detached: () => undefined, t: ((key: string) => key) as unknown as TabCallbacks['t'] } };
    const tab = new TerminalTab(again, { id: 'host', kind: 'host' }, callbacks, 100);
    expect(text(tab.screen!).filter(Boolean).at(-1)).toBe('root@dockerhost:/srv/app#');
  });

  it('an error does not end the shell; exit does, and the next line starts a fresh one', () => {
    const { store } = terminal();
    const run = (line: string) => store.getState().runHost(line);
    // The host's terminal is bash (golden host-bash-interactive): its errors name no line.
    run('Z=kept');
    expect(run('cd /nope')).toMatchObject({ stderr: 'bash: cd: /nope: No such file or directory\n', exitCode: 1 });
    expect(run('echo $Z').stdout).toBe('kept\n');
    expect(run('alias nope')).toMatchObject({ stderr: 'bash: alias: nope: not found\n', exitCode: 1 });
    expect(run('unalias nope')).toMatchObject({ stderr: 'bash: unalias: nope: not found\n', exitCode: 1 });
    expect(run('true && exit 3')).toMatchObject({ stderr: 'exit\n', exitCode: 3 });
    expect(run('echo "[$Z]"').stdout).toBe('[]\n');
  });
});

describe("a container's docker exec -it tab keeps its shell between lines", () => {
  it('busybox ash: `/tmp # ` after cd /tmp, state carried, errors without a line number', () => {
    const { store, host, type, openTab } = terminal();
    type(host, 'docker exec -it bbox1 sh');
    const tab = openTab('bbox1');
    const rows = type(tab, 'cd /tmp', 'pwd', 'N=5; f() { echo f$N; }', 'f', 'cd /nowhere', 'echo $?', "alias zz=1 mm='a b' aa=\"it's\"", 'alias');
    expect(rows.slice(1)).toEqual([
      '/ # cd /tmp',
      '/tmp # pwd',
      '/tmp',
      '/tmp # N=5; f() { echo f$N; }',
      '/tmp # f',
      'f5',
      '/tmp # cd /nowhere',
      "sh: cd: can't cd to /nowhere: No such file or directory",
      '/tmp # echo $?',
      '2',
      `/tmp # alias zz=1 mm='a b' aa="it's"`,
      '/tmp # alias',
      "zz='1'",
      "mm='a b'",
      `aa='it'"'"'s'`,
      '/tmp #',
    ]);
    // Recorded as host lines that name the tab's shell; replayed, they answer the same.
    const commands = store.getState().commands;
    expect(commands.at(-8)).toBe("docker exec -t bbox1 sh -c 'cd /tmp' # session 1");
    expect(replay(commands).outputs.slice(-7).map((o) => o.stdout)).toEqual(['/tmp\n', '', 'f5\n', '', '2\n', '', `zz='1'\nmm='a b'\naa='it'"'"'s'\n`]);
  });

  it('two tabs are two shells; a new tab starts fresh', () => {
    const { host, type, openTab } = terminal();
    type(host, 'docker exec -it bbox1 sh');
    const first = openTab('one');
    type(first, 'cd /etc', 'A=first');
    type(host, 'docker exec -it bbox1 sh');
    const second = openTab('two');
    expect(type(second, 'pwd', 'echo "[$A]"').slice(-4)).toEqual(['/', '/ # echo "[$A]"', '[]', '/ #']);
    expect(type(first, 'echo $A').slice(-2)).toEqual(['first', '/etc #']);
  });

  it('`cd /tmp && exit` ends the shell and closes its tab', () => {
    const { host, type, openTab, closed } = terminal();
    type(host, 'docker exec -it bbox2 sh');
    const tab = openTab('bbox2');
    type(tab, 'cd /tmp && exit 4');
    expect(closed).toEqual(['bbox2']);
  });
});

describe("the main shell of docker run -it keeps its state, and ends with its container", () => {
  it('a restarted container starts a fresh shell', () => {
    const { store, host, type, openTab } = terminal();
    type(host, 'docker run -it --name keep busybox sh');
    const tab = openTab('keep');
    expect(type(tab, 'cd /etc', 'K=1', 'echo $K $(pwd)').slice(-2)).toEqual(['1 /etc', '/etc #']);
    expect(store.getState().commands.at(-1)).toBe("docker exec -t keep sh -c 'echo $K $(pwd)' # session main");
    store.getState().runHost('docker restart keep');
    const again = store.getState().runInContainer({ container: 'keep', shell: 'sh', main: true }, 'echo "[$K]" $(pwd)');
    expect(again.stdout).toBe('[] /\n');
  });
});
