/**
 * The names socat 1.8.0.1 knows as address options (xioopts.c's optionnames
 * table, every spelling), for telling a typo, which socat refuses with its own
 * `parseopts_table(): unknown option "X"`, from an option vethlab does not model.
 */
export const SOCAT_OPTION_NAMES: ReadonlySet<string> = new Set(
  (
  'aaonly abort-threshold accept-timeout acceptconn add-membership add-source-membership addrconfig ai-addrconfig ai-all ai-passive ai-v4mapped allmulti ' +
  'allow-table append async attach-filter attachfilter audit authhdr automedia b0 b1000000 b110 b115200 b1152000 b1200 b134 b150 b1500000 b1800 b19200 ' +
  'b200 b2000000 b230400 b2400 b2500000 b300 b3000000 b3500000 b3600 b38400 b4000000 b460800 b4800 b50 b500000 b57600 b576000 b600 b7200 b75 b900 b921600 ' +
  'b9600 backlog bin binary bind bind-tempname bindtodevice brkint broadcast bs0 bs1 bsdcompat bsdly bytes cafile capath ccid cd cert certificate ' +
  'cfmakeraw chdir children-shutup chroot chroot-early cipher cipherlist ciphers cksumrecv clocal cloexec close cn commonname compr compress ' +
  'conn-abort-threshold connect-timeout cool-write coolwrite cork cr cr0 cr1 cr2 cr3 crdly cread creat create crlf crnl crterase crtkill crtscts cs5 cs6 ' +
  'cs7 cs8 csize cstopb ctlecho ctty dash dccp-set-ccid debug defer defer-accept defnames delay delete deny-table detach-filter detachfilter dgram-errind ' +
  'dgramerrind dh dhparam dhparams direct directory dirsync discard dns dnsrch dontlinger dontroute dstopts dsusp dsync echo echoctl echoe echok echoke ' +
  'echonl echoprt egd end-close eof eol eol2 erase error escape excl ext2-append ext2-compr ext2-dirsync ext2-immutable ext2-journal-data ext2-noatime ' +
  'ext2-nodump ext2-notail ext2-secrm ext2-sync ext2-topdir ext2-unrm ext3-append ext3-compr ext3-dirsync ext3-immutable ext3-journal-data ext3-noatime ' +
  'ext3-nodump ext3-notail ext3-secrm ext3-sync ext3-topdir ext3-unrm f-setlk f-setlk-rd f-setlk-wr f-setlkw f-setlkw-rd f-setlkw-wr f-setpipe-sz fdin ' +
  'fdout ff0 ff1 ffdly fiosetown fips flock flock-ex flock-ex-nb flock-nb flock-sh flock-sh-nb flowinfo flusho forever fork freebind fs-append fs-compr ' +
  'fs-dirsync fs-immutable fs-journal-data fs-noatime fs-nodump fs-notail fs-secrm fs-sync fs-topdir fs-unrm ftruncate ftruncate32 ftruncate64 gid gid-e ' +
  'gid-l group group-early group-late hdrincl history history-file hoplimit hopopts hosts-allow hosts-deny http-version hup hupcl i-pop-all i-push icanon ' +
  'icrnl iexten if iff-allmulti iff-automedia iff-broadcast iff-debug iff-loopback iff-master iff-multicast iff-no-pi iff-noarp iff-notrailers ' +
  'iff-pointopoint iff-portsel iff-promisc iff-running iff-slave iff-up ignbrk igncr ignorecr ignoreeof ignoreof ignpar igntc imaxbel immutable info ' +
  'inlcr inpck interface interval intervall intr ioctl ioctl-bin ioctl-int ioctl-intp ioctl-string ioctl-void ip-add-membership ip-add-source-membership ' +
  'ip-freebind ip-hdrincl ip-membership ip-mtu ip-mtu-discover ip-multicast-if ip-multicast-loop ip-multicast-ttl ip-options ip-pktinfo ip-pktoptions ' +
  'ip-recvdstaddr ip-recverr ip-recvif ip-recvopts ip-recvtos ip-recvttl ip-retopts ip-router-alert ip-tos ip-transparent ip-ttl ipfreebind iphdrincl ' +
  'ipmtu ipmtudiscover ipmulticastloop ipmulticastttl ipoptions ippktinfo ippktoptions iprecvdstaddr iprecverr iprecvopts iprecvtos iprecvttl ipretopts ' +
  'iprouteralert iptos ipttl ipv6-add-membership ipv6-add-source-membership ipv6-authhdr ipv6-dstopts ipv6-flowinfo ipv6-hoplimit ipv6-hopopts ' +
  'ipv6-join-group ipv6-join-source-group ipv6-pktinfo ipv6-recvdstopts ipv6-recverr ipv6-recvhoplimit ipv6-recvhopopts ipv6-recvpathmtu ipv6-recvpktinfo ' +
  'ipv6-recvrthdr ipv6-recvtclass ipv6-rthdr ipv6-tclass ipv6-unicast-hops ipv6-v6only ipv6only isig ispeed istrip iuclc ixany ixoff ixon join-group ' +
  'join-source-group journal journal-data keepalive keepcnt keepidle keepinit keepintvl kernaccept key kill largefile libwrap linger linger2 link ' +
  'listen-timeout lnext lock lockfile lockw login loopback lowport lseek lseek32 lseek32-cur lseek32-end lseek32-set lseek64 lseek64-cur lseek64-end ' +
  'lseek64-set master max-children max-version maxchildren maxfraglen maxseg maxseg-late maxsendfrag md5sig membership method min min-version mode ' +
  'mq-prio mss mss-late mtu mtudiscover multicast multicast-if multicast-loop multicast-ttl multicastloop multicastttl nameserver ndelay netns new nl0 ' +
  'nl1 nldly no-check no-pi no-sni noarp noatime nocheck noctty nodelay nodump noecho noflsh nofollow nofork noinherit nonblock noopt noprompt nopush ' +
  'noreuseaddr nosni notrailers nsaddr nshare null-eof o-append o-async o-binary o-creat o-create o-defer o-delay o-direct o-directory o-dsync o-excl ' +
  'o-largefile o-ndelay o-noatime o-noctty o-nofollow o-noinherit o-nonblock o-nshare o-priv o-rdonly o-rdwr o-rshare o-rsync o-sync o-text o-trunc ' +
  'o-wronly o_create o_defer o_delay o_direct o_directory o_dsync o_excl o_largefile o_ndelay o_noctty o_nofollow o_nshare o_priv o_rdonly o_rdwr ' +
  'o_rshare o_rsync o_sync o_wronly ocrnl ofdel ofill olcuc onlcr onlret onocr oobinline openpty openssl-cafile openssl-capath openssl-certificate ' +
  'openssl-cipherlist openssl-commonname openssl-compress openssl-dhparam openssl-dhparams openssl-egd openssl-fips openssl-key openssl-max-proto-version ' +
  'openssl-maxfraglen openssl-maxsendfrag openssl-method openssl-min-proto-version openssl-no-sni openssl-pseudo openssl-snihost openssl-verify opost ' +
  'ospeed owner parenb parmrk parodd passcred passive path paws peercred pendin perm perm-early perm-late pf pgid pipes pipesz pktinfo pktoptions pktopts ' +
  'pointopoint pop-all portsel posixmq-priority primary priority priv promisc prompt protocol protocol-family prototype proxy-auth proxy-authorization ' +
  'proxy-authorization-file proxy-resolve proxyauth proxyauthfile proxyport prterase pseudo ptmx pty pty-interval pty-intervall pty-wait-slave push ' +
  'quickack quit range raw rawer rcvbuf rcvbuf-late rcvlowat rcvtimeo rdonly rdwr readbytes recurse recvdstaddr recvdstopts recverr recvhoplimit ' +
  'recvhopopts recvif recvopts recvpktinfo recvrthdr recvtos recvttl remove reprint res-aaonly res-debug res-defnames res-dnsrch res-igntc res-maxretrans ' +
  'res-maxretry res-nsaddr res-primary res-recurse res-retrans res-retry res-stayopen res-usevc resolv resolve retopts retrans retrieve-vlan retry ' +
  'reuseaddr reuseport rfc1323 routeralert rprnt rshare rsync rthdr running sack-disable sackena sane sctp-maxseg sctp-maxseg-late sctp-nodelay secrm ' +
  'security-authentication security-encryption-network security-encryption-transport securityauthentication securityencryptionnetwork ' +
  'securityencryptiontransport seek seek-cur seek-end seek-set setgid setgid-early setlk setlk-rd setlk-wr setlkw setlkw-rd setlkw-wr setpgid setsid ' +
  'setsockopt setsockopt-bin setsockopt-int setsockopt-listen setsockopt-string setuid setuid-early shell shut-close shut-down shut-none shut-null sid ' +
  'sighup sigint signature-enable sigquit siocspgrp sitout-eio slave sndbuf sndbuf-late sndlowat sndtimeo snihost so-acceptconn so-attach-filter so-audit ' +
  'so-bindtodevice so-broadcast so-bsdcompat so-cksumrecv so-debug so-detach-filter so-dgram-errind so-dontlinger so-dontroute so-error so-keepalive ' +
  'so-kernaccept so-linger so-no-check so-noreuseaddr so-oobinline so-passcred so-peercred so-priority so-protocol so-prototype so-rcvbuf so-rcvbuf-late ' +
  'so-rcvlowat so-rcvtimeo so-reuseaddr so-reuseport so-security-authentication so-security-encryption-network so-security-encryption-transport so-sndbuf ' +
  'so-sndbuf-late so-sndlowat so-sndtimeo so-timestamp so-type so-use-ifbufs so-useloopback sockopt sockopt-bin sockopt-int sockopt-listen sockopt-string ' +
  'socksport socksuser socktype source-membership sourceport sp start stayopen stderr stdurg stop streams-i-pop-all streams-i-push su su-d su-e substuser ' +
  'substuser-delayed substuser-early susp swtc swtch symbolic-link sync syncnt tab0 tab1 tab2 tab3 tabdly tandem tcp-abort-threshold ' +
  'tcp-conn-abort-threshold tcp-cork tcp-defer-accept tcp-info tcp-keepcnt tcp-keepidle tcp-keepinit tcp-keepintvl tcp-linger2 tcp-maxseg tcp-maxseg-late ' +
  'tcp-md5sig tcp-nodelay tcp-noopt tcp-nopush tcp-paws tcp-quickack tcp-rfc1323 tcp-sack-disable tcp-sackena tcp-signature-enable tcp-stdurg tcp-syncnt ' +
  'tcp-tsoptena tcp-window-clamp tcpwrap tcpwrap-dir tcpwrap-etc tcpwrap-hosts-allow-table tcpwrap-hosts-deny-table tcpwrapper tcpwrappers ' +
  'termios-cfmakeraw termios-rawer text tightsocklen time timestamp tiocsctty topdir tos tostop transparent trunc truncate tsoptena ttl tun-device ' +
  'tun-name tun-no-pi tun-type type udplite-recv-cscov udplite-send-cscov uid uid-e uid-l umask unicast-hops unix-bind-tempname unix-tightsocklen unlink ' +
  'unlink-close unlink-early unlink-late unrm up use-ifbufs useifbufs useloopback user user-early user-late usevc v4mapped v6only vdiscard vdsusp veof ' +
  'veol veol2 verase verify vintr vkill vlnext vmin vquit vreprint vstart vstop vsusp vswtc vt0 vt1 vtdly vtime vwerase wait-slave waitlock waitslave ' +
  'werase window-clamp wrap wronly xcase xtabs'
  ).split(' '),
);
