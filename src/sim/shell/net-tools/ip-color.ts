/**
 * iproute2 6.1's colours (lib/color.c): `-c[olor][=always|auto|never]` (matches_color),
 * and color_fprintf wrapping one printed field in an ANSI code and `\e[0m`. The palette
 * is the light-background one unless COLORFGBG says dark, which these hosts do not set.
 */
export type ColorAttr = 'ifname' | 'mac' | 'inet' | 'inet6' | 'up' | 'down';

/** attr_colors_light: cyan, yellow, magenta, blue, green, red. */
const LIGHT_PALETTE: Record<ColorAttr, string> = {
  ifname: '\x1b[36m',
  mac: '\x1b[33m',
  inet: '\x1b[35m',
  inet6: '\x1b[34m',
  up: '\x1b[32m',
  down: '\x1b[31m',
};

const CLEAR = '\x1b[0m';

/**
 * What `-c`, `-color=always|auto|never` asks for (the word after one leading `-` taken
 * off), or undefined when the word is not a colour option. `auto` colours only a terminal:
 * a command's output here is read as a transcript, as through a pipe, so auto means none.
 */
export function colorOption(arg: string): boolean | undefined {
  const eq = arg.indexOf('=');
  const word = eq < 0 ? arg : arg.slice(0, eq);
  const value = eq < 0 ? '' : arg.slice(eq + 1);
  if (word.length < 2 || !'-color'.startsWith(word)) return undefined;
  if (value === '' || value === 'always') return true;
  if (value === 'auto' || value === 'never') return false;
  return undefined;
}

/** One field as color_fprintf prints it: its text between the colour and the reset, or as is. */
export function paint(enabled: boolean, attr: ColorAttr | undefined, text: string): string {
  return enabled && attr !== undefined ? `${LIGHT_PALETTE[attr]}${text}${CLEAR}` : text;
}

/** oper_state_color: UP green, DOWN red, any other state uncoloured. */
export function operStateAttr(state: string): ColorAttr | undefined {
  return state === 'UP' ? 'up' : state === 'DOWN' ? 'down' : undefined;
}
