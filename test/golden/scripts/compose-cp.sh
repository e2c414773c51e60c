# docker compose cp (issue 11): from a service to the client and back, --index with a
# scaled service, --all, a service the file lacks, a stopped service, a missing path,
# copying between services. Copies to several containers run concurrently and print their
# events in a random order: those lines use --progress quiet.
rm -rf /srv/cc && mkdir -p /srv/cc/out && cd /srv/cc && echo hello > /srv/cc/f
printf 'services:\n  web:\n    image: busybox\n    command: sleep 600\n  idle:\n    image: busybox\n    command: sleep 600\n' > /srv/cc/compose.yaml
docker compose -f /srv/cc/compose.yaml -p cc --progress quiet up -d --scale web=2
cd /srv/cc/out && docker compose -f /srv/cc/compose.yaml -p cc cp web:/etc/hostname .
cat /srv/cc/out/hostname | wc -c
cd /srv/cc && docker compose -f /srv/cc/compose.yaml -p cc --progress quiet cp ./f web:/tmp/
docker exec cc-web-1 cat /tmp/f
docker exec cc-web-2 cat /tmp/f
echo two > /srv/cc/g && cd /srv/cc && docker compose -f /srv/cc/compose.yaml -p cc cp --index 2 ./g web:/tmp/g
docker exec cc-web-2 cat /tmp/g
docker exec cc-web-1 ls /tmp
docker compose -f /srv/cc/compose.yaml -p cc cp --index 3 /srv/cc/g web:/tmp/g
docker compose -f /srv/cc/compose.yaml -p cc cp --index 2 web:/tmp/g /srv/cc/out/g2
cat /srv/cc/out/g2
docker compose -f /srv/cc/compose.yaml -p cc --progress quiet cp --all /srv/cc/g web:/tmp/all
docker exec cc-web-1 cat /tmp/all
docker compose -f /srv/cc/compose.yaml -p cc cp nosuch:/etc/hostname /srv/cc/out/x
docker compose -f /srv/cc/compose.yaml -p cc cp web:/nowhere /srv/cc/out/x
docker compose -f /srv/cc/compose.yaml -p cc --progress quiet cp /srv/cc/nofile web:/tmp/
docker compose -f /srv/cc/compose.yaml -p cc cp --index 1 /srv/cc/nofile web:/tmp/
docker compose -f /srv/cc/compose.yaml -p cc cp web:/etc/hostname idle:/tmp/
docker compose -f /srv/cc/compose.yaml -p cc cp /srv/cc/f /srv/cc/out/y
docker compose -f /srv/cc/compose.yaml -p cc cp web:/etc/hostname
docker compose -f /srv/cc/compose.yaml -p cc --progress quiet stop idle
docker compose -f /srv/cc/compose.yaml -p cc cp idle:/etc/hostname /srv/cc/out/idle
cat /srv/cc/out/idle | wc -c
docker compose -f /srv/cc/compose.yaml -p cc cp /srv/cc/f idle:/tmp/f
docker compose -f /srv/cc/compose.yaml -p cc cp --all idle:/etc/hostname /srv/cc/out/idle2
