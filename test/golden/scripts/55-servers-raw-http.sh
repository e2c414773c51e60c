# Raw HTTP servers built from a shell loop around nc, as tutorials write them:
# what busybox wget, curl and GNU wget get from one, and the requests the server
# prints (its docker logs), through the container address and a published port.
docker run -d --name loop -p 8080:8080 busybox sh -c 'while true; do printf "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello from loop\n" | nc -l -p 8080; done'
docker run -itd --name client busybox
sleep 1
docker exec client wget -qO- -T 2 http://172.17.0.2:8080/
docker exec client wget -qO- -T 2 http://172.17.0.2:8080/second
curl -s -m 3 http://127.0.0.1:8080/third
wget -qO- -T 2 http://172.17.0.2:8080/fourth
sleep 1
docker logs loop
docker exec loop netstat -tln
docker run -d --name once busybox sh -c 'printf "HTTP/1.0 200 OK\r\n\r\nonly once\n" | nc -l -p 8081; echo served'
docker exec client wget -qO- -T 2 http://172.17.0.4:8081/
sleep 1
docker exec client wget -qO- -T 2 http://172.17.0.4:8081/
docker ps -a --filter name=once --format '{{.Names}} {{.Status}}'
docker logs once
