/**
 * Whether a command line may read /etc/services (the `services` part, ./parts.ts), read
 * from its text as ./needs.ts reads it (no `$`, backquote, escape or glob: those need
 * every part before this is asked). iptables and ip6tables read it in two places only:
 * a listing that prints ports by name (`-L`/`--list` without `-n`/`--numeric`: tcp's and
 * multiport's print_port) and a port given by name (`--dport http`, `--sports ssh,http`:
 * xtables_parse_port). iptables-restore reads rules the line does not show, so it may
 * always. nc is ./needs.ts's to name. It errs one way only: a listing or a port option
 * it cannot read for certain counts as one that needs the names.
 */

/** The programs that parse and list rules from their arguments. */
const RULE_PROGRAMS: ReadonlySet<string> = new Set(['iptables', 'ip6tables']);
/** The programs that read rules from a file or standard input. */
const RESTORE_PROGRAMS: ReadonlySet<string> = new Set(['iptables-restore', 'ip6tables-restore']);
/** tcp's and udp's port options (one port or range); multiport's take a list. */
const PORT_OPTIONS = ['sport', 'source-port', 'dport', 'destination-port'];
const PORT_LIST_OPTIONS = ['sports', 'source-ports', 'dports', 'destination-ports', 'ports'];
/** iptables' short options that take no argument: after them a cluster goes on with another option (cmdline.ts's SHORT). */
const NO_ARGUMENT = new Set(['V', 'f', 'b', 'v', 'n', 'x', '4', '6']);
/** Short options whose argument, when not attached, is the next word. */
const REQUIRED_ARGUMENT = new Set(['A', 'C', 'D', 'R', 'I', 'M', 'N', 'E', 'P', 'o', 'p', 's', 'd', 'j', 'i', 't', 'm', 'c', 'g']);
/** Long options that never take the next word (none, or an attached one only); any other may (an extension's). */
const NO_NEXT_WORD: ReadonlySet<string> = new Set([
  'numeric', 'verbose', 'exact', 'fragments', 'version', 'line-numbers', 'ipv4', 'ipv6', 'list', 'list-rules', 'flush', 'zero', 'delete-chain', 'wait', 'wait-interval', 'help',
]);

export function mayReadServices(line: string): boolean {
  // Each simple command (a pipeline's, a list's, a subshell's) on its own; a quote makes its words uncertain.
  for (const command of line.split(/[;&|(){}\n]+/)) {
    const quoted = /['"]/.test(command);
    const words = command.replace(/['"]/g, '').split(/[\s<>]+/).filter((w) => w !== '');
    for (const [i, word] of words.entries()) {
      const program = word.slice(word.lastIndexOf('/') + 1);
      if (RESTORE_PROGRAMS.has(program)) return true;
      // The words after the program's name: its arguments (and more, where it is an argument itself: `apk add iptables`).
      if (RULE_PROGRAMS.has(program) && rulesReadServices(words.slice(i + 1), quoted)) return true;
    }
  }
  return false;
}

/** Whether iptables with these arguments lists ports by name or may look a port up by name. */
function rulesReadServices(args: readonly string[], quoted: boolean): boolean {
  let lists = false;
  let numeric = false;
  // Whether the word before is an option that takes this one as its argument (`-t -n` names a table "-n").
  let argument = false;
  for (const [i, arg] of args.entries()) {
    const isArgument: boolean = argument;
    argument = false;
    if (arg === '!') {
      argument = isArgument;
    } else if (arg.startsWith('--')) {
      const [name = '', value] = arg.slice(2).split(/=(.*)/s);
      if (name !== '' && 'list'.startsWith(name)) lists = true;
      if (!isArgument && name.length >= 2 && 'numeric'.startsWith(name) && value === undefined) numeric = true;
      // `--source` and `--destination` are iptables' own (an exact name wins over an extension's longer one).
      const own = name === 'source' || name === 'destination';
      const single = name !== '' && !own && PORT_OPTIONS.some((option) => option.startsWith(name));
      const list = name !== '' && !own && PORT_LIST_OPTIONS.some((option) => option.startsWith(name));
      // The value, attached or the next word (`--dport ! ssh`, the old place of `!`).
      if ((single || list) && !plainPorts(value ?? args.slice(i + 1).find((w) => w !== '!'), !single, quoted)) return true;
      argument = value === undefined && !NO_NEXT_WORD.has(name);
    } else if (/^-[^-]/.test(arg)) {
      // A cluster: any L may be -L; n counts only before a letter that takes the rest as its argument (`-Ln` lists chain "n").
      if (arg.includes('L')) lists = true;
      for (const [at, letter] of [...arg.slice(1)].entries()) {
        if (letter === 'n' && !isArgument) numeric = true;
        if (NO_ARGUMENT.has(letter)) continue;
        argument = REQUIRED_ARGUMENT.has(letter) && at === arg.length - 2;
        break;
      }
    }
  }
  // A quoted word may hold more than one of the words read here (`'-n -L'` is one argument): no -n is certain then.
  return lists && (!numeric || quoted);
}

/**
 * Whether a port option's value is numbers alone, so that xtables_parse_port (ports.ts's
 * parsePort) looks no name up: a port or range (`80`, `1024:`, `:1023`), commas only in a
 * multiport list. Anything else, a missing or a quoted value, may be a name.
 */
function plainPorts(value: string | undefined, list: boolean, quoted: boolean): boolean {
  if (value === undefined || quoted) return false;
  return (list ? value.split(',') : [value]).every((port) => /^(?:\d+|\d*:\d*)$/.test(port));
}
