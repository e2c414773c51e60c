/**
 * Each hop carries its sentence twice: the core's English `detail` (the CLI and
 * many tests read it) and a language-free note that the app renders through its
 * `hop.*` templates. Over representative traces, the English templates give
 * every hop's `detail` back exactly, and every note key has a template in both
 * languages, filled with the same values. Run through the app's own translator setup.
 */
import { i18n } from '../../src/app/i18n/index.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/app/i18n/en.ts';
import { initI18n } from '../../src/app/i18n/index.ts';
import { zhCN } from '../../src/app/i18n/zh-CN.ts';
import { hopText, lostReason } from '../../src/app/trace/hop-text.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';
import type { Hop, Outcome, Trace } from '../../src/sim/net/trace.ts';
import { twoBridges } from '../net/world.ts';

/** The traces of `lines`, run after the starter scenario. */
function afterStarter(...lines: string[]): () => Trace[] {
  return () => {
    const { outputs } = replay([...STARTER_SCENARIO.commands, ...lines]);
    return outputs.slice(STARTER_SCENARIO.commands.length).flatMap((o) => o.traces ?? []);
  };
}

/** A ping from a1 to a2 on one bridge (test/net/world.ts) after an iptables rule in `ns`: drops no docker command leads to. */
function kernelPing(ns: string, rule: string): () => Trace[] {
  return () => {
    const k = twoBridges();
    expect(k.netns(ns)!.netfilter.iptables(rule.split(' '), 4).exitCode).toBe(0);
    return [k.probe({ kind: 'icmp-echo', from: 'a1', dst: '172.18.0.3' })];
  };
}

const WEB = 'docker run -d --name web -p 8080:80 httpd';

/** name -> how to get its traces, and the outcome of the last one. */
const CASES: Record<string, [() => Trace[], Outcome['kind']]> = {
  'a ping on one bridge': [afterStarter('docker exec bbox1 ping -c 1 bbox2'), 'replied'],
  'a ping dropped by the raw table rule': [afterStarter('docker exec bbox1 ping -c 1 -W 1 172.17.0.2'), 'dropped'],
  'a published port via DNAT from the LAN': [afterStarter(WEB, 'lan$ wget -q -O - http://192.168.1.108:8080'), 'delivered'],
  'a hairpin to the own published port': [afterStarter(WEB, 'docker exec web wget -q -O - http://192.168.1.108:8080'), 'delivered'],
  'a published port from another network': [afterStarter(WEB, 'docker exec bbox1 wget -q -O - http://192.168.1.108:8080'), 'delivered'],
  'no route': [afterStarter('docker network create --internal quiet', 'docker run -dit --name i1 --network quiet busybox', 'docker exec i1 ping -c 1 203.0.113.10'), 'no-route'],
  'ip_forward=0': [afterStarter('sysctl -w net.ipv4.ip_forward=0', 'docker exec bbox1 ping -c 1 -W 1 203.0.113.10'), 'forwarding-disabled'],
  'a router without a route': [afterStarter('ip route del default', 'docker exec bbox1 ping -c 1 -W 1 8.8.8.8'), 'no-route'],
  'no answer to ARP': [afterStarter('docker exec bbox1 ping -c 1 -W 1 172.18.0.99'), 'no-neighbour'],
  'a REJECT rule': [afterStarter('iptables -I DOCKER-USER -p icmp -j REJECT', 'docker exec bbox1 ping -c 1 -W 1 203.0.113.10'), 'rejected'],
  'a DNAT in OUTPUT': [afterStarter('iptables -t nat -A OUTPUT -d 10.9.9.9 -j DNAT --to-destination 172.18.0.3', 'ping -c 1 -W 1 10.9.9.9'), 'replied'],
  'loopback and a cached neighbour': [afterStarter('docker exec bbox1 ping -c 1 127.0.0.1', 'docker exec bbox1 ping -c 2 bbox2'), 'replied'],
  'a TTL spent at the host': [afterStarter('docker exec bbox1 traceroute -n -m 2 -q 1 203.0.113.10'), 'port-closed'],
  'a martian source': [kernelPing('a1', '-t nat -A POSTROUTING -o eth0 -j SNAT --to-source 127.0.0.5'), 'lost'],
  'a martian destination': [kernelPing('a2', '-t nat -A PREROUTING -i eth0 -j DNAT --to-destination 127.0.0.1'), 'lost'],
};

const traced = new Map<string, Trace[]>();

/** A case's traces, made once. */
function tracesOf(name: string): Trace[] {
  let traces = traced.get(name);
  if (!traces) {
    traces = CASES[name]![0]();
    traced.set(name, traces);
  }
  return traces;
}

const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('hop notes', () => {
  beforeAll(async () => {
    await initI18n();
    await i18n.loadLanguage('zh-CN');
  });

  for (const [name, [, outcome]] of Object.entries(CASES)) {
    it(`render in English as the core's detail: ${name}`, () => {
      const traces = tracesOf(name);
      expect(traces.at(-1)?.outcome.kind).toBe(outcome);
      const enT = i18n.getFixedT('en');
      const zhT = i18n.getFixedT('zh-CN');
      const hops: Hop[] = traces.flatMap((t) => t.hops);
      expect(hops.length).toBeGreaterThan(0);
      for (const hop of hops) {
        expect(hop.note.key in en.hop, hop.note.key).toBe(true);
        expect(Object.keys(hop.note.values).sort(), hop.note.key).toEqual(placeholders(en.hop[hop.note.key]));
        expect(hopText(enT, hop), hop.note.key).toBe(hop.detail);
        // Chinese keeps every technical token and leaves no placeholder unfilled.
        const zh = hopText(zhT, hop);
        expect(zh).not.toBe(hop.detail);
        expect(zh).not.toContain('{{');
        for (const value of Object.values(hop.note.values)) expect(zh, hop.note.key).toContain(value);
      }
    });
  }

  it('cover the common sentences', () => {
    const seen = new Set(Object.keys(CASES).flatMap((name) => tracesOf(name).flatMap((t) => t.hops.map((h) => h.note.key))));
    for (const key of ['send', 'route', 'noRoute', 'forward', 'forwardingDisabled', 'ttlExceeded', 'arpReply', 'arpNoAnswer', 'neighbourCached', 'rerouteDnat', 'forwardNoRoute', 'martianSource', 'martianDestination', 'loopback', 'transmit', 'veth', 'bridgeForward', 'bridgeToSelf', 'bridgeSend', 'receive', 'hook', 'hookRule', 'deliver']) {
      expect(seen, key).toContain(key);
    }
  });

  it('has a template for every key in both languages, with the same values', () => {
    expect(Object.keys(zhCN.hop).sort()).toEqual(Object.keys(en.hop).sort());
    for (const [key, template] of Object.entries(en.hop)) {
      expect(placeholders(zhCN.hop[key as keyof typeof zhCN.hop]), key).toEqual(placeholders(template));
    }
  });

  it('say why a packet was lost in the UI’s language', () => {
    const trace = tracesOf('a martian source').at(-1)!;
    const o = trace.outcome;
    if (o.kind !== 'lost') throw new Error(`expected lost, got ${o.kind}`);
    expect(lostReason(i18n.getFixedT('en'), trace, o.reason)).toBe(o.reason);
    const zh = lostReason(i18n.getFixedT('zh-CN'), trace, o.reason);
    expect(zh).toContain('martian');
    expect(zh).not.toBe(o.reason);
    // A reason the last hop does not state stays the core's.
    expect(lostReason(i18n.getFixedT('zh-CN'), trace, 'device vanished')).toBe('device vanished');
  });

  it('falls back to the detail when no language has the key', () => {
    const hop = { detail: 'something new happened to eth0', note: { key: 'notYetTranslated' as never, values: { dev: 'eth0' } } };
    expect(hopText(i18n.getFixedT('zh-CN'), hop)).toBe('something new happened to eth0');
    expect(hopText(i18n.getFixedT('en'), hop)).toBe('something new happened to eth0');
  });
});
