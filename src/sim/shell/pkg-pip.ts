/**
 * pip install in the python images, offline against a pinned set of the
 * distributions tutorials install (redis, requests, flask and their
 * dependencies), fetched over the simulated network from pypi.org and
 * files.pythonhosted.org (both on the internet host). Output as pip 25 prints
 * it without a terminal: "Collecting", "Downloading" (wheel metadata, then the
 * wheel), "Installing collected packages", "Successfully installed", and the
 * warning about running as root (pip's src/pip/_internal/cli/req_command.py
 * and commands/install.py). Python programs do not run here, so what pip
 * installs shows in `pip list`, the next `pip install` and a built image, and its
 * console scripts (flask) are on disk, where running them says they are not modelled.
 * Versions as PyPI listed them in mid-2025; sizes rounded.
 */
import { placeFiles, type MirrorReach, type PackagePlace } from './pkg-state.ts';
import type { PackageInfo } from './pkg-catalog.ts';
import type { FileSystem } from './fs.ts';
import type { Command, CommandOutput } from './types.ts';
import { fail } from './types.ts';

interface Distribution {
  name: string;
  version: string;
  /** The wheel's size in kB (pip's "Downloading X (N kB)"). */
  kb: number;
  /** Its metadata's size in kB. */
  metaKb: number;
  /** Requirements as its metadata states them (`name` + version specifier). */
  requires: readonly string[];
}

const DISTRIBUTIONS: readonly Distribution[] = [
  { name: 'redis', version: '6.2.0', kb: 278, metaKb: 10, requires: [] },
  { name: 'charset_normalizer', version: '3.4.2', kb: 148, metaKb: 35, requires: [] },
  { name: 'idna', version: '3.10', kb: 70, metaKb: 10, requires: [] },
  { name: 'urllib3', version: '2.5.0', kb: 129, metaKb: 6.5, requires: [] },
  { name: 'certifi', version: '2025.7.14', kb: 162, metaKb: 2.4, requires: [] },
  { name: 'requests', version: '2.32.4', kb: 64, metaKb: 4.9, requires: ['charset_normalizer<4,>=2', 'idna<4,>=2.5', 'urllib3<3,>=1.21.1', 'certifi>=2017.4.17'] },
  { name: 'blinker', version: '1.9.0', kb: 8.5, metaKb: 1.6, requires: [] },
  { name: 'click', version: '8.2.1', kb: 102, metaKb: 2.5, requires: [] },
  { name: 'itsdangerous', version: '2.2.0', kb: 16, metaKb: 1.9, requires: [] },
  { name: 'MarkupSafe', version: '3.0.2', kb: 23, metaKb: 4.0, requires: [] },
  { name: 'jinja2', version: '3.1.6', kb: 134, metaKb: 2.9, requires: ['MarkupSafe>=2.0'] },
  { name: 'werkzeug', version: '3.1.3', kb: 224, metaKb: 3.7, requires: ['MarkupSafe>=2.1.1'] },
  { name: 'flask', version: '3.1.1', kb: 103, metaKb: 3.0, requires: ['blinker>=1.9.0', 'click>=8.1.3', 'itsdangerous>=2.2.0', 'jinja2>=3.1.2', 'markupsafe>=2.1.1', 'werkzeug>=3.1.0'] },
];

/** A requirement's name and its specifier (`idna<4,>=2.5` -> idna, <4,>=2.5). */
const splitRequirement = (req: string): [string, string] => {
  const at = req.search(/[<>=!~]/);
  return at < 0 ? [req, ''] : [req.slice(0, at), req.slice(at)];
};
const byName = (name: string) => DISTRIBUTIONS.find((d) => d.name.toLowerCase() === name.toLowerCase().replace(/-/g, '_'));

/**
 * Console scripts a distribution's entry points put in /usr/local/bin (its pyproject's
 * [project.scripts]: flask's `flask`, charset-normalizer's `normalizer`).
 */
const SCRIPTS: Record<string, readonly string[]> = { flask: ['/usr/local/bin/flask'], charset_normalizer: ['/usr/local/bin/normalizer'] };

/** A distribution as the place keeps it (beside apk's and apt's packages, so a built image keeps it too). */
const kept = (d: Distribution): PackageInfo => ({ name: d.name, version: d.version, arch: 'all', download: Math.round(d.kb * 1000), installed: Math.round(d.kb * 1000), depends: [], executables: SCRIPTS[d.name] ?? [], repo: 'pypi' });

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you want to disable this warning\n";

const wheel = (d: Distribution) => `${d.name.toLowerCase() === 'markupsafe' ? 'MarkupSafe' : d.name}-${d.version}-py3-none-any.whl`;
/** pip's format_size (src/pip/_internal/utils/misc.py): one decimal under 10 kB, whole kB above, MB past a million bytes. */
const size = (kb: number) => (kb > 1000 ? `${(kb / 1000).toFixed(1)} MB` : kb > 10 ? `${Math.floor(kb)} kB` : `${kb.toFixed(1)} kB`);

/** urllib3's words for a failed connection, in pip's retry warning. */
function connectionError(reach: Exclude<MirrorReach, { ok: true }>): string {
  if (reach.failure === 'dns' || reach.failure === 'nxdomain') return "NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f0e5c1d2a50>: Failed to resolve 'pypi.org' ([Errno -3] Temporary failure in name resolution)')";
  if (reach.failure === 'timeout') return "ConnectTimeoutError(<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f0e5c1d2a50>, 'Connection to pypi.org timed out. (connect timeout=15)')";
  return "NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f0e5c1d2a50>: Failed to establish a new connection: [Errno 111] Connection refused')";
}

/** A requirement to install: as written, and where it came from (`-r FILE (line N)`, pip's comes_from). */
interface Wanted {
  text: string;
  origin?: string;
}

/**
 * A requirements file's lines (pip's req_file.py): comments and blank lines skipped, each
 * requirement with its comes_from `-r FILE (line N)`; an option line (`-r`, `--index-url`...) is refused.
 */
function requirementsFile(file: string, text: string): Wanted[] | CommandOutput {
  const out: Wanted[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    if (line.startsWith('-')) return fail(`vethlab: pip's requirements file option ${line.split(/\s/)[0]} is not modelled here\n`, 1);
    out.push({ text: line, origin: `-r ${file} (line ${i + 1})` });
  }
  return out;
}

function install(place: PackagePlace, wanted: Wanted[], fs: FileSystem): CommandOutput {
  const names = wanted.map((w) => splitRequirement(w.text)[0].trim());
  const installed = place.state.pip;
  const reach = place.reach('pypi.org');
  const traces = reach.traces;
  if (!reach.ok) {
    const [first] = names;
    const retries = [4, 3, 2, 1, 0].map((total) => `WARNING: Retrying (Retry(total=${total}, connect=None, read=None, redirect=None, status=None)) after connection broken by '${connectionError(reach)}': /simple/${first}/\n`).join('');
    return { stdout: '', stderr: `${retries}ERROR: Could not find a version that satisfies the requirement ${first} (from versions: none)\nERROR: No matching distribution found for ${first}\n`, exitCode: 1, traces };
  }
  const order: { d: Distribution }[] = [];
  let stdout = '';
  // `origin`: pip's from_path, the chain of requirements that asked for it (`flask->-r requirements.txt (line 1)`).
  const visit = (d: Distribution, asked: string, origin: string | undefined, chain: string) => {
    if (order.some((o) => o.d === d)) return;
    if (installed.has(d.name)) {
      stdout += `Requirement already satisfied: ${asked} in /usr/local/lib/python3.14/site-packages ${origin ? `(from ${origin}) ` : ''}(${d.version})\n`;
      return;
    }
    order.push({ d });
    stdout += `Collecting ${asked}${origin ? ` (from ${origin})` : ''}\n  Downloading ${wheel(d)}.metadata (${size(d.metaKb)})\n`;
    for (const r of d.requires) {
      const [name, spec] = splitRequirement(r);
      visit(byName(name)!, `${name.toLowerCase()}${spec}`, chain, name.toLowerCase());
    }
  };
  for (const [i, w] of wanted.entries()) {
    const name = names[i]!;
    const d = byName(name);
    if (!d) return { stdout, stderr: `ERROR: Could not find a version that satisfies the requirement ${w.origin ? w.text : name} (from versions: none)\nERROR: No matching distribution found for ${w.origin ? w.text : name}\n`, exitCode: 1, traces };
    const asked = w.origin ? w.text : d.name.toLowerCase();
    visit(d, asked, w.origin, w.origin ? `${w.text}->${w.origin}` : d.name.toLowerCase());
  }
  for (const { d } of order) stdout += `Downloading ${wheel(d)} (${size(d.kb)})\n`;
  if (order.length === 0) return { stdout, stderr: ROOT_WARNING, exitCode: 0, traces };
  const names2 = order.map((o) => o.d).sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  stdout += `Installing collected packages: ${names2.map((d) => d.name.toLowerCase()).join(', ')}\n`;
  for (const { d } of order) {
    const p = kept(d);
    installed.set(d.name, p);
    placeFiles(fs, p);
  }
  stdout += `Successfully installed ${names2.map((d) => `${d.name.toLowerCase()}-${d.version}`).join(' ')}\n`;
  return { stdout, stderr: ROOT_WARNING, exitCode: 0, traces };
}

/** `pip install PKG...`, `pip list`, `pip --version`. */
export function pipCommand(place: () => PackagePlace, pythonVersion: string): Command {
  return (argv, ctx) => {
    const [sub, ...given] = argv;
    // -r FILE (--requirement FILE, -rFILE): the file's requirements, read from the working directory.
    const rest: string[] = [];
    const files: string[] = [];
    for (let i = 0; i < given.length; i++) {
      const a = given[i]!;
      if ((a === '-r' || a === '--requirement') && i + 1 < given.length) files.push(given[++i]!);
      else if (/^-r./.test(a) || a.startsWith('--requirement=')) files.push(a.replace(/^(-r|--requirement=)/, ''));
      else rest.push(a);
    }
    const fromFiles: Wanted[] = [];
    for (const file of files) {
      if (ctx.fs.stat(file) !== 'file') return fail(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`, 1);
      const reqs = requirementsFile(file, ctx.fs.read(file));
      if (!Array.isArray(reqs)) return reqs;
      fromFiles.push(...reqs);
    }
    const words = rest.filter((a) => !['-q', '--quiet', '--no-cache-dir', '--upgrade', '-U', '--root-user-action=ignore'].includes(a));
    const refused = words.find((a) => a.startsWith('-'));
    if (refused !== undefined) return fail(`vethlab: pip ${refused} is not modelled here\n`, 1);
    if (sub === '--version' || sub === '-V') return { stdout: `pip 25.2 from /usr/local/lib/python${pythonVersion}/site-packages/pip (python ${pythonVersion})\n`, stderr: '', exitCode: 0 };
    if (sub === 'install') {
      if (words.length === 0 && files.length === 0) return fail('ERROR: You must give at least one requirement to install (see "pip help install")\n', 1);
      const out = install(place(), [...words.map((text) => ({ text })), ...fromFiles], ctx.fs);
      const quiet = rest.includes('-q') || rest.includes('--quiet');
      const silentRoot = rest.includes('--root-user-action=ignore');
      return { ...out, stdout: quiet ? '' : out.stdout, stderr: silentRoot ? out.stderr.replace(ROOT_WARNING, '') : out.stderr };
    }
    if (sub === 'list') {
      const mine = [...place().state.pip.values()];
      const rows = [{ name: 'pip', version: '25.2' }, ...mine].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
      const width = Math.max(7, ...rows.map((r) => r.name.length));
      const vwidth = Math.max(7, ...rows.map((r) => r.version.length));
      const line = (a: string, b: string) => `${a.padEnd(width)} ${b}`.trimEnd();
      return { stdout: [line('Package', 'Version'), line('-'.repeat(width), '-'.repeat(vwidth)), ...rows.map((r) => line(r.name, r.version))].join('\n') + '\n', stderr: '', exitCode: 0 };
    }
    return fail(`vethlab: pip ${sub ?? ''} is not modelled here (install, list and --version are)\n`.replace('pip  is', 'pip without a command is'), 1);
  };
}

/** Whether pip installed a distribution in this container (Python's `import NAME` finds it). */
export function pipInstalled(state: PackagePlace['state'] | undefined, name: string): boolean {
  return state !== undefined && [...state.pip.keys()].some((n) => n.toLowerCase() === name.toLowerCase());
}
