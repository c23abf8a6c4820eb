/**
 * The embedded resolver (docker-behaviour.md A.5.38-41): names, aliases, short ids and "<name>.<network>" on
 * the user-defined networks the asking sandbox shares; nothing on the default bridge.
 */
import { describe, expect, it } from 'vitest';
import { formatIp4 } from '../lib';
import { Scenario } from '../sim/scenario';
import { dockerDnsResolve } from './dns';
import { RESOLVER_IP } from './listeners';

async function resolver(net: Scenario, from: string) {
  const st = net.sim.world.docker;
  const c = Object.values(st.containers).find((x) => x.name === from);
  if (!c?.ns) throw new Error(`${from} is not running`);
  const ns = c.ns;
  return (name: string) => {
    const r = dockerDnsResolve(net.sim.world.docker, ns, name, RESOLVER_IP);
    // A committed World's tables may be answered from the kept index: the same answer.
    expect(dockerDnsResolve(net.sim.world.docker, ns, name, RESOLVER_IP, true)).toEqual(r);
    return r === null ? null : r.map(formatIp4);
  };
}

describe('embedded DNS', () => {
  it('resolves peers on a user-defined network by name (A.5.38) and <name>.<network> (A.5.40)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create br.net1');
    await net.run('docker run -d --name c1.net1 --network br.net1 busybox top');
    await net.run('docker run -d --name c2.net1 --network br.net1 busybox top');
    const ask = await resolver(net, 'c2.net1');
    expect(ask('c1.net1')).toEqual(['172.18.0.2']);
    expect(ask('c1.net1.br.net1')).toEqual(['172.18.0.2']);
    expect(ask('c1.net1.br.net1.google.com')).toBeNull();
    expect(ask('example.com')).toEqual(['93.184.215.14']);
  });

  it('follows aliases and short ids across connect and disconnect (A.5.41)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create net1');
    await net.run('docker network create net2');
    await net.run('docker run -d --name first --network net1 --network-alias foo busybox top');
    await net.run('docker run -d --name second --network net1 busybox top');
    const short = (await net.inspect('first', '{{.Id}}')).slice(0, 12);
    let ask = await resolver(net, 'second');
    for (const n of ['first', 'foo', short]) expect(ask(n)).toEqual(['172.18.0.2']);
    await net.run('docker network connect --alias=bar net2 first');
    await net.run('docker network connect net2 second');
    ask = await resolver(net, 'second');
    expect(ask('bar')).toEqual(['172.19.0.2']);
    await net.run('docker network disconnect net1 first');
    expect(ask('foo')).toBeNull();
    expect(ask('bar')).toEqual(['172.19.0.2']);
    expect(ask(short)).toEqual(['172.19.0.2']);
    expect(await net.inspect('first', '{{json .NetworkSettings.Networks.net2.DNSNames}}')).toBe(
      `["first","bar","${short}"]`,
    );
  });

  it('does not resolve containers on the default bridge, nor stopped ones', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name alpine1 busybox top');
    await net.run('docker run -d --name alpine2 busybox top');
    expect((await resolver(net, 'alpine1'))('alpine2')).toBeNull();
    await net.run('docker network create un');
    await net.run('docker run -d --name a1 --network un busybox top');
    await net.run('docker run -d --name a2 --network un busybox top');
    await net.run('docker stop a1');
    expect((await resolver(net, 'a2'))('a1')).toBeNull();
  });

  it('listens on 127.0.0.11 through DNAT rules in the container namespace', async () => {
    const net = await Scenario.start();
    await net.run('docker network create un');
    // iptables inside a container needs CAP_NET_ADMIN (nfnetlink), which Docker's default set lacks.
    await net.run('docker run -d --name n1 --network un --cap-add NET_ADMIN nicolaka/netshoot sleep 1000');
    const r = await net.exec('n1', 'iptables -t nat -S DOCKER_OUTPUT');
    expect(r.stdout).toMatch(
      /^-N DOCKER_OUTPUT\n-A DOCKER_OUTPUT -d 127\.0\.0\.11\/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127\.0\.0\.11:\d+\n-A DOCKER_OUTPUT -d 127\.0\.0\.11\/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127\.0\.0\.11:\d+\n$/,
    );
  });
});
