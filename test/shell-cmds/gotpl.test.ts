import { describe, expect, it } from 'vitest';
import { goNil, goStruct } from '../../src/sim/docker/govalue.ts';
import { goMap, renderInspectTemplate, renderTemplate } from '../../src/sim/shell/gotpl.ts';

// Structs are plain objects (Go's field order); Networks is a map, as in container.InspectResponse.
const data = {
  Name: '/web',
  Config: { Cmd: ['httpd', '-f'], Hostname: 'webhost', Env: ['A=1'] },
  NetworkSettings: { Networks: goMap({ net1: { IPAddress: '10.10.0.2' }, bridge: { IPAddress: '172.17.0.2', DNSNames: null } }) },
};
const out = (t: string) => renderTemplate(t, data);

describe('Go templates as the docker client renders them', () => {
  it('reads fields, ranges over maps in key order, indexes and prints JSON', () => {
    expect(out('{{.Name}}')).toEqual({ output: '/web' });
    expect(out('{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}}{{println}}{{end}}')).toEqual({ output: 'bridge=172.17.0.2\nnet1=10.10.0.2\n' });
    expect(out('{{(index .NetworkSettings.Networks "net1").IPAddress}}')).toEqual({ output: '10.10.0.2' });
    expect(out('{{json .Config.Cmd}} {{join .Config.Cmd " "}} {{len .Config.Env}}')).toEqual({ output: '["httpd","-f"] httpd -f 1' });
    expect(out('{{json .NetworkSettings.Networks.bridge.DNSNames}} {{upper .Config.Hostname}}')).toEqual({ output: 'null WEBHOST' });
    expect(out('{{if .Config.Env}}yes{{else}}no{{end}}')).toEqual({ output: 'yes' });
  });

  it('fails like docker: a missing key, an unclosed action', () => {
    // docker inspect: the typed value fails, so the raw JSON (maps, missingkey=error) answers.
    expect(renderInspectTemplate('{{.Nope}}', data)).toEqual({ error: 'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"' });
    // A typed map without the key just prints <no value>.
    expect(out('{{.NetworkSettings.Networks.nosuch}}')).toEqual({ output: '<no value>' });
    expect(out('{{.Config.Hostname')).toEqual({ error: 'template parsing error: template: :1: unclosed action' });
  });

  it('prints struct JSON in Go field order and map JSON sorted (golden 13 #15, 14 #8)', () => {
    const endpoint = { IPAMConfig: {}, Links: null, Aliases: [], MacAddress: 'aa', DriverOpts: goMap({ b: '2', a: '1' }) };
    expect(renderInspectTemplate('{{json .}}', endpoint)).toEqual({ output: '{"IPAMConfig":{},"Links":null,"Aliases":[],"MacAddress":"aa","DriverOpts":{"a":"1","b":"2"}}' });
    const ipam = [goStruct({ Subnet: '10.2.0.0/16', IPRange: '10.2.5.0/24' }, 'network.IPAMConfig', { Subnet: '', IPRange: '', Gateway: '' })];
    expect(renderInspectTemplate('{{json .}}', ipam)).toEqual({ output: '[{"Subnet":"10.2.0.0/16","IPRange":"10.2.5.0/24"}]' });
  });

  it('reads omitempty fields a struct left out of its JSON as their zero value (golden 13 #27)', () => {
    const network = { IPAM: { Config: [goStruct({ Subnet: '10.10.0.0/24' }, 'network.IPAMConfig', { Subnet: '', IPRange: '', Gateway: '' })] } };
    expect(renderInspectTemplate('{{range .IPAM.Config}}{{.Subnet}} [{{.Gateway}}]{{end}}', network)).toEqual({ output: '10.10.0.0/24 []' });
    expect(renderInspectTemplate('{{json .IPAM.Config}}', network)).toEqual({ output: '[{"Subnet":"10.10.0.0/24"}]' });
  });

  it('prints nil slices and maps as Go does, and null in JSON (golden 16 #20, 27 #6)', () => {
    const hostConfig = { Links: goNil('slice'), Options: goNil('map'), IPAMConfig: null };
    expect(out2('{{.Links}} {{.Options}} {{.IPAMConfig}} {{len .Links}}', hostConfig)).toBe('[] map[] <nil> 0');
    expect(out2('{{json .Links}} {{json .Options}} {{json .IPAMConfig}}', hostConfig)).toBe('null null null');
    expect(out2('{{range .Links}}x{{else}}empty{{end}} {{if .Options}}y{{else}}n{{end}}', hostConfig)).toBe('empty n');
    expect(JSON.stringify(hostConfig)).toBe('{"Links":null,"Options":null,"IPAMConfig":null}');
  });
});

function out2(template: string, value: unknown): string {
  const r = renderInspectTemplate(template, value);
  if ('error' in r) throw new Error(r.error);
  return r.output;
}

describe('printf as Go formats it', () => {
  it('cuts, pads and quotes', async () => {
    const { goSprintf } = await import('../../src/sim/shell/gotpl.ts');
    expect(goSprintf('br-%.12s', ['109a2826bbdc5e0f'])).toBe('br-109a2826bbdc');
    expect(goSprintf('%-6s|%5d|%05d|%q|%%', ['ab', 42, 7, 'x'])).toBe('ab    |   42|00007|"x"|%');
    expect(goSprintf('%s %s', ['one'])).toBe('one %!s(MISSING)');
  });
});
