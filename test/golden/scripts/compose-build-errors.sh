# docker compose build's errors on the rig (Compose v2.40 without buildx: the daemon's
# BuildKit): a RUN that fails, a COPY of a file the context lacks, an unknown
# instruction, a missing Dockerfile, a missing context directory; quiet, and through up.
# Step timings vary from run to run, and so does whether a slow status gets a line of its
# own before its `... done` line: sed takes both out, and masks the seconds in front of a
# RUN's output (T) and the random session and context IDs in a COPY's error (R).
# The first line removes what a failed recording left.
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f cbe-run cbe-copy cbe-typo > /dev/null 2>&1; docker image prune -f > /dev/null; true
mkdir -p /srv/cbe/run /srv/cbe/copy /srv/cbe/typo /srv/cbe/nofile
printf 'FROM busybox\nRUN echo before && exit 3\n' > /srv/cbe/run/Dockerfile
printf 'FROM busybox\nCOPY missing.txt /x\n' > /srv/cbe/copy/Dockerfile
printf 'FROM busybox\nRUNN echo hi\n' > /srv/cbe/typo/Dockerfile
printf 'services:\n  run:\n    build: ./run\n  copy:\n    build: ./copy\n  typo:\n    build: ./typo\n  nofile:\n    build: ./nofile\n  nodir:\n    build: ./nodir\n' > /srv/cbe/compose.yaml
docker compose -f /srv/cbe/compose.yaml -p cbe build run 2>&1 | sed -E 's/ [0-9]+[.][0-9]+s//; s/^time="[^"]*"/time=T/; /^#[0-9]+ (exporting layers|writing image [^ ]*|naming to [^ ]*|transferring [^ ]*:( [^ ]*)?)$/d; s/^(#[0-9]+ )?[0-9]+[.][0-9]{3} /\1T /; s/ref [0-9a-f-]+::[0-9a-z]+/ref R/g'
docker compose -f /srv/cbe/compose.yaml -p cbe --progress quiet build run; echo "exit $?"
docker compose -f /srv/cbe/compose.yaml -p cbe build copy 2>&1 | sed -E 's/ [0-9]+[.][0-9]+s//; s/^time="[^"]*"/time=T/; /^#[0-9]+ (exporting layers|writing image [^ ]*|naming to [^ ]*|transferring [^ ]*:( [^ ]*)?)$/d; s/^(#[0-9]+ )?[0-9]+[.][0-9]{3} /\1T /; s/ref [0-9a-f-]+::[0-9a-z]+/ref R/g'
docker compose -f /srv/cbe/compose.yaml -p cbe build typo 2>&1 | sed -E 's/ [0-9]+[.][0-9]+s//; s/^time="[^"]*"/time=T/; /^#[0-9]+ (exporting layers|writing image [^ ]*|naming to [^ ]*|transferring [^ ]*:( [^ ]*)?)$/d; s/^(#[0-9]+ )?[0-9]+[.][0-9]{3} /\1T /; s/ref [0-9a-f-]+::[0-9a-z]+/ref R/g'
docker compose -f /srv/cbe/compose.yaml -p cbe build nofile 2>&1 | sed -E 's/ [0-9]+[.][0-9]+s//; s/^time="[^"]*"/time=T/; /^#[0-9]+ (exporting layers|writing image [^ ]*|naming to [^ ]*|transferring [^ ]*:( [^ ]*)?)$/d; s/^(#[0-9]+ )?[0-9]+[.][0-9]{3} /\1T /; s/ref [0-9a-f-]+::[0-9a-z]+/ref R/g'
docker compose -f /srv/cbe/compose.yaml -p cbe build nodir 2>&1 | sed -E 's/ [0-9]+[.][0-9]+s//; s/^time="[^"]*"/time=T/; /^#[0-9]+ (exporting layers|writing image [^ ]*|naming to [^ ]*|transferring [^ ]*:( [^ ]*)?)$/d; s/^(#[0-9]+ )?[0-9]+[.][0-9]{3} /\1T /; s/ref [0-9a-f-]+::[0-9a-z]+/ref R/g'
docker compose -f /srv/cbe/compose.yaml -p cbe --progress quiet up -d run; echo "exit $?"
docker ps -a --format '{{.Names}}'
docker images cbe-run --format '{{.Repository}}'
docker rm -f $(docker ps -aq) > /dev/null 2>&1; docker rmi -f cbe-run cbe-copy cbe-typo > /dev/null 2>&1; docker image prune -f > /dev/null; true
