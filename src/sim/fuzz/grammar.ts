/**
 * fast-check grammars of the command lines people type (and mistype) at the playground: the real argv shapes
 * of ip, bridge, brctl, iptables, sysctl, docker, ping, with names that exist, names that do not, names that
 * are hostile (markup, `__proto__`, control characters), addresses valid and not, numbers too big for any
 * field, and plain garbage in any slot. For the property tests (robustness.property.test.ts, parsers...).
 */
import fc from 'fast-check';

/** Quote one word for the shell so the command sees exactly it (bash's '...' with '\'' for quotes). */
export function shq(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

export const line = (words: readonly string[]): string => words.map(shq).join(' ');

/** Names that break naive code: markup, prototype keys, escapes, too long, empty, dashes. */
export const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '<img src=x onerror=alert(1)>',
  '<b>x</b>',
  'a\u001b[31mb',
  'x\u0007y',
  'tab\tname',
  'nl\nname',
  'a'.repeat(16),
  'a'.repeat(300),
  '',
  '-',
  '--',
  '.',
  '..',
  'a/b',
  'é',
  '名字',
  '1e308',
] as const;

const HUGE_NUMBERS = [
  '99999999999999999999',
  '18446744073709551616',
  '4294967296',
  '4294967295',
  '2147483648',
  '-1',
  '-2147483649',
  '0',
  '1e308',
  'Infinity',
  'NaN',
  '0x7fffffff',
  '0xffffffffff',
  '1.5',
  '',
] as const;

const garbage: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NAMES, ...HUGE_NUMBERS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** A slot that usually holds one of `good`, and sometimes garbage. */
const slot = (good: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: garbage });

const pick = (...xs: string[]) => slot(fc.constantFrom(...xs));

/** Interface names: ones the lines below create, the host's own, and hostile ones. */
export const ifName = pick('br0', 'br1', 'v0', 'v1', 'v2', 'lo', 'eth0', 'docker0', 'nope0', '__proto__');
export const nsName = pick('ns1', 'ns2', 'constructor', 'missing');
const ctName = pick('c1', 'c2', 'c3', '__proto__', '<img src=x onerror=alert(1)>', 'nope');
const netName = pick('n1', 'n2', 'bridge', 'host', 'none', 'constructor', '__proto__', 'missing');
const image = pick('busybox', 'alpine', 'nginx', 'nicolaka/netshoot', 'ubuntu', 'nosuchimage:9');
const ip4 = pick('10.0.0.1', '10.0.0.2', '10.0.1.1', '172.18.0.5', '8.8.8.8', '127.0.0.1', '0.0.0.0');
const prefix = pick('10.0.0.1/24', '10.0.0.2/24', '10.0.1.1/24', '10.9.0.0/16', '1.2.3.4/32', '10.0.0.0/33');
const dst = pick('default', '10.0.0.0/24', '10.8.0.0/16', '192.168.5.0/24', '0.0.0.0/0', '1.2.3.4');
const mac = pick('02:00:00:00:00:01', 'aa:bb:cc:dd:ee:ff', 'ff:ff:ff:ff:ff:ff', '00:00:00:00:00:00');
const num = pick('0', '1', '2', '64', '1280', '1500', '9000', '65535', '65536', ...HUGE_NUMBERS);
const maybe = <T>(a: fc.Arbitrary<T[]>) => fc.oneof(fc.constant([] as T[]), a);

const cat = (...parts: fc.Arbitrary<string[]>[]): fc.Arbitrary<string[]> =>
  fc.tuple(...parts).map((xs) => xs.flat());
const w = (a: fc.Arbitrary<string>) => a.map((x) => [x]);
const k = (...xs: string[]) => fc.constant(xs);

const ipLink = fc.oneof(
  cat(k('link', 'add'), w(ifName), k('type'), w(pick('bridge', 'dummy', 'veth', 'vlan', 'macvlan', 'bogus'))),
  cat(k('link', 'add'), w(ifName), k('type', 'veth', 'peer', 'name'), w(ifName)),
  cat(
    k('link', 'set'),
    maybe(k('dev')),
    w(ifName),
    fc.oneof(
      k('up'),
      k('down'),
      cat(k('mtu'), w(num)),
      cat(k('master'), w(ifName)),
      k('nomaster'),
      cat(k('netns'), w(nsName)),
      cat(k('name'), w(ifName)),
      cat(k('address'), w(mac)),
      cat(k('txqueuelen'), w(num)),
      cat(k('alias'), w(garbage)),
    ),
  ),
  cat(k('link', 'del'), w(ifName)),
  cat(k('link', 'show'), maybe(w(ifName))),
);
const ipAddr = fc.oneof(
  cat(
    w(pick('addr', 'address', 'a')),
    w(pick('add', 'del', 'change', 'replace')),
    w(prefix),
    k('dev'),
    w(ifName),
  ),
  cat(k('addr', 'flush', 'dev'), w(ifName)),
  cat(w(pick('addr', 'a')), maybe(k('show')), maybe(cat(k('dev'), w(ifName)))),
);
const ipRoute = fc.oneof(
  cat(
    k('route'),
    w(pick('add', 'del', 'replace', 'change', 'append')),
    w(dst),
    maybe(cat(k('via'), w(ip4))),
    maybe(cat(k('dev'), w(ifName))),
    maybe(cat(w(pick('metric', 'table', 'mtu', 'proto')), w(num))),
  ),
  cat(k('route', 'get'), w(ip4)),
  cat(w(pick('route', 'r')), maybe(w(pick('show', 'list', 'flush')))),
);
const ipNeigh = fc.oneof(
  cat(
    k('neigh'),
    w(pick('add', 'replace', 'del', 'change')),
    w(ip4),
    k('lladdr'),
    w(mac),
    k('dev'),
    w(ifName),
  ),
  cat(k('neigh'), maybe(k('show'))),
  cat(k('neigh', 'flush', 'dev'), w(ifName)),
);
const ipNetns = fc.oneof(
  cat(k('netns'), w(pick('add', 'del', 'delete')), w(nsName)),
  cat(k('netns'), maybe(k('list'))),
  cat(k('netns', 'exec'), w(nsName), w(pick('ip', 'sysctl', 'ping')), w(pick('a', '-w', 'link', '-c'))),
);
const ipGlobal = maybe(fc.oneof(cat(k('-n'), w(nsName)), w(pick('-br', '-4', '-d', '-s', '-j', '-o', '-6'))));
const ip = cat(
  k('ip'),
  ipGlobal,
  fc.oneof(ipLink, ipAddr, ipRoute, ipNeigh, ipNetns, fc.array(garbage, { maxLength: 4 })),
);

const bridge = cat(
  k('bridge'),
  fc.oneof(
    cat(
      k('link', 'set', 'dev'),
      w(ifName),
      w(pick('learning', 'flood', 'hairpin', 'isolated', 'cost', 'state')),
      w(pick('on', 'off', '1', '4', ...HUGE_NUMBERS)),
    ),
    cat(
      k('fdb'),
      w(pick('add', 'del', 'append', 'replace')),
      w(mac),
      k('dev'),
      w(ifName),
      maybe(w(pick('master', 'self', 'static', 'permanent'))),
    ),
    cat(w(pick('fdb', 'link', 'vlan', 'mdb')), maybe(k('show'))),
    cat(k('vlan'), w(pick('add', 'del')), k('dev'), w(ifName), k('vid'), w(num)),
  ),
);
const brctl = cat(
  k('brctl'),
  fc.oneof(
    cat(w(pick('addbr', 'delbr')), w(ifName)),
    cat(w(pick('addif', 'delif')), w(ifName), w(ifName)),
    cat(
      w(pick('stp', 'setageing', 'setfd', 'setbridgeprio', 'showmacs', 'showstp')),
      w(ifName),
      maybe(w(num)),
    ),
    k('show'),
  ),
);
const sysctlKey = pick(
  'net.ipv4.ip_forward',
  'net.ipv4.conf.all.forwarding',
  'net.ipv4.conf.v0.forwarding',
  'net.ipv4.ip_default_ttl',
  'net.bridge.bridge-nf-call-iptables',
  'net.ipv4.conf.all.rp_filter',
  'net.ipv6.conf.all.disable_ipv6',
  'net.nope',
  'kernel.__proto__',
);
const sysctl = cat(
  k('sysctl'),
  fc.oneof(
    cat(
      k('-w'),
      fc.tuple(sysctlKey, num).map(([a, b]) => [`${a}=${b}`]),
    ),
    w(sysctlKey),
    cat(w(pick('-n', '-q', '-e', '-p')), w(sysctlKey)),
  ),
);
const chain = pick(
  'INPUT',
  'FORWARD',
  'OUTPUT',
  'PREROUTING',
  'POSTROUTING',
  'DOCKER',
  'MYCHAIN',
  '__proto__',
);
const ruleSpec = fc
  .array(
    fc.oneof(
      cat(w(pick('-s', '-d', '!')), w(prefix)),
      cat(k('-p'), w(pick('tcp', 'udp', 'icmp', 'all', 'sctp', '300'))),
      cat(w(pick('--dport', '--sport')), w(pick('80', '8080:8090', '0', '65536', ...HUGE_NUMBERS))),
      cat(w(pick('-i', '-o')), w(ifName)),
      cat(k('-m'), w(pick('conntrack', 'state', 'addrtype', 'comment', 'nosuchmatch'))),
      cat(w(pick('--ctstate', '--state')), w(pick('NEW', 'ESTABLISHED,RELATED', 'BOGUS'))),
      cat(
        k('-j'),
        w(pick('ACCEPT', 'DROP', 'REJECT', 'MASQUERADE', 'DNAT', 'SNAT', 'RETURN', 'MYCHAIN', 'LOG')),
      ),
      cat(
        w(pick('--to-destination', '--to-source', '--to')),
        w(pick('10.0.0.2:80', '10.0.0.2', '1.2.3.4:99999')),
      ),
    ),
    { maxLength: 4 },
  )
  .map((xs) => xs.flat());
const iptables = cat(
  w(pick('iptables', 'iptables-save')),
  maybe(cat(k('-t'), w(pick('filter', 'nat', 'mangle', 'raw', 'bogus')))),
  fc.oneof(
    cat(w(pick('-A', '-I', '-D', '-C')), w(chain), ruleSpec),
    cat(w(pick('-N', '-X', '-F', '-Z', '-L', '-S')), maybe(w(chain))),
    cat(k('-P'), w(chain), w(pick('ACCEPT', 'DROP', 'RETURN'))),
    cat(k('-nvL'), maybe(w(chain))),
    cat(k('-R'), w(chain), w(num), ruleSpec),
  ),
);
const dockerCmd = cat(
  k('docker'),
  fc.oneof(
    cat(
      w(pick('run', 'create')),
      maybe(k('-d')),
      maybe(cat(k('--name'), w(ctName))),
      maybe(cat(w(pick('--network', '--net')), w(netName))),
      maybe(cat(k('-p'), w(pick('8080:80', '80', '127.0.0.1:9000:80/udp', '99999:80', '1-3:1-3')))),
      maybe(cat(k('--ip'), w(ip4))),
      w(image),
      maybe(k('sleep', '1000')),
    ),
    cat(k('network', 'create'), maybe(cat(k('--subnet'), w(prefix))), maybe(k('--internal')), w(netName)),
    cat(k('network'), w(pick('connect', 'disconnect')), w(netName), w(ctName)),
    cat(k('network'), w(pick('rm', 'inspect')), w(netName)),
    cat(
      w(pick('rm', 'stop', 'start', 'restart', 'kill', 'pause', 'unpause', 'inspect', 'port', 'logs')),
      maybe(k('-f')),
      w(ctName),
    ),
    cat(k('rename'), w(ctName), w(ctName)),
    cat(
      k('exec'),
      w(ctName),
      w(pick('ip', 'ping', 'hostname', 'cat')),
      w(pick('a', 'route', '-c1', '/etc/hosts')),
    ),
    cat(w(pick('ps', 'network')), maybe(w(pick('-a', 'ls', '-q', 'prune', '-f')))),
  ),
);
const ping = cat(
  k('ping'),
  k('-c'),
  w(pick('1', '2', '0', '-1', '1e308', '99999999999999999999')),
  maybe(cat(w(pick('-s', '-t', '-W', '-i', '-w')), w(num))),
  w(ip4),
);

/** One command line of the grammar above: a random mix of valid and invalid use. */
export const commandLine: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 5, arbitrary: ip },
    { weight: 2, arbitrary: bridge },
    { weight: 1, arbitrary: brctl },
    { weight: 2, arbitrary: sysctl },
    { weight: 3, arbitrary: iptables },
    { weight: 4, arbitrary: dockerCmd },
    { weight: 1, arbitrary: ping },
  )
  .map(line);

/** Arbitrary argv for any command: flags that look real, words, garbage, numbers. */
const VOCABULARY = (
  '-h --help -c -n -s -t -w -a -f -d -p -e -4 -6 -j -o -- - add del show set list link addr route dev lo ' +
  'eth0 docker0 1 10.0.0.1 10.0.0.0/24 localhost ACCEPT INPUT nat ls run network container image exec help ' +
  'netns neigh fdb vlan proto scope nud state type table via mtu master -A -I -L -N -P -m --name -type=a ' +
  '--format {{.Name}} -it busybox sh ip ping 8.8.8.8 c1 n1'
).split(' ');

export const anyArgv: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: garbage },
    { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) },
    // Object.prototype's names, where a command looks a word up in a table.
    {
      weight: 2,
      arbitrary: fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'),
    },
  ),
  { maxLength: 6 },
);
