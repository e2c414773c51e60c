/**
 * The value parsers behind docker run's flags, for the forms the goldens
 * (run-flags-values, run-flags-more) do not reach: go-units sizes with every
 * suffix form, Go durations with several units, rationals, platforms.
 */
import { describe, expect, it } from 'vitest';
import { goDuration, goInt, nanoCpus, parsePlatform, ramInBytes } from '../../src/sim/shell/docker/run-values.ts';

describe('run flag values', () => {
  it('sizes: RAMInBytes suffixes are binary, b/kb/kib all accepted, case-insensitive', () => {
    expect(ramInBytes('256m')).toEqual({ value: 268435456 });
    expect(ramInBytes('1.5G')).toEqual({ value: 1610612736 });
    expect(ramInBytes('64KiB')).toEqual({ value: 65536 });
    expect(ramInBytes('100b')).toEqual({ value: 100 });
    expect(ramInBytes('10 MB')).toEqual({ value: 10485760 });
    expect(ramInBytes('1mx')).toEqual({ error: "invalid suffix: 'mx'" });
    expect(ramInBytes('1kibb')).toEqual({ error: "invalid suffix: 'kibb'" });
    expect(ramInBytes('m')).toEqual({ error: "invalid size: 'm'" });
  });

  it('durations: Go units summed, a bare number needs a unit', () => {
    expect(goDuration('1m30s')).toEqual({ value: 90_000 });
    expect(goDuration('1.5h')).toEqual({ value: 5_400_000 });
    expect(goDuration('250ms')).toEqual({ value: 250 });
    expect(goDuration('0')).toEqual({ value: 0 });
    expect(goDuration('10')).toEqual({ error: 'time: missing unit in duration "10"' });
  });

  it('--cpus: rationals in nano-CPUs; ints with Go base prefixes', () => {
    expect(nanoCpus('1.5')).toEqual({ value: 1_500_000_000 });
    expect(nanoCpus('3/4')).toEqual({ value: 750_000_000 });
    expect(nanoCpus('2e-1')).toEqual({ value: 200_000_000 });
    expect(goInt('0x10')).toEqual({ value: 16 });
    expect(goInt('1_000')).toEqual({ value: 1000 });
    expect(goInt('99999999999999999999')).toEqual({ error: 'strconv.ParseInt: parsing "99999999999999999999": value out of range' });
  });

  it('platforms: os/arch with aliases, a lone os or arch', () => {
    expect(parsePlatform('linux/x86_64')).toEqual({ value: 'linux/amd64' });
    expect(parsePlatform('arm64')).toEqual({ value: 'linux/arm64' });
    expect(parsePlatform('linux')).toEqual({ value: 'linux/amd64' });
    expect(parsePlatform('linux/arm64/v8')).toEqual({ value: 'linux/arm64' });
    expect(parsePlatform('bogus')).toMatchObject({ error: expect.stringContaining('unknown operating system or architecture') });
  });
});
