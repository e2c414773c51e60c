/**
 * The CLI's scenario commands: `share` makes a link, `run --url` replays it
 * exactly as `run FILE` runs the file, `check` holds steps to their `expect`,
 * and a bad link or file is one line on standard error. main() runs in-process
 * with process.stdout/stderr.write captured; one test runs bin/vethlab itself,
 * as a tutorial's CI would (docs/scenarios.md).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, USAGE } from '../src/cli/main.ts';
import { docFromLink } from '../src/cli/link.ts';
import { parseScenarioFile, scriptDoc } from '../src/cli/scenario-file.ts';
import { DEFAULT_BASE, shareLink } from '../src/cli/share.ts';
import { encodeScenario, GALLERY, type ScenarioDoc, type ScenarioLayout } from '../src/scenario/index.ts';
import { toBase64Url } from '../src/scenario/link/base64url.ts';

/** Paths as a user types them, relative to the repository (vitest's working directory). */
const rel = (url: URL) => path.relative(process.cwd(), fileURLToPath(url));
const GALLERY_DIR = rel(new URL('../src/scenario/gallery/scenarios/', import.meta.url));
const FIXTURES = rel(new URL('./fixtures/scenarios/', import.meta.url));
const EXAMPLE = rel(new URL('../docs/example-scenario.yaml', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/vethlab', import.meta.url));

const GALLERY_FILES = readdirSync(GALLERY_DIR)
  .filter((f) => /^\d\d-[a-z0-9-]+\.yaml$/.test(f))
  .sort()
  .map((f) => path.join(GALLERY_DIR, f));
const fixture = (name: string) => path.join(FIXTURES, name);

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs main(args) with standard output and error captured. */
async function cli(...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (s: string) => void) => ((chunk: string | Uint8Array) => {
    append(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
    return true;
  }) as typeof process.stdout.write;
  vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (stdout += s)));
  vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (stderr += s)));
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** The link `share` prints for the file (one line, exit 0). */
async function share(...args: string[]): Promise<string> {
  const r = await cli('share', ...args);
  expect(r).toMatchObject({ status: 0, stderr: '' });
  expect(r.stdout.endsWith('\n') && !r.stdout.slice(0, -1).includes('\n')).toBe(true);
  return r.stdout.trim();
}

function readDoc(file: string): ScenarioDoc {
  return parseScenarioFile(file, readFileSync(file, 'utf8'));
}

/** A one-line error on standard error, nothing on standard output. */
function expectError(r: Result, status: number, line: string): void {
  expect(r).toEqual({ status, stdout: '', stderr: `vethlab: ${line}\n` });
}

describe('share, then run --url', () => {
  it('finds the ten gallery files', async () => {
    expect(GALLERY_FILES).toHaveLength(10);
    expect(GALLERY_FILES.map((f) => path.basename(f, '.yaml').slice(3))).toEqual(GALLERY.map((s) => s.id));
  });

  it.each(GALLERY_FILES)('%s: the link replays the same transcript and holds the same document', async (file) => {
    const ran = await cli('run', file);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(`$ ${readDoc(file).steps![0]!.run}\n`);

    const link = await share(file);
    expect(link.startsWith(`${DEFAULT_BASE}#s=1.`)).toBe(true);
    expect(await docFromLink(link)).toEqual(readDoc(file));
    expect(await cli('run', '--url', link)).toEqual(ran);
    // Just the fragment works too, with or without its '#'.
    const fragment = link.slice(DEFAULT_BASE.length);
    expect(await cli('run', `--url=${fragment}`)).toEqual(ran);
    expect(await cli('run', '--url', fragment.slice(1))).toEqual(ran);

    // The gallery file, unchanged, also has a short link; it replays the same.
    const id = readDoc(file).id!;
    expect(await share('--short', file)).toBe(`${DEFAULT_BASE}#g=${id}`);
    expect(await share('--short', '--step', '2', '--base', 'https://example.org/lab/', file)).toBe(`https://example.org/lab/#g=${id}&step=2`);
    expect(await cli('run', '--url', `https://example.org/lab/#g=${id}&step=2`)).toEqual(ran);
  });

  it('keeps a layout, to the pixel, and drops it with --no-layout', async () => {
    for (const file of [fixture('two-pings.json'), EXAMPLE]) {
      const doc = readDoc(file);
      expect(Object.keys(doc.layout ?? {}).length).toBeGreaterThan(2);
      const back = await docFromLink(await share(file));
      expect(back).toEqual(doc);
      expect(back.layout).toEqual(doc.layout);
      const { layout: _layout, ...rest } = doc;
      expect(await docFromLink(await share('--no-layout', file))).toEqual(rest);
      expect(await cli('run', '--url', await share(file))).toEqual(await cli('run', file));
    }
  });

  it('carries the collapsed networks with the layout; --no-layout leaves both out and keeps the step', async () => {
    const doc: ScenarioDoc = { vethlab: 1, setup: ['docker network create n1'], layout: { 'network:n1': [10, 20] }, view: { step: 1, collapsed: ['network:n1'] } };
    expect(await docFromLink(shareLink(doc))).toEqual(doc);
    expect(await docFromLink(shareLink(doc, { layout: false }))).toEqual({ vethlab: 1, setup: ['docker network create n1'], view: { step: 1 } });
    const onlyCollapsed: ScenarioDoc = { vethlab: 1, setup: [], view: { collapsed: ['network:bridge'] } };
    expect(await docFromLink(shareLink(onlyCollapsed, { layout: false }))).toEqual({ vethlab: 1, setup: [] });
  });

  it('sets the step the link opens at', async () => {
    const doc = await docFromLink(await share('--step', '3', EXAMPLE));
    expect(doc.view).toEqual({ step: 3 });
    expect(await share('--step=3', '--base', 'http://localhost:5173/#old', EXAMPLE)).toMatch(/^http:\/\/localhost:5173\/#s=1\.[\w-]+$/);
  });

  it('a changed gallery scenario gets a whole link even with --short, and says why', async () => {
    const r = await cli('share', '--short', EXAMPLE);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^https:\/\/vethlab\.dev\/#s=1\./);
    expect(r.stderr).toBe(`vethlab: note: ${EXAMPLE} is not one of the gallery's scenarios as this vethlab has it; the link holds the whole scenario\n`);
  });

  it('a seven-command script with a layout of its twelve nodes fits in a short link', async () => {
    const script = fixture('seven.sh');
    const doc: ScenarioDoc = {
      ...scriptDoc(readFileSync(script, 'utf8')),
      layout: JSON.parse(readFileSync(fixture('seven.layout.json'), 'utf8')) as ScenarioLayout,
    };
    expect(doc.setup).toHaveLength(7);
    expect(Object.keys(doc.layout!)).toHaveLength(12);
    const link = shareLink(doc);
    const fragment = link.slice(DEFAULT_BASE.length);
    console.log(`seven-command script with a 12-node layout: ${fragment.length} characters after ${DEFAULT_BASE} (${JSON.stringify(doc).length} of JSON)`);
    expect(fragment.startsWith('#s=1.')).toBe(true);
    expect(fragment.length).toBeLessThanOrEqual(400);
    expect(await docFromLink(link)).toEqual(doc);

    // The script's own link (no layout) replays what running the script prints.
    const ran = await cli('run', script);
    expect(ran.stdout).toContain('$ docker exec tool ping -c 1 web\nPING web (172.30.0.2): 56 data bytes\n64 bytes from 172.30.0.2');
    expect(await cli('run', '--url', await share(script))).toEqual(ran);
  });

  it('runs a scenario given as JSON', async () => {
    const r = await cli('run', fixture('two-pings.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$ docker exec alpha ping -c 1 beta\nPING beta (172.18.0.3): 56 data bytes\n');
  });
});

describe('bad links and files', () => {
  /** A good link, and its data (after `#s=`). */
  const good = () => shareLink(readDoc(GALLERY_FILES[0]!));
  const data = () => good().slice(`${DEFAULT_BASE}#s=`.length);

  it('a corrupt link', async () => {
    expectError(await cli('run', '--url', `${DEFAULT_BASE}#s=1.not*base64`), 1, 'the link is damaged: it is not a vethlab link, or it was changed when copied');
  });

  it('a truncated link', async () => {
    // Cut in the middle, at a length base64 allows (4n + 1 characters cannot be whole base64).
    let cut = Math.floor(data().length / 2);
    if ((cut - 2) % 4 === 1) cut++;
    expectError(await cli('run', '--url', `#s=${data().slice(0, cut)}`), 1, 'the link is incomplete: its end was cut off when it was copied');
  });

  it('random bytes', async () => {
    let x = 2;
    const bytes = new Uint8Array(300).map(() => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x >>> 24;
    });
    expectError(await cli('run', '--url', `#s=1.${toBase64Url(bytes)}`), 1, 'the link is damaged: it is not a vethlab link, or it was changed when copied');
  });

  it('a link of a newer version', async () => {
    expectError(await cli('run', '--url', `${DEFAULT_BASE}#s=2.xxx`), 1, 'the link was made by a newer vethlab (link version 2; this one reads up to 1)');
  });

  it('a link holding a newer document', async () => {
    const doc = { ...readDoc(EXAMPLE), vethlab: 99 } as unknown as ScenarioDoc;
    expectError(await cli('run', '--url', `#s=${encodeScenario(doc)}`), 1, "the link's scenario was made by a newer vethlab (scenario version 99; this one reads up to 1)");
  });

  it('a link holding something that is not a scenario', async () => {
    const doc = { vethlab: 1, setup: 'docker ps' } as unknown as ScenarioDoc;
    expectError(await cli('run', '--url', `#s=${encodeScenario(doc)}`), 1, "the link's scenario cannot be read: setup: Invalid type: Expected Array but received \"docker ps\"");
  });

  it('an unknown gallery scenario', async () => {
    expectError(await cli('run', '--url', `${DEFAULT_BASE}#g=no-such-scenario&step=2`), 1, 'the link names a gallery scenario this vethlab does not have: "no-such-scenario"');
  });

  it('a link without a scenario', async () => {
    expectError(await cli('run', '--url', DEFAULT_BASE), 1, 'the link holds no scenario: it has neither #s= nor #g=');
  });

  it('a YAML mistake, with its line', async () => {
    const file = fixture('bad-syntax.yaml');
    expectError(await cli('run', file), 1, `${file}: line 7, column 1: Sequence item without - indicator`);
    expectError(await cli('share', file), 1, `${file}: line 7, column 1: Sequence item without - indicator`);
  });

  it('a file from a newer vethlab, and a missing file', async () => {
    const file = fixture('newer.yaml');
    expectError(await cli('run', file), 1, `${file}: made by a newer vethlab (scenario version 99; this one reads up to 1)`);
    expectError(await cli('share', 'no-such-file.yaml'), 1, 'no-such-file.yaml: no such file');
  });

  it('commands given wrongly exit 2 with the usage', async () => {
    const usage = (r: Result, line: string) => expect(r).toEqual({ status: 2, stdout: '', stderr: `vethlab: ${line}\n${USAGE}` });
    usage(await cli('share'), 'share takes one FILE');
    usage(await cli('share', '--step', '0', EXAMPLE), '--step must be a whole number from 1, not "0"');
    usage(await cli('share', '--step', '5', EXAMPLE), '--step 5: the scenario has 4 steps');
    usage(await cli('share', '--frob', EXAMPLE), 'unknown option --frob');
    usage(await cli('run', '--url', good(), EXAMPLE), 'run takes either FILE or --url LINK');
    usage(await cli('run', '--url'), '--url needs a value');
    usage(await cli('run', '--images', 'debian', EXAMPLE), '--images must be rig or playground');
    usage(await cli('check'), 'check takes one FILE or more');
  });

  it('the usage names every command', async () => {
    expect(await cli('--help')).toEqual({ status: 0, stdout: '', stderr: USAGE });
    for (const command of ['run', 'trace', 'share', 'check']) expect(USAGE).toContain(`vethlab ${command} `);
    expect(USAGE).toContain('--url LINK');
  });
});

describe('check', () => {
  it('passes on every gallery file (with their translations beside them)', async () => {
    const steps = GALLERY.reduce((n, s) => n + s.steps.length, 0);
    const r = await cli('check', ...GALLERY_FILES);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith(`\n\n10 files, ${steps} steps: ${steps} passed, 0 failed\n`)).toBe(true);
    expect(r.stdout).not.toContain('FAIL');

    const translations = GALLERY_FILES.map((f) => f.replace(/\.yaml$/, '.zh-CN.yaml'));
    const all = await cli('check', ...GALLERY_FILES, ...translations);
    expect(all.status).toBe(0);
    expect(all.stdout).toContain(`${translations[0]} — zh-CN text of ${path.basename(GALLERY_FILES[0]!)}: ${GALLERY[0]!.steps.length} step texts\n`);
    expect(all.stdout.endsWith(`10 files, ${steps} steps: ${steps} passed, 0 failed; 10 translations read\n`)).toBe(true);
  });

  it('passes on the example of docs/scenarios.md', async () => {
    const r = await cli('check', EXAMPLE);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout: `${EXAMPLE} — Names on a user network, walls between networks
  ok   1  docker exec web ping -c 1 db
  ok   2  docker exec web ping -c 1 -W 1 172.17.0.2
  ok   3  iptables -t raw -S PREROUTING
  ok   4  docker exec web ping -c 1 legacy

1 file, 4 steps: 4 passed, 0 failed
`,
    });
  });

  it('fails on a wrong expectation, saying what happened instead', async () => {
    const file = fixture('wrong-expectations.yaml');
    const r = await cli('check', fixture('two-pings.json'), file);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const rule = '(-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP)';
    expect(r.stdout).toBe(`${fixture('two-pings.json')} — Two pings, as JSON
  ok   1  docker exec alpha ping -c 1 beta
  ok   2  docker exec beta ping -c 1 alpha
${file} — Wrong expectations
  ok   1  docker exec c1 ping -c 1 -W 1 172.17.0.2
  FAIL 2  docker exec c1 ping -c 1 -W 1 172.17.0.2: expected "dropped by raw PREROUTING rule 3", got "dropped by raw PREROUTING rule 2 ${rule}"
  FAIL 3  docker exec c1 ping -c 1 -W 1 172.17.0.2: expected the packet "replied", got "dropped by raw PREROUTING rule 2 ${rule}"
  --   4  ip route (nothing expected)

2 files, 6 steps: 3 passed, 2 failed, 1 expected nothing
`);
  });

  it('a file it cannot read: exit 2, the others still checked', async () => {
    const r = await cli('check', fixture('bad-syntax.yaml'), fixture('seven.sh'), EXAMPLE);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `vethlab: ${fixture('bad-syntax.yaml')}: line 7, column 1: Sequence item without - indicator\n` +
        `vethlab: ${fixture('seven.sh')}: not a scenario file (.yaml, .yml or .json)\n`,
    );
    expect(r.stdout.endsWith('\n1 file, 4 steps: 4 passed, 0 failed; 2 files could not be read\n')).toBe(true);
  });

  it('runs from bin/vethlab, as a tutorial’s CI runs it', { timeout: 60_000 }, () => {
    const r = spawnSync(process.execPath, [BIN, 'check', EXAMPLE, fixture('wrong-expectations.yaml')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('\n2 files, 8 steps: 5 passed, 2 failed, 1 expected nothing\n');
  });
});
