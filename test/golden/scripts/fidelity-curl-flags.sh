# Issue 14 (fidelity discipline): the host's curl (7.88.1) and its common flags against a
# published busybox httpd: -s -S -f -i -I -v -o -O -L -m --connect-timeout -w -H -X -d
# --data-binary -u -A --resolve -4 -6 (to an address) -k --max-time, the clusters tutorials use (-sSf), and
# curl's own texts for unknown options, missing values and bad numbers. Headers that carry
# the time (Date, Last-Modified, ETag) are filtered out; lines without -s are left out (the
# progress meter on stderr shows measured speeds), and timeouts are silent (1000 or 1001 ms).
docker run -d --name web -p 8080:80 httpd
curl -s http://127.0.0.1:8080/
curl -s http://127.0.0.1:8081/
curl -sS http://127.0.0.1:8081/
curl -sSf http://127.0.0.1:8080/nope
curl -sSf http://127.0.0.1:8080/
curl -si http://127.0.0.1:8080/ | grep -v -e Date: -e Last-Modified: -e ETag:
curl -sI http://127.0.0.1:8080/ | grep -v -e Date: -e Last-Modified: -e ETag:
curl -sI http://127.0.0.1:8080/nope | grep -v -e Date: -e Last-Modified: -e ETag:
curl -sv -o /dev/null http://127.0.0.1:8080/ 2>&1 | grep -v -e Date: -e Last-Modified: -e ETag:
curl -sv -u user:pass -H 'X-Test: 1' -A tester -o /dev/null http://127.0.0.1:8080/ 2>&1 | grep -v -e Date: -e Last-Modified: -e ETag:
curl -sv -d a=1 -o /dev/null http://127.0.0.1:8080/ 2>&1 | grep -v -e Date: -e Last-Modified: -e ETag:
curl -sv http://127.0.0.1:8081/ 2>&1
curl -sv http://nosuch.example/ 2>&1
curl -s -o /tmp/curl-page.html http://127.0.0.1:8080/
curl -sS -o /nosuchdir/page.html http://127.0.0.1:8080/
cat /tmp/curl-page.html
cd /tmp && curl -sO http://127.0.0.1:8080/index.html && cat /tmp/index.html
curl -sSO http://127.0.0.1:8080/
curl -sSL http://127.0.0.1:8080/
curl -s -w '%{http_code}\n' -o /dev/null http://127.0.0.1:8080/
curl -s -w '%{http_code}\n' -o /dev/null http://127.0.0.1:8080/nope
curl -s -w '%{http_code} %{remote_ip}\n' http://127.0.0.1:8081/
curl -s -w '%{nosuch}\n' -o /dev/null http://127.0.0.1:8080/
curl -s -H 'X-Test: 1' http://127.0.0.1:8080/
curl -s -X POST http://127.0.0.1:8080/
curl -sSf -X POST http://127.0.0.1:8080/
curl -s -d a=1 http://127.0.0.1:8080/
curl -s --data-binary @/etc/hostname http://127.0.0.1:8080/
curl -s --data-binary @/nosuch/file http://127.0.0.1:8080/
curl -s -u user:pass http://127.0.0.1:8080/
curl -s --resolve web.test:8080:127.0.0.1 http://web.test:8080/
curl -s -4 http://localhost:8080/
curl -sS -6 http://127.0.0.1:8080/
curl -s -k http://127.0.0.1:8080/
curl -s --max-time 2 http://127.0.0.1:8080/
curl -s -m 1 http://192.168.1.99/
curl -s --connect-timeout 1 http://192.168.1.99/
curl -sS http://nosuch.example/
curl -s http://nosuch.example/
curl --foo http://127.0.0.1:8080/
curl -9 http://127.0.0.1:8080/
curl
curl -m x http://127.0.0.1:8080/
curl -o
curl --max-time=2 http://127.0.0.1:8080/
curl --no-max-time 2 http://127.0.0.1:8080/
curl -m2x http://127.0.0.1:8080/
curl -sS http://127.0.0.1:99999/
lan$ curl -sS http://192.168.1.108:8080/
