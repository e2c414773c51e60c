/**
 * The Compose file's JSON schema (compose-spec.json of compose-go v2.9.1), the
 * part of it a compose file for vethlab meets: every key the schema knows is
 * accepted (unknown keys are refused as Compose refuses them), and the types of
 * the keys vethlab models are checked. Errors come out as compose-go words them:
 * `services.web additional properties 'portz' not allowed`, `services.web.ports
 * must be a array`, the most specific one when several alternatives fail.
 */

type TypeName = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export type Schema =
  | { oneOf: Schema[] }
  | {
      type?: TypeName | TypeName[];
      /** Known properties of an object. */
      props?: Record<string, Schema>;
      /** Keys matching this are allowed with `values` as their schema (patternProperties). */
      keys?: RegExp;
      values?: Schema;
      /** additionalProperties: false (`x-` keys always pass). */
      closed?: boolean;
      items?: Schema;
      enum?: string[];
      /** A string must match it somewhere (JSON Schema patterns are not anchored). */
      pattern?: string;
    };

const ANY: Schema = {};
const str: Schema = { type: 'string' };
const bool: Schema = { type: ['boolean', 'string'] };
const listOfStrings: Schema = { type: 'array', items: str };
const listOrDict: Schema = { oneOf: [{ type: 'object', keys: /.+/, values: { type: ['string', 'number', 'boolean', 'null'] }, closed: true }, { type: 'array', items: str }] };
const stringOrList: Schema = { oneOf: [str, listOfStrings] };
const command: Schema = { oneOf: [{ type: 'null' }, str, { type: 'array', items: str }] };
const NAME_KEYS = /^[a-zA-Z0-9._-]+$/;

/** Every service property of the schema; those not typed below take anything. */
const SERVICE_KEYS =
  'develop deploy annotations attach build blkio_config cap_add cap_drop cgroup cgroup_parent command configs container_name cpu_count cpu_percent cpu_shares cpu_quota cpu_period cpu_rt_period cpu_rt_runtime cpus cpuset credential_spec depends_on device_cgroup_rules devices dns dns_opt dns_search domainname entrypoint env_file label_file environment expose extends provider external_links extra_hosts gpus group_add healthcheck hostname image init ipc isolation labels links logging mac_address mem_limit mem_reservation mem_swappiness memswap_limit network_mode models networks oom_kill_disable oom_score_adj pid pids_limit platform ports post_start pre_stop privileged profiles pull_policy pull_refresh_after read_only restart runtime scale security_opt shm_size secrets sysctls stdin_open stop_grace_period stop_signal storage_opt tmpfs tty ulimits use_api_socket user uts userns_mode volumes volumes_from working_dir';

const servicePorts: Schema = {
  type: 'array',
  items: {
    oneOf: [
      { type: 'number' },
      str,
      { type: 'object', closed: true, props: { name: str, mode: str, host_ip: str, target: { type: ['integer', 'string'] }, published: { type: ['string', 'integer'] }, protocol: str, app_protocol: str } },
    ],
  },
};

const serviceNetworks: Schema = {
  oneOf: [
    listOfStrings,
    {
      type: 'object',
      closed: true,
      keys: NAME_KEYS,
      values: {
        oneOf: [
          {
            type: 'object',
            closed: true,
            props: { aliases: listOfStrings, interface_name: str, ipv4_address: str, ipv6_address: str, link_local_ips: listOfStrings, mac_address: str, driver_opts: { type: 'object' }, priority: { type: 'number' }, gw_priority: { type: 'number' } },
          },
          { type: 'null' },
        ],
      },
    },
  ],
};

const dependsOn: Schema = {
  oneOf: [
    listOfStrings,
    {
      type: 'object',
      closed: true,
      keys: NAME_KEYS,
      values: { type: 'object', closed: true, props: { restart: bool, required: { type: 'boolean' }, condition: { type: 'string', enum: ['service_started', 'service_healthy', 'service_completed_successfully'] } } },
    },
  ],
};

const serviceVolumes: Schema = {
  type: 'array',
  items: {
    oneOf: [
      str,
      {
        type: 'object',
        closed: true,
        props: {
          type: { type: 'string', enum: ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'] },
          source: str,
          target: str,
          read_only: bool,
          consistency: str,
          bind: { type: 'object' },
          volume: { type: 'object' },
          tmpfs: { type: 'object' },
          image: { type: 'object' },
        },
      },
    ],
  },
};

const typedServiceProps: Record<string, Schema> = {
  image: str,
  command,
  entrypoint: command,
  container_name: str,
  hostname: str,
  domainname: str,
  restart: str,
  network_mode: str,
  user: str,
  working_dir: str,
  platform: str,
  pull_policy: { type: 'string', pattern: 'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+' },
  stop_signal: str,
  environment: listOrDict,
  labels: listOrDict,
  expose: { type: 'array', items: { type: ['string', 'number'] } },
  ports: servicePorts,
  networks: serviceNetworks,
  depends_on: dependsOn,
  volumes: serviceVolumes,
  dns: stringOrList,
  dns_search: stringOrList,
  cap_add: listOfStrings,
  cap_drop: listOfStrings,
  privileged: bool,
  tty: bool,
  stdin_open: bool,
  read_only: bool,
  init: bool,
  profiles: listOfStrings,
  links: listOfStrings,
};

const service: Schema = {
  type: 'object',
  closed: true,
  props: Object.fromEntries(SERVICE_KEYS.split(' ').map((k) => [k, typedServiceProps[k] ?? ANY])),
};

const network: Schema = {
  type: ['object', 'null'],
  closed: true,
  props: {
    name: str,
    driver: str,
    driver_opts: { type: 'object' },
    ipam: {
      type: 'object',
      closed: true,
      props: {
        driver: str,
        config: { type: 'array', items: { type: 'object', closed: true, props: { subnet: str, ip_range: str, gateway: str, aux_addresses: { type: 'object' } } } },
        options: { type: 'object' },
      },
    },
    external: { type: ['boolean', 'string', 'object'], closed: true, props: { name: str } },
    internal: bool,
    enable_ipv4: bool,
    enable_ipv6: bool,
    attachable: bool,
    labels: listOrDict,
  },
};

const volume: Schema = {
  type: ['object', 'null'],
  closed: true,
  props: { name: str, driver: str, driver_opts: { type: 'object' }, external: { type: ['boolean', 'string', 'object'], closed: true, props: { name: str } }, labels: listOrDict },
};

export const COMPOSE_SCHEMA: Schema = {
  type: 'object',
  closed: true,
  props: {
    version: str,
    name: str,
    include: ANY,
    services: { type: 'object', closed: true, keys: NAME_KEYS, values: service },
    models: ANY,
    networks: { type: 'object', keys: NAME_KEYS, values: network },
    volumes: { type: 'object', closed: true, keys: NAME_KEYS, values: volume },
    secrets: ANY,
    configs: ANY,
  },
};

interface Failure {
  path: string[];
  message: string;
  /** compose-go's getMostSpecificError: the depth, one more for an additional-properties error. */
  specificity: number;
}

/** The first most specific problem, as compose-go prints it (`services.web.image must be a string`), or undefined. */
export function validate(value: unknown, schema: Schema = COMPOSE_SCHEMA): string | undefined {
  const f = check(value, schema, []);
  return f && `${f.path.join('.')} ${f.message}`;
}

function typeOf(v: unknown): TypeName {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : (typeof v as TypeName);
}

/** How santhosh-tekuri/jsonschema v6 quotes a value in its messages: Go's %q, in single quotes. */
function quote(s: string): string {
  const q = JSON.stringify(s).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'");
  return `'${q}'`;
}

function humanType(want: TypeName[]): string {
  const names = want.map((t) => (t === 'object' ? 'mapping' : t));
  if (names.length === 1) return names[0]!;
  names.sort();
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function moreSpecific(a: Failure | undefined, b: Failure | undefined): Failure | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.specificity > a.specificity ? b : a;
}

function check(value: unknown, schema: Schema, path: string[]): Failure | undefined {
  if ('oneOf' in schema) {
    let best: Failure | undefined;
    for (const alt of schema.oneOf) {
      const f = check(value, alt, path);
      if (!f) return undefined;
      best = best ? moreSpecific(best, f) : f;
    }
    return best;
  }
  if (schema.type !== undefined) {
    const want = Array.isArray(schema.type) ? schema.type : [schema.type];
    const got = typeOf(value);
    if (!want.includes(got) && !(got === 'integer' && want.includes('number'))) {
      return { path, message: `must be a ${humanType([...want])}`, specificity: path.length };
    }
  }
  if (schema.enum && typeof value === 'string' && !schema.enum.includes(value)) {
    return { path, message: `value must be one of ${schema.enum.map((e) => `'${e}'`).join(', ')}`, specificity: path.length };
  }
  if (schema.pattern !== undefined && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) {
    return { path, message: `${quote(value)} does not match pattern ${quote(schema.pattern)}`, specificity: path.length };
  }
  let worst: Failure | undefined;
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => {
      worst = moreSpecific(worst, check(item, schema.items!, [...path, String(i)]));
    });
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const extra: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const known = schema.props?.[k];
      if (known) worst = moreSpecific(worst, check(v, known, [...path, k]));
      else if (schema.keys?.test(k) && schema.values) worst = moreSpecific(worst, check(v, schema.values, [...path, k]));
      else if (schema.closed && !k.startsWith('x-')) extra.push(k);
    }
    if (extra.length > 0) {
      worst = moreSpecific(worst, { path, message: `additional properties ${extra.map((k) => `'${k}'`).join(', ')} not allowed`, specificity: path.length + 1 });
    }
  }
  return worst;
}
