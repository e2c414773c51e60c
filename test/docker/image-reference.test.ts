/**
 * Image references as distribution/reference v0.6 and go-digest read them: the
 * accepted forms and their normalization, and each error text as the real client
 * 28.2.2 printed it (golden images-references).
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalString,
  familiarMatch,
  familiarString,
  parseAnyReference,
  parseNormalizedNamed,
  withDefaultTag,
} from '../../src/sim/docker/reference.ts';

const named = (s: string) => {
  const r = parseNormalizedNamed(s);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const error = (s: string) => {
  const r = parseNormalizedNamed(s);
  return r.ok ? undefined : r.error;
};

describe('parseNormalizedNamed', () => {
  it('adds docker.io and library/ to official names, keeps registries and users', () => {
    expect(named('busybox')).toEqual({ domain: 'docker.io', path: 'library/busybox' });
    expect(named('nginx:alpine')).toEqual({ domain: 'docker.io', path: 'library/nginx', tag: 'alpine' });
    expect(named('crosbymichael/redis')).toEqual({ domain: 'docker.io', path: 'crosbymichael/redis' });
    expect(named('index.docker.io/library/alpine:3.20')).toEqual({ domain: 'docker.io', path: 'library/alpine', tag: '3.20' });
    expect(named('localhost:5000/app')).toEqual({ domain: 'localhost:5000', path: 'app' });
    // An upper-case first component is a registry host (golden: `docker pull MyOrg/app` asks https://MyOrg/v2/).
    expect(named('MyOrg/app')).toEqual({ domain: 'MyOrg', path: 'app' });
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(named(`busybox:latest@${digest}`)).toEqual({ domain: 'docker.io', path: 'library/busybox', tag: 'latest', digest });
  });

  it('prints back canonical and familiar forms', () => {
    expect(canonicalString(withDefaultTag(named('alpine')))).toBe('docker.io/library/alpine:latest');
    expect(familiarString(named('docker.io/library/nginx:alpine'))).toBe('nginx:alpine');
    expect(familiarString(named('training/webapp'))).toBe('training/webapp');
    expect(familiarString(named('registry.example.com/team/app:1.0'))).toBe('registry.example.com/team/app:1.0');
  });

  it('refuses what the real client refuses, in its words', () => {
    expect(error('UPPER')).toBe('invalid reference format: repository name (library/UPPER) must be lowercase');
    expect(error('Busybox:latest')).toBe('invalid reference format: repository name (library/Busybox) must be lowercase');
    expect(error('busybox@SHA256:' + 'a'.repeat(64))).toBe('invalid reference format: repository name (library/busybox@SHA256) must be lowercase');
    for (const bad of ['busybox:', 'busybox::latest', 'a::b', 'busybox:bad tag', 'busybox@sha256:abc', '', '.busybox', 'busybox.', 'a___b', `busybox:${'t'.repeat(129)}`]) {
      expect(error(bad), bad).toBe('invalid reference format');
    }
    expect(error(`busybox@sha256:${'b'.repeat(40)}`)).toBe('invalid checksum digest length');
    expect(error(`busybox@sha256:${'A'.repeat(64)}`)).toBe('invalid checksum digest format');
    expect(error(`busybox@md5:${'c'.repeat(32)}`)).toBe('unsupported digest algorithm');
    expect(error('a'.repeat(256))).toBe('repository name must not be more than 255 characters');
    expect(error('a'.repeat(64))).toBe(`invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`);
    for (const good of ['a__b', 'a---b', `busybox:${'t'.repeat(128)}`, 'registry.example.com/team/app:1.0', 'Registry.Example.com/app']) expect(error(good), good).toBeUndefined();
  });
});

describe('parseAnyReference', () => {
  it('takes 64 hex digits and sha256 digests for image IDs', () => {
    expect(parseAnyReference('f'.repeat(64))).toEqual({ ok: true, value: { kind: 'digest', digest: `sha256:${'f'.repeat(64)}` } });
    expect(parseAnyReference(`sha256:${'0'.repeat(64)}`)).toEqual({ ok: true, value: { kind: 'digest', digest: `sha256:${'0'.repeat(64)}` } });
    expect(parseAnyReference('647197174783')).toEqual({ ok: true, value: { kind: 'named', ref: { domain: 'docker.io', path: 'library/647197174783' } } });
  });
});

describe('familiarMatch (the images reference filter)', () => {
  it('matches the familiar string, then the familiar name, with path.Match globs', () => {
    expect(familiarMatch('busybox', named('busybox:v1'))).toBe(true);
    expect(familiarMatch('busybox:v*', named('busybox:v1'))).toBe(true);
    expect(familiarMatch('b*', named('bb:1'))).toBe(true);
    expect(familiarMatch('*', named('training/webapp:latest'))).toBe(false);
    expect(familiarMatch('docker.io/library/busybox', named('busybox:latest'))).toBe(false);
    expect(familiarMatch('UPPER', named('busybox:latest'))).toBe(false);
  });
});
