/**
 * traefik v3's router rules (traefik v3.5.3 pkg/muxer/http: parser.go, matcher.go,
 * mux.go; the expression is read by vulcand/predicate v1.2.0 parse.go, which hands it
 * to Go's go/parser.ParseExpr): matcher calls joined by `&&`, `||`, `!` and
 * parentheses. A rule traefik refuses gives its own error text, which the router
 * manager logs and keeps on the router (`error while parsing rule ...`).
 */

/** What a matcher reads of a request. */
export interface RuleRequest {
  method: string;
  /** The Host header without its port, lower-cased (requestdecorator's canonized host). */
  host: string;
  path: string;
  headers: readonly [string, string][];
  query: URLSearchParams;
  clientIp: string;
}

export type RuleTree =
  | { kind: 'and' | 'or'; left: RuleTree; right: RuleTree }
  | { kind: 'not'; operand: RuleTree }
  | { kind: 'match'; test: (req: RuleRequest) => boolean };

type Token =
  | { kind: 'ident'; text: string; pos: number }
  | { kind: 'string'; text: string; pos: number }
  | { kind: 'op'; text: string; pos: number }
  | { kind: 'newline'; pos: number }
  | { kind: 'eof'; pos: number };

class RuleError extends Error {}

/** go/scanner over one line: identifiers, raw and interpreted strings, operators; the newline it inserts at the end. */
function scan(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const at = (n: number) => n + 1;
  let insertSemi = false;
  while (i < rule.length) {
    const c = rule[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') throw new RuleError(`1:${at(i)}: vethlab: a rule over several lines is not modelled here`);
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rule.slice(i))!;
      tokens.push({ kind: 'ident', text: m[0], pos: at(i) });
      i += m[0].length;
      insertSemi = true;
      continue;
    }
    if (c === '`' || c === '"') {
      const end = rule.indexOf(c, i + 1);
      if (end < 0) throw new RuleError(`1:${at(i)}: ${c === '`' ? 'raw string literal' : 'string literal'} not terminated`);
      const body = rule.slice(i + 1, end);
      tokens.push({ kind: 'string', text: c === '"' ? body.replace(/\\(.)/g, '$1') : body, pos: at(i) });
      i = end + 1;
      insertSemi = true;
      continue;
    }
    const two = rule.slice(i, i + 2);
    if (['&&', '||', '==', '!=', '<=', '>='].includes(two)) {
      tokens.push({ kind: 'op', text: two, pos: at(i) });
      i += 2;
      insertSemi = false;
      continue;
    }
    if ('()!,&|<>'.includes(c)) {
      tokens.push({ kind: 'op', text: c, pos: at(i) });
      i++;
      insertSemi = c === ')';
      continue;
    }
    throw new RuleError(`1:${at(i)}: vethlab: the character ${JSON.stringify(c)} in a rule is not modelled here`);
  }
  tokens.push(insertSemi ? { kind: 'newline', pos: at(rule.length) } : { kind: 'eof', pos: at(rule.length) });
  if (insertSemi) tokens.push({ kind: 'eof', pos: at(rule.length) });
  return tokens;
}

/** How go/parser names the token it did not expect. */
function found(t: Token): string {
  if (t.kind === 'newline') return 'newline';
  if (t.kind === 'eof') return "'EOF'";
  if (t.kind === 'ident') return t.text;
  if (t.kind === 'string') return t.text;
  return `'${t.text}'`;
}

/** A call as the parser read it, before the matchers are built. */
type Expr = { kind: 'binary'; op: string; left: Expr; right: Expr } | { kind: 'unary'; op: string; operand: Expr } | { kind: 'call'; name: string; args: string[] };

const PRECEDENCE: Readonly<Record<string, number>> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3, '|': 4, '&': 5 };

/** go/parser's ParseExpr for the forms a rule uses: binary and unary operators, parentheses, calls with string arguments. */
function parseExpression(rule: string): Expr {
  const tokens = scan(rule);
  let k = 0;
  const peek = () => tokens[k]!;
  const expected = (what: string): never => {
    const t = peek();
    throw new RuleError(`1:${t.pos}: expected ${what}, found ${found(t)}`);
  };
  const binary = (min: number): Expr => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t.kind !== 'op') return left;
      const prec = PRECEDENCE[t.text];
      if (prec === undefined || prec < min) return left;
      k++;
      left = { kind: 'binary', op: t.text, left, right: binary(prec + 1) };
    }
  };
  const unary = (): Expr => {
    const t = peek();
    if (t.kind === 'op' && t.text === '!') {
      k++;
      return { kind: 'unary', op: '!', operand: unary() };
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    if (t.kind === 'op' && t.text === '(') {
      k++;
      const inner = binary(1);
      if (peek().kind === 'newline') throw new RuleError(`1:${peek().pos}: expected ')', found newline`);
      if (!(peek().kind === 'op' && (peek() as { text: string }).text === ')')) expected("')'");
      k++;
      return inner;
    }
    if (t.kind === 'string') throw new RuleError(`1:${t.pos}: vethlab: a rule that is a bare string is not modelled here`);
    if (t.kind !== 'ident') return expected('operand');
    k++;
    if (!(peek().kind === 'op' && (peek() as { text: string }).text === '(')) throw new RuleError(`vethlab: a rule's identifier outside a call (${t.text}) is not modelled here`);
    k++;
    const args: string[] = [];
    while (!(peek().kind === 'op' && (peek() as { text: string }).text === ')')) {
      const a = peek();
      if (a.kind === 'newline') throw new RuleError(`1:${a.pos}: missing ',' before newline in argument list`);
      if (a.kind !== 'string') return expected('operand');
      args.push(a.text);
      k++;
      const sep = peek();
      if (sep.kind === 'op' && sep.text === ',') {
        k++;
        continue;
      }
      if (sep.kind === 'newline') throw new RuleError(`1:${sep.pos}: missing ',' before newline in argument list`);
      if (!(sep.kind === 'op' && sep.text === ')')) throw new RuleError(`1:${sep.pos}: missing ',' in argument list`);
    }
    k++;
    return { kind: 'call', name: t.text, args };
  };
  const expr = binary(1);
  if (peek().kind === 'newline') k++;
  if (peek().kind !== 'eof') expected("'EOF'");
  return expr;
}

/** The v3 matchers and how many parameters each takes (matcher.go httpFuncs). */
const MATCHERS: Readonly<Record<string, number[]>> = {
  ClientIP: [1], Method: [1], Host: [1], HostRegexp: [1], Path: [1], PathRegexp: [1], PathPrefix: [1], Header: [2], HeaderRegexp: [2], Query: [1, 2], QueryRegexp: [1, 2],
};

/** rules.NewParser registers each matcher as written, lower-case, upper-case and title-case. */
function matcherNamed(name: string): string | undefined {
  return Object.keys(MATCHERS).find((m) => [m, m.toLowerCase(), m.toUpperCase(), m[0]!.toUpperCase() + m.slice(1).toLowerCase()].includes(name));
}

/** Go's regexp (RE2) for the patterns rules use; JavaScript's reads the common ones alike. */
function goRegexp(pattern: string, matcher: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    throw new RuleError(`compiling ${matcher} matcher: vethlab: this pattern is not modelled here`);
  }
}

function buildMatcher(name: string, args: string[]): (req: RuleRequest) => boolean {
  const [a = '', b = ''] = args;
  switch (name) {
    case 'Host': {
      // eslint-disable-next-line no-control-regex
      if (!/^[\x00-\x7f]*$/.test(a)) throw new RuleError(`invalid value "${a}" for Host matcher, non-ASCII characters are not allowed`);
      const host = a.toLowerCase();
      // A trailing period on either side still matches.
      return (req) => req.host !== '' && (req.host === host || req.host === host.replace(/\.$/, '') || req.host.replace(/\.$/, '') === host);
    }
    case 'HostRegexp': {
      const re = goRegexp(a, 'HostRegexp');
      return (req) => re.test(req.host);
    }
    case 'Path':
    case 'PathPrefix':
      if (!a.startsWith('/')) throw new RuleError(`path "${a}" does not start with a '/'`);
      return name === 'Path' ? (req) => req.path === a : (req) => req.path.startsWith(a);
    case 'PathRegexp': {
      const re = goRegexp(a, 'PathRegexp');
      return (req) => re.test(req.path);
    }
    case 'Method': {
      const method = a.toUpperCase();
      return (req) => req.method === method;
    }
    case 'Header':
      return (req) => req.headers.some(([k, v]) => k.toLowerCase() === a.toLowerCase() && v === b);
    case 'HeaderRegexp': {
      const re = goRegexp(b, 'HeaderRegexp');
      return (req) => req.headers.some(([k, v]) => k.toLowerCase() === a.toLowerCase() && re.test(v));
    }
    case 'Query':
      return (req) => req.query.getAll(a).some((v) => args.length === 1 || v === b);
    case 'QueryRegexp': {
      const re = goRegexp(args.length === 1 ? '' : b, 'QueryRegexp');
      return (req) => req.query.getAll(a).some((v) => re.test(v));
    }
    default:
      // ClientIP: an address or a CIDR block.
      return (req) => a.trim() === req.clientIp || (a.includes('/') && inCidr(req.clientIp, a.trim()));
  }
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const toInt = (s: string) => s.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || !/^\d+\.\d+\.\d+\.\d+$/.test(base)) return false;
  const shift = 32 - Number(bits);
  return Math.floor(toInt(ip) / 2 ** shift) === Math.floor(toInt(base) / 2 ** shift);
}

/** rules.Tree: the predicate's result, matchers named but not built yet. */
type Pending = { kind: 'and' | 'or'; left: Pending; right: Pending } | { kind: 'not'; operand: Pending } | { kind: 'call'; name: string; args: string[] };

/** predicate's evaluation of the expression: operators it knows, functions it has. */
function evaluate(expr: Expr): Pending {
  switch (expr.kind) {
    case 'binary': {
      // Both sides are evaluated before the operator is looked up.
      const left = evaluate(expr.left);
      const right = evaluate(expr.right);
      if (expr.op !== '&&' && expr.op !== '||') throw new RuleError(`${expr.op} is not supported`);
      return { kind: expr.op === '&&' ? 'and' : 'or', left, right };
    }
    case 'unary':
      return { kind: 'not', operand: evaluate(expr.operand) };
    case 'call': {
      const name = matcherNamed(expr.name);
      if (!name) throw new RuleError(`unsupported function: ${expr.name}`);
      return { kind: 'call', name, args: expr.args };
    }
  }
}

/** matchersTree.addRule: each matcher checked (rules.CheckRule) and built, errors wrapped as it wraps them. */
function addRule(tree: Pending): RuleTree {
  switch (tree.kind) {
    case 'and':
    case 'or': {
      let left: RuleTree;
      try {
        left = addRule(tree.left);
      } catch (e) {
        if (e instanceof RuleError) throw new RuleError(`error while adding rule ${tree.kind}: ${e.message}`);
        throw e;
      }
      return { kind: tree.kind, left, right: addRule(tree.right) };
    }
    case 'not':
      return { kind: 'not', operand: addRule(tree.operand) };
    case 'call': {
      const { name, args } = tree;
      if (args.length === 0) throw new RuleError(`error while checking rule ${name}: no args for matcher ${name}`);
      if (args.some((v) => v === '')) throw new RuleError(`error while checking rule ${name}: empty args for matcher ${name}, [${args.join(' ')}]`);
      const counts = MATCHERS[name]!;
      try {
        if (!counts.includes(args.length)) throw new RuleError(`unexpected number of parameters; got ${args.length}, expected one of [${counts.join(' ')}]`);
        return { kind: 'match', test: buildMatcher(name, args) };
      } catch (e) {
        if (e instanceof RuleError) throw new RuleError(`error while adding rule ${name}: ${e.message}`);
        throw e;
      }
    }
  }
}

/** The rule as traefik reads it, or the error the router manager logs and keeps on the router. */
export function parseRule(rule: string): { tree: RuleTree } | { error: string } {
  let pending: Pending;
  try {
    pending = evaluate(parseExpression(rule));
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return { error: `error while parsing rule ${rule}: parsing rule ${rule}: ${e.message}` };
  }
  try {
    return { tree: addRule(pending) };
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return { error: `error while parsing rule ${rule}: adding rule ${rule}: ${e.message}` };
  }
}

export function matches(tree: RuleTree, req: RuleRequest): boolean {
  switch (tree.kind) {
    case 'and':
      return matches(tree.left, req) && matches(tree.right, req);
    case 'or':
      return matches(tree.left, req) || matches(tree.right, req);
    case 'not':
      return !matches(tree.operand, req);
    case 'match':
      return tree.test(req);
  }
}
