# docker build with the legacy builder (the rig's client has no buildx plugin, so it prints
# the DEPRECATED notice): a Dockerfile written by a host line, a context with one file,
# LABEL/ENV/WORKDIR/COPY/RUN/EXPOSE/CMD, the steps and their intermediate containers, a
# rebuild from cache, then images, history, inspect of the result and a run of it with -P.
# The rig's engine keeps its images across record.sh's resets: the first and last lines
# remove what this script builds (and dangling images), so each recording starts clean.
# The rig's three images were imported within one second: `docker images` lists them in
# a random order, so the listings here leave them out.
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f myapp > /dev/null 2>&1; docker image prune -f > /dev/null; true
mkdir -p /srv/app
printf '<h1>Hello from myapp</h1>\n' > /srv/app/index.html
printf 'FROM httpd\nLABEL maintainer="me@example.com"\nENV GREETING=hello APP_DIR=/www\nWORKDIR /www\nCOPY index.html /www/index.html\nRUN echo built > /built.txt && mkdir -p /data\nEXPOSE 8080\nCMD ["httpd", "-f", "-p", "8080", "-h", "/www"]\n' > /srv/app/Dockerfile
docker build -t myapp /srv/app
docker build -t myapp /srv/app
docker images myapp
docker images myapp --format '{{.Repository}} {{.Tag}} {{.Size}}'
docker history myapp
docker history --no-trunc --format '{{.CreatedBy}} {{.Size}}' myapp
docker inspect myapp
docker run -d --name web -P myapp
docker ps --format '{{.Names}} {{.Image}} {{.Command}} {{.Ports}}'
docker port web
curl -s http://127.0.0.1:32769/
lan$ curl -s http://192.168.1.108:32769/
docker exec web cat /built.txt
docker exec web pwd
docker exec web env
docker run --rm myapp cat /www/index.html
docker rmi myapp
docker rm -f web
docker rmi myapp
docker images myapp
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f myapp > /dev/null 2>&1; docker image prune -f > /dev/null; true
