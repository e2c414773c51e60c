/**
 * English text of the gallery (i18next namespace `gallery`): the dialog, the
 * Guide tab, and each scenario of src/scenario/gallery under `scenarios.<id>`
 * (`steps` in the order of the scenario's steps). Facts come from the simulator.
 * Its own chunk, loaded when the gallery is first needed (i18n/index.ts); the
 * few strings the first screen shows are in gallery.en.first.ts.
 */
import { galleryEnFirst } from './gallery.en.first.ts';

export const galleryEn = {
  ui: {
    ...galleryEnFirst.ui,
    dialogTitle: 'Gallery',
    dialogIntro: 'Each scenario builds a fresh world, then guides you step by step. Every step is a command you run with one click or type yourself.',
    close: 'Close',
    openScenario: 'Open',
    current: 'open now',
    steps_one: '{{count}} step',
    steps_other: '{{count}} steps',
    fromArticle: 'From the article “{{title}}” ({{year}})',
    beyond: 'Beyond the articles',
    confirmTitle: 'Replace the current world?',
    confirmText_one: 'Opening “{{title}}” builds a new world. The command you ran yourself will be lost, with what it built:',
    confirmText_other: 'Opening “{{title}}” builds a new world. The {{count}} commands you ran yourself will be lost, with what they built:',
    confirmMore: '… and {{count}} more',
    confirmReplace: 'Replace the world',
    cancel: 'Cancel',
    tags: 'Topics',
  },
  guide: {
    ...galleryEnFirst.guide,
    label: 'Steps of the scenario',
    empty: 'No guided scenario is open. The world here is the example from the first screen.',
    browse: 'Browse the gallery',
    back: 'All scenarios',
    restart: 'Start again',
    restartTitle: 'Build this scenario’s world again from its setup (your commands are discarded)',
    setup_one: 'Setup: {{count}} command already ran',
    setup_other: 'Setup: {{count}} commands already ran',
    step: 'Step {{n}}',
    run: 'Run',
    runLabel: 'Run step {{n}}: {{command}}',
    type: 'Type',
    typeLabel: 'Type step {{n}} into the terminal: {{command}}',
    done: 'done',
    next: 'next',
    today: 'Today vs the article',
    todayBeyond: 'Today',
    expectOk: 'expected: succeeds',
    expectFail: 'expected: fails',
    expectDrop: 'expected: dropped',
    allDone: 'All steps done. Try your own commands, or pick another scenario.',
  },
  header: {
    next: 'Next step',
  },
  terminal: {
    opened: 'vethlab: opened “{{title}}”: {{count}} setup commands ran (↑ to see them). The Guide tab has the steps.',
  },
  tags: {
    article: 'article',
    link: '--link',
    dns: 'DNS',
    isolation: 'isolation',
    veth: 'veth',
    bridge: 'bridge',
    iptables: 'iptables',
    ports: 'ports',
    nat: 'NAT',
    icc: 'icc',
    internal: 'internal',
    host: 'host',
    none: 'none',
    joined: 'joined',
  },
  scenarios: {
    'link-redis': {
      title: 'Link redis and a client',
      summary: 'A redis server and a client started with --link redis:db: the client reaches the server by its alias.',
      today:
        '--link is a legacy feature today: it works on the default bridge only, by writing a line into the client’s /etc/hosts (alias, short ID and name, here “172.17.0.2 db 12cf8b548fc9 redis”) and DB_* environment variables. On a user-defined network, use container names instead: the embedded DNS server at 127.0.0.11 answers them. The article’s client was a python container with the redis library; here the client is a second redis container, for its redis-cli. Addresses start at 172.17.0.2 (the article had 172.17.0.25).',
      steps: [
        'The link wrote the alias db into the client’s /etc/hosts, next to the server’s short ID and name.',
        'Write a key through the alias, as the article did from python.',
        'Read it back.',
        'Ping the server by its alias: one reply over docker0.',
        'Both containers hang on the default bridge docker0, one veth each.',
      ],
    },
    'three-ways': {
      title: 'Three ways containers talk: IP, DNS, joined',
      summary: 'Containers talk by IP on a shared network, by name through Docker’s DNS on a user network, or share one network stack.',
      today:
        'This still works as the article says. Names resolve only on user-defined networks, through the embedded DNS server at 127.0.0.11 (see resolv.conf); on the default bridge, ping says “bad address”. MAC addresses are random today: the article’s 02:42:ac:11:00:02 (made from the IP) is gone. The joined container shows the same interface, MAC and IP as web1 because it is the same network namespace.',
      steps: [
        'IP: bbox2 pings bbox1 at its address on my_net2.',
        'DNS: the same by name; Docker’s embedded DNS answers on the user network.',
        'The resolver in a container on a user network is 127.0.0.11.',
        'On the default bridge there is no name service: bbox3 cannot resolve web1.',
        'By IP it works, since bbox3 and web1 share docker0.',
        'Joined: the busybox container joined web1’s network namespace…',
        '…so web1 shows the very same eth0, MAC and IP.',
        'The joined container reaches web1’s httpd on 127.0.0.1.',
      ],
    },
    'isolation-connect': {
      title: 'Isolation between networks, and the connect fix',
      summary: 'A container on my_net2 cannot reach httpd on the default bridge; docker network connect gives httpd a second interface on my_net2.',
      today:
        'The article found pairs of DROP rules in one DOCKER-ISOLATION chain. Docker 28 splits isolation into DOCKER-ISOLATION-STAGE-1 and STAGE-2, and a packet sent straight to another network’s container address is dropped even earlier: in the raw table’s PREROUTING, by a rule per container (-d 172.17.0.2/32 ! -i docker0 -j DROP), before routing and before FORWARD. The fix is still the same: docker network connect.',
      steps: [
        'bbox1 on my_net2 pings web1 at 172.17.0.2 on docker0: dropped. The Trace shows where: the raw table, PREROUTING.',
        'The host has a route to each network…',
        '…and forwards packets, so it could route between them.',
        'But Docker dropped the packet: every container address has a raw-table rule that only lets packets in through its own bridge.',
        'Traffic between two bridges would also be stopped by the isolation chains (stage 1 sends it to stage 2, which drops).',
        'The fix: give web1 a second interface on my_net2.',
        'web1 now has eth1 with an address of my_net2.',
        'bbox1 reaches web1 on the shared network.',
        'And by name: my_net2’s DNS knows web1 now.',
      ],
    },
    'veth-bridge': {
      title: 'veth pairs and the bridge',
      summary: 'Each container’s eth0 is one end of a veth pair; the other end is a port of docker0 on the host.',
      today:
        'Same as in the article, with newer details: docker0 is 172.17.0.1/16 (older Dockers picked 172.17.42.1), MAC addresses are random, and brctl is old: ip link and bridge from iproute2 show the same. The interface index pairs (eth0@if4 in the container, veth47c88a6@if2 on the host) are how you match the two ends, as the article did with ethtool.',
      steps: [
        'docker0 has two ports, one veth per container.',
        'In c1, eth0@if4 says: my peer is interface 4 of another namespace.',
        'On the host, interface 4 is veth47c88a6, a port of docker0; its @if2 points back at c1’s eth0.',
        'ethtool on the host end confirms it: peer_ifindex 2.',
        'c1 pings c2: the frame goes eth0 → veth → docker0 → veth → eth0. Follow it in the Trace.',
        'The bridge learned both containers’ MAC addresses on their ports.',
        'docker0 is also the containers’ gateway: 172.17.0.1.',
      ],
    },
    'link-env': {
      title: 'Link environment and rules',
      summary: '--link redis:db gives the client DB_* variables with the server’s address; and what it no longer does in iptables.',
      today:
        'The article (Docker 0.10) showed --link adding ACCEPT rules for port 6379 between the two containers in FORWARD. With inter-container communication on (the default), Docker 28 adds no iptables rule for a link: FORWARD only jumps to DOCKER-USER and DOCKER-FORWARD, and DOCKER holds no link rule. The environment variables are still written as the article’s links.go shows (DB_PORT, DB_PORT_6379_TCP_ADDR, DB_NAME=/client/db), and a link still ties the two containers’ lifecycles.',
      steps: [
        'The DB_* variables come from the link: address, port and protocol of redis, and the link’s name.',
        'Use them: send PING to the address and port they give, redis answers +PONG.',
        'FORWARD has no link rules: only the jumps to DOCKER-USER and DOCKER-FORWARD.',
        'Nor does DOCKER: just the rule that drops traffic into docker0 from outside it.',
        'Stop the server…',
        '…and the client cannot start again: its link points at a stopped container.',
        'Start redis again…',
        '…and the client starts.',
      ],
    },
    'ports-hairpin': {
      title: 'Published ports and hairpin',
      summary: 'httpd published on port 8080: from the LAN through DNAT, from the host and from containers through docker-proxy.',
      today:
        'The article says docker-proxy handles every connection to a published port. Today it depends on where the connection comes from: from another machine, the kernel rewrites it in the nat table (DNAT to 172.17.0.2:80) and docker-proxy never sees it; from the host itself (127.0.0.1) and from containers on docker0 going to the host’s address (hairpin), the nat rule -A DOCKER -i docker0 -j RETURN skips the DNAT and docker-proxy answers, opening its own connection to the container. There is one docker-proxy per published port and address family (0.0.0.0 and ::).',
      steps: [
        'Port 80 of web is published on 8080 of the host, for IPv4 and IPv6.',
        'The DNAT rule for port 8080, and the RETURN for packets coming from docker0.',
        'From the LAN machine: DNAT to 172.17.0.2:80, then FORWARD. Follow it in the Trace.',
        'One docker-proxy per address family listens on 8080.',
        'From the host itself: docker-proxy accepts and connects to the container (the Trace shows the last of the two connections).',
        'Hairpin: a container on docker0 reaches web through the host’s address; the RETURN sends it to docker-proxy.',
        'Even web reaches itself through the published port.',
      ],
    },
    'icc-off': {
      title: 'A network with icc=false',
      summary: 'On a bridge with inter-container communication off, containers cannot talk to each other, but still reach the gateway and the internet.',
      today:
        'In the Docker of the article (0.10), icc was one daemon-wide switch (--icc=false) and --link opened holes for the linked ports. Today it is an option of each network (com.docker.network.bridge.enable_icc=false) and becomes one DROP rule in DOCKER-FORWARD for traffic that enters and leaves the same bridge. A --link on a user-defined network is only a DNS alias: it opens no hole.',
      steps: [
        'a1 pings a2 on the same bridge: dropped in FORWARD (the bridge passes its frames through iptables).',
        'The rule: traffic in and out of br-noicc is dropped; out to other interfaces is accepted.',
        'Names still resolve through the embedded DNS.',
        'The gateway (the host) still answers.',
        'And so does the internet, through NAT.',
        'a3 was started with --link a2:peer: the alias resolves, but the same rule drops the ping.',
      ],
    },
    internal: {
      title: 'An internal network',
      summary: 'Containers on a network created with --internal reach each other but nothing outside.',
      today:
        'The articles do not cover --internal. In Docker 28, containers on an internal network get no default route, so a packet for the outside fails in the container itself (“Network is unreachable”); two rules in DOCKER-ISOLATION-STAGE-1 drop anything that leaves or enters the bridge from outside its subnet, and the embedded DNS does not forward outside names.',
      steps: [
        'app and db talk on the internal network.',
        'app’s routing table has no default route.',
        'So the internet is unreachable, before any packet leaves.',
        'The host would drop it anyway: the two rules for br-int in stage 1 of isolation.',
        'Outside names do not resolve either.',
        'Connect app to the default bridge as well…',
        '…and it reaches the internet through eth1.',
      ],
    },
    'host-none': {
      title: 'host and none networks',
      summary: 'With --network host a container uses the host’s own network stack; with --network none it has only loopback.',
      today:
        'The articles do not cover these modes. They work as they always have: a host-network container has no veth and no address of its own, so it needs no published port (with -p, Docker warns that the ports are discarded), no DNAT and no docker-proxy; a none container has only lo.',
      steps: [
        'hostbox sees the host’s interfaces: eth0 with 192.168.1.108, docker0…',
        '…and web’s httpd listening on port 80 of the host.',
        'The LAN machine reaches httpd on the host’s address directly.',
        'No DNAT rule: nothing is published.',
        'nobox has only the loopback interface.',
        'So it cannot reach anything outside: no route.',
        'Only itself, on 127.0.0.1.',
      ],
    },
    'docker-user': {
      title: 'A DOCKER-USER rule that blocks one container',
      summary: 'Insert a rule into DOCKER-USER to cut one container off, and remove it again.',
      today:
        'The articles predate the DOCKER-USER chain (Docker 17.06). FORWARD jumps to DOCKER-USER before any of Docker’s own chains, and Docker never rewrites it, so it is where your own filtering goes. Because the bridge passes its frames through iptables (br_netfilter), the rule also applies between two containers on the same network.',
      steps: [
        'bad reaches the internet.',
        'Insert a rule at the top of DOCKER-USER: drop everything from bad (172.18.0.3).',
        'Now bad’s ping is dropped, by your rule.',
        'Even to good on the same bridge: bridged frames pass FORWARD too.',
        'good is not affected.',
        'The rule’s counters show the packets it dropped.',
        'Delete the rule…',
        '…and bad is back.',
      ],
    },
  },
};

export type GalleryResources = typeof galleryEn;
