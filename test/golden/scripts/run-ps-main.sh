# ps as a container's main process (issue 11): it is PID 1 and lists itself once.
docker run --rm busybox ps
docker run --rm busybox ps -o pid,comm
docker run -d --name pst busybox sleep 100
docker exec pst ps
