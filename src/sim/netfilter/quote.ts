/** xtables_save_string(): how iptables-save quotes a free-text argument. */

const PLAIN = /^[_\-0-9a-zA-Z]+$/;

/** The argument with its leading space: bare when safe, else double-quoted with `"`, `\` and `'` escaped. */
export function saveString(value: string): string {
  if (PLAIN.test(value)) return ` ${value}`;
  return ` "${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}
