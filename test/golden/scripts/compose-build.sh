# docker compose with build: (context, dockerfile, args) without buildx: Compose builds with
# the daemon's own BuildKit (not the legacy builder docker build uses); the image is named
# PROJECT-SERVICE; compose build, then up builds nothing more; images, inspect, history, ps.
# The rig's engine keeps its images across record.sh's resets: the first and last lines
# remove what this script builds (and dangling images), so each recording starts clean.
# Then: up --no-build of a service whose image is missing, build's progress without
# --progress quiet (plain, as to a non-terminal; its step timings, 0.0s or 0.1s, vary
# from run to run, so sed takes them out), up building a missing image, --build,
# --build with --no-build.
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f cb-web cb-tool > /dev/null 2>&1; docker image prune -f > /dev/null; true
mkdir -p /srv/cb/web
printf '<h1>compose built</h1>\n' > /srv/cb/web/index.html
printf 'FROM busybox\nCMD ["sleep", "1000"]\n' > /srv/cb/web/Dockerfile
printf 'FROM httpd\nARG MSG=default\nCOPY index.html /www/index.html\nRUN echo $MSG > /www/msg.txt\nEXPOSE 80\n' > /srv/cb/web/Web.Dockerfile
printf 'services:\n  web:\n    build:\n      context: ./web\n      dockerfile: Web.Dockerfile\n      args:\n        MSG: from-compose\n    ports:\n      - "8080:80"\n  tool:\n    build: ./web\n    command: sleep 1000\n' > /srv/cb/compose.yaml
docker compose -f /srv/cb/compose.yaml -p cb --progress quiet build web
docker images cb-web --format '{{.Repository}}:{{.Tag}} {{.Size}}'
docker inspect -f '{{.Comment}} {{json .RepoTags}} {{.Parent}} {{len .RootFS.Layers}} {{json .Config.ExposedPorts}}' cb-web
docker history cb-web
docker compose -f /srv/cb/compose.yaml -p cb --progress quiet up -d web
docker compose -f /srv/cb/compose.yaml -p cb ps --format '{{.Name}} {{.Image}} {{.Ports}}'
curl -s http://127.0.0.1:8080/
curl -s http://127.0.0.1:8080/msg.txt
docker compose -f /srv/cb/compose.yaml -p cb down
docker compose -f /srv/cb/compose.yaml -p cb --progress quiet up -d --no-build tool
docker compose -f /srv/cb/compose.yaml -p cb build tool 2>&1 | sed -E 's/ [0-9]+[.][0-9]+s//; s/^time="[^"]*"/time=T/'
docker images cb-tool --format '{{.Repository}}:{{.Tag}} {{.Size}}'
docker rmi cb-tool
docker compose -f /srv/cb/compose.yaml -p cb up -d tool 2>&1 | sed -E 's/ [0-9]+[.][0-9]+s//; s/^time="[^"]*"/time=T/'
docker compose -f /srv/cb/compose.yaml -p cb ps -a --format '{{.Name}} {{.Image}} {{.State}}'
docker compose -f /srv/cb/compose.yaml -p cb --progress quiet up -d --build tool
docker compose -f /srv/cb/compose.yaml -p cb --progress quiet up -d --build --no-build tool
docker compose -f /srv/cb/compose.yaml -p cb --progress quiet down
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f cb-web cb-tool > /dev/null 2>&1; docker image prune -f > /dev/null; true
