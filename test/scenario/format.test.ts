/**
 * The scenario format: what reads and what is refused (with where and why),
 * versions (a frozen link and file of version 1 keep opening; a newer one is
 * refused), YAML files and their translations, the link codec's round trip,
 * and the gallery's generated modules kept in step with its files.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { galleryModules } from '../../scripts/gallery.ts';
import { describeReadError, readScenario, type ReadResult } from '../../src/scenario/format/read.ts';
import type { ScenarioDoc } from '../../src/scenario/format/types.ts';
import { parseScenarioTextYaml, parseScenarioYaml, scenarioToYaml } from '../../src/scenario/format/yaml.ts';
import { GALLERY_DOCS } from '../../src/scenario/gallery/gallery.gen.ts';
import { fromBase64Url, toBase64Url } from '../../src/scenario/link/base64url.ts';
import { decodeScenario } from '../../src/scenario/link/codec.ts';
import { encodeScenario } from '../../src/scenario/link/encode.ts';
import { parseFragment } from '../../src/scenario/link/fragment.ts';

/** The error a result must be, described as the CLI says it. */
function errorOf(r: ReadResult<unknown>): string {
  if (r.ok) throw new Error('expected an error');
  return describeReadError(r.error);
}

const FROZEN_V1_DOC: ScenarioDoc = {
  vethlab: 1,
  title: 'Frozen v1',
  setup: ['docker network create mynet', 'docker run -dit --name bbox1 --network mynet busybox'],
  steps: [{ text: 'Ping by name', run: 'docker exec bbox1 ping -c 1 bbox1', expect: { exit: 0, packet: 'replied' } }],
  layout: { 'container:bbox1': [120, 80], 'network:mynet': [40, 10] },
  view: { step: 1, panel: 'guide' },
};
/** Made by the first build that wrote links (link version 1): every later build must open it. */
const FROZEN_V1_LINK =
  '1.Qy1KYAWCW1F-VWqeQpkhKN-h6UCLw9xKkC-AsYHd7iSgaw2RHABWDvcG0N8YURAAip6kSgWQdqzRATESEYtgPlAlcfEPjhJYdCJCFmKIVbShkYGOBXJ8QPxnFW1ioGNoEAssHGHlE7w8Qi2oamsB';

describe('reading a scenario', () => {
  it('reads the frozen version-1 link and file', async () => {
    expect(await decodeScenario(FROZEN_V1_LINK)).toEqual({ ok: true, doc: FROZEN_V1_DOC });
    const file = readFileSync(new URL('../fixtures/scenarios/frozen-v1.yaml', import.meta.url), 'utf8');
    expect(parseScenarioYaml(file)).toEqual({ ok: true, doc: FROZEN_V1_DOC });
  });

  it('refuses what a newer vethlab wrote, and says so', () => {
    const read = readScenario({ vethlab: 2, setup: [] });
    expect(read).toEqual({ ok: false, error: { kind: 'newer', version: 2 } });
    expect(errorOf(read)).toBe('made by a newer vethlab (scenario version 2; this one reads up to 1)');
  });

  it('says where a document is wrong', () => {
    const detail = (data: unknown) => {
      const r = readScenario(data);
      return r.ok ? 'ok' : describeReadError(r.error);
    };
    expect(detail({ setup: [] })).toBe('vethlab: missing (the format version, 1)');
    expect(detail('docker ps')).toMatch(/^a scenario is a mapping/);
    expect(detail({ vethlab: 1, setup: 'docker ps' })).toMatch(/^setup: /);
    expect(detail({ vethlab: 1, setup: [], steps: [{ run: 'ls', expcet: { exit: 0 } }] })).toMatch(/^steps\.0\.expcet: /);
    expect(detail({ vethlab: 1, setup: [], steps: [{ run: 'ls', expect: { packet: 'arrived' } }] })).toMatch(/^steps\.0\.expect\.packet: /);
    expect(detail({ vethlab: 1, setup: ['a\r\nb'] })).toBe('setup.0: a command line has a carriage return');
    // A loop or a here-document typed over several lines is one command.
    expect(detail({ vethlab: 1, setup: ['for i in 1 2\ndo echo $i\ndone'] })).toBe('ok');
    expect(detail({ vethlab: 1, setup: [], layout: { 'container:a': [1, 'x'] } })).toMatch(/^layout\.container:a\.1: /);
    expect(detail({ vethlab: 1, setup: Array.from({ length: 501 }, () => 'ls') })).toBe('501 lines: a scenario holds at most 500');
  });

  it('gives YAML errors with their line and column', () => {
    const r = parseScenarioYaml('vethlab: 1\nsetup:\n  - docker ps\n title: x\n');
    expect(r.ok).toBe(false);
    expect(errorOf(r)).toBe("line 4, column 1: All mapping items must start at the same column");
    const dup = parseScenarioYaml('vethlab: 1\nsetup: []\nsetup: []\n');
    expect(errorOf(dup)).toMatch(/^line 3, column 1: .*unique/i);
  });

  it('reads translations, which must give one text per step', () => {
    expect(parseScenarioTextYaml('title: 标题\nsteps: [一, 二]\n', 2)).toEqual({ ok: true, doc: { title: '标题', steps: ['一', '二'] } });
    const r = parseScenarioTextYaml('steps: [一]\n', 2);
    expect(errorOf(r)).toBe('steps: 1 texts for 2 steps');
  });

  it('writes every gallery scenario as a YAML file that reads back the same', () => {
    for (const doc of GALLERY_DOCS) {
      const text = scenarioToYaml({ ...doc, layout: { 'container:a': [1, -2] } });
      expect(text).toContain('container:a: [ 1, -2 ]');
      expect(parseScenarioYaml(text)).toEqual({ ok: true, doc: { ...doc, layout: { 'container:a': [1, -2] } } });
    }
  });
});

describe('the link codec', () => {
  it('round-trips every gallery scenario, shorter than its JSON', async () => {
    for (const doc of GALLERY_DOCS) {
      const token = encodeScenario(doc);
      expect(token).toMatch(/^1\.[A-Za-z0-9_-]+$/);
      expect(await decodeScenario(token)).toEqual({ ok: true, doc });
      expect(token.length).toBeLessThan(JSON.stringify(doc).length);
    }
  });

  it('round-trips any bytes through base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('ab+c')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
  });

  it('never throws on any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
        const r = await decodeScenario(`1.${text}`);
        expect(r.ok === false || typeof r.doc === 'object').toBe(true);
        expect((await parseFragment(`#s=1.${text}`)).kind).not.toBe('none');
      }),
    );
  });

  it('reads fragments: a whole scenario, a gallery one at a step, anything else left alone', async () => {
    expect(await parseFragment(`#s=${FROZEN_V1_LINK}`)).toEqual({ kind: 'scenario', doc: FROZEN_V1_DOC });
    expect(await parseFragment('#g=three-ways&step=2')).toEqual({ kind: 'gallery', id: 'three-ways', step: 2 });
    expect(await parseFragment('g=three-ways')).toEqual({ kind: 'gallery', id: 'three-ways' });
    expect(await parseFragment('#g=three-ways&step=0')).toMatchObject({ kind: 'error', error: { kind: 'invalid' } });
    expect(await parseFragment('#g=<script>')).toMatchObject({ kind: 'error', error: { kind: 'unknown-scenario' } });
    expect(await parseFragment('#install')).toEqual({ kind: 'none' });
  });
});

describe('the gallery files', () => {
  it('are what the generated modules hold (run `npm run gallery` after editing them)', () => {
    for (const [file, text] of Object.entries(galleryModules())) {
      expect(readFileSync(new URL(`../../src/scenario/gallery/${file}`, import.meta.url), 'utf8'), file).toBe(text);
    }
  });
});
