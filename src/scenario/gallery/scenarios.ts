/**
 * The gallery's scenarios: the seed articles' experiments (shared/seeds/) and
 * more, as they run on Docker 28.5. Every step's outcome was taken from the
 * simulator (`./bin/vethlab run --images playground`, `./bin/vethlab trace`) and
 * is checked by test/app/gallery.test.ts through each step's `expect`.
 * Text is in src/app/i18n/gallery.*.ts under `scenarios.<id>`.
 */
import { GALLERY_NS } from './ns.ts';
import type { ArticleRef, GalleryScenario, GalleryStep, GalleryTag, StepExpect } from './types.ts';

const ARTICLES = {
  link2015: { title: 'Docker Container之间如何通信', year: '2015' },
  comm2018: { title: 'Docker之容器间通信', year: '2018' },
  series2017: { title: 'Docker系列 13 理解容器之间的连通性', year: '2017' },
  veth: { title: '一个主机上两个container互通原理', year: '2017' },
  docker010: { title: '同一主机上docker容器连接实现的方式（Docker 0.10）', year: '2014' },
} satisfies Record<string, ArticleRef>;

const OK: StepExpect = { ok: true };
const FAILS: StepExpect = { ok: false };
const dropped = (rule: string): StepExpect => ({ ok: false, droppedBy: rule });

interface Def {
  id: string;
  tags: GalleryTag[];
  article?: ArticleRef;
  setup: string[];
  steps: [command: string, expect: StepExpect][];
  /** A line worth trying first (the header offers it). */
  hint?: string;
}

function scenario(d: Def): GalleryScenario {
  const base = `${GALLERY_NS}:scenarios.${d.id}`;
  const steps: GalleryStep[] = d.steps.map(([command, expect], i) => ({ textKey: `${base}.steps.${i}`, command, expect }));
  return {
    id: d.id,
    titleKey: `${base}.title`,
    notesKey: `${base}.summary`,
    summaryKey: `${base}.summary`,
    todayKey: `${base}.today`,
    tags: d.tags,
    ...(d.article ? { article: d.article } : {}),
    commands: d.setup,
    hint: d.hint ?? d.steps[0]![0],
    steps,
  };
}

export const GALLERY: readonly GalleryScenario[] = [
  scenario({
    id: 'link-redis',
    tags: ['article', 'link'],
    article: ARTICLES.link2015,
    setup: ['docker run -d --name redis redis', 'docker run -dit --name client --link redis:db redis sh'],
    steps: [
      ['docker exec client cat /etc/hosts', OK],
      ['docker exec client redis-cli -h db set data_key data_value', OK],
      ['docker exec client redis-cli -h db get data_key', OK],
      ['docker exec client ping -c 1 db', OK],
      ['brctl show docker0', OK],
    ],
  }),
  scenario({
    id: 'three-ways',
    tags: ['article', 'dns', 'joined'],
    article: ARTICLES.comm2018,
    setup: [
      'docker network create my_net2',
      'docker run -dit --name bbox1 --network my_net2 busybox',
      'docker run -dit --name bbox2 --network my_net2 busybox',
      'docker run -dit --name bbox3 busybox',
      'docker run -d --name web1 httpd',
      'docker run -dit --name joined --network container:web1 busybox',
    ],
    steps: [
      ['docker exec bbox2 ping -c 1 172.18.0.2', OK],
      ['docker exec bbox2 ping -c 1 bbox1', OK],
      ['docker exec bbox2 cat /etc/resolv.conf', OK],
      ['docker exec bbox3 ping -c 1 web1', FAILS],
      ['docker exec bbox3 ping -c 1 172.17.0.3', OK],
      ['docker exec joined ip addr show eth0', OK],
      ['docker exec web1 ip addr show eth0', OK],
      ['docker exec joined wget -q -O - http://127.0.0.1', OK],
    ],
  }),
  scenario({
    id: 'isolation-connect',
    tags: ['article', 'isolation', 'iptables'],
    article: ARTICLES.series2017,
    setup: [
      'docker network create --driver bridge --subnet 172.22.16.0/24 my_net2',
      'docker run -dit --name bbox1 --network my_net2 busybox',
      'docker run -d --name web1 httpd',
    ],
    steps: [
      ['docker exec bbox1 ping -c 1 -W 1 172.17.0.2', dropped('-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP')],
      ['ip route', OK],
      ['sysctl net.ipv4.ip_forward', OK],
      ['iptables -t raw -S PREROUTING', OK],
      ['iptables -S DOCKER-ISOLATION-STAGE-1', OK],
      ['docker network connect my_net2 web1', OK],
      ['docker exec web1 ip addr show eth1', OK],
      ['docker exec bbox1 ping -c 1 172.22.16.3', OK],
      ['docker exec bbox1 wget -q -O - http://web1', OK],
    ],
  }),
  scenario({
    id: 'veth-bridge',
    tags: ['article', 'veth', 'bridge'],
    article: ARTICLES.veth,
    setup: ['docker run -dit --name c1 busybox', 'docker run -dit --name c2 busybox'],
    steps: [
      ['brctl show', OK],
      ['docker exec c1 ip link show eth0', OK],
      ['ip link show master docker0', OK],
      ['ethtool -S veth47c88a6', OK],
      ['docker exec c1 ping -c 1 172.17.0.3', OK],
      ['bridge fdb show br docker0', OK],
      ['ip addr show docker0', OK],
    ],
  }),
  scenario({
    id: 'link-env',
    tags: ['article', 'link', 'iptables'],
    article: ARTICLES.docker010,
    setup: ['docker run -d --name redis redis', 'docker run -dit --name client --link redis:db busybox'],
    steps: [
      ['docker exec client env', OK],
      ["docker exec client sh -c 'echo PING | nc $DB_PORT_6379_TCP_ADDR $DB_PORT_6379_TCP_PORT'", OK],
      ['iptables -S FORWARD', OK],
      ['iptables -S DOCKER', OK],
      ['docker stop redis', OK],
      ['docker restart client', FAILS],
      ['docker start redis', OK],
      ['docker start client', OK],
    ],
  }),
  scenario({
    id: 'ports-hairpin',
    tags: ['article', 'ports', 'nat'],
    article: ARTICLES.comm2018,
    setup: ['docker run -d --name web -p 8080:80 httpd', 'docker run -dit --name client busybox'],
    steps: [
      ['docker port web', OK],
      ['iptables -t nat -S DOCKER', OK],
      ['lan$ wget -q -O - http://192.168.1.108:8080', OK],
      ['ps -ef | grep docker-proxy', OK],
      ['curl -s http://127.0.0.1:8080', OK],
      ['docker exec client wget -q -O - http://192.168.1.108:8080', OK],
      ['docker exec web wget -q -O - http://192.168.1.108:8080', OK],
    ],
  }),
  scenario({
    id: 'icc-off',
    tags: ['icc', 'iptables', 'link'],
    article: ARTICLES.docker010,
    setup: [
      'docker network create -o com.docker.network.bridge.name=br-noicc -o com.docker.network.bridge.enable_icc=false noicc',
      'docker run -dit --name a1 --network noicc busybox',
      'docker run -dit --name a2 --network noicc busybox',
      'docker run -dit --name a3 --network noicc --link a2:peer busybox',
    ],
    steps: [
      ['docker exec a1 ping -c 1 -W 1 a2', dropped('-A DOCKER-FORWARD -i br-noicc -o br-noicc -j DROP')],
      ['iptables -S DOCKER-FORWARD', OK],
      ['docker exec a1 nslookup a2', OK],
      ['docker exec a1 ping -c 1 172.18.0.1', OK],
      ['docker exec a1 ping -c 1 203.0.113.10', OK],
      ['docker exec a3 ping -c 1 -W 1 peer', dropped('-A DOCKER-FORWARD -i br-noicc -o br-noicc -j DROP')],
    ],
  }),
  scenario({
    id: 'internal',
    tags: ['internal', 'isolation', 'iptables'],
    setup: [
      'docker network create --internal -o com.docker.network.bridge.name=br-int backend',
      'docker run -dit --name db --network backend busybox',
      'docker run -dit --name app --network backend busybox',
    ],
    steps: [
      ['docker exec app ping -c 1 db', OK],
      ['docker exec app ip route', OK],
      ['docker exec app ping -c 1 -W 1 203.0.113.10', FAILS],
      ['iptables -S DOCKER-ISOLATION-STAGE-1', OK],
      ['docker exec app nslookup example.com', FAILS],
      ['docker network connect bridge app', OK],
      ['docker exec app ping -c 1 203.0.113.10', OK],
    ],
  }),
  scenario({
    id: 'host-none',
    tags: ['host', 'none'],
    setup: [
      'docker run -d --name web --network host httpd',
      'docker run -dit --name hostbox --network host busybox',
      'docker run -dit --name nobox --network none busybox',
    ],
    steps: [
      ['docker exec hostbox ip addr', OK],
      ['docker exec hostbox netstat -tln', OK],
      ['lan$ wget -q -O - http://192.168.1.108', OK],
      ['iptables -t nat -S DOCKER', OK],
      ['docker exec nobox ip addr', OK],
      ['docker exec nobox ping -c 1 -W 1 203.0.113.10', FAILS],
      ['docker exec nobox ping -c 1 127.0.0.1', OK],
    ],
  }),
  scenario({
    id: 'docker-user',
    tags: ['iptables'],
    setup: [
      'docker network create -o com.docker.network.bridge.name=br-app appnet',
      'docker run -dit --name good --network appnet busybox',
      'docker run -dit --name bad --network appnet busybox',
    ],
    steps: [
      ['docker exec bad ping -c 1 203.0.113.10', OK],
      ['iptables -I DOCKER-USER -s 172.18.0.3 -j DROP', OK],
      ['docker exec bad ping -c 1 -W 1 203.0.113.10', dropped('-A DOCKER-USER -s 172.18.0.3/32 -j DROP')],
      ['docker exec bad ping -c 1 -W 1 good', dropped('-A DOCKER-USER -s 172.18.0.3/32 -j DROP')],
      ['docker exec good ping -c 1 203.0.113.10', OK],
      ['iptables -L DOCKER-USER -v -n', OK],
      ['iptables -D DOCKER-USER -s 172.18.0.3 -j DROP', OK],
      ['docker exec bad ping -c 1 203.0.113.10', OK],
    ],
  }),
];

export function findGalleryScenario(id: string | null | undefined): GalleryScenario | undefined {
  return id ? GALLERY.find((s) => s.id === id) : undefined;
}
