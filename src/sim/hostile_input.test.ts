/**
 * Hostile input gets what Linux gives it: numbers no field holds, names with markup, prototype keys and
 * controls. Every expectation here was checked against the real tools on Linux 6.18 (iproute2 6.1,
 * iputils 20221126, procps sysctl, iptables 1.8.9 nft) in scratch namespaces: same bytes, same exit code.
 */
import { describe, expect, it } from 'vitest';
import { dockerInvariantViolations } from '../docker';
import { kernelInvariantViolations } from '../kernel';
import { Scenario } from './scenario';

const HUGE = '99999999999999999999';

/** [line, stderr, exit code]: nothing on stdout. */
const REFUSED: [string, string, number][] = [
  [`ip link set dev v0 mtu ${HUGE}`, `Error: argument "${HUGE}" is wrong: Invalid "mtu" value\n\n`, 255],
  [
    'ip link set dev v0 mtu 4294967296',
    'Error: argument "4294967296" is wrong: Invalid "mtu" value\n\n',
    255,
  ],
  ['ip link set dev v0 mtu 1e3', 'Error: argument "1e3" is wrong: Invalid "mtu" value\n\n', 255],
  ['ip link set dev v0 mtu -1', 'Error: mtu less than device minimum.\n', 2],
  ['ip link set dev v0 mtu 65536', 'Error: mtu greater than device maximum.\n', 2],
  ['ip link set dev v0 mtu 67', 'Error: mtu less than device minimum.\n', 2],
  [
    `ip link set dev v0 txqueuelen ${HUGE}`,
    `Error: argument "${HUGE}" is wrong: Invalid "txqueuelen" value\n\n`,
    255,
  ],
  [
    `ip addr add 10.9.9.9/${HUGE} dev v0`,
    `Error: any valid prefix is expected rather than "10.9.9.9/${HUGE}".\n`,
    1,
  ],
  [
    `ip route add 10.9.0.0/16 dev v0 metric ${HUGE}`,
    `Error: argument "${HUGE}" is wrong: "metric" value is invalid\n\n`,
    255,
  ],
  [
    `ip route add 10.9.0.0/16 dev v0 table ${HUGE}`,
    `Error: argument "${HUGE}" is wrong: "table" value is invalid\n\n`,
    255,
  ],
  ['ping -c 1e308 127.0.0.1', "ping: invalid argument: '1e308'\n", 1],
  [`ping -c ${HUGE} 127.0.0.1`, `ping: invalid argument: '${HUGE}': Numerical result out of range\n`, 1],
  [
    'ping -c 0 -w 1 127.0.0.1',
    "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n",
    1,
  ],
  [`ping -c 1 -s ${HUGE} 127.0.0.1`, `ping: invalid argument: '${HUGE}': Numerical result out of range\n`, 1],
  ['ping -c 1 -t 256 127.0.0.1', "ping: invalid argument: '256': out of range: 0 <= value <= 255\n", 1],
  ['ping -c 1 -W 1e308 127.0.0.1', 'ping: bad linger time: 1e308\n', 2],
  ['ping -c 1 -i 1e308 127.0.0.1', 'ping: bad timing interval: 1e308\n', 2],
  [
    `sysctl -w net.ipv4.ip_default_ttl=${HUGE}`,
    'sysctl: setting key "net.ipv4.ip_default_ttl": Invalid argument\n',
    1,
  ],
  [
    `sysctl -w net.ipv4.ip_forward=${HUGE}`,
    'sysctl: setting key "net.ipv4.ip_forward": Invalid argument\n',
    1,
  ],
  [
    `iptables -A INPUT -p tcp --dport ${HUGE}`,
    `iptables v1.8.9 (nf_tables): invalid port/service \`${HUGE}' specified\nTry \`iptables -h' or 'iptables --help' for more information.\n`,
    2,
  ],
  // Words Object.prototype has are names like any other (lib/own.ts).
  ['ip addr show constructor', 'Device "constructor" does not exist.\n', 1],
  [
    'ip addr add 10.0.0.1/24 dev lo constructor',
    'Error: either "local" is duplicate, or "constructor" is a garbage.\n',
    255,
  ],
  [
    'iptables -A INPUT -p constructor',
    "iptables v1.8.9 (nf_tables): unknown protocol \"constructor\" specified\nTry `iptables -h' or 'iptables --help' for more information.\n",
    2,
  ],
  [
    'iptables -A INPUT -s constructor',
    "iptables v1.8.9 (nf_tables): host/network `constructor' not found\nTry `iptables -h' or 'iptables --help' for more information.\n",
    2,
  ],
  [
    'curl --constructor',
    "curl: option --constructor: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    2,
  ],
  ['ip link add aaaaaaaaaaaaaaaa type veth peer name ab', 'Error: Attribute failed policy validation.\n', 2],
  [
    "ip link add 'a b' type veth peer name ac",
    'Error: argument "a b" is wrong: "dev" not a valid ifname\n',
    255,
  ],
];

describe('hostile input', () => {
  it('numbers too big for any field and prototype words: the real tools’ errors', async () => {
    const net = await Scenario.start(6);
    await net.run('ip link add v0 type veth peer name v1');
    for (const [line, stderr, exitCode] of REFUSED)
      expect({ line, ...(await net.run(line)) }).toEqual({ line, stdout: '', stderr, exitCode });
    // `sleep 1e308` is a valid (endless) sleep for coreutils: it runs until Ctrl-C.
    const ac = new AbortController();
    const r = await net.sim.run(net.terminal, 'sleep 1e308', {
      signal: ac.signal,
      pace: async () => ac.abort(),
    });
    expect(r.exitCode).toBe(130);
  });

  it('names with markup, prototype keys and shell syntax are plain names everywhere', async () => {
    const net = await Scenario.start(6);
    await net.runAll([
      "ip link add '<b>x' type veth peer name __proto__",
      "ip link add constructor type veth peer name 'a$(id)'",
      'ip netns add __proto__',
      'ip netns add constructor',
    ]);
    expect((await net.run('ip -br link')).stdout).toContain('__proto__@<b>x   DOWN           ');
    // (in /run/netns's directory order, which the real tool does not sort either)
    expect((await net.run('ip netns list')).stdout.split('\n').sort()).toEqual([
      '',
      '__proto__',
      'constructor',
    ]);
    expect(await net.run('ip netns exec __proto__ ip -br link')).toEqual({
      stdout: 'lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n',
      stderr: '',
      exitCode: 0,
    });
    expect(await net.run('ip link set __proto__ netns constructor')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect((await net.run('ip -n constructor -br link show __proto__')).stdout).toMatch(
      /^__proto__@if\d+ +DOWN /,
    );
    // A network may be called __proto__ (Docker keeps names in Go maps); its containers find each other.
    await net.runAll([
      'docker network create __proto__',
      'docker run -d --name xx --network __proto__ busybox sleep 100',
      'docker run -d --name yy --network __proto__ busybox sleep 100',
    ]);
    expect(
      await net.inspect('xx', '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}{{end}}'),
    ).toBe('__proto__ 172.18.0.2');
    expect((await net.exec('yy', 'ping -c 1 xx')).stdout).toContain('64 bytes from 172.18.0.2: seq=0 ttl=64');
    expect(await net.run('docker network disconnect __proto__ xx')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(await net.inspect('xx', '{{json .NetworkSettings.Networks}}')).toBe('{}');
    // Names that are not hosts anywhere do not resolve to anything.
    expect((await net.run('ping -c 1 constructor')).stderr).toBe(
      'ping: constructor: Name or service not known\n',
    );
    expect((await net.exec('yy', 'ping -c 1 toString')).stderr).toBe("ping: bad address 'toString'\n");
    expect(kernelInvariantViolations(net.sim.world.kernel)).toEqual([]);
    expect(dockerInvariantViolations(net.sim.world.docker, net.sim.world.kernel)).toEqual([]);
  });

  it('control characters and escape sequences in a line are not run or journaled', async () => {
    const net = await Scenario.start(6);
    const r = await net.run('ip link add br\u001b[31m0\u009b type bridge');
    expect(r.exitCode).toBe(0);
    expect((await net.run('ip -br link show br[31m0')).stdout).toMatch(/^br\[31m0 +DOWN /);
    expect(net.sim.journal().at(-2)).toEqual({
      kind: 'line',
      terminal: 't1',
      line: 'ip link add br[31m0 type bridge',
    });
  });
});
