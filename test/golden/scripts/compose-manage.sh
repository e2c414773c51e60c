# docker compose kill, rm, top and images: kill (SIGKILL, exit 137; a stopped service's
# "no container to kill"; a signal the daemon does not know), rm (the prompt a client without
# a terminal answers no, -f, "No stopped containers", -v), top (PIDs, CPU and start times
# masked: they differ from run to run) and images (table; -q and json for one service, as
# Compose prints them in map order), unknown services, and the help of these, run and scale.
mkdir -p /srv/mng
printf 'services:\n  web:\n    image: httpd\n    ports: ["8080:80"]\n    depends_on: [worker]\n  worker:\n    image: busybox\n    command: sleep 3600\n' > /srv/mng/compose.yaml
docker compose -f /srv/mng/compose.yaml -p mng --progress quiet up -d
docker compose -f /srv/mng/compose.yaml -p mng top | sed -E 's/ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]{2}:[0-9]{2} +/ PIDS /'
docker compose -f /srv/mng/compose.yaml -p mng top web | sed -E 's/ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]{2}:[0-9]{2} +/ PIDS /'
docker compose -f /srv/mng/compose.yaml -p mng images
docker compose -f /srv/mng/compose.yaml -p mng images web
docker compose -f /srv/mng/compose.yaml -p mng images -q web
docker compose -f /srv/mng/compose.yaml -p mng images --format json worker
docker compose -f /srv/mng/compose.yaml -p mng images --format yaml
docker compose -f /srv/mng/compose.yaml -p mng kill worker
docker compose -f /srv/mng/compose.yaml -p mng ps -a --format '{{.Name}} {{.State}} {{.Status}}'
docker compose -f /srv/mng/compose.yaml -p mng kill worker
docker compose -f /srv/mng/compose.yaml -p mng kill -s NOPE web
docker compose -f /srv/mng/compose.yaml -p mng top worker
docker compose -f /srv/mng/compose.yaml -p mng rm
docker compose -f /srv/mng/compose.yaml -p mng ps -a --format '{{.Name}} {{.State}}'
docker compose -f /srv/mng/compose.yaml -p mng rm -f
docker compose -f /srv/mng/compose.yaml -p mng ps -a
docker compose -f /srv/mng/compose.yaml -p mng rm -f
docker compose -f /srv/mng/compose.yaml -p mng rm nosuch
docker compose -f /srv/mng/compose.yaml -p mng top nosuch
docker compose -f /srv/mng/compose.yaml -p mng kill nosuch
docker compose -f /srv/mng/compose.yaml -p mng images nosuch
docker compose -f /srv/mng/compose.yaml -p mng kill
docker compose -f /srv/mng/compose.yaml -p mng ps -a --format '{{.Name}} {{.State}} {{.Status}}'
docker compose -f /srv/mng/compose.yaml -p mng kill
docker compose -f /srv/mng/compose.yaml -p mng rm -v -f web
docker compose -f /srv/mng/compose.yaml -p mng top
docker compose -f /srv/mng/compose.yaml -p mng images
docker compose -f /srv/mng/compose.yaml -p mng rm -f
docker compose -f /srv/mng/compose.yaml -p mng --progress quiet down
docker compose -f /srv/mng/compose.yaml -p mng images
docker compose -f /srv/mng/compose.yaml -p mng rm -f
docker compose -f /srv/mng/compose.yaml -p mng kill
docker ps -a
docker compose -f /srv/mng/compose.yaml -p mng rm --help
docker compose -f /srv/mng/compose.yaml -p mng kill --help
docker compose -f /srv/mng/compose.yaml -p mng top --help
docker compose -f /srv/mng/compose.yaml -p mng images --help
docker compose -f /srv/mng/compose.yaml -p mng run --help
docker compose -f /srv/mng/compose.yaml -p mng scale --help
