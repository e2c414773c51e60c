# docker compose run: one-off containers named PROJECT-SERVICE-run-SLUG (or --name), their
# labels (oneoff True, a slug, no container number), aliases (the container's name only),
# depends_on started first (Running the next time), --no-deps, --rm, -d (prints the ID),
# -e, -w, --entrypoint, -T, a command's exit status and the runtime's error, --service-ports,
# -p, the run container on the project network, the exited one-off as an orphan for up, and
# down (service containers only; --remove-orphans takes the one-offs, in parallel: quiet).
mkdir -p /srv/run
printf 'services:\n  web:\n    image: httpd\n    ports:\n      - "8080:80"\n    depends_on:\n      - cache\n  cache:\n    image: redis\n  tool:\n    image: busybox\n    command: echo hello from tool\n    environment:\n      A: one\n    depends_on: [cache]\n' > /srv/run/compose.yaml
docker compose -f /srv/run/compose.yaml -p run run --rm tool
docker compose -f /srv/run/compose.yaml -p run ps -a
docker compose -f /srv/run/compose.yaml -p run run --rm tool env
docker compose -f /srv/run/compose.yaml -p run run --rm -e B=two tool sh -c 'echo $A $B'
docker compose -f /srv/run/compose.yaml -p run run --rm -e A=x tool sh -c 'echo $A'
docker compose -f /srv/run/compose.yaml -p run run --rm -w /etc tool pwd
docker compose -f /srv/run/compose.yaml -p run run --rm --no-deps tool ping -c 1 cache
docker compose -f /srv/run/compose.yaml -p run run --rm tool ping -c 1 run-cache-1
docker compose -f /srv/run/compose.yaml -p run run --rm --entrypoint echo tool hi there
docker compose -f /srv/run/compose.yaml -p run run --rm --entrypoint 'sh -c' tool 'echo $A'
docker compose -f /srv/run/compose.yaml -p run run --rm --entrypoint hostname tool
docker compose -f /srv/run/compose.yaml -p run run --rm -T tool echo t
docker compose -f /srv/run/compose.yaml -p run run --rm tool sh -c 'exit 3'
docker compose -f /srv/run/compose.yaml -p run run --rm tool false
docker compose -f /srv/run/compose.yaml -p run run --rm tool nosuchcmd
docker compose -f /srv/run/compose.yaml -p run ps -a --format '{{.Name}} {{.Service}} {{.State}}'
docker compose -f /srv/run/compose.yaml -p run run --rm nosuch
docker compose -f /srv/run/compose.yaml -p run run
docker compose -f /srv/run/compose.yaml -p run run --rm --bogus tool
docker compose -f /srv/run/compose.yaml -p run run --rm -P -p 9000:80 web
docker compose -f /srv/run/compose.yaml -p run run --rm -p abc web
docker compose -f /srv/run/compose.yaml -p run run -d --name myweb web
docker compose -f /srv/run/compose.yaml -p run ps -a --format '{{.Name}} {{.Service}} {{.State}} {{.Ports}}'
docker inspect -f '{{json .Config.Labels}}' myweb
docker inspect -f '{{.HostConfig.AutoRemove}} {{json .HostConfig.PortBindings}} {{.Config.Tty}} {{.Config.OpenStdin}} {{json .Config.Cmd}}' myweb
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{json $v.Aliases}}{{end}}' myweb
docker compose -f /srv/run/compose.yaml -p run run --rm tool ping -c 1 myweb
docker compose -f /srv/run/compose.yaml -p run run --rm tool ping -c 1 web
docker compose -f /srv/run/compose.yaml -p run run -d --service-ports --name web2 web
docker compose -f /srv/run/compose.yaml -p run run -d -p 127.0.0.1:9090:80 --name web3 web
docker ps --format '{{.Names}} {{.Ports}}'
lan$ curl -s http://192.168.1.108:8080/
curl -s http://127.0.0.1:9090/
docker compose -f /srv/run/compose.yaml -p run run --name once tool
docker compose -f /srv/run/compose.yaml -p run run --rm --name web2 tool
docker compose -f /srv/run/compose.yaml -p run up -d cache
docker compose -f /srv/run/compose.yaml -p run ps -a --format '{{.Name}} {{.Service}} {{.State}}'
docker compose -f /srv/run/compose.yaml -p run down
docker ps -a --format '{{.Names}} {{.Status}}'
docker compose -f /srv/run/compose.yaml -p run --progress quiet down --remove-orphans
docker ps -a
docker network ls
