/** Legacy links, finite main processes, and a subnet with no address left. */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

describe('legacy links and finite main processes', () => {
  it('links only to containers on the default bridge (A.5.49, B.4.32)', async () => {
    const net = await Scenario.start();
    await net.run('docker network create anotherbridge');
    await net.run('docker run -d --name container1 busybox top');
    await net.run('docker run -d --name container2 --network anotherbridge busybox top');
    const ok = await net.run('docker run --rm --link container1:container1 busybox cat /etc/hosts');
    const child = (await net.inspect('container1', '{{.Id}}')).slice(0, 12);
    expect(ok.stdout).toContain(`\n172.17.0.2\tcontainer1 ${child}\n`);
    const bad = await net.run('docker run --rm --link container2:container2 busybox true');
    expect(bad.stderr).toBe(
      'docker: Error response from daemon: Cannot link to /container2, as it does not belong to the default network.\n',
    );
    expect(bad.exitCode).toBe(125);
    await net.run('docker network connect bridge container2');
    expect((await net.run('docker run --rm --link container2:container2 busybox true')).exitCode).toBe(0);
  });

  it('a sleep ends on time: foreground runs return, detached ones show Exited', async () => {
    const net = await Scenario.start();
    await net.run('docker run --name s5 busybox sleep 2');
    await net.run('docker run -d --name s6 busybox sleep 1');
    await net.run('sleep 3');
    expect((await net.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toBe(
      's6 Exited (0) 2 seconds ago\ns5 Exited (0) 3 seconds ago\n',
    );
  });
});

describe('address exhaustion', () => {
  it('fails the start when the subnet has no free address', async () => {
    const net = await Scenario.start();
    await net.run('docker network create --subnet 10.9.0.0/30 tiny');
    expect((await net.run('docker run -d --name t1 --network tiny busybox top')).exitCode).toBe(0);
    const id = await net.inspect('tiny', '{{.Id}}');
    const r = await net.run('docker run -d --name t2 --network tiny busybox top');
    expect(r.stderr).toBe(
      `docker: Error response from daemon: no available IPv4 addresses on this network's address pools: tiny (${id}).\n`,
    );
    expect(r.exitCode).toBe(125);
  });
});
