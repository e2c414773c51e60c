# docker compose with networks: a front network and an internal back network, both with an
# ipam subnet (Compose creates networks concurrently, rig fact 29), an external network made
# beforehand, aliases and a fixed ipv4_address, a chain of depends_on (db, then web, then
# client) so that addresses are deterministic; web is on both front and back. Which of a
# two-network container's interfaces is eth0 is not stable (rig fact 7): nothing here prints it.
mkdir -p /srv/nets
docker network create --subnet 10.30.0.0/24 shared
printf 'services:\n  web:\n    image: httpd\n    networks:\n      front:\n        aliases: [www, site]\n      back:\n        ipv4_address: 10.20.0.50\n    depends_on: [db]\n  db:\n    image: redis\n    networks: [back]\n  client:\n    image: busybox\n    command: sleep 3600\n    networks:\n      - front\n      - ext\n    depends_on: [web]\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n  back:\n    internal: true\n    driver: bridge\n    ipam:\n      config:\n        - subnet: 10.20.0.0/24\n  ext:\n    external: true\n    name: shared\n  unused:\n    ipam:\n      config:\n        - subnet: 10.40.0.0/24\n' > /srv/nets/compose.yaml
docker compose -f /srv/nets/compose.yaml -p nets --progress quiet up -d
docker compose -f /srv/nets/compose.yaml -p nets ps
docker network ls
docker network inspect -f '{{.Name}} {{.Internal}} {{json .IPAM.Config}} {{json .Labels}}' nets_front
docker network inspect -f '{{.Name}} {{.Internal}} {{json .IPAM.Config}} {{json .Labels}}' nets_back
docker network inspect -f '{{.Name}} {{.Internal}} {{json .IPAM.Config}} {{json .Labels}}' shared
docker inspect -f '{{.HostConfig.NetworkMode}}' nets-web-1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{json $v.Aliases}} {{json $v.DNSNames}};{{end}}' nets-web-1
docker inspect -f '{{json .NetworkSettings.Networks.nets_back.IPAMConfig}}' nets-web-1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{json $v.Aliases}};{{end}}' nets-db-1
docker inspect -f '{{.HostConfig.NetworkMode}} {{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{json $v.Aliases}};{{end}}' nets-client-1
docker compose -f /srv/nets/compose.yaml -p nets exec client ping -c 1 www
docker compose -f /srv/nets/compose.yaml -p nets exec client nslookup -type=a site
docker compose -f /srv/nets/compose.yaml -p nets exec client ping -c 1 nets-web-1
docker compose -f /srv/nets/compose.yaml -p nets exec client ping -c 1 -W 1 db
docker compose -f /srv/nets/compose.yaml -p nets exec client ping -c 1 -W 1 10.20.0.50
docker compose -f /srv/nets/compose.yaml -p nets exec client ping -c 1 -W 1 203.0.113.10
docker compose -f /srv/nets/compose.yaml -p nets exec web ping -c 1 db
docker compose -f /srv/nets/compose.yaml -p nets exec web ping -c 1 -W 1 client
docker compose -f /srv/nets/compose.yaml -p nets exec web ping -c 1 -W 1 203.0.113.10
docker compose -f /srv/nets/compose.yaml -p nets exec db ping -c 1 web
docker compose -f /srv/nets/compose.yaml -p nets exec db ping -c 1 -W 1 203.0.113.10
docker compose -f /srv/nets/compose.yaml -p nets exec db ping -c 1 -W 1 www
docker compose -f /srv/nets/compose.yaml -p nets exec db ip route
docker run -d --name outsider --network shared busybox sleep 3600
docker exec outsider ping -c 1 client
docker exec outsider ping -c 1 -W 1 web
docker compose -f /srv/nets/compose.yaml -p nets config
docker compose -f /srv/nets/compose.yaml -p nets --progress quiet down
docker network ls
docker rm -f outsider
docker network rm shared
