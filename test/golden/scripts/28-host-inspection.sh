# The docker host's view with the usual tools: ip addr/link/route/neigh (-o, -br, -d),
# bridge link, brctl show, sysctl, /proc and /sys files, ethtool -i, iptables -L -n
# (-v), iptables -S per table, ip6tables, iptables-save.
# `ip -d link` is cut with head: its further lines print live bridge timers (gc_timer,
# forward_delay_timer) that change from run to run.
docker network create usernet
docker run -itd --name ca busybox
docker run -itd --name cb --network usernet busybox
ip link
ip addr
ip -4 addr
ip -br addr
ip -br link
ip -o link
ip -o -4 addr
ip -d link show docker0 | head -2
ip -d link show $(ip -o link show master docker0 | cut -d" " -f2 | cut -d@ -f1) | head -3
ip route
ip route get 172.18.0.2
ip route get 203.0.113.10
ping -c 1 -W 1 172.17.0.2
ping -c 1 -W 1 172.18.0.2
ip neigh show dev docker0
bridge link
bridge link show dev $(ip -o link show master docker0 | cut -d' ' -f2 | cut -d@ -f1)
brctl show
brctl show docker0
sysctl net.ipv4.ip_forward
sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables
sysctl net.ipv4.conf.docker0.route_localnet net.ipv4.conf.all.forwarding
cat /proc/sys/net/ipv4/ip_forward
cat /proc/sys/net/bridge/bridge-nf-call-iptables
cat /sys/class/net/docker0/bridge/stp_state
cat /sys/class/net/docker0/mtu
cat /sys/class/net/docker0/address
cat /sys/class/net/docker0/ifindex
ethtool -i docker0
iptables -L -n
iptables -L -n -v
iptables -L FORWARD -n -v --line-numbers
iptables -S
iptables -t nat -S
iptables -t nat -L -n
iptables -t raw -S
iptables -t mangle -S
ip6tables -S
ip6tables -t nat -S
iptables-save
ip6tables-save
