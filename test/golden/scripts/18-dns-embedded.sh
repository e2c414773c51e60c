# The embedded DNS server (127.0.0.11) on a user network: container names, network
# aliases, hostnames, short IDs, NAME.NETWORK; other names forwarded to the host's
# resolver (192.168.1.1: example.com), NXDOMAIN; names from other networks and from
# the default bridge do not resolve; stopped containers leave DNS, paused stay.
# nslookup -type=a: without it busybox nslookup queries A and AAAA and prints the two
# answer sections in the order the replies arrive, which changed between recordings.
docker network create appnet
docker run -d --name web --network appnet --network-alias www --network-alias site --hostname webhost httpd
docker run -itd --name client --network appnet busybox
docker inspect -f '{{json .NetworkSettings.Networks.appnet.Aliases}} {{json .NetworkSettings.Networks.appnet.DNSNames}}' web
docker exec client nslookup -type=a web
docker exec client nslookup -type=a www
docker exec client nslookup -type=a site
docker exec client nslookup -type=a webhost
docker exec client nslookup -type=a web.appnet
docker exec client nslookup -type=a www.appnet
docker exec client nslookup -type=a $(docker ps -q --filter name=web)
docker exec client ping -c 1 -W 1 www
docker exec client wget -qO- -T 2 http://site
docker exec client ping -c 1 -W 1 $(docker ps -q --filter name=web)
docker exec client nslookup -type=a client
docker exec client nslookup -type=a example.com
docker exec client nslookup -type=a www.example.com
docker exec client nslookup -type=a gw.lan
docker exec client nslookup -type=a nosuchname
docker exec client nslookup -type=a nosuch.appnet
docker exec client ping -c 1 -W 1 nosuchname
docker exec client wget -qO- -T 2 http://example.com/
docker exec client nslookup -type=a web 127.0.0.11
docker exec client nslookup -type=a web 192.168.1.1
docker run -itd --name other busybox
docker exec client nslookup -type=a other
docker exec other nslookup -type=a web
docker exec other ping -c 1 -W 1 web
docker exec other nslookup -type=a example.com
docker network create second
docker run -itd --name far --network second busybox
docker exec far nslookup -type=a web
docker exec client nslookup -type=a far
docker pause web
docker exec client nslookup -type=a web
docker exec client ping -c 1 -W 1 web
docker unpause web
docker stop web
docker exec client nslookup -type=a web
docker exec client nslookup -type=a www
docker start web
docker exec client nslookup -type=a www
