# Health checks (issue 11): --health-cmd runs in the container every --health-interval;
# ps shows (health: starting), (healthy), (unhealthy) after --health-retries failures;
# .State.Health keeps Status, FailingStreak and the last checks; ps --filter health=;
# --no-healthcheck; the client's and the daemon's errors for bad values.
docker run -d --name good --health-cmd 'wget -q -O- localhost:80 || exit 1' --health-interval 1s httpd
docker run -d --name bad --health-cmd 'wget -q -O- localhost:81 || exit 1' --health-interval 1s --health-retries 2 busybox sleep 100
docker run -d --name slow --health-cmd 'true' --health-interval 30s busybox sleep 100
docker run -d --name plain busybox sleep 100
sleep 3
docker ps --format '{{.Names}} {{.Status}}'
docker ps --filter health=healthy --format '{{.Names}}'
docker ps --filter health=unhealthy --format '{{.Names}}'
docker ps --filter health=starting --format '{{.Names}}'
docker ps --filter health=none --format '{{.Names}}'
docker ps --filter health=bogus
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{ge (len .State.Health.Log) 2}}' good slow
docker inspect -f '{{.State.Health.Status}} {{ge .State.Health.FailingStreak 2}}' bad
docker inspect -f '{{json .State.Health}}' slow
docker inspect -f '{{with index .State.Health.Log 0}}{{.ExitCode}} {{json .Output}} {{json .Start}} {{json .End}}{{end}}' good bad
docker inspect -f '{{json .Config.Healthcheck}}' good bad slow
docker inspect -f '{{json .State.Health}}' plain
docker stop good
docker ps -a --format '{{.Names}} {{.Status}}' --filter name=good
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' good
docker run -d --name nohc --no-healthcheck busybox sleep 100
docker inspect -f '{{json .Config.Healthcheck}}' nohc
docker run -d --health-cmd true --health-interval -1s busybox
docker run -d --health-cmd true --health-timeout -1s busybox
docker run -d --health-cmd true --health-retries -1 busybox
docker run -d --health-cmd true --health-start-period -1s busybox
docker run -d --health-cmd true --health-start-interval -1s busybox
docker run -d --health-cmd true --health-interval 100us busybox
docker run -d --health-cmd true --health-interval bogus busybox
docker run -d --no-healthcheck --health-cmd true busybox
docker run -d --name cmdexec --health-cmd 'exit 3' --health-interval 1s --health-retries 1 --health-timeout 2s --health-start-period 5s --health-start-interval 1s busybox sleep 100
docker inspect -f '{{json .Config.Healthcheck}}' cmdexec
docker ps -a --format '{{.Names}} {{.Status}}' --filter name=cmdexec
