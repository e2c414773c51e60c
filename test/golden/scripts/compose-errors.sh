# docker compose errors a user meets: no file, bad YAML, keys the schema does not know, wrong
# types, an unknown service, undefined networks and dependencies, a dependency cycle, bad
# project names, an empty file, a missing external network, an overlapping subnet, a port
# already taken, `up` twice, down twice, the legacy docker-compose command (not installed
# on the rig: the host's sh answers). The error case of an unpullable image is left out
# (the rig's resolver answers compose's pull with a different error than docker pull's).
mkdir -p /srv/err /srv/err2
docker compose -f /srv/nope/compose.yaml -p err up -d
docker compose -p err up -d
cd /srv && docker compose up -d
cd /srv && docker compose ps
printf 'services:\n\tweb:\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml config
printf 'services:\n  web:\n    image: httpd: x\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml config
printf 'services:\n  web:\n    image: "httpd\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml config
printf 'services:\n  web:\n    ports: [80\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml config
printf 'services:\n  web:\n    image: httpd\n   ports: [1\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
docker compose -f /srv/err/compose.yaml -p err up -d
printf 'services:\n  web:\n    image: httpd\n    environment:\n      - A=1\n      B: 2\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml config
printf 'services:\n  web:\n    image: httpd\n    image: redis\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml config
printf 'services:\n  web:\n    image: httpd\n    portz:\n      - "80"\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\nfoo: 1\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: 5\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n    ports: 80\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n    command: 5\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n    networks:\n      front:\n        foo: 1\nnetworks:\n  front:\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n  image: redis\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    ports: ["80"]\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n    ports: ["99999:80"]\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n    ports: ["abc"]\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n    networks: [nonet]\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n    depends_on: [db]\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n    depends_on: [db]\n  db:\n    image: redis\n    depends_on: [web]\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services:\n  web:\n    image: httpd\n    volumes:\n      - data:/data\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf '' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'hello\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
printf 'services: {}\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml up -d
docker compose -f /srv/err/compose.yaml config
printf 'version: "3.8"\nservices:\n  web:\n    image: ${IMG:-httpd}\n    environment:\n      X: $HOME\n      Y: ${NOPE}\n      Z: $$HOME\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml config
printf 'services:\n  web:\n    image: httpd\n    networks: [front]\nnetworks:\n  front:\n    internal: yes\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml config
printf 'services:\n  web:\n    image: httpd\n    networks: [front]\nnetworks:\n  front:\n    internal: yes\n    bogus: 1\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml config
docker compose -f /srv/err/compose.yaml -p Bad_Name up -d
COMPOSE_PROJECT_NAME=Bad docker compose -f /srv/err/compose.yaml config
docker compose -f /srv/err/compose.yaml --progress bogus up -d
docker compose -f /srv/err/compose.yaml up --nosuch
docker compose -f /srv/err/compose.yaml nosuch
docker compose -f /srv/err/compose.yaml exec web
docker compose -f /srv/err/compose.yaml port web
docker compose -f /srv/err/compose.yaml port web abc
printf 'services:\n  web:\n    image: httpd\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml exec web ls
docker compose -f /srv/err/compose.yaml port web 80
docker compose -f /srv/err/compose.yaml up -d
docker compose -f /srv/err/compose.yaml up -d
docker compose -f /srv/err/compose.yaml --progress quiet up -d
docker compose -f /srv/err/compose.yaml port web 80
docker compose -f /srv/err/compose.yaml exec db ls
docker compose -f /srv/err/compose.yaml logs db
docker compose -f /srv/err/compose.yaml up -d db
docker compose -f /srv/err/compose.yaml ps db
docker compose -f /srv/err/compose.yaml stop db
docker compose -f /srv/err/compose.yaml ps
printf 'services:\n  Web:\n    image: httpd\n' > /srv/err/compose.yaml
docker compose -f /srv/err/compose.yaml --progress quiet up -d
docker compose -f /srv/err/compose.yaml ps -a --format '{{.Name}} {{.Service}} {{.State}}'
docker compose -f /srv/err/compose.yaml --progress quiet down --remove-orphans
docker compose -f /srv/err/compose.yaml down
docker compose -p err down
printf 'services:\n  a:\n    image: httpd\n    ports: ["8080:80"]\n  b:\n    image: httpd\n    ports: ["8080:80"]\n    depends_on: [a]\n' > /srv/err2/compose.yaml
docker compose -f /srv/err2/compose.yaml --progress quiet up -d
docker compose -f /srv/err2/compose.yaml ps -a --format '{{.Name}} {{.State}} {{.Ports}}'
docker compose -f /srv/err2/compose.yaml --progress quiet down
printf 'services:\n  a:\n    image: httpd\n    networks: [ext]\nnetworks:\n  ext:\n    external: true\n' > /srv/err2/compose.yaml
docker compose -f /srv/err2/compose.yaml --progress quiet up -d
docker network create --subnet 10.50.0.0/24 taken
printf 'services:\n  a:\n    image: httpd\n    networks: [front]\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.50.0.0/16\n' > /srv/err2/compose.yaml
docker compose -f /srv/err2/compose.yaml --progress quiet up -d
docker compose -f /srv/err2/compose.yaml ps -a
docker network ls
docker-compose version
docker-compose up -d
