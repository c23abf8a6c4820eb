/**
 * Every command module the simulator provides. One line per module; each module owns its help, flags,
 * parsing, running and formatting (DESIGN.md section 6).
 */
import type { SimCommand } from './types';
import { sleepCommand } from './commands/sleep';
import { hostnameCommand } from './commands/hostname';
import { ipCommand } from './commands/ip';
import { busyboxCommand } from './commands/busybox';
import { bridgeCommand } from './commands/bridge';
import { brctlCommand } from './commands/brctl';
import { sysctlCommand } from './commands/sysctl';
import { ifconfigCommand } from './commands/ifconfig';
import { routeCommand } from './commands/route';
import { netstatCommand } from './commands/netstat';
import { arpCommand } from './commands/arp';
import { iptablesCommand } from './commands/iptables';
import { iptablesSaveCommand } from './commands/iptables/save';
import { dockerCommand } from './commands/docker';
import { conntrackCommand } from './commands/conntrack';
import { pingCommand } from './commands/ping';
import { tracerouteCommand } from './commands/traceroute';
import { ncCommand } from './commands/nc';
import { curlCommand } from './commands/curl';
import { ssCommand } from './commands/ss';
import { wgetCommand } from './commands/wget';
import { nslookupCommand } from './commands/nslookup';
import { tcpdumpCommand } from './commands/tcpdump';
import { httpdCommand } from './commands/httpd';
import { catCommand } from './commands/cat';
import { readlinkCommand } from './commands/readlink';
import { dateCommand } from './commands/date';
import { lsCommand } from './commands/ls';
import { ethtoolCommand } from './commands/ethtool';
import { realpathCommand } from './commands/realpath';
import { whoamiCommand } from './commands/userland/whoami';
import { unameCommand } from './commands/userland/uname';
import { idCommand } from './commands/userland/id';
import { whichCommand } from './commands/userland/which';
import { envCommand, printenvCommand } from './commands/userland/env';

export const COMMANDS: readonly SimCommand[] = [
  sleepCommand,
  hostnameCommand,
  ipCommand,
  busyboxCommand,
  bridgeCommand,
  brctlCommand,
  sysctlCommand,
  ifconfigCommand,
  routeCommand,
  netstatCommand,
  arpCommand,
  iptablesCommand,
  iptablesSaveCommand,
  dockerCommand,
  conntrackCommand,
  pingCommand,
  tracerouteCommand,
  ncCommand,
  curlCommand,
  ssCommand,
  wgetCommand,
  nslookupCommand,
  tcpdumpCommand,
  httpdCommand,
  catCommand,
  readlinkCommand,
  dateCommand,
  lsCommand,
  ethtoolCommand,
  realpathCommand,
  whoamiCommand,
  unameCommand,
  idCommand,
  whichCommand,
  envCommand,
  printenvCommand,
];
