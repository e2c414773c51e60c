# docker run flags: --name, --hostname, --env/-e (KEY=VAL and KEY taken from the
# client's environment), -d -i -t -itd, and a generated name (random: only its shape
# is printed); what env, hostname and /etc/hosts show inside.
docker run -d --name h1 --hostname myhost --env FOO=bar -e BAZ=qux busybox sleep 300
docker exec h1 hostname
docker exec h1 env
docker exec h1 cat /etc/hostname
docker exec h1 cat /etc/hosts
docker inspect -f '{{.Config.Hostname}} {{json .Config.Env}}' h1
docker run -d --name h2 busybox sleep 300
docker exec h2 cat /etc/hosts
docker exec h2 sh -c 'test "$(hostname)" = "$(cat /etc/hostname)" && echo hostname is the short id: ${#HOSTNAME} chars'
docker run --rm -e ONE=1 -e TWO busybox env
docker run --rm --env-file /dev/null busybox sh -c 'echo $PATH'
docker run -itd busybox
docker ps --format '{{.Names}}' | grep -cE '^[a-z]+_[a-z]+[0-9]*$'
docker run --rm --name two.dots_and-dash busybox echo ok
docker run -itd --name web-1.example_A busybox
docker ps --filter name=web-1 --format "{{.Names}} {{.Status}}"
