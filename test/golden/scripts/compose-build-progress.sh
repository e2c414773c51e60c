# docker compose build's progress on the rig (Compose v2.40 without buildx: the daemon's
# BuildKit): a service with COPY and RUN built from an empty build cache, as to a
# non-terminal (the default) and with --progress plain; then everything CACHED; the
# image's history and config (Compose's labels on it). Step timings (0.0s, 0.1s) vary
# from run to run, and so does whether a slow status gets a line of its own before its
# `... done` line (`exporting layers`, `writing image sha256:...`, `transferring
# context:`): sed takes both out.
# Then docker image build (the same command as docker build: -q, the legacy stream, no
# argument) and docker builder prune -f of an empty build cache (a full one lists its
# records' random IDs, so it is not recorded).
# The rig's engine keeps images and the build cache across record.sh's resets: the first
# line removes what this script builds and empties the build cache, so each recording
# starts clean; the last line removes the images again.
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f cbp-web cbp-x > /dev/null 2>&1; docker image prune -f > /dev/null; docker builder prune -af > /dev/null 2>&1; true
docker builder prune -f
mkdir -p /srv/cbp/web
printf '<h1>compose built</h1>\n' > /srv/cbp/web/index.html
printf 'FROM busybox\nCMD ["sleep", "1000"]\n' > /srv/cbp/web/Dockerfile
printf 'FROM httpd\nARG MSG=default\nCOPY index.html /www/index.html\nRUN echo $MSG > /www/msg.txt\nEXPOSE 80\n' > /srv/cbp/web/Web.Dockerfile
printf 'services:\n  web:\n    build:\n      context: ./web\n      dockerfile: Web.Dockerfile\n      args:\n        MSG: from-compose\n' > /srv/cbp/compose.yaml
docker compose -f /srv/cbp/compose.yaml -p cbp build web 2>&1 | sed -E 's/ [0-9]+[.][0-9]+s//; s/^time="[^"]*"/time=T/; /^#[0-9]+ (exporting layers|writing image [^ ]*|naming to [^ ]*|transferring [^ ]*:( [^ ]*)?)$/d'
docker compose -f /srv/cbp/compose.yaml -p cbp --progress plain build web 2>&1 | sed -E 's/ [0-9]+[.][0-9]+s//; s/^time="[^"]*"/time=T/; /^#[0-9]+ (exporting layers|writing image [^ ]*|naming to [^ ]*|transferring [^ ]*:( [^ ]*)?)$/d'
docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' cbp-web
docker inspect -f '{{.Comment}}|{{.Parent}}|{{.DockerVersion}}|{{json .Config.Labels}}|{{json .Config.Cmd}}|{{.Config.StopSignal}}' cbp-web
docker image build -q -t cbp-x /srv/cbp/web
docker image build -t cbp-x /srv/cbp/web
docker image build
docker images cbp-x --format '{{.Repository}}:{{.Tag}}'
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f cbp-web cbp-x > /dev/null 2>&1; docker image prune -f > /dev/null; true
