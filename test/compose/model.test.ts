/**
 * The Compose model on its own: YAML in go-yaml's words, the schema's errors,
 * interpolation, the canonical forms, the consistency checks and `config`'s YAML,
 * each against what Compose v2.40 printed on the real-docker rig (goldens
 * compose-errors and compose-networks have the same cases end to end).
 */
import { describe, expect, it } from 'vitest';
import { loadProject, type HostFiles } from '../../src/sim/shell/compose/files.ts';
import { configYaml } from '../../src/sim/shell/compose/format.ts';
import { sha256Hex } from '../../src/sim/docker/sha256.ts';
import { ComposeError, dependencyLevels, interpolate, normalizeProjectName, parseShortPort, shellSplit } from '../../src/sim/shell/compose/model.ts';
import { validate } from '../../src/sim/shell/compose/schema.ts';
import { parseYaml, toGoYaml } from '../../src/sim/shell/compose/yaml.ts';

const files = (entries: Record<string, string>, cwd = '/root'): HostFiles => ({ cwd, read: (p) => entries[p] ?? 'ENOENT' });

function loadError(text: string, opts: { projectName?: string } = {}): string {
  try {
    loadProject({ files: ['/srv/p/compose.yaml'], envFiles: [], env: { HOME: '/root' }, ...opts }, files({ '/srv/p/compose.yaml': text }), () => {});
  } catch (e) {
    if (e instanceof ComposeError) return e.message;
    throw e;
  }
  return '';
}

describe('compose files as YAML', () => {
  it('words syntax errors as go-yaml v3 does, at its lines', () => {
    const message = (text: string) => {
      const r = parseYaml(text);
      return r.ok ? '' : r.message;
    };
    expect(message('services:\n\tweb:\n')).toBe('yaml: line 2: found character that cannot start any token');
    expect(message('services:\n  web:\n    image: httpd: x\n')).toBe('yaml: line 3: mapping values are not allowed in this context');
    expect(message('services:\n  web:\n    image: "httpd\n')).toBe('yaml: line 3: found unexpected end of stream');
    expect(message('services:\n  web:\n    ports: [80\n')).toBe("yaml: line 2: did not find expected ',' or ']'");
    expect(message('services:\n  web:\n    image: httpd\n   ports: [1\n')).toBe('yaml: line 1: did not find expected key');
    expect(message('services:\n  web:\n    image: httpd\n  - db\n')).toBe('yaml: line 1: did not find expected key');
    expect(message('services:\n  web:\n    environment:\n      - A=1\n      B: 2\n')).toBe("yaml: line 3: did not find expected '-' indicator");
    expect(message('services:\n  web:\n    image: httpd\n    image: redis\n')).toBe('line 4: mapping key "image" already defined at line 3');
  });

  it('reads anchors and merge keys', () => {
    const r = parseYaml('x-base: &base\n  image: httpd\nservices:\n  web:\n    <<: *base\n    hostname: w\n');
    expect(r).toEqual({ ok: true, value: { 'x-base': { image: 'httpd' }, services: { web: { image: 'httpd', hostname: 'w' } } } });
  });

  it('writes YAML as go-yaml v3: quotes what would read back as another type', () => {
    expect(toGoYaml({ name: 'y', a: ['3600', '-c', 'echo $$X', ''], b: { Y: '', n: null, t: 'yes', e: {}, l: [] } })).toBe(
      'name: "y"\na:\n  - "3600"\n  - -c\n  - echo $$X\n  - ""\nb:\n  "Y": ""\n  "n": null\n  t: "yes"\n  e: {}\n  l: []\n',
    );
  });
});

describe('the schema', () => {
  it('refuses unknown keys and wrong types with compose-go’s words', () => {
    expect(validate({ services: { web: { image: 'httpd', portz: ['80'] } } })).toBe("services.web additional properties 'portz' not allowed");
    expect(validate({ services: {}, foo: 1 })).toBe(" additional properties 'foo' not allowed");
    expect(validate({ services: { web: { image: 5 } } })).toBe('services.web.image must be a string');
    expect(validate({ services: { web: { command: 5 } } })).toBe('services.web.command must be a null');
    expect(validate({ services: { web: { ports: 80 } } })).toBe('services.web.ports must be a array');
    expect(validate({ services: { web: { networks: { front: { foo: 1 } } } } })).toBe("services.web.networks.front additional properties 'foo' not allowed");
    expect(validate({ services: { web: null } })).toBe('services.web must be a mapping');
    expect(validate({ services: { web: { image: 'httpd', 'x-note': 1, healthcheck: { test: 'true' } } }, 'x-top': 1 })).toBeUndefined();
  });
});

describe('the model', () => {
  it('interpolates variables: $$, defaults, unset ones warned about', () => {
    const warnings: string[] = [];
    expect(interpolate({ a: '${IMG:-httpd}', b: '$HOME/x', c: '${NOPE}', d: '$$HOME', e: '${HOME:+set}' }, { HOME: '/root' }, (w) => warnings.push(w))).toEqual({ a: 'httpd', b: '/root/x', c: '', d: '$HOME', e: 'set' });
    expect(warnings).toEqual(['The "NOPE" variable is not set. Defaulting to a blank string.']);
    expect(() => interpolate({ a: '${X:?needed}' }, {}, () => {})).toThrow('error while interpolating a: required variable X is missing a value: needed');
  });

  it('splits string commands and parses short ports like Compose', () => {
    expect(shellSplit(`sh -c 'echo "a b"; sleep 1'`)).toEqual(['sh', '-c', 'echo "a b"; sleep 1']);
    expect(parseShortPort('127.0.0.1:8081:80')).toEqual([{ mode: 'ingress', hostIp: '127.0.0.1', target: 80, published: '8081', protocol: 'tcp' }]);
    expect(parseShortPort('80')).toEqual([{ mode: 'ingress', target: 80, protocol: 'tcp' }]);
    expect(parseShortPort('8082:82/udp')).toEqual([{ mode: 'ingress', target: 82, published: '8082', protocol: 'udp' }]);
    expect(parseShortPort('9000-9001:90')).toEqual([{ mode: 'ingress', target: 90, published: '9000-9001', protocol: 'tcp' }]);
    expect(parseShortPort('8000-8001:80-81').map((p) => `${p.published}:${p.target}`)).toEqual(['8000:80', '8001:81']);
    expect(() => parseShortPort('99999:80')).toThrow('Invalid hostPort: 99999');
    expect(() => parseShortPort('abc')).toThrow('Invalid containerPort: abc');
    expect(() => parseShortPort('80:80:80:80')).toThrow('Invalid ip address 80:80: address 80:80:: too many colons in address');
  });

  it('normalizes project names as compose-go does', () => {
    expect(normalizeProjectName('My App.v2')).toBe('myappv2');
    expect(normalizeProjectName('_x-Y')).toBe('x-y');
  });

  it('refuses inconsistent projects', () => {
    expect(loadError('services:\n  web:\n    image: httpd\n    networks: [nonet]\n')).toBe('service "web" refers to undefined network nonet: invalid compose project');
    expect(loadError('services:\n  web:\n    image: httpd\n    depends_on: [db]\n')).toBe('service "web" depends on undefined service "db": invalid compose project');
    expect(loadError('services:\n  web:\n    image: httpd\n    depends_on: [db]\n  db:\n    image: redis\n    depends_on: [web]\n')).toBe('dependency cycle detected: db -> web -> db');
    expect(loadError('services:\n  web:\n    ports: ["80"]\n')).toBe('service "web" has neither an image nor a build context specified: invalid compose project');
    expect(loadError('services:\n  web:\n    image: httpd\n  image: redis\n')).toBe('services.image must be a mapping');
    expect(loadError('')).toBe('empty compose file');
    expect(loadError('hello\n')).toBe('yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `hello` into cli.named');
    expect(loadError('services:\n  web:\n    image: httpd\n   ports: [1\n', { projectName: 'p' })).toBe('failed to parse /srv/p/compose.yaml: yaml: line 1: did not find expected key');
    expect(loadError('services: {}\n', { projectName: 'Bad_Name' })).toMatch(/^invalid project name "Bad_Name": must consist only of lowercase/);
  });

  it('finds the default file in the working directory or a parent, and names the project after its directory', () => {
    const warnings: string[] = [];
    const host = files({ '/srv/My App/compose.yaml': 'services:\n  web:\n    image: httpd\n', '/srv/My App/docker-compose.yml': 'services: {}\n' }, '/srv/My App/sub');
    const p = loadProject({ files: [], envFiles: [], env: {} }, host, (w) => warnings.push(w));
    expect(p.name).toBe('myapp');
    expect(p.workingDir).toBe('/srv/My App');
    expect(warnings).toEqual(['Found multiple config files with supported names: /srv/My App/compose.yaml, /srv/My App/docker-compose.yml', 'Using /srv/My App/compose.yaml']);
    expect(() => loadProject({ files: [], envFiles: [], env: {} }, files({}, '/srv'), () => {})).toThrow('no configuration file provided: not found');
    expect(() => loadProject({ files: ['nope.yaml'], envFiles: [], env: {} }, files({}, '/srv'), () => {})).toThrow('open /srv/nope.yaml: no such file or directory');
    const named = loadProject({ files: ['/a/compose.yaml'], envFiles: [], env: { COMPOSE_PROJECT_NAME: 'fromenv' } }, files({ '/a/compose.yaml': 'name: infile\nservices: {}\n' }), () => {});
    expect(named.name).toBe('fromenv');
  });

  it('orders services by their dependencies', () => {
    const p = loadProject({ files: ['/p/c.yaml'], envFiles: [], env: {} }, files({ '/p/c.yaml': 'services:\n  web:\n    image: httpd\n    depends_on: [api]\n  api:\n    image: busybox\n    depends_on: [db]\n  db:\n    image: redis\n  other:\n    image: busybox\n' }), () => {});
    expect(dependencyLevels(p)).toEqual([['db', 'other'], ['api'], ['web']]);
  });

  it('prints the canonical model for config', () => {
    const text = 'services:\n  web:\n    image: httpd\n    ports: ["8080:80"]\n    networks:\n      front:\n        aliases: [www]\n    depends_on: [db]\n  db:\n    image: redis\n    networks: [front]\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n';
    const p = loadProject({ files: ['/srv/shop/compose.yaml'], envFiles: [], env: {} }, files({ '/srv/shop/compose.yaml': text }), () => {});
    expect(configYaml(p)).toBe(
      [
        'name: shop',
        'services:',
        '  db:',
        '    image: redis',
        '    networks:',
        '      front: null',
        '  web:',
        '    depends_on:',
        '      db:',
        '        condition: service_started',
        '        required: true',
        '    image: httpd',
        '    networks:',
        '      front:',
        '        aliases:',
        '          - www',
        '    ports:',
        '      - mode: ingress',
        '        target: 80',
        '        published: "8080"',
        '        protocol: tcp',
        'networks:',
        '  front:',
        '    name: shop_front',
        '    ipam:',
        '      config:',
        '        - subnet: 10.10.0.0/24',
        '',
      ].join('\n'),
    );
  });

  it('hashes with SHA-256', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
