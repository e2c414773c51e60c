/**
 * The files the images and machines ship: the real-docker rig's busybox-static
 * rootfs (every busybox 1.35 applet in /bin, OpenBSD nc and the wget wrapper in
 * /usr/bin, the redis stand-in in /usr/local/bin, /www/index.html), a Debian
 * machine's few files, and for every other image a tree built from data: its
 * executables, its userland base's files (os-release, passwd, group: one set
 * per base of src/sim/docker/userland.ts) and the named file sets its catalog
 * entry lists (nginx's html and entrypoint, httpd's htdocs, the webapp's
 * app.py). Paths Docker mounts or the kernel derives (/etc/hosts, /proc/sys,
 * /sys/class/net) come from virtual-files.ts instead.
 */
import { BUSYBOX_APPLETS, type Image } from '../docker/images.ts';
import type { UserlandName } from '../docker/userland.ts';
import { imageTree, type Entry } from './fs.ts';
import { DEV_MOUNTS, HOST_DEVICES } from '../docker/devices.ts';
import { lazyPart } from './lazy/parts.ts';


const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

const binaries = (dir: string, names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n) => [`${dir}/${n}`, '']));

/** The /dev runc builds in every container: its device nodes and links (empty files here; ls knows them: devices.ts). */
const CONTAINER_DEV_FILES = binaries('/dev', ['fd', 'full', 'null', 'ptmx', 'random', 'stderr', 'stdin', 'stdout', 'tty', 'urandom', 'zero']);
/** ...and the kernel filesystems mounted in it. */
const CONTAINER_DEV_DIRS = [...DEV_MOUNTS.keys()];

/** The rig's rootfs, shared by its busybox, httpd and redis images. */
export const RIG_ROOTFS: ReadonlyMap<string, Entry> = imageTree(
  {
    ...binaries('/bin', ['busybox', ...BUSYBOX_APPLETS]),
    ...binaries('/usr/bin', ['nc', 'wget']),
    ...binaries('/usr/local/bin', ['redis-reply', 'redis-server']),
    ...CONTAINER_DEV_FILES,
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n',
    '/etc/group': 'root:x:0:\n',
    '/etc/nsswitch.conf': 'hosts: files dns\n',
    '/www/index.html': IT_WORKS,
  },
  ['/proc', '/sys', '/tmp', '/root', '/usr/lib/ncbsd', ...CONTAINER_DEV_DIRS],
);

/** A Debian machine (docker host, lan, gw): only what the shells here read or write. */
export const DEBIAN_ROOTFS: ReadonlyMap<string, Entry> = imageTree(
  {
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
    '/etc/group': 'root:x:0:\n',
    ...Object.fromEntries([...HOST_DEVICES.keys()].map((path) => [path, ''])),
  },
  ['/proc', '/sys', '/tmp', '/root', '/usr/bin', '/usr/sbin', '/var/lib/docker'],
);

// ---- the official images ----------------------------------------------------------

/** Device nodes, mount points and scratch directories every image has once it runs. */
const SYSTEM_DIRS = ['/proc', '/sys', '/tmp', '/root', '/run', '/var', '/home', '/mnt', '/opt', '/srv', '/media'];

/** The executables of an image as empty files. */
const programs = (image: Image): Record<string, string> => Object.fromEntries([...image.executables].map((p) => [p, '']));

/** alpine-release 3.24.2 (os-release format of alpine-baselayout, as `cat /etc/os-release` shows it in alpine:3.24). */
const ALPINE_OS_RELEASE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.24.2\nPRETTY_NAME="Alpine Linux v3.24"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n';
/** alpine-baselayout-data's passwd and group. */
const ALPINE_PASSWD = [
  'root:x:0:0:root:/root:/bin/sh', 'bin:x:1:1:bin:/bin:/sbin/nologin', 'daemon:x:2:2:daemon:/sbin:/sbin/nologin', 'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin',
  'sync:x:5:0:sync:/sbin:/bin/sync', 'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown', 'halt:x:7:0:halt:/sbin:/sbin/halt', 'mail:x:8:12:mail:/var/mail:/sbin/nologin',
  'news:x:9:13:news:/usr/lib/news:/sbin/nologin', 'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin', 'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin',
  'ftp:x:21:21::/var/lib/ftp:/sbin/nologin', 'sshd:x:22:22:sshd:/dev/null:/sbin/nologin', 'games:x:35:35:games:/usr/games:/sbin/nologin',
  'ntp:x:123:123:NTP:/var/empty:/sbin/nologin', 'guest:x:405:100:guest:/dev/null:/sbin/nologin', 'nobody:x:65534:65534:nobody:/:/sbin/nologin',
].map((l) => `${l}\n`).join('');
const ALPINE_GROUP = [
  'root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'sys:x:3:root,bin', 'adm:x:4:root,daemon', 'tty:x:5:', 'disk:x:6:root', 'lp:x:7:lp',
  'kmem:x:9:', 'wheel:x:10:root', 'floppy:x:11:root', 'mail:x:12:mail', 'news:x:13:news', 'uucp:x:14:uucp', 'cron:x:16:cron', 'console:x:17:', 'audio:x:18:',
  'cdrom:x:19:', 'dialout:x:20:root', 'ftp:x:21:', 'sshd:x:22:', 'input:x:23:', 'tape:x:26:root', 'video:x:27:root', 'netdev:x:28:', 'kvm:x:34:kvm', 'games:x:35:',
  'shadow:x:42:', 'www-data:x:82:', 'users:x:100:games', 'ntp:x:123:', 'abuild:x:300:', 'utmp:x:406:', 'ping:x:999:', 'nogroup:x:65533:', 'nobody:x:65534:',
].map((l) => `${l}\n`).join('');

/** Debian 13 as of base-files 13.8+deb13u6 (the nginx and python images' package lists in repo-info). */
const DEBIAN_OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="13"\nVERSION="13 (trixie)"\nVERSION_CODENAME=trixie\nDEBIAN_VERSION_FULL=13.6\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';
/** Ubuntu 26.04.1, as `docker run ubuntu:26.04 cat /etc/os-release` prints it. */
const UBUNTU_OS_RELEASE = 'PRETTY_NAME="Ubuntu 26.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="26.04"\nVERSION="26.04.1 LTS (Resolute Raccoon)"\nVERSION_CODENAME=resolute\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=resolute\nLOGO=ubuntu-logo\n';
/** base-passwd's passwd and group (Debian 13 and Ubuntu 26.04 ship the same master files). */
const BASE_PASSWD = [
  'root:x:0:0:root:/root:/bin/bash', 'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin', 'bin:x:2:2:bin:/bin:/usr/sbin/nologin', 'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync', 'games:x:5:60:games:/usr/games:/usr/sbin/nologin', 'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin', 'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin', 'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
  'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin', 'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin', 'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin', 'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin', 'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin',
  '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin', 'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
].map((l) => `${l}\n`).join('');
const BASE_GROUP = [
  'root:x:0:', 'daemon:x:1:', 'bin:x:2:', 'sys:x:3:', 'adm:x:4:', 'tty:x:5:', 'disk:x:6:', 'lp:x:7:', 'mail:x:8:', 'news:x:9:', 'uucp:x:10:', 'man:x:12:',
  'proxy:x:13:', 'kmem:x:15:', 'dialout:x:20:', 'fax:x:21:', 'voice:x:22:', 'cdrom:x:24:', 'floppy:x:25:', 'tape:x:26:', 'sudo:x:27:', 'audio:x:29:', 'dip:x:30:',
  'www-data:x:33:', 'backup:x:34:', 'operator:x:37:', 'list:x:38:', 'irc:x:39:', 'src:x:40:', 'shadow:x:42:', 'utmp:x:43:', 'video:x:44:', 'sasl:x:45:',
  'plugdev:x:46:', 'staff:x:50:', 'games:x:60:', 'users:x:100:', 'nogroup:x:65534:',
].map((l) => `${l}\n`).join('');

/** nginx's welcome page (nginx/nginx docs/html/index.html since February 2026, 896 bytes) and its 50x page. */
export const NGINX_INDEX_HTML = "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, nginx is successfully installed and working.\nFurther configuration is required for the web server, reverse proxy, \nAPI gateway, load balancer, content cache, or other features.</p>\n\n<p>For online documentation and support please refer to\n<a href=\"https://nginx.org/\">nginx.org</a>.<br/>\nTo engage with the community please visit\n<a href=\"https://community.nginx.org/\">community.nginx.org</a>.<br/>\nFor enterprise grade support, professional services, additional \nsecurity features and capabilities please refer to\n<a href=\"https://f5.com/nginx\">f5.com/nginx</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n";
const NGINX_50X_HTML = "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>An error occurred.</h1>\n<p>Sorry, the page you are looking for is currently unavailable.<br/>\nPlease try again later.</p>\n<p>If you are the system administrator of this resource then you should check\nthe error log for details.</p>\n<p><em>Faithfully yours, nginx.</em></p>\n</body>\n</html>\n";

/**
 * The configuration the nginx.org package installs (nginx/pkg-oss, as the official image
 * ships it: `docker cp`'d copies of /etc/nginx/nginx.conf show pid /run/nginx.pid). The
 * entrypoint adds `listen  [::]:80;` to default.conf at start (nginx-process.ts).
 */
const NGINX_MAIN_CONF = "\nuser  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n    log_format  main  '$remote_addr - $remote_user [$time_local] \"$request\" '\n                      '$status $body_bytes_sent \"$http_referer\" '\n                      '\"$http_user_agent\" \"$http_x_forwarded_for\"';\n\n    access_log  /var/log/nginx/access.log  main;\n\n    sendfile        on;\n    #tcp_nopush     on;\n\n    keepalive_timeout  65;\n\n    #gzip  on;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n";
export const NGINX_DEFAULT_CONF = "server {\n    listen       80;\n    server_name  localhost;\n\n    #access_log  /var/log/nginx/host.access.log  main;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    #error_page  404              /404.html;\n\n    # redirect server error pages to the static page /50x.html\n    #\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n\n    # proxy the PHP scripts to Apache listening on 127.0.0.1:80\n    #\n    #location ~ \\.php$ {\n    #    proxy_pass   http://127.0.0.1;\n    #}\n\n    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000\n    #\n    #location ~ \\.php$ {\n    #    root           html;\n    #    fastcgi_pass   127.0.0.1:9000;\n    #    fastcgi_index  index.php;\n    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;\n    #    include        fastcgi_params;\n    #}\n\n    # deny access to .htaccess files, if Apache's document root\n    # concurs with nginx's one\n    #\n    #location ~ /\\.ht {\n    #    deny  all;\n    #}\n}\n\n";

/** nginx/docker-nginx mainline/debian: the entrypoint and its /docker-entrypoint.d scripts. */
const NGINX_ENTRYPOINT_FILES: Record<string, string> = {
  '/docker-entrypoint.sh': "#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nentrypoint_log() {\n    if [ -z \"${NGINX_ENTRYPOINT_QUIET_LOGS:-}\" ]; then\n        echo \"$@\"\n    fi\n}\n\nif [ \"$1\" = \"nginx\" ] || [ \"$1\" = \"nginx-debug\" ]; then\n    if /usr/bin/find \"/docker-entrypoint.d/\" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then\n        entrypoint_log \"$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\"\n\n        entrypoint_log \"$0: Looking for shell scripts in /docker-entrypoint.d/\"\n        find \"/docker-entrypoint.d/\" -follow -type f -print | sort -V | while read -r f; do\n            case \"$f\" in\n                *.envsh)\n                    if [ -x \"$f\" ]; then\n                        entrypoint_log \"$0: Sourcing $f\";\n                        . \"$f\"\n                    else\n                        # warn on shell scripts without exec bit\n                        entrypoint_log \"$0: Ignoring $f, not executable\";\n                    fi\n                    ;;\n                *.sh)\n                    if [ -x \"$f\" ]; then\n                        entrypoint_log \"$0: Launching $f\";\n                        \"$f\"\n                    else\n                        # warn on shell scripts without exec bit\n                        entrypoint_log \"$0: Ignoring $f, not executable\";\n                    fi\n                    ;;\n                *) entrypoint_log \"$0: Ignoring $f\";;\n            esac\n        done\n\n        entrypoint_log \"$0: Configuration complete; ready for start up\"\n    else\n        entrypoint_log \"$0: No files found in /docker-entrypoint.d/, skipping configuration\"\n    fi\nfi\n\nexec \"$@\"\n",
  '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh': "#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nentrypoint_log() {\n    if [ -z \"${NGINX_ENTRYPOINT_QUIET_LOGS:-}\" ]; then\n        echo \"$@\"\n    fi\n}\n\nME=$(basename \"$0\")\nDEFAULT_CONF_FILE=\"etc/nginx/conf.d/default.conf\"\n\n# check if we have ipv6 available\nif [ ! -f \"/proc/net/if_inet6\" ]; then\n    entrypoint_log \"$ME: info: ipv6 not available\"\n    exit 0\nfi\n\nif [ ! -f \"/$DEFAULT_CONF_FILE\" ]; then\n    entrypoint_log \"$ME: info: /$DEFAULT_CONF_FILE is not a file or does not exist\"\n    exit 0\nfi\n\n# check if the file can be modified, e.g. not on a r/o filesystem\ntouch /$DEFAULT_CONF_FILE 2>/dev/null || { entrypoint_log \"$ME: info: can not modify /$DEFAULT_CONF_FILE (read-only file system?)\"; exit 0; }\n\n# check if the file is already modified, e.g. on a container restart\ngrep -q \"listen  \\[::\\]:80;\" /$DEFAULT_CONF_FILE && { entrypoint_log \"$ME: info: IPv6 listen already enabled\"; exit 0; }\n\nif [ -f \"/etc/os-release\" ]; then\n    . /etc/os-release\nelse\n    entrypoint_log \"$ME: info: can not guess the operating system\"\n    exit 0\nfi\n\nentrypoint_log \"$ME: info: Getting the checksum of /$DEFAULT_CONF_FILE\"\n\ncase \"$ID\" in\n    \"debian\")\n        CHECKSUM=$(dpkg-query --show --showformat='${Conffiles}\\n' nginx | grep $DEFAULT_CONF_FILE | cut -d' ' -f 3)\n        echo \"$CHECKSUM  /$DEFAULT_CONF_FILE\" | md5sum -c - >/dev/null 2>&1 || {\n            entrypoint_log \"$ME: info: /$DEFAULT_CONF_FILE differs from the packaged version\"\n            exit 0\n        }\n        ;;\n    \"alpine\")\n        CHECKSUM=$(apk manifest nginx 2>/dev/null| grep $DEFAULT_CONF_FILE | cut -d' ' -f 1 | cut -d ':' -f 2)\n        echo \"$CHECKSUM  /$DEFAULT_CONF_FILE\" | sha1sum -c - >/dev/null 2>&1 || {\n            entrypoint_log \"$ME: info: /$DEFAULT_CONF_FILE differs from the packaged version\"\n            exit 0\n        }\n        ;;\n    *)\n        entrypoint_log \"$ME: info: Unsupported distribution\"\n        exit 0\n        ;;\nesac\n\n# enable ipv6 on default.conf listen sockets\nsed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' /$DEFAULT_CONF_FILE\n\nentrypoint_log \"$ME: info: Enabled listen on IPv6 in /$DEFAULT_CONF_FILE\"\n\nexit 0\n",
  '/docker-entrypoint.d/15-local-resolvers.envsh': "#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n\nLC_ALL=C\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n\n[ \"${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}\" ] || return 0\n\nNGINX_LOCAL_RESOLVERS=$(awk 'BEGIN{ORS=\" \"} $1==\"nameserver\" {if ($2 ~ \":\") {print \"[\"$2\"]\"} else {print $2}}' /etc/resolv.conf)\n\nNGINX_LOCAL_RESOLVERS=\"${NGINX_LOCAL_RESOLVERS% }\"\n\nexport NGINX_LOCAL_RESOLVERS\n",
  '/docker-entrypoint.d/20-envsubst-on-templates.sh': "#!/bin/sh\n\nset -e\n\nME=$(basename \"$0\")\n\nentrypoint_log() {\n    if [ -z \"${NGINX_ENTRYPOINT_QUIET_LOGS:-}\" ]; then\n        echo \"$@\"\n    fi\n}\n\nadd_stream_block() {\n  local conffile=\"/etc/nginx/nginx.conf\"\n\n  if grep -q -E \"\\s*stream\\s*\\{\" \"$conffile\"; then\n    entrypoint_log \"$ME: $conffile contains a stream block; include $stream_output_dir/*.conf to enable stream templates\"\n  else\n    # check if the file can be modified, e.g. not on a r/o filesystem\n    touch \"$conffile\" 2>/dev/null || { entrypoint_log \"$ME: info: can not modify $conffile (read-only file system?)\"; exit 0; }\n    entrypoint_log \"$ME: Appending stream block to $conffile to include $stream_output_dir/*.conf\"\n    cat << END >> \"$conffile\"\n# added by \"$ME\" on \"$(date)\"\nstream {\n  include $stream_output_dir/*.conf;\n}\nEND\n  fi\n}\n\nauto_envsubst() {\n  local template_dir=\"${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}\"\n  local suffix=\"${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}\"\n  local output_dir=\"${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}\"\n  local stream_suffix=\"${NGINX_ENVSUBST_STREAM_TEMPLATE_SUFFIX:-.stream-template}\"\n  local stream_output_dir=\"${NGINX_ENVSUBST_STREAM_OUTPUT_DIR:-/etc/nginx/stream-conf.d}\"\n  local filter=\"${NGINX_ENVSUBST_FILTER:-}\"\n\n  local template defined_envs relative_path output_path subdir\n  defined_envs=$(printf '${%s} ' $(awk \"END { for (name in ENVIRON) { print ( name ~ /${filter}/ ) ? name : \\\"\\\" } }\" < /dev/null ))\n  [ -d \"$template_dir\" ] || return 0\n  if [ ! -w \"$output_dir\" ]; then\n    entrypoint_log \"$ME: ERROR: $template_dir exists, but $output_dir is not writable\"\n    return 0\n  fi\n  find \"$template_dir\" -follow -type f -name \"*$suffix\" -print | while read -r template; do\n    relative_path=\"${template#\"$template_dir/\"}\"\n    output_path=\"$output_dir/${relative_path%\"$suffix\"}\"\n    subdir=$(dirname \"$relative_path\")\n    # create a subdirectory where the template file exists\n    mkdir -p \"$output_dir/$subdir\"\n    entrypoint_log \"$ME: Running envsubst on $template to $output_path\"\n    envsubst \"$defined_envs\" < \"$template\" > \"$output_path\"\n  done\n\n  # Print the first file with the stream suffix, this will be false if there are none\n  if test -n \"$(find \"$template_dir\" -name \"*$stream_suffix\" -print -quit)\"; then\n    mkdir -p \"$stream_output_dir\"\n    if [ ! -w \"$stream_output_dir\" ]; then\n      entrypoint_log \"$ME: ERROR: $template_dir exists, but $stream_output_dir is not writable\"\n      return 0\n    fi\n    add_stream_block\n    find \"$template_dir\" -follow -type f -name \"*$stream_suffix\" -print | while read -r template; do\n      relative_path=\"${template#\"$template_dir/\"}\"\n      output_path=\"$stream_output_dir/${relative_path%\"$stream_suffix\"}\"\n      subdir=$(dirname \"$relative_path\")\n      # create a subdirectory where the template file exists\n      mkdir -p \"$stream_output_dir/$subdir\"\n      entrypoint_log \"$ME: Running envsubst on $template to $output_path\"\n      envsubst \"$defined_envs\" < \"$template\" > \"$output_path\"\n    done\n  fi\n}\n\nauto_envsubst\n\nexit 0\n",
  '/docker-entrypoint.d/30-tune-worker-processes.sh': "#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n\nLC_ALL=C\nME=$(basename \"$0\")\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n\n[ \"${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}\" ] || exit 0\n\ntouch /etc/nginx/nginx.conf 2>/dev/null || { echo >&2 \"$ME: error: can not modify /etc/nginx/nginx.conf (read-only file system?)\"; exit 0; }\n\nceildiv() {\n  num=$1\n  div=$2\n  echo $(( (num + div - 1) / div ))\n}\n\nget_cpuset() {\n  cpusetroot=$1\n  cpusetfile=$2\n  ncpu=0\n  [ -f \"$cpusetroot/$cpusetfile\" ] || return 1\n  for token in $( tr ',' ' ' < \"$cpusetroot/$cpusetfile\" ); do\n    case \"$token\" in\n      *-*)\n        count=$( seq $(echo \"$token\" | tr '-' ' ') | wc -l )\n        ncpu=$(( ncpu+count ))\n        ;;\n      *)\n        ncpu=$(( ncpu+1 ))\n        ;;\n    esac\n  done\n  echo \"$ncpu\"\n}\n\nget_quota() {\n  cpuroot=$1\n  ncpu=0\n  [ -f \"$cpuroot/cpu.cfs_quota_us\" ] || return 1\n  [ -f \"$cpuroot/cpu.cfs_period_us\" ] || return 1\n  cfs_quota=$( cat \"$cpuroot/cpu.cfs_quota_us\" )\n  cfs_period=$( cat \"$cpuroot/cpu.cfs_period_us\" )\n  [ \"$cfs_quota\" = \"-1\" ] && return 1\n  [ \"$cfs_period\" = \"0\" ] && return 1\n  ncpu=$( ceildiv \"$cfs_quota\" \"$cfs_period\" )\n  [ \"$ncpu\" -gt 0 ] || return 1\n  echo \"$ncpu\"\n}\n\nget_quota_v2() {\n  cpuroot=$1\n  ncpu=0\n  [ -f \"$cpuroot/cpu.max\" ] || return 1\n  cfs_quota=$( cut -d' ' -f 1 < \"$cpuroot/cpu.max\" )\n  cfs_period=$( cut -d' ' -f 2 < \"$cpuroot/cpu.max\" )\n  [ \"$cfs_quota\" = \"max\" ] && return 1\n  [ \"$cfs_period\" = \"0\" ] && return 1\n  ncpu=$( ceildiv \"$cfs_quota\" \"$cfs_period\" )\n  [ \"$ncpu\" -gt 0 ] || return 1\n  echo \"$ncpu\"\n}\n\nget_cgroup_v1_path() {\n  needle=$1\n  found=\n  foundroot=\n  mountpoint=\n\n  [ -r \"/proc/self/mountinfo\" ] || return 1\n  [ -r \"/proc/self/cgroup\" ] || return 1\n\n  while IFS= read -r line; do\n    case \"$needle\" in\n      \"cpuset\")\n        case \"$line\" in\n          *cpuset*)\n            found=$( echo \"$line\" | cut -d ' ' -f 4,5 )\n            break\n            ;;\n        esac\n        ;;\n      \"cpu\")\n        case \"$line\" in\n          *cpuset*)\n            ;;\n          *cpu,cpuacct*|*cpuacct,cpu|*cpuacct*|*cpu*)\n            found=$( echo \"$line\" | cut -d ' ' -f 4,5 )\n            break\n            ;;\n        esac\n    esac\n  done << __EOF__\n$( grep -F -- '- cgroup ' /proc/self/mountinfo )\n__EOF__\n\n  while IFS= read -r line; do\n    controller=$( echo \"$line\" | cut -d: -f 2 )\n    case \"$needle\" in\n      \"cpuset\")\n        case \"$controller\" in\n          cpuset)\n            mountpoint=$( echo \"$line\" | cut -d: -f 3 )\n            break\n            ;;\n        esac\n        ;;\n      \"cpu\")\n        case \"$controller\" in\n          cpu,cpuacct|cpuacct,cpu|cpuacct|cpu)\n            mountpoint=$( echo \"$line\" | cut -d: -f 3 )\n            break\n            ;;\n        esac\n        ;;\n    esac\ndone << __EOF__\n$( grep -F -- 'cpu' /proc/self/cgroup )\n__EOF__\n\n  case \"${found%% *}\" in\n    \"/\")\n      foundroot=\"${found##* }$mountpoint\"\n      ;;\n    \"$mountpoint\")\n      foundroot=\"${found##* }\"\n      ;;\n  esac\n  echo \"$foundroot\"\n}\n\nget_cgroup_v2_path() {\n  found=\n  foundroot=\n  mountpoint=\n\n  [ -r \"/proc/self/mountinfo\" ] || return 1\n  [ -r \"/proc/self/cgroup\" ] || return 1\n\n  while IFS= read -r line; do\n    found=$( echo \"$line\" | cut -d ' ' -f 4,5 )\n  done << __EOF__\n$( grep -F -- '- cgroup2 ' /proc/self/mountinfo )\n__EOF__\n\n  while IFS= read -r line; do\n    mountpoint=$( echo \"$line\" | cut -d: -f 3 )\ndone << __EOF__\n$( grep -F -- '0::' /proc/self/cgroup )\n__EOF__\n\n  case \"${found%% *}\" in\n    \"\")\n      return 1\n      ;;\n    \"/\")\n      foundroot=\"${found##* }$mountpoint\"\n      ;;\n    \"$mountpoint\" | /../*)\n      foundroot=\"${found##* }\"\n      ;;\n  esac\n  echo \"$foundroot\"\n}\n\nncpu_online=$( getconf _NPROCESSORS_ONLN )\nncpu_cpuset=\nncpu_quota=\nncpu_cpuset_v2=\nncpu_quota_v2=\n\ncpuset=$( get_cgroup_v1_path \"cpuset\" ) && ncpu_cpuset=$( get_cpuset \"$cpuset\" \"cpuset.effective_cpus\" ) || ncpu_cpuset=$ncpu_online\ncpu=$( get_cgroup_v1_path \"cpu\" ) && ncpu_quota=$( get_quota \"$cpu\" ) || ncpu_quota=$ncpu_online\ncgroup_v2=$( get_cgroup_v2_path ) && ncpu_cpuset_v2=$( get_cpuset \"$cgroup_v2\" \"cpuset.cpus.effective\" ) || ncpu_cpuset_v2=$ncpu_online\ncgroup_v2=$( get_cgroup_v2_path ) && ncpu_quota_v2=$( get_quota_v2 \"$cgroup_v2\" ) || ncpu_quota_v2=$ncpu_online\n\nncpu=$( printf \"%s\\n%s\\n%s\\n%s\\n%s\\n\" \\\n               \"$ncpu_online\" \\\n               \"$ncpu_cpuset\" \\\n               \"$ncpu_quota\" \\\n               \"$ncpu_cpuset_v2\" \\\n               \"$ncpu_quota_v2\" \\\n               | sort -n \\\n               | head -n 1 )\n\nsed -i.bak -r 's/^(worker_processes)(.*)$/# Commented out by '\"$ME\"' on '\"$(date)\"'\\n#\\1\\2\\n\\1 '\"$ncpu\"';/' /etc/nginx/nginx.conf\n",
};

/** Debian 12 (base-files 12.4+deb12u12), as the bookworm images ship it. */
const DEBIAN_12_OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';
const ubuntuOsRelease = (version: string, pretty: string, codename: string, logo: boolean) =>
  `PRETTY_NAME="Ubuntu ${version} LTS"\nNAME="Ubuntu"\nVERSION_ID="${version.slice(0, 5)}"\nVERSION="${version} LTS (${pretty})"\nVERSION_CODENAME=${codename}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=${codename}\n${logo ? 'LOGO=ubuntu-logo\n' : ''}`;
/** Ubuntu 14.04's lsb-era os-release (the last trusty image, 14.04.6). */
const UBUNTU_14_OS_RELEASE = 'NAME="Ubuntu"\nVERSION="14.04.6 LTS, Trusty Tahr"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 14.04.6 LTS"\nVERSION_ID="14.04"\nHOME_URL="http://www.ubuntu.com/"\nSUPPORT_URL="http://help.ubuntu.com/"\nBUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"\n';
const UBUNTU_12_OS_RELEASE = 'NAME="Ubuntu"\nVERSION="12.04.4 LTS, Precise Pangolin"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu precise (12.04.4 LTS)"\nVERSION_ID="12.04"\n';
const OL9_OS_RELEASE = 'NAME="Oracle Linux Server"\nVERSION="9.6"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVARIANT_ID="server"\nVERSION_ID="9.6"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Oracle Linux Server 9.6"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:9:6:server"\nHOME_URL="https://linux.oracle.com/"\nBUG_REPORT_URL="https://github.com/oracle/oracle-linux"\n';
const ALPINE_320_OS_RELEASE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.8\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n';
/** The busybox image's /etc (buildroot's skeleton, as docker-library/busybox builds it). */
const BUSYBOX_PASSWD = 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n';
const BUSYBOX_GROUP = 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n';
const OL9_PASSWD = 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nadm:x:3:4:adm:/var/adm:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/spool/mail:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\ngames:x:12:100:games:/usr/games:/sbin/nologin\nftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n';
const UBUNTU_USER = { passwd: 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n', group: 'ubuntu:x:1000:\n' };

/** What each userland base puts in /etc, and the directories it has besides the system ones. */
interface BaseFiles {
  files: Record<string, string>;
  dirs: readonly string[];
  /** Accounts the images of this base add to /etc/passwd and /etc/group go after these. */
  passwd: string;
  group: string;
}

const debianBase = (osRelease: string, version: string): BaseFiles => ({ files: { '/etc/os-release': osRelease, '/etc/debian_version': `${version}\n` }, dirs: ['/usr/local/bin'], passwd: BASE_PASSWD, group: BASE_GROUP });
const ubuntuBase = (osRelease: string, user: boolean): BaseFiles => ({ files: { '/etc/os-release': osRelease }, dirs: user ? ['/home/ubuntu'] : [], passwd: BASE_PASSWD + (user ? UBUNTU_USER.passwd : ''), group: BASE_GROUP + (user ? UBUNTU_USER.group : '') });

const BASE_FILES: Record<UserlandName, BaseFiles> = {
  alpine: { files: { '/etc/os-release': ALPINE_OS_RELEASE, '/etc/alpine-release': '3.24.2\n' }, dirs: ['/etc/apk', '/lib', '/var/cache/apk'], passwd: ALPINE_PASSWD, group: ALPINE_GROUP },
  busybox: { files: {}, dirs: ['/var/www', '/home'], passwd: BUSYBOX_PASSWD, group: BUSYBOX_GROUP },
  'debian-trixie': debianBase(DEBIAN_OS_RELEASE, '13.6'),
  'debian-bookworm': debianBase(DEBIAN_12_OS_RELEASE, '12.12'),
  'ubuntu-resolute': ubuntuBase(UBUNTU_OS_RELEASE, true),
  'ubuntu-noble': ubuntuBase(ubuntuOsRelease('24.04.4', 'Noble Numbat', 'noble', true), true),
  'ubuntu-jammy': ubuntuBase(ubuntuOsRelease('22.04.5', 'Jammy Jellyfish', 'jammy', false), false),
  'ubuntu-trusty': ubuntuBase(UBUNTU_14_OS_RELEASE, false),
  'ubuntu-precise': ubuntuBase(UBUNTU_12_OS_RELEASE, false),
  scratch: { files: {}, dirs: [], passwd: '', group: '' },
  oraclelinux: { files: { '/etc/os-release': OL9_OS_RELEASE, '/etc/oracle-release': 'Oracle Linux Server release 9.6\n' }, dirs: [], passwd: OL9_PASSWD, group: 'root:x:0:\nbin:x:1:\ndaemon:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmem:x:8:\nkmem:x:9:\nwheel:x:10:\nmail:x:12:\nnobody:x:65534:\n' },
};

/** A named set of files an image adds to its base (its catalog entry's `fileSets`), with the accounts it creates. */
interface FileSet {
  files?: Record<string, string>;
  /** Files whose text lives in a lazy part (a large page): read when the image's tree is first built. */
  lazyFiles?: () => Record<string, string>;
  dirs?: readonly string[];
  passwd?: string;
  group?: string;
}

/** docker-training/webapp's webapp/app.py (Flask, port 5000). */
const WEBAPP_APP_PY = "import os\n\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/')\ndef hello():\n    provider = str(os.environ.get('PROVIDER', 'world'))\n    return 'Hello '+provider+'!'\n\nif __name__ == '__main__':\n    # Bind to PORT if defined, otherwise default to 5000.\n    port = int(os.environ.get('PORT', 5000))\n    app.run(host='0.0.0.0', port=port)\n";

export const FILE_SETS: Record<string, FileSet> = {
  nginx: {
    files: { '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML, '/usr/share/nginx/html/50x.html': NGINX_50X_HTML, '/etc/nginx/nginx.conf': NGINX_MAIN_CONF, '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF, ...NGINX_ENTRYPOINT_FILES },
    dirs: ['/etc/nginx/conf.d', '/var/log/nginx', '/var/cache/nginx'],
    passwd: 'nginx:x:101:101:nginx user:/nonexistent:/bin/false\n',
    group: 'nginx:x:101:\n',
  },
  /** Apache's default htdocs/index.html (httpd's own docs/docroot). */
  httpd: { files: { '/usr/local/apache2/htdocs/index.html': IT_WORKS }, dirs: ['/usr/local/apache2/conf', '/usr/local/apache2/logs', '/usr/local/apache2/cgi-bin'] },
  'alpine-3.20': { files: { '/etc/os-release': ALPINE_320_OS_RELEASE, '/etc/alpine-release': '3.20.8\n' } },
  'python-3.14': { dirs: ['/usr/local/lib/python3.14'] },
  'python-3.12': { dirs: ['/usr/local/lib/python3.12'] },
  /** caddy-docker's /etc/caddy/Caddyfile and welcome page (caddy/image-files.ts), with its XDG directories. */
  caddy: {
    lazyFiles: () => ({ '/etc/caddy/Caddyfile': lazyPart('caddy').CADDY_DEFAULT_CADDYFILE, '/usr/share/caddy/index.html': lazyPart('caddy').CADDY_WELCOME_HTML }),
    dirs: ['/config/caddy', '/data/caddy', '/etc/caddy', '/usr/share/caddy'],
  },
  webapp: { files: { '/opt/webapp/app.py': WEBAPP_APP_PY, '/opt/webapp/Procfile': 'web: python app.py\n', '/opt/webapp/requirements.txt': 'Flask\n' } },
};

/** The tree of an image built from data: executables, base files, file sets (later ones win), /dev. */
function dataRootfs(image: Image): ReadonlyMap<string, Entry> {
  const base = BASE_FILES[image.base!];
  const sets = (image.fileSets ?? []).map((name) => FILE_SETS[name] ?? {});
  const files: Record<string, string> = {
    ...programs(image),
    ...CONTAINER_DEV_FILES,
    ...base.files,
    '/etc/passwd': base.passwd + sets.map((s) => s.passwd ?? '').join(''),
    '/etc/group': base.group + sets.map((s) => s.group ?? '').join(''),
  };
  for (const set of sets) Object.assign(files, set.files ?? {}, set.lazyFiles?.() ?? {});
  const dirs = [...SYSTEM_DIRS, ...CONTAINER_DEV_DIRS, ...base.dirs, ...sets.flatMap((s) => s.dirs ?? [])];
  if (image.workingDir) dirs.push(image.workingDir);
  for (const v of image.volumes ?? []) dirs.push(v);
  return imageTree(files, dirs);
}

const built = new Map<string, ReadonlyMap<string, Entry>>();

/** The file tree of an image: the rig's shared rootfs, or the one its data describes (built on first use). */
export function rootfsOf(image: Image): ReadonlyMap<string, Entry> {
  if (image.built) return image.built.tree;
  if (image.base === undefined) return RIG_ROOTFS;
  let tree = built.get(image.id);
  if (!tree) built.set(image.id, (tree = dataRootfs(image)));
  return tree;
}
