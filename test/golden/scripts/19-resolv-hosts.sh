# /etc/resolv.conf, /etc/hosts and /etc/hostname exactly as Docker writes them: default
# bridge, user network, --hostname, none, host (resolv.conf only: the host's
# /etc/hosts is this machine's), container:<name>, --dns / --dns-search.
docker network create usernet
docker run -itd --name b1 busybox
docker exec b1 cat /etc/resolv.conf
docker exec b1 cat /etc/hosts
docker exec b1 cat /etc/hostname
docker run -itd --name u1 --network usernet --hostname myhost busybox
docker exec u1 cat /etc/resolv.conf
docker exec u1 cat /etc/hosts
docker exec u1 cat /etc/hostname
docker exec u1 hostname
docker run -itd --name u2 --network usernet busybox
docker exec u2 cat /etc/hosts
docker run -itd --name n1 --network none busybox
docker exec n1 cat /etc/resolv.conf
docker exec n1 cat /etc/hosts
docker run -itd --name h1 --network host busybox
docker exec h1 cat /etc/resolv.conf
docker run -itd --name j1 --network container:u1 busybox
docker exec j1 cat /etc/resolv.conf
docker exec j1 cat /etc/hosts
docker exec j1 hostname
docker run -itd --name d1 --dns 9.9.9.9 --dns-search corp.example busybox
docker exec d1 cat /etc/resolv.conf
docker run -itd --name d2 --network usernet --dns 9.9.9.9 busybox
docker exec d2 cat /etc/resolv.conf
docker run -itd --name a1 --add-host db.local:10.9.9.9 busybox
docker exec a1 cat /etc/hosts
docker inspect -f '{{.ResolvConfPath}} {{.HostnamePath}} {{.HostsPath}}' b1
