# -u/--user, --group-add, labels and --dns-option (issue 11): busybox id/whoami under a
# uid:gid, a name or group missing from the image's /etc/passwd (the runtime's error),
# exec as the container's user and with -u, top's UID; --label/-l/--label-file in
# inspect, ps --filter label= and {{.Labels}}; --dns-option in resolv.conf.
docker run --rm -u 1000:1000 busybox id
docker run --rm -u 1000 busybox whoami
docker run --rm -u root busybox whoami
docker run --rm -u bogus busybox id
docker run --rm -u 0:bogus busybox id
docker run --rm -u 1000 --group-add 10 --group-add 20 busybox id
docker run -d -u 1000:1000 --name u2 busybox sleep 100
docker exec u2 id
docker exec -u 0 u2 id
docker inspect -f '{{.Config.User}} {{.HostConfig.GroupAdd}}' u2
printf 'team=net\n# comment\nrole\n' > /tmp/labels
docker run -d --label app=web -l tier=front --label-file /tmp/labels --name l1 busybox sleep 100
docker run -d -l app=db --name l2 busybox sleep 100
docker inspect -f '{{json .Config.Labels}}' l1
docker ps --filter label=app=web --format '{{.Names}}'
docker ps --filter label=app --format '{{.Names}}'
docker ps --filter label=role --format '{{.Names}} {{.Labels}}'
docker ps --format '{{.Names}} {{.Label "app"}}'
docker run --rm --dns-option ndots:2 --dns-option timeout:1 busybox cat /etc/resolv.conf
docker network create un
docker run --rm --network un --dns-option ndots:3 busybox cat /etc/resolv.conf
docker inspect -f '{{json .HostConfig.DnsOptions}}' l1
