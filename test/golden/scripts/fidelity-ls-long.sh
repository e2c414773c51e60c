# Issue 14 (fidelity discipline): ls's long listing, busybox's in a container and GNU's on
# the host: modes, links, owners, sizes, -a, -h, -n, -d, the image's symlinks, errors and an unknown
# option. The dates are the rig's clock, so each listing goes through sed, which puts DATE
# in their place.
docker run -itd --name c1 busybox
docker exec c1 sh -c 'echo hello > /tmp/a.txt; mkdir /tmp/d'
docker exec c1 ls -l /tmp | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
docker exec c1 ls -la /tmp | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
docker exec c1 ls -lh /tmp /bin/busybox | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
docker exec c1 ls -ln /tmp/a.txt | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
docker exec c1 ls -ld /tmp / /root | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
docker exec c1 ls -l /etc | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
docker exec c1 ls -l /bin | head -4 | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
docker exec c1 ls -l /nosuch
docker exec c1 ls -y
rm -rf /srv/lsdemo && mkdir -p /srv/lsdemo/sub && printf 'hello\n' > /srv/lsdemo/a.txt
ls -l /srv/lsdemo | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
ls -la /srv/lsdemo | grep -v ' \.\.$' | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
ls -lh /srv/lsdemo | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
ls -ln /srv/lsdemo/a.txt | sed -E 's/ [A-Z][a-z]{2} [ 1-3][0-9] ([0-9]{2}:[0-9]{2}| [0-9]{4}) / DATE /'
ls -l /srv/nosuch
ls -y
