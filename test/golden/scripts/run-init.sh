# --init (issue 11) on an engine without docker-init: the rig's dockerd (Debian's docker.io
# unpacked, no tini) finds no docker-init in its PATH, so every start of an --init container
# fails; HostConfig.Init is true (false with --init=false, null without the flag).
docker run --rm --init busybox ps
docker run -d --name i1 --init busybox sleep 100
docker ps -a --format '{{.Names}} {{.Status}}'
docker inspect -f '{{json .HostConfig.Init}} {{.State.Status}} {{.State.ExitCode}} {{json .State.Error}}' i1
docker create --name i2 --init busybox true
docker start i2
docker create --name i3 --init=false busybox true
docker run -d --name plain busybox sleep 100
docker inspect -f '{{json .HostConfig.Init}}' i2 i3 plain
docker rm i1 i2
# Without --init the container's own process is PID 1; a stop signal it has no handler for
# does nothing to it, so `docker stop` waits out the timeout and kills it (137).
docker run -d --name s1 --stop-signal SIGTERM busybox sleep 100
docker exec s1 ps
docker stop -t 1 s1
docker inspect -f '{{.State.ExitCode}}' s1
