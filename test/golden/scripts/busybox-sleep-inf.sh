# busybox sleep (issue 11: tutorials keep a client container up with `sleep infinity`):
# busybox 1.35's sleep loops forever when its first argument starts with "inf" in any
# case (coreutils/sleep.c: strncasecmp(argv[0], "inf", 3)), so all four stay up; any
# other word is an invalid number. A client on a user network then checks a server.
docker network create mynet
docker run -d --name web --network mynet httpd
docker run -d --name client --network mynet busybox sleep infinity
docker run -d --name c2 busybox sleep inf
docker run -d --name c3 busybox sleep INFINITY
docker run -d --name c4 busybox sleep infinityx
docker run -d --name c5 busybox sleep forever
sleep 2
docker ps -a --format '{{.Names}} {{.Status}} {{.Command}}'
docker logs c4
docker logs c5
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' client c5
docker exec client nc -zv web 80
docker exec client nslookup -type=a web
