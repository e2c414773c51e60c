# A container that joins another's network namespace (--network container:) asks the
# embedded DNS of the namespace it joined: names on the owner's user network resolve.
docker network create net
docker run -d --name web --network net busybox sleep 1000
docker run -d --name side --network container:web busybox sleep 1000
docker exec side cat /etc/resolv.conf
docker exec side nslookup -type=a web
docker exec side ping -c 1 -W 1 web
docker exec side cat /etc/hosts
