/**
 * Connectivity the way Docker's integration tests check it, with ping inside the containers:
 * none (A.4.26), names on a user network (A.5.38), isolation between networks (A.6.50), internal networks
 * (A.6.52), and the way out through the host's MASQUERADE and the LAN gateway.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

describe('connectivity', () => {
  it('none: 8.8.8.8 is unreachable, 127.0.0.1 answers (A.4.26)', async () => {
    const net = await Scenario.start();
    const out = await net.run('docker run --rm --net=none busybox ping -c 1 8.8.8.8');
    expect(out.stderr).toBe('ping: sendto: Network is unreachable\n');
    expect(out.exitCode).toBe(1);
    expect((await net.run('docker run --rm --net=none busybox ping -c 1 127.0.0.1')).exitCode).toBe(0);
  });

  it('resolves and reaches a peer by name on a user network (A.5.38), not across networks (A.6.50)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create testnetwork1');
    await net.run('docker network create testnetwork2');
    await net.run('docker run -d --name first --network testnetwork1 busybox top');
    await net.run('docker run -d --name second --network testnetwork1 busybox top');
    await net.run('docker run -d --name third --network testnetwork2 busybox top');
    const byName = await net.exec('second', 'ping -c 1 first');
    expect(byName.stdout).toContain('1 packets transmitted, 1 packets received, 0% packet loss');
    const across = await net.exec('first', 'ping -c 1 -W 1 172.19.0.2');
    expect(across.stdout).toContain('1 packets transmitted, 0 packets received, 100% packet loss');
    expect(across.exitCode).toBe(1);
    await net.run('docker network connect testnetwork2 first');
    expect((await net.exec('first', 'ping -c 1 -W 1 172.19.0.2')).exitCode).toBe(0);
    await net.run('docker network disconnect testnetwork2 first');
    expect((await net.exec('first', 'ping -c 1 -W 1 172.19.0.2')).exitCode).toBe(1);
  });

  it('the default bridge has no name resolution between containers', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name alpine1 alpine sleep 1000');
    await net.run('docker run -d --name alpine2 alpine sleep 1000');
    const r = await net.exec('alpine1', 'ping -c 1 alpine2');
    expect(r.stderr).toBe("ping: bad address 'alpine2'\n");
    expect(r.exitCode).toBe(1);
  });

  it('internal: no way out, peers and the gateway answer (A.6.52)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create --internal internal');
    await net.run('docker run -d --name i1 --network internal busybox top');
    await net.run('docker run -d --name i2 --network internal busybox top');
    const out = await net.exec('i2', 'ping -W 4 -c 1 8.8.8.8');
    expect(out.stderr).toBe('ping: sendto: Network is unreachable\n');
    expect((await net.exec('i2', 'ping -c 1 i1')).exitCode).toBe(0);
    expect((await net.exec('i2', 'ping -c 1 172.18.0.1')).exitCode).toBe(0);
  });

  it('reaches the internet through two NATs (ttl 62)', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker run --rm busybox ping -c 1 8.8.8.8');
    expect(r.stdout).toMatch(/64 bytes from 8\.8\.8\.8: seq=0 ttl=62 /);
  });
});
