/**
 * The builder's word processing (buildkit's shell lexer, which the classic
 * builder uses for ENV, LABEL, ARG, WORKDIR, COPY, EXPOSE, USER...): quotes
 * are removed, `\` escapes the next character, and `$NAME`, `${NAME}`,
 * `${NAME:-word}` and `${NAME:+word}` expand from the build's ARGs and ENVs.
 * RUN and CMD are left to the container's shell.
 */

export type Vars = ReadonlyMap<string, string>;

/** Splits text at unquoted blanks, keeping quotes and escapes for processWord. */
export function rawWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      word += ch;
      if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i]!;
      else if (ch === quote) quote = undefined;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      started = true;
      word += ch;
      if (ch === '\\' && i + 1 < text.length) word += text[++i]!;
      else if (ch === '"' || ch === "'") quote = ch;
    }
  }
  if (started) words.push(word);
  return words;
}

/** One word with its quotes removed and its variables expanded. */
export function processWord(word: string, vars: Vars): string {
  let out = '';
  let i = 0;
  const variable = (): string => {
    // At `$`: a name, `${...}`, or a lone dollar.
    const braced = word[i + 1] === '{';
    if (braced) {
      const end = word.indexOf('}', i + 2);
      if (end < 0) {
        i++;
        return '$';
      }
      const body = word.slice(i + 2, end);
      i = end + 1;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])(.*))?$/s.exec(body);
      if (!m) return '';
      const value = vars.get(m[1]!);
      if (m[2] === '-') return value !== undefined && value !== '' ? value : processWord(m[3]!, vars);
      if (m[2] === '+') return value !== undefined && value !== '' ? processWord(m[3]!, vars) : '';
      return value ?? '';
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.slice(i + 1));
    if (!m) {
      i++;
      return '$';
    }
    i += 1 + m[0].length;
    return vars.get(m[0]) ?? '';
  };
  while (i < word.length) {
    const ch = word[i]!;
    if (ch === "'") {
      const end = word.indexOf("'", i + 1);
      out += word.slice(i + 1, end < 0 ? word.length : end);
      i = end < 0 ? word.length : end + 1;
    } else if (ch === '"') {
      i++;
      while (i < word.length && word[i] !== '"') {
        if (word[i] === '\\' && i + 1 < word.length && '"\\$'.includes(word[i + 1]!)) {
          out += word[i + 1]!;
          i += 2;
        } else if (word[i] === '$') {
          out += variable();
        } else {
          out += word[i]!;
          i++;
        }
      }
      i++;
    } else if (ch === '\\' && i + 1 < word.length) {
      out += word[i + 1]!;
      i += 2;
    } else if (ch === '$') {
      out += variable();
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The words of an instruction's arguments, each processed. */
export function processWords(text: string, vars: Vars): string[] {
  return rawWords(text).map((w) => processWord(w, vars));
}

/**
 * ENV and LABEL pairs (parseNameVal): `k=v k2="v 2"`, or the old `ENV k some value`
 * form (one pair, the rest of the line its value).
 */
export function namedValues(text: string, vars: Vars): { pairs: [string, string][] } | { error: string } {
  const words = rawWords(text);
  if (words.length === 0) return { error: 'requires at least one argument' };
  if (!words[0]!.includes('=')) {
    if (words.length < 2) return { error: `requires at least two arguments, but only one was provided. Destination could not be determined` };
    const value = text.trim().slice(text.trim().indexOf(words[0]!) + words[0]!.length).trim();
    return { pairs: [[words[0]!, processWord(value, vars)]] };
  }
  const pairs: [string, string][] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) return { error: `Syntax error - can't find = in "${w}". Must be of the form: name=value` };
    pairs.push([processWord(w.slice(0, eq), vars), processWord(w.slice(eq + 1), vars)]);
  }
  return { pairs };
}
