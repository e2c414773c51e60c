# --rm containers that docker stop or docker kill ends are removed (a restart keeps
# one); docker attach's client errors without a terminal, on a stopped container,
# with no argument and for an unknown name.
docker run -dit --rm --name gone1 busybox
docker run -dit --rm --name gone2 busybox
docker run -dit --rm --name kept busybox
docker stop gone1
docker kill gone2
docker restart kept
docker ps -a --format '{{.Names}} {{.State}}'
docker run -dit --name att busybox
docker attach att
docker stop att
docker attach att
docker attach
docker attach nope
