# docker build's errors with the legacy builder: no Dockerfile, a missing context, an
# unknown instruction, a RUN that fails (its exit code), COPY of a missing file, a bad
# tag, an unknown base image, a --target that is no stage, FROM missing, and images after.
# The rig's engine keeps its images across record.sh's resets: the first and last lines
# remove what this script builds (and dangling images), so each recording starts clean.
# The rig's three images were imported within one second: `docker images` lists them in
# a random order, so the listings here leave them out.
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f bad1 bad2 bad3 bad4 bad5 > /dev/null 2>&1; docker image prune -f > /dev/null; true
mkdir -p /srv/empty /srv/bad1 /srv/bad2 /srv/bad3 /srv/bad4 /srv/bad5
docker build -t nofile /srv/empty
docker build -t nodir /srv/nosuchdir
printf 'FROM busybox\nFOO bar\n' > /srv/bad1/Dockerfile
docker build -t bad1 /srv/bad1
printf 'FROM busybox\nRUN echo before\nRUN exit 3\nRUN echo after\n' > /srv/bad2/Dockerfile
docker build -t bad2 /srv/bad2
printf 'FROM busybox\nCOPY missing.txt /\n' > /srv/bad3/Dockerfile
docker build -t bad3 /srv/bad3
printf 'FROM busybox\nCMD ["sh"]\n' > /srv/bad4/Dockerfile
docker build -t Bad:Tag /srv/bad4
docker build -t 'bad tag' /srv/bad4
docker build --target nosuch -t bad4 /srv/bad4
printf 'FROM nosuchimage\n' > /srv/bad5/Dockerfile
docker build -t bad5 /srv/bad5
printf 'RUN echo hi\n' > /srv/bad5/Dockerfile
docker build -t bad5 /srv/bad5
docker build -f /srv/bad4/nosuch.Dockerfile /srv/bad4
docker build
docker images --filter dangling=true --format '{{.Repository}}:{{.Tag}} {{.Size}}'
docker ps -a --format '{{.Image}} {{.Status}}'
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f bad1 bad2 bad3 bad4 bad5 > /dev/null 2>&1; docker image prune -f > /dev/null; true
