# Docker's ip6tables rules (issue 14): what a dual-stack network, an --internal one and a
# published port add to the IPv6 filter, nat and raw tables; the IPv4 side beside it.
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker network create n4
docker run -itd --name a1 --network v6b busybox
ip6tables-save
docker network create --ipv6 --internal --subnet 2001:db8:3::/64 v6i
docker run -itd --name i1 --network v6i busybox
docker run -d --name web --network v6b -p 8080:80 httpd
ip6tables -S
ip6tables -t nat -S
ip6tables -t raw -S
ip6tables -t nat -L -n
iptables -t nat -S
sysctl net.ipv6.conf.all.forwarding
