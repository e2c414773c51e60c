/** The official httpd image (pulled in the playground) serves its htdocs: Apache's "It works!" page. */
import { describe, expect, it } from 'vitest';
import { replay, runLine } from '../../src/scenario/scenario.ts';

describe('the official httpd image', () => {
  it('serves /usr/local/apache2/htdocs/index.html', () => {
    const { sim } = replay(['docker run -d --name web24 httpd:2.4']);
    const out = runLine(sim, 'curl -s http://172.17.0.2/');
    expect(out.stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(runLine(sim, 'curl -s -o /dev/null -w "%{http_code}" http://172.17.0.2/nope.html').stdout).toBe('404');
  });
});
