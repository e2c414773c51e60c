# docker ps: default table, -a, -q, --no-trunc, --filter (name, status, network,
# ancestor, publish, expose, exited, id), --format with placeholders, table and json.
docker network create appnet
docker run -d --name web -p 8080:80 httpd
docker run -d --name db --network appnet redis
docker run -itd --name shell busybox
docker create --name made busybox
docker run --name done busybox true
docker run --name failed busybox sh -c 'exit 2'
docker ps
docker ps -a
docker ps -q
docker ps -a -q
docker ps -aq
docker ps --no-trunc
docker ps -a --filter status=exited
docker ps -a --filter status=created --format '{{.Names}}'
docker ps -a --filter exited=2 --format '{{.Names}} {{.Status}}'
docker ps --filter name=we
docker ps --filter name=^db$ --format '{{.Names}}'
docker ps --filter network=appnet --format '{{.Names}} {{.Networks}}'
docker ps -a --filter ancestor=busybox --format '{{.Names}}'
docker ps --filter publish=8080 --format '{{.Names}}'
docker ps --filter expose=6379 --format '{{.Names}}'
docker ps --filter status=running --filter name=shell --format '{{.Names}}'
docker ps -a --format 'table {{.Names}}\t{{.Image}}\t{{.State}}'
docker ps --format '{{.ID}} {{.Image}} {{.Command}} {{.Ports}} {{.Names}} {{.Networks}} {{.State}}'
docker ps --no-trunc --format '{{.ID}} {{.Command}}'
docker ps --format '{{.Names}}: {{.Label "nope"}}|{{.Mounts}}|{{.LocalVolumes}}|{{.RunningFor}}'
docker ps -a --format '{{json .Names}} {{json .State}}'
docker ps -n 2 --format '{{.Names}}'
docker ps -l --format '{{.Names}}'
