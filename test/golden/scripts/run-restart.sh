# --restart (issue 11): on-failure:N restarts a failing main process N times with the
# daemon's backoff (100 ms doubling), then leaves it exited; on-failure does not restart
# a success; always/unless-stopped do not restart after docker stop or kill; RestartCount,
# RestartPolicy, docker update --restart and its errors.
docker run -d --restart on-failure:3 --name f3 busybox sh -c 'exit 3'
sleep 3
docker ps -a --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}} {{json .HostConfig.RestartPolicy}}' f3
docker run -d --restart on-failure --name ok busybox true
sleep 1
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' ok
docker run -d --restart always --name al busybox sleep 100
docker stop al
docker inspect -f '{{.RestartCount}} {{.State.Status}}' al
docker run -d --restart unless-stopped --name us busybox sleep 100
docker kill us
sleep 1
docker inspect -f '{{.RestartCount}} {{.State.Status}}' us
docker start f3
sleep 3
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' f3
docker run -d --name keep busybox sleep 100
docker update --restart always keep
docker inspect -f '{{json .HostConfig.RestartPolicy}}' keep
docker update --restart bogus keep
docker update --restart on-failure:3 keep nosuch
docker inspect -f '{{json .HostConfig.RestartPolicy}}' keep
docker update keep
docker update --restart on-failure:x keep
docker update --restart always
docker ps -a --format '{{.Names}} {{.Status}}'
