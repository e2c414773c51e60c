/**
 * The kernel side of each iptables command (do_commandx of xtables.c with the
 * nft backend's answers): it changes a Ruleset or lists it, and fails with the
 * error the real tool reports. Parsing is cmdline.ts's job.
 */
import { BAD_RULE_MSG, ENOENT_MSG, IptablesError, OTHER_PROBLEM, VERSION_PROBLEM, batchError, kernelError, paramError } from './errors.ts';
import type { Hook, TableName } from './hook.ts';
import { CMD, OPT, type ParsedCommand } from './cmdline.ts';
import { Rule } from './rule.ts';
import { type Chain, type Ruleset, Table, isTableName } from './ruleset.ts';
import { type ListFormat, listChain, listRule, specChainLine, specRuleLine } from './output.ts';

const RULE_OPS: Record<number, string> = {
  [CMD.APPEND]: 'RULE_APPEND',
  [CMD.INSERT]: 'RULE_INSERT',
  [CMD.REPLACE]: 'RULE_REPLACE',
};

/** Runs one parsed command; returns what it prints on stdout. */
export function execute(rs: Ruleset, p: ParsedCommand): string {
  if (!isTableName(p.table))
    throw new IptablesError('xtables', VERSION_PROBLEM, `table '${p.table}' does not exist`);
  const tableName: TableName = p.table;
  const existing = rs.get(tableName);
  const chainName = p.chain ?? '';

  switch (p.command) {
    case CMD.APPEND:
    case CMD.INSERT:
    case CMD.REPLACE: {
      // A failed command leaves no table behind: build on a detached one until it succeeds.
      const table = existing ?? new Table(tableName);
      checkJump(table, p);
      const chain = table.chains.get(chainName);
      if (!chain) throw kernelError(ENOENT_MSG);
      const rule = new Rule(p.spec, p.counters);
      checkKernel(table, chain, rule, RULE_OPS[p.command]);
      if (p.command === CMD.APPEND) chain.rules.push(rule);
      else if (p.command === CMD.INSERT) {
        if (p.ruleNum > chain.rules.length + 1) throw kernelError('Index of insertion too big');
        chain.rules.splice(p.ruleNum - 1, 0, rule);
      } else {
        if (p.ruleNum > chain.rules.length) throw kernelError('Index of replacement too big');
        chain.rules[p.ruleNum - 1] = rule;
      }
      if (!existing) rs.replace(table);
      rs.touch();
      return '';
    }
    case CMD.CHECK:
    case CMD.DELETE: {
      const chain = existing?.chains.get(chainName);
      if (existing) checkJump(existing, p);
      if (!chain) throw kernelError(p.command === CMD.CHECK ? BAD_RULE_MSG : ENOENT_MSG);
      const body = new Rule(p.spec).body();
      const idx = chain.rules.findIndex((r) => r.body() === body);
      if (idx < 0) throw kernelError(BAD_RULE_MSG);
      if (p.command === CMD.DELETE) {
        chain.rules.splice(idx, 1);
        rs.touch();
      }
      return '';
    }
    case CMD.DELETE_NUM: {
      const chain = existing?.chains.get(chainName);
      if (!chain) throw kernelError(ENOENT_MSG);
      if (p.ruleNum > chain.rules.length) throw kernelError('Index of deletion too big');
      chain.rules.splice(p.ruleNum - 1, 1);
      rs.touch();
      return '';
    }
    case CMD.FLUSH:
      return forChains(existing, tableName, p, (c) => {
        c.rules = [];
        return p.verbose ? `Flushing chain \`${c.name}'\n` : '';
      }, rs);
    case CMD.ZERO:
      return forChains(existing, tableName, p, (c) => zero(c, p.verbose), rs);
    case CMD.ZERO_NUM: {
      const chain = existing?.chains.get(chainName);
      if (!chain) throw kernelError(ENOENT_MSG);
      const rule = chain.rules[p.ruleNum - 1];
      if (rule) rule.counters.packets = rule.counters.bytes = 0;
      return '';
    }
    case CMD.NEW_CHAIN: {
      const table = existing ?? new Table(tableName);
      if (table.chains.has(chainName)) throw kernelError('Chain already exists');
      table.chains.set(chainName, { name: chainName, policyCounters: { packets: 0, bytes: 0 }, rules: [] });
      if (!existing) rs.replace(table);
      rs.touch();
      return '';
    }
    case CMD.DELETE_CHAIN:
      return deleteChain(rs, existing, p);
    case CMD.RENAME_CHAIN: {
      const chain = existing?.chains.get(chainName);
      if (!existing || !chain) throw kernelError(ENOENT_MSG);
      const newName = p.newName ?? '';
      if (existing.chains.has(newName)) throw kernelError('File exists');
      // nf_tables lets a base chain be renamed, which leaves the table unusable for
      // iptables; the model keeps built-in chains as they are.
      if (existing.isBuiltin(chainName)) return '';
      existing.chains.delete(chainName);
      chain.name = newName;
      existing.chains.set(newName, chain);
      for (const c of existing.chains.values())
        c.rules = c.rules.map((r) => {
          const t = r.spec.target;
          if ((t.kind === 'jump' || t.kind === 'goto') && t.chain === chainName)
            return new Rule({ ...r.spec, target: { kind: t.kind, chain: newName } }, r.counters);
          return r;
        });
      rs.touch();
      return '';
    }
    case CMD.SET_POLICY: {
      const table = existing ?? new Table(tableName);
      const chain = table.chains.get(chainName);
      if (!chain || !table.isBuiltin(chainName)) throw kernelError('Bad built-in chain name');
      if (p.policy !== 'ACCEPT' && p.policy !== 'DROP') throw kernelError("Bad policy name. Run `dmesg' for more information");
      chain.policy = p.policy;
      if (!existing) rs.replace(table);
      if (p.counters) chain.policyCounters = { ...p.counters };
      rs.touch();
      return '';
    }
    default:
      if (p.command & CMD.LIST) return list(rs, tableName, p);
      if (p.command & CMD.LIST_RULES) return listRules(rs, tableName, p);
      throw paramError('no command specified');
  }
}

/** -j/-g to a chain that is neither a target nor a chain of this table. */
function checkJump(table: Table, p: ParsedCommand): void {
  if (p.jumpChain !== undefined && !table.chains.has(p.jumpChain)) throw paramError(`Chain '${p.jumpChain}' does not exist`);
}

/** What the kernel's rule validation refuses (EINVAL / EOPNOTSUPP at commit). */
function checkKernel(table: Table, chain: Chain, rule: Rule, op: string): void {
  const t = rule.spec.target;
  if (t.kind === 'goto' && table.isBuiltin(t.chain)) throw ruleError(op, chain, 'Operation not supported');
  if (t.kind !== 'ext') return;
  const ext = t.ext;
  if (ext.table && ext.table !== table.name) throw ruleError(op, chain, 'Invalid argument');
  if (ext.hooks && table.isBuiltin(chain.name) && !ext.hooks.includes(chain.name as Hook)) throw ruleError(op, chain, 'Invalid argument');
  if (!ext.check(rule.spec)) throw ruleError(op, chain, 'Invalid argument');
}

function ruleError(op: string, chain: Chain, errno: string): IptablesError {
  return batchError(op, errno, `rule in chain ${chain.name}`);
}

function zero(c: Chain, verbose: number): string {
  for (const r of c.rules) r.counters.packets = r.counters.bytes = 0;
  c.policyCounters = { packets: 0, bytes: 0 };
  return verbose ? `Zeroing chain \`${c.name}'\n` : '';
}

function forChains(existing: Table | undefined, tableName: TableName, p: ParsedCommand, fn: (c: Chain) => string, rs: Ruleset): string {
  if (p.chain !== undefined) {
    const c = existing?.chains.get(p.chain);
    if (!c) throw kernelError(ENOENT_MSG);
    const out = fn(c);
    rs.touch();
    return out;
  }
  // A table never written still answers with its (empty) built-in chains.
  let out = '';
  for (const c of (existing ?? new Table(tableName)).orderedChains()) out += fn(c);
  rs.touch();
  return out;
}

function deleteChain(rs: Ruleset, table: Table | undefined, p: ParsedCommand): string {
  if (p.chain !== undefined) {
    const chain = table?.chains.get(p.chain);
    if (!table || !chain) throw kernelError(ENOENT_MSG);
    if (table.isBuiltin(p.chain)) return '';
    if (table.references(p.chain) > 0 || chain.rules.length > 0)
      throw batchError('CHAIN_DEL', 'Device or resource busy', `chain ${p.chain}`);
    table.chains.delete(p.chain);
    rs.touch();
    return '';
  }
  if (!table) return '';
  const users = table.orderedChains().filter((c) => !c.policy);
  let out = '';
  for (const c of users) {
    const fromBuiltins = [...table.chains.values()]
      .filter((x) => x.policy)
      .some((x) => x.rules.some((r) => (r.spec.target.kind === 'jump' || r.spec.target.kind === 'goto') && r.spec.target.chain === c.name));
    if (fromBuiltins) throw batchError('CHAIN_DEL', 'Device or resource busy', `chain ${c.name}`);
    if (p.verbose) out += `Deleting chain \`${c.name}'\n`;
  }
  for (const c of users) table.chains.delete(c.name);
  rs.touch();
  return out;
}

function incompatible(table: TableName, chain: string): IptablesError {
  return new IptablesError('xtables', OTHER_PROBLEM, `chain \`${chain}' in table \`${table}' is incompatible, use 'nft' tool.`);
}

/** A table that was never written lists as its empty built-in chains. */
function viewTable(rs: Ruleset, name: TableName): Table {
  return rs.get(name) ?? emptyTable(name);
}

/** A detached instance: listing must not create the table. */
function emptyTable(name: TableName): Table {
  return new Table(name);
}

function list(rs: Ruleset, tableName: TableName, p: ParsedCommand): string {
  const table = viewTable(rs, tableName);
  const f: ListFormat = {
    numeric: (p.options & OPT.NUMERIC) !== 0,
    verbose: (p.options & OPT.VERBOSE) !== 0,
    exact: (p.options & OPT.EXPANDED) !== 0,
    lineNumbers: (p.options & OPT.LINENUMBERS) !== 0,
  };
  let out: string;
  if (p.chain !== undefined) {
    const chain = table.chains.get(p.chain);
    if (!chain) throw incompatible(tableName, p.chain);
    if (p.ruleNum) {
      const r = chain.rules[p.ruleNum - 1];
      out = r ? listRule(r, p.ruleNum, f, rs.family) : '';
    } else out = listChain(table, chain, f, rs.family);
  } else {
    out = table
      .orderedChains()
      .map((c) => listChain(table, c, f, rs.family))
      .join('\n');
  }
  if (p.command & CMD.ZERO) out += forChains(rs.get(tableName), tableName, { ...p, command: CMD.ZERO }, (c) => zero(c, p.verbose), rs);
  if (p.command & CMD.ZERO_NUM) {
    const r = rs.get(tableName)?.chains.get(p.chain ?? '')?.rules[p.ruleNum - 1];
    if (r) r.counters.packets = r.counters.bytes = 0;
  }
  return out;
}

function listRules(rs: Ruleset, tableName: TableName, p: ParsedCommand): string {
  const table = viewTable(rs, tableName);
  const counters = p.verbose > 0;
  let out = '';
  if (p.chain !== undefined) {
    const chain = table.chains.get(p.chain);
    if (!chain) throw incompatible(tableName, p.chain);
    if (p.ruleNum) {
      const r = chain.rules[p.ruleNum - 1];
      out = r ? specRuleLine(chain, r, counters) : '';
    } else {
      out = specChainLine(chain, counters);
      for (const r of chain.rules) out += specRuleLine(chain, r, counters);
    }
  } else {
    const chains = table.orderedChains();
    for (const c of chains) out += specChainLine(c, counters);
    for (const c of chains) for (const r of c.rules) out += specRuleLine(c, r, counters);
  }
  if (p.command & CMD.ZERO) out += forChains(rs.get(tableName), tableName, { ...p, command: CMD.ZERO }, (c) => zero(c, p.verbose), rs);
  return out;
}
