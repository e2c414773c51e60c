/**
 * A minimal pip for seed article 000 (`pip install redis`, then `import
 * redis` in the REPL): installing redis-py writes its package into the
 * container's site-packages, which is what `import` looks for. The index is
 * not modelled (no versions, no download lines): pip says so in one line.
 * Anything else pip is asked for gets an honest line too.
 */
import type { Command } from '../types.ts';
import { fail } from '../types.ts';

/** pip 23+'s warning for an install as root outside a virtual environment (src/pip/_internal/cli/req_command.py). */
const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you want to disable this warning.\n";

/** The packages the playground's pip installs. */
const AVAILABLE = new Set(['redis']);

/** Where a Python X.Y keeps what pip installed. */
export function sitePackages(pythonVersion: string): string {
  return `/usr/local/lib/python${pythonVersion.split('.').slice(0, 2).join('.')}/site-packages`;
}

/** `pip install NAME...` into site-packages of the Python `pythonVersion`. */
export function pipCommand(pythonVersion: string): Command {
  return (argv, ctx) => {
    const [sub, ...rest] = argv;
    if (sub !== 'install') return fail(`vethlab: ${sub === undefined ? 'pip without a command' : `pip ${sub}`} is not modelled here (only pip install redis)\n`, 1);
    const names = rest.filter((a) => !a.startsWith('-'));
    if (names.length === 0 || rest.some((a) => a.startsWith('-'))) return fail('vethlab: pip install is modelled for a package name only (pip install redis)\n', 1);
    const missing = names.filter((n) => !AVAILABLE.has(n.toLowerCase()));
    if (missing.length > 0) return fail(`vethlab: pip install ${missing.join(' ')} is not modelled here (the playground's index has redis only)\n`, 1);
    const site = sitePackages(pythonVersion);
    let prefix = '';
    for (const part of `${site}/redis`.split('/').filter(Boolean)) {
      prefix += `/${part}`;
      if (ctx.fs.stat(prefix) === undefined) ctx.fs.mkdir(prefix);
    }
    ctx.fs.write(`${site}/redis/__init__.py`, '', false);
    return {
      stdout: `vethlab: pip installed redis-py into ${site} (the package index and pip's download lines are not modelled)\n`,
      stderr: ROOT_WARNING,
      exitCode: 0,
    };
  };
}
