/**
 * "Reproduce on Linux": a world of the playground as a shell script that builds
 * the same network on a real Linux machine without Docker (`vethlab export
 * --linux`, the UI's download, the kernel suite's gallery check). The commands
 * come from src/sim/net/export.ts; this module names the namespaces as a reader
 * expects (one per container, named after it: `vl-web`; `vl-host` for the Docker
 * host itself) and wraps them in what makes the script safe to run: checks of
 * what it needs, a clean-up (`--cleanup`, and on a failed build), a refusal to
 * reuse namespaces that exist. Pure: text in, text out.
 */
import type { KernelApi } from '../../sim/net/api.ts';
import { exportedNamespaceNames, shellQuote, worldCommands, worldHasIPv6, type ExportOptions } from '../../sim/net/export.ts';

export interface LinuxScriptOptions {
  /** Put in front of every namespace name (default `vl-`). */
  prefix?: string;
  /** What the world is, for the header (a scenario's title). */
  title?: string;
}

export const DEFAULT_PREFIX = 'vl-';
const CONTAINER = 'container:';

/**
 * A namespace's real name, before the prefix: a container's is its name
 * (`container:web` -> `web`), unless that is taken by one of the machines
 * (`host`, `lan`, `gw`): then `ctr-NAME`. Characters a name cannot hold become `-`.
 */
export function namespaceRenamer(kernel: KernelApi): (name: string) => string {
  const machines = new Set(kernel.namespaces().map((n) => n.name).filter((n) => !n.startsWith(CONTAINER)));
  return (name: string) => {
    const clean = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '-');
    if (!name.startsWith(CONTAINER)) return clean(name);
    const container = clean(name.slice(CONTAINER.length));
    return machines.has(container) ? `ctr-${container}` : container;
  };
}

/** The export options for a world: the prefix and its namespaces' real names. */
export function linuxExportOptions(kernel: KernelApi, prefix = DEFAULT_PREFIX): ExportOptions {
  return { prefix, rename: namespaceRenamer(kernel) };
}

/** The prefix must make namespace names of its own: letters, digits, `.`, `_`, `-`. */
export function validPrefix(prefix: string): boolean {
  return /^[A-Za-z0-9_.-]{1,32}$/.test(prefix);
}

/** The script, ready to save and run with `sudo sh FILE` (and `sudo sh FILE --cleanup`). */
export function linuxScript(kernel: KernelApi, options: LinuxScriptOptions = {}): string {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  if (!validPrefix(prefix)) throw new Error(`invalid namespace prefix "${prefix}": use letters, digits, ".", "_" or "-"`);
  const opts = linuxExportOptions(kernel, prefix);
  const names = exportedNamespaceNames(kernel, opts);
  const title = options.title?.replace(/[\r\n]+/g, ' ').trim();
  const lines = [
    '#!/bin/sh',
    `# ${title ? `"${title}": a` : 'A'} vethlab world rebuilt on the real Linux kernel, without Docker.`,
    '#',
    `# Safe to run: everything it makes lives in network namespaces named ${prefix}*:`,
    `# one per container (named after it), ${prefix}host for the Docker host itself and, where the`,
    `# world has them, ${prefix}lan and ${prefix}gw for the LAN machine and the router. Your machine's own`,
    '# interfaces, addresses, routes, sysctls and iptables rules are never touched. The one',
    '# machine-wide change: a world with bridges loads the br_netfilter module (as Docker',
    '# does), after which bridged traffic passes iptables in every namespace.',
    '#',
    `# Needs: root, iproute2 (ip netns), iptables (iptables-restore${worldHasIPv6(kernel) ? ', ip6tables-restore' : ''}), sysctl.`,
    '#   sudo sh FILE            builds the world',
    '#   sudo sh FILE --cleanup  removes everything it made',
    '#   sudo ip netns exec NAME sh    a shell inside one namespace',
    '# It starts no servers: the listening sockets of the simulation are listed at the end.',
    '',
    `NAMESPACES=${shellQuote(names.join(' '))}`,
    '',
    'cleanup() {',
    '  for ns in $NAMESPACES; do',
    '    if ip netns list 2>/dev/null | cut -d" " -f1 | grep -qxF "$ns"; then ip netns del "$ns"; fi',
    '  done',
    '}',
    '',
    'fail() {',
    '  echo "vethlab: $*" >&2',
    '  exit 1',
    '}',
    '',
    'case "${1-}" in',
    '  --cleanup)',
    '    [ "$(id -u)" = 0 ] || fail "run me as root to remove the namespaces: sudo sh $0 --cleanup"',
    '    cleanup',
    '    echo "vethlab: removed the namespaces $NAMESPACES"',
    '    exit 0',
    '    ;;',
    '  "") ;;',
    '  *)',
    '    echo "usage: sh $0 [--cleanup]" >&2',
    '    exit 2',
    '    ;;',
    'esac',
    '',
    '# --- what it needs ---',
    '[ "$(uname -s)" = Linux ] || fail "this script needs Linux (network namespaces), not $(uname -s)"',
    '[ "$(id -u)" = 0 ] || fail "run me as root: sudo sh $0"',
    'command -v ip >/dev/null 2>&1 || fail "ip not found: install iproute2 (apt-get install iproute2)"',
    'ip netns list >/dev/null 2>&1 || fail "ip netns does not work here: this iproute2 or kernel has no network namespaces"',
    'command -v iptables-restore >/dev/null 2>&1 || fail "iptables-restore not found: install iptables (apt-get install iptables)"',
    ...(worldHasIPv6(kernel)
      ? [
          '[ -d /proc/sys/net/ipv6 ] || fail "this kernel has no IPv6 (boot without ipv6.disable=1)"',
          'command -v ip6tables-restore >/dev/null 2>&1 || fail "ip6tables-restore not found: install iptables (apt-get install iptables)"',
        ]
      : []),
    'command -v sysctl >/dev/null 2>&1 || fail "sysctl not found: install procps (apt-get install procps)"',
    'for ns in $NAMESPACES; do',
    '  if ip netns list | cut -d" " -f1 | grep -qxF "$ns"; then',
    '    fail "the namespace $ns exists already: remove the last build first with sudo sh $0 --cleanup"',
    '  fi',
    'done',
    '',
    '# A build that stops halfway removes what it made.',
    'trap \'status=$?; if [ "$status" != 0 ]; then echo "vethlab: the build failed; removing its namespaces" >&2; cleanup; fi\' EXIT',
    'set -e',
    ...worldCommands(kernel, opts),
    '',
    '# --- done ---',
    'trap - EXIT',
    'echo "vethlab: built $NAMESPACES"',
    `echo "vethlab: enter one with: ip netns exec ${names[0] ?? `${prefix}host`} sh; remove them all with: sh $0 --cleanup"`,
  ];
  return `${lines.join('\n')}\n`;
}
