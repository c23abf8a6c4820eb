/**
 * libxtables' value parsers (libxtables/xtables.c): protocols (/etc/protocols), addresses with masks
 * (xtables_ipparse_multiple: "a.b.c.d[/len|/mask]", missing octets filled with zeros), ports and services
 * (/etc/services), interface names. Errors are XtError with iptables' exact words.
 */
import { maskOf, prefixOfMask, type Ip4 } from '../../../lib';
import { own } from '../../../lib';
import { PROTOCOLS, CHAIN_PROTOS } from '../../../kernel';
import { XtError } from './errors';

/** xtables_strtoui with base 0: decimal, 0x hex or 0 octal, whole string, within [min, max]. */
export function strtoui(s: string, max: number, min = 0): number | null {
  let n: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^0[0-7]*$/.test(s)) n = parseInt(s, 8);
  else if (/^[1-9]\d*$/.test(s)) n = Number(s);
  else return null;
  return n >= min && n <= max ? n : null;
}

/** xtables_parse_protocol: a number, "all", or a name (the caller lower-cased it). */
export function parseProtocol(s: string): number {
  const n = strtoui(s, 255);
  if (n !== null) return n;
  if (s === 'all') return 0;
  const p = own(PROTOCOLS, s) ?? CHAIN_PROTOS.find(([name]) => name === s)?.[1];
  if (p !== undefined) return p;
  throw XtError.param(`unknown protocol "${s}" specified`);
}

/** __numeric_to_ipaddr: up to four parts; a short form is a network, its missing octets are zero. */
function numericToIp(text: string, isMask: boolean): Ip4 | null {
  const parts = text.split('.');
  if (parts.length > 4 || (isMask && parts.length !== 4)) return null;
  const bytes = [0, 0, 0, 0];
  for (let i = 0; i < parts.length; i++) {
    const b = strtoui(parts[i] as string, 255);
    if (b === null) return null;
    bytes[i] = b;
  }
  return (
    (((bytes[0] as number) << 24) |
      ((bytes[1] as number) << 16) |
      ((bytes[2] as number) << 8) |
      (bytes[3] as number)) >>>
    0
  );
}

/** Names the simulated resolver knows without DNS (/etc/hosts, /etc/networks). */
const HOST_NAMES: Record<string, Ip4> = { localhost: 0x7f000001 };

export interface AddrMask {
  addr: Ip4;
  prefixLen: number;
}

/** One "host[/mask]" word of -s/-d (xtables_ipparse_any for a single entry). */
function parseOne(word: string): AddrMask {
  const slash = word.lastIndexOf('/');
  const host = slash < 0 ? word : word.slice(0, slash);
  let prefixLen = 32;
  if (slash >= 0) {
    const m = word.slice(slash + 1);
    if (m.includes('.')) {
      const mask = numericToIp(m, true);
      const len = mask === null ? null : prefixOfMask(mask);
      if (len === null) throw XtError.param(`invalid mask \`${m}' specified`);
      prefixLen = len;
    } else {
      const len = strtoui(m, 32);
      if (len === null) throw XtError.param(`invalid mask \`${m}' specified`);
      prefixLen = len;
    }
  }
  const addr = numericToIp(host, false) ?? own(HOST_NAMES, host) ?? null;
  if (addr === null) throw XtError.param(`host/network \`${host}' not found`);
  return { addr: (addr & maskOf(prefixLen)) >>> 0, prefixLen };
}

/** xtables_ipparse_multiple: comma-separated entries, each masked; duplicates are dropped. */
export function parseAddrList(text: string): AddrMask[] {
  const out: AddrMask[] = [];
  for (const w of text.split(',')) {
    const a = parseOne(w);
    if (!out.some((o) => o.addr === a.addr && o.prefixLen === a.prefixLen)) out.push(a);
  }
  return out;
}

/** xtables_parse_interface: at most IFNAMSIZ-1 characters, '+' at the end is a wildcard. */
export function parseInterface(name: string): string {
  if (name === '') throw XtError.param('Empty interface is likely to be undesired');
  if (name.length >= 16) throw XtError.param(`interface name \`${name}' must be shorter than IFNAMSIZ (15)`);
  return name;
}

/** Debian 12's /etc/services entries iptables may print or accept: name, port, protocols (t tcp, u udp). */
const SERVICES_TEXT =
  'tcpmux 1 t,echo 7 tu,discard 9 tu,systat 11 t,daytime 13 tu,netstat 15 t,qotd 17 t,chargen 19 tu,' +
  'ftp-data 20 t,fsp 21 u,ftp 21 t,ssh 22 t,telnet 23 t,smtp 25 t,time 37 tu,whois 43 t,tacacs 49 tu,' +
  'domain 53 tu,bootps 67 u,bootpc 68 u,tftp 69 u,gopher 70 t,finger 79 t,http 80 t,kerberos 88 tu,' +
  'iso-tsap 102 t,acr-nema 104 t,poppassd 106 t,pop3 110 t,sunrpc 111 tu,auth 113 t,nntp 119 t,ntp 123 u,' +
  'epmap 135 t,netbios-ns 137 u,netbios-dgm 138 u,netbios-ssn 139 t,imap2 143 t,snmp 161 tu,snmp-trap 162 tu,' +
  'cmip-man 163 tu,cmip-agent 164 tu,mailq 174 t,xdmcp 177 u,bgp 179 t,smux 199 t,qmtp 209 t,z3950 210 t,' +
  'ipx 213 u,ptp-event 319 u,ptp-general 320 u,pawserv 345 t,zserv 346 t,rpc2portmap 369 tu,codaauth2 370 tu,' +
  'clearcase 371 u,ldap 389 tu,svrloc 427 tu,https 443 tu,snpp 444 t,microsoft-ds 445 t,kpasswd 464 tu,' +
  'submissions 465 t,saft 487 t,isakmp 500 u,biff 512 u,exec 512 t,login 513 t,who 513 u,shell 514 t,' +
  'syslog 514 u,printer 515 t,talk 517 u,ntalk 518 u,route 520 u,gdomap 538 tu,uucp 540 t,klogin 543 t,' +
  'kshell 544 t,dhcpv6-client 546 u,dhcpv6-server 547 u,afpovertcp 548 t,rtsp 554 tu,nntps 563 t,' +
  'submission 587 t,nqs 607 t,asf-rmcp 623 u,qmqp 628 t,ipp 631 t,ldaps 636 tu,ldp 646 tu,tinc 655 tu,' +
  'silc 706 t,kerberos-adm 749 t,kerberos4 750 tu,kerberos-master 751 tu,passwd-server 752 u,krb-prop 754 t,' +
  'moira-db 775 t,moira-update 777 t,moira-ureg 779 u,spamd 783 t,domain-s 853 tu,supfilesrv 871 t,' +
  'rsync 873 t,ftps-data 989 t,ftps 990 t,telnets 992 t,imaps 993 t,pop3s 995 t,socks 1080 t,openvpn 1194 tu,' +
  'radius 1812 tu,radius-acct 1813 tu,nfs 2049 tu,mysql 3306 t,ms-wbt-server 3389 t,mdns 5353 u,' +
  'postgresql 5432 t,amqp 5672 t,x11 6000 t,redis 6379 t,http-alt 8080 t';

interface Service {
  name: string;
  port: number;
  protos: string;
}

const SERVICES: readonly Service[] = SERVICES_TEXT.split(',').map((e) => {
  const [name, port, protos] = e.split(' ');
  return { name: name as string, port: Number(port), protos: protos as string };
});

const protoLetter = (proto: string | null): string => (proto === 'udp' ? 'u' : 't');

/** xtables_parse_port: a number 0-65535 or a service name for the protocol. */
export function parsePort(text: string, proto: string | null): number {
  const n = strtoui(text, 65535);
  if (n !== null) return n;
  const s = SERVICES.find((e) => e.name === text && e.protos.includes(protoLetter(proto)));
  if (s) return s.port;
  throw XtError.param(`invalid port/service \`${text}' specified`);
}

/** getservbyport(): the service name `iptables -L` prints without -n, or the number. */
export function portName(port: number, proto: string | null): string {
  const s = SERVICES.find((e) => e.port === port && e.protos.includes(protoLetter(proto)));
  return s ? s.name : String(port);
}
