/**
 * What the user typed, from xterm's onData stream (keys as bytes and escape
 * sequences, or pasted text) to editing keys. Pure.
 */

export type Key =
  | { kind: 'text'; text: string }
  | {
      kind:
        | 'enter'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'word-left'
        | 'word-right'
        | 'home'
        | 'end'
        | 'up'
        | 'down'
        | 'tab'
        | 'interrupt'
        | 'eof'
        | 'clear-screen'
        | 'kill-before'
        | 'kill-after'
        | 'kill-word';
    };

const SEQUENCES: [string, Key['kind']][] = [
  ['\x1b[A', 'up'],
  ['\x1b[B', 'down'],
  ['\x1b[C', 'right'],
  ['\x1b[D', 'left'],
  ['\x1bOA', 'up'],
  ['\x1bOB', 'down'],
  ['\x1bOC', 'right'],
  ['\x1bOD', 'left'],
  ['\x1b[H', 'home'],
  ['\x1b[F', 'end'],
  ['\x1bOH', 'home'],
  ['\x1bOF', 'end'],
  ['\x1b[1~', 'home'],
  ['\x1b[4~', 'end'],
  ['\x1b[3~', 'delete'],
  ['\x1b[1;5C', 'word-right'],
  ['\x1b[1;5D', 'word-left'],
  ['\x1bb', 'word-left'],
  ['\x1bf', 'word-right'],
];

const CONTROLS: Record<string, Key['kind']> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x03': 'interrupt',
  '\x04': 'eof',
  '\x0c': 'clear-screen',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x15': 'kill-before',
  '\x0b': 'kill-after',
  '\x17': 'kill-word',
};

/** Splits one onData chunk into keys; runs of printable text stay together. */
export function parseInput(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      flush();
      const seq = SEQUENCES.find(([s]) => data.startsWith(s, i));
      if (seq) {
        keys.push({ kind: seq[1] } as Key);
        i += seq[0].length;
        continue;
      }
      // An unknown CSI sequence: skip it whole (ESC [ parameters, up to the final byte @..~).
      if (data[i + 1] === '[') {
        let j = i + 2;
        while (j < data.length && !(data[j]! >= '@' && data[j]! <= '~')) j++;
        i = j + 1;
      } else {
        i += 2;
      }
      continue;
    }
    // CR LF of pasted Windows text is one Enter.
    if (ch === '\r' && data[i + 1] === '\n') {
      flush();
      keys.push({ kind: 'enter' });
      i += 2;
      continue;
    }
    const control = CONTROLS[ch];
    if (control) {
      flush();
      keys.push({ kind: control } as Key);
    } else if (ch >= ' ') {
      text += ch;
    }
    i++;
  }
  flush();
  return keys;
}

export interface LineState {
  text: string;
  cursor: number;
}

function wordStart(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && text[i - 1] === ' ') i--;
  while (i > 0 && text[i - 1] !== ' ') i--;
  return i;
}

function wordEnd(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && text[i] === ' ') i++;
  while (i < text.length && text[i] !== ' ') i++;
  return i;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The index one character (code point) before `i`: an emoji's surrogate pair is one step. */
function prevChar(text: string, i: number): number {
  if (i <= 0) return 0;
  return i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/** The index one character (code point) after `i`. */
function nextChar(text: string, i: number): number {
  if (i >= text.length) return text.length;
  return isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
}

/** The editing keys (readline's emacs bindings); other keys leave the line as it is. */
export function editLine(state: LineState, key: Key): LineState {
  const { text, cursor } = state;
  switch (key.kind) {
    case 'text':
      return { text: text.slice(0, cursor) + key.text + text.slice(cursor), cursor: cursor + key.text.length };
    case 'backspace': {
      const at = prevChar(text, cursor);
      return cursor === 0 ? state : { text: text.slice(0, at) + text.slice(cursor), cursor: at };
    }
    case 'delete':
      return cursor >= text.length ? state : { text: text.slice(0, cursor) + text.slice(nextChar(text, cursor)), cursor };
    case 'left':
      return { text, cursor: prevChar(text, cursor) };
    case 'right':
      return { text, cursor: nextChar(text, cursor) };
    case 'word-left':
      return { text, cursor: wordStart(text, cursor) };
    case 'word-right':
      return { text, cursor: wordEnd(text, cursor) };
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
    case 'kill-before':
      return { text: text.slice(cursor), cursor: 0 };
    case 'kill-after':
      return { text: text.slice(0, cursor), cursor };
    case 'kill-word': {
      const start = wordStart(text, cursor);
      return { text: text.slice(0, start) + text.slice(cursor), cursor: start };
    }
    default:
      return state;
  }
}
