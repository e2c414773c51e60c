import { describe, expect, it } from 'vitest';
import { goMap, renderTemplate } from '../../src/sim/shell/gotpl.ts';

const data = goMap({
  Name: '/web',
  Config: goMap({ Cmd: ['httpd', '-f'], Hostname: 'webhost', Env: ['A=1'] }),
  NetworkSettings: goMap({ Networks: goMap({ net1: goMap({ IPAddress: '10.10.0.2' }), bridge: goMap({ IPAddress: '172.17.0.2', DNSNames: null }) }) }),
});
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
    expect(out('{{.Nope}}')).toEqual({ error: 'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"' });
    expect(out('{{.Config.Hostname')).toEqual({ error: 'template parsing error: template: :1: unclosed action' });
  });
});
