/**
 * The help texts of netcat-openbsd 1.219 (Debian) and BusyBox 1.35's nc (the Debian build: nc.c with
 * NC_SERVER and NC_EXTRA, no -z/-u/-v), as the real binaries print them.
 */

export const OPENBSD_VERSION = 'OpenBSD netcat (Debian patchlevel 1.219-1)\n';

export const OPENBSD_USAGE =
  'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n' +
  '\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n' +
  '\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n' +
  '\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n' +
  '\t  [destination] [port]\n';

/** help(): after the version line and the usage, the command summary (all on stderr, exit 0). */
export const OPENBSD_SUMMARY =
  '\tCommand Summary:\n' +
  '\t\t-4\t\tUse IPv4\n' +
  '\t\t-6\t\tUse IPv6\n' +
  '\t\t-b\t\tAllow broadcast\n' +
  '\t\t-C\t\tSend CRLF as line-ending\n' +
  '\t\t-D\t\tEnable the debug socket option\n' +
  '\t\t-d\t\tDetach from stdin\n' +
  '\t\t-F\t\tPass socket fd\n' +
  '\t\t-h\t\tThis help text\n' +
  '\t\t-I length\tTCP receive buffer length\n' +
  '\t\t-i interval\tDelay interval for lines sent, ports scanned\n' +
  '\t\t-k\t\tKeep inbound sockets open for multiple connects\n' +
  '\t\t-l\t\tListen mode, for inbound connects\n' +
  '\t\t-M ttl\t\tOutgoing TTL / Hop Limit\n' +
  '\t\t-m minttl\tMinimum incoming TTL / Hop Limit\n' +
  '\t\t-N\t\tShutdown the network socket after EOF on stdin\n' +
  '\t\t-n\t\tSuppress name/port resolutions\n' +
  '\t\t-O length\tTCP send buffer length\n' +
  '\t\t-P proxyuser\tUsername for proxy authentication\n' +
  '\t\t-p port\t\tSpecify local port for remote connects\n' +
  '\t\t-q secs\t\tquit after EOF on stdin and delay of secs\n' +
  '\t\t-r\t\tRandomize remote ports\n' +
  '\t\t-S\t\tEnable the TCP MD5 signature option\n' +
  '\t\t-s sourceaddr\tLocal source address\n' +
  '\t\t-T keyword\tTOS value\n' +
  '\t\t-t\t\tAnswer TELNET negotiation\n' +
  '\t\t-U\t\tUse UNIX domain socket\n' +
  '\t\t-u\t\tUDP mode\n' +
  '\t\t-V rtable\tSpecify alternate routing table\n' +
  '\t\t-v\t\tVerbose\n' +
  '\t\t-W recvlimit\tTerminate after receiving a number of packets\n' +
  '\t\t-w timeout\tTimeout for connects and final net reads\n' +
  '\t\t-X proto\tProxy protocol: "4", "5" (SOCKS) or "connect"\n' +
  '\t\t-x addr[:port]\tSpecify proxy address and port\n' +
  '\t\t-Z\t\tDCCP mode\n' +
  '\t\t-z\t\tZero-I/O mode [used for scanning]\n' +
  '\tPort numbers can be individual or ranges: lo-hi [inclusive]\n';

export const BUSYBOX_NC_USAGE =
  'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n' +
  'Usage: nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]\n\n' +
  'Open a pipe to IP:PORT or FILE\n\n' +
  '\t-l\tListen mode, for inbound connects\n' +
  '\t\t(use -ll with -e for persistent server)\n' +
  '\t-p PORT\tLocal port\n' +
  '\t-w SEC\tConnect timeout\n' +
  '\t-i SEC\tDelay interval for lines sent\n' +
  '\t-f FILE\tUse file (ala /dev/ttyS0) instead of network\n' +
  '\t-e PROG\tRun PROG after connect\n';
