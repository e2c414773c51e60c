# busybox wget (1.35 in the rig's images) and HTTP statuses other than 200, from raw
# servers built of a loop around nc: an error prints the server's own status line
# (500, 403, 418), 201-204 are success (a 204 saves an empty file), and a 301 or 302
# with an absolute Location is followed (a second `Connecting to`, the URL's
# host:port as written). Without -T: the rig's wrapper then runs busybox wget as is.
# (Not `-O-` without -q: its progress lines on stderr and the body on stdout come out
# in either order from one recording to the next.)
docker run -d --name s500 busybox sh -c 'while true; do printf "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops\n" | nc -l -p 80 >/dev/null; done'
docker run -d --name s403 busybox sh -c 'while true; do printf "HTTP/1.0 403 Forbidden\r\n\r\n" | nc -l -p 8080 >/dev/null; done'
docker run -d --name s418 busybox sh -c 'while true; do printf "HTTP/1.1 418 I am a teapot\r\n\r\n" | nc -l -p 80 >/dev/null; done'
docker run -d --name web httpd
docker run -d --name moved busybox sh -c 'while true; do printf "HTTP/1.1 301 Moved Permanently\r\nLocation: http://172.17.0.5/\r\nContent-Length: 0\r\n\r\n" | nc -l -p 80 >/dev/null; done'
docker run -d --name found busybox sh -c 'while true; do printf "HTTP/1.0 302 Found\r\nLocation: http://172.17.0.5:80/index.html\r\n\r\n" | nc -l -p 8000 >/dev/null; done'
docker run -d --name empty busybox sh -c 'while true; do printf "HTTP/1.1 204 No Content\r\n\r\n" | nc -l -p 80 >/dev/null; done'
docker run -d --name made busybox sh -c 'while true; do printf "HTTP/1.0 201 Created\r\n\r\nmade\n" | nc -l -p 80 >/dev/null; done'
docker run -itd --name client busybox
sleep 1
docker exec client wget -qO- http://172.17.0.2/
docker exec client wget -O- http://172.17.0.2/page
docker exec client wget -qO- http://172.17.0.3:8080/secret
docker exec client wget -O /tmp/x http://172.17.0.3:8080/secret
docker exec client wget -qO- http://172.17.0.4/
docker exec client wget -qO- http://172.17.0.6/
docker exec client wget -O /tmp/moved.html http://172.17.0.6/old
docker exec client cat /tmp/moved.html
docker exec client wget -O /tmp/found.html http://172.17.0.7:8000/
docker exec client wget -O /tmp/empty http://172.17.0.8/
docker exec client wc -c /tmp/empty
docker exec client wget -qO- http://172.17.0.9/
