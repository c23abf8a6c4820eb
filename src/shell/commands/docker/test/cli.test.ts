/**
 * The docker CLI's own framing (cli/cobra.go, cli/required.go, run.go reportError): usage errors, flag errors,
 * help texts, daemon errors per verb, exit codes 125/126/127/1, and the interactive flows.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

describe('usage and flags', () => {
  it('reports argument counts like cobra (exit 1)', async () => {
    const net = await Scenario.start();
    let r = await net.run('docker network create');
    expect(r.stderr).toBe(
      '"docker network create" requires exactly 1 argument.\nSee \'docker network create --help\'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n',
    );
    expect(r.exitCode).toBe(1);
    r = await net.run('docker ps extra');
    expect(r.stderr).toBe(
      '"docker ps" accepts no arguments.\nSee \'docker ps --help\'.\n\nUsage:  docker ps [OPTIONS]\n\nList containers\n',
    );
    r = await net.run('docker run');
    expect(r.stderr).toBe(
      '"docker run" requires at least 1 argument.\nSee \'docker run --help\'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('reports flag errors with exit 125', async () => {
    const net = await Scenario.start();
    let r = await net.run('docker run --foo busybox');
    expect(r.stderr).toBe("unknown flag: --foo\nSee 'docker run --help'.\n");
    expect(r.exitCode).toBe(125);
    r = await net.run('docker run -p');
    expect(r.stderr).toBe("flag needs an argument: 'p' in -p\nSee 'docker run --help'.\n");
    r = await net.run('docker network ls -x');
    expect(r.stderr).toBe("unknown shorthand flag: 'x' in -x\nSee 'docker network ls --help'.\n");
  });

  it('prints help with a leading empty line (27.x help template)', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker network --help');
    expect(r.stdout).toBe(
      "\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.\n",
    );
    const root = await net.run('docker --help');
    expect(
      root.stdout.startsWith(
        '\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n',
      ),
    ).toBe(true);
    expect(
      root.stdout.endsWith(
        "Run 'docker COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n",
      ),
    ).toBe(true);
    const bare = await net.run('docker');
    expect(bare.stderr).toBe(root.stdout);
    expect(bare.exitCode).toBe(0);
    expect((await net.run('docker network create --help')).stdout).toContain(
      '      --ipv6                 Enable or disable IPv6 networking\n',
    );
  });

  it('rejects unknown commands', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker foo');
    expect(r.stderr).toBe("docker: 'foo' is not a docker command.\nSee 'docker --help'\n");
    expect(r.exitCode).toBe(1);
    expect((await net.run('docker --version')).stdout).toBe('Docker version 27.5.1, build 9f9e405\n');
  });

  it('says plainly that a real command it does not model is not simulated, and what it runs instead', async () => {
    const net = await Scenario.start();
    const stats = await net.run('docker stats --no-stream');
    expect(stats.stdout).toBe('');
    expect(stats.stderr).toMatch(
      /^playground: 'docker stats' is not simulated here; the playground runs docker run, /,
    );
    expect(stats.stderr).toContain(', network, container, image\n');
    expect(stats.exitCode).toBe(1);
    // A management command's verb: its simulated verbs by name, not by alias.
    const rmi = await net.run('docker image rm busybox');
    expect(rmi.stderr).toBe(
      "playground: 'docker image rm' is not simulated here; the playground runs docker image ls, pull, inspect\n",
    );
    expect(rmi.exitCode).toBe(1);
    expect((await net.run('docker system df')).stderr).toMatch(
      /^playground: 'docker system' is not simulated/,
    );
    // A verb no Docker has is still the group's help, and a command no Docker has the CLI's error.
    expect((await net.run('docker image nosuch')).stderr).toMatch(/^\nUsage: {2}docker image COMMAND\n/);
    expect((await net.run('docker pausex')).stderr).toBe(
      "docker: 'pausex' is not a docker command.\nSee 'docker --help'\n",
    );
  });
});

describe('docker run framing (3.2, B.1, B.2, B.4)', () => {
  it('create-time daemon errors carry the help line (B.1)', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name other busybox top');
    const cases: [string, string][] = [
      ['-h=name --net=container:other', 'conflicting options: hostname and the network mode'],
      ['--net=container', 'Invalid network mode: invalid container format container:<name|id>'],
      [
        '--net=container:other --link=zip:zap',
        "conflicting options: container type network can't be used with links. This would result in undefined behavior",
      ],
      ['--net=container:other --dns=8.8.8.8', 'conflicting options: dns and the network mode'],
      [
        '--net=container:other -P',
        'conflicting options: port publishing and the container type network mode',
      ],
      [
        '--net=container:other -p 8080',
        'conflicting options: port publishing and the container type network mode',
      ],
      [
        '--net=container:other --expose 8000-9000',
        'conflicting options: port exposing and the container type network mode',
      ],
      [
        '--net=host --link=zip:zap',
        "conflicting options: host type networking can't be used with links. This would result in undefined behavior",
      ],
    ];
    for (const [flags, msg] of cases) {
      const r = await net.run(`docker run ${flags} busybox ps`);
      expect(r.stderr).toBe(`docker: Error response from daemon: ${msg}.\nSee 'docker run --help'.\n`);
      expect(r.exitCode).toBe(125);
    }
  });

  it('CLI-side network errors (B.4.29, 3.3)', async () => {
    const net = await Scenario.start();
    for (const mode of ['bridge', 'host', 'none']) {
      const r = await net.run(`docker run -d --net ${mode} --net-alias alias_${mode} busybox top`);
      expect(r.stderr).toBe(
        "docker: network-scoped aliases are only supported for user-defined networks.\nSee 'docker run --help'.\n",
      );
      expect(r.exitCode).toBe(125);
    }
    await net.run('docker network create mynet');
    const r = await net.run('docker run --network mynet --network host busybox');
    expect(r.stderr).toBe(
      "docker: conflicting options: cannot attach both user-defined and non-user-defined network-modes.\nSee 'docker run --help'.\n",
    );
  });

  it('a missing network fails at start without the help line', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker run --net=nosuchnet busybox');
    expect(r.stderr).toBe('docker: Error response from daemon: network nosuchnet not found.\n');
    expect(r.exitCode).toBe(125);
  });

  it('an image that is not there fails like a pull without a registry', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker run foo');
    expect(r.stderr).toBe(
      "Unable to find image 'foo:latest' locally\ndocker: Error response from daemon: Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 8.8.8.8:53: no such host.\nSee 'docker run --help'.\n",
    );
    expect(r.exitCode).toBe(125);
  });

  it('a command missing from the image exits 127; the container stays Created', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker run --name nocmd busybox bash');
    expect(r.stderr).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "bash": executable file not found in $PATH: unknown.\n',
    );
    expect(r.exitCode).toBe(127);
    expect((await net.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toBe('nocmd Created\n');
  });

  it('runs a command to completion and exits with its code', async () => {
    const net = await Scenario.start();
    const r = await net.run('docker run --name once busybox cat /etc/hostname');
    const id = await net.inspect('once', '{{.Id}}');
    expect(r.stdout).toBe(`${id.slice(0, 12)}\n`);
    expect(r.exitCode).toBe(0);
    expect(await net.inspect('once', '{{.State.Status}} {{.State.ExitCode}}')).toBe('exited 0');
    expect((await net.run('docker logs once')).stdout).toBe(`${id.slice(0, 12)}\n`);
    expect((await net.run('docker run --rm busybox false')).exitCode).toBe(1);
    expect((await net.run('docker ps -aq')).stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('interactive shells', () => {
  it('docker run -it opens the container shell; exit stops the container', async () => {
    const net = await Scenario.start();
    await net.run('docker run -it --name shell busybox');
    expect(net.inContainer).toBe(true);
    expect((await net.run('hostname')).stdout).toBe(
      `${(await net.sim.world.docker.containers[Object.keys(net.sim.world.docker.containers)[0] as string])?.hostname}\n`,
    );
    await net.run('exit');
    expect(net.inContainer).toBe(false);
    expect((await net.run("docker ps -a --format '{{.Names}} {{.State}}'")).stdout).toBe('shell exited\n');
    expect(Object.keys(net.sim.world.docker.sandboxes)).toHaveLength(0);
  });

  it('docker exec -it opens a shell that leaves the container running', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name c1 busybox top');
    await net.run('docker exec -it c1 sh');
    expect(net.inContainer).toBe(true);
    expect((await net.run('cat /etc/hosts')).stdout).toContain('172.17.0.2\t');
    await net.run('exit');
    expect((await net.run("docker ps --format '{{.Names}} {{.State}}'")).stdout).toBe('c1 running\n');
  });

  it('exec errors: not running, missing command', async () => {
    const net = await Scenario.start();
    await net.run('docker create --name c1 busybox top');
    const id = await net.inspect('c1', '{{.Id}}');
    let r = await net.run('docker exec c1 ls');
    expect(r.stderr).toBe(`Error response from daemon: container ${id} is not running\n`);
    expect(r.exitCode).toBe(1);
    await net.run('docker start c1');
    r = await net.run('docker exec c1 foo');
    expect(r.stderr).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown\n',
    );
    expect(r.exitCode).toBe(126);
    r = await net.run('docker exec nosuch ls');
    expect(r.stderr).toBe('Error response from daemon: No such container: nosuch\n');
  });
});

describe('container lifecycle verbs', () => {
  it('stop, start, rm echo the names; rm refuses a running container', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name c1 busybox top');
    let r = await net.run('docker rm c1');
    expect(r.stderr).toBe(
      'Error response from daemon: cannot remove container "/c1": container is running: stop the container before removing or force remove\n',
    );
    expect(r.exitCode).toBe(1);
    r = await net.run('docker stop c1');
    expect(r.stdout).toBe('c1\n');
    expect((await net.run("docker ps -a --format '{{.Status}}'")).stdout).toBe(
      'Exited (137) Less than a second ago\n',
    );
    expect((await net.run('docker start c1')).stdout).toBe('c1\n');
    r = await net.run('docker start nosuch');
    expect(r.stderr).toBe(
      'Error response from daemon: No such container: nosuch\nError: failed to start containers: nosuch\n',
    );
    expect((await net.run('docker rm -f c1 nosuch')).stdout).toBe('c1\n');
    expect((await net.run('docker rm nosuch')).stderr).toBe(
      'Error response from daemon: No such container: nosuch\n',
    );
  });

  it('lists containers with the 27.5 table layout', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name web -p 8080:80 nginx');
    await net.run('sleep 3');
    const r = await net.run('docker ps');
    const id = (await net.inspect('web', '{{.Id}}')).slice(0, 12);
    expect(r.stdout).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                     NAMES\n' +
        `${id}   nginx     "/docker-entrypoint.…"   3 seconds ago   Up 3 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web\n`,
    );
    expect((await net.run('docker inspect nosuch')).stderr).toBe('Error: No such object: nosuch\n');
  });
});

describe('images', () => {
  it('pull confirms a catalogue image and fails for others like an unreachable registry', async () => {
    const net = await Scenario.start();
    const ok = await net.run('docker pull busybox');
    expect(ok.stdout).toMatch(
      /^Using default tag: latest\nlatest: Pulling from library\/busybox\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for busybox:latest\ndocker.io\/library\/busybox:latest\n$/,
    );
    const bad = await net.run('docker pull foo');
    expect(bad.stderr).toBe(
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 8.8.8.8:53: no such host\n',
    );
    expect(bad.exitCode).toBe(1);
    const images = (await net.run('docker images')).stdout.split('\n');
    expect(images[0]).toBe('REPOSITORY          TAG       IMAGE ID       CREATED         SIZE');
    expect(images.slice(1).map((l) => l.split(/\s+/)[0])).toEqual([
      'alpine',
      'ubuntu',
      'nginx',
      'nicolaka/netshoot',
      'busybox',
      '',
    ]);
  });

  it('lists host-network containers in the host network', async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --net=host --name h1 busybox top');
    const r = await net.run(
      "docker network inspect -f '{{range .Containers}}{{.Name}} [{{.IPv4Address}}]{{end}}' host",
    );
    expect(r.stdout).toBe('h1 []\n');
  });
});
