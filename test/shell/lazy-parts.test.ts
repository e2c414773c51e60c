/**
 * The programs the browser loads on first use (src/sim/shell/lazy/). Every other test
 * file runs with all of them loaded (test/setup/lazy-parts.ts); here a fresh copy of
 * the simulator's modules starts with none, and each line runs once the parts
 * `partsForLine` names for it have loaded, as the app's lane (src/app/state/programs.ts)
 * runs it. Over every golden script, gallery scenario and tutorial, each line must print
 * what it prints with everything loaded: a part the analysis left out would show as an
 * internal error. Then the lane itself: a line that needs a part waits for it, and
 * lines given meanwhile, from a terminal or elsewhere, run after it, in order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { formatTranscript, runLines, scriptLines, type TranscriptEntry } from '../../src/cli/transcript.ts';
import { GALLERY, parseScenarioYaml, STARTER_SCENARIO } from '../../src/scenario/index.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { partsForLine } from '../../src/sim/shell/lazy/needs.ts';
import { LAZY_PARTS } from '../../src/sim/shell/lazy/parts.ts';
import type { CommandOutput } from '../../src/sim/shell/types.ts';

const GOLDEN_SCRIPTS = new URL('../golden/scripts/', import.meta.url);
const TUTORIALS = new URL('../tutorials/', import.meta.url);
/** A corpus replays twice (eagerly, then lazily); on 2 loaded cores that takes a while. */
const CORPUS_TIMEOUT = 240_000;

/** The simulator's modules afresh: no lazy part loaded. */
async function freshModules() {
  vi.resetModules();
  const parts = await import('../../src/sim/shell/lazy/parts.ts');
  const { Simulator } = await import('../../src/sim/shell/simulator.ts');
  const programs = await import('../../src/app/state/programs.ts');
  expect(LAZY_PARTS.filter((part) => parts.partsLoaded([part]))).toEqual([]);
  return { parts, Simulator, programs };
}

type Fresh = Awaited<ReturnType<typeof freshModules>>;

/** What runLine makes of a throw (scenario.ts): a line that reached a part not loaded prints this. */
function runOne(sim: { runScriptLine(line: string): CommandOutput }, line: string): CommandOutput {
  try {
    return sim.runScriptLine(line);
  } catch (e) {
    return { stdout: '', stderr: `vethlab: internal error: ${(e as Error).message}\n`, exitCode: 1 };
  }
}

/** runLines (the CLI's and the goldens' way), each line after loading only what it names. */
async function runLinesLazily(fresh: Fresh, lines: readonly string[]): Promise<TranscriptEntry[]> {
  const sim = new fresh.Simulator({ seed: 1, images: 'rig' });
  const entries: TranscriptEntry[] = [];
  for (const line of lines) {
    await fresh.parts.loadParts(partsForLine(line));
    entries.push({ line, output: runOne(sim, line) });
    sim.kernel.advance(1000);
  }
  return entries;
}

/** replay (the app's way), each line after loading only what it names. */
async function replayLazily(fresh: Fresh, lines: readonly string[], seed: number): Promise<string[]> {
  const sim = new fresh.Simulator({ seed, tty: true, images: 'playground' });
  const outputs: string[] = [];
  for (const line of lines) {
    await fresh.parts.loadParts(partsForLine(line));
    const out = runOne(sim, line);
    outputs.push(`${out.stdout}${out.stderr}[${out.exitCode}]`);
  }
  return outputs;
}

const printed = (outputs: readonly CommandOutput[]) => outputs.map((out) => `${out.stdout}${out.stderr}[${out.exitCode}]`);

describe('which parts a line may need', () => {
  it('names none for the lines a first visit starts with', () => {
    for (const line of ['docker run -dit --name bbox1 busybox', 'docker ps', 'docker ps -a', 'ping -c 1 172.17.0.2', 'docker network create --driver bridge mynet', 'docker exec web ping -c 1 db', 'iptables -t nat -L -n', 'brctl show', 'bridge link']) {
      expect(partsForLine(line), line).toEqual([]);
    }
    // The network tools and docker's printing of objects are parts of their own, which load once the terminal is idle.
    expect(partsForLine('docker run -d --name web nginx')).toEqual(['nginx']);
    expect(partsForLine('ip a')).toEqual(['nettools']);
    expect(partsForLine('docker inspect web')).toEqual(['inspect']);
    // The starter world (start over) replays without waiting.
    expect(STARTER_SCENARIO.commands.flatMap((line) => partsForLine(line))).toEqual([]);
  });

  it('names the programs a line names, however it is quoted or spelled as a path', () => {
    expect(partsForLine("docker ps | awk 'NR>1'")).toEqual(['awk']);
    expect(partsForLine('ip -4 a | a"w"k NR==2')).toEqual(['nettools', 'awk']);
    expect(partsForLine('docker exec web /bin/sed -n 1p /etc/hosts')).toEqual(['sed']);
    expect(partsForLine('docker exec web apt-get install -y curl')).toEqual(['packages', 'curl']);
    expect(partsForLine('docker run -d --name fwd alpine/socat tcp-listen:80 tcp:web:80')).toEqual(['socat', 'catalog']);
    // A tagged image reference too: alpine/socat:latest's main program is socat.
    expect(partsForLine('docker run -d --name fwd alpine/socat:latest tcp-listen:80 tcp:web:80')).toEqual(['socat', 'catalog']);
    expect(partsForLine('docker run -d alpine/socat@sha256:0123abcd tcp-listen:80 tcp:web:80')).toEqual(['socat', 'catalog']);
    expect(partsForLine('docker exec aa tcpdump -n -i eth0 & docker exec aa /usr/bin/curl -s web')).toEqual(['tcpdump', 'curl']);
    expect(partsForLine('docker exec aa dig +short web; docker exec aa host web')).toEqual(['dns']);
    expect(partsForLine('docker exec bb nslookup web | grep Address')).toEqual(['dns', 'tools']);
    expect(partsForLine('docker exec web cat /etc/hosts; sudo iptables -S')).toEqual(['tools']);
    expect(partsForLine('docker run --rm busybox /bin/ls -l /bin/busybox')).toEqual(['tools']);
    expect(partsForLine('docker exec c1 ifconfig eth0 && docker exec c1 route -n; ss -lnu')).toEqual(['nettools']);
    expect(partsForLine('docker exec web ip -br a | sort')).toEqual(['nettools', 'tools']);
    expect(partsForLine('test -f /etc/hosts && printf ok || wget -qO- web')).toEqual(['tools', 'wget']);
    expect(partsForLine('docker network inspect my_net2 && docker volume create data; docker images')).toEqual(['inspect']);
    expect(partsForLine('docker container inspect web; docker image pull busybox; docker version; docker info')).toEqual(['inspect', 'catalog']);
    // nc with /etc/services (its port names).
    expect(partsForLine('docker exec bb busybox nc -l -p 80')).toEqual(['nc', 'services']);
    expect(partsForLine('docker exec py pip3 install requests')).toEqual(['python']);
    expect(partsForLine('docker exec c1 traceroute6 -n web')).toEqual(['traceroute']);
    expect(partsForLine("docker inspect -f '{{.Name}}' web")).toEqual(['inspect', 'gotpl']);
    expect(partsForLine('docker ps --format=json')).toEqual(['gotpl']);
    expect(partsForLine('docker run -it --name py python:3.13')).toEqual(['catalog', 'python']);
    // A renamed Python image still needs a terminal to reach its REPL.
    expect(partsForLine('docker run -ti mine')).toEqual(['catalog', 'python']);
    expect(partsForLine('docker run -pd -ti mine')).toEqual(['catalog', 'python']);
    expect(partsForLine('docker run -dit busybox; docker run -it mine')).toEqual(['catalog', 'python']);
    expect(partsForLine('docker attach py')).toEqual(['python']);
    // Detached, it hands nothing over.
    expect(partsForLine('docker run -dit --name b1 busybox')).toEqual([]);
  });

  it('names the image catalog for a line that may pull an image a world does not start with', () => {
    expect(partsForLine('docker run -dit --name bbox1 --network mynet busybox')).toEqual([]);
    expect(partsForLine('docker container create --name web -p 8080:80 nginx:1.31.6')).toEqual(['nginx']);
    expect(partsForLine('docker run -d --name c0 --network net0 -p 8000:80 nginx')).toEqual(['nginx']);
    // nginx by its image ID (every world starts with it).
    expect(partsForLine('docker run -d 878c33739a8a')).toEqual(['nginx', 'catalog']);
    // The daemon takes an ID's prefix of any length, digits alone too (nginx's ID starts 878c).
    expect(partsForLine('docker run -d 878')).toEqual(['nginx', 'catalog']);
    expect(partsForLine('docker start 87')).toEqual(['nginx']);
    expect(partsForLine('docker run --rm busybox ping -c 3 x')).toEqual([]);
    expect(partsForLine('docker network create --driver bridge mynet')).toEqual([]);
    // Another repository or tag, a digest, a registry, a line the flag parser refuses or a line of more than one command.
    expect(partsForLine('docker run -d --name db postgres')).toEqual(['databases', 'catalog']);
    expect(partsForLine('docker run -d --name web nginx:alpine')).toEqual(['nginx', 'catalog']);
    expect(partsForLine('docker run -d nginx@sha256:0123abcd')).toEqual(['nginx', 'catalog']);
    expect(partsForLine('docker run -d quay.io/nginx')).toEqual(['nginx', 'catalog']);
    expect(partsForLine('docker run --name busybox -d debian')).toEqual(['catalog']);
    expect(partsForLine('docker run --bogus busybox')).toEqual(['catalog']);
    expect(partsForLine('docker run -d busybox; docker run -d debian')).toEqual(['catalog']);
    expect(partsForLine('docker pull busybox')).toEqual(['catalog']);
    // ps and docker top read the process table with the toolbox; docker's own ps does not.
    expect(partsForLine('docker ps -a; docker container ps')).toEqual([]);
    expect(partsForLine('docker exec web ps')).toEqual(['tools']);
    expect(partsForLine('docker exec docker ps')).toEqual(['tools']);
    expect(partsForLine('docker top web')).toEqual(['tools']);
    // redis-cli, and redis-server as a command, by their names or the image's.
    expect(partsForLine('docker exec client redis-cli -h db ping')).toEqual(['redis']);
    expect(partsForLine('docker run -d --name r redis --port 7000')).toEqual(['redis']);
    expect(partsForLine('docker run -d -e MONGO_INITDB_ROOT_USERNAME=a mongo:8')).toEqual(['databases', 'catalog']);
  });

  it('names every part when the text does not show what runs', () => {
    for (const line of ['echo $X', 'p=awk; $p 1', 'echo `id`', 'printf \\141wk', 'docker exec web sh -c "id"', '. ./script', 'cat list | xargs echo', 'docker compose up -d', '/usr/bin/aw? 1']) {
      expect(partsForLine(line), line).toEqual(LAZY_PARTS);
    }
  });
});

describe('lines run with only the parts they name print what they print with all', () => {
  it('the network tools in their own parts: socat, tcpdump, the name lookups, traceroute, curl, nc, Python', async () => {
    // No golden, gallery scenario or tutorial runs socat, tcpdump, pip or http.server (the rig's host has none of them).
    const lines = [
      'docker network create net',
      'docker run -d --name web --network net nginx',
      'docker run -d --name aa --network net alpine sleep 1000',
      'docker run -d --name bb --network net alpine sleep 1000',
      'docker exec aa apk add socat tcpdump curl bind-tools',
      "docker exec -d aa socat TCP-LISTEN:9000,fork,reuseaddr SYSTEM:'echo hello from aa'",
      'docker exec bb nc aa 9000',
      'docker exec aa tcpdump -c 2 -n -i eth0 icmp & docker exec aa ping -c 1 web',
      'docker exec aa dig +short web',
      'docker exec aa host web',
      'docker exec aa traceroute -n web',
      'docker exec aa curl -sI http://web/',
      'curl -s --max-time 1 http://127.0.0.1:1/',
      // alpine/socat's main program is socat, reached from `docker run` (the image's name names it).
      'docker run -d --name fwd --network net alpine/socat TCP-LISTEN:8080,fork,reuseaddr TCP:web:80',
      'docker exec bb wget -qO- fwd:8080',
      'docker run -d --name py --network net python:3.13 python3 -m http.server 8000',
      'docker exec bb wget -qO- py:8000',
      'docker exec py pip install requests',
      'docker exec bb nslookup py',
      'docker exec bb busybox nc -z -w 1 py 8000',
    ];
    const fresh = await freshModules();
    const lazily = await replayLazily(fresh, lines, 7);
    expect(lazily).toEqual(printed(replay(lines, 7).outputs));
    // Each line above named the part it reached, and only those parts were fetched.
    expect(LAZY_PARTS.filter((part) => fresh.parts.partsLoaded([part])).sort()).toEqual(['catalog', 'curl', 'dns', 'nc', 'nginx', 'packages', 'python', 'services', 'socat', 'tcpdump', 'tools', 'traceroute', 'wget']);
    expect(lazily[6]).toBe('hello from aa\n[0]');
    expect(lazily[7]).toContain('ICMP echo reply');
    expect(lazily[11]).toContain('HTTP/1.1 200 OK');
    expect(lazily[14]).toContain('<title>Welcome to nginx!</title>');
    expect(lazily[16]).toContain('<title>Directory listing for /</title>');
    expect(lazily[17]).toContain('Successfully installed certifi');
    expect(lazily[18]).toContain('Name:\tpy\n');
    expect(lazily[19]).toContain("nc: invalid option -- 'z'");
  });

  it('the image catalog, nginx, ps and docker top, and the database images’ entrypoints in their own parts', async () => {
    const lines = [
      'docker run -d --name web nginx',
      'docker rmi --force nginx',
      // nginx:latest is pulled again, from the variants every world starts with: no catalog yet (only nginx's own part).
      'docker run -d --name web2 nginx:latest',
      'docker ps',
      'ps -ef',
      'docker top web2',
      'docker run -d --name db -e POSTGRES_PASSWORD=example postgres',
      'docker run -d --name nopass mysql',
      'docker logs db',
      'docker logs nopass',
    ];
    const fresh = await freshModules();
    const sim = new fresh.Simulator({ seed: 7, tty: true, images: 'playground' });
    const lazily: string[] = [];
    for (const [i, line] of lines.entries()) {
      await fresh.parts.loadParts(partsForLine(line));
      const out = runOne(sim, line);
      lazily.push(`${out.stdout}${out.stderr}[${out.exitCode}]`);
      if (i === 3) expect(LAZY_PARTS.filter((part) => fresh.parts.partsLoaded([part]))).toEqual(['nginx']);
    }
    expect(lazily).toEqual(printed(replay(lines, 7).outputs));
    expect(LAZY_PARTS.filter((part) => fresh.parts.partsLoaded([part])).sort()).toEqual(['catalog', 'databases', 'nginx', 'tools']);
    expect(lazily[2]).toContain("Unable to find image 'nginx:latest' locally");
    expect(lazily[4]).toContain('nginx -g daemon off;');
    expect(lazily[5]).toMatch(/^UID +PID +PPID/);
    expect(lazily[8]).toContain('database system is ready to accept connections');
    expect(lazily[9]).toContain('Database is uninitialized and password option is not specified');
  });

  // Each script, scenario and tutorial starts with no part loaded: one that loaded every part
  // (a line running `sh`) would otherwise hide a part the next one reaches without naming it.
  it('every golden script', async () => {
    for (const file of readdirSync(GOLDEN_SCRIPTS).filter((f) => f.endsWith('.sh')).sort()) {
      const fresh = await freshModules();
      const lines = scriptLines(readFileSync(new URL(file, GOLDEN_SCRIPTS), 'utf8'));
      const eager = formatTranscript(runLines(lines).entries);
      expect(formatTranscript(await runLinesLazily(fresh, lines)), file).toBe(eager);
    }
  }, CORPUS_TIMEOUT);

  it('every gallery scenario, its setup and its steps', async () => {
    for (const scenario of GALLERY) {
      const fresh = await freshModules();
      const lines = [...scenario.commands, ...scenario.steps.map((s) => s.command)];
      expect(await replayLazily(fresh, lines, scenario.seed), scenario.id).toEqual(printed(replay(lines, scenario.seed).outputs));
    }
  }, CORPUS_TIMEOUT);

  it('every tutorial file', async () => {
    const files = readdirSync(TUTORIALS).filter((f) => /^[^.]+\.yaml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const read = parseScenarioYaml(readFileSync(new URL(file, TUTORIALS), 'utf8'));
      if (!read.ok) throw new Error(`${file}: unreadable`);
      const lines = [...read.doc.setup, ...(read.doc.steps ?? []).map((s) => s.run)];
      const seed = read.doc.seed ?? 1;
      const fresh = await freshModules();
      expect(await replayLazily(fresh, lines, seed), file).toEqual(printed(replay(lines, seed).outputs));
    }
  }, CORPUS_TIMEOUT);
});

describe('the lane every line of the app goes through', () => {
  it('runs a line at once when nothing is missing, else after its parts load, and keeps the order of lines given meanwhile', async () => {
    const fresh = await freshModules();
    const { whenProgramsReady } = fresh.programs;
    const ran: string[] = [];
    const needsAwk = whenProgramsReady(["echo a b | awk '{print $2}'"], () => ran.push('awk'));
    const plain = whenProgramsReady(['ip a'], () => ran.push('ip'));
    // The plain line waits behind the one loading, though it needs nothing.
    expect(needsAwk).toBeInstanceOf(Promise);
    expect(plain).toBeInstanceOf(Promise);
    expect(ran).toEqual([]);
    await plain;
    expect(ran).toEqual(['awk', 'ip']);
    await fresh.programs.programsIdle();
    expect(fresh.parts.partsLoaded(LAZY_PARTS)).toBe(true);
    // Loaded and idle: at once, with the task's own value.
    expect(whenProgramsReady(['docker ps | awk 1'], () => 'now')).toBe('now');
  });

  it('a terminal prints a waiting line as with everything loaded, and runs what was typed meanwhile after it, in order', async () => {
    const fresh = await freshModules();
    const { ShellSession } = await import('../../src/app/terminal/session.ts');
    const sim = new fresh.Simulator({ seed: 1, tty: true, images: 'playground' });
    let screen = '';
    const session = new ShellSession(
      {
        write: (data) => (screen += data),
        cols: () => 200,
        run: (line) =>
          fresh.programs.whenProgramsReady([line], () => {
            const out = runOne(sim, line);
            return { output: out.stdout + out.stderr };
          }),
        complete: () => ({ start: 0, end: 0, candidates: [] }),
        clear: () => undefined,
      },
      '$ ',
    );
    session.start();
    const lines = ["echo one two | sed 's/one/1/'", 'hostname', 'echo three'];
    // One paste: the first line waits for sed; the others are typed while it loads.
    session.handleData(lines.map((l) => `${l}\r`).join(''));
    expect(screen).not.toContain('1 two');
    await fresh.programs.programsIdle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const eager = lines.map((line) => {
      const out = replay(lines.slice(0, lines.indexOf(line) + 1)).outputs.at(-1)!;
      return out.stdout + out.stderr;
    });
    // Each line's output, as with everything loaded, follows its own line, in the order typed.
    // Without the escape sequences of redraws (ESC [ ... letter).
    const text = screen.split('\u001b[').map((piece, i) => (i === 0 ? piece : piece.replace(/^[0-9;]*[A-Za-z]/, ''))).join('').replace(/\r/g, '');
    let at = 0;
    lines.forEach((line, i) => {
      const echoed = text.indexOf(line, at);
      const output = text.indexOf(eager[i]!, echoed + line.length);
      expect(echoed, line).toBeGreaterThanOrEqual(at);
      expect(output, line).toBeGreaterThan(echoed);
      at = output + eager[i]!.length;
    });
    expect(eager[0]).toBe('1 two\n');
  });
});
