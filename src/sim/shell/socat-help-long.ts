/**
 * socat 1.8.0.3's -hh and -hhh (xiohelp.c xioopenhelp() at levels 1 and 2): the
 * usage and address list of -h, at -hhh with each address alias ("is an alias name
 * for") and the two short forms, then every address option with its groups, phase
 * and type (xiohelp_option: tabs to columns 16, 24 and 24). -hh lists each option
 * once, by its nickname where it has one; -hhh lists every name, an alias pointing
 * to its option. The table below is that build's output, read back into rows: the
 * 1.8.0.3 tarball (github.com/codacy-open-source-projects-scans/socat, commit
 * 681f14a) configured with its defaults (OpenSSL, readline) and built on Debian 12
 * (glibc 2.36 and Linux 6.1 headers), the same build whose `socat -h` socat-help.ts
 * holds byte for byte. Which options exist depends on the headers a build sees:
 * Alpine's package (musl) is assumed to list the same, which vethlab has not seen.
 */
import { SOCAT_ADDRESS_HELP, SOCAT_USAGE } from './socat-help.ts';

/**
 * xioopen.c's addressnames in table order: a canonical name (its -h line is
 * reused), or ALIAS=CANONICAL.
 */
const ADDRESS_NAMES = [
  '-=STDIO ABSTRACT=ABSTRACT-CLIENT ABSTRACT-CLIENT ABSTRACT-CONNECT ABSTRACT-LISTEN ABSTRACT-RECV',
  'ABSTRACT-RECVFROM ABSTRACT-SENDTO ACCEPT=ACCEPT-FD ACCEPT-FD CREAT=CREATE CREATE DATAGRAM=SOCKET-DATAGRAM',
  'DCCP=DCCP-CONNECT DCCP-CONNECT DCCP-L=DCCP-LISTEN DCCP-LISTEN DCCP4=DCCP4-CONNECT DCCP4-CONNECT',
  'DCCP4-L=DCCP4-LISTEN DCCP4-LISTEN DCCP6=DCCP6-CONNECT DCCP6-CONNECT DCCP6-L=DCCP6-LISTEN DCCP6-LISTEN',
  'DGRAM=SOCKET-DATAGRAM DTLS=OPENSSL-DTLS-CLIENT DTLS-C=OPENSSL-DTLS-CLIENT DTLS-CLIENT=OPENSSL-DTLS-CLIENT',
  'DTLS-CONNECT=OPENSSL-DTLS-CLIENT DTLS-L=OPENSSL-DTLS-SERVER DTLS-LISTEN=OPENSSL-DTLS-SERVER',
  'DTLS-SERVER=OPENSSL-DTLS-SERVER ECHO=PIPE EXEC FD FIFO=PIPE FILE=OPEN GOPEN IF=INTERFACE INET=TCP-CONNECT',
  'INET-L=TCP-LISTEN INET-LISTEN=TCP-LISTEN INET4=TCP4-CONNECT INET4-L=TCP4-LISTEN INET4-LISTEN=TCP4-LISTEN',
  'INET6=TCP6-CONNECT INET6-L=TCP6-LISTEN INET6-LISTEN=TCP6-LISTEN INTERFACE IP=IP-SENDTO IP-DATAGRAM',
  'IP-DGRAM=IP-DATAGRAM IP-RECV IP-RECVFROM IP-SEND=IP-SENDTO IP-SENDTO IP4=IP4-SENDTO IP4-DATAGRAM',
  'IP4-DGRAM=IP4-DATAGRAM IP4-RECV IP4-RECVFROM IP4-SEND=IP4-SENDTO IP4-SENDTO IP6=IP6-SENDTO IP6-DATAGRAM',
  'IP6-DGRAM=IP6-DATAGRAM IP6-RECV IP6-RECVFROM IP6-SEND=IP6-SENDTO IP6-SENDTO LOCAL=UNIX-CONNECT OPEN OPENSSL',
  'OPENSSL-CONNECT=OPENSSL OPENSSL-DTLS-CLIENT OPENSSL-DTLS-CONNECT=OPENSSL-DTLS-CLIENT',
  'OPENSSL-DTLS-LISTEN=OPENSSL-DTLS-SERVER OPENSSL-DTLS-SERVER OPENSSL-LISTEN PIPE POSIXMQ=POSIXMQ-BIDIRECTIONAL',
  'POSIXMQ-BIDIRECTIONAL POSIXMQ-READ POSIXMQ-RECEIVE POSIXMQ-RECV=POSIXMQ-RECEIVE POSIXMQ-SEND POSIXMQ-WRITE',
  'PROXY PROXY-CONNECT=PROXY PTY READLINE SCTP=SCTP-CONNECT SCTP-CONNECT SCTP-L=SCTP-LISTEN SCTP-LISTEN',
  'SCTP4=SCTP4-CONNECT SCTP4-CONNECT SCTP4-L=SCTP4-LISTEN SCTP4-LISTEN SCTP6=SCTP6-CONNECT SCTP6-CONNECT',
  'SCTP6-L=SCTP6-LISTEN SCTP6-LISTEN SENDTO=SOCKET-SENDTO SHELL SOCKET-CONNECT SOCKET-DATAGRAM SOCKET-LISTEN',
  'SOCKET-RECV SOCKET-RECVFROM SOCKET-SENDTO SOCKETPAIR SOCKS=SOCKS4 SOCKS4 SOCKS4A SOCKS5=SOCKS5-CONNECT',
  'SOCKS5-BIND=SOCKS5-LISTEN SOCKS5-CONNECT SOCKS5-LISTEN SSL=OPENSSL SSL-L=OPENSSL-LISTEN STDERR STDIN STDIO',
  'STDOUT SYSTEM TCP=TCP-CONNECT TCP-CONNECT TCP-L=TCP-LISTEN TCP-LISTEN TCP4=TCP4-CONNECT TCP4-CONNECT',
  'TCP4-L=TCP4-LISTEN TCP4-LISTEN TCP6=TCP6-CONNECT TCP6-CONNECT TCP6-L=TCP6-LISTEN TCP6-LISTEN TUN',
  'UDP=UDP-CONNECT UDP-CONNECT UDP-DATAGRAM UDP-DGRAM=UDP-DATAGRAM UDP-L=UDP-LISTEN UDP-LISTEN UDP-RECV',
  'UDP-RECVFROM UDP-SEND=UDP-SENDTO UDP-SENDTO UDP4=UDP4-CONNECT UDP4-CONNECT UDP4-DATAGRAM',
  'UDP4-DGRAM=UDP4-DATAGRAM UDP4-L=UDP4-LISTEN UDP4-LISTEN UDP4-RECV UDP4-RECVFROM UDP4-SEND=UDP4-SENDTO',
  'UDP4-SENDTO UDP6=UDP6-CONNECT UDP6-CONNECT UDP6-DATAGRAM UDP6-DGRAM=UDP6-DATAGRAM UDP6-L=UDP6-LISTEN',
  'UDP6-LISTEN UDP6-RECV UDP6-RECVFROM UDP6-SEND=UDP6-SENDTO UDP6-SENDTO UDPLITE=UDPLITE-CONNECT UDPLITE-CONNECT',
  'UDPLITE-DATAGRAM UDPLITE-DGRAM=UDPLITE-DATAGRAM UDPLITE-L=UDPLITE-LISTEN UDPLITE-LISTEN UDPLITE-RECV',
  'UDPLITE-RECVFROM UDPLITE-SEND=UDPLITE-SENDTO UDPLITE-SENDTO UDPLITE4=UDPLITE4-CONNECT UDPLITE4-CONNECT',
  'UDPLITE4-DATAGRAM UDPLITE4-DGRAM=UDPLITE4-DATAGRAM UDPLITE4-L=UDPLITE4-LISTEN UDPLITE4-LISTEN UDPLITE4-RECV',
  'UDPLITE4-RECVFROM UDPLITE4-SEND=UDPLITE4-SENDTO UDPLITE4-SENDTO UDPLITE6=UDPLITE6-CONNECT UDPLITE6-CONNECT',
  'UDPLITE6-DATAGRAM UDPLITE6-DGRAM=UDPLITE6-DATAGRAM UDPLITE6-L=UDPLITE6-LISTEN UDPLITE6-LISTEN UDPLITE6-RECV',
  'UDPLITE6-RECVFROM UDPLITE6-SEND=UDPLITE6-SENDTO UDPLITE6-SENDTO UNIX=UNIX-CLIENT UNIX-CLIENT UNIX-CONNECT',
  'UNIX-L=UNIX-LISTEN UNIX-LISTEN UNIX-RECV UNIX-RECVFROM UNIX-SEND=UNIX-SENDTO UNIX-SENDTO VSOCK=VSOCK-CONNECT',
  'VSOCK-CONNECT VSOCK-L=VSOCK-LISTEN VSOCK-LISTEN',
].join(' ');

/**
 * xioopts.c's optionnames in table order, one row each: `NAME GROUPS PHASE TYPE`
 * (the option's own name), `-NAME ...` (the same, left out by -hh: its option has a
 * nickname), `NAME=OPTION` (an alias) or `*NAME=OPTION` (the option's nickname,
 * which -hh prints in full in place of the option's own name).
 */
const OPTION_ROWS = `
-accept-timeout LISTEN LISTEN STRUCT-TIMEVAL
*acceptconn=so-acceptconn
add-membership=ip-add-membership
add-source-membership=ip-add-source-membership
*addrconfig=ai-addrconfig
-ai-addrconfig IP4,IP6 OFFSET BOOL
ai-all IP4,IP6 OFFSET BOOL
-ai-passive IP4,IP6 OFFSET BOOL
-ai-v4mapped IP4,IP6 OFFSET BOOL
*allmulti=iff-allmulti
append FD,OPEN LATE BOOL
async FD,OPEN LATE BOOL
attach-filter=so-attach-filter
*attachfilter=so-attach-filter
*authhdr=ipv6-authhdr
*automedia=iff-automedia
b0 TERMIOS FD CONST
b1000000 TERMIOS FD CONST
b110 TERMIOS FD CONST
b115200 TERMIOS FD CONST
b1152000 TERMIOS FD CONST
b1200 TERMIOS FD CONST
b134 TERMIOS FD CONST
b150 TERMIOS FD CONST
b1500000 TERMIOS FD CONST
b1800 TERMIOS FD CONST
b19200 TERMIOS FD CONST
b200 TERMIOS FD CONST
b2000000 TERMIOS FD CONST
b230400 TERMIOS FD CONST
b2400 TERMIOS FD CONST
b2500000 TERMIOS FD CONST
b300 TERMIOS FD CONST
b3000000 TERMIOS FD CONST
b3500000 TERMIOS FD CONST
b38400 TERMIOS FD CONST
b4000000 TERMIOS FD CONST
b460800 TERMIOS FD CONST
b4800 TERMIOS FD CONST
b50 TERMIOS FD CONST
b500000 TERMIOS FD CONST
b57600 TERMIOS FD CONST
b576000 TERMIOS FD CONST
b600 TERMIOS FD CONST
b75 TERMIOS FD CONST
b921600 TERMIOS FD CONST
b9600 TERMIOS FD CONST
backlog LISTEN LISTEN INT
bind SOCKET BIND STRING
*bind-tempname=unix-bind-tempname
bindtodevice=so-bindtodevice
brkint TERMIOS FD BOOL
*broadcast=so-broadcast
bs0 TERMIOS FD CONST
bs1 TERMIOS FD CONST
*bsdcompat=so-bsdcompat
bsdly TERMIOS FD BOOL
*bytes=readbytes
*cafile=openssl-cafile
*capath=openssl-capath
*ccid=dccp-set-ccid
*cd=chdir
*cert=openssl-certificate
certificate=openssl-certificate
*cfmakeraw=termios-cfmakeraw
-chdir (all) INIT STRING
-children-shutup CHILD PASTACCEPT INT
chroot PROCESS LATE STRING
chroot-early PROCESS EARLY STRING
cipher=openssl-cipherlist
cipherlist=openssl-cipherlist
*ciphers=openssl-cipherlist
clocal TERMIOS FD BOOL
cloexec FD LATE BOOL
*close=end-close
*cn=openssl-commonname
commonname=openssl-commonname
*compr=fs-compr
*compress=openssl-compress
connect-timeout SOCKET PASTSOCKET STRUCT-TIMEVAL
-cool-write FD INIT BOOL
*coolwrite=cool-write
*cork=tcp-cork
cr APPL LATE CONST
cr0 TERMIOS FD CONST
cr1 TERMIOS FD CONST
cr2 TERMIOS FD CONST
cr3 TERMIOS FD CONST
crdly TERMIOS FD UNSIGNED-INT
cread TERMIOS FD BOOL
*creat=o-creat
create=o-creat
crlf=crnl
crnl APPL LATE CONST
crterase=echoe
crtkill=echoke
crtscts TERMIOS FD BOOL
cs5 TERMIOS FD CONST
cs6 TERMIOS FD CONST
cs7 TERMIOS FD CONST
cs8 TERMIOS FD CONST
csize TERMIOS FD UNSIGNED-INT
cstopb TERMIOS FD BOOL
ctlecho=echoctl
*ctty=tiocsctty
-dash EXEC PREEXEC BOOL
-dccp-set-ccid DCCP PASTSOCKET BYTE
*debug=so-debug
*defer-accept=tcp-defer-accept
*defnames=res-defnames
delete=unlink
detach-filter=so-detach-filter
*detachfilter=so-detach-filter
*dh=openssl-dhparam
dhparam=openssl-dhparam
dhparams=openssl-dhparam
*direct=o-direct
*directory=o-directory
*dirsync=fs-dirsync
*discard=vdiscard
*dns=res-nsaddr
*dnsrch=res-dnsrch
*dontroute=so-dontroute
*dstopts=ipv6-dstopts
*dsync=o-dsync
echo TERMIOS FD BOOL
echoctl TERMIOS FD BOOL
echoe TERMIOS FD BOOL
echok TERMIOS FD BOOL
echoke TERMIOS FD BOOL
echonl TERMIOS FD BOOL
echoprt TERMIOS FD BOOL
*egd=openssl-egd
-end-close FD OFFSET CONST
*eof=veof
*eol=veol
*eol2=veol2
*erase=verase
*error=so-error
escape APPL INIT INT
*excl=o-excl
ext2-append=fs-append
ext2-compr=fs-compr
ext2-dirsync=fs-dirsync
ext2-immutable=fs-immutable
ext2-journal-data=fs-journal-data
ext2-noatime=fs-noatime
ext2-nodump=fs-nodump
ext2-notail=fs-notail
ext2-secrm=fs-secrm
ext2-sync=fs-sync
ext2-topdir=fs-topdir
ext2-unrm=fs-unrm
ext3-append=fs-append
ext3-compr=fs-compr
ext3-dirsync=fs-dirsync
ext3-immutable=fs-immutable
ext3-journal-data=fs-journal-data
ext3-noatime=fs-noatime
ext3-nodump=fs-nodump
ext3-notail=fs-notail
ext3-secrm=fs-secrm
ext3-sync=fs-sync
ext3-topdir=fs-topdir
ext3-unrm=fs-unrm
f-setlk=f-setlk-wr
-f-setlk-rd FD FD BOOL
-f-setlk-wr FD FD BOOL
f-setlkw=f-setlkw-wr
-f-setlkw-rd FD FD BOOL
-f-setlkw-wr FD FD BOOL
-f-setpipe-sz FD FD INT
fdin FORK PASTBIGEN UNSIGNED-SHORT
fdout FORK PASTBIGEN UNSIGNED-SHORT
ff0 TERMIOS FD CONST
ff1 TERMIOS FD CONST
ffdly TERMIOS FD BOOL
fiosetown SOCKET PASTSOCKET INT
*flock=flock-ex
-flock-ex FD FD BOOL
-flock-ex-nb FD FD BOOL
*flock-nb=flock-ex-nb
flock-sh FD FD BOOL
flock-sh-nb FD FD BOOL
flusho TERMIOS FD BOOL
forever RETRY INIT BOOL
fork CHILD PASTACCEPT BOOL
*freebind=ip-freebind
-fs-append REG FD BOOL
-fs-compr REG FD BOOL
-fs-dirsync REG FD BOOL
-fs-immutable REG FD BOOL
-fs-journal-data REG FD BOOL
-fs-noatime REG FD BOOL
-fs-nodump REG FD BOOL
-fs-notail REG FD BOOL
-fs-secrm REG FD BOOL
-fs-sync REG FD BOOL
-fs-topdir REG FD BOOL
-fs-unrm REG FD BOOL
ftruncate=ftruncate64
ftruncate32 REG LATE OFF_T
-ftruncate64 REG LATE OFF64_T
*gid=group
gid-e=group-early
*gid-l=group-late
-group FD,NAMED FD GID_T
group-early NAMED PREOPEN GID_T
-group-late FD LATE GID_T
*hdrincl=ip-hdrincl
*history=history-file
-history-file READLINE LATE STRING
*hoplimit=ipv6-hoplimit
*hopopts=ipv6-hopopts
http-version HTTP LATE STRING
hup=hupcl
hupcl TERMIOS FD BOOL
icanon TERMIOS FD BOOL
icrnl TERMIOS FD BOOL
iexten TERMIOS FD BOOL
*if=so-bindtodevice
-iff-allmulti INTERFACE OFFSET BOOL
-iff-automedia INTERFACE OFFSET BOOL
iff-broadcast INTERFACE OFFSET BOOL
iff-debug INTERFACE OFFSET BOOL
-iff-loopback INTERFACE OFFSET BOOL
-iff-master INTERFACE OFFSET BOOL
iff-multicast INTERFACE OFFSET BOOL
-iff-no-pi INTERFACE FD BOOL
-iff-noarp INTERFACE OFFSET BOOL
-iff-notrailers INTERFACE OFFSET BOOL
-iff-pointopoint INTERFACE OFFSET BOOL
-iff-portsel INTERFACE OFFSET BOOL
-iff-promisc INTERFACE OFFSET BOOL
-iff-running INTERFACE OFFSET BOOL
-iff-slave INTERFACE OFFSET BOOL
-iff-up INTERFACE OFFSET BOOL
ignbrk TERMIOS FD BOOL
igncr TERMIOS FD BOOL
ignorecr HTTP LATE BOOL
ignoreeof APPL LATE BOOL
ignoreof=ignoreeof
ignpar TERMIOS FD BOOL
*igntc=res-igntc
imaxbel TERMIOS FD BOOL
*immutable=fs-immutable
*info=tcp-info
inlcr TERMIOS FD BOOL
inpck TERMIOS FD BOOL
interface=so-bindtodevice
interval RETRY INIT STRUCT-TIMESPEC
intervall=interval
*intr=vintr
*ioctl=ioctl-void
ioctl-bin FD FD INT:BIN
ioctl-int FD FD INT:INT
ioctl-intp FD FD INT:INTP
ioctl-string FD FD INT:STRING
-ioctl-void FD FD INT
-ip-add-membership IP4,IP6 PASTSOCKET STRUCT-IP_MREQN
-ip-add-source-membership IP4,IP6 PASTSOCKET IP-MREQ-SOURCE
-ip-freebind IP4,IP6 PASTSOCKET INT
-ip-hdrincl IP4,IP6 PASTSOCKET INT
ip-membership=ip-add-membership
-ip-mtu IP4,IP6 PASTSOCKET INT
-ip-mtu-discover IP4,IP6 PASTSOCKET INT
-ip-multicast-if IP4,IP6 PASTSOCKET IP4NAME
-ip-multicast-loop IP4,IP6 PASTSOCKET BYTE
-ip-multicast-ttl IP4,IP6 PASTSOCKET BYTE
-ip-options IP4,IP6 PASTSOCKET BIN
-ip-pktinfo IP4,IP6 PASTSOCKET INT
-ip-pktoptions IP4,IP6 PASTSOCKET INT
-ip-recverr IP4,IP6 PASTSOCKET INT
-ip-recvopts IP4,IP6 PASTSOCKET INT
-ip-recvtos IP4,IP6 PASTSOCKET INT
-ip-recvttl IP4,IP6 PASTSOCKET INT
-ip-retopts IP4,IP6 PASTSOCKET INT
-ip-router-alert IP4,IP6 PASTSOCKET INT
-ip-tos IP4,IP6 PASTSOCKET INT
-ip-transparent IP4,IP6 PREBIND BOOL
-ip-ttl IP4,IP6 PASTSOCKET INT
ipfreebind=ip-freebind
iphdrincl=ip-hdrincl
ipmtu=ip-mtu
ipmtudiscover=ip-mtu-discover
ipmulticastloop=ip-multicast-loop
ipmulticastttl=ip-multicast-ttl
*ipoptions=ip-options
ippktinfo=ip-pktinfo
ippktoptions=ip-pktoptions
iprecverr=ip-recverr
iprecvopts=ip-recvopts
iprecvtos=ip-recvtos
iprecvttl=ip-recvttl
ipretopts=ip-retopts
iprouteralert=ip-router-alert
iptos=ip-tos
ipttl=ip-ttl
ipv6-add-membership=ipv6-join-group
ipv6-add-source-membership=ipv6-join-source-group
-ipv6-authhdr IP6 PASTSOCKET INT
-ipv6-dstopts IP6 PASTSOCKET INT
-ipv6-hoplimit IP6 PASTSOCKET INT
-ipv6-hopopts IP6 PASTSOCKET INT
-ipv6-join-group IP6 PASTSOCKET STRUCT-IP_MREQN
-ipv6-join-source-group IP6 PASTSOCKET GENERIC
-ipv6-pktinfo IP6 PASTSOCKET INT
-ipv6-recvdstopts IP6 PASTSOCKET INT
-ipv6-recverr IP6 PASTSOCKET INT
-ipv6-recvhoplimit IP6 PASTSOCKET INT
-ipv6-recvhopopts IP6 PASTSOCKET INT
-ipv6-recvpathmtu IP6 PASTSOCKET INT
-ipv6-recvpktinfo IP6 PASTSOCKET INT
-ipv6-recvrthdr IP6 PASTSOCKET INT
-ipv6-recvtclass IP6 PASTSOCKET INT
-ipv6-rthdr IP6 PASTSOCKET INT
-ipv6-tclass IP6 PASTSOCKET INT
-ipv6-unicast-hops IP6 PASTSOCKET INT
-ipv6-v6only IP6 PREBIND INT
*ipv6only=ipv6-v6only
isig TERMIOS FD BOOL
ispeed TERMIOS FD UNSIGNED-INT
istrip TERMIOS FD BOOL
iuclc TERMIOS FD BOOL
ixany TERMIOS FD BOOL
ixoff TERMIOS FD BOOL
ixon TERMIOS FD BOOL
*join-group=ipv6-join-group
*join-source-group=ipv6-join-source-group
journal=fs-journal-data
*journal-data=fs-journal-data
*keepalive=so-keepalive
*keepcnt=tcp-keepcnt
*keepidle=tcp-keepidle
*keepintvl=tcp-keepintvl
*key=openssl-key
*kill=vkill
*largefile=o-largefile
*linger=so-linger
*linger2=tcp-linger2
*link=symbolic-link
*listen-timeout=accept-timeout
*lnext=vlnext
lock=f-setlkw-wr
lockfile APPL INIT STRING
lockw=f-setlkw-wr
*login=dash
*loopback=iff-loopback
lowport UDP,TCP,SCTP,DCCP,UDPLITE LATE BOOL
lseek=lseek64-set
lseek32=lseek32-set
lseek32-cur BLK,REG LATE OFF_T
lseek32-end BLK,REG LATE OFF_T
lseek32-set BLK,REG LATE OFF_T
lseek64=lseek64-set
-lseek64-cur BLK,REG LATE OFF64_T
-lseek64-end BLK,REG LATE OFF64_T
-lseek64-set BLK,REG LATE OFF64_T
*master=iff-master
max-children CHILD PASTACCEPT INT
*max-version=openssl-max-proto-version
maxchildren=max-children
*maxfraglen=openssl-maxfraglen
maxseg=tcp-maxseg
maxseg-late=tcp-maxseg-late
*maxsendfrag=openssl-maxsendfrag
*membership=ip-add-membership
*min=vmin
*min-version=openssl-min-proto-version
*mode=perm
*mq-flush=posixmq-flush
*mq-maxmsg=posixmq-maxmsg
*mq-msgsize=posixmq-msgsize
*mq-prio=posixmq-priority
*mss=tcp-maxseg
*mss-late=tcp-maxseg-late
*mtu=ip-mtu
*mtudiscover=ip-mtu-discover
multicast=iff-multicast
*multicast-if=ip-multicast-if
multicast-loop=ip-multicast-loop
multicast-ttl=ip-multicast-ttl
*multicastloop=ip-multicast-loop
*multicastttl=ip-multicast-ttl
nameserver=res-nsaddr
ndelay=o-nonblock
netns PROCESS INIT STRING
new=unlink-early
nl0 TERMIOS FD CONST
nl1 TERMIOS FD CONST
nldly TERMIOS FD BOOL
no-check=so-no-check
*no-pi=iff-no-pi
no-sni=openssl-no-sni
*noarp=iff-noarp
*noatime=o-noatime
*nocheck=so-no-check
*noctty=o-noctty
*nodelay=tcp-nodelay
*nodump=fs-nodump
noecho READLINE LATE STRING
noflsh TERMIOS FD BOOL
*nofollow=o-nofollow
nofork FORK BIGEN BOOL
*nonblock=o-nonblock
noprompt READLINE LATE BOOL
*nosni=openssl-no-sni
*notrailers=iff-notrailers
nsaddr=res-nsaddr
null-eof SOCKET OFFSET BOOL
o-append=append
o-async=async
-o-creat OPEN OPEN BOOL
o-create=o-creat
-o-direct OPEN OPEN BOOL
-o-directory OPEN OPEN BOOL
-o-dsync OPEN OPEN BOOL
-o-excl OPEN OPEN BOOL
-o-largefile OPEN OPEN BOOL
o-ndelay=o-nonblock
-o-noatime FD,OPEN FD BOOL
-o-noctty OPEN OPEN BOOL
-o-nofollow OPEN OPEN BOOL
-o-nonblock FD,OPEN FD BOOL
-o-rdonly OPEN OPEN BOOL
-o-rdwr OPEN OPEN BOOL
-o-rsync OPEN OPEN BOOL
-o-sync OPEN OPEN BOOL
-o-trunc OPEN LATE BOOL
-o-wronly OPEN OPEN BOOL
o_creat=o-creat
o_create=o-creat
o_direct=o-direct
o_directory=o-directory
o_dsync=o-dsync
o_excl=o-excl
o_largefile=o-largefile
o_ndelay=o-nonblock
o_noctty=o-noctty
o_nofollow=o-nofollow
o_rdonly=o-rdonly
o_rdwr=o-rdwr
o_rsync=o-rsync
o_sync=o-sync
o_wronly=o-wronly
ocrnl TERMIOS FD BOOL
ofdel TERMIOS FD BOOL
ofill TERMIOS FD BOOL
olcuc TERMIOS FD BOOL
onlcr TERMIOS FD BOOL
onlret TERMIOS FD BOOL
onocr TERMIOS FD BOOL
*oobinline=so-oobinline
openpty PTY BIGEN BOOL
-openssl-cafile OPENSSL SPECIFIC STRING
-openssl-capath OPENSSL SPECIFIC STRING
-openssl-certificate OPENSSL SPECIFIC STRING
-openssl-cipherlist OPENSSL SPECIFIC STRING
-openssl-commonname OPENSSL SPECIFIC STRING
-openssl-compress OPENSSL SPECIFIC STRING
-openssl-dhparam OPENSSL SPECIFIC STRING
openssl-dhparams=openssl-dhparam
-openssl-egd OPENSSL SPECIFIC STRING
-openssl-key OPENSSL SPECIFIC STRING
-openssl-max-proto-version OPENSSL OFFSET STRING
-openssl-maxfraglen OPENSSL SPECIFIC INT
-openssl-maxsendfrag OPENSSL SPECIFIC INT
-openssl-min-proto-version OPENSSL OFFSET STRING
-openssl-no-sni OPENSSL SPECIFIC BOOL
-openssl-pseudo OPENSSL SPECIFIC BOOL
-openssl-snihost OPENSSL SPECIFIC STRING
-openssl-verify OPENSSL SPECIFIC BOOL
opost TERMIOS FD BOOL
ospeed TERMIOS FD UNSIGNED-INT
owner=user
parenb TERMIOS FD BOOL
parmrk TERMIOS FD BOOL
parodd TERMIOS FD BOOL
*passcred=so-passcred
*passive=ai-passive
path EXEC PREEXEC STRING
*peercred=so-peercred
pendin TERMIOS FD BOOL
-perm FD,NAMED FD MODE_T
perm-early NAMED PREOPEN MODE_T
perm-late FD LATE MODE_T
*pf=protocol-family
*pgid=setpgid
pipes FORK BIGEN BOOL
*pipesz=f-setpipe-sz
*pktinfo=ip-pktinfo
pktoptions=ip-pktoptions
*pktopts=ip-pktoptions
*pointopoint=iff-pointopoint
*portsel=iff-portsel
-posixmq-flush POSIXMQ EARLY BOOL
-posixmq-maxmsg POSIXMQ OPEN LONG
-posixmq-msgsize POSIXMQ OPEN LONG
-posixmq-priority POSIXMQ INIT BOOL
*priority=so-priority
*promisc=iff-promisc
prompt READLINE LATE STRING
*protocol=so-protocol
-protocol-family SOCKET PRESOCKET STRING
prototype=so-protocol
proxy-auth=proxy-authorization
-proxy-authorization HTTP LATE STRING
-proxy-authorization-file HTTP LATE STRING
-proxy-resolve HTTP LATE BOOL
*proxyauth=proxy-authorization
*proxyauthfile=proxy-authorization-file
proxyport HTTP LATE STRING
prterase=echoprt
*pseudo=openssl-pseudo
ptmx PTY BIGEN BOOL
pty FORK BIGEN BOOL
pty-interval PTY EARLY STRUCT-TIMESPEC
pty-intervall=pty-interval
-pty-wait-slave PTY EARLY BOOL
*quickack=tcp-quickack
*quit=vquit
range RANGE ACCEPT STRING
raw TERMIOS FD CONST
*rawer=termios-rawer
*rcvbuf=so-rcvbuf
*rcvbuf-late=so-rcvbuf-late
*rcvlowat=so-rcvlowat
*rcvtimeo=so-rcvtimeo
*rdonly=o-rdonly
*rdwr=o-rdwr
-readbytes APPL LATE SIZE_T
*recurse=res-recurse
*recvdstopts=ipv6-recvdstopts
*recverr=ip-recverr
*recvhoplimit=ipv6-recvhoplimit
*recvhopopts=ipv6-recvhopopts
*recvopts=ip-recvopts
*recvpktinfo=ipv6-recvpktinfo
*recvrthdr=ipv6-recvrthdr
*recvtos=ip-recvtos
*recvttl=ip-recvttl
remove=unlink
*reprint=vreprint
res-debug IP4,IP6 OFFSET BOOL
-res-defnames IP4,IP6 OFFSET BOOL
-res-dnsrch IP4,IP6 OFFSET BOOL
-res-igntc IP4,IP6 OFFSET BOOL
res-maxretrans=res-retrans
res-maxretry=res-retry
-res-nsaddr IP4,IP6 OFFSET IP4SOCK
-res-recurse IP4,IP6 OFFSET BOOL
-res-retrans IP4,IP6 OFFSET INT
res-retry IP4,IP6 OFFSET INT
-res-stayopen IP4,IP6 OFFSET BOOL
-res-usevc IP4,IP6 OFFSET BOOL
resolv=proxy-resolve
*resolve=proxy-resolve
*retopts=ip-retopts
*retrans=res-retrans
retrieve-vlan INTERFACE LATE CONST
retry RETRY INIT UNSIGNED-INT
*reuseaddr=so-reuseaddr
*reuseport=so-reuseport
*routeralert=ip-router-alert
rprnt=vreprint
*rsync=o-rsync
*rthdr=ipv6-rthdr
*running=iff-running
sane TERMIOS FD CONST
*secrm=fs-secrm
security-authentication=so-security-authentication
security-encryption-network=so-security-encryption-network
security-encryption-transport=so-security-encryption-transport
*securityauthentication=so-security-authentication
*securityencryptionnetwork=so-security-encryption-network
*securityencryptiontransport=so-security-encryption-transport
*seek=lseek64-set
*seek-cur=lseek64-cur
*seek-end=lseek64-end
seek-set=lseek64-set
setgid PROCESS LATE2 GID_T
setgid-early PROCESS EARLY GID_T
*setlk=f-setlk-wr
*setlk-rd=f-setlk-rd
setlk-wr=f-setlk-wr
*setlkw=f-setlkw-wr
*setlkw-rd=f-setlkw-rd
setlkw-wr=f-setlkw-wr
-setpgid FORK LATE INT
-setsid PROCESS LATE BOOL
-setsockopt SOCKET CONNECTED INT:INT:BIN
-setsockopt-bin SOCKET CONNECTED INT:INT:BIN
-setsockopt-connected SOCKET CONNECTED INT:INT:BIN
-setsockopt-int SOCKET CONNECTED INT:INT:INT
-setsockopt-listen SOCKET PREBIND INT:INT:BIN
-setsockopt-socket SOCKET PASTSOCKET INT:INT:BIN
-setsockopt-string SOCKET CONNECTED INT:INT:STRING
setuid PROCESS LATE2 UID_T
setuid-early PROCESS EARLY UID_T
shell SHELL PREEXEC STRING
shut-close FD OFFSET CONST
shut-down FD OFFSET CONST
shut-none FD OFFSET CONST
shut-null FD OFFSET CONST
*sid=setsid
sighup PARENT LATE CONST
sigint PARENT LATE CONST
sigquit PARENT LATE CONST
siocspgrp SOCKET PASTSOCKET INT
sitout-eio PTY OFFSET STRUCT-TIMEVAL
*slave=iff-slave
*sndbuf=so-sndbuf
*sndbuf-late=so-sndbuf-late
*sndlowat=so-sndlowat
*sndtimeo=so-sndtimeo
*snihost=openssl-snihost
-so-acceptconn SOCKET PASTSOCKET INT
-so-attach-filter SOCKET PASTSOCKET INT
-so-bindtodevice SOCKET PASTSOCKET STRING
-so-broadcast SOCKET PASTSOCKET INT
-so-bsdcompat SOCKET PASTSOCKET INT
-so-debug SOCKET PASTSOCKET INT
-so-detach-filter SOCKET PASTSOCKET INT
-so-dontroute SOCKET PASTSOCKET INT
-so-error SOCKET PASTSOCKET INT
-so-keepalive SOCKET FD INT
-so-linger SOCKET PASTSOCKET STRUCT-LINGER
-so-no-check SOCKET PASTSOCKET INT
-so-oobinline SOCKET PASTSOCKET INT
-so-passcred SOCKET PASTSOCKET INT
-so-peercred SOCKET PASTSOCKET INT[3]
-so-priority SOCKET PASTSOCKET INT
-so-protocol SOCKET SOCKET INT
so-prototype=so-protocol
-so-rcvbuf SOCKET PASTSOCKET INT
-so-rcvbuf-late SOCKET LATE INT
-so-rcvlowat SOCKET PASTSOCKET INT
-so-rcvtimeo SOCKET PASTSOCKET STRUCT-TIMEVAL
-so-reuseaddr SOCKET PREBIND INT/NULL
-so-reuseport SOCKET PREBIND INT
-so-security-authentication SOCKET PASTSOCKET INT
-so-security-encryption-network SOCKET PASTSOCKET INT
-so-security-encryption-transport SOCKET PASTSOCKET INT
-so-sndbuf SOCKET PASTSOCKET INT
-so-sndbuf-late SOCKET LATE INT
-so-sndlowat SOCKET PASTSOCKET INT
-so-sndtimeo SOCKET PASTSOCKET STRUCT-TIMEVAL
-so-timestamp SOCKET PASTSOCKET INT
-so-type SOCKET SOCKET INT
*sockopt=setsockopt
*sockopt-bin=setsockopt-bin
*sockopt-conn=setsockopt-connected
*sockopt-int=setsockopt-int
*sockopt-listen=setsockopt-listen
*sockopt-sock=setsockopt-socket
*sockopt-string=setsockopt-string
socksport SOCKS LATE STRING
socksuser SOCKS LATE STRING
socktype=so-type
*source-membership=ip-add-source-membership
-sourceport UDP,TCP,SCTP,DCCP,UDPLITE LATE UNSIGNED-SHORT
*sp=sourceport
*start=vstart
*stayopen=res-stayopen
stderr FORK PASTFORK BOOL
*stop=vstop
*su=substuser
*su-d=substuser-delayed
*su-e=substuser-early
-substuser PROCESS LATE2 UID_T
-substuser-delayed PROCESS INIT UID_T
-substuser-early PROCESS EARLY UID_T
*susp=vsusp
*swtc=vswtc
swtch=vswtc
-symbolic-link PTY LATE STRING
*sync=o-sync
*syncnt=tcp-syncnt
tab0 TERMIOS FD CONST
tab1 TERMIOS FD CONST
tab2 TERMIOS FD CONST
tab3 TERMIOS FD CONST
tabdly TERMIOS FD UNSIGNED-INT
tandem=ixoff
-tcp-cork TCP PASTSOCKET INT
-tcp-defer-accept TCP PASTSOCKET INT
-tcp-info TCP PASTSOCKET INT
-tcp-keepcnt TCP PASTSOCKET INT
-tcp-keepidle TCP PASTSOCKET INT
-tcp-keepintvl TCP PASTSOCKET INT
-tcp-linger2 TCP PASTSOCKET INT
-tcp-maxseg TCP PASTSOCKET INT
-tcp-maxseg-late TCP CONNECTED INT
-tcp-md5sig TCP PASTSOCKET INT
-tcp-nodelay TCP PASTSOCKET INT
-tcp-quickack TCP PASTSOCKET INT
-tcp-syncnt TCP PASTSOCKET INT
-tcp-window-clamp TCP PASTSOCKET INT
-termios-cfmakeraw TERMIOS FD CONST
-termios-rawer TERMIOS FD CONST
*tightsocklen=unix-tightsocklen
*time=vtime
*timestamp=so-timestamp
-tiocsctty TERMIOS LATE2 BOOL
*topdir=fs-topdir
*tos=ip-tos
tostop TERMIOS FD BOOL
*transparent=ip-transparent
*trunc=o-trunc
*truncate=ftruncate64
*ttl=ip-ttl
tun-device INTERFACE OPEN STRING
tun-name INTERFACE FD STRING
tun-no-pi=iff-no-pi
tun-type INTERFACE FD STRING
*type=so-type
udplite-recv-cscov UDPLITE FD INT
udplite-send-cscov UDPLITE FD INT
*uid=user
uid-e=user-early
*uid-l=user-late
umask (all) INIT MODE_T
*unicast-hops=ipv6-unicast-hops
-unix-bind-tempname UNIX PREOPEN STRING-NULL
-unix-tightsocklen UNIX PREBIND BOOL
unlink NAMED PREOPEN BOOL
unlink-close NAMED LATE BOOL
unlink-early NAMED EARLY BOOL
unlink-late NAMED PASTOPEN BOOL
*unrm=fs-unrm
*up=iff-up
-user FD,NAMED FD UID_T
user-early NAMED PREOPEN UID_T
-user-late FD LATE UID_T
*usevc=res-usevc
*v4mapped=ai-v4mapped
v6only=ipv6-v6only
-vdiscard TERMIOS FD BYTE
-veof TERMIOS FD BYTE
-veol TERMIOS FD BYTE
-veol2 TERMIOS FD BYTE
-verase TERMIOS FD BYTE
*verify=openssl-verify
-vintr TERMIOS FD BYTE
-vkill TERMIOS FD BYTE
-vlnext TERMIOS FD BYTE
-vmin TERMIOS FD BYTE
-vquit TERMIOS FD BYTE
-vreprint TERMIOS FD BYTE
-vstart TERMIOS FD BYTE
-vstop TERMIOS FD BYTE
-vsusp TERMIOS FD BYTE
-vswtc TERMIOS FD BYTE
vt0 TERMIOS FD CONST
vt1 TERMIOS FD CONST
vtdly TERMIOS FD BOOL
-vtime TERMIOS FD BYTE
-vwerase TERMIOS FD BYTE
*wait-slave=pty-wait-slave
waitlock APPL INIT STRING
waitslave=pty-wait-slave
*werase=vwerase
*window-clamp=tcp-window-clamp
*wronly=o-wronly
xcase TERMIOS FD BOOL
xtabs TERMIOS FD CONST
`;

interface OptionRow {
  name: string;
  /** Where this row points (an alias), or its own description. */
  alias?: string;
  description?: { groups: string; phase: string; type: string };
  /** -hh prints it: an option without a nickname, or a nickname. */
  brief: boolean;
}

function optionRows(): OptionRow[] {
  return OPTION_ROWS.trim()
    .split('\n')
    .map((row) => {
      const nickname = row.startsWith('*');
      const hidden = row.startsWith('-');
      const text = nickname || hidden ? row.slice(1) : row;
      const eq = text.indexOf('=');
      if (eq > 0 && !text.includes(' ')) return { name: text.slice(0, eq), alias: text.slice(eq + 1), brief: nickname };
      const [name = '', groups = '', phase = '', type = ''] = text.split(' ');
      return { name, description: { groups, phase, type }, brief: !hidden };
    });
}

/** C's `(width - chars + 7) / 8` tabs (integer division toward zero), none when negative. */
const tabs = (width: number, chars: number): string => '\t'.repeat(Math.max(0, Math.trunc((width - chars + 7) / 8)));

/** xiohelp_option(): one option's line. */
function optionLine(name: string, d: { groups: string; phase: string; type: string }): string {
  const head = `      ${name}`;
  // "(all)" is printed for an option of every group, but not counted (chars stays at 7).
  const groupChars = d.groups === '(all)' ? 7 : 7 + d.groups.length;
  const phase = `phase=${d.phase}`;
  return `${head}${tabs(16, head.length)}\tgroups=${d.groups}${tabs(24, groupChars)}${phase}${tabs(24, phase.length)}type=${d.type}\n`;
}

/** An alias's line at -hhh. */
const aliasLine = (name: string, target: string, width: number, words: string): string => {
  const head = `      ${name}`;
  return `${head}${tabs(width, head.length)}\t${words} ${target}\n`;
};

/** -hh (level 1) and -hhh (level 2): what socat prints to stdout before exiting 0. */
export function socatLongHelp(level: 1 | 2): string {
  const addressLines = SOCAT_ADDRESS_HELP.split('\n');
  const header = addressLines.slice(0, 6);
  const canonical = new Map(addressLines.slice(6).filter(Boolean).map((line) => [/^ {6}([^\t:[]+)/.exec(line)![1]!, line]));
  let out = `${SOCAT_USAGE}${header.join('\n')}\n`;
  for (const entry of ADDRESS_NAMES.split(' ')) {
    const eq = entry.indexOf('=', 1);
    if (eq < 0) out += `${canonical.get(entry)}\n`;
    else if (level === 2) out += aliasLine(entry.slice(0, eq), entry.slice(eq + 1), 40, 'is an alias name for');
  }
  if (level === 2) out += '         <num> is a short form for fd:<num>\n         <filename> is a short form for gopen:<filename>\n';
  out += '   opts:\n      <opt>{,<opts>}:\n   opt:\n';
  const rows = optionRows();
  const descriptions = new Map(rows.filter((r) => r.description).map((r) => [r.name, r.description!]));
  for (const row of rows) {
    if (level === 2) out += row.alias === undefined ? optionLine(row.name, row.description!) : aliasLine(row.name, row.alias, 16, 'is an alias for');
    else if (row.brief) out += optionLine(row.name, row.description ?? descriptions.get(row.alias!)!);
  }
  return out;
}
