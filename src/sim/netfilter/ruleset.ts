/**
 * The tables of one family in one namespace, as the nf_tables backend shows
 * them: a table exists once a command wrote to it (iptables-save lists tables
 * newest first), its built-in chains always exist with a policy, user chains
 * list sorted by name. Operations here are the kernel side of each command.
 */
import type { Hook, TableName } from './hook.ts';
import type { Rule } from './rule.ts';

export const TABLE_NAMES: readonly TableName[] = ['raw', 'mangle', 'nat', 'filter', 'security'];

export const BUILTIN_CHAINS: Record<TableName, readonly Hook[]> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** nft.h `enum nft_table_type` order, which nft_for_each_table follows. */
const SAVE_ORDER: readonly TableName[] = ['mangle', 'security', 'raw', 'filter', 'nat'];

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

export interface Chain {
  name: string;
  /** Built-in chains have a policy; user chains have none. */
  policy?: 'ACCEPT' | 'DROP';
  /** Only iptables-restore -c sets these: nf_tables does not count policy verdicts. */
  policyCounters: { packets: number; bytes: number };
  rules: Rule[];
}

export class Table {
  readonly name: TableName;
  readonly chains = new Map<string, Chain>();
  constructor(name: TableName) {
    this.name = name;
    for (const hook of BUILTIN_CHAINS[name]) {
      this.chains.set(hook, { name: hook, policy: 'ACCEPT', policyCounters: { packets: 0, bytes: 0 }, rules: [] });
    }
  }
  isBuiltin(chain: string): boolean {
    return (BUILTIN_CHAINS[this.name] as readonly string[]).includes(chain);
  }
  /** Built-ins in hook order, then user chains sorted by name (strcmp). */
  orderedChains(): Chain[] {
    const builtins = BUILTIN_CHAINS[this.name].map((h) => this.chains.get(h)).filter((c): c is Chain => c !== undefined);
    const users = [...this.chains.values()].filter((c) => !this.isBuiltin(c.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return [...builtins, ...users];
  }
  /** Rules in this table that jump or go to `chain` (the `(N references)` of -L). */
  references(chain: string): number {
    let n = 0;
    for (const c of this.chains.values())
      for (const r of c.rules) {
        const t = r.spec.target;
        if ((t.kind === 'jump' || t.kind === 'goto') && t.chain === chain) n++;
      }
    return n;
  }
  clone(): Table {
    const t = new Table(this.name);
    t.chains.clear();
    for (const [name, c] of this.chains) t.chains.set(name, { ...c, policyCounters: { ...c.policyCounters }, rules: [...c.rules] });
    return t;
  }
}

/** All tables of one family; `order` is creation order. */
export class Ruleset {
  readonly family: 4 | 6;
  private readonly tables = new Map<TableName, Table>();
  private order: TableName[] = [];
  /** Bumped on every change, so the packet walk can cache per-ruleset data. */
  generation = 0;
  /**
   * Chains with at least this many rules are walked through a rule index
   * (rule-index.ts); shorter ones rule by rule. Both give the same result:
   * tests set it to 0 or Infinity to compare them.
   */
  indexMinRules = 16;
  constructor(family: 4 | 6) {
    this.family = family;
  }
  get(name: TableName): Table | undefined {
    return this.tables.get(name);
  }
  /** No table exists yet: nothing has registered netfilter hooks in this namespace. */
  isEmpty(): boolean {
    return this.tables.size === 0;
  }
  /** The table, created (as the first write to it does) if missing. */
  ensure(name: TableName): Table {
    let t = this.tables.get(name);
    if (!t) {
      t = new Table(name);
      this.tables.set(name, t);
      this.order.push(name);
    }
    return t;
  }
  /** Tables as iptables-save lists them: the nft backend's fixed order, existing ones only. */
  saveOrder(): Table[] {
    return SAVE_ORDER.map((n) => this.tables.get(n)).filter((t): t is Table => t !== undefined);
  }
  snapshot(): { tables: Map<TableName, Table>; order: TableName[] } {
    const tables = new Map<TableName, Table>();
    for (const [n, t] of this.tables) tables.set(n, t.clone());
    return { tables, order: [...this.order] };
  }
  restoreSnapshot(s: { tables: Map<TableName, Table>; order: TableName[] }): void {
    this.tables.clear();
    for (const [n, t] of s.tables) this.tables.set(n, t);
    this.order = [...s.order];
    this.generation++;
  }
  /** Replaces a table's contents (iptables-restore without --noflush). */
  replace(table: Table): void {
    if (!this.tables.has(table.name)) this.order.push(table.name);
    this.tables.set(table.name, table);
    this.generation++;
  }
  touch(): void {
    this.generation++;
  }
}
