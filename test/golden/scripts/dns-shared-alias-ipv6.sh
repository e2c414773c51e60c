# A --network-alias shared by two containers on an IPv6 network: Docker's embedded DNS
# answers A with both IPv4 addresses and AAAA with both IPv6 addresses (libnetwork's
# resolver.go handles AAAA as it does A, shuffled), so the lines are sorted.
docker network create --ipv6 --subnet 2001:db8:1::/64 v6b
docker run -d --name s1 --network v6b --network-alias search httpd
docker run -d --name s2 --network v6b --network-alias search httpd
docker run -itd --name client --network v6b busybox
docker exec client sh -c 'nslookup -type=aaaa search | sort'
docker exec client sh -c 'nslookup -type=a search | sort'
docker exec client sh -c 'nslookup search | sort'
docker exec client sh -c 'nslookup -type=aaaa search.v6b | sort'
docker exec client sh -c 'nslookup -type=aaaa search | grep -c "^Address: 2001"'
docker stop s1
docker exec client sh -c 'nslookup -type=aaaa search | sort'
