# docker build's options with the legacy builder: -q, -f, --build-arg with ARG defaults,
# a multi-stage Dockerfile with --target and COPY --from, --no-cache, DOCKER_BUILDKIT=0,
# --progress=plain, two -t tags, ENTRYPOINT with CMD, USER, HEALTHCHECK, shell-form CMD.
# The rig's engine keeps its images across record.sh's resets: the first and last lines
# remove what this script builds (and dangling images), so each recording starts clean.
# The rig's three images were imported within one second: `docker images` lists them in
# a random order, so the listings here leave them out.
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f quiet greet greet2 greet3 multi multi:v1 stage1 > /dev/null 2>&1; docker image prune -f > /dev/null; true
mkdir -p /srv/opts
printf 'hello file\n' > /srv/opts/hello.txt
printf 'FROM busybox\nARG NAME=world\nARG UNUSED\nENV WHO=$NAME\nRUN echo "hello $NAME" > /greeting\nCMD cat /greeting\n' > /srv/opts/Dockerfile
printf 'FROM busybox AS builder\nWORKDIR /src\nCOPY hello.txt .\nRUN cp hello.txt built.txt && echo extra >> built.txt\n\nFROM busybox AS final\nCOPY --from=builder /src/built.txt /app/built.txt\nUSER nobody\nHEALTHCHECK --interval=30s CMD wget -q -O- http://localhost/ || exit 1\nENTRYPOINT ["cat"]\nCMD ["/app/built.txt"]\n' > /srv/opts/multi.Dockerfile
docker build -q -t quiet /srv/opts
docker build -t greet --build-arg NAME=docker /srv/opts
docker run --rm greet
docker inspect -f '{{json .Config.Env}} {{json .Config.Cmd}} {{json .Config.Entrypoint}}' greet
docker build -t greet --build-arg NAME=docker --build-arg OTHER=1 /srv/opts
docker build --no-cache -t greet2 /srv/opts
docker run --rm greet2
DOCKER_BUILDKIT=0 docker build -t greet3 /srv/opts
docker build --progress=plain -t greet4 /srv/opts
docker build -f /srv/opts/multi.Dockerfile -t multi -t multi:v1 /srv/opts
docker run --rm multi
docker run --rm multi /etc/hostname
docker run --rm --entrypoint id multi
docker inspect -f '{{json .Config.User}} {{json .Config.Healthcheck}} {{json .Config.Entrypoint}} {{json .Config.Cmd}} {{json .Config.WorkingDir}}' multi
docker build -f /srv/opts/multi.Dockerfile --target builder -t stage1 /srv/opts
docker run --rm stage1 cat /src/built.txt
docker images --format '{{.Repository}}:{{.Tag}}' | grep -v -e busybox -e httpd -e redis
docker history quiet
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f quiet greet greet2 greet3 multi multi:v1 stage1 > /dev/null 2>&1; docker image prune -f > /dev/null; true
