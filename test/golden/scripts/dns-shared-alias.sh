# A --network-alias shared by three containers: Docker's embedded DNS (127.0.0.11) answers
# the alias with all their addresses, shuffled for round robin (libnetwork resolver.go),
# so every line that prints several of them sorts them, and ping's choice is masked.
# nslookup -type=a: busybox nslookup's A and AAAA sections come in reply order otherwise.
docker network create app
docker run -d --name search1 --network app --network-alias search httpd
docker run -d --name search2 --network app --network-alias search httpd
docker run -d --name search3 --network app --network-alias search httpd
docker run -itd --name client --network app busybox
docker inspect -f '{{json .NetworkSettings.Networks.app.DNSNames}}' search2
docker exec client sh -c 'nslookup -type=a search | sort'
docker exec client sh -c 'nslookup -type=a search 127.0.0.11 | sort'
docker exec client sh -c 'nslookup -type=a search.app | sort'
docker exec client sh -c 'nslookup -type=a search | grep -c "^Address: 172"'
docker exec client nslookup -type=a search2
docker exec client sh -c 'ping -c 1 -W 1 search | head -1 | sed "s/172[.]18[.]0[.][234]/ONE-OF-THREE/"'
docker exec client sh -c 'ping -c 1 -W 1 search >/dev/null && echo replied'
docker exec client wget -qO- -T 2 http://search
docker stop search3
docker exec client sh -c 'nslookup -type=a search | sort'
docker network create other
docker run -itd --name outsider --network other busybox
docker exec outsider nslookup -type=a search
docker network connect --alias search other search2
docker exec outsider nslookup -type=a search
docker exec client sh -c 'nslookup -type=a search | sort'
