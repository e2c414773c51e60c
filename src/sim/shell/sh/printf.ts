/**
 * The `printf` builtin (dash's bltin/printf.c, busybox's printf applet): C
 * conversions with flags, width and precision, `%b`, backslash escapes, the
 * format reused while arguments remain, and each shell's complaint about a
 * bad number (`expected numeric value` / `invalid number 'x'`).
 */
import type { Dialect } from './ast.ts';

export interface PrintfResult {
  /** Output and error text in the order the shell writes them. */
  chunks: { fd: 1 | 2; text: string }[];
  status: number;
}

/** Backslash escapes of a format (or of `%b` with `octal0`: `\0NNN`); `stop` when `\c` ended the output. */
function unescape(s: string, bMode: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    const simple: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', "'": "'" };
    if (n in simple) out += simple[n];
    else if (n === 'c' && bMode) return { text: out, stop: true };
    else if (/[0-7]/.test(n)) {
      // In %b, \0NNN (up to three digits after the 0); in the format, \NNN.
      let digits = bMode && n === '0' ? '' : n;
      let j = i + 1;
      while (j < s.length && digits.length < 3 && /[0-7]/.test(s[j]!)) digits += s[j++];
      out += String.fromCharCode(parseInt(digits === '' ? '0' : digits, 8) & 255);
      i = j - 1;
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

function pad(body: string, width: number, left: boolean, zero: boolean): string {
  if (body.length >= width) return body;
  if (left) return body.padEnd(width);
  if (zero) {
    const sign = /^[+\- ]|^0[xX]/.exec(body)?.[0] ?? '';
    return sign + body.slice(sign.length).padStart(width - sign.length, '0');
  }
  return body.padStart(width);
}

export function runPrintf(args: string[], dialect: Dialect): PrintfResult {
  const chunks: PrintfResult['chunks'] = [];
  let out = '';
  const flush = () => {
    if (out !== '') chunks.push({ fd: 1, text: out });
    out = '';
  };
  let status = 0;
  const error = (text: string) => {
    if (dialect === 'ash') flush();
    chunks.push({ fd: 2, text });
  };
  const finish = (s: number): PrintfResult => {
    flush();
    if (dialect === 'dash') chunks.sort((a, b) => b.fd - a.fd);
    return { chunks, status: s };
  };
  if (args.length === 0) {
    chunks.push({ fd: 2, text: dialect === 'dash' ? 'usage: printf format [arg ...]' : 'usage: printf FORMAT [ARGUMENT...]' });
    return { chunks, status: 2 };
  }
  const format = args[0]!;
  const rest = args.slice(1);
  let ai = 0;
  const next = (): string | undefined => (ai < rest.length ? rest[ai++] : undefined);
  const number = (arg: string | undefined): bigint => {
    if (arg === undefined) {
      if (dialect === 'ash' && ai > 0) error(`invalid number ''`);
      if (dialect === 'ash' && ai > 0) status = 1;
      return 0n;
    }
    if (/^['"]/.test(arg)) return BigInt(arg.codePointAt(1) ?? 0);
    const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(arg);
    if (!m || m[0].length !== arg.length) {
      status = 1;
      if (dialect === 'dash') error(!m ? `${arg}: expected numeric value` : `${arg}: not completely converted`);
      else error(`invalid number '${arg}'`);
      if (!m) return 0n;
    }
    const digits = m![2]!;
    const v = digits.startsWith('0x') || digits.startsWith('0X') ? BigInt(digits) : digits.length > 1 && digits.startsWith('0') ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
    return m![1] === '-' ? -v : v;
  };
  for (;;) {
    const consumedBefore = ai;
    let i = 0;
    while (i < format.length) {
      const c = format[i]!;
      if (c === '\\') {
        let j = i + 1;
        if (/[0-7]/.test(format[j] ?? '')) while (j < format.length && j < i + 4 && /[0-7]/.test(format[j]!)) j++;
        else j++;
        out += unescape(format.slice(i, j), false).text;
        i = j;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?(.?)/.exec(format.slice(i))!;
      const [spec, flags, w, p, conv] = m as unknown as [string, string, string | undefined, string | undefined, string];
      if (conv === '%') {
        out += '%';
        i += spec.length;
        continue;
      }
      if (!'diouxXcsbeEfFgG'.includes(conv) || conv === '') {
        if (dialect === 'dash') {
          error(`${spec}: invalid directive`);
          return finish(2);
        }
        error(`${format.slice(i)}: invalid format`);
        return finish(1);
      }
      const width = w === '*' ? Number(number(next())) : w ? Number(w) : 0;
      const precision = p === undefined ? undefined : p === '*' ? Number(number(next())) : p === '' ? 0 : Number(p);
      const left = flags.includes('-') || width < 0;
      const zero = flags.includes('0') && !left;
      const arg = next();
      let body: string;
      switch (conv) {
        case 's':
          body = arg ?? '';
          if (precision !== undefined) body = body.slice(0, precision);
          break;
        case 'b': {
          const u = unescape(arg ?? '', true);
          body = u.text;
          if (precision !== undefined) body = body.slice(0, precision);
          if (u.stop) {
            out += pad(body, Math.abs(width), left, false);
            return finish(status);
          }
          break;
        }
        case 'c':
          body = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i': {
          const v = number(arg);
          let digits = (v < 0n ? -v : v).toString();
          if (precision !== undefined) digits = digits.padStart(precision, '0');
          body = (v < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + digits;
          break;
        }
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          const v = BigInt.asUintN(64, number(arg));
          let digits = v.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
          if (conv === 'X') digits = digits.toUpperCase();
          if (precision !== undefined) digits = digits.padStart(precision, '0');
          if (flags.includes('#') && v !== 0n) digits = conv === 'o' ? `0${digits}` : conv === 'x' ? `0x${digits}` : conv === 'X' ? `0X${digits}` : digits;
          body = digits;
          break;
        }
        default: {
          const v = arg === undefined ? 0 : Number(arg.trim());
          const num = Number.isNaN(v) ? 0 : v;
          if (Number.isNaN(v)) {
            status = 1;
            error(dialect === 'dash' ? `${arg}: expected numeric value` : `invalid number '${arg}'`);
          }
          const prec = precision ?? 6;
          if (conv === 'f' || conv === 'F') body = num.toFixed(prec);
          else if (conv === 'e' || conv === 'E') body = num.toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2');
          else body = String(Number(num.toPrecision(prec === 0 ? 1 : prec)));
          if (conv === 'E' || conv === 'G') body = body.toUpperCase();
          if (num >= 0 && flags.includes('+')) body = `+${body}`;
        }
      }
      out += pad(body, Math.abs(width), left, zero && conv !== 's' && conv !== 'c' && conv !== 'b');
      i += spec.length;
    }
    if (ai >= rest.length || ai === consumedBefore) break;
  }
  return finish(status);
}
