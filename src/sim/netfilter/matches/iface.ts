/** Interface names as -i/-o and --physdev-* compare them: exact, or a prefix with a trailing `+`. */

export interface IfaceSpec {
  /** The name as typed, `+` included. */
  text: string;
  /** Name without the `+`; compared as a prefix when `wildcard`. */
  stem: string;
  wildcard: boolean;
}

export function parseIface(text: string): IfaceSpec {
  const wildcard = text.endsWith('+');
  return { text, stem: wildcard ? text.slice(0, -1) : text, wildcard };
}

export function ifaceMatches(spec: IfaceSpec, name: string | undefined): boolean {
  if (name === undefined) return spec.wildcard && spec.stem === '';
  return spec.wildcard ? name.startsWith(spec.stem) : name === spec.stem;
}
