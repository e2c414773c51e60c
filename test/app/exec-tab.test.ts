/**
 * A container's tab gets what `docker exec` gives its shell: `docker exec -it -e
 * -w -u C sh` (and `--env-file`) opens a tab whose lines run with that
 * environment, in that directory, as that user, with TERM=xterm from the
 * terminal; the recorded lines say so, and replay to the same outputs. A
 * `docker run -it -e -w -u IMAGE sh` tab's lines run as its PID 1 does. The
 * expected texts follow the goldens exec-user-workdir and fidelity-env-overrides
 * (alpine's /etc/passwd lists nobody, uid 65534, HOME `/`; the rig's busybox lists root only).
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/app/state/store.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { sessionPrompt } from '../../src/sim/shell/console.ts';
import { MemoryStorage } from './memory-storage.ts';

function session() {
  const store = createAppStore({ storage: new MemoryStorage() });
  return { store, host: (line: string) => store.getState().runHost(line) };
}

describe('the tab of docker exec -it with -e, --env-file, -w and -u', () => {
  it('runs every line with the variables, directory and user the exec was given', () => {
    const { store, host } = session();
    host('docker run -d --name alp alpine sleep 600');
    const opened = host('docker exec -it -e GREETING=hello -w /tmp -u nobody alp sh');
    expect(opened.stderr).toBe('');
    expect(opened.session).toEqual({ container: 'alp', shell: 'sh', exec: { env: ['GREETING=hello'], workdir: '/tmp', user: 'nobody' } });
    const exec = opened.session!.exec!;
    const out = store.getState().runInContainer({ container: 'alp', shell: 'sh', main: false, session: 1, exec }, 'echo $GREETING; pwd; id; whoami; echo $HOME $TERM');
    expect(out.stdout).toBe('hello\n/tmp\nuid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\nnobody\n/ xterm\n');
    // busybox ash's `\w \$ ` as nobody in /tmp.
    expect(sessionPrompt(store.getState().sim.engine, { container: 'alp', shell: 'sh', exec })).toBe('/tmp $ ');
    const recorded = store.getState().commands.at(-1)!;
    expect(recorded).toBe(`docker exec -t -e GREETING=hello -w /tmp -u nobody alp sh -c 'echo $GREETING; pwd; id; whoami; echo $HOME $TERM' # session 1`);
    // The session replays to the same output.
    expect(replay(store.getState().commands).outputs.at(-1)!.stdout).toBe(out.stdout);
  });

  it('reads --env-file once, when the shell starts, as the client does', () => {
    const { store, host } = session();
    host(`printf 'MODE=blue\\n# a comment\\nLEVEL=3\\n' > app.env`);
    const exec = host('docker exec -it --env-file app.env -e LEVEL=4 bbox2 sh').session!.exec!;
    expect(exec.env).toEqual(['MODE=blue', 'LEVEL=3', 'LEVEL=4']);
    host(`echo MODE=red > app.env`);
    expect(store.getState().runInContainer({ container: 'bbox2', shell: 'sh', main: false, session: 1, exec }, 'echo $MODE $LEVEL').stdout).toBe('blue 4\n');
  });

  it('a bare exec tab gets TERM=xterm from the terminal, and no variables of its own', () => {
    const { store } = session();
    const out = store.getState().runInContainer({ container: 'bbox1', shell: 'sh', main: false, session: 1 }, 'env | sort');
    expect(out.stdout).toContain('TERM=xterm\n');
    expect(store.getState().commands.at(-1)).toBe(`docker exec -t bbox1 sh -c 'env | sort' # session 1`);
  });

  it('opens no tab for a user or directory the container lacks: docker exec says why', () => {
    const { host } = session();
    const noUser = host('docker exec -it -u ghost bbox1 sh');
    expect(noUser.session).toBeUndefined();
    expect(noUser.stderr).toBe('Error response from daemon: unable to find user ghost: no matching entries in passwd file\n');
    const noDir = host('docker exec -it -w /nowhere bbox1 sh');
    expect(noDir.session).toBeUndefined();
    expect(noDir.stderr).toContain('chdir to cwd ("/nowhere") set in config.json failed: no such file or directory');
  });
});

describe('the tab of docker run -it with -e, -w and -u', () => {
  it('runs its lines as the main process runs: the container’s variables, directory and user', () => {
    const { store, host } = session();
    const opened = host('docker run -it --name worker -e JOB=backup -w /srv -u 1000:1000 busybox sh');
    expect(opened.session).toEqual({ container: 'worker', shell: 'sh', main: true });
    expect(sessionPrompt(store.getState().sim.engine, { container: 'worker', shell: 'sh' })).toBe('/srv $ ');
    const out = store.getState().runInContainer({ container: 'worker', shell: 'sh', main: true }, 'echo $JOB; pwd; id; echo $HOME $TERM');
    expect(out.stdout).toBe('backup\n/srv\nuid=1000 gid=1000 groups=1000\n/ xterm\n');
    expect(host(`docker inspect -f '{{.Config.User}} {{.Config.WorkingDir}}' worker`).stdout).toBe('1000:1000 /srv\n');
  });
});
