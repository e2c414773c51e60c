#!/usr/bin/perl
# One UDP probe for the kernel differential (test/kernel/real.ts), run inside a
# namespace by agent.mjs. Perl because Node's dgram cannot set IP_RECVERR: with it
# the socket reports every ICMP error that comes back (as ping does), not only the
# "fatal" ones a plain connected socket sees.
#   usage: udp-probe.pl DST PORT SRC|- TOKEN TIMEOUT_MS
# Prints one line: "reply", "timeout", "error ERRNO", "noroute", each with notes.
use strict;
use warnings;
use Socket qw(AF_INET SOCK_DGRAM IPPROTO_IP inet_aton pack_sockaddr_in INADDR_ANY);
use POSIX qw(:errno_h);

my ($dst, $port, $src, $token, $timeout_ms) = @ARGV;
my $IP_RECVERR = 11;
my @notes;
socket(my $s, AF_INET, SOCK_DGRAM, 0) or do { print "error socket:$!\n"; exit 0 };
setsockopt($s, IPPROTO_IP, $IP_RECVERR, pack('i', 1)) or push @notes, "no-recverr:$!";
if ($src ne '-') {
  bind($s, pack_sockaddr_in(0, inet_aton($src))) or do { print "error bind:" . errname($!) . "\n"; exit 0 };
}
if (!connect($s, pack_sockaddr_in($port, inet_aton($dst)))) {
  my $e = $! + 0;
  print($e == ENETUNREACH ? "noroute connect\n" : "error " . errname($e) . " connect\n");
  exit 0;
}
if (!defined send($s, $token, 0)) {
  my $e = $! + 0;
  if ($e == ENETUNREACH) { print "noroute send\n"; exit 0 }
  # OUTPUT DROP/REJECT: sendmsg fails with EPERM; a REJECT's ICMP error may still arrive.
  push @notes, 'send:' . errname($e);
}
my $deadline = time_ms() + $timeout_ms;
while (1) {
  my $left = $deadline - time_ms();
  last if $left <= 0;
  my $rin = '';
  vec($rin, fileno($s), 1) = 1;
  my $n = select(my $rout = $rin, undef, undef, $left / 1000);
  last if $n <= 0;
  my $buf;
  if (defined recv($s, $buf, 2048, 0)) {
    print "reply @notes\n";
    exit 0;
  }
  my $e = $! + 0;
  print "error " . errname($e) . " @notes\n";
  exit 0;
}
print "timeout @notes\n";

sub time_ms {
  require Time::HiRes;
  return Time::HiRes::time() * 1000;
}

sub errname {
  my ($e) = @_;
  $e += 0;
  for my $name (qw(ECONNREFUSED EHOSTUNREACH ENETUNREACH ENOPROTOOPT EHOSTDOWN ENONET EPERM EACCES EADDRNOTAVAIL EINVAL)) {
    my $v = eval "POSIX::$name()";
    return $name if defined $v && $v == $e;
  }
  return "E$e";
}
