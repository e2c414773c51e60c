# busybox tools inside containers: ifconfig, route, netstat, ip (addr, link, route,
# -4 -o), hostname, env, ls, cat of /proc and /sys, echo, sleep, sh -c, nc, ping,
# wget. netstat -tln runs in a default-bridge-only container: on a user network it
# also lists the embedded DNS server's listener on 127.0.0.11 at a random port.
# busybox `ip neigh` prints `used N/N/N` timers, so it is left out.
docker run -d --name web httpd
docker network create usernet
docker run -itd --name cc --network usernet busybox
docker network connect usernet web
docker run -d --name plainweb httpd
docker exec cc ifconfig lo
docker exec cc route
docker exec cc route -n
docker exec cc netstat -rn
docker exec plainweb netstat -tln
docker exec plainweb netstat -ltn
docker exec plainweb netstat -rn
docker exec cc ip link
docker exec cc ip -4 addr
docker exec cc ip -o -4 addr
docker exec cc ip addr show eth0
docker exec cc ip route
docker exec cc ip route show
docker exec cc ip r get 203.0.113.10
docker exec cc ping -c 2 -W 1 web
docker exec cc hostname
docker exec cc env
docker exec cc ls /
docker exec cc ls /etc
docker exec cc cat /etc/hostname
docker exec cc cat /proc/sys/net/ipv4/ip_forward
docker exec cc cat /proc/sys/net/ipv6/conf/all/disable_ipv6
docker exec cc cat /sys/class/net/eth0/mtu
docker exec cc echo hello world
docker exec cc sleep 1
docker exec cc sh -c 'echo one; echo two; hostname | wc -c'
docker exec cc sh -c 'ping -c 1 -W 1 web > /dev/null && echo reachable'
docker exec cc sh -c 'ping -c 1 -W 1 10.99.99.99 > /dev/null || echo unreachable'
docker exec cc nc -zv -w 2 web 80
docker exec cc nc -zv -w 2 web 81
docker exec cc wget -qO- http://web/nope
docker exec cc wget -O /tmp/index.html http://web/
docker exec cc cat /tmp/index.html
