# docker compose scale: deploy.replicas (replicas created in parallel: quiet, and no address
# printed per replica), the service name answering every replica (sorted: the order varies),
# exec/port --index, up --scale up (deterministic events) and down (parallel: quiet), the
# scale command, --scale errors, --force-recreate/--no-recreate and their conflict, a changed
# file recreating both replicas, an orphan removed by --remove-orphans, down --rmi (local keeps
# an image a service names; all untags it: a tag of busybox, so the rig keeps its images).
mkdir -p /srv/sc
docker tag busybox sctool:1
printf 'services:\n  web:\n    image: httpd\n    deploy:\n      replicas: 2\n  client:\n    image: sctool:1\n    command: sleep 3600\n    depends_on: [web]\n' > /srv/sc/compose.yaml
docker compose -f /srv/sc/compose.yaml -p sc --progress quiet up -d
docker compose -f /srv/sc/compose.yaml -p sc ps --format '{{.Name}} {{.Service}} {{.State}}'
docker inspect -f '{{json .Config.Labels}}' sc-web-2
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{json $v.Aliases}}{{end}}' sc-web-2
docker compose -f /srv/sc/compose.yaml -p sc exec client nslookup -type=a web | sort
docker compose -f /srv/sc/compose.yaml -p sc exec client ping -c 1 sc-web-2 | tail -2
docker compose -f /srv/sc/compose.yaml -p sc exec --index 2 web hostname
docker compose -f /srv/sc/compose.yaml -p sc exec --index 3 web hostname
docker compose -f /srv/sc/compose.yaml -p sc port --index 2 web 80
docker compose -f /srv/sc/compose.yaml -p sc up -d --scale web=3
docker compose -f /srv/sc/compose.yaml -p sc ps --format '{{.Name}} {{.Service}} {{.State}}'
docker compose -f /srv/sc/compose.yaml -p sc exec client nslookup -type=a web | sort
docker compose -f /srv/sc/compose.yaml -p sc --progress quiet up -d --scale web=1
docker compose -f /srv/sc/compose.yaml -p sc ps -a --format '{{.Name}} {{.Service}} {{.State}}'
docker compose -f /srv/sc/compose.yaml -p sc up -d --scale web=x
docker compose -f /srv/sc/compose.yaml -p sc up -d --scale nosuch=2
docker compose -f /srv/sc/compose.yaml -p sc up -d --scale web
docker compose -f /srv/sc/compose.yaml -p sc scale web=2
docker compose -f /srv/sc/compose.yaml -p sc scale web
docker compose -f /srv/sc/compose.yaml -p sc scale web=x
docker compose -f /srv/sc/compose.yaml -p sc scale
docker compose -f /srv/sc/compose.yaml -p sc ps --format '{{.Name}} {{.Service}} {{.State}}'
docker compose -f /srv/sc/compose.yaml -p sc top web | sed -E 's/ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]{2}:[0-9]{2} +/ PIDS /'
docker compose -f /srv/sc/compose.yaml -p sc up -d --force-recreate client
docker compose -f /srv/sc/compose.yaml -p sc up -d --no-recreate
docker compose -f /srv/sc/compose.yaml -p sc up -d --force-recreate --no-recreate
printf 'services:\n  web:\n    image: httpd\n    environment:\n      MODE: two\n    deploy:\n      replicas: 2\n' > /srv/sc/compose.yaml
docker compose -f /srv/sc/compose.yaml -p sc --progress quiet up -d
docker compose -f /srv/sc/compose.yaml -p sc ps -a --format '{{.Name}} {{.Service}} {{.State}}'
docker compose -f /srv/sc/compose.yaml -p sc exec --index 2 web sh -c 'echo $MODE'
docker compose -f /srv/sc/compose.yaml -p sc up -d --remove-orphans
docker compose -f /srv/sc/compose.yaml -p sc ps -a --format '{{.Name}} {{.Service}} {{.State}}'
docker compose -f /srv/sc/compose.yaml -p sc down --rmi bogus
docker compose -f /srv/sc/compose.yaml -p sc --progress quiet down --rmi local
docker images --format '{{.Repository}}:{{.Tag}}' sctool
printf 'services:\n  tool:\n    image: sctool:1\n    command: sleep 3600\n' > /srv/sc/compose.yaml
docker compose -f /srv/sc/compose.yaml -p sc --progress quiet up -d
docker compose -f /srv/sc/compose.yaml -p sc down --rmi all
docker images --format '{{.Repository}}:{{.Tag}}' sctool
