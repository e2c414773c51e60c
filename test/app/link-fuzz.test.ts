/**
 * Nothing in a link or a scenario file breaks the app: 10,000 share links
 * (corrupt, truncated, oversized, deflate bombs, random text, wrong documents)
 * and scenario files (cut, edited, random, huge, alias bombs, wrong documents),
 * from one seed, each opened the way the app opens it. Each ends as a message
 * in the UI's words or as a valid scenario the user is asked about; nothing
 * throws; the user's world is kept; and no inflation runs past the cap by more
 * than the one piece that crosses it.
 */
import { deflateSync } from 'fflate';
import { i18n } from '../../src/app/i18n/index.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { createGalleryStore } from '../../src/app/gallery/store.ts';
import { initI18n } from '../../src/app/i18n/index.ts';
import { readScenarioFile } from '../../src/app/share/files.ts';
import { resolveLink } from '../../src/app/share/links.ts';
import { createAppStore, type Notice } from '../../src/app/state/store.ts';
import { LIMITS } from '../../src/scenario/format/types.ts';
import { scenarioToYaml } from '../../src/scenario/format/yaml.ts';
import { GALLERY } from '../../src/scenario/gallery/index.ts';
import { toBase64Url } from '../../src/scenario/link/base64url.ts';
import { MAX_INFLATED_BYTES, MAX_LINK_CHARS } from '../../src/scenario/link/codec.ts';
import { encodeScenario } from '../../src/scenario/link/encode.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';
import { loadAllParts } from '../../src/sim/shell/lazy/parts.ts';
import { FuzzRandom } from '../shell-cmds/fuzz-lines.ts';
import { MemoryStorage } from './memory-storage.ts';

/** The most bytes one inflate has handed out so far (the dictionary's block included); the codec inflates in pieces of 1 KiB of input. */
const inflation = { current: 0, most: 0 };

/** The platform's inflater, counting what each stream hands out. */
class CountingDecompressionStream {
  readonly writable: WritableStream<BufferSource>;
  readonly readable: ReadableStream<Uint8Array>;
  constructor(format: CompressionFormat) {
    const real = new RealDecompressionStream(format);
    inflation.current = 0;
    this.writable = real.writable;
    this.readable = real.readable.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          inflation.current += chunk.length;
          inflation.most = Math.max(inflation.most, inflation.current);
          controller.enqueue(chunk);
        },
      }),
    );
  }
}
const RealDecompressionStream = globalThis.DecompressionStream;

const SEED = 20261206;
// Files cost several times what links do (YAML parsing): fewer of them keep the test short on a shared machine.
const LINKS = 9500;
const FILES = 500;
/** Deflate's best ratio is about 1032:1, so one KiB of input inflates to at most about a MiB. */
const ONE_PIECE = 1032 * 1024;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ODD = ['!', '%', '%00', '%ZZ', '&', '=', '#', ' ', '.', '+', '/', 'é', '🐳', '\u0000', '\n', '<img src=x onerror=alert(1)>', '&s=', '&g=', '&step=', '1.'];

const MINE = [...STARTER_SCENARIO.commands, 'docker network create important'];

function randomText(random: FuzzRandom, length: number, chars: string): string {
  let s = '';
  for (let i = 0; i < length; i++) s += chars[random.int(chars.length)];
  return s;
}

/** A wrong document: a real one with one field of the wrong kind, too long, unknown, or missing. */
function wrongDoc(random: FuzzRandom): unknown {
  const doc: Record<string, unknown> = { ...random.pick(GALLERY).doc };
  const key = random.pick(['vethlab', 'id', 'title', 'setup', 'steps', 'layout', 'view', 'seed', 'tags', 'hint', 'extra', 'article', '__proto__', 'constructor']);
  const value = random.pick<unknown>([
    null, 0, -1, 2 ** 53, 1.5, Number.NaN, '', 'x'.repeat(LIMITS.textChars + 1), [], [null], [1, 2], {}, { run: 1 }, true, 'docker ps\r',
    Array.from({ length: LIMITS.lines + 1 }, () => 'docker ps'), Array.from({ length: 3 }, () => ({ run: 'docker ps', expect: { exit: 999 } })),
    { 'container:web': [Number.MAX_VALUE, 0] }, { panel: 'nope' }, ['UPPER'], { title: 1, year: '2016' },
  ]);
  if (random.chance(0.2)) delete doc[key];
  else doc[key] = value;
  return random.chance(0.1) ? random.pick<unknown>([null, 42, 'a scenario', [doc], { doc }]) : doc;
}

/** A link's data made from bytes that deflate well past the cap. */
function bomb(size: number): string {
  const json = new TextEncoder().encode(JSON.stringify({ vethlab: 1, setup: ['x'.repeat(size)] }));
  return `1.${toBase64Url(deflateSync(json))}`;
}

function linkHash(random: FuzzRandom, good: readonly string[], bombs: readonly string[], wrong: readonly string[]): string {
  const data = random.pick(good);
  switch (random.int(10)) {
    case 0: {
      // Characters replaced, inside the alphabet or out of it.
      const chars = [...data];
      for (let i = 0, n = 1 + random.int(4); i < n; i++) chars[2 + random.int(chars.length - 2)] = random.chance(0.7) ? random.pick([...ALPHABET]) : random.pick(ODD);
      return `#s=${chars.join('')}`;
    }
    case 1:
      return `#s=${data.slice(0, random.int(data.length))}`;
    case 2: {
      const at = 2 + random.int(data.length - 2);
      return `#s=${data.slice(0, at)}${randomText(random, 1 + random.int(40), ALPHABET)}${data.slice(at)}`;
    }
    case 3:
      return `#s=${random.pick(['0', '1', '2', '99', '1000000', '-1', '', 'x'])}.${randomText(random, random.int(400), ALPHABET)}`;
    case 4:
      // Bombs are few (each inflates a quarter MiB before it is stopped); the rest of this case cuts a link at a random piece.
      return random.chance(0.05) ? `#s=${random.pick(bombs)}` : `#s=${data.slice(0, 2 + 4 * random.int(data.length / 4))}`;
    case 5:
      return `#s=1.${'A'.repeat(MAX_LINK_CHARS - 1 + random.int(3))}`;
    case 6:
      return `#s=${random.pick(wrong)}`;
    case 7:
      return `#${random.pick(['g=', 's=', 'g=three-ways&step=', 'step=2&g='])}${randomText(random, random.int(80), ALPHABET + ODD.join(''))}`;
    case 8:
      return `#g=${random.pick(GALLERY).id}&step=${random.pick(['0', '-1', '1.5', '501', '1e3', 'NaN', '', ' 2', '0x2', String(random.int(600))])}`;
    default:
      return randomText(random, random.int(300), ALPHABET + ODD.join('') + '#?');
  }
}

function fileText(random: FuzzRandom, good: readonly string[]): string {
  const text = random.pick(good);
  switch (random.int(8)) {
    case 0:
      return text.slice(0, random.int(text.length));
    case 1: {
      const chars = [...text];
      for (let i = 0, n = 1 + random.int(6); i < n; i++) chars[random.int(chars.length)] = random.pick([':', '-', ' ', '\t', '"', "'", '[', '{', '&a', '*a', '!!binary', '%', '\n', '\u0000', 'é']);
      return chars.join('');
    }
    case 2:
      return randomText(random, random.int(2000), `${ALPHABET} :-[]{}\n\t"'#&*!|>%@\``);
    case 3:
      // An alias bomb: each level doubles the one before.
      return `a0: &a0 [x, x]\n${Array.from({ length: 30 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`).join('\n')}\nvethlab: 1\nsetup: *a30\n`;
    case 4:
      return `${random.pick(['[', '{', '- ', '{a: '])}`.repeat(100 + random.int(1000));
    case 5:
      return stringify(wrongDoc(random));
    case 6:
      return `vethlab: 1\nsetup:\n${'  - docker ps\n'.repeat(random.pick([10, 10, 10, 501, 90_000]))}`;
    default:
      return `${text}\n${random.pick(['---\nvethlab: 1\nsetup: []\n', 'extra: [', 'setup: again\n', '\u0000'])}`;
  }
}

/** The English text of a key with these values; fails on a missing key or a placeholder given no value. */
function translated(key: string, values: Record<string, string>): string {
  expect(i18n.exists(key), key).toBe(true);
  const template = String(i18n.getResource('en', 'translation', key));
  for (const [, name] of template.matchAll(/\{\{(\w+)\}\}/g)) expect(values, `${key} needs ${name}`).toHaveProperty(name!);
  return i18n.t(key, values);
}

/** The message the UI shows for a notice, in English. */
function shownText(notice: Notice): string {
  const values = { ...notice.values };
  if (values.reasonKey) values.reason = translated(values.reasonKey, values);
  return translated(notice.key, values);
}

function appWith(commands: readonly string[]) {
  const storage = new MemoryStorage();
  const app = createAppStore({ storage });
  app.getState().replaceWorld(commands);
  const gallery = createGalleryStore(app, { storage });
  return { app, gallery };
}

describe('10,000 bad links and scenario files', () => {
  beforeAll(async () => {
    await loadAllParts();
    await initI18n();
    await i18n.changeLanguage('en');
    vi.stubGlobal('DecompressionStream', CountingDecompressionStream);
  });

  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('each gives a message or a scenario to ask about; nothing throws; the world is kept; no inflation runs past the cap', { timeout: 120_000 }, async () => {
    const random = new FuzzRandom(SEED);
    const good = GALLERY.map((s) => encodeScenario(s.doc));
    const bombs = [300 * 1024, 4 * 1024 * 1024].map(bomb);
    const goodFiles = GALLERY.map((s) => scenarioToYaml(s.doc));
    // Deflating is slow next to reading: wrong documents are made once and picked from.
    const wrong = Array.from({ length: 200 }, () => encodeScenario(wrongDoc(random) as never));
    const { app, gallery } = appWith(MINE);
    const world = app.getState().sim;
    const kinds = new Map<string, number>();
    const count = (kind: string) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1);

    for (let i = 0; i < LINKS; i++) {
      const hash = linkHash(random, good, bombs, wrong);
      const link = await resolveLink(hash);
      if (link.kind === 'error') {
        app.getState().setNotice(link.notice);
        expect(shownText(link.notice)).toContain('Your world is unchanged');
        count(link.notice.values!.reasonKey!);
      } else if (link.kind === 'open') {
        // Still a scenario: opening it over the user's own lines asks first.
        gallery.getState().openDoc(link.doc, link.step);
        expect(gallery.getState().confirmId, hash.slice(0, 200)).not.toBeNull();
        expect(JSON.stringify(link.doc).length).toBeLessThanOrEqual(MAX_INFLATED_BYTES);
        gallery.getState().cancelOpen();
        count('opens');
      } else count('none');
      expect(app.getState().sim).toBe(world);
      expect(app.getState().commands).toEqual(MINE);
    }

    for (let i = 0; i < FILES; i++) {
      const text = fileText(random, goodFiles);
      const read = await readScenarioFile({ name: `fuzz-${i}.yaml`, size: text.length, text: () => Promise.resolve(text) });
      if (read.ok) count('file opens');
      else {
        expect(shownText(read.notice)).toContain('Your world is unchanged');
        count('file.bad');
      }
      expect(app.getState().commands).toEqual(MINE);
    }

    expect(inflation.most).toBeGreaterThan(MAX_INFLATED_BYTES);
    expect(inflation.most).toBeLessThanOrEqual(MAX_INFLATED_BYTES + ONE_PIECE);
    // Every kind of answer was met, so the fuzzer reaches each branch.
    for (const kind of ['link.corrupt', 'link.truncated', 'link.tooLarge', 'link.newer', 'link.invalid', 'link.tooManyLines', 'link.unknownScenario', 'opens', 'none', 'file.bad', 'file opens']) {
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
    expect([...kinds.values()].reduce((a, b) => a + b, 0)).toBe(LINKS + FILES);
  });
});
