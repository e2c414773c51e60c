/**
 * Seed article 000's Python client in the scripted REPL (python/repl.ts):
 * `pip install redis`, `python`, `import redis`, `redis.StrictRedis(...)`,
 * `set`/`get` over the simulated TCP path to the linked redis. Texts from
 * CPython 3.14's and 3.12's Lib/site.py (banner), Lib/traceback.py (frames,
 * carets) and Lib/_colorize.py (colours), and redis-py's redis/utils.py
 * `format_error_message` (ConnectionError).
 */
import { describe, expect, it } from 'vitest';
import { replLineOf } from '../../src/sim/shell/console.ts';
import { PythonRepl, type PythonSetup } from '../../src/sim/shell/python/repl.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const sh = (sim: Simulator, line: string) => sim.runScriptLine(line);
const py = (sim: Simulator, container: string, line: string) => sim.runScriptLine(replLineOf(container, false, 'python', line));
const ESC = String.fromCharCode(27);
const plain = (text: string) => text.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, ''))).join('');

/** Article 000's world: redis, and python linked to it as redis_alias, with a terminal. */
function article000(): Simulator {
  const sim = new Simulator({ tty: true, images: 'playground' });
  expect(sh(sim, 'docker run -d --name redis redis:latest').exitCode).toBe(0);
  expect(sh(sim, 'docker run -itd --name python --link redis:redis_alias python:latest /bin/bash').exitCode).toBe(0);
  return sim;
}

describe('python with no arguments on a terminal', () => {
  it('opens the REPL as a session of the container, with the banner of the image’s CPython', () => {
    const sim = article000();
    const open = sh(sim, 'docker exec -it python python');
    expect(open).toMatchObject({ exitCode: 0, session: { container: 'python', shell: 'python' } });
    const repl = sim.repl('python')!;
    expect(repl.banner()).toMatch(/^Python 3\.14\.7 \(main, [A-Z][a-z]{2} [ \d]\d \d{4}, \d\d:\d\d:\d\d\) \[GCC 14\.2\.0\] on linux\nType "help", "copyright", "credits" or "license" for more information\.\n$/);
    // 3.13+ draws its prompt in bold magenta on a terminal (Lib/_colorize.py Syntax.prompt).
    expect(repl.prompt()).toEqual({ plain: '>>> ', styled: '\x1b[1;35m>>>\x1b[0m ' });
  });

  it('reads EOF and ends without a terminal, as `docker exec C python` does', () => {
    const sim = article000();
    expect(sh(sim, 'docker exec python python')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sim.repl('python')).toBeUndefined();
  });

  it('says plainly where an image’s Python REPL is not modelled (Python 2 of training/webapp)', () => {
    const sim = new Simulator({ tty: true, images: 'playground' });
    sh(sim, 'docker run -itd --name web training/webapp /bin/bash');
    const out = sh(sim, 'docker exec -it web python');
    expect(out.session).toBeUndefined();
    expect(out.stderr).toBe('vethlab: python is not modelled here (the image has /usr/bin/python, but vethlab does not run it)\n');
  });
});

describe('article 000: redis-py through the link', () => {
  it('raises ModuleNotFoundError until pip installs redis, then sets and gets through the simulated network', () => {
    const sim = article000();
    sh(sim, 'docker exec -it python python');
    const missing = py(sim, 'python', 'import redis');
    expect(plain(missing.stdout)).toBe('Traceback (most recent call last):\n  File "<python-input-0>", line 1, in <module>\n    import redis\nModuleNotFoundError: No module named \'redis\'\n');
    // Colour as Lib/traceback.py paints it on a terminal: file, line and frame in magenta, the type bold.
    expect(missing.stdout).toContain('  File \x1b[35m"<python-input-0>"\x1b[0m, line \x1b[35m1\x1b[0m, in \x1b[35m<module>\x1b[0m\n');
    expect(missing.stdout).toContain("\x1b[1;35mModuleNotFoundError\x1b[0m: \x1b[35mNo module named 'redis'\x1b[0m\n");

    const pip = sh(sim, `docker exec python sh -c 'pip install redis'`);
    expect(pip.exitCode).toBe(0);
    expect(pip.stderr).toContain("WARNING: Running pip as the 'root' user");
    expect(py(sim, 'python', 'import redis')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(py(sim, 'python', "r = redis.StrictRedis(host='redis_alias', port=6379, db=0)").stdout).toBe('');
    const set = py(sim, 'python', "r.set('data_key','data_value')");
    expect(set.stdout).toBe('True\n');
    expect(set.traces?.length).toBeGreaterThan(0);
    expect(py(sim, 'python', "r.get('data_key')").stdout).toBe("b'data_value'\n");
    expect(py(sim, 'python', 'r.ping()').stdout).toBe('True\n');
    expect(py(sim, 'python', "r.get('nope')").stdout).toBe('');
    // The same keys as redis-cli in the redis container sees them.
    expect(sh(sim, 'docker exec redis redis-cli get data_key').stdout).toBe('data_value\n');
    sh(sim, 'docker exec redis redis-cli set other 42');
    expect(py(sim, 'python', "redis.Redis(host='redis_alias', decode_responses=True).get('other')").stdout).toBe("'42'\n");
  });

  it('gives redis-py’s ConnectionError when nothing listens, and for an unknown name', () => {
    const sim = article000();
    sh(sim, `docker exec python sh -c 'pip install redis'`);
    sh(sim, 'docker exec -it python python3');
    py(sim, 'python', 'import redis');
    py(sim, 'python', "r = redis.Redis(host='redis_alias', port=6380)");
    const refused = plain(py(sim, 'python', "r.set('k', 'v')").stdout);
    expect(refused).toMatch(/^Traceback \(most recent call last\):\n {2}File "<python-input-2>", line 1, in <module>\n {4}r\.set\('k', 'v'\)\n {4}~~~~~\^\^\^\^\^\^\^\^\^\^\n/);
    expect(refused).toContain("vethlab: redis-py's own frames are not modelled here\n");
    expect(refused.endsWith('redis.exceptions.ConnectionError: Error 111 connecting to redis_alias:6380. Connection refused.\n')).toBe(true);
    const unknown = plain(py(sim, 'python', "redis.Redis(host='nosuch').ping()").stdout);
    expect(unknown.endsWith('redis.exceptions.ConnectionError: Error -2 connecting to nosuch:6379. Name or service not known.\n')).toBe(true);
  });
});

describe('the REPL’s own Python', () => {
  const setup = (version: string): PythonSetup => ({
    version,
    build: 'main, Aug 25 2026, 03:27:40',
    compiler: 'GCC 14.2.0',
    colors: false,
    hasPackage: () => false,
    redis: () => ({ error: { errno: 111, reason: 'Connection refused' }, traces: [] }),
  });

  it('echoes expressions as their repr and keeps variables', () => {
    const repl = new PythonRepl(setup('3.14.7'));
    const run = (line: string) => repl.feed(line).output;
    expect(run('1 + 2 * 3')).toBe('7\n');
    expect(run('7 / 2')).toBe('3.5\n');
    expect(run('7 // 2, -7 // 2, -7 % 3')).toBe('(3, -4, 2)\n');
    expect(run('2 ** 100')).toBe('1267650600228229401496703205376\n');
    expect(run('0.1 + 0.2')).toBe('0.30000000000000004\n');
    expect(run('1e16, 1e-5, 2.0')).toBe('(1e+16, 1e-05, 2.0)\n');
    expect(run(`"it's"`)).toBe(`"it's"\n`);
    expect(run(`b'a\\x00'`)).toBe(`b'a\\x00'\n`);
    expect(run('x = [1, "two", None, True]')).toBe('');
    expect(run('x')).toBe("[1, 'two', None, True]\n");
    expect(run('len(x), x[1], x[-1]')).toBe("(4, 'two', True)\n");
    expect(run("{'a': 1}['a']")).toBe('1\n');
    expect(run('None')).toBe('');
    expect(run("print('hello', 42, sep='-')")).toBe('hello-42\n');
    expect(run('print()')).toBe('\n');
    expect(run('not 0 and 3 > 2')).toBe('True\n');
  });

  it('reads a statement over several lines with the `... ` prompt', () => {
    const repl = new PythonRepl(setup('3.14.7'));
    expect(repl.feed('print(1,').output).toBe('');
    expect(repl.prompt().plain).toBe('... ');
    expect(repl.feed('2)').output).toBe('1 2\n');
    expect(repl.prompt().plain).toBe('>>> ');
  });

  it('prints CPython’s traceback: the new REPL with the source and carets, 3.12 with <stdin>', () => {
    const modern = new PythonRepl(setup('3.14.7'));
    expect(modern.feed('nope').output).toBe("Traceback (most recent call last):\n  File \"<python-input-0>\", line 1, in <module>\n    nope\nNameError: name 'nope' is not defined\n");
    expect(modern.feed('print(nope)').output).toBe("Traceback (most recent call last):\n  File \"<python-input-1>\", line 1, in <module>\n    print(nope)\n          ^^^^\nNameError: name 'nope' is not defined\n");
    expect(modern.feed("1 + 'a'").output).toBe('Traceback (most recent call last):\n  File "<python-input-2>", line 1, in <module>\n    1 + \'a\'\n    ~~^~~~~\nTypeError: unsupported operand type(s) for +: \'int\' and \'str\'\n');
    expect(modern.feed('1/0').output).toBe('Traceback (most recent call last):\n  File "<python-input-3>", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n');
    const old = new PythonRepl(setup('3.12.13'));
    expect(old.feed('nope').output).toBe("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nNameError: name 'nope' is not defined\n");
    expect(old.feed("'a' + 1").output).toBe('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nTypeError: can only concatenate str (not "int") to str\n');
  });

  it('ends on exit(), quit(), Ctrl-D, and a bare exit from 3.13 on', () => {
    expect(new PythonRepl(setup('3.14.7')).feed('exit()')).toMatchObject({ exit: 0 });
    expect(new PythonRepl(setup('3.14.7')).feed('quit(3)')).toMatchObject({ exit: 3 });
    expect(new PythonRepl(setup('3.14.7')).feed('exit')).toMatchObject({ exit: 0 });
    expect(new PythonRepl(setup('3.14.7')).eof()).toMatchObject({ exit: 0 });
    const old = new PythonRepl(setup('3.12.13'));
    expect(old.feed('exit')).toEqual({ output: 'Use exit() or Ctrl-D (i.e. EOF) to exit\n' });
  });

  it('says in one line what it does not model, never nothing', () => {
    const repl = new PythonRepl(setup('3.14.7'));
    const note = '\x1b[2mvethlab: this Python statement is not modelled here (the REPL runs imports, assignments, expressions, print() and redis-py\u2019s Redis client)\x1b[0m\n';
    expect(repl.feed('def f(x):').output).toBe('');
    expect(repl.feed('    return x').output).toBe('');
    expect(repl.feed('').output).toBe(note);
    expect(repl.feed('[x for x in y]').output).toBe(note);
    expect(repl.feed("f'{x}'").output).toBe(note);
    expect(repl.feed('import os').output).toBe("\x1b[2mvethlab: Python's os module is not modelled here\x1b[0m\n");
    expect(repl.feed('import numpy').output).toContain("ModuleNotFoundError: No module named 'numpy'\n");
  });
});

describe('a REPL session as a script', () => {
  it('records each typed line as a host line that replays to the same world', async () => {
    const { replay } = await import('../../src/scenario/scenario.ts');
    const { parseReplLine } = await import('../../src/sim/shell/console.ts');
    expect(replLineOf('py', false, 'python3', "r.set('k', 'v')")).toBe("docker exec -it py python3 # >>> r.set('k', 'v')");
    expect(replLineOf('py', true, 'python3', 'exit()')).toBe('docker attach py # >>> exit()');
    expect(parseReplLine("docker exec -it py python3 # >>> r.set('k', 'v')")).toEqual({ container: 'py', main: false, typed: "r.set('k', 'v')" });
    expect(parseReplLine('docker attach py # >>> exit(3)')).toEqual({ container: 'py', main: true, typed: 'exit(3)' });
    expect(parseReplLine('docker exec py python3 # >>> 1')).toBeUndefined();
    const world = replay([
      'docker run -d --name cache redis:latest',
      'docker run -it --name py --link cache:redis_alias python:latest',
      `docker exec py sh -c 'pip install redis'`,
      replLineOf('py', true, 'python3', 'import redis'),
      replLineOf('py', true, 'python3', "redis.Redis(host='redis_alias').set('k', 'v')"),
      replLineOf('py', true, 'python3', 'exit(3)'),
    ]);
    expect(world.outputs[4]!.stdout).toBe('True\n');
    expect(world.sim.runScriptLine('docker exec cache redis-cli get k').stdout).toBe('v\n');
    // docker attach reaches the same REPL, with its variables.
    const sim = world.sim;
    sim.runScriptLine('docker run -it --name py2 python:latest');
    sim.runScriptLine(replLineOf('py2', true, 'python3', 'x = 41'));
    expect(sim.runScriptLine('docker attach py2').session).toMatchObject({ container: 'py2', main: true });
    expect(sim.runScriptLine(replLineOf('py2', true, 'python3', 'x + 1')).stdout).toBe('42\n');
    // exit() in the main process's REPL ends the container with its status.
    expect(world.sim.runScriptLine(`docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' py`).stdout).toBe('exited 3\n');
  });
});
