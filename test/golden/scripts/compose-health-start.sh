# docker compose start waits for a service_healthy dependency as up does (compose's
# startService calls waitDependencies): after stop, start shows Waiting and Healthy for
# db again before app starts (issue 11).
mkdir -p /srv/hs
printf 'services:\n  db:\n    image: httpd\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 2s\n  app:\n    image: busybox\n    command: sleep 1000\n    depends_on:\n      db:\n        condition: service_healthy\n' > /srv/hs/compose.yaml
docker compose -f /srv/hs/compose.yaml -p hs up -d
docker compose -f /srv/hs/compose.yaml -p hs stop
docker inspect -f '{{.State.Health.Status}}' hs-db-1
docker compose -f /srv/hs/compose.yaml -p hs start
docker compose -f /srv/hs/compose.yaml -p hs ps --format '{{.Name}} {{.Status}}'
docker compose -f /srv/hs/compose.yaml -p hs start app
docker compose -f /srv/hs/compose.yaml -p hs down
