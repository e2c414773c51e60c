# docker run's labels (issue 11: traefik's docker provider reads them): -l and --label,
# a key without `=`, an empty value, --label-file (comments and blank lines skipped, read
# before the flags, so a -l of the same key wins), a later -l replacing an earlier one,
# inspect's Config.Labels, ps's Labels column for one label, a missing label file.
printf 'tier=web\n# a comment\n\nowner\n  indented=yes\nshared=from-file\n' > /tmp/labels.env
docker run -d --name l1 -l traefik.enable=true --label 'traefik.http.routers.a.rule=Host(`a.localhost`)' -l empty= -l bare --label-file /tmp/labels.env -l shared=from-flag busybox sleep 600
docker inspect -f '{{json .Config.Labels}}' l1
docker run -d --name l2 -l only=one busybox sleep 600
docker ps --filter name=l2 --format '{{.Names}} {{.Labels}}'
docker run -d --name l3 -l a=1 -l a=2 busybox sleep 600
docker inspect -f '{{json .Config.Labels}}' l3
docker run -d --name l4 --label-file /nonexistent busybox sleep 600
docker create --name l5 --label-file /nonexistent busybox
docker ps -a --format '{{.Names}}'
