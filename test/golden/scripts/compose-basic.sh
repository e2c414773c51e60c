# docker compose, the everyday path: a web server with a published port and a redis it
# depends on (depends_on makes the start order, and so the addresses, deterministic;
# Compose starts independent services in parallel, and restarts all in parallel: a
# whole-project restart runs with --progress quiet). Written with a host line, loaded
# with -f and -p (rig fact 29). up/ps/exec/port/logs/config/stop/start/restart/down.
mkdir -p /srv/basic
printf 'services:\n  web:\n    image: httpd\n    ports:\n      - "8080:80"\n    depends_on:\n      - cache\n  cache:\n    image: redis\n' > /srv/basic/compose.yaml
docker compose -f /srv/basic/compose.yaml -p basic up -d
docker compose -f /srv/basic/compose.yaml -p basic ps
docker compose -f /srv/basic/compose.yaml -p basic ps --format '{{.Name}} {{.Service}} {{.State}} {{.Ports}}'
docker compose -f /srv/basic/compose.yaml -p basic ps --services
docker ps --format '{{.Names}} {{.Image}} {{.Command}} {{.Ports}}'
docker network ls
docker compose -f /srv/basic/compose.yaml -p basic exec web ping -c 1 cache
docker compose -f /srv/basic/compose.yaml -p basic exec -T cache ping -c 1 web
docker compose -f /srv/basic/compose.yaml -p basic exec web ping -c 1 basic-cache-1
docker compose -f /srv/basic/compose.yaml -p basic exec web nslookup -type=a cache
docker compose -f /srv/basic/compose.yaml -p basic exec web cat /etc/resolv.conf
docker compose -f /srv/basic/compose.yaml -p basic exec web sh -c 'exit 3'
docker compose -f /srv/basic/compose.yaml -p basic exec web nosuchcmd
docker compose -f /srv/basic/compose.yaml -p basic port web 80
docker compose -f /srv/basic/compose.yaml -p basic port cache 6379
docker compose -f /srv/basic/compose.yaml -p basic port web 81
docker compose -f /srv/basic/compose.yaml -p basic port --protocol udp web 80
docker port basic-web-1
lan$ curl -s http://192.168.1.108:8080/
curl -s http://127.0.0.1:8080/
docker compose -f /srv/basic/compose.yaml -p basic logs cache
docker compose -f /srv/basic/compose.yaml -p basic logs --no-log-prefix cache
docker inspect -f '{{json .Config.Labels}}' basic-web-1
docker inspect -f '{{json .Config.Labels}}' basic-cache-1
docker inspect -f '{{.HostConfig.NetworkMode}} {{json .HostConfig.PortBindings}}' basic-web-1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{json $v.Aliases}} {{json $v.DNSNames}}{{end}}' basic-web-1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{json $v.Aliases}} {{json $v.DNSNames}}{{end}}' basic-cache-1
docker network inspect -f '{{json .Labels}} {{json .IPAM.Config}} {{.Internal}}' basic_default
docker compose -f /srv/basic/compose.yaml -p basic config
docker compose -f /srv/basic/compose.yaml -p basic config --services
docker compose -f /srv/basic/compose.yaml -p basic up -d
docker compose -f /srv/basic/compose.yaml -p basic stop
docker compose -f /srv/basic/compose.yaml -p basic ps
docker compose -f /srv/basic/compose.yaml -p basic ps -a
docker compose -f /srv/basic/compose.yaml -p basic exec web true
docker compose -f /srv/basic/compose.yaml -p basic start
docker compose -f /srv/basic/compose.yaml -p basic ps --format '{{.Name}} {{.State}}'
docker compose -f /srv/basic/compose.yaml -p basic exec web ping -c 1 cache
docker compose -f /srv/basic/compose.yaml -p basic --progress quiet restart
docker compose -f /srv/basic/compose.yaml -p basic restart cache
docker compose -f /srv/basic/compose.yaml -p basic stop web
docker compose -f /srv/basic/compose.yaml -p basic ps -a --format '{{.Name}} {{.State}}'
docker compose -f /srv/basic/compose.yaml -p basic up -d
docker compose ls
docker compose -f /srv/basic/compose.yaml -p basic down
docker compose -f /srv/basic/compose.yaml -p basic ps -a
docker ps -a
docker network ls
docker compose -f /srv/basic/compose.yaml -p basic down
docker compose -p basic down
docker compose version
docker-compose version
