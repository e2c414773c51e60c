# Servers started by a container's own command line decide what listens where:
# busybox httpd -p PORT and -p ADDR:PORT, OpenBSD nc -l/-lk/-lu (/usr/bin/nc, which
# `docker run` finds first in PATH), busybox nc -l inside sh -c, exec -d servers,
# netstat's view, what the client gets, what the server logs, a one-shot listener
# that exits after its connection, a published command-line server, a port taken twice.
# On the default bridge, so that netstat shows no embedded-DNS listener (random port).
docker run -d --name web8080 busybox httpd -f -p 8080
docker run -d --name weblocal busybox httpd -f -p 127.0.0.1:8081
docker run -d --name tcp9001 busybox nc -lk -p 9001
docker run -d --name udp9003 busybox nc -lu -p 9003
docker run -itd --name client busybox
docker ps --format '{{.Names}} {{.Command}} {{.Status}} {{.Ports}}'
docker exec web8080 netstat -tln
docker exec weblocal netstat -tln
docker exec tcp9001 netstat -tln
docker exec udp9003 netstat -uln
docker exec client wget -qO- -T 2 http://172.17.0.2:8080/
docker exec client wget -qO- -T 2 http://172.17.0.2/
docker exec client wget -qO- -T 2 http://172.17.0.3:8081/
docker exec weblocal wget -qO- -T 2 http://127.0.0.1:8081/
docker exec client sh -c 'echo hello | /usr/bin/nc -N -w 2 172.17.0.4 9001'
docker exec client sh -c 'echo again | /usr/bin/nc -N -w 2 172.17.0.4 9001'
docker logs tcp9001
docker exec client /usr/bin/nc -zv -w 2 172.17.0.4 9001
docker exec client /usr/bin/nc -zv -w 2 172.17.0.4 9002
docker exec client sh -c 'echo ping-udp | /usr/bin/nc -u -w 1 172.17.0.5 9003'
docker logs udp9003
docker run -d --name once busybox nc -l -p 9300
docker exec client sh -c 'echo bye | /usr/bin/nc -N -w 2 172.17.0.7 9300'
sleep 1
docker ps -a --filter name=once --format '{{.Names}} {{.Status}}'
docker logs once
docker run -d --name bbnc busybox sh -c 'nc -l -p 9500; echo nc exited $?'
docker exec bbnc netstat -tln
docker inspect -f '{{.NetworkSettings.IPAddress}}' bbnc
docker exec client sh -c 'echo via-busybox | /usr/bin/nc -N -w 2 172.17.0.7 9500'
sleep 1
docker logs bbnc
docker exec -d client /usr/bin/nc -lk -p 9100
docker exec client netstat -tln
docker exec web8080 sh -c 'echo to-client | /usr/bin/nc -N -w 2 172.17.0.6 9100'
docker run -d --name pub -p 9200:9200 busybox nc -lk -p 9200
echo from-host | nc -N -w 2 127.0.0.1 9200
docker logs pub
docker run -d --name clash busybox sh -c 'nc -l -p 9600 & sleep 1; nc -l -p 9600 2>&1; echo second $?'
sleep 2
docker logs clash
docker exec clash netstat -tln
