# nslookup without -type (issue 14): busybox asks A and AAAA at once and prints each answer
# as it arrives, in either order (both seen on the rig), so the lines of a lookup with two
# answers are sorted here. A name with an IPv6 address gets both addresses; an IPv4-only
# container's name gets an empty AAAA answer; a forwarded name an empty authoritative one;
# a name nobody has gets both NXDOMAINs (their text is the same in either order).
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker run -itd --name a1 --network v6b busybox
docker run -itd --name a2 --network v6b busybox
docker run -itd --name c4 busybox
docker exec a1 sh -c 'nslookup a2 | sort'
docker exec a1 sh -c 'nslookup a2.v6b | sort'
docker exec a1 sh -c 'nslookup a2 127.0.0.11 | sort'
docker exec a1 nslookup nosuch
docker exec a1 nslookup -type=a a2
docker exec a1 sh -c 'nslookup example.com | sort'
docker exec c4 sh -c 'nslookup example.com | sort'
docker exec c4 nslookup nosuch
docker network create v4n
docker run -itd --name d1 --network v4n busybox
docker run -itd --name d2 --network v4n busybox
docker exec d1 sh -c 'nslookup d2 | sort'
docker exec d1 sh -c 'nslookup example.com | sort'
docker exec d1 nslookup nosuch
