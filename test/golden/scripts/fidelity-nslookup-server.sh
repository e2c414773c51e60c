# Issue 14: busybox nslookup NAME SERVER (the embedded DNS, the host's resolver, an address
# nothing answers on, a name for a server) and a resolv.conf with a search domain
# (--dns-search), on a user network and on the default bridge. -type=a everywhere: busybox
# prints A and AAAA answers in arrival order otherwise.
docker network create appnet
docker run -itd --name c1 --network appnet busybox
docker run -itd --name c2 --network appnet busybox
docker exec c1 nslookup -type=a c2 127.0.0.11
docker exec c1 nslookup -type=a example.com 127.0.0.11
docker exec c1 nslookup -type=a example.com 192.168.1.1
docker exec c1 nslookup -type=a c2 192.168.1.1
docker exec c1 nslookup -type=a example.com 192.168.1.99
docker exec c1 nslookup -type=a example.com nosuchserver
docker exec c1 nslookup -type=a example.com c2
docker exec c1 nslookup -retry=1 -type=a example.com c2
docker exec c1 nslookup
docker exec c1 nslookup -foo c2
docker exec c1 nslookup -type=x c2
docker exec c1 nslookup -type=a c2 127.0.0.11 extra
docker run -itd --name s1 --network appnet --dns-search corp.example busybox
docker exec s1 cat /etc/resolv.conf
docker exec s1 nslookup -type=a c2
docker exec s1 nslookup -type=a example.com
docker exec s1 nslookup -type=a nosuchname
docker run -itd --name d0 busybox
docker exec d0 nslookup -type=a example.com 127.0.0.11
docker exec d0 nslookup -type=a example.com 192.168.1.1
docker run -itd --name d1 --dns-search corp.example busybox
docker exec d1 cat /etc/resolv.conf
docker exec d1 nslookup -type=a example.com
docker exec d1 nslookup -type=a gw.lan
