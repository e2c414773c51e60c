# The embedded DNS's own sockets in a container on a user-defined network: dockerd
# listens on 127.0.0.11 (a TCP and a UDP socket, random ports) inside the container's
# namespace, owned by no process of the container, so netstat -p shows "-". A container
# on the default bridge has none.
docker network create app
docker run -itd --name client --network app busybox
docker run -itd --name plain busybox
docker exec client netstat -ltn
docker exec client netstat -lun
docker exec client netstat -ltnu
docker exec client netstat -ltnup
docker exec client netstat -an
docker exec client sh -c 'netstat -ltnu | grep -c 127.0.0.11'
docker exec plain netstat -ltnu
docker exec client ps -o comm
docker run -d --name web --network app httpd
docker exec web netstat -ltnp
