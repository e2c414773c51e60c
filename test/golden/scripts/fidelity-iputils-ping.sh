# Issue 14: iputils ping (the Debian machines) with -t and -s: a TTL spent at a router is
# printed ("From ROUTER icmp_seq=N Time to live exceeded"), sizes change the first and reply
# lines, and out-of-range values get iputils' own messages.
lan$ ip route add 203.0.113.10/32 via 192.168.1.108
lan$ ping -c 1 -t 1 -W 1 203.0.113.10
lan$ ping -c 1 -t 2 -W 1 203.0.113.10
ping -c 1 -s 100 -W 1 192.168.1.20
ping -c 1 -s 0 -W 1 192.168.1.20
ping -c 1 -t 300 192.168.1.20
ping -c 1 -t 0 192.168.1.20
ping -c 1 -s x 192.168.1.20
ping -c 1 -s 70000 192.168.1.20
lan$ ip route del 203.0.113.10/32 via 192.168.1.108
