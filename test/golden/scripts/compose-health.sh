# docker compose with a healthcheck and depends_on condition: service_healthy (issue 11,
# the WordPress + MySQL tutorial's shape): up waits for the dependency to be healthy
# before it starts the dependent (Waiting, Healthy events), ps shows (healthy), the
# container carries the healthcheck; env_file fills the environment, environment wins.
mkdir -p /srv/hc
printf 'GREETING=from-env-file\nWHO=file\n' > /srv/hc/app.env
printf 'services:\n  db:\n    image: httpd\n    env_file: app.env\n    environment:\n      WHO: environment\n    healthcheck:\n      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost:80/"]\n      interval: 2s\n      timeout: 5s\n      retries: 3\n  app:\n    image: busybox\n    command: sleep 1000\n    env_file:\n      - app.env\n    depends_on:\n      db:\n        condition: service_healthy\n' > /srv/hc/compose.yaml
docker compose -f /srv/hc/compose.yaml -p hc up -d
docker compose -f /srv/hc/compose.yaml -p hc ps --format '{{.Name}} {{.Status}}'
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' hc-db-1
docker inspect -f '{{json .Config.Healthcheck}}' hc-db-1
docker inspect -f '{{json .Config.Healthcheck}}' hc-app-1
docker compose -f /srv/hc/compose.yaml -p hc exec db sh -c 'echo $GREETING $WHO'
docker compose -f /srv/hc/compose.yaml -p hc exec app sh -c 'echo $GREETING $WHO'
docker inspect -f '{{json .Config.Labels}}' hc-app-1
docker compose -f /srv/hc/compose.yaml -p hc config
docker compose -f /srv/hc/compose.yaml -p hc down
