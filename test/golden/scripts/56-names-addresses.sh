# Names and addresses (issue 14): --network-alias, --hostname, --domainname, --ip in and
# out of a subnet, --mac-address and its errors, network connect --alias --ip, the
# embedded DNS forwarding to the host's resolver, NXDOMAIN, --dns.
docker network create n1
docker network create --subnet 10.10.0.0/24 fixed
docker run -itd --name a1 --network n1 --network-alias db --hostname myhost --domainname example.test busybox
docker exec a1 hostname
docker exec a1 cat /etc/hosts
docker exec a1 cat /etc/hostname
docker inspect -f '{{.Config.Hostname}} {{.Config.Domainname}} {{.NetworkSettings.Networks.n1.Aliases}} {{.NetworkSettings.Networks.n1.DNSNames}}' a1
docker run -itd --name a2 --network fixed --ip 10.10.0.50 busybox
docker exec a2 ip -o -4 addr show eth0
docker run -itd --name a3 --network fixed --ip 10.20.0.5 busybox
docker run -itd --name a4 --network n1 --ip 172.18.0.77 busybox
docker run -itd --name a5 --network fixed --ip 10.10.0.50 busybox
docker run -itd --name a6 --ip 172.17.0.9 busybox
docker run -itd --name a7 --network fixed --ip notanip busybox
docker ps -a --format '{{.Names}} {{.Status}}'
docker run -itd --name m1 --network n1 --mac-address 02:42:ac:11:00:99 busybox
docker exec m1 cat /sys/class/net/eth0/address
docker inspect -f '{{.NetworkSettings.Networks.n1.MacAddress}} {{.Config.MacAddress}}' m1
docker run -itd --name m2 --network n1 --mac-address 02:42:ac:11:00:99 busybox
docker run -itd --name m3 --mac-address zz:zz busybox
docker run -itd --name m4 --network none --mac-address 02:42:ac:11:00:98 busybox
docker network connect --alias cache --ip 10.10.0.60 fixed a1
docker exec a2 nslookup -type=a cache
docker exec a2 ping -c 1 -W 1 cache
docker exec a2 nslookup -type=a myhost
docker network connect --ip 10.10.0.60 fixed m1
docker network connect --ip 10.99.0.1 fixed m1
docker exec a1 nslookup -type=a example.com
docker exec a1 nslookup nosuchname.example
docker exec a1 ping -c 1 -W 1 nosuchname.example
docker run -itd --name dnsuser --network n1 --dns 10.10.0.50 busybox
docker exec dnsuser cat /etc/resolv.conf
docker exec dnsuser nslookup -type=a a1
docker run -itd --name dnsdefault --dns 192.168.1.1 --dns-search corp.test busybox
docker exec dnsdefault cat /etc/resolv.conf
docker exec dnsdefault nslookup -type=a example.com
