/**
 * iptables-restore / ip6tables-restore: `*table` blocks of chain declarations
 * and rule commands, applied per COMMIT like the nft backend's batch, with the
 * real tool's messages ("line N failed", "COMMIT expected at line N").
 * Everything is applied to a copy and kept only when the whole input succeeds.
 */
import { BadArgument, CMD, parseCommand } from './cmdline.ts';
import { IptablesError, PARAMETER_PROBLEM } from './errors.ts';
import { execute } from './commands.ts';
import { type Ruleset, Table, isTableName } from './ruleset.ts';
import type { CommandResult } from './netfilter.ts';
import type { TableName } from './hook.ts';

export interface RestoreOptions {
  noflush: boolean;
  counters: boolean;
  test: boolean;
}

class RestoreFailure extends Error {
  constructor(readonly result: CommandResult) {
    super('restore failed');
  }
}

/** add_param_to_argv(): splits a line the way iptables-restore does (double quotes only). */
export function splitRestoreLine(line: string): string[] {
  const out: string[] = [];
  let buf = '';
  let open = false;
  let escaped = false;
  let have = false;
  for (const ch of line) {
    if (open) {
      if (escaped) {
        buf += ch;
        escaped = false;
        continue;
      }
      if (ch === '\\') {
        escaped = true;
        continue;
      }
      if (ch === '"') {
        open = false;
        out.push(buf);
        buf = '';
        have = false;
        continue;
      }
      buf += ch;
      continue;
    }
    if (ch === '"') {
      open = true;
      have = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (buf.length || have) out.push(buf);
      buf = '';
      have = false;
      continue;
    }
    buf += ch;
  }
  if (buf.length) out.push(buf);
  return out;
}

export function restore(rs: Ruleset, input: string, opts: RestoreOptions): CommandResult {
  const prog = rs.family === 4 ? 'iptables-restore' : 'ip6tables-restore';
  const snap = rs.snapshot();
  const fail = (stderr: string, exitCode: number): never => {
    throw new RestoreFailure({ stdout: '', stderr, exitCode });
  };
  const paramFail = (msg: string, line: number): never =>
    fail(`${prog} v1.8.9 (nf_tables): ${msg}\nError occurred at line: ${line}\nTry \`${prog} -h' or '${prog} --help' for more information.\n`, PARAMETER_PROBLEM);
  const original = rs.snapshot();
  try {
    const lines = input.split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    let table: Table | undefined;
    for (let idx = 0; idx < lines.length; idx++) {
      const lineNo = idx + 1;
      const raw = lines[idx];
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      if (line === 'COMMIT') {
        if (!table) fail(`${prog}: line ${lineNo} failed\n`, 1);
        table = undefined;
        continue;
      }
      if (line.startsWith('*')) {
        if (table) fail(`${prog}: COMMIT expected at line ${lineNo}\n`, 1);
        const name = line.slice(1).trim();
        if (!isTableName(name)) paramFail(`${prog}: line ${lineNo} table name '${name}' invalid`, lineNo);
        const tname = name as TableName;
        if (opts.noflush) table = rs.ensure(tname);
        else {
          table = new Table(tname);
          rs.replace(table);
        }
        continue;
      }
      if (!table) fail(`${prog}: line ${lineNo} failed\n`, 1);
      const t = table as Table;
      if (line.startsWith(':')) {
        const [decl, policy, ctr] = line.slice(1).split(/\s+/);
        const name = decl ?? '';
        if (t.isBuiltin(name)) {
          if (policy !== 'ACCEPT' && policy !== 'DROP') fail(`${prog}: line ${lineNo} failed: Bad policy name.\n`, 1);
          const chain = t.chains.get(name);
          if (chain) {
            chain.policy = policy as 'ACCEPT' | 'DROP';
            const m = /^\[(\d+):(\d+)\]$/.exec(ctr ?? '');
            chain.policyCounters = opts.counters && m ? { packets: Number(m[1]), bytes: Number(m[2]) } : { packets: 0, bytes: 0 };
          }
        } else {
          const chain = t.chains.get(name);
          if (chain) chain.rules = [];
          else t.chains.set(name, { name, policyCounters: { packets: 0, bytes: 0 }, rules: [] });
        }
        continue;
      }
      let text = line;
      let counters: { packets: number; bytes: number } | undefined;
      const cm = /^\[(\d+):(\d+)\]\s*/.exec(text);
      if (cm) {
        text = text.slice(cm[0].length);
        counters = { packets: Number(cm[1]), bytes: Number(cm[2]) };
      }
      const argv = splitRestoreLine(text);
      let parsed;
      try {
        parsed = parseCommand(argv, rs.family, t.name, true);
      } catch (e) {
        if (e instanceof BadArgument)
          fail(`${e.message}\nError occurred at line: ${lineNo}\nTry \`${prog} -h' or '${prog} --help' for more information.\n`, PARAMETER_PROBLEM);
        if (e instanceof IptablesError) paramFail(e.message, lineNo);
        throw e;
      }
      if (parsed.ignored || opts.test) continue;
      if (counters && opts.counters) parsed.counters = counters;
      else if (!opts.counters) parsed.counters = undefined;
      // -Z inside a restore rewrites the chains as the cache knew them: policies from before the restore.
      const before = original.tables.get(t.name);
      try {
        execute(rs, parsed);
        if (parsed.command === CMD.ZERO && before) {
          for (const c of t.chains.values()) {
            const old = before.chains.get(c.name);
            if (c.policy && old?.policy) c.policy = old.policy;
          }
        }
      } catch (e) {
        if (!(e instanceof IptablesError)) throw e;
        if (e.kind === 'kernel') fail(`${prog}: line ${lineNo} failed: ${e.message}.\n`, 1);
        if (e.status === 4) fail(`${prog} v1.8.9 (nf_tables): \nline ${lineNo}:${e.message}\n`, 4);
        // Jump targets are checked when the batch is prepared, at COMMIT.
        let commitLine = idx;
        while (commitLine < lines.length && lines[commitLine].trim() !== 'COMMIT') commitLine++;
        paramFail(e.message, commitLine + 1);
      }
    }
    if (table) fail(`${prog}: COMMIT expected at line ${lines.length + 1}\n`, 1);
    if (opts.test) rs.restoreSnapshot(snap);
    rs.touch();
    return { stdout: '', stderr: '', exitCode: 0 };
  } catch (e) {
    rs.restoreSnapshot(snap);
    if (e instanceof RestoreFailure) return e.result;
    throw e;
  }
}
